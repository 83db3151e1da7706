/* wm-application.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-application.h"
#include "wm-frame-memory.h"
#include "wm-preferences-window.h"
#include "wm-recovery-dialog.h"
#include "wm-template-chooser.h"
#include "wm-window.h"

struct _WmApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  gboolean recovery_offered;
};

G_DEFINE_FINAL_TYPE (WmApplication, wm_application, ADW_TYPE_APPLICATION)

static WmWindow *
get_or_create_window (WmApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (WM_IS_WINDOW (window))
    return WM_WINDOW (window);

  return wm_window_new (self);
}

static void
on_about_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  WmApplication *self = user_data;
  static const char *developers[] = { "The Waymark developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Waymark"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Waymark developers"),
                        "version", PACKAGE_VERSION,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_BUGREPORTS,
                        "copyright", _("© 2026 The Waymark developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your name/username, and optionally an email or URL. */
                        "translator-credits", _("translator-credits"),
                        "transient-for", parent,
                        "modal", parent != NULL,
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
on_quit_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  WmApplication *self = user_data;
  GList *windows;

  /* Closing each window, rather than g_application_quit(), lets every
   * window save its state and, later, ask about unsaved changes. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *iter = windows; iter != NULL; iter = iter->next)
    gtk_window_close (GTK_WINDOW (iter->data));
  g_list_free (windows);
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  WmApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          wm_application_open_file (self, file);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_open_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  WmApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkFileFilter) filter = wm_window_new_map_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Map"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* The reference is dropped in the response handler. */
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A new map goes into the window the chooser was opened from when that
 * window is empty, and into a window of its own otherwise. */
static void
on_map_chosen (WmTemplateChooser *chooser,
               WmDocument        *document,
               WmApplication     *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (chooser));
  WmWindow *window = WM_IS_WINDOW (parent) ? WM_WINDOW (parent) : NULL;

  if (window == NULL || wm_window_get_document (window) != NULL)
    window = wm_window_new (self);
  wm_window_show_document (window, document, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_new_map_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  WmApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  WmTemplateChooser *chooser = wm_template_chooser_new (parent);

  g_signal_connect_object (chooser, "map-chosen", G_CALLBACK (on_map_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
on_preferences_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  WmApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (wm_preferences_window_new (parent)));
}

static void
on_open_uri_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  wm_application_open_file (WM_APPLICATION (user_data), file);
}

static const GActionEntry app_actions[] = {
  { .name = "open-uri", .activate = on_open_uri_activated, .parameter_type = "s" },
  { .name = "preferences", .activate = on_preferences_activated },
  { .name = "new-map", .activate = on_new_map_activated },
  { .name = "open", .activate = on_open_activated },
  { .name = "about", .activate = on_about_activated },
  { .name = "quit", .activate = on_quit_activated },
};

static void
wm_application_startup (GApplication *application)
{
  WmApplication *self = WM_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_map_accels[] = { "<Control>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *inspector_accels[] = { "F9", NULL };
  static const char *present_accels[] = { "F5", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *import_accels[] = { "<Control>i", NULL };
  static const char *save_accels[] = { "<Control>s", NULL };
  static const char *save_as_accels[] = { "<Control><Shift>s", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *export_accels[] = { "<Control><Shift>e", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *zoom_in_accels[] = { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL };
  static const char *zoom_out_accels[] = { "<Control>minus", "<Control>KP_Subtract", NULL };
  static const char *zoom_reset_accels[] = { "<Control>0", "<Control>KP_0", NULL };
  /* Beside Ctrl+0. (Shift+1, as in whiteboard tools, cannot be an
   * accelerator: Shift turns the 1 into another key on most layouts.) */
  static const char *zoom_fit_accels[] = { "<Control>9", "<Control>KP_9", NULL };
  /* M for the map overview. */
  static const char *overview_accels[] = { "<Control>m", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *map_view_accels[] = { "<Alt>1", NULL };
  static const char *health_accels[] = { "<Control><Shift>h", NULL };
  static const char *priorities_view_accels[] = { "<Alt>2", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", "<Control>y", NULL };

  G_APPLICATION_CLASS (wm_application_parent_class)->startup (application);
  wm_frame_memory_init ();

  g_set_application_name (_("Waymark"));

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  wm_preferences_apply_color_scheme (self->settings);
  g_signal_connect (self->settings, "changed::color-scheme", G_CALLBACK (wm_preferences_apply_color_scheme), NULL);
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-map", new_map_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-inspector", inspector_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.present", present_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.import", import_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.save", save_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.save-as", save_as_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.export", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.zoom-in", zoom_in_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.zoom-out", zoom_out_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.zoom-reset", zoom_reset_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.zoom-fit", zoom_fit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-overview", overview_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::map", map_view_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-health", health_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::priorities",
                                         priorities_view_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.redo", redo_accels);
}

/**
 * wm_application_recover:
 * @entry: a recovery copy
 *
 * Shows the map of @entry, marked unsaved and belonging to its original
 * file if it had one, then deletes the old copy: the window keeps a new
 * one.
 *
 * Returns: (transfer none) (nullable): the window showing it, or %NULL if
 *   the copy cannot be read (a window then says why)
 */
static GtkWindow *
wm_application_recover (WmApplication   *self,
                        WmRecoveryEntry *entry)
{
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  WmWindow *window = get_or_create_window (self);

  g_return_val_if_fail (WM_IS_APPLICATION (self), NULL);

  if (wm_window_get_document (window) != NULL)
    window = wm_window_new (self);
  gtk_window_present (GTK_WINDOW (window));

  document = wm_recovery_load (entry, &error);
  if (document == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is a map's title, the second the reason */
      message = g_strdup_printf (_("Could not recover “%s”: %s"), entry->title, error->message);
      wm_window_show_toast (window, message);
      return NULL;
    }

  wm_window_show_document (window, document, entry->original);
  wm_window_mark_unsaved (window);
  wm_recovery_remove (entry->id);
  return GTK_WINDOW (window);
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      WmApplication    *self)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (dialog), "entries");

  if (g_strcmp0 (response, "recover") == 0)
    {
      for (guint i = 0; i < entries->len; i++)
        wm_application_recover (self, g_ptr_array_index (entries, i));
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; i < entries->len; i++)
        wm_recovery_remove (((WmRecoveryEntry *) g_ptr_array_index (entries, i))->id);
    }
}

/**
 * wm_application_offer_recovery:
 * @parent: the window the offer belongs to
 *
 * Once per run, offers to recover the maps a crashed or killed Waymark
 * left unsaved.
 *
 * Returns: (transfer none) (nullable): the dialog making the offer, or
 *   %NULL if there is nothing to recover or it was offered already
 */
GtkWindow *
wm_application_offer_recovery (WmApplication *self,
                               GtkWindow     *parent)
{
  g_autoptr(GPtrArray) entries = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (WM_IS_APPLICATION (self), NULL);

  if (self->recovery_offered)
    return NULL;
  self->recovery_offered = TRUE;

  entries = wm_recovery_list_orphans ();
  if (entries->len == 0)
    return NULL;

  dialog = wm_recovery_dialog_new (parent, entries);
  g_object_set_data_full (G_OBJECT (dialog), "entries", g_steal_pointer (&entries),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
wm_application_activate (GApplication *application)
{
  WmApplication *self = WM_APPLICATION (application);
  GtkWindow *window = GTK_WINDOW (get_or_create_window (self));

  gtk_window_present (window);
  wm_application_offer_recovery (self, window);
}

static void
wm_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  WmApplication *self = WM_APPLICATION (application);

  /* A second "waymark FILE" is forwarded here by GApplication, so the
   * running instance shows it rather than a new process starting. Each
   * map gets a window; an empty window is reused. */
  GtkWindow *window = NULL;

  for (int i = 0; i < n_files; i++)
    window = wm_application_open_file (self, files[i]);
  if (window != NULL)
    wm_application_offer_recovery (self, window);
}

static WmWindow *
find_window_showing (WmApplication *self,
                     GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!WM_IS_WINDOW (l->data))
        continue;
      shown = wm_window_get_file (WM_WINDOW (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        return WM_WINDOW (l->data);
    }
  return NULL;
}

/**
 * wm_application_open_file:
 * @file: a map
 *
 * Shows @file: in the window that already shows it, else in an empty
 * window, else in a new one.
 *
 * Returns: (transfer none): the window showing the map, or trying to
 */
GtkWindow *
wm_application_open_file (WmApplication *self,
                          GFile         *file)
{
  WmWindow *window = find_window_showing (self, file);

  if (window == NULL)
    {
      window = get_or_create_window (self);
      if (wm_window_get_document (window) != NULL)
        window = wm_window_new (self);
      /* Shown first, so that a dialog saying why the file cannot be
       * opened comes up over the window, not under it. */
      gtk_window_present (GTK_WINDOW (window));
      wm_window_open_file (window, file);
    }
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
wm_application_dispose (GObject *object)
{
  WmApplication *self = WM_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wm_application_parent_class)->dispose (object);
}

static void
wm_application_class_init (WmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = wm_application_dispose;
  app_class->startup = wm_application_startup;
  app_class->activate = wm_application_activate;
  app_class->open = wm_application_open;
}

static void
wm_application_init (WmApplication *self)
{
}

/**
 * wm_application_new:
 *
 * Creates the single application instance. The resource base path is fixed
 * so that the development build, whose application id differs, still finds
 * its menus, shortcuts window, icons and style sheet.
 *
 * Returns: (transfer full): a new #WmApplication
 */
WmApplication *
wm_application_new (void)
{
  return g_object_new (WM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}
