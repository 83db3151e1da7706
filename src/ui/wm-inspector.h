/* wm-inspector.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_INSPECTOR (wm_inspector_get_type ())

G_DECLARE_FINAL_TYPE (WmInspector, wm_inspector, WM, INSPECTOR, GtkWidget)

GtkWidget  *wm_inspector_new          (void);
void        wm_inspector_set_document (WmInspector *self,
                                       WmDocument  *document);
WmDocument *wm_inspector_get_document (WmInspector *self);
void        wm_inspector_set_element  (WmInspector *self,
                                       WmElement   *element);
WmElement  *wm_inspector_get_element  (WmInspector *self);
void        wm_inspector_show_several (WmInspector *self,
                                       guint        n_cards);
gboolean    wm_inspector_set_picture_from_file (WmInspector  *self,
                                                GFile        *file,
                                                GError      **error);

G_END_DECLS
