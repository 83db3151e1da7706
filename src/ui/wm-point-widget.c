/* wm-point-widget.c: one point of an emotion curve on the canvas.
 *
 * The painter draws the point, its face and its label; this widget lies
 * over it so that the point takes keyboard focus, can be dragged, and is
 * read by a screen reader as a slider: "Consideration, 2 of 5: I'm
 * overwhelmed by the options". Its keys (Up, Down, Left, Right, Delete,
 * Enter) are actions the canvas carries out.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-point-widget"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas.h"
#include "wm-emotion-point.h"
#include "wm-layout-text.h"
#include "wm-point-widget.h"

struct _WmPointWidget
{
  GtkWidget parent_instance;

  WmEmotionPoint *point;
  guint lane_index;
  char *name;
  char *description;
};

G_DEFINE_FINAL_TYPE (WmPointWidget, wm_point_widget, GTK_TYPE_WIDGET)

static void
wm_point_widget_dispose (GObject *object)
{
  WmPointWidget *self = WM_POINT_WIDGET (object);

  g_clear_object (&self->point);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (wm_point_widget_parent_class)->dispose (object);
}

/* Beneath the frozen headers, the header takes the click. */
static gboolean
wm_point_widget_contains (GtkWidget *widget,
                          double     x,
                          double     y)
{
  return GTK_WIDGET_CLASS (wm_point_widget_parent_class)->contains (widget, x, y) &&
         wm_canvas_child_contains (widget, x, y);
}

static void
wm_point_widget_class_init (WmPointWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_point_widget_dispose;
  widget_class->contains = wm_point_widget_contains;

  gtk_widget_class_set_css_name (widget_class, "wm-point");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);

  /* The canvas installs these actions on itself; the keys work wherever
   * focus is on a point. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "canvas.point-raise", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "canvas.point-raise", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "canvas.point-lower", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "canvas.point-lower", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "canvas.point-move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "canvas.point-move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "canvas.point-move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "canvas.point-move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.point-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.point-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.point-edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.point-edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.point-edit", NULL);
  /* The next point along the curve, in the next stage. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "canvas.point-add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0, "canvas.point-add", NULL);
}

static void
wm_point_widget_init (WmPointWidget *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
}

/**
 * wm_point_widget_new:
 * @point: the point
 * @lane_index: the emotion lane it is shown in; a map may have several
 *
 * Returns: (transfer floating): a new point widget
 */
GtkWidget *
wm_point_widget_new (WmEmotionPoint *point,
                     guint           lane_index)
{
  WmPointWidget *self = g_object_new (WM_TYPE_POINT_WIDGET, NULL);

  self->point = g_object_ref (point);
  self->lane_index = lane_index;
  return GTK_WIDGET (self);
}

WmEmotionPoint *
wm_point_widget_get_point (WmPointWidget *self)
{
  g_return_val_if_fail (WM_IS_POINT_WIDGET (self), NULL);

  return self->point;
}

guint
wm_point_widget_get_lane_index (WmPointWidget *self)
{
  g_return_val_if_fail (WM_IS_POINT_WIDGET (self), 0);

  return self->lane_index;
}

/* What a screen reader calls the point, for tests. */
const char *
wm_point_widget_get_name (WmPointWidget *self)
{
  g_return_val_if_fail (WM_IS_POINT_WIDGET (self), NULL);

  return self->name;
}

/* What a screen reader says of the point, for tests. */
const char *
wm_point_widget_get_description (WmPointWidget *self)
{
  g_return_val_if_fail (WM_IS_POINT_WIDGET (self), NULL);

  return self->description;
}

/**
 * wm_point_widget_update:
 * @layout: the layout @curve and @point belong to
 *
 * Names the point after its persona, stage, score and label.
 */
void
wm_point_widget_update (WmPointWidget      *self,
                        WmLayout           *layout,
                        const WmCurve      *curve,
                        const WmCurvePoint *point)
{
  const WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, point->stage_index);
  const char *label = wm_emotion_point_get_label (point->point);
  const char *persona = wm_persona_get_display_name (curve->persona);
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  g_autofree char *description = NULL;

  /* Translators: a point of the emotion graph, for screen readers; %s is a persona's name */
  /* Whose feeling, even before the persona has a name (as the legend says). */
  name = g_strdup_printf (_("%s’s feeling"), persona);
  /* Translators: an emotion score, such as "2 of 5" */
  value = g_strdup_printf (_("%d of %d"), point->score, layout->emotion_levels);
  if (label != NULL && *label != '\0')
    /* Translators: a point of the emotion graph: its stage, its score and what the persona said,
     * e.g. "Consideration, 2 of 5: I'm overwhelmed by the options" */
    description = g_strdup_printf (_("%s, %s: %s"), wm_stage_get_name (column->stage), value, label);
  else
    /* Translators: a point of the emotion graph: its stage and its score, e.g. "Consideration, 2 of 5" */
    description = g_strdup_printf (_("%s, %s"), wm_stage_get_name (column->stage), value);

  /* A renamed persona renames its points too. */
  if (g_strcmp0 (description, self->description) == 0 && g_strcmp0 (name, self->name) == 0)
    return;
  g_free (self->name);
  self->name = g_steal_pointer (&name);
  g_free (self->description);
  self->description = g_steal_pointer (&description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 1.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) layout->emotion_levels,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) point->score,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->description);
}
