/* test-priorities-view.c: the Priorities view and the health check in
 * the window, as a user drives them: filtering the list, dragging a card
 * in the matrix (one undo step; Esc puts it back), choosing a card in one
 * place and seeing it in the other and on the map, and the health
 * check's count following the map.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "wm-canvas.h"
#include "wm-edits.h"
#include "wm-health.h"
#include "wm-matrix-widget.h"
#include "wm-priorities-view.h"
#include "wm-priorities.h"
#include "wm-templates.h"
#include "wm-view-popover.h"
#include "wm-test-map.h"
#include "wm-test-utils.h"
#include "wm-window.h"

static WmApplication *app;

typedef struct
{
  WmWindow *window;
  WmDocument *document;
  WmPrioritiesView *view;
  WmMatrixWidget *matrix;
  WmCanvas *canvas;
} Fixture;

static WmCard *
card_titled (WmDocument *document,
             const char *title)
{
  WmCard *card = wm_test_card_titled (document, title);

  g_assert_nonnull (card);
  return card;
}

/* The gym sample, with a few of its pain points and opportunities
 * scored, in a window on the Priorities view. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "gym-membership.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  fixture->window = wm_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (wm_window_open_file (fixture->window, file));
  fixture->document = wm_window_get_document (fixture->window);
  g_assert_true (wm_edits_set_priority (fixture->document, card_titled (fixture->document, "Induction slots run out in January"), 5, 2));
  g_assert_true (wm_edits_set_priority (fixture->document, card_titled (fixture->document, "Free pause for up to two months"), 2, 4));
  fixture->view = WM_PRIORITIES_VIEW (wm_test_find_descendant (GTK_WIDGET (fixture->window), WM_TYPE_PRIORITIES_VIEW));
  fixture->matrix = WM_MATRIX_WIDGET (wm_test_find_descendant (GTK_WIDGET (fixture->view), WM_TYPE_MATRIX_WIDGET));
  fixture->canvas = WM_CANVAS (wm_test_find_descendant (GTK_WIDGET (fixture->window), WM_TYPE_CANVAS));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-view", g_variant_new_string ("priorities"));
  wm_test_wait_for_frames (10);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->matrix)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Nothing asks to save: the tests' edits are thrown away. */
  g_object_ref (fixture->window);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* What the window's last frame and idle work still hold goes first. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  wm_test_wait_for_frames (1);
  g_assert_finalize_object (fixture->window);
}

static guint
count_lane_cards (WmDocument *document,
                  WmLaneKind  kind)
{
  GListModel *cards = wm_document_get_cards (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);

      n += wm_lane_get_kind (wm_document_get_card_lane (document, card)) == kind;
    }
  return n;
}

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  guint pains = count_lane_cards (fixture->document, WM_LANE_KIND_PAIN_POINTS);
  guint ideas = count_lane_cards (fixture->document, WM_LANE_KIND_OPPORTUNITIES);

  g_assert_cmpuint (pains, >, 3);
  g_assert_cmpuint (wm_priorities_view_get_n_shown (fixture->view), ==, pains + ideas);
  wm_priorities_view_set_filter (fixture->view, 1, NULL);
  g_assert_cmpuint (wm_priorities_view_get_n_shown (fixture->view), ==, pains);
  wm_priorities_view_set_filter (fixture->view, 2, NULL);
  g_assert_cmpuint (wm_priorities_view_get_n_shown (fixture->view), ==, ideas);
  /* Two cards are scored; the rest wait in the tray. */
  wm_priorities_view_set_filter (fixture->view, 4, NULL);
  g_assert_cmpuint (wm_priorities_view_get_n_shown (fixture->view), ==, pains + ideas - 2);
  /* The search looks in titles, ignoring case. */
  wm_priorities_view_set_filter (fixture->view, 0, "INDUCTION SLOTS");
  g_assert_cmpuint (wm_priorities_view_get_n_shown (fixture->view), ==, 1);
  wm_priorities_view_set_filter (fixture->view, 0, "no such words anywhere");
  g_assert_cmpuint (wm_priorities_view_get_n_shown (fixture->view), ==, 0);

  /* The list follows the map: a card added to the pain points joins it. */
  wm_priorities_view_set_filter (fixture->view, 0, NULL);
  g_assert_true (wm_edits_set_priority (fixture->document, card_titled (fixture->document, "Sees a friend’s check-in at the Eastville club"), 3, 1));
  wm_test_wait_for_frames (2);
  g_assert_cmpuint (wm_priorities_view_get_n_shown (fixture->view), ==, pains + ideas + 1);
}

static GtkGesture *
matrix_drag (Fixture *fixture)
{
  return GTK_GESTURE (wm_test_find_controller (GTK_WIDGET (fixture->matrix), GTK_TYPE_GESTURE_DRAG));
}

/* The middle of the cell for @impact and @effort, and of the chip of @card. */
static void
centre_of_cell (Fixture *fixture,
                int      impact,
                int      effort,
                double  *x,
                double  *y)
{
  WmRect cell;

  wm_matrix_cell_rect (wm_matrix_widget_get_layout (fixture->matrix), impact, effort, &cell);
  *x = cell.x + cell.width / 2;
  *y = cell.y + cell.height - 4;
}

static void
chip_of (Fixture *fixture,
         WmCard  *card,
         double  *x,
         double  *y)
{
  const WmMatrixChip *chip = wm_matrix_find_chip (wm_matrix_widget_get_layout (fixture->matrix), card);

  g_assert_nonnull (chip);
  *x = chip->rect.x + chip->rect.width / 2;
  *y = chip->rect.y + chip->rect.height / 2;
}

static void
test_drag_places_card (Fixture       *fixture,
                       gconstpointer  data)
{
  WmCard *card = card_titled (fixture->document, "Induction slots run out in January");
  WmHistory *history = wm_document_get_history (fixture->document);
  GtkGesture *drag = matrix_drag (fixture);
  guint steps = wm_history_get_n_undo_steps (history);
  double x, y, to_x, to_y;

  chip_of (fixture, card, &x, &y);
  centre_of_cell (fixture, 4, 1, &to_x, &to_y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_assert_true (wm_matrix_widget_get_selected (fixture->matrix) == card);
  g_signal_emit_by_name (drag, "drag-update", (to_x - x) / 2, (to_y - y) / 2);
  g_signal_emit_by_name (drag, "drag-update", to_x - x, to_y - y);
  /* Nothing changes until the drop. */
  g_assert_cmpint (wm_card_get_impact (card), ==, 5);
  g_signal_emit_by_name (drag, "drag-end", to_x - x, to_y - y);

  g_assert_cmpint (wm_card_get_impact (card), ==, 4);
  g_assert_cmpint (wm_card_get_effort (card), ==, 1);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps + 1);
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Change Priority");
  wm_test_wait_for_frames (2);
  /* The matrix shows it in its new cell; undo takes it back there. */
  chip_of (fixture, card, &x, &y);
  centre_of_cell (fixture, 4, 1, &to_x, &to_y);
  g_assert_cmpfloat (ABS (x - to_x), <, 1);
  g_assert_true (wm_history_undo (history));
  wm_test_wait_for_frames (2);
  g_assert_cmpint (wm_card_get_impact (card), ==, 5);
  g_assert_cmpint (wm_card_get_effort (card), ==, 2);

  /* Dropped on the tray, it loses both scores. */
  chip_of (fixture, card, &x, &y);
  {
    const WmMatrix *matrix = wm_matrix_widget_get_layout (fixture->matrix);

    to_x = matrix->tray.x + 10;
    to_y = matrix->tray.y + matrix->tray.height - 4;
  }
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", to_x - x, to_y - y);
  g_signal_emit_by_name (drag, "drag-end", to_x - x, to_y - y);
  g_assert_cmpint (wm_card_get_impact (card), ==, 0);
  g_assert_cmpint (wm_card_get_effort (card), ==, 0);
}

static void
test_escape_cancels_drag (Fixture       *fixture,
                          gconstpointer  data)
{
  WmCard *card = card_titled (fixture->document, "Free pause for up to two months");
  WmHistory *history = wm_document_get_history (fixture->document);
  GtkGesture *drag = matrix_drag (fixture);
  GtkEventController *keys = wm_test_find_controller (GTK_WIDGET (fixture->matrix), GTK_TYPE_EVENT_CONTROLLER_KEY);
  guint steps = wm_history_get_n_undo_steps (history);
  gboolean handled = FALSE;
  double x, y, to_x, to_y;

  chip_of (fixture, card, &x, &y);
  centre_of_cell (fixture, 5, 5, &to_x, &to_y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", to_x - x, to_y - y);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (drag, "drag-end", to_x - x, to_y - y);
  g_assert_cmpint (wm_card_get_impact (card), ==, 2);
  g_assert_cmpint (wm_card_get_effort (card), ==, 4);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps);

  /* A short press is a choice, not a move. */
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 2.0, 1.0);
  g_signal_emit_by_name (drag, "drag-end", 2.0, 1.0);
  g_assert_cmpuint (wm_history_get_n_undo_steps (history), ==, steps);
  g_assert_true (wm_matrix_widget_get_selected (fixture->matrix) == card);
}

/* Alt and an arrow carry the chosen card one cell; not past the edge. */
static void
test_keyboard_moves_card (Fixture       *fixture,
                          gconstpointer  data)
{
  WmCard *card = card_titled (fixture->document, "Induction slots run out in January");

  wm_priorities_view_select_card (fixture->view, card);
  g_assert_true (wm_matrix_widget_move_selected (fixture->matrix, 0, 1));
  g_assert_cmpint (wm_card_get_effort (card), ==, 3);
  g_assert_false (wm_matrix_widget_move_selected (fixture->matrix, 1, 0));
  g_assert_cmpint (wm_card_get_impact (card), ==, 5);

  /* An unscored card lands in the middle first. */
  card = card_titled (fixture->document, "The week 6–8 dip");
  wm_priorities_view_select_card (fixture->view, card);
  g_assert_true (wm_matrix_widget_move_selected (fixture->matrix, 1, 0));
  g_assert_cmpint (wm_card_get_impact (card), ==, WM_PRIORITY_HIGH_SCORE);
  g_assert_cmpint (wm_card_get_effort (card), ==, WM_PRIORITY_HIGH_SCORE);
}

/* A card chosen in the matrix is chosen on the map, so the inspector
 * edits it; activating it shows the map with the card focused. */
static void
test_choosing_shows_on_map (Fixture       *fixture,
                            gconstpointer  data)
{
  WmCard *card = card_titled (fixture->document, "Free pause for up to two months");
  AdwViewStack *stack = ADW_VIEW_STACK (wm_test_find_descendant (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));
  GtkGesture *drag = matrix_drag (fixture);
  double x, y;

  chip_of (fixture, card, &x, &y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  g_assert_true (wm_canvas_get_selected_element (fixture->canvas) == WM_ELEMENT (card));
  g_assert_true (wm_priorities_view_get_selected (fixture->view) == card);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "priorities");

  g_signal_emit_by_name (fixture->matrix, "card-activated", card);
  wm_test_wait_for_frames (5);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "map");
  g_assert_true (wm_canvas_get_selected_element (fixture->canvas) == WM_ELEMENT (card));

  /* Back on the Priorities view, the map's choice is chosen there. */
  card = card_titled (fixture->document, "Induction slots run out in January");
  wm_canvas_select_element (fixture->canvas, WM_ELEMENT (card));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-view", g_variant_new_string ("priorities"));
  wm_test_wait_for_frames (5);
  g_assert_true (wm_priorities_view_get_selected (fixture->view) == card);
}

static guint
health_findings (WmDocument *document)
{
  g_autoptr(GPtrArray) findings = wm_health_check (document, wm_template_get_hint_titles ());

  return findings->len;
}

static gboolean
button_says (gpointer data)
{
  GtkWidget *button = data;
  const char *text = gtk_widget_get_tooltip_text (button);
  const char *expected = g_object_get_data (G_OBJECT (button), "expected");

  return text != NULL && strstr (text, expected) != NULL;
}

static gboolean
is_health_button (GtkWidget *widget,
                  gpointer   data)
{
  const char *tip = gtk_widget_get_tooltip_text (widget);

  return GTK_IS_MENU_BUTTON (widget) && tip != NULL && g_str_has_prefix (tip, "Health Check");
}

/* The count follows the map's edits, and a finding shows its element. */
static void
test_health_follows_map (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *button = wm_test_find_widget (GTK_WIDGET (fixture->window), is_health_button, NULL);
  guint before = health_findings (fixture->document);
  g_autofree char *expected = NULL;
  GtkListBox *list;
  GtkListBoxRow *row;
  WmCard *card = card_titled (fixture->document, "Busy-times chart on every club page");

  g_assert_nonnull (button);
  g_assert_cmpuint (before, >, 1);
  expected = g_strdup_printf ("%u findings", before);
  g_object_set_data (G_OBJECT (button), "expected", expected);
  g_assert_true (wm_test_wait_until (button_says, button, 2000));

  /* Giving the card an owner and a status answers one finding. */
  g_assert_true (wm_document_set_string (fixture->document, WM_ELEMENT (card), "owner", "Sam"));
  g_assert_true (wm_document_set_int (fixture->document, WM_ELEMENT (card), "status", WM_CARD_STATUS_PLANNED));
  g_assert_cmpuint (health_findings (fixture->document), ==, before - 1);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%u finding", before - 1);
  g_object_set_data (G_OBJECT (button), "expected", expected);
  g_assert_true (wm_test_wait_until (button_says, button, 2000));

  /* Choosing the first finding shows its card on the map. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-health", NULL);
  wm_test_wait_for_frames (5);
  list = GTK_LIST_BOX (wm_test_find_descendant (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                                                GTK_TYPE_LIST_BOX));
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (list, before - 1));
  g_signal_emit_by_name (list, "row-activated", row);
  wm_test_wait_for_frames (5);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (
                     ADW_VIEW_STACK (wm_test_find_descendant (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK))),
                   ==, "map");
  g_assert_nonnull (wm_canvas_get_selected_element (fixture->canvas));
}

/* A saved view chosen in the header bar's popover fades the map and
 * names the button; All Cards brings everything back. */
static void
test_saved_view_chosen (Fixture       *fixture,
                        gconstpointer  data)
{
  WmViewPopover *popover = WM_VIEW_POPOVER (wm_test_find_descendant (GTK_WIDGET (fixture->window), WM_TYPE_VIEW_POPOVER));
  GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_parent (GTK_WIDGET (popover)));
  g_autoptr(WmViewFilter) filter = wm_view_filter_new ();
  GtkListBox *list;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "show-view", g_variant_new_string ("map"));
  wm_test_wait_for_frames (3);
  filter->lane_kinds = 1u << WM_LANE_KIND_PAIN_POINTS;
  g_assert_nonnull (wm_edits_save_view (fixture->document, "Pains", filter));
  gtk_menu_button_popup (button);
  wm_test_wait_for_frames (3);
  list = GTK_LIST_BOX (wm_test_find_descendant (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
  wm_test_wait_for_frames (2);
  g_assert_true (wm_view_filter_equal (wm_canvas_get_filter (fixture->canvas), filter));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (wm_test_find_descendant (GTK_WIDGET (button), GTK_TYPE_LABEL))), ==, "Pains");
  {
    WmLayout *layout = wm_canvas_get_layout (fixture->canvas);
    guint faded = 0;

    for (guint i = 0; i < layout->cards->len; i++)
      faded += g_array_index (layout->cards, WmCardBox, i).faded;
    g_assert_cmpuint (faded, ==, layout->cards->len - count_lane_cards (fixture->document, WM_LANE_KIND_PAIN_POINTS));
  }

  list = GTK_LIST_BOX (wm_test_find_descendant (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  wm_test_wait_for_frames (2);
  g_assert_null (wm_canvas_get_filter (fixture->canvas));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (wm_test_find_descendant (GTK_WIDGET (button), GTK_TYPE_LABEL))), ==, "All Cards");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  app = wm_test_register_application ();

  g_test_add ("/priorities-view/list-filters", Fixture, NULL, fixture_set_up, test_list_filters, fixture_tear_down);
  g_test_add ("/priorities-view/drag-places-card", Fixture, NULL, fixture_set_up, test_drag_places_card,
              fixture_tear_down);
  g_test_add ("/priorities-view/escape-cancels-drag", Fixture, NULL, fixture_set_up, test_escape_cancels_drag,
              fixture_tear_down);
  g_test_add ("/priorities-view/keyboard-moves-card", Fixture, NULL, fixture_set_up, test_keyboard_moves_card,
              fixture_tear_down);
  g_test_add ("/priorities-view/choosing-shows-on-map", Fixture, NULL, fixture_set_up, test_choosing_shows_on_map,
              fixture_tear_down);
  g_test_add ("/priorities-view/saved-view-chosen", Fixture, NULL, fixture_set_up, test_saved_view_chosen,
              fixture_tear_down);
  g_test_add ("/priorities-view/health-follows-map", Fixture, NULL, fixture_set_up, test_health_follows_map,
              fixture_tear_down);

  return g_test_run ();
}
