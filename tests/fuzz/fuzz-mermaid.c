/* fuzz-mermaid.c: libFuzzer target for the Mermaid importer. Whatever the
 * bytes, importing must give a map or an error, never crash, hang or
 * leak; a map that imports must export, and that export must import
 * again and export the same text.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-mermaid.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(WmDocument) again = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_again = NULL;

  document = wm_mermaid_import ((const char *) data, size, &error);
  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  exported = wm_mermaid_export (document);
  again = wm_mermaid_import (exported, strlen (exported), &error);
  g_assert_no_error (error);
  exported_again = wm_mermaid_export (again);
  g_assert_cmpstr (exported, ==, exported_again);
  return 0;
}
