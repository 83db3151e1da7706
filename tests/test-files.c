/* test-files.c: a window's map on disk: saving and opening again, the
 * unsaved marker, asking before closing, changes made by other programs,
 * autosave, and recovery after the app is killed.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>

#include "wm-application.h"
#include "wm-canvas.h"
#include "wm-card.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-recovery.h"
#include "wm-templates.h"
#include "wm-test-utils.h"
#include "wm-window.h"

static WmApplication *app;
static char *state_dir;

typedef struct
{
  char *dir;            /* a scratch directory for the test's files */
  WmWindow *window;
} Fixture;

static guint sweep_recovery_copies (gboolean delete);

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("waymark-files-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->window = wm_window_new (app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wm_test_wait_for_frames (1);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  wm_test_wait_for_frames (1);
  /* Windows destroyed with unsaved changes keep their copies on purpose;
   * the next test starts without them. */
  sweep_recovery_copies (TRUE);
  wm_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
scratch_file (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static WmDocument *
new_map (void)
{
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_template_instantiate (WM_MAP_KIND_CURRENT_STATE, &error);

  g_assert_no_error (error);
  return document;
}

static void
show_new_map (Fixture *fixture)
{
  g_autoptr(WmDocument) document = new_map ();

  wm_window_show_document (fixture->window, document, NULL);
}

static void
rename_map (WmWindow   *window,
            const char *title)
{
  WmDocument *document = wm_window_get_document (window);

  g_assert_true (wm_document_set_string (document, WM_ELEMENT (document), "title", title));
}

static char *
json_of (WmDocument *document)
{
  return wm_document_to_json (document, NULL);
}

static char *
json_of_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return json_of (document);
}

static gboolean
action_enabled (WmWindow   *window,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), name);
}

/* Counts the recovery copies on disk, from any session, and with
 * @delete removes them and their descriptions; the session's lock file
 * stays. */
static guint
sweep_recovery_copies (gboolean delete)
{
  g_autoptr(GFile) directory = wm_recovery_get_directory ();
  g_autofree char *path = g_file_get_path (directory);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      count += g_str_has_suffix (name, ".waymark");
      if (delete && (g_str_has_suffix (name, ".waymark") || g_str_has_suffix (name, ".json")))
        g_remove (file);
    }
  return count;
}

static guint
count_recovery_copies (void)
{
  return sweep_recovery_copies (FALSE);
}

static gboolean
has_recovery_copy (gpointer data)
{
  return count_recovery_copies () > 0;
}

static gboolean
has_no_recovery_copy (gpointer data)
{
  return count_recovery_copies () == 0;
}

/* The one recovery copy on disk, read as a map. */
static WmDocument *
load_recovery_copy (void)
{
  g_autoptr(GFile) directory = wm_recovery_get_directory ();
  g_autofree char *path = g_file_get_path (directory);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GError) error = NULL;
  WmDocument *document = NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".waymark"))
      {
        g_autofree char *copy_path = g_build_filename (path, name, NULL);
        g_autoptr(GFile) copy = g_file_new_for_path (copy_path);

        g_assert_null (document);
        document = wm_document_load (copy, NULL, &error);
        g_assert_no_error (error);
      }
  g_assert_nonnull (document);
  return document;
}

/* A new map is clean; an edit marks it, saving clears the mark, and the
 * file holds exactly the map. */
static void
test_files_save_and_reopen (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = scratch_file (fixture, "hotel.waymark");
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *shown = NULL;
  WmWindow *reopened;
  double zoom;

  show_new_map (fixture);
  g_assert_false (wm_window_is_modified (fixture->window));
  g_assert_true (action_enabled (fixture->window, "save"));
  g_assert_true (action_enabled (fixture->window, "save-as"));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•"));

  rename_map (fixture->window, "Hotel stay");
  g_assert_true (wm_window_is_modified (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "• Hotel stay");

  /* The zoom chosen before the first save is the map's from then on. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "zoom-out", NULL);
  zoom = wm_canvas_get_zoom (WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (fixture->window), WM_TYPE_CANVAS)));
  g_assert_cmpfloat (zoom, <, 1.0);

  g_assert_true (wm_window_save_to (fixture->window, file, &error));
  g_assert_no_error (error);
  g_assert_false (wm_window_is_modified (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Hotel stay");
  g_assert_true (g_file_equal (wm_window_get_file (fixture->window), file));

  saved = json_of_file (file);
  shown = json_of (wm_window_get_document (fixture->window));
  g_assert_cmpstr (saved, ==, shown);

  /* Opening the saved file again brings its window forward. */
  g_assert_true (wm_application_open_file (app, file) == GTK_WINDOW (fixture->window));

  /* Undoing past the save point is a change again. */
  wm_history_undo (wm_document_get_history (wm_window_get_document (fixture->window)));
  g_assert_true (wm_window_is_modified (fixture->window));

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  reopened = WM_WINDOW (wm_application_open_file (app, file));
  g_assert_cmpstr (wm_document_get_title (wm_window_get_document (reopened)), ==, "Hotel stay");
  g_assert_cmpfloat_with_epsilon (wm_canvas_get_zoom (WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (reopened),
                                                                                         WM_TYPE_CANVAS))),
                                  zoom, 1e-9);
  g_assert_false (wm_window_is_modified (reopened));
  fixture->window = reopened;
}

/* A save that cannot happen says why, keeps the changes and leaves the
 * old file as it was. */
static void
test_files_save_error (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = scratch_file (fixture, "hotel.waymark");
  g_autoptr(GFile) nowhere = scratch_file (fixture, "gone/hotel.waymark");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  show_new_map (fixture);
  rename_map (fixture->window, "Hotel stay");
  g_assert_true (wm_window_save_to (fixture->window, file, NULL));
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &before, NULL, NULL));

  rename_map (fixture->window, "Hotel stay, changed");
  g_assert_false (wm_window_save_to (fixture->window, nowhere, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Could not save"));
  g_assert_true (wm_window_is_modified (fixture->window));
  g_assert_true (g_file_equal (wm_window_get_file (fixture->window), file));
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  return ADW_MESSAGE_DIALOG (wm_test_find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
}

/* Closing with unsaved changes asks; Cancel keeps the window, Discard
 * closes it and drops the recovery copy, Save writes the file first. */
static void
test_files_close_asks (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = scratch_file (fixture, "hotel.waymark");
  g_autofree char *saved = NULL;
  AdwMessageDialog *dialog;
  WmWindow *window = fixture->window;

  /* An untouched map closes without a question. */
  show_new_map (fixture);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  rename_map (window, "Hotel stay");
  g_assert_true (wm_test_wait_until (has_recovery_copy, NULL, 5000));

  gtk_window_close (GTK_WINDOW (window));
  wm_test_wait_for_frames (2);
  g_assert_nonnull (window);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes to “Hotel stay”?");
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));

  adw_message_dialog_response (dialog, "cancel");
  wm_test_wait_for_frames (2);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (wm_window_is_modified (window));

  /* Save, for a map that has a file, writes it and closes. */
  g_assert_true (wm_window_save_to (window, file, NULL));
  rename_map (window, "Hotel stay, saved on close");
  gtk_window_close (GTK_WINDOW (window));
  wm_test_wait_for_frames (2);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  wm_test_wait_for_frames (2);
  g_assert_null (window);
  saved = json_of_file (file);
  g_assert_nonnull (strstr (saved, "Hotel stay, saved on close"));
  g_assert_cmpuint (count_recovery_copies (), ==, 0);

  /* Discard closes without writing anything, and leaves no copy. */
  window = fixture->window = wm_window_new (app);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wm_window_open_file (window, file));
  rename_map (window, "Never kept");
  g_assert_true (wm_test_wait_until (has_recovery_copy, NULL, 5000));
  gtk_window_close (GTK_WINDOW (window));
  wm_test_wait_for_frames (2);
  adw_message_dialog_response (find_message_dialog (), "discard");
  wm_test_wait_for_frames (2);
  g_assert_null (window);
  fixture->window = NULL;
  g_assert_cmpuint (count_recovery_copies (), ==, 0);
  g_free (saved);
  saved = json_of_file (file);
  g_assert_null (strstr (saved, "Never kept"));
}

static gboolean
reload_is_offered (gpointer window)
{
  return action_enabled (window, "reload");
}

static gboolean
is_modified (gpointer window)
{
  return wm_window_is_modified (window);
}

/* Another program's change is noticed and offered for reload; our own
 * saves are not; a deleted file makes the map unsaved. */
static void
test_files_external_change (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) file = scratch_file (fixture, "hotel.waymark");
  g_autoptr(WmDocument) theirs = new_map ();
  g_autofree char *their_json = NULL;
  g_autoptr(GError) error = NULL;

  show_new_map (fixture);
  rename_map (fixture->window, "Ours");
  g_assert_true (wm_window_save_to (fixture->window, file, NULL));
  rename_map (fixture->window, "Ours, again");
  g_assert_true (wm_window_save_to (fixture->window, file, NULL));
  g_assert_false (wm_test_wait_until (reload_is_offered, fixture->window, 1500));

  /* Make sure the other program's file has a different time stamp. */
  g_usleep (20000);
  g_assert_true (wm_document_set_string (theirs, WM_ELEMENT (theirs), "title", "Theirs"));
  their_json = json_of (theirs);
  g_file_set_contents (g_file_peek_path (file), their_json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (wm_test_wait_until (reload_is_offered, fixture->window, 5000));
  g_assert_cmpstr (wm_document_get_title (wm_window_get_document (fixture->window)), ==, "Ours, again");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "reload", NULL);
  wm_test_wait_for_frames (1);
  g_assert_cmpstr (wm_document_get_title (wm_window_get_document (fixture->window)), ==, "Theirs");
  g_assert_false (action_enabled (fixture->window, "reload"));
  g_assert_false (wm_window_is_modified (fixture->window));

  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_true (wm_test_wait_until (is_modified, fixture->window, 5000));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (fixture->window)), "•"));
  g_assert_false (action_enabled (fixture->window, "reload"));
}

/* A copy follows unsaved changes, and goes when they are undone or saved;
 * with autosave off there is none. */
static void
test_files_autosave (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = scratch_file (fixture, "hotel.waymark");
  g_autoptr(GSettings) settings = g_settings_new (SETTINGS_SCHEMA_ID);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(WmDocument) copy = NULL;
  WmDocument *document;
  WmHistory *history;
  gint64 modified, saved_at;

  show_new_map (fixture);
  document = wm_window_get_document (fixture->window);
  history = wm_document_get_history (document);
  modified = wm_document_get_modified (document);
  g_assert_cmpuint (count_recovery_copies (), ==, 0);

  rename_map (fixture->window, "Copied soon");
  g_assert_true (wm_test_wait_until (has_recovery_copy, NULL, 5000));
  /* A copy is not a save: the map keeps its time, and so does the copy. */
  g_assert_cmpint (wm_document_get_modified (document), ==, modified);
  copy = load_recovery_copy ();
  g_assert_cmpint (wm_document_get_modified (copy), ==, modified);
  /* This session's copies are never offered while it runs. */
  orphans = wm_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);

  wm_history_undo (history);
  g_assert_true (wm_test_wait_until (has_no_recovery_copy, NULL, 5000));

  wm_history_redo (history);
  g_assert_true (wm_test_wait_until (has_recovery_copy, NULL, 5000));
  /* A save is: the time of saving, and nothing left unsaved. */
  g_usleep (G_USEC_PER_SEC);
  saved_at = g_get_real_time () / G_USEC_PER_SEC;
  g_assert_true (wm_window_save_to (fixture->window, file, NULL));
  g_assert_cmpint (wm_document_get_modified (document), >=, saved_at);
  g_assert_cmpint (wm_document_get_modified (document), >, modified);
  g_assert_false (wm_window_is_modified (fixture->window));
  g_assert_false (wm_history_get_can_redo (history));
  g_assert_true (wm_test_wait_until (has_no_recovery_copy, NULL, 5000));

  g_settings_set_boolean (settings, "autosave", FALSE);
  rename_map (fixture->window, "Not copied");
  g_assert_false (wm_test_wait_until (has_recovery_copy, NULL, 3000));
  g_settings_set_boolean (settings, "autosave", TRUE);
  g_assert_true (wm_test_wait_until (has_recovery_copy, NULL, 5000));
  g_settings_reset (settings, "autosave");
}

/* --- Crash recovery -------------------------------------------------- */

/* Runs in the child: open the map, change it, wait for the recovery copy,
 * write what the map now is to @expected_path, say "ready" and wait for
 * the end. */
static int
run_crash_child (const char *map_path,
                 const char *expected_path)
{
  g_autoptr(GFile) map = g_file_new_for_path (map_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  WmWindow *window;
  WmDocument *document;
  WmElement *stage;
  WmElement *lane;
  g_autoptr(WmCard) card = NULL;

  window = WM_WINDOW (wm_application_open_file (app, map));
  document = wm_window_get_document (window);
  g_assert_nonnull (document);

  rename_map (window, "Edited before the crash");
  stage = g_list_model_get_item (wm_document_get_stages (document), 2);
  lane = g_list_model_get_item (wm_document_get_lanes (document), 1);
  card = g_object_new (WM_TYPE_CARD, "id", "card-written-just-in-time", "title", "Written just in time",
                       "stage", wm_element_get_id (stage),
                       "lane", wm_element_get_id (lane), NULL);
  g_assert_true (wm_document_insert_card (document, card, 0));
  g_object_unref (stage);
  g_object_unref (lane);

  expected = json_of (document);
  g_file_set_contents (expected_path, expected, -1, &error);
  g_assert_no_error (error);
  g_assert_true (wm_test_wait_until (has_recovery_copy, NULL, 10000));
  /* The write happens on a worker; let it finish its rename. */
  wm_test_wait_for_frames (10);

  g_print ("ready\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static void
test_files_crash_recovery (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *map_path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                     "software-purchase.waymark", NULL);
  g_autofree char *expected_path = g_build_filename (fixture->dir, "expected.json", NULL);
  const char *argv[] = { self_path, "--crash-child", map_path, expected_path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) orphans = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *recovered_json = NULL;
  g_autoptr(GFile) map = g_file_new_for_path (map_path);
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  WmRecoveryEntry *entry;
  GtkWindow *dialog;
  WmWindow *recovered;
  GPid pid;
  int child_stdout;
  int status;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                            NULL, &child_stdout, NULL, &error);
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (child_stdout);
  g_io_channel_set_close_on_unref (channel, TRUE);
  /* GTest's own chatter comes first. */
  do
    {
      g_clear_pointer (&line, g_free);
      g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, &error), ==, G_IO_STATUS_NORMAL);
      g_assert_no_error (error);
    }
  while (g_str_has_prefix (line, "#"));
  g_assert_cmpstr (line, ==, "ready\n");

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);

  /* The killed run left one map to recover, named and dated. */
  orphans = wm_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 1);
  entry = g_ptr_array_index (orphans, 0);
  g_assert_cmpstr (entry->title, ==, "Edited before the crash");
  g_assert_true (g_file_equal (entry->original, map));
  g_assert_nonnull (entry->written);

  /* The next start offers it, and "Recover" shows the edited map. */
  dialog = wm_application_offer_recovery (app, NULL);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Recover Unsaved Map?");
  g_assert_null (wm_application_offer_recovery (app, NULL));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  wm_test_wait_for_frames (2);

  recovered = WM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (recovered);
  fixture->window = recovered;
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  recovered_json = json_of (wm_window_get_document (recovered));
  g_assert_cmpstr (recovered_json, ==, expected);
  g_assert_true (wm_window_is_modified (recovered));
  g_assert_true (g_file_equal (wm_window_get_file (recovered), map));

  /* The killed run's copy is gone; this run keeps its own. */
  g_clear_pointer (&orphans, g_ptr_array_unref);
  orphans = wm_recovery_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  g_assert_true (wm_test_wait_until (has_recovery_copy, NULL, 5000));
}

int
main (int   argc,
      char *argv[])
{
  int result;

  gboolean crash_child = argc == 4 && g_strcmp0 (argv[1], "--crash-child") == 0;

  /* The child writes where its parent will look. */
  if (!crash_child)
    state_dir = wm_test_isolate_state_dir ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = wm_test_register_application ();

  if (crash_child)
    return run_crash_child (argv[2], argv[3]);

  g_test_add ("/files/save-and-reopen", Fixture, NULL, fixture_set_up, test_files_save_and_reopen,
              fixture_tear_down);
  g_test_add ("/files/save-error", Fixture, NULL, fixture_set_up, test_files_save_error, fixture_tear_down);
  g_test_add ("/files/close-asks", Fixture, NULL, fixture_set_up, test_files_close_asks, fixture_tear_down);
  g_test_add ("/files/external-change", Fixture, NULL, fixture_set_up, test_files_external_change,
              fixture_tear_down);
  g_test_add ("/files/autosave", Fixture, NULL, fixture_set_up, test_files_autosave, fixture_tear_down);
  g_test_add ("/files/crash-recovery", Fixture, NULL, fixture_set_up, test_files_crash_recovery,
              fixture_tear_down);

  result = g_test_run ();

  g_clear_object (&app);
  wm_test_remove_tree (state_dir);
  g_free (state_dir);

  return result;
}
