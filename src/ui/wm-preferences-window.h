/* wm-preferences-window.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WM_TYPE_PREFERENCES_WINDOW (wm_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (WmPreferencesWindow, wm_preferences_window, WM, PREFERENCES_WINDOW, AdwPreferencesWindow)

WmPreferencesWindow *wm_preferences_window_new (GtkWindow *parent);

void wm_preferences_apply_color_scheme (GSettings *settings);

G_END_DECLS
