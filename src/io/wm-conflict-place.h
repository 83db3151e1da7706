/* wm-conflict-place.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

/* A conflict's path taken apart: "emotions[p1].points[pt3].score" is
 * list "emotions", key "p1", point "pt3", member "score". */
typedef struct
{
  char *list;    /* "personas", "stages", "lanes", "cards", "emotions"; NULL for the map */
  char *key;     /* the element's id, or a curve's persona */
  char *point;   /* a point's id inside a curve, or NULL */
  char *member;  /* a field ("title", "metric.name"), "metric.*" or an unknown key;
                  * NULL for a whole element */
} WmConflictPlace;

gboolean   wm_conflict_place_parse        (WmConflictPlace       *place,
                                           const char            *path);
void       wm_conflict_place_clear        (WmConflictPlace       *place);
GType      wm_conflict_place_element_type (const WmConflictPlace *place);
WmElement *wm_conflict_place_lookup       (const WmConflictPlace *place,
                                           WmDocument            *document);
char      *wm_conflict_describe           (WmConflict            *conflict,
                                           WmDocument            *document);
char      *wm_conflict_value_to_text      (const char            *json);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WmConflictPlace, wm_conflict_place_clear)

G_END_DECLS
