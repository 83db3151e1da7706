/* wm-recent-list.c: the maps opened or saved lately, under the empty
 * window's buttons, newest first, so yesterday's map is one click away.
 *
 * The list is GTK's recent files (the same that GNOME Files shows), kept
 * to maps that still exist; it follows the recent files as they change.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-recent-list"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-recent-list.h"

/* Enough to find this week's maps without a long list on a small screen. */
#define MAX_MAPS 5

struct _WmRecentList
{
  GtkBox parent_instance;

  GtkRecentManager *manager;
  GtkWidget *list;
  guint n_maps;
};

G_DEFINE_FINAL_TYPE (WmRecentList, wm_recent_list, GTK_TYPE_BOX)

static gboolean
is_map (GtkRecentInfo *info)
{
  const char *mime_type = gtk_recent_info_get_mime_type (info);

  return (g_strcmp0 (mime_type, "application/x-waymark+json") == 0 ||
          g_str_has_suffix (gtk_recent_info_get_uri (info), ".waymark")) &&
         gtk_recent_info_is_local (info) && gtk_recent_info_exists (info);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  GtkRecentInfo *first = *(GtkRecentInfo **) a;
  GtkRecentInfo *second = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (second), gtk_recent_info_get_modified (first));
}

static GtkWidget *
new_row (GtkRecentInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;
  g_autofree char *home = g_strdup (g_get_home_dir ());
  g_autofree char *shown_folder = NULL;
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* ~/Documents reads better than /home/dana/Documents. */
  if (folder != NULL && g_str_has_prefix (folder, home))
    shown_folder = g_strconcat ("~", folder + strlen (home), NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_recent_info_get_display_name (info));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown_folder != NULL ? shown_folder : folder);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "app.open-uri");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", gtk_recent_info_get_uri (info));
  return row;
}

static void
refill (WmRecentList *self)
{
  GList *items = gtk_recent_manager_get_items (self->manager);
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  for (GList *l = items; l != NULL; l = l->next)
    if (is_map (l->data))
      g_ptr_array_add (maps, l->data);
  g_ptr_array_sort (maps, newest_first);
  self->n_maps = MIN (maps->len, MAX_MAPS);
  for (guint i = 0; i < self->n_maps; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), new_row (g_ptr_array_index (maps, i)));
  gtk_widget_set_visible (GTK_WIDGET (self), self->n_maps > 0);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
wm_recent_list_dispose (GObject *object)
{
  WmRecentList *self = WM_RECENT_LIST (object);

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  self->manager = NULL;

  G_OBJECT_CLASS (wm_recent_list_parent_class)->dispose (object);
}

static void
wm_recent_list_class_init (WmRecentListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = wm_recent_list_dispose;
}

static void
wm_recent_list_init (WmRecentList *self)
{
  GtkWidget *heading = gtk_label_new (_("Recent Maps"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recent Maps"), -1);
  gtk_box_append (GTK_BOX (self), heading);
  gtk_box_append (GTK_BOX (self), self->list);

  self->manager = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->manager, "changed", G_CALLBACK (refill), self);
  refill (self);
}

GtkWidget *
wm_recent_list_new (void)
{
  return g_object_new (WM_TYPE_RECENT_LIST, NULL);
}

/* How many maps the list shows, for tests. */
guint
wm_recent_list_get_n_maps (WmRecentList *self)
{
  g_return_val_if_fail (WM_IS_RECENT_LIST (self), 0);

  return self->n_maps;
}
