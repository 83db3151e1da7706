/* wm-canvas-edit.c: changing the map from the canvas.
 *
 * Titles are edited in place, in an entry laid over the card, stage or
 * lane; Enter or leaving the entry keeps the text, Escape drops it. A
 * new card exists only once its title is typed, so adding one is one
 * undo step and an abandoned one leaves nothing behind. Every command
 * here is a canvas action, bound to a key and offered in the context
 * menus, so all of it is reachable from the keyboard.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-private.h"
#include "wm-edits.h"
#include "wm-persona-widget.h"

/* Colours offered for stages: the GNOME palette's middle tones. */
static const struct
{
  const char *name;
  const char *color;
} stage_colors[] = {
  { N_("Blue"), "#3584e4" },
  { N_("Green"), "#33d17a" },
  { N_("Yellow"), "#f6d32d" },
  { N_("Orange"), "#ff7800" },
  { N_("Red"), "#e01b24" },
  { N_("Purple"), "#9141ac" },
  { N_("Brown"), "#986a44" },
};

/* Helpers */

gpointer
wm_canvas_nth_item (GListModel *list,
          int         index)
{
  if (index < 0 || (guint) index >= g_list_model_get_n_items (list))
    return NULL;
  return g_list_model_get_item (list, index);
}

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

/* The in-place editor */

static void
finish_editing (WmCanvas *self,
                gboolean  keep)
{
  g_autofree char *text = NULL;
  WmElement *element = self->edited_element;
  gboolean was_new = self->editing_new_card;
  gboolean had_focus;

  if (element == NULL && !was_new)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor))));
  had_focus = gtk_widget_is_focus (self->editor) || gtk_widget_get_focus_child (self->editor) != NULL;
  self->edited_element = NULL;
  self->editing_new_card = FALSE;
  gtk_widget_set_visible (self->editor, FALSE);

  if (keep && was_new && *text != '\0' && self->document != NULL)
    {
      WmCard *card = wm_edits_add_card (self->document, self->new_card_spot.stage_index,
                                        self->new_card_spot.lane_index, self->new_card_spot.index_in_cell, text);

      if (card != NULL && had_focus)
        wm_canvas_focus_card (self, card);
      return;
    }

  if (keep && element != NULL && self->document != NULL)
    wm_edits_rename (self->document, element, text);
  if (had_focus && WM_IS_CARD (element))
    wm_canvas_focus_card (self, WM_CARD (element));
  else if (had_focus && WM_IS_EMOTION_POINT (element))
    wm_canvas_focus_point (self, WM_EMOTION_POINT (element));
  else if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_clear_object (&element);
}

static void
on_editor_activate (GtkText  *text,
                    WmCanvas *self)
{
  finish_editing (self, TRUE);
}

static gboolean
on_editor_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       WmCanvas              *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  finish_editing (self, FALSE);
  return TRUE;
}

static void
on_editor_focus_leave (GtkEventControllerFocus *controller,
                       WmCanvas                *self)
{
  GtkRoot *root = gtk_widget_get_root (self->editor);

  /* Switching to another window keeps the edit open for the return;
   * focus moving elsewhere in this window ends it. */
  if (GTK_IS_WINDOW (root) && !gtk_window_is_active (GTK_WINDOW (root)))
    return;
  if (gtk_widget_get_visible (self->editor))
    finish_editing (self, TRUE);
}

/* Where the editor goes, in map coordinates. */
static gboolean
editor_rect (WmCanvas *self,
             WmRect   *rect)
{
  WmLayout *layout = self->layout;
  WmElement *element = self->edited_element;

  if (layout == NULL)
    return FALSE;
  if (self->editing_new_card)
    {
      *rect = (WmRect) { self->new_card_spot.marker.x, self->new_card_spot.marker.y - 14,
                         self->new_card_spot.marker.width, 32 };
      return TRUE;
    }
  if (WM_IS_CARD (element))
    {
      const WmCardBox *box = wm_layout_find_card (layout, WM_CARD (element));

      if (box == NULL)
        return FALSE;
      *rect = (WmRect) { box->rect.x + 4, box->rect.y + box->title_y - 6, box->rect.width - 8, 32 };
      return TRUE;
    }
  for (guint c = 0; WM_IS_EMOTION_POINT (element) && c < layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (layout->curves, WmCurve, c);

      for (guint p = 0; p < curve->points->len; p++)
        {
          const WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, p);

          if (point->point != WM_EMOTION_POINT (element))
            continue;
          /* Over the label when there is one, else beside the point. */
          if (point->label.width > 0)
            *rect = (WmRect) { point->label.x - 4, point->label.y - 6, MAX (point->label.width + 8, 180), 32 };
          else
            *rect = (WmRect) { point->x + layout->style->face_radius + 6, point->y - 16, 220, 32 };
          return TRUE;
        }
    }
  for (guint i = 0; WM_IS_STAGE (element) && i < layout->columns->len; i++)
    {
      const WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, i);

      if (column->stage == WM_STAGE (element))
        {
          *rect = (WmRect) { column->header.x + 6, column->header.y + 6, column->header.width - 12, 32 };
          return TRUE;
        }
    }
  for (guint i = 0; WM_IS_LANE (element) && i < layout->rows->len; i++)
    {
      const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, i);

      if (row->lane == WM_LANE (element))
        {
          *rect = (WmRect) { row->header.x + 6, row->header.y + 6, row->header.width - 12, 32 };
          return TRUE;
        }
    }
  return FALSE;
}

static void
open_editor (WmCanvas   *self,
             WmElement  *element,
             const char *field,
             const char *text)
{
  WmRect rect;

  wm_canvas_ensure_layout (self);
  g_set_object (&self->edited_element, element);
  self->edited_field = field;
  if (!editor_rect (self, &rect))
    {
      g_clear_object (&self->edited_element);
      self->editing_new_card = FALSE;
      return;
    }
  wm_canvas_scroll_to_rect (self, &rect);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), text);
  gtk_widget_set_visible (self->editor, TRUE);
  gtk_widget_grab_focus (self->editor);
  gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
begin_editing (WmCanvas   *self,
               WmElement  *element,
               const char *field,
               const char *text)
{
  finish_editing (self, TRUE);
  open_editor (self, element, field, text);
}

/**
 * wm_canvas_edit_card_title:
 * @card: a card of the map
 *
 * Opens the in-place editor on @card's title.
 */
void
wm_canvas_edit_card_title (WmCanvas *self,
                           WmCard   *card)
{
  begin_editing (self, WM_ELEMENT (card), "title", wm_card_get_title (card));
}

static void
edit_element_name (WmCanvas  *self,
                   WmElement *element)
{
  if (WM_IS_STAGE (element))
    begin_editing (self, element, "name", wm_stage_get_name (WM_STAGE (element)));
  else if (WM_IS_LANE (element))
    begin_editing (self, element, "title", wm_lane_get_title (WM_LANE (element)));
  else if (WM_IS_CARD (element))
    wm_canvas_edit_card_title (self, WM_CARD (element));
}

/**
 * wm_canvas_edit_point_label:
 * @point: a point of the emotion graph
 *
 * Opens the in-place editor on what the persona felt or said there.
 */
void
wm_canvas_edit_point_label (WmCanvas       *self,
                            WmEmotionPoint *point)
{
  begin_editing (self, WM_ELEMENT (point), "label", wm_emotion_point_get_label (point));
}

/**
 * wm_canvas_begin_new_card:
 * @spot: where the card goes
 *
 * Opens the editor for a card not made yet; typing a title and pressing
 * Enter adds it.
 */
void
wm_canvas_begin_new_card (WmCanvas         *self,
                          const WmDropSpot *spot)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  finish_editing (self, TRUE);
  self->editing_new_card = TRUE;
  self->new_card_spot = *spot;
  open_editor (self, NULL, "title", "");
}

/* The editor while it is open, for tests and assistive technology. */
GtkEditable *
wm_canvas_get_editor (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return gtk_widget_get_visible (self->editor) ? GTK_EDITABLE (self->editor) : NULL;
}

/* Laying out the editor and the "+" button */

static void
allocate_over (WmCanvas     *self,
               GtkWidget    *widget,
               const WmRect *rect)
{
  graphene_rect_t area = wm_canvas_map_to_widget_rect (self, rect);
  int min_height;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
  gtk_widget_size_allocate (widget,
                            &(GtkAllocation) { (int) area.origin.x, (int) area.origin.y,
                                               MAX ((int) area.size.width, 40), MAX ((int) area.size.height, min_height) },
                            -1);
}

void
wm_canvas_edit_allocate (WmCanvas *self)
{
  WmRect rect;

  if (gtk_widget_get_visible (self->editor))
    {
      if (editor_rect (self, &rect))
        allocate_over (self, self->editor, &rect);
      else
        finish_editing (self, FALSE);  /* its card went away */
    }
  if (gtk_widget_get_visible (self->add_button) && self->layout != NULL &&
      (guint) self->hover_stage < self->layout->columns->len && (guint) self->hover_lane < self->layout->rows->len)
    {
      WmRect cell = wm_layout_cell_rect (self->layout, self->hover_stage, self->hover_lane);
      int size;
      graphene_rect_t area;

      gtk_widget_measure (self->add_button, GTK_ORIENTATION_HORIZONTAL, -1, &size, NULL, NULL, NULL);
      area = wm_canvas_map_to_widget_rect (self, &cell);
      gtk_widget_size_allocate (self->add_button,
                                &(GtkAllocation) { (int) (area.origin.x + area.size.width - size - 6),
                                                   (int) (area.origin.y + area.size.height - size - 6), size, size },
                                -1);
    }
}

/* The "+" follows the pointer from cell to cell. */
void
wm_canvas_edit_pointer_moved (WmCanvas *self,
                              double    map_x,
                              double    map_y)
{
  int stage = -1, lane = -1;

  if (self->layout != NULL && self->header_drag == WM_HEADER_DRAG_NONE && !self->drop_active)
    {
      stage = wm_layout_column_at (self->layout, map_x);
      lane = wm_layout_row_at (self->layout, map_y);
      if (stage >= 0 && lane >= 0)
        {
          const WmLaneRow *row = &g_array_index (self->layout->rows, WmLaneRow, lane);

          if (row->collapsed || !wm_lane_kind_holds_cards (row->kind))
            stage = lane = -1;
        }
    }
  if (stage == self->hover_stage && lane == self->hover_lane)
    return;
  self->hover_stage = stage;
  self->hover_lane = lane;
  gtk_widget_set_visible (self->add_button, stage >= 0 && lane >= 0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_add_button_clicked (WmCanvas *self)
{
  WmRect cell;
  WmDropSpot spot;

  if (self->layout == NULL || self->hover_stage < 0 || self->hover_lane < 0)
    return;
  cell = wm_layout_cell_rect (self->layout, self->hover_stage, self->hover_lane);
  if (wm_layout_drop_spot (self->layout, cell.x + 1, cell.y + cell.height - 1, NULL, &spot))
    wm_canvas_begin_new_card (self, &spot);
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
    edit_element_name (self, element);
  else if (n_press == 2 && wm_layout_drop_spot (self->layout, map_x, map_y, NULL, &spot))
    wm_canvas_begin_new_card (self, &spot);
}

/* The context menu */

/* Adds the items that move @element back or on in @list, leaving out a
 * move past either end. */
static void
append_move_items (GMenu      *menu,
                   GListModel *list,
                   WmElement  *element,
                   const char *back_label,
                   const char *back_action,
                   const char *on_label,
                   const char *on_action)
{
  guint n = g_list_model_get_n_items (list);
  guint index = 0;

  while (index < n)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, index);

      if (item == G_OBJECT (element))
        break;
      index++;
    }
  if (index > 0 && index < n)
    g_menu_append (menu, back_label, back_action);
  if (index + 1 < n)
    g_menu_append (menu, on_label, on_action);
}

static GMenuModel *
build_context_menu (WmCanvas  *self,
                    WmElement *element)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) structure = g_menu_new ();
  g_autoptr(GMenu) lanes = g_menu_new ();
  g_autoptr(GMenu) colors = g_menu_new ();

  if (WM_IS_CARD (element))
    {
      g_menu_append (edit, _("_Rename"), "canvas.rename");
      g_menu_append (edit, _("_Duplicate"), "canvas.duplicate");
      g_menu_append (edit, _("Cu_t"), "canvas.cut");
      g_menu_append (edit, _("_Copy"), "canvas.copy");
      g_menu_append (edit, _("_Paste"), "canvas.paste");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      g_menu_append (structure, _("Edit _Stage"), "canvas.select-card-stage");
      g_menu_append (structure, _("Edit _Lane"), "canvas.select-card-lane");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
      g_menu_append (menu, _("_Delete"), "canvas.delete");
    }
  else if (WM_IS_STAGE (element))
    {
      g_menu_append (edit, _("_Rename Stage"), "canvas.rename");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      g_menu_append (structure, _("Add Stage _Before"), "canvas.add-stage-before");
      g_menu_append (structure, _("Add Stage _After"), "canvas.add-stage-after");
      append_move_items (structure, wm_document_get_stages (self->document), element,
                         _("Move _Left"), "canvas.move-left", _("Move _Right"), "canvas.move-right");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
      for (guint i = 0; i < G_N_ELEMENTS (stage_colors); i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_(stage_colors[i].name), NULL);

          g_menu_item_set_action_and_target (item, "canvas.stage-color", "s", stage_colors[i].color);
          g_menu_append_item (colors, item);
        }
      {
        g_autoptr(GMenuItem) none = g_menu_item_new (_("No Colour"), NULL);

        g_menu_item_set_action_and_target (none, "canvas.stage-color", "s", "");
        g_menu_append_item (colors, none);
      }
      g_menu_append_submenu (menu, _("_Colour"), G_MENU_MODEL (colors));
      g_menu_append (menu, _("_Delete Stage"), "canvas.delete");
    }
  else if (WM_IS_PERSONA (element))
    {
      g_menu_append (edit, _("_Edit Persona…"), "canvas.persona-edit");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      append_move_items (structure, wm_document_get_personas (self->document), element,
                         _("Move _Left"), "canvas.persona-move(-1)", _("Move _Right"), "canvas.persona-move(1)");
      if (g_menu_model_get_n_items (G_MENU_MODEL (structure)) > 0)
        g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
      g_menu_append (menu, _("_Delete Persona"), "canvas.persona-delete");
    }
  else if (WM_IS_LANE (element))
    {
      g_menu_append (edit, _("_Rename Lane"), "canvas.rename");
      g_menu_append (edit, wm_lane_get_collapsed (WM_LANE (element)) ? _("E_xpand") : _("Co_llapse"),
                     "canvas.toggle-collapsed");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      append_move_items (structure, wm_document_get_lanes (self->document), element,
                         _("Move _Up"), "canvas.move-up", _("Move _Down"), "canvas.move-down");
      if (g_menu_model_get_n_items (G_MENU_MODEL (structure)) > 0)
        g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
      wm_canvas_fill_lane_kind_menu (lanes, "canvas.add-lane-below");
      g_menu_append_submenu (menu, _("_Add Lane Below"), G_MENU_MODEL (lanes));
      g_menu_append (menu, _("_Delete Lane"), "canvas.delete");
    }
  else
    {
      g_menu_append (edit, _("_Paste"), "canvas.paste");
      g_menu_append (edit, _("Select _All"), "canvas.select-all");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      g_menu_append (structure, _("Add _Stage"), "canvas.add-stage-end");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
      wm_canvas_fill_lane_kind_menu (lanes, "canvas.add-lane-end");
      g_menu_append_submenu (menu, _("Add _Lane"), G_MENU_MODEL (lanes));
    }
  return G_MENU_MODEL (menu);
}

/**
 * wm_canvas_fill_lane_kind_menu:
 * @menu: where to add one item per lane kind
 * @action: a detailed action name taking the kind's nick
 */
void
wm_canvas_fill_lane_kind_menu (GMenu      *menu,
                               const char *action)
{
  for (int kind = WM_LANE_KIND_CUSTOMER_ACTIONS; kind <= WM_LANE_KIND_DIVIDER; kind++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (wm_lane_kind_get_display_name (kind), NULL);

      g_menu_item_set_action_and_target (item, action, "s", wm_enum_to_nick (WM_TYPE_LANE_KIND, kind));
      g_menu_append_item (menu, item);
    }
}

void
wm_canvas_show_context_menu (WmCanvas  *self,
                             WmElement *element,
                             double     x,
                             double     y)
{
  g_autoptr(GMenuModel) model = build_context_menu (self, element);

  g_set_object (&self->context_element, element);
  wm_canvas_update_actions (self);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/**
 * wm_canvas_get_menu_element:
 *
 * Returns: (nullable): the element the context menu is open on, while it
 *   is (its commands run as it closes)
 */
WmElement *
wm_canvas_get_menu_element (WmCanvas *self)
{
  if (self->context_element != NULL &&
      (gtk_widget_get_visible (self->context_menu) || gtk_widget_get_mapped (self->context_menu)))
    return self->context_element;
  return NULL;
}

/* The element a menu command applies to: the one the menu was opened
 * on, else the selection. */
static WmElement *
subject (WmCanvas *self)
{
  WmElement *element = wm_canvas_get_menu_element (self);

  return element != NULL ? element : wm_canvas_get_selected_element (self);
}

/* Actions */

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = subject (self);
  WmCard *focus = wm_canvas_get_focus_card (self);

  edit_element_name (self, element != NULL ? element : WM_ELEMENT (focus));
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
void
wm_canvas_delete_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = subject (self);
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

/* Alt+arrows: the focused card (and the rest of the selection) moves a
 * place up or down in its cell, or a stage left or right. */
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

static void
add_stage_at (WmCanvas *self,
              guint     position)
{
  WmDocument *document = self->document;
  WmStage *stage;

  if (document == NULL)
    return;
  position = MIN (position, g_list_model_get_n_items (wm_document_get_stages (document)));
  stage = wm_edits_add_stage (document, position, NULL);
  if (stage == NULL)
    return;
  wm_canvas_select_element (self, WM_ELEMENT (stage));
  edit_element_name (self, WM_ELEMENT (stage));
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
  g_return_if_fail (WM_IS_CANVAS (self));

  add_stage_at (self, position);
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
  edit_element_name (self, WM_ELEMENT (lane));
}

static void
add_stage_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = subject (self);
  int index = WM_IS_STAGE (element) && self->document != NULL
              ? position_of (wm_document_get_stages (self->document), element) : -1;

  if (g_str_equal (action_name, "canvas.add-stage-before") && index >= 0)
    add_stage_at (self, index);
  else if (g_str_equal (action_name, "canvas.add-stage-after") && index >= 0)
    add_stage_at (self, index + 1);
  else
    add_stage_at (self, G_MAXUINT);
}

static void
add_lane_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = subject (self);
  int kind = WM_LANE_KIND_TEXT;
  int index = WM_IS_LANE (element) && self->document != NULL
              ? position_of (wm_document_get_lanes (self->document), element) : -1;

  wm_enum_from_nick (WM_TYPE_LANE_KIND, g_variant_get_string (parameter, NULL), &kind);
  wm_canvas_add_lane (self, kind, g_str_equal (action_name, "canvas.add-lane-below") && index >= 0 ? (guint) index + 1 : G_MAXUINT);
}

static void
move_element_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = subject (self);
  gboolean backwards = g_str_equal (action_name, "canvas.move-left") || g_str_equal (action_name, "canvas.move-up");
  GListModel *list;
  int index;

  if (self->document == NULL || !(WM_IS_STAGE (element) || WM_IS_LANE (element)))
    return;
  list = WM_IS_STAGE (element) ? wm_document_get_stages (self->document) : wm_document_get_lanes (self->document);
  index = position_of (list, element);
  if ((backwards && index == 0) || (!backwards && (guint) index + 1 >= g_list_model_get_n_items (list)))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  wm_document_begin_change (self->document, WM_IS_STAGE (element) ? _("Move Stage") : _("Move Lane"));
  wm_document_move (self->document, element, backwards ? index - 1 : index + 1);
  wm_document_commit_change (self->document);
}

static void
stage_color_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = subject (self);

  if (self->document != NULL && WM_IS_STAGE (element))
    wm_document_set_string (self->document, element, "color", g_variant_get_string (parameter, NULL));
}

static void
toggle_collapsed_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = subject (self);
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

static void
select_card_parent_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmElement *element = subject (self);

  if (self->document == NULL || !WM_IS_CARD (element))
    return;
  wm_canvas_select_element (self, wm_document_lookup (self->document,
                                                      g_str_equal (action_name, "canvas.select-card-stage")
                                                      ? wm_card_get_stage (WM_CARD (element))
                                                      : wm_card_get_lane (WM_CARD (element))));
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
wm_canvas_edit_class_init (GtkWidgetClass *widget_class)
{
  static const char *directions[] = { "up", "down", "left", "right" };
  static const guint direction_keys[] = { GDK_KEY_Up, GDK_KEY_Down, GDK_KEY_Left, GDK_KEY_Right };

  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-card", NULL, add_card_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, wm_canvas_delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, wm_canvas_duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, wm_canvas_copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, wm_canvas_copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, wm_canvas_paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-card", "s", move_card_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage-before", NULL, add_stage_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage-after", NULL, add_stage_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage-end", NULL, add_stage_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane-below", "s", add_lane_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane-end", "s", add_lane_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-left", NULL, move_element_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-right", NULL, move_element_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-up", NULL, move_element_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-down", NULL, move_element_action);
  gtk_widget_class_install_action (widget_class, "canvas.stage-color", "s", stage_color_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-collapsed", NULL, toggle_collapsed_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-card-stage", NULL, select_card_parent_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-card-lane", NULL, select_card_parent_action);
  gtk_widget_class_install_action (widget_class, "canvas.context-menu", NULL, context_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "canvas.add-card", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "canvas.add-card", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "canvas.context-menu", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
    gtk_widget_class_add_binding_action (widget_class, direction_keys[i], GDK_ALT_MASK,
                                         "canvas.move-card", "s", directions[i]);
}

void
wm_canvas_edit_init (WmCanvas *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hover_stage = self->hover_lane = -1;

  self->editor = gtk_text_new ();
  gtk_widget_add_css_class (self->editor, "inline-editor");
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  g_signal_connect (self->editor, "activate", G_CALLBACK (on_editor_activate), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_editor_key_pressed), self);
  gtk_widget_add_controller (self->editor, keys);
  g_signal_connect (focus, "leave", G_CALLBACK (on_editor_focus_leave), self);
  gtk_widget_add_controller (self->editor, focus);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));

  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (self->add_button, "circular");
  gtk_widget_add_css_class (self->add_button, "add-card-button");
  gtk_widget_set_tooltip_text (self->add_button, _("Add Card"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Card"), -1);
  gtk_widget_set_focusable (self->add_button, FALSE);
  gtk_widget_set_visible (self->add_button, FALSE);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_button_clicked), self);
  gtk_widget_set_parent (self->add_button, GTK_WIDGET (self));

  self->context_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_canvas_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

void
wm_canvas_edit_dispose (WmCanvas *self)
{
  g_clear_object (&self->edited_element);
  g_clear_object (&self->context_element);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->add_button, gtk_widget_unparent);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
}
