/* wm-template-chooser.c: the New Map window: the four templates and the
 * sample maps, each with a thumbnail drawn by the painter and a line that
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
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  GdkTexture *texture;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  texture = g_hash_table_lookup (cache, key);
  if (texture != NULL)
    return texture;

  document = wm_template_chooser_create_map (choice->name, NULL);
  if (document == NULL)
    return NULL;
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
  g_hash_table_insert (cache, g_steal_pointer (&key), texture);
  return texture;
}

static GtkWidget *
new_tile (WmTemplateChooser *self,
          const Choice      *choice)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GdkTexture *thumbnail = get_thumbnail (choice, dark ? WM_THEME_DARK : WM_THEME_LIGHT, scale_factor);
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (thumbnail));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *title = gtk_label_new (_(choice->title));
  GtkWidget *description = gtk_label_new (_(choice->description));

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
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), box);
  gtk_widget_add_css_class (child, "template-tile");
  gtk_widget_set_tooltip_text (child, _(choice->description));
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(choice->title),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(choice->description),
                                  -1);
  g_object_set_data (G_OBJECT (child), "choice", (gpointer) choice);
  return child;
}

static void
on_child_activated (GtkFlowBox        *box,
                    GtkFlowBoxChild   *child,
                    WmTemplateChooser *self)
{
  const Choice *choice = g_object_get_data (G_OBJECT (child), "choice");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_template_chooser_create_map (choice->name, &error);

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
 * @name: a template kind's nick or a sample's name
 *
 * Chooses as a click on its tile would.
 *
 * Returns: whether there was such a tile
 */
gboolean
wm_template_chooser_choose (WmTemplateChooser *self,
                            const char        *name)
{
  GtkFlowBox *boxes[] = { self->templates_box, self->samples_box };

  g_return_val_if_fail (WM_IS_TEMPLATE_CHOOSER (self), FALSE);

  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    {
      GtkFlowBoxChild *child;

      for (int i = 0; (child = gtk_flow_box_get_child_at_index (boxes[b], i)) != NULL; i++)
        {
          const Choice *choice = g_object_get_data (G_OBJECT (child), "choice");

          if (g_strcmp0 (choice->name, name) == 0)
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
