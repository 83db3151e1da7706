/* wm-photo-import.c: turns an image file into a persona photo a map can
 * carry: the middle square of the picture, turned upright, scaled down to
 * WM_PHOTO_IMPORT_SIDE pixels, as JPEG (or PNG when it has transparency).
 *
 * Files too large to be a sensible photo, and images with too many
 * pixels (a small file can decode to gigabytes), are refused before they
 * are decoded, with a message saying why.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>

#include "wm-document-reader.h"
#include "wm-photo-import.h"

typedef struct
{
  gboolean too_many_pixels;
} LoadCheck;

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  LoadCheck       *check)
{
  if ((gint64) width * height > WM_PHOTO_IMPORT_MAX_PIXELS)
    {
      check->too_many_pixels = TRUE;
      /* Decoding a single pixel costs nothing; the result is thrown away. */
      gdk_pixbuf_loader_set_size (loader, 1, 1);
    }
}

static GdkPixbuf *
square (GdkPixbuf *image)
{
  int width = gdk_pixbuf_get_width (image);
  int height = gdk_pixbuf_get_height (image);
  int side = MIN (width, height);
  int target = MIN (side, WM_PHOTO_IMPORT_SIDE);
  g_autoptr(GdkPixbuf) middle = gdk_pixbuf_new_subpixbuf (image, (width - side) / 2, (height - side) / 2, side, side);

  return gdk_pixbuf_scale_simple (middle, target, target, GDK_INTERP_HYPER);
}

/**
 * wm_photo_import:
 * @file: an image file
 * @media_type: (out): "image/jpeg" or "image/png"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the encoded photo
 */
GBytes *
wm_photo_import (GFile   *file,
                 char   **media_type,
                 GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GdkPixbuf) photo = NULL;
  g_autoptr(GError) local_error = NULL;
  LoadCheck check = { FALSE };
  gboolean written, closed;
  gboolean alpha;
  char *buffer = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (media_type != NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > WM_PHOTO_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   /* Translators: the first %s is a file name, the second its size, such as "40 MB" */
                   _("“%s” is too large (%s); choose an image under %d MB"), name, size,
                   WM_PHOTO_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  contents = g_file_load_bytes (file, NULL, NULL, error);
  if (contents == NULL)
    return NULL;
  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &check);
  /* A loader must be closed, even after a failed write. */
  written = gdk_pixbuf_loader_write_bytes (loader, contents, &local_error);
  closed = gdk_pixbuf_loader_close (loader, written ? &local_error : NULL);
  if (!written || !closed || gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name */
                   _("“%s” is not an image Waymark can read; use a PNG or JPEG photo"), name);
      return NULL;
    }
  if (check.too_many_pixels)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   /* Translators: %s is a file name */
                   _("“%s” has too many pixels; choose an image under %d megapixels"), name,
                   WM_PHOTO_IMPORT_MAX_PIXELS / (1000 * 1000));
      return NULL;
    }

  upright = gdk_pixbuf_apply_embedded_orientation (gdk_pixbuf_loader_get_pixbuf (loader));
  photo = square (upright);
  alpha = gdk_pixbuf_get_has_alpha (photo);
  if (!(alpha ? gdk_pixbuf_save_to_buffer (photo, &buffer, &length, "png", error, NULL)
              : gdk_pixbuf_save_to_buffer (photo, &buffer, &length, "jpeg", error, "quality", "88", NULL)))
    return NULL;
  /* A 512-pixel square never comes near the format's limit; say so if it
   * ever does rather than write a map that cannot be opened. */
  if (length > WM_PHOTO_MAX_SIZE)
    {
      g_free (buffer);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("“%s” is too large even scaled down"), name);
      return NULL;
    }
  *media_type = g_strdup (alpha ? "image/png" : "image/jpeg");
  return g_bytes_new_take (buffer, length);
}
