/* test-interchange.c: CSV and Mermaid, both ways: quoting, the grid
 * sheets teams keep, errors that name their place, Mermaid's grammar,
 * score mapping, and round trips of every template and sample.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "fuzz/journey-grammar.h"
#include "wm-csv.h"
#include "wm-document-private.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-interchange.h"
#include "wm-mermaid.h"
#include "wm-templates.h"
#include "wm-test-map.h"
#include "wm-text-escape.h"

/* Every template and sample, and a generated map with every lane kind
 * that holds cards and three personas. */
static const char *maps[] = {
  "templates/current-state.waymark",
  "templates/future-state.waymark",
  "templates/day-in-the-life.waymark",
  "templates/service-blueprint.waymark",
  "samples/software-purchase.waymark",
  "samples/gym-membership.waymark",
  "samples/busy-parent-day.waymark",
  "samples/hotel-stay.waymark",
  "generated",
};

static WmDocument *
load_map (const char *name)
{
  if (g_str_equal (name, "generated"))
    return wm_test_generate_map (6, 16, 3, 3);
  return wm_test_load_map (name);
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "interchange", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

/* What an importer makes must be a map Waymark can save and open. */
static void
assert_saves_and_opens (WmDocument *document)
{
  g_autofree char *json = wm_document_to_json (document, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) reopened = wm_document_load_from_data (json, strlen (json), &error);

  g_assert_no_error (error);
  g_assert_nonnull (reopened);
}

static WmDocument *
import_csv (const char *csv)
{
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_csv_import (csv, strlen (csv), &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  assert_saves_and_opens (document);
  return document;
}

static WmDocument *
import_mermaid (const char *text,
                gsize       length)
{
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_mermaid_import (text, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  assert_saves_and_opens (document);
  return document;
}

typedef WmDocument *(*ImportFunc) (const char *data, gsize length, GError **error);

/* @import refuses @text with @code and a one-line message that starts
 * with @message. */
static void
assert_refused (ImportFunc  import,
                const char *text,
                gsize       length,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = import (text, length, &error);

  g_assert_null (document);
  g_assert_error (error, WM_INTERCHANGE_ERROR, code);
  if (!g_str_has_prefix (error->message, message))
    g_error ("for “%s”: expected “%s…”, got “%s”", text, message, error->message);
  g_assert_null (strchr (error->message, '\n'));
}

static WmCard *
card_at (WmDocument *document,
         guint       index)
{
  g_autoptr(WmCard) card = g_list_model_get_item (wm_document_get_cards (document), index);

  return card;  /* the document keeps it alive */
}

static gpointer
item_at (GListModel *model,
         guint       index)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, index);

  return item;  /* the document keeps it alive */
}

static const char *
stage_name_of (WmDocument *document,
               WmCard     *card)
{
  return wm_stage_get_name (WM_STAGE (wm_document_lookup (document, wm_card_get_stage (card))));
}

static WmLane *
lane_of (WmDocument *document,
         WmCard     *card)
{
  return WM_LANE (wm_document_lookup (document, wm_card_get_lane (card)));
}

static const char *
lane_title_of (WmDocument *document,
               WmCard     *card)
{
  return wm_lane_get_title (lane_of (document, card));
}

static void
assert_card (WmDocument *document,
             guint       index,
             const char *stage,
             const char *lane,
             const char *title,
             const char *text)
{
  WmCard *card = card_at (document, index);

  g_assert_cmpstr (stage_name_of (document, card), ==, stage);
  g_assert_cmpstr (lane_title_of (document, card), ==, lane);
  g_assert_cmpstr (wm_card_get_title (card), ==, title);
  g_assert_cmpstr (wm_card_get_text (card), ==, text);
}

/* CSV */

static void
test_csv_quoting (void)
{
  const char *csv =
    "\xEF\xBB\xBFstage,lane,order,title,text,tags\r\n"
    "Awareness,Touchpoints,1,\"Ads, search and \"\"word of mouth\"\"\",\"Line one\nLine two\r\nLine three\",\"a, b ,c\"\r\n"
    "Awareness,Touchpoints,2,\"  spaces kept  \",Überprüfung € “quotes”,\n"
    "Awareness,Touchpoints,3,Bare CR ends a row,\"a lone \r in a field\",\r"
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
  g_assert_cmpstr (wm_card_get_text (card_at (document, 2)), ==, "a lone \r in a field");
  g_assert_cmpstr (stage_name_of (document, card_at (document, 3)), ==, "Decision");
  /* The lane's kind comes from its title when the sheet does not say. */
  g_assert_cmpint (wm_lane_get_kind (lane_of (document, card_at (document, 3))), ==, WM_LANE_KIND_PAIN_POINTS);

  exported = wm_csv_export (document);
  g_assert_true (g_str_has_prefix (exported, "stage,lane,order,title,text,channel,owner,quality,moment,time,metric,"
                                             "metric value,tags,span,color,lane kind,impact,effort,status\r\n"));
  g_assert_true (g_str_has_suffix (exported, "\r\n"));
  g_assert_false (g_str_has_prefix (exported, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (exported, "\r\nAwareness,Touchpoints,1,\"Ads, search and \"\"word of mouth\"\"\","
                                      "\"Line one\nLine two\r\nLine three\",,,,,,,,\"a, b, c\",1,,touchpoints,,,\r\n"));
  g_assert_nonnull (strstr (exported, ",2,\"  spaces kept  \",Überprüfung € “quotes”,"));
  g_assert_nonnull (strstr (exported, ",\"a lone \r in a field\","));
  g_assert_nonnull (strstr (exported, "\r\nDecision,Pain points,1,Last row without a line end,,,,,,,,,,1,,pain-points,,,\r\n"));
}

/* Values as people type them: any case, spaces, stray commas in tags. */
static void
test_csv_values (void)
{
  g_autoptr(WmDocument) document = import_csv ("\r\n,,\r\n"
                                               " Stage , LANE,Title,Quality,MOMENT,Color,Tags,Span,Notes,Lane Kind\r\n"
                                               "One,Steps,A,Bad,first, #3584E4 ,\"quick win,, ,vip,\",2,ignored,\r\n"
                                               "Two,Steps,B,,,,,,,company-actions\r\n");
  WmCard *a = card_at (document, 0);
  g_autoptr(WmDocument) again = NULL;
  g_autofree char *csv = wm_csv_export (document);
  g_autofree char *csv_again = NULL;

  g_assert_cmpint (wm_card_get_quality (a), ==, WM_CARD_QUALITY_BAD);
  g_assert_cmpint (wm_card_get_moment (a), ==, WM_MOMENT_FIRST);
  g_assert_cmpstr (wm_card_get_color (a), ==, "#3584e4");
  g_assert_cmpint (wm_card_get_span (a), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) wm_card_get_tags (a)), ==, 2);
  g_assert_cmpstr (wm_card_get_tags (a)[0], ==, "quick win");
  g_assert_cmpstr (wm_card_get_tags (a)[1], ==, "vip");
  /* The lane was made by the first row, whose kind was guessed. */
  g_assert_cmpint (wm_lane_get_kind (lane_of (document, a)), ==, WM_LANE_KIND_CUSTOMER_ACTIONS);
  g_assert_nonnull (strstr (csv, "\r\nOne,Steps,1,A,,,,bad,first,,,,\"quick win, vip\",2,#3584e4,customer-actions,,,\r\n"));

  again = import_csv (csv);
  csv_again = wm_csv_export (again);
  g_assert_cmpstr (csv_again, ==, csv);
}

/* Impact, effort and status have their columns, read as people type
 * them, and come back from an export unchanged. */
static void
test_csv_priorities (void)
{
  g_autoptr(WmDocument) document = import_csv ("stage,lane,title,Impact,EFFORT,Status\r\n"
                                               "One,Pains,A, 5 ,1,In progress\r\n"
                                               "One,Pains,B,,,\r\n"
                                               "Two,Ideas,C,2,4,DROPPED\r\n"
                                               "Two,Ideas,D,3,,in_progress\r\n");
  WmCard *a = card_at (document, 0);
  WmCard *b = card_at (document, 1);
  WmCard *c = card_at (document, 2);
  g_autofree char *csv = wm_csv_export (document);
  g_autoptr(WmDocument) again = NULL;
  g_autofree char *csv_again = NULL;

  g_assert_cmpint (wm_card_get_impact (a), ==, 5);
  g_assert_cmpint (wm_card_get_effort (a), ==, 1);
  g_assert_cmpint (wm_card_get_status (a), ==, WM_CARD_STATUS_IN_PROGRESS);
  g_assert_cmpint (wm_card_get_impact (b), ==, 0);
  g_assert_cmpint (wm_card_get_effort (b), ==, 0);
  g_assert_cmpint (wm_card_get_status (b), ==, WM_CARD_STATUS_NONE);
  g_assert_cmpint (wm_card_get_status (c), ==, WM_CARD_STATUS_DROPPED);
  g_assert_cmpint (wm_card_get_status (card_at (document, 3)), ==, WM_CARD_STATUS_IN_PROGRESS);
  g_assert_nonnull (strstr (csv, "\r\nOne,Pains,1,A,,,,,,,,,,1,,pain-points,5,1,in-progress\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nOne,Pains,2,B,,,,,,,,,,1,,pain-points,,,\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nTwo,Ideas,1,C,,,,,,,,,,1,,opportunities,2,4,dropped\r\n"));

  again = import_csv (csv);
  csv_again = wm_csv_export (again);
  g_assert_cmpstr (csv_again, ==, csv);
}

/* Cards come back in their cells' order, whatever the rows' order. */
static void
test_csv_order (void)
{
  g_autoptr(WmDocument) document = import_csv ("title,lane,stage,order\n"
                                               "Third,Actions,One,3\n"
                                               "First,Actions,One,1\n"
                                               "Unnumbered,Actions,One,\n"
                                               "Second,Actions,One,2\n"
                                               "Also first,Actions,One,1\n");
  g_autoptr(GPtrArray) cell = NULL;
  WmCard *first = card_at (document, 0);
  const char *expected[] = { "First", "Also first", "Second", "Third", "Unnumbered" };

  cell = wm_document_get_cell_cards (document, wm_card_get_stage (first), wm_card_get_lane (first));
  g_assert_cmpuint (cell->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (wm_card_get_title (g_ptr_array_index (cell, i)), ==, expected[i]);
}

static const char *lane_titles[][2] = {
  { "Pain points", "pain-points" },
  { "Frustrations", "pain-points" },
  { "Touchpoints", "touchpoints" },
  { "What they think", "thoughts" },
  { "Thoughts & quotes", "thoughts" },
  { "Opportunities", "opportunities" },
  { "Ideas", "opportunities" },
  { "Customer actions", "customer-actions" },
  { "Doing", "customer-actions" },
  { "Company actions", "company-actions" },
  { "Employee actions", "company-actions" },
  { "Channels", "channels" },
  { "Owner", "owners" },
  { "Department", "owners" },
  { "KPIs", "metrics" },
  { "Metrics", "metrics" },
  { "Emotions", "emotions" },
  { "Feelings", "emotions" },
  { "Physical evidence", "physical-evidence" },
  { "Frontstage", "frontstage" },
  { "Backstage actions", "backstage" },
  { "Support processes", "support-processes" },
  { "Notes", "text" },
  { "", "text" },
};

static void
test_csv_lane_kinds (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (lane_titles); i++)
    {
      WmLaneKind kind = wm_lane_kind_guess (lane_titles[i][0]);

      g_assert_cmpstr (wm_enum_to_nick (WM_TYPE_LANE_KIND, kind), ==, lane_titles[i][1]);
    }
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
                else if (G_VALUE_HOLDS_STRING (va))
                  {
                    /* A map built in code may hold NULL where a file holds "". */
                    const char *sa = g_value_get_string (va), *sb = g_value_get_string (vb);

                    same = g_str_equal (sa != NULL ? sa : "", sb != NULL ? sb : "");
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
  g_autoptr(WmDocument) original = load_map (data);
  g_autofree char *csv = wm_csv_export (original);
  g_autoptr(WmDocument) imported = import_csv (csv);
  g_autofree char *again = wm_csv_export (imported);

  g_assert_cmpstr (again, ==, csv);
  assert_same_cards (original, imported);
  /* Lanes keep their kinds through the "lane kind" column. */
  for (guint i = 0; i < g_list_model_get_n_items (wm_document_get_cards (imported)); i++)
    {
      WmCard *card = card_at (imported, i);
      GListModel *lanes = wm_document_get_lanes (original);
      gboolean found = FALSE;

      for (guint l = 0; l < g_list_model_get_n_items (lanes) && !found; l++)
        {
          WmLane *lane = item_at (lanes, l);

          if (g_str_equal (wm_lane_get_title (lane), lane_title_of (imported, card)))
            {
              g_assert_cmpint (wm_lane_get_kind (lane), ==, wm_lane_get_kind (lane_of (imported, card)));
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
}

/* tests/interchange/grid.csv: a sheet as a team keeps it, with a BOM,
 * CRLF, two columns of the same name (one stage, as in card tables), a
 * feelings row in words and an empty blueprint line. */
static void
test_csv_grid (void)
{
  gsize length;
  g_autofree char *grid = read_fixture ("grid.csv", &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_csv_import (grid, length, &error);
  GListModel *stages, *lanes, *curves, *personas;
  const char *stage_names[] = { "Awareness", "Consideration", "Purchase" };
  const struct
  {
    const char *title;
    WmLaneKind kind;
  } expected_lanes[] = {
    { "Customer actions", WM_LANE_KIND_CUSTOMER_ACTIONS },
    { "Touchpoints", WM_LANE_KIND_TOUCHPOINTS },
    { "Pain points", WM_LANE_KIND_PAIN_POINTS },
    { "What they think", WM_LANE_KIND_THOUGHTS },
    { "Emotions", WM_LANE_KIND_EMOTIONS },
    { "Feelings", WM_LANE_KIND_TEXT },
    { "Line of visibility", WM_LANE_KIND_DIVIDER },
    { "Backstage", WM_LANE_KIND_BACKSTAGE },
    { "Opportunities", WM_LANE_KIND_OPPORTUNITIES },
  };
  const struct
  {
    guint stage;
    int score;
    const char *label;
  } expected_points[] = { { 0, 3, "" }, { 1, 2, "I'm lost" }, { 2, 4, "" }, { 2, 5, "" } };
  WmEmotionCurve *curve;
  guint i = 0;

  g_assert_no_error (error);
  assert_saves_and_opens (document);
  stages = wm_document_get_stages (document);
  lanes = wm_document_get_lanes (document);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, G_N_ELEMENTS (stage_names));
  for (guint s = 0; s < G_N_ELEMENTS (stage_names); s++)
    g_assert_cmpstr (wm_stage_get_name (item_at (stages, s)), ==, stage_names[s]);
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, G_N_ELEMENTS (expected_lanes));
  for (guint l = 0; l < G_N_ELEMENTS (expected_lanes); l++)
    {
      g_assert_cmpstr (wm_lane_get_title (item_at (lanes, l)), ==, expected_lanes[l].title);
      g_assert_cmpint (wm_lane_get_kind (item_at (lanes, l)), ==, expected_lanes[l].kind);
    }

  /* Blank lines and bullets of every kind split a cell into cards; a
   * card's first line is its title. */
  assert_card (document, i++, "Awareness", "Customer actions", "Sees an ad on the bus", "");
  assert_card (document, i++, "Awareness", "Customer actions", "Asks a friend", "Who has used it");
  assert_card (document, i++, "Consideration", "Customer actions", "Reads reviews", "");
  assert_card (document, i++, "Consideration", "Customer actions", "Compares prices", "on two sites");
  assert_card (document, i++, "Purchase", "Customer actions", "Picks a plan", "");
  assert_card (document, i++, "Purchase", "Customer actions", "Pays by card", "");
  assert_card (document, i++, "Purchase", "Customer actions", "Gets a receipt", "");
  assert_card (document, i++, "Awareness", "Touchpoints", "Bus ad", "");
  assert_card (document, i++, "Consideration", "Touchpoints", "Review site", "");
  assert_card (document, i++, "Consideration", "Touchpoints", "Pricing page", "");
  assert_card (document, i++, "Purchase", "Touchpoints", "Checkout", "");
  assert_card (document, i++, "Purchase", "Touchpoints", "Email", "");
  assert_card (document, i++, "Consideration", "Pain points", "Pricing is unclear", "");
  assert_card (document, i++, "Consideration", "Pain points", "Too many plans", "");
  assert_card (document, i++, "Awareness", "What they think", "\"Looks handy\"", "");
  assert_card (document, i++, "Awareness", "Feelings", "Curious", "");
  assert_card (document, i++, "Consideration", "Feelings", "Unsure", "");
  assert_card (document, i++, "Purchase", "Feelings", "Relieved", "");
  assert_card (document, i++, "Purchase", "Backstage", "Fraud check", "");
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (document)), ==, i);

  /* The emotions row is one persona's curve, a point per cell. */
  personas = wm_document_get_personas (document);
  curves = wm_document_get_emotion_curves (document);
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 1);
  g_assert_cmpstr (wm_persona_get_name (item_at (personas, 0)), ==, "Customer");
  g_assert_cmpuint (g_list_model_get_n_items (curves), ==, 1);
  curve = item_at (curves, 0);
  g_assert_cmpuint (g_list_model_get_n_items (wm_emotion_curve_get_points (curve)), ==, G_N_ELEMENTS (expected_points));
  for (guint p = 0; p < G_N_ELEMENTS (expected_points); p++)
    {
      WmEmotionPoint *point = item_at (wm_emotion_curve_get_points (curve), p);

      g_assert_cmpint (wm_document_get_stage_index (document, wm_emotion_point_get_stage (point)), ==,
                       expected_points[p].stage);
      g_assert_cmpint (wm_emotion_point_get_score (point), ==, expected_points[p].score);
      g_assert_cmpstr (wm_emotion_point_get_label (point), ==, expected_points[p].label);
    }
}

/* Cells a spreadsheet would run as formulas are written after an
 * apostrophe, and every text comes back from import exactly as it was. */
static void
test_csv_formulas (void)
{
  static const char *texts[] = {
    "=SUM(A1)", "-5", "'=x", "'", "''", "+", "@home", "\tindent", "\rx", "it's",
    "=HYPERLINK(\"http://x\",\"click\")", "'plain", "-", "a=b", "'\t",
  };
  g_autoptr(WmDocument) document = wm_test_generate_map (2, 2, 1, 0);
  g_autoptr(WmDocument) again = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_again = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *cards = wm_document_get_cards (document);

  g_assert_cmpuint (g_list_model_get_n_items (cards), >=, 1);
  /* Every text as a card's title, text, owner, channel and metric value. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(WmCard) first = g_list_model_get_item (cards, 0);
      g_autoptr(WmCard) card = NULL;
      g_autofree char *id = g_strdup_printf ("formula-%u", i);

      card = g_object_new (WM_TYPE_CARD, "id", id, "stage", wm_card_get_stage (first),
                           "lane", wm_card_get_lane (first), "title", texts[i], "text", texts[i],
                           "owner", texts[i], "channel", texts[i], "metric-value", texts[i], NULL);
      g_assert_true (wm_document_insert_card (document, card, G_MAXUINT));
    }

  csv = wm_csv_export (document);
  g_assert_nonnull (strstr (csv, ",'=SUM(A1),'=SUM(A1),"));
  g_assert_nonnull (strstr (csv, ",'-5,'-5,"));
  g_assert_nonnull (strstr (csv, ",'@home,"));
  g_assert_nonnull (strstr (csv, ",'+,"));
  g_assert_nonnull (strstr (csv, ",'\tindent,"));
  g_assert_nonnull (strstr (csv, ",\"'\rx\","));
  g_assert_nonnull (strstr (csv, ",''=x,"));
  g_assert_nonnull (strstr (csv, ",'','',"));
  g_assert_nonnull (strstr (csv, ",''',''',"));
  g_assert_nonnull (strstr (csv, ",it's,it's,"));
  g_assert_nonnull (strstr (csv, ",a=b,"));
  /* No field starts like a formula, quoted or not. */
  for (const char *p = csv; (p = strpbrk (p, ",\n")) != NULL; p++)
    {
      const char *field = p[1] == '"' ? p + 2 : p + 1;

      if (*field != '\0')
        g_assert_null (strchr ("=+-@\t", *field));
    }

  again = wm_csv_import (csv, strlen (csv), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      guint found = 0;

      for (guint j = 0; j < g_list_model_get_n_items (wm_document_get_cards (again)); j++)
        {
          WmCard *card = card_at (again, j);

          if (!g_str_equal (wm_card_get_title (card), texts[i]))
            continue;
          found++;
          g_assert_cmpstr (wm_card_get_text (card), ==, texts[i]);
          g_assert_cmpstr (wm_card_get_owner (card), ==, texts[i]);
          g_assert_cmpstr (wm_card_get_channel (card), ==, texts[i]);
          g_assert_cmpstr (wm_card_get_metric_value (card), ==, texts[i]);
        }
      if (found != 1)
        g_error ("“%s” came back from CSV %u times", g_strescape (texts[i], NULL), found);
    }
  csv_again = wm_csv_export (again);
  g_assert_cmpstr (csv_again, ==, csv);
}

static void
test_csv_errors (void)
{
  struct
  {
    const char *csv;
    int code;
    const char *message;
  } cases[] = {
    { "stage,lane,title\nA,B,\"open", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 3: a quoted field is not closed" },
    { "stage,lane,title\nA,\"B\nC\",x\nA,B,\"open\nstill open", WM_INTERCHANGE_ERROR_INVALID,
      "Row 3, column 3: a quoted field is not closed" },
    { "stage,lane,title\nA,B,\"x\"y", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 3: text after the closing quote" },
    { "stage,lane,title\nA,B,x\"y", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 3: a quote inside a field" },
    { "stage,lane,title,quality\nA,B,x,great", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: the quality must be" },
    { "stage,lane,title,moment\nA,B,x,fifth", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: the moment must be" },
    { "stage,order,lane,title\nA,first,B,x", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 2: the order must be" },
    { "stage,order,lane,title\nA,1.5,B,x", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 2: the order must be" },
    { "stage,order,lane,title\nA,0,B,x", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 2: the order must be" },
    { "stage,lane,title,span\nA,B,x,2", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: the card spans past the last stage" },
    { "stage,lane,title,span\nA,B,x,0", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: the span must be" },
    { "stage,lane,title,span\nA,B,x,two", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: the span must be" },
    { "stage,lane,title,color\nA,B,x,red", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: a colour is written like" },
    { "stage,lane,title,impact\nA,B,x,6", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: the impact must be" },
    { "stage,lane,title,impact\nA,B,x,0", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: the impact must be" },
    { "stage,lane,title,effort\nA,B,x,2.5", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: the effort must be" },
    { "stage,lane,title,effort\nA,B,x,high", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: the effort must be" },
    { "stage,lane,title,status\nA,B,x,blocked", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: the status must be" },
    { "stage,lane,title\n,B,x", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 1: a card needs a stage" },
    { "stage,lane,title\nA,,x", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 2: a card needs a lane" },
    { "stage,lane,title\nA,B,x,extra", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: a value in a column with no heading" },
    { "stage,lane,title,lane kind\nA,B,x,sideways", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 4: unknown lane kind" },
    { ",One\nActions,a,b", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 3: no stage heads this column" },
    { ",One\n,a", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 1: a lane needs a title" },
    { ",One,Two\nFeelings,4,7", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 3: an emotion is a score" },
    { ",One,Two\nMood,4,-1: awful", WM_INTERCHANGE_ERROR_INVALID, "Row 2, column 3: an emotion is a score" },
    { "just one cell", WM_INTERCHANGE_ERROR_INVALID, "Row 1, column 2: the first row should name the stages" },
    { "stage,lane,title\nA,B,ok\r\nA,\"B\",\xff\xfe", WM_INTERCHANGE_ERROR_INVALID,
      "Row 3, column 3: the text is not valid UTF-8" },
    { "", WM_INTERCHANGE_ERROR_EMPTY, "The file is empty" },
    { "\r\n,,,\r\n\n", WM_INTERCHANGE_ERROR_EMPTY, "The file has no rows" },
  };

  const char with_nul[] = "stage,lane,title\nA,B,x\0y";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (wm_csv_import, cases[i].csv, strlen (cases[i].csv), cases[i].code, cases[i].message);
  /* A NUL byte is not text either. */
  assert_refused (wm_csv_import, with_nul, sizeof with_nul - 1, WM_INTERCHANGE_ERROR_INVALID,
                  "Row 2, column 3: the text is not valid UTF-8");
}

static void
test_too_large (void)
{
  gsize length = WM_INTERCHANGE_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);

  memset (data, 'a', length);
  data[length - 1] = '\0';
  assert_refused (wm_csv_import, data, length, WM_INTERCHANGE_ERROR_TOO_LARGE, "The file is larger than 16 MB");
  assert_refused (wm_mermaid_import, data, length, WM_INTERCHANGE_ERROR_TOO_LARGE, "The file is larger than 16 MB");
}

/* An import small enough to read can make a map too large to open: it is
 * refused, not written. A control character is six bytes in JSON. */
static void
test_map_too_large (void)
{
  static const char header[] = "stage,lane,title,text\r\nS,Steps,T,";
  gsize length = WM_INTERCHANGE_MAX_SIZE - 64;
  g_autofree char *data = g_malloc (length + 1);
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(WmDocument) small = import_csv ("stage,lane,title\r\nS,Steps,\x01\r\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize json_length = 0;

  memcpy (data, header, strlen (header));
  memset (data + strlen (header), '\x01', length - strlen (header));
  data[length] = '\0';
  document = wm_csv_import (data, length, &error);
  g_assert_no_error (error);
  json = wm_interchange_to_json (document, &json_length, &error);
  g_assert_null (json);
  g_assert_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_suffix (error->message, "more than the 64 MB Waymark opens; nothing was written"));
  g_clear_error (&error);

  json = wm_interchange_to_json (small, &json_length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_length, ==, strlen (json));
  g_clear_object (&document);
  document = wm_document_load_from_data (json, json_length, &error);
  g_assert_no_error (error);
}

/* Mermaid */

/* Adds each element (a NULL-terminated list) as a loaded file would. */
static void
append_elements (WmDocument *document,
                 ...)
{
  va_list args;

  va_start (args, document);
  for (gpointer element = va_arg (args, gpointer); element != NULL; element = va_arg (args, gpointer))
    wm_document_append_loaded (document, WM_ELEMENT (element));
  va_end (args);
}


static gboolean
lane_makes_tasks (WmLane *lane)
{
  return wm_lane_get_kind (lane) == WM_LANE_KIND_CUSTOMER_ACTIONS || wm_lane_get_kind (lane) == WM_LANE_KIND_TOUCHPOINTS;
}

/* What Mermaid draws of a map, one line each: the title, and per stage
 * its section, its action and touchpoint cards in lane and cell order,
 * and each persona's feelings there on Mermaid's 1–5, by position. A
 * no-break space is drawn as a space (Mermaid would write "&nbsp;",
 * which is not XML). */
static char *
story_of_map (WmDocument *document)
{
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  GListModel *personas = wm_document_get_personas (document);
  int scale = wm_document_get_emotion_scale (document);
  GString *story = g_string_new (NULL);

  g_string_append_printf (story, "title %s\n", wm_document_get_title (document));
  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    {
      WmStage *stage = item_at (stages, s);

      g_string_append_printf (story, "section %s\n", wm_stage_get_name (stage));
      for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
        {
          WmLane *lane = item_at (lanes, l);
          g_autoptr(GPtrArray) cards = NULL;

          if (!lane_makes_tasks (lane))
            continue;
          cards = wm_document_get_cell_cards (document, wm_element_get_id (WM_ELEMENT (stage)),
                                              wm_element_get_id (WM_ELEMENT (lane)));
          for (guint c = 0; c < cards->len; c++)
            g_string_append_printf (story, "card %s\n", wm_card_get_title (g_ptr_array_index (cards, c)));
        }
      for (guint p = 0; p < g_list_model_get_n_items (personas); p++)
        {
          WmPersona *persona = item_at (personas, p);
          WmEmotionCurve *curve = wm_document_get_curve_for_persona (document, wm_element_get_id (WM_ELEMENT (persona)));
          GListModel *points = curve != NULL ? wm_emotion_curve_get_points (curve) : NULL;
          g_autoptr(GPtrArray) here = g_ptr_array_new ();

          for (guint i = 0; points != NULL && i < g_list_model_get_n_items (points); i++)
            if (g_str_equal (wm_emotion_point_get_stage (item_at (points, i)), wm_element_get_id (WM_ELEMENT (stage))))
              g_ptr_array_add (here, item_at (points, i));
          if (here->len == 0)
            continue;
          /* Insertion sort: stable, by position. */
          for (guint i = 1; i < here->len; i++)
            for (guint j = i; j > 0 && wm_emotion_point_get_position (here->pdata[j - 1])
                                       > wm_emotion_point_get_position (here->pdata[j]); j--)
              {
                gpointer swap = here->pdata[j];

                here->pdata[j] = here->pdata[j - 1];
                here->pdata[j - 1] = swap;
              }
          g_string_append_printf (story, "feels %s:", wm_persona_get_name (persona));
          for (guint i = 0; i < here->len; i++)
            g_string_append_printf (story, " %d", (int) round (1 + (wm_emotion_point_get_score (here->pdata[i]) - 1) * 4.0
                                                                       / (scale - 1)));
          g_string_append_c (story, '\n');
        }
    }
  g_string_replace (story, "\xC2\xA0", " ", 0);
  return g_string_free (story, FALSE);
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* An empty name is written as "#8203;", which Mermaid draws as a
 * zero-width space. */
static const char *
drawn_name (const char *name)
{
  return g_str_equal (name, "\xE2\x80\x8B") ? "" : name;
}

/* The same story as Mermaid reads it from an export: tasks without
 * actors are cards, a task named as its only actor is that persona's
 * feeling. Anything else fails the test. */
static char *
story_of_journey (Journey *journey)
{
  GString *story = g_string_new (NULL);
  const char *section = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  g_autoptr(GPtrArray) feelings = g_ptr_array_new_with_free_func (free_string);
  guint t = 0;

  g_string_append_printf (story, "title %s\n", journey->title != NULL ? journey->title : "");
  for (guint s = 0; s <= journey->sections->len; s++)
    {
      for (; t < journey->tasks->len; t++)
        {
          JourneyTask *task = g_ptr_array_index (journey->tasks, t);
          guint who;

          if (section == NULL || !g_str_equal (task->section, section))
            break;
          g_assert_cmpuint (strlen (task->score), ==, 1);
          g_assert_cmpint (task->score[0], >=, '1');
          g_assert_cmpint (task->score[0], <=, '5');
          if (task->people[0] == NULL)
            {
              g_assert_cmpuint (people->len, ==, 0);   /* cards come first */
              g_string_append_printf (story, "card %s\n", drawn_name (task->name));
              continue;
            }
          g_assert_cmpuint (g_strv_length (task->people), ==, 1);
          g_assert_cmpstr (task->people[0], ==, task->name);
          if (!g_ptr_array_find_with_equal_func (people, task->name, g_str_equal, &who))
            {
              g_ptr_array_add (people, task->name);
              g_ptr_array_add (feelings, g_string_new (NULL));
              who = people->len - 1;
            }
          g_string_append_printf (g_ptr_array_index (feelings, who), " %s", task->score);
        }
      for (guint p = 0; p < people->len; p++)
        g_string_append_printf (story, "feels %s:%s\n", drawn_name (g_ptr_array_index (people, p)),
                                ((GString *) g_ptr_array_index (feelings, p))->str);
      g_ptr_array_set_size (people, 0);
      g_ptr_array_set_size (feelings, 0);
      if (s == journey->sections->len)
        break;
      section = g_ptr_array_index (journey->sections, s);
      g_string_append_printf (story, "section %s\n", drawn_name (section));
    }
  g_assert_cmpuint (t, ==, journey->tasks->len);
  return g_string_free (story, FALSE);
}

/* Parses @text with the re-made Mermaid grammar and checks that Mermaid
 * draws @document from it: every name exact, every card a task, every
 * persona's every point a feeling. */
static Journey *
assert_mermaid_reads (WmDocument *document,
                      const char *text)
{
  g_autofree char *problem = NULL;
  g_autoptr(Journey) journey = journey_parse (text, &problem);
  g_autofree char *drawn = NULL;
  g_autofree char *meant = story_of_map (document);

  if (journey == NULL)
    g_error ("Mermaid would not read this export (%s):\n%s", problem, text);
  drawn = story_of_journey (journey);
  if (g_strcmp0 (drawn, meant) != 0)
    g_error ("Mermaid would draw\n%s\nof\n%s\nnot\n%s", drawn, text, meant);
  return g_steal_pointer (&journey);
}

/* Waymark → Mermaid → Waymark keeps the story, and exports the same. */
static void
assert_round_trip (WmDocument *document)
{
  g_autofree char *text = wm_mermaid_export (document);
  g_autoptr(Journey) journey = assert_mermaid_reads (document, text);
  g_autoptr(WmDocument) imported = import_mermaid (text, strlen (text));
  g_autofree char *again = wm_mermaid_export (imported);
  g_autofree char *before = story_of_map (document);
  g_autofree char *after = story_of_map (imported);

  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (again, ==, text);
}

/* The re-made grammar itself, on lines whose fate in Mermaid 12 is
 * known: each was run through the real parser (tools/mermaid-check). */
static void
test_mermaid_grammar (void)
{
  const struct
  {
    const char *text;
    int n_tasks;          /* -1: a syntax error */
    const char *first;    /* the first task's name and actors as drawn */
  } cases[] = {
    { "journey\n  title My day\n  section Go: to work\n", -1 },
    { "journey\n  section A\n    Make tea: 5: Me, Cat\n    Go: 3\n", 2, "Make tea|Me|Cat" },
    { "journey\n    Journeys: 3\n", 1, "Journeys" },
    { "journey\n    Journey: 3\n", -1 },
    { "journey\n    Title deeds: 3\n", 0 },          /* a title, not a task */
    { "journey\n    #84;itle deeds: 3\n", 1, "Title deeds" },
    { "journey\n    Section A: 3\n", -1 },
    { "journey\n    a#b: 3\n", -1 },
    { "journey\n    a: 3 # actors\n", 1, "a" },
    { "journey\n    a;b: 3\n", -1 },
    { "journey\n    x%%y: 3\n", 0 },                 /* a comment */
    { "journey\n    x%#37;y: 3\n", 1, "x%%y" },
    { "journey\n    %lead: 3\n", 0 },                /* a comment too */
    { "journey\n    #37;lead: 3\n", 1, "%lead" },
    { "journey\n    a%b: 3\n", 1, "a%b" },
    { "journey\n    a#35;b#58;c#59;d: 3: x#44;y, #32;z\n", 1, "a#b:c;d|x,y| z" },
    { "journey\n    a: 3: b: c\n", 1, "a|b" },
    { "journey\n    a:\n", -1 },
    { "journey\n    : 3\n", -1 },
    { "journey\n  title\n", -1 },
    { "journey\n  accTitle: a; b # c\n  accDescr {\n  x: 1\n  }\n  t: 1\n", 1, "t" },
    { "\njourney\n", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *problem = NULL;
      g_autoptr(Journey) journey = journey_parse (cases[i].text, &problem);

      if (cases[i].n_tasks < 0 && journey != NULL)
        g_error ("case %u: accepted, but Mermaid rejects it", i);
      if (cases[i].n_tasks >= 0 && journey == NULL)
        g_error ("case %u: rejected (%s), but Mermaid accepts it", i, problem);
      if (journey != NULL)
        g_assert_cmpuint (journey->tasks->len, ==, cases[i].n_tasks);
      if (cases[i].first != NULL)
        {
          JourneyTask *task = g_ptr_array_index (journey->tasks, 0);
          g_autofree char *people = g_strjoinv ("|", task->people);
          g_autofree char *drawn = g_strconcat (task->name, *people != '\0' ? "|" : "", people, NULL);

          g_assert_cmpstr (drawn, ==, cases[i].first);
        }
    }
}

static WmDocument *
nasty_map (int scale)
{
  WmDocument *document = g_object_new (WM_TYPE_DOCUMENT, "id", "nasty", "title", "Invoice #42: paid; 20%% off\nnext",
                                       "kind", WM_MAP_KIND_CURRENT_STATE, "emotion-scale", scale, NULL);
  g_autoptr(WmStage) first = g_object_new (WM_TYPE_STAGE, "id", "s1", "name", "Pre-sale: research", NULL);
  g_autoptr(WmStage) second = g_object_new (WM_TYPE_STAGE, "id", "s2", "name", "", NULL);
  g_autoptr(WmStage) third = g_object_new (WM_TYPE_STAGE, "id", "s3", "name", "Decide", NULL);
  g_autoptr(WmLane) lane = g_object_new (WM_TYPE_LANE, "id", "l1", "title", "Actions",
                                         "kind", WM_LANE_KIND_CUSTOMER_ACTIONS, NULL);
  g_autoptr(WmLane) thoughts = g_object_new (WM_TYPE_LANE, "id", "l2", "title", "Thoughts",
                                             "kind", WM_LANE_KIND_THOUGHTS, NULL);
  g_autoptr(WmCard) a = g_object_new (WM_TYPE_CARD, "id", "c1", "stage", "s1", "lane", "l1",
                                      "title", "Reads: “reviews”; #tags <b>&amp;</b>", NULL);
  g_autoptr(WmCard) b = g_object_new (WM_TYPE_CARD, "id", "c2", "stage", "s2", "lane", "l1", "title", "", NULL);
  g_autoptr(WmCard) c = g_object_new (WM_TYPE_CARD, "id", "c3", "stage", "s3", "lane", "l1", "title", "%% Buys", NULL);
  g_autoptr(WmCard) d = g_object_new (WM_TYPE_CARD, "id", "c5", "stage", "s3", "lane", "l1",
                                      "title", "Sam", NULL);
  g_autoptr(WmCard) quiet = g_object_new (WM_TYPE_CARD, "id", "c4", "stage", "s1", "lane", "l2",
                                          "title", "Not a task", NULL);
  g_autoptr(WmPersona) dana = g_object_new (WM_TYPE_PERSONA, "id", "p1", "name", "Dana, the buyer: ops", NULL);
  g_autoptr(WmPersona) sam = g_object_new (WM_TYPE_PERSONA, "id", "p2", "name", "Sam", NULL);
  g_autoptr(WmEmotionCurve) curve = wm_emotion_curve_new ("curve", "p1");
  g_autoptr(WmEmotionCurve) other = wm_emotion_curve_new ("curve2", "p2");
  g_autoptr(WmEmotionPoint) low = g_object_new (WM_TYPE_EMOTION_POINT, "id", "e1", "stage", "s1", "score", 1, NULL);
  g_autoptr(WmEmotionPoint) high = g_object_new (WM_TYPE_EMOTION_POINT, "id", "e3", "stage", "s3",
                                                 "score", scale, NULL);
  g_autoptr(WmEmotionPoint) late = g_object_new (WM_TYPE_EMOTION_POINT, "id", "e5", "stage", "s1", "position", 0.9,
                                                 "score", scale, NULL);
  g_autoptr(WmEmotionPoint) early = g_object_new (WM_TYPE_EMOTION_POINT, "id", "e6", "stage", "s1", "position", 0.1,
                                                  "score", 2, NULL);

  g_list_store_append (wm_emotion_curve_get_point_store (curve), low);
  g_list_store_append (wm_emotion_curve_get_point_store (curve), high);
  g_list_store_append (wm_emotion_curve_get_point_store (other), late);
  g_list_store_append (wm_emotion_curve_get_point_store (other), early);
  append_elements (document, first, second, third, lane, thoughts, a, b, c, d, quiet, dana, sam, curve, other, NULL);
  return document;
}

/* A map without feelings (a service blueprint, say) goes to Mermaid with
 * a score on each task, as Mermaid wants, and a mark; it comes back with
 * its cards and no feelings it never had. A file without the mark keeps
 * its scores, as a "Customer"'s. */
static void
test_mermaid_no_feelings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_template_instantiate (WM_MAP_KIND_SERVICE_BLUEPRINT, &error);
  GListModel *cards;
  g_autofree char *text = NULL;
  g_autoptr(WmDocument) imported = NULL;
  g_autoptr(WmDocument) others = NULL;
  const char *others_text = "journey\n  section Find\n    Searches: 2\n";

  g_assert_no_error (error);
  /* Its cards get words; its feelings go. */
  cards = wm_document_get_cards (document);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);

      g_assert_true (wm_document_set_string (document, WM_ELEMENT (card), "title", "Step"));
    }
  for (guint c = 0; c < g_list_model_get_n_items (wm_document_get_emotion_curves (document)); c++)
    {
      g_autoptr(WmEmotionCurve) curve = g_list_model_get_item (wm_document_get_emotion_curves (document), c);
      GListModel *points = wm_emotion_curve_get_points (curve);

      while (g_list_model_get_n_items (points) > 0)
        {
          g_autoptr(WmElement) point = g_list_model_get_item (points, 0);

          g_assert_true (wm_document_remove (document, point));
        }
    }

  text = wm_mermaid_export (document);
  g_assert_nonnull (strstr (text, "%% waymark: no feelings\n"));
  imported = wm_mermaid_import (text, strlen (text), &error);
  g_assert_no_error (error);
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
    guint n_tasks = 0;

    /* A card per task, each task line indented below its section. */
    for (guint i = 0; lines[i] != NULL; i++)
      n_tasks += g_str_has_prefix (lines[i], "      ");
    g_assert_cmpuint (n_tasks, >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (imported)), ==, n_tasks);
  }
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_curves (imported)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_personas (imported)), ==, 0);

  others = wm_mermaid_import (others_text, strlen (others_text), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_curves (others)), ==, 1);

  /* A map with feelings has no mark. */
  g_clear_pointer (&text, g_free);
  g_clear_object (&document);
  document = wm_test_load_map ("samples/hotel-stay.waymark");
  text = wm_mermaid_export (document);
  g_assert_null (strstr (text, "no feelings"));
}

static void
test_mermaid_escaping (void)
{
  g_autoptr(WmDocument) document = nasty_map (5);
  g_autofree char *text = wm_mermaid_export (document);

  g_test_message ("%s", text);
  /* Mermaid's own codes, never look-alikes; the second of "%%" and a
   * "%" that starts a task, which would be comments. */
  g_assert_cmpstr (text, ==,
                   "journey\n"
                   "    title Invoice #35;42#58; paid#59; 20%#37; off#10;next\n"
                   "    section Pre-sale#58; research\n"
                   "      Reads#58; “reviews”#59; #35;tags #60;b#62;#38;amp#59;#60;/b#62;: 3\n"
                   "      Dana, the buyer#58; ops: 1: Dana#44; the buyer#58; ops\n"
                   "      Sam: 2: Sam\n"
                   "      Sam: 5: Sam\n"
                   "    section #8203;\n"
                   "      #8203;: 3\n"
                   "    section Decide\n"
                   "      #37;#37; Buys: 5\n"
                   "      Sam: 5\n"
                   "      Dana, the buyer#58; ops: 5: Dana#44; the buyer#58; ops\n");
  /* Every card, every feeling of both personas, exactly. */
  assert_round_trip (document);
}

static WmDocument *
map_named (const char *name)
{
  g_autofree char *other_name = g_strconcat (name, "!", NULL);
  WmDocument *document = g_object_new (WM_TYPE_DOCUMENT, "id", "named", "title", name,
                                       "kind", WM_MAP_KIND_CURRENT_STATE, NULL);
  g_autoptr(WmStage) stage = g_object_new (WM_TYPE_STAGE, "id", "s1", "name", name, NULL);
  g_autoptr(WmLane) lane = g_object_new (WM_TYPE_LANE, "id", "l1", "title", "Touchpoints",
                                         "kind", WM_LANE_KIND_TOUCHPOINTS, NULL);
  g_autoptr(WmCard) card = g_object_new (WM_TYPE_CARD, "id", "c1", "stage", "s1", "lane", "l1", "title", name, NULL);
  g_autoptr(WmPersona) first = g_object_new (WM_TYPE_PERSONA, "id", "p1", "name", name, NULL);
  g_autoptr(WmPersona) second = g_object_new (WM_TYPE_PERSONA, "id", "p2", "name", other_name, NULL);
  g_autoptr(WmEmotionCurve) curve = wm_emotion_curve_new ("curve", "p1");
  g_autoptr(WmEmotionCurve) other = wm_emotion_curve_new ("curve2", "p2");
  g_autoptr(WmEmotionPoint) point = g_object_new (WM_TYPE_EMOTION_POINT, "id", "e1", "stage", "s1", "score", 2, NULL);
  g_autoptr(WmEmotionPoint) again = g_object_new (WM_TYPE_EMOTION_POINT, "id", "e2", "stage", "s1", "score", 4, NULL);

  g_list_store_append (wm_emotion_curve_get_point_store (curve), point);
  g_list_store_append (wm_emotion_curve_get_point_store (other), again);
  append_elements (document, stage, lane, card, first, second, curve, other, NULL);
  return document;
}

/* Names made of the pieces Mermaid's lexer, its preprocessing and its
 * sanitiser care about, in random order: every export must read back as
 * the map, name for name, and round-trip. */
static void
test_mermaid_names (void)
{
  static const char *pieces[] = {
    "title ", "Title", "section ", "SECTION\t", "journey", "Journeys", "accTitle", "accDescr {", "accdescr: ",
    ":", "::", "#", ";", "%", "%%", "%%{", "}", "{", ",", " ", "\n", "\r\n", "\t", "\xC2\xA0", "\xE3\x80\x80",
    "\xEF\xBB\xBF", "\xE2\x80\xA8", "\x01", "x", "Tea", "é", "5", "“", "∶", "<b>", "&amp;", "&", ">", "\"",
    "#35;", "#quot;", "#x", "\xEF\xAC\x82\xC2\xB0", "\xC2\xB6\xC3\x9F", "style", ":#", "---", "\xF0\x9F\x98\x80",
  };
  const char *fixed[] = { "", " ", "\xC2\xA0", "title x", "Journey", "accTitle: x", "%%", "#;:", "\n\n", "%lead",
                          "Invoice #42: paid; 20%% off", "Lifestyle:#1;" };

  for (guint round = 0; round < 2000; round++)
    {
      GString *name = g_string_new (NULL);
      g_autofree char *built = NULL;
      g_autoptr(WmDocument) document = NULL;

      if (round < G_N_ELEMENTS (fixed))
        g_string_append (name, fixed[round]);
      else
        for (int n = g_test_rand_int_range (1, 6); n > 0; n--)
          g_string_append (name, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      built = g_string_free (name, FALSE);
      document = map_named (built);
      assert_round_trip (document);
    }

  /* A very long name stays one task. */
  {
    GString *name = g_string_new (NULL);
    g_autoptr(WmDocument) document = NULL;

    for (guint i = 0; i < 2000; i++)
      g_string_append (name, "#: ;%");
    document = map_named (name->str);
    assert_round_trip (document);
    g_string_free (name, TRUE);
  }
}

/* A map whose first persona's points give each stage a known feeling. */
static WmDocument *
scored_map (int         scale,
            const int  *scores,
            guint       n_stages)
{
  WmDocument *document = g_object_new (WM_TYPE_DOCUMENT, "id", "scored", "title", "Scores",
                                       "kind", WM_MAP_KIND_CURRENT_STATE, "emotion-scale", scale, NULL);
  g_autoptr(WmLane) lane = g_object_new (WM_TYPE_LANE, "id", "lane", "title", "Actions",
                                         "kind", WM_LANE_KIND_CUSTOMER_ACTIONS, NULL);
  g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", "persona", "name", "Ana", NULL);
  g_autoptr(WmEmotionCurve) curve = wm_emotion_curve_new ("curve", "persona");

  for (guint s = 0; s < n_stages; s++)
    {
      g_autofree char *stage_id = g_strdup_printf ("stage-%u", s);
      g_autofree char *card_id = g_strdup_printf ("card-%u", s);
      g_autofree char *title = g_strdup_printf ("Task %u", s + 1);
      g_autoptr(WmStage) stage = g_object_new (WM_TYPE_STAGE, "id", stage_id, "name", title, NULL);
      g_autoptr(WmCard) card = g_object_new (WM_TYPE_CARD, "id", card_id, "stage", stage_id, "lane", "lane",
                                             "title", title, NULL);

      append_elements (document, stage, card, NULL);
      /* 0 leaves the stage without a point. */
      if (scores[s] > 0)
        {
          g_autofree char *point_id = g_strdup_printf ("point-%u", s);
          g_autoptr(WmEmotionPoint) point = g_object_new (WM_TYPE_EMOTION_POINT, "id", point_id, "stage", stage_id,
                                                          "score", scores[s], NULL);

          g_list_store_append (wm_emotion_curve_get_point_store (curve), point);
        }
    }
  append_elements (document, lane, persona, curve, NULL);
  return document;
}

static void
test_mermaid_scores (void)
{
  /* 1 + (score - 1) × 4 / (scale - 1), rounded half away from zero. */
  const struct
  {
    int scale;
    int scores[10];
    int expected[10];
  } cases[] = {
    { 3, { 1, 2, 3 }, { 1, 3, 5 } },
    { 5, { 1, 2, 3, 4, 5 }, { 1, 2, 3, 4, 5 } },
    { 7, { 1, 2, 3, 4, 5, 6, 7 }, { 1, 2, 2, 3, 4, 4, 5 } },
    { 10, { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, { 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WmDocument) document = scored_map (cases[i].scale, cases[i].scores, cases[i].scale);
      g_autofree char *text = wm_mermaid_export (document);
      g_autoptr(Journey) journey = assert_mermaid_reads (document, text);

      /* Each stage: its card, then Ana's feeling; both show it. */
      for (int s = 0; s < cases[i].scale; s++)
        for (int k = 0; k < 2; k++)
          {
            JourneyTask *task = g_ptr_array_index (journey->tasks, 2 * s + k);

            if (atoi (task->score) != cases[i].expected[s])
              g_error ("scale %d, score %d: expected %d, got %s", cases[i].scale, cases[i].scores[s],
                       cases[i].expected[s], task->score);
          }
    }

  /* A card's task shows the mean feeling of the stage over every
   * persona, or the middle where no one has a point. */
  {
    g_autoptr(WmDocument) document = nasty_map (10);
    g_autofree char *text = wm_mermaid_export (document);

    /* Stage one: (1 + 10 + 2) / 3 = 4.33 on 1–10 is 2.48, so 2. */
    g_assert_nonnull (strstr (text, "#35;tags #60;b#62;#38;amp#59;#60;/b#62;: 2\n"));
    g_assert_nonnull (strstr (text, "      #8203;: 3\n"));
    journey_free (assert_mermaid_reads (document, text));
  }
}

static void
assert_points (WmDocument     *document,
               WmEmotionCurve *curve,
               const char     *expected)
{
  GListModel *points = wm_emotion_curve_get_points (curve);
  GString *actual = g_string_new (NULL);
  g_autofree char *text = NULL;

  /* "stage:position:score" for each point, in order. */
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      WmEmotionPoint *point = item_at (points, i);

      g_string_append_printf (actual, "%s%d:%.3f:%d", i > 0 ? " " : "",
                              wm_document_get_stage_index (document, wm_emotion_point_get_stage (point)),
                              wm_emotion_point_get_position (point), wm_emotion_point_get_score (point));
    }
  text = g_string_free (actual, FALSE);
  g_assert_cmpstr (text, ==, expected);
}

/* tests/interchange/working-day.mmd: Mermaid's own example, with front
 * matter, comments, accessibility lines, a task before any section and
 * a keyword in capitals. */
static void
test_mermaid_import (void)
{
  gsize length;
  g_autofree char *text = read_fixture ("working-day.mmd", &length);
  g_autoptr(WmDocument) document = import_mermaid (text, length);
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  GListModel *personas = wm_document_get_personas (document);
  GListModel *curves = wm_document_get_emotion_curves (document);
  const char *stage_names[] = { "Journey", "Go to work", "Go home", "Sleep" };
  const char *tasks[][2] = {
    { "Journey", "Wake up" }, { "Go to work", "Make tea" }, { "Go to work", "Go upstairs" },
    { "Go to work", "Do work" }, { "Go home", "Go downstairs" }, { "Go home", "Sit down" },
  };

  g_assert_cmpstr (wm_document_get_title (document), ==, "My working day");
  g_assert_cmpint (wm_document_get_kind (document), ==, WM_MAP_KIND_CURRENT_STATE);
  g_assert_cmpint (wm_document_get_emotion_scale (document), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, G_N_ELEMENTS (stage_names));
  for (guint s = 0; s < G_N_ELEMENTS (stage_names); s++)
    g_assert_cmpstr (wm_stage_get_name (item_at (stages, s)), ==, stage_names[s]);

  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 2);
  g_assert_cmpstr (wm_lane_get_title (item_at (lanes, 0)), ==, "Customer actions");
  g_assert_cmpint (wm_lane_get_kind (item_at (lanes, 0)), ==, WM_LANE_KIND_CUSTOMER_ACTIONS);
  g_assert_cmpint (wm_lane_get_kind (item_at (lanes, 1)), ==, WM_LANE_KIND_EMOTIONS);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (document)), ==, G_N_ELEMENTS (tasks));
  for (guint t = 0; t < G_N_ELEMENTS (tasks); t++)
    assert_card (document, t, tasks[t][0], "Customer actions", tasks[t][1], "");

  /* A persona per actor, and a point per task they take part in, spread
   * across the stage; "Sit down" has no actor, so a persona called
   * Customer feels it. */
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 3);
  g_assert_cmpstr (wm_persona_get_name (item_at (personas, 0)), ==, "Me");
  g_assert_cmpstr (wm_persona_get_name (item_at (personas, 1)), ==, "Cat");
  g_assert_cmpstr (wm_persona_get_name (item_at (personas, 2)), ==, "Customer");
  g_assert_cmpuint (g_list_model_get_n_items (curves), ==, 3);
  assert_points (document, item_at (curves, 0), "0:0.500:4 1:0.167:5 1:0.500:3 1:0.833:1 2:0.500:5");
  assert_points (document, item_at (curves, 1), "1:0.250:3 1:0.750:1");
  assert_points (document, item_at (curves, 2), "2:0.500:5");
}

static void
test_mermaid_import_variants (void)
{
  /* Old Mac line ends, keywords in any case, actors after the second
   * colon only (as Mermaid reads them), and blank actors dropped. */
  const char *text = "JOURNEY\r  Title Cr only\r  Section One\r    Task: 2: Me, , Cat: ignored\r";
  g_autoptr(WmDocument) document = import_mermaid (text, strlen (text));
  g_autoptr(WmDocument) bare = NULL;
  g_autoptr(WmDocument) coded = NULL;
  g_autoptr(WmDocument) fronted = NULL;
  GListModel *personas = wm_document_get_personas (document);

  g_assert_cmpstr (wm_document_get_title (document), ==, "Cr only");
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (document)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, 2);
  g_assert_cmpstr (wm_persona_get_name (item_at (personas, 1)), ==, "Cat");

  /* No actors at all: the scores are kept as a persona called Customer. */
  text = "journey\n  Alone: 4\n  Again: 2\n";
  bare = import_mermaid (text, strlen (text));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_personas (bare)), ==, 1);
  g_assert_cmpstr (wm_persona_get_name (item_at (wm_document_get_personas (bare), 0)), ==, "Customer");
  assert_points (bare, item_at (wm_document_get_emotion_curves (bare), 0), "0:0.250:4 0:0.750:2");
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_lanes (bare)), ==, 2);
  g_assert_cmpstr (wm_stage_get_name (item_at (wm_document_get_stages (bare), 0)), ==, "Journey");
  g_assert_cmpstr (wm_document_get_title (bare), ==, "");

  /* Mermaid's entity codes, by number and by name, a byte-order mark,
   * comments Mermaid 12 skips, and actors after the fifth left out. */
  text = "\xEF\xBB\xBFjourney\n"
         "  title Invoice #35;42#58; paid#59; 20%#37; off #quot;now#quot; #nbsp;#unknown; #9829;\n"
         "  section A#58; b # a comment\n"
         "  %a comment as well\n"
         "    x%%y: 1\n"
         "    #60;b#62; #38; co#44;: 3: One, Two, Three, Four, Five, Six, Seven\n"
         "    Six: 2: Six\n";
  {
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) warnings = NULL;

    coded = wm_mermaid_import_with_warnings (text, strlen (text), &warnings, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (wm_document_get_title (coded), ==, "Invoice #42: paid; 20%% off \"now\" \xC2\xA0&unknown; ♥");
    g_assert_cmpstr (wm_stage_get_name (item_at (wm_document_get_stages (coded), 0)), ==, "A: b");
    g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (coded)), ==, 1);
    assert_card (coded, 0, "A: b", "Customer actions", "<b> & co,", "");
    g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_personas (coded)), ==, 5);
    g_assert_cmpstr (wm_persona_get_name (item_at (wm_document_get_personas (coded), 4)), ==, "Five");
    g_assert_nonnull (warnings);
    g_assert_cmpuint (g_strv_length (warnings), ==, 2);
    g_assert_cmpstr (warnings[0], ==, "Line 6: the actor “Six” is left out: a map has at most 5 personas");
    g_assert_cmpstr (warnings[1], ==, "Line 6: the actor “Seven” is left out: a map has at most 5 personas");
  }

  /* The front matter's title, unless a "title" line follows. */
  text = "---\ntitle: 'Front: it''s matter'\nconfig:\n  title: no\n---\njourney\n  section A\n    T: 3\n";
  fronted = import_mermaid (text, strlen (text));
  g_assert_cmpstr (wm_document_get_title (fronted), ==, "Front: it's matter");
  g_clear_object (&fronted);
  text = "---\ntitle: Front\n---\njourney\n  title Body\n";
  fronted = import_mermaid (text, strlen (text));
  g_assert_cmpstr (wm_document_get_title (fronted), ==, "Body");
}

static void
test_mermaid_errors (void)
{
  struct
  {
    const char *text;
    int code;
    const char *message;
  } cases[] = {
    { "graph TD\n", WM_INTERCHANGE_ERROR_INVALID, "Line 1: a Mermaid journey starts with" },
    { "%% comment\n\njourneys\n", WM_INTERCHANGE_ERROR_INVALID, "Line 3: a Mermaid journey starts with" },
    { "journey\n  section A\n  Task without score\n", WM_INTERCHANGE_ERROR_INVALID, "Line 3: expected “task: score”" },
    { "journey\n  section A\n  Task: high\n", WM_INTERCHANGE_ERROR_INVALID, "Line 3: the score must be" },
    { "journey\n  section A\n  Task: 2.5\n", WM_INTERCHANGE_ERROR_INVALID, "Line 3: the score must be" },
    { "journey\r\n  section A\r\n  Task: 6: Me\r\n", WM_INTERCHANGE_ERROR_INVALID, "Line 3: the score must be" },
    { "journey\n  section A\n  Task: 0\n", WM_INTERCHANGE_ERROR_INVALID, "Line 3: the score must be" },
    { "journey\n  section\n", WM_INTERCHANGE_ERROR_INVALID, "Line 2: a section needs a name" },
    { "journey\n  : 3\n", WM_INTERCHANGE_ERROR_INVALID, "Line 2: a task needs a name" },
    { "journey\n  accDescr {\n  section A\n  T: 3\n", WM_INTERCHANGE_ERROR_INVALID,
      "Line 2: the description that starts here has no closing “}”" },
    { "journey\n  title x\n  T\xc3: 1\n", WM_INTERCHANGE_ERROR_INVALID, "Line 3: the text is not valid UTF-8" },
    { "\n%% only a comment\n", WM_INTERCHANGE_ERROR_INVALID, "This is not a Mermaid journey" },
    { "", WM_INTERCHANGE_ERROR_EMPTY, "The file is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_refused (wm_mermaid_import, cases[i].text, strlen (cases[i].text), cases[i].code, cases[i].message);
}

/* Every sample and template: Mermaid draws it, and reading the export
 * back keeps every card's title and every persona's feelings. */
static void
test_mermaid_round_trip (gconstpointer data)
{
  g_autoptr(WmDocument) original = load_map (data);

  assert_round_trip (original);
}

/* Text quoted in a message cannot drive a terminal or reorder the line. */
static void
test_escape_controls (void)
{
  static const struct
  {
    const char *text;
    const char *shown;
  } cases[] = {
    { "plain “text” — it’s fine, C:\\maps", "plain “text” — it’s fine, C:\\maps" },
    { "\x1b]0;pwned\x07title", "\\x1b]0;pwned\\x07title" },
    { "\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H" },
    { "line\nbreak\ttab\rreturn", "line\\nbreak\\ttab\\rreturn" },
    { "del\x7f", "del\\x7f" },
    { "c1 \xc2\x9b" "31m", "c1 \\u009b31m" },
    { "\xe2\x80\xae" "evil\xe2\x80\xac", "\\u202eevil\\u202c" },
    { "\xe2\x81\xa6" "iso\xe2\x81\xa9", "\\u2066iso\\u2069" },
    { "sep\xe2\x80\xa8", "sep\\u2028" },
    { "bad \xff byte", "bad \\xff byte" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = wm_text_escape_controls (cases[i].text);
      g_autofree char *twice = wm_text_escape_controls (shown);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_cmpstr (twice, ==, shown);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/values", test_csv_values);
  g_test_add_func ("/csv/order", test_csv_order);
  g_test_add_func ("/csv/priorities", test_csv_priorities);
  g_test_add_func ("/csv/lane-kinds", test_csv_lane_kinds);
  g_test_add_func ("/csv/grid", test_csv_grid);
  g_test_add_func ("/csv/errors", test_csv_errors);
  g_test_add_func ("/csv/formulas", test_csv_formulas);
  g_test_add_func ("/interchange/too-large", test_too_large);
  g_test_add_func ("/interchange/map-too-large", test_map_too_large);
  g_test_add_func ("/messages/escape-controls", test_escape_controls);
  g_test_add_func ("/mermaid/grammar", test_mermaid_grammar);
  g_test_add_func ("/mermaid/escaping", test_mermaid_escaping);
  g_test_add_func ("/mermaid/no-feelings", test_mermaid_no_feelings);
  g_test_add_func ("/mermaid/names", test_mermaid_names);
  g_test_add_func ("/mermaid/scores", test_mermaid_scores);
  g_test_add_func ("/mermaid/import", test_mermaid_import);
  g_test_add_func ("/mermaid/import-variants", test_mermaid_import_variants);
  g_test_add_func ("/mermaid/errors", test_mermaid_errors);
  for (guint i = 0; i < G_N_ELEMENTS (maps); i++)
    {
      g_autofree char *name = g_path_get_basename (maps[i]);
      g_autofree char *csv_path = NULL;
      g_autofree char *mermaid_path = NULL;

      if (strrchr (name, '.') != NULL)
        *strrchr (name, '.') = '\0';
      csv_path = g_strdup_printf ("/csv/round-trip/%s", name);
      mermaid_path = g_strdup_printf ("/mermaid/round-trip/%s", name);
      g_test_add_data_func (csv_path, maps[i], test_csv_round_trip);
      g_test_add_data_func (mermaid_path, maps[i], test_mermaid_round_trip);
    }

  return g_test_run ();
}
