/* wm-document-reader.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-document.h"

G_BEGIN_DECLS

/* Files larger than this are refused before they are parsed. */
#define WM_DOCUMENT_MAX_FILE_SIZE (64 * 1024 * 1024)
/* The largest embedded persona photo, decoded. */
#define WM_PHOTO_MAX_SIZE (2 * 1024 * 1024)
/* Deeper than any real map; refused before parsing, to keep the parser's
 * recursion bounded. */
#define WM_DOCUMENT_MAX_DEPTH 64

#define WM_DOCUMENT_ERROR (wm_document_error_quark ())

typedef enum
{
  WM_DOCUMENT_ERROR_TOO_LARGE,
  WM_DOCUMENT_ERROR_NOT_JSON,
  WM_DOCUMENT_ERROR_NOT_WAYMARK,
  WM_DOCUMENT_ERROR_NEWER_VERSION,
  WM_DOCUMENT_ERROR_INVALID,
} WmDocumentError;

GQuark      wm_document_error_quark     (void);
WmDocument *wm_document_load_from_data  (const char    *data,
                                         gsize          length,
                                         GError       **error);
WmDocument *wm_document_load            (GFile         *file,
                                         GCancellable  *cancellable,
                                         GError       **error);
GStrv       wm_document_list_problems   (GFile         *file,
                                         GCancellable  *cancellable);

G_END_DECLS
