/* wm-text-block.h: a block of text shown in one call, for the views
 * beside the map (the priority matrix, its page, the funnel) that draw
 * words without the map's layout.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "wm-color.h"

G_BEGIN_DECLS

double wm_text_block_show (cairo_t                    *cr,
                           const PangoFontDescription *font,
                           const WmColor              *color,
                           const char                 *text,
                           double                      x,
                           double                      y,
                           double                      width,
                           int                         max_lines,
                           PangoAlignment              alignment);

G_END_DECLS
