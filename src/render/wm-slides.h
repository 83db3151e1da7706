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
#include "wm-slide-layout.h"

G_BEGIN_DECLS

typedef enum
{
  WM_SLIDE_TITLE,
  WM_SLIDE_STAGE,
  WM_SLIDE_OVERVIEW,
  WM_SLIDE_PRIORITIES,      /* the impact × effort matrix, once something is scored */
} WmSlideKind;

typedef struct
{
  WmSlideKind kind;
  int stage_index;          /* stage slides; -1 for the others */
  guint part;               /* a stage's slides count from 0 */
  guint n_parts;
  WmTheme theme;            /* dark on screen; light or dark in a PDF deck */
  /*< private >*/
  WmSlideLayout *layout;    /* the title's and the overview's come when first needed */
  WmViewFilter *filter;     /* the view's, faded on the overview; NULL for all */
} WmSlide;

void       wm_slide_free        (WmSlide    *slide);
GPtrArray *wm_slides_build      (WmDocument *document);
GPtrArray *wm_slides_build_with_theme (WmDocument *document,
                                       WmTheme     theme);
GPtrArray *wm_slides_build_for_view   (WmDocument         *document,
                                       WmTheme             theme,
                                       const WmViewFilter *filter);
guint      wm_slides_find_overview (GPtrArray *slides);
const WmSlideLayout *wm_slide_get_layout (WmDocument *document,
                                          GPtrArray  *slides,
                                          guint       index);
char      *wm_slide_describe    (WmDocument *document,
                                 GPtrArray  *slides,
                                 guint       index);
char      *wm_slide_get_name    (WmDocument *document,
                                 GPtrArray  *slides,
                                 guint       index);
void       wm_slide_paint       (cairo_t    *cr,
                                 WmDocument *document,
                                 GPtrArray  *slides,
                                 guint       index,
                                 int         highlight_stage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSlide, wm_slide_free)

G_END_DECLS
