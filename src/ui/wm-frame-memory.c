/* wm-frame-memory.c: keep the memory a frame is painted in for the next.
 *
 * With GTK 4.8's cairo renderer on X11, each frame of a window is painted
 * into a new image as large as the part of the window that changed, and
 * that image reaches the X server through a new segment of shared memory.
 * Both go back to the kernel when the frame is done. When the map scrolls
 * the whole window changes, so every frame maps two window-sized buffers
 * afresh and faults them in page by page, in our process and in the X
 * server's. On the 2-core test machine that was 25–50 ms of every frame
 * of a 1280 × 720 window: more than a whole 60 Hz frame before anything
 * is drawn, whatever the canvas caches.
 *
 * Two things keep that memory from one frame to the next:
 *
 * - glibc is told to serve blocks as large as a frame from its heap, and
 *   to keep freed ones there, instead of mapping each anew and unmapping
 *   it on free (wm_frame_memory_init());
 * - cairo 1.16 destroys a pool of shared memory as soon as the last image
 *   in it is freed, so a widget that scrolls keeps one image of its
 *   window's size in the pool while it is realized
 *   (wm_frame_memory_keep_for()). Each frame's copy then finds room in a
 *   pool both processes have already mapped.
 *
 * Neither matters to the GL renderer, whose frames stay on the GPU; the
 * second is only done with the cairo renderer, on X11.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-frame-memory"

#include "config.h"

#include "wm-frame-memory.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#if defined(GDK_WINDOWING_X11) && HAVE_CAIRO_XLIB
#include <gdk/x11/gdkx.h>
#include <cairo-xlib.h>
#define KEEP_SHARED_MEMORY 1
#else
#define KEEP_SHARED_MEMORY 0
#endif

/* A frame of a full-screen window on a 4K screen, at 4 bytes a pixel,
 * and the most glibc lets a block be served from its heap. */
#define LARGEST_FRAME_BYTES (32 * 1024 * 1024)

#define FRAME_MEMORY_KEY "wm-frame-memory"

#define SMALLEST_SHARED_SIDE 128
/* The kept image grows in steps of this many pixels each way, so that
 * dragging a window's edge does not make a new one at every motion. */
#define KEPT_SIZE_STEP 256

/**
 * wm_frame_memory_init:
 *
 * Keeps blocks of memory as large as a window's frame in the process's
 * heap once freed, so the next frame reuses pages already mapped. Up to
 * two such blocks stay with the process after they are freed: the price
 * of frames that do not fault in every page of the window.
 */
void
wm_frame_memory_init (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, LARGEST_FRAME_BYTES);
  mallopt (M_TRIM_THRESHOLD, 2 * LARGEST_FRAME_BYTES);
#endif
}

#if KEEP_SHARED_MEMORY

typedef struct
{
  GdkSurface *surface;
  gulong layout_handler;
  cairo_surface_t *kept;        /* an image in cairo's shared memory */
  gboolean unavailable;         /* the X server shares no memory */
} FrameMemory;

static void
frame_memory_free (FrameMemory *self)
{
  g_clear_signal_handler (&self->layout_handler, self->surface);
  g_clear_object (&self->surface);
  g_clear_pointer (&self->kept, cairo_surface_destroy);
  g_free (self);
}

/* An image in the pool cairo copies frames through: cairo makes the pool
 * eight times the size of the first image in it, so frames up to that
 * size fit beside it. */
static cairo_surface_t *
new_shared_image (GdkDisplay *display,
                  int         width,
                  int         height)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  int screen = DefaultScreen (xdisplay);
  cairo_surface_t *root = cairo_xlib_surface_create (xdisplay, RootWindow (xdisplay, screen),
                                                     DefaultVisual (xdisplay, screen), 1, 1);
  cairo_surface_t *image = cairo_surface_create_similar_image (root, CAIRO_FORMAT_ARGB32, width, height);

  cairo_surface_destroy (root);
  return image;
}

static void
keep_frame_size (FrameMemory *self,
                 int          width,
                 int          height)
{
  GdkDisplay *display = gdk_surface_get_display (self->surface);
  int scale = gdk_surface_get_scale_factor (self->surface);
  cairo_surface_t *image;
  gboolean failed;

  width *= scale;
  height *= scale;
  /* Cairo copies small images without shared memory; a window not yet
   * laid out is 0 × 0. */
  if (self->unavailable || width < SMALLEST_SHARED_SIDE || height < SMALLEST_SHARED_SIDE)
    return;
  if (self->kept != NULL && cairo_image_surface_get_width (self->kept) >= width
      && cairo_image_surface_get_height (self->kept) >= height)
    return;

  if (self->kept != NULL)
    {
      width = MAX (width, cairo_image_surface_get_width (self->kept));
      height = MAX (height, cairo_image_surface_get_height (self->kept));
    }
  width = (width + KEPT_SIZE_STEP - 1) / KEPT_SIZE_STEP * KEPT_SIZE_STEP;
  height = (height + KEPT_SIZE_STEP - 1) / KEPT_SIZE_STEP * KEPT_SIZE_STEP;
  /* Freed first, so that its pool can go and a larger one take its
   * place. */
  g_clear_pointer (&self->kept, cairo_surface_destroy);
  /* An X server may refuse what cairo asks of it for the pool. Its
   * error would come later, as a warning on the terminal; trapped, it
   * turns keeping off for this window. */
  gdk_x11_display_error_trap_push (display);
  image = new_shared_image (display, width, height);
  failed = gdk_x11_display_error_trap_pop (display) != 0;
  /* Without shared memory cairo gives a plain image, of no use here. */
  if (failed || cairo_surface_status (image) != CAIRO_STATUS_SUCCESS || cairo_surface_get_device (image) == NULL)
    {
      cairo_surface_destroy (image);
      self->unavailable = TRUE;
      return;
    }
  self->kept = image;
}

static void
on_surface_layout (GdkSurface  *surface,
                   int          width,
                   int          height,
                   FrameMemory *self)
{
  keep_frame_size (self, width, height);
}

static gboolean
paints_with_cairo_on_x11 (GtkNative *native)
{
  GskRenderer *renderer = gtk_native_get_renderer (native);

  return renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer)
         && GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (native)));
}

#endif

/**
 * wm_frame_memory_keep_for:
 * @widget: a realized widget whose frames often change its whole window,
 *   such as a view that scrolls
 *
 * Keeps what its window's frames are copied to the screen through, until
 * @widget is unrealized; does nothing where frames do not need it.
 */
void
wm_frame_memory_keep_for (GtkWidget *widget)
{
#if KEEP_SHARED_MEMORY
  GtkNative *native = gtk_widget_get_native (widget);
  FrameMemory *self;

  if (native == NULL || !paints_with_cairo_on_x11 (native))
    return;

  self = g_new0 (FrameMemory, 1);
  self->surface = g_object_ref (gtk_native_get_surface (native));
  self->layout_handler = g_signal_connect (self->surface, "layout", G_CALLBACK (on_surface_layout), self);
  keep_frame_size (self, gdk_surface_get_width (self->surface), gdk_surface_get_height (self->surface));
  g_object_set_data_full (G_OBJECT (widget), FRAME_MEMORY_KEY, self, (GDestroyNotify) frame_memory_free);
#endif
}

/**
 * wm_frame_memory_release:
 * @widget: a widget given to wm_frame_memory_keep_for(), being unrealized
 */
void
wm_frame_memory_release (GtkWidget *widget)
{
  g_object_set_data (G_OBJECT (widget), FRAME_MEMORY_KEY, NULL);
}
