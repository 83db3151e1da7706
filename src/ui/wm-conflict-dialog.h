/* wm-conflict-dialog.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_CONFLICT_DIALOG (wm_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (WmConflictDialog, wm_conflict_dialog, WM, CONFLICT_DIALOG, AdwWindow)

WmConflictDialog *wm_conflict_dialog_new (GtkWindow  *parent,
                                          WmDocument *document);

G_END_DECLS
