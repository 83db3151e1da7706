/* wm-cached-picture.h: pixels painted once and shown in many frames.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _WmCachedPicture WmCachedPicture;

WmCachedPicture *wm_cached_picture_new        (const graphene_rect_t *bounds,
                                               int                    scale);
void             wm_cached_picture_free       (WmCachedPicture       *self);
cairo_t         *wm_cached_picture_draw       (WmCachedPicture       *self);
gboolean         wm_cached_picture_fits       (WmCachedPicture       *self,
                                               const graphene_rect_t *bounds,
                                               int                    scale);
void             wm_cached_picture_append     (WmCachedPicture       *self,
                                               GtkSnapshot           *snapshot,
                                               GtkWidget             *widget);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmCachedPicture, wm_cached_picture_free)

G_END_DECLS
