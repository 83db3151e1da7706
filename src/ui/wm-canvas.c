/* wm-canvas.c: shows a map as the painter lays it out, scrolled in both
 * directions and zoomed.
 *
 * Only the part of the map inside the viewport is painted, so a map of
 * any size costs what the window shows. Stages, lanes and curves are
 * painted here; cards are child widgets (wm-canvas-cards.c). The layout
 * is made again, once per frame at most, after each change to the map.
 * The canvas follows the desktop's light or dark style and its text
 * scaling (the large-text setting); exports keep their fixed sizes.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "wm-canvas-private.h"
#include "wm-frame-memory.h"
#include "wm-layout-text.h"
#include "wm-painter.h"
#include "wm-screen-style.h"

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_SELECTED_ELEMENT,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  LAYOUT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (WmCanvas, wm_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         content,
                      double         viewport)
{
  double upper = MAX (content, viewport);
  double value = CLAMP (gtk_adjustment_get_value (adjustment), 0, upper - viewport);

  gtk_adjustment_configure (adjustment, value, 0, upper, viewport * 0.1, viewport * 0.9, viewport);
}

static void
configure_adjustments (WmCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double content_width = self->layout != NULL ? self->layout->width * self->zoom : 0;
  double content_height = self->layout != NULL ? self->layout->height * self->zoom : 0;

  if (self->hadjustment != NULL)
    configure_adjustment (self->hadjustment, content_width, width);
  if (self->vadjustment != NULL)
    configure_adjustment (self->vadjustment, content_height, height);
}

static void
update_accessible_label (WmCanvas *self)
{
  g_autofree char *title = self->document != NULL ? wm_layout_map_title (self->document) : NULL;
  /* Translators: how a screen reader names the map view; %s is the map's title */
  g_autofree char *label = title != NULL ? g_strdup_printf (_("Journey map: %s"), title) : g_strdup (_("Journey map"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The card and header widgets follow the view: given to what is near
 * it, then put in map order with the persona cards. */
static void
rebind_view_widgets (WmCanvas *self)
{
  wm_canvas_cards_rebind (self);
  wm_canvas_headers_rebind (self);
  wm_canvas_order_children (self);
}

/* The style and the text measurer, with the glyph widths it has learnt,
 * last from one layout to the next until the style changes. */
static void
ensure_style (WmCanvas *self)
{
  if (self->style != NULL)
    return;
  self->style = wm_screen_style_new (GTK_WIDGET (self));
  self->measure = wm_text_measure_new (self->style);
  self->layout_cache = wm_layout_cache_new ();
}

static void
relayout (WmCanvas *self)
{
  /* Kept until the new one is compared with it. */
  g_autoptr(WmLayout) old = g_steal_pointer (&self->layout);

  self->layout_dirty = FALSE;
  self->relaying_out = TRUE;
  if (self->document != NULL)
    {
      ensure_style (self);
      self->layout = wm_layout_new_cached (self->document, self->style, self->measure, self->layout_cache,
                                           WM_LAYOUT_HINTS);
      if (self->comparison != NULL)
        wm_layout_add_comparison (self->layout, self->comparison);
      wm_layout_apply_filter (self->layout, self->filter);
    }
  configure_adjustments (self);
  update_accessible_label (self);
  wm_canvas_select_prune (self);
  wm_canvas_personas_sync (self);
  wm_canvas_legend_sync (self);
  wm_canvas_active_sync (self);
  wm_canvas_points_sync (self);
  self->relaying_out = FALSE;
  wm_canvas_damage_layout (self, old, self->layout);
  rebind_view_widgets (self);
  if (!self->allocating)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[LAYOUT_CHANGED], 0);
}

static gboolean
on_update_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  WmCanvas *self = WM_CANVAS (widget);

  self->update_tick = 0;
  if (self->layout_dirty)
    relayout (self);
  else
    rebind_view_widgets (self);
  gtk_widget_queue_allocate (widget);
  return G_SOURCE_REMOVE;
}

/**
 * wm_canvas_schedule_update:
 *
 * Lays the map out again if it changed, and gives card widgets to the
 * cards in view, at the start of the next frame: before its layout, when
 * showing and hiding widgets is safe.
 */
void
wm_canvas_schedule_update (WmCanvas *self)
{
  if (self->update_tick == 0)
    self->update_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_update_tick, NULL, NULL);
}

/* Changes come in bursts (a drop moves many cards); one layout per frame
 * is enough. Should the frame come before the tick (a widget that is not
 * mapped gets no ticks), allocation lays the map out itself. */
void
wm_canvas_queue_relayout (WmCanvas *self)
{
  self->layout_dirty = TRUE;
  wm_canvas_schedule_update (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Brings the layout up to date now, for code that reads it between a
 * change and the next frame. */
void
wm_canvas_ensure_layout (WmCanvas *self)
{
  if (self->layout_dirty)
    relayout (self);
}

static void
on_history_changed (WmCanvas *self)
{
  wm_canvas_queue_relayout (self);
}

/* The item at @index of @list, or %NULL past either end. */
gpointer
wm_canvas_nth_item (GListModel *list,
                    int         index)
{
  if (index < 0 || (guint) index >= g_list_model_get_n_items (list))
    return NULL;
  return g_list_model_get_item (list, index);
}

/**
 * wm_canvas_get_visible_rect:
 *
 * Returns: the part of the map in view, in map coordinates
 */
WmRect
wm_canvas_get_visible_rect (WmCanvas *self)
{
  double x = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  double y = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;

  return (WmRect) { x / self->zoom, y / self->zoom,
                    gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom,
                    gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom };
}

/* How far the frozen lane column and stage row have moved from their
 * places in the map to stay in view, in map units: 0 when they are where
 * the map has them. */
void
wm_canvas_get_frozen_shift (WmCanvas     *self,
                            const WmRect *visible,
                            double       *shift_x,
                            double       *shift_y)
{
  const WmRect *grid = &self->layout->grid;

  *shift_x = CLAMP (visible->x - grid->x, 0, MAX (0, grid->width - self->layout->style->lane_header_width));
  *shift_y = CLAMP (visible->y - grid->y, 0, MAX (0, grid->height - self->layout->stage_header_height));
}

/* Where the frozen headers cover the map, a point belongs to the header
 * on top: clicking, dragging or right-clicking there acts on the stage
 * or lane, never on a card scrolled beneath it. */
static gboolean
unfreeze_point (WmCanvas *self,
                double   *map_x,
                double   *map_y)
{
  WmRect visible = wm_canvas_get_visible_rect (self);
  const WmRect *grid;
  double shift_x, shift_y;
  gboolean in_column, in_row;

  if (self->layout == NULL)
    return FALSE;
  grid = &self->layout->grid;
  wm_canvas_get_frozen_shift (self, &visible, &shift_x, &shift_y);
  in_column = shift_x > 0 && *map_x < grid->x + shift_x + self->layout->style->lane_header_width &&
              *map_y >= grid->y && *map_y < grid->y + grid->height;
  in_row = shift_y > 0 && *map_y < grid->y + shift_y + self->layout->stage_header_height &&
           *map_x >= grid->x && *map_x < grid->x + grid->width;
  if (in_column)
    *map_x -= shift_x;
  if (in_row)
    *map_y -= shift_y;
  return in_column || in_row;
}

void
wm_canvas_widget_to_map (WmCanvas *self,
                         double    x,
                         double    y,
                         double   *map_x,
                         double   *map_y)
{
  WmRect visible = wm_canvas_get_visible_rect (self);

  *map_x = visible.x + x / self->zoom;
  *map_y = visible.y + y / self->zoom;
  unfreeze_point (self, map_x, map_y);
}

/**
 * wm_canvas_child_menu_action:
 *
 * The "menu" action a screen reader offers on a card or header (named
 * `GROUP.menu`): its `GROUP.activate` action focuses it, then the canvas
 * opens the menu of what has focus.
 */
void
wm_canvas_child_menu_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  g_autofree char *group = g_strndup (action_name, strcspn (action_name, "."));
  g_autofree char *activate = g_strconcat (group, ".activate", NULL);

  gtk_widget_activate_action (widget, activate, NULL);
  if (gtk_widget_is_focus (widget))
    gtk_widget_activate_action (widget, "canvas.context-menu", NULL);
}

/**
 * wm_canvas_child_contains:
 * @child: a card, point or other widget placed on the map
 * @x: (in): a point, in @child's coordinates
 *
 * What the @child's `contains` method asks the canvas: a widget scrolled
 * beneath the frozen stage or lane headers must not take the clicks
 * meant for the header painted over it.
 *
 * Returns: whether @child may take a pointer event at the point
 */
gboolean
wm_canvas_child_contains (GtkWidget *child,
                          double     x,
                          double     y)
{
  GtkWidget *parent = gtk_widget_get_parent (child);
  WmRect visible;
  double canvas_x, canvas_y, map_x, map_y;

  if (!WM_IS_CANVAS (parent) || !gtk_widget_translate_coordinates (child, parent, x, y, &canvas_x, &canvas_y))
    return TRUE;
  visible = wm_canvas_get_visible_rect (WM_CANVAS (parent));
  map_x = visible.x + canvas_x / WM_CANVAS (parent)->zoom;
  map_y = visible.y + canvas_y / WM_CANVAS (parent)->zoom;
  return !unfreeze_point (WM_CANVAS (parent), &map_x, &map_y);
}

graphene_rect_t
wm_canvas_map_to_widget_rect (WmCanvas     *self,
                              const WmRect *rect)
{
  WmRect visible = wm_canvas_get_visible_rect (self);

  return GRAPHENE_RECT_INIT ((rect->x - visible.x) * self->zoom, (rect->y - visible.y) * self->zoom,
                             rect->width * self->zoom, rect->height * self->zoom);
}

/* Scrolls as little as needed to show @rect, clear of the frozen stage
 * and lane headers. */
void
wm_canvas_scroll_to_rect (WmCanvas     *self,
                          const WmRect *rect)
{
  WmRect visible;
  double top = 0, left = 0;

  if (self->hadjustment == NULL || self->vadjustment == NULL)
    return;
  configure_adjustments (self);
  visible = wm_canvas_get_visible_rect (self);
  if (self->layout != NULL)
    {
      top = visible.y > self->layout->grid.y ? self->layout->stage_header_height : 0;
      left = visible.x > self->layout->grid.x ? self->layout->style->lane_header_width : 0;
    }
  if (rect->x - left < visible.x)
    gtk_adjustment_set_value (self->hadjustment, (rect->x - left - 16) * self->zoom);
  else if (rect->x + rect->width > visible.x + visible.width)
    gtk_adjustment_set_value (self->hadjustment, (rect->x + rect->width + 16 - visible.width) * self->zoom);
  if (rect->y - top < visible.y)
    gtk_adjustment_set_value (self->vadjustment, (rect->y - top - 16) * self->zoom);
  else if (rect->y + rect->height > visible.y + visible.height)
    gtk_adjustment_set_value (self->vadjustment, (rect->y + rect->height + 16 - visible.height) * self->zoom);
}

/**
 * wm_canvas_set_filter:
 * @filter: (nullable): the view's filter; %NULL or empty shows every
 *   card as it is
 *
 * Fades the cards outside @filter, and the curves of the personas it
 * leaves out.
 */
void
wm_canvas_set_filter (WmCanvas           *self,
                      const WmViewFilter *filter)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  if (wm_view_filter_equal (self->filter, filter))
    return;
  g_clear_pointer (&self->filter, wm_view_filter_free);
  if (!wm_view_filter_is_empty (filter))
    self->filter = wm_view_filter_copy (filter);
  /* Every tile and card picture is painted again. */
  g_clear_pointer (&self->layout, wm_layout_unref);
  relayout (self);
}

const WmViewFilter *
wm_canvas_get_filter (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->filter;
}

static void
on_style_changed (WmCanvas *self)
{
  g_clear_pointer (&self->style, wm_style_unref);
  g_clear_pointer (&self->measure, wm_text_measure_free);
  g_clear_pointer (&self->layout_cache, wm_layout_cache_free);
  relayout (self);
}

static void
on_adjustment_value_changed (WmCanvas *self)
{
  /* The card widgets move with the map. While allocating, they are about
   * to be placed anyway: asking again would allocate every frame. */
  if (!self->allocating)
    {
      wm_canvas_schedule_update (self);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

static void
set_adjustment (WmCanvas       *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                GParamSpec     *pspec)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed), self);
  configure_adjustments (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
scroll_by (GtkAdjustment *adjustment,
           double         delta)
{
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta);
}

/* Escape during a drag that edits the map takes it back. Seen before the
 * child with the focus, which may be the point being dragged. */
static gboolean
on_capture_key_pressed (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        WmCanvas              *self)
{
  return keyval == GDK_KEY_Escape && wm_canvas_cancel_drag (self);
}

/* Arrow keys scroll a step, Page Up and Page Down a screen, Home and End
 * to the ends, so the whole map can be read from the keyboard. Space is
 * held to drag the map with the primary button. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WmCanvas              *self)
{
  GtkAdjustment *h = self->hadjustment, *v = self->vadjustment;

  if (wm_canvas_select_key_pressed (self, keyval, state))
    return TRUE;
  /* Keys typed into a child, such as the title editor, are its own. */
  if (wm_canvas_get_focus_card (self) == NULL && gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL)
    return FALSE;
  if (h == NULL || v == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_space:
      self->space_held = TRUE;
      return TRUE;
    case GDK_KEY_Up:
      scroll_by (v, -gtk_adjustment_get_step_increment (v));
      return TRUE;
    case GDK_KEY_Down:
      scroll_by (v, gtk_adjustment_get_step_increment (v));
      return TRUE;
    case GDK_KEY_Left:
      scroll_by (h, -gtk_adjustment_get_step_increment (h));
      return TRUE;
    case GDK_KEY_Right:
      scroll_by (h, gtk_adjustment_get_step_increment (h));
      return TRUE;
    case GDK_KEY_Page_Up:
      scroll_by (v, -gtk_adjustment_get_page_increment (v));
      return TRUE;
    case GDK_KEY_Page_Down:
      scroll_by (v, gtk_adjustment_get_page_increment (v));
      return TRUE;
    case GDK_KEY_Home:
      gtk_adjustment_set_value (v, 0);
      return TRUE;
    case GDK_KEY_End:
      gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WmCanvas                 *self)
{
  double map_x, map_y;

  self->pointer_x = x;
  self->pointer_y = y;
  wm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  wm_canvas_editor_pointer_moved (self, map_x, map_y);
  wm_canvas_resize_pointer_moved (self, map_x, map_y);
}

static void
on_motion_leave (GtkEventControllerMotion *controller,
                 WmCanvas                 *self)
{
  wm_canvas_editor_pointer_moved (self, -1, -1);
}

/* Ctrl and the wheel zoom around the pointer; the wheel alone scrolls. */
static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WmCanvas                 *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;
  wm_canvas_set_zoom_at (self, self->zoom * pow (1.1, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

/* The middle button, or Space with the primary button, drags the map. */
/* Whether a finger at (@x, @y) is on the map itself, with no card,
 * persona card or emotion point to drag: there it drags the map, since a
 * touch screen has no middle button or space bar. */
static gboolean
nothing_to_carry_at (WmCanvas *self,
                     double    x,
                     double    y)
{
  double map_x, map_y;

  wm_canvas_ensure_layout (self);
  if (self->layout == NULL || gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT) != GTK_WIDGET (self))
    return FALSE;
  wm_canvas_widget_to_map (self, x, y, &map_x, &map_y);
  return wm_layout_card_at (self->layout, map_x, map_y) == NULL && !wm_canvas_point_at (self, map_x, map_y);
}

static void
on_pan_begin (GtkGestureDrag *gesture,
              double          x,
              double          y,
              WmCanvas       *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  gboolean finger_on_map = event != NULL && gdk_event_get_event_type (event) == GDK_TOUCH_BEGIN
                           && nothing_to_carry_at (self, x, y);

  if (self->hadjustment == NULL || self->vadjustment == NULL
      || (button != GDK_BUTTON_MIDDLE && !(button == GDK_BUTTON_PRIMARY && self->space_held) && !finger_on_map))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->pan_start_x = gtk_adjustment_get_value (self->hadjustment);
  self->pan_start_y = gtk_adjustment_get_value (self->vadjustment);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_pan_update (GtkGestureDrag *gesture,
               double          offset_x,
               double          offset_y,
               WmCanvas       *self)
{
  if (self->hadjustment == NULL || self->vadjustment == NULL)
    return;
  gtk_adjustment_set_value (self->hadjustment, self->pan_start_x - offset_x);
  gtk_adjustment_set_value (self->vadjustment, self->pan_start_y - offset_y);
}

static void
on_pan_end (GtkGestureDrag *gesture,
            double          offset_x,
            double          offset_y,
            WmCanvas       *self)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 WmCanvas              *self)
{
  if (keyval == GDK_KEY_space)
    self->space_held = FALSE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               WmCanvas         *self)
{
  self->zoom_at_gesture_start = self->zoom;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       WmCanvas       *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = y = 0;
  wm_canvas_set_zoom_at (self, self->zoom_at_gesture_start * scale, x, y);
}

static void
paint_edge_shadow (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   dx,
                   double   dy)
{
  cairo_pattern_t *shadow = cairo_pattern_create_linear (x, y, x + dx, y + dy);

  cairo_pattern_add_color_stop_rgba (shadow, 0, 0, 0, 0, 0.12);
  cairo_pattern_add_color_stop_rgba (shadow, 1, 0, 0, 0, 0);
  cairo_set_source (cr, shadow);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  cairo_pattern_destroy (shadow);
}

/* A cairo context for painting @rect of the map over the view, in map
 * coordinates, on a node no larger than the part of @rect in view;
 * %NULL if none of it is. */
static cairo_t *
append_map_cairo (WmCanvas     *self,
                  GtkSnapshot  *snapshot,
                  const WmRect *visible,
                  const WmRect *rect)
{
  graphene_rect_t bounds = wm_canvas_map_to_widget_rect (self, rect);
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (self)),
                                             gtk_widget_get_height (GTK_WIDGET (self)));
  cairo_t *cr;

  graphene_rect_round_extents (&bounds, &bounds);
  if (!graphene_rect_intersection (&bounds, &view, &bounds))
    return NULL;
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -visible->x, -visible->y);
  return cr;
}

/* Like frozen panes in a spreadsheet, the stage headers stay at the top
 * and the lane headers at the left once the map scrolls past them. They
 * move with every scroll step, so unlike the map beneath they are
 * painted each frame, on nodes no larger than themselves. */
static void
snapshot_frozen_headers (WmCanvas     *self,
                         GtkSnapshot  *snapshot,
                         const WmRect *visible)
{
  WmLayout *layout = self->layout;
  const WmRect *grid = &layout->grid;
  double header_height = layout->stage_header_height;
  double header_width = layout->style->lane_header_width;
  double shadow = 8 / self->zoom;
  double shift_x, shift_y;
  WmRect corner;
  cairo_t *cr;

  wm_canvas_get_frozen_shift (self, visible, &shift_x, &shift_y);
  if (shift_x <= 0 && shift_y <= 0)
    return;
  corner = (WmRect) { grid->x + shift_x, grid->y + shift_y, header_width, header_height };

  /* Scrolled down, the column is painted again even where it is not
   * frozen, so that a lane scrolled half out of view keeps its title in
   * view below the stage headers. */
  cr = append_map_cairo (self, snapshot, visible,
                         &(WmRect) { grid->x + shift_x, grid->y, header_width + shadow, grid->height });
  if (cr != NULL)
    {
      WmRect area = { grid->x, visible->y, header_width, visible->height };

      cairo_save (cr);
      cairo_translate (cr, shift_x, 0);
      cairo_rectangle (cr, grid->x, grid->y, header_width, grid->height);
      cairo_clip (cr);
      wm_painter_paint_lane_header_column (cr, layout, &area, visible->y + (shift_y > 0 ? header_height : 0));
      cairo_restore (cr);
      if (shift_x > 0)
        paint_edge_shadow (cr, grid->x + shift_x + header_width, grid->y, shadow, grid->height, shadow, 0);
      cairo_destroy (cr);
    }

  if (shift_y > 0)
    {
      cr = append_map_cairo (self, snapshot, visible,
                             &(WmRect) { grid->x, grid->y + shift_y, grid->width, header_height + shadow });
      if (cr != NULL)
        {
          WmRect area = { visible->x, grid->y, visible->width, header_height };

          cairo_save (cr);
          cairo_translate (cr, 0, shift_y);
          cairo_rectangle (cr, grid->x, grid->y, grid->width, header_height);
          cairo_clip (cr);
          wm_painter_paint_stage_header_row (cr, layout, &area);
          cairo_restore (cr);
          paint_edge_shadow (cr, grid->x, grid->y + shift_y + header_height, grid->width, shadow, 0, shadow);
          cairo_destroy (cr);
        }
    }

  /* The corner where both meet covers whatever slides beneath it. */
  cr = append_map_cairo (self, snapshot, visible, &corner);
  if (cr != NULL)
    {
      wm_color_set_source (cr, &layout->style->palette.header_fill);
      cairo_rectangle (cr, corner.x, corner.y, corner.width, corner.height);
      cairo_fill (cr);
      cairo_destroy (cr);
    }
}

/* Selected cards painted as shapes get the ring their widgets would
 * draw, a few pixels wide on screen whatever the zoom. */
static void
paint_selected_shapes (WmCanvas     *self,
                       cairo_t      *cr,
                       const WmRect *visible)
{
  g_autoptr(GHashTable) selected = NULL;
  g_autoptr(GArray) found = NULL;
  double ring = 2 / self->zoom;

  if (self->selection == NULL || self->selection->len == 0)
    return;
  selected = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->selection->len; i++)
    g_hash_table_add (selected, g_ptr_array_index (self->selection, i));
  found = wm_layout_cards_in (self->layout, visible);
  wm_color_set_source (cr, &self->layout->style->palette.accent);
  cairo_set_line_width (cr, ring);
  for (guint i = 0; i < found->len; i++)
    {
      const WmCardBox *box = &g_array_index (self->layout->cards, WmCardBox, g_array_index (found, guint, i));

      if (g_hash_table_contains (selected, box->card))
        cairo_rectangle (cr, box->rect.x - ring, box->rect.y - ring, box->rect.width + 2 * ring,
                         box->rect.height + 2 * ring);
    }
  cairo_stroke (cr);
}

static void
wm_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmRect visible = wm_canvas_get_visible_rect (self);

  if (self->layout == NULL || gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;

  /* Too small to read, the cards are shapes on the tiles, as on the
   * slides' overview, and only the focused one keeps a widget. */
  wm_canvas_tiles_snapshot (self, snapshot);
  if (self->zoom < WM_CANVAS_MIN_TEXT_ZOOM && self->selection != NULL && self->selection->len > 0)
    {
      cairo_t *cr = append_map_cairo (self, snapshot, &visible, &visible);

      paint_selected_shapes (self, cr, &visible);
      cairo_destroy (cr);
    }

  wm_canvas_cards_snapshot (self, snapshot);
  wm_canvas_personas_snapshot (self, snapshot);
  wm_canvas_legend_snapshot (self, snapshot);
  wm_canvas_active_snapshot (self, snapshot);
  wm_canvas_points_snapshot (self, snapshot);
  wm_canvas_dnd_snapshot (self, snapshot);

  /* The frozen headers cover cards scrolling beneath them. */
  snapshot_frozen_headers (self, snapshot, &visible);
  wm_canvas_headers_snapshot (self, snapshot);
  wm_canvas_dnd_snapshot_ghost (self, snapshot);

  if (gtk_widget_get_visible (self->add_button))
    gtk_widget_snapshot_child (widget, self->add_button, snapshot);
  if (gtk_widget_get_visible (self->editor))
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
}

static void
wm_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  WmCanvas *self = WM_CANVAS (widget);

  self->allocating = TRUE;
  if (self->layout_dirty)
    relayout (self);
  configure_adjustments (self);
  wm_canvas_cards_allocate (self);
  wm_canvas_headers_allocate (self);
  wm_canvas_personas_allocate (self);
  wm_canvas_legend_allocate (self);
  wm_canvas_active_allocate (self);
  wm_canvas_points_allocate (self);
  wm_canvas_editor_allocate (self);
  gtk_popover_present (GTK_POPOVER (self->context_menu));
  self->allocating = FALSE;
}

/* Scrolling changes the whole window at every frame. */
static void
wm_canvas_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (wm_canvas_parent_class)->realize (widget);
  wm_frame_memory_keep_for (widget);
}

static void
wm_canvas_unrealize (GtkWidget *widget)
{
  wm_frame_memory_release (widget);
  GTK_WIDGET_CLASS (wm_canvas_parent_class)->unrealize (widget);
}

static void
wm_canvas_dispose (GObject *object)
{
  WmCanvas *self = WM_CANVAS (object);

  if (self->update_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->update_tick);
  self->update_tick = 0;
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->filter, wm_view_filter_free);
  wm_canvas_set_document (self, NULL);
  wm_canvas_dnd_dispose (self);
  wm_canvas_editor_dispose (self);
  wm_canvas_menu_dispose (self);
  wm_canvas_cards_dispose (self);
  wm_canvas_tiles_dispose (self);
  g_clear_pointer (&self->style, wm_style_unref);
  g_clear_pointer (&self->measure, wm_text_measure_free);
  g_clear_pointer (&self->layout_cache, wm_layout_cache_free);
  wm_canvas_headers_dispose (self);
  wm_canvas_points_dispose (self);
  wm_canvas_personas_dispose (self);
  wm_canvas_legend_dispose (self);
  wm_canvas_active_dispose (self);
  wm_canvas_select_dispose (self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (wm_canvas_parent_class)->dispose (object);
}

static void
wm_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WmCanvas *self = WM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SELECTED_ELEMENT:
      g_value_set_object (value, wm_canvas_get_selected_element (self));
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WmCanvas *self = WM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      wm_canvas_set_document (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      wm_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), pspec);
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), pspec);
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_canvas_class_init (WmCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_canvas_dispose;
  object_class->get_property = wm_canvas_get_property;
  object_class->set_property = wm_canvas_set_property;
  widget_class->realize = wm_canvas_realize;
  widget_class->unrealize = wm_canvas_unrealize;
  widget_class->snapshot = wm_canvas_snapshot;
  widget_class->size_allocate = wm_canvas_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, WM_CANVAS_MIN_ZOOM, WM_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * WmCanvas:selected-element:
   *
   * The one card, stage or lane selected, for the inspector; %NULL when
   * nothing or several cards are.
   */
  properties[PROP_SELECTED_ELEMENT] =
    g_param_spec_object ("selected-element", NULL, NULL, WM_TYPE_ELEMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /**
   * WmCanvas::layout-changed:
   *
   * The map was laid out again: it changed, or its style did. The
   * overview repaints its picture then, not while the map scrolls.
   */
  signals[LAYOUT_CHANGED] =
    g_signal_new ("layout-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "wm-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  wm_canvas_actions_class_init (widget_class);
  wm_canvas_clipboard_class_init (widget_class);
  wm_canvas_points_class_init (widget_class);
  wm_canvas_personas_class_init (widget_class);
}

static void
wm_canvas_init (WmCanvas *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *capture_keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkGesture *pan = gtk_gesture_drag_new ();

  self->zoom = 1.0;
  wm_canvas_cards_init (self);
  wm_canvas_tiles_init (self);
  wm_canvas_headers_init (self);
  wm_canvas_points_init (self);
  wm_canvas_personas_init (self);
  wm_canvas_legend_init (self);
  wm_canvas_active_init (self);
  wm_canvas_select_init (self);
  wm_canvas_editor_init (self);
  wm_canvas_menu_init (self);
  wm_canvas_actions_init (self);
  wm_canvas_dnd_init (self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_motion_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (pinch, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), 0);
  /* Before the cards and persona cards under the pointer: a pan must not
   * also select or focus what it started on. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (pan), GTK_PHASE_CAPTURE);
  g_signal_connect (pan, "drag-begin", G_CALLBACK (on_pan_begin), self);
  g_signal_connect (pan, "drag-update", G_CALLBACK (on_pan_update), self);
  g_signal_connect (pan, "drag-end", G_CALLBACK (on_pan_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (keys, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_event_controller_set_propagation_phase (capture_keys, GTK_PHASE_CAPTURE);
  g_signal_connect (capture_keys, "key-pressed", G_CALLBACK (on_capture_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), capture_keys);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  wm_screen_style_watch (GTK_WIDGET (self), G_CALLBACK (on_style_changed));
  /* Selected cards painted as shapes have no widget to show it. */
  g_signal_connect (self, "notify::selected-element", G_CALLBACK (gtk_widget_queue_draw), NULL);
  update_accessible_label (self);
  wm_canvas_update_actions (self);
}

GtkWidget *
wm_canvas_new (void)
{
  return g_object_new (WM_TYPE_CANVAS, NULL);
}

/**
 * wm_canvas_set_document:
 * @document: (nullable): the map to show
 */
void
wm_canvas_set_document (WmCanvas   *self,
                        WmDocument *document)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->document == document)
    return;
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_changed, self);
  g_clear_object (&self->history);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->history = g_object_ref (wm_document_get_history (document));
      g_signal_connect_swapped (self->history, "changed", G_CALLBACK (on_history_changed), self);
    }
  if (self->selection != NULL)
    wm_canvas_set_selection (self, NULL, 0);
  relayout (self);
  if (self->selection != NULL)
    wm_canvas_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

WmDocument *
wm_canvas_get_document (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->document;
}

/* The layout of the map as it is now, or %NULL without a document. It
 * may be newer than the last frame: a change lays the map out again at
 * the next frame, or here if asked first. */
WmLayout *
wm_canvas_get_layout (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  wm_canvas_ensure_layout (self);
  return self->layout;
}

double
wm_canvas_get_zoom (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), 1.0);

  return self->zoom;
}

/**
 * wm_canvas_set_zoom_at:
 * @zoom: the new scale, clamped to 5 %–400 %
 * @x: the point, in widget coordinates, that must stay still
 * @y: likewise
 *
 * Zooms so that the part of the map under (@x, @y) stays there.
 */
void
wm_canvas_set_zoom_at (WmCanvas *self,
                       double    zoom,
                       double    x,
                       double    y)
{
  double map_x, map_y;

  g_return_if_fail (WM_IS_CANVAS (self));

  zoom = CLAMP (zoom, WM_CANVAS_MIN_ZOOM, WM_CANVAS_MAX_ZOOM);
  if (G_APPROX_VALUE (zoom, self->zoom, 1e-6))
    return;

  map_x = ((self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0) + x) / self->zoom;
  map_y = ((self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0) + y) / self->zoom;
  self->zoom = zoom;
  configure_adjustments (self);
  /* Cards draw at the new scale. */
  {
    GHashTableIter iter;
    gpointer widget;

    g_hash_table_iter_init (&iter, self->card_widgets);
    while (g_hash_table_iter_next (&iter, NULL, &widget))
      gtk_widget_queue_draw (widget);
  }
  wm_canvas_schedule_update (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, map_x * zoom - x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, map_y * zoom - y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Zooms around the middle of the view. */
void
wm_canvas_set_zoom (WmCanvas *self,
                    double    zoom)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  wm_canvas_set_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/* The zoom at which the whole map, its width and its height, fits the
 * view. */
double
wm_canvas_get_fit_zoom (WmCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_val_if_fail (WM_IS_CANVAS (self), 1.0);

  wm_canvas_ensure_layout (self);
  if (self->layout == NULL || width <= 0 || height <= 0 || self->layout->width <= 0 || self->layout->height <= 0)
    return 1.0;
  return CLAMP (MIN (width / self->layout->width, height / self->layout->height),
                WM_CANVAS_MIN_ZOOM, WM_CANVAS_MAX_ZOOM);
}

/**
 * wm_canvas_center_on:
 * @map_x: a point of the map, in map coordinates
 * @map_y: likewise
 *
 * Scrolls so that the point is in the middle of the view, or as near as
 * the map's edges allow.
 */
void
wm_canvas_center_on (WmCanvas *self,
                     double    map_x,
                     double    map_y)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  if (self->hadjustment == NULL || self->vadjustment == NULL)
    return;
  configure_adjustments (self);
  gtk_adjustment_set_value (self->hadjustment, map_x * self->zoom - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0);
  gtk_adjustment_set_value (self->vadjustment, map_y * self->zoom - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/* How many card widgets exist, shown or kept for reuse: what the view
 * costs, whatever the size of the map. */
guint
wm_canvas_get_n_card_widgets (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), 0);

  return g_hash_table_size (self->card_widgets) + self->spare_widgets->len;
}

/**
 * wm_canvas_get_card_widget:
 * @card: a card of the map
 *
 * Returns: (transfer none) (nullable): the widget showing @card, if it
 *   has one now
 */
GtkWidget *
wm_canvas_get_card_widget (WmCanvas *self,
                           WmCard   *card)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return g_hash_table_lookup (self->card_widgets, card);
}

/**
 * wm_canvas_set_comparison:
 * @other: (nullable): another map, or %NULL to stop comparing
 *
 * Draws @other's emotion curves dashed over this map's, matched by stage,
 * for example a future-state map over the current state. The comparison
 * is a way of looking: it is not part of the map.
 */
void
wm_canvas_set_comparison (WmCanvas   *self,
                          WmDocument *other)
{
  g_return_if_fail (WM_IS_CANVAS (self));
  g_return_if_fail (other == NULL || WM_IS_DOCUMENT (other));

  if (!g_set_object (&self->comparison, other))
    return;
  wm_canvas_tiles_invalidate (self);
  wm_canvas_queue_relayout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The map compared with, or %NULL. */
WmDocument *
wm_canvas_get_comparison (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->comparison;
}

/**
 * wm_canvas_show_stage:
 * @stage_index: a stage of the map
 *
 * Scrolls the map to show the stage's column from its header down.
 */
void
wm_canvas_show_stage (WmCanvas *self,
                      guint     stage_index)
{
  const WmStageColumn *column;
  WmRect visible;

  g_return_if_fail (WM_IS_CANVAS (self));

  wm_canvas_ensure_layout (self);
  if (self->layout == NULL || stage_index >= self->layout->columns->len)
    return;
  column = &g_array_index (self->layout->columns, WmStageColumn, stage_index);
  visible = wm_canvas_get_visible_rect (self);
  wm_canvas_scroll_to_rect (self, &(WmRect) { column->x, self->layout->grid.y, column->width,
                                              MIN (visible.height * 0.5, self->layout->grid.height) });
}
