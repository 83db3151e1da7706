/* test-layout.c: the geometry of every template, every sample and a
 * generated 1,000-card map holds together: nothing overlaps, everything
 * sits where it belongs, and text fits where it is drawn.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "wm-column-heights.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-layout-text.h"
#include "wm-layout.h"
#include "wm-layout-hit.h"
#include "wm-painter.h"
#include "wm-test-edits.h"
#include "wm-test-map.h"

#define TOLERANCE 0.01

typedef struct
{
  WmDocument *document;
  WmStyle *style;
  WmTextMeasure *measure;
  WmLayout *layout;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *map = data;

  if (g_str_equal (map, "generated"))
    fixture->document = wm_test_generate_map (20, 10, 5, 2);
  else
    fixture->document = wm_test_load_map (map);
  fixture->style = wm_style_new (WM_THEME_LIGHT);
  fixture->measure = wm_text_measure_new (fixture->style);
  fixture->layout = wm_layout_new (fixture->document, fixture->style, fixture->measure);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->layout, wm_layout_unref);
  g_clear_pointer (&fixture->measure, wm_text_measure_free);
  g_clear_pointer (&fixture->style, wm_style_unref);
  g_assert_finalize_object (fixture->document);
}

/* What the canvas's pointer finds, and where dropped cards go. */
static void
test_hit_testing (Fixture       *fixture,
                  gconstpointer  data)
{
  WmLayout *layout = fixture->layout;
  guint in_cell = 0;

  for (guint i = 0; i < layout->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (layout->cards, WmCardBox, i);
      double x = box->rect.x + box->rect.width / 2;
      WmDropSpot above, below;

      if (i > 0 && (box - 1)->lane_index == box->lane_index && (box - 1)->stage_index == box->stage_index)
        in_cell++;
      else
        in_cell = 0;
      g_assert_true (wm_layout_card_at (layout, x, box->rect.y + 2) == box);
      g_assert_true (wm_layout_find_card (layout, box->card) == box);
      g_assert_cmpint (wm_layout_column_at (layout, box->rect.x + 2), ==, box->stage_index);
      g_assert_cmpint (wm_layout_row_at (layout, box->rect.y + 2), ==, box->lane_index);

      /* Over a card's upper half, cards go before it; over its lower
       * half, after it; and the bar lies between its neighbours. */
      g_assert_true (wm_layout_drop_spot (layout, box->rect.x + 2, box->rect.y + 2, NULL, &above));
      g_assert_cmpuint (above.index_in_cell, ==, in_cell);
      g_assert_cmpuint (above.stage_index, ==, box->stage_index);
      g_assert_cmpfloat (above.marker.y, <, box->rect.y);
      g_assert_true (wm_layout_drop_spot (layout, box->rect.x + 2, box->rect.y + box->rect.height - 2, NULL, &below));
      g_assert_cmpuint (below.index_in_cell, ==, in_cell + 1);
      g_assert_cmpfloat (below.marker.y, >, box->rect.y + box->rect.height);

      /* A card being dragged does not count as its own neighbour. */
      {
        g_autoptr(GPtrArray) moving = g_ptr_array_new ();

        g_ptr_array_add (moving, box->card);
        g_assert_true (wm_layout_drop_spot (layout, box->rect.x + 2, box->rect.y + box->rect.height - 2, moving, &below));
        g_assert_cmpuint (below.index_in_cell, ==, in_cell);
      }
    }

  /* Lanes without cards take none. */
  for (guint i = 0; i < layout->rows->len; i++)
    {
      const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, i);
      const WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, 0);
      WmDropSpot spot;

      g_assert_cmpint (wm_layout_drop_spot (layout, column->x + 4, row->y + row->height / 2, NULL, &spot), ==,
                       !row->collapsed && wm_lane_kind_holds_cards (row->kind));
    }
  g_assert_null (wm_layout_card_at (layout, -10, -10));
}

static WmRect
cell_rect (WmLayout        *layout,
           const WmCardBox *box)
{
  const WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, box->stage_index);
  const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, box->lane_index);

  return (WmRect) { column->x, row->y, box->span * column->width, row->height };
}

static void
test_cards_in_their_cells (Fixture       *fixture,
                           gconstpointer  data)
{
  WmLayout *layout = fixture->layout;
  guint n_placed = 0;

  for (guint i = 0; i < layout->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (layout->cards, WmCardBox, i);
      WmRect cell = cell_rect (layout, box);
      int expected_stage = wm_document_get_stage_index (layout->document, wm_card_get_stage (box->card));

      g_assert_cmpint (box->stage_index, ==, expected_stage);
      g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (g_array_index (layout->rows, WmLaneRow, box->lane_index).lane)),
                       ==, wm_card_get_lane (box->card));
      g_assert_true (wm_rect_contains_rect (&cell, &box->rect, TOLERANCE));
      g_assert_cmpfloat (box->rect.width, >, 0);
      g_assert_cmpfloat (box->rect.height, >, 0);
      n_placed++;
    }

  /* Every card of a lane that is open and takes cards has a place. */
  {
    guint expected = 0;
    GListModel *cards = wm_document_get_cards (layout->document);

    for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
      {
        g_autoptr(WmCard) card = g_list_model_get_item (cards, i);
        WmLane *lane = WM_LANE (wm_document_lookup (layout->document, wm_card_get_lane (card)));

        if (!wm_lane_get_collapsed (lane) && wm_lane_kind_holds_cards (wm_lane_get_kind (lane)))
          expected++;
      }
    g_assert_cmpuint (n_placed, ==, expected);
  }
}

static int
compare_by_x (gconstpointer a,
              gconstpointer b)
{
  const WmCardBox *ba = *(const WmCardBox **) a, *bb = *(const WmCardBox **) b;

  return (ba->rect.x > bb->rect.x) - (ba->rect.x < bb->rect.x);
}

static void
test_cards_do_not_overlap (Fixture       *fixture,
                           gconstpointer  data)
{
  WmLayout *layout = fixture->layout;
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();

  for (guint i = 0; i < layout->cards->len; i++)
    g_ptr_array_add (boxes, &g_array_index (layout->cards, WmCardBox, i));
  g_ptr_array_sort (boxes, compare_by_x);

  /* A sweep along x: only cards whose x-ranges meet can overlap. */
  for (guint i = 0; i < boxes->len; i++)
    {
      const WmCardBox *a = g_ptr_array_index (boxes, i);

      for (guint j = i + 1; j < boxes->len; j++)
        {
          const WmCardBox *b = g_ptr_array_index (boxes, j);

          if (b->rect.x >= a->rect.x + a->rect.width)
            break;
          if (wm_rect_intersects (&a->rect, &b->rect))
            g_error ("“%s” and “%s” overlap", wm_card_get_title (a->card), wm_card_get_title (b->card));
        }
    }
}

/* What pango really does with a text at a width, against what the
 * layout set aside for it. */
static void
assert_text_fits (PangoLayout   *pango,
                  WmStyle       *style,
                  WmFontRole     role,
                  const char    *text,
                  double         width,
                  int            lines)
{
  int real_width;

  if (text == NULL || *text == '\0')
    return;
  pango_layout_set_font_description (pango, style->fonts[role]);
  pango_layout_set_wrap (pango, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (pango, (int) (width * PANGO_SCALE));
  pango_layout_set_text (pango, text, -1);
  pango_layout_get_size (pango, &real_width, NULL);

  if (pango_layout_get_line_count (pango) > lines)
    g_error ("“%s” takes %d lines at %.1f px, the layout allows %d",
             text, pango_layout_get_line_count (pango), width, lines);
  g_assert_cmpfloat ((double) real_width / PANGO_SCALE, <=, width + TOLERANCE);
}

static void
test_text_fits (Fixture       *fixture,
                gconstpointer  data)
{
  WmLayout *layout = fixture->layout;
  PangoContext *context = wm_text_measure_get_context (fixture->measure);
  g_autoptr(PangoLayout) pango = pango_layout_new (context);

  for (guint i = 0; i < layout->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (layout->cards, WmCardBox, i);
      double inner = wm_layout_card_inner_width (layout, box);
      double bottom = box->title_y + wm_layout_text_height (layout, WM_FONT_CARD_TITLE, box->title_lines);

      assert_text_fits (pango, layout->style, WM_FONT_CARD_TITLE, wm_card_get_title (box->card), inner,
                        box->title_lines);
      if (box->text_lines > 0)
        bottom = box->text_y + wm_layout_text_height (layout, WM_FONT_CARD_TEXT, box->text_lines);
      if (box->footer_lines > 0)
        bottom = box->footer_y + wm_layout_text_height (layout, WM_FONT_SMALL, box->footer_lines);
      g_assert_cmpfloat (inner, >, 0);
      /* The text ends inside the card, above its bottom padding. */
      g_assert_cmpfloat (bottom, <=, box->rect.height - layout->style->card_padding + TOLERANCE);
    }

  for (guint i = 0; i < layout->columns->len; i++)
    {
      const WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, i);

      g_assert_cmpfloat (column->width, ==, layout->style->stage_width);
      g_assert_true (wm_rect_contains_rect (&layout->grid, &column->header, TOLERANCE));
    }
  g_assert_true (wm_rect_contains_rect (&(WmRect) { 0, 0, layout->width, layout->height }, &layout->grid, TOLERANCE));
}

static void
test_curves_in_their_stages (Fixture       *fixture,
                             gconstpointer  data)
{
  WmLayout *layout = fixture->layout;
  guint n_points = 0;

  for (guint c = 0; c < layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (layout->curves, WmCurve, c);
      const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, curve->lane_index);

      g_assert_cmpint (row->kind, ==, WM_LANE_KIND_EMOTIONS);
      for (guint i = 0; i < curve->points->len; i++)
        {
          const WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, i);
          const WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, point->stage_index);

          g_assert_cmpint (point->stage_index, ==,
                           wm_document_get_stage_index (layout->document, wm_emotion_point_get_stage (point->point)));
          g_assert_cmpfloat (point->x, >, column->x);
          g_assert_cmpfloat (point->x, <, column->x + column->width);
          g_assert_cmpfloat (point->y, >, row->y);
          g_assert_cmpfloat (point->y, <, row->y + row->height);
          /* Better feelings sit higher. */
          g_assert_cmpfloat (point->y, ==, wm_layout_level_y (layout, row, point->score));
          if (i > 0)
            g_assert_cmpfloat (point->x, >=, g_array_index (curve->points, WmCurvePoint, i - 1).x);
          n_points++;
        }
    }

  /* Every point of the map is drawn in every emotion lane. */
  {
    guint expected = 0, n_emotion_rows = 0;
    GListModel *curves = wm_document_get_emotion_curves (layout->document);

    for (guint c = 0; c < g_list_model_get_n_items (curves); c++)
      {
        g_autoptr(WmEmotionCurve) curve = g_list_model_get_item (curves, c);

        expected += g_list_model_get_n_items (wm_emotion_curve_get_points (curve));
      }
    for (guint i = 0; i < layout->rows->len; i++)
      {
        const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, i);

        n_emotion_rows += row->kind == WM_LANE_KIND_EMOTIONS && !row->collapsed;
      }
    g_assert_cmpuint (n_points, ==, expected * n_emotion_rows);
  }
}

static void
test_labels_do_not_collide (Fixture       *fixture,
                            gconstpointer  data)
{
  WmLayout *layout = fixture->layout;
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (WmRect));
  g_autoptr(GArray) faces = g_array_new (FALSE, FALSE, sizeof (WmRect));
  double r = layout->style->face_radius;

  for (guint c = 0; c < layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (layout->curves, WmCurve, c);
      const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, curve->lane_index);
      WmRect lane = { layout->grid.x + layout->style->lane_header_width, row->y,
                      layout->grid.width - layout->style->lane_header_width, row->height };

      for (guint i = 0; i < curve->points->len; i++)
        {
          const WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, i);
          WmRect face = { point->x - r, point->y - r, 2 * r, 2 * r };

          g_array_append_val (faces, face);
          if (point->label_lines == 0)
            continue;
          g_assert_true (wm_rect_contains_rect (&lane, &point->label, TOLERANCE));
          g_array_append_val (labels, point->label);
        }
    }

  for (guint i = 0; i < labels->len; i++)
    {
      const WmRect *a = &g_array_index (labels, WmRect, i);

      for (guint j = i + 1; j < labels->len; j++)
        g_assert_false (wm_rect_intersects (a, &g_array_index (labels, WmRect, j)));
      for (guint j = 0; j < faces->len; j++)
        g_assert_false (wm_rect_intersects (a, &g_array_index (faces, WmRect, j)));
    }
}

static void
test_header_holds_together (Fixture       *fixture,
                            gconstpointer  data)
{
  WmLayout *layout = fixture->layout;
  guint n_personas = g_list_model_get_n_items (wm_document_get_personas (layout->document));

  g_assert_cmpuint (layout->personas->len, ==, n_personas);
  for (guint i = 0; i < layout->personas->len; i++)
    {
      const WmPersonaBox *a = &g_array_index (layout->personas, WmPersonaBox, i);

      g_assert_true (wm_rect_contains_rect (&a->rect, &a->photo, TOLERANCE));
      g_assert_cmpfloat (a->rect.y + a->rect.height, <=, layout->grid.y);
      g_assert_cmpfloat (a->rect.x + a->rect.width, <=, layout->width);
      for (guint j = i + 1; j < layout->personas->len; j++)
        g_assert_false (wm_rect_intersects (&a->rect, &g_array_index (layout->personas, WmPersonaBox, j).rect));
    }
  g_assert_cmpfloat (layout->title.y + layout->title.height, <=, layout->grid.y);

  /* Lanes follow one another without gaps, in document order. */
  for (guint i = 0; i < layout->rows->len; i++)
    {
      const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, i);
      double expected_y = i == 0 ? layout->grid.y + layout->stage_header_height
                                 : g_array_index (layout->rows, WmLaneRow, i - 1).y
                                   + g_array_index (layout->rows, WmLaneRow, i - 1).height;

      g_assert_cmpfloat (row->y, ==, expected_y);
      g_assert_cmpfloat (row->height, >, 0);
    }
}

/* The fast measure must never promise fewer lines than pango needs,
 * including for words longer than a line and for other scripts. */
static void
test_measure_is_safe (void)
{
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(PangoLayout) pango = pango_layout_new (wm_text_measure_get_context (measure));
  const char *texts[] = {
    "Short",
    "Compare plans — pricing page “Pro” vs. “Team”…",
    "Averyveryverylongwordwithoutanyspacesthatmustbreakbetweencharacters and then more",
    "Line one\nLine two\n\nLine four after an empty line",
    "Überprüfung der Rückerstattung für Bestellungen über 100 €",
    "Réservation confirmée à l’hôtel, arrivée prévue à 15 h",
    "顧客はレビューを読んで比較します",
    "يقارن العميل بين العروض",
    "Trailing spaces   ",
    "   Leading spaces",
  };
  double widths[] = { 40, 90, 150, 203, 400 };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (WmFontRole role = 0; role < WM_N_FONTS; role++)
        {
          int lines = wm_text_measure_lines (measure, role, texts[t], widths[w]);

          pango_layout_set_font_description (pango, style->fonts[role]);
          pango_layout_set_wrap (pango, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_width (pango, (int) (widths[w] * PANGO_SCALE));
          pango_layout_set_text (pango, texts[t], -1);
          if (pango_layout_get_line_count (pango) > lines)
            g_error ("“%s” at %.0f px: pango needs %d lines, the measure said %d",
                     texts[t], widths[w], pango_layout_get_line_count (pango), lines);
          /* And it does not waste more than a line. */
          g_assert_cmpint (lines, <=, pango_layout_get_line_count (pango) + 1);
        }
}

/* A card whose title and text hold megabytes is laid out and painted
 * from their first WM_TEXT_MAX_CHARS characters, and the map still keeps
 * all of them. */
static void
test_huge_text_is_capped (void)
{
  gsize length = 8 * 1024 * 1024;
  g_autofree char *huge = g_malloc (length + 1);
  g_autofree char *shown = NULL;
  g_autoptr(WmDocument) document = wm_test_generate_map (2, 1, 1, 0);
  g_autoptr(WmDocument) reloaded = NULL;
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = NULL;
  g_autoptr(WmCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *capped = NULL;
  const WmCardBox *box = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* Words, with a two-byte character across the cut. */
  for (gsize i = 0; i < length; i++)
    huge[i] = "word "[i % 5];
  memcpy (huge + WM_TEXT_MAX_CHARS - 1, "\xc3\xa9", 2);
  huge[length] = '\0';
  card = g_object_new (WM_TYPE_CARD, "id", "huge", "stage", "stage-0", "lane", "lane-0",
                       "title", huge, "text", huge, NULL);
  g_assert_true (wm_document_insert_card (document, card, 0));

  layout = wm_layout_new (document, style, measure);
  for (guint i = 0; i < layout->cards->len; i++)
    if (g_array_index (layout->cards, WmCardBox, i).card == card)
      box = &g_array_index (layout->cards, WmCardBox, i);
  g_assert_nonnull (box);
  /* A card is never taller than a screen, whatever its title. */
  g_assert_cmpint (box->title_lines, <=, 20);
  /* The text is measured by its first characters: a few hundred lines at
   * most, not the text's hundreds of thousands. */
  g_assert_cmpint (wm_text_measure_lines (measure, WM_FONT_CARD_TEXT, huge, 200), <, 1000);

  /* The cut ends at a character and shows an ellipsis. */
  g_assert_true (wm_text_cap (huge, &capped) == capped);
  g_assert_true (g_utf8_validate (capped, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (capped, -1), ==, WM_TEXT_MAX_CHARS + 1);
  g_assert_true (g_str_has_suffix (capped, "\xc3\xa9…"));
  g_assert_cmpstr (wm_text_cap ("short", &shown), ==, "short");
  g_assert_null (shown);

  g_assert_cmpint (wm_text_measure_lines (measure, WM_FONT_CARD_TEXT, huge, 200), ==,
                   wm_text_measure_lines (measure, WM_FONT_CARD_TEXT, capped, 200));
  g_assert_cmpfloat (wm_text_measure_width (measure, WM_FONT_CARD_TEXT, huge), ==,
                     wm_text_measure_width (measure, WM_FONT_CARD_TEXT, capped));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 400);
  cr = cairo_create (surface);
  wm_painter_paint (cr, layout, &box->rect, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  json = wm_document_to_json (document, NULL);
  reloaded = wm_document_load_from_data (json, strlen (json), &error);
  g_assert_no_error (error);
  g_clear_object (&card);
  card = WM_CARD (wm_document_lookup (reloaded, "huge"));
  g_assert_cmpstr (wm_card_get_title (card), ==, huge);
  g_assert_cmpstr (wm_card_get_text (card), ==, huge);
  card = NULL;
}

static void
test_span_stacks_below (void)
{
  g_autoptr(WmDocument) document = wm_test_generate_map (3, 1, 2, 0);
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = NULL;
  g_autoptr(WmCard) wide = g_object_new (WM_TYPE_CARD, "id", "wide", "stage", "stage-0", "lane", "lane-0",
                                         "title", "Spans two stages", "span", 2, NULL);
  const WmCardBox *box = NULL;
  double lowest_in_cell = 0;

  g_assert_true (wm_document_insert_card (document, wide, 2));
  layout = wm_layout_new (document, style, measure);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const WmCardBox *b = &g_array_index (layout->cards, WmCardBox, i);

      if (b->card == wide)
        box = b;
      else if (b->stage_index == 0)
        lowest_in_cell = MAX (lowest_in_cell, b->rect.y + b->rect.height);
    }
  g_assert_nonnull (box);
  g_assert_cmpuint (box->span, ==, 2);
  g_assert_cmpfloat (box->rect.width, ==, 2 * style->stage_width - 2 * style->cell_padding);
  /* It follows the cards of its own cell, and the next stage's cards
   * make room for it. */
  g_assert_cmpfloat (box->rect.y, >=, lowest_in_cell);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const WmCardBox *b = &g_array_index (layout->cards, WmCardBox, i);

      if (b->stage_index == 1)
        g_assert_cmpfloat (b->rect.y, >=, box->rect.y + box->rect.height);
    }
}

/* A stage with a width of its own moves the columns after it, and cards
 * fill the width of the stages they span. */
static void
test_stage_widths (void)
{
  g_autoptr(WmDocument) document = wm_test_generate_map (3, 1, 1, 0);
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) before = wm_layout_new (document, style, measure);
  g_autoptr(WmLayout) after = NULL;
  g_autoptr(WmStage) wide = g_list_model_get_item (wm_document_get_stages (document), 0);
  g_autoptr(WmCard) spanning = g_object_new (WM_TYPE_CARD, "id", "spanning", "stage", "stage-0", "lane", "lane-0",
                                             "title", "Spans two stages", "span", 2, NULL);
  const WmStageColumn *columns;

  g_assert_true (wm_document_set_int (document, WM_ELEMENT (wide), "width", 400));
  g_assert_true (wm_document_insert_card (document, spanning, 1));
  g_assert_false (wm_document_set_int (document, WM_ELEMENT (wide), "width", 2000));
  after = wm_layout_new (document, style, measure);
  columns = (const WmStageColumn *) after->columns->data;

  g_assert_cmpfloat (columns[0].width, ==, 400);
  g_assert_cmpfloat (columns[1].width, ==, style->stage_width);
  g_assert_cmpfloat (columns[1].x, ==, columns[0].x + 400);
  g_assert_cmpfloat (after->width, ==, before->width + 400 - style->stage_width);
  g_assert_cmpfloat (wm_layout_find_card (after, spanning)->rect.width, ==,
                     400 + style->stage_width - 2 * style->cell_padding);
  for (guint i = 0; i < after->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (after->cards, WmCardBox, i);

      if (box->card != spanning && box->stage_index == 0)
        g_assert_cmpfloat (box->rect.width, ==, 400 - 2 * style->cell_padding);
    }
  g_assert_cmpint (wm_layout_column_at (after, columns[0].x + 390), ==, 0);
  g_assert_cmpint (wm_layout_column_at (after, columns[0].x + 410), ==, 1);
}

static void
test_palettes_meet_wcag_aa (void)
{
  for (WmTheme theme = WM_THEME_LIGHT; theme <= WM_THEME_DARK; theme++)
    {
      g_autoptr(WmStyle) style = wm_style_new (theme);
      const WmPalette *palette = &style->palette;
      const WmColor *backgrounds[] = { &palette->background, &palette->header_fill, &palette->band_fill,
                                       &palette->card_fill, &palette->chip_fill };

      for (guint i = 0; i < G_N_ELEMENTS (backgrounds); i++)
        {
          g_assert_cmpfloat (wm_color_contrast (&palette->text, backgrounds[i]), >=, 4.5);
          g_assert_cmpfloat (wm_color_contrast (&palette->text_secondary, backgrounds[i]), >=, 4.5);
          g_assert_cmpfloat (wm_color_contrast (&palette->accent, backgrounds[i]), >=, 4.5);
          for (guint q = WM_CARD_QUALITY_GOOD; q <= WM_CARD_QUALITY_MISSING; q++)
            g_assert_cmpfloat (wm_color_contrast (&palette->quality[q], backgrounds[i]), >=, 4.5);
        }
      for (guint k = 0; k < WM_N_LANE_KINDS; k++)
        {
          g_assert_cmpfloat (wm_color_contrast (&palette->text, &palette->lane_card_fill[k]), >=, 4.5);
          g_assert_cmpfloat (wm_color_contrast (&palette->text_secondary, &palette->lane_card_fill[k]), >=, 4.5);
        }
    }
}

static void
add_layout_tests (const char *name,
                  const char *map)
{
  struct
  {
    const char *what;
    void (*test) (Fixture *, gconstpointer);
  } tests[] = {
    { "cards-in-cells", test_cards_in_their_cells },
    { "no-card-overlap", test_cards_do_not_overlap },
    { "text-fits", test_text_fits },
    { "curves-in-stages", test_curves_in_their_stages },
    { "labels-apart", test_labels_do_not_collide },
    { "header", test_header_holds_together },
    { "hit-testing", test_hit_testing },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    {
      g_autofree char *path = g_strdup_printf ("/layout/%s/%s", name, tests[i].what);

      g_test_add (path, Fixture, map, fixture_set_up, tests[i].test, fixture_tear_down);
    }
}

static void
assert_same_layout (WmLayout *a,
                    WmLayout *b)
{
  g_assert_cmpfloat (a->width, ==, b->width);
  g_assert_cmpfloat (a->height, ==, b->height);
  g_assert_cmpuint (a->cards->len, ==, b->cards->len);
  for (guint i = 0; i < a->cards->len; i++)
    {
      const WmCardBox *x = &g_array_index (a->cards, WmCardBox, i);
      const WmCardBox *y = &g_array_index (b->cards, WmCardBox, i);

      g_assert_true (x->card == y->card);
      g_assert_cmpmem (&x->rect, sizeof x->rect, &y->rect, sizeof y->rect);
      g_assert_cmpint (x->title_lines, ==, y->title_lines);
      g_assert_cmpint (x->text_lines, ==, y->text_lines);
      g_assert_cmpint (x->footer_lines, ==, y->footer_lines);
      g_assert_cmpint (x->has_badges, ==, y->has_badges);
      g_assert_cmpfloat (x->footer_y, ==, y->footer_y);
      g_assert_cmpuint (x->revision, ==, y->revision);
    }
  g_assert_cmpuint (a->rows->len, ==, b->rows->len);
  for (guint i = 0; i < a->rows->len; i++)
    g_assert_cmpfloat (g_array_index (a->rows, WmLaneRow, i).height, ==, g_array_index (b->rows, WmLaneRow, i).height);
}

/* A view lays the map out after every edit and measures again only the
 * cards that changed: whatever the edits, what it gets is the layout
 * made from scratch. */
static void
test_cached_layout_matches_fresh (void)
{
  g_autoptr(WmDocument) document = wm_test_load_map ("samples/hotel-stay.waymark");
  g_autoptr(WmDocument) clipboard = wm_test_generate_map (2, 2, 1, 1);
  g_autoptr(GRand) rng = g_rand_new_with_seed (20261202);
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayoutCache) cache = wm_layout_cache_new ();

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(WmLayout) cached = NULL;
      g_autoptr(WmLayout) fresh = NULL;

      if (g_rand_int_range (rng, 0, 8) == 0)
        wm_history_undo (wm_document_get_history (document));
      else
        wm_test_random_edit (document, rng, clipboard, i);
      cached = wm_layout_new_cached (document, style, measure, cache, WM_LAYOUT_DEFAULT);
      fresh = wm_layout_new (document, style, measure);
      assert_same_layout (cached, fresh);
    }
}

/* Cards spanning stages: the tree that finds how low each one goes
 * agrees with looking at every stage it spans. */
static void
test_column_heights (void)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (7);

  for (guint n = 1; n <= 40; n += 13)
    {
      g_autoptr(WmColumnHeights) heights = wm_column_heights_new (n, 10);
      g_autofree double *plain = g_new (double, n);

      for (guint i = 0; i < n; i++)
        plain[i] = 10;
      for (guint op = 0; op < 2000; op++)
        {
          guint first = g_rand_int_range (rng, 0, n);
          guint count = g_rand_int_range (rng, 1, n - first + 1);
          double expected = -G_MAXDOUBLE;
          double bottom;

          for (guint s = first; s < first + count; s++)
            expected = MAX (expected, plain[s]);
          g_assert_cmpfloat (wm_column_heights_max (heights, first, count), ==, expected);
          bottom = expected + g_rand_double_range (rng, 0, 50);
          wm_column_heights_set (heights, first, count, bottom);
          for (guint s = first; s < first + count; s++)
            plain[s] = bottom;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *maps[] = {
    "templates/current-state.waymark",
    "templates/future-state.waymark",
    "templates/day-in-the-life.waymark",
    "templates/service-blueprint.waymark",
    "samples/software-purchase.waymark",
    "samples/gym-membership.waymark",
    "samples/busy-parent-day.waymark",
    "samples/hotel-stay.waymark",
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (maps); i++)
    {
      g_autofree char *name = g_path_get_basename (maps[i]);

      *strrchr (name, '.') = '\0';
      add_layout_tests (name, maps[i]);
    }
  add_layout_tests ("generated-1000", "generated");
  g_test_add_func ("/layout/measure-is-safe", test_measure_is_safe);
  g_test_add_func ("/layout/span-stacks-below", test_span_stacks_below);
  g_test_add_func ("/layout/huge-text-is-capped", test_huge_text_is_capped);
  g_test_add_func ("/layout/stage-widths", test_stage_widths);
  g_test_add_func ("/layout/palettes-meet-wcag-aa", test_palettes_meet_wcag_aa);
  g_test_add_func ("/layout/cached-layout-matches-fresh", test_cached_layout_matches_fresh);
  g_test_add_func ("/layout/column-heights", test_column_heights);

  return g_test_run ();
}
