/* wm-photo.h: persona photos, from the bytes a map embeds to something
 * cairo can paint.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib.h>

G_BEGIN_DECLS

GdkPixbuf       *wm_photo_load   (GBytes      *bytes,
                                  const char  *media_type,
                                  int          min_side,
                                  GError     **error);
cairo_surface_t *wm_photo_decode (GBytes      *bytes,
                                  int          size);
cairo_surface_t *wm_photo_decode_whole (GBytes *bytes,
                                        int     min_side);

G_END_DECLS
