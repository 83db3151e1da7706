/* test-views.c: views of the map: which cards a filter brings forward,
 * saved views kept in the file and merged, one undo step each, and what
 * the map, its slides and its exports do with them.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-edits.h"
#include "wm-layout.h"
#include "wm-merge.h"
#include "wm-slides.h"
#include "wm-test-map.h"
#include "wm-text-measure.h"
#include "wm-view-filter.h"

static const char map_json[] =
  "{ \"format\": \"waymark\", \"version\": 1, \"id\": \"m\", \"title\": \"Views\", \"kind\": \"current-state\","
  "  \"personas\": [ { \"id\": \"maya\", \"name\": \"Maya\" }, { \"id\": \"tom\", \"name\": \"Tom\" } ],"
  "  \"stages\": [ { \"id\": \"s1\", \"name\": \"Join\" }, { \"id\": \"s2\", \"name\": \"Train\" } ],"
  "  \"lanes\": [ { \"id\": \"acts\", \"title\": \"Actions\", \"kind\": \"customer-actions\" },"
  "               { \"id\": \"feel\", \"title\": \"Feelings\", \"kind\": \"emotions\" },"
  "               { \"id\": \"pains\", \"title\": \"Pains\", \"kind\": \"pain-points\" } ],"
  "  \"cards\": ["
  "    { \"id\": \"a\", \"stage\": \"s1\", \"lane\": \"acts\", \"title\": \"Emails the club\", \"channel\": \"email\", \"owner\": \"Sam\" },"
  "    { \"id\": \"b\", \"stage\": \"s2\", \"lane\": \"acts\", \"title\": \"Calls the desk\", \"channel\": \"phone\", \"tags\": [ \"q3\", \"desk\" ] },"
  "    { \"id\": \"c\", \"stage\": \"s1\", \"lane\": \"pains\", \"title\": \"No reply\", \"owner\": \"sam\", \"quality\": \"bad\", \"status\": \"planned\" },"
  "    { \"id\": \"d\", \"stage\": \"s2\", \"lane\": \"pains\", \"title\": \"Queue\", \"tags\": [ \"desk\" ] }"
  "  ],"
  "  \"emotions\": [ { \"persona\": \"maya\", \"points\": [ { \"id\": \"m1\", \"stage\": \"s1\", \"score\": 2 } ] },"
  "                  { \"persona\": \"tom\", \"points\": [ { \"id\": \"t1\", \"stage\": \"s2\", \"score\": 4 } ] } ] }";

static WmDocument *
load_map (void)
{
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_document_load_from_data (map_json, sizeof map_json - 1, &error);

  g_assert_no_error (error);
  return document;
}

/* The ids of the cards @filter keeps, in file order. */
static char *
kept (WmDocument         *document,
      const WmViewFilter *filter)
{
  GListModel *cards = wm_document_get_cards (document);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);

      if (wm_view_filter_matches_card (filter, card, wm_lane_get_kind (wm_document_get_card_lane (document, card))))
        g_string_append (ids, wm_element_get_id (WM_ELEMENT (card)));
    }
  return g_string_free (ids, FALSE);
}

static void
test_filter_conditions (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(WmViewFilter) filter = wm_view_filter_new ();
  const char *owners[] = { "SAM", NULL };
  const char *channels[] = { "email", "phone", NULL };
  const char *tags[] = { "desk", NULL };
  char *ids;

  g_assert_true (wm_view_filter_is_empty (filter));
  ids = kept (document, filter);
  g_assert_cmpstr (ids, ==, "abcd");
  g_free (ids);

  /* Owners without case; entries of one condition widen it. */
  filter->owners = g_strdupv ((GStrv) owners);
  ids = kept (document, filter);
  g_assert_cmpstr (ids, ==, "ac");
  g_free (ids);
  g_clear_pointer (&filter->owners, g_strfreev);

  filter->channels = g_strdupv ((GStrv) channels);
  ids = kept (document, filter);
  g_assert_cmpstr (ids, ==, "ab");
  g_free (ids);

  /* Conditions narrow each other: phone and the desk tag. */
  filter->tags = g_strdupv ((GStrv) tags);
  ids = kept (document, filter);
  g_assert_cmpstr (ids, ==, "b");
  g_free (ids);
  g_clear_pointer (&filter->channels, g_strfreev);
  g_clear_pointer (&filter->tags, g_strfreev);

  filter->lane_kinds = 1u << WM_LANE_KIND_PAIN_POINTS;
  ids = kept (document, filter);
  g_assert_cmpstr (ids, ==, "cd");
  g_free (ids);
  filter->statuses = 1u << WM_CARD_STATUS_PLANNED;
  ids = kept (document, filter);
  g_assert_cmpstr (ids, ==, "c");
  g_free (ids);
  filter->statuses = 0;
  filter->qualities = 1u << WM_CARD_QUALITY_GOOD;
  ids = kept (document, filter);
  g_assert_cmpstr (ids, ==, "");
  g_free (ids);

  g_assert_cmpuint (wm_view_filter_count_matches (NULL, document), ==, 4);
}

/* A saved view reads back as the filter it was saved from; a status a
 * later version adds is kept in the file and matches nothing. */
static void
test_saved_view_round_trip (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(WmViewFilter) filter = wm_view_filter_new ();
  const char *personas[] = { "tom", NULL };
  g_autoptr(WmDocument) again = NULL;
  g_autoptr(WmViewFilter) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autofree char *future = NULL;
  g_autoptr(WmDocument) from_future = NULL;
  g_autoptr(WmSavedView) view = NULL;
  g_autoptr(WmViewFilter) future_filter = NULL;
  char *ids;

  filter->personas = g_strdupv ((GStrv) personas);
  filter->lane_kinds = 1u << WM_LANE_KIND_PAIN_POINTS;
  filter->statuses = 1u << WM_CARD_STATUS_PLANNED | 1u << WM_CARD_STATUS_IDEA;
  g_assert_nonnull (wm_edits_save_view (document, "Tom's pains", filter));
  json = wm_document_to_json (document, NULL);
  g_assert_nonnull (strstr (json, "\"statuses\": [\n        \"idea\",\n        \"planned\"\n      ]"));
  again = wm_document_load_from_data (json, strlen (json), &error);
  g_assert_no_error (error);
  json_again = wm_document_to_json (again, NULL);
  g_assert_cmpstr (json_again, ==, json);
  view = g_list_model_get_item (wm_document_get_views (again), 0);
  g_assert_cmpstr (wm_saved_view_get_name (view), ==, "Tom's pains");
  read_back = wm_saved_view_get_filter (view);
  g_assert_true (wm_view_filter_equal (read_back, filter));
  g_assert_false (wm_view_filter_shows_persona (read_back, "maya"));
  g_assert_true (wm_view_filter_shows_persona (read_back, "tom"));

  future = g_strdup (json);
  {
    char *views = strstr (future, "\"views\"");
    char *at = strstr (views, "\"idea\"");

    memcpy (at, "\"zzzz\"", 6);
    at = strstr (views, "\"planned\"");
    memcpy (at, "\"snoozed\"", 9);
  }
  from_future = wm_document_load_from_data (future, strlen (future), &error);
  g_assert_no_error (error);
  g_clear_object (&view);
  view = g_list_model_get_item (wm_document_get_views (from_future), 0);
  future_filter = wm_saved_view_get_filter (view);
  ids = kept (from_future, future_filter);
  g_assert_cmpstr (ids, ==, "");
  g_free (ids);
}

/* Saving is one step; a view saved again under its name replaces it. */
static void
test_save_view_is_one_step (void)
{
  g_autoptr(WmDocument) document = load_map ();
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(WmViewFilter) filter = wm_view_filter_new ();
  g_autofree char *before = wm_document_to_json (document, NULL);
  g_autofree char *undone = NULL;

  filter->lane_kinds = 1u << WM_LANE_KIND_PAIN_POINTS;
  g_assert_null (wm_edits_save_view (document, "   ", filter));
  g_assert_nonnull (wm_edits_save_view (document, "Pains", filter));
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Save View");
  filter->lane_kinds = 1u << WM_LANE_KIND_CUSTOMER_ACTIONS;
  g_assert_nonnull (wm_edits_save_view (document, " Pains ", filter));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_views (document)), ==, 1);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, 2);

  g_assert_true (wm_history_undo (history));
  g_assert_true (wm_history_undo (history));
  undone = wm_document_to_json (document, NULL);
  g_assert_cmpstr (undone, ==, before);
}

/* Views added on both sides of a merge are both kept. */
static void
test_views_merge (void)
{
  g_autoptr(WmDocument) base = load_map ();
  g_autoptr(WmDocument) ours = load_map ();
  g_autoptr(WmDocument) theirs = load_map ();
  g_autoptr(WmViewFilter) filter = wm_view_filter_new ();
  g_autoptr(WmDocument) merged = NULL;
  guint n_conflicts = 99;

  filter->owners = g_strsplit ("Sam", ",", -1);
  wm_edits_save_view (ours, "Sam's", filter);
  wm_edits_save_view (theirs, "Desk", filter);
  merged = wm_merge (base, ours, theirs, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_views (merged)), ==, 2);
}

/* The layout marks what a view fades; its slides leave those cards out. */
static void
test_layout_and_slides_follow_view (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = wm_layout_new (document, style, measure);
  g_autoptr(WmViewFilter) filter = wm_view_filter_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) view = NULL;
  guint faded = 0, faded_curves = 0;

  filter->lane_kinds = 1u << WM_LANE_KIND_PAIN_POINTS;
  filter->personas = g_strsplit ("maya", ",", -1);
  wm_layout_apply_filter (layout, filter);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (layout->cards, WmCardBox, i);

      faded += box->faded;
      g_assert_true (box->faded == (wm_lane_get_kind (wm_document_get_card_lane (document, box->card)) != WM_LANE_KIND_PAIN_POINTS));
    }
  for (guint i = 0; i < layout->curves->len; i++)
    faded_curves += g_array_index (layout->curves, WmCurve, i).faded;
  g_assert_cmpuint (faded, ==, 2);
  g_assert_cmpuint (faded_curves, ==, 1);
  wm_layout_apply_filter (layout, NULL);
  for (guint i = 0; i < layout->cards->len; i++)
    g_assert_false (g_array_index (layout->cards, WmCardBox, i).faded);

  all = wm_slides_build (document);
  view = wm_slides_build_for_view (document, WM_THEME_DARK, filter);
  g_assert_cmpuint (view->len, ==, all->len);
  for (guint i = 0; i < view->len; i++)
    {
      const WmSlideLayout *slide = wm_slide_get_layout (document, view, i);

      if (((WmSlide *) g_ptr_array_index (view, i))->kind == WM_SLIDE_STAGE)
        g_assert_cmpuint (wm_slide_layout_count (slide, WM_SLIDE_ROLE_CARD), ==, 1);
    }
}

/* Comparing with another map rings the cards it changed, moved or does
 * not have, and no other. */
static void
test_comparison_marks_cards (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(WmDocument) other = load_map ();
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = NULL;
  GString *marked = g_string_new (NULL);

  wm_document_set_string (other, wm_document_lookup (other, "a"), "title", "Writes to the club");
  wm_document_move_card (other, WM_CARD (wm_document_lookup (other, "d")), "s1", "pains", 0);
  wm_document_remove (other, wm_document_lookup (other, "b"));
  layout = wm_layout_new (document, style, measure);
  wm_layout_add_comparison (layout, other);
  for (guint i = 0; i < layout->cards->len; i++)
    if (g_array_index (layout->cards, WmCardBox, i).marked)
      g_string_append (marked, wm_element_get_id (WM_ELEMENT (g_array_index (layout->cards, WmCardBox, i).card)));
  g_assert_cmpstr (marked->str, ==, "abd");
  g_string_free (marked, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/views/filter-conditions", test_filter_conditions);
  g_test_add_func ("/views/saved-view-round-trip", test_saved_view_round_trip);
  g_test_add_func ("/views/save-view-is-one-step", test_save_view_is_one_step);
  g_test_add_func ("/views/views-merge", test_views_merge);
  g_test_add_func ("/views/layout-and-slides-follow-view", test_layout_and_slides_follow_view);
  g_test_add_func ("/views/comparison-marks-cards", test_comparison_marks_cards);

  return g_test_run ();
}
