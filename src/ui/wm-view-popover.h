/* wm-view-popover.h: choosing what the map brings forward: a filter by
 * persona, channel, tag, owner, quality, status and lane kind, built
 * from what the map holds.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"
#include "wm-view-filter.h"

G_BEGIN_DECLS

#define WM_TYPE_VIEW_POPOVER (wm_view_popover_get_type ())

G_DECLARE_FINAL_TYPE (WmViewPopover, wm_view_popover, WM, VIEW_POPOVER, GtkPopover)

GtkWidget          *wm_view_popover_new        (void);
void                wm_view_popover_set_document (WmViewPopover      *self,
                                                  WmDocument         *document);
void                wm_view_popover_set_filter (WmViewPopover      *self,
                                                const WmViewFilter *filter);
const WmViewFilter *wm_view_popover_get_filter (WmViewPopover      *self);
const char         *wm_view_popover_get_view_name (WmViewPopover   *self);

G_END_DECLS
