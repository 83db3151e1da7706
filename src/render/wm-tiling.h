/* wm-tiling.h: a map across several pages, for tiled PDF export and
 * printing.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "wm-layout.h"

G_BEGIN_DECLS

/* Tiles print the map at 96 pixels per inch. */
#define WM_TILING_ACTUAL_SIZE (72.0 / 96.0)

typedef enum
{
  WM_TILING_ACTUAL,         /* 96 pixels per inch, across as many pages as it takes */
  WM_TILING_FIT_WIDTH,      /* the map's width on the page, pages down the map */
  WM_TILING_FIT_PAGE,       /* the whole map on one page */
} WmTilingMode;

typedef struct
{
  double page_width;        /* in points */
  double page_height;
  double margin;            /* blank border on every side of the page */
  double scale;             /* points per map pixel */
  WmTilingMode mode;
  guint columns;
  guint rows;
  double tile_width;        /* what one page holds, in map pixels */
  double tile_height;
  /*< private >*/
  double *x_breaks;         /* columns + 1 edges of the pages' columns, in map pixels */
  double *y_breaks;         /* rows + 1 */
  double lane_strip;        /* the lane names repeated at the left, in map pixels */
  double stage_strip;       /* the stage headers repeated at the top */
  double grid_x;            /* page columns that begin right of this repeat the lane names */
  double grid_y;            /* page rows that begin below this repeat the stage headers */
  double origin_x;          /* where the map's part begins on the page, in points */
  double origin_y;
  WmRect title;             /* the map's kind and title, as far as their words reach */
} WmTiling;

void     wm_tiling_init         (WmTiling       *tiling,
                                 WmLayout       *layout,
                                 double          page_width,
                                 double          page_height,
                                 double          margin,
                                 WmTilingMode    mode);
void     wm_tiling_clear        (WmTiling       *tiling);
guint    wm_tiling_get_n_pages  (const WmTiling *tiling);
void     wm_tiling_get_area     (const WmTiling *tiling,
                                 guint           page,
                                 WmRect         *area);
gboolean wm_tiling_locate       (const WmTiling *tiling,
                                 double          x,
                                 double          y,
                                 guint          *page,
                                 double         *page_x,
                                 double         *page_y);
void     wm_tiling_paint_page   (const WmTiling *tiling,
                                 cairo_t        *cr,
                                 WmLayout       *layout,
                                 guint           page);

G_END_DECLS
