/* wm-inspector-row.h: one field of the inspector, with the widget that
 * edits it.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-document.h"
#include "wm-fields.h"

G_BEGIN_DECLS

typedef struct _WmInspectorRow WmInspectorRow;

WmInspectorRow    *wm_inspector_row_new        (const WmFieldInfo *field,
                                                WmDocument        *document,
                                                WmElement         *element);
void               wm_inspector_row_free       (WmInspectorRow    *row);
GtkWidget         *wm_inspector_row_get_widget (WmInspectorRow    *row);
const WmFieldInfo *wm_inspector_row_get_field  (WmInspectorRow    *row);
void               wm_inspector_row_refresh    (WmInspectorRow    *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmInspectorRow, wm_inspector_row_free)

G_END_DECLS
