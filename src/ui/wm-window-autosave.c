/* wm-window-autosave.c: the recovery copy of a window's unsaved map.
 *
 * A short time after each change, the map goes to the user's state
 * directory through wm-recovery.c, never over the user's own file. The
 * copy is serialized on the main thread and written on a worker, so
 * autosave never stalls typing. It is removed once the map is saved, or
 * its changes are undone or discarded.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-autosave"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-document-writer.h"
#include "wm-layout-text.h"
#include "wm-recovery.h"
#include "wm-window-private.h"

/* Long enough that a burst of typing is one write, short enough that a
 * crash loses only a sentence. */
#define AUTOSAVE_DELAY_MS 2000

typedef struct
{
  char *id;
  char *json;
  gsize length;
  char *title;
  GFile *original;
} RecoveryJob;

static void
recovery_job_free (gpointer data)
{
  RecoveryJob *job = data;

  g_free (job->id);
  g_free (job->json);
  g_free (job->title);
  g_clear_object (&job->original);
  g_free (job);
}

static void
write_recovery_in_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  RecoveryJob *job = task_data;
  GError *error = NULL;

  if (wm_recovery_write (job->id, job->json, job->length, job->title, job->original, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_recovery_written (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  WmWindow *self = WM_WINDOW (source);
  RecoveryJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->autosave_in_flight = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Once per window: a full disk would otherwise repeat it every
       * couple of seconds. */
      if (!self->autosave_error_shown)
        {
          /* Translators: %s is the reason, such as "No space left on device" */
          g_autofree char *message = g_strdup_printf (_("Could not keep a recovery copy: %s"), error->message);

          wm_window_show_toast (self, message);
          self->autosave_error_shown = TRUE;
        }
      return;
    }

  /* Saved, discarded or replaced while the copy was being written: the
   * copy must not outlive the changes it protected. A window destroyed
   * without being closed keeps it: its changes were never saved. */
  if (!self->recovery_copy_wanted ||
      (self->document != NULL && (g_strcmp0 (job->id, self->recovery_id) != 0 || !wm_window_is_modified (self))))
    wm_recovery_remove (job->id);
  else if (self->autosave_again)
    wm_window_schedule_autosave (self);
  self->autosave_again = FALSE;
}

static void
write_recovery_copy (WmWindow *self)
{
  g_autoptr(GTask) task = NULL;
  RecoveryJob *job;

  if (self->autosave_in_flight)
    {
      self->autosave_again = TRUE;
      return;
    }

  job = g_new0 (RecoveryJob, 1);
  job->id = g_strdup (self->recovery_id);
  job->json = wm_document_to_json (self->document, &job->length);
  job->title = wm_layout_map_title (self->document);
  job->original = self->file != NULL ? g_object_ref (self->file) : NULL;

  self->autosave_in_flight = TRUE;
  self->recovery_copy_wanted = TRUE;
  task = g_task_new (self, NULL, on_recovery_written, NULL);
  g_task_set_source_tag (task, write_recovery_copy);
  g_task_set_task_data (task, job, recovery_job_free);
  g_task_run_in_thread (task, write_recovery_in_thread);
}

static gboolean
on_autosave_timeout (gpointer user_data)
{
  WmWindow *self = user_data;

  self->autosave_source = 0;
  if (self->document != NULL && wm_window_is_modified (self))
    write_recovery_copy (self);
  return G_SOURCE_REMOVE;
}

void
wm_window_forget_recovery_copy (WmWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->recovery_copy_wanted = FALSE;
  if (self->recovery_id != NULL)
    wm_recovery_remove (self->recovery_id);
}

/* After each change: a copy soon, unless the change undid the last
 * unsaved one, and then no copy at all. */
void
wm_window_schedule_autosave (WmWindow *self)
{
  if (!wm_window_is_modified (self))
    {
      wm_window_forget_recovery_copy (self);
      return;
    }
  if (!g_settings_get_boolean (self->settings, "autosave"))
    return;
  if (self->autosave_source == 0)
    self->autosave_source = g_timeout_add (AUTOSAVE_DELAY_MS, on_autosave_timeout, self);
}

void
wm_window_autosave_setting_changed (WmWindow *self)
{
  if (g_settings_get_boolean (self->settings, "autosave"))
    wm_window_schedule_autosave (self);
  else
    wm_window_forget_recovery_copy (self);
}

/**
 * wm_window_mark_unsaved:
 *
 * Says that the shown map holds changes its file does not: a recovered
 * map, or a copy of a sample. The window keeps a recovery copy at once
 * and asks before closing.
 */
void
wm_window_mark_unsaved (WmWindow *self)
{
  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (self->document != NULL);

  self->unsaved_content = TRUE;
  wm_window_update_title (self);
  if (g_settings_get_boolean (self->settings, "autosave"))
    write_recovery_copy (self);
}
