/* wm-window-import.c: the window's Import… action: a CSV or Mermaid file
 * becomes a new map, not yet saved, through the importers the command
 * line's "waymark import" uses. What the map had no room for is said in
 * a toast that stays until dismissed; a file that cannot be imported is
 * refused in a dialog with the whole reason, as Open refuses one.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-import"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-import.h"
#include "wm-window-private.h"

static void
on_details_clicked (AdwToast *toast,
                    WmWindow *self)
{
  const char *details = g_object_get_data (G_OBJECT (toast), "waymark-details");

  wm_window_show_error (self, _("Not Everything Was Imported"), details);
}

/* One toast for all the warnings, as they come from one file; it stays,
 * as they need reading, and its button shows them whole. */
static void
show_warnings (WmWindow           *self,
               const char * const *warnings)
{
  guint n = warnings != NULL ? g_strv_length ((GStrv) warnings) : 0;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n == 0)
    return;
  if (n == 1)
    title = g_strdup (warnings[0]);
  else
    /* Translators: a toast after importing a file; %u counts what was left out */
    title = g_strdup_printf (ngettext ("Imported, but %u thing was left out",
                                       "Imported, but %u things were left out", n), n);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Details"));
  g_object_set_data_full (G_OBJECT (toast), "waymark-details", g_strjoinv ("\n", (GStrv) warnings), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_details_clicked), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * wm_window_import_file:
 * @file: a CSV (.csv) or Mermaid (.mmd) file
 *
 * Imports @file as a new map that is not saved yet, shown in this window
 * if it shows none, else in a new one. When @file cannot be imported,
 * this window says why.
 *
 * Returns: (transfer none) (nullable): the window that shows the map
 */
WmWindow *
wm_window_import_file (WmWindow *self,
                       GFile    *file)
{
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  WmWindow *window = self;

  g_return_val_if_fail (WM_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  document = wm_import_file (file, &warnings, &error);
  if (document == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could not import “%s”"), basename);

      wm_window_show_error (self, heading, error->message);
      return NULL;
    }

  if (self->document != NULL)
    window = wm_window_new (WM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  /* No file: saving asks where, as for a new map. */
  wm_window_show_document (window, document, NULL);
  wm_window_mark_unsaved (window);
  gtk_window_present (GTK_WINDOW (window));
  show_warnings (window, (const char * const *) warnings);
  return window;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     WmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      wm_window_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *mime_types,
            const char * const *suffixes)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; suffixes[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  WmWindow *self = user_data;
  static const char * const csv_types[] = { "text/csv", NULL };
  static const char * const csv_suffixes[] = { "csv", NULL };
  static const char * const mermaid_types[] = { "text/vnd.mermaid", NULL };
  static const char * const mermaid_suffixes[] = { "mmd", "mermaid", NULL };
  static const char * const all_types[] = { "text/csv", "text/vnd.mermaid", NULL };
  static const char * const all_suffixes[] = { "csv", "mmd", "mermaid", NULL };
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("CSV and Mermaid files"), all_types, all_suffixes);
  add_filter (GTK_FILE_CHOOSER (chooser), _("CSV spreadsheets"), csv_types, csv_suffixes);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Mermaid journeys"), mermaid_types, mermaid_suffixes);
  /* The reference is dropped in the response handler. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static const GActionEntry import_actions[] = {
  { .name = "import", .activate = import_action },
};

/* Adds win.import, which works with or without a map open. */
void
wm_window_add_import_actions (WmWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), import_actions, G_N_ELEMENTS (import_actions), self);
}
