/* wm-priorities.h: what to act on first: the pain points and
 * opportunities of a map, placed by impact and effort.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

/* A score of this or more is high, on the 1 to WM_MAX_PRIORITY_SCORE
 * scale: the middle score counts as high for both, so a 3 × 3 item is a
 * big bet, never a quick win it may not be. */
#define WM_PRIORITY_HIGH_SCORE 3
/* How many top pain points and quick wins are called out: practitioners
 * take three to five of each into the next planning round. */
#define WM_PRIORITY_CALLOUTS 5

typedef enum
{
  WM_QUADRANT_UNSCORED,     /* impact or effort not given yet */
  WM_QUADRANT_QUICK_WIN,    /* high impact, low effort */
  WM_QUADRANT_BIG_BET,      /* high impact, high effort */
  WM_QUADRANT_FILL_IN,      /* low impact, low effort */
  WM_QUADRANT_MONEY_PIT,    /* low impact, high effort */
} WmQuadrant;

#define WM_N_QUADRANTS (WM_QUADRANT_MONEY_PIT + 1)

typedef struct
{
  WmCard *card;             /* the document's own; the item holds a reference */
  WmLaneKind lane_kind;
  int stage_index;
  guint64 order;            /* in map order: stage, then lane, then cell */
  WmQuadrant quadrant;
  /* The persona who feels worst in the card's stage, and how, from -1
   * to 1; NULL when no persona has a point there. */
  WmPersona *persona;
  double feeling;
} WmPriorityItem;

WmQuadrant  wm_priority_quadrant             (int              impact,
                                              int              effort);
const char *wm_quadrant_get_display_name     (WmQuadrant       quadrant);
const char *wm_quadrant_get_description      (WmQuadrant       quadrant);
gboolean    wm_card_is_open                  (WmCard          *card);
gboolean    wm_priorities_lists_card         (WmCard          *card,
                                              WmLaneKind       lane_kind);
GPtrArray  *wm_priorities_collect            (WmDocument      *document);
GPtrArray  *wm_priorities_top_pain_points    (GPtrArray       *items);
GPtrArray  *wm_priorities_quick_wins         (GPtrArray       *items);
int         wm_priority_item_compare_rank    (const WmPriorityItem *a,
                                              const WmPriorityItem *b);
void        wm_priority_item_free            (WmPriorityItem  *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmPriorityItem, wm_priority_item_free)

G_END_DECLS
