/* test-interchange.c: CSV and Mermaid, both ways: quoting, the grid
 * sheets teams keep, errors that name their place, Mermaid's grammar,
 * score mapping, and round trips of every template and sample.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-csv.h"
#include "wm-document-private.h"
#include "wm-document-reader.h"
#include "wm-interchange.h"
#include "wm-mermaid.h"
#include "wm-test-map.h"

static const char *maps[] = {
  "templates/current-state.waymark",
  "templates/future-state.waymark",
  "templates/day-in-the-life.waymark",
  "templates/service-blueprint.waymark",
  "samples/software-purchase.waymark",
  "samples/gym-membership.waymark",
  "samples/busy-parent-day.waymark",
  "samples/hotel-stay.waymark",
};

static WmDocument *
import_csv (const char *csv)
{
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_csv_import (csv, strlen (csv), &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static WmCard *
card_at (WmDocument *document,
         guint       index)
{
  g_autoptr(WmCard) card = g_list_model_get_item (wm_document_get_cards (document), index);

  return card;  /* the document keeps it alive */
}

static const char *
stage_name_of (WmDocument *document,
               WmCard     *card)
{
  return wm_stage_get_name (WM_STAGE (wm_document_lookup (document, wm_card_get_stage (card))));
}

static const char *
lane_title_of (WmDocument *document,
               WmCard     *card)
{
  return wm_lane_get_title (WM_LANE (wm_document_lookup (document, wm_card_get_lane (card))));
}

/* CSV */

static void
test_csv_quoting (void)
{
  const char *csv =
    "\xEF\xBB\xBFstage,lane,order,title,text,tags\r\n"
    "Awareness,Touchpoints,1,\"Ads, search and \"\"word of mouth\"\"\",\"Line one\nLine two\r\nLine three\",\"a, b ,c\"\r\n"
    "Awareness,Touchpoints,2,\"  spaces kept  \",Überprüfung € “quotes”,\n"
    "Awareness,Touchpoints,3,Bare CR ends a row,,\r"
    "Decision,Pain points,,Last row without a line end,,";
  g_autoptr(WmDocument) document = import_csv (csv);
  g_autofree char *exported = NULL;
  WmCard *card;

  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (document)), ==, 4);
  card = card_at (document, 0);
  g_assert_cmpstr (wm_card_get_title (card), ==, "Ads, search and \"word of mouth\"");
  g_assert_cmpstr (wm_card_get_text (card), ==, "Line one\nLine two\r\nLine three");
  g_assert_cmpstr (wm_card_get_tags (card)[0], ==, "a");
  g_assert_cmpstr (wm_card_get_tags (card)[1], ==, "b");
  g_assert_cmpstr (wm_card_get_tags (card)[2], ==, "c");
  g_assert_cmpstr (wm_card_get_title (card_at (document, 1)), ==, "  spaces kept  ");
  g_assert_cmpstr (wm_card_get_text (card_at (document, 1)), ==, "Überprüfung € “quotes”");
  g_assert_cmpstr (wm_card_get_title (card_at (document, 2)), ==, "Bare CR ends a row");
  g_assert_cmpstr (stage_name_of (document, card_at (document, 3)), ==, "Decision");
  /* The lane's kind comes from its title when the sheet does not say. */
  g_assert_cmpint (wm_lane_get_kind (WM_LANE (wm_document_lookup (document, wm_card_get_lane (card_at (document, 3))))),
                   ==, WM_LANE_KIND_PAIN_POINTS);

  exported = wm_csv_export (document);
  g_assert_true (g_str_has_prefix (exported, "stage,lane,order,title,text,channel,owner,quality,moment,time,metric,"
                                             "metric value,tags,span,color,lane kind\r\n"));
  g_assert_nonnull (strstr (exported, "\"Ads, search and \"\"word of mouth\"\"\""));
  g_assert_nonnull (strstr (exported, "\"  spaces kept  \""));
  g_assert_nonnull (strstr (exported, ",\"a, b, c\","));
}

/* Cards come back in their cells' order, whatever the rows' order. */
static void
test_csv_order (void)
{
  g_autoptr(WmDocument) document = import_csv ("title,lane,stage,order\n"
                                               "Third,Actions,One,3\n"
                                               "First,Actions,One,1\n"
                                               "Second,Actions,One,2\n");
  g_autoptr(GPtrArray) cell = NULL;
  WmCard *first = card_at (document, 0);

  cell = wm_document_get_cell_cards (document, wm_card_get_stage (first), wm_card_get_lane (first));
  g_assert_cmpuint (cell->len, ==, 3);
  g_assert_cmpstr (wm_card_get_title (g_ptr_array_index (cell, 0)), ==, "First");
  g_assert_cmpstr (wm_card_get_title (g_ptr_array_index (cell, 1)), ==, "Second");
  g_assert_cmpstr (wm_card_get_title (g_ptr_array_index (cell, 2)), ==, "Third");
}

static void
assert_same_cards (WmDocument *expected,
                   WmDocument *actual)
{
  GListModel *stages = wm_document_get_stages (expected);
  GListModel *lanes = wm_document_get_lanes (expected);
  guint n_compared = 0;

  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
      {
        g_autoptr(WmStage) stage = g_list_model_get_item (stages, s);
        g_autoptr(WmLane) lane = g_list_model_get_item (lanes, l);
        g_autoptr(GPtrArray) before = wm_document_get_cell_cards (expected, wm_element_get_id (WM_ELEMENT (stage)),
                                                                 wm_element_get_id (WM_ELEMENT (lane)));
        g_autoptr(GPtrArray) after = g_ptr_array_new ();
        GListModel *cards = wm_document_get_cards (actual);

        if (before->len == 0)
          continue;
        /* In the import, stages and lanes are found by name. */
        for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
          {
            WmCard *card = card_at (actual, i);

            if (g_strcmp0 (stage_name_of (actual, card), wm_stage_get_name (stage)) == 0
                && g_strcmp0 (lane_title_of (actual, card), wm_lane_get_title (lane)) == 0)
              g_ptr_array_add (after, card);
          }
        g_assert_cmpuint (after->len, ==, before->len);
        for (guint i = 0; i < before->len; i++)
          {
            WmCard *a = g_ptr_array_index (before, i), *b = g_ptr_array_index (after, i);
            const char *fields[] = { "title", "text", "channel", "owner", "quality", "moment", "time-label",
                                     "metric-name", "metric-value", "color", "tags", "span" };

            for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
              {
                GParamSpec *pspec = wm_element_find_field (WM_ELEMENT (a), fields[f]);
                const GValue *va = wm_element_peek_value (WM_ELEMENT (a), pspec);
                const GValue *vb = wm_element_peek_value (WM_ELEMENT (b), pspec);

                gboolean same;

                if (G_VALUE_HOLDS (va, G_TYPE_STRV))
                  {
                    const char * const empty[] = { NULL };
                    const char * const *sa = g_value_get_boxed (va), * const *sb = g_value_get_boxed (vb);

                    same = g_strv_equal (sa != NULL ? sa : empty, sb != NULL ? sb : empty);
                  }
                else
                  same = g_param_values_cmp (pspec, va, vb) == 0;
                if (!same)
                  g_error ("card “%s”: %s differs after the round trip", wm_card_get_title (a), fields[f]);
              }
            n_compared++;
          }
      }
  g_assert_cmpuint (n_compared, ==, g_list_model_get_n_items (wm_document_get_cards (expected)));
}

static void
test_csv_round_trip (gconstpointer data)
{
  g_autoptr(WmDocument) original = wm_test_load_map (data);
  g_autofree char *csv = wm_csv_export (original);
  g_autoptr(WmDocument) imported = import_csv (csv);
  g_autofree char *again = wm_csv_export (imported);

  g_assert_cmpstr (again, ==, csv);
  assert_same_cards (original, imported);
  /* Lanes keep their kinds through the "lane kind" column. */
  for (guint i = 0; i < g_list_model_get_n_items (wm_document_get_lanes (imported)); i++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (wm_document_get_lanes (imported), i);

      g_assert_true (wm_lane_kind_holds_cards (wm_lane_get_kind (lane)));
    }
}

static void
test_csv_grid (void)
{
  const char *grid =
    ",Awareness,Consideration,Purchase\n"
    "Customer actions,\"Sees an ad\n\nAsks a friend\nWho has used it\",\"• Reads reviews\n• Compares prices\",\n"
    "Pain points,,\"1. Pricing is unclear\n2. Too many plans\",\n"
    "Feelings,3,2: I'm lost,5\n"
    "Empty lane,,,\n";
  g_autoptr(WmDocument) document = import_csv (grid);
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  GListModel *curves = wm_document_get_emotion_curves (document);
  g_autoptr(WmLane) actions = g_list_model_get_item (lanes, 0);
  g_autoptr(WmLane) pains = g_list_model_get_item (lanes, 1);
  g_autoptr(WmLane) feelings = g_list_model_get_item (lanes, 2);
  g_autoptr(WmEmotionCurve) curve = NULL;
  g_autoptr(WmEmotionPoint) lost = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 4);
  g_assert_cmpint (wm_lane_get_kind (actions), ==, WM_LANE_KIND_CUSTOMER_ACTIONS);
  g_assert_cmpint (wm_lane_get_kind (pains), ==, WM_LANE_KIND_PAIN_POINTS);
  g_assert_cmpint (wm_lane_get_kind (feelings), ==, WM_LANE_KIND_EMOTIONS);

  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (document)), ==, 6);
  g_assert_cmpstr (wm_card_get_title (card_at (document, 0)), ==, "Sees an ad");
  g_assert_cmpstr (wm_card_get_title (card_at (document, 1)), ==, "Asks a friend");
  g_assert_cmpstr (wm_card_get_text (card_at (document, 1)), ==, "Who has used it");
  g_assert_cmpstr (wm_card_get_title (card_at (document, 2)), ==, "Reads reviews");
  g_assert_cmpstr (wm_card_get_title (card_at (document, 3)), ==, "Compares prices");
  g_assert_cmpstr (stage_name_of (document, card_at (document, 3)), ==, "Consideration");
  g_assert_cmpstr (wm_card_get_title (card_at (document, 5)), ==, "Too many plans");

  g_assert_cmpuint (g_list_model_get_n_items (curves), ==, 1);
  curve = g_list_model_get_item (curves, 0);
  g_assert_cmpuint (g_list_model_get_n_items (wm_emotion_curve_get_points (curve)), ==, 3);
  lost = g_list_model_get_item (wm_emotion_curve_get_points (curve), 1);
  g_assert_cmpint (wm_emotion_point_get_score (lost), ==, 2);
  g_assert_cmpstr (wm_emotion_point_get_label (lost), ==, "I'm lost");
}

static void
test_csv_errors (void)
{
  struct
  {
    const char *csv;
    const char *message;
  } cases[] = {
    { "stage,lane,title\nA,B,\"open", "Row 2, column 3: a quoted field is not closed" },
    { "stage,lane,title\nA,B,\"x\"y", "Row 2, column 3: text after the closing quote" },
    { "stage,lane,title\nA,B,x\"y", "Row 2, column 3: a quote inside a field" },
    { "stage,lane,title,quality\nA,B,x,great", "Row 2, column 4: the quality must be" },
    { "stage,lane,title,moment\nA,B,x,fifth", "Row 2, column 4: the moment must be" },
    { "stage,order,lane,title\nA,first,B,x", "Row 2, column 2: the order must be" },
    { "stage,lane,title,span\nA,B,x,2", "Row 2, column 4: the card spans past the last stage" },
    { "stage,lane,title,span\nA,B,x,0", "Row 2, column 4: the span must be" },
    { "stage,lane,title\n,B,x", "Row 2, column 1: a card needs a stage" },
    { "stage,lane,title\nA,,x", "Row 2, column 2: a card needs a lane" },
    { "stage,lane,title\nA,B,x,extra", "Row 2, column 4: a value in a column with no heading" },
    { "stage,lane,title,lane kind\nA,B,x,sideways", "Row 2, column 4: unknown lane kind" },
    { ",One\nActions,a,b", "Row 2, column 3: no stage heads this column" },
    { ",One\n,a", "Row 2, column 1: a lane needs a title" },
    { ",One\nFeelings,happy", "Row 2, column 2: an emotion is a score" },
    { "just one cell", "Row 1, column 2: the first row should name the stages" },
    { "", "The file has no rows" },
    { "stage,lane,title\nA,B,\xff\xfe", "Line 2: the text is not valid UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) document = wm_csv_import (cases[i].csv, strlen (cases[i].csv), &error);

      g_assert_null (document);
      g_assert_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: expected “%s…”, got “%s”", i, cases[i].message, error->message);
    }
}

static void
test_csv_too_large (void)
{
  gsize length = WM_INTERCHANGE_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;

  memset (data, 'a', length);
  document = wm_csv_import (data, length, &error);
  g_assert_null (document);
  g_assert_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_TOO_LARGE);
}

/* Mermaid */

/* Follows the rules of Mermaid's journey grammar (journey.jison): a
 * statement ends at a line break, "#" or ";"; a section or task name
 * cannot hold ":"; a task has a numeric score after its first ":"; "%%"
 * starts a comment. Returns the first line it would not accept. */
static char *
first_line_mermaid_rejects (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean seen_journey = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *trimmed = g_strstrip (g_strdup (line));

      if (*trimmed == '\0')
        continue;
      if (strpbrk (line, "#;") != NULL || strstr (line, "%%") != NULL)
        return g_strdup (line);
      if (!seen_journey)
        {
          if (!g_str_equal (trimmed, "journey"))
            return g_strdup (line);
          seen_journey = TRUE;
          continue;
        }
      if (g_str_has_prefix (trimmed, "title "))
        continue;
      if (g_str_has_prefix (trimmed, "section "))
        {
          if (strchr (trimmed, ':') != NULL)
            return g_strdup (line);
          continue;
        }
      {
        g_auto(GStrv) parts = g_strsplit (trimmed, ":", 3);
        char *end;

        if (g_strv_length (parts) < 2 || *g_strstrip (parts[0]) == '\0')
          return g_strdup (line);
        g_strtod (g_strstrip (parts[1]), &end);
        if (end == parts[1] || *end != '\0')
          return g_strdup (line);
        if (parts[2] != NULL && strchr (parts[2], ':') != NULL)
          return g_strdup (line);
      }
    }
  return seen_journey ? NULL : g_strdup ("(no journey line)");
}

static WmDocument *
nasty_map (int scale)
{
  WmDocument *document = g_object_new (WM_TYPE_DOCUMENT, "id", "nasty", "title", "Q3: plans; #1 %% check\nnext",
                                       "kind", WM_MAP_KIND_CURRENT_STATE, "emotion-scale", scale, NULL);
  g_autoptr(WmStage) first = g_object_new (WM_TYPE_STAGE, "id", "s1", "name", "Pre-sale: research", NULL);
  g_autoptr(WmStage) second = g_object_new (WM_TYPE_STAGE, "id", "s2", "name", "", NULL);
  g_autoptr(WmStage) third = g_object_new (WM_TYPE_STAGE, "id", "s3", "name", "Decide", NULL);
  g_autoptr(WmLane) lane = g_object_new (WM_TYPE_LANE, "id", "l1", "title", "Actions",
                                         "kind", WM_LANE_KIND_CUSTOMER_ACTIONS, NULL);
  g_autoptr(WmLane) thoughts = g_object_new (WM_TYPE_LANE, "id", "l2", "title", "Thoughts",
                                             "kind", WM_LANE_KIND_THOUGHTS, NULL);
  g_autoptr(WmCard) a = g_object_new (WM_TYPE_CARD, "id", "c1", "stage", "s1", "lane", "l1",
                                      "title", "Reads: “reviews”; #tags", NULL);
  g_autoptr(WmCard) b = g_object_new (WM_TYPE_CARD, "id", "c2", "stage", "s2", "lane", "l1", "title", "", NULL);
  g_autoptr(WmCard) c = g_object_new (WM_TYPE_CARD, "id", "c3", "stage", "s3", "lane", "l1", "title", "Buys", NULL);
  g_autoptr(WmCard) quiet = g_object_new (WM_TYPE_CARD, "id", "c4", "stage", "s1", "lane", "l2",
                                          "title", "Not a task", NULL);
  g_autoptr(WmPersona) dana = g_object_new (WM_TYPE_PERSONA, "id", "p1", "name", "Dana, the buyer: ops", NULL);
  g_autoptr(WmPersona) sam = g_object_new (WM_TYPE_PERSONA, "id", "p2", "name", "Sam", NULL);
  g_autoptr(WmEmotionCurve) curve = wm_emotion_curve_new ("curve", "p1");
  g_autoptr(WmEmotionPoint) low = g_object_new (WM_TYPE_EMOTION_POINT, "id", "e1", "stage", "s1", "score", 1, NULL);
  g_autoptr(WmEmotionPoint) high = g_object_new (WM_TYPE_EMOTION_POINT, "id", "e3", "stage", "s3",
                                                 "score", scale, NULL);

  g_list_store_append (wm_emotion_curve_get_point_store (curve), low);
  g_list_store_append (wm_emotion_curve_get_point_store (curve), high);
  wm_document_append_loaded (document, WM_ELEMENT (first));
  wm_document_append_loaded (document, WM_ELEMENT (second));
  wm_document_append_loaded (document, WM_ELEMENT (third));
  wm_document_append_loaded (document, WM_ELEMENT (lane));
  wm_document_append_loaded (document, WM_ELEMENT (thoughts));
  wm_document_append_loaded (document, WM_ELEMENT (a));
  wm_document_append_loaded (document, WM_ELEMENT (b));
  wm_document_append_loaded (document, WM_ELEMENT (c));
  wm_document_append_loaded (document, WM_ELEMENT (quiet));
  wm_document_append_loaded (document, WM_ELEMENT (dana));
  wm_document_append_loaded (document, WM_ELEMENT (sam));
  wm_document_append_loaded (document, WM_ELEMENT (curve));
  return document;
}

static void
test_mermaid_escaping (void)
{
  g_autoptr(WmDocument) document = nasty_map (5);
  g_autofree char *text = wm_mermaid_export (document);
  g_autofree char *rejected = first_line_mermaid_rejects (text);

  g_test_message ("%s", text);
  g_assert_null (rejected);
  g_assert_true (g_str_has_prefix (text, "journey\n    title Q3∶ plans； ＃1 %％ check next\n"));
  g_assert_nonnull (strstr (text, "    section Pre-sale∶ research\n"));
  /* Only action and touchpoint cards are tasks; empty names get one. */
  g_assert_null (strstr (text, "Not a task"));
  g_assert_nonnull (strstr (text, "      Untitled: 3: Dana， the buyer∶ ops, Sam\n"));
}

static void
test_mermaid_scores (void)
{
  int scales[] = { 3, 5, 7, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(WmDocument) document = nasty_map (scales[i]);
      g_autofree char *text = wm_mermaid_export (document);

      /* The worst level is 1 and the best 5 on every scale; the stage
       * between them, with no point, is halfway. */
      g_assert_nonnull (strstr (text, "＃tags: 1: "));
      g_assert_nonnull (strstr (text, "Untitled: 3: "));
      g_assert_nonnull (strstr (text, "Buys: 5: "));
    }
}

static void
test_mermaid_import (void)
{
  const char *text =
    "---\n"
    "title: front matter is skipped\n"
    "---\n"
    "%% a comment\n"
    "journey\n"
    "  accTitle: For screen readers\n"
    "  title My working day\n"
    "  section Go to work\n"
    "    Make tea: 5: Me\n"
    "    Go upstairs: 3: Me, Cat\n"
    "    Do work: 1: Me, Cat\n"
    "  section Go home\n"
    "    Go downstairs: 5: Me\n"
    "    Sit down: 5\n"
    "  section Sleep\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_mermaid_import (text, strlen (text), &error);
  GListModel *personas, *curves;
  g_autoptr(WmPersona) me = NULL;
  g_autoptr(WmEmotionCurve) my_curve = NULL;
  g_autoptr(WmEmotionCurve) cat_curve = NULL;
  g_autoptr(WmEmotionPoint) second = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (wm_document_get_title (document), ==, "My working day");
  g_assert_cmpint (wm_document_get_kind (document), ==, WM_MAP_KIND_CURRENT_STATE);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (document)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (document)), ==, 5);
  g_assert_cmpstr (wm_card_get_title (card_at (document, 1)), ==, "Go upstairs");
  g_assert_cmpstr (stage_name_of (document, card_at (document, 3)), ==, "Go home");

  personas = wm_document_get_personas (document);
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 2);
  me = g_list_model_get_item (personas, 0);
  g_assert_cmpstr (wm_persona_get_name (me), ==, "Me");

  curves = wm_document_get_emotion_curves (document);
  my_curve = g_list_model_get_item (curves, 0);
  cat_curve = g_list_model_get_item (curves, 1);
  g_assert_cmpuint (g_list_model_get_n_items (wm_emotion_curve_get_points (my_curve)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (wm_emotion_curve_get_points (cat_curve)), ==, 2);
  second = g_list_model_get_item (wm_emotion_curve_get_points (my_curve), 1);
  g_assert_cmpint (wm_emotion_point_get_score (second), ==, 3);
  g_assert_cmpfloat_with_epsilon (wm_emotion_point_get_position (second), 0.5, 1e-9);
}

static void
test_mermaid_errors (void)
{
  struct
  {
    const char *text;
    const char *message;
  } cases[] = {
    { "graph TD\n", "Line 1: a Mermaid journey starts with" },
    { "journey\n  section A\n  Task without score\n", "Line 3: expected “task: score”" },
    { "journey\n  section A\n  Task: high\n", "Line 3: the score must be" },
    { "journey\n  section A\n  Task: 6: Me\n", "Line 3: the score must be" },
    { "journey\n  section\n", "Line 2: a section needs a name" },
    { "journey\n  : 3\n", "Line 2: a task needs a name" },
    { "journey\n  A: 1: a, b, c, d, e, f\n", "Line 2: a map can have at most 5 personas" },
    { "\n%% only a comment\n", "This is not a Mermaid journey" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) document = wm_mermaid_import (cases[i].text, strlen (cases[i].text), &error);

      g_assert_null (document);
      g_assert_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: expected “%s…”, got “%s”", i, cases[i].message, error->message);
    }
}

static void
test_mermaid_round_trip (gconstpointer data)
{
  g_autoptr(WmDocument) original = wm_test_load_map (data);
  g_autofree char *text = wm_mermaid_export (original);
  g_autofree char *rejected = first_line_mermaid_rejects (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) imported = wm_mermaid_import (text, strlen (text), &error);
  g_autofree char *again = NULL;

  g_assert_null (rejected);
  g_assert_no_error (error);
  again = wm_mermaid_export (imported);
  g_assert_cmpstr (again, ==, text);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (imported)), ==,
                    g_list_model_get_n_items (wm_document_get_stages (original)));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_personas (imported)), ==,
                    g_list_model_get_n_items (wm_document_get_personas (original)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/order", test_csv_order);
  g_test_add_func ("/csv/grid", test_csv_grid);
  g_test_add_func ("/csv/errors", test_csv_errors);
  g_test_add_func ("/csv/too-large", test_csv_too_large);
  g_test_add_func ("/mermaid/escaping", test_mermaid_escaping);
  g_test_add_func ("/mermaid/scores", test_mermaid_scores);
  g_test_add_func ("/mermaid/import", test_mermaid_import);
  g_test_add_func ("/mermaid/errors", test_mermaid_errors);
  for (guint i = 0; i < G_N_ELEMENTS (maps); i++)
    {
      g_autofree char *name = g_path_get_basename (maps[i]);
      g_autofree char *csv_path = NULL;
      g_autofree char *mermaid_path = NULL;

      *strrchr (name, '.') = '\0';
      csv_path = g_strdup_printf ("/csv/round-trip/%s", name);
      mermaid_path = g_strdup_printf ("/mermaid/round-trip/%s", name);
      g_test_add_data_func (csv_path, maps[i], test_csv_round_trip);
      g_test_add_data_func (mermaid_path, maps[i], test_mermaid_round_trip);
    }

  return g_test_run ();
}
