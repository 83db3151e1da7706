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

/* The widest part of a map a thumbnail shows, in map units: about three
 * stages beside the lane headers. */
#define MAX_SOURCE_WIDTH 1100.0

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

  area.x = 0;
  area.y = 0;
  area.width = MIN (layout->width, MAX_SOURCE_WIDTH);
  area.height = area.width * height / width;
  scale = width / area.width;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale_factor),
                                        (int) ceil (height * scale_factor));
  cairo_surface_set_device_scale (surface, scale_factor, scale_factor);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  wm_painter_paint (cr, layout, &area, WM_PAINT_DEFAULT);
  cairo_destroy (cr);

  wm_layout_unref (layout);
  return surface;
}
