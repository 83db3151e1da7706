/* wm-svg-writer.h: the map as an SVG picture whose words stay text.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-layout.h"
#include "wm-safe-file.h"

G_BEGIN_DECLS

gboolean wm_svg_write (WmLayout    *layout,
                       WmSafeFile  *file,
                       GError     **error);

G_END_DECLS
