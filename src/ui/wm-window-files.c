/* wm-window-files.c: a window's map on disk: the title and its unsaved
 * marker, Save and Save As, asking before unsaved changes are closed,
 * and noticing changes other programs make to the file.
 *
 * Saving is synchronous: it must finish before the window may close, and
 * the document must not change while it is written.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-files"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-layout-text.h"
#include "wm-recovery.h"
#include "wm-window-private.h"

#define MAP_MIME_TYPE "application/x-waymark+json"
#define MAP_EXTENSION ".waymark"

static WmHistory *
history_of (WmWindow *self)
{
  return self->document != NULL ? wm_document_get_history (self->document) : NULL;
}

/**
 * wm_window_is_modified:
 *
 * Returns: whether the map has changes that are not in its file: edits
 *   since the last save, a recovered map, or a file deleted under us
 */
gboolean
wm_window_is_modified (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);

  if (self->document == NULL)
    return FALSE;
  return self->unsaved_content || wm_history_get_dirty (history_of (self));
}

/* The title names the map, with a dot while it has unsaved changes; the
 * subtitle names its file. */
void
wm_window_update_title (WmWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;

  if (self->document == NULL)
    return;
  title = wm_layout_map_title (self->document);
  if (wm_window_is_modified (self))
    {
      /* Translators: the title of a map with unsaved changes; %s is its title */
      g_autofree char *marked = g_strdup_printf (_("• %s"), title);

      g_free (title);
      title = g_steal_pointer (&marked);
    }
  basename = self->file != NULL ? g_file_get_basename (self->file) : g_strdup (_("Not Saved"));
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->window_title, title);
  adw_view_switcher_title_set_subtitle (self->window_title, basename);
}

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static void
remember_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) MAP_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "waymark %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* --- Saving --------------------------------------------------------------- */

static void
on_history_changed (WmWindow *self)
{
  wm_window_update_title (self);
  wm_window_schedule_autosave (self);
}

static void watch_file (WmWindow *self);

/* Dismisses the toast about a change on disk, once: the overlay keeps
 * a dismissed toast alive while it slides away, and libadwaita 1.2
 * frees it twice when it is dismissed again in that time (a crash when a
 * reload is followed at once by another change). */
static void
dismiss_reload_toast (WmWindow *self)
{
  AdwToast *toast = self->reload_toast;

  if (toast == NULL)
    return;
  g_clear_weak_pointer (&self->reload_toast);
  adw_toast_dismiss (toast);
}

/**
 * wm_window_save_to:
 * @file: where to save the map
 * @error: return location for a #GError
 *
 * Saves the window's map to @file, which it then belongs to. On failure
 * the window also says why in a toast, and nothing on disk changes.
 *
 * Returns: %TRUE on success
 */
gboolean
wm_window_save_to (WmWindow  *self,
                   GFile     *file,
                   GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  if (!wm_document_save (self->document, file, NULL, &local_error))
    {
      wm_window_show_toast (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_set_object (&self->file, file);
      watch_file (self);
      wm_window_remember_zoom (self);
    }
  g_free (self->saved_etag);
  self->saved_etag = query_etag (file);
  wm_window_remember_base (self, wm_document_to_json (self->document, NULL));
  self->unsaved_content = FALSE;
  wm_window_set_reload_pending (self, FALSE);
  wm_window_forget_recovery_copy (self);
  remember_recent (file);
  wm_window_update_title (self);
  return TRUE;
}

static char *
suggested_file_name (WmWindow *self)
{
  g_autofree char *title = wm_layout_map_title (self->document);

  /* A title may hold characters no file name can. */
  g_strdelimit (title, "/\\:", '-');
  return g_strconcat (title, MAP_EXTENSION, NULL);
}

/* A name typed without an extension gets ours, so the file manager and
 * Open find it again. */
static GFile *
with_map_extension (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *named = NULL;

  if (strchr (basename, '.') != NULL)
    return g_object_ref (file);
  parent = g_file_get_parent (file);
  named = g_strconcat (basename, MAP_EXTENSION, NULL);
  return parent != NULL ? g_file_get_child (parent, named) : g_object_ref (file);
}

GtkFileFilter *
wm_window_new_map_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journey maps"));
  gtk_file_filter_add_mime_type (filter, MAP_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "waymark");
  return filter;
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     WmWindow        *self)
{
  gboolean close_after = self->close_after_save;

  self->close_after_save = FALSE;
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) file = with_map_extension (chosen);

      if (wm_window_save_to (self, file, NULL) && close_after)
        gtk_window_close (GTK_WINDOW (self));
    }
  g_clear_object (&self->save_chooser);
}

static void
ask_where_to_save (WmWindow *self)
{
  g_autoptr(GtkFileFilter) filter = wm_window_new_map_filter ();

  if (self->save_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
      return;
    }

  self->save_chooser = gtk_file_chooser_native_new (_("Save Map"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->save_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->save_chooser), filter);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->save_chooser), self->file, NULL);
  else
    {
      g_autofree char *name = suggested_file_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);
    }
  g_signal_connect (self->save_chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

/* Saves where the map belongs, asking first if it belongs nowhere yet.
 * Returns %TRUE only if it was saved now. */
static gboolean
save (WmWindow *self)
{
  if (self->file == NULL)
    {
      ask_where_to_save (self);
      return FALSE;
    }
  return wm_window_save_to (self, self->file, NULL);
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  save (user_data);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  ask_where_to_save (user_data);
}

/* --- Changes made by other programs ------------------------------------- */

static void
reload (WmWindow *self)
{
  g_autoptr(GFile) file = g_object_ref (self->file);

  wm_window_set_reload_pending (self, FALSE);
  /* The copy protected changes the user has now chosen to drop. */
  wm_window_forget_recovery_copy (self);
  self->unsaved_content = FALSE;
  if (!wm_window_open_file (self, file))
    wm_window_update_title (self);
}

static void
on_reload_response (AdwMessageDialog *dialog,
                    const char       *response,
                    WmWindow         *self)
{
  if (g_strcmp0 (response, "reload") == 0 && self->file != NULL)
    reload (self);
  else if (g_strcmp0 (response, "merge") == 0)
    wm_window_merge_file_changes (self);
}

static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  WmWindow *self = user_data;
  g_autofree char *basename = NULL;
  AdwMessageDialog *dialog;

  if (self->file == NULL)
    return;
  if (!wm_window_is_modified (self))
    {
      reload (self);
      return;
    }

  basename = g_file_get_basename (self->file);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  /* A changed file and unsaved edits: merging keeps both, as git would. */
  adw_message_dialog_set_heading (dialog, _("The Map Changed on Disk"));
  /* Translators: %s is a file name */
  adw_message_dialog_format_body (dialog, _("Another program changed “%s” while you have unsaved changes. "
                                            "Merge its changes into yours, keep only yours (saving "
                                            "replaces the file), or reload the file and lose yours."),
                                  basename);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep Mine"), "reload", _("_Reload"),
                                    "merge", _("_Merge the Changes"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "merge");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reload_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry file_actions[] = {
  { .name = "save", .activate = save_action },
  { .name = "save-as", .activate = save_as_action },
  { .name = "reload", .activate = reload_action },
};

/* Reload is offered only while the file differs from what was loaded. */
void
wm_window_set_reload_pending (WmWindow *self,
                              gboolean  pending)
{
  GAction *reload = g_action_map_lookup_action (G_ACTION_MAP (self), "reload");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (reload), pending);
  if (!pending)
    dismiss_reload_toast (self);
}

static void
show_external_change (WmWindow   *self,
                      const char *message,
                      gboolean    offer_reload)
{
  AdwToast *toast = adw_toast_new (message);

  dismiss_reload_toast (self);
  /* It stays until answered: the user may be busy elsewhere in the map. */
  adw_toast_set_timeout (toast, 0);
  if (offer_reload)
    {
      adw_toast_set_button_label (toast, wm_window_is_modified (self) ? _("_Merge…") : _("_Reload"));
      adw_toast_set_action_name (toast, "win.reload");
    }
  g_set_weak_pointer (&self->reload_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_file_changed (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 WmWindow          *self)
{
  g_autofree char *etag = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  /* Wait for a writer to finish; a rename over the file comes as one
   * event of its own. */
  if (event == G_FILE_MONITOR_EVENT_CHANGED || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT || self->file == NULL)
    return;

  etag = query_etag (self->file);
  /* Our own save, or a change that ended where it began. */
  if (g_strcmp0 (etag, self->saved_etag) == 0)
    return;

  basename = g_file_get_basename (self->file);
  g_free (self->saved_etag);
  self->saved_etag = g_strdup (etag);
  if (etag == NULL)
    {
      /* The map in the window is now the only copy. */
      self->unsaved_content = TRUE;
      wm_window_set_reload_pending (self, FALSE);
      wm_window_update_title (self);
      wm_window_schedule_autosave (self);
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("“%s” was deleted or moved by another program. Save to keep the map."),
                                 basename);
      show_external_change (self, message, FALSE);
    }
  else
    {
      wm_window_set_reload_pending (self, TRUE);
      /* Translators: %s is a file name */
      message = g_strdup_printf (_("“%s” was changed by another program"), basename);
      show_external_change (self, message, TRUE);
    }
}

static void
watch_file (WmWindow *self)
{
  if (self->file_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->file_monitor, self);
      g_file_monitor_cancel (self->file_monitor);
      g_clear_object (&self->file_monitor);
    }
  if (self->file == NULL)
    return;

  /* Without a monitor (some remote file systems) the map still works;
   * it just cannot notice other programs. */
  self->file_monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->file_monitor != NULL)
    g_signal_connect (self->file_monitor, "changed", G_CALLBACK (on_file_changed), self);
}

/* --- Closing ------------------------------------------------------------ */

/* The dialog must be gone before its parent is: closing waits for the
 * response to finish. */
static gboolean
close_when_idle (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   WmWindow         *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      wm_window_forget_recovery_copy (self);
      self->close_confirmed = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle, g_object_ref (self), g_object_unref);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      if (self->file == NULL)
        {
          self->close_after_save = TRUE;
          ask_where_to_save (self);
        }
      else if (save (self))
        g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_when_idle, g_object_ref (self), g_object_unref);
    }
}

static void
ask_before_closing (WmWindow *self)
{
  g_autofree char *title = wm_layout_map_title (self->document);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  /* Translators: %s is the map's title */
  adw_message_dialog_format_heading (dialog, _("Save Changes to “%s”?"), title);
  adw_message_dialog_set_body (dialog, _("If you don’t save, your changes will be lost."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", self->file != NULL ? _("_Save") : _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Returns whether the window may close now. */
gboolean
wm_window_files_close_request (WmWindow *self)
{
  if (self->close_confirmed || !wm_window_is_modified (self))
    {
      wm_window_forget_recovery_copy (self);
      return TRUE;
    }
  ask_before_closing (self);
  return FALSE;
}

/* --- Following the shown map ------------------------------------------ */

void
wm_window_add_file_actions (WmWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), file_actions, G_N_ELEMENTS (file_actions), self);
  wm_window_enable_actions (self, file_actions, G_N_ELEMENTS (file_actions), FALSE);
  g_signal_connect_object (self->settings, "changed::autosave", G_CALLBACK (wm_window_autosave_setting_changed), self,
                           G_CONNECT_SWAPPED);
  wm_window_add_conflict_actions (self);
}

void
wm_window_files_dispose (WmWindow *self)
{
  /* A copy left here is deliberate: a window destroyed without asking
   * (not through Close) must not take unsaved work with it. */
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->file_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->file_monitor, self);
      g_file_monitor_cancel (self->file_monitor);
      g_clear_object (&self->file_monitor);
    }
  if (self->files_history != NULL)
    g_signal_handlers_disconnect_by_data (self->files_history, self);
  g_clear_object (&self->files_history);
  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
  g_clear_object (&self->save_chooser);
  g_clear_weak_pointer (&self->reload_toast);
  g_clear_pointer (&self->saved_etag, g_free);
  g_clear_pointer (&self->recovery_id, g_free);
  wm_window_conflicts_dispose (self);
}

/* Called once a map is shown, whether opened, new, reloaded or recovered.
 * The previous map's recovery copy goes: the user chose to replace it. */
void
wm_window_files_document_shown (WmWindow *self)
{
  if (self->recovery_id != NULL)
    wm_window_forget_recovery_copy (self);
  g_free (self->recovery_id);
  self->recovery_id = wm_recovery_new_id ();
  self->unsaved_content = FALSE;
  self->autosave_error_shown = FALSE;

  if (self->files_history != NULL)
    g_signal_handlers_disconnect_by_data (self->files_history, self);
  g_set_object (&self->files_history, history_of (self));
  if (self->files_history != NULL)
    {
      g_signal_connect_object (self->files_history, "changed", G_CALLBACK (on_history_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->files_history, "notify::dirty", G_CALLBACK (wm_window_update_title), self,
                               G_CONNECT_SWAPPED);
    }

  g_free (self->saved_etag);
  self->saved_etag = self->file != NULL ? query_etag (self->file) : NULL;
  watch_file (self);
  wm_window_set_reload_pending (self, FALSE);
  wm_window_enable_actions (self, file_actions, 2, self->document != NULL);
  gtk_widget_set_visible (self->save_button, self->document != NULL);
  if (self->file != NULL)
    remember_recent (self->file);
  wm_window_conflicts_document_shown (self);
  wm_window_update_title (self);
}
