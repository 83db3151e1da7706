/* wm-layout-hit.h: what lies under a point of a laid-out map, and where
 * dropped cards would land.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-layout.h"

G_BEGIN_DECLS

typedef enum
{
  WM_DIRECTION_UP,
  WM_DIRECTION_DOWN,
  WM_DIRECTION_LEFT,
  WM_DIRECTION_RIGHT,
} WmDirection;

typedef struct
{
  guint stage_index;
  guint lane_index;
  guint index_in_cell;      /* among the cell's cards that stay put */
  WmRect marker;            /* a bar where the cards will go */
} WmDropSpot;

int              wm_layout_column_at      (WmLayout         *self,
                                           double            x);
int              wm_layout_row_at         (WmLayout         *self,
                                           double            y);
const WmCardBox *wm_layout_card_at        (WmLayout         *self,
                                           double            x,
                                           double            y);
const WmCardBox *wm_layout_find_card      (WmLayout         *self,
                                           WmCard           *card);
const WmCardBox *wm_layout_card_neighbour (WmLayout         *self,
                                           const WmCardBox  *box,
                                           WmDirection       direction);
gboolean         wm_layout_drop_spot      (WmLayout         *self,
                                           double            x,
                                           double            y,
                                           GPtrArray        *moving,
                                           WmDropSpot       *spot);
WmRect           wm_layout_cell_rect      (WmLayout         *self,
                                           guint             stage_index,
                                           guint             lane_index);

void             wm_layout_columns_in     (WmLayout         *self,
                                           double            x,
                                           double            width,
                                           guint            *first,
                                           guint            *end);
void             wm_layout_rows_in        (WmLayout         *self,
                                           double            y,
                                           double            height,
                                           guint            *first,
                                           guint            *end);
GArray          *wm_layout_cards_in       (WmLayout         *self,
                                           const WmRect     *area);
void             wm_layout_curve_points_in (const WmCurve   *curve,
                                           double            x,
                                           double            width,
                                           guint            *first,
                                           guint            *end);

G_END_DECLS
