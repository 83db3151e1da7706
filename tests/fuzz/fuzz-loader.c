/* fuzz-loader.c: libFuzzer target for the document loader. Whatever the
 * bytes, loading must return a document or an error, never crash, hang
 * or leak; a document that loads must save and load again.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-document-reader.h"
#include "wm-document-writer.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;

  document = wm_document_load_from_data ((const char *) data, size, &error);
  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  /* What loads must survive a round trip unchanged. */
  {
    g_autofree char *saved = wm_document_to_json (document, NULL);
    g_autoptr(WmDocument) reloaded = wm_document_load_from_data (saved, strlen (saved), &error);
    g_autofree char *saved_again = NULL;

    g_assert_no_error (error);
    saved_again = wm_document_to_json (reloaded, NULL);
    g_assert_cmpstr (saved, ==, saved_again);
  }

  return 0;
}
