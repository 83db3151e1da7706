/* wm-window-compare.c: "Compare With…" draws another map's emotion curves
 * dashed over this one's, for example the future state over the current
 * state, and "Stop Comparing" takes them away. The other map is read
 * once; it is not watched or changed.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-compare"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-document-reader.h"
#include "wm-window-private.h"

static void update_compare_actions (WmWindow *self);

/**
 * wm_window_compare_with:
 * @file: another map
 *
 * Shows @file's curves over this map's, or says in a toast why it cannot.
 *
 * Returns: whether the comparison is shown
 */
gboolean
wm_window_compare_with (WmWindow *self,
                        GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) other = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);

  basename = g_file_get_basename (file);
  other = wm_document_load (file, NULL, &error);
  if (other == NULL)
    {
      /* Translators: the first %s is a file name, the second the reason */
      message = g_strdup_printf (_("Could not compare with “%s”: %s"), basename, error->message);
      wm_window_show_toast (self, message);
      return FALSE;
    }
  wm_canvas_set_comparison (self->canvas, other);
  update_compare_actions (self);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Comparing with “%s”"), basename);
  wm_window_show_toast (self, message);
  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     WmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      wm_window_compare_with (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
compare_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WmWindow *self = user_data;
  g_autoptr(GtkFileFilter) filter = wm_window_new_map_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Compare With Another Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* The reference is dropped in the response handler. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
stop_comparing_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WmWindow *self = user_data;

  wm_canvas_set_comparison (self->canvas, NULL);
  update_compare_actions (self);
}

static const GActionEntry compare_actions[] = {
  { .name = "compare", .activate = compare_action },
  { .name = "stop-comparing", .activate = stop_comparing_action },
};

static void
update_compare_actions (WmWindow *self)
{
  gboolean comparing = wm_canvas_get_comparison (self->canvas) != NULL;

  wm_window_enable_actions (self, compare_actions, 1, self->document != NULL);
  wm_window_enable_actions (self, compare_actions + 1, 1, self->document != NULL && comparing);
}

void
wm_window_add_compare_actions (WmWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), compare_actions, G_N_ELEMENTS (compare_actions), self);
  update_compare_actions (self);
}

/* Another map shown in the window is not compared with the old one's
 * comparison. */
void
wm_window_compare_document_shown (WmWindow *self)
{
  wm_canvas_set_comparison (self->canvas, NULL);
  update_compare_actions (self);
}
