/* wm-funnel.c: the customers per stage as a funnel: one column per
 * stage, a bar as tall as its share of the widest stage, joined to the
 * next by a slope, and the drop-off between them written on the slope.
 * A stage whose count is unknown leaves a gap rather than a guess.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-funnel"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-funnel.h"
#include "wm-layout-text.h"
#include "wm-stage.h"
#include "wm-text-block.h"

/**
 * wm_funnel_has_data:
 *
 * Returns: whether at least two stages say how many customers reach
 *   them, which a funnel needs to show a drop
 */
gboolean
wm_funnel_has_data (WmDocument *document)
{
  GListModel *stages = wm_document_get_stages (document);
  guint known = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stages) && known < 2; i++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, i);

      known += wm_stage_get_customers (stage) >= 0;
    }
  return known >= 2;
}

static double
bar_height (int    customers,
            int    most,
            double room)
{
  /* A stage with customers keeps a sliver, so it never looks empty. */
  return customers <= 0 || most <= 0 ? 0 : MAX (room * customers / most, 3);
}

/**
 * wm_funnel_paint:
 * @area: where to draw: the stages share its width; its top holds the
 *   counts, its bottom the stage names
 */
void
wm_funnel_paint (cairo_t      *cr,
                 WmDocument   *document,
                 WmStyle      *style,
                 const WmRect *area)
{
  const WmPalette *palette = &style->palette;
  GListModel *stages = wm_document_get_stages (document);
  guint n = g_list_model_get_n_items (stages);
  double t = style->text_scale;
  double label = 18 * t, name = 20 * t;
  double room = area->height - label - name - 8 * t;
  double column, bar_width, middle;
  g_autofree int *customers = NULL;
  int most = 0, previous = -1;
  WmColor band, slope;

  if (n == 0 || room <= 4)
    return;
  customers = g_new (int, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, i);

      customers[i] = wm_stage_get_customers (stage);
      most = MAX (most, customers[i]);
    }

  column = area->width / n;
  bar_width = column * 0.56;
  middle = area->y + label + room / 2;
  band = palette->accent;
  slope = palette->accent;
  slope.alpha = 0.35;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *stage_name = wm_layout_stage_name (stage, i);
      double x = area->x + i * column + (column - bar_width) / 2;
      double height = bar_height (customers[i], most, room);

      if (customers[i] >= 0)
        {
          g_autofree char *count = g_strdup_printf ("%'d", customers[i]);

          wm_color_set_source (cr, &band);
          cairo_rectangle (cr, x, middle - height / 2, bar_width, height);
          cairo_fill (cr);
          wm_text_block_show (cr, style->fonts[WM_FONT_SMALL_BOLD], &palette->text, count,
                              area->x + i * column, area->y, column, 1, PANGO_ALIGN_CENTER);
        }

      /* The slope from the stage before, with the share that left. */
      if (i > 0 && previous >= 0 && customers[i] >= 0)
        {
          double from = bar_height (previous, most, room), to = height;
          double x0 = x - (column - bar_width), x1 = x;

          wm_color_set_source (cr, &slope);
          cairo_move_to (cr, x0, middle - from / 2);
          cairo_line_to (cr, x1, middle - to / 2);
          cairo_line_to (cr, x1, middle + to / 2);
          cairo_line_to (cr, x0, middle + from / 2);
          cairo_close_path (cr);
          cairo_fill (cr);
          if (previous > 0)
            {
              double change = 100.0 * (customers[i] - previous) / previous;
              /* Translators: the change in customers from one stage to the next, e.g. "−35 %". */
              g_autofree char *text = change < 0 ? g_strdup_printf (_("−%.0f %%"), -change)
                                                 : g_strdup_printf (_("+%.0f %%"), change);

              wm_text_block_show (cr, style->fonts[WM_FONT_SMALL_BOLD],
                                  change > 0 ? &palette->quality[WM_CARD_QUALITY_BAD] : &palette->text_secondary,
                                  text, (x0 + x1) / 2 - column / 2, middle - 7 * t, column, 1,
                                  PANGO_ALIGN_CENTER);
            }
        }
      previous = customers[i];

      wm_text_block_show (cr, style->fonts[WM_FONT_SMALL], &palette->text_secondary, stage_name,
                          area->x + i * column + 4, area->y + area->height - name + 4 * t, column - 8, 1,
                          PANGO_ALIGN_CENTER);
    }
}
