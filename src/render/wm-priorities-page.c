/* wm-priorities-page.c: the Priorities view on one page. The matrix
 * takes the left, the call-outs a column on the right, the funnel the
 * foot when the stages say how many customers reach them.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-priorities-page"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-funnel.h"
#include "wm-layout-text.h"
#include "wm-priorities-page.h"
#include "wm-priority-matrix.h"
#include "wm-stage.h"
#include "wm-text-block.h"

#define MARGIN 48.0
#define GAP 36.0
#define SIDE_WIDTH 440.0
#define FUNNEL_HEIGHT 150.0

/* "Trial · Impact 5 · Effort 2 · Sam": where a called-out item is and
 * what is known of it. */
static char *
describe_item (WmDocument           *document,
               const WmPriorityItem *item)
{
  g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (document), item->stage_index);
  g_autofree char *stage_name = wm_layout_stage_name (stage, item->stage_index);
  GString *line = g_string_new (stage_name);
  int impact = wm_card_get_impact (item->card), effort = wm_card_get_effort (item->card);
  const char *owner = wm_card_get_owner (item->card);

  if (impact > 0)
    /* Translators: a card's impact score, 1 to 5. */
    g_string_append_printf (line, " · %s %d", _("Impact"), impact);
  if (effort > 0)
    /* Translators: a card's effort score, 1 to 5. */
    g_string_append_printf (line, " · %s %d", _("Effort"), effort);
  if (owner != NULL && *owner != '\0')
    g_string_append_printf (line, " · %s", owner);
  if (wm_card_get_status (item->card) != WM_CARD_STATUS_NONE)
    g_string_append_printf (line, " · %s", wm_card_status_get_display_name (wm_card_get_status (item->card)));
  return g_string_free (line, FALSE);
}

/* A heading and a numbered list; returns where it ended. */
static double
paint_callouts (cairo_t    *cr,
                WmDocument *document,
                WmStyle    *style,
                const char *heading,
                const char *none,
                GPtrArray  *items,
                double      x,
                double      y,
                double      width)
{
  const WmPalette *palette = &style->palette;

  y += wm_text_block_show (cr, style->fonts[WM_FONT_STAGE_NAME], &palette->text, heading, x, y, width, 1,
                           PANGO_ALIGN_LEFT) + 10;
  if (items->len == 0)
    return y + wm_text_block_show (cr, style->fonts[WM_FONT_CARD_TEXT], &palette->text_secondary, none, x, y, width,
                                   2, PANGO_ALIGN_LEFT) + 24;

  for (guint i = 0; i < items->len; i++)
    {
      WmPriorityItem *item = g_ptr_array_index (items, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *where = describe_item (document, item);
      const char *title = wm_card_get_title (item->card);

      wm_text_block_show (cr, style->fonts[WM_FONT_CARD_TITLE], &palette->accent, number, x, y, 24, 1,
                          PANGO_ALIGN_LEFT);
      y += wm_text_block_show (cr, style->fonts[WM_FONT_CARD_TITLE], &palette->text,
                               *title != '\0' ? title : _("Untitled card"), x + 28, y, width - 28, 2,
                               PANGO_ALIGN_LEFT) + 2;
      y += wm_text_block_show (cr, style->fonts[WM_FONT_SMALL], &palette->text_secondary, where, x + 28, y,
                               width - 28, 1, PANGO_ALIGN_LEFT) + 12;
    }
  return y + 16;
}

/**
 * wm_priorities_page_paint:
 *
 * Paints the page at WM_PRIORITIES_PAGE_WIDTH × WM_PRIORITIES_PAGE_HEIGHT;
 * scale @cr for any other size.
 */
void
wm_priorities_page_paint (cairo_t    *cr,
                          WmDocument *document,
                          WmStyle    *style)
{
  const WmPalette *palette = &style->palette;
  g_autoptr(GPtrArray) items = wm_priorities_collect (document);
  g_autoptr(GPtrArray) pains = wm_priorities_top_pain_points (items);
  g_autoptr(GPtrArray) wins = wm_priorities_quick_wins (items);
  g_autofree char *title = wm_layout_map_title (document);
  g_autoptr(WmMatrix) matrix = NULL;
  gboolean funnel = wm_funnel_has_data (document);
  double width = WM_PRIORITIES_PAGE_WIDTH, height = WM_PRIORITIES_PAGE_HEIGHT;
  double top = MARGIN, matrix_width, matrix_height, side_x, side_y;

  cairo_save (cr);
  wm_color_set_source (cr, &palette->background);
  cairo_paint (cr);

  top += wm_text_block_show (cr, style->fonts[WM_FONT_MAP_SUBTITLE], &palette->accent, _("PRIORITIES"),
                             MARGIN, top, width - 2 * MARGIN, 1, PANGO_ALIGN_LEFT) + 4;
  top += wm_text_block_show (cr, style->fonts[WM_FONT_MAP_TITLE], &palette->text, title,
                             MARGIN, top, width - 2 * MARGIN, 1, PANGO_ALIGN_LEFT) + 28;

  matrix_width = width - 2 * MARGIN - GAP - SIDE_WIDTH;
  matrix_height = height - top - MARGIN - (funnel ? FUNNEL_HEIGHT + GAP : 0);
  matrix = wm_matrix_new (items, style, matrix_width, matrix_height);
  cairo_save (cr);
  cairo_translate (cr, MARGIN, top);
  wm_matrix_paint (cr, matrix, NULL, -1, -1);
  cairo_restore (cr);

  side_x = width - MARGIN - SIDE_WIDTH;
  side_y = paint_callouts (cr, document, style, _("Top Pain Points"),
                           _("No open pain point has an impact yet."), pains, side_x, top, SIDE_WIDTH);
  paint_callouts (cr, document, style, _("Quick Wins"),
                  _("No open card has high impact and low effort yet."), wins, side_x, side_y, SIDE_WIDTH);

  if (funnel)
    {
      WmRect area = { MARGIN, height - MARGIN - FUNNEL_HEIGHT, width - 2 * MARGIN, FUNNEL_HEIGHT };

      wm_text_block_show (cr, style->fonts[WM_FONT_SMALL_BOLD], &palette->text_secondary, _("CUSTOMERS PER STAGE"),
                          MARGIN, area.y - 22, area.width, 1, PANGO_ALIGN_LEFT);
      wm_funnel_paint (cr, document, style, &area);
    }
  cairo_restore (cr);
}
