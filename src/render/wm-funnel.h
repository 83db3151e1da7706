/* wm-funnel.h: how many customers reach each stage, drawn as a band
 * that narrows where they drop off.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "wm-document.h"
#include "wm-layout.h"
#include "wm-style.h"

G_BEGIN_DECLS

gboolean wm_funnel_has_data (WmDocument   *document);
void     wm_funnel_paint    (cairo_t      *cr,
                             WmDocument   *document,
                             WmStyle      *style,
                             const WmRect *area);

G_END_DECLS
