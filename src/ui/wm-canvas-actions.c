/* wm-canvas-actions.c: the canvas's commands.
 *
 * Every command is a canvas action, bound to a key and offered in the
 * context menus, so all of it is reachable from the keyboard; each
 * action has a callback of its own. An action chooses what it applies
 * to (the element a menu was opened on, the selection, the focused
 * card) and where, then calls one edit of wm-edits.h: one undo step.
 * Clicks on the canvas itself, not on a card, land here too.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-private.h"
#include "wm-edits.h"
#include "wm-persona-widget.h"

/* Helpers */

static int
position_of (GListModel *list,
             gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (list, i);

      if (other == item)
        return i;
    }
  return -1;
}

/* The cell new or pasted cards go to: the focused card's, else the
 * first stage's first lane that holds cards. */
gboolean
wm_canvas_target_cell (WmCanvas   *self,
                       WmDropSpot *spot)
{
  WmCard *card = wm_canvas_get_focus_card (self);
  const WmCardBox *box;

  if (card == NULL && self->selection->len > 0)
    card = g_ptr_array_index (self->selection, self->selection->len - 1);
  wm_canvas_ensure_layout (self);
  if (self->layout == NULL || self->layout->columns->len == 0)
    return FALSE;
  box = card != NULL ? wm_layout_find_card (self->layout, card) : NULL;
  if (box != NULL)
    {
      g_autoptr(GPtrArray) cell = wm_document_get_cell_cards (self->document, wm_card_get_stage (card), wm_card_get_lane (card));
      guint index = 0;

      g_ptr_array_find (cell, card, &index);
      *spot = (WmDropSpot) { box->stage_index, box->lane_index, index + 1,
                             { box->rect.x, box->rect.y + box->rect.height + 2, box->rect.width, 3 } };
      return TRUE;
    }
  for (guint i = 0; i < self->layout->rows->len; i++)
    {
      const WmLaneRow *row = &g_array_index (self->layout->rows, WmLaneRow, i);
      WmRect cell;

      if (row->collapsed || !wm_lane_kind_holds_cards (row->kind))
        continue;
      cell = wm_layout_cell_rect (self->layout, 0, i);
      return wm_layout_drop_spot (self->layout, cell.x + 1, cell.y + cell.height - 1, NULL, spot);
    }
  return FALSE;
}

/* Clicks on the canvas itself: not on a card */

static WmElement *
element_at (WmCanvas *self,
            double    map_x,
            double    map_y)
{
  WmLayout *layout = self->layout;
  int column = wm_layout_column_at (layout, map_x);
  int row = wm_layout_row_at (layout, map_y);

  if (column >= 0 && map_y >= layout->grid.y && map_y < layout->grid.y + layout->stage_header_height)
    return WM_ELEMENT (g_array_index (layout->columns, WmStageColumn, column).stage);
  if (row >= 0 && map_x >= layout->grid.x && map_x < layout->grid.x + layout->style->lane_header_width)
    return WM_ELEMENT (g_array_index (layout->rows, WmLaneRow, row).lane);
  return NULL;
}

static void
on_canvas_pressed (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   WmCanvas        *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  double map_x, map_y;
  WmElement *element;
  WmDropSpot spot;

  wm_canvas_ensure_layout (self);
  if (self->layout == NULL)
    return;
  wm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  /* Cards, points and persona cards handle their own clicks. */
  if (wm_layout_card_at (self->layout, map_x, map_y) != NULL || wm_canvas_point_at (self, map_x, map_y) ||
      wm_canvas_persona_at (self, x, y))
    return;
  element = element_at (self, map_x, map_y);

  if (button == GDK_BUTTON_SECONDARY)
    {
      wm_canvas_select_element (self, element);
      wm_canvas_show_context_menu (self, element, x, y);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  /* A click on an emotion lane adds a point there. */
  if (n_press == 1 && element == NULL && wm_canvas_add_point_at (self, map_x, map_y) != NULL)
    return;
  if (n_press == 2 && wm_canvas_resize_edge_at (self, map_x, map_y) >= 0)
    {
      wm_canvas_reset_stage_width (self, wm_canvas_resize_edge_at (self, map_x, map_y));
      return;
    }
  wm_canvas_select_element (self, element);
  if (n_press == 2 && element != NULL)
    wm_canvas_edit_element_name (self, element);
  else if (n_press == 2 && wm_layout_drop_spot (self->layout, map_x, map_y, NULL, &spot))
    wm_canvas_begin_new_card (self, &spot);
}

/* What a right click at (@x, @y) would open a menu on: a card, a persona
 * card, a stage or lane header, or the map itself (%NULL). */
static WmElement *
menu_subject_at (WmCanvas *self,
                 double    x,
                 double    y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  GtkWidget *persona = picked != NULL ? gtk_widget_get_ancestor (picked, WM_TYPE_PERSONA_WIDGET) : NULL;
  const WmCardBox *box;
  double map_x, map_y;

  if (persona != NULL)
    return WM_ELEMENT (wm_persona_widget_get_persona (WM_PERSONA_WIDGET (persona)));
  wm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  box = wm_layout_card_at (self->layout, map_x, map_y);
  if (box != NULL)
    return WM_ELEMENT (box->card);
  return element_at (self, map_x, map_y);
}

/* A long press on a touch screen opens the menu a right click opens, on
 * whatever is under the finger. */
static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 WmCanvas            *self)
{
  WmElement *element;

  wm_canvas_ensure_layout (self);
  if (self->layout == NULL)
    return;
  element = menu_subject_at (self, x, y);
  if (!WM_IS_CARD (element) || !wm_canvas_card_is_selected (self, WM_CARD (element)))
    wm_canvas_select_element (self, element);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  wm_canvas_show_context_menu (self, element, x, y);
}

/* Actions */

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = wm_canvas_get_menu_subject (self);
  WmCard *focus = wm_canvas_get_focus_card (self);

  wm_canvas_edit_element_name (self, element != NULL ? element : WM_ELEMENT (focus));
}

static void
add_card_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmDropSpot spot;

  if (wm_canvas_target_cell (self, &spot))
    wm_canvas_begin_new_card (self, &spot);
  else
    gtk_widget_error_bell (widget);
}

/* Deletes the selected cards, or the stage or lane a menu was opened
 * on; focus then goes to a neighbour of the focused card, so that Delete
 * can be pressed again. */
static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = wm_canvas_get_menu_subject (self);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
  g_autoptr(WmCard) next = NULL;
  WmCard *focus = NULL;

  if (self->document == NULL)
    return;
  if (WM_IS_STAGE (element) || WM_IS_LANE (element))
    g_ptr_array_add (doomed, element);
  else
    {
      g_ptr_array_extend (doomed, self->selection, NULL, NULL);
      focus = wm_canvas_get_focus_card (self);
    }
  if (!wm_edits_delete (self->document, doomed, focus, &next))
    return;
  if (next == NULL || !wm_canvas_focus_card (self, next))
    gtk_widget_grab_focus (widget);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  wm_canvas_ensure_layout (self);
  for (guint i = 0; self->layout != NULL && i < self->layout->cards->len; i++)
    g_ptr_array_add (cards, g_array_index (self->layout->cards, WmCardBox, i).card);
  wm_canvas_set_selection (self, (WmCard **) cards->pdata, cards->len);
}

/* The nearest lane past @lane in @step's direction that shows cards:
 * not a divider, the emotion graph or a collapsed lane. */
static gboolean
card_lane_beyond (WmCanvas *self,
                  guint     lane,
                  int       step,
                  guint    *found)
{
  for (int i = (int) lane + step; i >= 0 && i < (int) self->layout->rows->len; i += step)
    {
      const WmLaneRow *row = &g_array_index (self->layout->rows, WmLaneRow, i);

      if (row->kind != WM_LANE_KIND_DIVIDER && row->kind != WM_LANE_KIND_EMOTIONS && !row->collapsed)
        {
          *found = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Alt+arrows: the focused card, or the one selected, moves a place up or
 * down in its cell (past the cell's edge, into the next lane that shows
 * cards), or a stage left or right. */
static void
move_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  const char *direction = g_variant_get_string (parameter, NULL);
  WmCard *focus = wm_canvas_get_focus_card (self);
  g_autoptr(GPtrArray) cell = NULL;
  const WmCardBox *box;
  guint index = 0, stage, lane;

  if (focus == NULL && self->selection->len == 1)
    focus = g_ptr_array_index (self->selection, 0);
  if (focus == NULL || self->document == NULL)
    return;
  wm_canvas_ensure_layout (self);
  box = wm_layout_find_card (self->layout, focus);
  if (box == NULL)
    return;
  stage = box->stage_index;
  lane = box->lane_index;
  cell = wm_document_get_cell_cards (self->document, wm_card_get_stage (focus), wm_card_get_lane (focus));
  g_ptr_array_find (cell, focus, &index);

  if (g_str_equal (direction, "up") && index > 0)
    index--;
  else if (g_str_equal (direction, "down") && index + 1 < cell->len)
    index++;
  else if ((g_str_equal (direction, "up") || g_str_equal (direction, "down")) &&
           card_lane_beyond (self, lane, g_str_equal (direction, "up") ? -1 : 1, &lane))
    {
      /* Across the cell's edge: to the end of the cell above, or the
       * start of the one below, as text moves between paragraphs. */
      WmElement *to_stage = WM_ELEMENT (g_array_index (self->layout->columns, WmStageColumn, stage).stage);
      WmElement *to_lane = WM_ELEMENT (g_array_index (self->layout->rows, WmLaneRow, lane).lane);
      g_autoptr(GPtrArray) target = wm_document_get_cell_cards (self->document, wm_element_get_id (to_stage),
                                                                wm_element_get_id (to_lane));

      index = g_str_equal (direction, "up") ? target->len : 0;
    }
  else if (g_str_equal (direction, "left") && stage > 0)
    stage--;
  else if (g_str_equal (direction, "right") && stage + 1 < self->layout->columns->len)
    stage++;
  else
    {
      gtk_widget_error_bell (widget);
      return;
    }
  {
    g_autoptr(GPtrArray) one = g_ptr_array_new ();

    g_ptr_array_add (one, focus);
    wm_canvas_move_cards (self, one, stage, lane, index);
  }
  wm_canvas_focus_card (self, focus);
}

/**
 * wm_canvas_add_stage:
 * @position: where the stage goes; past the end appends
 *
 * Adds a stage and opens its name for editing.
 */
void
wm_canvas_add_stage (WmCanvas *self,
                     guint     position)
{
  WmStage *stage;

  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->document == NULL)
    return;
  position = MIN (position, g_list_model_get_n_items (wm_document_get_stages (self->document)));
  stage = wm_edits_add_stage (self->document, position, NULL);
  if (stage == NULL)
    return;
  wm_canvas_select_element (self, WM_ELEMENT (stage));
  wm_canvas_edit_element_name (self, WM_ELEMENT (stage));
}

/**
 * wm_canvas_add_lane:
 * @kind: what the lane holds
 * @position: where it goes; past the end appends
 */
void
wm_canvas_add_lane (WmCanvas   *self,
                    WmLaneKind  kind,
                    guint       position)
{
  WmLane *lane;

  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->document == NULL)
    return;
  position = MIN (position, g_list_model_get_n_items (wm_document_get_lanes (self->document)));
  lane = wm_edits_add_lane (self->document, position, kind, NULL);
  if (lane == NULL)
    return;
  wm_canvas_select_element (self, WM_ELEMENT (lane));
  wm_canvas_edit_element_name (self, WM_ELEMENT (lane));
}

/* The position of the stage or lane a menu was opened on, or -1. */
static int
subject_position (WmCanvas *self,
                  GType     type)
{
  WmElement *element = wm_canvas_get_menu_subject (self);

  if (self->document == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (element, type))
    return -1;
  return position_of (type == WM_TYPE_STAGE ? wm_document_get_stages (self->document)
                                            : wm_document_get_lanes (self->document),
                      element);
}

static void
add_stage_before_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  int index = subject_position (self, WM_TYPE_STAGE);

  wm_canvas_add_stage (self, index >= 0 ? (guint) index : G_MAXUINT);
}

static void
add_stage_after_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  int index = subject_position (self, WM_TYPE_STAGE);

  wm_canvas_add_stage (self, index >= 0 ? (guint) index + 1 : G_MAXUINT);
}

static void
add_stage_end_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  wm_canvas_add_stage (WM_CANVAS (widget), G_MAXUINT);
}

/* What the lane actions' parameter names: a lane kind's nick. */
static WmLaneKind
lane_kind_of (GVariant *parameter)
{
  int kind = WM_LANE_KIND_TEXT;

  wm_enum_from_nick (WM_TYPE_LANE_KIND, g_variant_get_string (parameter, NULL), &kind);
  return kind;
}

static void
add_lane_below_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  int index = subject_position (self, WM_TYPE_LANE);

  wm_canvas_add_lane (self, lane_kind_of (parameter), index >= 0 ? (guint) index + 1 : G_MAXUINT);
}

static void
add_lane_end_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  wm_canvas_add_lane (WM_CANVAS (widget), lane_kind_of (parameter), G_MAXUINT);
}

/* Moves the stage or lane a menu was opened on a place back or on, or
 * rings the bell at either end. */
static void
move_subject (WmCanvas *self,
              GType     type,
              int       step)
{
  WmElement *element = wm_canvas_get_menu_subject (self);
  int index = subject_position (self, type);

  if (index < 0)
    return;
  if (!wm_edits_move_stage_or_lane (self->document, element, index + step))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
move_left_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_subject (WM_CANVAS (widget), WM_TYPE_STAGE, -1);
}

static void
move_right_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_subject (WM_CANVAS (widget), WM_TYPE_STAGE, 1);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_subject (WM_CANVAS (widget), WM_TYPE_LANE, -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_subject (WM_CANVAS (widget), WM_TYPE_LANE, 1);
}

static void
stage_color_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = wm_canvas_get_menu_subject (self);

  if (self->document != NULL && WM_IS_STAGE (element))
    wm_document_set_string (self->document, element, "color", g_variant_get_string (parameter, NULL));
}

static void
toggle_collapsed_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = wm_canvas_get_menu_subject (self);
  gboolean collapsed;
  GValue value = G_VALUE_INIT;

  if (self->document == NULL || !WM_IS_LANE (element))
    return;
  g_object_get (element, "collapsed", &collapsed, NULL);
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, !collapsed);
  wm_document_set_value (self->document, element, "collapsed", &value, NULL);
  g_value_unset (&value);
}

/* Selects the card's stage or lane, for the inspector. */
static void
select_card_parent (WmCanvas *self,
                    gboolean  stage)
{
  WmElement *element = wm_canvas_get_menu_subject (self);

  if (self->document == NULL || !WM_IS_CARD (element))
    return;
  wm_canvas_select_element (self, wm_document_lookup (self->document,
                                                      stage ? wm_card_get_stage (WM_CARD (element))
                                                            : wm_card_get_lane (WM_CARD (element))));
}

static void
select_card_stage_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  select_card_parent (WM_CANVAS (widget), TRUE);
}

static void
select_card_lane_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  select_card_parent (WM_CANVAS (widget), FALSE);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmCard *focus = wm_canvas_get_focus_card (self);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  GtkWidget *card_widget = focus != NULL ? GTK_WIDGET (wm_canvas_cards_realize (self, focus)) : NULL;
  graphene_point_t point = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  WmElement *element = focus != NULL ? WM_ELEMENT (focus) : wm_canvas_get_selected_element (self);

  /* A focused persona card has a menu of its own. */
  if (WM_IS_PERSONA_WIDGET (focus_child))
    {
      card_widget = focus_child;
      element = WM_ELEMENT (wm_persona_widget_get_persona (WM_PERSONA_WIDGET (focus_child)));
    }
  if (card_widget != NULL && !gtk_widget_compute_point (card_widget, widget, &GRAPHENE_POINT_INIT (16, 16), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  wm_canvas_show_context_menu (self, element, point.x, point.y);
}

/* Greys out what cannot apply now, so menus and shortcuts agree. */
void
wm_canvas_update_actions (WmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_document = self->document != NULL;
  gboolean has_cards = has_document && self->selection->len > 0;

  gtk_widget_action_set_enabled (widget, "canvas.copy", has_cards);
  gtk_widget_action_set_enabled (widget, "canvas.cut", has_cards);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", has_cards);
  gtk_widget_action_set_enabled (widget, "canvas.paste", has_document);
  gtk_widget_action_set_enabled (widget, "canvas.add-card", has_document);
  gtk_widget_action_set_enabled (widget, "canvas.select-all", has_document);
}

void
wm_canvas_actions_class_init (GtkWidgetClass *widget_class)
{
  static const char *directions[] = { "up", "down", "left", "right" };
  static const guint direction_keys[] = { GDK_KEY_Up, GDK_KEY_Down, GDK_KEY_Left, GDK_KEY_Right };

  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-card", NULL, add_card_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-card", "s", move_card_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage-before", NULL, add_stage_before_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage-after", NULL, add_stage_after_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage-end", NULL, add_stage_end_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane-below", "s", add_lane_below_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane-end", "s", add_lane_end_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-left", NULL, move_left_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-right", NULL, move_right_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "canvas.stage-color", "s", stage_color_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-collapsed", NULL, toggle_collapsed_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-card-stage", NULL, select_card_stage_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-card-lane", NULL, select_card_lane_action);
  gtk_widget_class_install_action (widget_class, "canvas.context-menu", NULL, context_menu_action);

  /* Menus show the last key bound to an action: the keypad's go first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "canvas.add-card", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "canvas.add-card", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.context-menu", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
    gtk_widget_class_add_binding_action (widget_class, direction_keys[i], GDK_ALT_MASK,
                                         "canvas.move-card", "s", directions[i]);
}


void
wm_canvas_actions_init (WmCanvas *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_canvas_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  /* In the capture phase, so that the cards' own gestures under the finger
   * do not take the press first; a mouse keeps its right click. */
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (long_press), GTK_PHASE_CAPTURE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}
