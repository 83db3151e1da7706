/* wm-canvas-legend.c: which curves of the emotion graph the canvas shows.
 *
 * Each line of an emotion lane's legend is a toggle: switching a persona
 * off hides their curve, so another's can be read, and leaves the legend
 * line faint so it can be switched on again. The curve of the active
 * persona (wm-canvas-active.c) is drawn over the others and its legend
 * line is marked in its colour; focusing a line, or switching a curve on,
 * makes its persona the active one, and Insert there adds a point to its
 * curve. These are ways of looking, not changes to the map: they are not
 * saved or undone.
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

static void update_toggles (WmCanvas *self);

/* Marks the layout's curves as this view shows them. */
void
wm_canvas_legend_apply (WmCanvas *self)
{
  WmPersona *active = wm_canvas_get_active_persona (self);

  for (guint c = 0; self->layout != NULL && c < self->layout->curves->len; c++)
    {
      WmCurve *curve = &g_array_index (self->layout->curves, WmCurve, c);
      g_autofree char *id = curve_id (curve);
      gboolean hidden = g_hash_table_contains (self->hidden_curves, id);
      gboolean on_top = !curve->comparison && curve->persona != NULL && curve->persona == active;

      /* The tiles show the curves as they were; a new layout is
       * compared with the old as a whole instead. */
      if (!self->relaying_out && (curve->hidden != hidden || curve->on_top != on_top))
        wm_canvas_tiles_damage_lane (self, curve->lane_index);
      curve->hidden = hidden;
      curve->on_top = on_top;
    }
  update_toggles (self);
}

/* The persona of a toggle's curve, if it is one of this map's. */
static WmPersona *
toggle_persona (WmCanvas  *self,
                GtkWidget *toggle)
{
  WmElement *curve = self->document != NULL
                     ? wm_document_lookup (self->document, g_object_get_data (G_OBJECT (toggle), "curve-id"))
                     : NULL;
  WmElement *persona;

  if (!WM_IS_EMOTION_CURVE (curve))
    return NULL;
  persona = wm_document_lookup (self->document, wm_emotion_curve_get_persona (WM_EMOTION_CURVE (curve)));
  return WM_IS_PERSONA (persona) ? WM_PERSONA (persona) : NULL;
}

/* Says what each toggle does now, and which one is the active persona's. */
static void
update_toggles (WmCanvas *self)
{
  WmPersona *active = wm_canvas_get_active_persona (self);

  for (guint i = 0; self->legend_toggles != NULL && i < self->legend_toggles->len; i++)
    {
      GtkWidget *toggle = g_ptr_array_index (self->legend_toggles, i);
      gboolean is_active = active != NULL && toggle_persona (self, toggle) == active;

      gtk_widget_set_tooltip_text (toggle, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle))
                                           ? _("Hide this curve") : _("Show this curve"));
      if (is_active)
        gtk_widget_add_css_class (toggle, "active-curve");
      else
        gtk_widget_remove_css_class (toggle, "active-curve");
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      is_active ? _("New points join this curve") : "", -1);
    }
}

/* Tabbing to a legend line picks its persona, if its curve can take
 * points. */
static void
on_toggle_focus_enter (GtkEventControllerFocus *controller,
                       WmCanvas                *self)
{
  GtkWidget *toggle = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  WmPersona *persona = toggle_persona (self, toggle);

  if (persona != NULL && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
    wm_canvas_set_active_persona (self, persona);
}

static void
on_toggled (GtkToggleButton *toggle,
            WmCanvas        *self)
{
  const char *id = g_object_get_data (G_OBJECT (toggle), "curve-id");
  WmPersona *persona = toggle_persona (self, GTK_WIDGET (toggle));

  if (gtk_toggle_button_get_active (toggle))
    g_hash_table_remove (self->hidden_curves, id);
  else
    g_hash_table_add (self->hidden_curves, g_strdup (id));
  /* A curve shown is one the user means to look at and plot; hiding the
   * active one hands new points to the first curve still shown. */
  if (persona != NULL && gtk_toggle_button_get_active (toggle))
    g_set_object (&self->active_persona, persona);
  else if (persona != NULL && persona == self->active_persona)
    g_clear_object (&self->active_persona);
  wm_canvas_active_changed (self);
  /* A hidden curve's points can be neither seen nor focused. */
  wm_canvas_points_sync (self);
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
  const char *persona = wm_persona_get_display_name (curve->persona);
  g_autofree char *label = NULL;

  if (curve->comparison)
    /* Translators: a toggle in the emotion graph's legend, for a curve of another map; %s is a persona's name */
    label = g_strdup_printf (_("%s’s curve in the compared map"), persona);
  else
    /* Translators: a toggle in the emotion graph's legend; %s is a persona's name */
    label = g_strdup_printf (_("%s’s curve"), persona);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWidget *
new_toggle (WmCanvas      *self,
            const WmCurve *curve)
{
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_add_css_class (toggle, "legend-toggle");
  g_object_set_data_full (G_OBJECT (toggle), "curve-id", curve_id (curve), g_free);
  g_object_set_data (G_OBJECT (toggle), "lane", GUINT_TO_POINTER (curve->lane_index));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), !curve->hidden);
  g_signal_connect (toggle, "toggled", G_CALLBACK (on_toggled), self);
  g_signal_connect (focus, "enter", G_CALLBACK (on_toggle_focus_enter), self);
  gtk_widget_add_controller (toggle, focus);
  if (!curve->comparison)
    {
      GtkEventController *keys = gtk_shortcut_controller_new ();

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Insert, 0),
                                                              gtk_named_action_new ("canvas.point-add")));
      gtk_widget_add_controller (toggle, keys);
    }
  gtk_widget_insert_before (toggle, GTK_WIDGET (self), self->editor);
  g_ptr_array_add (self->legend_toggles, toggle);
  return toggle;
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
        toggle = new_toggle (self, curve);
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
  update_toggles (self);
}

/* How far right of its place in the layout the lane header column is
 * drawn: it stays in view when the map scrolls sideways. */
double
wm_canvas_lane_header_shift (WmCanvas *self)
{
  WmRect visible = wm_canvas_get_visible_rect (self);
  double shift_x, shift_y;

  wm_canvas_get_frozen_shift (self, &visible, &shift_x, &shift_y);
  return shift_x;
}

/* The toggles sit over the legend, which stays in view with the lane
 * headers. */
void
wm_canvas_legend_allocate (WmCanvas *self)
{
  double shift_x;

  if (self->layout == NULL)
    return;
  shift_x = wm_canvas_lane_header_shift (self);
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

/* The active persona's legend line is marked in the persona's colour,
 * under the toggle that lies over it. */
static void
snapshot_active_line (WmCanvas    *self,
                      GtkSnapshot *snapshot)
{
  WmPersona *active = wm_canvas_get_active_persona (self);

  for (guint c = 0; active != NULL && self->layout != NULL && c < self->layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (self->layout->curves, WmCurve, c);
      GtkWidget *toggle = curve->legend.width > 0 && !curve->comparison && curve->persona == active
                          ? find_toggle (self, curve) : NULL;
      graphene_rect_t bounds;
      GskRoundedRect outline;
      GdkRGBA fill = { curve->color.red, curve->color.green, curve->color.blue, 0.18 };
      GdkRGBA edge = { curve->color.red, curve->color.green, curve->color.blue, 0.9 };

      if (toggle == NULL || !gtk_widget_compute_bounds (toggle, GTK_WIDGET (self), &bounds))
        continue;
      gsk_rounded_rect_init_from_rect (&outline, &bounds, 4);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &fill, &bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 1, 1, 1, 1 },
                                  (GdkRGBA[4]) { edge, edge, edge, edge });
    }
}

void
wm_canvas_legend_snapshot (WmCanvas    *self,
                           GtkSnapshot *snapshot)
{
  snapshot_active_line (self, snapshot);
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
  wm_canvas_active_changed (self);
  wm_canvas_points_sync (self);
}
