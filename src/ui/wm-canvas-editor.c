/* wm-canvas-editor.c: editing titles in place, and the "+" that adds a
 * card.
 *
 * Titles are edited in an entry laid over the card, stage, lane or
 * emotion point; Enter or leaving the entry keeps the text, Escape drops
 * it. A new card exists only once its title is typed, so adding one is
 * one undo step and an abandoned one leaves nothing behind. The "+"
 * button follows the pointer from cell to cell and opens the editor for
 * a new card there.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-canvas-private.h"
#include "wm-edits.h"

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
      /* Below the insertion bar, where the card will be: the card above,
       * which the user is adding after, stays in sight. */
      *rect = (WmRect) { self->new_card_spot.marker.x, self->new_card_spot.marker.y,
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
             const char *text)
{
  WmRect rect;

  wm_canvas_ensure_layout (self);
  g_set_object (&self->edited_element, element);
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
               const char *text)
{
  finish_editing (self, TRUE);
  open_editor (self, element, text);
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
  begin_editing (self, WM_ELEMENT (card), wm_card_get_title (card));
}

/* Opens the in-place editor on a stage's name, a lane's or a card's
 * title. */
void
wm_canvas_edit_element_name (WmCanvas  *self,
                             WmElement *element)
{
  if (WM_IS_STAGE (element))
    begin_editing (self, element, wm_stage_get_name (WM_STAGE (element)));
  else if (WM_IS_LANE (element))
    begin_editing (self, element, wm_lane_get_title (WM_LANE (element)));
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
  begin_editing (self, WM_ELEMENT (point), wm_emotion_point_get_label (point));
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
  open_editor (self, NULL, "");
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
wm_canvas_editor_allocate (WmCanvas *self)
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
      WmStyle *style = self->layout->style;
      int size;
      graphene_rect_t area;

      /* In the room the screen style keeps below the lowest card, shrunk
       * with the zoom so that it never covers one; too small to aim at,
       * it hides (Insert and the menu still add cards). */
      gtk_widget_measure (self->add_button, GTK_ORIENTATION_HORIZONTAL, -1, &size, NULL, NULL, NULL);
      size = MIN (size, (int) floor ((style->cell_padding + style->add_card_room) * self->zoom) - 6);
      gtk_widget_set_child_visible (self->add_button, size >= 16);
      size = MAX (size, 16);
      area = wm_canvas_map_to_widget_rect (self, &cell);
      gtk_widget_size_allocate (self->add_button,
                                &(GtkAllocation) { (int) (area.origin.x + area.size.width - size - 4),
                                                   (int) (area.origin.y + area.size.height - size - 4), size, size },
                                -1);
    }
}

/* The "+" follows the pointer from cell to cell. */
void
wm_canvas_editor_pointer_moved (WmCanvas *self,
                                double    map_x,
                                double    map_y)
{
  int stage = -1, lane = -1;

  /* Below the zoom where cards are shapes, there is nothing to aim at. */
  if (self->layout != NULL && self->header_drag == WM_HEADER_DRAG_NONE && !self->drop_active &&
      self->zoom >= WM_CANVAS_MIN_TEXT_ZOOM)
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

void
wm_canvas_editor_init (WmCanvas *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

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
}

void
wm_canvas_editor_dispose (WmCanvas *self)
{
  g_clear_object (&self->edited_element);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_pointer (&self->add_button, gtk_widget_unparent);
}
