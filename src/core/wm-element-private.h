/* wm-element-private.h: what only the document's history may call.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"

G_BEGIN_DECLS

void wm_element_write_field (WmElement    *self,
                             GParamSpec   *pspec,
                             const GValue *value);

G_END_DECLS
