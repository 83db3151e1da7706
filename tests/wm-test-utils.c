/* wm-test-utils.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "wm-test-utils.h"

/**
 * wm_test_find_toplevel_of_type:
 * @type: a #GtkWindow subtype
 *
 * Finds an open window of @type, such as the About window that an action
 * just opened.
 *
 * Returns: (transfer none) (nullable): the window
 */
GtkWindow *
wm_test_find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }

  return NULL;
}

/**
 * wm_test_find_widget:
 * @root: a widget
 * @match: says whether a widget is the one looked for
 * @data: passed to @match
 *
 * Returns: (transfer none) (nullable): the first widget in @root's tree,
 *   @root included, depth first, that @match accepts
 */
GtkWidget *
wm_test_find_widget (GtkWidget *root,
                     gboolean (*match) (GtkWidget *widget,
                                        gpointer   data),
                     gpointer   data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = wm_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/**
 * wm_test_find_descendant:
 * @root: a widget
 * @type: the type looked for
 *
 * Returns: (transfer none) (nullable): the first widget of @type in
 *   @root's tree, @root included, depth first
 */
GtkWidget *
wm_test_find_descendant (GtkWidget *root,
                         GType      type)
{
  return wm_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

/**
 * wm_test_wait_for_frames:
 * @frames: how many frames' time to wait
 *
 * Lets layout, style and the frame clock settle before looking.
 */
void
wm_test_wait_for_frames (guint frames)
{
  for (guint i = 0; i < frames; i++)
    {
      g_usleep (16000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

/**
 * wm_test_register_application:
 *
 * Tests and tools run side by side; each must own its application
 * instance rather than hand its work to another over D-Bus.
 *
 * Returns: (transfer full): a registered, non-unique application
 */
WmApplication *
wm_test_register_application (void)
{
  g_autoptr(GError) error = NULL;
  WmApplication *app = wm_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

/**
 * wm_test_isolate_state_dir:
 *
 * Points $XDG_STATE_HOME at a new, empty directory, so recovery copies of
 * one test program are not seen by another running beside it. Call it
 * first thing in main(): GLib reads the variable once.
 *
 * Returns: (transfer full): the directory
 */
char *
wm_test_isolate_state_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-state-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", dir, TRUE);
  return dir;
}

/**
 * wm_test_remove_tree:
 * @path: a directory
 *
 * Deletes @path and everything in it, as a test's last step.
 */
void
wm_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        wm_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/**
 * wm_test_wait_until:
 * @condition: what to wait for
 * @data: passed to @condition
 * @timeout_ms: how long to wait at most
 *
 * Runs the main context until @condition holds, for events that arrive
 * from outside: file monitors, worker threads, timers.
 *
 * Returns: whether @condition held before the time ran out
 */
gboolean
wm_test_wait_until (gboolean (*condition) (gpointer data),
                    gpointer   data,
                    guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (5000);
    }
  return TRUE;
}

/* The first controller of @type that @widget has, for a test to drive
 * what a gesture would. */
GtkEventController *
wm_test_find_controller (GtkWidget *widget,
                         GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}
