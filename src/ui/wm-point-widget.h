/* wm-point-widget.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-layout.h"

G_BEGIN_DECLS

#define WM_TYPE_POINT_WIDGET (wm_point_widget_get_type ())

G_DECLARE_FINAL_TYPE (WmPointWidget, wm_point_widget, WM, POINT_WIDGET, GtkWidget)

GtkWidget      *wm_point_widget_new            (WmEmotionPoint *point,
                                                guint           lane_index);
WmEmotionPoint *wm_point_widget_get_point      (WmPointWidget  *self);
guint           wm_point_widget_get_lane_index (WmPointWidget  *self);
void            wm_point_widget_update         (WmPointWidget  *self,
                                                WmLayout       *layout,
                                                const WmCurve  *curve,
                                                const WmCurvePoint *point);
const char     *wm_point_widget_get_name        (WmPointWidget *self);
const char     *wm_point_widget_get_description (WmPointWidget *self);

G_END_DECLS
