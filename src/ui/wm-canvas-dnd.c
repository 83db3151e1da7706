/* wm-canvas-dnd.c: moving things on the canvas with the mouse.
 *
 * Cards travel by GTK drag and drop, carrying the card object: within a
 * map they move, onto another map's window they are copied. While a drag
 * hovers, a bar shows exactly where the cards will land; the drop is one
 * call to wm_canvas_move_cards(), and so one undo step. Stage and lane
 * headers are dragged to reorder them, and a drag over empty cells draws
 * a rubber band that selects the cards it touches.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-dnd"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-canvas-private.h"
#include "wm-edits.h"
#include "wm-gesture-transaction.h"

/* Within this many pixels of an edge, a drag scrolls the view. */
#define AUTOSCROLL_EDGE 48
#define AUTOSCROLL_SPEED 18

/* Card drags */

static GdkContentProvider *
on_card_drag_prepare (GtkDragSource *source,
                      double         x,
                      double         y,
                      WmCanvas      *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  WmCard *card = wm_card_widget_get_card (WM_CARD_WIDGET (widget));

  if (card == NULL || self->edited_element == WM_ELEMENT (card))
    return NULL;

  if (!wm_canvas_card_is_selected (self, card))
    wm_canvas_select_element (self, WM_ELEMENT (card));
  g_clear_pointer (&self->dragged_cards, g_ptr_array_unref);
  self->dragged_cards = g_ptr_array_copy (self->selection, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (self->dragged_cards, g_object_unref);
  self->pinned_card = card;
  return gdk_content_provider_new_typed (WM_TYPE_CARD, card);
}

/* How far a card behind the grabbed one peeks out. */
#define STACK_OFFSET 8

/* What follows the pointer: the grabbed card, and when it takes others
 * along, a card behind it and a badge with how many. @top is how far
 * down the grabbed card is drawn, under the badge. */
static GdkPaintable *
drag_icon (GtkWidget *widget,
           guint      n_cards,
           int       *top)
{
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (widget);
  GdkPaintable *still = gdk_paintable_get_current_image (live);
  int width = gdk_paintable_get_intrinsic_width (still);
  int height = gdk_paintable_get_intrinsic_height (still);
  g_autofree char *count = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GtkSnapshot *snapshot;
  GdkPaintable *stack;
  GskRoundedRect badge;
  const GdkRGBA accent = { 0.208, 0.518, 0.894, 1 };
  const GdkRGBA white = { 1, 1, 1, 1 };
  int text_width, text_height;
  float side, radius;

  *top = 0;
  if (n_cards < 2 || width <= 0 || height <= 0)
    return still;

  count = g_strdup_printf ("%u", n_cards);
  layout = gtk_widget_create_pango_layout (widget, count);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  side = MAX (text_width + 12, text_height + 6);
  radius = side / 2;
  *top = (int) ceilf (radius);

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (STACK_OFFSET, *top + STACK_OFFSET));
  gtk_snapshot_push_opacity (snapshot, 0.5);
  gdk_paintable_snapshot (still, snapshot, width, height);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, *top));
  gdk_paintable_snapshot (still, snapshot, width, height);
  gtk_snapshot_restore (snapshot);

  gsk_rounded_rect_init_from_rect (&badge, &GRAPHENE_RECT_INIT (width - side, 0, side, side), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &badge);
  gtk_snapshot_append_color (snapshot, &accent, &badge.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - radius - text_width / 2.0, radius - text_height / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);

  stack = gtk_snapshot_free_to_paintable (snapshot, &GRAPHENE_SIZE_INIT (width + STACK_OFFSET,
                                                                          *top + height + STACK_OFFSET));
  g_object_unref (still);
  return stack;
}

static void
on_card_drag_begin (GtkDragSource *source,
                    GdkDrag       *drag,
                    WmCanvas      *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  int top;
  g_autoptr(GdkPaintable) icon = drag_icon (widget, self->dragged_cards != NULL ? self->dragged_cards->len : 1, &top);

  gtk_drag_source_set_icon (source, icon, 12, 12 + top);
  gtk_widget_add_css_class (widget, "dragged");
  /* The other cards that go along fade too. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_card_drag_end (GtkDragSource *source,
                  GdkDrag       *drag,
                  gboolean       delete_data,
                  WmCanvas      *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  gtk_widget_remove_css_class (widget, "dragged");
  self->pinned_card = NULL;
  g_clear_pointer (&self->dragged_cards, g_ptr_array_unref);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_card_pressed (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 WmCanvas        *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  WmCard *card = wm_card_widget_get_card (WM_CARD_WIDGET (widget));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (card == NULL)
    return;
  if (button == GDK_BUTTON_SECONDARY)
    {
      graphene_point_t point;

      if (!wm_canvas_card_is_selected (self, card))
        wm_canvas_select_element (self, WM_ELEMENT (card));
      if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
        point = GRAPHENE_POINT_INIT (x, y);
      wm_canvas_show_context_menu (self, WM_ELEMENT (card), point.x, point.y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;
  wm_canvas_card_pressed (self, card, state);
  gtk_widget_grab_focus (widget);
  if (n_press == 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      wm_canvas_edit_card_title (self, card);
    }
}

/* Gives a new card widget its click, menu and drag handling. */
void
wm_canvas_dnd_attach_card (WmCanvas     *self,
                           WmCardWidget *widget)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_card_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (widget), GTK_EVENT_CONTROLLER (click));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (on_card_drag_prepare), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_card_drag_begin), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_card_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (widget), GTK_EVENT_CONTROLLER (source));
}

/* Autoscroll: a drag near an edge moves the view, so cards can be taken
 * anywhere on a map larger than the window. */

static gboolean
on_autoscroll_tick (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (widget);

  if (self->hadjustment != NULL && self->autoscroll_dx != 0)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + self->autoscroll_dx);
  if (self->vadjustment != NULL && self->autoscroll_dy != 0)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + self->autoscroll_dy);
  return G_SOURCE_CONTINUE;
}

static double
edge_speed (double position,
            double size)
{
  if (position < AUTOSCROLL_EDGE)
    return -AUTOSCROLL_SPEED * (1 - position / AUTOSCROLL_EDGE);
  if (position > size - AUTOSCROLL_EDGE)
    return AUTOSCROLL_SPEED * (1 - (size - position) / AUTOSCROLL_EDGE);
  return 0;
}

static void
update_autoscroll (WmCanvas *self,
                   double    x,
                   double    y)
{
  self->autoscroll_dx = edge_speed (x, gtk_widget_get_width (GTK_WIDGET (self)));
  self->autoscroll_dy = edge_speed (y, gtk_widget_get_height (GTK_WIDGET (self)));
  if ((self->autoscroll_dx != 0 || self->autoscroll_dy != 0) && self->autoscroll_id == 0)
    self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_autoscroll_tick, NULL, NULL);
  else if (self->autoscroll_dx == 0 && self->autoscroll_dy == 0 && self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }
}

static void
stop_autoscroll (WmCanvas *self)
{
  update_autoscroll (self, AUTOSCROLL_EDGE * 2, AUTOSCROLL_EDGE * 2);
}

/* Dropping cards */

static gboolean
card_is_ours (WmCanvas *self,
              WmCard   *card)
{
  return self->document != NULL &&
         wm_document_lookup (self->document, wm_element_get_id (WM_ELEMENT (card))) == WM_ELEMENT (card);
}

static GdkDragAction
on_drop_motion (GtkDropTarget *target,
                double         x,
                double         y,
                WmCanvas      *self)
{
  const GValue *value = gtk_drop_target_get_value (target);
  WmCard *card = value != NULL ? g_value_get_object (value) : NULL;
  double map_x, map_y;

  update_autoscroll (self, x, y);
  wm_canvas_ensure_layout (self);
  wm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  self->drop_active = self->layout != NULL &&
                      wm_layout_drop_spot (self->layout, map_x, map_y, self->dragged_cards, &self->drop_spot);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (!self->drop_active)
    return 0;
  return card != NULL && !card_is_ours (self, card) ? GDK_ACTION_COPY : GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget *target,
               WmCanvas      *self)
{
  self->drop_active = FALSE;
  stop_autoscroll (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Copies of cards from another map, in the cell dropped on. */
static void
paste_foreign_cards (WmCanvas         *self,
                     WmCard           *card,
                     const WmDropSpot *spot)
{
  g_autofree char *id = wm_element_generate_id ("card");
  g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (self->document), spot->stage_index);
  g_autoptr(WmLane) lane = g_list_model_get_item (wm_document_get_lanes (self->document), spot->lane_index);
  g_autoptr(WmCard) copy = WM_CARD (wm_element_copy (WM_ELEMENT (card), id,
                                                     "stage", wm_element_get_id (WM_ELEMENT (stage)),
                                                     "lane", wm_element_get_id (WM_ELEMENT (lane)), NULL));

  wm_document_begin_change (self->document, _("Copy Card"));
  wm_document_insert_card (self->document, copy, spot->index_in_cell);
  wm_document_commit_change (self->document);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WmCanvas      *self)
{
  WmCard *card = g_value_get_object (value);
  gboolean dropped = FALSE;

  stop_autoscroll (self);
  on_drop_motion (target, x, y, self);
  self->drop_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (card == NULL || self->layout == NULL ||
      !wm_layout_drop_spot (self->layout, self->drop_spot.marker.x + 1, self->drop_spot.marker.y + 1,
                            self->dragged_cards, &self->drop_spot))
    return FALSE;

  if (!card_is_ours (self, card))
    {
      paste_foreign_cards (self, card, &self->drop_spot);
      return TRUE;
    }
  if (self->dragged_cards != NULL && g_ptr_array_find (self->dragged_cards, card, NULL))
    dropped = wm_canvas_move_cards (self, self->dragged_cards, self->drop_spot.stage_index,
                                    self->drop_spot.lane_index, self->drop_spot.index_in_cell);
  else
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, card);
      dropped = wm_canvas_move_cards (self, one, self->drop_spot.stage_index,
                                      self->drop_spot.lane_index, self->drop_spot.index_in_cell);
    }
  return dropped;
}

/* Header drags and the rubber band */

static int
nearest_gap (GArray *items,
             gsize   item_size,
             gsize   start_offset,
             gsize   size_offset,
             double  position)
{
  guint n = items->len;

  for (guint i = 0; i < n; i++)
    {
      const char *item = items->data + i * item_size;
      double start = *(const double *) (item + start_offset);
      double size = *(const double *) (item + size_offset);

      if (position < start + size / 2)
        return i;
    }
  return n;
}

static void
on_header_drag_begin (GtkGestureDrag *gesture,
                      double          x,
                      double          y,
                      WmCanvas       *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  WmLayout *layout;
  double map_x, map_y;
  int column, row;

  self->header_drag = WM_HEADER_DRAG_NONE;
  wm_canvas_ensure_layout (self);
  layout = self->layout;
  if (button != GDK_BUTTON_PRIMARY || self->space_held || layout == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  wm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  column = wm_layout_column_at (layout, map_x);
  row = wm_layout_row_at (layout, map_y);
  if (wm_canvas_point_at (self, map_x, map_y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
  else if (wm_canvas_resize_edge_at (self, map_x, map_y) >= 0)
    wm_canvas_resize_begin (self, wm_canvas_resize_edge_at (self, map_x, map_y));
  else if (column >= 0 && map_y >= layout->grid.y && map_y < layout->grid.y + layout->stage_header_height)
    {
      self->header_drag = WM_HEADER_DRAG_STAGE;
      self->header_drag_index = column;
    }
  else if (row >= 0 && map_x >= layout->grid.x && map_x < layout->grid.x + layout->style->lane_header_width)
    {
      self->header_drag = WM_HEADER_DRAG_LANE;
      self->header_drag_index = row;
    }
  else if (column >= 0 && row >= 0 && wm_layout_card_at (layout, map_x, map_y) == NULL)
    {
      self->header_drag = WM_HEADER_DRAG_BAND;
      self->band = (WmRect) { map_x, map_y, 0, 0 };
    }
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
  self->header_drop_index = self->header_drag_index;
}

static void
select_band (WmCanvas *self)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  for (guint i = 0; i < self->layout->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (self->layout->cards, WmCardBox, i);

      if (wm_rect_intersects (&box->rect, &self->band))
        g_ptr_array_add (cards, box->card);
    }
  wm_canvas_set_selection (self, (WmCard **) cards->pdata, cards->len);
}

static void
on_header_drag_update (GtkGestureDrag *gesture,
                       double          offset_x,
                       double          offset_y,
                       WmCanvas       *self)
{
  double start_x, start_y, map_x, map_y, origin_x, origin_y;

  if (self->header_drag == WM_HEADER_DRAG_NONE || self->layout == NULL)
    return;
  /* A small wobble is still a click. */
  if (hypot (offset_x, offset_y) < 6 && gtk_gesture_get_sequence_state (GTK_GESTURE (gesture), gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture))) != GTK_EVENT_SEQUENCE_CLAIMED)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  /* A move happens on release, but it is open from here: Undo is off
   * while it is, so the indexes it holds stay true, and Escape ends it. */
  if (self->header_drag == WM_HEADER_DRAG_STAGE || self->header_drag == WM_HEADER_DRAG_LANE)
    wm_gesture_transaction_begin (GTK_GESTURE (gesture), self->document,
                                  self->header_drag == WM_HEADER_DRAG_STAGE ? _("Move Stage") : _("Move Lane"));
  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  update_autoscroll (self, start_x + offset_x, start_y + offset_y);
  wm_canvas_widget_to_map (self, start_x + offset_x, start_y + offset_y, &map_x, &map_y);

  switch (self->header_drag)
    {
    case WM_HEADER_DRAG_STAGE:
      self->header_drop_index = nearest_gap (self->layout->columns, sizeof (WmStageColumn),
                                             G_STRUCT_OFFSET (WmStageColumn, x),
                                             G_STRUCT_OFFSET (WmStageColumn, width), map_x);
      break;
    case WM_HEADER_DRAG_LANE:
      self->header_drop_index = nearest_gap (self->layout->rows, sizeof (WmLaneRow),
                                             G_STRUCT_OFFSET (WmLaneRow, y),
                                             G_STRUCT_OFFSET (WmLaneRow, height), map_y);
      break;
    case WM_HEADER_DRAG_BAND:
      wm_canvas_widget_to_map (self, start_x, start_y, &origin_x, &origin_y);
      self->band = (WmRect) { MIN (origin_x, map_x), MIN (origin_y, map_y),
                              fabs (map_x - origin_x), fabs (map_y - origin_y) };
      select_band (self);
      break;
    case WM_HEADER_DRAG_RESIZE:
      wm_canvas_resize_update (self, offset_x / self->zoom);
      break;
    case WM_HEADER_DRAG_NONE:
    default:
      break;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_header_drag_end (GtkGestureDrag *gesture,
                    double          offset_x,
                    double          offset_y,
                    WmCanvas       *self)
{
  WmHeaderDrag drag = self->header_drag;
  guint from = self->header_drag_index;
  guint to = self->header_drop_index;
  GListModel *list = NULL;

  stop_autoscroll (self);
  self->header_drag = WM_HEADER_DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* Cancelled drags end too, with their transaction already aborted. */
  if (self->document == NULL || !wm_gesture_transaction_is_open (GTK_GESTURE (gesture)))
    return;
  if (drag == WM_HEADER_DRAG_STAGE)
    list = wm_document_get_stages (self->document);
  else if (drag == WM_HEADER_DRAG_LANE)
    list = wm_document_get_lanes (self->document);
  if (list == NULL)
    return;

  /* @to counts gaps with the dragged item still in place. */
  if (to > from)
    to--;
  if (to != from)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (list, from);

      wm_document_move (self->document, element, to);
    }
  /* The gesture commits the move, or a resize, once this returns. */
}

/* The gesture's transaction is aborted by then: a stage being resized
 * has its width back, and nothing has moved. */
static void
on_header_drag_cancel (GtkGesture       *gesture,
                       GdkEventSequence *sequence,
                       WmCanvas         *self)
{
  stop_autoscroll (self);
  self->header_drag = WM_HEADER_DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * wm_canvas_cancel_drag:
 *
 * What Escape does during a drag that edits the map (a point, a stage's
 * width, a stage, lane or persona being moved): ends it and returns
 * everything to where it was.
 *
 * Returns: whether a drag was cancelled
 */
gboolean
wm_canvas_cancel_drag (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);

  if (self->document == NULL || !wm_gesture_transaction_cancel_on (self->document))
    return FALSE;
  /* The gestures' cancel handlers have run if GTK had a sequence going;
   * whatever they did not reach is tidied here. */
  wm_canvas_points_cancel_drag (self);
  stop_autoscroll (self);
  self->header_drag = WM_HEADER_DRAG_NONE;
  wm_canvas_queue_relayout (self);
  return TRUE;
}

void
wm_canvas_dnd_init (WmCanvas *self)
{
  GtkDropTarget *target = gtk_drop_target_new (WM_TYPE_CARD, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_header_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_header_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_header_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_header_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  self->header_gesture = drag;
}

void
wm_canvas_dnd_dispose (WmCanvas *self)
{
  if (self->autoscroll_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
  self->autoscroll_id = 0;
  g_clear_pointer (&self->dragged_cards, g_ptr_array_unref);
  /* A drag still open goes with the gesture: see wm-gesture-transaction.c. */
  self->header_gesture = NULL;
}

static void
append_rect (GtkSnapshot   *snapshot,
             graphene_rect_t rect,
             const GdkRGBA *color,
             double         radius)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, &rect);
  gtk_snapshot_pop (snapshot);
}

/* The drop bar, the header being moved and the rubber band, drawn over
 * the cards in the accent colour. */
void
wm_canvas_dnd_snapshot (WmCanvas    *self,
                        GtkSnapshot *snapshot)
{
  WmLayout *layout = self->layout;
  GdkRGBA accent = { 0.208, 0.518, 0.894, 1 };
  GdkRGBA wash = { 0.208, 0.518, 0.894, 0.12 };

  if (layout == NULL)
    return;
  if (self->drop_active)
    {
      WmRect cell = wm_layout_cell_rect (layout, self->drop_spot.stage_index, self->drop_spot.lane_index);

      append_rect (snapshot, wm_canvas_map_to_widget_rect (self, &cell), &wash, 0);
      append_rect (snapshot, wm_canvas_map_to_widget_rect (self, &self->drop_spot.marker), &accent, 2);
    }
  /* The stage or lane being dragged is washed over, so it is plain what
   * moves; the bar shows where it will go. */
  if (self->header_drag == WM_HEADER_DRAG_STAGE && self->header_drag_index < layout->columns->len)
    {
      const WmStageColumn *dragged = &g_array_index (layout->columns, WmStageColumn, self->header_drag_index);
      WmRect column = { dragged->x, layout->grid.y, dragged->width, layout->grid.height };

      append_rect (snapshot, wm_canvas_map_to_widget_rect (self, &column), &wash, 0);
    }
  else if (self->header_drag == WM_HEADER_DRAG_LANE && self->header_drag_index < layout->rows->len)
    {
      const WmLaneRow *dragged = &g_array_index (layout->rows, WmLaneRow, self->header_drag_index);
      WmRect row = { layout->grid.x, dragged->y, layout->grid.width, dragged->height };

      append_rect (snapshot, wm_canvas_map_to_widget_rect (self, &row), &wash, 0);
    }

  if (self->header_drag == WM_HEADER_DRAG_STAGE && self->header_drop_index != self->header_drag_index)
    {
      const WmStageColumn *last = &g_array_index (layout->columns, WmStageColumn, layout->columns->len - 1);
      double x = self->header_drop_index < layout->columns->len
                 ? g_array_index (layout->columns, WmStageColumn, self->header_drop_index).x
                 : last->x + last->width;
      WmRect bar = { x - 2, layout->grid.y, 4, layout->grid.height };

      append_rect (snapshot, wm_canvas_map_to_widget_rect (self, &bar), &accent, 2);
    }
  else if (self->header_drag == WM_HEADER_DRAG_LANE && self->header_drop_index != self->header_drag_index)
    {
      const WmLaneRow *last = &g_array_index (layout->rows, WmLaneRow, layout->rows->len - 1);
      double y = self->header_drop_index < layout->rows->len
                 ? g_array_index (layout->rows, WmLaneRow, self->header_drop_index).y
                 : last->y + last->height;
      WmRect bar = { layout->grid.x, y - 2, layout->grid.width, 4 };

      append_rect (snapshot, wm_canvas_map_to_widget_rect (self, &bar), &accent, 2);
    }
  else if (self->header_drag == WM_HEADER_DRAG_BAND)
    {
      graphene_rect_t band = wm_canvas_map_to_widget_rect (self, &self->band);
      GskRoundedRect outline;
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA colors[4] = { accent, accent, accent, accent };

      append_rect (snapshot, band, &wash, 0);
      gsk_rounded_rect_init_from_rect (&outline, &band, 0);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

/**
 * wm_canvas_move_cards:
 * @cards: (element-type WmCard): cards of the map, in the order they are
 *   to land
 * @stage_index: the stage to move them to
 * @lane_index: the lane, one that holds cards
 * @index_in_cell: where in the cell, counting only the cards that are not
 *   moving
 *
 * Moves cards as a drop does: see wm_edits_move_cards().
 *
 * Returns: whether the cards moved
 */
gboolean
wm_canvas_move_cards (WmCanvas  *self,
                      GPtrArray *cards,
                      guint      stage_index,
                      guint      lane_index,
                      guint      index_in_cell)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (cards != NULL, FALSE);

  return self->document != NULL &&
         wm_edits_move_cards (self->document, cards, stage_index, lane_index, index_in_cell);
}
