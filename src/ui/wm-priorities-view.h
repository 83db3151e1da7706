/* wm-priorities-view.h: the Priorities view beside the map: every pain
 * point and opportunity in a sortable, filterable list, and the impact
 * × effort matrix.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_PRIORITIES_VIEW (wm_priorities_view_get_type ())

G_DECLARE_FINAL_TYPE (WmPrioritiesView, wm_priorities_view, WM, PRIORITIES_VIEW, GtkWidget)

void       wm_priorities_view_set_document (WmPrioritiesView *self,
                                            WmDocument       *document);
void       wm_priorities_view_select_card  (WmPrioritiesView *self,
                                            WmCard           *card);
WmCard    *wm_priorities_view_get_selected (WmPrioritiesView *self);
guint      wm_priorities_view_get_n_shown  (WmPrioritiesView *self);
void       wm_priorities_view_set_filter   (WmPrioritiesView *self,
                                            guint             filter,
                                            const char       *search);

G_END_DECLS
