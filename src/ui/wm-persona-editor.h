/* wm-persona-editor.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_PERSONA_EDITOR (wm_persona_editor_get_type ())

G_DECLARE_FINAL_TYPE (WmPersonaEditor, wm_persona_editor, WM, PERSONA_EDITOR, AdwWindow)

WmPersonaEditor *wm_persona_editor_new                 (GtkWindow        *parent,
                                                        WmDocument       *document,
                                                        WmPersona        *persona);
WmPersona       *wm_persona_editor_get_persona         (WmPersonaEditor  *self);
gboolean         wm_persona_editor_set_photo_from_file (WmPersonaEditor  *self,
                                                        GFile            *file,
                                                        GError          **error);

G_END_DECLS
