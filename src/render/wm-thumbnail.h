/* wm-thumbnail.h: small pictures of maps, drawn by the painter.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "wm-document.h"
#include "wm-style.h"

G_BEGIN_DECLS

cairo_surface_t *wm_thumbnail_render (WmDocument *document,
                                      WmTheme     theme,
                                      int         width,
                                      int         height,
                                      double      scale_factor);

G_END_DECLS
