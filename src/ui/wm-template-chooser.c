/* wm-template-chooser.c: the New Map window: the built-in templates, the
 * user's own (renamed and deleted here) and
 * the sample maps, each with a thumbnail drawn by the painter and a line that
 * says what it is for.
 *
 * Choosing one emits "map-chosen" with a new, unsaved map: a template's
 * empty structure, or a copy of a sample that belongs to no file, so the
 * samples bundled with the app are never changed.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-template-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-document-reader.h"
#include "wm-templates.h"
#include "wm-user-templates.h"
#include "wm-template-chooser.h"
#include "wm-thumbnail.h"

#define THUMBNAIL_WIDTH  340
#define THUMBNAIL_HEIGHT 200

typedef struct
{
  const char *name;          /* a template kind's nick, or a sample's file */
  gboolean is_sample;
  const char *title;         /* translated at runtime */
  const char *description;
} Choice;

static const Choice choices[] = {
  { "current-state", FALSE, N_("Current State"),
    N_("How the journey works today, to find where it hurts") },
  { "future-state", FALSE, N_("Future State"),
    N_("The journey you want, to plan the changes that get there") },
  { "day-in-the-life", FALSE, N_("Day in the Life"),
    N_("A whole day hour by hour, far beyond your product") },
  { "service-blueprint", FALSE, N_("Service Blueprint"),
    N_("The service from both sides: frontstage, backstage, support") },
  { "custom", FALSE, N_("Blank Map"),
    N_("Three stages and the common lanes, to fill in your own way") },
  { "software-purchase", TRUE, N_("Buying Software"),
    N_("Current state: a small studio chooses a project tool") },
  { "gym-membership", TRUE, N_("Gym Membership"),
    N_("Future state: joining a gym, and still going in April") },
  { "busy-parent-day", TRUE, N_("A Parent’s Tuesday"),
    N_("Day in the life: where the weekly shop fits in") },
  { "hotel-stay", TRUE, N_("Hotel Stay"),
    N_("Service blueprint: one night, front of house and back") },
};

struct _WmTemplateChooser
{
  AdwWindow parent_instance;

  GtkFlowBox *templates_box;
  GtkFlowBox *samples_box;
  GtkFlowBox *user_box;
  GtkWidget *user_label;
  GtkWidget *default_tile;
};

G_DEFINE_FINAL_TYPE (WmTemplateChooser, wm_template_chooser, ADW_TYPE_WINDOW)

enum {
  MAP_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * wm_template_chooser_create_map:
 * @name: a template kind's nick, or a sample's name
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a new map from the template or
 *   sample called @name
 */
static WmDocument *
wm_template_chooser_create_map (const char  *name,
                                GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int kind;

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      if (g_strcmp0 (choices[i].name, name) != 0)
        continue;
      if (!choices[i].is_sample)
        {
          wm_enum_from_nick (WM_TYPE_MAP_KIND, name, &kind);
          return wm_template_instantiate (kind, error);
        }
      path = g_strdup_printf (RESOURCE_PATH "/samples/%s.waymark", name);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;
      return wm_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no template called “%s”"), name);
  return NULL;
}

static GdkTexture *render_thumbnail (WmDocument *document,
                                     WmTheme     theme,
                                     int         scale_factor);

/* Thumbnails are the same every time the chooser opens; each is drawn
 * once per theme and scale. */
static GdkTexture *
get_thumbnail (const Choice *choice,
               WmTheme       theme,
               int           scale_factor)
{
  static GHashTable *cache;
  g_autofree char *key = g_strdup_printf ("%s:%d:%d", choice->name, theme, scale_factor);
  g_autoptr(WmDocument) document = NULL;
  GdkTexture *texture;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  texture = g_hash_table_lookup (cache, key);
  if (texture != NULL)
    return texture;

  document = wm_template_chooser_create_map (choice->name, NULL);
  if (document == NULL)
    return NULL;
  texture = render_thumbnail (document, theme, scale_factor);
  g_hash_table_insert (cache, g_steal_pointer (&key), texture);
  return texture;
}

static GdkTexture *
render_thumbnail (WmDocument *document,
                  WmTheme     theme,
                  int         scale_factor)
{
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  GdkTexture *texture;

  surface = wm_thumbnail_render (document, theme, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT, scale_factor);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  /* Cairo's ARGB32 is GDK's default memory format. */
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static WmTheme
current_theme (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? WM_THEME_DARK : WM_THEME_LIGHT;
}

/* A tile: the thumbnail, the title and a line below; @extra, if any,
 * sits beside the title. */
static GtkWidget *
new_tile_with (GdkTexture *thumbnail,
               const char *title_text,
               const char *description_text,
               GtkWidget  *extra)
{
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (thumbnail));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *title = gtk_label_new (title_text);
  GtkWidget *description = gtk_label_new (description_text);

  gtk_widget_set_size_request (picture, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), picture);
  gtk_widget_set_halign (frame, GTK_ALIGN_START);
  gtk_widget_add_css_class (frame, "thumbnail");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (description), 0);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 30);
  gtk_widget_add_css_class (description, "dim-label");
  gtk_widget_add_css_class (description, "caption");

  gtk_box_append (GTK_BOX (box), frame);
  if (extra != NULL)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_widget_set_hexpand (title, TRUE);
      gtk_box_append (GTK_BOX (row), title);
      gtk_box_append (GTK_BOX (row), extra);
      gtk_box_append (GTK_BOX (box), row);
    }
  else
    gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_widget_add_css_class (child, "template-tile");
  if (*description_text != '\0')
    gtk_widget_set_tooltip_text (child, description_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title_text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description_text,
                                  -1);
  return child;
}

static GtkWidget *
new_tile (WmTemplateChooser *self,
          const Choice      *choice)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GdkTexture *thumbnail = get_thumbnail (choice, current_theme (), scale_factor);
  GtkWidget *child = new_tile_with (thumbnail, _(choice->title), _(choice->description), NULL);

  g_object_set_data (G_OBJECT (child), "choice", (gpointer) choice);
  return child;
}

/* A user's template can change between two openings of the chooser, so
 * its thumbnail is drawn each time; a template that no longer opens has
 * no tile. The tile's menu (also F2 and Delete) renames and deletes it. */
static GtkWidget *
new_user_tile (WmTemplateChooser    *self,
               const WmUserTemplate *template)
{
  g_autoptr(WmDocument) document = wm_user_template_instantiate_file (template->file, NULL);
  g_autoptr(GdkTexture) thumbnail = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) rename = g_menu_item_new (_("_Rename…"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete…"), NULL);
  g_autofree char *menu_label = NULL;
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *child;

  if (document == NULL)
    return NULL;
  thumbnail = render_thumbnail (document, current_theme (), gtk_widget_get_scale_factor (GTK_WIDGET (self)));

  g_menu_item_set_action_and_target_value (rename, "template.rename", g_variant_new_string (template->name));
  g_menu_item_set_action_and_target_value (delete, "template.delete", g_variant_new_string (template->name));
  g_menu_append_item (menu, rename);
  g_menu_append_item (menu, delete);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the menu of one of the user's templates; %s is its name. */
  menu_label = g_strdup_printf (_("Template “%s” Menu"), template->name);
  gtk_widget_set_tooltip_text (button, menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);

  child = new_tile_with (thumbnail, template->name, template->description, button);
  g_object_set_data_full (G_OBJECT (child), "user-template", g_strdup (template->name), g_free);
  g_object_set_data_full (G_OBJECT (child), "user-template-file", g_object_ref (template->file), g_object_unref);
  return child;
}

static void
fill_user_templates (WmTemplateChooser *self)
{
  g_autoptr(GPtrArray) templates = wm_user_templates_list ();
  GtkFlowBoxChild *child;

  while ((child = gtk_flow_box_get_child_at_index (self->user_box, 0)) != NULL)
    gtk_flow_box_remove (self->user_box, GTK_WIDGET (child));
  for (guint i = 0; i < templates->len; i++)
    {
      GtkWidget *tile = new_user_tile (self, g_ptr_array_index (templates, i));

      if (tile != NULL)
        gtk_flow_box_append (self->user_box, tile);
    }
  child = gtk_flow_box_get_child_at_index (self->user_box, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->user_box), child != NULL);
  gtk_widget_set_visible (self->user_label, child != NULL);
}

static void
show_message (WmTemplateChooser *self,
              const char        *heading,
              const char        *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_rename_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    WmTemplateChooser *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *old_name = g_object_get_data (G_OBJECT (dialog), "name");
  g_autofree char *new_name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0)
    return;
  if (!wm_user_templates_rename (old_name, new_name, &error))
    show_message (self, _("Could not rename the template"), error->message);
  fill_user_templates (self);
}

static void
on_rename_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "rename",
                                           wm_user_templates_check_name (gtk_editable_get_text (entry), NULL));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmTemplateChooser *self = WM_TEMPLATE_CHOOSER (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Rename Template"), NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Template name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (name), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (on_rename_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_delete_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    WmTemplateChooser *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  if (!wm_user_templates_delete (g_object_get_data (G_OBJECT (dialog), "name"), &error))
    show_message (self, _("Could not delete the template"), error->message);
  fill_user_templates (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmTemplateChooser *self = WM_TEMPLATE_CHOOSER (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: a template's name. */
  heading = g_strdup_printf (_("Delete Template “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Maps made from it are kept. The template cannot be restored."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* F2 and Delete act on the user's template whose tile has focus. */
static void
focused_template_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WmTemplateChooser *self = WM_TEMPLATE_CHOOSER (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  const char *name = NULL;

  for (; focus != NULL && name == NULL; focus = gtk_widget_get_parent (focus))
    name = g_object_get_data (G_OBJECT (focus), "user-template");
  if (name == NULL)
    return;
  gtk_widget_activate_action (widget, g_str_equal (action_name, "template.rename-focused") ? "template.rename"
                                                                                         : "template.delete",
                              "s", name);
}

static void
on_child_activated (GtkFlowBox        *box,
                    GtkFlowBoxChild   *child,
                    WmTemplateChooser *self)
{
  const Choice *choice = g_object_get_data (G_OBJECT (child), "choice");
  GFile *user_file = g_object_get_data (G_OBJECT (child), "user-template-file");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;

  if (user_file != NULL)
    {
      /* The file may have changed since the list was made. */
      document = wm_user_template_instantiate_file (user_file, &error);
      if (document == NULL)
        {
          show_message (self, _("Could not open the template"), error->message);
          return;
        }
    }
  else
    document = wm_template_chooser_create_map (choice->name, &error);

  /* The bundled maps are checked by the test suite; this cannot fail
   * unless the build is broken. */
  if (document == NULL)
    {
      g_critical ("%s", error->message);
      return;
    }
  g_signal_emit (self, signals[MAP_CHOSEN], 0, document);
  gtk_window_close (GTK_WINDOW (self));
}

static void
wm_template_chooser_class_init (WmTemplateChooserClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * WmTemplateChooser::map-chosen:
   * @document: the new map
   *
   * The user picked a template or a sample; the chooser closes.
   */
  signals[MAP_CHOSEN] = g_signal_new ("map-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                      NULL, NULL, NULL, G_TYPE_NONE, 1, WM_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/wm-template-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, WmTemplateChooser, templates_box);
  gtk_widget_class_bind_template_child (widget_class, WmTemplateChooser, samples_box);
  gtk_widget_class_bind_template_child (widget_class, WmTemplateChooser, user_box);
  gtk_widget_class_bind_template_child (widget_class, WmTemplateChooser, user_label);
  gtk_widget_class_install_action (widget_class, "template.rename", "s", rename_action);
  gtk_widget_class_install_action (widget_class, "template.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "template.rename-focused", NULL, focused_template_action);
  gtk_widget_class_install_action (widget_class, "template.delete-focused", NULL, focused_template_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "template.rename-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "template.delete-focused", NULL);
  gtk_widget_class_bind_template_callback (widget_class, on_child_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_template_chooser_init (WmTemplateChooser *self)
{
  g_autoptr(GSettings) settings = g_settings_new (SETTINGS_SCHEMA_ID);
  g_autofree char *default_template = g_settings_get_string (settings, "default-template");

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      GtkWidget *tile = new_tile (self, &choices[i]);

      gtk_flow_box_append (choices[i].is_sample ? self->samples_box : self->templates_box, tile);
      if (self->default_tile == NULL && g_strcmp0 (choices[i].name, default_template) == 0)
        self->default_tile = tile;
    }
  fill_user_templates (self);
  if (self->default_tile == NULL)
    self->default_tile = GTK_WIDGET (gtk_flow_box_get_child_at_index (self->templates_box, 0));
  gtk_flow_box_select_child (self->templates_box, GTK_FLOW_BOX_CHILD (self->default_tile));
  /* Through the tile's own focus handling, so that the flow box takes it
   * as its cursor and the arrow keys go on from there. */
  gtk_widget_child_focus (self->default_tile, GTK_DIR_TAB_FORWARD);
}

/**
 * wm_template_chooser_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new chooser, not yet shown
 */
WmTemplateChooser *
wm_template_chooser_new (GtkWindow *parent)
{
  return g_object_new (WM_TYPE_TEMPLATE_CHOOSER,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

/**
 * wm_template_chooser_choose:
 * @name: a template kind's nick, a sample's name or the name of one of
 *   the user's templates
 *
 * Chooses as a click on its tile would.
 *
 * Returns: whether there was such a tile
 */
gboolean
wm_template_chooser_choose (WmTemplateChooser *self,
                            const char        *name)
{
  GtkFlowBox *boxes[] = { self->templates_box, self->samples_box, self->user_box };

  g_return_val_if_fail (WM_IS_TEMPLATE_CHOOSER (self), FALSE);

  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    {
      GtkFlowBoxChild *child;

      for (int i = 0; (child = gtk_flow_box_get_child_at_index (boxes[b], i)) != NULL; i++)
        {
          const Choice *choice = g_object_get_data (G_OBJECT (child), "choice");
          const char *child_name = choice != NULL ? choice->name : g_object_get_data (G_OBJECT (child), "user-template");

          if (g_strcmp0 (child_name, name) == 0)
            {
              g_signal_emit_by_name (child, "activate");
              return TRUE;
            }
        }
    }
  return FALSE;
}

/* The name of the tile that has focus when the chooser opens. */
const char *
wm_template_chooser_get_default_choice (WmTemplateChooser *self)
{
  const Choice *choice;

  g_return_val_if_fail (WM_IS_TEMPLATE_CHOOSER (self), NULL);

  choice = g_object_get_data (G_OBJECT (self->default_tile), "choice");
  return choice->name;
}
