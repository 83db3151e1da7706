/* wm-window-conflicts.c: a window's open conflicts, and merging changes
 * other programs make to its file.
 *
 * A map that a merge left with conflicts shows a bar above the map with
 * their count and a way to resolve them (wm-conflict-dialog.c); the bar
 * follows the document's list, through undo and redo too.
 *
 * When the file changes on disk (a git pull, a sync client) while the
 * window has unsaved edits, the window can merge instead of discarding
 * either side: base is the file as the window last loaded or saved it,
 * ours the window's map, theirs the new file. The result replaces the
 * map's contents as one undo step; what conflicts goes to the bar.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-conflicts"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-conflict-dialog.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-merge.h"
#include "wm-window-private.h"

static void
update_bar (WmWindow *self)
{
  guint n = self->watched_conflicts != NULL ? g_list_model_get_n_items (self->watched_conflicts) : 0;

  if (n > 0)
    {
      /* Translators: shown above a map that a merge left with open conflicts */
      g_autofree char *text = g_strdup_printf (ngettext ("%u change conflicts", "%u changes conflict", n), n);

      gtk_label_set_label (self->conflict_label, text);
    }
  gtk_revealer_set_reveal_child (self->conflict_revealer, n > 0);
}

static void
on_edit_element (WmConflictDialog *dialog,
                 WmElement        *element,
                 WmWindow         *self)
{
  wm_window_show_view (self, "map");
  if (WM_IS_CARD (element))
    wm_canvas_focus_card (self->canvas, WM_CARD (element));
  else if (WM_IS_EMOTION_POINT (element))
    wm_canvas_focus_point (self->canvas, WM_EMOTION_POINT (element));
  else
    wm_canvas_select_element (self->canvas, element);
}

static void
resolve_conflicts_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  WmWindow *self = user_data;
  WmConflictDialog *dialog;

  if (self->document == NULL || g_list_model_get_n_items (wm_document_get_conflicts (self->document)) == 0)
    return;
  if (self->conflict_dialog != NULL)
    {
      gtk_window_present (self->conflict_dialog);
      return;
    }
  dialog = wm_conflict_dialog_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (dialog, "edit-element", G_CALLBACK (on_edit_element), self, 0);
  g_set_weak_pointer (&self->conflict_dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry conflict_actions[] = {
  { .name = "resolve-conflicts", .activate = resolve_conflicts_action },
};

/* Builds the bar inside the template's revealer. */
void
wm_window_add_conflict_actions (WmWindow *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Resolve…"));

  g_action_map_add_action_entries (G_ACTION_MAP (self), conflict_actions, G_N_ELEMENTS (conflict_actions), self);

  self->conflict_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->conflict_label, TRUE);
  gtk_label_set_xalign (self->conflict_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->conflict_label), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.resolve-conflicts");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Without the mnemonic's underscore, which a screen reader would read. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Resolve Conflicts…"), -1);

  gtk_widget_add_css_class (bar, "conflict-bar");
  gtk_box_append (GTK_BOX (bar), icon);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->conflict_label));
  gtk_box_append (GTK_BOX (bar), button);
  gtk_revealer_set_child (self->conflict_revealer, bar);
  gtk_revealer_set_transition_type (self->conflict_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
}

void
wm_window_conflicts_dispose (WmWindow *self)
{
  if (self->watched_conflicts != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_conflicts, self);
  g_clear_object (&self->watched_conflicts);
  if (self->conflict_dialog != NULL)
    gtk_window_destroy (self->conflict_dialog);
  g_clear_weak_pointer (&self->conflict_dialog);
  g_clear_pointer (&self->base_text, g_free);
}

/**
 * wm_window_remember_base:
 * @text: (transfer full) (nullable): the file's text as the window
 *   loaded or saved it
 *
 * Keeps @text as the base of the next merge with the file.
 */
void
wm_window_remember_base (WmWindow *self,
                         char     *text)
{
  g_free (self->base_text);
  self->base_text = text;
}

/* Called once a map is shown: the bar follows its conflicts, and the
 * file as it is now is what a later merge starts from. */
void
wm_window_conflicts_document_shown (WmWindow *self)
{
  char *text = NULL;

  if (self->conflict_dialog != NULL)
    gtk_window_destroy (self->conflict_dialog);
  if (self->watched_conflicts != NULL)
    g_signal_handlers_disconnect_by_data (self->watched_conflicts, self);
  g_clear_object (&self->watched_conflicts);
  if (self->document != NULL)
    {
      self->watched_conflicts = g_object_ref (wm_document_get_conflicts (self->document));
      g_signal_connect_object (self->watched_conflicts, "items-changed", G_CALLBACK (update_bar), self,
                               G_CONNECT_SWAPPED);
    }
  update_bar (self);

  if (self->file == NULL || !g_file_load_contents (self->file, NULL, &text, NULL, NULL, NULL))
    text = NULL;
  wm_window_remember_base (self, text);
}

/**
 * wm_window_merge_file_changes:
 *
 * Merges the file as another program left it into the window's map, as
 * one undo step. The map stays unsaved: the merge is not in the file yet.
 *
 * Returns: %TRUE if the map now holds the file's changes
 */
gboolean
wm_window_merge_file_changes (WmWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) base = NULL;
  g_autoptr(WmDocument) theirs = NULL;
  g_autoptr(WmDocument) merged = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  gsize length;
  guint n_conflicts = 0;

  g_return_val_if_fail (WM_IS_WINDOW (self), FALSE);

  if (self->document == NULL || self->file == NULL)
    return FALSE;
  if (self->base_text != NULL)
    base = wm_document_load_from_data (self->base_text, strlen (self->base_text), NULL);
  if (!g_file_load_contents (self->file, NULL, &text, &length, NULL, &error) ||
      (theirs = wm_document_load_from_data (text, length, &error)) == NULL)
    {
      /* Translators: %s says why, such as "The file is not a map" */
      message = g_strdup_printf (_("The changed file cannot be merged: %s"), error->message);
      wm_window_show_toast (self, message);
      return FALSE;
    }

  /* Without the version both started from (it was not a map, or it is
   * gone), everything that differs is a change on both sides: each
   * difference becomes a conflict instead of a silent choice. */
  if (base == NULL)
    base = wm_document_new (wm_element_get_id (WM_ELEMENT (self->document)));

  merged = wm_merge (base, self->document, theirs, &n_conflicts);
  wm_document_replace_contents (self->document, merged, _("Merge Changes from Disk"));
  /* The file now holds their version: the next merge starts from it. */
  wm_window_remember_base (self, g_steal_pointer (&text));
  wm_window_set_reload_pending (self, FALSE);

  if (n_conflicts > 0)
    message = g_strdup_printf (ngettext ("Merged the file’s changes; %u change conflicts",
                                         "Merged the file’s changes; %u changes conflict", n_conflicts),
                               n_conflicts);
  else
    message = g_strdup (_("Merged the file’s changes"));
  wm_window_show_toast (self, message);
  return TRUE;
}
