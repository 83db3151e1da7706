/* wm-minimap.h: the whole map in a corner of the canvas, to jump about.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-canvas.h"

G_BEGIN_DECLS

#define WM_TYPE_MINIMAP (wm_minimap_get_type ())

G_DECLARE_FINAL_TYPE (WmMinimap, wm_minimap, WM, MINIMAP, GtkWidget)

GtkWidget *wm_minimap_new           (WmCanvas  *canvas);
WmCanvas  *wm_minimap_get_canvas    (WmMinimap *self);
void       wm_minimap_set_canvas    (WmMinimap *self,
                                     WmCanvas  *canvas);
gboolean   wm_minimap_get_enabled   (WmMinimap *self);
void       wm_minimap_set_enabled   (WmMinimap *self,
                                     gboolean   enabled);
gboolean   wm_minimap_get_shown     (WmMinimap *self);
gboolean   wm_minimap_get_picture_rect (WmMinimap       *self,
                                        graphene_rect_t *rect);
void       wm_minimap_jump_to       (WmMinimap *self,
                                     double     x,
                                     double     y);
guint      wm_minimap_get_n_renders (WmMinimap *self);

G_END_DECLS
