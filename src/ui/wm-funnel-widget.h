/* wm-funnel-widget.h: the customers per stage on screen, under the
 * priority matrix.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_FUNNEL_WIDGET (wm_funnel_widget_get_type ())

G_DECLARE_FINAL_TYPE (WmFunnelWidget, wm_funnel_widget, WM, FUNNEL_WIDGET, GtkWidget)

GtkWidget *wm_funnel_widget_new    (void);
void       wm_funnel_widget_update (WmFunnelWidget *self,
                                    WmDocument     *document);

G_END_DECLS
