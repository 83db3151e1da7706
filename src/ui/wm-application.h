/* wm-application.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-recovery.h"

G_BEGIN_DECLS

#define WM_TYPE_APPLICATION (wm_application_get_type ())

G_DECLARE_FINAL_TYPE (WmApplication, wm_application, WM, APPLICATION, AdwApplication)

WmApplication *wm_application_new       (void);
GtkWindow     *wm_application_open_file (WmApplication *self,
                                         GFile         *file);
GtkWindow     *wm_application_offer_recovery (WmApplication   *self,
                                              GtkWindow       *parent);

G_END_DECLS
