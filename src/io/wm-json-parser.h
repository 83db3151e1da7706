/* wm-json-parser.h: strict JSON (RFC 8259) into values or json-glib nodes.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "wm-json-value.h"

G_BEGIN_DECLS

#define WM_JSON_PARSER_ERROR (wm_json_parser_error_quark ())

typedef enum
{
  WM_JSON_PARSER_ERROR_SYNTAX,   /* not JSON: comments, quotes, a cut-off file */
  WM_JSON_PARSER_ERROR_DEPTH,    /* nested deeper than allowed */
  WM_JSON_PARSER_ERROR_VALUE,    /* JSON, but a value Waymark cannot keep */
} WmJsonParserError;

typedef enum
{
  WM_JSON_PARSE_UTF8_CHECKED = 1 << 0,   /* the caller has checked that the text is UTF-8 */
} WmJsonParseFlags;

typedef struct _WmJsonTree WmJsonTree;

GQuark      wm_json_parser_error_quark (void);

WmJsonValue *wm_json_parse             (WmJsonValues      *values,
                                        const char        *data,
                                        gsize              length,
                                        guint              max_depth,
                                        WmJsonParseFlags   flags,
                                        GError           **error);

WmJsonTree *wm_json_tree_parse         (const char  *data,
                                        gsize        length,
                                        guint        max_depth,
                                        GError     **error);
void        wm_json_tree_free          (WmJsonTree  *self);
JsonNode   *wm_json_tree_get_root      (WmJsonTree  *self);
GHashTable *wm_json_tree_get_literals  (WmJsonTree  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmJsonTree, wm_json_tree_free)

G_END_DECLS
