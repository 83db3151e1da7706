/* wm-text-escape.h: text from a file made safe to show in a message.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *wm_text_escape_controls (const char *text);

G_END_DECLS
