/* fuzz-image.c: libFuzzer target for the picture probe. Whatever the
 * bytes, the probe must answer in linear time without reading past them;
 * a picture it accepts must be within the pixel limit, and the decoder
 * of the type it found must see the same size, so that the limit holds
 * for what is really decoded.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "wm-image-probe.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
on_size_prepared (GdkPixbufLoader   *loader,
                  int                width,
                  int                height,
                  const WmImageInfo *info)
{
  g_assert_cmpuint ((guint32) width, ==, info->width);
  g_assert_cmpuint ((guint32) height, ==, info->height);
  /* The decoded size does not matter here; keep each run quick. */
  gdk_pixbuf_loader_set_size (loader, 1, 1);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* A copy of exactly @size bytes, so that AddressSanitizer sees any
   * read past the end. */
  g_autofree guint8 *copy = g_memdup2 (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  WmImageInfo info;

  if (!wm_image_probe (copy, size, NULL, &info, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_cmpuint ((guint64) info.width * info.height, <=, WM_IMAGE_MAX_PIXELS);
  g_assert_true (wm_image_probe (copy, size, wm_image_type_to_media_type (info.type), &info, NULL));

  loader = gdk_pixbuf_loader_new_with_type (info.type == WM_IMAGE_TYPE_PNG ? "png" : "jpeg", NULL);
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &info);
  /* Closed whether or not the write failed, as a loader must be. */
  gdk_pixbuf_loader_write (loader, copy, size, NULL);
  gdk_pixbuf_loader_close (loader, NULL);
  return 0;
}
