/* wm-fields.h: what each kind of element holds, said once.
 *
 * One table per kind gives, for every field, the member in the file, the
 * property it goes to, the kind and range of its value, whether a file
 * must have it and when it is left out, and how the inspector shows it.
 * The reader, the writer and the inspector all walk these tables, so a
 * new field is one line in wm-fields.c plus its property (and getter) in
 * the element's own file.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"

G_BEGIN_DECLS

/* Fractional numbers (a point's position in its stage) are kept to this
 * many decimals from the moment they are stored: on a stage of the
 * widest width that is a fifth of a pixel, and a saved map diffs well. */
#define WM_FRACTION_DIGITS 4

typedef enum
{
  WM_VALUE_TEXT,       /* a string; "" when absent */
  WM_VALUE_COLOR,      /* "#rrggbb"; "" when absent */
  WM_VALUE_REFERENCE,  /* the id of another element */
  WM_VALUE_INTEGER,    /* a whole number from min to max */
  WM_VALUE_FRACTION,   /* a number from min to max, to WM_FRACTION_DIGITS decimals */
  WM_VALUE_ENUM,       /* a value of the property's enum type, by nick */
  WM_VALUE_BOOLEAN,
  WM_VALUE_LIST,       /* a list of strings */
  WM_VALUE_PHOTO,      /* {"media_type", "data"[, "alt"]}: the property, "<property>-type"
                        * and, where the kind has it, "<property>-alt" */
  WM_VALUE_TIMESTAMP,  /* RFC 3339 in UTC, kept as Unix seconds */
} WmValueKind;

typedef enum
{
  WM_FIELD_OPTIONAL = 0,
  WM_FIELD_REQUIRED = 1 << 0,  /* a file without it is refused; always written */
  WM_FIELD_ALWAYS   = 1 << 1,  /* written even at its default value */
  WM_FIELD_SPARSE   = 1 << 2,  /* in a held object, left out at its default even when others are set */
} WmFieldFlags;

typedef enum
{
  WM_EDITOR_NONE,      /* edited on the canvas, or not at all */
  WM_EDITOR_LINE,      /* one line of text */
  WM_EDITOR_TEXT,      /* paragraphs */
  WM_EDITOR_CHOICE,    /* an enum, from a drop-down */
  WM_EDITOR_CHANNEL,   /* a known channel, from a drop-down */
  WM_EDITOR_COLOR,     /* "#rrggbb", or empty for the theme's colour */
  WM_EDITOR_TAGS,      /* a list of words, typed separated by commas */
  WM_EDITOR_NUMBER,    /* a whole number from min to max, or empty for the default */
  WM_EDITOR_SCALE,     /* the map's emotion scale */
  WM_EDITOR_SWITCH,    /* on or off */
  WM_EDITOR_LIST,      /* a list with a row per entry (a persona's goals) */
  WM_EDITOR_PHOTO,     /* a picture, with its own group */
} WmEditorKind;

typedef struct
{
  const char   *key;         /* the member in the file */
  const char   *object;      /* the object member holding it ("metric"), or NULL */
  const char   *property;    /* the element's property */
  WmValueKind   value;
  WmFieldFlags  flags;
  double        min;         /* for numbers: the range a file may hold */
  double        max;
  WmEditorKind  editor;
  const char   *label;       /* marked for translation: the row's title */
  guint         group;       /* which of the kind's groups of rows holds it */
  const char   *item_label;  /* marked for translation: for WM_EDITOR_LIST, one entry */
  const char   *add_label;   /* marked for translation: for WM_EDITOR_LIST, its add button */
} WmFieldInfo;

#define WM_MAX_FIELD_GROUPS 2

typedef struct
{
  GType              (*get_type) (void);
  const char         *name;      /* marked for translation: what the inspector calls it, "Card" */
  gboolean            has_id;    /* whether the file gives it an "id" */
  const WmFieldInfo  *fields;    /* in the file's order, ending with a NULL key */
  const char         *group_titles[WM_MAX_FIELD_GROUPS];  /* marked for translation, or NULL */
} WmElementInfo;

const WmElementInfo *wm_element_info_lookup   (GType               type);
const WmElementInfo *wm_element_info_get_all  (guint              *n_kinds);
GParamSpec          *wm_field_info_get_pspec  (const WmElementInfo *info,
                                               const WmFieldInfo   *field);
gboolean             wm_field_info_is_default (const WmFieldInfo   *field,
                                               WmElement           *element);
gboolean             wm_field_info_has_row    (const WmFieldInfo   *field);
guint                wm_field_info_get_picture_pspecs (const WmElementInfo *info,
                                                       const WmFieldInfo   *field,
                                                       GParamSpec          *pspecs[3]);
double               wm_round_fraction        (double               value);
void                 wm_value_normalize       (GValue              *value);
gboolean             wm_value_equal           (const GValue        *a,
                                               const GValue        *b);

G_END_DECLS
