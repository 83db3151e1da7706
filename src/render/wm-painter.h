/* wm-painter.h: draws a laid-out map with cairo. The canvas, exports,
 * printing, thumbnails and slides all draw through here.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "wm-color.h"
#include "wm-layout.h"

G_BEGIN_DECLS

typedef enum
{
  WM_PAINT_DEFAULT = 0,
  WM_PAINT_TRANSPARENT = 1 << 0,  /* leave out the page colour */
  WM_PAINT_NO_CARDS = 1 << 1,     /* the canvas shows cards as widgets */
  WM_PAINT_CARD_SHAPES = 1 << 2,  /* cards without their words: too small to read */
  WM_PAINT_NO_TITLE = 1 << 3,     /* leave out the map's kind and title: a tiled
                                   * page draws them on their own, whole */
  WM_PAINT_HINTS = 1 << 4,        /* show a template's hints greyed in empty
                                   * fields: only the editor's canvas sets it,
                                   * so no export ever shows a hint */
} WmPaintFlags;

/* One line of a text run, as painted: @text is what shows, an ellipsis
 * included, and (@x, @y) is where its baseline begins, in device space. */
typedef struct
{
  const char *text;
  gsize length;
  double x;
  double y;
} WmTextLine;

/* A block of text the painter would have drawn: one title, one label. */
typedef struct
{
  const PangoFontDescription *font;  /* family, weight and style */
  double size;                       /* in device pixels */
  double slant;                      /* the shear pango applies to a font
                                      * with no italic face, or 0 */
  const WmColor *color;
  const WmTextLine *lines;
  guint n_lines;
} WmTextRun;

typedef void (*WmTextSinkFunc) (const WmTextRun *run,
                                gpointer         user_data);

void wm_painter_paint                    (cairo_t      *cr,
                                          WmLayout     *layout,
                                          const WmRect *area,
                                          WmPaintFlags  flags);
void wm_painter_paint_with_text_sink    (cairo_t        *cr,
                                          WmLayout       *layout,
                                          WmPaintFlags    flags,
                                          WmTextSinkFunc  sink,
                                          gpointer        user_data);
void wm_painter_paint_card              (cairo_t      *cr,
                                          WmLayout     *layout,
                                          const WmCardBox *box,
                                          WmPaintFlags  flags);
void wm_painter_paint_stage_header_row   (cairo_t      *cr,
                                          WmLayout     *layout,
                                          const WmRect *area);
void wm_painter_paint_lane_header_column (cairo_t      *cr,
                                          WmLayout     *layout,
                                          const WmRect *area,
                                          double        titles_top);
void wm_painter_paint_picture           (cairo_t         *cr,
                                          cairo_surface_t *picture,
                                          const WmRect    *frame,
                                          double           radius,
                                          const WmColor   *empty,
                                          double           alpha);

G_END_DECLS
