/* wm-priority-matrix.h: the impact × effort matrix: where each scored
 * card sits, and how it is drawn, on screen, on paper and on a slide.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "wm-layout.h"
#include "wm-priorities.h"
#include "wm-style.h"

G_BEGIN_DECLS

typedef struct
{
  WmCard *card;             /* NULL for a "+3 more" chip */
  WmRect rect;
  int impact;               /* the cell: 1 to WM_MAX_PRIORITY_SCORE, or 0 in the */
  int effort;               /* tray of cards not scored yet */
  WmLaneKind lane_kind;
  gboolean open;            /* not done or dropped */
  guint n_more;             /* a "+N more" chip: how many did not fit */
} WmMatrixChip;

typedef struct
{
  WmStyle *style;
  WmRect bounds;
  WmRect plot;              /* the cells: effort 1 to 5 across, impact 5 to 1 down */
  double cell_width;
  double cell_height;
  WmRect tray;              /* cards with no impact or effort, below the axis */
  double chip_height;
  GArray *chips;            /* of WmMatrixChip, holding a reference to each card */
} WmMatrix;

WmMatrix           *wm_matrix_new         (GPtrArray      *items,
                                           WmStyle        *style,
                                           double          width,
                                           double          height);
void                wm_matrix_free        (WmMatrix       *matrix);
void                wm_matrix_cell_rect   (const WmMatrix *matrix,
                                           int             impact,
                                           int             effort,
                                           WmRect         *rect);
const WmMatrixChip *wm_matrix_pick_chip   (const WmMatrix *matrix,
                                           double          x,
                                           double          y);
const WmMatrixChip *wm_matrix_find_chip   (const WmMatrix *matrix,
                                           WmCard         *card);
gboolean            wm_matrix_pick_cell   (const WmMatrix *matrix,
                                           double          x,
                                           double          y,
                                           int            *impact,
                                           int            *effort);
void                wm_matrix_paint_chip  (cairo_t            *cr,
                                           const WmMatrix     *matrix,
                                           const WmMatrixChip *chip,
                                           gboolean            selected);
void                wm_matrix_paint       (cairo_t        *cr,
                                           const WmMatrix *matrix,
                                           WmCard         *selected,
                                           int             drop_impact,
                                           int             drop_effort);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmMatrix, wm_matrix_free)

G_END_DECLS
