/* wm-window-views.c: the map and the Priorities view, side by side in
 * one window: the header bar's switcher (or the bar at the bottom when
 * the window is narrow), Alt+1 and Alt+2. A card chosen in the
 * Priorities view is chosen on the map too, so the inspector edits it;
 * activating it shows it on the map.
 *
 * And the view's filter: the header bar's view button fades the cards
 * outside it, on the map and in the presentation.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-views"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-window-private.h"

static void
show_view (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  WmWindow *self = user_data;

  wm_window_show_view (self, g_variant_get_string (parameter, NULL));
}

static const GActionEntry view_actions[] = {
  { .name = "show-view", .activate = show_view, .parameter_type = "s" },
};

/**
 * wm_window_show_view:
 * @name: "map" or "priorities"
 */
void
wm_window_show_view (WmWindow   *self,
                     const char *name)
{
  if (self->document == NULL || adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  if (g_str_equal (name, "map"))
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* The Priorities view chose a card: the map chooses it too (without
 * scrolling to it), and the inspector shows it. */
static void
on_card_selected (WmWindow *self,
                  WmCard   *card)
{
  wm_canvas_select_element (self->canvas, WM_ELEMENT (card));
}

static void
on_card_activated (WmWindow *self,
                   WmCard   *card)
{
  wm_window_show_view (self, "map");
  wm_canvas_focus_card (self->canvas, card);
}

/* Coming to the Priorities view, the card chosen on the map is chosen
 * there too. */
static void
on_visible_view_changed (WmWindow *self)
{
  WmElement *selected = wm_canvas_get_selected_element (self->canvas);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "priorities") == 0)
    wm_priorities_view_select_card (self->priorities_view, WM_IS_CARD (selected) ? WM_CARD (selected) : NULL);
}

/* The button names what the map shows. */
static void
update_view_button (WmWindow *self)
{
  const WmViewFilter *filter = wm_view_popover_get_filter (self->view_popover);
  const char *name = wm_view_popover_get_view_name (self->view_popover);

  const char *label = name != NULL ? name : wm_view_filter_is_empty (filter) ? _("All Cards") : _("Filtered");
  /* Translators: the view button's name for screen readers; %s is what it shows, such as "All Cards" */
  g_autofree char *spoken = g_strdup_printf (_("View: %s"), label);

  gtk_label_set_text (self->view_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view_button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  /* With its arrow, the button's own toggle has no text of its own for a
   * screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->view_button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

/* The switcher moves to the bottom when the header bar has no room for
 * it; with no map open there is nothing to switch between. */
static void
update_switcher_bar (WmWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    self->document != NULL && adw_view_switcher_title_get_title_visible (self->window_title));
}

static void
on_filter_changed (WmWindow *self)
{
  wm_canvas_set_filter (self->canvas, wm_view_popover_get_filter (self->view_popover));
  update_view_button (self);
}

/**
 * wm_window_get_filter:
 *
 * Returns: (nullable): the view's filter, or %NULL when every card shows
 */
const WmViewFilter *
wm_window_get_filter (WmWindow *self)
{
  return wm_canvas_get_filter (self->canvas);
}

void
wm_window_add_view_actions (WmWindow *self)
{
  g_signal_connect_object (self->view_popover, "filter-changed", G_CALLBACK (on_filter_changed), self,
                           G_CONNECT_SWAPPED);
  g_action_map_add_action_entries (G_ACTION_MAP (self), view_actions, G_N_ELEMENTS (view_actions), self);
  wm_window_enable_actions (self, view_actions, G_N_ELEMENTS (view_actions), FALSE);
  g_signal_connect_object (self->priorities_view, "card-selected", G_CALLBACK (on_card_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->priorities_view, "card-activated", G_CALLBACK (on_card_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (on_visible_view_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->window_title, "notify::title-visible", G_CALLBACK (update_switcher_bar), self,
                           G_CONNECT_SWAPPED);
}

void
wm_window_views_document_shown (WmWindow *self)
{
  gboolean shown = self->document != NULL;

  wm_priorities_view_set_document (self->priorities_view, self->document);
  wm_view_popover_set_document (self->view_popover, self->document);
  wm_canvas_set_filter (self->canvas, NULL);
  update_view_button (self);
  gtk_widget_set_visible (GTK_WIDGET (self->view_button), shown);
  adw_view_switcher_title_set_view_switcher_enabled (self->window_title, shown);
  update_switcher_bar (self);
  wm_window_enable_actions (self, view_actions, G_N_ELEMENTS (view_actions), shown);
  adw_view_stack_set_visible_child_name (self->view_stack, "map");
}
