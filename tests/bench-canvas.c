/* bench-canvas.c: how the editor's canvas keeps up with a 10,000-card map
 * under Xvfb. Run with `meson test --benchmark`; prints one "name value
 * unit" line per figure, with the 50th and 95th percentiles and the
 * longest for each kind of frame. Goals: open to first frame ≤ 500 ms,
 * frame time while scrolling ≤ 16 ms at the 95th percentile, a drop to
 * its frame ≤ 33 ms, one drag motion ≤ 2 ms, live card widgets ≤ 500;
 * presenting it, F5 to the first slide ≤ 600 ms and frames of the fade
 * into the overview ≤ 16 ms. The first figures, a window that changes
 * every pixel and draws nothing, are GTK's own cost of a full frame on
 * this display and renderer, first as GTK does it alone, then keeping
 * the frame's memory as Waymark's windows do (wm-frame-memory.c): no
 * frame that moves the whole view can be faster than the second.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "wm-canvas-private.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-frame-memory.h"
#include "wm-presentation.h"
#include "wm-test-map.h"
#include "wm-test-utils.h"

typedef struct
{
  GdkFrameClock *clock;
  gint64 paint_start;
  GArray *frame_ms;         /* of double */
  gboolean painted;
} Frames;

static void
on_before_paint (GdkFrameClock *clock,
                 Frames        *frames)
{
  frames->paint_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Frames        *frames)
{
  double ms = (g_get_monotonic_time () - frames->paint_start) / 1000.0;

  if (frames->frame_ms != NULL)
    g_array_append_val (frames->frame_ms, ms);
  frames->painted = TRUE;
}

static void
set_flag (gpointer flag)
{
  *(gboolean *) flag = TRUE;
}

static void
wait_for_paint (Frames *frames)
{
  frames->painted = FALSE;
  /* Only a change paints a frame; a scroll that moved nothing would
   * wait for ever. */
  gdk_frame_clock_request_phase (frames->clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!frames->painted)
    g_main_context_iteration (NULL, TRUE);
}

/* A widget whose every frame changes every pixel, and costs nothing to
 * snapshot: what GTK itself needs to put a full-window change on screen,
 * the floor beneath the scrolling figures. */
#define BENCH_TYPE_FLOOR (bench_floor_get_type ())
G_DECLARE_FINAL_TYPE (BenchFloor, bench_floor, BENCH, FLOOR, GtkWidget)

struct _BenchFloor
{
  GtkWidget parent_instance;
  guint frame;
  gboolean keeps_frame_memory;
};

G_DEFINE_FINAL_TYPE (BenchFloor, bench_floor, GTK_TYPE_WIDGET)

static void
bench_floor_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  BenchFloor *self = BENCH_FLOOR (widget);
  GdkRGBA color = { 0.5, (self->frame++ % 2) ? 0.4 : 0.6, 0.5, 1 };

  gtk_snapshot_append_color (snapshot, &color,
                             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                  gtk_widget_get_height (widget)));
}

static void
bench_floor_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bench_floor_parent_class)->realize (widget);
  if (BENCH_FLOOR (widget)->keeps_frame_memory)
    wm_frame_memory_keep_for (widget);
}

static void
bench_floor_unrealize (GtkWidget *widget)
{
  wm_frame_memory_release (widget);
  GTK_WIDGET_CLASS (bench_floor_parent_class)->unrealize (widget);
}

static void
bench_floor_class_init (BenchFloorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->realize = bench_floor_realize;
  widget_class->unrealize = bench_floor_unrealize;
  widget_class->snapshot = bench_floor_snapshot;
}

static void
bench_floor_init (BenchFloor *self)
{
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Scrolls diagonally across the whole map, one step per frame, and
 * prints the frame times; returns the most card widgets alive at once. */
static void
print_figures (const char *name,
               GArray     *frame_ms)
{
  g_array_sort (frame_ms, compare_doubles);
  g_print ("%s-frame-p50 %.1f ms\n", name, g_array_index (frame_ms, double, frame_ms->len / 2));
  g_print ("%s-frame-p95 %.1f ms\n", name, g_array_index (frame_ms, double, frame_ms->len * 95 / 100));
  g_print ("%s-frame-max %.1f ms\n", name, g_array_index (frame_ms, double, frame_ms->len - 1));
}

/* A window that repaints all of itself on each of 100 frames; with
 * @keeps_frame_memory, keeping its frame's memory as the canvas does. */
static void
bench_floor (const char *name,
             gboolean    keeps_frame_memory)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  BenchFloor *floor = g_object_new (BENCH_TYPE_FLOOR, NULL);
  Frames frames = { 0 };

  gtk_window_set_default_size (window, 1280, 720);
  floor->keeps_frame_memory = keeps_frame_memory;
  gtk_window_set_child (window, GTK_WIDGET (floor));
  gtk_window_present (window);
  wm_test_wait_for_frames (10);
  frames.clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (frames.clock, "before-paint", G_CALLBACK (on_before_paint), &frames);
  g_signal_connect (frames.clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  frames.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < 100; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (floor));
      wait_for_paint (&frames);
    }
  print_figures (name, frames.frame_ms);
  g_signal_handlers_disconnect_by_data (frames.clock, &frames);
  g_array_unref (frames.frame_ms);
  gtk_window_destroy (window);
}

static guint
scroll_across (WmCanvas   *canvas,
               Frames     *frames,
               const char *name)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));
  guint most_widgets = 0;

  gint64 start;

  wait_for_paint (frames);
  frames->frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  start = g_get_monotonic_time ();
  for (guint step = 0; step <= 300; step++)
    {
      gtk_adjustment_set_value (h, (gtk_adjustment_get_upper (h) - gtk_adjustment_get_page_size (h)) * step / 300);
      gtk_adjustment_set_value (v, (gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v)) * step / 300);
      wait_for_paint (frames);
      most_widgets = MAX (most_widgets, wm_canvas_get_n_card_widgets (canvas));
    }
  /* Frames shown a second, from the first step to the last: what the
   * frame times add up to, with the frame clock's own pacing. */
  g_print ("%s-frames-per-second %.0f\n", name, 301 / ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC));
  print_figures (name, frames->frame_ms);
  g_clear_pointer (&frames->frame_ms, g_array_unref);
  return most_widgets;
}

/* Presenting: F5 builds the slides and shows the first; the last slide,
 * the overview, draws the whole map, and fades in over the one before. */
static void
bench_presenting (GtkWindow  *parent,
                  WmDocument *document)
{
  Frames frames = { 0 };
  WmPresentation *presentation;
  GdkFrameClock *clock;
  gint64 start = g_get_monotonic_time ();

  presentation = wm_presentation_new (parent, document);
  gtk_window_set_default_size (GTK_WINDOW (presentation), 1280, 720);
  gtk_window_present (GTK_WINDOW (presentation));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (presentation));
  frames.clock = clock;
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);
  wait_for_paint (&frames);
  g_print ("present-to-first-frame %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  wm_presentation_go_to (presentation, wm_presentation_get_n_slides (presentation) - 2);
  wm_test_wait_for_frames (20);
  frames.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  wm_presentation_go_to (presentation, wm_presentation_get_n_slides (presentation) - 1);
  /* The fade lasts a quarter of a second: some fifteen frames. */
  {
    gboolean over = FALSE;

    g_timeout_add_once (400, set_flag, &over);
    while (!over)
      g_main_context_iteration (NULL, TRUE);
  }
  g_print ("overview-fade-frames %u\n", frames.frame_ms->len);
  print_figures ("overview-fade", frames.frame_ms);

  g_signal_handlers_disconnect_by_data (clock, &frames);
  g_array_unref (frames.frame_ms);
  gtk_window_destroy (GTK_WINDOW (presentation));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WmDocument) generated = wm_test_generate_map (40, 10, 25, 3);
  g_autofree char *directory = g_dir_make_tmp ("bench-canvas-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "big.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GArray) motion_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  Frames frames = { 0 };
  GtkWindow *window;
  GtkWidget *scrolled;
  WmCanvas *canvas;
  GdkFrameClock *clock;
  gint64 start;
  guint most_widgets;

  gtk_init ();
  adw_init ();
  /* As the application does when it starts. */
  wm_frame_memory_init ();
  if (!wm_document_save (generated, file, NULL, &error))
    g_error ("%s", error->message);

  bench_floor ("gtk-full-window", FALSE);
  bench_floor ("gtk-full-window-kept-memory", TRUE);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 720);
  scrolled = gtk_scrolled_window_new ();
  canvas = WM_CANVAS (wm_canvas_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (canvas));
  gtk_window_set_child (window, scrolled);
  gtk_window_present (window);
  wm_test_wait_for_frames (10);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  frames.clock = clock;
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &frames);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &frames);

  /* Open: read the file, lay it out, paint the first frame. */
  start = g_get_monotonic_time ();
  document = wm_document_load (file, NULL, &error);
  g_assert_no_error (error);
  frames.painted = FALSE;
  wm_canvas_set_document (canvas, document);
  while (!frames.painted)
    g_main_context_iteration (NULL, TRUE);
  g_print ("open-to-first-frame %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  most_widgets = scroll_across (canvas, &frames, "scroll");
  g_print ("live-card-widgets-max %u widgets\n", most_widgets);
  /* Zoomed out, each frame shows sixteen times as many cards. */
  wm_canvas_set_zoom (canvas, 0.25);
  most_widgets = scroll_across (canvas, &frames, "scroll-at-25%");
  g_print ("live-card-widgets-max-at-25%% %u widgets\n", most_widgets);
  wm_canvas_set_zoom (canvas, 1.0);

  /* Zoom steps in and out around the middle, as Ctrl+plus and
   * Ctrl+minus do: each repaints the tiles in view at the new scale. */
  {
    static const double steps[] = { 1.25, 1.5, 2.0, 1.5, 1.25, 1.0, 0.8, 0.67, 0.5, 0.67, 0.8, 1.0 };

    wait_for_paint (&frames);
    frames.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
    for (guint round = 0; round < 3; round++)
      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          wm_canvas_set_zoom (canvas, steps[i]);
          wait_for_paint (&frames);
        }
    print_figures ("zoom-step", frames.frame_ms);
    g_clear_pointer (&frames.frame_ms, g_array_unref);
  }

  /* Page Down and Page Right: a whole screen of map not seen before. */
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
    GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));

    gtk_adjustment_set_value (h, 0);
    gtk_adjustment_set_value (v, 0);
    wait_for_paint (&frames);
    frames.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
    for (guint i = 0; i < 30; i++)
      {
        GtkAdjustment *adjustment = i % 2 ? h : v;

        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
        wait_for_paint (&frames);
      }
    print_figures ("pan-one-screen", frames.frame_ms);
    g_clear_pointer (&frames.frame_ms, g_array_unref);
  }

  /* A drag motion: find the drop spot under the pointer and show it, as
   * the drop target's motion handler does, over points across the view. */
  for (guint i = 0; i < 2000; i++)
    {
      double x = g_random_double_range (0, gtk_widget_get_width (GTK_WIDGET (canvas)));
      double y = g_random_double_range (0, gtk_widget_get_height (GTK_WIDGET (canvas)));
      double map_x, map_y, us;
      gint64 t = g_get_monotonic_time ();

      wm_canvas_widget_to_map (canvas, x, y, &map_x, &map_y);
      canvas->drop_active = wm_layout_drop_spot (wm_canvas_get_layout (canvas), map_x, map_y, NULL, &canvas->drop_spot);
      gtk_widget_queue_draw (GTK_WIDGET (canvas));
      us = (double) (g_get_monotonic_time () - t);
      g_array_append_val (motion_us, us);
    }
  canvas->drop_active = FALSE;
  g_array_sort (motion_us, compare_doubles);
  g_print ("drag-motion-median %.0f µs\n", g_array_index (motion_us, double, motion_us->len / 2));
  g_print ("drag-motion-p95 %.0f µs\n", g_array_index (motion_us, double, motion_us->len * 95 / 100));

  /* Drops: a card moved to the next stage and back, in view, each one
   * step that lays the map out again, from the release to the frame
   * that shows it. */
  {
    g_autoptr(GPtrArray) cards = g_ptr_array_new ();
    g_autoptr(WmCard) card = g_list_model_get_item (wm_document_get_cards (document), 0);
    g_autoptr(GArray) drop_ms = g_array_new (FALSE, FALSE, sizeof (double));

    gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas)), 0);
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas)), 0);
    wait_for_paint (&frames);
    g_ptr_array_add (cards, card);
    for (guint i = 0; i < 20; i++)
      {
        double ms;

        start = g_get_monotonic_time ();
        wm_canvas_move_cards (canvas, cards, i % 2 ? 0 : 1, 0, 0);
        frames.painted = FALSE;
        while (!frames.painted)
          g_main_context_iteration (NULL, TRUE);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (drop_ms, ms);
      }
    print_figures ("drop-to", drop_ms);
  }

  g_signal_handlers_disconnect_by_data (clock, &frames);
  bench_presenting (window, document);
  gtk_window_destroy (window);
  g_unlink (path);
  g_rmdir (directory);
  return 0;
}
