/* wm-photo-import.c: turns an image file into a persona photo a map can
 * carry: the middle square of the picture, turned upright, scaled down to
 * WM_PHOTO_IMPORT_SIDE pixels, as JPEG (or PNG when it has transparency).
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

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wm-document-reader.h"
#include "wm-image-probe.h"
#include "wm-photo-import.h"
#include "wm-photo.h"

static gboolean
too_large (const char  *name,
           goffset      size,
           GError     **error)
{
  g_autofree char *text = g_format_size (size);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
               /* Translators: the first %s is a file name, the second its size, such as "40 MB" */
               _("“%s” is too large (%s); choose an image under %d MB"), name, text,
               WM_PHOTO_IMPORT_MAX_FILE_SIZE / (1024 * 1024));
  return FALSE;
}

static gboolean
not_regular (const char  *name,
             GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               /* Translators: %s is a file name */
               _("“%s” is not a regular file; choose a PNG or JPEG photo"), name);
  return FALSE;
}

/* Reads a local file: opened without blocking (opening a FIFO would
 * wait for a writer), checked to be a regular file on the open
 * descriptor, and read only up to one byte past the limit, whatever its
 * size said, since a file can grow while it is read. */
static GBytes *
read_local (const char  *path,
            const char  *name,
            GError     **error)
{
  g_autoptr(GByteArray) contents = NULL;
  struct stat st;
  int fd, saved_errno;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a file name, the second why it cannot be opened */
                   _("Could not open “%s”: %s"), name, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_close (fd, NULL);
      not_regular (name, error);
      return NULL;
    }
  if (st.st_size > WM_PHOTO_IMPORT_MAX_FILE_SIZE)
    {
      g_close (fd, NULL);
      too_large (name, st.st_size, error);
      return NULL;
    }

  contents = g_byte_array_sized_new (st.st_size + 1);
  for (;;)
    {
      guint8 buffer[64 * 1024];
      gssize got = read (fd, buffer, sizeof buffer);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          saved_errno = errno;
          g_close (fd, NULL);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* Translators: the first %s is a file name, the second why it cannot be read */
                       _("Could not read “%s”: %s"), name, g_strerror (saved_errno));
          return NULL;
        }
      if (got == 0)
        break;
      g_byte_array_append (contents, buffer, got);
      if (contents->len > WM_PHOTO_IMPORT_MAX_FILE_SIZE)
        {
          g_close (fd, NULL);
          too_large (name, contents->len, error);
          return NULL;
        }
    }
  g_close (fd, NULL);
  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

/* A file with no local path (a network location) comes through GIO,
 * with the same checks. */
static GBytes *
read_remote (GFile       *file,
             const char  *name,
             GError     **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree guint8 *buffer = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      not_regular (name, error);
      return NULL;
    }
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  buffer = g_malloc (WM_PHOTO_IMPORT_MAX_FILE_SIZE + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, WM_PHOTO_IMPORT_MAX_FILE_SIZE + 1, &length,
                                NULL, error))
    return NULL;
  if (length > WM_PHOTO_IMPORT_MAX_FILE_SIZE)
    {
      too_large (name, length, error);
      return NULL;
    }
  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), length), length);
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
 * @error: return location for a #GError, whose message names the file
 *   and can be shown to the user
 *
 * Returns: (transfer full) (nullable): the encoded photo
 */
GBytes *
wm_photo_import (GFile   *file,
                 char   **media_type,
                 GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GdkPixbuf) image = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  g_autoptr(GdkPixbuf) photo = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean alpha;
  char *buffer = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (media_type != NULL, NULL);

  name = g_file_get_basename (file);
  path = g_file_get_path (file);
  contents = path != NULL ? read_local (path, name, error) : read_remote (file, name, error);
  if (contents == NULL)
    return NULL;

  /* Scaled down while decoding where the decoder can (JPEG), to no less
   * than the stored size. */
  image = wm_photo_load (contents, NULL, WM_PHOTO_IMPORT_SIDE, &local_error);
  if (image == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the first %s is a file name, the second why it cannot be used,
                    * such as "not a PNG or JPEG picture" */
                   _("Cannot use “%s”: %s"), name, local_error->message);
      return NULL;
    }

  upright = gdk_pixbuf_apply_embedded_orientation (image);
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
