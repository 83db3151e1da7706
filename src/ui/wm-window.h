/* wm-window.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-application.h"
#include "wm-document.h"
#include "wm-export.h"

G_BEGIN_DECLS

#define WM_TYPE_WINDOW (wm_window_get_type ())

G_DECLARE_FINAL_TYPE (WmWindow, wm_window, WM, WINDOW, AdwApplicationWindow)

WmWindow   *wm_window_new          (WmApplication *application);
gboolean    wm_window_open_file    (WmWindow      *self,
                                    GFile         *file);
void        wm_window_show_document (WmWindow     *self,
                                    WmDocument    *document,
                                    GFile         *file);
WmDocument *wm_window_get_document (WmWindow      *self);
GFile      *wm_window_get_file     (WmWindow      *self);
void        wm_window_export_to    (WmWindow      *self,
                                    GFile         *file,
                                    const WmExportOptions *options);
gboolean    wm_window_save_to      (WmWindow      *self,
                                    GFile         *file,
                                    GError       **error);
gboolean    wm_window_is_modified  (WmWindow      *self);
void        wm_window_mark_unsaved (WmWindow      *self);
gboolean    wm_window_compare_with (WmWindow      *self,
                                    GFile         *file);
GtkWindow  *wm_window_get_compare_panel (WmWindow *self);
WmWindow   *wm_window_import_file  (WmWindow      *self,
                                    GFile         *file);
void        wm_window_show_toast   (WmWindow      *self,
                                    const char    *message);

GtkFileFilter *wm_window_new_map_filter (void);

G_END_DECLS
