/* test-priorities.c: what the Priorities view, its matrix and the
 * exports call out: quadrants, the top pain points and quick wins, and
 * placing a card in the matrix as one undo step.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-edits.h"
#include "wm-priorities.h"

/* Two stages, a persona who is unhappy in the second, and cards of
 * every sort: scored and unscored, open and done, in lanes that list
 * them and in a lane that lists a card only once it is scored. */
static const char map_json[] =
  "{ \"format\": \"waymark\", \"version\": 1, \"id\": \"m\", \"title\": \"Gym\", \"kind\": \"current-state\","
  "  \"emotion_scale\": 5,"
  "  \"personas\": [ { \"id\": \"maya\", \"name\": \"Maya\" }, { \"id\": \"tom\", \"name\": \"Tom\" } ],"
  "  \"stages\": [ { \"id\": \"join\", \"name\": \"Join\" }, { \"id\": \"train\", \"name\": \"Train\" } ],"
  "  \"lanes\": [ { \"id\": \"acts\", \"title\": \"Actions\", \"kind\": \"customer-actions\" },"
  "               { \"id\": \"pains\", \"title\": \"Pain points\", \"kind\": \"pain-points\" },"
  "               { \"id\": \"ideas\", \"title\": \"Opportunities\", \"kind\": \"opportunities\" } ],"
  "  \"cards\": ["
  "    { \"id\": \"act\", \"stage\": \"join\", \"lane\": \"acts\", \"title\": \"Signs up\" },"
  "    { \"id\": \"act-scored\", \"stage\": \"train\", \"lane\": \"acts\", \"title\": \"Books a class\", \"impact\": 2, \"effort\": 1 },"
  "    { \"id\": \"queue\", \"stage\": \"join\", \"lane\": \"pains\", \"title\": \"Queue at the desk\", \"impact\": 3 },"
  "    { \"id\": \"crowded\", \"stage\": \"train\", \"lane\": \"pains\", \"title\": \"Crowded at 6 pm\", \"impact\": 3 },"
  "    { \"id\": \"fees\", \"stage\": \"join\", \"lane\": \"pains\", \"title\": \"Hidden fees\", \"impact\": 5, \"effort\": 4 },"
  "    { \"id\": \"fixed\", \"stage\": \"join\", \"lane\": \"pains\", \"title\": \"Broken lockers\", \"impact\": 5, \"status\": \"done\" },"
  "    { \"id\": \"unscored\", \"stage\": \"train\", \"lane\": \"pains\", \"title\": \"No towels\" },"
  "    { \"id\": \"app\", \"stage\": \"join\", \"lane\": \"ideas\", \"title\": \"Sign up in the app\", \"impact\": 4, \"effort\": 2 },"
  "    { \"id\": \"email\", \"stage\": \"join\", \"lane\": \"ideas\", \"title\": \"Welcome email\", \"impact\": 4, \"effort\": 1 },"
  "    { \"id\": \"pool\", \"stage\": \"train\", \"lane\": \"ideas\", \"title\": \"New pool\", \"impact\": 2, \"effort\": 5 },"
  "    { \"id\": \"dropped\", \"stage\": \"train\", \"lane\": \"ideas\", \"title\": \"Free shakes\", \"impact\": 5, \"effort\": 1, \"status\": \"dropped\" }"
  "  ],"
  "  \"emotions\": ["
  "    { \"persona\": \"maya\", \"points\": [ { \"id\": \"m1\", \"stage\": \"join\", \"score\": 4 }, { \"id\": \"m2\", \"stage\": \"train\", \"score\": 2 } ] },"
  "    { \"persona\": \"tom\", \"points\": [ { \"id\": \"t1\", \"stage\": \"train\", \"score\": 1 } ] }"
  "  ] }";

static WmDocument *
load_map (void)
{
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_document_load_from_data (map_json, sizeof map_json - 1, &error);

  g_assert_no_error (error);
  return document;
}

static GString *
titles (GPtrArray *items)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      WmPriorityItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", wm_card_get_title (item->card));
    }
  return text;
}

static void
test_quadrants (void)
{
  /* The middle score counts as high on both axes. */
  g_assert_cmpint (wm_priority_quadrant (5, 1), ==, WM_QUADRANT_QUICK_WIN);
  g_assert_cmpint (wm_priority_quadrant (3, 2), ==, WM_QUADRANT_QUICK_WIN);
  g_assert_cmpint (wm_priority_quadrant (3, 3), ==, WM_QUADRANT_BIG_BET);
  g_assert_cmpint (wm_priority_quadrant (5, 5), ==, WM_QUADRANT_BIG_BET);
  g_assert_cmpint (wm_priority_quadrant (2, 2), ==, WM_QUADRANT_FILL_IN);
  g_assert_cmpint (wm_priority_quadrant (1, 5), ==, WM_QUADRANT_MONEY_PIT);
  g_assert_cmpint (wm_priority_quadrant (0, 3), ==, WM_QUADRANT_UNSCORED);
  g_assert_cmpint (wm_priority_quadrant (4, 0), ==, WM_QUADRANT_UNSCORED);
}

/* Pain points and opportunities are listed whatever their scores; a
 * customer action only once it is scored; in map order. */
static void
test_collect (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GPtrArray) items = wm_priorities_collect (document);
  g_autoptr(GString) listed = titles (items);
  WmPriorityItem *crowded;

  g_assert_cmpstr (listed->str, ==,
                   "Queue at the desk, Hidden fees, Broken lockers, Sign up in the app, Welcome email, "
                   "Books a class, Crowded at 6 pm, No towels, New pool, Free shakes");

  /* In "Train", Tom (score 1) feels worse than Maya (score 2). */
  crowded = g_ptr_array_index (items, 6);
  g_assert_cmpint (crowded->stage_index, ==, 1);
  g_assert_nonnull (crowded->persona);
  g_assert_cmpstr (wm_persona_get_name (crowded->persona), ==, "Tom");
  g_assert_cmpfloat (crowded->feeling, ==, -1.0);
  g_assert_cmpint (crowded->quadrant, ==, WM_QUADRANT_UNSCORED);
  g_assert_cmpint (((WmPriorityItem *) g_ptr_array_index (items, 4))->quadrant, ==, WM_QUADRANT_QUICK_WIN);
  g_assert_cmpint (((WmPriorityItem *) g_ptr_array_index (items, 8))->quadrant, ==, WM_QUADRANT_MONEY_PIT);
}

/* Open pain points by impact, the one felt worse first on a tie; done
 * and unscored ones are not called out. */
static void
test_top_pain_points (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GPtrArray) items = wm_priorities_collect (document);
  g_autoptr(GPtrArray) top = wm_priorities_top_pain_points (items);
  g_autoptr(GString) listed = titles (top);

  g_assert_cmpstr (listed->str, ==, "Hidden fees, Crowded at 6 pm, Queue at the desk");
}

/* Open quick wins of any lane, lowest effort first on equal impact;
 * a dropped idea is not one. */
static void
test_quick_wins (void)
{
  g_autoptr(WmDocument) document = load_map ();
  g_autoptr(GPtrArray) items = wm_priorities_collect (document);
  g_autoptr(GPtrArray) wins = wm_priorities_quick_wins (items);
  g_autoptr(GString) listed = titles (wins);

  g_assert_cmpstr (listed->str, ==, "Welcome email, Sign up in the app");
}

/* At most five are called out, however many qualify. */
static void
test_callouts_are_capped (void)
{
  g_autoptr(WmDocument) document = load_map ();
  GListModel *cards = wm_document_get_cards (document);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) wins = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);

      wm_document_set_int (document, WM_ELEMENT (card), "status", WM_CARD_STATUS_PLANNED);
      wm_edits_set_priority (document, card, 5, 1);
    }
  items = wm_priorities_collect (document);
  wins = wm_priorities_quick_wins (items);
  g_assert_cmpuint (items->len, ==, 11);
  g_assert_cmpuint (wins->len, ==, WM_PRIORITY_CALLOUTS);
}

/* Dragging a card to another cell sets both scores in one step, which
 * undo takes back whole. */
static void
test_set_priority_is_one_step (void)
{
  g_autoptr(WmDocument) document = load_map ();
  WmCard *card = WM_CARD (wm_document_lookup (document, "crowded"));
  WmHistory *history = wm_document_get_history (document);
  g_autofree char *before = wm_document_to_json (document, NULL);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;

  g_assert_true (wm_edits_set_priority (document, card, 4, 2));
  g_assert_cmpint (wm_card_get_impact (card), ==, 4);
  g_assert_cmpint (wm_card_get_effort (card), ==, 2);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Change Priority");
  after = wm_document_to_json (document, NULL);

  /* Nothing changes, nothing is recorded. */
  g_assert_false (wm_edits_set_priority (document, card, 4, 2));
  g_assert_false (wm_edits_set_priority (document, card, 6, 2));
  g_assert_false (wm_edits_set_priority (document, card, 4, -1));

  g_assert_true (wm_history_undo (history));
  undone = wm_document_to_json (document, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_true (wm_history_redo (history));
  g_clear_pointer (&undone, g_free);
  undone = wm_document_to_json (document, NULL);
  g_assert_cmpstr (undone, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/priorities/quadrants", test_quadrants);
  g_test_add_func ("/priorities/collect", test_collect);
  g_test_add_func ("/priorities/top-pain-points", test_top_pain_points);
  g_test_add_func ("/priorities/quick-wins", test_quick_wins);
  g_test_add_func ("/priorities/callouts-are-capped", test_callouts_are_capped);
  g_test_add_func ("/priorities/set-priority-is-one-step", test_set_priority_is_one_step);

  return g_test_run ();
}
