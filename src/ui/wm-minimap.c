/* wm-minimap.c: the whole map, small, in a corner of the canvas, with
 * the part in view outlined; a click or a drag in it scrolls the canvas
 * there, so a user can find their way in a map of hundreds of stages.
 *
 * The map is painted by the map's painter with cards as shapes, as the
 * slides' overview does, once per layout into a texture: scrolling a
 * 10,000-card map only moves the outline. It shows while the user wants
 * it (the window's Show Overview toggle) and part of the map is out of
 * view; when the whole map fits, it would tell nothing and only cover
 * cards. It never takes focus: the keyboard scrolls the canvas itself,
 * and Zoom to Fit shows it all.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-minimap"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-minimap.h"
#include "wm-painter.h"

/* The largest the overview gets, and the thinnest a very wide or very
 * tall map is drawn (stretched then, rather than a hairline). */
#define MAX_WIDTH 240
#define MAX_HEIGHT 160
#define MIN_SIDE 24
#define CORNER_RADIUS 6

struct _WmMinimap
{
  GtkWidget parent_instance;

  WmCanvas *canvas;
  GtkAdjustment *hadjustment;   /* the canvas's, followed to move the outline */
  GtkAdjustment *vadjustment;
  gboolean enabled;             /* the user's choice */
  gboolean shown;               /* enabled, and part of the map out of view */

  GdkTexture *picture;          /* the map, painted for picture_layout */
  WmLayout *picture_layout;     /* a reference: the cache is for this one */
  int picture_width;            /* in device pixels */
  int picture_height;
  guint n_renders;
};

G_DEFINE_FINAL_TYPE (WmMinimap, wm_minimap, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_ENABLED,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where the map is drawn inside the widget, pinned to its bottom right
 * corner as the widget is to the canvas's, and the scale on each axis. */
static gboolean
get_geometry (WmMinimap       *self,
              graphene_rect_t *rect,
              double          *scale_x,
              double          *scale_y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  WmLayout *layout = self->canvas != NULL ? wm_canvas_get_layout (self->canvas) : NULL;
  double scale, w, h, box_width, box_height;

  if (layout == NULL || width <= 0 || height <= 0 || layout->width <= 0 || layout->height <= 0)
    return FALSE;
  /* On a narrow view (a phone) the overview keeps to a corner: at most
   * two fifths of the view's width and a quarter of its height. */
  box_width = MIN (width, gtk_widget_get_width (GTK_WIDGET (self->canvas)) * 2 / 5);
  box_height = MIN (height, gtk_widget_get_height (GTK_WIDGET (self->canvas)) / 4);
  if (box_width <= 0 || box_height <= 0)
    return FALSE;
  scale = MIN (box_width / layout->width, box_height / layout->height);
  w = CLAMP (layout->width * scale, MIN (MIN_SIDE, box_width), box_width);
  h = CLAMP (layout->height * scale, MIN (MIN_SIDE, box_height), box_height);
  w = floor (w);
  h = floor (h);
  *rect = GRAPHENE_RECT_INIT (width - w, height - h, w, h);
  *scale_x = w / layout->width;
  *scale_y = h / layout->height;
  return TRUE;
}

static void
update_shown (WmMinimap *self)
{
  WmLayout *layout = self->canvas != NULL ? wm_canvas_get_layout (self->canvas) : NULL;
  gboolean shown = FALSE;

  if (self->enabled && layout != NULL && gtk_widget_get_width (GTK_WIDGET (self->canvas)) > 0)
    {
      WmRect visible = wm_canvas_get_visible_rect (self->canvas);

      shown = visible.width < layout->width - 1 || visible.height < layout->height - 1;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (shown == self->shown)
    return;
  self->shown = shown;
  /* Changing what is picked and drawn costs no resize: this runs while
   * the canvas is being allocated. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}

static void
on_layout_changed (WmMinimap *self)
{
  g_clear_object (&self->picture);
  g_clear_pointer (&self->picture_layout, wm_layout_unref);
  update_shown (self);
}

static void
follow_adjustment (WmMinimap      *self,
                   GtkAdjustment **slot,
                   GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, update_shown, self);
  g_set_object (slot, adjustment);
  if (adjustment != NULL)
    {
      g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (update_shown), self);
      g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (update_shown), self);
    }
}

static void
on_adjustments_changed (WmMinimap *self)
{
  follow_adjustment (self, &self->hadjustment,
                     self->canvas != NULL ? gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->canvas)) : NULL);
  follow_adjustment (self, &self->vadjustment,
                     self->canvas != NULL ? gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->canvas)) : NULL);
  update_shown (self);
}

/* Paints the whole map at the picture's size, once per layout. */
static void
ensure_picture (WmMinimap             *self,
                const graphene_rect_t *rect,
                double                 scale_x,
                double                 scale_y)
{
  WmLayout *layout = wm_canvas_get_layout (self->canvas);
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = (int) ceil (rect->size.width * factor);
  int height = (int) ceil (rect->size.height * factor);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;

  if (self->picture != NULL && self->picture_layout == layout
      && self->picture_width == width && self->picture_height == height)
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale_x * factor, scale_y * factor);
  wm_painter_paint (cr, layout, NULL, WM_PAINT_CARD_SHAPES);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  g_clear_object (&self->picture);
  /* Cairo's ARGB32 is GDK's default memory format. */
  self->picture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                          cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  g_clear_pointer (&self->picture_layout, wm_layout_unref);
  self->picture_layout = wm_layout_ref (layout);
  self->picture_width = width;
  self->picture_height = height;
  self->n_renders++;
}

static GdkRGBA
to_rgba (const WmColor *color,
         double         alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

static void
wm_minimap_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  WmMinimap *self = WM_MINIMAP (widget);
  graphene_rect_t rect, view;
  GskRoundedRect frame;
  double scale_x, scale_y;
  const WmPalette *palette;
  WmRect visible;
  GdkRGBA rule, accent, accent_fill, shadow = { 0, 0, 0, 0.3 };

  if (!self->shown || !get_geometry (self, &rect, &scale_x, &scale_y))
    return;
  ensure_picture (self, &rect, scale_x, scale_y);
  palette = &wm_canvas_get_layout (self->canvas)->style->palette;
  rule = to_rgba (&palette->rule, 1);
  accent = to_rgba (&palette->accent, 1);
  accent_fill = to_rgba (&palette->accent, 0.18);

  gsk_rounded_rect_init_from_rect (&frame, &rect, CORNER_RADIUS);
  gtk_snapshot_append_outset_shadow (snapshot, &frame, &shadow, 0, 1, 0, 6);
  gtk_snapshot_push_rounded_clip (snapshot, &frame);
  gtk_snapshot_append_texture (snapshot, self->picture, &rect);

  /* The part in view, kept inside the picture so it never vanishes. */
  visible = wm_canvas_get_visible_rect (self->canvas);
  view = GRAPHENE_RECT_INIT (rect.origin.x + visible.x * scale_x, rect.origin.y + visible.y * scale_y,
                             visible.width * scale_x, visible.height * scale_y);
  graphene_rect_intersection (&view, &rect, &view);
  if (view.size.width < 4)
    view.size.width = 4;
  if (view.size.height < 4)
    view.size.height = 4;
  gtk_snapshot_append_color (snapshot, &accent_fill, &view);
  {
    GskRoundedRect outline;
    float widths[4] = { 2, 2, 2, 2 };
    GdkRGBA colors[4] = { accent, accent, accent, accent };

    gsk_rounded_rect_init_from_rect (&outline, &view, 0);
    gtk_snapshot_append_border (snapshot, &outline, widths, colors);
  }
  gtk_snapshot_pop (snapshot);

  {
    float widths[4] = { 1, 1, 1, 1 };
    GdkRGBA colors[4] = { rule, rule, rule, rule };

    gtk_snapshot_append_border (snapshot, &frame, widths, colors);
  }
}

static void
wm_minimap_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? MAX_WIDTH : MAX_HEIGHT;
}

/* Only the picture takes the pointer, and only while shown: the rest of
 * the corner belongs to the canvas beneath. */
static gboolean
wm_minimap_contains (GtkWidget *widget,
                     double     x,
                     double     y)
{
  WmMinimap *self = WM_MINIMAP (widget);
  graphene_rect_t rect;

  return self->shown && wm_minimap_get_picture_rect (self, &rect)
         && graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y));
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               WmMinimap      *self)
{
  if (!wm_minimap_contains (GTK_WIDGET (self), x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  wm_minimap_jump_to (self, x, y);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                WmMinimap      *self)
{
  double x, y;

  if (gtk_gesture_drag_get_start_point (gesture, &x, &y))
    wm_minimap_jump_to (self, x + offset_x, y + offset_y);
}

static void
wm_minimap_dispose (GObject *object)
{
  WmMinimap *self = WM_MINIMAP (object);

  wm_minimap_set_canvas (self, NULL);
  g_clear_object (&self->picture);
  g_clear_pointer (&self->picture_layout, wm_layout_unref);

  G_OBJECT_CLASS (wm_minimap_parent_class)->dispose (object);
}

static void
wm_minimap_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmMinimap *self = WM_MINIMAP (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_SHOWN:
      g_value_set_boolean (value, self->shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_minimap_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WmMinimap *self = WM_MINIMAP (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      wm_minimap_set_canvas (self, g_value_get_object (value));
      break;
    case PROP_ENABLED:
      wm_minimap_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_minimap_class_init (WmMinimapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_minimap_dispose;
  object_class->get_property = wm_minimap_get_property;
  object_class->set_property = wm_minimap_set_property;
  widget_class->snapshot = wm_minimap_snapshot;
  widget_class->measure = wm_minimap_measure;
  widget_class->contains = wm_minimap_contains;

  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, WM_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * WmMinimap:shown:
   *
   * Whether the overview is drawn now: it is enabled and part of the map
   * is out of view.
   */
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wm-minimap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wm_minimap_init (WmMinimap *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->enabled = TRUE;
  /* The map runs left to right in every language (see README), so its
   * overview stays in the map's bottom right corner, over cards rather
   * than over the lane names, in a mirrored window too. */
  gtk_widget_set_direction (GTK_WIDGET (self), GTK_TEXT_DIR_LTR);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (gtk_widget_queue_draw), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map overview"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The whole map, with the part in view outlined; click to show another part"),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
}

/**
 * wm_minimap_new:
 * @canvas: (nullable): the canvas to give an overview of
 */
GtkWidget *
wm_minimap_new (WmCanvas *canvas)
{
  return g_object_new (WM_TYPE_MINIMAP, "canvas", canvas, NULL);
}

WmCanvas *
wm_minimap_get_canvas (WmMinimap *self)
{
  g_return_val_if_fail (WM_IS_MINIMAP (self), NULL);

  return self->canvas;
}

void
wm_minimap_set_canvas (WmMinimap *self,
                       WmCanvas  *canvas)
{
  g_return_if_fail (WM_IS_MINIMAP (self));
  g_return_if_fail (canvas == NULL || WM_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;
  if (self->canvas != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->canvas, self);
      follow_adjustment (self, &self->hadjustment, NULL);
      follow_adjustment (self, &self->vadjustment, NULL);
    }
  g_set_object (&self->canvas, canvas);
  if (canvas != NULL)
    {
      g_signal_connect_swapped (canvas, "layout-changed", G_CALLBACK (on_layout_changed), self);
      g_signal_connect_swapped (canvas, "notify::hadjustment", G_CALLBACK (on_adjustments_changed), self);
      g_signal_connect_swapped (canvas, "notify::vadjustment", G_CALLBACK (on_adjustments_changed), self);
      g_signal_connect_swapped (canvas, "notify::zoom", G_CALLBACK (update_shown), self);
    }
  on_layout_changed (self);
  on_adjustments_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}

gboolean
wm_minimap_get_enabled (WmMinimap *self)
{
  g_return_val_if_fail (WM_IS_MINIMAP (self), FALSE);

  return self->enabled;
}

/**
 * wm_minimap_set_enabled:
 * @enabled: whether the user wants the overview
 *
 * An enabled overview is shown while part of the map is out of view.
 */
void
wm_minimap_set_enabled (WmMinimap *self,
                        gboolean   enabled)
{
  g_return_if_fail (WM_IS_MINIMAP (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  update_shown (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

gboolean
wm_minimap_get_shown (WmMinimap *self)
{
  g_return_val_if_fail (WM_IS_MINIMAP (self), FALSE);

  return self->shown;
}

/**
 * wm_minimap_get_picture_rect:
 * @rect: (out): where the map is drawn, in the widget's coordinates
 *
 * Returns: %FALSE when there is no map to draw
 */
gboolean
wm_minimap_get_picture_rect (WmMinimap       *self,
                             graphene_rect_t *rect)
{
  double scale_x, scale_y;

  g_return_val_if_fail (WM_IS_MINIMAP (self), FALSE);

  return get_geometry (self, rect, &scale_x, &scale_y);
}

/**
 * wm_minimap_jump_to:
 * @x: a point of the picture, in the widget's coordinates
 * @y: likewise
 *
 * Scrolls the canvas to centre the part of the map drawn at (@x, @y), as
 * a click there does.
 */
void
wm_minimap_jump_to (WmMinimap *self,
                    double     x,
                    double     y)
{
  graphene_rect_t rect;
  double scale_x, scale_y;

  g_return_if_fail (WM_IS_MINIMAP (self));

  if (!get_geometry (self, &rect, &scale_x, &scale_y))
    return;
  x = CLAMP (x, rect.origin.x, rect.origin.x + rect.size.width);
  y = CLAMP (y, rect.origin.y, rect.origin.y + rect.size.height);
  wm_canvas_center_on (self->canvas, (x - rect.origin.x) / scale_x, (y - rect.origin.y) / scale_y);
}

/* How many times the map was painted for the overview: once per layout,
 * however much the view scrolls. */
guint
wm_minimap_get_n_renders (WmMinimap *self)
{
  g_return_val_if_fail (WM_IS_MINIMAP (self), 0);

  return self->n_renders;
}
