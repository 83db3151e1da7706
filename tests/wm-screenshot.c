/* wm-screenshot.c: renders Waymark's windows to PNG files, so that every
 * screen can be looked at under Xvfb. A developer tool, never installed.
 *
 *   wm-screenshot [--dark] [--large-text] SCREEN OUT.png
 *
 * --import FILE imports a CSV or Mermaid file into the window instead.
 *
 * SCREEN is one of: window, select, inspect, rename, drag, point, plot,
 * plot-hidden,
 * inspect (with --card TITLE to inspect that card),
 * persona (with --photo FILE to choose a photo), present (with --slide N),
 * export (with --format N to choose the Nth format),
 * new, new-user (the user's templates), save-template, replace-template,
 * preferences,
 * unsaved, error, recovery, about, shortcuts, export, print,
 * conflicts and conflicts-dialog (with a --map that a merge left with conflicts).
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <gtk/gtkunixprint.h>

#include "wm-application.h"
#include "wm-canvas-private.h"
#include "wm-conflict-dialog.h"
#include "wm-edits.h"
#include "wm-export-dialog.h"
#include "wm-persona-editor.h"
#include "wm-preferences-window.h"
#include "wm-matrix-widget.h"
#include "wm-presentation.h"
#include "wm-priorities-view.h"
#include "wm-priorities.h"
#include "wm-recovery-dialog.h"
#include "wm-template-chooser.h"
#include "wm-templates.h"
#include "wm-view-popover.h"
#include "wm-test-map.h"
#include "wm-test-utils.h"
#include "wm-window.h"

static gboolean
save_window (GtkWidget  *window,
             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  /* At the paintable's own size: scaled, the picture would be
   * resampled and show seams the screen does not. */
  int width = gdk_paintable_get_intrinsic_width (paintable);
  int height = gdk_paintable_get_intrinsic_height (paintable);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  return gdk_texture_save_to_png (texture, path);
}

static gboolean
is_user_template_tile (GtkWidget *widget,
                       gpointer   data)
{
  return GTK_IS_FLOW_BOX_CHILD (widget) && g_object_get_data (G_OBJECT (widget), "user-template") != NULL;
}

static gboolean
is_open_popover (GtkWidget *widget,
                 gpointer   data)
{
  return GTK_IS_POPOVER (widget) && gtk_widget_get_mapped (widget);
}

int
main (int   argc,
      char *argv[])
{
  gboolean dark = FALSE;
  gboolean rtl = FALSE;
  gboolean large_text = FALSE;
  g_autofree char *map = NULL;
  g_autofree char *scroll = NULL;
  double zoom = 1.0;
  gboolean fit = FALSE;
  g_autofree char *generate = NULL;
  g_autofree char *template = NULL;
  g_autofree char *size = NULL;
  g_autofree char *compare = NULL;
  g_autofree char *photo = NULL;
  g_autofree char *import = NULL;
  g_autofree char *card_title = NULL;
  int slide = 0;
  int format = 0;
  int width = 1000, height = 680;
  const GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "The window's size", "WIDTHxHEIGHT" },
    { "compare", 0, 0, G_OPTION_ARG_FILENAME, &compare, "Compare the map with this one", "FILE" },
    { "slide", 0, 0, G_OPTION_ARG_INT, &slide, "The slide to present", "N" },
    { "format", 0, 0, G_OPTION_ARG_INT, &format, "The export format to choose, from 0", "N" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Use the dark style", NULL },
    { "rtl", 0, 0, G_OPTION_ARG_NONE, &rtl, "Lay the window out right to left, as an RTL language does", NULL },
    { "large-text", 0, 0, G_OPTION_ARG_NONE, &large_text, "Scale text by 1.5", NULL },
    { "map", 0, 0, G_OPTION_ARG_FILENAME, &map, "Open this map in the window", "FILE" },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import, "Import this CSV or Mermaid file instead of --map", "FILE" },
    { "scroll", 0, 0, G_OPTION_ARG_STRING, &scroll, "Scroll the map to X,Y pixels", "X,Y" },
    { "zoom", 0, 0, G_OPTION_ARG_DOUBLE, &zoom, "Zoom the map", "FACTOR" },
    { "fit", 0, 0, G_OPTION_ARG_NONE, &fit, "Zoom to fit the whole map", NULL },
    { "generate", 0, 0, G_OPTION_ARG_STRING, &generate, "Show a generated map instead of --map",
      "STAGESxLANESxCARDS" },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template,
      "Show a new map from this template (blank, current-state …), in the language of LANGUAGE", "KIND" },
    { "photo", 0, 0, G_OPTION_ARG_FILENAME, &photo, "Choose this file as the persona's photo", "FILE" },
    { "card", 0, 0, G_OPTION_ARG_STRING, &card_title, "Inspect the card with this title", "TITLE" },
    { NULL }
  };
  /* The screens that show or act on an open map. */
  static const char *const screens_with_map[] = {
    "select", "inspect", "rename", "drag", "point", "persona", "present", "export", "print", "header", "plot", "plot-hidden", "priorities", "health", "filter", "filter-popover", "conflicts", "conflicts-dialog", NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("SCREEN OUT.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmApplication) app = NULL;
  GtkWindow *window;
  GtkWindow *target;
  GtkWidget *popover = NULL;   /* shot instead of the window when set */
  const char *screen;
  const char *path;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3)
    {
      g_printerr ("usage: wm-screenshot [--dark] [--large-text] [--size WxH] [--map FILE | --generate SxLxC | --template KIND | --import FILE] [--compare FILE] [--zoom F | --fit] [--scroll X,Y] [--photo FILE] [--slide N] [--format N] window|select|inspect|rename|drag|header|point|plot|plot-hidden|persona|present|priorities|health|filter|filter-popover|new|save-template|replace-template|preferences|unsaved|error|recovery|about|shortcuts|export|print|conflicts|conflicts-dialog OUT.png\n");
      return 2;
    }
  screen = argv[1];
  path = argv[2];
  if (generate != NULL)
    map = g_strdup ("generated");
  if (template != NULL)
    map = g_strdup ("template");
  if (map == NULL && g_strv_contains (screens_with_map, screen))
    {
      g_printerr ("wm-screenshot: the %s screen shows a map: give one with --map FILE\n", screen);
      return 2;
    }

  /* The translations of this build, not of an installed Waymark, so
   * that each language's screens can be looked at before installing:
   * LANGUAGE=de with LANG=C.UTF-8 (glibc ignores LANGUAGE in plain C). */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, WM_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();

  app = wm_test_register_application ();
  /* GNOME's own title-bar buttons ("appmenu:close"), not the three GTK
   * shows without a desktop's settings. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  if (rtl)
    gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  if (large_text)
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);

  window = GTK_WINDOW (wm_window_new (app));
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    g_error ("--size wants WIDTHxHEIGHT, such as 1280x720");
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  if (generate != NULL)
    {
      int stages, lanes, cards;
      g_autoptr(WmDocument) document = NULL;

      if (sscanf (generate, "%dx%dx%d", &stages, &lanes, &cards) != 3)
        g_error ("--generate wants STAGESxLANESxCARDS, such as 40x10x1");
      document = wm_test_generate_map (stages, lanes, cards, 2);
      wm_window_show_document (WM_WINDOW (window), document, NULL);
    }
  else if (template != NULL)
    {
      int kind = WM_MAP_KIND_CUSTOM;
      g_autoptr(WmDocument) document = NULL;

      /* The template the New Map dialog would use, translated the same way. */
      if (!g_str_equal (template, "blank") && !wm_enum_from_nick (WM_TYPE_MAP_KIND, template, &kind))
        g_error ("--template wants blank, current-state, future-state, day-in-the-life or service-blueprint");
      document = wm_template_instantiate (kind, &error);
      if (document == NULL)
        g_error ("%s", error->message);
      wm_window_show_document (WM_WINDOW (window), document, NULL);
    }
  else if (import != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (import);

      wm_window_import_file (WM_WINDOW (window), file);
    }
  else if (map != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (map);

      wm_window_open_file (WM_WINDOW (window), file);
      if (compare != NULL)
        {
          g_autoptr(GFile) other = g_file_new_for_commandline_arg (compare);

          wm_window_compare_with (WM_WINDOW (window), other);
        }
    }
  wm_test_wait_for_frames (10);
  if (map != NULL && (scroll != NULL || zoom != 1.0 || fit))
    {
      WmCanvas *canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));
      double x = 0, y = 0;

      if (fit)
        g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-fit", NULL);
      else
        wm_canvas_set_zoom_at (canvas, zoom, 0, 0);
      if (scroll != NULL && sscanf (scroll, "%lf,%lf", &x, &y) == 2)
        {
          gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas)), x);
          gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas)), y);
        }
      wm_test_wait_for_frames (10);
    }

  if (g_str_equal (screen, "window"))
    target = window;
  else if (g_str_equal (screen, "select") || g_str_equal (screen, "rename") || g_str_equal (screen, "drag") ||
           g_str_equal (screen, "inspect"))
    {
      /* The editing states, on the cards in view. */
      WmCanvas *canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));
      WmLayout *layout = wm_canvas_get_layout (canvas);
      WmRect visible = wm_canvas_get_visible_rect (canvas);
      g_autoptr(GPtrArray) shown = g_ptr_array_new ();

      for (guint i = 0; i < layout->cards->len; i++)
        {
          const WmCardBox *box = &g_array_index (layout->cards, WmCardBox, i);

          if (wm_rect_contains_rect (&visible, &box->rect, 0) && box->rect.y > visible.y + 150)
            g_ptr_array_add (shown, box->card);
        }
      g_assert (shown->len >= 3);
      if (g_str_equal (screen, "select"))
        {
          const WmCardBox *box = wm_layout_find_card (layout, g_ptr_array_index (shown, 2));

          wm_canvas_set_selection (canvas, (WmCard **) shown->pdata, 2);
          wm_canvas_focus_card (canvas, g_ptr_array_index (shown, 1));
          wm_canvas_editor_pointer_moved (canvas, box->rect.x + 10, box->rect.y + 10);
        }
      else if (g_str_equal (screen, "inspect"))
        {
          wm_canvas_focus_card (canvas, card_title != NULL
                                        ? wm_test_card_titled (wm_canvas_get_document (canvas), card_title)
                                        : g_ptr_array_index (shown, 3));
          /* A narrow window folds the inspector away; open it as the
           * header bar's toggle does. */
          g_action_group_change_action_state (G_ACTION_GROUP (window), "show-inspector",
                                              g_variant_new_boolean (TRUE));
        }
      else if (g_str_equal (screen, "rename"))
        wm_canvas_edit_card_title (canvas, g_ptr_array_index (shown, 1));
      else
        {
          const WmCardBox *box = wm_layout_find_card (layout, g_ptr_array_index (shown, 0));
          const WmStageColumn *next = &g_array_index (layout->columns, WmStageColumn, box->stage_index + 1);
          WmRect to = { next->x + 20, box->rect.y + box->rect.height + 40, 0, 0 };
          graphene_rect_t from = wm_canvas_map_to_widget_rect (canvas, &box->rect);
          graphene_rect_t over = wm_canvas_map_to_widget_rect (canvas, &to);

          /* Two cards picked up together, over the next stage. */
          wm_canvas_set_selection (canvas, (WmCard **) shown->pdata, 2);
          g_assert (wm_canvas_dnd_press_card (canvas, from.origin.x + 30, from.origin.y + 15));
          wm_canvas_dnd_drag_cards_to (canvas, canvas->card_gesture, over.origin.x, over.origin.y);
          gtk_widget_queue_draw (GTK_WIDGET (canvas));
        }
      wm_test_wait_for_frames (40);
      target = window;
    }
  else if (g_str_equal (screen, "header"))
    {
      /* A stage header focused from the keyboard, as Tab leaves it. */
      WmCanvas *canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));

      wm_canvas_focus_header (canvas, TRUE, 1);
      gtk_window_set_focus_visible (window, TRUE);
      wm_test_wait_for_frames (20);
      target = window;
    }
  else if (g_str_equal (screen, "point"))
    {
      /* A point of the emotion graph being dragged up a level. */
      WmCanvas *canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));
      WmLayout *layout = wm_canvas_get_layout (canvas);
      WmRect visible = wm_canvas_get_visible_rect (canvas);
      const WmCurve *curve = &g_array_index (layout->curves, WmCurve, 0);
      const WmCurvePoint *chosen = NULL;

      for (guint i = 0; i < curve->points->len && chosen == NULL; i++)
        {
          const WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, i);

          if (point->x > visible.x + 250 && point->x < visible.x + visible.width - 100 &&
              point->y > visible.y + 150 && point->y < visible.y + visible.height - 60 && point->score < layout->emotion_levels)
            chosen = point;
        }
      g_assert (chosen != NULL);
      wm_canvas_focus_point (canvas, chosen->point);
      wm_canvas_points_begin_drag (canvas,
                                   GTK_GESTURE (wm_test_find_controller (wm_canvas_get_point_widget (canvas, chosen->point),
                                                                         GTK_TYPE_GESTURE_DRAG)),
                                   chosen->point, curve->lane_index);
      wm_canvas_points_drag_to (canvas, 0, -layout->style->emotion_level_height);
      /* With a second curve switched off in the legend. */
      if (layout->curves->len > 1)
        wm_canvas_set_curve_visible (canvas, g_array_index (wm_canvas_get_layout (canvas)->curves, WmCurve, 1).curve,
                                     FALSE);
      wm_test_wait_for_frames (10);
      target = window;
    }
  else if (g_str_equal (screen, "plot") || g_str_equal (screen, "plot-hidden"))
    {
      /* A persona just added, made active, plotting its first points:
       * the emotion lane says whose curve a click adds to; or, with its
       * curve hidden, that it takes no points. */
      WmCanvas *canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));
      WmEmotionPoint *point;
      WmPersona *persona;

      persona = wm_canvas_add_persona (canvas);
      if (persona == NULL)
        g_error ("this map has no room for another persona");
      point = wm_canvas_add_point (canvas);
      if (point != NULL)
        wm_document_set_int (wm_window_get_document (WM_WINDOW (window)), WM_ELEMENT (point), "score", 4);
      wm_canvas_add_point (canvas);
      if (g_str_equal (screen, "plot-hidden"))
        {
          WmDocument *document = wm_window_get_document (WM_WINDOW (window));

          wm_canvas_set_curve_visible (canvas, wm_document_get_curve_for_persona (document,
                                                                                  wm_element_get_id (WM_ELEMENT (persona))),
                                       FALSE);
          wm_canvas_set_active_persona (canvas, persona);
        }
      wm_test_wait_for_frames (10);
      /* The first emotion lane, near the top of the view. */
      for (guint i = 0; i < wm_canvas_get_layout (canvas)->rows->len; i++)
        {
          const WmLaneRow *row = &g_array_index (wm_canvas_get_layout (canvas)->rows, WmLaneRow, i);

          if (row->kind == WM_LANE_KIND_EMOTIONS)
            {
              gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas)), 0);
              gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas)),
                                        (row->y - 120) * wm_canvas_get_zoom (canvas));
              break;
            }
        }
      wm_test_wait_for_frames (20);
      target = window;
    }
  else if (g_str_equal (screen, "persona"))
    {
      /* The persona editor, on the map's first persona. */
      WmCanvas *canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_CANVAS));
      g_autoptr(WmPersona) persona = g_list_model_get_item (wm_document_get_personas (wm_window_get_document (WM_WINDOW (window))), 0);

      wm_canvas_edit_persona (canvas, persona);
      wm_test_wait_for_frames (20);
      target = wm_test_find_toplevel_of_type (WM_TYPE_PERSONA_EDITOR);
      if (photo != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (photo);

          /* Refused or not, the editor shows the outcome. */
          wm_persona_editor_set_photo_from_file (WM_PERSONA_EDITOR (target), file, NULL);
          wm_test_wait_for_frames (20);
        }
    }
  else if (g_str_equal (screen, "present"))
    {
      WmPresentation *presentation;

      g_action_group_activate_action (G_ACTION_GROUP (window), "present", NULL);
      wm_test_wait_for_frames (10);
      presentation = WM_PRESENTATION (wm_test_find_toplevel_of_type (WM_TYPE_PRESENTATION));
      wm_presentation_go_to (presentation, slide);
      wm_test_wait_for_frames (40);
      target = GTK_WINDOW (presentation);
    }
  else if (g_str_equal (screen, "priorities"))
    {
      /* The Priorities view, the best quick win chosen in the matrix. */
      WmPrioritiesView *view;
      g_autoptr(GPtrArray) items = wm_priorities_collect (wm_window_get_document (WM_WINDOW (window)));
      g_autoptr(GPtrArray) wins = wm_priorities_quick_wins (items);

      g_action_group_activate_action (G_ACTION_GROUP (window), "show-view", g_variant_new_string ("priorities"));
      wm_test_wait_for_frames (10);
      view = WM_PRIORITIES_VIEW (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_PRIORITIES_VIEW));
      if (wins->len > 0)
        wm_priorities_view_select_card (view, ((WmPriorityItem *) g_ptr_array_index (wins, 0))->card);
      gtk_widget_grab_focus (wm_test_find_descendant (GTK_WIDGET (view), WM_TYPE_MATRIX_WIDGET));
      wm_test_wait_for_frames (20);
      target = window;
    }
  else if (g_str_equal (screen, "filter") || g_str_equal (screen, "filter-popover"))
    {
      /* The pain points and opportunities brought forward. */
      g_autoptr(WmViewFilter) filter = wm_view_filter_new ();
      WmViewPopover *chooser = WM_VIEW_POPOVER (wm_test_find_descendant (GTK_WIDGET (window), WM_TYPE_VIEW_POPOVER));

      filter->lane_kinds = 1u << WM_LANE_KIND_PAIN_POINTS | 1u << WM_LANE_KIND_OPPORTUNITIES;
      wm_edits_save_view (wm_window_get_document (WM_WINDOW (window)), "Pains and chances", filter);
      wm_view_popover_set_filter (chooser, filter);
      g_signal_emit_by_name (chooser, "filter-changed");
      wm_test_wait_for_frames (20);
      if (g_str_equal (screen, "filter-popover"))
        {
          gtk_popover_popup (GTK_POPOVER (chooser));
          wm_test_wait_for_frames (20);
          popover = GTK_WIDGET (chooser);
        }
      target = window;
    }
  else if (g_str_equal (screen, "health"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "show-health", NULL);
      wm_test_wait_for_frames (20);
      popover = wm_test_find_widget (GTK_WIDGET (window), is_open_popover, NULL);
      target = window;
    }
  else if (g_str_equal (screen, "new"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "new-map", NULL);
      wm_test_wait_for_frames (20);
      target = wm_test_find_toplevel_of_type (WM_TYPE_TEMPLATE_CHOOSER);
    }
  else if (g_str_equal (screen, "new-user"))
    {
      /* The user's templates, below the built-in ones. */
      GtkWidget *tile;

      g_action_group_activate_action (G_ACTION_GROUP (app), "new-map", NULL);
      wm_test_wait_for_frames (20);
      target = wm_test_find_toplevel_of_type (WM_TYPE_TEMPLATE_CHOOSER);
      tile = wm_test_find_widget (GTK_WIDGET (target), is_user_template_tile, NULL);
      g_assert (tile != NULL);
      gtk_widget_grab_focus (tile);
      wm_test_wait_for_frames (20);
    }
  else if (g_str_equal (screen, "save-template"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "save-as-template", NULL);
      wm_test_wait_for_frames (20);
      target = wm_test_find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
    }
  else if (g_str_equal (screen, "replace-template"))
    {
      /* Saving a template again under its name asks whether to replace
       * it (the first save makes it, in the user's data folder). */
      for (int i = 0; i < 2; i++)
        {
          AdwMessageDialog *save;

          g_action_group_activate_action (G_ACTION_GROUP (window), "save-as-template", NULL);
          wm_test_wait_for_frames (20);
          save = ADW_MESSAGE_DIALOG (wm_test_find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
          adw_message_dialog_response (save, "save");
          gtk_window_destroy (GTK_WINDOW (save));
          wm_test_wait_for_frames (20);
        }
      target = wm_test_find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
    }
  else if (g_str_equal (screen, "preferences"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
      wm_test_wait_for_frames (20);
      target = wm_test_find_toplevel_of_type (WM_TYPE_PREFERENCES_WINDOW);
    }
  else if (g_str_equal (screen, "unsaved"))
    {
      /* Closing a map with a change asks first. */
      WmDocument *document = wm_window_get_document (WM_WINDOW (window));

      g_assert (document != NULL);
      wm_document_set_string (document, WM_ELEMENT (document), "title", "Buying team software");
      gtk_window_close (window);
      wm_test_wait_for_frames (20);
      target = wm_test_find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
    }
  else if (g_str_equal (screen, "error"))
    {
      /* The dialog a --map that cannot be opened brings up. */
      target = wm_test_find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
    }
  else if (g_str_equal (screen, "recovery"))
    {
      /* What the next start offers after a crash, with made-up copies. */
      g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_recovery_entry_free);
      const char *titles[] = { "Buying team software", "Hotel stay, future state" };

      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        {
          WmRecoveryEntry *entry = g_new0 (WmRecoveryEntry, 1);

          entry->id = g_strdup_printf ("entry-%u", i);
          entry->title = g_strdup (titles[i]);
          entry->original = i == 0 ? g_file_new_for_path ("/home/dana/software-purchase.waymark") : NULL;
          entry->written = g_date_time_new_local (2026, 12, 1, 10, 32 - (int) i * 17, 5);
          g_ptr_array_add (copies, entry);
        }
      gtk_window_present (GTK_WINDOW (wm_recovery_dialog_new (window, copies)));
      wm_test_wait_for_frames (20);
      target = wm_test_find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG);
    }
  else if (g_str_equal (screen, "about"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
      wm_test_wait_for_frames (10);
      target = wm_test_find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW);
    }
  else if (g_str_equal (screen, "export"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "export", NULL);
      wm_test_wait_for_frames (20);
      target = wm_test_find_toplevel_of_type (WM_TYPE_EXPORT_DIALOG);
      /* Each format has its own description, and the longest one decides
       * whether the chosen format's name still fits beside it. */
      adw_combo_row_set_selected (ADW_COMBO_ROW (wm_test_find_descendant (GTK_WIDGET (target), ADW_TYPE_COMBO_ROW)),
                                  format);
      wm_test_wait_for_frames (10);
    }
  else if (g_str_equal (screen, "print"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "print", NULL);
      wm_test_wait_for_frames (30);
      target = wm_test_find_toplevel_of_type (GTK_TYPE_PRINT_UNIX_DIALOG);
    }
  else if (g_str_equal (screen, "conflicts"))
    target = window;
  else if (g_str_equal (screen, "conflicts-dialog"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "resolve-conflicts", NULL);
      wm_test_wait_for_frames (20);
      target = wm_test_find_toplevel_of_type (WM_TYPE_CONFLICT_DIALOG);
    }
  else if (g_str_equal (screen, "shortcuts"))
    {
      g_action_group_activate_action (G_ACTION_GROUP (window), "show-help-overlay", NULL);
      wm_test_wait_for_frames (10);
      target = wm_test_find_toplevel_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
    }
  else
    {
      g_printerr ("wm-screenshot: unknown screen “%s”\n", screen);
      return 2;
    }

  if (target == NULL || !save_window (popover != NULL ? popover : GTK_WIDGET (target), path))
    {
      g_printerr ("wm-screenshot: could not capture “%s”\n", screen);
      return 1;
    }

  return 0;
}
