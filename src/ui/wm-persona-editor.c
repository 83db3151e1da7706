/* wm-persona-editor.c: every field of one persona: the photo, who they
 * are, what they say, and their goals, needs, frustrations, motivations
 * and channels as lists of rows.
 *
 * Changes apply at once and each is an undo step of the map, as in the
 * inspector, so there is nothing to confirm. The window closes by itself
 * if the persona leaves the map (an Undo of its adding).
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-persona-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-color.h"
#include "wm-edits.h"
#include "wm-field-group.h"
#include "wm-layout-text.h"
#include "wm-list-editor.h"
#include "wm-persona-editor.h"
#include "wm-image-chooser.h"
#include "wm-photo-import.h"
#include "wm-photo.h"

struct _WmPersonaEditor
{
  AdwWindow parent_instance;

  WmDocument *document;
  WmPersona *persona;
  AdwAvatar *avatar;
  GtkWidget *photo_row;
  GtkWidget *remove_photo_button;
  GtkLabel *photo_error;
  GtkFileChooserNative *chooser;
  AdwWindowTitle *title;
};

G_DEFINE_FINAL_TYPE (WmPersonaEditor, wm_persona_editor, ADW_TYPE_WINDOW)

/* Takes @surface, an ARGB32 image. */
static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), height, GDK_MEMORY_DEFAULT, bytes,
                                    stride);
  cairo_surface_destroy (surface);
  return texture;
}

/* Without a photo, the avatar shows what the map shows: initials on the
 * persona's colour (AdwAvatar would pick a colour of its own). */
static cairo_surface_t *
initials_surface (WmPersona *persona,
                  int        size)
{
  g_autofree char *initials = wm_layout_persona_initials (persona);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell Bold");
  WmColor color = { 0.21, 0.52, 0.89, 1 };
  int width, height;

  wm_color_parse (&color, wm_persona_get_color (persona));
  cairo_arc (cr, size / 2.0, size / 2.0, size / 2.0, 0, 2 * G_PI);
  wm_color_set_source (cr, &color);
  cairo_fill (cr);
  pango_font_description_set_absolute_size (font, size * 0.38 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, initials, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, (size - width) / 2.0, (size - height) / 2.0);
  cairo_set_source_rgb (cr, 1, 1, 1);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
  return surface;
}

static void
update_photo (WmPersonaEditor *self)
{
  GBytes *photo = wm_persona_get_photo (self->persona);
  cairo_surface_t *surface = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gboolean has_photo;

  /* Decoded as the map decodes it, so a photo the map cannot show (or
   * will not, being too large) is not shown here either. */
  if (photo != NULL && g_bytes_get_size (photo) > 0)
    surface = wm_photo_decode (photo, 128);
  has_photo = surface != NULL;
  if (surface == NULL)
    surface = initials_surface (self->persona, 128);
  texture = texture_from_surface (surface);
  adw_avatar_set_custom_image (self->avatar, GDK_PAINTABLE (texture));
  adw_avatar_set_text (self->avatar, wm_persona_get_name (self->persona));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->photo_row),
                               has_photo ? _("Cropped to a square and kept in the map")
                                         : _("None: the map shows initials on the persona’s colour"));
  gtk_widget_set_sensitive (self->remove_photo_button, has_photo);
}

/* The reason the last chosen file was refused stays under the photo
 * until another photo is chosen or the photo is removed. */
static void
show_photo_error (WmPersonaEditor *self,
                  const char      *message)
{
  gtk_label_set_text (self->photo_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->photo_error), message != NULL);
}

static void
on_persona_notify (WmPersona       *persona,
                   GParamSpec      *pspec,
                   WmPersonaEditor *self)
{
  if (g_str_equal (pspec->name, "photo") || g_str_equal (pspec->name, "name") || g_str_equal (pspec->name, "color"))
    update_photo (self);
  if (g_str_equal (pspec->name, "name"))
    {
      gtk_window_set_title (GTK_WINDOW (self), wm_persona_get_display_name (persona));
      adw_window_title_set_title (self->title, wm_persona_get_display_name (persona));
    }
}

/* An Undo may take the persona away; its editor goes with it. */
static void
on_history_changed (WmPersonaEditor *self)
{
  if (wm_document_lookup (self->document, wm_element_get_id (WM_ELEMENT (self->persona))) != WM_ELEMENT (self->persona))
    gtk_window_close (GTK_WINDOW (self));
}

/**
 * wm_persona_editor_set_photo_from_file:
 * @file: an image
 * @error: return location for a #GError
 *
 * Makes the middle square of @file the persona's photo, as one undo step.
 * An image that is too large or cannot be read is refused: the editor
 * says why, and the photo stays as it was.
 *
 * Returns: %FALSE if @file was refused
 */
gboolean
wm_persona_editor_set_photo_from_file (WmPersonaEditor  *self,
                                       GFile            *file,
                                       GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *media_type = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (WM_IS_PERSONA_EDITOR (self), FALSE);

  bytes = wm_photo_import (file, &media_type, &local_error);
  if (bytes == NULL)
    {
      show_photo_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_photo_error (self, NULL);
  wm_edits_set_persona_photo (self->document, self->persona, bytes, media_type);
  return TRUE;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     WmPersonaEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      wm_persona_editor_set_photo_from_file (self, file, NULL);
    }
}

static void
on_choose_photo_clicked (WmPersonaEditor *self)
{
  g_clear_object (&self->chooser);
  self->chooser = wm_image_chooser_new (GTK_WINDOW (self), _("Choose a Photo"), _("Photos"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_remove_photo_clicked (WmPersonaEditor *self)
{
  show_photo_error (self, NULL);
  wm_edits_set_persona_photo (self->document, self->persona, NULL, NULL);
}

static GtkWidget *
new_photo_group (WmPersonaEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  self->avatar = ADW_AVATAR (adw_avatar_new (64, NULL, TRUE));
  self->photo_row = adw_action_row_new ();
  self->remove_photo_button = remove;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->photo_row), _("Photo"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (self->photo_row), GTK_WIDGET (self->avatar));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* Its own name: the mnemonic label would be read out as "_Choose… Choose…". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Photo"), -1);
  gtk_widget_set_tooltip_text (remove, _("Remove Photo"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Photo"), -1);
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (on_choose_photo_clicked), self);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_photo_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->photo_row), choose);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->photo_row), remove);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->photo_row);

  self->photo_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->photo_error, TRUE);
  gtk_label_set_xalign (self->photo_error, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->photo_error), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->photo_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->photo_error), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->photo_error));
  return group;
}

static void
build (WmPersonaEditor *self)
{
  const WmElementInfo *info = wm_element_info_lookup (WM_TYPE_PERSONA);
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (wm_persona_get_display_name (self->persona), _("Persona")));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));

  gtk_box_append (GTK_BOX (box), new_photo_group (self));
  for (guint group = 0; group < WM_MAX_FIELD_GROUPS; group++)
    {
      const char *title = info->group_titles[group];

      gtk_box_append (GTK_BOX (box), wm_field_group_new (title != NULL ? _(title) : NULL, info, group,
                                                         self->document, WM_ELEMENT (self->persona)));
    }
  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    if (field->editor == WM_EDITOR_LIST)
      gtk_box_append (GTK_BOX (box), wm_list_editor_new (_(field->label), _(field->item_label), _(field->add_label),
                                                         self->document, WM_ELEMENT (self->persona), field->property));
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

static void
wm_persona_editor_dispose (GObject *object)
{
  WmPersonaEditor *self = WM_PERSONA_EDITOR (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->persona != NULL)
    g_signal_handlers_disconnect_by_data (self->persona, self);
  g_clear_object (&self->persona);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (wm_persona_editor_parent_class)->dispose (object);
}

static void
wm_persona_editor_class_init (WmPersonaEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_persona_editor_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_persona_editor_init (WmPersonaEditor *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
}

/**
 * wm_persona_editor_new:
 * @parent: (nullable): the map's window
 * @document: the map
 * @persona: the persona to edit
 *
 * Returns: (transfer none): a new editor, not yet shown
 */
WmPersonaEditor *
wm_persona_editor_new (GtkWindow  *parent,
                       WmDocument *document,
                       WmPersona  *persona)
{
  WmPersonaEditor *self = g_object_new (WM_TYPE_PERSONA_EDITOR,
                                        "transient-for", parent,
                                        "modal", parent != NULL,
                                        "title", wm_persona_get_display_name (persona),
                                        NULL);

  self->document = g_object_ref (document);
  self->persona = g_object_ref (persona);
  build (self);
  update_photo (self);
  g_signal_connect (persona, "notify", G_CALLBACK (on_persona_notify), self);
  g_signal_connect_object (wm_document_get_history (document), "changed", G_CALLBACK (on_history_changed), self,
                           G_CONNECT_SWAPPED);
  return self;
}

WmPersona *
wm_persona_editor_get_persona (WmPersonaEditor *self)
{
  g_return_val_if_fail (WM_IS_PERSONA_EDITOR (self), NULL);

  return self->persona;
}
