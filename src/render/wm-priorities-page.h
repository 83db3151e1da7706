/* wm-priorities-page.h: the Priorities view on one page: the matrix,
 * the top pain points and quick wins, and the funnel, for export and
 * for the deck.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "wm-document.h"
#include "wm-style.h"

G_BEGIN_DECLS

/* The page is laid out at this size and scaled to the paper, the image
 * or the slide; 16:10 suits both a screen and landscape paper. */
#define WM_PRIORITIES_PAGE_WIDTH  1600.0
#define WM_PRIORITIES_PAGE_HEIGHT 1000.0

void wm_priorities_page_paint (cairo_t    *cr,
                               WmDocument *document,
                               WmStyle    *style);

G_END_DECLS
