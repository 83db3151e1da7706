/* wm-window-health.c: the health check in the window. A button in the
 * header bar counts the map's findings as it changes; its popover lists
 * them, each with how to fix it, and choosing one shows its element on
 * the map. Ctrl+Shift+H opens it.
 *
 * The check runs when the main loop is idle after a change, once for a
 * burst of changes: typing a title does not run it per key.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-window-health"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-health.h"
#include "wm-stage.h"
#include "wm-templates.h"
#include "wm-window-private.h"

/* Shows the element a finding is about: a card or point focused, a
 * stage's or lane's header focused, a persona chosen, or the map's own
 * fields in the inspector. */
static void
show_element (WmWindow   *self,
              const char *element_id)
{
  WmElement *element = self->document != NULL ? wm_document_lookup (self->document, element_id) : NULL;
  GListModel *list;
  guint position;

  wm_window_show_view (self, "map");
  if (WM_IS_CARD (element))
    wm_canvas_focus_card (self->canvas, WM_CARD (element));
  else if (WM_IS_EMOTION_POINT (element))
    wm_canvas_focus_point (self->canvas, WM_EMOTION_POINT (element));
  else if (WM_IS_STAGE (element) || WM_IS_LANE (element))
    {
      list = WM_IS_STAGE (element) ? wm_document_get_stages (self->document) : wm_document_get_lanes (self->document);
      for (position = 0; position < g_list_model_get_n_items (list); position++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, position);

          if (item == (GObject *) element)
            break;
        }
      wm_canvas_focus_header (self->canvas, WM_IS_STAGE (element), position);
    }
  else
    wm_canvas_select_element (self->canvas, WM_IS_PERSONA (element) ? element : NULL);
}

static void
on_finding_activated (WmWindow      *self,
                      GtkListBoxRow *row)
{
  const char *element_id = g_object_get_data (G_OBJECT (row), "element-id");
  g_autofree char *id = g_strdup (element_id);

  gtk_menu_button_popdown (self->health_button);
  show_element (self, id);
}

static GtkWidget *
finding_row (const WmHealthFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(finding->rule->hint));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_set_tooltip_text (row, _(finding->rule->explanation));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "element-id", g_strdup (finding->element_id), g_free);
  return row;
}

static void
update_health (WmWindow *self)
{
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;
  GtkWidget *child;

  findings = self->document != NULL ? wm_health_check (self->document, wm_template_get_hint_titles ())
                                    : g_ptr_array_new ();
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->health_list))) != NULL)
    gtk_list_box_remove (self->health_list, child);
  for (guint i = 0; i < findings->len; i++)
    gtk_list_box_append (self->health_list, finding_row (g_ptr_array_index (findings, i)));

  count = g_strdup_printf ("%u", findings->len);
  gtk_label_set_text (self->health_count, count);
  gtk_widget_set_visible (GTK_WIDGET (self->health_count), findings->len > 0);
  gtk_image_set_from_icon_name (self->health_icon, findings->len > 0 ? "dialog-warning-symbolic"
                                                                     : "emblem-ok-symbolic");
  gtk_widget_set_visible (self->health_empty, findings->len == 0);
  gtk_widget_set_visible (self->health_scroller, findings->len > 0);

  if (findings->len == 0)
    label = g_strdup (_("Health Check: no findings"));
  else
    /* Translators: the health check button's name for screen readers and its tooltip */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Health Check: %u finding", "Health Check: %u findings",
                                          findings->len), findings->len);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->health_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->health_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* A screen reader meets the menu button's own toggle, which a custom
   * child leaves unnamed. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->health_button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_label_set_text (self->health_heading, label);
  self->n_health_findings = findings->len;
}

static gboolean
run_health_check (gpointer data)
{
  WmWindow *self = data;

  self->health_source = 0;
  update_health (self);
  return G_SOURCE_REMOVE;
}

static void
on_history_changed (WmWindow *self)
{
  if (self->health_source == 0)
    self->health_source = g_idle_add_full (G_PRIORITY_LOW, run_health_check, self, NULL);
}

static void
show_health (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  WmWindow *self = user_data;

  if (self->health_source != 0)
    {
      g_source_remove (self->health_source);
      run_health_check (self);
    }
  gtk_menu_button_popup (self->health_button);
}

static const GActionEntry health_actions[] = {
  { .name = "show-health", .activate = show_health },
};

static GtkWidget *
build_popover (WmWindow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *explanation = gtk_label_new (_("What a practitioner reviewing the map would point out. "
                                            "Choose a finding to see it on the map."));
  GtkWidget *empty = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *empty_icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  GtkWidget *empty_title = gtk_label_new (_("No Findings"));
  GtkWidget *empty_text = gtk_label_new (_("The map passes every rule of the health check."));

  self->health_heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->health_heading), "heading");
  gtk_label_set_xalign (self->health_heading, 0);
  gtk_label_set_wrap (GTK_LABEL (explanation), TRUE);
  gtk_label_set_xalign (GTK_LABEL (explanation), 0);
  gtk_widget_add_css_class (explanation, "dim-label");

  self->health_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->health_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->health_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->health_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Health check findings"), -1);
  g_signal_connect_object (self->health_list, "row-activated", G_CALLBACK (on_finding_activated), self,
                           G_CONNECT_SWAPPED);
  self->health_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->health_scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->health_scroller), 480);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->health_scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->health_scroller), GTK_WIDGET (self->health_list));

  /* Not an AdwStatusPage: the window's own empty state is the one page
   * of that kind in it. */
  gtk_image_set_pixel_size (GTK_IMAGE (empty_icon), 48);
  gtk_widget_add_css_class (empty_icon, "dim-label");
  gtk_widget_add_css_class (empty_title, "title-4");
  gtk_label_set_wrap (GTK_LABEL (empty_text), TRUE);
  gtk_widget_add_css_class (empty_text, "dim-label");
  gtk_box_append (GTK_BOX (empty), empty_icon);
  gtk_box_append (GTK_BOX (empty), empty_title);
  gtk_box_append (GTK_BOX (empty), empty_text);
  gtk_widget_set_margin_top (empty, 18);
  gtk_widget_set_margin_bottom (empty, 18);
  self->health_empty = empty;

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->health_heading));
  gtk_box_append (GTK_BOX (box), explanation);
  gtk_box_append (GTK_BOX (box), self->health_scroller);
  gtk_box_append (GTK_BOX (box), self->health_empty);
  gtk_widget_set_size_request (box, 420, -1);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

void
wm_window_add_health_actions (WmWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *count_squeezer;

  self->health_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
  self->health_count = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->health_count), "numeric");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->health_icon));
  /* The count gives way in a narrow window; the name keeps it. */
  count_squeezer = adw_squeezer_new ();
  adw_squeezer_set_allow_none (ADW_SQUEEZER (count_squeezer), TRUE);
  adw_squeezer_add (ADW_SQUEEZER (count_squeezer), GTK_WIDGET (self->health_count));
  gtk_box_append (GTK_BOX (content), count_squeezer);
  gtk_menu_button_set_child (self->health_button, content);
  gtk_menu_button_set_popover (self->health_button, build_popover (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), health_actions, G_N_ELEMENTS (health_actions), self);
  wm_window_enable_actions (self, health_actions, G_N_ELEMENTS (health_actions), FALSE);
  update_health (self);
}

void
wm_window_health_document_shown (WmWindow *self)
{
  if (self->health_history != NULL)
    g_signal_handlers_disconnect_by_data (self->health_history, self);
  g_clear_object (&self->health_history);
  if (self->document != NULL)
    {
      self->health_history = g_object_ref (wm_document_get_history (self->document));
      g_signal_connect_swapped (self->health_history, "changed", G_CALLBACK (on_history_changed), self);
    }
  g_clear_handle_id (&self->health_source, g_source_remove);
  update_health (self);
  gtk_widget_set_visible (GTK_WIDGET (self->health_button), self->document != NULL);
  wm_window_enable_actions (self, health_actions, G_N_ELEMENTS (health_actions), self->document != NULL);
}

void
wm_window_health_dispose (WmWindow *self)
{
  if (self->health_history != NULL)
    g_signal_handlers_disconnect_by_data (self->health_history, self);
  g_clear_object (&self->health_history);
  g_clear_handle_id (&self->health_source, g_source_remove);
}
