/* wm-test-images.h: pictures made byte by byte for tests: real small
 * PNG and JPEG files, and headers that claim whatever a test needs.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *wm_test_png          (int          width,
                              int          height);
GBytes *wm_test_jpeg         (int          width,
                              int          height);
GBytes *wm_test_png_header   (guint32      width,
                              guint32      height,
                              gsize        pad_to);
GBytes *wm_test_jpeg_header  (guint        width,
                              guint        height,
                              gsize        pad_to);
GBytes *wm_test_text_bytes   (const char  *text);
char   *wm_test_map_with_photo (const char *media_type,
                                GBytes     *photo);

G_END_DECLS
