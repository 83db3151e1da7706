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
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "wm-csv.h"
#include "wm-document-writer.h"
#include "wm-export.h"
#include "wm-layout-text.h"
#include "wm-mermaid.h"
#include "wm-painter.h"
#include "wm-pdf-alt.h"
#include "wm-priorities-page.h"
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
wm_export_view_from_name (const char   *name,
                          WmExportView *view)
{
  if (g_strcmp0 (name, "map") == 0)
    *view = WM_EXPORT_VIEW_MAP;
  else if (g_strcmp0 (name, "priorities") == 0)
    *view = WM_EXPORT_VIEW_PRIORITIES;
  else
    return FALSE;
  return TRUE;
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

/* The dates a PDF records: SOURCE_DATE_EPOCH (reproducible-builds.org)
 * fixes them, so that the same map exports to the same bytes; without
 * it cairo records the time of the export. */
static void
set_pdf_metadata (cairo_surface_t *surface,
                  WmDocument      *document)
{
  g_autofree char *title = wm_layout_map_title (document);
  g_autofree char *capped = NULL;
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, wm_text_cap (title, &capped));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Waymark " PACKAGE_VERSION);
  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, 253402300799, &seconds, NULL))
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc ((gint64) seconds);
      g_autofree char *date = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }
}

/* An outline entry (a bookmark) to (@x, @y) of page @page, counted from
 * 0, in points. */
static int
add_outline (cairo_surface_t *surface,
             int              parent,
             const char      *name,
             guint            page,
             double           x,
             double           y)
{
  g_autofree char *capped = NULL;
  char where[128];
  char x_text[G_ASCII_DTOSTR_BUF_SIZE], y_text[G_ASCII_DTOSTR_BUF_SIZE];

  /* The link's numbers are read in the C locale. */
  g_snprintf (where, sizeof where, "page=%u pos=[%s %s]", page + 1,
              g_ascii_formatd (x_text, sizeof x_text, "%.2f", MAX (x, 0)),
              g_ascii_formatd (y_text, sizeof y_text, "%.2f", MAX (y, 0)));
  return cairo_pdf_surface_add_outline (surface, parent, wm_text_cap (name, &capped), where, 0);
}

static char *
stage_outline_name (WmLayout *layout,
                    guint     index)
{
  return wm_layout_stage_name (g_array_index (layout->columns, WmStageColumn, index).stage, index);
}

/* The structure's root. Cairo marks a PDF as tagged (/MarkInfo) only
 * when its structure hangs from a Document element, and the painters'
 * headings and paragraphs go beneath it, across the pages. */
#define TAG_DOCUMENT "Document"

/* A PDF of @width × @height points written to @file, with @document's
 * metadata, its structure begun; the context holds the only reference to
 * the surface. Finish it with finish_pdf(). */
static cairo_t *
start_pdf (WmSafeFile *file,
           WmDocument *document,
           double      width,
           double      height)
{
  cairo_surface_t *surface = wm_pdf_alt_surface_create (on_cairo_write, file, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  set_pdf_metadata (surface, document);
  /* Cairo drops what a page recorded before an opaque paint over all of
   * it, as it cannot show, and every page begins with its background:
   * the root's beginning would go with it, or a page's tags lose their
   * beginnings and the PDF fails. Under a clip nothing is dropped. */
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_tag_begin (cr, TAG_DOCUMENT, NULL);
  return cr;
}

/* Ends the structure start_pdf() began and finishes @cr's surface,
 * adding the pictures' alternative text before the file is committed. */
static gboolean
finish_pdf (cairo_t     *cr,
            WmSafeFile  *file,
            GError     **error)
{
  cairo_surface_t *surface = cairo_surface_reference (cairo_get_target (cr));
  gboolean ok;

  cairo_tag_end (cr, TAG_DOCUMENT);
  cairo_destroy (cr);
  ok = finish_surface (surface, file, error);
  if (ok && wm_pdf_alt_finish (surface) != CAIRO_STATUS_SUCCESS)
    ok = !wm_safe_file_get_failed (file, error);
  cairo_surface_destroy (surface);
  return ok;
}

/* One page the size of the map, scaled down only past what PDF viewers
 * accept, with an outline entry per stage. */
static gboolean
write_pdf_fit (WmLayout    *layout,
               WmSafeFile  *file,
               GError     **error)
{
  double scale = MIN (1.0, WM_PDF_MAX_PAGE_SIDE / MAX (layout->width, layout->height));
  cairo_t *cr = start_pdf (file, layout->document, layout->width * scale, layout->height * scale);
  cairo_surface_t *surface = cairo_get_target (cr);

  cairo_scale (cr, scale, scale);
  wm_painter_paint (cr, layout, NULL, WM_PAINT_DEFAULT);
  for (guint i = 0; i < layout->columns->len; i++)
    {
      const WmRect *header = &g_array_index (layout->columns, WmStageColumn, i).header;
      g_autofree char *name = stage_outline_name (layout, i);

      add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, 0, header->x * scale, header->y * scale);
    }
  return finish_pdf (cr, file, error);
}

/* The map as a deck of slides: one 16:9 page each, 960 × 540 points,
 * the size slide decks use, with an outline entry per slide. */
static gboolean
write_slides_pdf (WmDocument         *document,
                  WmTheme             theme,
                  const WmViewFilter *filter,
                  WmSafeFile         *file,
                  GError            **error)
{
  g_autoptr(GPtrArray) slides = wm_slides_build_for_view (document, theme, filter);
  cairo_t *cr = start_pdf (file, document, 960, 540);
  cairo_surface_t *surface = cairo_get_target (cr);

  cairo_scale (cr, 960 / WM_SLIDE_WIDTH, 540 / WM_SLIDE_HEIGHT);
  for (guint i = 0; i < slides->len; i++)
    {
      g_autofree char *name = wm_slide_get_name (document, slides, i);

      wm_slide_paint (cr, document, slides, i, -1);
      cairo_show_page (cr);
      add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, i, 0, 0);
    }
  return finish_pdf (cr, file, error);
}

/* The outline of a tiled map: an entry per page, and under the pages
 * that show the stage headers, an entry per stage. */
static void
add_tiled_outline (cairo_surface_t *surface,
                   WmLayout        *layout,
                   const WmTiling  *tiling)
{
  guint n_pages = wm_tiling_get_n_pages (tiling);
  g_autofree int *ids = g_new (int, n_pages);

  for (guint page = 0; page < n_pages; page++)
    {
      g_autofree char *name = NULL;

      if (tiling->columns > 1)
        /* Translators: a bookmark in a tiled PDF: page, row and column of the poster */
        name = g_strdup_printf (_("Page %u (row %u, column %u)"), page + 1, page / tiling->columns + 1,
                                page % tiling->columns + 1);
      else
        /* Translators: a bookmark in a PDF */
        name = g_strdup_printf (_("Page %u"), page + 1);
      ids[page] = add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, name, page, 0, 0);
    }
  for (guint i = 0; i < layout->columns->len; i++)
    {
      const WmRect *header = &g_array_index (layout->columns, WmStageColumn, i).header;
      g_autofree char *name = stage_outline_name (layout, i);
      guint page;
      double x, y;

      if (wm_tiling_locate (tiling, header->x, header->y, &page, &x, &y))
        add_outline (surface, ids[page], name, page, x, y);
    }
}

/* The map at print size across as many pages as it needs, or scaled onto
 * one page with @fit. */
static gboolean
write_pdf_tiled (WmLayout    *layout,
                 WmSafeFile  *file,
                 WmPageSize   page_size,
                 gboolean     fit,
                 GError     **error)
{
  double page_width, page_height;
  WmTiling tiling;
  cairo_t *cr;

  wm_page_size_get_points (page_size, &page_width, &page_height);
  /* One sheet turns to the map's shape: a tall map fills it upright. */
  if (fit && layout->height > layout->width)
    {
      double width = page_width;

      page_width = page_height;
      page_height = width;
    }
  wm_tiling_init (&tiling, layout, page_width, page_height, PAGE_MARGIN,
                  fit ? WM_TILING_FIT_PAGE : WM_TILING_ACTUAL);

  cr = start_pdf (file, layout->document, page_width, page_height);
  for (guint page = 0; page < wm_tiling_get_n_pages (&tiling); page++)
    {
      wm_tiling_paint_page (&tiling, cr, layout, page);
      cairo_show_page (cr);
    }
  add_tiled_outline (cairo_get_target (cr), layout, &tiling);
  wm_tiling_clear (&tiling);
  return finish_pdf (cr, file, error);
}

/* Whether the format draws a view, rather than writing the map's data. */
static gboolean
is_picture (WmExportFormat format)
{
  return format == WM_EXPORT_FORMAT_PDF || format == WM_EXPORT_FORMAT_SVG || format == WM_EXPORT_FORMAT_PNG;
}

/* The Priorities view: one page, scaled to fit the paper (landscape)
 * or at its own size, as a PDF, an SVG or a PNG. */
static gboolean
write_priorities (WmDocument            *document,
                  const WmExportOptions *options,
                  WmSafeFile            *file,
                  GError               **error)
{
  g_autoptr(WmStyle) style = wm_style_new (options->theme);
  double width = WM_PRIORITIES_PAGE_WIDTH, height = WM_PRIORITIES_PAGE_HEIGHT, scale = 1;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  switch (options->format)
    {
    case WM_EXPORT_FORMAT_PDF:
      if (options->page_size != WM_PAGE_SIZE_FIT)
        {
          wm_page_size_get_points (options->page_size, &width, &height);
          scale = MIN (width / WM_PRIORITIES_PAGE_WIDTH, height / WM_PRIORITIES_PAGE_HEIGHT);
        }
      cr = start_pdf (file, document, width, height);
      cairo_translate (cr, (width - WM_PRIORITIES_PAGE_WIDTH * scale) / 2, (height - WM_PRIORITIES_PAGE_HEIGHT * scale) / 2);
      cairo_scale (cr, scale, scale);
      wm_priorities_page_paint (cr, document, style);
      return finish_pdf (cr, file, error);

    case WM_EXPORT_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (on_cairo_write, file, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      cr = cairo_create (surface);
      wm_priorities_page_paint (cr, document, style);
      cairo_destroy (cr);
      ok = finish_surface (surface, file, error);
      cairo_surface_destroy (surface);
      return ok;

    case WM_EXPORT_FORMAT_PNG:
    case WM_EXPORT_FORMAT_CSV:
    case WM_EXPORT_FORMAT_MERMAID:
    case WM_EXPORT_FORMAT_WAYMARK:
    default:
      scale = CLAMP (options->scale, 1, 2);
      surface = cairo_image_surface_create (options->transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                            width * scale, height * scale);
      cr = cairo_create (surface);
      cairo_scale (cr, scale, scale);
      wm_priorities_page_paint (cr, document, style);
      cairo_destroy (cr);
      cairo_surface_write_to_png_stream (surface, on_cairo_write, file);
      ok = finish_surface (surface, file, error);
      cairo_surface_destroy (surface);
      return ok;
    }
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

  if (is_picture (options->format) && options->view == WM_EXPORT_VIEW_MAP)
    {
      g_autoptr(WmStyle) style = wm_style_new (options->theme);
      g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);

      layout = wm_layout_new (document, style, measure);
      wm_layout_apply_filter (layout, options->filter);
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
      if (is_picture (options->format) && options->view == WM_EXPORT_VIEW_PRIORITIES)
        drawn = write_priorities (document, options, output, &local_error);
      else switch (options->format)
        {
        case WM_EXPORT_FORMAT_PDF:
          drawn = options->slides ? write_slides_pdf (document, options->theme, options->filter, output, &local_error)
                  : options->page_size == WM_PAGE_SIZE_FIT
                  ? write_pdf_fit (layout, output, &local_error)
                  : write_pdf_tiled (layout, output, options->page_size, options->fit, &local_error);
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
