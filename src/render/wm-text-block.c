/* wm-text-block.c: a block of text shown in one call.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-text-block"

#include "config.h"

#include <pango/pangocairo.h>

#include "wm-text-block.h"

/**
 * wm_text_block_show:
 * @max_lines: wrap to at most this many lines, the last cut with "…"
 *
 * Shows @text from (@x, @y) down, wrapped to @width.
 *
 * Returns: the height it took
 */
double
wm_text_block_show (cairo_t                    *cr,
                    const PangoFontDescription *font,
                    const WmColor              *color,
                    const char                 *text,
                    double                      x,
                    double                      y,
                    double                      width,
                    int                         max_lines,
                    PangoAlignment              alignment)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  int height;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, MAX (1, width) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  /* A negative height counts lines. */
  pango_layout_set_height (layout, -MAX (1, max_lines));
  pango_layout_set_alignment (layout, alignment);
  wm_color_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}
