/* wm-header-widget.h: a stage or lane header on the canvas, for the
 * keyboard and screen readers.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-layout.h"

G_BEGIN_DECLS

#define WM_TYPE_HEADER_WIDGET (wm_header_widget_get_type ())

G_DECLARE_FINAL_TYPE (WmHeaderWidget, wm_header_widget, WM, HEADER_WIDGET, GtkWidget)

GtkWidget *wm_header_widget_new         (gboolean        is_stage);
void       wm_header_widget_bind        (WmHeaderWidget *self,
                                         WmLayout       *layout,
                                         guint           index);
void       wm_header_widget_unbind      (WmHeaderWidget *self);
gboolean   wm_header_widget_is_stage    (WmHeaderWidget *self);
guint      wm_header_widget_get_index   (WmHeaderWidget *self);
WmElement *wm_header_widget_get_element (WmHeaderWidget *self);

G_END_DECLS
