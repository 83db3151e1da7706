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

typedef struct
{
  double page_width;        /* in points */
  double page_height;
  double margin;            /* blank border on every side of the page */
  double scale;             /* points per map pixel */
  guint columns;
  guint rows;
  double tile_width;        /* what one page shows, in map pixels */
  double tile_height;
  double step_x;            /* from one tile to the next, less the overlap */
  double step_y;
} WmTiling;

void  wm_tiling_init         (WmTiling       *tiling,
                              WmLayout       *layout,
                              double          page_width,
                              double          page_height,
                              double          margin,
                              double          scale);
guint wm_tiling_get_n_pages  (const WmTiling *tiling);
void  wm_tiling_paint_page   (const WmTiling *tiling,
                              cairo_t        *cr,
                              WmLayout       *layout,
                              guint           page);

G_END_DECLS
