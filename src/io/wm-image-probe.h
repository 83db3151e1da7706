/* wm-image-probe.h: what a picture is, read from its first bytes.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most pixels a picture may have. A camera photo of 48 or 50
 * megapixels fits; decoding one that large costs about 200 MB for a
 * moment, and a few bytes of header can claim billions. */
#define WM_IMAGE_MAX_PIXELS (50 * 1000 * 1000)

#define WM_IMAGE_ERROR (wm_image_error_quark ())

typedef enum
{
  WM_IMAGE_ERROR_NOT_SUPPORTED,  /* neither PNG nor JPEG */
  WM_IMAGE_ERROR_DAMAGED,        /* a PNG or JPEG whose header cannot be read */
  WM_IMAGE_ERROR_TOO_LARGE,      /* more than WM_IMAGE_MAX_PIXELS */
  WM_IMAGE_ERROR_WRONG_TYPE,     /* not the media type the caller was told */
} WmImageError;

typedef enum
{
  WM_IMAGE_TYPE_PNG = 1,
  WM_IMAGE_TYPE_JPEG,
} WmImageType;

typedef struct
{
  WmImageType type;
  guint32     width;
  guint32     height;
} WmImageInfo;

GQuark      wm_image_error_quark   (void);
gboolean    wm_image_probe         (const guint8  *data,
                                    gsize          length,
                                    const char    *media_type,
                                    WmImageInfo   *info,
                                    GError       **error);
gboolean    wm_image_probe_bytes   (GBytes        *bytes,
                                    const char    *media_type,
                                    WmImageInfo   *info,
                                    GError       **error);
const char *wm_image_type_to_media_type (WmImageType type);

G_END_DECLS
