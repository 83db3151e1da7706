/* wm-tiling.c: pages run left to right, then top to bottom; each shares
 * a strip with its neighbours so the printed sheets can be trimmed and
 * taped together, and each says at its foot where it belongs.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-tiling"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "wm-layout-text.h"
#include "wm-painter.h"
#include "wm-tiling.h"

#define FOOTER_HEIGHT 22.0
/* What neighbouring pages both show, in points. */
#define OVERLAP 18.0

static guint
count_tiles (double length,
             double tile,
             double step)
{
  if (length <= tile)
    return 1;
  return (guint) ceil ((length - tile) / step) + 1;
}

/**
 * wm_tiling_init:
 * @page_width: in points
 * @page_height: in points
 * @margin: blank border of the page, in points
 * @scale: points per map pixel, or 0 to fit the map's width on one page
 *
 * Works out how many pages the map takes and what each one shows.
 */
void
wm_tiling_init (WmTiling *tiling,
                WmLayout *layout,
                double    page_width,
                double    page_height,
                double    margin,
                double    scale)
{
  double printable_width = page_width - 2 * margin;
  double printable_height = page_height - 2 * margin - FOOTER_HEIGHT;
  gboolean fit_width = scale <= 0;

  tiling->page_width = page_width;
  tiling->page_height = page_height;
  tiling->margin = margin;
  tiling->scale = fit_width ? printable_width / layout->width : scale;
  tiling->tile_width = printable_width / tiling->scale;
  tiling->tile_height = printable_height / tiling->scale;
  /* Fitted to the width, pages only follow one another down the map. */
  tiling->step_x = tiling->tile_width - (fit_width ? 0 : OVERLAP / tiling->scale);
  tiling->step_y = tiling->tile_height - OVERLAP / tiling->scale;
  tiling->columns = fit_width ? 1 : count_tiles (layout->width, tiling->tile_width, tiling->step_x);
  tiling->rows = count_tiles (layout->height, tiling->tile_height, tiling->step_y);
}

guint
wm_tiling_get_n_pages (const WmTiling *tiling)
{
  return tiling->columns * tiling->rows;
}

static void
paint_footer (const WmTiling *tiling,
              cairo_t        *cr,
              WmLayout       *layout,
              guint           page)
{
  PangoLayout *text = pango_cairo_create_layout (cr);
  g_autofree char *title = wm_layout_map_title (layout->document);
  g_autofree char *where = NULL;
  g_autofree char *capped = NULL;
  int height;

  wm_text_configure_context (pango_layout_get_context (text));
  pango_layout_context_changed (text);
  if (tiling->columns > 1)
    /* Translators: at the foot of a tiled page: map title, page, page count, row, column */
    where = g_strdup_printf (_("%s — page %u of %u (row %u, column %u)"), title, page + 1,
                             wm_tiling_get_n_pages (tiling), page / tiling->columns + 1, page % tiling->columns + 1);
  else
    /* Translators: at the foot of a printed page: map title, page, page count */
    where = g_strdup_printf (_("%s — page %u of %u"), title, page + 1, wm_tiling_get_n_pages (tiling));
  pango_layout_set_font_description (text, layout->style->fonts[WM_FONT_SMALL]);
  pango_layout_set_text (text, wm_text_cap (where, &capped), -1);
  pango_layout_set_width (text, (int) ((tiling->page_width - 2 * tiling->margin) * PANGO_SCALE));
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_alignment (text, PANGO_ALIGN_RIGHT);
  pango_layout_get_pixel_size (text, NULL, &height);

  wm_color_set_source (cr, &layout->style->palette.text_secondary);
  cairo_move_to (cr, tiling->margin, tiling->page_height - tiling->margin - height);
  pango_cairo_show_layout (cr, text);
  g_object_unref (text);
}

/* Paints page @page (from 0) with the page's top left corner at the
 * origin of @cr, in points. */
void
wm_tiling_paint_page (const WmTiling *tiling,
                      cairo_t        *cr,
                      WmLayout       *layout,
                      guint           page)
{
  guint row = page / tiling->columns, column = page % tiling->columns;
  WmRect tile = { column * tiling->step_x, row * tiling->step_y, tiling->tile_width, tiling->tile_height };

  cairo_save (cr);
  /* Pages past the map's edge keep the page colour. */
  wm_color_set_source (cr, &layout->style->palette.background);
  cairo_rectangle (cr, 0, 0, tiling->page_width, tiling->page_height);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, tiling->margin, tiling->margin,
                   tiling->tile_width * tiling->scale, tiling->tile_height * tiling->scale);
  cairo_clip (cr);
  cairo_translate (cr, tiling->margin, tiling->margin);
  cairo_scale (cr, tiling->scale, tiling->scale);
  cairo_translate (cr, -tile.x, -tile.y);
  wm_painter_paint (cr, layout, &tile, WM_PAINT_DEFAULT);
  cairo_restore (cr);

  paint_footer (tiling, cr, layout, page);
  cairo_restore (cr);
}
