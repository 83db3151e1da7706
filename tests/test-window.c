/* test-window.c: the main window's empty state, About and shortcuts
 * windows, saved window size, and that closing a window frees it.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-application.h"
#include "wm-canvas.h"
#include "wm-export-dialog.h"
#include "wm-minimap.h"
#include "wm-preferences-window.h"
#include "wm-recent-list.h"
#include "wm-template-chooser.h"
#include "wm-test-utils.h"
#include "wm-window.h"

static WmApplication *app;

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The main menu, not the Add menu: the one at the end of the header bar. */
static gboolean
is_main_menu_button (GtkWidget *widget,
                     gpointer   data)
{
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Main Menu") == 0;
}

static GtkMenuButton *
find_main_menu_button (GtkWidget *root)
{
  return GTK_MENU_BUTTON (wm_test_find_widget (root, is_main_menu_button, NULL));
}

static gboolean
is_button_with_action (GtkWidget *widget,
                       gpointer   action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static GtkButton *
find_button_with_action (GtkWidget  *root,
                         const char *action_name)
{
  return GTK_BUTTON (wm_test_find_widget (root, is_button_with_action, (gpointer) action_name));
}

/* Looks for a menu item by its action, descending into sections. */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_strcmp0 (item_action, action) == 0)
        return TRUE;

      section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static void
test_window_empty_state (void)
{
  WmWindow *window = wm_window_new (app);
  AdwStatusPage *status_page;
  GtkButton *new_map_button;
  GtkButton *open_button;
  g_autoptr(GAction) new_map = NULL;

  gtk_window_present (GTK_WINDOW (window));
  drain_main_context ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   DEVELOPMENT_BUILD ? "Waymark (Development)" : "Waymark");

  status_page = ADW_STATUS_PAGE (wm_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (status_page);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (status_page)));
  g_assert_cmpstr (adw_status_page_get_icon_name (status_page), ==, APP_ID);
  g_assert_cmpstr (adw_status_page_get_title (status_page), ==, "Start a Journey Map");

  new_map_button = find_button_with_action (GTK_WIDGET (status_page), "app.new-map");
  open_button = find_button_with_action (GTK_WIDGET (status_page), "app.open");
  g_assert_nonnull (new_map_button);
  g_assert_nonnull (open_button);
  g_assert_cmpstr (gtk_button_get_label (new_map_button), ==, "_New Map");
  g_assert_cmpstr (gtk_button_get_label (open_button), ==, "_Open…");

  /* A button shows only while its action exists. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (new_map_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (open_button)));
  new_map = g_object_ref (g_action_map_lookup_action (G_ACTION_MAP (app), "new-map"));
  g_action_map_remove_action (G_ACTION_MAP (app), "new-map");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (new_map_button)));
  g_action_map_add_action (G_ACTION_MAP (app), new_map);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (new_map_button)));

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

static void
test_window_primary_menu (void)
{
  WmWindow *window = wm_window_new (app);
  GtkMenuButton *menu_button;
  GMenuModel *menu;

  menu_button = find_main_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_menu_button_get_primary (menu_button));
  menu = gtk_menu_button_get_menu_model (menu_button);
  g_assert_nonnull (menu);

  for (guint i = 0; i < 8; i++)
    {
      const char *expected[] = { "app.new-map", "app.open", "win.import", "win.save", "win.save-as",
                                 "win.export", "win.show-help-overlay", "app.about" };
      g_assert_true (menu_has_action (menu, expected[i]));
    }

  /* The entries the menu shows must all work. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

static void
test_window_about (void)
{
  WmWindow *window = wm_window_new (app);
  GtkWindow *about;

  gtk_window_present (GTK_WINDOW (window));
  drain_main_context ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  drain_main_context ();

  about = wm_test_find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_WEBSITE);
  g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_BUGREPORTS);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (about)));

  g_object_ref (about);
  gtk_window_destroy (about);
  drain_main_context ();
  g_assert_finalize_object (about);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_finalize_object (window);
}

/* Gathers what the shortcuts window shows: its shortcuts' action names
 * and their accelerators, parsed. */
static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *action_names,
                   GArray     *accelerators)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *action_name = NULL;
      g_autofree char *accelerator = NULL;
      g_auto(GStrv) each = NULL;

      g_object_get (widget, "action-name", &action_name, "accelerator", &accelerator, NULL);
      if (action_name != NULL)
        g_hash_table_add (action_names, g_steal_pointer (&action_name));
      each = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      for (guint i = 0; each[i] != NULL; i++)
        {
          guint key[2] = { 0, 0 };

          if (gtk_accelerator_parse (each[i], &key[0], (GdkModifierType *) &key[1]))
            g_array_append_vals (accelerators, key, 1);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, action_names, accelerators);
}

/* Every action the application gives a keyboard accelerator is in the
 * Keyboard Shortcuts window, by its action or by its first key. */
static void
assert_lists_every_accelerator (GtkShortcutsWindow *overlay)
{
  g_autoptr(GHashTable) action_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) accelerators = g_array_new (FALSE, FALSE, 2 * sizeof (guint));
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));

  collect_shortcuts (GTK_WIDGET (overlay), action_names, accelerators);
  g_assert_cmpuint (accelerators->len, >, 20);
  for (guint a = 0; actions[a] != NULL; a++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[a]);
      guint keyval;
      GdkModifierType modifiers;
      gboolean listed = g_hash_table_contains (action_names, actions[a]);

      if (accels[0] == NULL || listed)
        continue;
      g_assert_true (gtk_accelerator_parse (accels[0], &keyval, &modifiers));
      for (guint i = 0; i < accelerators->len && !listed; i++)
        {
          const guint *key = (const guint *) accelerators->data + 2 * i;

          listed = key[0] == keyval && key[1] == modifiers;
        }
      if (!listed)
        g_error ("%s (%s) is not in the Keyboard Shortcuts window", actions[a], accels[0]);
    }
}

static void
test_window_shortcuts (void)
{
  WmWindow *window = wm_window_new (app);
  GtkShortcutsWindow *overlay;

  gtk_window_present (GTK_WINDOW (window));
  drain_main_context ();

  /* GtkApplication loads gtk/help-overlay.ui from the resource base path. */
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  assert_lists_every_accelerator (overlay);

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
  drain_main_context ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
  drain_main_context ();

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_finalize_object (window);
}

static void
test_window_size_is_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SETTINGS_SCHEMA_ID);
  WmWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = wm_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_present (GTK_WINDOW (window));
  drain_main_context ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1010, 700);
  gtk_window_close (GTK_WINDOW (window));
  drain_main_context ();

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1010);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at the saved size. */
  window = wm_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 700);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

static GFile *
test_map_file (const char *relative_path)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", relative_path, NULL);

  return g_file_new_for_path (path);
}

static gboolean
action_enabled (WmWindow   *window,
                const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (window), strchr (name, '.') + 1);
}

/* An open map is shown on the canvas; export and print appear with it. */
static void
test_window_opens_map (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(GFile) file = test_map_file ("data/samples/software-purchase.waymark");
  WmCanvas *canvas;
  GMenuModel *menu;

  gtk_window_present (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_false (action_enabled (window, "win.export"));
  g_assert_false (action_enabled (window, "win.print"));

  canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (canvas)));

  g_assert_true (wm_window_open_file (window, file));
  drain_main_context ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (canvas)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Plotline: how small studios buy today");
  g_assert_true (wm_canvas_get_document (canvas) == wm_window_get_document (window));
  g_assert_nonnull (wm_canvas_get_layout (canvas));
  g_assert_cmpfloat (wm_canvas_get_layout (canvas)->width, >, 1000);
  g_assert_true (action_enabled (window, "win.export"));
  g_assert_true (action_enabled (window, "win.print"));
  /* Keys go to the map, not to the header bar's first button. */
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (canvas)));

  /* The map can be read from the keyboard. */
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));
    GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
    gboolean handled = FALSE;

    g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (canvas)));
    /* Paging needs the view's size, which comes with the first frame. */
    while (gtk_adjustment_get_page_size (vadjustment) <= 0)
      g_main_context_iteration (NULL, TRUE);
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Page_Down, 0, 0, &handled);
      }
    g_assert_true (handled);
    g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  }

  menu = gtk_menu_button_get_menu_model (find_main_menu_button (GTK_WIDGET (window)));
  g_assert_true (menu_has_action (menu, "win.print"));

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_finalize_object (window);
}

static gboolean
has_label_containing (GtkWidget  *root,
                      const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label_containing (child, text))
      return TRUE;
  return FALSE;
}

/* Waits for the window to show a toast containing @text. */
static gboolean
wait_for_toast (WmWindow   *window,
                const char *text)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      if (has_label_containing (GTK_WIDGET (window), text))
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  return FALSE;
}

/* Export runs on a worker thread and says how it went. */
static void
test_window_exports (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(GFile) file = test_map_file ("data/samples/hotel-stay.waymark");
  g_autofree char *directory = g_dir_make_tmp ("waymark-export-XXXXXX", NULL);
  g_autofree char *pdf_path = g_build_filename (directory, "hotel.pdf", NULL);
  g_autofree char *missing_path = g_build_filename (directory, "missing", "hotel.png", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autofree char *contents = NULL;
  gsize length;
  WmExportOptions options;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wm_window_open_file (window, file));

  wm_export_options_init (&options);
  options.page_size = WM_PAGE_SIZE_A3;
  wm_window_export_to (window, pdf, &options);
  g_assert_true (wait_for_toast (window, "Exported “hotel.pdf”"));
  g_assert_true (g_file_get_contents (pdf_path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  options.format = WM_EXPORT_FORMAT_PNG;
  wm_window_export_to (window, missing, &options);
  g_assert_true (wait_for_toast (window, "Could not export to"));

  g_unlink (pdf_path);
  g_rmdir (directory);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

static void
collect_descendants_of_type (GtkWidget *root,
                             GType      type,
                             GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_descendants_of_type (child, type, found);
}

static guint
png_width (const char *path)
{
  g_autofree guchar *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, (char **) &contents, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  /* The IHDR chunk: the width is big-endian at byte 16. */
  return (guint) contents[16] << 24 | (guint) contents[17] << 16 | (guint) contents[18] << 8 | contents[19];
}

static AdwMessageDialog *newest_dialog_of (WmWindow *window);

static GFile *
write_temporary (const char *directory,
                 const char *name,
                 const char *contents)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

/* Import… makes a CSV or Mermaid file a new map, not saved yet, through
 * the command line's importers: in this window when it is empty, else
 * in a new one. What was left out stays on screen; a refused file gets
 * the whole reason, as Open gives it. */
static void
test_window_imports (void)
{
  WmWindow *window = wm_window_new (app);
  g_autofree char *directory = g_dir_make_tmp ("waymark-import-XXXXXX", NULL);
  g_autoptr(GFile) crowded = write_temporary (directory, "crowded.mmd",
                                              "journey\n  title Seven actors\n  section Arrive\n"
                                              "    Park: 3: Ann, Bo, Cy, Di, Ed, Flo, Gus\n");
  g_autoptr(GFile) broken = write_temporary (directory, "broken.mmd", "sequenceDiagram\n  A->>B: hi\n");
  g_autoptr(GFile) unknown = write_temporary (directory, "notes.txt", "journey\n");
  g_autoptr(GFile) grid = test_map_file ("tests/interchange/grid.csv");
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.import");
  AdwMessageDialog *dialog;
  WmWindow *shown;
  WmWindow *other;

  gtk_window_present (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "import"));
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>i"));

  /* Into the empty window, untitled and unsaved, with a toast for the
   * two actors a map has no room for. */
  shown = wm_window_import_file (window, crowded);
  g_assert_true (shown == window);
  g_assert_nonnull (wm_window_get_document (window));
  g_assert_null (wm_window_get_file (window));
  g_assert_true (wm_window_is_modified (window));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_personas (wm_window_get_document (window))), ==, 5);
  g_assert_true (has_label_containing (GTK_WIDGET (window), "Not Saved"));
  g_assert_true (wait_for_toast (window, "Imported, but 2 things were left out"));

  /* A window that shows a map keeps it: the import opens another. */
  other = wm_window_import_file (window, grid);
  g_assert_nonnull (other);
  g_assert_true (other != window);
  g_assert_null (wm_window_get_file (other));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (wm_window_get_document (other))), >, 0);
  gtk_window_destroy (GTK_WINDOW (other));
  drain_main_context ();

  g_assert_null (wm_window_import_file (window, broken));
  drain_main_context ();
  dialog = newest_dialog_of (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not import “broken.mmd”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "a Mermaid journey starts with “journey”"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_null (wm_window_import_file (window, unknown));
  drain_main_context ();
  dialog = newest_dialog_of (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Mermaid"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  wm_test_remove_tree (directory);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

static WmExportDialog *
open_export_dialog (WmWindow *window)
{
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (window), "export", NULL);
  wm_test_wait_for_frames (2);
  dialog = wm_test_find_toplevel_of_type (WM_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  return WM_EXPORT_DIALOG (dialog);
}

static gboolean
is_mapped_label (GtkWidget *widget,
                 gpointer   text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* Every format's name shows whole beside its description, which wraps
 * instead: "Mermaid journey" was cut to "Mermaid jour…", and German
 * names longer still. */
static void
test_window_export_format_names (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(GFile) file = test_map_file ("data/samples/hotel-stay.waymark");
  WmExportDialog *dialog;
  AdwComboRow *format_row;
  GListModel *names;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wm_window_open_file (window, file));
  dialog = open_export_dialog (window);
  format_row = ADW_COMBO_ROW (wm_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  names = adw_combo_row_get_model (format_row);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 6);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      g_autoptr(GtkStringObject) name = g_list_model_get_item (names, i);
      const char *text = gtk_string_object_get_string (name);
      GtkWidget *label;

      adw_combo_row_set_selected (format_row, i);
      wm_test_wait_for_frames (3);
      label = wm_test_find_widget (GTK_WIDGET (format_row), is_mapped_label, (gpointer) text);
      g_assert_nonnull (label);
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
        g_error ("the format name “%s” is cut off", text);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

/* The Export dialog shows each format's options, remembers the last
 * choices, adds the extension, and exports. */
static void
test_window_export_dialog (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(GFile) file = test_map_file ("data/samples/hotel-stay.waymark");
  g_autofree char *directory = g_dir_make_tmp ("waymark-export-XXXXXX", NULL);
  g_autofree char *sharp_path = g_build_filename (directory, "sharp.png", NULL);
  g_autofree char *normal_path = g_build_filename (directory, "normal.png", NULL);
  g_autofree char *bare_path = g_build_filename (directory, "sharp", NULL);
  g_autoptr(GFile) bare = g_file_new_for_path (bare_path);
  g_autoptr(GFile) normal = g_file_new_for_path (normal_path);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  WmExportDialog *dialog;
  WmExportOptions options;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wm_window_open_file (window, file));
  dialog = open_export_dialog (window);
  collect_descendants_of_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 4);   /* format, pages, resolution, theme */

  /* The file chooser starts in the map's folder, not the working one. */
  {
    g_autoptr(GFile) map_folder = g_file_get_parent (file);
    g_autoptr(GFile) suggested = wm_export_dialog_get_suggested_folder (dialog);

    g_assert_nonnull (suggested);
    g_assert_true (g_file_equal (suggested, map_folder));
  }

  /* PDF has pages and a theme, not a resolution. */
  wm_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, WM_EXPORT_FORMAT_PDF);
  g_assert_true (gtk_widget_get_visible (rows->pdata[1]));
  g_assert_false (gtk_widget_get_visible (rows->pdata[2]));

  /* Paper sizes may fit the map on one sheet; one large page fits it
   * already. */
  {
    g_autoptr(GPtrArray) action_rows = g_ptr_array_new ();
    GtkWidget *fit_row = NULL;

    collect_descendants_of_type (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, action_rows);
    for (guint i = 0; i < action_rows->len; i++)
      if (g_strcmp0 (adw_preferences_row_get_title (action_rows->pdata[i]), "Fit to _One Page") == 0)
        fit_row = action_rows->pdata[i];
    g_assert_nonnull (fit_row);
    adw_combo_row_set_selected (rows->pdata[1], WM_PAGE_SIZE_FIT);
    g_assert_false (gtk_widget_get_visible (fit_row));
    adw_combo_row_set_selected (rows->pdata[1], WM_PAGE_SIZE_A3);
    g_assert_true (gtk_widget_get_visible (fit_row));
    wm_export_dialog_get_options (dialog, &options);
    g_assert_false (options.fit);
    g_assert_true (GTK_IS_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (fit_row))));
    gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (fit_row))), TRUE);
    wm_export_dialog_get_options (dialog, &options);
    g_assert_true (options.fit);
    g_assert_cmpint (options.page_size, ==, WM_PAGE_SIZE_A3);
    gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (fit_row))), FALSE);
    adw_combo_row_set_selected (rows->pdata[1], WM_PAGE_SIZE_FIT);
  }

  /* Slides are a PDF deck whose one choice is the theme: light unless
   * dark is chosen. */
  adw_combo_row_set_selected (rows->pdata[0], 1);
  wm_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, WM_EXPORT_FORMAT_PDF);
  g_assert_true (options.slides);
  g_assert_cmpint (options.theme, ==, WM_THEME_LIGHT);
  g_assert_false (gtk_widget_get_visible (rows->pdata[1]));
  g_assert_true (gtk_widget_get_visible (rows->pdata[3]));
  adw_combo_row_set_selected (rows->pdata[3], 1);
  wm_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.theme, ==, WM_THEME_DARK);
  adw_combo_row_set_selected (rows->pdata[3], 0);

  adw_combo_row_set_selected (rows->pdata[0], 2);
  g_assert_false (gtk_widget_get_visible (rows->pdata[1]));
  g_assert_true (gtk_widget_get_visible (rows->pdata[2]));
  adw_combo_row_set_selected (rows->pdata[2], 1);
  adw_combo_row_set_selected (rows->pdata[3], 1);
  wm_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, WM_EXPORT_FORMAT_PNG);
  g_assert_cmpint (options.scale, ==, 2);
  g_assert_cmpint (options.theme, ==, WM_THEME_DARK);

  /* A name without an extension gets the format's. */
  wm_export_dialog_export_to (dialog, bare);
  g_assert_true (wait_for_toast (window, "Exported “sharp.png”"));
  g_assert_null (wm_test_find_toplevel_of_type (WM_TYPE_EXPORT_DIALOG));

  /* The next export starts from the last choices, in the folder the
   * last one went to. */
  dialog = open_export_dialog (window);
  {
    g_autoptr(GFile) export_folder = g_file_new_for_path (directory);
    g_autoptr(GFile) suggested = wm_export_dialog_get_suggested_folder (dialog);

    g_assert_true (g_file_equal (suggested, export_folder));
  }
  g_ptr_array_set_size (rows, 0);
  collect_descendants_of_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, rows);
  wm_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, WM_EXPORT_FORMAT_PNG);
  g_assert_cmpint (options.theme, ==, WM_THEME_DARK);
  adw_combo_row_set_selected (rows->pdata[2], 0);
  wm_export_dialog_export_to (dialog, normal);
  g_assert_true (wait_for_toast (window, "Exported “normal.png”"));
  g_assert_cmpuint (png_width (sharp_path), ==, 2 * png_width (normal_path));

  g_unlink (sharp_path);
  g_unlink (normal_path);
  g_rmdir (directory);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

static GtkWidget *
find_action_row (GtkWidget  *root,
                 const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_descendants_of_type (root, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  return NULL;
}

/* CSV alone has "For Spreadsheets", a switch that starts the file with
 * the byte-order mark spreadsheet programs take as a sign of UTF-8, the
 * option the command line calls --bom. */
static void
test_window_export_csv_bom (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(GFile) file = test_map_file ("data/samples/hotel-stay.waymark");
  g_autofree char *directory = g_dir_make_tmp ("waymark-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "cards.csv", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GPtrArray) combos = g_ptr_array_new ();
  g_autofree char *contents = NULL;
  WmExportDialog *dialog;
  WmExportOptions options;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wm_window_open_file (window, file));
  dialog = open_export_dialog (window);
  collect_descendants_of_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, combos);
  row = find_action_row (GTK_WIDGET (dialog), "For _Spreadsheets");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "byte-order mark"));

  for (guint i = 0; i < 6; i++)
    {
      adw_combo_row_set_selected (combos->pdata[0], i);
      wm_export_dialog_get_options (dialog, &options);
      g_assert_cmpint (gtk_widget_get_visible (row), ==, options.format == WM_EXPORT_FORMAT_CSV);
    }
  adw_combo_row_set_selected (combos->pdata[0], 4);
  wm_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, WM_EXPORT_FORMAT_CSV);
  g_assert_false (options.bom);

  /* The whole row is the switch's. */
  g_assert_true (gtk_widget_activate (row));
  {
    /* The switch turns when its slide ends. */
    GtkSwitch *toggle = GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (!gtk_switch_get_active (toggle) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  wm_export_dialog_get_options (dialog, &options);
  g_assert_true (options.bom);

  wm_export_dialog_export_to (dialog, target);
  g_assert_true (wait_for_toast (window, "Exported “cards.csv”"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));

  /* The next export remembers the choice, as it does the others. */
  dialog = open_export_dialog (window);
  wm_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, WM_EXPORT_FORMAT_CSV);
  g_assert_true (options.bom);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_unlink (path);
  g_rmdir (directory);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

static void
activate (WmWindow   *window,
          const char *action)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), action, NULL);
  drain_main_context ();
}

/* Undo and Redo follow the map's history, from the header bar. */
static void
test_window_undo_redo (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(GFile) file = test_map_file ("data/samples/gym-membership.waymark");
  WmCanvas *canvas;
  WmDocument *document;
  guint n_cards;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wm_window_open_file (window, file));
  drain_main_context ();
  canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));
  document = wm_window_get_document (window);
  n_cards = g_list_model_get_n_items (wm_document_get_cards (document));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_assert_true (find_button_with_action (GTK_WIDGET (window), "win.undo") != NULL);

  {
    g_autoptr(WmCard) card = g_list_model_get_item (wm_document_get_cards (document), 0);

    wm_canvas_set_selection (canvas, &card, 1);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.delete", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (document)), ==, n_cards - 1);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (find_button_with_action (GTK_WIDGET (window), "win.undo"))),
                   ==, "Undo “Delete Card”");
  activate (window, "undo");
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (document)), ==, n_cards);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));
  activate (window, "redo");
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (document)), ==, n_cards - 1);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_finalize_object (window);
}

/* Zoom steps, stays within 5–400 %, keeps the point under the pointer
 * still, and is remembered for the map; Zoom to Fit shows the whole map;
 * the overview is turned off and on from the menu or the keyboard. */
static void
test_window_zooms (void)
{
  WmWindow *window = wm_window_new (app);
  WmWindow *again;
  g_autoptr(GFile) file = test_map_file ("data/samples/gym-membership.waymark");
  WmCanvas *canvas;
  WmMinimap *minimap;
  g_autoptr(GSettings) settings = g_settings_new (SETTINGS_SCHEMA_ID);
  GtkAdjustment *h, *v;
  double map_x, map_y;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "zoom-in"));
  g_assert_true (wm_window_open_file (window, file));
  drain_main_context ();
  canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));
  h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.0);
  g_assert_true (has_label_containing (GTK_WIDGET (window), "100 %"));

  activate (window, "zoom-in");
  g_assert_cmpfloat_with_epsilon (wm_canvas_get_zoom (canvas), 1.1, 1e-9);
  g_assert_true (has_label_containing (GTK_WIDGET (window), "110 %"));
  activate (window, "zoom-out");
  activate (window, "zoom-out");
  g_assert_cmpfloat_with_epsilon (wm_canvas_get_zoom (canvas), 0.9, 1e-9);
  activate (window, "zoom-reset");
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, 1.0);

  /* The overview shows while the map is larger than the view. */
  minimap = WM_MINIMAP (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_MINIMAP));
  g_assert_true (g_variant_get_boolean (g_action_group_get_action_state (G_ACTION_GROUP (window), "show-overview")));
  g_assert_true (wm_minimap_get_shown (minimap));
  activate (window, "show-overview");
  g_assert_false (wm_minimap_get_shown (minimap));
  g_assert_false (g_settings_get_boolean (settings, "show-overview"));
  activate (window, "show-overview");
  g_assert_true (wm_minimap_get_shown (minimap));
  g_assert_true (g_settings_get_boolean (settings, "show-overview"));

  /* The whole map fits after Zoom to Fit, its width and its height, and
   * the overview has nothing left to show. */
  activate (window, "zoom-fit");
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), <, 1.0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (h), <=, gtk_widget_get_width (GTK_WIDGET (canvas)) + 1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (v), <=, gtk_widget_get_height (GTK_WIDGET (canvas)) + 1);
  g_assert_false (wm_minimap_get_shown (minimap));

  /* Zooming around a point keeps that point of the map under it. */
  wm_canvas_set_zoom (canvas, 1.0);
  gtk_adjustment_set_value (v, 300);
  map_x = (gtk_adjustment_get_value (h) + 200) / 1.0;
  map_y = (gtk_adjustment_get_value (v) + 150) / 1.0;
  wm_canvas_set_zoom_at (canvas, 2.0, 200, 150);
  g_assert_cmpfloat_with_epsilon ((gtk_adjustment_get_value (h) + 200) / 2.0, map_x, 0.5);
  g_assert_cmpfloat_with_epsilon ((gtk_adjustment_get_value (v) + 150) / 2.0, map_y, 0.5);

  /* Never past 400 %, and the button says so. */
  wm_canvas_set_zoom (canvas, 10);
  drain_main_context ();
  g_assert_cmpfloat (wm_canvas_get_zoom (canvas), ==, WM_CANVAS_MAX_ZOOM);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "zoom-in"));

  /* The next window on this map opens at the zoom it was left at. */
  wm_canvas_set_zoom (canvas, 1.5);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
  again = wm_window_new (app);
  gtk_window_present (GTK_WINDOW (again));
  g_assert_true (wm_window_open_file (again, file));
  canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (again), WM_TYPE_CANVAS));
  g_assert_cmpfloat_with_epsilon (wm_canvas_get_zoom (canvas), 1.5, 1e-9);

  gtk_window_destroy (GTK_WINDOW (again));
  drain_main_context ();
}

/* One window per map: opening it again brings its window forward, and
 * a map dropped on an empty window opens there. */
static void
test_window_per_map (void)
{
  g_autoptr(GFile) gym = test_map_file ("data/samples/gym-membership.waymark");
  g_autoptr(GFile) hotel = test_map_file ("data/samples/hotel-stay.waymark");
  GtkWindow *first = wm_application_open_file (app, gym);
  GtkWindow *again = wm_application_open_file (app, gym);
  GtkWindow *other = wm_application_open_file (app, hotel);
  WmWindow *empty = wm_window_new (app);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (empty));
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, hotel);
  gboolean dropped = FALSE;

  g_assert_true (first == again);
  g_assert_true (first != other);
  g_assert_true (g_file_equal (wm_window_get_file (WM_WINDOW (other)), hotel));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_slist_free (files);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
    }
  g_assert_true (dropped);
  g_assert_true (g_file_equal (wm_window_get_file (empty), hotel));

  gtk_window_destroy (first);
  gtk_window_destroy (other);
  gtk_window_destroy (GTK_WINDOW (empty));
  drain_main_context ();
}

/* A file that cannot be read leaves the window as it was. */
/* The message dialog most recently shown over @window, or NULL. */
static AdwMessageDialog *
newest_dialog_of (WmWindow *window)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static void
test_window_refuses_bad_map (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(GFile) bad = test_map_file ("tests/malformed/newer-major-version.waymark");
  g_autoptr(GFile) missing = test_map_file ("tests/no-such-map.waymark");
  g_autoptr(GFile) hidden = test_map_file ("tests/malformed/comment-line.waymark");
  AdwMessageDialog *dialog;
  GtkWidget *status_page;

  gtk_window_present (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_false (wm_window_open_file (window, bad));
  drain_main_context ();
  /* The reason is shown whole, in a dialog over the window. */
  dialog = newest_dialog_of (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not open “newer-major-version.waymark”");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "This map was made with a newer Waymark"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  drain_main_context ();

  g_assert_false (wm_window_open_file (window, hidden));
  drain_main_context ();
  dialog = newest_dialog_of (window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "line 2, column 3: comments are not allowed in JSON"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_false (wm_window_open_file (window, missing));
  drain_main_context ();
  gtk_window_destroy (GTK_WINDOW (newest_dialog_of (window)));
  drain_main_context ();
  status_page = wm_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (status_page));
  g_assert_null (wm_window_get_document (window));
  g_assert_false (action_enabled (window, "win.export"));

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

/* A window the app opened beside @window, else @window itself. Not the
 * active window: tests running side by side take focus from each other. */
static WmWindow *
newest_window_other_than (WmWindow *window)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (WM_IS_WINDOW (l->data) && l->data != window)
      return l->data;
  return window;
}

/* New Map offers the four templates and the samples; each makes a map
 * that belongs to no file and has nothing to save yet. */
static void
test_window_new_from_templates (void)
{
  const char *kinds[] = { "current-state", "future-state", "day-in-the-life", "service-blueprint" };
  WmWindow *window = wm_window_new (app);
  g_autoptr(GSettings) settings = g_settings_new (SETTINGS_SCHEMA_ID);

  gtk_window_present (GTK_WINDOW (window));
  drain_main_context ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      WmTemplateChooser *chooser;
      WmDocument *document;
      WmWindow *shown;
      int kind;

      g_settings_set_string (settings, "default-template", kinds[i]);
      g_action_group_activate_action (G_ACTION_GROUP (app), "new-map", NULL);
      wm_test_wait_for_frames (2);
      chooser = WM_TEMPLATE_CHOOSER (wm_test_find_toplevel_of_type (WM_TYPE_TEMPLATE_CHOOSER));
      g_assert_nonnull (chooser);
      g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (chooser)) == GTK_WINDOW (window));
      g_assert_cmpstr (wm_template_chooser_get_default_choice (chooser), ==, kinds[i]);

      g_assert_true (wm_template_chooser_choose (chooser, kinds[i]));
      wm_test_wait_for_frames (2);
      g_assert_null (wm_test_find_toplevel_of_type (WM_TYPE_TEMPLATE_CHOOSER));

      /* The first map fills the empty window; later ones get their own. */
      shown = newest_window_other_than (window);
      g_assert_true ((shown == window) == (i == 0));
      document = wm_window_get_document (shown);
      g_assert_nonnull (document);
      g_assert_true (wm_enum_from_nick (WM_TYPE_MAP_KIND, kinds[i], &kind));
      g_assert_cmpint (wm_document_get_kind (document), ==, kind);
      g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_stages (document)), >, 0);
      g_assert_null (wm_window_get_file (shown));
      g_assert_false (wm_window_is_modified (shown));
      if (shown != window)
        {
          gtk_window_destroy (GTK_WINDOW (shown));
          drain_main_context ();
        }
      gtk_window_present (GTK_WINDOW (window));
    }
  g_settings_reset (settings, "default-template");

  /* A sample opens as a copy that belongs to no file. */
  {
    WmTemplateChooser *chooser;
    GtkWindow *sample_window;
    WmDocument *document;

    g_action_group_activate_action (G_ACTION_GROUP (app), "new-map", NULL);
    wm_test_wait_for_frames (2);
    chooser = WM_TEMPLATE_CHOOSER (wm_test_find_toplevel_of_type (WM_TYPE_TEMPLATE_CHOOSER));
    g_assert_cmpstr (wm_template_chooser_get_default_choice (chooser), ==, "current-state");
    g_assert_true (wm_template_chooser_choose (chooser, "hotel-stay"));
    wm_test_wait_for_frames (2);
    sample_window = GTK_WINDOW (newest_window_other_than (window));
    g_assert_true (sample_window != GTK_WINDOW (window));
    document = wm_window_get_document (WM_WINDOW (sample_window));
    g_assert_cmpstr (wm_document_get_title (document), ==, "The Alder Hotel: a one-night stay, front and back");
    g_assert_null (wm_window_get_file (WM_WINDOW (sample_window)));
    gtk_window_destroy (sample_window);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

/* Each preference applies at once: the style, the template New Map
 * selects first, and autosave. */
static void
test_window_preferences (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(GSettings) settings = g_settings_new (SETTINGS_SCHEMA_ID);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *template = NULL;
  GtkWindow *preferences;

  gtk_window_present (GTK_WINDOW (window));
  drain_main_context ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  wm_test_wait_for_frames (2);
  preferences = wm_test_find_toplevel_of_type (WM_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  collect_descendants_of_type (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, rows);
  collect_descendants_of_type (GTK_WIDGET (preferences), GTK_TYPE_SWITCH, switches);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (switches->len, ==, 1);

  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
  adw_combo_row_set_selected (rows->pdata[0], 2);
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 2);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  adw_combo_row_set_selected (rows->pdata[0], 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  adw_combo_row_set_selected (rows->pdata[1], 3);
  template = g_settings_get_string (settings, "default-template");
  g_assert_cmpstr (template, ==, "service-blueprint");
  g_settings_set_string (settings, "default-template", "future-state");
  g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[1]), ==, 1);

  g_assert_true (gtk_switch_get_active (switches->pdata[0]));
  gtk_switch_set_active (switches->pdata[0], FALSE);
  g_assert_false (g_settings_get_boolean (settings, "autosave"));

  g_settings_reset (settings, "color-scheme");
  g_settings_reset (settings, "default-template");
  g_settings_reset (settings, "autosave");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (preferences);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

static gboolean
lists_map (gpointer list)
{
  return wm_recent_list_get_n_maps (list) > 0;
}

static gboolean
is_row_for (GtkWidget *widget,
            gpointer   name)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), name) == 0;
}

/* Maps opened or saved lately are a click away from the empty window. */
static void
test_window_recent_maps (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(GFile) file = test_map_file ("data/samples/hotel-stay.waymark");
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { .mime_type = (char *) "application/x-waymark+json", .app_name = (char *) "waymark",
                         .app_exec = (char *) "waymark %u" };
  WmRecentList *list;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (window));
  list = WM_RECENT_LIST (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_RECENT_LIST));
  g_assert_nonnull (list);
  g_assert_true (gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data));
  g_assert_true (wm_test_wait_until (lists_map, list, 10000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));

  row = wm_test_find_widget (GTK_WIDGET (list), is_row_for, (gpointer) "hotel-stay.waymark");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (row));
  drain_main_context ();
  g_assert_nonnull (wm_window_get_document (window));
  g_assert_true (g_file_equal (wm_window_get_file (window), file));

  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
}

static void
test_window_is_finalized (void)
{
  WmWindow *window = wm_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  drain_main_context ();

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = wm_test_register_application ();

  g_test_add_func ("/window/empty-state", test_window_empty_state);
  g_test_add_func ("/window/primary-menu", test_window_primary_menu);
  g_test_add_func ("/window/about", test_window_about);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/size-is-remembered", test_window_size_is_remembered);
  g_test_add_func ("/window/is-finalized", test_window_is_finalized);
  g_test_add_func ("/window/opens-map", test_window_opens_map);
  g_test_add_func ("/window/refuses-bad-map", test_window_refuses_bad_map);
  g_test_add_func ("/window/exports", test_window_exports);
  g_test_add_func ("/window/export-dialog", test_window_export_dialog);
  g_test_add_func ("/window/export-format-names", test_window_export_format_names);
  g_test_add_func ("/window/export-csv-bom", test_window_export_csv_bom);
  g_test_add_func ("/window/imports", test_window_imports);
  g_test_add_func ("/window/zooms", test_window_zooms);
  g_test_add_func ("/window/undo-redo", test_window_undo_redo);
  g_test_add_func ("/window/per-map", test_window_per_map);
  g_test_add_func ("/window/new-from-templates", test_window_new_from_templates);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/recent-maps", test_window_recent_maps);

  result = g_test_run ();

  g_clear_object (&app);

  return result;
}
