/* wm-window-export.c: the window's Export… and Print… actions.
 *
 * Export opens the Export dialog (wm-export-dialog.c), which asks for the
 * format, its options and the file; the window then writes it on a worker
 * thread so a large map does not freeze the window.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-export"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-export-dialog.h"
#include "wm-export.h"
#include "wm-layout-text.h"
#include "wm-print.h"
#include "wm-window-private.h"

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

static WmDocument *
copy_document (WmDocument *document)
{
  gsize length;
  g_autofree char *json = wm_document_to_json (document, &length);
  g_autoptr(GError) error = NULL;
  WmDocument *copy = wm_document_load_from_data (json, length, &error);

  /* What the writer writes, the reader reads; the format tests hold it. */
  g_assert_no_error (error);
  return copy;
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
  /* The worker draws a copy: the user goes on editing the map meanwhile. */
  job->document = copy_document (self->document);
  job->file = g_object_ref (file);
  job->options = *options;

  task = g_task_new (self, NULL, on_export_finished, NULL);
  g_task_set_source_tag (task, wm_window_export_to);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  WmWindow *self = WM_WINDOW (user_data);

  if (self->document != NULL)
    gtk_window_present (GTK_WINDOW (wm_export_dialog_new (self)));
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
