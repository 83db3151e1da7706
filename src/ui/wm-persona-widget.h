/* wm-persona-widget.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-persona.h"

G_BEGIN_DECLS

#define WM_TYPE_PERSONA_WIDGET (wm_persona_widget_get_type ())

G_DECLARE_FINAL_TYPE (WmPersonaWidget, wm_persona_widget, WM, PERSONA_WIDGET, GtkWidget)

GtkWidget  *wm_persona_widget_new         (WmPersona       *persona);
WmPersona  *wm_persona_widget_get_persona (WmPersonaWidget *self);
void        wm_persona_widget_update      (WmPersonaWidget *self);
const char *wm_persona_widget_get_label   (WmPersonaWidget *self);
const char *wm_persona_widget_get_description (WmPersonaWidget *self);

G_END_DECLS
