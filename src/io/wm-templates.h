/* wm-templates.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "wm-document.h"

G_BEGIN_DECLS

WmDocument *wm_template_instantiate (WmMapKind   kind,
                                     GError    **error);
WmDocument *wm_template_instantiate_json (JsonNode  *root,
                                          GError   **error);
const char * const *wm_template_get_hint_titles (void);
const char * const *wm_template_get_strings (void);

G_END_DECLS
