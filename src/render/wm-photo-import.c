/* wm-photo-import.c: turns an image file into a persona photo or a card
 * picture a map can carry: the middle of the picture in the stored shape
 * (a square for a photo, 4:3 for a card), turned upright, scaled down to
 * WM_PHOTO_IMPORT_SIDE or WM_PICTURE_IMPORT_WIDTH pixels, as JPEG (or PNG
 * when it has transparency).
 *
 * Only a regular file is read, and no more of it than a photo may be, so
 * a pipe or a device chosen by mistake neither blocks nor floods. The
 * picture must be a PNG or JPEG of at most WM_IMAGE_MAX_PIXELS, checked
 * on its bytes before it is decoded (a small file can decode to
 * gigabytes); anything else is refused with a message saying why.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-photo-import"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-document-reader.h"
#include "wm-file-input.h"
#include "wm-image-probe.h"
#include "wm-photo-import.h"
#include "wm-photo.h"

/* Reads the chosen file through the loader's reader for hostile files,
 * with messages that say what to choose instead. */
static GBytes *
read_photo_file (GFile       *file,
                 const char  *name,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length;

  if (wm_file_load_regular (file, WM_PHOTO_IMPORT_MAX_FILE_SIZE, NULL, &contents, &length, &local_error))
    return g_bytes_new_take (contents, length);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 /* Translators: %s is a file name */
                 _("“%s” is too large; choose an image under %d MB"), name,
                 WM_PHOTO_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 /* Translators: %s is a file name */
                 _("“%s” is not a regular file; choose a PNG or JPEG photo"), name);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* The middle of @image in the shape of @max_width × @max_height, scaled
 * down to that size if it is larger, never up. */
static GdkPixbuf *
crop (GdkPixbuf *image,
      int        max_width,
      int        max_height)
{
  int width = gdk_pixbuf_get_width (image);
  int height = gdk_pixbuf_get_height (image);
  int crop_width = width, crop_height = height;
  int target_width, target_height;
  g_autoptr(GdkPixbuf) middle = NULL;

  /* Compared as products, so no rounding decides which side is cut. */
  if ((gint64) width * max_height > (gint64) height * max_width)
    crop_width = MAX (1, (int) ((gint64) height * max_width / max_height));
  else
    crop_height = MAX (1, (int) ((gint64) width * max_height / max_width));
  target_width = MIN (crop_width, max_width);
  target_height = MAX (1, (int) ((gint64) crop_height * target_width / crop_width));
  middle = gdk_pixbuf_new_subpixbuf (image, (width - crop_width) / 2, (height - crop_height) / 2, crop_width, crop_height);
  return gdk_pixbuf_scale_simple (middle, target_width, target_height, GDK_INTERP_HYPER);
}

/* Checks, crops and encodes a picture of at most @max_width ×
 * @max_height from @contents, cut to that shape: a persona's photo and a
 * card's picture, chosen or pasted, go through the same checks. @name
 * says where it came from in messages. */
static GBytes *
import_bytes (GBytes      *contents,
              const char  *name,
              int          max_width,
              int          max_height,
              char       **media_type,
              GError     **error)
{
  g_autoptr(GdkPixbuf) image = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GdkPixbuf) photo = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean alpha;
  char *buffer = NULL;
  gsize length = 0;

  if (g_bytes_get_size (contents) > WM_PHOTO_IMPORT_MAX_FILE_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   /* Translators: %s is a file name, or "the pasted picture" */
                   _("“%s” is too large; choose an image under %d MB"), name,
                   WM_PHOTO_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Scaled down while decoding where the decoder can (JPEG), to no less
   * than the stored size. */
  image = wm_photo_load (contents, NULL, MAX (max_width, max_height), &local_error);
  if (image == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the first %s is a file name, the second why it cannot be used,
                    * such as "not a PNG or JPEG picture" */
                   _("Cannot use “%s”: %s"), name, local_error->message);
      return NULL;
    }

  upright = gdk_pixbuf_apply_embedded_orientation (image);
  photo = crop (upright, max_width, max_height);
  alpha = gdk_pixbuf_get_has_alpha (photo);
  if (!(alpha ? gdk_pixbuf_save_to_buffer (photo, &buffer, &length, "png", error, NULL)
              : gdk_pixbuf_save_to_buffer (photo, &buffer, &length, "jpeg", error, "quality", "88", NULL)))
    return NULL;
  /* A picture this small never comes near the format's limit; say so if it
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

/* Reads @file, then imports it as import_bytes() does. */
static GBytes *
import_picture (GFile   *file,
                int      max_width,
                int      max_height,
                char   **media_type,
                GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) contents = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (media_type != NULL, NULL);

  name = g_file_get_basename (file);
  contents = read_photo_file (file, name, error);
  if (contents == NULL)
    return NULL;
  return import_bytes (contents, name, max_width, max_height, media_type, error);
}

/**
 * wm_photo_import:
 * @file: an image file
 * @media_type: (out): "image/jpeg" or "image/png"
 * @error: return location for a #GError, whose message names the file
 *   and can be shown to the user
 *
 * Returns: (transfer full) (nullable): the encoded photo: the middle
 *   square of @file, at most %WM_PHOTO_IMPORT_SIDE pixels
 */
GBytes *
wm_photo_import (GFile   *file,
                 char   **media_type,
                 GError **error)
{
  return import_picture (file, WM_PHOTO_IMPORT_SIDE, WM_PHOTO_IMPORT_SIDE, media_type, error);
}

/**
 * wm_picture_import:
 * @file: an image file
 * @media_type: (out): "image/jpeg" or "image/png"
 * @error: return location for a #GError, whose message names the file
 *   and can be shown to the user
 *
 * Returns: (transfer full) (nullable): the encoded card picture: the
 *   middle of @file in the shape of a storyboard frame, at most
 *   %WM_PICTURE_IMPORT_WIDTH × %WM_PICTURE_IMPORT_HEIGHT pixels
 */
GBytes *
wm_picture_import (GFile   *file,
                   char   **media_type,
                   GError **error)
{
  return import_picture (file, WM_PICTURE_IMPORT_WIDTH, WM_PICTURE_IMPORT_HEIGHT, media_type, error);
}

/**
 * wm_picture_import_bytes:
 * @contents: an image's bytes, as pasted
 * @name: what to call it in a message, such as "the pasted picture"
 * @media_type: (out): "image/jpeg" or "image/png"
 * @error: return location for a #GError that can be shown to the user
 *
 * Like wm_picture_import(), with the same checks, for a picture that is
 * not a file.
 *
 * Returns: (transfer full) (nullable): the encoded card picture
 */
GBytes *
wm_picture_import_bytes (GBytes      *contents,
                         const char  *name,
                         char       **media_type,
                         GError     **error)
{
  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (media_type != NULL, NULL);

  return import_bytes (contents, name, WM_PICTURE_IMPORT_WIDTH, WM_PICTURE_IMPORT_HEIGHT, media_type, error);
}

/**
 * wm_picture_import_is_picture_file:
 * @file: a file, dropped or pasted
 *
 * Returns: whether @file is named as a PNG or JPEG picture, which is
 *   imported as a card's picture rather than opened as a map
 */
gboolean
wm_picture_import_is_picture_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_utf8_strdown (name, -1) : NULL;

  return folded != NULL && (g_str_has_suffix (folded, ".png") || g_str_has_suffix (folded, ".jpg") ||
                            g_str_has_suffix (folded, ".jpeg"));
}
