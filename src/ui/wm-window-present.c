/* wm-window-present.c: the Present button and F5. The map is presented
 * full screen; when the presentation ends, the editor shows the stage
 * that was on screen.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-present"

#include "config.h"

#include "wm-presentation.h"
#include "wm-window-private.h"

static void
on_finished (WmPresentation *presentation,
             int             stage,
             WmWindow       *self)
{
  if (stage >= 0)
    wm_canvas_show_stage (self->canvas, stage);
  gtk_window_present (GTK_WINDOW (self));
}

static void
present_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WmWindow *self = user_data;
  WmPresentation *presentation;

  if (self->document == NULL)
    return;
  presentation = wm_presentation_new (GTK_WINDOW (self), self->document);
  if (wm_window_get_filter (self) != NULL)
    wm_presentation_set_filter (presentation, wm_window_get_filter (self));
  g_signal_connect_object (presentation, "finished", G_CALLBACK (on_finished), self, 0);
  gtk_window_fullscreen (GTK_WINDOW (presentation));
  gtk_window_present (GTK_WINDOW (presentation));
}

static const GActionEntry present_actions[] = {
  { .name = "present", .activate = present_action },
};

void
wm_window_add_present_actions (WmWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), present_actions, G_N_ELEMENTS (present_actions), self);
  wm_window_enable_actions (self, present_actions, G_N_ELEMENTS (present_actions), FALSE);
}

void
wm_window_present_document_shown (WmWindow *self)
{
  wm_window_enable_actions (self, present_actions, G_N_ELEMENTS (present_actions), self->document != NULL);
  gtk_widget_set_visible (self->present_button, self->document != NULL);
}
