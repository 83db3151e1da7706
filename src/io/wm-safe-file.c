/* wm-safe-file.c: g_file_replace() writes a temporary file beside the
 * target, and closing the stream renames it over the target. A failed
 * write must not be followed by a plain close, which would still put a
 * truncated file in place (g_file_replace_contents() does exactly that in
 * GLib 2.74), so an abandoned file is closed with a cancelled
 * cancellable, which deletes the temporary file instead.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-safe-file.h"

struct _WmSafeFile
{
  GFileOutputStream *stream;
  GCancellable *cancellable;
  GError *error;            /* the first write error, kept for commit */
};

/**
 * wm_safe_file_open:
 * @file: the file to replace or create
 *
 * Returns: (transfer full) (nullable): a writer, or %NULL with @error set
 *   when the file cannot be written at all
 */
WmSafeFile *
wm_safe_file_open (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  GFileOutputStream *stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  WmSafeFile *self;

  if (stream == NULL)
    return NULL;
  self = g_new0 (WmSafeFile, 1);
  self->stream = stream;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return self;
}

/* Appends @data. After the first failure, further writes do nothing and
 * the failure is reported by wm_safe_file_commit(); this suits callbacks
 * (cairo's, libpng's) that cannot carry a GError. */
gboolean
wm_safe_file_write (WmSafeFile *self,
                    const void *data,
                    gsize       length)
{
  if (self->error != NULL)
    return FALSE;
  return g_output_stream_write_all (G_OUTPUT_STREAM (self->stream), data, length, NULL,
                                    self->cancellable, &self->error);
}

/* Whether a write has failed; if so, @error gets a copy of the reason. */
gboolean
wm_safe_file_get_failed (WmSafeFile  *self,
                         GError     **error)
{
  if (self->error == NULL)
    return FALSE;
  if (error != NULL)
    *error = g_error_copy (self->error);
  return TRUE;
}

static void
abandon (WmSafeFile *self)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (G_OUTPUT_STREAM (self->stream), cancelled, NULL);
}

/**
 * wm_safe_file_commit:
 *
 * Puts the written file in place, unless a write failed: then the
 * temporary file is removed, the target is left as it was, and the
 * write's error is returned.
 */
gboolean
wm_safe_file_commit (WmSafeFile  *self,
                     GError     **error)
{
  if (self->error != NULL)
    {
      abandon (self);
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (self->stream), self->cancellable, error);
}

/* Freeing a writer that was not committed abandons the file. */
void
wm_safe_file_free (WmSafeFile *self)
{
  if (self == NULL)
    return;
  if (!g_output_stream_is_closed (G_OUTPUT_STREAM (self->stream)))
    abandon (self);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self);
}

gboolean
wm_safe_file_write_contents (GFile         *file,
                             const void    *data,
                             gsize          length,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(WmSafeFile) self = wm_safe_file_open (file, cancellable, error);

  if (self == NULL)
    return FALSE;
  wm_safe_file_write (self, data, length);
  return wm_safe_file_commit (self, error);
}
