/* wm-saved-view.h: a filter of the map kept by name in the document, to
 * choose again, present and export.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"
#include "wm-view-filter.h"

G_BEGIN_DECLS

#define WM_TYPE_SAVED_VIEW (wm_saved_view_get_type ())

G_DECLARE_FINAL_TYPE (WmSavedView, wm_saved_view, WM, SAVED_VIEW, WmElement)

WmSavedView  *wm_saved_view_new_for_filter (const char         *id,
                                            const char         *name,
                                            const WmViewFilter *filter);
const char   *wm_saved_view_get_name       (WmSavedView        *self);
WmViewFilter *wm_saved_view_get_filter     (WmSavedView        *self);

G_END_DECLS
