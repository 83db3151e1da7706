/* test-diff.c: comparing two versions of a map: each kind of change is
 * found and put under the right stage, ids pair elements before titles
 * do, and equal maps or lists in another order give no change.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-diff.h"
#include "wm-diff-text.h"
#include "wm-document-reader.h"
#include "wm-test-map.h"

/* --- Building maps ------------------------------------------------------ */

static void
add_stage (WmDocument *document,
           const char *id,
           const char *name)
{
  g_autoptr(WmStage) stage = g_object_new (WM_TYPE_STAGE, "id", id, "name", name, NULL);

  g_assert_true (wm_document_insert_stage (document, stage, g_list_model_get_n_items (wm_document_get_stages (document))));
}

static void
add_lane (WmDocument *document,
          const char *id,
          const char *title,
          WmLaneKind  kind)
{
  g_autoptr(WmLane) lane = g_object_new (WM_TYPE_LANE, "id", id, "title", title, "kind", kind, NULL);

  g_assert_true (wm_document_insert_lane (document, lane, g_list_model_get_n_items (wm_document_get_lanes (document))));
}

static void
add_card (WmDocument *document,
          const char *id,
          const char *stage,
          const char *lane,
          const char *title)
{
  g_autoptr(WmCard) card = g_object_new (WM_TYPE_CARD, "id", id, "stage", stage, "lane", lane,
                                         "title", title, NULL);

  g_assert_true (wm_document_insert_card (document, card, 0));
}

static void
add_persona (WmDocument *document,
             const char *id,
             const char *name)
{
  g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", id, "name", name, NULL);

  g_assert_true (wm_document_insert_persona (document, persona,
                                             g_list_model_get_n_items (wm_document_get_personas (document))));
}

static void
add_point (WmDocument *document,
           const char *persona,
           const char *id,
           const char *stage,
           int         score)
{
  WmEmotionCurve *curve = wm_document_get_curve_for_persona (document, persona);
  g_autoptr(WmEmotionPoint) point = g_object_new (WM_TYPE_EMOTION_POINT, "id", id, "stage", stage,
                                                  "score", score, NULL);

  if (curve == NULL)
    {
      g_autoptr(WmEmotionCurve) new_curve = wm_emotion_curve_new (NULL, persona);

      g_assert_true (wm_document_insert_curve (document, new_curve));
      curve = new_curve;
    }
  g_assert_true (wm_document_insert_point (document, curve, point,
                                           g_list_model_get_n_items (wm_emotion_curve_get_points (curve))));
}

static WmElement *
find (WmDocument *document,
      const char *id)
{
  WmElement *element = wm_document_lookup (document, id);

  g_assert_nonnull (element);
  return element;
}

static void
set_string (WmDocument *document,
            const char *id,
            const char *field,
            const char *value)
{
  g_assert_true (wm_document_set_string (document, find (document, id), field, value));
}

static void
set_int (WmDocument *document,
         const char *id,
         const char *field,
         int         value)
{
  g_assert_true (wm_document_set_int (document, find (document, id), field, value));
}

static void
set_status (WmDocument   *document,
            const char   *id,
            WmCardStatus  status)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, WM_TYPE_CARD_STATUS);
  g_value_set_enum (&value, status);
  g_assert_true (wm_document_set_value (document, find (document, id), "status", &value, NULL));
}

static void
move_card (WmDocument *document,
           const char *id,
           const char *stage,
           const char *lane)
{
  g_assert_true (wm_document_move_card (document, WM_CARD (find (document, id)), stage, lane, 0));
}

static void
remove_element (WmDocument *document,
                const char *id)
{
  g_assert_true (wm_document_remove (document, find (document, id)));
}

/* Two stages, a touchpoint lane and a pain-point lane, three cards and a
 * persona with a point in each stage. Every call gives the same map, ids
 * and all, so a test edits one copy and compares it with another. */
static WmDocument *
base_map (void)
{
  WmDocument *document = wm_document_new ("map");

  add_stage (document, "s-onboarding", "Onboarding");
  add_stage (document, "s-trial", "Trial");
  add_lane (document, "l-front", "Frontstage", WM_LANE_KIND_TOUCHPOINTS);
  add_lane (document, "l-pain", "Pains", WM_LANE_KIND_PAIN_POINTS);
  add_card (document, "c-app", "s-onboarding", "l-front", "App");
  add_card (document, "c-mail", "s-trial", "l-front", "Welcome mail");
  add_card (document, "c-slow", "s-trial", "l-pain", "Slow setup");
  add_persona (document, "p-maya", "Maya");
  add_point (document, "p-maya", "e-1", "s-onboarding", 3);
  add_point (document, "p-maya", "e-2", "s-trial", 2);
  return document;
}

/* --- Reading a comparison ------------------------------------------------ */

static WmDiffStage *
stage_entry (WmDiff     *diff,
             const char *name)
{
  for (guint s = 0; s < diff->stages->len; s++)
    {
      WmDiffStage *stage = g_ptr_array_index (diff->stages, s);

      if (g_strcmp0 (wm_diff_element_name (stage->stage.new_element != NULL ? stage->stage.new_element
                                                                             : stage->stage.old_element), name) == 0)
        return stage;
    }
  g_assert_not_reached ();
}

static WmDiffItem *
only_card (WmDiff     *diff,
           const char *stage_name)
{
  WmDiffStage *stage;

  g_assert_cmpuint (diff->stages->len, ==, 1);
  stage = stage_entry (diff, stage_name);
  g_assert_cmpuint (stage->cards->len, ==, 1);
  return g_ptr_array_index (stage->cards, 0);
}

static char *
changed_keys (WmDiffItem *item)
{
  GString *keys = g_string_new (NULL);

  for (guint f = 0; f < item->changed->len; f++)
    {
      const WmFieldInfo *field = g_ptr_array_index (item->changed, f);

      g_string_append_printf (keys, "%s%s", f > 0 ? "," : "", field->property);
    }
  return g_string_free (keys, FALSE);
}

static char *
describe (WmDiff *diff)
{
  g_autoptr(GPtrArray) lines = wm_diff_describe (diff, NULL);

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* --- Tests -------------------------------------------------------------- */

static void
test_equal_maps (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = base_map ();
  g_autoptr(WmDocument) sample_a = wm_test_load_map ("samples/hotel-stay.waymark");
  g_autoptr(WmDocument) sample_b = wm_test_load_map ("samples/hotel-stay.waymark");
  g_autoptr(WmDiff) diff = wm_diff_compare (a, b);
  g_autoptr(WmDiff) sample_diff = wm_diff_compare (sample_a, sample_b);
  g_autoptr(GPtrArray) lines = wm_diff_describe (diff, NULL);

  g_assert_true (wm_diff_is_empty (diff));
  g_assert_cmpuint (lines->len, ==, 0);
  g_assert_true (wm_diff_is_empty (sample_diff));

  /* Saving stamps the modification time: no change a reader sees. */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "hotel-stay.waymark", NULL);
    g_autofree char *text = NULL;
    g_autoptr(GRegex) stamp = g_regex_new ("\"modified\": \"[^\"]*\"", 0, 0, NULL);
    g_autofree char *saved_later = NULL;
    g_autoptr(WmDocument) later = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    saved_later = g_regex_replace_literal (stamp, text, -1, 0, "\"modified\": \"2031-05-01T10:00:00Z\"", 0, NULL);
    g_assert_cmpstr (saved_later, !=, text);
    later = wm_document_load_from_data (saved_later, strlen (saved_later), &error);
    g_assert_no_error (error);
    g_clear_pointer (&sample_diff, wm_diff_free);
    sample_diff = wm_diff_compare (sample_a, later);
    g_assert_true (wm_diff_is_empty (sample_diff));
  }
}

static void
test_card_added (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = base_map ();
  g_autoptr(WmDiff) diff = NULL;
  g_autofree char *text = NULL;
  WmDiffItem *item;

  add_card (b, "c-new", "s-trial", "l-pain", "No help in German");
  diff = wm_diff_compare (a, b);
  g_assert_false (wm_diff_is_empty (diff));
  item = only_card (diff, "Trial");
  g_assert_cmpint (item->change, ==, WM_DIFF_ADDED);
  g_assert_null (item->old_element);
  g_assert_cmpint (item->kind, ==, WM_LANE_KIND_PAIN_POINTS);

  text = describe (diff);
  g_assert_cmpstr (text, ==, "Stage “Trial”: + pain point “No help in German”");
}

static void
test_card_removed (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = base_map ();
  g_autoptr(WmDiff) diff = NULL;
  g_autofree char *text = NULL;
  WmDiffItem *item;

  remove_element (b, "c-app");
  diff = wm_diff_compare (a, b);
  item = only_card (diff, "Onboarding");
  g_assert_cmpint (item->change, ==, WM_DIFF_REMOVED);
  g_assert_null (item->new_element);
  g_assert_cmpstr (wm_element_get_id (item->old_element), ==, "c-app");

  text = describe (diff);
  g_assert_cmpstr (text, ==, "Stage “Onboarding”: - touchpoint “App”");
}

static void
test_card_moved (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = base_map ();
  g_autoptr(WmDiff) diff = NULL;
  g_autofree char *text = NULL;
  WmDiffItem *item;

  move_card (b, "c-app", "s-trial", "l-front");
  diff = wm_diff_compare (a, b);
  item = only_card (diff, "Trial");
  g_assert_true (item->moved);
  g_assert_cmpint (item->change, ==, WM_DIFF_SAME);
  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (item->old_stage)), ==, "s-onboarding");

  text = describe (diff);
  g_assert_cmpstr (text, ==, "Stage “Trial”: ~ touchpoint “App” moved from “Onboarding”/“Frontstage”");
}

/* A lane of another kind makes the card another kind of card. */
static void
test_card_moved_lane (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = base_map ();
  g_autoptr(WmDiff) diff = NULL;
  g_autofree char *keys = NULL;
  WmDiffItem *item;

  move_card (b, "c-mail", "s-trial", "l-pain");
  diff = wm_diff_compare (a, b);
  item = only_card (diff, "Trial");
  g_assert_true (item->moved);
  g_assert_cmpint (item->change, ==, WM_DIFF_CHANGED);
  keys = changed_keys (item);
  g_assert_cmpstr (keys, ==, "kind");
  g_assert_cmpint (item->kind, ==, WM_LANE_KIND_PAIN_POINTS);
}

static void
test_card_changed (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = base_map ();
  g_autoptr(WmDiff) diff = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *text = NULL;
  const char *tags[] = { "setup", NULL };
  WmDiffItem *item;

  set_string (b, "c-slow", "title", "Very slow setup");
  set_string (b, "c-slow", "text", "Takes a whole Saturday");
  set_string (b, "c-slow", "owner", "Sam");
  set_int (b, "c-slow", "impact", 5);
  set_int (b, "c-slow", "effort", 2);
  set_status (b, "c-slow", WM_CARD_STATUS_PLANNED);
  g_assert_true (wm_document_set_strv (b, find (b, "c-slow"), "tags", tags));
  diff = wm_diff_compare (a, b);
  item = only_card (diff, "Trial");
  g_assert_false (item->moved);
  g_assert_cmpint (item->change, ==, WM_DIFF_CHANGED);
  keys = changed_keys (item);
  g_assert_cmpstr (keys, ==, "title,text,owner,impact,effort,status,tags");

  text = describe (diff);
  g_assert_cmpstr (text, ==, "Stage “Trial”: ~ pain point “Very slow setup” (was “Slow setup”): "
                             "Title, Details, Owner, Impact, Effort, Status, Tags changed");
}

/* Rewording only a picture's alternative text changes the picture: it
 * is what a reader who cannot see the picture hears. */
static void
test_picture_words_changed (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = base_map ();
  g_autoptr(WmDiff) diff = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *text = NULL;
  WmDiffItem *item;

  set_string (a, "c-slow", "picture-alt", "A tangle of cables behind the router");
  set_string (b, "c-slow", "picture-alt", "The router's lights, all off");
  diff = wm_diff_compare (a, b);
  item = only_card (diff, "Trial");
  g_assert_cmpint (item->change, ==, WM_DIFF_CHANGED);
  keys = changed_keys (item);
  g_assert_cmpstr (keys, ==, "picture");
  text = describe (diff);
  g_assert_cmpstr (text, ==, "Stage “Trial”: ~ pain point “Slow setup”: Picture changed");
}

/* The ids say which card is which, even when titles were swapped. */
static void
test_id_beats_title (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = base_map ();
  g_autoptr(WmDiff) diff = NULL;
  WmDiffStage *stage;

  add_card (a, "c-other", "s-onboarding", "l-front", "Website");
  add_card (b, "c-other", "s-onboarding", "l-front", "Website");
  set_string (b, "c-app", "title", "Website");
  set_string (b, "c-other", "title", "App");
  diff = wm_diff_compare (a, b);
  g_assert_cmpuint (diff->stages->len, ==, 1);
  stage = stage_entry (diff, "Onboarding");
  g_assert_cmpuint (stage->cards->len, ==, 2);
  for (guint c = 0; c < 2; c++)
    {
      WmDiffItem *item = g_ptr_array_index (stage->cards, c);

      g_assert_cmpint (item->change, ==, WM_DIFF_CHANGED);
      g_assert_cmpstr (wm_element_get_id (item->old_element), ==, wm_element_get_id (item->new_element));
    }
}

/* A card copied into another map under a new id is found by its title,
 * but only among cards of the same kind. */
static void
test_title_match (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = base_map ();
  g_autoptr(WmDocument) c = base_map ();
  g_autoptr(WmDiff) diff = NULL;
  WmDiffStage *stage;

  remove_element (b, "c-slow");
  add_card (b, "c-slow-again", "s-trial", "l-pain", "Slow setup");
  diff = wm_diff_compare (a, b);
  g_assert_true (wm_diff_is_empty (diff));

  remove_element (c, "c-slow");
  add_card (c, "c-slow-again", "s-trial", "l-front", "Slow setup");
  g_clear_pointer (&diff, wm_diff_free);
  diff = wm_diff_compare (a, c);
  stage = stage_entry (diff, "Trial");
  g_assert_cmpuint (stage->cards->len, ==, 2);
  g_assert_cmpint (((WmDiffItem *) g_ptr_array_index (stage->cards, 0))->change, ==, WM_DIFF_ADDED);
  g_assert_cmpint (((WmDiffItem *) g_ptr_array_index (stage->cards, 1))->change, ==, WM_DIFF_REMOVED);
}

static void
test_stages_and_lanes (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = base_map ();
  g_autoptr(WmDiff) diff = NULL;
  g_autofree char *text = NULL;
  WmDiffStage *removed;

  set_string (b, "s-onboarding", "name", "Getting started");
  add_stage (b, "s-renewal", "Renewal");
  remove_element (b, "s-trial");
  set_string (b, "l-front", "title", "Touchpoints");
  add_lane (b, "l-ideas", "Ideas", WM_LANE_KIND_OPPORTUNITIES);
  diff = wm_diff_compare (a, b);

  /* The new map's stages in order, then the removed one with its cards. */
  g_assert_cmpuint (diff->stages->len, ==, 3);
  g_assert_cmpint (((WmDiffStage *) g_ptr_array_index (diff->stages, 0))->stage.change, ==, WM_DIFF_CHANGED);
  g_assert_cmpint (((WmDiffStage *) g_ptr_array_index (diff->stages, 1))->stage.change, ==, WM_DIFF_ADDED);
  removed = g_ptr_array_index (diff->stages, 2);
  g_assert_cmpint (removed->stage.change, ==, WM_DIFF_REMOVED);
  g_assert_cmpuint (removed->cards->len, ==, 2);
  g_assert_cmpint (((WmDiffItem *) g_ptr_array_index (removed->cards, 0))->change, ==, WM_DIFF_REMOVED);

  g_assert_cmpuint (diff->lanes->len, ==, 2);
  g_assert_cmpint (((WmDiffItem *) g_ptr_array_index (diff->lanes, 0))->change, ==, WM_DIFF_CHANGED);
  g_assert_cmpint (((WmDiffItem *) g_ptr_array_index (diff->lanes, 1))->change, ==, WM_DIFF_ADDED);

  text = describe (diff);
  g_assert_cmpstr (text, ==,
                   "~ lane “Touchpoints” (was “Frontstage”): Title changed\n"
                   "+ lane “Ideas”\n"
                   "~ stage “Getting started” (was “Onboarding”): Name changed\n"
                   "+ stage “Renewal”\n"
                   "- stage “Trial”\n"
                   "Stage “Trial”: - touchpoint “Welcome mail”\n"
                   "Stage “Trial”: - pain point “Slow setup”\n"
                   "Persona “Maya”: stage “Trial” - point 2");
}

/* A stage whose id changed is found by its name; its cards stay put. */
static void
test_stage_by_name (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = wm_document_new ("map");
  g_autoptr(WmDiff) diff = NULL;

  add_stage (b, "s-onboarding", "Onboarding");
  add_stage (b, "s-trial-2", "Trial");
  add_lane (b, "l-front", "Frontstage", WM_LANE_KIND_TOUCHPOINTS);
  add_lane (b, "l-pain", "Pains", WM_LANE_KIND_PAIN_POINTS);
  add_card (b, "c-app", "s-onboarding", "l-front", "App");
  add_card (b, "c-mail", "s-trial-2", "l-front", "Welcome mail");
  add_card (b, "c-slow", "s-trial-2", "l-pain", "Slow setup");
  add_persona (b, "p-maya", "Maya");
  add_point (b, "p-maya", "e-1", "s-onboarding", 3);
  add_point (b, "p-maya", "e-2", "s-trial-2", 2);
  diff = wm_diff_compare (a, b);
  g_assert_true (wm_diff_is_empty (diff));
}

static void
test_emotions (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = base_map ();
  g_autoptr(WmDiff) diff = NULL;
  g_autofree char *text = NULL;
  WmDiffPersona *persona;
  WmDiffEmotion *emotion;

  set_int (b, "e-2", "score", 4);
  remove_element (b, "e-1");
  diff = wm_diff_compare (a, b);
  g_assert_cmpuint (diff->stages->len, ==, 0);
  g_assert_cmpuint (diff->personas->len, ==, 1);
  persona = g_ptr_array_index (diff->personas, 0);
  g_assert_cmpint (persona->persona.change, ==, WM_DIFF_SAME);
  g_assert_cmpuint (persona->emotions->len, ==, 2);
  emotion = g_ptr_array_index (persona->emotions, 1);
  g_assert_cmpstr (wm_stage_get_name (emotion->stage), ==, "Trial");
  g_assert_cmpuint (emotion->old_scores->len, ==, 1);
  g_assert_cmpint (g_array_index (emotion->old_scores, int, 0), ==, 2);
  g_assert_cmpint (g_array_index (emotion->new_scores, int, 0), ==, 4);

  text = describe (diff);
  g_assert_cmpstr (text, ==,
                   "Persona “Maya”: stage “Onboarding” - point 3\n"
                   "Persona “Maya”: stage “Trial” 2 -> 4");

  /* A point added to a persona found by name under a new id. */
  g_clear_object (&b);
  g_clear_pointer (&diff, wm_diff_free);
  g_clear_pointer (&text, g_free);
  b = base_map ();
  remove_element (b, "p-maya");
  add_persona (b, "p-maya-2", "Maya");
  add_point (b, "p-maya-2", "e-1", "s-onboarding", 3);
  add_point (b, "p-maya-2", "e-2", "s-trial", 2);
  add_point (b, "p-maya-2", "e-3", "s-trial", 5);
  diff = wm_diff_compare (a, b);
  text = describe (diff);
  g_assert_cmpstr (text, ==, "Persona “Maya”: stage “Trial” 2 -> 2, 5");
}

static void
test_personas_added_removed (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = base_map ();
  g_autoptr(WmDiff) diff = NULL;
  g_autofree char *text = NULL;

  remove_element (b, "p-maya");
  add_persona (b, "p-leo", "Leo");
  g_assert_true (wm_document_set_string (b, WM_ELEMENT (b), "title", "Onboarding, next year"));
  diff = wm_diff_compare (a, b);
  text = describe (diff);
  g_assert_cmpstr (text, ==,
                   "Map: Title changed\n"
                   "+ persona “Leo”\n"
                   "- persona “Maya”");
}

/* The order of the file's lists is not a change: cards listed in another
 * order, personas and curves added in another order. */
static void
test_order_independent (void)
{
  g_autoptr(WmDocument) a = base_map ();
  g_autoptr(WmDocument) b = wm_document_new ("map");
  g_autoptr(WmDiff) diff = NULL;

  add_persona (a, "p-leo", "Leo");
  add_point (a, "p-leo", "e-9", "s-trial", 4);

  add_stage (b, "s-onboarding", "Onboarding");
  add_stage (b, "s-trial", "Trial");
  add_lane (b, "l-front", "Frontstage", WM_LANE_KIND_TOUCHPOINTS);
  add_lane (b, "l-pain", "Pains", WM_LANE_KIND_PAIN_POINTS);
  add_card (b, "c-slow", "s-trial", "l-pain", "Slow setup");
  add_card (b, "c-mail", "s-trial", "l-front", "Welcome mail");
  add_card (b, "c-app", "s-onboarding", "l-front", "App");
  add_persona (b, "p-leo", "Leo");
  add_point (b, "p-leo", "e-9", "s-trial", 4);
  add_persona (b, "p-maya", "Maya");
  add_point (b, "p-maya", "e-2", "s-trial", 2);
  add_point (b, "p-maya", "e-1", "s-onboarding", 3);

  diff = wm_diff_compare (a, b);
  g_assert_true (wm_diff_is_empty (diff));
  g_clear_pointer (&diff, wm_diff_free);
  diff = wm_diff_compare (b, a);
  g_assert_true (wm_diff_is_empty (diff));
}

/* A large map and an edited copy: each edit is found once. */
static void
test_large_map (void)
{
  g_autoptr(WmDocument) a = wm_test_generate_map (20, 6, 5, 2);
  g_autoptr(WmDocument) b = wm_test_generate_map (20, 6, 5, 2);
  g_autoptr(WmDiff) diff = NULL;
  GListModel *cards = wm_document_get_cards (b);
  guint n_cards = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i += 50)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);

      g_assert_true (wm_document_set_string (b, WM_ELEMENT (card), "owner", "Someone new"));
    }
  diff = wm_diff_compare (a, b);
  for (guint s = 0; s < diff->stages->len; s++)
    n_cards += ((WmDiffStage *) g_ptr_array_index (diff->stages, s))->cards->len;
  g_assert_cmpuint (n_cards, ==, (g_list_model_get_n_items (cards) + 49) / 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/diff/equal-maps", test_equal_maps);
  g_test_add_func ("/diff/card-added", test_card_added);
  g_test_add_func ("/diff/card-removed", test_card_removed);
  g_test_add_func ("/diff/card-moved", test_card_moved);
  g_test_add_func ("/diff/card-moved-lane", test_card_moved_lane);
  g_test_add_func ("/diff/card-changed", test_card_changed);
  g_test_add_func ("/diff/picture-words-changed", test_picture_words_changed);
  g_test_add_func ("/diff/id-beats-title", test_id_beats_title);
  g_test_add_func ("/diff/title-match", test_title_match);
  g_test_add_func ("/diff/stages-and-lanes", test_stages_and_lanes);
  g_test_add_func ("/diff/stage-by-name", test_stage_by_name);
  g_test_add_func ("/diff/emotions", test_emotions);
  g_test_add_func ("/diff/personas-added-removed", test_personas_added_removed);
  g_test_add_func ("/diff/order-independent", test_order_independent);
  g_test_add_func ("/diff/large-map", test_large_map);

  return g_test_run ();
}
