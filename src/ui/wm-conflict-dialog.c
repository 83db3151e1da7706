/* wm-conflict-dialog.c: the changes a merge left open, each with both
 * versions side by side and a choice: keep ours, keep theirs, or go to
 * the element and edit it by hand.
 *
 * Each choice is one undo step; the list follows the document's
 * conflicts, so undoing a choice brings its row back, and the dialog
 * closes once none are left.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-conflict-apply.h"
#include "wm-conflict-dialog.h"
#include "wm-conflict-place.h"

struct _WmConflictDialog
{
  AdwWindow        parent_instance;

  WmDocument      *document;
  GtkListBox      *list;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (WmConflictDialog, wm_conflict_dialog, ADW_TYPE_WINDOW)

enum {
  EDIT_ELEMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static WmConflict *
conflict_of (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "conflict");
}

static void
on_keep_ours_clicked (GtkButton        *button,
                      WmConflictDialog *self)
{
  wm_document_begin_change (self->document, _("Keep Our Version"));
  wm_document_remove_conflict (self->document, conflict_of (GTK_WIDGET (button)));
  wm_document_commit_change (self->document);
}

static void
on_keep_theirs_clicked (GtkButton        *button,
                        WmConflictDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) theirs = wm_conflict_take_theirs (self->document, conflict_of (GTK_WIDGET (button)), &error);

  if (theirs == NULL)
    {
      /* Translators: %s says why, such as "cards[c2].stage: no such stage" */
      g_autofree char *message = g_strdup_printf (_("Their version cannot be kept: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }
  wm_document_replace_contents (self->document, theirs, _("Keep Their Version"));
}

static void
on_edit_clicked (GtkButton        *button,
                 WmConflictDialog *self)
{
  g_auto(WmConflictPlace) place = { NULL };
  WmElement *element = NULL;

  if (wm_conflict_place_parse (&place, wm_conflict_get_path (conflict_of (GTK_WIDGET (button)))))
    element = wm_conflict_place_lookup (&place, self->document);
  if (element == NULL)
    return;
  g_signal_emit (self, signals[EDIT_ELEMENT], 0, element);
  gtk_window_close (GTK_WINDOW (self));
}

/* What a side shows where it has no value. */
static const char *
missing_text (WmConflict *conflict,
              const char *side_value,
              gboolean    is_base)
{
  g_auto(WmConflictPlace) place = { NULL };
  gboolean whole = wm_conflict_place_parse (&place, wm_conflict_get_path (conflict)) && place.member == NULL;

  if (!whole)
    return _("Not set");
  return is_base ? _("Not there") : _("Deleted");
}

static GtkWidget *
side_column (WmConflict *conflict,
             const char *caption,
             const char *json,
             gboolean    is_base)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (caption);
  g_autofree char *text = wm_conflict_value_to_text (json);
  GtkWidget *value;

  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);

  if (text == NULL || *text == '\0')
    {
      value = gtk_label_new (text == NULL ? missing_text (conflict, json, is_base) : _("Empty"));
      gtk_widget_add_css_class (value, "dim-label");
    }
  else
    {
      value = gtk_label_new (text);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
    }
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_yalign (GTK_LABEL (value), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (value), 30);
  gtk_label_set_width_chars (GTK_LABEL (value), 12);
  gtk_box_append (GTK_BOX (box), value);
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

static GtkWidget *
choice_button (WmConflictDialog *self,
               WmConflict       *conflict,
               const char       *label,
               GCallback         callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data_full (G_OBJECT (button), "conflict", g_object_ref (conflict), g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  WmConflictDialog *self = user_data;
  WmConflict *conflict = item;
  g_auto(WmConflictPlace) place = { NULL };
  g_autofree char *description = wm_conflict_describe (conflict, self->document);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *heading = gtk_label_new (description);
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *edit, *ours, *theirs;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);

  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_box_append (GTK_BOX (sides), side_column (conflict, _("Base"), wm_conflict_get_base (conflict), TRUE));
  gtk_box_append (GTK_BOX (sides), side_column (conflict, _("Ours"), wm_conflict_get_ours (conflict), FALSE));
  gtk_box_append (GTK_BOX (sides), side_column (conflict, _("Theirs"), wm_conflict_get_theirs (conflict), FALSE));
  gtk_box_append (GTK_BOX (box), sides);

  edit = choice_button (self, conflict, _("_Edit"), G_CALLBACK (on_edit_clicked));
  ours = choice_button (self, conflict, _("Keep _Ours"), G_CALLBACK (on_keep_ours_clicked));
  theirs = choice_button (self, conflict, _("Keep _Theirs"), G_CALLBACK (on_keep_theirs_clicked));
  gtk_widget_set_tooltip_text (edit, _("Go to this place on the map"));
  gtk_widget_set_sensitive (edit, wm_conflict_place_parse (&place, wm_conflict_get_path (conflict)) &&
                                  wm_conflict_place_lookup (&place, self->document) != NULL);
  gtk_widget_set_sensitive (theirs, wm_conflict_can_take_theirs (conflict));
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), edit);
  gtk_box_append (GTK_BOX (buttons), ours);
  gtk_box_append (GTK_BOX (buttons), theirs);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Screen readers name the row by where the conflict is. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  return row;
}

static void
on_conflicts_changed (GListModel       *conflicts,
                      guint             position,
                      guint             removed,
                      guint             added,
                      WmConflictDialog *self)
{
  if (g_list_model_get_n_items (conflicts) == 0)
    gtk_window_close (GTK_WINDOW (self));
}

static void
wm_conflict_dialog_dispose (GObject *object)
{
  WmConflictDialog *self = WM_CONFLICT_DIALOG (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (wm_document_get_conflicts (self->document), self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (wm_conflict_dialog_parent_class)->dispose (object);
}

static void
wm_conflict_dialog_class_init (WmConflictDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_conflict_dialog_dispose;

  /* Edit was chosen for a conflict in this element; the dialog closes. */
  signals[EDIT_ELEMENT] = g_signal_new ("edit-element", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, WM_TYPE_ELEMENT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_conflict_dialog_init (WmConflictDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *intro = gtk_label_new (_("Both versions of the map changed these places differently. "
                                      "Our version is in the map until you choose."));

  gtk_window_set_title (GTK_WINDOW (self), _("Resolve Conflicts"));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  {
    GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

    gtk_widget_set_margin_top (column, 18);
    gtk_widget_set_margin_bottom (column, 18);
    gtk_widget_set_margin_start (column, 12);
    gtk_widget_set_margin_end (column, 12);
    gtk_box_append (GTK_BOX (column), intro);
    gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->list));
    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
    adw_clamp_set_child (ADW_CLAMP (clamp), column);
  }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);

  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, scroller);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->toast_overlay));
  adw_window_set_content (ADW_WINDOW (self), content);
}

/**
 * wm_conflict_dialog_new:
 * @parent: the map's window
 * @document: the map whose conflicts to resolve
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
WmConflictDialog *
wm_conflict_dialog_new (GtkWindow  *parent,
                        WmDocument *document)
{
  WmConflictDialog *self;
  GListModel *conflicts;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  self = g_object_new (WM_TYPE_CONFLICT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  conflicts = wm_document_get_conflicts (document);
  gtk_list_box_bind_model (self->list, conflicts, create_row, self, NULL);
  g_signal_connect_object (conflicts, "items-changed", G_CALLBACK (on_conflicts_changed), self, 0);
  return self;
}
