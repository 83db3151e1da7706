/* wm-window-inspector.c: the inspector beside the canvas: it edits what
 * the canvas selects, and F9 or the header bar's toggle shows or hides it.
 * Whether it is shown is remembered for the next window.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-inspector"

#include "config.h"

#include "wm-window-private.h"

static void
show_inspector_changed (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
  WmWindow *self = user_data;
  gboolean shown = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  adw_flap_set_reveal_flap (self->flap, shown);
  g_settings_set_boolean (self->settings, "show-inspector", shown);
}

static const GActionEntry inspector_actions[] = {
  { .name = "show-inspector", .state = "true", .change_state = show_inspector_changed },
};

/* A folded panel closes when the user clicks beside it; the toggle must
 * follow. The setting keeps the user's own choice only. */
static void
on_reveal_flap_changed (WmWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-inspector");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (adw_flap_get_reveal_flap (self->flap)));
}

static void
on_selection_changed (WmWindow *self)
{
  GPtrArray *selection = wm_canvas_get_selection (self->canvas);

  if (selection->len > 1)
    wm_inspector_show_several (self->inspector, selection->len);
  else
    wm_inspector_set_element (self->inspector, wm_canvas_get_selected_element (self->canvas));
}

void
wm_window_add_inspector_actions (WmWindow *self)
{
  gboolean shown = g_settings_get_boolean (self->settings, "show-inspector");
  GAction *action;

  g_action_map_add_action_entries (G_ACTION_MAP (self), inspector_actions, G_N_ELEMENTS (inspector_actions), self);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-inspector");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (shown));
  adw_flap_set_reveal_flap (self->flap, shown);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_reveal_flap_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::selected-element", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  wm_window_enable_actions (self, inspector_actions, G_N_ELEMENTS (inspector_actions), FALSE);
}

void
wm_window_inspector_document_shown (WmWindow *self)
{
  wm_inspector_set_document (self->inspector, self->document);
  wm_inspector_set_element (self->inspector, wm_canvas_get_selected_element (self->canvas));
  wm_window_enable_actions (self, inspector_actions, G_N_ELEMENTS (inspector_actions), self->document != NULL);
  gtk_widget_set_visible (self->inspector_button, self->document != NULL);
}
