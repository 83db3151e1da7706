/* wm-recovery-dialog.c: offers, after a crash, to recover the maps that
 * had unsaved changes, naming each with its title and when it was last
 * copied.
 *
 * "Recover" opens each map in a window of its own, marked unsaved, where
 * the user saves or discards it as usual. "Discard" deletes the copies.
 * Closing the dialog decides nothing: the copies wait for the next start.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-recovery-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-recovery-dialog.h"
#include "wm-window.h"

static char *
describe_time (GDateTime *written)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (written, "%R");

  if (g_date_time_get_year (now) == g_date_time_get_year (written) &&
      g_date_time_get_day_of_year (now) == g_date_time_get_day_of_year (written))
    /* Translators: when a map was last copied; %s is a time such as 10:32 */
    return g_strdup_printf (_("Today at %s"), clock);
  else
    {
      g_autofree char *day = g_date_time_format (written, "%x");

      /* Translators: when a map was last copied; the first %s is a date, the second a time */
      return g_strdup_printf (_("%s at %s"), day, clock);
    }
}

static GtkWidget *
new_entry_row (WmRecoveryEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = describe_time (entry->written);
  g_autofree char *where = NULL;
  g_autofree char *subtitle = NULL;

  if (entry->original != NULL)
    {
      g_autofree char *basename = g_file_get_basename (entry->original);

      /* Translators: the first %s says when, the second is a file name */
      subtitle = g_strdup_printf (_("%s · %s"), when, basename);
    }
  else
    /* Translators: %s says when; the map had never been saved */
    subtitle = g_strdup_printf (_("%s · never saved"), when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 entry->title[0] != '\0' ? entry->title : _("Untitled Map"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-open-recent-symbolic"));
  return row;
}

/**
 * wm_recovery_dialog_new:
 * @parent: (nullable): the window to attach to
 * @entries: (element-type WmRecoveryEntry): what may be recovered, at
 *   least one
 *
 * Returns: (transfer none): a new dialog; its "response" is "recover",
 *   "discard" or "later"
 */
AdwMessageDialog *
wm_recovery_dialog_new (GtkWindow *parent,
                        GPtrArray *entries)
{
  AdwMessageDialog *dialog;
  GtkWidget *list;

  g_return_val_if_fail (entries != NULL && entries->len > 0, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, NULL, NULL));
  adw_message_dialog_set_heading (dialog, g_dngettext (GETTEXT_PACKAGE, "Recover Unsaved Map?",
                                                       "Recover Unsaved Maps?", entries->len));
  adw_message_dialog_set_body (dialog, g_dngettext (GETTEXT_PACKAGE,
                                                    "Waymark closed before this map was saved. "
                                                    "Its last changes were kept.",
                                                    "Waymark closed before these maps were saved. "
                                                    "Their last changes were kept.",
                                                    entries->len));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), new_entry_row (g_ptr_array_index (entries, i)));
  adw_message_dialog_set_extra_child (dialog, list);

  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "later");
  return dialog;
}
