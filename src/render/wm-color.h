/* wm-color.h: colours as the painter uses them, parsed from the "#rrggbb"
 * strings the file format stores.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} WmColor;

gboolean wm_color_parse            (WmColor       *color,
                                    const char    *spec);
void     wm_color_mix              (WmColor       *result,
                                    const WmColor *a,
                                    const WmColor *b,
                                    double         amount_of_b);
double   wm_color_contrast         (const WmColor *a,
                                    const WmColor *b);
void     wm_color_set_source       (cairo_t       *cr,
                                    const WmColor *color);

G_END_DECLS
