/* wm-presentation.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-document.h"
#include "wm-view-filter.h"

G_BEGIN_DECLS

#define WM_TYPE_PRESENTATION (wm_presentation_get_type ())

G_DECLARE_FINAL_TYPE (WmPresentation, wm_presentation, WM, PRESENTATION, GtkWindow)

void            wm_presentation_set_filter   (WmPresentation     *self,
                                              const WmViewFilter *filter);
const WmViewFilter *wm_presentation_get_filter (WmPresentation   *self);
WmPresentation *wm_presentation_new          (GtkWindow      *parent,
                                              WmDocument     *document);
void            wm_presentation_go_to        (WmPresentation *self,
                                              int             index);
guint           wm_presentation_get_index    (WmPresentation *self);
guint           wm_presentation_get_n_slides (WmPresentation *self);
int             wm_presentation_get_stage    (WmPresentation *self);
gboolean        wm_presentation_get_blank    (WmPresentation *self);

G_END_DECLS
