/* wm-photo-import.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest image file a photo may come from; the most pixels is
 * WM_IMAGE_MAX_PIXELS. */
#define WM_PHOTO_IMPORT_MAX_FILE_SIZE (25 * 1024 * 1024)
/* The side of the square a photo is stored at, in pixels. */
#define WM_PHOTO_IMPORT_SIDE 512
/* The largest size a card's picture is stored at: a 4:3 frame, as a
 * storyboard shows it. */
#define WM_PICTURE_IMPORT_WIDTH 800
#define WM_PICTURE_IMPORT_HEIGHT 600

GBytes *wm_photo_import (GFile   *file,
                         char   **media_type,
                         GError **error);
GBytes *wm_picture_import (GFile   *file,
                           char   **media_type,
                           GError **error);
gboolean wm_picture_import_is_picture_file (GFile *file);
GBytes *wm_picture_import_bytes (GBytes      *contents,
                                 const char  *name,
                                 char       **media_type,
                                 GError     **error);

G_END_DECLS
