/* fuzz-render.c: libFuzzer target for what draws a map. Whatever map
 * loads, the layout, the painter, the slides and the CSV and Mermaid
 * exports must take it without crashing, hanging or leaking: a map that
 * opens must also show, present and export.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-csv.h"
#include "wm-document-reader.h"
#include "wm-layout.h"
#include "wm-mermaid.h"
#include "wm-painter.h"
#include "wm-slides.h"

/* Enough slides to reach a stage's overflow; beyond, they repeat. */
#define MAX_SLIDES 12

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
paint_map (WmDocument *document,
           WmTheme     theme)
{
  g_autoptr(WmStyle) style = wm_style_new (theme);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = wm_layout_new (document, style, measure);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 160, 120);
  cairo_t *cr = cairo_create (surface);
  WmRect all = { 0, 0, layout->width, layout->height };

  /* The whole map, shrunk onto a thumbnail, as the New Map chooser does. */
  if (layout->width > 0 && layout->height > 0)
    cairo_scale (cr, 160 / layout->width, 120 / layout->height);
  wm_painter_paint (cr, layout, &all, WM_PAINT_DEFAULT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
paint_slides (WmDocument *document)
{
  g_autoptr(GPtrArray) slides = wm_slides_build (document);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 192, 108);

  g_assert_cmpuint (slides->len, >=, 2);
  for (guint i = 0; i < MIN (slides->len, MAX_SLIDES); i++)
    {
      cairo_t *cr = cairo_create (surface);
      g_autofree char *description = wm_slide_describe (document, slides, i);

      g_assert_true (g_utf8_validate (description, -1, NULL));
      cairo_scale (cr, 0.1, 0.1);
      wm_slide_paint (cr, document, slides, i, i + 1 == slides->len ? 0 : -1);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(WmDocument) document = wm_document_load_from_data ((const char *) data, size, NULL);
  g_autofree char *csv = NULL;
  g_autofree char *mermaid = NULL;

  if (document == NULL)
    return 0;

  paint_map (document, WM_THEME_LIGHT);
  paint_map (document, WM_THEME_DARK);
  paint_slides (document);
  csv = wm_csv_export (document);
  mermaid = wm_mermaid_export (document);
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  g_assert_true (g_utf8_validate (mermaid, -1, NULL));
  return 0;
}
