/* wm-diff.h: what changed between two versions of a map
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"
#include "wm-fields.h"

G_BEGIN_DECLS

typedef enum
{
  WM_DIFF_SAME,      /* in both maps, no field differs (a card may still have moved) */
  WM_DIFF_ADDED,     /* only in the new map */
  WM_DIFF_REMOVED,   /* only in the old map */
  WM_DIFF_CHANGED,   /* in both maps, some fields differ */
} WmDiffChange;

/* One element of either map: a stage, lane, persona, card, or the map
 * itself. The elements are referenced, so the item outlives the maps. */
typedef struct
{
  WmDiffChange  change;
  WmElement    *old_element;   /* NULL when added */
  WmElement    *new_element;   /* NULL when removed */
  /* const WmFieldInfo *: the fields that differ, in the file's order;
   * a card's "kind" (its lane's kind) comes first. */
  GPtrArray    *changed;
  /* Cards only: the kind of lane they sit in, and where they sat and sit. */
  WmLaneKind    kind;          /* in the new map; the old one when removed */
  gboolean      moved;         /* to another stage or another lane */
  WmStage      *old_stage;     /* NULL when added */
  WmLane       *old_lane;
  WmStage      *new_stage;     /* NULL when removed */
  WmLane       *new_lane;
} WmDiffItem;

/* A stage, and the cards that changed in it: those added, moved there or
 * changed in it, then those removed from it. */
typedef struct
{
  WmDiffItem  stage;
  GPtrArray  *cards;           /* WmDiffItem */
} WmDiffStage;

/* A persona's scores in one stage where they differ: each list holds the
 * stage's points, left to right; an empty one means no point. */
typedef struct
{
  WmStage    *stage;           /* of the new map; of the old one if removed */
  GArray     *old_scores;      /* int */
  GArray     *new_scores;      /* int */
} WmDiffEmotion;

typedef struct
{
  WmDiffItem  persona;
  GPtrArray  *emotions;        /* WmDiffEmotion, in stage order */
} WmDiffPersona;

typedef struct
{
  WmDiffItem  map;             /* the map's own fields (title, goal, …) */
  /* WmDiffStage: the new map's stages in order, then the removed ones in
   * their old order; only stages with something to report. */
  GPtrArray  *stages;
  GPtrArray  *lanes;           /* WmDiffItem: lanes added, removed or changed */
  GPtrArray  *personas;        /* WmDiffPersona: only those with something to report */
} WmDiff;

WmDiff   *wm_diff_compare  (WmDocument *old_document,
                            WmDocument *new_document);
gboolean  wm_diff_is_empty (const WmDiff *self);
void      wm_diff_free     (WmDiff     *self);

const WmFieldInfo *wm_diff_get_kind_field (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmDiff, wm_diff_free)

G_END_DECLS
