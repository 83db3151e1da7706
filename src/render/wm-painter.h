/* wm-painter.h: draws a laid-out map with cairo. The canvas, exports,
 * printing, thumbnails and slides all draw through here.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "wm-layout.h"

G_BEGIN_DECLS

typedef enum
{
  WM_PAINT_DEFAULT = 0,
  WM_PAINT_TRANSPARENT = 1 << 0,  /* leave out the page colour */
  WM_PAINT_NO_CARDS = 1 << 1,     /* the canvas shows cards as widgets */
  WM_PAINT_CARD_SHAPES = 1 << 2,  /* cards without their words: too small to read */
} WmPaintFlags;

void wm_painter_paint                    (cairo_t      *cr,
                                          WmLayout     *layout,
                                          const WmRect *area,
                                          WmPaintFlags  flags);
void wm_painter_paint_card              (cairo_t      *cr,
                                          WmLayout     *layout,
                                          const WmCardBox *box);
void wm_painter_paint_stage_header_row   (cairo_t      *cr,
                                          WmLayout     *layout,
                                          const WmRect *area);
void wm_painter_paint_lane_header_column (cairo_t      *cr,
                                          WmLayout     *layout,
                                          const WmRect *area,
                                          double        titles_top);

G_END_DECLS
