/* wm-import.c: a CSV or Mermaid file made into a map. The file's name
 * says which format it is in; what the map has no room for is left out
 * and said in the warnings, and a map comes back only if Waymark could
 * save and open it again.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-import"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-csv.h"
#include "wm-file-input.h"
#include "wm-import.h"
#include "wm-interchange.h"
#include "wm-mermaid.h"

static gboolean
is_csv (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".csv");
}

/**
 * wm_import_can_read:
 * @name: a file name
 *
 * Returns: whether the name says CSV (.csv) or Mermaid (.mmd, .mermaid)
 */
gboolean
wm_import_can_read (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".mmd") ||
         g_str_has_suffix (lower, ".mermaid");
}

/**
 * wm_import_file:
 * @file: a CSV or Mermaid file
 * @warnings: (out) (optional) (transfer full): what was left out, one
 *   sentence each, or %NULL when nothing was
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
WmDocument *
wm_import_file (GFile   *file,
                GStrv   *warnings,
                GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *contents = NULL;
  g_autofree char *json = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_auto(GStrv) left_out = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (warnings != NULL)
    *warnings = NULL;
  if (!wm_import_can_read (name))
    {
      g_set_error (error, WM_INTERCHANGE_ERROR, WM_INTERCHANGE_ERROR_INVALID,
                   _("Waymark imports CSV files (.csv) and Mermaid journeys (.mmd); "
                     "the name does not say which this is"));
      return NULL;
    }
  /* One byte past the limit, so that the importer's own message says
   * the file is too large. */
  if (!wm_file_load_regular (file, WM_INTERCHANGE_MAX_SIZE + 1, NULL, &contents, &length, error))
    return NULL;
  if (is_csv (name))
    document = wm_csv_import (contents, length, error);
  else
    document = wm_mermaid_import_with_warnings (contents, length, &left_out, error);
  if (document == NULL)
    return NULL;

  /* Only a map Waymark can open again. */
  json = wm_interchange_to_json (document, &length, error);
  if (json == NULL)
    return NULL;
  if (warnings != NULL)
    *warnings = g_steal_pointer (&left_out);
  return g_steal_pointer (&document);
}
