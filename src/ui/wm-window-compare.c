/* wm-window-compare.c: "Compare With…" draws another map's emotion curves
 * dashed over this one's, for example the future state over the current
 * state, and lists what the other map changes in a panel beside the
 * window; "Stop Comparing" takes both away. The other map is read once;
 * it is not watched or changed.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-compare"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-compare-panel.h"
#include "wm-document-reader.h"
#include "wm-window-private.h"

static void update_compare_actions (WmWindow *self);

/* The panel is held weakly on the window, not in its struct: it closes
 * itself (Escape, its close button) or goes with the window. */
#define PANEL_KEY "wm-compare-panel"

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/**
 * wm_window_get_compare_panel:
 *
 * Returns: (transfer none) (nullable): the open list of differences
 */
GtkWindow *
wm_window_get_compare_panel (WmWindow *self)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (self), PANEL_KEY);
  g_autoptr(GtkWindow) panel = ref != NULL ? g_weak_ref_get (ref) : NULL;

  /* GTK keeps an open toplevel alive; the reference taken here is not needed. */
  return panel;
}

static void
close_panel (WmWindow *self)
{
  GtkWindow *panel = wm_window_get_compare_panel (self);

  if (panel != NULL)
    gtk_window_destroy (panel);
  g_object_set_data (G_OBJECT (self), PANEL_KEY, NULL);
}

static void
show_panel (WmWindow   *self,
            WmDocument *other,
            const char *other_name)
{
  WmComparePanel *panel;
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  close_panel (self);
  panel = wm_compare_panel_new (self->canvas, self->document, other, other_name);
  gtk_window_set_transient_for (GTK_WINDOW (panel), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (panel), TRUE);
  g_weak_ref_init (ref, panel);
  g_object_set_data_full (G_OBJECT (self), PANEL_KEY, ref, (GDestroyNotify) weak_ref_free);
  gtk_window_present (GTK_WINDOW (panel));
}

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
  show_panel (self, other, basename);
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
  close_panel (self);
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
  close_panel (self);
  update_compare_actions (self);
}
