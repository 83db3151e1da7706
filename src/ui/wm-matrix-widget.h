/* wm-matrix-widget.h: the impact × effort matrix on screen, where cards
 * are placed by dragging them from cell to cell.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"
#include "wm-priority-matrix.h"

G_BEGIN_DECLS

#define WM_TYPE_MATRIX_WIDGET (wm_matrix_widget_get_type ())

G_DECLARE_FINAL_TYPE (WmMatrixWidget, wm_matrix_widget, WM, MATRIX_WIDGET, GtkWidget)

GtkWidget *wm_matrix_widget_new          (void);
void       wm_matrix_widget_set_items    (WmMatrixWidget *self,
                                          WmDocument     *document,
                                          GPtrArray      *items);
void       wm_matrix_widget_set_selected (WmMatrixWidget *self,
                                          WmCard         *card);
WmCard    *wm_matrix_widget_get_selected (WmMatrixWidget *self);
const WmMatrix *wm_matrix_widget_get_layout (WmMatrixWidget *self);
gboolean   wm_matrix_widget_move_selected (WmMatrixWidget *self,
                                           int             d_impact,
                                           int             d_effort);

G_END_DECLS
