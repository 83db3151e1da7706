/* wm-cli.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean wm_cli_handles (int    argc,
                         char **argv);
int      wm_cli_run     (int    argc,
                         char **argv);

G_END_DECLS
