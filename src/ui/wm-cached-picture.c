/* wm-cached-picture.c: pixels painted once and shown in many frames.
 *
 * GTK 4.8 records what is drawn on a cairo node and replays it every
 * time the node is rendered, so a widget that paints a card's words with
 * cairo pays for all of it again at each frame it moves in, though
 * nothing in it changed. A cached picture is painted once into an image
 * and then shown as a picture: on the cairo renderer, by a cairo node
 * that paints the same image surface each time, which cairo keeps
 * uploaded to the X server; on GPU renderers as a texture, which stays
 * on the GPU.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-cached-picture"

#include "config.h"

#include "wm-cached-picture.h"

struct _WmCachedPicture
{
  graphene_rect_t bounds;   /* in the coordinates it is appended in */
  int scale;
  cairo_surface_t *image;
  GdkTexture *texture;      /* made when a GPU renderer first needs it */
};

/**
 * wm_cached_picture_new:
 * @bounds: where the picture goes, in whole pixels
 * @scale: device pixels per pixel: the widget's scale factor, so that
 *   the picture is as sharp as the screen
 *
 * Returns: (transfer full): a transparent picture; paint it with
 *   wm_cached_picture_draw()
 */
WmCachedPicture *
wm_cached_picture_new (const graphene_rect_t *bounds,
                       int                    scale)
{
  WmCachedPicture *self = g_new0 (WmCachedPicture, 1);

  scale = MAX (scale, 1);
  self->bounds = *bounds;
  self->scale = scale;
  self->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            MAX (1, (int) ceilf (bounds->size.width * scale)),
                                            MAX (1, (int) ceilf (bounds->size.height * scale)));
  /* Drawn and shown in the coordinates of its bounds, as a cairo node's
   * surface is. */
  cairo_surface_set_device_scale (self->image, scale, scale);
  cairo_surface_set_device_offset (self->image, -bounds->origin.x * scale, -bounds->origin.y * scale);
  return self;
}

void
wm_cached_picture_free (WmCachedPicture *self)
{
  if (self == NULL)
    return;
  cairo_surface_destroy (self->image);
  g_clear_object (&self->texture);
  g_free (self);
}

/**
 * wm_cached_picture_draw:
 *
 * Returns: (transfer full): a context to paint the picture with, in the
 *   coordinates of its bounds; destroy it before showing the picture
 */
cairo_t *
wm_cached_picture_draw (WmCachedPicture *self)
{
  g_clear_object (&self->texture);
  return cairo_create (self->image);
}

/* Whether the picture was made for @bounds at @scale. */
gboolean
wm_cached_picture_fits (WmCachedPicture       *self,
                        const graphene_rect_t *bounds,
                        int                    scale)
{
  return self != NULL && graphene_rect_equal (&self->bounds, bounds) && self->scale == MAX (scale, 1);
}

static GdkTexture *
get_texture (WmCachedPicture *self)
{
  if (self->texture == NULL)
    {
      int stride = cairo_image_surface_get_stride (self->image);
      int height = cairo_image_surface_get_height (self->image);
      g_autoptr(GBytes) bytes = NULL;

      cairo_surface_flush (self->image);
      bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (self->image), (gsize) stride * height,
                                          (GDestroyNotify) cairo_surface_destroy,
                                          cairo_surface_reference (self->image));
      /* Cairo's ARGB32 in the machine's byte order is GDK's default. */
      self->texture = gdk_memory_texture_new (cairo_image_surface_get_width (self->image), height,
                                              GDK_MEMORY_DEFAULT, bytes, stride);
    }
  return self->texture;
}

static gboolean
uses_cairo_renderer (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer);
}

/**
 * wm_cached_picture_append:
 * @widget: the widget whose snapshot this is, for its renderer
 *
 * Shows the picture at its bounds.
 */
void
wm_cached_picture_append (WmCachedPicture *self,
                          GtkSnapshot     *snapshot,
                          GtkWidget       *widget)
{
  if (uses_cairo_renderer (widget))
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &self->bounds);

      cairo_set_source_surface (cr, self->image, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  else
    gtk_snapshot_append_texture (snapshot, get_texture (self), &self->bounds);
}
