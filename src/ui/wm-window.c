/* wm-window.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas.h"
#include "wm-document-reader.h"
#include "wm-layout-text.h"
#include "wm-recent-list.h"
#include "wm-window-private.h"

G_DEFINE_FINAL_TYPE (WmWindow, wm_window, ADW_TYPE_APPLICATION_WINDOW)

/* A button whose action does not exist yet is hidden, like the menu
 * entries with hidden-when="action-missing": nothing on screen may look
 * like it works when it does not. */
static void
update_button_for_action (GtkButton    *button,
                          GActionGroup *group,
                          const char   *removed_action)
{
  const char *detailed = gtk_actionable_get_action_name (GTK_ACTIONABLE (button));
  const char *name = strchr (detailed, '.');
  gboolean available = group != NULL && name != NULL &&
                       g_strcmp0 (name + 1, removed_action) != 0 &&
                       g_action_group_has_action (group, name + 1);

  gtk_widget_set_visible (GTK_WIDGET (button), available);
}

/* @removed_action is still in the group while "action-removed" runs. */
static void
update_empty_state_buttons (WmWindow   *self,
                            const char *removed_action)
{
  GActionGroup *app = G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (self)));

  update_button_for_action (self->new_map_button, app, removed_action);
  update_button_for_action (self->open_button, app, removed_action);
  update_button_for_action (self->header_new_button, app, removed_action);
  update_button_for_action (self->header_open_button, app, removed_action);
}

static void
on_application_action_added (GActionGroup *group,
                             const char   *action_name,
                             WmWindow     *self)
{
  update_empty_state_buttons (self, NULL);
}

static void
on_application_action_removed (GActionGroup *group,
                               const char   *action_name,
                               WmWindow     *self)
{
  update_empty_state_buttons (self, action_name);
}

static void
restore_window_state (WmWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (WmWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The unmaximized size is what the user chose; a maximized window's
   * size only reflects the screen. */
  if (!maximized)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
wm_window_close_request (GtkWindow *window)
{
  WmWindow *self = WM_WINDOW (window);

  /* Unsaved changes first: the user may still cancel the close. */
  if (!wm_window_files_close_request (self))
    return TRUE;
  save_window_state (self);

  return GTK_WINDOW_CLASS (wm_window_parent_class)->close_request (window);
}

/* "application" is an ordinary property, set only after construction, so
 * the window follows it instead of reading it in constructed(). */
static void
on_notify_application (WmWindow   *self,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->watched_application != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_application, self);
  g_set_weak_pointer (&self->watched_application, app);

  if (app != NULL)
    {
      g_signal_connect_object (app, "action-added",
                               G_CALLBACK (on_application_action_added),
                               self, 0);
      g_signal_connect_object (app, "action-removed",
                               G_CALLBACK (on_application_action_removed),
                               self, 0);
    }
  update_empty_state_buttons (self, NULL);
}

static void
wm_window_dispose (GObject *object)
{
  WmWindow *self = WM_WINDOW (object);

  wm_window_files_dispose (self);
  wm_window_edit_dispose (self);
  wm_window_health_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  if (self->watched_application != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_application, self);
  g_clear_weak_pointer (&self->watched_application);

  G_OBJECT_CLASS (wm_window_parent_class)->dispose (object);
}

/* Maps dropped from the file manager open as if chosen in Open. */
static gboolean
on_files_dropped (GtkDropTarget *target,
                  const GValue  *value,
                  double         x,
                  double         y,
                  WmWindow      *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files = g_value_get_boxed (value);

  if (!WM_IS_APPLICATION (app) || files == NULL)
    return FALSE;
  for (GSList *l = files; l != NULL; l = l->next)
    {
      /* The first map replaces an empty window's empty state. */
      if (l == files && self->document == NULL)
        wm_window_open_file (self, l->data);
      else
        wm_application_open_file (WM_APPLICATION (app), l->data);
    }
  return TRUE;
}

static void
add_file_drop_target (WmWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_files_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
wm_window_class_init (WmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = wm_window_dispose;
  window_class->close_request = wm_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/wm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, new_map_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, header_new_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, header_open_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, present_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, minimap);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, priorities_view);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, health_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, view_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, view_label);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, view_popover);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, zoom_level_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, edit_box);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, add_lane_menu);
  gtk_widget_class_bind_template_child (widget_class, WmWindow, conflict_revealer);

  g_type_ensure (WM_TYPE_CANVAS);
  g_type_ensure (WM_TYPE_MINIMAP);
  g_type_ensure (WM_TYPE_INSPECTOR);
  g_type_ensure (WM_TYPE_RECENT_LIST);
  g_type_ensure (WM_TYPE_PRIORITIES_VIEW);
  g_type_ensure (WM_TYPE_VIEW_POPOVER);
}

static void
wm_window_init (WmWindow *self)
{
  g_autofree char *title = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  /* Translators: the window title of development snapshots; %s is "Waymark". */
  title = g_strdup_printf (_("%s (Development)"), _("Waymark"));
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#else
  title = g_strdup (_("Waymark"));
#endif
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->window_title, title);
  adw_status_page_set_icon_name (self->empty_page, APP_ID);

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  restore_window_state (self);

  g_signal_connect (self, "notify::application",
                    G_CALLBACK (on_notify_application), NULL);
  update_empty_state_buttons (self, NULL);
  wm_window_add_export_actions (self);
  wm_window_add_zoom_actions (self);
  wm_window_add_edit_actions (self);
  wm_window_add_file_actions (self);
  wm_window_add_import_actions (self);
  wm_window_add_inspector_actions (self);
  wm_window_add_compare_actions (self);
  wm_window_add_present_actions (self);
  wm_window_add_view_actions (self);
  wm_window_add_health_actions (self);
  wm_window_add_template_actions (self);
  add_file_drop_target (self);
}

/**
 * wm_window_new:
 * @application: the application the window belongs to
 *
 * Returns: (transfer none): a new main window, owned by @application
 */
WmWindow *
wm_window_new (WmApplication *application)
{
  g_return_val_if_fail (WM_IS_APPLICATION (application), NULL);

  return g_object_new (WM_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/* Enables or disables window actions added from @entries. */
void
wm_window_enable_actions (WmWindow           *self,
                          const GActionEntry *entries,
                          guint               n_entries,
                          gboolean            enabled)
{
  for (guint i = 0; i < n_entries; i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), entries[i].name);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
}

void
wm_window_show_toast (WmWindow   *self,
                      const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * wm_window_show_error:
 * @heading: what failed, such as "Could not open “map.waymark”"
 * @body: why
 *
 * Tells the user of a failure that needs reading, in a dialog.
 */
void
wm_window_show_error (WmWindow   *self,
                      const char *heading,
                      const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * wm_window_open_file:
 * @file: a map to show
 *
 * Loads @file and shows it. When it cannot be read, the window says why
 * and keeps what it showed.
 *
 * Returns: %TRUE if the map is shown
 */
gboolean
wm_window_open_file (WmWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  basename = g_file_get_basename (file);
  document = wm_document_load (file, NULL, &error);
  if (document == NULL)
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), basename);

      /* A dialog, not a toast: the reason can be long (where a file
       * stops being JSON, and why) and must be readable whole. */
      wm_window_show_error (self, heading, error->message);
      return FALSE;
    }

  wm_window_show_document (self, document, file);
  return TRUE;
}

/**
 * wm_window_show_document:
 * @document: the map to show
 * @file: (nullable): where it is saved, or %NULL for a map never saved
 *
 * Shows @document, as opened from @file, made from a template or
 * recovered after a crash.
 */
void
wm_window_show_document (WmWindow   *self,
                         WmDocument *document,
                         GFile      *file)
{
  g_return_if_fail (WM_IS_WINDOW (self));
  g_return_if_fail (WM_IS_DOCUMENT (document));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  /* Forget the old map first, so its zoom is not stored under the new
   * file's name. */
  g_clear_object (&self->file);
  g_set_object (&self->document, document);
  wm_canvas_set_document (self->canvas, document);
  wm_canvas_set_zoom (self->canvas, file != NULL ? wm_window_recall_zoom (self, file) : 1.0);
  g_set_object (&self->file, file);
  gtk_stack_set_visible_child_name (self->content_stack, "map");
  /* Keys go to the map: Space must pan it, not press the header bar's
   * first button. */
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  wm_window_set_export_enabled (self, TRUE);
  wm_window_set_zoom_enabled (self, TRUE);
  wm_window_edit_document_shown (self);
  wm_window_inspector_document_shown (self);
  wm_window_compare_document_shown (self);
  wm_window_present_document_shown (self);
  wm_window_files_document_shown (self);
  wm_window_views_document_shown (self);
  wm_window_health_document_shown (self);
  wm_window_template_document_shown (self);
}

/* The map the window shows, or %NULL. */
WmDocument *
wm_window_get_document (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->document;
}

/* The file of the map the window shows, or %NULL. */
GFile *
wm_window_get_file (WmWindow *self)
{
  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);

  return self->file;
}
