/* wm-tiling.c: pages run left to right, then top to bottom, in a grid of
 * page rows and page columns; each says at its foot where it belongs.
 *
 * Pages break where nothing is cut: between stage columns, between lanes,
 * or between the cards of a lane, never through a card, a stage header,
 * an emotion lane or a lane's name. The map's title, above the stages,
 * is drawn whole on the page where it begins. Only something larger than a page
 * is cut. Every page after the first column repeats the lane names of
 * its rows at its left, and every page below the stage headers repeats
 * the headers of its columns at its top, so a printed poster reads page
 * by page.
 *
 * The places not to cut are collected once, sorted and merged, and each
 * page's break is found by a binary search among them: a map of 40,000
 * stages tiles in time proportional to its size.
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
#include "wm-text-measure.h"
#include "wm-tiling.h"

#define FOOTER_HEIGHT 22.0
/* Map pixels: closer than this counts as the same place. */
#define EPSILON 0.01
/* Room kept around a card, for its outline and shadow. */
#define CARD_PAD 3.0

/* A stretch of one axis that no page break may cross. */
typedef struct
{
  double start;
  double end;
} Span;

static void
add_span (GArray *spans,
          double  start,
          double  end)
{
  if (end > start)
    g_array_append_val (spans, ((Span) { start, end }));
}

/* @rect's extent across the map (@x) and down it (@y), @pad wider. */
static void
add_rect (GArray       *x,
          GArray       *y,
          const WmRect *rect,
          double        pad)
{
  if (rect->width <= 0 || rect->height <= 0)
    return;
  if (x != NULL)
    add_span (x, rect->x - pad, rect->x + rect->width + pad);
  if (y != NULL)
    add_span (y, rect->y - pad, rect->y + rect->height + pad);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* Sorts @spans and merges those that overlap. Spans that only touch stay
 * apart: where two stage headers meet is a clean place to break. Spans
 * longer than @room are left out: something larger than a page is cut
 * anyway, and keeping it would cut what lies beside it too (a card that
 * spans every stage would otherwise cut through the stages). */
static void
merge_spans (GArray *spans,
             double  room)
{
  guint out = 0;

  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      Span span = g_array_index (spans, Span, i);

      if (span.end - span.start > room)
        continue;
      if (out > 0 && span.start < g_array_index (spans, Span, out - 1).end - EPSILON)
        {
          Span *last = &g_array_index (spans, Span, out - 1);

          last->end = MAX (last->end, span.end);
        }
      else
        g_array_index (spans, Span, out++) = span;
    }
  g_array_set_size (spans, out);
}

/* Where to end a page that runs from @start and could reach @reach: at
 * @reach if that cuts nothing in @spans, else where the span it would cut
 * begins. Returns -1 when that would leave less than a quarter of the page
 * filled. */
static double
find_break (GArray *spans,
            double  start,
            double  reach)
{
  guint low = 0, high = spans->len;
  const Span *span;

  /* The first span that ends past @reach; spans are sorted and apart, so
   * their ends are sorted too. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (spans, Span, middle).end <= reach + EPSILON)
        low = middle + 1;
      else
        high = middle;
    }
  if (low == spans->len)
    return reach;
  span = &g_array_index (spans, Span, low);
  if (span->start >= reach - EPSILON)
    return reach;
  if (span->start > start + (reach - start) / 4)
    return span->start;
  return -1;
}

/* The edges of the page columns (or rows) along one axis, from 0 to
 * @length. @tiers holds, from the most careful to the least, what not
 * to cut: everything (the title and persona cards too), then what must
 * not be cut (cards, headers, emotion points and their words), then only
 * the stage columns or lanes themselves, for maps where a wide card or
 * label joins more columns than a page holds. Something larger than a
 * page is cut. Pages that begin past @strip_from keep @strip of their
 * room for the repeated headers. */
static double *
find_breaks (GArray **tiers,
             guint    n_tiers,
             double   length,
             double   content_end,
             double   tile,
             double   strip,
             double   strip_from,
             guint   *count)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (double));
  double start = 0;

  for (guint i = 0; i < n_tiers; i++)
    merge_spans (tiers[i], tile - strip);
  g_array_append_val (breaks, start);
  while (start < content_end - 0.5)
    {
      double room = tile - (start > strip_from + EPSILON ? strip : 0);
      double reach = start + room;
      double end = -1;

      if (reach >= content_end - EPSILON)
        end = MAX (content_end, MIN (length, reach));
      for (guint i = 0; i < n_tiers && end < 0; i++)
        end = find_break (tiers[i], start, reach);
      if (end < 0)
        end = reach;
      g_array_append_val (breaks, end);
      start = end;
    }
  if (breaks->len == 1)
    g_array_append_val (breaks, length);
  *count = breaks->len - 1;
  return (double *) g_array_free (breaks, FALSE);
}

static void
add_header_spans (WmLayout *layout,
                  GArray   *weak_x,
                  GArray   *weak_y)
{
  const WmRect *texts[] = { &layout->kind_label, &layout->title, &layout->goal, &layout->scope };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      add_rect (weak_x, weak_y, texts[i], 0);
    }
  for (guint i = 0; i < layout->personas->len; i++)
    {
      const WmRect *rect = &g_array_index (layout->personas, WmPersonaBox, i).rect;

      add_rect (weak_x, weak_y, rect, CARD_PAD);
    }
}

/* Where the map's kind and title lie, as far as their words reach: their
 * boxes are as wide as the title may wrap. */
static void
find_title_block (WmLayout *layout,
                  WmRect   *block)
{
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (layout->style);
  g_autofree char *title = wm_layout_map_title (layout->document);
  g_autofree char *kind = wm_layout_kind_label (layout->document);
  const struct { const WmRect *box; WmFontRole role; const char *text; int lines; } texts[] = {
    { &layout->kind_label, WM_FONT_MAP_SUBTITLE, kind, 1 },
    { &layout->title, WM_FONT_MAP_TITLE, title, layout->title_lines },
  };
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const WmRect *box = texts[i].box;
      double width = box->width;

      /* A title of one line is as wide as its words; one that wraps
       * fills its box. */
      if (texts[i].lines <= 1)
        width = MIN (width, wm_text_measure_width (measure, texts[i].role, texts[i].text));
      left = MIN (left, box->x);
      top = MIN (top, box->y);
      right = MAX (right, box->x + width);
      bottom = MAX (bottom, box->y + box->height);
    }
  *block = (WmRect) { left - CARD_PAD, top - CARD_PAD, right - left + 2 * CARD_PAD, bottom - top + 2 * CARD_PAD };
}

/* The stage columns and the lanes, whole: breaking only between them
 * cuts no card that stays in its cell. */
static void
add_cell_spans (WmLayout *layout,
                GArray   *x,
                GArray   *y)
{
  const WmRect *grid = &layout->grid;

  add_span (x, grid->x, grid->x + layout->style->lane_header_width);
  add_span (y, grid->y, grid->y + layout->stage_header_height);
  for (guint i = 0; i < layout->columns->len; i++)
    add_rect (x, NULL, &g_array_index (layout->columns, WmStageColumn, i).header, 0);
  for (guint i = 0; i < layout->rows->len; i++)
    {
      const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, i);

      add_span (y, row->y, row->y + row->height);
    }
}

/* What must not be cut across (@x) and down (@y) the map. */
static void
add_grid_spans (WmLayout *layout,
                GArray   *x,
                GArray   *y)
{
  const WmRect *grid = &layout->grid;
  WmStyle *style = layout->style;
  double reach = style->face_radius + 4;

  add_span (x, grid->x, grid->x + style->lane_header_width);
  add_span (y, grid->y, grid->y + layout->stage_header_height);
  for (guint i = 0; i < layout->columns->len; i++)
    add_rect (x, NULL, &g_array_index (layout->columns, WmStageColumn, i).header, 0);
  for (guint i = 0; i < layout->rows->len; i++)
    {
      const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, i);

      /* An emotion lane's curve reads only whole; a divider or a
       * collapsed lane is one line. */
      if (row->kind == WM_LANE_KIND_EMOTIONS || row->kind == WM_LANE_KIND_DIVIDER || row->collapsed)
        add_span (y, row->y, row->y + row->height);
      else
        /* The lane's name and kind at the top of its header. */
        add_span (y, row->y, row->y + 24 + wm_layout_text_height (layout, WM_FONT_LANE_TITLE, row->title_lines) +
                  2 + wm_layout_text_height (layout, WM_FONT_SMALL, 1));
    }
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const WmRect *rect = &g_array_index (layout->cards, WmCardBox, i).rect;

      add_rect (x, y, rect, CARD_PAD);
    }
  for (guint c = 0; c < layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (layout->curves, WmCurve, c);

      for (guint i = 0; i < curve->points->len; i++)
        {
          const WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, i);

          add_span (x, point->x - reach, point->x + reach);
          if (point->label_lines > 0)
            add_rect (x, NULL, &point->label, 0);
        }
    }
}

/**
 * wm_tiling_init:
 * @page_width: in points
 * @page_height: in points
 * @margin: blank border of the page, in points
 * @mode: actual size, the map's width on each page, or all of it on one
 *
 * Works out how many pages the map takes and what each one shows. Free
 * what it holds with wm_tiling_clear().
 */
void
wm_tiling_init (WmTiling     *tiling,
                WmLayout     *layout,
                double        page_width,
                double        page_height,
                double        margin,
                WmTilingMode  mode)
{
  double printable_width = page_width - 2 * margin;
  double printable_height = page_height - 2 * margin - (mode == WM_TILING_FIT_PAGE ? 0 : FOOTER_HEIGHT);
  const WmRect *grid = &layout->grid;
  g_autoptr(GArray) weak_x = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) weak_y = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) strong_x = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) strong_y = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) cells_x = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) cells_y = g_array_new (FALSE, FALSE, sizeof (Span));
  GArray *tiers_x[] = { weak_x, strong_x, cells_x };
  GArray *tiers_y[] = { weak_y, strong_y, cells_y };

  *tiling = (WmTiling) {
    .page_width = page_width,
    .page_height = page_height,
    .margin = margin,
    .mode = mode,
    .origin_x = margin,
    .origin_y = margin,
    .grid_x = layout->grid.x,
    .grid_y = layout->grid.y,
  };
  printable_width = MAX (printable_width, 1);
  printable_height = MAX (printable_height, 1);
  switch (mode)
    {
    case WM_TILING_FIT_PAGE:
      tiling->scale = MIN (printable_width / layout->width, printable_height / layout->height);
      tiling->origin_x += (printable_width - layout->width * tiling->scale) / 2;
      tiling->origin_y += (printable_height - layout->height * tiling->scale) / 2;
      break;
    case WM_TILING_FIT_WIDTH:
      tiling->scale = printable_width / layout->width;
      break;
    case WM_TILING_ACTUAL:
    default:
      tiling->scale = WM_TILING_ACTUAL_SIZE;
      break;
    }
  tiling->tile_width = printable_width / tiling->scale;
  tiling->tile_height = printable_height / tiling->scale;
  /* Headers that would take more than half a page are not repeated. */
  if (layout->style->lane_header_width < tiling->tile_width / 2)
    tiling->lane_strip = layout->style->lane_header_width;
  if (layout->stage_header_height < tiling->tile_height / 2)
    tiling->stage_strip = layout->stage_header_height;

  find_title_block (layout, &tiling->title);
  add_header_spans (layout, weak_x, weak_y);
  add_grid_spans (layout, strong_x, strong_y);
  add_cell_spans (layout, cells_x, cells_y);
  g_array_append_vals (weak_x, strong_x->data, strong_x->len);
  g_array_append_vals (weak_y, strong_y->data, strong_y->len);

  if (mode == WM_TILING_ACTUAL)
    tiling->x_breaks = find_breaks (tiers_x, G_N_ELEMENTS (tiers_x), layout->width, MAX (grid->x + grid->width, 1),
                                    tiling->tile_width, tiling->lane_strip, grid->x, &tiling->columns);
  else
    {
      tiling->x_breaks = g_new (double, 2);
      tiling->x_breaks[0] = 0;
      tiling->x_breaks[1] = layout->width;
      tiling->columns = 1;
    }
  if (mode == WM_TILING_FIT_PAGE)
    {
      tiling->y_breaks = g_new (double, 2);
      tiling->y_breaks[0] = 0;
      tiling->y_breaks[1] = layout->height;
      tiling->rows = 1;
    }
  else
    tiling->y_breaks = find_breaks (tiers_y, G_N_ELEMENTS (tiers_y), layout->height, MAX (grid->y + grid->height, 1),
                                    tiling->tile_height, tiling->stage_strip, grid->y, &tiling->rows);
}

/* Frees what wm_tiling_init() allocated. */
void
wm_tiling_clear (WmTiling *tiling)
{
  g_clear_pointer (&tiling->x_breaks, g_free);
  g_clear_pointer (&tiling->y_breaks, g_free);
}

guint
wm_tiling_get_n_pages (const WmTiling *tiling)
{
  return tiling->columns * tiling->rows;
}

/* The room the repeated lane names take on pages of page column @column,
 * and the repeated stage headers on pages of page row @row. */
static double
left_strip (const WmTiling *tiling,
            guint           column)
{
  return tiling->x_breaks[column] > tiling->grid_x + EPSILON ? tiling->lane_strip : 0;
}

static double
top_strip (const WmTiling *tiling,
           guint           row)
{
  return tiling->y_breaks[row] > tiling->grid_y + EPSILON ? tiling->stage_strip : 0;
}

/**
 * wm_tiling_get_area:
 * @area: (out): the part of the map page @page shows, in map pixels
 */
void
wm_tiling_get_area (const WmTiling *tiling,
                    guint           page,
                    WmRect         *area)
{
  guint row = page / tiling->columns, column = page % tiling->columns;

  *area = (WmRect) { tiling->x_breaks[column], tiling->y_breaks[row],
                     tiling->x_breaks[column + 1] - tiling->x_breaks[column],
                     tiling->y_breaks[row + 1] - tiling->y_breaks[row] };
}

static guint
find_band (const double *breaks,
           guint         count,
           double        value)
{
  guint low = 0, high = count;

  /* The last band that begins at or before @value. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (breaks[middle] <= value)
        low = middle;
      else
        high = middle;
    }
  return low;
}

/**
 * wm_tiling_locate:
 * @x: a point of the map, in map pixels
 * @page: (out): the page that shows it
 * @page_x: (out): where on that page, in points
 *
 * Returns: %FALSE if no page shows the point
 */
gboolean
wm_tiling_locate (const WmTiling *tiling,
                  double          x,
                  double          y,
                  guint          *page,
                  double         *page_x,
                  double         *page_y)
{
  guint column, row;

  if (x < 0 || y < 0 || x > tiling->x_breaks[tiling->columns] || y > tiling->y_breaks[tiling->rows])
    return FALSE;
  column = find_band (tiling->x_breaks, tiling->columns, x);
  row = find_band (tiling->y_breaks, tiling->rows, y);
  *page = row * tiling->columns + column;
  *page_x = tiling->origin_x + (x - tiling->x_breaks[column] + left_strip (tiling, column)) * tiling->scale;
  *page_y = tiling->origin_y + (y - tiling->y_breaks[row] + top_strip (tiling, row)) * tiling->scale;
  return TRUE;
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
  if (tiling->mode == WM_TILING_ACTUAL)
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

/* Sets @cr to draw map pixels with (@x, @y) at (@left, @top) of the
 * page's map area, both in map pixels. */
static void
place (const WmTiling *tiling,
       cairo_t        *cr,
       double          left,
       double          top,
       double          x,
       double          y)
{
  cairo_translate (cr, tiling->origin_x, tiling->origin_y);
  cairo_scale (cr, tiling->scale, tiling->scale);
  cairo_translate (cr, left - x, top - y);
}

/* The lane names of the page's rows: at the page's left edge on pages
 * right of the first column (@left is the strip's width), or over the
 * lane headers themselves on the first column's later pages, so that a
 * lane that began on the page above is still named. */
static void
paint_lane_names (const WmTiling *tiling,
                  cairo_t        *cr,
                  WmLayout       *layout,
                  const WmRect   *area,
                  double          left,
                  double          top)
{
  const WmRect *grid = &layout->grid;
  double width = layout->style->lane_header_width;
  WmRect names = { grid->x, area->y, width, area->height };

  cairo_save (cr);
  if (left > 0)
    place (tiling, cr, 0, top, grid->x, area->y);
  else
    {
      place (tiling, cr, 0, top, area->x, area->y);
      cairo_rectangle (cr, area->x, area->y, area->width, area->height);
      cairo_clip (cr);
    }
  cairo_rectangle (cr, names.x, names.y, names.width, names.height);
  cairo_clip (cr);
  /* Beside the stage headers, the corner above the lane names. */
  wm_color_set_source (cr, &layout->style->palette.header_fill);
  cairo_rectangle (cr, grid->x, grid->y, width, layout->stage_header_height);
  cairo_fill (cr);
  wm_painter_paint_lane_header_column (cr, layout, &names, area->y);
  cairo_restore (cr);
}

/* The map's kind and title, on the page where they begin, whole: the
 * page's break may fall through them, as the stages beneath them decide
 * where pages break, and the page has room past its break for the rest
 * of them unless they are wider than a page. Pages that show only their
 * end leave them out. */
static void
paint_title (const WmTiling *tiling,
             cairo_t        *cr,
             WmLayout       *layout,
             const WmRect   *area,
             double          left,
             double          top)
{
  const WmRect *title = &tiling->title;
  WmRect room = { area->x, area->y, tiling->tile_width - left, tiling->tile_height - top };
  WmRect shown;

  if (title->x < area->x - EPSILON || title->x >= area->x + area->width
      || title->y < area->y - EPSILON || title->y >= area->y + area->height)
    return;
  shown = (WmRect) { title->x, title->y,
                     MIN (title->x + title->width, room.x + room.width) - title->x,
                     MIN (title->y + title->height, room.y + room.height) - title->y };
  cairo_save (cr);
  place (tiling, cr, left, top, area->x, area->y);
  cairo_rectangle (cr, shown.x, shown.y, shown.width, shown.height);
  cairo_clip (cr);
  wm_painter_paint (cr, layout, &shown, WM_PAINT_TRANSPARENT);
  cairo_restore (cr);
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
  const WmRect *grid = &layout->grid;
  double left = left_strip (tiling, column);
  double top = top_strip (tiling, row);
  WmRect area;

  wm_tiling_get_area (tiling, page, &area);
  cairo_save (cr);
  /* Pages past the map's edge keep the page colour. */
  wm_color_set_source (cr, &layout->style->palette.background);
  cairo_rectangle (cr, 0, 0, tiling->page_width, tiling->page_height);
  cairo_fill (cr);

  /* The title first, as a reader meets it; the page is filled with the
   * map's background already. */
  paint_title (tiling, cr, layout, &area, left, top);
  cairo_save (cr);
  place (tiling, cr, left, top, area.x, area.y);
  cairo_rectangle (cr, area.x, area.y, area.width, area.height);
  cairo_clip (cr);
  wm_painter_paint (cr, layout, &area, WM_PAINT_NO_TITLE | WM_PAINT_TRANSPARENT);
  cairo_restore (cr);

  if (left > 0 || (top > 0 && area.x < grid->x + layout->style->lane_header_width))
    paint_lane_names (tiling, cr, layout, &area, left, top);

  if (top > 0)
    {
      WmRect headers = { area.x, grid->y, area.width, layout->stage_header_height };

      cairo_save (cr);
      place (tiling, cr, left, 0, area.x, grid->y);
      cairo_rectangle (cr, headers.x, headers.y, headers.width, headers.height);
      cairo_clip (cr);
      wm_painter_paint_stage_header_row (cr, layout, &headers);
      cairo_restore (cr);
    }
  if (left > 0 && top > 0)
    {
      cairo_save (cr);
      place (tiling, cr, 0, 0, 0, 0);
      wm_color_set_source (cr, &layout->style->palette.header_fill);
      cairo_rectangle (cr, 0, 0, left, top);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  if (tiling->mode != WM_TILING_FIT_PAGE)
    paint_footer (tiling, cr, layout, page);
  cairo_restore (cr);
}
