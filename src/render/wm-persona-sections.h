/* wm-persona-sections.h: what a persona card shows below the name, in
 * the order the persona editor shows it.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-fields.h"
#include "wm-persona.h"

G_BEGIN_DECLS

const WmFieldInfo * const *wm_persona_sections          (guint             *n_sections);
gboolean                   wm_persona_section_is_list   (const WmFieldInfo *field);
const char                *wm_persona_section_text      (WmPersona         *persona,
                                                         const WmFieldInfo *field);
const char * const        *wm_persona_section_items     (WmPersona         *persona,
                                                         const WmFieldInfo *field);
const char                *wm_persona_section_item_text (const WmFieldInfo *field,
                                                         const char        *item);
char                      *wm_persona_section_heading   (const WmFieldInfo *field);
char                      *wm_persona_sections_describe (WmPersona         *persona,
                                                         gboolean           hints);

G_END_DECLS
