/* wm-template-chooser.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_TEMPLATE_CHOOSER (wm_template_chooser_get_type ())

G_DECLARE_FINAL_TYPE (WmTemplateChooser, wm_template_chooser, WM, TEMPLATE_CHOOSER, AdwWindow)

WmTemplateChooser *wm_template_chooser_new                (GtkWindow         *parent);
gboolean           wm_template_chooser_choose             (WmTemplateChooser *self,
                                                           const char        *name);
const char        *wm_template_chooser_get_default_choice (WmTemplateChooser *self);

G_END_DECLS
