/* wm-print.c: the print dialog's pages come from the same painter and
 * tiling as the PDF export, so a printed map matches the exported one.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-print"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-layout-text.h"
#include "wm-print.h"
#include "wm-tiling.h"

typedef struct
{
  WmDocument *document;
  WmPrintMode mode;
  WmLayout *layout;
  WmTiling tiling;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  wm_tiling_clear (&job->tiling);
  g_clear_pointer (&job->layout, wm_layout_unref);
  g_clear_object (&job->document);
  g_free (job);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  PrintJob *job = user_data;
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  static const WmTilingMode modes[] = { [WM_PRINT_FIT_WIDTH] = WM_TILING_FIT_WIDTH,
                                        [WM_PRINT_TILE] = WM_TILING_ACTUAL,
                                        [WM_PRINT_FIT_PAGE] = WM_TILING_FIT_PAGE };

  /* Paper is white whatever the desktop's theme. The preview begins a
   * print again, with the choices as they are then. */
  g_clear_pointer (&job->layout, wm_layout_unref);
  wm_tiling_clear (&job->tiling);
  job->layout = wm_layout_new (job->document, style, measure);
  wm_tiling_init (&job->tiling, job->layout,
                  gtk_print_context_get_width (context), gtk_print_context_get_height (context), 0,
                  modes[job->mode]);
  gtk_print_operation_set_n_pages (operation, wm_tiling_get_n_pages (&job->tiling));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  PrintJob *job = user_data;

  wm_tiling_paint_page (&job->tiling, gtk_print_context_get_cairo_context (context), job->layout, page);
}

static GtkWidget *
add_choice (GtkWidget  *box,
            GtkWidget  *group,
            const char *mnemonic,
            const char *label)
{
  GtkWidget *button = gtk_check_button_new_with_mnemonic (mnemonic);

  /* Named for screen readers without the mnemonic, which GTK 4.8 would
   * read out ("_Fit the map… Fit the map…"). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), GTK_CHECK_BUTTON (group));
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

/* A "Map" tab in the print dialog: the whole width on each sheet, the
 * whole map on one sheet, or actual size across as many sheets as it
 * takes. The dialog's Preview shows the choice. */
static GObject *
on_create_custom_widget (GtkPrintOperation *operation,
                         gpointer           user_data)
{
  PrintJob *job = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons[3];

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 12);
  buttons[WM_PRINT_FIT_WIDTH] = add_choice (box, NULL, _("_Fit the map to the page width"),
                                            _("Fit the map to the page width"));
  buttons[WM_PRINT_FIT_PAGE] = add_choice (box, buttons[WM_PRINT_FIT_WIDTH], _("Fit the map to _one page"),
                                           _("Fit the map to one page"));
  buttons[WM_PRINT_TILE] = add_choice (box, buttons[WM_PRINT_FIT_WIDTH],
                                       _("Print at _actual size across several pages"),
                                       _("Print at actual size across several pages"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (buttons[job->mode]), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    g_object_set_data (G_OBJECT (buttons[i]), "wm-print-mode", GUINT_TO_POINTER (i));
  return G_OBJECT (box);
}

static void
on_custom_widget_apply (GtkPrintOperation *operation,
                        GtkWidget         *widget,
                        gpointer           user_data)
{
  PrintJob *job = user_data;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      job->mode = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "wm-print-mode"));
}

/**
 * wm_print_operation_new:
 * @document: the map to print
 * @mode: fit to the page width or to one page, or tile at actual size
 *
 * Returns: (transfer full): a print operation, ready to run
 */
GtkPrintOperation *
wm_print_operation_new (WmDocument  *document,
                        WmPrintMode  mode)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autofree char *title = wm_layout_map_title (document);
  PrintJob *job = g_new0 (PrintJob, 1);

  job->document = g_object_ref (document);
  job->mode = mode;

  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (on_create_custom_widget), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (on_custom_widget_apply), job);
  /* Translators: the print dialog's tab for how the map goes on paper */
  gtk_print_operation_set_custom_tab_label (operation, _("Map"));
  g_object_set_data_full (G_OBJECT (operation), "wm-print-job", job, print_job_free);

  return operation;
}
