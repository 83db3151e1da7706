/* wm-slides.h: a map told as slides: a title slide, a slide per stage
 * (more when a stage holds too much to read on one), and an overview.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "wm-document.h"

G_BEGIN_DECLS

/* Slides are laid out on a 1920 × 1080 page and scaled to the screen or
 * the PDF page, so every size from 1280 × 720 to 3840 × 2160 shows the
 * same slide. */
#define WM_SLIDE_WIDTH  1920.0
#define WM_SLIDE_HEIGHT 1080.0
/* Long stages shrink their type down to this fraction, then continue on
 * another slide. */
#define WM_SLIDE_MIN_SCALE 0.72

typedef enum
{
  WM_SLIDE_TITLE,
  WM_SLIDE_STAGE,
  WM_SLIDE_OVERVIEW,
} WmSlideKind;

typedef struct
{
  WmSlideKind kind;
  int stage_index;          /* stage slides; -1 for the others */
  guint part;               /* a stage's slides count from 0 */
  guint n_parts;
  GPtrArray *cards;         /* (element-type WmCard): this slide's cards, lane by lane */
  double scale;             /* of the type: 1, or less to fit */
  double body_top;          /* stage slides: where the cards begin, below the head */
  /*< private >*/
  GArray *feelings;         /* stage slides: each persona's feeling at the stage */
} WmSlide;

void       wm_slide_free        (WmSlide    *slide);
GPtrArray *wm_slides_build      (WmDocument *document);
char      *wm_slide_describe    (WmDocument *document,
                                 GPtrArray  *slides,
                                 guint       index);
void       wm_slide_paint       (cairo_t    *cr,
                                 WmDocument *document,
                                 GPtrArray  *slides,
                                 guint       index,
                                 int         highlight_stage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSlide, wm_slide_free)

G_END_DECLS
