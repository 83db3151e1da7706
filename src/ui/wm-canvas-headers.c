/* wm-canvas-headers.c: a focusable widget over each stage and lane header
 * near the view.
 *
 * The headers are painted by the canvas; these widgets make them reachable
 * from the keyboard and visible to screen readers, in map order. As with
 * cards, only the headers near the view have one (a map may have 40,000
 * stages), plus the focused header wherever it is. Focusing a header
 * selects its stage or lane, so that the canvas's keys (F2 or Enter to
 * rename, Delete, the menu key, Alt+arrows to move it) act on it. Arrow
 * keys go to the neighbouring header, or down or right into the cards.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-headers"

#include "config.h"

#include <math.h>

#include "wm-canvas-private.h"
#include "wm-header-widget.h"
#include "wm-persona-widget.h"

/* How far beyond the viewport headers get widgets, in map units. */
#define OVERSCAN 160

static WmHeaderWidget *
focused_header (WmCanvas *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return WM_IS_HEADER_WIDGET (focus) && gtk_widget_is_focus (focus) ? WM_HEADER_WIDGET (focus) : NULL;
}

/* Where a header is painted: frozen at the edge of the view once the map
 * scrolls past it. */
static WmRect
header_rect (WmCanvas       *self,
             WmHeaderWidget *widget)
{
  WmRect visible = wm_canvas_get_visible_rect (self);
  guint index = wm_header_widget_get_index (widget);
  double shift_x, shift_y;
  WmRect rect;

  wm_canvas_get_frozen_shift (self, &visible, &shift_x, &shift_y);
  if (wm_header_widget_is_stage (widget))
    {
      rect = g_array_index (self->layout->columns, WmStageColumn, index).header;
      rect.y += shift_y;
    }
  else
    {
      rect = g_array_index (self->layout->rows, WmLaneRow, index).header;
      rect.x += shift_x;
    }
  return rect;
}

static void
focus_header (WmCanvas       *self,
              WmHeaderWidget *widget)
{
  WmRect visible = wm_canvas_get_visible_rect (self);
  WmRect rect = header_rect (self, widget);

  /* Only along the headers' own direction: the frozen row and column are
   * in view already the other way. */
  if (wm_header_widget_is_stage (widget))
    rect = (WmRect) { rect.x, visible.y + visible.height / 2, rect.width, 1 };
  else
    rect = (WmRect) { visible.x + visible.width / 2, rect.y, 1, rect.height };
  wm_canvas_scroll_to_rect (self, &rect);
  gtk_widget_grab_focus (GTK_WIDGET (widget));
}

static void
on_focus_enter (GtkEventControllerFocus *controller,
                WmCanvas                *self)
{
  WmHeaderWidget *widget = WM_HEADER_WIDGET (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  WmElement *element = wm_header_widget_get_element (widget);

  if (element != NULL && wm_canvas_get_selected_element (self) != element)
    wm_canvas_select_element (self, element);
}

/* The first card of the stage's column or the lane's row, in map order. */
static WmCard *
first_card_of (WmCanvas       *self,
               WmHeaderWidget *widget)
{
  guint index = wm_header_widget_get_index (widget);
  gboolean is_stage = wm_header_widget_is_stage (widget);
  const WmCardBox *first = NULL;

  for (guint i = 0; i < self->layout->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (self->layout->cards, WmCardBox, i);

      if (is_stage ? box->stage_index != index : box->lane_index != index)
        continue;
      if (first == NULL || (is_stage ? box->rect.y < first->rect.y : box->rect.x < first->rect.x))
        first = box;
    }
  return first != NULL ? first->card : NULL;
}

/* Alt+arrows move a stage left or right, a lane up or down, as they move
 * a card. The header keeps focus in its new place. */
static gboolean
move_header (WmCanvas       *self,
             WmHeaderWidget *widget,
             guint           keyval)
{
  gboolean is_stage = wm_header_widget_is_stage (widget);
  const char *action;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      action = is_stage ? "canvas.move-left" : NULL;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      action = is_stage ? "canvas.move-right" : NULL;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      action = is_stage ? NULL : "canvas.move-up";
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      action = is_stage ? NULL : "canvas.move-down";
      break;
    default:
      return FALSE;
    }
  if (action == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  wm_canvas_select_element (self, wm_header_widget_get_element (widget));
  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  return TRUE;
}

static gboolean
on_header_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       WmCanvas              *self)
{
  WmHeaderWidget *widget = WM_HEADER_WIDGET (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  gboolean is_stage = wm_header_widget_is_stage (widget);
  guint index = wm_header_widget_get_index (widget);
  guint count;
  int step = 0;
  gboolean inward = FALSE;
  WmCard *card;

  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0 || self->layout == NULL)
    return FALSE;
  if (state & GDK_ALT_MASK)
    return move_header (self, widget, keyval);
  count = is_stage ? self->layout->columns->len : self->layout->rows->len;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step = is_stage ? -1 : 0;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step = is_stage ? 1 : 0;
      inward = !is_stage;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step = is_stage ? 0 : -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step = is_stage ? 0 : 1;
      inward = is_stage;
      break;
    default:
      return FALSE;
    }

  if (inward)
    {
      card = first_card_of (self, widget);
      if (card == NULL || !wm_canvas_focus_card (self, card))
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  if (step == 0 || (step < 0 && index == 0) || (step > 0 && index + 1 >= count))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  wm_canvas_focus_header (self, is_stage, index + step);
  return TRUE;
}

static void
release_widget (WmCanvas       *self,
                WmHeaderWidget *widget)
{
  wm_header_widget_unbind (widget);
  gtk_widget_unparent (GTK_WIDGET (widget));
}

static WmHeaderWidget *
acquire_widget (WmCanvas *self,
                gboolean  is_stage)
{
  GtkWidget *widget = wm_header_widget_new (is_stage);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_object (focus, "enter", G_CALLBACK (on_focus_enter), self, 0);
  gtk_widget_add_controller (widget, focus);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_header_key_pressed), self, 0);
  gtk_widget_add_controller (widget, keys);
  gtk_widget_set_parent (widget, GTK_WIDGET (self));
  return WM_HEADER_WIDGET (widget);
}

/* Gives a widget to @element's header at @index, keeping the one it had. */
static void
want (WmCanvas   *self,
      GHashTable *old,
      WmElement  *element,
      gboolean    is_stage,
      guint       index)
{
  WmHeaderWidget *widget = NULL;

  if (g_hash_table_steal_extended (old, element, NULL, (gpointer *) &widget) == FALSE)
    widget = acquire_widget (self, is_stage);
  wm_header_widget_bind (widget, self->layout, index);
  g_hash_table_insert (self->header_widgets, element, widget);
}

/**
 * wm_canvas_headers_rebind:
 *
 * Gives a widget to each header near the view, after a new layout or a
 * scroll, and takes them from the others; the focused header keeps its
 * widget wherever it is.
 */
void
wm_canvas_headers_rebind (WmCanvas *self)
{
  g_autoptr(GHashTable) old = self->header_widgets;
  WmHeaderWidget *focused = focused_header (self);
  WmElement *focused_element = focused != NULL ? wm_header_widget_get_element (focused) : NULL;
  WmRect visible = wm_canvas_get_visible_rect (self);
  GHashTableIter iter;
  gpointer widget;
  guint first, end;

  self->header_widgets = g_hash_table_new (NULL, NULL);
  if (self->layout != NULL)
    {
      wm_layout_columns_in (self->layout, visible.x - OVERSCAN, visible.width + 2 * OVERSCAN, &first, &end);
      for (guint i = first; i < end; i++)
        want (self, old, WM_ELEMENT (g_array_index (self->layout->columns, WmStageColumn, i).stage), TRUE, i);
      wm_layout_rows_in (self->layout, visible.y - OVERSCAN, visible.height + 2 * OVERSCAN, &first, &end);
      for (guint i = first; i < end; i++)
        want (self, old, WM_ELEMENT (g_array_index (self->layout->rows, WmLaneRow, i).lane), FALSE, i);

      /* Searching every header only for the rare one focused off screen
       * keeps a scroll frame linear in what is in view. */
      if (focused_element != NULL && g_hash_table_contains (old, focused_element))
        {
          GArray *headers = wm_header_widget_is_stage (focused) ? self->layout->columns : self->layout->rows;

          for (guint i = 0; i < headers->len; i++)
            if ((wm_header_widget_is_stage (focused)
                 ? WM_ELEMENT (g_array_index (headers, WmStageColumn, i).stage)
                 : WM_ELEMENT (g_array_index (headers, WmLaneRow, i).lane)) == focused_element)
              {
                want (self, old, focused_element, wm_header_widget_is_stage (focused), i);
                break;
              }
        }
    }

  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    release_widget (self, widget);
}

/**
 * wm_canvas_order_children:
 *
 * Puts the widgets on the map in map order, which is the order Tab and a
 * screen reader go through them: persona cards, the stage headers, then
 * lane by lane its header and its cards, each cell top to bottom. The
 * editor and the "+" button stay after them, on top for the pointer.
 */
void
wm_canvas_order_children (WmCanvas *self)
{
  GtkWidget *previous = NULL;
  guint card = 0;

  if (self->layout == NULL)
    return;
  for (guint i = 0; i < self->persona_widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->persona_widgets, i);

      gtk_widget_insert_after (widget, GTK_WIDGET (self), previous);
      previous = widget;
    }
  for (guint i = 0; i < self->layout->columns->len; i++)
    {
      GtkWidget *widget = g_hash_table_lookup (self->header_widgets,
                                               g_array_index (self->layout->columns, WmStageColumn, i).stage);

      if (widget == NULL)
        continue;
      gtk_widget_insert_after (widget, GTK_WIDGET (self), previous);
      previous = widget;
    }
  /* The layout lists cards lane by lane, in reading order. */
  for (guint lane = 0; lane < self->layout->rows->len; lane++)
    {
      GtkWidget *header = g_hash_table_lookup (self->header_widgets,
                                               g_array_index (self->layout->rows, WmLaneRow, lane).lane);

      if (header != NULL)
        {
          gtk_widget_insert_after (header, GTK_WIDGET (self), previous);
          previous = header;
        }
      for (; card < self->layout->cards->len &&
             g_array_index (self->layout->cards, WmCardBox, card).lane_index == lane; card++)
        {
          GtkWidget *widget = g_hash_table_lookup (self->card_widgets,
                                                   g_array_index (self->layout->cards, WmCardBox, card).card);

          if (widget == NULL)
            continue;
          gtk_widget_insert_after (widget, GTK_WIDGET (self), previous);
          previous = widget;
        }
    }
}

/**
 * wm_canvas_focus_header:
 * @is_stage: a stage's header, or else a lane's
 * @index: which stage or lane, in map order
 *
 * Scrolls the header into view, gives it keyboard focus and selects its
 * stage or lane.
 *
 * Returns: whether it took focus
 */
gboolean
wm_canvas_focus_header (WmCanvas *self,
                        gboolean  is_stage,
                        guint     index)
{
  GArray *headers;
  WmElement *element;
  WmHeaderWidget *widget;
  g_autoptr(GHashTable) none = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  wm_canvas_ensure_layout (self);
  headers = self->layout == NULL ? NULL : is_stage ? self->layout->columns : self->layout->rows;
  if (headers == NULL || index >= headers->len)
    return FALSE;
  element = is_stage ? WM_ELEMENT (g_array_index (headers, WmStageColumn, index).stage)
                     : WM_ELEMENT (g_array_index (headers, WmLaneRow, index).lane);
  widget = g_hash_table_lookup (self->header_widgets, element);
  if (widget == NULL)
    want (self, none, element, is_stage, index);
  widget = g_hash_table_lookup (self->header_widgets, element);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  focus_header (self, widget);
  return gtk_widget_is_focus (GTK_WIDGET (widget));
}

/**
 * wm_canvas_get_header_widget:
 * @element: a stage or lane of the map
 *
 * Returns: (transfer none) (nullable): the widget over its header, if it
 *   has one now
 */
GtkWidget *
wm_canvas_get_header_widget (WmCanvas  *self,
                             WmElement *element)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->header_widgets != NULL ? g_hash_table_lookup (self->header_widgets, element) : NULL;
}

void
wm_canvas_headers_init (WmCanvas *self)
{
  self->header_widgets = g_hash_table_new (NULL, NULL);
}

void
wm_canvas_headers_dispose (WmCanvas *self)
{
  GHashTableIter iter;
  gpointer widget;

  if (self->header_widgets == NULL)
    return;
  g_hash_table_iter_init (&iter, self->header_widgets);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    release_widget (self, widget);
  g_clear_pointer (&self->header_widgets, g_hash_table_unref);
}

/* Places each widget over its header, frozen or not. */
void
wm_canvas_headers_allocate (WmCanvas *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, self->header_widgets);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    {
      WmRect rect = header_rect (self, widget);
      graphene_rect_t on_canvas = wm_canvas_map_to_widget_rect (self, &rect);
      GtkAllocation allocation = { (int) round (on_canvas.origin.x), (int) round (on_canvas.origin.y),
                                   (int) round (on_canvas.size.width), (int) round (on_canvas.size.height) };

      gtk_widget_size_allocate (widget, &allocation, -1);
    }
}

/* Their focus rings go over the frozen headers painted beneath. */
void
wm_canvas_headers_snapshot (WmCanvas    *self,
                            GtkSnapshot *snapshot)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, self->header_widgets);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    gtk_widget_snapshot_child (GTK_WIDGET (self), widget, snapshot);
}
