/* wm-csv.h: maps to and from spreadsheets.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

/* The byte-order mark spreadsheet programs look for to read UTF-8. */
#define WM_CSV_BYTE_ORDER_MARK "\xEF\xBB\xBF"

char       *wm_csv_export (WmDocument  *document);
char       *wm_csv_export_full (WmDocument *document,
                                gboolean    byte_order_mark);
WmDocument *wm_csv_import (const char  *data,
                           gsize        length,
                           GError     **error);

G_END_DECLS
