/* wm-export.h: a map to PDF, SVG, PNG, CSV, Mermaid or .waymark.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-document.h"
#include "wm-style.h"

G_BEGIN_DECLS

/* The largest PNG we write: beyond this, PDF or SVG serve better. */
#define WM_PNG_MAX_PIXELS (400 * 1000 * 1000)
#define WM_PNG_MAX_SIDE 32000
/* Cairo keeps coordinates in 24.8 fixed point: an SVG drawn at map
 * size cannot be wider or taller than this. */
#define WM_SVG_MAX_SIDE 8000000
/* Acrobat's limit for a page side, in points (200 inches). */
#define WM_PDF_MAX_PAGE_SIDE 14400.0

#define WM_EXPORT_ERROR (wm_export_error_quark ())

typedef enum
{
  WM_EXPORT_ERROR_TOO_LARGE,
  WM_EXPORT_ERROR_FAILED,
} WmExportError;

typedef enum
{
  WM_EXPORT_FORMAT_PDF,
  WM_EXPORT_FORMAT_SVG,
  WM_EXPORT_FORMAT_PNG,
  WM_EXPORT_FORMAT_CSV,
  WM_EXPORT_FORMAT_MERMAID,
  WM_EXPORT_FORMAT_WAYMARK,
} WmExportFormat;

typedef enum
{
  WM_PAGE_SIZE_FIT,
  WM_PAGE_SIZE_A4,
  WM_PAGE_SIZE_A3,
  WM_PAGE_SIZE_LETTER,
} WmPageSize;

/* What a PDF, SVG or PNG shows. */
typedef enum
{
  WM_EXPORT_VIEW_MAP,
  WM_EXPORT_VIEW_PRIORITIES,  /* the impact × effort matrix and call-outs */
} WmExportView;

typedef struct
{
  WmExportFormat format;
  WmExportView view;        /* PDF, SVG, PNG */
  WmPageSize page_size;     /* PDF */
  gboolean fit;             /* PDF: the whole map on one page of page_size */
  int scale;                /* PNG: 1 or 2 */
  gboolean transparent;     /* PNG */
  WmTheme theme;
  gboolean slides;          /* PDF: a slide deck rather than the map */
  gboolean bom;             /* CSV: a byte-order mark, for spreadsheets */
  const WmViewFilter *filter; /* PDF, SVG, PNG of the map and slides: a saved
                             * view's; cards outside it fade, or leave the
                             * slides. NULL for the whole map */
} WmExportOptions;

GQuark   wm_export_error_quark        (void);
void     wm_export_options_init       (WmExportOptions       *options);
gboolean wm_export_format_from_name   (const char            *name,
                                       WmExportFormat        *format);
gboolean wm_export_format_from_path   (const char            *path,
                                       WmExportFormat        *format);
gboolean wm_export_view_from_name     (const char            *name,
                                       WmExportView          *view);
gboolean wm_page_size_from_name       (const char            *name,
                                       WmPageSize            *page_size);
gboolean wm_export                    (WmDocument            *document,
                                       GFile                 *file,
                                       const WmExportOptions *options,
                                       GCancellable          *cancellable,
                                       GError               **error);

G_END_DECLS
