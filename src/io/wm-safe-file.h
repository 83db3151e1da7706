/* wm-safe-file.h: writing a file so that a failure leaves what was there.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * WmSafeFileFlags:
 * @WM_SAFE_FILE_NONE: a user's file: links are followed, the owner, mode
 *   and extended attributes of the file replaced are kept, and a new file
 *   gets 0666 minus the umask
 * @WM_SAFE_FILE_PRIVATE: a file in one of Waymark's own folders: a new
 *   file is readable by its owner only, and whatever has the name (a link,
 *   a pipe) is replaced, never followed or written into
 */
typedef enum
{
  WM_SAFE_FILE_NONE = 0,
  WM_SAFE_FILE_PRIVATE = 1 << 0,
} WmSafeFileFlags;

typedef struct _WmSafeFile WmSafeFile;

WmSafeFile *wm_safe_file_open                (GFile            *file,
                                              GCancellable     *cancellable,
                                              GError          **error);
gboolean    wm_safe_file_write               (WmSafeFile       *self,
                                              const void       *data,
                                              gsize             length);
gboolean    wm_safe_file_get_failed          (WmSafeFile       *self,
                                              GError          **error);
gboolean    wm_safe_file_commit              (WmSafeFile       *self,
                                              GError          **error);
void        wm_safe_file_free                (WmSafeFile       *self);
gboolean    wm_safe_file_write_contents      (GFile            *file,
                                              const void       *data,
                                              gsize             length,
                                              GCancellable     *cancellable,
                                              GError          **error);
gboolean    wm_safe_file_write_contents_full (GFile            *file,
                                              WmSafeFileFlags   flags,
                                              const void       *data,
                                              gsize             length,
                                              GCancellable     *cancellable,
                                              GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSafeFile, wm_safe_file_free)

G_END_DECLS
