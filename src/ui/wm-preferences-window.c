/* wm-preferences-window.c: the Preferences window: the colour scheme,
 * the template New Map selects first, and whether autosave keeps
 * recovery copies. Every row is bound to GSettings, so a change applies
 * at once and there is nothing to confirm.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-preferences-window.h"

struct _WmPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  AdwComboRow *style_row;
  AdwComboRow *template_row;
  GtkSwitch *autosave_switch;
};

G_DEFINE_FINAL_TYPE (WmPreferencesWindow, wm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* In the order of the rows' models in the .ui file. */
static const char * const color_scheme_nicks[] = { "default", "light", "dark", NULL };
static const char * const template_nicks[] = {
  "current-state", "future-state", "day-in-the-life", "service-blueprint", NULL
};

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  /* A value written by a newer version: show the first choice. */
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[position]);
}

static void
bind_combo_row (WmPreferencesWindow *self,
                const char          *key,
                AdwComboRow         *row,
                const char * const  *nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick, (gpointer) nicks, NULL);
}

static void
wm_preferences_window_dispose (GObject *object)
{
  WmPreferencesWindow *self = WM_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wm_preferences_window_parent_class)->dispose (object);
}

static void
wm_preferences_window_class_init (WmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/wm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, WmPreferencesWindow, template_row);
  gtk_widget_class_bind_template_child (widget_class, WmPreferencesWindow, autosave_switch);
}

static void
wm_preferences_window_init (WmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
  bind_combo_row (self, "color-scheme", self->style_row, color_scheme_nicks);
  bind_combo_row (self, "default-template", self->template_row, template_nicks);
  g_settings_bind (self->settings, "autosave", self->autosave_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

/**
 * wm_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new Preferences window, not yet shown
 */
WmPreferencesWindow *
wm_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (WM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}

/**
 * wm_preferences_apply_color_scheme:
 * @settings: the app's settings
 *
 * Follows the "color-scheme" key: the system's choice, or always light or
 * dark.
 */
void
wm_preferences_apply_color_scheme (GSettings *settings)
{
  g_autofree char *nick = g_settings_get_string (settings, "color-scheme");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (nick, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (nick, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}
