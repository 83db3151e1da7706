/* wm-file-input.c: reading a whole file that may be hostile.
 *
 * A path can name a FIFO, which blocks a reader until someone writes, or
 * a device such as /dev/zero, which never ends; either, reached through
 * a symbolic link, can sit where a map or a recovery copy is expected.
 * So a file is opened without blocking, must be a regular file once
 * open (the check and the read see the same file, whatever is renamed
 * meanwhile), and is read only up to a limit, however large the file
 * says it is: its size can change while it is read.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-file-input"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "wm-file-input.h"

static const char *
describe_file_type (mode_t mode)
{
  if (S_ISDIR (mode))
    return _("a folder");
  if (S_ISFIFO (mode))
    return _("a pipe");
  if (S_ISSOCK (mode))
    return _("a socket");
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return _("a device");
  return _("not a regular file");
}

static gboolean
set_too_large (GError **error,
               gsize    max_size)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               _("The file is larger than %s"), limit);
  return FALSE;
}

/* Reads at most @max_size bytes of @stream, failing if there are more. */
#define READ_CHUNK (64 * 1024)

/* Reads @stream to its end into one buffer, refusing more than
 * @max_size bytes. @expected, the size the file had when it was opened,
 * sizes the buffer: growing it as it fills would copy a large map
 * several times over, and reading straight into it spares one more
 * copy. */
static gboolean
read_bounded (GInputStream  *stream,
              gsize          max_size,
              gsize          expected,
              GCancellable  *cancellable,
              char         **contents,
              gsize         *length,
              GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_sized_new (MIN (expected, max_size) + READ_CHUNK);

  while (TRUE)
    {
      guint before = bytes->len;
      gssize got;

      g_byte_array_set_size (bytes, before + READ_CHUNK);
      got = g_input_stream_read (stream, bytes->data + before, READ_CHUNK, cancellable, error);
      g_byte_array_set_size (bytes, before + MAX (got, 0));
      if (got < 0)
        return FALSE;
      if (got == 0)
        break;
      if (bytes->len > max_size)
        return set_too_large (error, max_size);
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
  return TRUE;
}

static GInputStream *
open_local (const char  *path,
            gsize        max_size,
            gsize       *expected,
            GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  struct stat info;

  if (fd < 0 || fstat (fd, &info) < 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_basename (path);

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: a file name, then the system's reason. */
                   _("Could not open “%s”: %s"), name, g_strerror (saved));
      return NULL;
    }

  if (!S_ISREG (info.st_mode))
    {
      g_autofree char *name = g_filename_display_basename (path);

      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   /* Translators: "“x” is a pipe, not a file" and the like. */
                   _("“%s” is %s, not a file that can be opened"), name, describe_file_type (info.st_mode));
      return NULL;
    }

  /* The size is only a hint (the file can grow while it is read), but
   * it spares reading a file that is already too large. */
  if ((guint64) info.st_size > max_size)
    {
      close (fd);
      return set_too_large (error, max_size), NULL;
    }

  /* Reads from a regular file never block; clear the flag anyway so a
   * slow network file system gets ordinary reads. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  *expected = info.st_size;
  return g_unix_input_stream_new (fd, TRUE);
}

/**
 * wm_file_load_regular:
 * @file: the file to read
 * @max_size: the most bytes accepted
 * @cancellable: (nullable): a cancellable
 * @contents: (out): the bytes, NUL-terminated
 * @length: (out): their number, without the NUL
 * @error: return location for a #GError: %G_IO_ERROR_NOT_REGULAR_FILE
 *   for a folder, pipe or device, %G_IO_ERROR_MESSAGE_TOO_LARGE past
 *   @max_size
 *
 * Reads a whole regular file, never blocking on a pipe or reading a
 * device without end.
 *
 * Returns: %TRUE on success
 */
gboolean
wm_file_load_regular (GFile         *file,
                      gsize          max_size,
                      GCancellable  *cancellable,
                      char         **contents,
                      gsize         *length,
                      GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GInputStream) stream = NULL;
  gsize expected = 0;

  if (path != NULL)
    stream = open_local (path, max_size, &expected, error);
  else
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable, error);

      if (info == NULL)
        return FALSE;
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        {
          g_autofree char *name = g_file_get_basename (file);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("“%s” is %s, not a file that can be opened"), name, _("not a regular file"));
          return FALSE;
        }
      stream = G_INPUT_STREAM (g_file_read (file, cancellable, error));
    }

  if (stream == NULL)
    return FALSE;
  return read_bounded (stream, max_size, expected, cancellable, contents, length, error);
}
