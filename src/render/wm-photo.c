/* wm-photo.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-photo"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "wm-image-probe.h"
#include "wm-photo.h"

/* GdkPixbuf stores straight RGBA bytes; cairo wants premultiplied
 * native-endian ARGB words. */
static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  const guint8 *src = gdk_pixbuf_read_pixels (pixbuf);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  int dst_stride = cairo_image_surface_get_stride (surface);
  guint8 *dst;

  cairo_surface_flush (surface);
  dst = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *s = src + y * src_stride;
      guint32 *d = (guint32 *) (dst + y * dst_stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = channels == 4 ? s[3] : 255;
          guint r = (s[0] * a + 127) / 255;
          guint g = (s[1] * a + 127) / 255;
          guint b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

typedef struct
{
  const WmImageInfo *probed;
  int                min_side;
  gboolean           mismatch;
} Prepare;

/* Asks the decoder for the smallest size whose shorter side still covers
 * min_side: the JPEG decoder then decodes at a fraction of the size, and
 * every decoder hands back no more than is needed. */
static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  Prepare         *prepare)
{
  int side = MIN (width, height);
  int target = prepare->min_side;

  /* The probe and the decoder read the same header, so this cannot
   * happen; if it ever does, decode one pixel and refuse the picture. */
  if ((guint32) width != prepare->probed->width || (guint32) height != prepare->probed->height)
    {
      prepare->mismatch = TRUE;
      gdk_pixbuf_loader_set_size (loader, 1, 1);
      return;
    }
  /* The shorter side becomes exactly the target; the longer one is
   * rounded up, so that cropping it to a square loses nothing. */
  if (target > 0 && side > target)
    gdk_pixbuf_loader_set_size (loader,
                                width == side ? target : (int) (((gint64) width * target + side - 1) / side),
                                height == side ? target : (int) (((gint64) height * target + side - 1) / side));
}

/**
 * wm_photo_load:
 * @bytes: a picture file
 * @media_type: (nullable): its declared media type, or %NULL
 * @min_side: (optional): scale the picture down, while decoding, until
 *   its shorter side is this long; 0 to keep its size
 * @error: return location for a #GError whose message can be shown
 *
 * Decodes a PNG or JPEG picture after wm_image_probe() has accepted it,
 * with the decoder of exactly the type it found, never one chosen by
 * content.
 *
 * Returns: (transfer full) (nullable): the picture
 */
GdkPixbuf *
wm_photo_load (GBytes      *bytes,
               const char  *media_type,
               int          min_side,
               GError     **error)
{
  WmImageInfo info;
  Prepare prepare = { &info, min_side, FALSE };
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean written, closed;
  GdkPixbuf *pixbuf;

  if (!wm_image_probe_bytes (bytes, media_type, &info, error))
    return NULL;
  loader = gdk_pixbuf_loader_new_with_type (info.type == WM_IMAGE_TYPE_PNG ? "png" : "jpeg", &local_error);
  if (loader == NULL)
    {
      g_set_error (error, WM_IMAGE_ERROR, WM_IMAGE_ERROR_NOT_SUPPORTED, "%s", local_error->message);
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &prepare);
  /* A loader must be closed, even after a failed write. */
  written = gdk_pixbuf_loader_write_bytes (loader, bytes, &local_error);
  closed = gdk_pixbuf_loader_close (loader, written ? &local_error : NULL);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (!written || !closed || pixbuf == NULL || prepare.mismatch)
    {
      g_set_error_literal (error, WM_IMAGE_ERROR, WM_IMAGE_ERROR_DAMAGED, _("the picture is damaged"));
      return NULL;
    }
  return g_object_ref (pixbuf);
}

/**
 * wm_photo_decode:
 * @bytes: a PNG or JPEG image
 * @size: the side of the square to produce, in pixels
 *
 * Crops the middle square of the image and scales it to @size. Anything
 * but a PNG or JPEG of at most %WM_IMAGE_MAX_PIXELS is refused unread,
 * and the persona then shows its initials.
 *
 * Returns: (transfer full) (nullable): the photo, or %NULL when the
 *   bytes are not an image we can read
 */
cairo_surface_t *
wm_photo_decode (GBytes *bytes,
                 int     size)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) square = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  int width, height, side;

  if (bytes == NULL || size <= 0)
    return NULL;
  pixbuf = wm_photo_load (bytes, NULL, size, NULL);
  if (pixbuf == NULL)
    return NULL;
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  side = MIN (width, height);
  square = gdk_pixbuf_new_subpixbuf (pixbuf, (width - side) / 2, (height - side) / 2, side, side);
  scaled = gdk_pixbuf_scale_simple (square, size, size, GDK_INTERP_BILINEAR);
  if (scaled == NULL)
    return NULL;

  return surface_from_pixbuf (scaled);
}

/**
 * wm_photo_decode_whole:
 * @bytes: a PNG or JPEG image, such as a card's picture
 * @min_side: scale it down, while decoding, until its shorter side is
 *   this long
 *
 * Decodes a picture as it is, uncropped, for painting at any shape.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL when the
 *   bytes are not an image we can read
 */
cairo_surface_t *
wm_photo_decode_whole (GBytes *bytes,
                       int     min_side)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (bytes == NULL)
    return NULL;
  pixbuf = wm_photo_load (bytes, NULL, min_side, NULL);
  if (pixbuf == NULL)
    return NULL;
  return surface_from_pixbuf (pixbuf);
}
