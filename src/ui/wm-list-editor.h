/* wm-list-editor.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_LIST_EDITOR (wm_list_editor_get_type ())

G_DECLARE_FINAL_TYPE (WmListEditor, wm_list_editor, WM, LIST_EDITOR, AdwPreferencesGroup)

GtkWidget *wm_list_editor_new      (const char   *title,
                                    const char   *item_name,
                                    const char   *add_label,
                                    WmDocument   *document,
                                    WmElement    *element,
                                    const char   *field);
GtkWidget *wm_list_editor_get_row  (WmListEditor *self,
                                    guint         index);
void       wm_list_editor_add      (WmListEditor *self);
void       wm_list_editor_remove   (WmListEditor *self,
                                    guint         index);
void       wm_list_editor_move     (WmListEditor *self,
                                    guint         index,
                                    int           by);

G_END_DECLS
