/* wm-text-measure.h: how many lines a text wraps to, fast.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "wm-style.h"

G_BEGIN_DECLS

/* The most characters of one text that are laid out; the file keeps the
 * rest. */
#define WM_TEXT_MAX_CHARS 10000

typedef struct _WmTextMeasure WmTextMeasure;

const char    *wm_text_cap                  (const char    *text,
                                             char         **owned);

WmTextMeasure *wm_text_measure_new          (WmStyle       *style);
void           wm_text_measure_free         (WmTextMeasure *self);
PangoContext  *wm_text_measure_get_context  (WmTextMeasure *self);
int            wm_text_measure_lines        (WmTextMeasure *self,
                                             WmFontRole     role,
                                             const char    *text,
                                             double         width);
double         wm_text_measure_height       (WmTextMeasure *self,
                                             WmFontRole     role,
                                             int            lines);
double         wm_text_measure_width        (WmTextMeasure *self,
                                             WmFontRole     role,
                                             const char    *text);
void           wm_text_configure_context    (PangoContext  *context);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmTextMeasure, wm_text_measure_free)

G_END_DECLS
