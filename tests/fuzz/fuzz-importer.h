/* fuzz-importer.h: the property the CSV and Mermaid fuzz targets check.
 * Whatever the bytes, importing gives a map or an error, never a crash,
 * hang or leak; a map that imports exports, and that export imports
 * again and exports the same text.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

typedef WmDocument *(*FuzzImport) (const char *data, gsize length, GError **error);
typedef char *(*FuzzExport) (WmDocument *document);

static inline int
fuzz_importer (const guint8 *data,
               size_t        size,
               FuzzImport    import,
               FuzzExport    export)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(WmDocument) again = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_again = NULL;

  document = import ((const char *) data, size, &error);
  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  exported = export (document);
  again = import (exported, strlen (exported), &error);
  g_assert_no_error (error);
  exported_again = export (again);
  g_assert_cmpstr (exported, ==, exported_again);
  return 0;
}
