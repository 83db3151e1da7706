/* wm-slide-painter.h: draws a slide's layout with cairo.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "wm-slide-layout.h"

G_BEGIN_DECLS

void wm_slide_painter_paint (cairo_t             *cr,
                             const WmSlideLayout *layout,
                             int                  highlight_stage,
                             WmTheme              theme);

G_END_DECLS
