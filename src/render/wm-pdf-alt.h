/* wm-pdf-alt.h: card pictures' alternative text in a tagged PDF
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_surface_t *wm_pdf_alt_surface_create (cairo_write_func_t  write_func,
                                            void               *closure,
                                            double              width,
                                            double              height);
cairo_status_t   wm_pdf_alt_finish         (cairo_surface_t    *surface);

gboolean         wm_pdf_alt_begin_figure   (cairo_t            *cr,
                                            const char         *alt,
                                            double              x,
                                            double              y,
                                            double              width,
                                            double              height);
void             wm_pdf_alt_end_figure     (cairo_t            *cr);

char            *wm_pdf_alt_string         (const char         *text);

G_END_DECLS
