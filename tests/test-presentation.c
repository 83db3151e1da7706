/* test-presentation.c: presenting a map full screen: its keys' actions,
 * blanking, the slides following the map, and Esc back to the editor on
 * the stage that was showing, with the map unchanged.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "wm-canvas-private.h"
#include "wm-canvas.h"
#include "wm-document-writer.h"
#include "wm-presentation.h"
#include "wm-stage.h"
#include "wm-test-utils.h"
#include "wm-window.h"

static WmApplication *app;

static void
activate (WmPresentation *presentation,
          const char     *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), action, NULL));
  wm_test_wait_for_frames (1);
}

/* What a screen reader is told of the slide on screen. */
static void G_GNUC_PRINTF (2, 3)
assert_description (WmPresentation *presentation,
                    const char     *format,
                    ...)
{
  g_autofree char *expected = NULL;
  va_list args;

  va_start (args, format);
  expected = g_strdup_vprintf (format, args);
  va_end (args);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (presentation), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
}

static void
test_present_and_leave (void)
{
  WmWindow *window = wm_window_new (app);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "software-purchase.waymark",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  WmPresentation *presentation;
  WmDocument *document;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(WmStage) stage = NULL;
  WmCanvas *canvas;
  WmRect visible;
  guint n;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wm_window_open_file (window, file));
  document = wm_window_get_document (window);
  before = wm_document_to_json (document, NULL);

  g_action_group_activate_action (G_ACTION_GROUP (window), "present", NULL);
  wm_test_wait_for_frames (3);
  presentation = WM_PRESENTATION (wm_test_find_toplevel_of_type (WM_TYPE_PRESENTATION));
  g_assert_nonnull (presentation);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  n = wm_presentation_get_n_slides (presentation);
  g_assert_cmpuint (n, >=, 2 + g_list_model_get_n_items (wm_document_get_stages (document)));
  g_assert_cmpuint (wm_presentation_get_index (presentation), ==, 0);
  g_assert_cmpint (wm_presentation_get_stage (presentation), ==, -1);
  assert_description (presentation, "Slide 1 of %u: title, Plotline: how small studios buy today", n);

  /* Right, Space, Page Down; Left, Page Up; Home, End. */
  activate (presentation, "presentation.next");
  activate (presentation, "presentation.next");
  activate (presentation, "presentation.next");
  g_assert_cmpuint (wm_presentation_get_index (presentation), ==, 3);
  activate (presentation, "presentation.previous");
  g_assert_cmpint (wm_presentation_get_stage (presentation), ==, 1);
  assert_description (presentation, "Slide 3 of %u: stage 2 of 6, Research", n);
  activate (presentation, "presentation.last");
  g_assert_cmpuint (wm_presentation_get_index (presentation), ==, n - 1);
  assert_description (presentation, "Slide %u of %u: overview of the whole map", n, n);
  activate (presentation, "presentation.next");
  g_assert_cmpuint (wm_presentation_get_index (presentation), ==, n - 1);
  activate (presentation, "presentation.first");
  g_assert_cmpuint (wm_presentation_get_index (presentation), ==, 0);
  activate (presentation, "presentation.previous");
  g_assert_cmpuint (wm_presentation_get_index (presentation), ==, 0);

  /* B blanks, and blanks no more. */
  activate (presentation, "presentation.blank");
  g_assert_true (wm_presentation_get_blank (presentation));
  assert_description (presentation, "The screen is blank");
  activate (presentation, "presentation.blank");
  g_assert_false (wm_presentation_get_blank (presentation));

  /* The slides follow the map; the stage on screen stays. */
  wm_presentation_go_to (presentation, 4);
  wm_test_wait_for_frames (1);
  g_assert_cmpint (wm_presentation_get_stage (presentation), ==, 3);
  stage = g_list_model_get_item (wm_document_get_stages (document), 0);
  wm_document_set_string (document, WM_ELEMENT (stage), "name", "Awareness, renamed");
  g_assert_cmpint (wm_presentation_get_stage (presentation), ==, 3);
  wm_history_undo (wm_document_get_history (document));

  /* Esc leaves, and the editor shows that stage, the map unchanged. */
  activate (presentation, "presentation.leave");
  wm_test_wait_for_frames (2);
  g_assert_null (presentation);
  canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));
  visible = wm_canvas_get_visible_rect (canvas);
  {
    const WmStageColumn *column = &g_array_index (wm_canvas_get_layout (canvas)->columns, WmStageColumn, 3);

    g_assert_cmpfloat (column->x, >=, visible.x);
    g_assert_cmpfloat (column->x, <, visible.x + visible.width);
  }
  after = wm_document_to_json (document, NULL);
  g_assert_cmpstr (before, ==, after);

  gtk_window_destroy (GTK_WINDOW (window));
  wm_test_wait_for_frames (1);
}

/* Presenting while a view is chosen presents that view: its slides tell
 * only the cards it keeps. */
static void
test_present_a_view (void)
{
  WmWindow *window = wm_window_new (app);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "gym-membership.waymark",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmViewFilter) filter = wm_view_filter_new ();
  WmCanvas *canvas;
  WmPresentation *presentation;
  guint whole;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wm_window_open_file (window, file));
  canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));

  g_action_group_activate_action (G_ACTION_GROUP (window), "present", NULL);
  wm_test_wait_for_frames (3);
  presentation = WM_PRESENTATION (wm_test_find_toplevel_of_type (WM_TYPE_PRESENTATION));
  g_assert_null (wm_presentation_get_filter (presentation));
  whole = wm_presentation_get_n_slides (presentation);
  gtk_window_destroy (GTK_WINDOW (presentation));
  wm_test_wait_for_frames (3);

  filter->lane_kinds = 1u << WM_LANE_KIND_PAIN_POINTS;
  wm_canvas_set_filter (canvas, filter);
  g_action_group_activate_action (G_ACTION_GROUP (window), "present", NULL);
  wm_test_wait_for_frames (3);
  presentation = WM_PRESENTATION (wm_test_find_toplevel_of_type (WM_TYPE_PRESENTATION));
  g_assert_true (wm_view_filter_equal (wm_presentation_get_filter (presentation), filter));
  /* One slide per stage at most, now that only pain points are told. */
  g_assert_cmpuint (wm_presentation_get_n_slides (presentation), <=, whole);
  g_assert_cmpuint (wm_presentation_get_n_slides (presentation), ==,
                    2 + g_list_model_get_n_items (wm_document_get_stages (wm_window_get_document (window))));
  gtk_window_destroy (GTK_WINDOW (presentation));
  wm_test_wait_for_frames (3);
  gtk_window_destroy (GTK_WINDOW (window));
  wm_test_wait_for_frames (3);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  /* GTK's test accessibility backend records what screen readers are told. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = wm_test_register_application ();

  g_test_add_func ("/presentation/present-and-leave", test_present_and_leave);
  g_test_add_func ("/presentation/present-a-view", test_present_a_view);

  result = g_test_run ();
  g_clear_object (&app);
  return result;
}
