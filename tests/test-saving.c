/* test-saving.c: what a save writes beyond the map's fields: the time of
 * the save in `modified` (and only for a save, not for a copy), emotion
 * points along their curve, and positions at the precision the format
 * documents.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-export.h"
#include "wm-fields.h"
#include "wm-recovery.h"
#include "wm-test-map.h"

/* 2026-02-03T04:05:06Z */
#define OLD_MODIFIED 1770091506

static const char base_map[] =
  "{\"format\": \"waymark\", \"version\": 1, \"id\": \"map\", \"title\": \"Bikes\", \"kind\": \"custom\","
  " \"created\": \"2026-01-02T03:04:05Z\", \"modified\": \"2026-02-03T04:05:06Z\","
  " \"personas\": [{\"id\": \"p\", \"name\": \"Ana\"}],"
  " \"stages\": [{\"id\": \"s1\", \"name\": \"Search\"}, {\"id\": \"s2\", \"name\": \"Buy\"}],"
  " \"lanes\": [{\"id\": \"feel\", \"title\": \"Feelings\", \"kind\": \"emotions\"}],"
  " \"emotions\": [{\"persona\": \"p\", \"points\": []}]}";

static WmEmotionCurve *
curve_of (WmDocument *document)
{
  return wm_document_get_curve_for_persona (document, "p");
}

static WmEmotionPoint *
add_point (WmDocument *document,
           const char *id,
           const char *stage,
           double      position)
{
  g_autoptr(WmEmotionPoint) point = g_object_new (WM_TYPE_EMOTION_POINT, "id", id, "stage", stage,
                                                  "position", position, "score", 3, NULL);
  guint n = g_list_model_get_n_items (wm_emotion_curve_get_points (curve_of (document)));

  g_assert_true (wm_document_insert_point (document, curve_of (document), point, n));
  return point;
}

/* A file named @name in a new scratch folder; remove_scratch() takes both
 * away. */
static GFile *
scratch_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-saving-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
remove_scratch (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_assert_true (g_file_delete (dir, NULL, NULL));
}

/* The value of a top-level member of a saved map, as text. */
static char *
saved_member (const char *json,
              const char *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), member));
}

static char *
file_text (GFile *file)
{
  char *text = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  return text;
}

static char *
utc_text (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* A save is the map's last change: `modified` becomes the time of the
 * save in UTC, with no undo step and nothing left unsaved. */
static void
test_save_sets_modified (void)
{
  g_autoptr(WmDocument) document = wm_test_load_text (base_map);
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(GFile) file = scratch_file ("map.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) reloaded = NULL;
  g_autofree char *text = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  gint64 before, after;

  g_assert_cmpint (wm_document_get_modified (document), ==, OLD_MODIFIED);
  g_assert_true (wm_document_set_string (document, WM_ELEMENT (document), "title", "Bikes, again"));
  g_assert_true (wm_history_get_dirty (history));

  before = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_true (wm_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  after = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_cmpint (wm_document_get_modified (document), >=, before);
  g_assert_cmpint (wm_document_get_modified (document), <=, after);
  g_assert_cmpint (wm_document_get_created (document), ==, 1767323045);
  g_assert_false (wm_history_get_dirty (history));
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, 1);
  g_assert_false (wm_history_get_can_redo (history));

  /* The file says it in UTC, and reads back as the same moment. */
  text = file_text (file);
  written = saved_member (text, "modified");
  expected = utc_text (wm_document_get_modified (document));
  g_assert_cmpstr (written, ==, expected);
  g_assert_true (g_str_has_suffix (written, "Z"));
  reloaded = wm_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wm_document_get_modified (reloaded), ==, wm_document_get_modified (document));

  /* Serialising stays a pure function of the map. */
  json = wm_document_to_json (document, NULL);
  json_again = wm_document_to_json (document, NULL);
  g_assert_cmpstr (json, ==, json_again);
  g_assert_cmpstr (json, ==, text);

  /* Undo after a save goes back to before the edit, not before the save. */
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_document_get_title (document), ==, "Bikes");
  g_assert_true (wm_history_get_dirty (history));
  g_assert_cmpint (wm_document_get_modified (document), >=, before);

  remove_scratch (file);
}

/* Saving a map with no changes still stamps it, and leaves no undo step. */
static void
test_save_of_unchanged_map (void)
{
  g_autoptr(WmDocument) document = wm_test_load_text (base_map);
  WmHistory *history = wm_document_get_history (document);
  g_autoptr(GFile) file = scratch_file ("map.waymark");
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wm_document_get_modified (document), >, OLD_MODIFIED);
  g_assert_false (wm_history_get_dirty (history));
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, 0);

  remove_scratch (file);
}

/* A save that fails did not happen: the map keeps its time. */
static void
test_failed_save_keeps_modified (void)
{
  g_autoptr(WmDocument) document = wm_test_load_text (base_map);
  g_autoptr(GFile) missing = scratch_file ("missing");
  g_autoptr(GFile) file = g_file_get_child (missing, "map.waymark");
  g_autoptr(GError) error = NULL;

  g_assert_true (wm_document_set_string (document, WM_ELEMENT (document), "title", "Lost"));
  g_assert_false (wm_document_save (document, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (wm_document_get_modified (document), ==, OLD_MODIFIED);
  g_assert_true (wm_history_get_dirty (wm_document_get_history (document)));
  remove_scratch (missing);
}

/* Copies are not saves: a recovery copy and an export as .waymark keep
 * the map's own time, and so does the map. */
static void
test_copies_keep_modified (void)
{
  g_autoptr(WmDocument) document = wm_test_load_text (base_map);
  g_autoptr(GFile) file = scratch_file ("copy.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) recovered = NULL;
  g_autoptr(WmDocument) exported = NULL;
  g_autofree char *id = wm_recovery_new_id ();
  g_autofree char *copy_name = g_strconcat (id, ".waymark", NULL);
  g_autoptr(GFile) directory = wm_recovery_get_directory ();
  g_autoptr(GFile) copy = g_file_get_child (directory, copy_name);
  g_autofree char *json = NULL;
  gsize length;
  WmExportOptions options;

  g_assert_true (wm_document_set_string (document, WM_ELEMENT (document), "title", "Copied"));
  json = wm_document_to_json (document, &length);
  g_assert_true (wm_recovery_write (id, json, length, "Copied", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wm_document_get_modified (document), ==, OLD_MODIFIED);
  recovered = wm_document_load (copy, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_document_get_title (recovered), ==, "Copied");
  g_assert_cmpint (wm_document_get_modified (recovered), ==, OLD_MODIFIED);
  wm_recovery_remove (id);

  wm_export_options_init (&options);
  options.format = WM_EXPORT_FORMAT_WAYMARK;
  g_assert_true (wm_export (document, file, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (wm_document_get_modified (document), ==, OLD_MODIFIED);
  exported = wm_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wm_document_get_modified (exported), ==, OLD_MODIFIED);
  g_assert_true (wm_history_get_dirty (wm_document_get_history (document)));

  remove_scratch (file);
}

/* The ids of the curve's points, in the order a save writes them. */
static char *
saved_point_order (WmDocument *document)
{
  g_autofree char *json = wm_document_to_json (document, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) ids = g_string_new (NULL);
  JsonArray *emotions;
  JsonArray *points;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  emotions = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "emotions");
  points = json_object_get_array_member (json_array_get_object_element (emotions, 0), "points");
  for (guint i = 0; i < json_array_get_length (points); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? "," : "",
                            json_object_get_string_member (json_array_get_object_element (points, i), "id"));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* Points added in any order are written along the curve: by stage, then
 * by position; points at the same place keep the order they were added. */
static void
test_points_written_in_curve_order (void)
{
  g_autoptr(WmDocument) document = wm_test_load_text (base_map);
  g_autoptr(WmDocument) reloaded = NULL;
  g_autofree char *order = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autoptr(GError) error = NULL;

  add_point (document, "late", "s2", 0.8);
  add_point (document, "middle", "s1", 0.9);
  add_point (document, "first", "s1", 0.1);
  add_point (document, "tie-a", "s2", 0.2);
  add_point (document, "tie-b", "s2", 0.2);
  order = saved_point_order (document);
  g_assert_cmpstr (order, ==, "first,middle,tie-a,tie-b,late");

  /* Stage order, not stage id, comes first. */
  g_assert_true (wm_document_move (document, wm_document_lookup (document, "s2"), 0));
  moved = saved_point_order (document);
  g_assert_cmpstr (moved, ==, "tie-a,tie-b,late,first,middle");

  /* Dragging a point past another reorders the file. */
  g_assert_true (wm_document_set_double (document, wm_document_lookup (document, "tie-a"), "position", 0.95));
  g_free (moved);
  moved = saved_point_order (document);
  g_assert_cmpstr (moved, ==, "tie-b,late,tie-a,first,middle");

  json = wm_document_to_json (document, NULL);
  reloaded = wm_test_load_text (json);
  json_again = wm_document_to_json (reloaded, NULL);
  g_assert_cmpstr (json, ==, json_again);
  g_assert_no_error (error);
}

/* A position is kept to four decimals when it is stored, whichever way it
 * comes in: an edit, a new point, a file. */
static void
test_positions_are_rounded (void)
{
  g_autoptr(WmDocument) document = wm_test_load_text (base_map);
  WmHistory *history = wm_document_get_history (document);
  WmEmotionPoint *point = add_point (document, "e", "s1", 0.123456789);
  g_autofree char *json = NULL;
  g_autoptr(GString) from_file = g_string_new (base_map);
  g_autoptr(WmDocument) loaded = NULL;
  g_autofree char *saved = NULL;
  guint steps;

  g_assert_cmpint (WM_FRACTION_DIGITS, ==, 4);
  g_assert_true (wm_emotion_point_get_position (point) == 0.1235);

  g_assert_true (wm_document_set_double (document, WM_ELEMENT (point), "position", 0.8004587155963303));
  g_assert_true (wm_emotion_point_get_position (point) == 0.8005);
  json = wm_document_to_json (document, NULL);
  g_assert_nonnull (strstr (json, "\"position\": 0.8005,\n"));

  /* A change smaller than what is kept is no change and no undo step. */
  steps = wm_history_get_n_undo_steps (history);
  g_assert_true (wm_document_set_double (document, WM_ELEMENT (point), "position", 0.80046));
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps);
  g_assert_true (wm_emotion_point_get_position (point) == 0.8005);

  /* A file written elsewhere at full precision loads rounded, and saves
   * as what is shown. */
  g_string_replace (from_file, "\"points\": []",
                    "\"points\": [{\"id\": \"x\", \"stage\": \"s2\", \"position\": 0.8004587155963303, \"score\": 2}]", 1);
  loaded = wm_test_load_text (from_file->str);
  g_assert_true (wm_emotion_point_get_position (WM_EMOTION_POINT (wm_document_lookup (loaded, "x"))) == 0.8005);
  saved = wm_document_to_json (loaded, NULL);
  g_assert_nonnull (strstr (saved, "\"position\": 0.8005,\n"));
  g_assert_null (strstr (saved, "0.80045"));
}

static guint
count_matches (const char *text,
               const char *pattern)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    n++;
  return n;
}

/* Whatever the position, load → save gives back the same bytes and the
 * same number: rounding is done once, when the value is stored. */
static void
test_positions_round_trip_exactly (void)
{
  g_autoptr(WmDocument) document = wm_test_load_text (base_map);
  g_autoptr(WmDocument) reloaded = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  GRand *rand = g_rand_new_with_seed (13);
  GListModel *points;
  GListModel *reloaded_points;

  /* Every multiple of 1/10000 once, then random doubles. */
  for (guint i = 0; i <= 10000; i++)
    {
      g_autofree char *id = g_strdup_printf ("k%u", i);

      add_point (document, id, "s1", i / 10000.0);
    }
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);

      add_point (document, id, "s2", g_rand_double (rand));
    }
  g_rand_free (rand);

  json = wm_document_to_json (document, NULL);
  reloaded = wm_test_load_text (json);
  json_again = wm_document_to_json (reloaded, NULL);
  g_assert_cmpstr (json, ==, json_again);

  points = wm_emotion_curve_get_points (curve_of (document));
  reloaded_points = wm_emotion_curve_get_points (curve_of (reloaded));
  g_assert_cmpuint (g_list_model_get_n_items (points), ==, g_list_model_get_n_items (reloaded_points));
  for (guint i = 0; i < g_list_model_get_n_items (reloaded_points); i++)
    {
      g_autoptr(WmEmotionPoint) loaded = g_list_model_get_item (reloaded_points, i);
      WmEmotionPoint *original = WM_EMOTION_POINT (wm_document_lookup (document,
                                                                       wm_element_get_id (WM_ELEMENT (loaded))));
      double position = wm_emotion_point_get_position (loaded);

      g_assert_true (position == wm_emotion_point_get_position (original));
      g_assert_true (wm_round_fraction (position) == position);
    }

  /* Each is written with at most four decimals. */
  g_assert_cmpuint (count_matches (json, "\"position\": "), ==, 12001);
  g_assert_cmpuint (count_matches (json, "\"position\": (0|1)\\.[0-9]{1,4},\n"), ==, 12001);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/saving/save-sets-modified", test_save_sets_modified);
  g_test_add_func ("/saving/save-of-unchanged-map", test_save_of_unchanged_map);
  g_test_add_func ("/saving/failed-save-keeps-modified", test_failed_save_keeps_modified);
  g_test_add_func ("/saving/copies-keep-modified", test_copies_keep_modified);
  g_test_add_func ("/saving/points-written-in-curve-order", test_points_written_in_curve_order);
  g_test_add_func ("/saving/positions-are-rounded", test_positions_are_rounded);
  g_test_add_func ("/saving/positions-round-trip-exactly", test_positions_round_trip_exactly);

  return g_test_run ();
}
