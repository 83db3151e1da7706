/* wm-presentation.c: a map presented full screen, slide by slide.
 *
 * Right, Space, Page Down and a click go forward; Left and Page Up go
 * back (presentation clickers send these); Home and End jump to the ends;
 * B blanks the screen; Esc leaves, and the editor shows the stage that
 * was on screen. Slides cross-fade (not when the desktop asks for reduced
 * motion), a quiet line and counter at the bottom say where one is, and
 * the pointer hides when it rests.
 *
 * The slides follow the map: a typo fixed in the editor shows at once.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-presentation"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wm-presentation.h"
#include "wm-cached-picture.h"
#include "wm-frame-memory.h"
#include "wm-slides.h"

/* How long the pointer may rest before it hides, in milliseconds. */
#define POINTER_IDLE_MS 2000
#define FADE_MS 250
/* Slides drawn recently, kept to draw again: the one on screen and the
 * one fading out, and one to spare for going back and forth. */
#define N_DRAWN 3

/* A slide as drawn, in pixels, at one size. The overview draws the whole
 * map, which for a very large one takes a good part of a second to draw
 * and a tenth to replay: too long for each frame of a fade. */
typedef struct
{
  WmCachedPicture *picture;
  guint index;
  int highlight_stage;
  guint64 last_used;
} DrawnSlide;

struct _WmPresentation
{
  GtkWindow parent_instance;

  WmDocument *document;
  WmViewFilter *filter;     /* the view presented; NULL for the whole map */
  GPtrArray *slides;
  guint index;
  int previous_index;       /* fading out, or -1 */
  int overview_stage;       /* highlighted on the overview, or -1 */
  gboolean blank;
  AdwAnimation *fade;
  double fade_progress;     /* 0 → 1 while the new slide fades in */
  guint pointer_timeout;
  double last_x, last_y;
  DrawnSlide drawn[N_DRAWN];
  guint64 frames;
  guint draw_ahead_source;
};

G_DEFINE_FINAL_TYPE (WmPresentation, wm_presentation, GTK_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static WmSlide *
slide_at (WmPresentation *self,
          guint           index)
{
  return index < self->slides->len ? g_ptr_array_index (self->slides, index) : NULL;
}

/* --- Drawing ---------------------------------------------------------------- */

static void
forget_drawn_slides (WmPresentation *self)
{
  for (guint i = 0; i < N_DRAWN; i++)
    g_clear_pointer (&self->drawn[i].picture, wm_cached_picture_free);
}

/* Where a slide goes in the window: as large as fits, centred, in whole
 * pixels so that its picture is copied to the screen, not resampled. */
static void
slide_area (WmPresentation  *self,
            graphene_rect_t *area)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale = MIN (width / WM_SLIDE_WIDTH, height / WM_SLIDE_HEIGHT);

  graphene_rect_init (area, round ((width - WM_SLIDE_WIDTH * scale) / 2), round ((height - WM_SLIDE_HEIGHT * scale) / 2),
                      MAX (1, round (WM_SLIDE_WIDTH * scale)), MAX (1, round (WM_SLIDE_HEIGHT * scale)));
}

/* Slide @index as a picture filling the slide area, from those kept if
 * it is there. */
static WmCachedPicture *
drawn_slide (WmPresentation *self,
             guint           index,
             int             highlight_stage)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  DrawnSlide *entry = &self->drawn[0];
  graphene_rect_t area;
  cairo_t *cr;

  slide_area (self, &area);
  for (guint i = 0; i < N_DRAWN; i++)
    {
      DrawnSlide *drawn = &self->drawn[i];

      if (drawn->picture != NULL && drawn->index == index && drawn->highlight_stage == highlight_stage
          && wm_cached_picture_fits (drawn->picture, &area, scale_factor))
        {
          drawn->last_used = self->frames;
          return drawn->picture;
        }
      if (drawn->picture == NULL || (entry->picture != NULL && drawn->last_used < entry->last_used))
        entry = drawn;
    }

  g_clear_pointer (&entry->picture, wm_cached_picture_free);
  *entry = (DrawnSlide) { wm_cached_picture_new (&area, scale_factor), index, highlight_stage, self->frames };
  cr = wm_cached_picture_draw (entry->picture);
  cairo_translate (cr, area.origin.x, area.origin.y);
  cairo_scale (cr, area.size.width / WM_SLIDE_WIDTH, area.size.height / WM_SLIDE_HEIGHT);
  wm_slide_paint (cr, self->document, self->slides, index, highlight_stage);
  cairo_destroy (cr);
  return entry->picture;
}

static void
append_slide (WmPresentation *self,
              GtkSnapshot    *snapshot,
              guint           index,
              double          alpha)
{
  WmSlide *slide = slide_at (self, index);

  if (slide == NULL)
    return;
  if (alpha < 1)
    gtk_snapshot_push_opacity (snapshot, alpha);
  wm_cached_picture_append (drawn_slide (self, index, slide->kind == WM_SLIDE_OVERVIEW ? self->overview_stage : -1),
                            snapshot, GTK_WIDGET (self));
  if (alpha < 1)
    gtk_snapshot_pop (snapshot);
}

static void
append_progress (WmPresentation *self,
                 GtkSnapshot    *snapshot)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double done = self->slides->len > 1 ? (double) self->index / (self->slides->len - 1) : 1;
  g_autofree char *counter = g_strdup_printf ("%u / %u", self->index + 1, self->slides->len);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), counter);
  GdkRGBA quiet = { 1, 1, 1, 0.35 };
  GdkRGBA track = { 1, 1, 1, 0.08 };
  int text_width, text_height;

  gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (0, height - 3, width, 3));
  gtk_snapshot_append_color (snapshot, &quiet, &GRAPHENE_RECT_INIT (0, height - 3, width * done, 3));
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width - text_width - 24, height - text_height - 16));
  gtk_snapshot_append_layout (snapshot, layout, &quiet);
  gtk_snapshot_restore (snapshot);
}

static void
wm_presentation_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  WmPresentation *self = WM_PRESENTATION (widget);
  GdkRGBA black = { 0, 0, 0, 1 };

  gtk_snapshot_append_color (snapshot, &black,
                             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget)));
  if (self->blank || self->slides->len == 0)
    return;
  self->frames++;
  if (self->previous_index >= 0 && self->fade_progress < 1)
    append_slide (self, snapshot, self->previous_index, 1);
  append_slide (self, snapshot, self->index, self->previous_index >= 0 ? self->fade_progress : 1);
  append_progress (self, snapshot);
}

/* --- Moving between slides ----------------------------------------------- */

static void
on_fade (double          value,
         WmPresentation *self)
{
  self->fade_progress = value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Draws the next slide while this one is read, so that its fade starts
 * at once, even into the overview of a very large map. */
static gboolean
draw_ahead (gpointer user_data)
{
  WmPresentation *self = user_data;
  WmSlide *shown = slide_at (self, self->index);
  WmSlide *next = slide_at (self, self->index + 1);

  self->draw_ahead_source = 0;
  if (next != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    drawn_slide (self, self->index + 1,
                 next->kind == WM_SLIDE_OVERVIEW && shown->kind == WM_SLIDE_STAGE ? shown->stage_index : -1);
  return G_SOURCE_REMOVE;
}

static void
schedule_draw_ahead (WmPresentation *self)
{
  if (self->draw_ahead_source == 0)
    self->draw_ahead_source = g_idle_add_full (G_PRIORITY_LOW, draw_ahead, self, NULL);
}

/* Tells screen readers which slide is showing. */
static void
describe_slide (WmPresentation *self)
{
  g_autofree char *description = NULL;

  if (self->blank)
    description = g_strdup (_("The screen is blank"));
  else if (self->slides->len > 0)
    description = wm_slide_describe (self->document, self->slides, self->index);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "", -1);
}

static void
on_fade_done (WmPresentation *self)
{
  schedule_draw_ahead (self);
  self->previous_index = -1;
  self->fade_progress = 1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * wm_presentation_go_to:
 * @index: a slide, counted from 0; beyond the ends it stops at them
 *
 * Shows slide @index, fading from the one before.
 */
void
wm_presentation_go_to (WmPresentation *self,
                       int             index)
{
  WmSlide *from;
  guint target;

  g_return_if_fail (WM_IS_PRESENTATION (self));

  target = CLAMP (index, 0, (int) self->slides->len - 1);
  self->blank = FALSE;
  if (target == self->index)
    {
      describe_slide (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  /* Arriving at the overview from a stage picks that stage out. */
  from = slide_at (self, self->index);
  self->overview_stage = from != NULL && from->kind == WM_SLIDE_STAGE ? from->stage_index : -1;

  self->previous_index = self->index;
  self->index = target;
  describe_slide (self);
  self->fade_progress = 0;
  adw_animation_reset (self->fade);
  adw_animation_play (self->fade);
}

guint
wm_presentation_get_index (WmPresentation *self)
{
  g_return_val_if_fail (WM_IS_PRESENTATION (self), 0);

  return self->index;
}

guint
wm_presentation_get_n_slides (WmPresentation *self)
{
  g_return_val_if_fail (WM_IS_PRESENTATION (self), 0);

  return self->slides->len;
}

gboolean
wm_presentation_get_blank (WmPresentation *self)
{
  g_return_val_if_fail (WM_IS_PRESENTATION (self), FALSE);

  return self->blank;
}

/* The stage on screen, or -1 on the title and the overview. */
int
wm_presentation_get_stage (WmPresentation *self)
{
  WmSlide *slide;

  g_return_val_if_fail (WM_IS_PRESENTATION (self), -1);

  slide = slide_at (self, self->index);
  return slide != NULL ? slide->stage_index : -1;
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WmPresentation *self = WM_PRESENTATION (widget);

  wm_presentation_go_to (self, self->index + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WmPresentation *self = WM_PRESENTATION (widget);

  wm_presentation_go_to (self, (int) self->index - 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  wm_presentation_go_to (WM_PRESENTATION (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  wm_presentation_go_to (WM_PRESENTATION (widget), G_MAXINT);
}

static void
blank_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WmPresentation *self = WM_PRESENTATION (widget);

  self->blank = !self->blank;
  describe_slide (self);
  gtk_widget_queue_draw (widget);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
wm_presentation_close_request (GtkWindow *window)
{
  WmPresentation *self = WM_PRESENTATION (window);

  g_signal_emit (self, signals[FINISHED], 0, wm_presentation_get_stage (self));
  return GTK_WINDOW_CLASS (wm_presentation_parent_class)->close_request (window);
}

/* --- Following the map ------------------------------------------------------ */

/* The map changed: new slides, on the same stage as before. */
static void
on_history_changed (WmPresentation *self)
{
  WmSlide *shown = slide_at (self, self->index);
  WmSlideKind kind = shown != NULL ? shown->kind : WM_SLIDE_TITLE;
  int stage = shown != NULL ? shown->stage_index : -1;
  guint part = shown != NULL ? shown->part : 0;

  g_ptr_array_unref (self->slides);
  self->slides = wm_slides_build_for_view (self->document, WM_THEME_DARK, self->filter);
  forget_drawn_slides (self);
  schedule_draw_ahead (self);
  self->previous_index = -1;
  self->index = 0;
  for (guint i = 0; i < self->slides->len; i++)
    {
      WmSlide *slide = g_ptr_array_index (self->slides, i);

      if (slide->kind == kind && slide->stage_index == stage && slide->part <= part)
        self->index = i;
      else if (kind == WM_SLIDE_STAGE && slide->kind == WM_SLIDE_STAGE && slide->stage_index < stage)
        self->index = i;
    }
  /* The overview, or the priorities once nothing is scored any more. */
  if (kind == WM_SLIDE_OVERVIEW || kind == WM_SLIDE_PRIORITIES)
    self->index = wm_slides_find_overview (self->slides);
  if (kind == WM_SLIDE_PRIORITIES && ((WmSlide *) g_ptr_array_index (self->slides, self->slides->len - 1))->kind == kind)
    self->index = self->slides->len - 1;
  describe_slide (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- The pointer ---------------------------------------------------------------- */

static gboolean
hide_pointer (gpointer data)
{
  WmPresentation *self = data;

  self->pointer_timeout = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  return G_SOURCE_REMOVE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WmPresentation           *self)
{
  /* GTK reports a motion when the cursor changes; only a real move shows it. */
  if (fabs (x - self->last_x) < 1 && fabs (y - self->last_y) < 1)
    return;
  self->last_x = x;
  self->last_y = y;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  g_clear_handle_id (&self->pointer_timeout, g_source_remove);
  self->pointer_timeout = g_timeout_add (POINTER_IDLE_MS, hide_pointer, self);
}

static void
on_click (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          WmPresentation  *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == GDK_BUTTON_SECONDARY)
    wm_presentation_go_to (self, (int) self->index - 1);
  else
    wm_presentation_go_to (self, self->index + 1);
}

/* --- The window --------------------------------------------------------------- */

/* Every slide changes the whole window, and the fades do at every frame. */
static void
wm_presentation_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (wm_presentation_parent_class)->realize (widget);
  wm_frame_memory_keep_for (widget);
}

static void
wm_presentation_unrealize (GtkWidget *widget)
{
  wm_frame_memory_release (widget);
  GTK_WIDGET_CLASS (wm_presentation_parent_class)->unrealize (widget);
}

static void
wm_presentation_dispose (GObject *object)
{
  WmPresentation *self = WM_PRESENTATION (object);

  g_clear_handle_id (&self->pointer_timeout, g_source_remove);
  g_clear_object (&self->fade);
  g_clear_handle_id (&self->draw_ahead_source, g_source_remove);
  forget_drawn_slides (self);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_pointer (&self->filter, wm_view_filter_free);

  G_OBJECT_CLASS (wm_presentation_parent_class)->dispose (object);
}

/* The keys are caught before the window's own bindings, which would
 * take the arrow keys and Space to move and activate the focus. */
static void
add_keys (WmPresentation *self)
{
  static const struct
  {
    guint keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_Right, "presentation.next" },
    { GDK_KEY_KP_Right, "presentation.next" },
    { GDK_KEY_space, "presentation.next" },
    { GDK_KEY_Page_Down, "presentation.next" },
    { GDK_KEY_KP_Page_Down, "presentation.next" },
    { GDK_KEY_Down, "presentation.next" },
    { GDK_KEY_KP_Down, "presentation.next" },
    { GDK_KEY_Return, "presentation.next" },
    { GDK_KEY_KP_Enter, "presentation.next" },
    { GDK_KEY_Left, "presentation.previous" },
    { GDK_KEY_KP_Left, "presentation.previous" },
    { GDK_KEY_Page_Up, "presentation.previous" },
    { GDK_KEY_KP_Page_Up, "presentation.previous" },
    { GDK_KEY_Up, "presentation.previous" },
    { GDK_KEY_KP_Up, "presentation.previous" },
    { GDK_KEY_BackSpace, "presentation.previous" },
    { GDK_KEY_Home, "presentation.first" },
    { GDK_KEY_KP_Home, "presentation.first" },
    { GDK_KEY_End, "presentation.last" },
    { GDK_KEY_KP_End, "presentation.last" },
    { GDK_KEY_b, "presentation.blank" },
    { GDK_KEY_B, "presentation.blank" },
    { GDK_KEY_period, "presentation.blank" },
    { GDK_KEY_Escape, "presentation.leave" },
    { GDK_KEY_F5, "presentation.leave" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
wm_presentation_class_init (WmPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wm_presentation_dispose;
  widget_class->realize = wm_presentation_realize;
  widget_class->unrealize = wm_presentation_unrealize;
  widget_class->snapshot = wm_presentation_snapshot;
  window_class->close_request = wm_presentation_close_request;

  /**
   * WmPresentation::finished:
   * @stage: the stage on screen when it ended, or -1
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.blank", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
}

static void
wm_presentation_init (WmPresentation *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->previous_index = -1;
  self->overview_stage = -1;
  self->fade_progress = 1;
  self->last_x = self->last_y = -1;
  self->fade = adw_timed_animation_new (GTK_WIDGET (self), 0, 1, FADE_MS,
                                        adw_callback_animation_target_new ((AdwAnimationTargetFunc) on_fade,
                                                                           self, NULL));
  g_signal_connect_swapped (self->fade, "done", G_CALLBACK (on_fade_done), self);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  add_keys (self);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
}

/**
 * wm_presentation_set_filter:
 * @filter: (nullable): a view's filter: its slides tell only the cards it
 *   keeps; %NULL for the whole map
 *
 * Presents a view of the map, from the title slide.
 */
void
wm_presentation_set_filter (WmPresentation     *self,
                            const WmViewFilter *filter)
{
  g_return_if_fail (WM_IS_PRESENTATION (self));

  g_clear_pointer (&self->filter, wm_view_filter_free);
  if (!wm_view_filter_is_empty (filter))
    self->filter = wm_view_filter_copy (filter);
  on_history_changed (self);
  wm_presentation_go_to (self, 0);
}

/**
 * wm_presentation_get_filter:
 *
 * Returns: (nullable): the view presented, or %NULL for the whole map
 */
const WmViewFilter *
wm_presentation_get_filter (WmPresentation *self)
{
  g_return_val_if_fail (WM_IS_PRESENTATION (self), NULL);

  return self->filter;
}

/**
 * wm_presentation_new:
 * @parent: (nullable): the map's window
 * @document: the map
 *
 * Returns: (transfer none): a new presentation on the title slide, not
 *   yet shown; gtk_window_fullscreen() it to present
 */
WmPresentation *
wm_presentation_new (GtkWindow  *parent,
                     WmDocument *document)
{
  WmPresentation *self = g_object_new (WM_TYPE_PRESENTATION, "transient-for", parent, NULL);
  g_autofree char *title = NULL;

  self->document = g_object_ref (document);
  self->slides = wm_slides_build (document);
  /* Full screen needs a window manager; without one, at least as large
   * as the map's window. */
  if (parent != NULL)
    gtk_window_set_default_size (GTK_WINDOW (self), MAX (gtk_widget_get_width (GTK_WIDGET (parent)), 640),
                                 MAX (gtk_widget_get_height (GTK_WIDGET (parent)), 360));
  g_signal_connect_object (wm_document_get_history (document), "changed", G_CALLBACK (on_history_changed), self,
                           G_CONNECT_SWAPPED);
  /* Translators: the presentation window's title; %s is the map's title */
  title = g_strdup_printf (_("Presenting “%s”"), wm_document_get_title (document));
  gtk_window_set_title (GTK_WINDOW (self), title);
  describe_slide (self);
  return self;
}
