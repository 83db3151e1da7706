/* wm-export.c: every export goes through here; the picture formats
 * through the one painter.
 *
 * Files are written atomically: a failed export leaves whatever was at
 * the target before.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "wm-csv.h"
#include "wm-document-writer.h"
#include "wm-export.h"
#include "wm-layout-text.h"
#include "wm-mermaid.h"
#include "wm-painter.h"
#include "wm-slides.h"
#include "wm-png-writer.h"
#include "wm-safe-file.h"
#include "wm-svg-writer.h"
#include "wm-tiling.h"

#define PAGE_MARGIN 28.0

G_DEFINE_QUARK (wm-export-error-quark, wm_export_error)

static const struct
{
  const char *name;
  const char *extension;
  WmExportFormat format;
} formats[] = {
  { "pdf", ".pdf", WM_EXPORT_FORMAT_PDF },
  { "svg", ".svg", WM_EXPORT_FORMAT_SVG },
  { "png", ".png", WM_EXPORT_FORMAT_PNG },
  { "csv", ".csv", WM_EXPORT_FORMAT_CSV },
  { "mmd", ".mmd", WM_EXPORT_FORMAT_MERMAID },
  { "mermaid", ".mermaid", WM_EXPORT_FORMAT_MERMAID },
  { "waymark", ".waymark", WM_EXPORT_FORMAT_WAYMARK },
};

void
wm_export_options_init (WmExportOptions *options)
{
  *options = (WmExportOptions) {
    .format = WM_EXPORT_FORMAT_PDF,
    .page_size = WM_PAGE_SIZE_FIT,
    .scale = 1,
    .transparent = FALSE,
    .theme = WM_THEME_LIGHT,
  };
}

gboolean
wm_export_format_from_name (const char     *name,
                            WmExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

/* The format a file name's extension asks for. */
gboolean
wm_export_format_from_path (const char     *path,
                            WmExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].extension))
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

gboolean
wm_page_size_from_name (const char *name,
                        WmPageSize *page_size)
{
  static const char *names[] = { "fit", "a4", "a3", "letter" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *page_size = i;
        return TRUE;
      }
  return FALSE;
}

/* Landscape page sizes, in points. */
static void
wm_page_size_get_points (WmPageSize  page_size,
                         double     *width,
                         double     *height)
{
  switch (page_size)
    {
    case WM_PAGE_SIZE_A3:
      *width = 1190.55, *height = 841.89;
      break;
    case WM_PAGE_SIZE_LETTER:
      *width = 792, *height = 612;
      break;
    case WM_PAGE_SIZE_A4:
    case WM_PAGE_SIZE_FIT:
    default:
      *width = 841.89, *height = 595.28;
      break;
    }
}

static cairo_status_t
on_cairo_write (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  return wm_safe_file_write (closure, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Finishes a cairo surface and turns its status into an error. */
static gboolean
finish_surface (cairo_surface_t  *surface,
                WmSafeFile       *file,
                GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (wm_safe_file_get_failed (file, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_FAILED,
                   _("Could not draw the map: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  WmLayout        *layout)
{
  g_autofree char *title = wm_layout_map_title (layout->document);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Waymark " PACKAGE_VERSION);
}

/* Paints the whole map on @surface, scaled by @scale, and finishes it. */
static gboolean
paint_whole_map (cairo_surface_t  *surface,
                 WmLayout         *layout,
                 double            scale,
                 WmSafeFile       *file,
                 GError          **error)
{
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  cairo_scale (cr, scale, scale);
  wm_painter_paint (cr, layout, NULL, WM_PAINT_DEFAULT);
  cairo_destroy (cr);
  ok = finish_surface (surface, file, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* One page the size of the map, scaled down only past what PDF viewers
 * accept. */
static gboolean
write_pdf_fit (WmLayout    *layout,
               WmSafeFile  *file,
               GError     **error)
{
  double scale = MIN (1.0, WM_PDF_MAX_PAGE_SIDE / MAX (layout->width, layout->height));
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (on_cairo_write, file,
                                                                  layout->width * scale,
                                                                  layout->height * scale);

  set_pdf_metadata (surface, layout);
  return paint_whole_map (surface, layout, scale, file, error);
}

/* The map as a deck of slides: one 16:9 page each, 960 × 540 points,
 * the size slide decks use. */
static gboolean
write_slides_pdf (WmDocument  *document,
                  WmSafeFile  *file,
                  GError     **error)
{
  g_autoptr(GPtrArray) slides = wm_slides_build (document);
  g_autofree char *title = wm_layout_map_title (document);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (on_cairo_write, file, 960, 540);
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Waymark");
  cairo_scale (cr, 960 / WM_SLIDE_WIDTH, 540 / WM_SLIDE_HEIGHT);
  for (guint i = 0; i < slides->len; i++)
    {
      wm_slide_paint (cr, document, slides, i, -1);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  ok = finish_surface (surface, file, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* The map at print size across as many pages as it needs. */
static gboolean
write_pdf_tiled (WmLayout    *layout,
                 WmSafeFile  *file,
                 WmPageSize   page_size,
                 GError     **error)
{
  double page_width, page_height;
  WmTiling tiling;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  wm_page_size_get_points (page_size, &page_width, &page_height);
  wm_tiling_init (&tiling, layout, page_width, page_height, PAGE_MARGIN, WM_TILING_ACTUAL_SIZE);

  surface = cairo_pdf_surface_create_for_stream (on_cairo_write, file, page_width, page_height);
  set_pdf_metadata (surface, layout);
  cr = cairo_create (surface);
  for (guint page = 0; page < wm_tiling_get_n_pages (&tiling); page++)
    {
      wm_tiling_paint_page (&tiling, cr, layout, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  ok = finish_surface (surface, file, error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
write_text (WmDocument             *document,
            WmSafeFile             *file,
            const WmExportOptions  *options)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  if (options->format == WM_EXPORT_FORMAT_CSV)
    text = wm_csv_export_full (document, options->bom);
  else if (options->format == WM_EXPORT_FORMAT_MERMAID)
    text = wm_mermaid_export (document);
  else
    text = wm_document_to_json (document, &length);
  if (length == 0)
    length = strlen (text);
  return wm_safe_file_write (file, text, length);
}

/**
 * wm_export:
 * @document: the map
 * @file: where to write it
 * @options: the format and its options
 *
 * Writes @document to @file in the format @options names. On failure,
 * whatever was at @file before is left there.
 *
 * Returns: %TRUE on success
 */
gboolean
wm_export (WmDocument             *document,
           GFile                  *file,
           const WmExportOptions  *options,
           GCancellable           *cancellable,
           GError                **error)
{
  g_autoptr(WmSafeFile) output = NULL;
  g_autoptr(WmLayout) layout = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean drawn;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (options->format == WM_EXPORT_FORMAT_PDF || options->format == WM_EXPORT_FORMAT_SVG
      || options->format == WM_EXPORT_FORMAT_PNG)
    {
      g_autoptr(WmStyle) style = wm_style_new (options->theme);
      g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);

      layout = wm_layout_new (document, style, measure);
      /* Refuse an oversized PNG or SVG before touching the file. */
      if (options->format == WM_EXPORT_FORMAT_PNG && !wm_png_check_size (layout, options->scale, error))
        return FALSE;
      if (options->format == WM_EXPORT_FORMAT_SVG && MAX (layout->width, layout->height) > WM_SVG_MAX_SIDE)
        {
          g_set_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_TOO_LARGE,
                       /* Translators: the numbers are the map's size and the limit, in pixels */
                       _("The map is too large for an SVG image (%.0f × %.0f pixels; the limit is %d "
                         "pixels a side). Export it as PDF."),
                       layout->width, layout->height, WM_SVG_MAX_SIDE);
          return FALSE;
        }
    }

  output = wm_safe_file_open (file, cancellable, &local_error);
  if (output != NULL)
    {
      switch (options->format)
        {
        case WM_EXPORT_FORMAT_PDF:
          drawn = options->slides ? write_slides_pdf (document, output, &local_error)
                  : options->page_size == WM_PAGE_SIZE_FIT
                  ? write_pdf_fit (layout, output, &local_error)
                  : write_pdf_tiled (layout, output, options->page_size, &local_error);
          break;
        case WM_EXPORT_FORMAT_SVG:
          drawn = wm_svg_write (layout, output, &local_error);
          break;
        case WM_EXPORT_FORMAT_PNG:
          drawn = wm_png_write (layout, output, options->scale, options->transparent, &local_error);
          break;
        case WM_EXPORT_FORMAT_CSV:
        case WM_EXPORT_FORMAT_MERMAID:
        case WM_EXPORT_FORMAT_WAYMARK:
        default:
          drawn = write_text (document, output, options);
          break;
        }
      if (drawn)
        wm_safe_file_commit (output, &local_error);
      else if (local_error == NULL)
        wm_safe_file_get_failed (output, &local_error);
    }

  if (local_error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (g_error_matches (local_error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_TOO_LARGE))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     /* Translators: %s is a file name, the second %s the reason. */
                     _("Could not export to “%s”: %s"), name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
