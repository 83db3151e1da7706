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

G_BEGIN_DECLS

typedef enum
{
  WM_FIELD_LINE,      /* one line of text */
  WM_FIELD_TEXT,      /* paragraphs */
  WM_FIELD_CHOICE,    /* an enum, from a drop-down */
  WM_FIELD_CHANNEL,   /* a known channel, from a drop-down */
  WM_FIELD_COLOR,     /* "#rrggbb", or empty for the theme's colour */
  WM_FIELD_TAGS,      /* a list of words, typed separated by commas */
  WM_FIELD_COUNT,     /* a whole number, or -1 for unknown */
  WM_FIELD_WIDTH,     /* a stage's width in pixels, or 0 for the theme's */
  WM_FIELD_SCALE,     /* the map's emotion scale */
  WM_FIELD_SWITCH,    /* on or off */
} WmFieldKind;

typedef struct
{
  const char *name;         /* the element's property */
  const char *label;        /* translated at runtime */
  WmFieldKind kind;
} WmField;

typedef struct _WmInspectorRow WmInspectorRow;

WmInspectorRow *wm_inspector_row_new         (const WmField  *field,
                                              WmDocument     *document,
                                              WmElement      *element);
void            wm_inspector_row_free        (WmInspectorRow *row);
GtkWidget      *wm_inspector_row_get_widget  (WmInspectorRow *row);
const WmField  *wm_inspector_row_get_field   (WmInspectorRow *row);
void            wm_inspector_row_refresh     (WmInspectorRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmInspectorRow, wm_inspector_row_free)

G_END_DECLS
