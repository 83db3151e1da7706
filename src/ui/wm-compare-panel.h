/* wm-compare-panel.h: the differences between the open map and another,
 * as a list beside the window
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-canvas.h"
#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_COMPARE_PANEL (wm_compare_panel_get_type ())

G_DECLARE_FINAL_TYPE (WmComparePanel, wm_compare_panel, WM, COMPARE_PANEL, AdwWindow)

WmComparePanel *wm_compare_panel_new      (WmCanvas       *canvas,
                                           WmDocument     *document,
                                           WmDocument     *other,
                                           const char     *other_name);
GtkListBox     *wm_compare_panel_get_list (WmComparePanel *self);

G_END_DECLS
