/* wm-card-widget.h: one card on the canvas.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-layout.h"

G_BEGIN_DECLS

#define WM_TYPE_CARD_WIDGET (wm_card_widget_get_type ())

G_DECLARE_FINAL_TYPE (WmCardWidget, wm_card_widget, WM, CARD_WIDGET, GtkWidget)

GtkWidget       *wm_card_widget_new      (void);
void             wm_card_widget_bind     (WmCardWidget    *self,
                                          WmLayout        *layout,
                                          const WmCardBox *box);
void             wm_card_widget_unbind   (WmCardWidget    *self);
WmCard          *wm_card_widget_get_card (WmCardWidget    *self);
const WmCardBox *wm_card_widget_get_box  (WmCardWidget    *self);

G_END_DECLS
