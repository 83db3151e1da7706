/* test-canvas.c: editing a map on the canvas, as a user would, through
 * the canvas's actions and API.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <adwaita.h>

#include "wm-canvas-private.h"
#include "wm-canvas.h"
#include "wm-document-writer.h"
#include "wm-emotion-curve.h"
#include "wm-emotion-point.h"
#include "wm-point-widget.h"
#include "wm-stage.h"
#include "wm-card-widget.h"
#include "wm-lane.h"
#include "wm-layout-hit.h"
#include "wm-minimap.h"
#include "wm-painter.h"
#include "wm-test-edits.h"
#include "wm-test-images.h"
#include "wm-test-map.h"
#include "wm-test-utils.h"

typedef struct
{
  GtkWindow *window;
  GtkWidget *scrolled;
  WmCanvas *canvas;
  WmMinimap *minimap;
  WmDocument *document;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *map = data != NULL ? data : "samples/software-purchase.waymark";

  GtkWidget *overlay = gtk_overlay_new ();

  if (g_str_equal (map, "generated"))
    fixture->document = wm_test_generate_map (40, 10, 25, 3);
  else if (g_str_equal (map, "generated-tall"))
    fixture->document = wm_test_generate_map (4, 10, 6, 1);
  else if (g_str_equal (map, "generated-40x10"))
    fixture->document = wm_test_generate_map (40, 10, 1, 1);
  else
    fixture->document = wm_test_load_map (map);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 800);
  fixture->scrolled = gtk_scrolled_window_new ();
  fixture->canvas = WM_CANVAS (wm_canvas_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->scrolled), GTK_WIDGET (fixture->canvas));
  /* As in the window: the overview lies over the map's corner. */
  fixture->minimap = WM_MINIMAP (wm_minimap_new (fixture->canvas));
  gtk_widget_set_halign (GTK_WIDGET (fixture->minimap), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (fixture->minimap), GTK_ALIGN_END);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), fixture->scrolled);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (fixture->minimap));
  gtk_window_set_child (fixture->window, overlay);
  wm_canvas_set_document (fixture->canvas, fixture->document);
  gtk_window_present (fixture->window);
  while (gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) <= 0)
    g_main_context_iteration (NULL, TRUE);
  wm_test_wait_for_frames (3);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_ref (fixture->canvas);
  g_object_ref (fixture->minimap);
  gtk_window_destroy (fixture->window);
  wm_test_wait_for_frames (1);
  g_assert_finalize_object (fixture->minimap);
  g_assert_finalize_object (fixture->canvas);
  g_assert_finalize_object (fixture->document);
}

static WmCard *
nth_card (WmDocument *document,
          guint       n)
{
  g_autoptr(WmCard) card = g_list_model_get_item (wm_document_get_cards (document), n);

  return card;
}

static const char *
stage_id (WmDocument *document,
          guint       index)
{
  g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (document), index);

  return wm_element_get_id (WM_ELEMENT (stage));
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->canvas), action, parameter));
  wm_test_wait_for_frames (1);
}

static guint
n_cards (Fixture *fixture)
{
  return g_list_model_get_n_items (wm_document_get_cards (fixture->document));
}

/* Cards are widgets a screen reader can find, named with their place. */
static void
test_cards_are_widgets (Fixture       *fixture,
                        gconstpointer  data)
{
  WmCard *card = nth_card (fixture->document, 0);
  GtkWidget *widget;

  g_assert_true (wm_canvas_focus_card (fixture->canvas, card));
  wm_test_wait_for_frames (1);
  widget = wm_canvas_get_card_widget (fixture->canvas, card);
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_is_focus (widget));
  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_cmpint (gtk_widget_get_width (widget), >, 100);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==, GTK_ACCESSIBLE_ROLE_BUTTON);
  g_assert_true (wm_canvas_get_selected_element (fixture->canvas) == WM_ELEMENT (card));
  g_assert_true (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_SELECTED);
}

/* Moving cards to another stage is one undo step, and the layout puts
 * them there. */
static void
test_move_cards (Fixture       *fixture,
                 gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (fixture->document);
  WmCard *card = nth_card (fixture->document, 0);
  g_autofree char *old_stage = g_strdup (wm_card_get_stage (card));
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  int lane_index = -1;
  GListModel *lanes = wm_document_get_lanes (fixture->document);
  guint steps = wm_history_get_n_undo_steps (history);

  for (guint i = 0; i < g_list_model_get_n_items (lanes) && lane_index < 0; i++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, i);

      if (g_str_equal (wm_element_get_id (WM_ELEMENT (lane)), wm_card_get_lane (card)))
        lane_index = i;
    }
  g_ptr_array_add (cards, card);
  g_ptr_array_add (cards, nth_card (fixture->document, 1));
  g_assert_true (wm_canvas_move_cards (fixture->canvas, cards, 2, lane_index, 0));
  g_assert_cmpstr (wm_card_get_stage (card), ==, stage_id (fixture->document, 2));
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps + 1);
  wm_test_wait_for_frames (1);
  g_assert_cmpuint (wm_layout_find_card (wm_canvas_get_layout (fixture->canvas), card)->stage_index, ==, 2);

  /* They land at the top of the cell, in the order given. */
  {
    g_autoptr(GPtrArray) cell = wm_document_get_cell_cards (fixture->document, stage_id (fixture->document, 2),
                                                            wm_card_get_lane (card));

    g_assert_true (g_ptr_array_index (cell, 0) == card);
    g_assert_true (g_ptr_array_index (cell, 1) == g_ptr_array_index (cards, 1));
  }

  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_card_get_stage (card), ==, old_stage);

  /* Alt+Right moves the focused card a stage on. */
  g_assert_true (wm_canvas_focus_card (fixture->canvas, card));
  activate (fixture, "canvas.move-card", g_variant_new_string ("right"));
  g_assert_cmpint (wm_document_get_stage_index (fixture->document, wm_card_get_stage (card)), ==,
                   wm_document_get_stage_index (fixture->document, old_stage) + 1);
  g_assert_true (gtk_widget_is_focus (wm_canvas_get_card_widget (fixture->canvas, card)));

  /* Alt+Down past the last card of its cell takes it into the next lane
   * that shows cards, at the top; Alt+Up brings it back to the bottom. */
  {
    g_autofree char *lane = g_strdup (wm_card_get_lane (card));
    g_autoptr(GPtrArray) cell = wm_document_get_cell_cards (fixture->document, wm_card_get_stage (card), lane);
    guint presses = cell->len;
    g_autoptr(GPtrArray) back = NULL;

    for (guint i = 0; i < presses; i++)
      activate (fixture, "canvas.move-card", g_variant_new_string ("down"));
    g_assert_cmpstr (wm_card_get_lane (card), !=, lane);
    {
      g_autoptr(GPtrArray) below = wm_document_get_cell_cards (fixture->document, wm_card_get_stage (card),
                                                               wm_card_get_lane (card));

      g_assert_true (g_ptr_array_index (below, 0) == card);
    }
    g_assert_true (gtk_widget_is_focus (wm_canvas_get_card_widget (fixture->canvas, card)));
    activate (fixture, "canvas.move-card", g_variant_new_string ("up"));
    g_assert_cmpstr (wm_card_get_lane (card), ==, lane);
    back = wm_document_get_cell_cards (fixture->document, wm_card_get_stage (card), lane);
    g_assert_true (g_ptr_array_index (back, back->len - 1) == card);
  }
}

static void
type_into_editor (Fixture    *fixture,
                  const char *text)
{
  GtkEditable *editor = wm_canvas_get_editor (fixture->canvas);

  g_assert_nonnull (editor);
  gtk_editable_set_text (editor, text);
  g_signal_emit_by_name (editor, "activate");
  wm_test_wait_for_frames (1);
  g_assert_null (wm_canvas_get_editor (fixture->canvas));
}

/* A new card exists once its title is typed: one undo step. */
static void
test_add_and_rename_cards (Fixture       *fixture,
                           gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (fixture->document);
  WmCard *first = nth_card (fixture->document, 0);
  guint before = n_cards (fixture);
  WmCard *added;

  g_assert_true (wm_canvas_focus_card (fixture->canvas, first));
  activate (fixture, "canvas.add-card", NULL);
  /* The editor opens below the focused card, leaving it in sight. */
  {
    graphene_rect_t editor, card;

    wm_test_wait_for_frames (2);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (wm_canvas_get_editor (fixture->canvas)),
                                              GTK_WIDGET (fixture->canvas), &editor));
    g_assert_true (gtk_widget_compute_bounds (wm_canvas_get_card_widget (fixture->canvas, first),
                                              GTK_WIDGET (fixture->canvas), &card));
    g_assert_cmpfloat (editor.origin.y, >=, card.origin.y + card.size.height - 1);
  }
  type_into_editor (fixture, "  Calls the support line  ");
  g_assert_cmpuint (n_cards (fixture), ==, before + 1);
  added = wm_test_card_titled (fixture->document, "Calls the support line");
  g_assert_nonnull (added);
  g_assert_cmpstr (wm_card_get_stage (added), ==, wm_card_get_stage (first));
  g_assert_cmpstr (wm_card_get_lane (added), ==, wm_card_get_lane (first));
  g_assert_true (gtk_widget_is_focus (wm_canvas_get_card_widget (fixture->canvas, added)));

  /* An abandoned new card leaves nothing. */
  activate (fixture, "canvas.add-card", NULL);
  g_assert_nonnull (wm_canvas_get_editor (fixture->canvas));
  gtk_editable_set_text (wm_canvas_get_editor (fixture->canvas), "Not this");
  activate (fixture, "canvas.add-card", NULL);  /* moves on; keeps the first */
  g_assert_nonnull (wm_test_card_titled (fixture->document, "Not this"));
  g_assert_true (wm_history_undo (history));
  g_assert_null (wm_test_card_titled (fixture->document, "Not this"));
  type_into_editor (fixture, "");
  g_assert_cmpuint (n_cards (fixture), ==, before + 1);

  /* F2 renames the focused card. */
  g_assert_true (wm_canvas_focus_card (fixture->canvas, added));
  activate (fixture, "canvas.rename", NULL);
  type_into_editor (fixture, "Phones support");
  g_assert_cmpstr (wm_card_get_title (added), ==, "Phones support");
  g_assert_cmpstr (wm_history_get_undo_label (history), !=, NULL);
  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_card_get_title (added), ==, "Calls the support line");
}

/* Delete removes every selected card in one step. */
static GPtrArray *
cell_of (WmDocument *document,
         WmCard     *card)
{
  return wm_document_get_cell_cards (document, wm_card_get_stage (card), wm_card_get_lane (card));
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (fixture->document);
  WmCard *cards[] = { nth_card (fixture->document, 0), nth_card (fixture->document, 3) };
  guint before = n_cards (fixture);

  wm_canvas_set_selection (fixture->canvas, cards, 2);
  g_assert_null (wm_canvas_get_selected_element (fixture->canvas));  /* several: no inspector target */
  g_object_ref (cards[0]);
  g_object_ref (cards[1]);
  activate (fixture, "canvas.delete", NULL);
  g_assert_cmpuint (n_cards (fixture), ==, before - 2);
  g_assert_cmpuint (wm_canvas_get_selection (fixture->canvas)->len, ==, 0);
  g_assert_true (wm_history_undo (history));
  g_assert_cmpuint (n_cards (fixture), ==, before);
  g_assert_true (wm_document_lookup (fixture->document, wm_element_get_id (WM_ELEMENT (cards[0]))) == WM_ELEMENT (cards[0]));
  g_object_unref (cards[0]);
  g_object_unref (cards[1]);

  /* Delete on a focused card moves the focus to the next in its cell,
   * then, at the end of the cell, to the one before. */
  {
    g_autoptr(GPtrArray) cell = NULL;
    WmCard *second, *last, *before_last;

    for (guint i = 0; cell == NULL || cell->len < 3; i++)
      {
        g_clear_pointer (&cell, g_ptr_array_unref);
        cell = cell_of (fixture->document, nth_card (fixture->document, i));
      }
    second = g_ptr_array_index (cell, 1);
    last = g_ptr_array_index (cell, cell->len - 1);
    before_last = g_ptr_array_index (cell, cell->len - 2);

    g_assert_true (wm_canvas_focus_card (fixture->canvas, g_ptr_array_index (cell, 0)));
    activate (fixture, "canvas.delete", NULL);
    g_assert_true (wm_canvas_get_focus_card (fixture->canvas) == second);
    g_assert_true (wm_canvas_card_is_selected (fixture->canvas, second));
    g_assert_true (wm_canvas_focus_card (fixture->canvas, last));
    activate (fixture, "canvas.delete", NULL);
    g_assert_true (wm_canvas_get_focus_card (fixture->canvas) == before_last);
  }
}

/* Copy and paste through the real clipboard, and duplicate. */
static void
test_clipboard (Fixture       *fixture,
                gconstpointer  data)
{
  WmCard *card = nth_card (fixture->document, 0);
  g_autofree char *title = g_strdup (wm_card_get_title (card));
  guint before = n_cards (fixture);
  GPtrArray *selection;

  g_assert_true (wm_canvas_focus_card (fixture->canvas, card));
  activate (fixture, "canvas.copy", NULL);
  activate (fixture, "canvas.paste", NULL);
  for (guint i = 0; i < 100 && n_cards (fixture) == before; i++)
    wm_test_wait_for_frames (1);
  g_assert_cmpuint (n_cards (fixture), ==, before + 1);
  selection = wm_canvas_get_selection (fixture->canvas);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_true (g_ptr_array_index (selection, 0) != card);
  g_assert_cmpstr (wm_card_get_title (g_ptr_array_index (selection, 0)), ==, title);
  g_assert_cmpstr (wm_card_get_stage (g_ptr_array_index (selection, 0)), ==, wm_card_get_stage (card));

  activate (fixture, "canvas.duplicate", NULL);
  g_assert_cmpuint (n_cards (fixture), ==, before + 2);
}

/* Pastes, then waits until the selected card's picture is no longer
 * @before. */
static void
paste_picture (Fixture *fixture,
               WmCard  *card,
               GBytes  *before)
{
  activate (fixture, "canvas.paste", NULL);
  for (guint i = 0; i < 200 && wm_card_get_picture (card) == before; i++)
    wm_test_wait_for_frames (1);
}

/* A picture pasted with one card selected, as an image or as a PNG file
 * copied in the file manager, becomes its picture, cropped to a
 * storyboard frame, in one undo step; text still pastes as cards. */
static void
test_paste_picture (Fixture       *fixture,
                    gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (fixture->document);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas));
  WmCard *card = nth_card (fixture->document, 0);
  guint before = n_cards (fixture);
  g_autoptr(GBytes) png = wm_test_png (1000, 400);
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (png, NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-paste-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Sketch.PNG", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkTexture) pasted = NULL;
  GSList files = { file, NULL };

  g_assert_nonnull (texture);
  g_assert_null (wm_card_get_picture (card));
  g_assert_true (wm_canvas_focus_card (fixture->canvas, card));
  g_assert_cmpuint (wm_canvas_get_selection (fixture->canvas)->len, ==, 1);

  gdk_clipboard_set_texture (clipboard, texture);
  paste_picture (fixture, card, NULL);
  g_assert_nonnull (wm_card_get_picture (card));
  g_assert_cmpuint (n_cards (fixture), ==, before);
  /* Through the import: cut to 4:3 (to the pixel) and no larger than
   * it is kept. */
  pasted = gdk_texture_new_from_bytes (wm_card_get_picture (card), NULL);
  g_assert_cmpint (ABS (gdk_texture_get_width (pasted) * 3 - gdk_texture_get_height (pasted) * 4), <=, 4);
  g_assert_cmpint (gdk_texture_get_width (pasted), <=, 800);
  g_assert_true (wm_history_undo (history));
  g_assert_null (wm_card_get_picture (card));

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  gdk_clipboard_set (clipboard, GDK_TYPE_FILE_LIST, &files);
  paste_picture (fixture, card, NULL);
  g_assert_nonnull (wm_card_get_picture (card));
  g_assert_cmpuint (n_cards (fixture), ==, before);

  gdk_clipboard_set_text (clipboard, "First step\nSecond step");
  activate (fixture, "canvas.paste", NULL);
  for (guint i = 0; i < 200 && n_cards (fixture) == before; i++)
    wm_test_wait_for_frames (1);
  g_assert_cmpuint (n_cards (fixture), ==, before + 2);

  g_unlink (path);
  g_rmdir (dir);
}

/* Stages and lanes are added, renamed, moved and deleted. */
static void
test_stages_and_lanes (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *stages = wm_document_get_stages (fixture->document);
  GListModel *lanes = wm_document_get_lanes (fixture->document);
  guint n_stages = g_list_model_get_n_items (stages);
  guint n_lanes = g_list_model_get_n_items (lanes);
  g_autoptr(WmStage) first = g_list_model_get_item (stages, 0);
  g_autoptr(WmStage) second = NULL;

  wm_canvas_add_stage (fixture->canvas, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_stages + 1);
  type_into_editor (fixture, "Renewal");
  {
    g_autoptr(WmStage) last = g_list_model_get_item (stages, n_stages);

    g_assert_cmpstr (wm_stage_get_name (last), ==, "Renewal");
  }

  wm_canvas_add_lane (fixture->canvas, WM_LANE_KIND_PAIN_POINTS, 1);
  type_into_editor (fixture, "Worries");
  {
    g_autoptr(WmLane) lane = g_list_model_get_item (lanes, 1);

    g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, n_lanes + 1);
    g_assert_cmpint (wm_lane_get_kind (lane), ==, WM_LANE_KIND_PAIN_POINTS);
    g_assert_cmpstr (wm_lane_get_title (lane), ==, "Worries");
  }

  wm_canvas_select_element (fixture->canvas, WM_ELEMENT (first));
  activate (fixture, "canvas.move-right", NULL);
  second = g_list_model_get_item (stages, 1);
  g_assert_true (second == first);
  activate (fixture, "canvas.stage-color", g_variant_new_string ("#33d17a"));
  g_assert_cmpstr (wm_stage_get_color (first), ==, "#33d17a");
  activate (fixture, "canvas.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_stages);
  g_assert_true (wm_history_undo (wm_document_get_history (fixture->document)));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_stages + 1);
}

/* Whether the context menu, with its sections and submenus, has an item
 * labelled @label. */
static gboolean
menu_has_label (GMenuModel *model,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &item) &&
          g_str_equal (item, label))
        return TRUE;
      if ((section != NULL && menu_has_label (section, label)) || (submenu != NULL && menu_has_label (submenu, label)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
lane_menu_has (Fixture    *fixture,
               WmLane     *lane,
               const char *label)
{
  gboolean found;

  wm_canvas_show_context_menu (fixture->canvas, WM_ELEMENT (lane), 10, 10);
  found = menu_has_label (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (fixture->canvas->context_menu)), label);
  gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_menu));
  return found;
}

/* A lane's menu offers to collapse an open lane and to expand a collapsed
 * one; the first lane cannot move up, nor the last down. */
static void
test_lane_menu (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *lanes = wm_document_get_lanes (fixture->document);
  g_autoptr(WmLane) first = g_list_model_get_item (lanes, 0);
  g_autoptr(WmLane) last = g_list_model_get_item (lanes, g_list_model_get_n_items (lanes) - 1);

  g_assert_true (lane_menu_has (fixture, first, "Co_llapse"));
  g_assert_false (lane_menu_has (fixture, first, "Move _Up"));
  g_assert_true (lane_menu_has (fixture, first, "Move _Down"));
  g_assert_false (lane_menu_has (fixture, last, "Move _Down"));
  wm_canvas_select_element (fixture->canvas, WM_ELEMENT (first));
  activate (fixture, "canvas.toggle-collapsed", NULL);
  g_assert_true (wm_lane_get_collapsed (first));
  g_assert_true (lane_menu_has (fixture, first, "E_xpand"));
  g_assert_false (lane_menu_has (fixture, first, "Co_llapse"));
}

/* Arrow keys walk from card to card. */
static void
test_keyboard_focus (Fixture       *fixture,
                     gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  const WmCardBox *box = &g_array_index (layout->cards, WmCardBox, 0);
  WmCard *card = box->card;
  GtkWidget *widget;
  gboolean handled = FALSE;
  g_autoptr(GListModel) controllers = NULL;

  g_assert_true (wm_canvas_focus_card (fixture->canvas, card));
  wm_test_wait_for_frames (1);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->canvas));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
    }
  g_assert_true (handled);
  widget = gtk_widget_get_focus_child (GTK_WIDGET (fixture->canvas));
  g_assert_true (WM_IS_CARD_WIDGET (widget));
  g_assert_true (wm_card_widget_get_card (WM_CARD_WIDGET (widget)) != card);
  g_assert_cmpuint (wm_card_widget_get_box (WM_CARD_WIDGET (widget))->stage_index, ==, box->stage_index + 1);
  g_assert_cmpuint (wm_card_widget_get_box (WM_CARD_WIDGET (widget))->lane_index, ==, box->lane_index);
}

/* On a 10,000-card map the number of card widgets follows the window,
 * not the map, from one end to the other. */
static void
test_widgets_are_recycled (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->canvas));
  guint most = 0;

  g_assert_cmpuint (n_cards (fixture), ==, 10000);
  for (guint step = 0; step <= 20; step++)
    {
      gtk_adjustment_set_value (h, (gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h)) * step / 20);
      gtk_adjustment_set_value (v, (gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v)) * step / 20);
      wm_test_wait_for_frames (1);
      most = MAX (most, wm_canvas_get_n_card_widgets (fixture->canvas));
      g_assert_cmpuint (wm_canvas_get_n_card_widgets (fixture->canvas), >, 0);
    }
  g_test_message ("at most %u card widgets", most);
  g_assert_cmpuint (most, <=, 500);
}

/* The persona cards, which show every section, may fill the first
 * screen: this brings the grid to the top of the view. */
static void
scroll_to_grid (Fixture *fixture)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->canvas));
  graphene_rect_t grid = wm_canvas_map_to_widget_rect (fixture->canvas, &layout->grid);

  gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + grid.origin.y);
  wm_test_wait_for_frames (2);
}

/* Where on the canvas a card of stage 0 is pressed, and the middle of the
 * cell two stages on in its lane, in view, where the drag takes it. */
static WmCard *
card_to_drag (Fixture          *fixture,
              graphene_point_t *press,
              graphene_point_t *target,
              guint            *target_stage)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->canvas));

  scroll_to_grid (fixture);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (layout->cards, WmCardBox, i);
      graphene_rect_t on_canvas = wm_canvas_map_to_widget_rect (fixture->canvas, &box->rect);
      WmRect cell;
      graphene_rect_t cell_on_canvas;

      if (box->stage_index != 0 || box->stage_index + 2 >= layout->columns->len)
        continue;
      cell = wm_layout_cell_rect (layout, box->stage_index + 2, box->lane_index);
      cell_on_canvas = wm_canvas_map_to_widget_rect (fixture->canvas, &cell);
      *press = GRAPHENE_POINT_INIT (on_canvas.origin.x + 20, on_canvas.origin.y + 10);
      /* Across, at the same height: clear of the edges, where the view
       * would scroll. */
      *target = GRAPHENE_POINT_INIT (cell_on_canvas.origin.x + cell_on_canvas.size.width / 2, press->y);
      *target_stage = box->stage_index + 2;
      if (press->y > 60 && press->y < height - 60 && target->x < width - 60)
        return box->card;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Dragging a selected card takes the other selected cards along: while
 * they are in the air the drop is shown and Undo is off, and on release
 * they move as one undo step. */
static void
test_drag_cards (Fixture       *fixture,
                 gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (fixture->document);
  graphene_point_t press, target;
  guint stage;
  WmCard *card = card_to_drag (fixture, &press, &target, &stage);
  WmCard *other = NULL;
  WmCard *both[2];
  g_autofree char *old_stage = g_strdup (wm_card_get_stage (card));
  guint steps = wm_history_get_n_undo_steps (history);
  GtkGesture *gesture = fixture->canvas->card_gesture;

  for (guint i = 0; i < n_cards (fixture) && other == NULL; i++)
    if (nth_card (fixture->document, i) != card &&
        g_str_equal (wm_card_get_lane (nth_card (fixture->document, i)), wm_card_get_lane (card)) &&
        !g_str_equal (wm_card_get_stage (nth_card (fixture->document, i)), stage_id (fixture->document, stage)))
      other = nth_card (fixture->document, i);
  g_assert_nonnull (other);
  both[0] = card;
  both[1] = other;
  wm_canvas_set_selection (fixture->canvas, both, 2);

  /* A press where no card is drags nothing. */
  g_assert_false (wm_canvas_dnd_press_card (fixture->canvas, 2, 2));

  g_assert_true (wm_canvas_dnd_press_card (fixture->canvas, press.x, press.y));
  wm_canvas_dnd_drag_cards_to (fixture->canvas, gesture, (press.x + target.x) / 2, (press.y + target.y) / 2);
  wm_canvas_dnd_drag_cards_to (fixture->canvas, gesture, target.x, target.y);
  g_assert_true (fixture->canvas->drop_active);
  g_assert_cmpuint (fixture->canvas->drop_spot.stage_index, ==, stage);
  g_assert_nonnull (fixture->canvas->drag_ghost);
  g_assert_false (wm_history_get_can_undo (history));
  /* Nothing has moved yet. */
  g_assert_cmpstr (wm_card_get_stage (card), ==, old_stage);
  wm_test_wait_for_frames (1);
  g_assert_true (gtk_widget_has_css_class (wm_canvas_get_card_widget (fixture->canvas, card), "dragged"));

  wm_canvas_dnd_drop_cards (fixture->canvas, gesture);
  g_assert_cmpstr (wm_card_get_stage (card), ==, stage_id (fixture->document, stage));
  g_assert_cmpstr (wm_card_get_stage (other), ==, stage_id (fixture->document, stage));
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps + 1);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Move 2 Cards");
  g_assert_false (fixture->canvas->drop_active);
  g_assert_null (fixture->canvas->drag_ghost);
  wm_test_wait_for_frames (1);
  g_assert_false (gtk_widget_has_css_class (wm_canvas_get_card_widget (fixture->canvas, card), "dragged"));

  g_assert_true (wm_history_undo (history));
  g_assert_cmpstr (wm_card_get_stage (card), ==, old_stage);
}

/* Escape while cards are in the air drops nothing: the map saves as
 * before, no undo step is added, and the release that follows moves
 * nothing. */
static void
test_drag_cards_escape (Fixture       *fixture,
                        gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (fixture->document);
  graphene_point_t press, target;
  guint stage;
  WmCard *card = card_to_drag (fixture, &press, &target, &stage);
  g_autofree char *old_stage = g_strdup (wm_card_get_stage (card));
  GtkGesture *gesture = fixture->canvas->card_gesture;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint steps;

  /* Something to undo, so that Undo would have had work. */
  wm_canvas_resize_begin (fixture->canvas, 1);
  wm_canvas_resize_update (fixture->canvas, 10);
  wm_canvas_resize_end (fixture->canvas);
  steps = wm_history_get_n_undo_steps (history);
  g_assert_true (wm_history_get_can_undo (history));
  before = wm_document_to_json (fixture->document, NULL);
  wm_test_wait_for_frames (1);
  card = card_to_drag (fixture, &press, &target, &stage);

  g_assert_true (wm_canvas_dnd_press_card (fixture->canvas, press.x, press.y));
  wm_canvas_dnd_drag_cards_to (fixture->canvas, gesture, target.x, target.y);
  g_assert_true (fixture->canvas->drop_active);
  g_assert_false (wm_history_get_can_undo (history));
  /* At the window's edge the map scrolls under the cards. */
  wm_canvas_dnd_drag_cards_to (fixture->canvas, gesture, gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) - 4,
                               target.y);
  g_assert_cmpuint (fixture->canvas->autoscroll_id, !=, 0);

  g_assert_true (wm_canvas_cancel_drag (fixture->canvas));
  g_assert_cmpuint (fixture->canvas->autoscroll_id, ==, 0);
  g_assert_false (fixture->canvas->drop_active);
  g_assert_null (fixture->canvas->drag_ghost);
  g_assert_null (fixture->canvas->dragged_cards);
  g_assert_true (wm_history_get_can_undo (history));
  /* The button comes up after the Escape. */
  wm_canvas_dnd_drop_cards (fixture->canvas, gesture);
  g_assert_cmpstr (wm_card_get_stage (card), ==, old_stage);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps);
  after = wm_document_to_json (fixture->document, NULL);
  g_assert_cmpstr (after, ==, before);
  /* The drag is over: a second Escape is the map's again. */
  g_assert_false (wm_canvas_cancel_drag (fixture->canvas));
  wm_test_wait_for_frames (1);
  g_assert_false (gtk_widget_has_css_class (wm_canvas_get_card_widget (fixture->canvas, card), "dragged"));
}

/* The part of the map in view holds the whole map. */
static void
assert_shows_whole_map (Fixture *fixture)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmRect visible = wm_canvas_get_visible_rect (fixture->canvas);

  g_test_message ("map %.0f × %.0f, zoom %.3f, view %.0f × %.0f at %.0f, %.0f", layout->width, layout->height,
                  wm_canvas_get_zoom (fixture->canvas), visible.width, visible.height, visible.x, visible.y);
  g_assert_cmpfloat (visible.x, <=, 0.5);
  g_assert_cmpfloat (visible.y, <=, 0.5);
  g_assert_cmpfloat (visible.x + visible.width, >=, layout->width - 0.5);
  g_assert_cmpfloat (visible.y + visible.height, >=, layout->height - 0.5);
}

/* Zoom to Fit on a map taller than wide shows its bottom lane too. */
static void
test_fit_tall_map (Fixture       *fixture,
                   gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->canvas));

  /* Fitting the width alone would leave lanes below the window. */
  g_assert_cmpfloat (layout->height * width / layout->width, >, height);
  wm_canvas_set_zoom (fixture->canvas, wm_canvas_get_fit_zoom (fixture->canvas));
  wm_test_wait_for_frames (2);
  assert_shows_whole_map (fixture);
}

/* Zoom goes low enough to see a 40-stage, 10-lane map whole, in a
 * window about 1000 pixels wide. */
static void
test_fit_wide_map (Fixture       *fixture,
                   gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);

  /* In a 1000 × 700 view the zoom it takes is allowed, */
  g_assert_cmpfloat (MIN (1000 / layout->width, 700 / layout->height), >=, WM_CANVAS_MIN_ZOOM);
  /* and in this window too. */
  g_assert_cmpfloat (wm_canvas_get_fit_zoom (fixture->canvas), >, WM_CANVAS_MIN_ZOOM);
  wm_canvas_set_zoom (fixture->canvas, wm_canvas_get_fit_zoom (fixture->canvas));
  wm_test_wait_for_frames (2);
  assert_shows_whole_map (fixture);
}

static guint
n_shown_card_widgets (WmCanvas *canvas)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (WM_IS_CARD_WIDGET (child) && gtk_widget_get_child_visible (child))
      n++;
  return n;
}

/* Zoomed out over a 10,000-card map, cards are painted, not made into
 * thousands of widgets; the focused card keeps its widget and focus, and
 * zooming back in gives the cards in view their widgets again. */
static void
test_low_zoom_paints_cards (Fixture       *fixture,
                            gconstpointer  data)
{
  WmCard *card = nth_card (fixture->document, 0);
  GtkWidget *widget;
  guint at_full_size;

  g_assert_true (wm_canvas_focus_card (fixture->canvas, card));
  wm_test_wait_for_frames (1);
  at_full_size = n_shown_card_widgets (fixture->canvas);
  g_assert_cmpuint (at_full_size, >, 10);

  wm_canvas_set_zoom (fixture->canvas, WM_CANVAS_MIN_ZOOM);
  wm_test_wait_for_frames (2);
  g_test_message ("%u cards in view", wm_layout_cards_in (wm_canvas_get_layout (fixture->canvas),
                                                          &(WmRect) { 0, 0, 1e9, 1e9 })->len);
  g_assert_cmpuint (n_shown_card_widgets (fixture->canvas), ==, 1);
  g_assert_cmpuint (wm_canvas_get_n_card_widgets (fixture->canvas), <=, 100);
  widget = wm_canvas_get_card_widget (fixture->canvas, card);
  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_is_focus (widget));

  /* Scrolling about at this zoom makes no widgets either. */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->canvas)), 1e9);
  wm_test_wait_for_frames (2);
  g_assert_cmpuint (n_shown_card_widgets (fixture->canvas), ==, 1);

  wm_canvas_set_zoom (fixture->canvas, 1.0);
  wm_test_wait_for_frames (2);
  g_assert_cmpuint (n_shown_card_widgets (fixture->canvas), >, 10);
  g_assert_true (gtk_widget_is_focus (wm_canvas_get_card_widget (fixture->canvas, card)));
}

/* The overview shows while part of the map is out of view; a click in
 * it brings that part of the map into view. Its picture is painted once
 * per layout, not while scrolling. */
static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->canvas));
  graphene_rect_t rect;
  graphene_point_t point;
  double map_x = layout->width * 0.8, map_y = layout->height * 0.7;
  WmRect visible;
  guint renders;

  g_assert_true (wm_minimap_get_shown (fixture->minimap));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->minimap)));
  g_assert_true (wm_minimap_get_picture_rect (fixture->minimap, &rect));
  renders = wm_minimap_get_n_renders (fixture->minimap);
  g_assert_cmpuint (renders, ==, 1);

  visible = wm_canvas_get_visible_rect (fixture->canvas);
  g_assert_false (wm_rect_contains_rect (&visible, &(WmRect) { map_x, map_y, 1, 1 }, 0));
  /* The point of the overview where that part of the map is drawn, in
   * the window, as the pointer would find it. */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (fixture->minimap), GTK_WIDGET (fixture->window),
                                           &GRAPHENE_POINT_INIT (rect.origin.x + rect.size.width * 0.8,
                                                                 rect.origin.y + rect.size.height * 0.7),
                                           &point));
  g_assert_true (gtk_widget_pick (GTK_WIDGET (fixture->window), point.x, point.y, GTK_PICK_DEFAULT)
                 == GTK_WIDGET (fixture->minimap));
  wm_minimap_jump_to (fixture->minimap, rect.origin.x + rect.size.width * 0.8, rect.origin.y + rect.size.height * 0.7);
  wm_test_wait_for_frames (1);
  visible = wm_canvas_get_visible_rect (fixture->canvas);
  g_assert_true (wm_rect_contains_rect (&visible, &(WmRect) { map_x, map_y, 1, 1 }, 0));

  /* Scrolling repaints the outline, not the map. */
  for (guint step = 0; step <= 10; step++)
    {
      gtk_adjustment_set_value (h, (gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h)) * step / 10);
      gtk_adjustment_set_value (v, (gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v)) * step / 10);
      wm_test_wait_for_frames (1);
    }
  g_assert_cmpuint (wm_minimap_get_n_renders (fixture->minimap), ==, renders);

  /* An edit changes the picture. */
  g_assert_true (wm_document_set_string (fixture->document, WM_ELEMENT (nth_card (fixture->document, 0)), "title", "Renamed"));
  wm_test_wait_for_frames (2);
  g_assert_cmpuint (wm_minimap_get_n_renders (fixture->minimap), ==, renders + 1);

  /* With the whole map in view it hides, and clicks in its corner reach
   * the map. */
  wm_canvas_set_zoom (fixture->canvas, wm_canvas_get_fit_zoom (fixture->canvas));
  wm_test_wait_for_frames (2);
  g_assert_false (wm_minimap_get_shown (fixture->minimap));
  g_assert_true (gtk_widget_pick (GTK_WIDGET (fixture->window), point.x, point.y, GTK_PICK_DEFAULT)
                 != GTK_WIDGET (fixture->minimap));

  /* Turned off, it stays hidden whatever the view. */
  wm_canvas_set_zoom (fixture->canvas, 1.0);
  wm_test_wait_for_frames (2);
  g_assert_true (wm_minimap_get_shown (fixture->minimap));
  wm_minimap_set_enabled (fixture->minimap, FALSE);
  g_assert_false (wm_minimap_get_shown (fixture->minimap));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (fixture->minimap)));
}

/* Dragging a stage header's right edge resizes the stage, live and as
 * one undo step; a double-click there gives the theme's width back. */
static void
test_resize_stage (Fixture       *fixture,
                   gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (fixture->document);
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  const WmStageColumn *first = &g_array_index (layout->columns, WmStageColumn, 0);
  double edge_x = first->x + first->width;
  double header_y = layout->grid.y + 10;
  g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (fixture->document), 0);
  guint steps = wm_history_get_n_undo_steps (history);
  double default_width = first->width;

  g_assert_cmpint (wm_canvas_resize_edge_at (fixture->canvas, edge_x - 2, header_y), ==, 0);
  g_assert_cmpint (wm_canvas_resize_edge_at (fixture->canvas, edge_x - 40, header_y), ==, -1);
  /* The edge is grabbed in the header row only, not in the cells. */
  g_assert_cmpint (wm_canvas_resize_edge_at (fixture->canvas, edge_x, layout->grid.y + layout->grid.height - 5),
                   ==, -1);

  wm_canvas_resize_begin (fixture->canvas, 0);
  wm_canvas_resize_update (fixture->canvas, 50);
  layout = wm_canvas_get_layout (fixture->canvas);
  g_assert_cmpfloat (g_array_index (layout->columns, WmStageColumn, 0).width, ==, default_width + 50);
  wm_canvas_resize_update (fixture->canvas, 150);
  wm_canvas_resize_update (fixture->canvas, -10000);
  g_assert_cmpint (wm_stage_get_width (stage), ==, WM_STAGE_MIN_WIDTH);
  wm_canvas_resize_update (fixture->canvas, 152);
  g_assert_cmpint (wm_stage_get_width (stage), ==, (int) default_width + 152);
  wm_canvas_resize_end (fixture->canvas);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps + 1);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Resize Stage");

  /* A second drag is a step of its own. */
  wm_canvas_resize_begin (fixture->canvas, 0);
  wm_canvas_resize_update (fixture->canvas, 10);
  wm_canvas_resize_end (fixture->canvas);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps + 2);

  wm_canvas_reset_stage_width (fixture->canvas, 0);
  g_assert_cmpint (wm_stage_get_width (stage), ==, 0);
  layout = wm_canvas_get_layout (fixture->canvas);
  g_assert_cmpfloat (g_array_index (layout->columns, WmStageColumn, 0).width, ==, default_width);
  wm_history_undo (history);
  wm_history_undo (history);
  g_assert_cmpint (wm_stage_get_width (stage), ==, (int) default_width + 152);
  wm_history_undo (history);
  g_assert_cmpint (wm_stage_get_width (stage), ==, 0);
}

/* The first point of the first curve, as laid out in the first emotion
 * lane, with its lane's row. */
static const WmCurvePoint *
first_point (Fixture          *fixture,
             const WmLaneRow **row)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  const WmCurve *curve = &g_array_index (layout->curves, WmCurve, 0);

  g_assert_cmpuint (curve->points->len, >, 0);
  *row = &g_array_index (layout->rows, WmLaneRow, curve->lane_index);
  return &g_array_index (curve->points, WmCurvePoint, 0);
}

/* Every point is a focusable widget a screen reader reads as a slider. */
static void
test_points_are_widgets (Fixture       *fixture,
                         gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  const WmLaneRow *row;
  const WmCurvePoint *point = first_point (fixture, &row);
  WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, point->stage_index);
  GtkWidget *widget = wm_canvas_get_point_widget (fixture->canvas, point->point);
  g_autofree char *expected = NULL;

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_get_focusable (widget));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)), ==, GTK_ACCESSIBLE_ROLE_SLIDER);
  if (*wm_emotion_point_get_label (point->point) != '\0')
    expected = g_strdup_printf ("%s, %d of 5: %s", wm_stage_get_name (column->stage), point->score,
                                wm_emotion_point_get_label (point->point));
  else
    expected = g_strdup_printf ("%s, %d of 5", wm_stage_get_name (column->stage), point->score);
  g_assert_cmpstr (wm_point_widget_get_description (WM_POINT_WIDGET (widget)), ==, expected);

  wm_canvas_focus_point (fixture->canvas, point->point);
  wm_test_wait_for_frames (1);
  g_assert_true (gtk_widget_is_focus (widget));
  g_assert_true (gtk_widget_get_mapped (widget));

  /* Tab reaches the points from the map. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  for (guint i = 0; i < 500 && !WM_IS_POINT_WIDGET (gtk_root_get_focus (GTK_ROOT (fixture->window))); i++)
    if (!gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD))
      break;
  g_assert_true (WM_IS_POINT_WIDGET (gtk_root_get_focus (GTK_ROOT (fixture->window))));
}

/* The drag gesture a point's widget has. */
static GtkGesture *
point_gesture (Fixture        *fixture,
               WmEmotionPoint *point)
{
  GtkWidget *widget = wm_canvas_get_point_widget (fixture->canvas, point);

  return GTK_GESTURE (wm_test_find_controller (widget, GTK_TYPE_GESTURE_DRAG));
}

/* Dragging a point snaps it to levels and moves it between stages, as
 * one undo step. */
static void
test_drag_point (Fixture       *fixture,
                 gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (fixture->document);
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  const WmLaneRow *row;
  const WmCurvePoint *at = first_point (fixture, &row);
  g_autoptr(WmEmotionPoint) point = g_object_ref (at->point);
  g_autofree char *stage = g_strdup (wm_emotion_point_get_stage (point));
  guint lane = g_array_index (layout->curves, WmCurve, 0).lane_index;
  int score = wm_emotion_point_get_score (point);
  double level = layout->style->emotion_level_height;
  double column_width = g_array_index (layout->columns, WmStageColumn, at->stage_index).width;
  guint steps = wm_history_get_n_undo_steps (history);
  int levels_up = score <= 3 ? 2 : -2;

  wm_canvas_points_begin_drag (fixture->canvas, point_gesture (fixture, point), point, lane);
  /* Up by a bit less than the levels: it snaps to the nearest. */
  wm_canvas_points_drag_to (fixture->canvas, 0, -levels_up * level + 0.3 * level);
  g_assert_cmpint (wm_emotion_point_get_score (point), ==, score + levels_up);
  g_assert_true (gtk_widget_get_visible (fixture->canvas->point_bubble));
  wm_canvas_points_drag_to (fixture->canvas, column_width, -levels_up * level);
  g_assert_cmpint (wm_document_get_stage_index (fixture->document, wm_emotion_point_get_stage (point)), ==,
                   wm_document_get_stage_index (fixture->document, stage) + 1);
  wm_canvas_points_end_drag (fixture->canvas);
  g_assert_false (gtk_widget_get_visible (fixture->canvas->point_bubble));
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps + 1);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Move Point");

  wm_history_undo (history);
  g_assert_cmpint (wm_emotion_point_get_score (point), ==, score);
  g_assert_cmpstr (wm_emotion_point_get_stage (point), ==, stage);
}

/* Escape during a point drag puts the point back where it was, saves as
 * before, and leaves no undo step. */
static void
test_drag_point_escape (Fixture       *fixture,
                        gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (fixture->document);
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  const WmLaneRow *row;
  const WmCurvePoint *at = first_point (fixture, &row);
  g_autoptr(WmEmotionPoint) point = g_object_ref (at->point);
  guint lane = g_array_index (layout->curves, WmCurve, 0).lane_index;
  double level = layout->style->emotion_level_height;
  double column_width = g_array_index (layout->columns, WmStageColumn, at->stage_index).width;
  int score = wm_emotion_point_get_score (point);
  int levels_up = score <= 3 ? 2 : -2;
  guint steps = wm_history_get_n_undo_steps (history);
  gboolean could_undo = wm_history_get_can_undo (history);
  g_autofree char *before = wm_document_to_json (fixture->document, NULL);
  g_autofree char *after = NULL;

  wm_canvas_points_begin_drag (fixture->canvas, point_gesture (fixture, point), point, lane);
  wm_canvas_points_drag_to (fixture->canvas, 0, -levels_up * level);
  wm_canvas_points_drag_to (fixture->canvas, column_width, -levels_up * level);
  g_assert_cmpint (wm_emotion_point_get_score (point), ==, score + levels_up);
  g_assert_false (wm_history_get_can_undo (history));

  g_assert_true (wm_canvas_cancel_drag (fixture->canvas));
  g_assert_cmpint (wm_emotion_point_get_score (point), ==, score);
  after = wm_document_to_json (fixture->document, NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps);
  g_assert_cmpint (wm_history_get_can_undo (history), ==, could_undo);
  g_assert_false (gtk_widget_get_visible (fixture->canvas->point_bubble));
  /* The drag is over: a second Escape is the map's again. */
  g_assert_false (wm_canvas_cancel_drag (fixture->canvas));
  wm_canvas_points_drag_to (fixture->canvas, 0, -levels_up * level);
  g_assert_cmpint (wm_emotion_point_get_score (point), ==, score);
}

/* Ctrl+Z while a stage is being resized does nothing (no critical, which
 * G_DEBUG=fatal-criticals would make fatal); Escape then gives the stage
 * its width back. */
static void
test_resize_ignores_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (fixture->document);
  g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (fixture->document), 0);
  int first_width = wm_stage_get_width (stage);  /* 0: the theme's */
  int width;
  guint steps;

  /* Something to undo, so that Undo would have had work. */
  wm_canvas_resize_begin (fixture->canvas, 0);
  wm_canvas_resize_update (fixture->canvas, 30);
  wm_canvas_resize_end (fixture->canvas);
  g_assert_true (wm_history_get_can_undo (history));
  steps = wm_history_get_n_undo_steps (history);
  width = wm_stage_get_width (stage);
  /* The map as laid out again, as a press finds it. */
  wm_canvas_get_layout (fixture->canvas);

  wm_canvas_resize_begin (fixture->canvas, 0);
  wm_canvas_resize_update (fixture->canvas, 60);
  g_assert_false (wm_history_get_can_undo (history));
  g_assert_false (wm_history_undo (history));
  g_assert_false (wm_history_redo (history));
  g_assert_cmpint (wm_stage_get_width (stage), ==, width + 60);

  g_assert_true (wm_canvas_cancel_drag (fixture->canvas));
  g_assert_cmpint (wm_stage_get_width (stage), ==, width);
  g_assert_cmpfloat (g_array_index (wm_canvas_get_layout (fixture->canvas)->columns, WmStageColumn, 0).width, ==, width);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps);
  g_assert_true (wm_history_undo (history));
  g_assert_cmpint (wm_stage_get_width (stage), ==, first_width);
}

/* Up and Down change the score, Left and Right the stage; focus stays on
 * the point; Delete removes it, and Undo brings it back. */
static void
test_point_keyboard (Fixture       *fixture,
                     gconstpointer  data)
{
  WmHistory *history = wm_document_get_history (fixture->document);
  const WmLaneRow *row;
  const WmCurvePoint *at = first_point (fixture, &row);
  g_autoptr(WmEmotionPoint) point = g_object_ref (at->point);
  int score = wm_emotion_point_get_score (point);
  const char *key = score < 5 ? "canvas.point-raise" : "canvas.point-lower";
  int stage = wm_document_get_stage_index (fixture->document, wm_emotion_point_get_stage (point));
  GtkWidget *widget;
  WmEmotionPoint *beside;
  guint n_points = g_list_model_get_n_items (wm_emotion_curve_get_points (
    g_array_index (wm_canvas_get_layout (fixture->canvas)->curves, WmCurve, 0).curve));

  wm_canvas_focus_point (fixture->canvas, point);
  widget = wm_canvas_get_point_widget (fixture->canvas, point);
  g_assert_true (gtk_widget_activate_action (widget, key, NULL));
  wm_test_wait_for_frames (1);
  g_assert_cmpint (wm_emotion_point_get_score (point), ==, score < 5 ? score + 1 : score - 1);
  g_assert_true (gtk_widget_activate_action (widget, "canvas.point-move", "i", 1));
  wm_test_wait_for_frames (1);
  g_assert_cmpint (wm_document_get_stage_index (fixture->document, wm_emotion_point_get_stage (point)), ==, stage + 1);
  g_assert_true (wm_canvas_get_point_widget (fixture->canvas, point) == widget);
  g_assert_true (gtk_widget_is_focus (widget));

  /* Delete removes the point, and the focus goes on along the curve. */
  {
    GArray *along = g_array_index (wm_canvas_get_layout (fixture->canvas)->curves, WmCurve, 0).points;
    guint p = 0;

    while (g_array_index (along, WmCurvePoint, p).point != point)
      p++;
    beside = g_array_index (along, WmCurvePoint, p + 1 < along->len ? p + 1 : p - 1).point;
  }
  g_assert_true (gtk_widget_activate_action (widget, "canvas.point-delete", NULL));
  wm_test_wait_for_frames (1);
  g_assert_null (wm_canvas_get_point_widget (fixture->canvas, point));
  g_assert_true (gtk_widget_is_focus (wm_canvas_get_point_widget (fixture->canvas, beside)));
  g_assert_cmpuint (g_list_model_get_n_items (wm_emotion_curve_get_points (
    g_array_index (wm_canvas_get_layout (fixture->canvas)->curves, WmCurve, 0).curve)), ==, n_points - 1);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Delete Point");
  wm_history_undo (history);
  g_assert_nonnull (wm_canvas_get_point_widget (fixture->canvas, point));
}

/* A click on an emotion lane adds a point where it was; elsewhere, not. */
static void
test_add_point (Fixture       *fixture,
                gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  const WmLaneRow *row;
  const WmStageColumn *last = &g_array_index (layout->columns, WmStageColumn, layout->columns->len - 1);
  /* Copied: the layout is replaced when the map changes. */
  WmStage *last_stage = last->stage;
  double last_x = last->x, last_width = last->width;
  WmEmotionPoint *added;
  double y, card_row_y = -1;

  first_point (fixture, &row);
  y = wm_layout_level_y (layout, row, 4);
  for (guint i = 0; i < layout->rows->len && card_row_y < 0; i++)
    if (g_array_index (layout->rows, WmLaneRow, i).kind != WM_LANE_KIND_EMOTIONS)
      card_row_y = g_array_index (layout->rows, WmLaneRow, i).y + 10;

  added = wm_canvas_add_point_at (fixture->canvas, last_x + last_width / 2, y + 3);
  g_assert_nonnull (added);
  g_assert_cmpint (wm_emotion_point_get_score (added), ==, 4);
  g_assert_true (wm_document_lookup (fixture->document, wm_emotion_point_get_stage (added)) ==
                 WM_ELEMENT (last_stage));
  g_assert_cmpfloat_with_epsilon (wm_emotion_point_get_position (added), 0.5, 0.05);
  g_assert_cmpstr (wm_history_get_undo_label (wm_document_get_history (fixture->document)), ==, "Add Point");
  wm_test_wait_for_frames (1);
  g_assert_true (gtk_widget_is_focus (wm_canvas_get_point_widget (fixture->canvas, added)));

  /* Its label is edited in place. */
  wm_canvas_edit_point_label (fixture->canvas, added);
  g_assert_nonnull (wm_canvas_get_editor (fixture->canvas));
  type_into_editor (fixture, "Finally, a real person");
  g_assert_cmpstr (wm_emotion_point_get_label (added), ==, "Finally, a real person");

  /* Not in a lane of cards. */
  g_assert_null (wm_canvas_add_point_at (fixture->canvas, last_x + 20, card_row_y));
}

/* The legend switches curves off and on; the curve being worked on lies
 * over the others. None of it touches the map. */
static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  WmEmotionCurve *first = g_array_index (layout->curves, WmCurve, 0).curve;
  WmEmotionCurve *second = g_array_index (layout->curves, WmCurve, 1).curve;
  g_autoptr(WmEmotionPoint) point = g_list_model_get_item (wm_emotion_curve_get_points (first), 0);
  g_autoptr(WmEmotionPoint) other = g_list_model_get_item (wm_emotion_curve_get_points (second), 0);
  guint steps = wm_history_get_n_undo_steps (wm_document_get_history (fixture->document));

  g_assert_cmpuint (fixture->canvas->legend_toggles->len, ==, 2);
  g_assert_true (gtk_toggle_button_get_active (g_ptr_array_index (fixture->canvas->legend_toggles, 0)));

  wm_canvas_set_curve_visible (fixture->canvas, first, FALSE);
  g_assert_false (gtk_toggle_button_get_active (g_ptr_array_index (fixture->canvas->legend_toggles, 0)));
  g_assert_true (g_array_index (wm_canvas_get_layout (fixture->canvas)->curves, WmCurve, 0).hidden);
  g_assert_null (wm_canvas_get_point_widget (fixture->canvas, point));
  g_assert_nonnull (wm_canvas_get_point_widget (fixture->canvas, other));
  /* Still hidden after the map is laid out again. */
  wm_document_set_string (fixture->document, WM_ELEMENT (fixture->document), "title", "Relaid out");
  g_assert_true (g_array_index (wm_canvas_get_layout (fixture->canvas)->curves, WmCurve, 0).hidden);

  wm_canvas_set_curve_visible (fixture->canvas, first, TRUE);
  g_assert_nonnull (wm_canvas_get_point_widget (fixture->canvas, point));
  g_assert_cmpuint (wm_history_get_n_undo_steps (wm_document_get_history (fixture->document)), ==, steps + 1);

  wm_canvas_focus_point (fixture->canvas, other);
  wm_test_wait_for_frames (1);
  layout = wm_canvas_get_layout (fixture->canvas);
  g_assert_false (g_array_index (layout->curves, WmCurve, 0).on_top);
  g_assert_true (g_array_index (layout->curves, WmCurve, 1).on_top);
}

/* Where a click in the first emotion lane lands, in the middle of a
 * stage at a level of the scale. */
static void
emotion_spot (Fixture *fixture,
              guint    stage_index,
              int      score,
              double  *x,
              double  *y)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  const WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, stage_index);

  for (guint i = 0; i < layout->rows->len; i++)
    {
      const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, i);

      if (row->kind == WM_LANE_KIND_EMOTIONS)
        {
          *x = column->x + column->width / 2;
          *y = wm_layout_level_y (layout, row, score);
          return;
        }
    }
  g_assert_not_reached ();
}

static guint
n_points_of (Fixture   *fixture,
             WmPersona *persona)
{
  WmEmotionCurve *curve = wm_document_get_curve_for_persona (fixture->document,
                                                             wm_element_get_id (WM_ELEMENT (persona)));

  return curve != NULL ? g_list_model_get_n_items (wm_emotion_curve_get_points (curve)) : 0;
}

static WmPersona *
nth_persona (Fixture *fixture,
             guint    n)
{
  g_autoptr(WmPersona) persona = g_list_model_get_item (wm_document_get_personas (fixture->document), n);

  return persona;   /* the document keeps it */
}

static void
select_persona_card (Fixture   *fixture,
                     WmPersona *persona)
{
  GtkWidget *card = wm_canvas_get_persona_widget (fixture->canvas, persona);

  g_assert_nonnull (card);
  gtk_widget_grab_focus (card);
  wm_test_wait_for_frames (1);
}

/* A click in the emotion lane adds to the curve of the persona the user
 * picked, even a new persona's empty one; a point or a persona card picks. */
static void
test_points_join_chosen_persona (Fixture       *fixture,
                                 gconstpointer  data)
{
  WmPersona *first = nth_persona (fixture, 0);
  WmPersona *second = nth_persona (fixture, 1);
  WmPersona *added;
  guint first_points = n_points_of (fixture, first), second_points = n_points_of (fixture, second);
  WmEmotionPoint *point;
  double x, y;

  /* A persona added, closing its editor, selecting its card. */
  added = wm_canvas_add_persona (fixture->canvas);
  g_assert_nonnull (added);
  select_persona_card (fixture, added);
  emotion_spot (fixture, 1, 4, &x, &y);
  point = wm_canvas_add_point_at (fixture->canvas, x, y);
  g_assert_nonnull (point);
  g_assert_cmpuint (n_points_of (fixture, added), ==, 1);
  g_assert_true (wm_document_get_curve_of_point (fixture->document, point) ==
                 wm_document_get_curve_for_persona (fixture->document, wm_element_get_id (WM_ELEMENT (added))));
  g_assert_cmpint (wm_emotion_point_get_score (point), ==, 4);
  g_assert_cmpuint (n_points_of (fixture, first), ==, first_points);
  /* A screen reader names it after its persona, renamed too. */
  wm_test_wait_for_frames (1);
  g_assert_cmpstr (wm_point_widget_get_name (WM_POINT_WIDGET (wm_canvas_get_point_widget (fixture->canvas, point))),
                   ==, "New persona’s feeling");
  wm_document_set_string (fixture->document, WM_ELEMENT (added), "name", "Maya");
  wm_test_wait_for_frames (1);
  g_assert_cmpstr (wm_point_widget_get_name (WM_POINT_WIDGET (wm_canvas_get_point_widget (fixture->canvas, point))),
                   ==, "Maya’s feeling");
  g_assert_nonnull (strstr (gtk_label_get_text (g_ptr_array_index (fixture->canvas->persona_hints, 0)), "Maya"));
  g_assert_cmpuint (n_points_of (fixture, second), ==, second_points);

  /* The second click goes on with the same curve: the new point, focused,
   * keeps its persona active. */
  emotion_spot (fixture, 2, 2, &x, &y);
  g_assert_nonnull (wm_canvas_add_point_at (fixture->canvas, x, y));
  g_assert_cmpuint (n_points_of (fixture, added), ==, 2);

  /* The second persona's card, then a point of the first's. */
  select_persona_card (fixture, second);
  g_assert_nonnull (wm_canvas_add_point_at (fixture->canvas, x, y));
  g_assert_cmpuint (n_points_of (fixture, second), ==, second_points + 1);
  {
    WmEmotionCurve *curve = wm_document_get_curve_for_persona (fixture->document,
                                                               wm_element_get_id (WM_ELEMENT (first)));
    g_autoptr(WmEmotionPoint) of_first = g_list_model_get_item (wm_emotion_curve_get_points (curve), 0);

    wm_canvas_focus_point (fixture->canvas, of_first);
  }
  g_assert_true (wm_canvas_get_active_persona (fixture->canvas) == first);
  emotion_spot (fixture, 3, 1, &x, &y);
  g_assert_nonnull (wm_canvas_add_point_at (fixture->canvas, x, y));
  g_assert_cmpuint (n_points_of (fixture, first), ==, first_points + 1);
  g_assert_cmpuint (n_points_of (fixture, added), ==, 2);
}

static GtkWidget *
legend_toggle_of (Fixture   *fixture,
                  WmPersona *persona)
{
  WmEmotionCurve *curve = wm_document_get_curve_for_persona (fixture->document,
                                                             wm_element_get_id (WM_ELEMENT (persona)));

  for (guint i = 0; i < fixture->canvas->legend_toggles->len; i++)
    {
      GtkWidget *toggle = g_ptr_array_index (fixture->canvas->legend_toggles, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (toggle), "curve-id"), wm_element_get_id (WM_ELEMENT (curve))) == 0)
        return toggle;
    }
  return NULL;
}

static const char *
hint_text (Fixture *fixture)
{
  g_assert_cmpuint (fixture->canvas->persona_hints->len, >, 0);
  return gtk_label_get_text (g_ptr_array_index (fixture->canvas->persona_hints, 0));
}

/* A hidden curve takes no point: hiding the active persona's hands the
 * clicks to a curve still shown; choosing a persona whose curve is hidden
 * makes a click do nothing, and the lane says why. */
static void
test_hidden_curve_gets_no_points (Fixture       *fixture,
                                  gconstpointer  data)
{
  WmPersona *first = nth_persona (fixture, 0);
  WmPersona *second = nth_persona (fixture, 1);
  WmEmotionCurve *first_curve = wm_document_get_curve_for_persona (fixture->document,
                                                                   wm_element_get_id (WM_ELEMENT (first)));
  guint first_points = n_points_of (fixture, first), second_points = n_points_of (fixture, second);
  guint steps = wm_history_get_n_undo_steps (wm_document_get_history (fixture->document));
  GtkWidget *toggle = legend_toggle_of (fixture, first);
  double x, y;

  g_assert_nonnull (toggle);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (toggle), ==, "Hide this curve");
  wm_canvas_set_curve_visible (fixture->canvas, first_curve, FALSE);
  /* The toggle says what it does now, before anything else changes. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (toggle), ==, "Show this curve");

  emotion_spot (fixture, 1, 3, &x, &y);
  g_assert_nonnull (wm_canvas_add_point_at (fixture->canvas, x, y));
  g_assert_cmpuint (n_points_of (fixture, first), ==, first_points);
  g_assert_cmpuint (n_points_of (fixture, second), ==, second_points + 1);

  select_persona_card (fixture, first);
  g_assert_true (wm_canvas_get_active_persona (fixture->canvas) == first);
  g_assert_nonnull (strstr (hint_text (fixture), "curve is hidden"));
  g_assert_null (wm_canvas_add_point_at (fixture->canvas, x, y));
  g_assert_null (wm_canvas_add_point (fixture->canvas));
  g_assert_cmpuint (n_points_of (fixture, first), ==, first_points);
  g_assert_cmpuint (n_points_of (fixture, second), ==, second_points + 1);
  g_assert_cmpuint (wm_history_get_n_undo_steps (wm_document_get_history (fixture->document)), ==, steps + 1);

  /* Shown again, it takes points; its toggle says so, after undo too. */
  wm_canvas_set_curve_visible (fixture->canvas, first_curve, TRUE);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (toggle), ==, "Hide this curve");
  g_assert_nonnull (strstr (hint_text (fixture), "Adding to: "));
  g_assert_nonnull (wm_canvas_add_point_at (fixture->canvas, x, y));
  g_assert_cmpuint (n_points_of (fixture, first), ==, first_points + 1);
  wm_canvas_set_curve_visible (fixture->canvas, first_curve, FALSE);
  wm_history_undo (wm_document_get_history (fixture->document));
  wm_test_wait_for_frames (1);
  toggle = legend_toggle_of (fixture, first);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (toggle), ==, "Show this curve");
}

/* From the keyboard: a persona card or legend line picks the persona,
 * Insert adds a point to its curve in the first stage it has none in,
 * and Insert on that point adds the next one, a stage on. */
static void
test_add_point_by_keyboard (Fixture       *fixture,
                            gconstpointer  data)
{
  WmPersona *second = nth_persona (fixture, 1);
  WmPersona *added = wm_canvas_add_persona (fixture->canvas);
  WmEmotionPoint *point, *next;
  GtkWidget *widget;

  g_assert_nonnull (added);
  wm_test_wait_for_frames (1);
  /* The new persona's card has the focus, so it is the active one. */
  g_assert_true (wm_canvas_get_active_persona (fixture->canvas) == added);
  g_assert_nonnull (strstr (hint_text (fixture), "Adding to: New persona"));
  g_assert_true (gtk_widget_activate_action (wm_canvas_get_persona_widget (fixture->canvas, added),
                                             "canvas.point-add", NULL));
  wm_test_wait_for_frames (1);
  g_assert_cmpuint (n_points_of (fixture, added), ==, 1);
  g_assert_nonnull (wm_canvas_add_point (fixture->canvas));
  g_assert_cmpuint (n_points_of (fixture, added), ==, 2);
  {
    WmEmotionCurve *curve = wm_document_get_curve_for_persona (fixture->document,
                                                               wm_element_get_id (WM_ELEMENT (added)));
    g_autoptr(WmEmotionPoint) first_point = g_list_model_get_item (wm_emotion_curve_get_points (curve), 0);
    g_autoptr(WmEmotionPoint) second_point = g_list_model_get_item (wm_emotion_curve_get_points (curve), 1);

    g_assert_cmpint (wm_document_get_stage_index (fixture->document, wm_emotion_point_get_stage (first_point)), ==, 0);
    g_assert_cmpint (wm_emotion_point_get_score (first_point), ==, 3);
    g_assert_cmpint (wm_document_get_stage_index (fixture->document, wm_emotion_point_get_stage (second_point)), ==, 1);
    point = second_point;
  }
  /* The new point has the focus: Up raises it, Insert goes on a stage. */
  widget = wm_canvas_get_point_widget (fixture->canvas, point);
  g_assert_true (gtk_widget_is_focus (widget));
  g_assert_true (gtk_widget_activate_action (widget, "canvas.point-raise", NULL));
  g_assert_true (gtk_widget_activate_action (widget, "canvas.point-add", NULL));
  wm_test_wait_for_frames (1);
  g_assert_cmpuint (n_points_of (fixture, added), ==, 3);
  next = wm_point_widget_get_point (WM_POINT_WIDGET (gtk_widget_get_focus_child (GTK_WIDGET (fixture->canvas))));
  g_assert_cmpint (wm_document_get_stage_index (fixture->document, wm_emotion_point_get_stage (next)), ==, 2);
  g_assert_cmpint (wm_emotion_point_get_score (next), ==, 4);

  /* Tabbing to a legend line makes its persona the active one. */
  gtk_widget_grab_focus (legend_toggle_of (fixture, second));
  g_assert_true (wm_canvas_get_active_persona (fixture->canvas) == second);
  g_assert_true (gtk_widget_has_css_class (legend_toggle_of (fixture, second), "active-curve"));
  g_assert_false (gtk_widget_has_css_class (legend_toggle_of (fixture, added), "active-curve"));
  g_assert_nonnull (strstr (hint_text (fixture), wm_persona_get_name (second)));
  {
    guint before = n_points_of (fixture, second);

    g_assert_true (gtk_widget_activate_action (legend_toggle_of (fixture, second), "canvas.point-add", NULL));
    g_assert_cmpuint (n_points_of (fixture, second), ==, before + 1);
    g_assert_cmpuint (n_points_of (fixture, added), ==, 3);
  }
}

/* Another map's curves are drawn over this map's, matched by stage and
 * dashed; they cannot be edited, and stopping takes them away. */
static void
test_comparison (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(WmDocument) other = wm_test_load_map ("samples/software-purchase.waymark");
  g_autoptr(WmEmotionCurve) curve = g_list_model_get_item (wm_document_get_emotion_curves (other), 0);
  g_autoptr(WmEmotionPoint) point = g_list_model_get_item (wm_emotion_curve_get_points (curve), 0);
  int score = wm_emotion_point_get_score (point) < 5 ? wm_emotion_point_get_score (point) + 1 : 1;
  WmLayout *layout;
  const WmCurve *compared = NULL;
  guint n_curves;

  g_assert_true (wm_document_set_int (other, WM_ELEMENT (point), "score", score));
  n_curves = wm_canvas_get_layout (fixture->canvas)->curves->len;
  wm_canvas_set_comparison (fixture->canvas, other);
  layout = wm_canvas_get_layout (fixture->canvas);
  g_assert_cmpuint (layout->curves->len, ==, 2 * n_curves);
  for (guint c = 0; c < layout->curves->len && compared == NULL; c++)
    if (g_array_index (layout->curves, WmCurve, c).curve == curve)
      compared = &g_array_index (layout->curves, WmCurve, c);
  g_assert_nonnull (compared);
  g_assert_true (compared->comparison);
  for (guint i = 0; i < compared->points->len; i++)
    {
      const WmCurvePoint *p = &g_array_index (compared->points, WmCurvePoint, i);

      if (p->point == point)
        g_assert_cmpfloat (p->y, ==, wm_layout_level_y (layout, &g_array_index (layout->rows, WmLaneRow,
                                                                                compared->lane_index), score));
    }
  g_assert_null (wm_canvas_get_point_widget (fixture->canvas, point));
  g_assert_cmpuint (fixture->canvas->legend_toggles->len, ==, 2 * n_curves);
  /* The map itself is not changed. */
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_curves (fixture->document)), ==, n_curves);

  wm_canvas_set_comparison (fixture->canvas, NULL);
  g_assert_cmpuint (wm_canvas_get_layout (fixture->canvas)->curves->len, ==, n_curves);
  g_assert_cmpuint (fixture->canvas->legend_toggles->len, ==, n_curves);
}

/* Scrolled down and sideways, the frozen headers take the clicks over the
 * cards scrolled beneath them: the pointer reaches the header, not the card. */
static void
test_frozen_headers_take_clicks (Fixture       *fixture,
                                 gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->canvas));
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->canvas));
  const WmCardBox *box = NULL;
  WmCard *card;
  GtkWidget *card_widget;
  double x, y, map_x, map_y;

  /* A card of the second stage, its top to slide under the stage row. */
  for (guint i = 0; i < layout->cards->len && box == NULL; i++)
    if (g_array_index (layout->cards, WmCardBox, i).stage_index == 1)
      box = &g_array_index (layout->cards, WmCardBox, i);
  g_assert_nonnull (box);
  card = box->card;
  gtk_adjustment_set_value (vadjustment, box->rect.y - layout->stage_header_height + 20);
  wm_test_wait_for_frames (3);
  layout = wm_canvas_get_layout (fixture->canvas);
  box = wm_layout_find_card (layout, card);
  card_widget = wm_canvas_get_card_widget (fixture->canvas, card);
  g_assert_nonnull (card_widget);

  /* The card's top is under the frozen stage row: the canvas takes it. */
  x = box->rect.x + box->rect.width / 2 - gtk_adjustment_get_value (hadjustment);
  y = layout->stage_header_height - 10;
  g_assert_true (gtk_widget_pick (GTK_WIDGET (fixture->canvas), x, y, GTK_PICK_DEFAULT) != card_widget);
  wm_canvas_widget_to_map (fixture->canvas, x, y, &map_x, &map_y);
  g_assert_true (wm_rect_contains_rect (&g_array_index (layout->columns, WmStageColumn, 1).header,
                                        &(WmRect) { map_x, map_y, 0, 0 }, 0));

  /* Below the stage row, the card is the card. */
  y = layout->stage_header_height + 10;
  g_assert_true (gtk_widget_is_ancestor (gtk_widget_pick (GTK_WIDGET (fixture->canvas), x, y, GTK_PICK_DEFAULT),
                                         card_widget) ||
                 gtk_widget_pick (GTK_WIDGET (fixture->canvas), x, y, GTK_PICK_DEFAULT) == card_widget);

  /* Scrolled sideways, the lane column covers the first stage's cards. */
  gtk_adjustment_set_value (hadjustment, g_array_index (layout->columns, WmStageColumn, 1).x - 30);
  wm_test_wait_for_frames (3);
  layout = wm_canvas_get_layout (fixture->canvas);
  box = wm_layout_find_card (layout, card);
  x = box->rect.x + 10 - gtk_adjustment_get_value (hadjustment);
  y = box->rect.y + box->rect.height - 10 - gtk_adjustment_get_value (vadjustment);
  g_assert_true (gtk_widget_pick (GTK_WIDGET (fixture->canvas), x, y, GTK_PICK_DEFAULT) != card_widget);
  wm_canvas_widget_to_map (fixture->canvas, x, y, &map_x, &map_y);
  g_assert_cmpfloat (map_x, <, layout->grid.x + layout->style->lane_header_width);
}

/* Stage and lane headers take focus from the keyboard, are named for
 * screen readers with their place, come in map order, and move with
 * Alt+arrows. */
static gboolean
press_key_on (GtkWidget       *widget,
              guint            keyval,
              GdkModifierType  state)
{
  GtkEventController *keys = wm_test_find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  wm_test_wait_for_frames (2);
  return handled;
}

static void
test_headers_for_keyboard (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *stages = wm_document_get_stages (fixture->document);
  GListModel *lanes = wm_document_get_lanes (fixture->document);
  g_autoptr(WmStage) second = g_list_model_get_item (stages, 1);
  g_autoptr(WmStage) third = g_list_model_get_item (stages, 2);
  g_autoptr(WmLane) first_lane = g_list_model_get_item (lanes, 0);
  g_autofree char *label = g_strdup_printf ("Stage 2 of %u: %s", g_list_model_get_n_items (stages),
                                            wm_stage_get_name (second));
  GtkWidget *header, *lane_header, *child;
  gboolean seen_lane = FALSE, seen_card = FALSE;

  scroll_to_grid (fixture);
  g_assert_true (wm_canvas_focus_header (fixture->canvas, TRUE, 1));
  header = wm_canvas_get_header_widget (fixture->canvas, WM_ELEMENT (second));
  g_assert_true (gtk_widget_is_focus (header));
  g_assert_true (wm_canvas_get_selected_element (fixture->canvas) == WM_ELEMENT (second));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_ROLE_HEADING);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  /* Map order: stage headers, then each lane's header before its cards. */
  lane_header = wm_canvas_get_header_widget (fixture->canvas, WM_ELEMENT (first_lane));
  g_assert_nonnull (lane_header);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (fixture->canvas)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child == lane_header)
        seen_lane = TRUE;
      else if (WM_IS_CARD_WIDGET (child) && gtk_widget_get_child_visible (child))
        {
          g_assert_true (seen_lane);
          seen_card = TRUE;
        }
      else if (child == header)
        g_assert_false (seen_lane);
    }
  g_assert_true (seen_card);

  /* Right goes to the next stage's header, Down into its cards. */
  g_assert_true (press_key_on (header, GDK_KEY_Right, 0));
  g_assert_true (gtk_widget_is_focus (wm_canvas_get_header_widget (fixture->canvas, WM_ELEMENT (third))));
  g_assert_true (press_key_on (wm_canvas_get_header_widget (fixture->canvas, WM_ELEMENT (third)), GDK_KEY_Down, 0));
  g_assert_nonnull (wm_canvas_get_focus_card (fixture->canvas));
  g_assert_true (wm_document_lookup (fixture->document, wm_card_get_stage (wm_canvas_get_focus_card (fixture->canvas)))
                 == WM_ELEMENT (third));

  /* Up from that top card goes back to the stage's header. */
  g_assert_true (wm_canvas_select_key_pressed (fixture->canvas, GDK_KEY_Up, 0));
  wm_test_wait_for_frames (2);
  g_assert_true (gtk_widget_is_focus (wm_canvas_get_header_widget (fixture->canvas, WM_ELEMENT (third))));

  /* Alt+Left moves the stage, one undo step, and its header keeps focus. */
  g_assert_true (wm_canvas_focus_header (fixture->canvas, TRUE, 2));
  g_assert_true (press_key_on (wm_canvas_get_header_widget (fixture->canvas, WM_ELEMENT (third)), GDK_KEY_Left,
                               GDK_ALT_MASK));
  {
    g_autoptr(WmStage) now_second = g_list_model_get_item (stages, 1);

    g_assert_true (now_second == third);
  }
  g_assert_cmpstr (wm_history_get_undo_label (wm_document_get_history (fixture->document)), ==, "Move Stage");
  g_assert_true (gtk_widget_is_focus (wm_canvas_get_header_widget (fixture->canvas, WM_ELEMENT (third))));
}

/* The context menu names the keys a user would press: F2 and Delete, not
 * the keypad's. */
static void
collect_model_buttons (GtkWidget *widget,
                       GPtrArray *found)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton"))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_model_buttons (child, found);
}

static void
test_menu_shortcut_labels (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  WmCard *card = nth_card (fixture->document, 0);
  gboolean saw_rename = FALSE, saw_delete = FALSE;

  g_assert_true (wm_canvas_focus_card (fixture->canvas, card));
  wm_canvas_show_context_menu (fixture->canvas, WM_ELEMENT (card), 20, 20);
  wm_test_wait_for_frames (5);
  collect_model_buttons (fixture->canvas->context_menu, buttons);
  g_assert_cmpuint (buttons->len, >, 3);
  for (guint i = 0; i < buttons->len; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *accel = NULL;

      g_object_get (buttons->pdata[i], "text", &text, "accel", &accel, NULL);
      g_assert_true (accel == NULL || strstr (accel, "KP_") == NULL);
      if (g_strcmp0 (text, "Rename") == 0)
        {
          g_assert_cmpstr (accel, ==, "F2");
          saw_rename = TRUE;
        }
      if (g_strcmp0 (text, "Delete") == 0)
        {
          g_assert_cmpstr (accel, ==, "Delete");
          saw_delete = TRUE;
        }
    }
  g_assert_true (saw_rename && saw_delete);
  gtk_popover_popdown (GTK_POPOVER (fixture->canvas->context_menu));
}

/* The "+" that adds a card sits in the room below the cell's lowest card,
 * never over a card, even in the fullest cell. */
static void
test_add_button_clear_of_cards (Fixture       *fixture,
                                gconstpointer  data)
{
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  const WmCardBox *lowest = NULL;
  graphene_rect_t button, card;
  WmRect cell;

  /* The card nearest its lane's foot: its cell is the lane's fullest. */
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (layout->cards, WmCardBox, i);
      const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, box->lane_index);

      if (lowest == NULL || row->y + row->height - (box->rect.y + box->rect.height) <
          g_array_index (layout->rows, WmLaneRow, lowest->lane_index).y +
          g_array_index (layout->rows, WmLaneRow, lowest->lane_index).height - (lowest->rect.y + lowest->rect.height))
        lowest = box;
    }
  g_assert_nonnull (lowest);
  g_assert_true (wm_canvas_focus_card (fixture->canvas, lowest->card));
  wm_test_wait_for_frames (2);
  layout = wm_canvas_get_layout (fixture->canvas);
  lowest = wm_layout_find_card (layout, lowest->card);
  cell = wm_layout_cell_rect (layout, lowest->stage_index, lowest->lane_index);
  wm_canvas_editor_pointer_moved (fixture->canvas, cell.x + cell.width / 2, lowest->rect.y + 5);
  wm_test_wait_for_frames (3);

  g_assert_true (gtk_widget_get_visible (fixture->canvas->add_button));
  g_assert_true (gtk_widget_compute_bounds (fixture->canvas->add_button, GTK_WIDGET (fixture->canvas), &button));
  card = wm_canvas_map_to_widget_rect (fixture->canvas, &lowest->rect);
  g_assert_cmpfloat (button.origin.y, >=, card.origin.y + card.size.height);
}

/* The desktop's large-text setting reaches the map's text on screen, and
 * the text columns widen with it. */
static void
test_large_text (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
  double normal_width = g_array_index (layout->columns, WmStageColumn, 0).width;
  int normal_title_size = pango_font_description_get_size (layout->style->fonts[WM_FONT_CARD_TITLE]);
  int dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 96 * 1024 * 3 / 2, NULL);
  wm_test_wait_for_frames (3);

  layout = wm_canvas_get_layout (fixture->canvas);
  g_assert_cmpfloat_with_epsilon (layout->style->text_scale, 1.5, 1e-9);
  g_assert_cmpint (pango_font_description_get_size (layout->style->fonts[WM_FONT_CARD_TITLE]), ==,
                   normal_title_size * 3 / 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (layout->columns, WmStageColumn, 0).width, normal_width * 1.5, 0.5);

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
  wm_test_wait_for_frames (3);
  layout = wm_canvas_get_layout (fixture->canvas);
  g_assert_cmpfloat_with_epsilon (g_array_index (layout->columns, WmStageColumn, 0).width, normal_width, 0.5);
}

/* Pixels where the canvas's cached tiles differ from the view painted
 * afresh, tile by tile as the canvas paints them. */
static guint
count_stale_pixels (WmCanvas *canvas)
{
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (canvas));
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  double zoom;
  int x, y;
  cairo_surface_t *cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_t *fresh = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int tile = WM_CANVAS_TILE_SIZE;
  guint stale = 0;
  cairo_t *cr;

  /* A new layout may move the view: the map got shorter. */
  wm_canvas_ensure_layout (canvas);
  zoom = wm_canvas_get_zoom (canvas);
  x = (int) round (gtk_adjustment_get_value (h));
  y = (int) round (gtk_adjustment_get_value (v));
  wm_canvas_tiles_snapshot (canvas, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  cr = cairo_create (cached);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  cr = cairo_create (fresh);
  for (int top = (int) floor ((double) y / tile) * tile; top < y + height; top += tile)
    for (int left = (int) floor ((double) x / tile) * tile; left < x + width; left += tile)
      {
        cairo_surface_t *piece = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tile, tile);
        cairo_t *piece_cr = cairo_create (piece);
        WmRect area = { left / zoom, top / zoom, tile / zoom, tile / zoom };

        cairo_surface_set_device_offset (piece, -left, -top);
        cairo_scale (piece_cr, zoom, zoom);
        wm_painter_paint (piece_cr, wm_canvas_get_layout (canvas), &area,
                          zoom < WM_CANVAS_MIN_TEXT_ZOOM ? WM_PAINT_CARD_SHAPES : WM_PAINT_NO_CARDS);
        cairo_destroy (piece_cr);
        cairo_surface_set_device_offset (piece, 0, 0);
        cairo_set_source_surface (cr, piece, left - x, top - y);
        cairo_paint (cr);
        cairo_surface_destroy (piece);
      }
  cairo_destroy (cr);

  cairo_surface_flush (cached);
  cairo_surface_flush (fresh);
  for (int row = 0; row < height; row++)
    {
      const guint32 *a = (const guint32 *) (cairo_image_surface_get_data (cached) + row * cairo_image_surface_get_stride (cached));
      const guint32 *b = (const guint32 *) (cairo_image_surface_get_data (fresh) + row * cairo_image_surface_get_stride (fresh));

      for (int column = 0; column < width; column++)
        stale += a[column] != b[column];
    }
  cairo_surface_destroy (cached);
  cairo_surface_destroy (fresh);
  return stale;
}

/* The map is painted once into tiles that scrolling reuses; after any
 * sequence of edits, zoom steps, scrolls and curves switched off, what
 * the tiles show is what a fresh paint shows. */
static void
test_tiles_match_fresh_paint (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (20261202);
  g_autoptr(WmDocument) clipboard = wm_test_generate_map (2, 2, 1, 1);
  WmCanvas *canvas = fixture->canvas;
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  static const double zooms[] = { 1.0, 0.5, 0.25, 1.5 };
  guint painted;

  /* Small, so that the many fresh paints are quick. */
  gtk_window_set_default_size (fixture->window, 640, 480);
  wm_test_wait_for_frames (3);
  g_assert_cmpuint (count_stale_pixels (canvas), ==, 0);

  /* A short scroll composites the tiles it has: none is painted. */
  gtk_adjustment_set_value (v, 40);
  wm_test_wait_for_frames (1);
  count_stale_pixels (canvas);
  painted = wm_canvas_tiles_get_n_painted (canvas);
  gtk_adjustment_set_value (v, 45);
  gtk_adjustment_set_value (h, 3);
  wm_test_wait_for_frames (1);
  g_assert_cmpuint (count_stale_pixels (canvas), ==, 0);
  g_assert_cmpuint (wm_canvas_tiles_get_n_painted (canvas), ==, painted);

  for (guint i = 0; i < 400; i++)
    {
      switch (g_rand_int_range (rng, 0, 11))
        {
        case 0:
          wm_canvas_set_zoom (canvas, zooms[g_rand_int_range (rng, 0, G_N_ELEMENTS (zooms))]);
          break;
        case 10:
          /* A view's filter fades cards: a lane kind, or a status. */
          {
            g_autoptr(WmViewFilter) filter = wm_view_filter_new ();

            if (g_rand_boolean (rng))
              filter->lane_kinds = 1u << g_rand_int_range (rng, 0, WM_LANE_KIND_DIVIDER);
            else if (g_rand_boolean (rng))
              filter->statuses = 1u << WM_CARD_STATUS_NONE;
            wm_canvas_set_filter (canvas, filter);
          }
          break;
        case 1:
          gtk_adjustment_set_value (h, g_rand_double_range (rng, 0, gtk_adjustment_get_upper (h)));
          gtk_adjustment_set_value (v, g_rand_double_range (rng, 0, gtk_adjustment_get_upper (v)));
          break;
        case 2:
          /* Where the stages' headers and the lanes' titles are. */
          gtk_adjustment_set_value (h, 0);
          gtk_adjustment_set_value (v, 0);
          wm_canvas_set_zoom (canvas, 0.5);
          break;
        case 3:
          if (g_rand_boolean (rng))
            wm_history_undo (wm_document_get_history (fixture->document));
          else
            wm_history_redo (wm_document_get_history (fixture->document));
          break;
        default:
          wm_test_random_edit (fixture->document, rng, clipboard, i);
          break;
        }
      /* Every tenth step as on screen; between them, the tiles are
       * compared as soon as the layout is up to date. */
      if (i % 10 == 0)
        wm_test_wait_for_frames (1);
      g_assert_cmpuint (count_stale_pixels (canvas), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* An accessibility context the tests can read names from. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func, data) \
  g_test_add ("/canvas/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("cards-are-widgets", test_cards_are_widgets, NULL);
  ADD ("tiles-match-fresh-paint", test_tiles_match_fresh_paint, NULL);
  ADD ("move-cards", test_move_cards, NULL);
  ADD ("add-and-rename-cards", test_add_and_rename_cards, NULL);
  ADD ("delete-and-undo", test_delete_and_undo, NULL);
  ADD ("clipboard", test_clipboard, NULL);
  ADD ("paste-picture", test_paste_picture, NULL);
  ADD ("stages-and-lanes", test_stages_and_lanes, NULL);
  ADD ("lane-menu", test_lane_menu, NULL);
  ADD ("keyboard-focus", test_keyboard_focus, NULL);
  ADD ("drag-cards", test_drag_cards, NULL);
  ADD ("drag-cards-escape", test_drag_cards_escape, NULL);
  ADD ("resize-stage", test_resize_stage, NULL);
  ADD ("points-are-widgets", test_points_are_widgets, NULL);
  ADD ("drag-point", test_drag_point, NULL);
  ADD ("drag-point-escape", test_drag_point_escape, NULL);
  ADD ("resize-ignores-undo", test_resize_ignores_undo, NULL);
  ADD ("point-keyboard", test_point_keyboard, NULL);
  ADD ("add-point", test_add_point, NULL);
  ADD ("legend", test_legend, NULL);
  ADD ("points-join-chosen-persona", test_points_join_chosen_persona, NULL);
  ADD ("hidden-curve-gets-no-points", test_hidden_curve_gets_no_points, NULL);
  ADD ("add-point-by-keyboard", test_add_point_by_keyboard, NULL);
  ADD ("comparison", test_comparison, NULL);
  ADD ("large-text", test_large_text, NULL);
  ADD ("add-button-clear-of-cards", test_add_button_clear_of_cards, NULL);
  ADD ("menu-shortcut-labels", test_menu_shortcut_labels, NULL);
  ADD ("headers-for-keyboard", test_headers_for_keyboard, NULL);
  ADD ("frozen-headers-take-clicks", test_frozen_headers_take_clicks, NULL);
  ADD ("widgets-are-recycled", test_widgets_are_recycled, "generated");
  ADD ("fit-tall-map", test_fit_tall_map, "generated-tall");
  ADD ("fit-wide-map", test_fit_wide_map, "generated-40x10");
  ADD ("low-zoom-paints-cards", test_low_zoom_paints_cards, "generated");
  ADD ("overview", test_overview, "generated-40x10");
#undef ADD

  return g_test_run ();
}
