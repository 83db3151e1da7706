/* wm-window-zoom.c: the window's zoom actions and controls, the map
 * overview's toggle, and the zoom each map was last seen at.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-zoom"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-window-private.h"

/* The steps Ctrl+plus and Ctrl+minus go through. */
static const double zoom_steps[] = { 0.05, 0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0 };

/* Remembered zooms, by file URI; the oldest are forgotten past this. */
#define MAX_REMEMBERED 100

static void
zoom_in_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WmWindow *self = user_data;
  double zoom = wm_canvas_get_zoom (self->canvas);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
    if (zoom_steps[i] > zoom + 0.001)
      {
        wm_canvas_set_zoom (self->canvas, zoom_steps[i]);
        return;
      }
}

static void
zoom_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  WmWindow *self = user_data;
  double zoom = wm_canvas_get_zoom (self->canvas);

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom - 0.001)
      {
        wm_canvas_set_zoom (self->canvas, zoom_steps[i - 1]);
        return;
      }
}

static void
zoom_reset_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  WmWindow *self = user_data;

  wm_canvas_set_zoom (self->canvas, 1.0);
}

static void
zoom_fit_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  WmWindow *self = user_data;

  wm_canvas_set_zoom (self->canvas, wm_canvas_get_fit_zoom (self->canvas));
}

/* Whether the overview is wanted is remembered for the next window; it
 * shows only while part of the map is out of view. */
static void
show_overview_changed (GSimpleAction *action,
                       GVariant      *state,
                       gpointer       user_data)
{
  WmWindow *self = user_data;
  gboolean shown = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  wm_minimap_set_enabled (self->minimap, shown);
  g_settings_set_boolean (self->settings, "show-overview", shown);
}

static void
remember_zoom (WmWindow *self,
               double    zoom)
{
  g_autoptr(GVariant) stored = g_settings_get_value (self->settings, "zoom-levels");
  g_autofree char *uri = g_file_get_uri (self->file);
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sd}"));
  GVariantIter iter;
  const char *key;
  double value;
  guint kept = 1;

  /* The newest first, then the older ones up to the limit. */
  g_variant_builder_add (&builder, "{sd}", uri, zoom);
  g_variant_iter_init (&iter, stored);
  while (kept < MAX_REMEMBERED && g_variant_iter_next (&iter, "{&sd}", &key, &value))
    if (!g_str_equal (key, uri))
      {
        g_variant_builder_add (&builder, "{sd}", key, value);
        kept++;
      }
  g_settings_set_value (self->settings, "zoom-levels", g_variant_builder_end (&builder));
}

/* A map saved for the first time, or under another name, keeps the zoom
 * it had while unsaved. */
void
wm_window_remember_zoom (WmWindow *self)
{
  if (self->file != NULL && self->document != NULL)
    remember_zoom (self, wm_canvas_get_zoom (self->canvas));
}

static void
on_zoom_changed (WmCanvas   *canvas,
                 GParamSpec *pspec,
                 WmWindow   *self)
{
  double zoom = wm_canvas_get_zoom (canvas);
  g_autofree char *label = g_strdup_printf ("%.0f %%", zoom * 100);
  /* Translators: the zoom level button, for screen readers; %s is e.g. "100 %" */
  g_autofree char *description = g_strdup_printf (_("Zoom level %s; reset to 100 %%"), label);

  gtk_button_set_label (self->zoom_level_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_level_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "zoom-in")),
                               self->document != NULL && zoom < WM_CANVAS_MAX_ZOOM - 0.001);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "zoom-out")),
                               self->document != NULL && zoom > WM_CANVAS_MIN_ZOOM + 0.001);
  if (self->file != NULL && self->document != NULL)
    remember_zoom (self, zoom);
}

static const GActionEntry zoom_actions[] = {
  { .name = "zoom-in", .activate = zoom_in_action },
  { .name = "zoom-out", .activate = zoom_out_action },
  { .name = "zoom-reset", .activate = zoom_reset_action },
  { .name = "zoom-fit", .activate = zoom_fit_action },
  { .name = "show-overview", .state = "true", .change_state = show_overview_changed },
};

void
wm_window_add_zoom_actions (WmWindow *self)
{
  gboolean overview = g_settings_get_boolean (self->settings, "show-overview");

  g_action_map_add_action_entries (G_ACTION_MAP (self), zoom_actions, G_N_ELEMENTS (zoom_actions), self);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "show-overview")),
                             g_variant_new_boolean (overview));
  wm_minimap_set_enabled (self->minimap, overview);
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (on_zoom_changed), self, 0);
  wm_window_set_zoom_enabled (self, FALSE);
}

/* Shows the zoom controls and enables the actions while a map is open. */
void
wm_window_set_zoom_enabled (WmWindow *self,
                            gboolean  enabled)
{
  wm_window_enable_actions (self, zoom_actions, G_N_ELEMENTS (zoom_actions), enabled);
  gtk_widget_set_visible (self->zoom_box, enabled);
  if (enabled)
    on_zoom_changed (self->canvas, NULL, self);
}

/* The zoom @file was last seen at, or 1. */
double
wm_window_recall_zoom (WmWindow *self,
                       GFile    *file)
{
  g_autoptr(GVariant) stored = g_settings_get_value (self->settings, "zoom-levels");
  g_autofree char *uri = g_file_get_uri (file);
  double zoom;

  if (!g_variant_lookup (stored, uri, "d", &zoom))
    return 1.0;
  return CLAMP (zoom, WM_CANVAS_MIN_ZOOM, WM_CANVAS_MAX_ZOOM);
}
