/* test-compare.c: "Compare With Another Map…" lists the differences in
 * a panel; a line about a card selects it on the map; stopping the
 * comparison or closing the window takes the panel away.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wm-compare-panel.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-test-utils.h"
#include "wm-window.h"

static WmApplication *app;

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GFile *
sample_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "software-purchase.waymark", NULL);

  return g_file_new_for_path (path);
}

/* The sample with its first card retitled, in a file of its own. */
static GFile *
edited_copy (const char *directory)
{
  g_autoptr(GFile) sample = sample_file ();
  g_autoptr(WmDocument) document = wm_document_load (sample, NULL, NULL);
  g_autoptr(WmCard) card = g_list_model_get_item (wm_document_get_cards (document), 0);
  g_autofree char *path = g_build_filename (directory, "edited.waymark", NULL);
  g_autofree char *text = NULL;

  g_assert_true (wm_document_set_string (document, WM_ELEMENT (card), "title", "Misses the deadline again"));
  text = wm_document_to_json (document, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

static GtkListBoxRow *
row_containing (GtkListBox *list,
                const char *text)
{
  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      GtkWidget *label = gtk_list_box_row_get_child (row);

      if (strstr (gtk_label_get_label (GTK_LABEL (label)), text) != NULL)
        return row;
    }
  return NULL;
}

static void
test_compare_panel (void)
{
  g_autofree char *directory = g_dir_make_tmp ("waymark-compare-XXXXXX", NULL);
  g_autoptr(GFile) sample = sample_file ();
  g_autoptr(GFile) edited = edited_copy (directory);
  WmWindow *window = wm_window_new (app);
  GtkWindow *panel;
  GtkListBox *list;
  GtkListBoxRow *row;
  WmCanvas *canvas;
  WmElement *selected;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wm_window_open_file (window, sample));
  drain_main_context ();
  canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));

  g_assert_null (wm_window_get_compare_panel (window));
  g_assert_true (wm_window_compare_with (window, edited));
  drain_main_context ();
  panel = wm_window_get_compare_panel (window);
  g_assert_true (WM_IS_COMPARE_PANEL (panel));
  g_assert_true (gtk_window_get_transient_for (panel) == GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (panel)));
  list = wm_compare_panel_get_list (WM_COMPARE_PANEL (panel));

  /* The line says what changed, and selects the card on the map. */
  row = row_containing (list, "Stage “Awareness”: ~ customer action “Misses the deadline again” (was ");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_signal_emit_by_name (list, "row-activated", row);
  drain_main_context ();
  selected = wm_canvas_get_selected_element (canvas);
  g_assert_true (WM_IS_CARD (selected));
  g_assert_cmpstr (wm_card_get_title (WM_CARD (selected)), ==, "Misses a planning deadline buried in an email thread");

  /* Stopping the comparison closes the list. */
  g_object_add_weak_pointer (G_OBJECT (panel), (gpointer *) &panel);
  g_action_group_activate_action (G_ACTION_GROUP (window), "stop-comparing", NULL);
  drain_main_context ();
  g_assert_null (panel);
  g_assert_null (wm_window_get_compare_panel (window));

  /* The same map: one line that says so. Closing the window closes it. */
  g_assert_true (wm_window_compare_with (window, sample));
  drain_main_context ();
  panel = wm_window_get_compare_panel (window);
  list = wm_compare_panel_get_list (WM_COMPARE_PANEL (panel));
  g_assert_nonnull (row_containing (list, "The maps are the same"));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_object_add_weak_pointer (G_OBJECT (panel), (gpointer *) &panel);

  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  drain_main_context ();
  g_assert_finalize_object (window);
  g_assert_null (panel);

  {
    g_autofree char *path = g_build_filename (directory, "edited.waymark", NULL);

    g_unlink (path);
    g_rmdir (directory);
  }
}

int
main (int   argc,
      char *argv[])
{
  int result;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = wm_test_register_application ();

  g_test_add_func ("/compare/panel", test_compare_panel);

  result = g_test_run ();

  g_clear_object (&app);

  return result;
}
