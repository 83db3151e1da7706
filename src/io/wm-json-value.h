/* wm-json-value.h: parsed JSON values, kept compactly for the loader.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  WM_JSON_NULL,
  WM_JSON_BOOLEAN,
  WM_JSON_INTEGER,   /* a whole number that fits gint64 */
  WM_JSON_DOUBLE,    /* any other number */
  WM_JSON_STRING,
  WM_JSON_ARRAY,
  WM_JSON_OBJECT,
} WmJsonKind;

typedef struct _WmJsonValue WmJsonValue;

typedef struct
{
  const char  *name;
  WmJsonValue *value;
} WmJsonMember;

/* Everything lives in its WmJsonValues' memory and goes with it. */
struct _WmJsonValue
{
  WmJsonKind kind;
  guint      length;        /* an array's items, an object's members, a number's text */
  union
  {
    gboolean    boolean;
    gint64      integer;
    double      number;
    const char *string;     /* never holds a NUL */
  } v;
  union
  {
    WmJsonValue  **items;
    WmJsonMember  *members; /* in the file's order, each name once */
    const char    *text;    /* a number exactly as written */
  } c;
};

/* The memory of the values of one parse, freed in one go. */
typedef struct _WmJsonValues WmJsonValues;

WmJsonValues *wm_json_values_new          (void);
void          wm_json_values_free         (WmJsonValues      *self);
gpointer      wm_json_values_alloc        (WmJsonValues      *self,
                                           gsize              size);
const char   *wm_json_values_copy_text    (WmJsonValues      *self,
                                           const char        *text,
                                           gsize              length);

WmJsonValue  *wm_json_value_get_member    (const WmJsonValue *object,
                                           const char        *name);
double        wm_json_value_get_number    (const WmJsonValue *number);
char         *wm_json_value_quote_number  (const WmJsonValue *number);
char         *wm_json_quote_number        (const char        *text,
                                           gsize              length);
JsonNode     *wm_json_value_to_node       (const WmJsonValue *value,
                                           GHashTable        *literals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmJsonValues, wm_json_values_free)

G_END_DECLS
