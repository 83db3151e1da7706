/* test-frame-memory.c: a scrolling map keeps the shared memory its frames
 * reach the X server through, from realize to unrealize.
 *
 * With the cairo renderer on X11, cairo 1.16 maps a new segment of shared
 * memory for each frame and unmaps it after, unless an image of ours
 * keeps its pool alive (wm-frame-memory.c); faulting the new pages in cost
 * most of every scrolling frame. The segments a process has attached are
 * in /proc/self/maps, named SYSV with their id as the inode.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "wm-canvas.h"
#include "wm-test-map.h"
#include "wm-test-utils.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* The id and size of each shared memory segment attached, largest first. */
typedef struct
{
  guint64 id;
  guint64 bytes;
} Segment;

static int
compare_sizes (gconstpointer a,
               gconstpointer b)
{
  const Segment *x = a, *y = b;

  return (x->bytes < y->bytes) - (x->bytes > y->bytes);
}

static GArray *
attached_segments (void)
{
  g_autofree char *maps = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *segments = g_array_new (FALSE, FALSE, sizeof (Segment));

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  lines = g_strsplit (maps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint64 start, end, offset, inode;
      char permissions[8], device[16], name[64];

      if (sscanf (lines[i], "%" G_GINT64_MODIFIER "x-%" G_GINT64_MODIFIER "x %7s %" G_GINT64_MODIFIER "x %15s %"
                  G_GINT64_MODIFIER "u %63s", &start, &end, permissions, &offset, device, &inode, name) == 7
          && g_str_has_prefix (name, "/SYSV"))
        g_array_append_val (segments, ((Segment) { inode, end - start }));
    }
  g_array_sort (segments, compare_sizes);
  return segments;
}

static GtkWidget *
new_scrolling_window (GtkWindow **window_out,
                      int         width,
                      int         height)
{
  g_autoptr(WmDocument) document = wm_test_generate_map (20, 6, 8, 2);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *canvas = wm_canvas_new ();

  wm_canvas_set_document (WM_CANVAS (canvas), document);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), canvas);
  gtk_window_set_child (window, scrolled);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  wm_test_wait_for_frames (10);
  *window_out = window;
  return canvas;
}

static gboolean
uses_cairo_on_x11 (GtkWindow *window)
{
#if defined(GDK_WINDOWING_X11) && HAVE_CAIRO_XLIB
  return GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (window)))
         && GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window)));
#else
  return FALSE;
#endif
}

/* The largest segment attached: cairo makes its pool eight times the
 * size of the first image in it, the kept one, which must be at least
 * as large as a whole frame of @window for frames to fit beside it. */
static Segment
frame_segment (GtkWindow *window)
{
  g_autoptr(GArray) segments = attached_segments ();
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int scale = gdk_surface_get_scale_factor (surface);
  guint64 frame_bytes = (guint64) gdk_surface_get_width (surface) * scale * gdk_surface_get_height (surface) * scale * 4;
  Segment largest;

  g_assert_cmpuint (segments->len, >, 0);
  largest = g_array_index (segments, Segment, 0);
  g_assert_cmpuint (largest.bytes, >=, 8 * frame_bytes);
  return largest;
}

static void
scroll_by (GtkWidget *canvas,
           double     dx,
           double     dy)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));

  gtk_adjustment_set_value (h, gtk_adjustment_get_value (h) + dx);
  gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + dy);
  wm_test_wait_for_frames (1);
}

static void
test_scrolling_keeps_segment (void)
{
  GtkWindow *window;
  GtkWidget *canvas = new_scrolling_window (&window, 900, 600);
  Segment kept;

  if (!uses_cairo_on_x11 (window))
    {
      gtk_window_destroy (window);
      g_test_skip ("frames reach the screen through shared memory only with the cairo renderer on X11, "
                   "and Waymark keeps it only when built with cairo-xlib");
      return;
    }

  kept = frame_segment (window);
  for (guint i = 0; i < 20; i++)
    {
      Segment now;

      scroll_by (canvas, 37, 23);
      now = frame_segment (window);
      g_assert_cmpuint (now.id, ==, kept.id);
    }

  /* A larger window needs a larger pool: one, made once. */
  gtk_window_set_default_size (window, 1400, 1000);
  wm_test_wait_for_frames (10);
  kept = frame_segment (window);
  for (guint i = 0; i < 5; i++)
    {
      scroll_by (canvas, -31, -17);
      g_assert_cmpuint (frame_segment (window).id, ==, kept.id);
    }

  /* Gone with the window: cairo frees a pool that nothing uses when it
   * next needs shared memory, here for another window's frames. */
  gtk_window_destroy (window);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, gtk_label_new ("Another window"));
  gtk_window_set_default_size (window, 400, 300);
  gtk_window_present (window);
  wm_test_wait_for_frames (5);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  wm_test_wait_for_frames (2);
  {
    g_autoptr(GArray) after = attached_segments ();

    for (guint i = 0; i < after->len; i++)
      g_assert_cmpuint (g_array_index (after, Segment, i).id, !=, kept.id);
  }
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/frame-memory/scrolling-keeps-segment", test_scrolling_keeps_segment);

  return g_test_run ();
}
