/* wm-screen-style.h: the map's style as the desktop asks for it: light
 * or dark, and scaled for large text.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-style.h"

G_BEGIN_DECLS

WmStyle *wm_screen_style_new           (GtkWidget *widget);
void     wm_screen_style_watch         (GtkWidget *widget,
                                        GCallback  on_changed);

G_END_DECLS
