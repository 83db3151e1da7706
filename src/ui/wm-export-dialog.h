/* wm-export-dialog.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-export.h"
#include "wm-window.h"

G_BEGIN_DECLS

#define WM_TYPE_EXPORT_DIALOG (wm_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WmExportDialog, wm_export_dialog, WM, EXPORT_DIALOG, AdwWindow)

WmExportDialog *wm_export_dialog_new                  (WmWindow        *window);
void            wm_export_dialog_get_options          (WmExportDialog  *self,
                                                       WmExportOptions *options);
GFile          *wm_export_dialog_get_suggested_folder (WmExportDialog  *self);
void            wm_export_dialog_export_to            (WmExportDialog  *self,
                                                       GFile           *file);

G_END_DECLS
