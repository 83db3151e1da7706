/* wm-picture-group.c: the inspector's group for a card's picture: a
 * preview, "Choose Picture…" and "Remove Picture", and its alternative
 * text.
 *
 * A chosen file goes through the same import as a persona's photo (the
 * same size limits and checks, cropped to a storyboard frame); a file
 * refused says why under the preview until another is chosen. The group
 * follows the card's changes, wherever they come from (an undo, a drop
 * on the canvas), and never writes back a value it is being told about.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-picture-group"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-edits.h"
#include "wm-image-chooser.h"
#include "wm-photo-import.h"
#include "wm-photo.h"
#include "wm-picture-group.h"

/* The preview's height in the panel: a storyboard frame across it. */
#define PREVIEW_HEIGHT 150

struct _WmPictureGroup
{
  AdwPreferencesGroup parent_instance;

  WmDocument *document;
  WmCard *card;
  GtkFileChooserNative *chooser;

  GtkWidget *picture_row;
  GtkWidget *preview_row;
  GtkWidget *preview;
  GtkWidget *remove_button;
  GtkWidget *alt_row;
  GtkLabel *error_label;
  gboolean refreshing;
};

G_DEFINE_FINAL_TYPE (WmPictureGroup, wm_picture_group, ADW_TYPE_PREFERENCES_GROUP)

static void
show_error (WmPictureGroup *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Shows what the map shows: a picture the map cannot decode is no
 * picture here either. */
static void
refresh (WmPictureGroup *self)
{
  GBytes *bytes = wm_card_get_picture (self->card);
  cairo_surface_t *surface = bytes != NULL ? wm_photo_decode_whole (bytes, PREVIEW_HEIGHT * 2) : NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  const char *alt = wm_card_get_picture_alt (self->card);

  self->refreshing = TRUE;
  if (surface != NULL)
    {
      pixbuf = gdk_pixbuf_get_from_surface (surface, 0, 0, cairo_image_surface_get_width (surface),
                                            cairo_image_surface_get_height (surface));
      cairo_surface_destroy (surface);
    }
  if (pixbuf != NULL)
    {
      g_autoptr(GdkTexture) texture = gdk_texture_new_for_pixbuf (pixbuf);

      gtk_picture_set_paintable (GTK_PICTURE (self->preview), GDK_PAINTABLE (texture));
    }
  else
    gtk_picture_set_paintable (GTK_PICTURE (self->preview), NULL);
  gtk_widget_set_visible (self->preview_row, pixbuf != NULL);
  gtk_widget_set_sensitive (self->remove_button, bytes != NULL);
  gtk_widget_set_sensitive (self->alt_row, bytes != NULL);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->alt_row)), alt) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->alt_row), alt);
  self->refreshing = FALSE;
}

static void
on_card_notify (WmCard         *card,
                GParamSpec     *pspec,
                WmPictureGroup *self)
{
  if (g_str_has_prefix (pspec->name, "picture"))
    refresh (self);
}

/* Typing merges into one undo step, as in every text row. */
static void
on_alt_changed (GtkEditable    *editable,
                WmPictureGroup *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->refreshing)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (editable));
  wm_document_set_value (self->document, WM_ELEMENT (self->card), "picture-alt", &value, "typing");
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     WmPictureGroup  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      wm_picture_group_set_picture_from_file (self, file, NULL);
    }
}

static void
on_choose_clicked (WmPictureGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_clear_object (&self->chooser);
  self->chooser = wm_image_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        _("Choose a Picture"), _("Pictures"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_remove_clicked (WmPictureGroup *self)
{
  show_error (self, NULL);
  wm_edits_set_card_picture (self->document, self->card, NULL, NULL);
}

static void
wm_picture_group_dispose (GObject *object)
{
  WmPictureGroup *self = WM_PICTURE_GROUP (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->card != NULL)
    g_signal_handlers_disconnect_by_data (self->card, self);
  g_clear_object (&self->card);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (wm_picture_group_parent_class)->dispose (object);
}

static void
wm_picture_group_class_init (WmPictureGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wm_picture_group_dispose;
}

static void
wm_picture_group_init (WmPictureGroup *self)
{
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose Picture…"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Picture"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("A sketch, photo or screenshot of this moment, kept in the map"));

  /* The picture as the map frames it, across the panel. */
  self->preview = gtk_picture_new ();
  gtk_picture_set_can_shrink (GTK_PICTURE (self->preview), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (self->preview), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (self->preview, -1, PREVIEW_HEIGHT);
  gtk_widget_set_margin_top (self->preview, 12);
  gtk_widget_set_margin_bottom (self->preview, 12);
  /* The alternative text row says what it shows. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  self->preview_row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->preview_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->preview_row), self->preview);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->preview_row);

  self->picture_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->picture_row), _("Picture"));

  self->remove_button = remove;
  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* Its own name: the mnemonic label would be read out with its underscore. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose Picture…"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove Picture"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Picture"), -1);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (on_choose_clicked), self);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  gtk_box_append (GTK_BOX (buttons), choose);
  gtk_box_append (GTK_BOX (buttons), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->picture_row), buttons);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->picture_row);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why the picture was not used"), -1);

  self->alt_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->alt_row), _("Alternative Text"));
  gtk_widget_set_tooltip_text (self->alt_row, _("What the picture shows, for people who cannot see it"));
  g_signal_connect (self->alt_row, "changed", G_CALLBACK (on_alt_changed), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->alt_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->error_label));
}

/**
 * wm_picture_group_new:
 * @document: the map
 * @card: a card of @document
 *
 * Returns: (transfer floating): the group editing @card's picture
 */
GtkWidget *
wm_picture_group_new (WmDocument *document,
                      WmCard     *card)
{
  WmPictureGroup *self;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (WM_IS_CARD (card), NULL);

  self = g_object_new (WM_TYPE_PICTURE_GROUP, NULL);
  self->document = g_object_ref (document);
  self->card = g_object_ref (card);
  g_signal_connect (card, "notify", G_CALLBACK (on_card_notify), self);
  refresh (self);
  return GTK_WIDGET (self);
}

/**
 * wm_picture_group_set_picture_from_file:
 * @file: a PNG or JPEG file
 * @error: return location for a #GError that can be shown to the user
 *
 * Makes @file the card's picture, cropped and scaled down as a
 * persona's photo is, as one undo step. A file that cannot be used
 * leaves a message saying why, and the picture stays as it was.
 *
 * Returns: whether the file was used
 */
gboolean
wm_picture_group_set_picture_from_file (WmPictureGroup  *self,
                                        GFile           *file,
                                        GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *media_type = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (WM_IS_PICTURE_GROUP (self), FALSE);

  bytes = wm_picture_import (file, &media_type, &local_error);
  if (bytes == NULL)
    {
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_error (self, NULL);
  wm_edits_set_card_picture (self->document, self->card, bytes, media_type);
  return TRUE;
}
