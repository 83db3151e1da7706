/* wm-photo.h: persona photos, from the bytes a map embeds to something
 * cairo can paint.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_surface_t *wm_photo_decode (GBytes *bytes,
                                  int     size);

G_END_DECLS
