/* fuzz-importer.h: the property the CSV and Mermaid fuzz targets check.
 * Whatever the bytes, importing gives a map or an error, never a crash,
 * hang or leak. A map that imports is a valid Waymark map: it saves, and
 * the saved file opens again. It exports, and that export imports again
 * and exports the same text.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"

typedef WmDocument *(*FuzzImport) (const char *data, gsize length, GError **error);
typedef char *(*FuzzExport) (WmDocument *document);
typedef void (*FuzzCheck) (const char *exported);

static inline int
fuzz_importer (const guint8 *data,
               size_t        size,
               FuzzImport    import,
               FuzzExport    export,
               FuzzCheck     check_export)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(WmDocument) reloaded = NULL;
  g_autoptr(WmDocument) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_again = NULL;

  document = import ((const char *) data, size, &error);
  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strchr (error->message, '\n'));
      return 0;
    }

  /* The loader checks every rule of the format, so what it refuses
   * here the importer should not have made. */
  json = wm_document_to_json (document, NULL);
  reloaded = wm_document_load_from_data (json, strlen (json), &error);
  if (reloaded == NULL)
    g_error ("the imported map does not open once saved: %s\n%s", error->message, json);

  exported = export (document);
  if (check_export != NULL)
    check_export (exported);
  again = import (exported, strlen (exported), &error);
  if (again == NULL)
    g_error ("the export does not import: %s\n%s", error->message, exported);
  exported_again = export (again);
  g_assert_cmpstr (exported, ==, exported_again);
  return 0;
}
