/* wm-canvas-legend.c: which curves of the emotion graph the canvas shows.
 *
 * Each line of an emotion lane's legend is a toggle: switching a persona
 * off hides their curve, so another's can be read, and leaves the legend
 * line faint so it can be switched on again. The curve of the persona
 * being worked on (the active curve) is drawn over the others. These are
 * ways of looking, not changes to the map: they are not saved or undone.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-legend"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-private.h"
#include "wm-emotion-curve.h"

/* Another map's curve may share an id with one of this map's, as a future
 * state made from a current state does: it gets a name of its own. */
static char *
curve_id (const WmCurve *curve)
{
  return g_strconcat (curve->comparison ? "compared:" : "", wm_element_get_id (WM_ELEMENT (curve->curve)), NULL);
}

/* Marks the layout's curves as this view shows them. */
void
wm_canvas_legend_apply (WmCanvas *self)
{
  for (guint c = 0; self->layout != NULL && c < self->layout->curves->len; c++)
    {
      WmCurve *curve = &g_array_index (self->layout->curves, WmCurve, c);
      g_autofree char *id = curve_id (curve);

      curve->hidden = g_hash_table_contains (self->hidden_curves, id);
      curve->on_top = !curve->comparison && curve->curve == self->active_curve;
    }
}

static void
on_toggled (GtkToggleButton *toggle,
            WmCanvas        *self)
{
  const char *id = g_object_get_data (G_OBJECT (toggle), "curve-id");

  if (gtk_toggle_button_get_active (toggle))
    g_hash_table_remove (self->hidden_curves, id);
  else
    g_hash_table_add (self->hidden_curves, g_strdup (id));
  wm_canvas_legend_apply (self);
  /* A hidden curve's points can be neither seen nor focused. */
  wm_canvas_points_sync (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GtkWidget *
find_toggle (WmCanvas      *self,
             const WmCurve *curve)
{
  g_autofree char *id = curve_id (curve);

  for (guint i = 0; i < self->legend_toggles->len; i++)
    {
      GtkWidget *toggle = g_ptr_array_index (self->legend_toggles, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (toggle), "curve-id"), id) == 0 &&
          GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "lane")) == curve->lane_index)
        return toggle;
    }
  return NULL;
}

static void
name_toggle (GtkWidget     *toggle,
             const WmCurve *curve)
{
  const char *persona = curve->persona != NULL ? wm_persona_get_name (curve->persona) : "";
  g_autofree char *label = NULL;

  if (curve->comparison)
    /* Translators: a toggle in the emotion graph's legend, for a curve of another map; %s is a persona's name */
    label = g_strdup_printf (_("%s’s curve in the compared map"), *persona != '\0' ? persona : _("Unnamed persona"));
  else
    /* Translators: a toggle in the emotion graph's legend; %s is a persona's name */
    label = g_strdup_printf (_("%s’s curve"), *persona != '\0' ? persona : _("Unnamed persona"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (toggle, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle))
                                       ? _("Hide this curve") : _("Show this curve"));
}

/* Gives each legend line a toggle; called with each new layout. */
void
wm_canvas_legend_sync (WmCanvas *self)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

  wm_canvas_legend_apply (self);
  for (guint c = 0; self->layout != NULL && c < self->layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (self->layout->curves, WmCurve, c);
      GtkWidget *toggle;

      if (curve->legend.width <= 0)
        continue;
      toggle = find_toggle (self, curve);
      if (toggle == NULL)
        {
          toggle = gtk_toggle_button_new ();
          gtk_widget_add_css_class (toggle, "legend-toggle");
          g_object_set_data_full (G_OBJECT (toggle), "curve-id", curve_id (curve), g_free);
          g_object_set_data (G_OBJECT (toggle), "lane", GUINT_TO_POINTER (curve->lane_index));
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), !curve->hidden);
          g_signal_connect (toggle, "toggled", G_CALLBACK (on_toggled), self);
          gtk_widget_insert_before (toggle, GTK_WIDGET (self), self->editor);
          g_ptr_array_add (self->legend_toggles, toggle);
        }
      name_toggle (toggle, curve);
      g_ptr_array_add (wanted, toggle);
    }

  for (guint i = self->legend_toggles->len; i-- > 0;)
    {
      GtkWidget *toggle = g_ptr_array_index (self->legend_toggles, i);

      if (g_ptr_array_find (wanted, toggle, NULL))
        continue;
      if (gtk_widget_is_focus (toggle))
        gtk_widget_grab_focus (GTK_WIDGET (self));
      g_ptr_array_remove_index (self->legend_toggles, i);
      gtk_widget_unparent (toggle);
    }
}

/* The toggles sit over the legend, which stays in view with the lane
 * headers when the map scrolls sideways. */
void
wm_canvas_legend_allocate (WmCanvas *self)
{
  WmRect visible = wm_canvas_get_visible_rect (self);
  double shift_x;

  if (self->layout == NULL)
    return;
  shift_x = CLAMP (visible.x - self->layout->grid.x, 0,
                   MAX (0, self->layout->grid.width - self->layout->style->lane_header_width));
  for (guint c = 0; c < self->layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (self->layout->curves, WmCurve, c);
      GtkWidget *toggle = curve->legend.width > 0 ? find_toggle (self, curve) : NULL;
      WmRect rect;
      graphene_rect_t area;

      if (toggle == NULL)
        continue;
      rect = (WmRect) { curve->legend.x - 4 + shift_x, curve->legend.y - 2, curve->legend.width + 8,
                        curve->legend.height + 4 };
      area = wm_canvas_map_to_widget_rect (self, &rect);
      gtk_widget_size_allocate (toggle,
                                &(GtkAllocation) { (int) round (area.origin.x), (int) round (area.origin.y),
                                                   (int) round (area.size.width), (int) round (area.size.height) },
                                -1);
    }
}

void
wm_canvas_legend_snapshot (WmCanvas    *self,
                           GtkSnapshot *snapshot)
{
  for (guint i = 0; i < self->legend_toggles->len; i++)
    gtk_widget_snapshot_child (GTK_WIDGET (self), g_ptr_array_index (self->legend_toggles, i), snapshot);
}

void
wm_canvas_legend_init (WmCanvas *self)
{
  self->legend_toggles = g_ptr_array_new ();
  self->hidden_curves = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
wm_canvas_legend_dispose (WmCanvas *self)
{
  if (self->legend_toggles != NULL)
    for (guint i = 0; i < self->legend_toggles->len; i++)
      gtk_widget_unparent (g_ptr_array_index (self->legend_toggles, i));
  g_clear_pointer (&self->legend_toggles, g_ptr_array_unref);
  g_clear_pointer (&self->hidden_curves, g_hash_table_unref);
}

/**
 * wm_canvas_set_curve_visible:
 * @curve: a curve of the map
 * @visible: whether to show it
 *
 * Shows or hides @curve, as its legend toggle does.
 */
void
wm_canvas_set_curve_visible (WmCanvas       *self,
                             WmEmotionCurve *curve,
                             gboolean        visible)
{
  const char *id = wm_element_get_id (WM_ELEMENT (curve));

  g_return_if_fail (WM_IS_CANVAS (self));

  for (guint i = 0; i < self->legend_toggles->len; i++)
    {
      GtkWidget *toggle = g_ptr_array_index (self->legend_toggles, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (toggle), "curve-id"), id) == 0)
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), visible);
          return;
        }
    }
  /* No legend (one curve only): hide it all the same. */
  if (visible)
    g_hash_table_remove (self->hidden_curves, id);
  else
    g_hash_table_add (self->hidden_curves, g_strdup (id));
  wm_canvas_legend_apply (self);
  wm_canvas_points_sync (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
