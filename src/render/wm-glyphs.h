/* wm-glyphs.h: small vector pictograms on cards and in the emotion
 * graph, drawn as paths so they stay crisp at any zoom and in every
 * export.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "wm-color.h"

G_BEGIN_DECLS

void     wm_path_rounded_rect              (cairo_t       *cr,
                                            double         x,
                                            double         y,
                                            double         width,
                                            double         height,
                                            double         radius);
void     wm_glyph_draw_channel             (cairo_t       *cr,
                                            const char    *channel_id,
                                            double         x,
                                            double         y,
                                            double         size);
gboolean wm_glyph_has_channel              (const char    *channel_id);
void     wm_glyph_draw_face                (cairo_t       *cr,
                                            double         mood,
                                            double         cx,
                                            double         cy,
                                            double         radius,
                                            const WmColor *fill,
                                            const WmColor *ink);
void     wm_glyph_draw_quality             (cairo_t       *cr,
                                            int            quality,
                                            double         x,
                                            double         y,
                                            double         size);
void     wm_glyph_draw_persona_placeholder (cairo_t       *cr,
                                            double         cx,
                                            double         cy,
                                            double         radius);
void     wm_glyph_draw_warning             (cairo_t       *cr,
                                            double         x,
                                            double         y,
                                            double         size);
void     wm_glyph_draw_lightbulb           (cairo_t       *cr,
                                            double         x,
                                            double         y,
                                            double         size);

G_END_DECLS
