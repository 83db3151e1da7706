/* wm-canvas-dnd.c: moving things on the canvas with the mouse.
 *
 * Cards move within a map by a drag gesture on the canvas, not by GTK
 * drag and drop: a gesture sees every key, so Escape takes the drag back
 * on X11 as on Wayland (GTK 4.8's X11 drag and drop keeps Escape from the
 * application and drops on release), and the move is one history
 * transaction, which Escape or a lost grab aborts and the release
 * commits as one undo step. While cards are in the air, a bar shows
 * exactly where they will land and a ghost of them follows the pointer.
 * Only a drag that leaves the window becomes drag and drop, carrying the
 * card to another map's window, which copies it. Stage and lane headers
 * are dragged to reorder them, and a drag over empty cells draws a
 * rubber band that selects the cards it touches.
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

/* How far a card behind the grabbed one peeks out. */
#define STACK_OFFSET 8

/* One card of the ghost: the widget's picture on an opaque card, lifted
 * off the map by a shadow, so the cells under it do not show through. */
static void
append_ghost_card (WmCanvas     *self,
                   GtkSnapshot  *snapshot,
                   GdkPaintable *still,
                   int           width,
                   int           height)
{
  const WmColor *page = &self->layout->style->palette.background;
  const GdkRGBA backing = { page->red, page->green, page->blue, 1 };
  const GdkRGBA shadow = { 0, 0, 0, 0.25 };
  GskRoundedRect card;

  gsk_rounded_rect_init_from_rect (&card, &GRAPHENE_RECT_INIT (0, 0, width, height),
                                   self->layout->style->card_radius * self->zoom);
  gtk_snapshot_append_outset_shadow (snapshot, &card, &shadow, 0, 2, 0, 6);
  gtk_snapshot_push_rounded_clip (snapshot, &card);
  gtk_snapshot_append_color (snapshot, &backing, &card.bounds);
  gtk_snapshot_pop (snapshot);
  gdk_paintable_snapshot (still, snapshot, width, height);
}

/* What follows the pointer: the grabbed card, and when it takes others
 * along, a card behind it and a badge with how many. @top is how far
 * down the grabbed card is drawn, under the badge. */
static GdkPaintable *
drag_icon (WmCanvas  *self,
           GtkWidget *widget,
           guint      n_cards,
           int       *top)
{
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (widget);
  g_autoptr(GdkPaintable) still = gdk_paintable_get_current_image (live);
  int width = gdk_paintable_get_intrinsic_width (still);
  int height = gdk_paintable_get_intrinsic_height (still);
  g_autofree char *count = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  GtkSnapshot *snapshot;
  GskRoundedRect badge;
  const GdkRGBA accent = { 0.208, 0.518, 0.894, 1 };
  const GdkRGBA white = { 1, 1, 1, 1 };
  int text_width, text_height;
  float side, radius;

  *top = 0;
  if (width <= 0 || height <= 0 || self->layout == NULL)
    return NULL;
  snapshot = gtk_snapshot_new ();
  if (n_cards < 2)
    {
      append_ghost_card (self, snapshot, still, width, height);
      return gtk_snapshot_free_to_paintable (snapshot, &GRAPHENE_SIZE_INIT (width, height));
    }

  count = g_strdup_printf ("%u", n_cards);
  layout = gtk_widget_create_pango_layout (widget, count);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  side = MAX (text_width + 12, text_height + 6);
  radius = side / 2;
  *top = (int) ceilf (radius);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (STACK_OFFSET, *top + STACK_OFFSET));
  gtk_snapshot_push_opacity (snapshot, 0.6);
  append_ghost_card (self, snapshot, still, width, height);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, *top));
  append_ghost_card (self, snapshot, still, width, height);
  gtk_snapshot_restore (snapshot);

  gsk_rounded_rect_init_from_rect (&badge, &GRAPHENE_RECT_INIT (width - side, 0, side, side), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &badge);
  gtk_snapshot_append_color (snapshot, &accent, &badge.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - radius - text_width / 2.0, radius - text_height / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);

  return gtk_snapshot_free_to_paintable (snapshot, &GRAPHENE_SIZE_INIT (width + STACK_OFFSET,
                                                                        *top + height + STACK_OFFSET));
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

/* Gives a new card widget its click and menu handling; the canvas's
 * card gesture drags it. */
void
wm_canvas_dnd_attach_card (WmCanvas     *self,
                           WmCardWidget *widget)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_card_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (widget), GTK_EVENT_CONTROLLER (click));
}

static void update_card_drop (WmCanvas *self);

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
  /* The map moves under a pointer held still: so may the drop spot. */
  if (self->dragged_cards != NULL)
    update_card_drop (self);
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

/* Moving cards within the map */

/* Where the cards would land with the pointer where it is. */
static void
update_card_drop (WmCanvas *self)
{
  double map_x, map_y;

  wm_canvas_ensure_layout (self);
  wm_canvas_widget_to_map (self, self->drag_x, self->drag_y, &map_x, &map_y);
  self->drop_active = self->layout != NULL &&
                      wm_layout_drop_spot (self->layout, map_x, map_y, self->dragged_cards, &self->drop_spot);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Fades the widgets of every card on its way to another cell, or shows
 * them again; widgets given out during the drag fade as they are bound. */
static void
mark_dragged (WmCanvas *self,
              gboolean  dragged)
{
  for (guint i = 0; self->dragged_cards != NULL && i < self->dragged_cards->len; i++)
    {
      GtkWidget *widget = wm_canvas_get_card_widget (self, g_ptr_array_index (self->dragged_cards, i));

      if (widget != NULL && dragged)
        gtk_widget_add_css_class (widget, "dragged");
      else if (widget != NULL)
        gtk_widget_remove_css_class (widget, "dragged");
    }
}

/* Puts everything a card drag showed away. The map itself is untouched:
 * a drag changes it only on release. */
static void
end_card_drag (WmCanvas *self)
{
  gboolean dragging = self->dragged_cards != NULL;

  mark_dragged (self, FALSE);
  self->pinned_card = NULL;
  self->drop_active = FALSE;
  g_clear_pointer (&self->dragged_cards, g_ptr_array_unref);
  g_clear_object (&self->drag_ghost);
  if (!dragging)
    return;
  stop_autoscroll (self);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The card widget under @x, @y on the canvas, if any. */
static WmCardWidget *
card_widget_at (WmCanvas *self,
                double    x,
                double    y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  GtkWidget *widget = picked != NULL ? gtk_widget_get_ancestor (picked, WM_TYPE_CARD_WIDGET) : NULL;

  return widget != NULL ? WM_CARD_WIDGET (widget) : NULL;
}

/**
 * wm_canvas_dnd_press_card:
 * @x: where the primary button went down, on the canvas
 * @y: the same, downwards
 *
 * Takes note of the card pressed, in case the press becomes a drag: its
 * widget stays while the drag lasts, wherever the view scrolls.
 *
 * Returns: whether there is a card there that can be dragged
 */
gboolean
wm_canvas_dnd_press_card (WmCanvas *self,
                          double    x,
                          double    y)
{
  WmCardWidget *widget = card_widget_at (self, x, y);
  WmCard *card = widget != NULL ? wm_card_widget_get_card (widget) : NULL;
  graphene_point_t in_card;

  if (card == NULL || self->document == NULL || self->dragged_cards != NULL ||
      self->edited_element == WM_ELEMENT (card))
    return FALSE;
  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (widget), &GRAPHENE_POINT_INIT (x, y), &in_card))
    in_card = GRAPHENE_POINT_INIT (0, 0);
  self->pinned_card = card;
  /* The ghost keeps the card where it was taken hold of. */
  self->ghost_x = -in_card.x;
  self->ghost_y = -in_card.y;
  self->drag_x = x;
  self->drag_y = y;
  return TRUE;
}

static void
start_card_drag (WmCanvas   *self,
                 GtkGesture *gesture)
{
  GtkWidget *widget = wm_canvas_get_card_widget (self, self->pinned_card);
  g_autofree char *label = NULL;
  int top;

  /* The grabbed card takes the selected ones along, or goes alone. */
  if (!wm_canvas_card_is_selected (self, self->pinned_card))
    wm_canvas_select_element (self, WM_ELEMENT (self->pinned_card));
  self->dragged_cards = g_ptr_array_copy (self->selection, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (self->dragged_cards, g_object_unref);

  /* Open from here: Undo is off while the cards are in the air, so the
   * places the drag holds stay true, and Escape aborts it. */
  label = wm_edits_move_cards_label (self->dragged_cards->len);
  wm_gesture_transaction_begin (gesture, self->document, label);

  if (widget != NULL)
    {
      self->drag_ghost = drag_icon (self, widget, self->dragged_cards->len, &top);
      self->ghost_y -= top;
    }
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  mark_dragged (self, TRUE);
}

/**
 * wm_canvas_dnd_drag_cards_to:
 * @gesture: the gesture dragging, whose transaction holds the move
 * @x: where the pointer is, on the canvas
 * @y: the same, downwards
 *
 * Carries the pressed card, with the others selected, to @x, @y: the
 * first call lifts them, each shows where they would land. Nothing moves
 * until wm_canvas_dnd_drop_cards().
 */
void
wm_canvas_dnd_drag_cards_to (WmCanvas   *self,
                             GtkGesture *gesture,
                             double      x,
                             double      y)
{
  if (self->pinned_card == NULL || self->document == NULL)
    return;
  if (self->dragged_cards == NULL)
    start_card_drag (self, gesture);
  self->drag_x = x;
  self->drag_y = y;
  update_autoscroll (self, x, y);
  update_card_drop (self);
}

/**
 * wm_canvas_dnd_drop_cards:
 * @gesture: the gesture dragging
 *
 * Ends a card drag. Unless it was cancelled, the cards move to where the
 * bar showed, as one undo step.
 */
void
wm_canvas_dnd_drop_cards (WmCanvas   *self,
                          GtkGesture *gesture)
{
  /* A cancelled drag ends too, its transaction already aborted. */
  if (self->dragged_cards != NULL && self->document != NULL && wm_gesture_transaction_is_open (gesture))
    {
      update_card_drop (self);
      if (self->drop_active)
        wm_canvas_move_cards (self, self->dragged_cards, self->drop_spot.stage_index,
                              self->drop_spot.lane_index, self->drop_spot.index_in_cell);
      /* A drop where the cards were leaves no step. */
      wm_gesture_transaction_commit (gesture);
    }
  end_card_drag (self);
}

/* Dragging out to another window */

static void
finish_out_drag (WmCanvas *self,
                 gboolean  success)
{
  g_autoptr(GdkDrag) drag = g_steal_pointer (&self->out_drag);

  if (drag == NULL)
    return;
  g_signal_handlers_disconnect_by_data (drag, self);
  gdk_drag_drop_done (drag, success);
}

static void
on_out_drag_finished (GdkDrag  *drag,
                      WmCanvas *self)
{
  finish_out_drag (self, TRUE);
}

static void
on_out_drag_cancel (GdkDrag             *drag,
                    GdkDragCancelReason  reason,
                    WmCanvas            *self)
{
  finish_out_drag (self, FALSE);
}

static gboolean
outside_window (WmCanvas *self,
                double    x,
                double    y)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  graphene_point_t point;

  if (root == NULL || !gtk_widget_compute_point (GTK_WIDGET (self), root, &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;
  return point.x < 0 || point.y < 0 || point.x >= gtk_widget_get_width (root) || point.y >= gtk_widget_get_height (root);
}

/* A card taken out of the window goes by drag and drop, so that another
 * map's window can take a copy. This map's drag ends here, unchanged: the
 * drag and drop cannot come back and move it. */
static void
drag_out_of_window (WmCanvas       *self,
                    GtkGestureDrag *gesture)
{
  /* Only from a live drag in a shown window: a gesture's last update can
   * come while its window goes away. */
  GtkNative *native = gtk_widget_get_mapped (GTK_WIDGET (self)) && gtk_gesture_is_active (GTK_GESTURE (gesture))
                      ? gtk_widget_get_native (GTK_WIDGET (self)) : NULL;
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;
  GdkDevice *device = gtk_gesture_get_device (GTK_GESTURE (gesture));
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GdkPaintable) icon = self->drag_ghost != NULL ? g_object_ref (self->drag_ghost) : NULL;
  int hot_x = (int) -self->ghost_x, hot_y = (int) -self->ghost_y;
  graphene_point_t start;
  double start_x, start_y, surface_x, surface_y, pointer_x, pointer_y;

  if (surface == NULL || device == NULL || self->out_drag != NULL)
    return;
  gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (native), &GRAPHENE_POINT_INIT (start_x, start_y),
                                 &start))
    return;
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  gdk_surface_get_device_position (surface, device, &pointer_x, &pointer_y, NULL);
  content = gdk_content_provider_new_typed (WM_TYPE_CARD, self->pinned_card);
  self->out_drag = gdk_drag_begin (surface, device, content, GDK_ACTION_COPY,
                                   pointer_x - start.x - surface_x, pointer_y - start.y - surface_y);
  /* Ends the gesture: its transaction is aborted, with nothing in it. */
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (gesture));
  if (self->out_drag == NULL)
    return;
  g_signal_connect (self->out_drag, "dnd-finished", G_CALLBACK (on_out_drag_finished), self);
  g_signal_connect (self->out_drag, "cancel", G_CALLBACK (on_out_drag_cancel), self);
  if (icon != NULL)
    gtk_drag_icon_set_from_paintable (self->out_drag, icon, hot_x, hot_y);
}

static void
on_card_drag_begin (GtkGestureDrag *gesture,
                    double          x,
                    double          y,
                    WmCanvas       *self)
{
  /* Space and a drag pans; a press elsewhere is for the other gestures. */
  if (self->space_held || !wm_canvas_dnd_press_card (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_card_drag_update (GtkGestureDrag *gesture,
                     double          offset_x,
                     double          offset_y,
                     WmCanvas       *self)
{
  double start_x, start_y;

  if (self->pinned_card == NULL || !gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y))
    return;
  if (self->dragged_cards == NULL)
    {
      /* A small wobble is still a click. */
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), start_x, start_y, start_x + offset_x, start_y + offset_y))
        return;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
  else if (outside_window (self, start_x + offset_x, start_y + offset_y))
    {
      drag_out_of_window (self, gesture);
      return;
    }
  wm_canvas_dnd_drag_cards_to (self, GTK_GESTURE (gesture), start_x + offset_x, start_y + offset_y);
}

static void
on_card_drag_end (GtkGestureDrag *gesture,
                  double          offset_x,
                  double          offset_y,
                  WmCanvas       *self)
{
  wm_canvas_dnd_drop_cards (self, GTK_GESTURE (gesture));
}

static void
on_card_drag_cancel (GtkGesture       *gesture,
                     GdkEventSequence *sequence,
                     WmCanvas         *self)
{
  end_card_drag (self);
}

/* Cards from another map's window */

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

  /* This map's own cards move by the card gesture, not by a drop. */
  if (card != NULL && card_is_ours (self, card))
    {
      self->drop_active = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return 0;
    }
  update_autoscroll (self, x, y);
  wm_canvas_ensure_layout (self);
  wm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  self->drop_active = self->layout != NULL &&
                      wm_layout_drop_spot (self->layout, map_x, map_y, NULL, &self->drop_spot);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return self->drop_active ? GDK_ACTION_COPY : 0;
}

static void
on_drop_leave (GtkDropTarget *target,
               WmCanvas      *self)
{
  self->drop_active = FALSE;
  stop_autoscroll (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A copy of a card from another map, in the cell dropped on. */
static void
paste_foreign_card (WmCanvas         *self,
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

  stop_autoscroll (self);
  self->drop_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (card == NULL || self->document == NULL || card_is_ours (self, card) || on_drop_motion (target, x, y, self) == 0)
    return FALSE;
  self->drop_active = FALSE;
  paste_foreign_card (self, card, &self->drop_spot);
  return TRUE;
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
 * What Escape does during a drag that edits the map (cards, a point, a
 * stage's width, a stage, lane or persona being moved): ends it and
 * returns everything to where it was.
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
  end_card_drag (self);
  stop_autoscroll (self);
  self->header_drag = WM_HEADER_DRAG_NONE;
  wm_canvas_queue_relayout (self);
  return TRUE;
}

void
wm_canvas_dnd_init (WmCanvas *self)
{
  GtkDropTarget *target = gtk_drop_target_new (WM_TYPE_CARD, GDK_ACTION_COPY);
  GtkGesture *cards = gtk_gesture_drag_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  g_signal_connect (cards, "drag-begin", G_CALLBACK (on_card_drag_begin), self);
  g_signal_connect (cards, "drag-update", G_CALLBACK (on_card_drag_update), self);
  g_signal_connect (cards, "drag-end", G_CALLBACK (on_card_drag_end), self);
  g_signal_connect (cards, "cancel", G_CALLBACK (on_card_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (cards));
  self->card_gesture = cards;

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
  finish_out_drag (self, FALSE);
  g_clear_pointer (&self->dragged_cards, g_ptr_array_unref);
  g_clear_object (&self->drag_ghost);
  /* A drag still open goes with the gesture: see wm-gesture-transaction.c. */
  self->card_gesture = NULL;
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

/* The dragged cards, following the pointer over everything else. */
void
wm_canvas_dnd_snapshot_ghost (WmCanvas    *self,
                              GtkSnapshot *snapshot)
{
  if (self->drag_ghost == NULL || self->dragged_cards == NULL)
    return;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->drag_x + self->ghost_x, self->drag_y + self->ghost_y));
  gdk_paintable_snapshot (self->drag_ghost, snapshot,
                          gdk_paintable_get_intrinsic_width (self->drag_ghost),
                          gdk_paintable_get_intrinsic_height (self->drag_ghost));
  gtk_snapshot_restore (snapshot);
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
