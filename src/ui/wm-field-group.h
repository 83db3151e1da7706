/* wm-field-group.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-inspector-row.h"

G_BEGIN_DECLS

#define WM_TYPE_FIELD_GROUP (wm_field_group_get_type ())

G_DECLARE_FINAL_TYPE (WmFieldGroup, wm_field_group, WM, FIELD_GROUP, AdwPreferencesGroup)

GtkWidget *wm_field_group_new (const char          *title,
                               const WmElementInfo *info,
                               guint                group,
                               WmDocument          *document,
                               WmElement           *element);

G_END_DECLS
