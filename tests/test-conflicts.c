/* test-conflicts.c: a map with open conflicts in the window: the bar,
 * the resolution dialog and its undoable choices; and merging a file
 * that another program changed under unsaved edits.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-edits.h"

#include <adwaita.h>

#include "wm-application.h"
#include "wm-canvas.h"
#include "wm-card.h"
#include "wm-conflict-apply.h"
#include "wm-conflict-dialog.h"
#include "wm-conflict-place.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-test-map.h"
#include "wm-test-utils.h"
#include "wm-window.h"

static WmApplication *app;
static char *state_dir;

/* A map as a merge leaves it: our values in place, three conflicts. */
static const char conflicted_map[] =
  "{\"format\": \"waymark\", \"version\": 1, \"id\": \"m1\", \"title\": \"Trip\", \"kind\": \"custom\","
  " \"stages\": [{\"id\": \"s1\", \"name\": \"Plan\"}, {\"id\": \"s2\", \"name\": \"Go\"}],"
  " \"lanes\": [{\"id\": \"l1\", \"title\": \"Actions\", \"kind\": \"customer-actions\"}],"
  " \"cards\": [{\"id\": \"c1\", \"stage\": \"s1\", \"lane\": \"l1\", \"title\": \"Slow setup\", \"tags\": [\"a\"]},"
  "             {\"id\": \"c2\", \"stage\": \"s2\", \"lane\": \"l1\", \"title\": \"Pay\"}],"
  " \"conflicts\": ["
  "  {\"path\": \"cards[c1].title\", \"base\": \"\\\"Setup\\\"\", \"ours\": \"\\\"Slow setup\\\"\","
  "   \"theirs\": \"\\\"Quick setup\\\"\"},"
  "  {\"path\": \"cards[c1].tags\", \"base\": null, \"ours\": \"[\\\"a\\\"]\", \"theirs\": \"[\\\"b\\\", \\\"c\\\"]\"},"
  "  {\"path\": \"cards[c3]\", \"base\": \"{\\\"id\\\": \\\"c3\\\", \\\"stage\\\": \\\"s1\\\", \\\"lane\\\": \\\"l1\\\","
  " \\\"title\\\": \\\"Call\\\"}\", \"ours\": null, \"theirs\": \"{\\\"id\\\": \\\"c3\\\", \\\"stage\\\": \\\"s1\\\","
  " \\\"lane\\\": \\\"l1\\\", \\\"title\\\": \\\"Call back\\\"}\"}"
  " ]}";

typedef struct
{
  char     *dir;
  WmWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("waymark-conflicts-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->window = wm_window_new (app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wm_test_wait_for_frames (1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  wm_test_wait_for_frames (1);
  g_assert_null (fixture->window);
  wm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static WmDocument *
show_conflicted_map (Fixture *fixture)
{
  g_autoptr(WmDocument) document = wm_test_load_text (conflicted_map);

  wm_window_show_document (fixture->window, document, NULL);
  wm_test_wait_for_frames (2);
  return wm_window_get_document (fixture->window);
}

static gboolean
is_revealer (GtkWidget *widget,
             gpointer   data)
{
  return GTK_IS_REVEALER (widget) && gtk_widget_get_parent (widget) != NULL &&
         GTK_IS_BOX (gtk_revealer_get_child (GTK_REVEALER (widget)));
}

/* The bar's text, or NULL while it is hidden. */
static const char *
bar_text (WmWindow *window)
{
  GtkWidget *revealer = wm_test_find_widget (GTK_WIDGET (window), is_revealer, NULL);
  GtkWidget *label;

  g_assert_nonnull (revealer);
  if (!gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    return NULL;
  label = wm_test_find_descendant (revealer, GTK_TYPE_LABEL);
  return gtk_label_get_label (GTK_LABEL (label));
}

static WmConflictDialog *
open_dialog (WmWindow *window)
{
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (window), "resolve-conflicts", NULL);
  wm_test_wait_for_frames (2);
  dialog = wm_test_find_toplevel_of_type (WM_TYPE_CONFLICT_DIALOG);
  g_assert_nonnull (dialog);
  return WM_CONFLICT_DIALOG (dialog);
}

static gboolean
has_label (GtkWidget *widget,
           gpointer   label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Clicks @label in the dialog's row @index, as a person would. */
static void
choose (WmConflictDialog *dialog,
        int               index,
        const char       *label)
{
  GtkWidget *list = wm_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);
  GtkWidget *button;

  g_assert_nonnull (row);
  button = wm_test_find_widget (GTK_WIDGET (row), has_label, (gpointer) label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wm_test_wait_for_frames (1);
}

static guint
n_conflicts (WmDocument *document)
{
  return g_list_model_get_n_items (wm_document_get_conflicts (document));
}

static const char *
conflict_path (WmDocument *document,
               guint       i)
{
  g_autoptr(WmConflict) conflict = g_list_model_get_item (wm_document_get_conflicts (document), i);

  return wm_conflict_get_path (conflict);
}

static WmCard *
card (WmDocument *document,
      const char *id)
{
  WmElement *element = wm_document_lookup (document, id);

  return element != NULL ? WM_CARD (element) : NULL;
}

/* A map with conflicts opens with a bar counting them. */
static void
test_bar_counts (Fixture       *fixture,
                 gconstpointer  data)
{
  show_conflicted_map (fixture);
  g_assert_cmpstr (bar_text (fixture->window), ==, "3 changes conflict");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (fixture->window), "resolve-conflicts"));
}

/* Conflicts are named as a person would, values shown as text. */
static void
test_describe (Fixture       *fixture,
               gconstpointer  data)
{
  WmDocument *document = show_conflicted_map (fixture);
  g_autoptr(WmConflict) title = g_list_model_get_item (wm_document_get_conflicts (document), 0);
  g_autoptr(WmConflict) tags = g_list_model_get_item (wm_document_get_conflicts (document), 1);
  g_autoptr(WmConflict) deleted = g_list_model_get_item (wm_document_get_conflicts (document), 2);
  g_autofree char *title_place = wm_conflict_describe (title, document);
  g_autofree char *tags_place = wm_conflict_describe (tags, document);
  g_autofree char *deleted_place = wm_conflict_describe (deleted, document);
  g_autofree char *theirs_title = wm_conflict_value_to_text (wm_conflict_get_theirs (title));
  g_autofree char *theirs_tags = wm_conflict_value_to_text (wm_conflict_get_theirs (tags));
  g_autofree char *ours_deleted = wm_conflict_value_to_text (wm_conflict_get_ours (deleted));

  g_assert_cmpstr (title_place, ==, "Card “Slow setup”: Title");
  g_assert_cmpstr (tags_place, ==, "Card “Slow setup”: Tags");
  /* Deleted on our side: named from their version. */
  g_assert_cmpstr (deleted_place, ==, "Card “Call back”");
  g_assert_cmpstr (theirs_title, ==, "Quick setup");
  g_assert_cmpstr (theirs_tags, ==, "b\nc");
  g_assert_null (ours_deleted);
}

/* Keep Theirs writes their value; one undo brings back both our value
 * and the conflict. */
static void
test_keep_theirs_undoes (Fixture       *fixture,
                         gconstpointer  data)
{
  WmDocument *document = show_conflicted_map (fixture);
  WmHistory *history = wm_document_get_history (document);
  WmConflictDialog *dialog = open_dialog (fixture->window);
  const char * const *tags;

  choose (dialog, 0, "Keep _Theirs");
  g_assert_cmpstr (wm_card_get_title (card (document, "c1")), ==, "Quick setup");
  g_assert_cmpuint (n_conflicts (document), ==, 2);
  g_assert_cmpstr (conflict_path (document, 0), ==, "cards[c1].tags");
  g_assert_cmpstr (bar_text (fixture->window), ==, "2 changes conflict");

  g_assert_true (wm_history_undo (history));
  wm_test_wait_for_frames (1);
  g_assert_cmpstr (wm_card_get_title (card (document, "c1")), ==, "Slow setup");
  g_assert_cmpuint (n_conflicts (document), ==, 3);
  g_assert_cmpstr (conflict_path (document, 0), ==, "cards[c1].title");
  g_assert_cmpstr (bar_text (fixture->window), ==, "3 changes conflict");
  g_assert_false (wm_history_get_can_undo (history));

  /* A list, and a card only they kept. */
  choose (dialog, 1, "Keep _Theirs");
  tags = wm_card_get_tags (card (document, "c1"));
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "b");
  g_assert_cmpstr (tags[1], ==, "c");
  g_assert_null (card (document, "c3"));
  choose (dialog, 1, "Keep _Theirs");
  g_assert_nonnull (card (document, "c3"));
  g_assert_cmpstr (wm_card_get_title (card (document, "c3")), ==, "Call back");
  g_assert_cmpuint (n_conflicts (document), ==, 1);

  g_assert_true (wm_history_undo (history));
  g_assert_null (card (document, "c3"));
  g_assert_cmpuint (n_conflicts (document), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Keep Ours leaves the map as it is; the bar goes with the last
 * conflict, and the dialog with it; undo brings both back. */
static void
test_bar_hides_when_resolved (Fixture       *fixture,
                              gconstpointer  data)
{
  WmDocument *document = show_conflicted_map (fixture);
  WmConflictDialog *dialog = open_dialog (fixture->window);
  g_autofree char *before = wm_document_element_to_json (document, WM_ELEMENT (card (document, "c1")));
  g_autofree char *after = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  choose (dialog, 0, "Keep _Ours");
  choose (dialog, 0, "Keep _Ours");
  g_assert_cmpstr (bar_text (fixture->window), ==, "1 change conflicts");
  choose (dialog, 0, "Keep _Ours");
  g_assert_cmpuint (n_conflicts (document), ==, 0);
  g_assert_null (bar_text (fixture->window));
  g_assert_null (card (document, "c3"));
  after = wm_document_element_to_json (document, WM_ELEMENT (card (document, "c1")));
  g_assert_cmpstr (after, ==, before);
  wm_test_wait_for_frames (2);
  g_assert_null (dialog);

  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  wm_test_wait_for_frames (1);
  g_assert_cmpstr (bar_text (fixture->window), ==, "1 change conflicts");
}

/* Edit goes to the element on the map. */
static void
test_edit_selects (Fixture       *fixture,
                   gconstpointer  data)
{
  WmDocument *document = show_conflicted_map (fixture);
  WmConflictDialog *dialog = open_dialog (fixture->window);
  GtkWidget *canvas = wm_test_find_descendant (GTK_WIDGET (fixture->window), WM_TYPE_CANVAS);

  choose (dialog, 0, "_Edit");
  g_assert_true (wm_canvas_get_selected_element (WM_CANVAS (canvas)) == WM_ELEMENT (card (document, "c1")));
  g_assert_cmpuint (n_conflicts (document), ==, 3);
}

static gboolean
reload_is_offered (gpointer data)
{
  GAction *reload = g_action_map_lookup_action (G_ACTION_MAP (data), "reload");

  return g_action_get_enabled (reload);
}

static void
write_file (GFile      *file,
            WmDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = wm_document_to_json (document, NULL);

  g_file_set_contents (g_file_peek_path (file), json, -1, &error);
  g_assert_no_error (error);
}

/* Answers the dialog that a change on disk under unsaved edits brings. */
static void
answer_reload (WmWindow   *window,
               const char *response)
{
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (window), "reload", NULL);
  wm_test_wait_for_frames (1);
  dialog = wm_test_find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "merge"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  wm_test_wait_for_frames (1);
}

/* The file changes on disk while the window has unsaved edits: merging
 * keeps both, as one undo step, and the map stays unsaved. */
static void
test_reload_merges (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "trip.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) start = wm_test_load_text (conflicted_map);
  g_autoptr(WmDocument) theirs = NULL;
  WmDocument *document;
  WmHistory *history;

  /* Start from a map without conflicts, saved. */
  while (n_conflicts (start) > 0)
    {
      g_autoptr(WmConflict) conflict = g_list_model_get_item (wm_document_get_conflicts (start), 0);

      g_assert_true (wm_document_remove_conflict (start, conflict));
    }
  write_file (file, start);
  g_assert_true (wm_window_open_file (fixture->window, file));
  document = wm_window_get_document (fixture->window);
  history = wm_document_get_history (document);
  theirs = wm_document_load (file, NULL, NULL);

  /* Ours: a card's title. Theirs: another card and a stage. */
  g_assert_true (wm_document_set_string (document, WM_ELEMENT (card (document, "c1")), "title", "Our setup"));
  g_assert_true (wm_document_set_string (theirs, WM_ELEMENT (card (theirs, "c2")), "title", "Pay online"));
  g_assert_true (wm_document_set_string (theirs, wm_document_lookup (theirs, "s2"), "name", "Travel"));
  g_usleep (20000);
  write_file (file, theirs);
  g_assert_true (wm_test_wait_until (reload_is_offered, fixture->window, 5000));

  answer_reload (fixture->window, "merge");
  g_assert_true (document == wm_window_get_document (fixture->window));
  g_assert_cmpstr (wm_card_get_title (card (document, "c1")), ==, "Our setup");
  g_assert_cmpstr (wm_card_get_title (card (document, "c2")), ==, "Pay online");
  g_assert_cmpstr (wm_stage_get_name (WM_STAGE (wm_document_lookup (document, "s2"))), ==, "Travel");
  g_assert_cmpuint (n_conflicts (document), ==, 0);
  g_assert_null (bar_text (fixture->window));
  g_assert_true (wm_window_is_modified (fixture->window));
  g_assert_false (reload_is_offered (fixture->window));

  /* One step takes the merge back, and only the merge. */
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_card_get_title (card (document, "c1")), ==, "Our setup");
  g_assert_cmpstr (wm_card_get_title (card (document, "c2")), ==, "Pay");
  g_assert_cmpstr (wm_stage_get_name (WM_STAGE (wm_document_lookup (document, "s2"))), ==, "Go");
}

/* Both sides changed one title: the merge keeps ours and the bar offers
 * theirs; a card they added arrives, and a later merge starts from their
 * file. */
static void
test_reload_merge_conflicts (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "trip.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) theirs = NULL;
  g_autoptr(WmCard) added = NULL;
  WmDocument *document;

  document = show_conflicted_map (fixture);
  g_assert_true (wm_window_save_to (fixture->window, file, NULL));
  theirs = wm_document_load (file, NULL, NULL);
  g_assert_true (wm_document_set_string (document, WM_ELEMENT (card (document, "c2")), "title", "Pay by card"));
  g_assert_true (wm_document_set_string (theirs, WM_ELEMENT (card (theirs, "c2")), "title", "Pay in cash"));
  added = WM_CARD (g_object_new (WM_TYPE_CARD, "id", "c9", "stage", "s1", "lane", "l1", "title", "Ask", NULL));
  g_assert_true (wm_document_insert_card (theirs, added, 0));
  g_usleep (20000);
  write_file (file, theirs);
  g_assert_true (wm_test_wait_until (reload_is_offered, fixture->window, 5000));

  answer_reload (fixture->window, "merge");
  g_assert_cmpstr (wm_card_get_title (card (document, "c2")), ==, "Pay by card");
  g_assert_nonnull (card (document, "c9"));
  g_assert_cmpuint (n_conflicts (document), ==, 4);
  g_assert_cmpstr (conflict_path (document, 3), ==, "cards[c2].title");
  g_assert_cmpstr (bar_text (fixture->window), ==, "4 changes conflict");

  g_assert_true (wm_history_undo (wm_document_get_history (document)));
  g_assert_null (card (document, "c9"));
  g_assert_cmpuint (n_conflicts (document), ==, 3);
}

/* Replacing a map's contents is one step that undo takes back to the
 * byte, whether lists are replaced whole or only fields change. */
static void
test_replace_contents_undoes_exactly (void)
{
  g_autoptr(WmDocument) document = wm_test_load_map ("samples/hotel-stay.waymark");
  g_autoptr(WmDocument) other = wm_test_load_map ("samples/hotel-stay.waymark");
  g_autoptr(WmDocument) fields_only = wm_test_load_map ("samples/hotel-stay.waymark");
  g_autoptr(WmStage) stage = g_object_new (WM_TYPE_STAGE, "id", "stage-dream", "name", "Dream", NULL);
  g_autoptr(WmElement) last_lane = NULL;
  g_autoptr(WmElement) persona = NULL;
  g_autoptr(WmCard) first_card = NULL;
  GListModel *lanes = wm_document_get_lanes (other);
  WmHistory *history = wm_document_get_history (document);
  g_autofree char *before = wm_document_to_json (document, NULL);
  g_autofree char *wanted = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *wanted_fields = NULL;
  g_autofree char *after_fields = NULL;

  g_assert_true (wm_document_insert_stage (other, stage, 0));
  last_lane = g_list_model_get_item (lanes, g_list_model_get_n_items (lanes) - 1);
  g_assert_true (wm_document_remove (other, last_lane));
  persona = g_list_model_get_item (wm_document_get_personas (other), 0);
  g_assert_true (wm_document_set_string (other, persona, "name", "Dan"));
  g_assert_true (wm_document_set_emotion_scale (other, 7, NULL));
  wm_element_set_unknown_json (WM_ELEMENT (other), "{\"x_team\": \"blue\"}");
  /* A saved view comes along too. */
  {
    g_autoptr(WmViewFilter) filter = wm_view_filter_new ();

    filter->lane_kinds = 1u << WM_LANE_KIND_PAIN_POINTS;
    g_assert_nonnull (wm_edits_save_view (other, "Pains", filter));
  }
  wanted = wm_document_to_json (other, NULL);

  wm_document_replace_contents (document, other, "Merge");
  after = wm_document_to_json (document, NULL);
  g_assert_cmpstr (after, ==, wanted);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, 1);

  g_assert_true (wm_history_undo (history));
  undone = wm_document_to_json (document, NULL);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (wm_history_redo (history));
  redone = wm_document_to_json (document, NULL);
  g_assert_cmpstr (redone, ==, wanted);
  g_assert_true (wm_history_undo (history));

  /* Only fields differ: the elements stay the same objects. */
  first_card = g_list_model_get_item (wm_document_get_cards (document), 0);
  g_assert_true (wm_document_set_string (fields_only, wm_document_lookup (fields_only, wm_element_get_id (WM_ELEMENT (first_card))),
                                         "title", "Renamed"));
  wanted_fields = wm_document_to_json (fields_only, NULL);
  wm_document_replace_contents (document, fields_only, "Merge");
  after_fields = wm_document_to_json (document, NULL);
  g_assert_cmpstr (after_fields, ==, wanted_fields);
  g_assert_true (wm_document_lookup (document, wm_element_get_id (WM_ELEMENT (first_card))) == WM_ELEMENT (first_card));
  g_assert_cmpstr (wm_card_get_title (first_card), ==, "Renamed");
}

/* Conflicts come from files, and files from anywhere: odd paths and
 * values are described, and their version is applied only where the
 * result is a valid map. */
static void
test_hostile_conflicts (void)
{
  static const char text[] =
    "{\"format\": \"waymark\", \"version\": 1, \"id\": \"m1\", \"title\": \"T\", \"kind\": \"custom\","
    " \"stages\": [{\"id\": \"s1\", \"name\": \"Plan\"}],"
    " \"lanes\": [{\"id\": \"l1\", \"title\": \"A\", \"kind\": \"customer-actions\"}],"
    " \"cards\": [{\"id\": \"c1\", \"stage\": \"s1\", \"lane\": \"l1\", \"title\": \"X\"}],"
    " \"conflicts\": ["
    "  {\"path\": \"cards[\", \"base\": null, \"ours\": null, \"theirs\": \"1\"},"
    "  {\"path\": \"cards[c1].metric.*\", \"base\": null, \"ours\": \"{}\", \"theirs\": \"{\\\"a\\\": 1}\"},"
    "  {\"path\": \"cards[zz]\", \"base\": null, \"ours\": null, \"theirs\": \"{\\\"title\\\": {}, \\\"id\\\": \\\"zz\\\"}\"},"
    "  {\"path\": \"emotions[p9].points[q]\", \"base\": null, \"ours\": null, \"theirs\": \"[1, 2]\"},"
    "  {\"path\": \"cards[c1].title\", \"base\": null, \"ours\": \"\\\"X\\\"\", \"theirs\": \"5\"},"
    "  {\"path\": \"version\", \"base\": null, \"ours\": \"1\", \"theirs\": \"2\"},"
    "  {\"path\": \"x.y[z]\", \"base\": null, \"ours\": \"{}\", \"theirs\": null},"
    "  {\"path\": \"cards[c1].metric.name\", \"base\": null, \"ours\": null, \"theirs\": \"\\\"Speed\\\"\"}"
    " ]}";
  /* Which can be kept: the last, and the map's unknown keys ("cards[" is
   * one, not a list). */
  static const gboolean applies[] = { TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, TRUE };
  g_autoptr(WmDocument) document = wm_test_load_text (text);
  GListModel *conflicts = wm_document_get_conflicts (document);

  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, G_N_ELEMENTS (applies));
  for (guint i = 0; i < G_N_ELEMENTS (applies); i++)
    {
      g_autoptr(WmConflict) conflict = g_list_model_get_item (conflicts, i);
      g_autofree char *place = wm_conflict_describe (conflict, document);
      g_autofree char *theirs_text = wm_conflict_value_to_text (wm_conflict_get_theirs (conflict));
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) theirs = wm_conflict_take_theirs (document, conflict, &error);

      g_assert_nonnull (place);
      g_test_message ("%u: %s: %s", i, place, error != NULL ? error->message : "applies");
      g_assert_true ((theirs != NULL) == applies[i]);
      g_assert_true ((error != NULL) == !applies[i]);
    }

  {
    g_autoptr(WmConflict) last = g_list_model_get_item (conflicts, G_N_ELEMENTS (applies) - 1);
    g_autoptr(WmDocument) theirs = wm_conflict_take_theirs (document, last, NULL);
    g_autofree char *place = wm_conflict_describe (last, document);

    g_assert_cmpstr (place, ==, "Card “X”: Metric");
    wm_document_replace_contents (document, theirs, "Keep");
    g_assert_cmpstr (wm_card_get_metric_name (WM_CARD (wm_document_lookup (document, "c1"))), ==, "Speed");
    g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, G_N_ELEMENTS (applies) - 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  state_dir = wm_test_isolate_state_dir ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = wm_test_register_application ();

  g_test_add_func ("/conflicts/replace-contents-undoes-exactly", test_replace_contents_undoes_exactly);
  g_test_add_func ("/conflicts/hostile-conflicts", test_hostile_conflicts);
  g_test_add ("/conflicts/bar-counts", Fixture, NULL, fixture_set_up, test_bar_counts, fixture_tear_down);
  g_test_add ("/conflicts/describe", Fixture, NULL, fixture_set_up, test_describe, fixture_tear_down);
  g_test_add ("/conflicts/keep-theirs-undoes", Fixture, NULL, fixture_set_up, test_keep_theirs_undoes,
              fixture_tear_down);
  g_test_add ("/conflicts/bar-hides-when-resolved", Fixture, NULL, fixture_set_up, test_bar_hides_when_resolved,
              fixture_tear_down);
  g_test_add ("/conflicts/edit-selects", Fixture, NULL, fixture_set_up, test_edit_selects, fixture_tear_down);
  g_test_add ("/conflicts/reload-merges", Fixture, NULL, fixture_set_up, test_reload_merges, fixture_tear_down);
  g_test_add ("/conflicts/reload-merge-conflicts", Fixture, NULL, fixture_set_up, test_reload_merge_conflicts,
              fixture_tear_down);

  result = g_test_run ();

  g_clear_object (&app);
  wm_test_remove_tree (state_dir);
  g_free (state_dir);
  return result;
}
