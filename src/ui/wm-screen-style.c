/* wm-screen-style.c: the map's style as the desktop asks for it.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-screen-style"

#include "config.h"

#include <adwaita.h>

#include "wm-screen-style.h"

/* The desktop's text scaling factor: GNOME's large-text setting reaches
 * GTK as the Xft resolution, 96 dots per inch (in 1024ths) at 1. */
static double
screen_text_scale (GtkWidget *widget)
{
  int dpi = -1;

  g_object_get (gtk_widget_get_settings (widget), "gtk-xft-dpi", &dpi, NULL);
  return dpi > 0 ? dpi / (96.0 * 1024) : 1.0;
}

/**
 * wm_screen_style_new:
 *
 * Returns: (transfer full): the style for drawing in @widget now
 */
WmStyle *
wm_screen_style_new (GtkWidget *widget)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  return wm_style_new_scaled (dark ? WM_THEME_DARK : WM_THEME_LIGHT, screen_text_scale (widget));
}

/**
 * wm_screen_style_watch:
 * @on_changed: called as `on_changed (widget)` when the desktop turns
 *   dark or light, or changes its text size, for as long as @widget lives
 */
void
wm_screen_style_watch (GtkWidget *widget,
                       GCallback  on_changed)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", on_changed, widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi", on_changed, widget,
                           G_CONNECT_SWAPPED);
}
