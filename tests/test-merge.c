/* test-merge.c: the three-way merge of maps, as git's merge driver runs
 * it: what merges cleanly, what conflicts and how it is recorded, that
 * the result is always a valid map, and, over random edits, that merging
 * is exact and does not depend on which side is ours.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "wm-document-private.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-edits.h"
#include "wm-merge.h"
#include "wm-test-edits.h"
#include "wm-test-images.h"
#include "wm-test-map.h"

static const char base_map[] =
  "{\"format\": \"waymark\", \"version\": 1, \"id\": \"m\", \"title\": \"Map\", \"kind\": \"current-state\",\n"
  " \"created\": \"2026-01-01T00:00:00Z\", \"modified\": \"2026-01-01T00:00:00Z\", \"emotion_scale\": 5,\n"
  " \"personas\": [{\"id\": \"p1\", \"name\": \"Ann\"}, {\"id\": \"p2\", \"name\": \"Bob\"}],\n"
  " \"stages\": [{\"id\": \"s1\", \"name\": \"One\"}, {\"id\": \"s2\", \"name\": \"Two\"}, {\"id\": \"s3\", \"name\": \"Three\"}],\n"
  " \"lanes\": [{\"id\": \"l1\", \"title\": \"Doing\", \"kind\": \"customer-actions\"},\n"
  "           {\"id\": \"l2\", \"title\": \"Feeling\", \"kind\": \"emotions\"}],\n"
  " \"cards\": [{\"id\": \"c1\", \"stage\": \"s1\", \"lane\": \"l1\", \"title\": \"A\"},\n"
  "           {\"id\": \"c2\", \"stage\": \"s2\", \"lane\": \"l1\", \"title\": \"B\"},\n"
  "           {\"id\": \"c3\", \"stage\": \"s3\", \"lane\": \"l1\", \"title\": \"C\"}],\n"
  " \"emotions\": [{\"persona\": \"p1\", \"points\": [{\"id\": \"e1\", \"stage\": \"s1\", \"position\": 0.5, \"score\": 3},\n"
  "                                             {\"id\": \"e2\", \"stage\": \"s2\", \"position\": 0.5, \"score\": 4}]}],\n"
  " \"x_later\": {\"a\": 1}}\n";

static WmDocument *
load_base (void)
{
  return wm_test_load_text (base_map);
}

/* The merge, saved and read back, as the command writes it: it must
 * always be a map Waymark opens. */
static WmDocument *
merge_and_reload (WmDocument *base,
                  WmDocument *ours,
                  WmDocument *theirs,
                  guint      *n_conflicts)
{
  g_autoptr(WmDocument) merged = wm_merge (base, ours, theirs, n_conflicts);
  g_autofree char *json = wm_document_to_json (merged, NULL);

  return wm_test_load_text (json);
}

static WmElement *
find (WmDocument *document,
      const char *id)
{
  return wm_document_lookup (document, id);
}

static const char *
string_field (WmDocument *document,
              const char *id,
              const char *field)
{
  WmElement *element = find (document, id);

  g_assert_nonnull (element);
  return g_value_get_string (wm_element_peek_value (element, wm_element_find_field (element, field)));
}

static char *
ids_of (GListModel *list)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (list, i);

      g_string_append_printf (ids, "%s%s", i ? " " : "", wm_element_get_id (element));
    }
  return g_string_free (ids, FALSE);
}

static WmConflict *
conflict_at (WmDocument *document,
             guint       index)
{
  WmConflict *conflict = g_list_model_get_item (wm_document_get_conflicts (document), index);

  g_object_unref (conflict);  /* the document keeps it */
  return conflict;
}

static void
test_different_elements_merge (void)
{
  g_autoptr(WmDocument) base = load_base ();
  g_autoptr(WmDocument) ours = load_base ();
  g_autoptr(WmDocument) theirs = load_base ();
  g_autoptr(WmDocument) merged = NULL;
  guint n_conflicts = 99;

  wm_document_set_string (ours, find (ours, "c1"), "title", "Ours");
  wm_document_set_string (ours, find (ours, "p2"), "role", "Buyer");
  wm_document_set_string (theirs, find (theirs, "c2"), "text", "Theirs");
  wm_document_set_string (theirs, find (theirs, "s2"), "name", "Second");
  wm_document_set_string (theirs, find (theirs, "p1"), "role", "Nurse");
  wm_document_set_int (theirs, find (theirs, "e1"), "score", 1);
  /* Different fields of one card, too. */
  wm_document_set_string (theirs, find (theirs, "c1"), "owner", "Sam");

  merged = merge_and_reload (base, ours, theirs, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_conflicts (merged)), ==, 0);
  g_assert_cmpstr (string_field (merged, "c1", "title"), ==, "Ours");
  g_assert_cmpstr (string_field (merged, "c1", "owner"), ==, "Sam");
  g_assert_cmpstr (string_field (merged, "p2", "role"), ==, "Buyer");
  g_assert_cmpstr (string_field (merged, "c2", "text"), ==, "Theirs");
  g_assert_cmpstr (string_field (merged, "s2", "name"), ==, "Second");
  g_assert_cmpstr (string_field (merged, "p1", "role"), ==, "Nurse");
  g_assert_cmpint (wm_emotion_point_get_score (WM_EMOTION_POINT (find (merged, "e1"))), ==, 1);
}

static void
test_same_field_conflicts (void)
{
  g_autoptr(WmDocument) base = load_base ();
  g_autoptr(WmDocument) ours = load_base ();
  g_autoptr(WmDocument) theirs = load_base ();
  g_autoptr(WmDocument) merged = NULL;
  g_autoptr(WmDocument) reread = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  WmConflict *conflict;
  guint n_conflicts = 0;

  wm_document_set_string (ours, find (ours, "c1"), "title", "Ours");
  wm_document_set_string (theirs, find (theirs, "c1"), "title", "Theirs");
  /* The same change on both sides is no conflict. */
  wm_document_set_string (ours, find (ours, "s1"), "name", "Both");
  wm_document_set_string (theirs, find (theirs, "s1"), "name", "Both");

  merged = merge_and_reload (base, ours, theirs, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 1);
  g_assert_cmpstr (string_field (merged, "c1", "title"), ==, "Ours");
  g_assert_cmpstr (string_field (merged, "s1", "name"), ==, "Both");
  conflict = conflict_at (merged, 0);
  g_assert_cmpstr (wm_conflict_get_path (conflict), ==, "cards[c1].title");
  g_assert_cmpstr (wm_conflict_get_base (conflict), ==, "\"A\"");
  g_assert_cmpstr (wm_conflict_get_ours (conflict), ==, "\"Ours\"");
  g_assert_cmpstr (wm_conflict_get_theirs (conflict), ==, "\"Theirs\"");

  /* Recorded conflicts survive saving and loading. */
  json = wm_document_to_json (merged, NULL);
  g_assert_nonnull (strstr (json, "\"conflicts\""));
  reread = wm_test_load_text (json);
  again = wm_document_to_json (reread, NULL);
  g_assert_cmpstr (again, ==, json);
}

static void
test_delete_and_change_conflict (void)
{
  g_autoptr(WmDocument) base = load_base ();
  g_autoptr(WmDocument) ours = load_base ();
  g_autoptr(WmDocument) theirs = load_base ();
  g_autoptr(WmDocument) merged = NULL;
  g_autoptr(WmDocument) swapped = NULL;
  WmConflict *conflict;
  guint n_conflicts = 0;

  wm_document_remove (ours, find (ours, "c2"));
  wm_document_set_string (theirs, find (theirs, "c2"), "title", "Changed");
  /* Deleted on one side and untouched on the other: gone, quietly. */
  wm_document_remove (theirs, find (theirs, "c3"));

  merged = merge_and_reload (base, ours, theirs, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 1);
  g_assert_null (find (merged, "c2"));
  g_assert_null (find (merged, "c3"));
  conflict = conflict_at (merged, 0);
  g_assert_cmpstr (wm_conflict_get_path (conflict), ==, "cards[c2]");
  g_assert_null (wm_conflict_get_ours (conflict));
  g_assert_nonnull (strstr (wm_conflict_get_base (conflict), "\"B\""));
  g_assert_nonnull (strstr (wm_conflict_get_theirs (conflict), "\"Changed\""));

  /* The other way round, ours is the changed one and stays. */
  swapped = merge_and_reload (base, theirs, ours, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 1);
  g_assert_cmpstr (string_field (swapped, "c2", "title"), ==, "Changed");
  g_assert_null (wm_conflict_get_theirs (conflict_at (swapped, 0)));
}

static void
test_order_merges_by_moving (void)
{
  g_autoptr(WmDocument) base = load_base ();
  g_autoptr(WmDocument) ours = load_base ();
  g_autoptr(WmDocument) theirs = load_base ();
  g_autoptr(WmDocument) merged = NULL;
  g_autoptr(WmDocument) swapped = NULL;
  g_autoptr(WmStage) added = g_object_new (WM_TYPE_STAGE, "id", "s4", "name", "Four", NULL);
  g_autoptr(WmLane) lane = g_object_new (WM_TYPE_LANE, "id", "l3", "title", "Touch", NULL);
  g_autofree char *stages = NULL;
  g_autofree char *lanes = NULL;
  guint n_conflicts = 99;

  /* Ours moves the last stage first; theirs adds one at the end and one
   * lane between the two. */
  wm_document_move (ours, find (ours, "s3"), 0);
  wm_document_insert_stage (theirs, added, 3);
  wm_document_insert_lane (theirs, lane, 1);

  merged = merge_and_reload (base, ours, theirs, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 0);
  stages = ids_of (wm_document_get_stages (merged));
  lanes = ids_of (wm_document_get_lanes (merged));
  g_assert_cmpstr (stages, ==, "s3 s1 s2 s4");
  g_assert_cmpstr (lanes, ==, "l1 l3 l2");

  swapped = merge_and_reload (base, theirs, ours, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 0);
  g_clear_pointer (&stages, g_free);
  stages = ids_of (wm_document_get_stages (swapped));
  g_assert_cmpstr (stages, ==, "s3 s1 s2 s4");
}

static void
test_added_on_both_sides (void)
{
  g_autoptr(WmDocument) base = load_base ();
  g_autoptr(WmDocument) ours = load_base ();
  g_autoptr(WmDocument) theirs = load_base ();
  g_autoptr(WmDocument) merged = NULL;
  g_autoptr(WmCard) mine = g_object_new (WM_TYPE_CARD, "id", "c9", "stage", "s1", "lane", "l1", "title", "New", NULL);
  g_autoptr(WmCard) yours = g_object_new (WM_TYPE_CARD, "id", "c9", "stage", "s1", "lane", "l1", "title", "New", NULL);
  g_autofree char *cards = NULL;
  guint n_conflicts = 99;

  wm_document_insert_card (ours, mine, 1);
  wm_document_insert_card (theirs, yours, 1);
  merged = merge_and_reload (base, ours, theirs, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 0);
  cards = ids_of (wm_document_get_cards (merged));
  g_assert_cmpstr (cards, ==, "c1 c9 c2 c3");
}

/* A card theirs put in a stage ours deleted keeps the stage: the map
 * stays valid and the deletion is recorded to be looked at. */
static void
test_references_stay_valid (void)
{
  g_autoptr(WmDocument) base = load_base ();
  g_autoptr(WmDocument) ours = load_base ();
  g_autoptr(WmDocument) theirs = load_base ();
  g_autoptr(WmDocument) merged = NULL;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  g_autoptr(WmCard) card = g_object_new (WM_TYPE_CARD, "id", "c9", "stage", "s3", "lane", "l1", "title", "Late", NULL);
  g_autoptr(WmCard) next = NULL;
  guint n_conflicts = 0;

  g_ptr_array_add (doomed, find (ours, "s3"));
  g_assert_true (wm_edits_delete (ours, doomed, NULL, &next));
  g_assert_null (find (ours, "s3"));
  wm_document_insert_card (theirs, card, 0);

  merged = merge_and_reload (base, ours, theirs, &n_conflicts);
  g_assert_cmpuint (n_conflicts, >=, 1);
  g_assert_true (WM_IS_STAGE (find (merged, "s3")));
  g_assert_true (WM_IS_CARD (find (merged, "c9")));
  g_assert_cmpstr (wm_conflict_get_path (conflict_at (merged, n_conflicts - 1)), ==, "stages[s3]");
}

/* A span that no longer fits, after the other side deleted the stages
 * it reached into, shrinks, recorded. */
static void
test_spans_fit (void)
{
  g_autoptr(WmDocument) base = load_base ();
  g_autoptr(WmDocument) ours = load_base ();
  g_autoptr(WmDocument) theirs = load_base ();
  g_autoptr(WmDocument) merged = NULL;
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  g_autoptr(WmCard) next = NULL;
  guint n_conflicts = 0;

  g_ptr_array_add (doomed, find (ours, "s3"));
  g_assert_true (wm_edits_delete (ours, doomed, NULL, &next));
  wm_document_set_int (theirs, find (theirs, "c2"), "span", 2);

  merged = merge_and_reload (base, ours, theirs, &n_conflicts);
  g_assert_null (find (merged, "s3"));
  g_assert_cmpint (wm_card_get_span (WM_CARD (find (merged, "c2"))), ==, 1);
  g_assert_cmpuint (n_conflicts, ==, 1);
  g_assert_cmpstr (wm_conflict_get_path (conflict_at (merged, 0)), ==, "cards[c2].span");
  g_assert_cmpstr (wm_conflict_get_theirs (conflict_at (merged, 0)), ==, "2");
}

/* A lane one side made a divider while the other put a card in it, a
 * lowered emotion scale under a higher new point, and more personas than
 * a map may have: each is made to fit, recorded. */
static void
test_limits_fit (void)
{
  g_autoptr(WmDocument) base = load_base ();
  g_autoptr(WmDocument) ours = load_base ();
  g_autoptr(WmDocument) theirs = load_base ();
  g_autoptr(WmDocument) merged = NULL;
  g_autoptr(WmCard) card = g_object_new (WM_TYPE_CARD, "id", "c9", "stage", "s1", "lane", "l1", "title", "New", NULL);
  g_autoptr(WmEmotionPoint) point = g_object_new (WM_TYPE_EMOTION_POINT, "id", "e9", "stage", "s3", "score", 5, NULL);
  const char *names[] = { "o1", "o2", "t1", "t2" };
  g_autofree char *personas = NULL;
  guint n_conflicts = 0;

  wm_document_insert_card (ours, card, 0);
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);

      wm_document_remove (theirs, find (theirs, id));
    }
  wm_document_set_int (theirs, find (theirs, "l1"), "kind", WM_LANE_KIND_DIVIDER);

  wm_document_insert_point (ours, wm_document_get_curve_for_persona (ours, "p1"), point, 2);
  wm_document_set_int (theirs, find (theirs, "e2"), "score", 3);
  wm_document_set_int (theirs, WM_ELEMENT (theirs), "emotion-scale", 3);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", names[i], "name", names[i], NULL);

      wm_document_insert_persona (i < 2 ? ours : theirs, persona, 2);
    }

  merged = merge_and_reload (base, ours, theirs, &n_conflicts);
  /* The persona that does not fit goes with its curve. */
  g_assert_cmpuint (n_conflicts, ==, 4);
  g_assert_true (WM_IS_CARD (find (merged, "c9")));
  g_assert_cmpint (wm_lane_get_kind (WM_LANE (find (merged, "l1"))), ==, WM_LANE_KIND_CUSTOMER_ACTIONS);
  g_assert_cmpint (wm_document_get_emotion_scale (merged), ==, 5);
  personas = ids_of (wm_document_get_personas (merged));
  g_assert_cmpstr (personas, ==, "p1 p2 o2 o1 t2");
  g_assert_cmpstr (wm_conflict_get_path (conflict_at (merged, 0)), ==, "personas[t1]");
  g_assert_cmpstr (wm_conflict_get_path (conflict_at (merged, 1)), ==, "emotions[t1]");
  g_assert_cmpstr (wm_conflict_get_path (conflict_at (merged, 2)), ==, "lanes[l1].kind");
  g_assert_cmpstr (wm_conflict_get_path (conflict_at (merged, 3)), ==, "emotion_scale");
}

/* What a newer Waymark wrote merges member by member. */
static void
test_unknown_members_merge (void)
{
  g_autofree char *ours_text = g_strdup (base_map);
  g_autofree char *theirs_text = NULL;
  g_autoptr(WmDocument) base = load_base ();
  g_autoptr(WmDocument) ours = NULL;
  g_autoptr(WmDocument) theirs = NULL;
  g_autoptr(WmDocument) merged = NULL;
  g_autofree char *json = NULL;
  guint n_conflicts = 99;
  char *at;

  at = strstr (ours_text, "\"x_later\": {\"a\": 1}");
  memcpy (at, "\"x_later\": {\"a\": 2}", strlen ("\"x_later\": {\"a\": 2}"));
  theirs_text = g_strdup_printf ("%.*s, \"x_newer\": 1.50}\n", (int) (strrchr (base_map, '}') - base_map), base_map);
  ours = wm_test_load_text (ours_text);
  theirs = wm_test_load_text (theirs_text);

  merged = merge_and_reload (base, ours, theirs, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 0);
  json = wm_document_to_json (merged, NULL);
  g_assert_nonnull (strstr (json, "\"a\": 2"));
  /* Numbers as the file wrote them. */
  g_assert_nonnull (strstr (json, "\"x_newer\": 1.50"));
}

/* Each save writes its own time: the later one is kept, no conflict. */
static void
test_modified_is_the_later (void)
{
  g_autoptr(WmDocument) base = load_base ();
  g_autoptr(WmDocument) ours = load_base ();
  g_autoptr(WmDocument) theirs = load_base ();
  g_autoptr(WmDocument) merged = NULL;
  guint n_conflicts = 99;

  wm_document_set_timestamps (ours, wm_document_get_created (ours), 1900000000);
  wm_document_set_timestamps (theirs, wm_document_get_created (theirs), 1900000500);
  merged = merge_and_reload (base, ours, theirs, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 0);
  g_assert_cmpint (wm_document_get_modified (merged), ==, 1900000500);
}

/* `waymark check` lists each open conflict, one line each. */
static void
test_check_lists_conflicts (void)
{
  g_autoptr(WmDocument) base = load_base ();
  g_autoptr(WmDocument) ours = load_base ();
  g_autoptr(WmDocument) theirs = load_base ();
  g_autoptr(WmDocument) merged = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-merge-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "merged.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *json = NULL;
  g_auto(GStrv) problems = NULL;
  guint n_conflicts = 0;

  wm_document_set_string (ours, find (ours, "c1"), "title", "Ours");
  wm_document_set_string (theirs, find (theirs, "c1"), "title", "Theirs");
  wm_document_set_string (ours, find (ours, "p1"), "name", "Ours");
  wm_document_set_string (theirs, find (theirs, "p1"), "name", "Theirs");
  merged = merge_and_reload (base, ours, theirs, &n_conflicts);
  g_assert_cmpuint (n_conflicts, ==, 2);
  json = wm_document_to_json (merged, NULL);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));

  problems = wm_document_list_problems (file, NULL);
  g_assert_cmpuint (g_strv_length (problems), ==, 2);
  g_assert_nonnull (strstr (problems[0], "personas[p1].name"));
  g_assert_nonnull (strstr (problems[1], "cards[c1].title"));
  g_remove (path);
  g_rmdir (dir);
}

static char *
element_text (WmDocument *document,
              const char *id)
{
  WmElement *element = find (document, id);

  return element != NULL ? wm_document_element_to_json (document, element) : NULL;
}

/* Every field @side changed from @base has @side's value in @merged,
 * every element it added is there and every one it deleted is not. */
static void
assert_holds_changes (WmDocument *base,
                      WmDocument *side,
                      WmDocument *merged)
{
  GListModel *lists[] = { wm_document_get_personas (side), wm_document_get_stages (side),
                          wm_document_get_lanes (side), wm_document_get_cards (side) };
  GListModel *base_lists[] = { wm_document_get_personas (base), wm_document_get_stages (base),
                               wm_document_get_lanes (base), wm_document_get_cards (base) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
        {
          g_autoptr(WmElement) element = g_list_model_get_item (lists[l], i);
          const char *id = wm_element_get_id (element);
          WmElement *before = find (base, id);
          WmElement *after = find (merged, id);
          const WmElementInfo *info = wm_element_info_lookup (G_OBJECT_TYPE (element));
          g_autofree char *original = element_text (base, id);
          g_autofree char *edited = element_text (side, id);

          /* The other side may delete what this one left alone. */
          if (g_strcmp0 (original, edited) == 0)
            continue;
          g_assert_nonnull (after);
          if (before == NULL)
            {
              g_autofree char *added = element_text (side, id);
              g_autofree char *kept = element_text (merged, id);

              g_assert_cmpstr (kept, ==, added);
              continue;
            }
          for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
            {
              g_autofree char *was = wm_document_field_to_json (before, field);
              g_autofree char *now = wm_document_field_to_json (element, field);
              g_autofree char *got = wm_document_field_to_json (after, field);

              if (g_strcmp0 (was, now) != 0)
                g_assert_cmpstr (got, ==, now);
            }
        }
      for (guint i = 0; i < g_list_model_get_n_items (base_lists[l]); i++)
        {
          g_autoptr(WmElement) element = g_list_model_get_item (base_lists[l], i);

          if (find (side, wm_element_get_id (element)) == NULL)
            g_assert_null (find (merged, wm_element_get_id (element)));
        }
    }
}

static char *
merged_text (WmDocument *base,
             WmDocument *ours,
             WmDocument *theirs,
             guint      *n_conflicts)
{
  g_autoptr(WmDocument) merged = merge_and_reload (base, ours, theirs, n_conflicts);

  return wm_document_to_json (merged, NULL);
}

static WmDocument *
copy_of (WmDocument *document)
{
  g_autofree char *json = wm_document_to_json (document, NULL);

  return wm_test_load_text (json);
}

/* The random edits can leave a span longer than the stages after its
 * card, which no file may hold; such a side is not merged. */
static WmDocument *
saved_copy_of (WmDocument *document)
{
  g_autofree char *json = wm_document_to_json (document, NULL);

  return wm_document_load_from_data (json, strlen (json), NULL);
}

/* The random edits give personas photos that are no pictures, which a
 * file may not hold: each becomes a real one of its own size, so that
 * different photos stay different. */
static void
random_edit (WmDocument *document,
             GRand      *rng,
             WmDocument *clipboard,
             guint       serial)
{
  GListModel *personas = wm_document_get_personas (document);

  wm_test_random_edit (document, rng, clipboard, serial);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(WmPersona) persona = g_list_model_get_item (personas, i);
      GBytes *photo = wm_persona_get_photo (persona);
      g_autoptr(GBytes) picture = NULL;

      if (photo == NULL || (g_bytes_get_size (photo) > 4 && memcmp (g_bytes_get_data (photo, NULL), "\x89PNG", 4) == 0))
        continue;
      picture = wm_test_png (1 + g_bytes_get_size (photo), 1);
      wm_edits_set_persona_photo (document, persona, picture, "image/png");
    }
}

static void
test_random_concurrent_edits (void)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (20261202);
  g_autoptr(WmDocument) clipboard = load_base ();
  guint n_clean = 0;

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(WmDocument) start = wm_test_generate_map (4, 3, 1, 2);
      g_autoptr(WmDocument) base = NULL;
      g_autoptr(WmDocument) ours = NULL;
      g_autoptr(WmDocument) theirs = NULL;
      g_autofree char *ours_text = NULL, *theirs_text = NULL;
      g_autofree char *same = NULL, *only_ours = NULL, *only_theirs = NULL;
      g_autofree char *merged = NULL, *swapped = NULL;
      g_autoptr(WmDocument) merged_document = NULL;
      guint n_conflicts, n_swapped;
      guint n_edits = g_rand_int_range (rng, 1, 12);

      for (guint i = 0; i < 5; i++)
        random_edit (start, rng, clipboard, 1000000 + round * 100 + i);
      base = saved_copy_of (start);
      if (base == NULL)
        continue;
      ours = copy_of (base);
      theirs = copy_of (base);
      for (guint i = 0; i < n_edits; i++)
        {
          random_edit (ours, rng, clipboard, 2000000 + round * 100 + i);
          random_edit (theirs, rng, clipboard, 3000000 + round * 100 + i);
        }
      /* As saved: what the merge reads. */
      g_object_unref (g_steal_pointer (&start));
      start = g_steal_pointer (&ours);
      ours = saved_copy_of (start);
      g_clear_object (&start);
      start = g_steal_pointer (&theirs);
      theirs = saved_copy_of (start);
      if (ours == NULL || theirs == NULL)
        continue;
      ours_text = wm_document_to_json (ours, NULL);
      theirs_text = wm_document_to_json (theirs, NULL);

      same = merged_text (base, ours, ours, &n_conflicts);
      g_assert_cmpstr (same, ==, ours_text);
      g_assert_cmpuint (n_conflicts, ==, 0);
      only_ours = merged_text (base, ours, base, &n_conflicts);
      g_assert_cmpstr (only_ours, ==, ours_text);
      only_theirs = merged_text (base, base, theirs, &n_conflicts);
      g_assert_cmpstr (only_theirs, ==, theirs_text);

      merged = merged_text (base, ours, theirs, &n_conflicts);
      swapped = merged_text (base, theirs, ours, &n_swapped);
      /* Each side keeps its own version of a conflict, which may need
       * more kept (the persona of our changed curve): only whether
       * there are conflicts is the same. */
      g_assert_cmpint (n_conflicts == 0, ==, n_swapped == 0);
      if (n_conflicts > 0)
        continue;
      n_clean++;
      g_assert_cmpstr (merged, ==, swapped);
      merged_document = wm_test_load_text (merged);
      assert_holds_changes (base, ours, merged_document);
      assert_holds_changes (base, theirs, merged_document);
    }
  g_test_message ("%u of 300 merges were clean", n_clean);
  /* Enough clean merges for the checks above to mean something. */
  g_assert_cmpuint (n_clean, >=, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/different-elements", test_different_elements_merge);
  g_test_add_func ("/merge/same-field-conflicts", test_same_field_conflicts);
  g_test_add_func ("/merge/delete-and-change", test_delete_and_change_conflict);
  g_test_add_func ("/merge/order", test_order_merges_by_moving);
  g_test_add_func ("/merge/added-on-both-sides", test_added_on_both_sides);
  g_test_add_func ("/merge/references", test_references_stay_valid);
  g_test_add_func ("/merge/spans", test_spans_fit);
  g_test_add_func ("/merge/limits", test_limits_fit);
  g_test_add_func ("/merge/unknown-members", test_unknown_members_merge);
  g_test_add_func ("/merge/modified", test_modified_is_the_later);
  g_test_add_func ("/merge/check", test_check_lists_conflicts);
  g_test_add_func ("/merge/random", test_random_concurrent_edits);

  return g_test_run ();
}
