/* wm-recent-list.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WM_TYPE_RECENT_LIST (wm_recent_list_get_type ())

G_DECLARE_FINAL_TYPE (WmRecentList, wm_recent_list, WM, RECENT_LIST, GtkBox)

GtkWidget *wm_recent_list_new        (void);
guint      wm_recent_list_get_n_maps (WmRecentList *self);

G_END_DECLS
