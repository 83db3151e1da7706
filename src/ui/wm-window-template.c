/* wm-window-template.c: "Save as Template…": keeps the open map as one of
 * the user's own templates, which the New Map window then lists.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-template"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-user-templates.h"
#include "wm-window-private.h"

typedef struct
{
  WmWindow       *window;
  GtkEditable    *name;
  GtkEditable    *description;
  GtkCheckButton *hints;
} SaveTemplate;

static void
save_template_free (SaveTemplate *save)
{
  g_object_unref (save->window);
  g_free (save);
}

/* The dialog's own label is not read with an entry; each gets a name. */
static GtkWidget *
new_entry (const char *label,
           const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return entry;
}

static void
on_name_changed (GtkEditable      *name,
                 AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "save",
                                           wm_user_templates_check_name (gtk_editable_get_text (name), NULL));
}

/* A template the user asked for, kept while they say whether it may
 * replace one of the same name. */
typedef struct
{
  WmWindow               *window;
  char                   *name;
  char                   *description;
  WmUserTemplateSaveFlags flags;
} PendingTemplate;

static void
pending_template_free (PendingTemplate *pending)
{
  g_object_unref (pending->window);
  g_free (pending->name);
  g_free (pending->description);
  g_free (pending);
}

static void
save_pending (PendingTemplate *pending)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  if (pending->window->document == NULL)
    return;
  if (!wm_user_templates_save (pending->window->document, pending->name, pending->description,
                               pending->flags, &error))
    {
      wm_window_show_error (pending->window, _("Could not save the template"), error->message);
      return;
    }
  /* Translators: a template's name. */
  toast = g_strdup_printf (_("Saved as template “%s”"), pending->name);
  wm_window_show_toast (pending->window, toast);
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     PendingTemplate  *pending)
{
  if (g_strcmp0 (response, "replace") == 0)
    {
      pending->flags |= WM_USER_TEMPLATE_SAVE_REPLACE;
      save_pending (pending);
    }
}

/* Saving under a name that is taken asks first, as GTK's file chooser
 * does, rather than refusing: keeping a template up to date under its
 * name is the usual reason to save one again. */
static void
ask_replace (PendingTemplate *pending)
{
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  /* Translators: a template's name. */
  heading = g_strdup_printf (_("Replace Template “%s”?"), pending->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (pending->window), heading,
                                                       _("A template with this name already exists. "
                                                         "Replacing it overwrites it with this map; "
                                                         "maps made from it earlier are not changed.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_replace_response), pending,
                         (GClosureNotify) pending_template_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             SaveTemplate     *save)
{
  PendingTemplate *pending;

  if (g_strcmp0 (response, "save") != 0 || save->window->document == NULL)
    return;

  pending = g_new0 (PendingTemplate, 1);
  pending->window = g_object_ref (save->window);
  pending->name = g_strstrip (g_strdup (gtk_editable_get_text (save->name)));
  pending->description = g_strdup (gtk_editable_get_text (save->description));
  pending->flags = gtk_check_button_get_active (save->hints) ? WM_USER_TEMPLATE_SAVE_HINTS
                                                             : WM_USER_TEMPLATE_SAVE_DEFAULT;
  if (wm_user_templates_exists (pending->name))
    {
      ask_replace (pending);
      return;
    }
  save_pending (pending);
  pending_template_free (pending);
}

/**
 * wm_window_ask_template:
 *
 * Shows the dialog that saves the open map as a template.
 *
 * Returns: (transfer none): the dialog
 */
AdwMessageDialog *
wm_window_ask_template (WmWindow *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *name = new_entry (_("Template name"), _("Name"));
  GtkWidget *description = new_entry (_("Description"), _("What is it for? (optional)"));
  GtkWidget *hints = gtk_check_button_new_with_mnemonic (_("_Turn cards into hints"));
  SaveTemplate *save = g_new0 (SaveTemplate, 1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save as Template"),
                                                       _("The template appears in the New Map window.")));
  gtk_widget_set_tooltip_text (hints, _("Cards become empty, their titles shown greyed as guidance; "
                                        "the personas’ words likewise"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (hints), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Cards become empty, their titles shown greyed as guidance; "
                                    "the personas’ words likewise"), -1);
  gtk_editable_set_text (GTK_EDITABLE (name), wm_document_get_title (self->document));
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), description);
  gtk_box_append (GTK_BOX (box), hints);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  save->window = g_object_ref (self);
  save->name = GTK_EDITABLE (name);
  save->description = GTK_EDITABLE (description);
  save->hints = GTK_CHECK_BUTTON (hints);
  g_signal_connect (name, "changed", G_CALLBACK (on_name_changed), dialog);
  on_name_changed (GTK_EDITABLE (name), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), save,
                         (GClosureNotify) save_template_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
  return dialog;
}

static void
save_as_template_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  WmWindow *self = user_data;

  if (self->document != NULL)
    wm_window_ask_template (self);
}

static const GActionEntry template_actions[] = {
  { .name = "save-as-template", .activate = save_as_template_action },
};

void
wm_window_add_template_actions (WmWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), template_actions, G_N_ELEMENTS (template_actions), self);
  wm_window_enable_actions (self, template_actions, G_N_ELEMENTS (template_actions), FALSE);
}

void
wm_window_template_document_shown (WmWindow *self)
{
  wm_window_enable_actions (self, template_actions, G_N_ELEMENTS (template_actions), self->document != NULL);
}
