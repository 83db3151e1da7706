/* test-print.c: printing goes through GtkPrintOperation and the shared
 * tiling; exporting the print job to PDF shows what a printer gets.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "wm-document-reader.h"
#include "wm-print.h"
#include "wm-test-map.h"

static WmDocument *
load_sample (void)
{
  return wm_test_load_map ("samples/software-purchase.waymark");
}

/* Prints @document to a PDF file and returns the PDF's text and pages. */
static char *
print_to_pdf (WmDocument  *document,
              WmPrintMode  mode,
              int         *n_pages)
{
  g_autofree char *directory = g_dir_make_tmp ("waymark-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (directory, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = wm_print_operation_new (document, mode);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  const char *pages;
  GtkPrintOperationResult result;
  const char *pdfinfo[] = { "pdfinfo", pdf, NULL };
  const char *pdftotext[] = { "pdftotext", pdf, "-", NULL };

  gtk_print_operation_set_export_filename (operation, pdf);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  g_spawn_sync (NULL, (char **) pdfinfo, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, NULL, &error);
  g_assert_no_error (error);
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  *n_pages = atoi (pages + strlen ("Pages:"));
  g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, NULL, &error);
  g_assert_no_error (error);

  g_unlink (pdf);
  g_rmdir (directory);
  return g_steal_pointer (&text);
}

static void
test_print_fit_width (void)
{
  g_autoptr(WmDocument) document = load_sample ();
  int pages = 0;
  g_autofree char *text = print_to_pdf (document, WM_PRINT_FIT_WIDTH, &pages);

  /* The whole width on each page: a tall map continues downwards. */
  g_assert_cmpint (pages, >=, 1);
  g_assert_cmpint (pages, <=, 4);
  g_assert_nonnull (strstr (text, "Plotline"));
  g_assert_nonnull (strstr (text, "Awareness"));
  g_assert_nonnull (strstr (text, "Renewal"));
  g_assert_nonnull (strstr (text, "page 1 of"));
}

static void
test_print_tiles (void)
{
  g_autoptr(WmDocument) document = load_sample ();
  int fit_pages = 0, tiled_pages = 0;
  g_autofree char *fitted = print_to_pdf (document, WM_PRINT_FIT_WIDTH, &fit_pages);
  g_autofree char *tiled = print_to_pdf (document, WM_PRINT_TILE, &tiled_pages);

  /* At actual size the map needs more sheets, each saying where it goes. */
  g_assert_cmpint (tiled_pages, >, fit_pages);
  g_assert_nonnull (strstr (tiled, "row 1, column 2"));
  g_assert_nonnull (strstr (tiled, "row 2, column 1"));
}

static void
test_print_fit_page (void)
{
  g_autoptr(WmDocument) document = load_sample ();
  int pages = 0;
  g_autofree char *text = print_to_pdf (document, WM_PRINT_FIT_PAGE, &pages);
  GListModel *stages = wm_document_get_stages (document);

  /* The whole map on one sheet, every stage on it. */
  g_assert_cmpint (pages, ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, i);

      g_assert_nonnull (strstr (text, wm_stage_get_name (stage)));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/print/fit-width", test_print_fit_width);
  g_test_add_func ("/print/tiles", test_print_tiles);
  g_test_add_func ("/print/fit-page", test_print_fit_page);

  return g_test_run ();
}
