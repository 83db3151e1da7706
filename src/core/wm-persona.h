/* wm-persona.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"
#include "wm-enum-types.h"

G_BEGIN_DECLS

#define WM_TYPE_PERSONA (wm_persona_get_type ())

G_DECLARE_FINAL_TYPE (WmPersona, wm_persona, WM, PERSONA, WmElement)

WmPersona *wm_persona_new (const char *id);

const char         *wm_persona_get_name (WmPersona *self);
const char         *wm_persona_get_display_name (WmPersona *self);
const char         *wm_persona_get_role (WmPersona *self);
int                 wm_persona_get_age (WmPersona *self);
const char         *wm_persona_get_location (WmPersona *self);
const char         *wm_persona_get_segment (WmPersona *self);
const char         *wm_persona_get_quote (WmPersona *self);
const char         *wm_persona_get_bio (WmPersona *self);
const char         *wm_persona_get_color (WmPersona *self);
GBytes             *wm_persona_get_photo (WmPersona *self);
const char         *wm_persona_get_photo_type (WmPersona *self);
const char * const *wm_persona_get_goals (WmPersona *self);
const char * const *wm_persona_get_needs (WmPersona *self);
const char * const *wm_persona_get_frustrations (WmPersona *self);
const char * const *wm_persona_get_motivations (WmPersona *self);
const char * const *wm_persona_get_channels (WmPersona *self);

G_END_DECLS
