/* wm-thumbnail.c: small pictures of maps, drawn by the painter, for the
 * template chooser.
 *
 * A whole map shrunk to a few hundred pixels is a grey smear, so a
 * thumbnail shows the map's top-left corner at a size where the title,
 * the personas and the first stages still read as what they are.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-thumbnail"

#include "config.h"

#include <math.h>

#include "wm-layout.h"
#include "wm-painter.h"
#include "wm-text-measure.h"
#include "wm-thumbnail.h"

/* Below this scale a card's words are under 5 pixels high: the cards
 * are drawn as shapes, which still show the map's structure. */
#define MIN_TEXT_SCALE 0.35

/**
 * wm_thumbnail_render:
 * @document: a map
 * @theme: light or dark
 * @width: the thumbnail's width, in logical pixels
 * @height: its height, in logical pixels
 * @scale_factor: device pixels per logical pixel
 *
 * Returns: (transfer full): an image surface of @width × @height logical
 *   pixels, at @scale_factor
 */
cairo_surface_t *
wm_thumbnail_render (WmDocument *document,
                     WmTheme     theme,
                     int         width,
                     int         height,
                     double      scale_factor)
{
  g_autoptr(WmStyle) style = wm_style_new (theme);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  WmLayout *layout = wm_layout_new (document, style, measure);
  cairo_surface_t *surface;
  cairo_t *cr;
  WmRect area;
  double scale;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale_factor > 0, NULL);

  /* The whole map, scaled to fit and centred on its own background, so
   * that maps of different shapes look different at a glance. */
  area = (WmRect) { 0, 0, layout->width, layout->height };
  scale = MIN (width / area.width, height / area.height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale_factor),
                                        (int) ceil (height * scale_factor));
  cairo_surface_set_device_scale (surface, scale_factor, scale_factor);
  cr = cairo_create (surface);
  wm_color_set_source (cr, &style->palette.background);
  cairo_paint (cr);
  cairo_translate (cr, (width - area.width * scale) / 2, (height - area.height * scale) / 2);
  cairo_scale (cr, scale, scale);
  wm_painter_paint (cr, layout, &area, scale * scale_factor < MIN_TEXT_SCALE ? WM_PAINT_CARD_SHAPES : WM_PAINT_DEFAULT);
  cairo_destroy (cr);

  wm_layout_unref (layout);
  return surface;
}
