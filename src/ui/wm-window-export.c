/* wm-window-export.c: the window's Export… and Print… actions.
 *
 * Export asks for a file through GtkFileChooserNative (the portal, inside
 * Flatpak), with the format chosen by filter and the page size and PNG
 * scale as choices in the same dialog, and writes it on a worker thread
 * so a large map does not freeze the window.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-export.h"
#include "wm-layout-text.h"
#include "wm-print.h"
#include "wm-window-private.h"

typedef struct
{
  const char *name;         /* for the filter, translated at runtime */
  const char *pattern;
  const char *extension;
  WmExportFormat format;
} ExportFilter;

static const ExportFilter export_filters[] = {
  { N_("PDF document"), "*.pdf", ".pdf", WM_EXPORT_FORMAT_PDF },
  { N_("PNG image"), "*.png", ".png", WM_EXPORT_FORMAT_PNG },
  { N_("SVG image"), "*.svg", ".svg", WM_EXPORT_FORMAT_SVG },
  { N_("CSV spreadsheet"), "*.csv", ".csv", WM_EXPORT_FORMAT_CSV },
  { N_("Mermaid journey"), "*.mmd", ".mmd", WM_EXPORT_FORMAT_MERMAID },
};

typedef struct
{
  WmDocument *document;
  GFile *file;
  WmExportOptions options;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->document);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (wm_export (job->document, job->file, &job->options, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_finished (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  WmWindow *self = WM_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *message = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Exported “%s”"), name);
  else
    message = g_strdup (error->message);
  wm_window_show_toast (self, message);
}

/**
 * wm_window_export_to:
 * @file: where to write
 * @options: the format and its options
 *
 * Exports the window's map on a worker thread; a toast reports the
 * result or the error.
 */
void
wm_window_export_to (WmWindow              *self,
                     GFile                 *file,
                     const WmExportOptions *options)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (self->document != NULL);

  job = g_new0 (ExportJob, 1);
  job->document = g_object_ref (self->document);
  job->file = g_object_ref (file);
  job->options = *options;

  task = g_task_new (self, NULL, on_export_finished, NULL);
  g_task_set_source_tag (task, wm_window_export_to);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

static const ExportFilter *
filter_for_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (export_filters); i++)
    if (g_str_has_suffix (lower, export_filters[i].extension))
      return &export_filters[i];
  return NULL;
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    WmWindow        *self)
{
  g_autoptr(GFile) chosen = NULL;
  const ExportFilter *filter = NULL;
  GtkFileFilter *selected;
  const char *page_size, *scale;
  WmExportOptions options;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_object_unref (dialog);
      return;
    }

  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  selected = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
  filter = filter_for_file (chosen);
  if (filter == NULL)
    {
      /* No known extension: the chosen filter decides, and names the file. */
      g_autofree char *name = g_file_get_basename (chosen);
      g_autofree char *with_extension = NULL;
      g_autoptr(GFile) parent = g_file_get_parent (chosen);

      filter = &export_filters[0];
      for (guint i = 0; selected != NULL && i < G_N_ELEMENTS (export_filters); i++)
        if (g_strcmp0 (gtk_file_filter_get_name (selected), _(export_filters[i].name)) == 0)
          filter = &export_filters[i];
      with_extension = g_strconcat (name, filter->extension, NULL);
      g_object_unref (chosen);
      chosen = g_file_get_child (parent, with_extension);
    }

  wm_export_options_init (&options);
  options.format = filter->format;
  page_size = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "page-size");
  scale = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "scale");
  if (page_size != NULL)
    wm_page_size_from_name (page_size, &options.page_size);
  options.scale = g_strcmp0 (scale, "2") == 0 ? 2 : 1;

  wm_window_export_to (self, chosen, &options);
  g_object_unref (dialog);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);
  GtkFileChooserNative *dialog;
  g_autofree char *title = NULL;
  g_autofree char *suggested = NULL;
  const char *page_ids[] = { "fit", "a4", "a3", "letter", NULL };
  const char *page_labels[] = { _("One page, the size of the map"), _("A4 pages"), _("A3 pages"),
                                _("Letter pages"), NULL };
  const char *scale_ids[] = { "1", "2", NULL };
  const char *scale_labels[] = { _("1×"), _("2× (sharper, four times the pixels)"), NULL };

  if (self->document == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (export_filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(export_filters[i].name));
      gtk_file_filter_add_pattern (filter, export_filters[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "page-size", _("PDF pages"), page_ids, page_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "page-size", "fit");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "scale", _("PNG scale"), scale_ids, scale_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "scale", "1");

  title = wm_layout_map_title (self->document);
  suggested = g_strconcat (title, ".pdf", NULL);
  g_strdelimit (suggested, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Print */

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               WmWindow                *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      wm_window_show_toast (self, error->message);
    }
}

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;

  operation = wm_print_operation_new (self->document, WM_PRINT_FIT_WIDTH);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (on_print_done), self);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    wm_window_show_toast (self, error->message);
}

static const GActionEntry export_actions[] = {
  { .name = "export", .activate = export_action },
  { .name = "print", .activate = print_action },
};

/* Adds win.export and win.print, disabled until a map is open. */
void
wm_window_add_export_actions (WmWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), export_actions, G_N_ELEMENTS (export_actions), self);
  wm_window_set_export_enabled (self, FALSE);
}

void
wm_window_set_export_enabled (WmWindow *self,
                              gboolean  enabled)
{
  wm_window_enable_actions (self, export_actions, G_N_ELEMENTS (export_actions), enabled);
}
