/* wm-window-edit.c: the window's editing actions: undo and redo, and
 * adding cards, stages and lanes from the header bar.
 *
 * Undo and Redo follow the map's history, and their tooltips name the
 * step they would take back or do again.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-window-private.h"

static WmHistory *
history_of (WmWindow *self)
{
  return self->document != NULL ? wm_document_get_history (self->document) : NULL;
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  WmWindow *self = user_data;
  WmHistory *history = history_of (self);

  if (history != NULL && wm_history_get_can_undo (history))
    wm_history_undo (history);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  WmWindow *self = user_data;
  WmHistory *history = history_of (self);

  if (history != NULL && wm_history_get_can_redo (history))
    wm_history_redo (history);
}

static void
add_card_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  WmWindow *self = user_data;

  gtk_widget_activate_action (GTK_WIDGET (self->canvas), "canvas.add-card", NULL);
}

static void
add_stage_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  WmWindow *self = user_data;

  wm_canvas_add_stage (self->canvas, G_MAXUINT);
}

static void
add_lane_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  WmWindow *self = user_data;
  int kind = WM_LANE_KIND_TEXT;

  wm_enum_from_nick (WM_TYPE_LANE_KIND, g_variant_get_string (parameter, NULL), &kind);
  wm_canvas_add_lane (self->canvas, kind, G_MAXUINT);
}

/* A new persona opens in the editor, ready for a name. */
static void
add_persona_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  WmWindow *self = user_data;
  WmPersona *persona = wm_canvas_add_persona (self->canvas);

  if (persona != NULL)
    wm_canvas_edit_persona (self->canvas, persona);
}

static const GActionEntry edit_actions[] = {
  { .name = "undo", .activate = undo_action },
  { .name = "redo", .activate = redo_action },
  { .name = "add-card", .activate = add_card_action },
  { .name = "add-stage", .activate = add_stage_action },
  { .name = "add-lane", .activate = add_lane_action, .parameter_type = "s" },
  { .name = "add-persona", .activate = add_persona_action },
};

static void
update_history_actions (WmWindow *self)
{
  WmHistory *history = history_of (self);
  GActionMap *map = G_ACTION_MAP (self);
  const char *undo = history != NULL ? wm_history_get_undo_label (history) : NULL;
  const char *redo = history != NULL ? wm_history_get_redo_label (history) : NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "undo")),
                               history != NULL && wm_history_get_can_undo (history));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "redo")),
                               history != NULL && wm_history_get_can_redo (history));
  /* Translators: a tooltip; %s names the step, such as "Move Cards" */
  undo_tip = undo != NULL ? g_strdup_printf (_("Undo “%s”"), undo) : g_strdup (_("Undo"));
  /* Translators: a tooltip; %s names the step, such as "Move Cards" */
  redo_tip = redo != NULL ? g_strdup_printf (_("Redo “%s”"), redo) : g_strdup (_("Redo"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
  /* A map holds at most WM_MAX_PERSONAS. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (map, "add-persona")),
                               history != NULL && wm_canvas_can_add_persona (self->canvas));
}

void
wm_window_add_edit_actions (WmWindow *self)
{
  g_autoptr(GMenu) lanes = g_menu_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), edit_actions, G_N_ELEMENTS (edit_actions), self);
  wm_canvas_fill_lane_kind_menu (lanes, "win.add-lane");
  g_menu_append_submenu (self->add_lane_menu, _("Add _Lane"), G_MENU_MODEL (lanes));
  wm_window_set_edit_enabled (self, FALSE);
}

/* Follows the history of the map now shown. */
void
wm_window_edit_document_shown (WmWindow *self)
{
  if (self->watched_history != NULL)
    g_signal_handlers_disconnect_by_func (self->watched_history, update_history_actions, self);
  g_set_object (&self->watched_history, history_of (self));
  if (self->watched_history != NULL)
    g_signal_connect_object (self->watched_history, "changed", G_CALLBACK (update_history_actions), self,
                             G_CONNECT_SWAPPED);
  wm_window_set_edit_enabled (self, self->document != NULL);
}

void
wm_window_edit_dispose (WmWindow *self)
{
  g_clear_object (&self->watched_history);
}

/* Shows the editing controls while a map is open. */
void
wm_window_set_edit_enabled (WmWindow *self,
                            gboolean  enabled)
{
  wm_window_enable_actions (self, edit_actions + 2, G_N_ELEMENTS (edit_actions) - 2, enabled);
  gtk_widget_set_visible (self->edit_box, enabled);
  gtk_widget_set_visible (self->add_button, enabled);
  update_history_actions (self);
}
