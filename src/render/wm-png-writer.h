/* wm-png-writer.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-layout.h"
#include "wm-safe-file.h"

G_BEGIN_DECLS

gboolean wm_png_check_size (WmLayout    *layout,
                            int          scale,
                            GError     **error);
gboolean wm_png_write      (WmLayout    *layout,
                            WmSafeFile  *file,
                            int          scale,
                            gboolean     transparent,
                            GError     **error);

G_END_DECLS
