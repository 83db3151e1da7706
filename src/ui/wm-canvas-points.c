/* wm-canvas-points.c: the emotion graph, edited on the canvas.
 *
 * Every point of every curve has a WmPointWidget over it, in each emotion
 * lane. A point is dragged up and down to change its score, snapping to
 * the scale's levels with a bubble saying the value, and sideways within
 * its stage or into another one. A click on an empty part of the lane
 * adds a point to the active persona's curve (wm-canvas-active.c). From
 * the keyboard, Up and Down change the score, Left and Right move to the
 * neighbouring stage, Delete removes, Enter edits the point's label in
 * place and Insert adds a point in the next stage.
 *
 * A drag is one undo step: the point gesture's transaction stays open
 * until the drag ends, and Escape or a lost grab aborts it; the canvas
 * lays the map out again at each step itself.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-points"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-private.h"
#include "wm-edits.h"
#include "wm-emotion-curve.h"
#include "wm-emotion-point.h"
#include "wm-gesture-transaction.h"
#include "wm-point-widget.h"

/* The widget over a point is a little larger than its face, so it is
 * easy to grab. */
#define POINT_MARGIN 5

/* --- Finding points in the layout -------------------------------------- */

static const WmCurvePoint *
find_curve_point (WmLayout        *layout,
                  WmEmotionPoint  *point,
                  guint            lane_index,
                  const WmCurve  **curve_out)
{
  for (guint c = 0; layout != NULL && c < layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (layout->curves, WmCurve, c);

      if (curve->lane_index != lane_index || curve->comparison)
        continue;
      for (guint p = 0; p < curve->points->len; p++)
        {
          const WmCurvePoint *candidate = &g_array_index (curve->points, WmCurvePoint, p);

          if (candidate->point == point)
            {
              if (curve_out != NULL)
                *curve_out = curve;
              return candidate;
            }
        }
    }
  return NULL;
}

static WmPointWidget *
find_widget (WmCanvas       *self,
             WmEmotionPoint *point,
             guint           lane_index)
{
  for (guint i = 0; i < self->point_widgets->len; i++)
    {
      WmPointWidget *widget = g_ptr_array_index (self->point_widgets, i);

      if (wm_point_widget_get_point (widget) == point &&
          (lane_index == G_MAXUINT || wm_point_widget_get_lane_index (widget) == lane_index))
        return widget;
    }
  return NULL;
}

static WmPointWidget *
focused_point (WmCanvas *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return WM_IS_POINT_WIDGET (focus) ? WM_POINT_WIDGET (focus) : NULL;
}

/* The score whose level is nearest to @map_y in @row. */
static int
score_at (WmLayout        *layout,
          const WmLaneRow *row,
          double           map_y)
{
  int best = 1;

  for (int score = 1; score <= layout->emotion_levels; score++)
    if (fabs (wm_layout_level_y (layout, row, score) - map_y) <
        fabs (wm_layout_level_y (layout, row, best) - map_y))
      best = score;
  return best;
}

/* Where in its stage a point at @map_x sits, from 0 to 1, as the layout
 * places it. */
static double
position_in (WmLayout             *layout,
             const WmStageColumn  *column,
             double                map_x)
{
  double inset = layout->style->face_radius + 4;
  double room = column->width - 2 * inset;

  return room > 0 ? CLAMP ((map_x - column->x - inset) / room, 0, 1) : 0.5;
}

/* --- Widgets ------------------------------------------------------------ */

static void on_point_drag_begin  (GtkGestureDrag *gesture, double x, double y, WmCanvas *self);
static void on_point_drag_update (GtkGestureDrag *gesture, double x, double y, WmCanvas *self);
static void on_point_drag_end    (GtkGestureDrag *gesture, double x, double y, WmCanvas *self);

/* A point reached with Tab, or by a screen reader, comes into view. */
static void
on_point_focus_enter (GtkEventControllerFocus *controller,
                      WmCanvas                *self)
{
  WmPointWidget *widget = WM_POINT_WIDGET (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  const WmCurvePoint *point = find_curve_point (self->layout, wm_point_widget_get_point (widget),
                                                wm_point_widget_get_lane_index (widget), NULL);
  WmEmotionCurve *curve;
  WmElement *persona;
  double reach;
  WmRect around;

  if (point == NULL)
    return;
  reach = self->layout->style->face_radius + 40;
  around = (WmRect) { point->x - reach, point->y - reach, 2 * reach, 2 * reach };
  /* The curve being worked on takes new points, and lies over the others. */
  curve = wm_document_get_curve_of_point (self->document, point->point);
  persona = curve != NULL ? wm_document_lookup (self->document, wm_emotion_curve_get_persona (curve)) : NULL;
  if (WM_IS_PERSONA (persona))
    wm_canvas_set_active_persona (self, WM_PERSONA (persona));
  wm_canvas_scroll_to_rect (self, &around);
}

static WmPointWidget *
add_widget (WmCanvas       *self,
            WmEmotionPoint *point,
            guint           lane_index)
{
  GtkWidget *widget = wm_point_widget_new (point, lane_index);
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *focus;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_point_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_point_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_point_drag_end), self);
  g_signal_connect_swapped (drag, "cancel", G_CALLBACK (wm_canvas_points_cancel_drag), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_point_focus_enter), self);
  gtk_widget_add_controller (widget, focus);
  /* Above the cards, below the editor and the "+" button. */
  gtk_widget_insert_before (widget, GTK_WIDGET (self), self->editor);
  g_ptr_array_add (self->point_widgets, widget);
  return WM_POINT_WIDGET (widget);
}

/**
 * wm_canvas_points_sync:
 *
 * Gives each point of the layout a widget, keeping the widget of a point
 * that stays, so focus stays with it while its score or stage changes.
 */
void
wm_canvas_points_sync (WmCanvas *self)
{
  WmLayout *layout = self->layout;
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

  for (guint c = 0; layout != NULL && c < layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (layout->curves, WmCurve, c);

      /* Another map's curve is only looked at. */
      if (curve->hidden || curve->comparison ||
          g_array_index (layout->rows, WmLaneRow, curve->lane_index).collapsed)
        continue;
      for (guint p = 0; p < curve->points->len; p++)
        {
          const WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, p);
          WmPointWidget *widget = find_widget (self, point->point, curve->lane_index);

          if (widget == NULL)
            widget = add_widget (self, point->point, curve->lane_index);
          wm_point_widget_update (widget, layout, curve, point);
          g_ptr_array_add (wanted, widget);
        }
    }

  for (guint i = self->point_widgets->len; i-- > 0;)
    {
      GtkWidget *widget = g_ptr_array_index (self->point_widgets, i);

      if (g_ptr_array_find (wanted, widget, NULL))
        continue;
      /* A deleted point's focus goes back to the map. */
      if (gtk_widget_has_focus (widget) || gtk_widget_is_focus (widget))
        gtk_widget_grab_focus (GTK_WIDGET (self));
      g_ptr_array_remove_index (self->point_widgets, i);
      gtk_widget_unparent (widget);
    }
}

void
wm_canvas_points_allocate (WmCanvas *self)
{
  double size;

  if (self->layout == NULL)
    return;
  size = 2 * (self->layout->style->face_radius + POINT_MARGIN);
  for (guint i = 0; i < self->point_widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->point_widgets, i);
      const WmCurvePoint *point = find_curve_point (self->layout, wm_point_widget_get_point (WM_POINT_WIDGET (widget)),
                                                    wm_point_widget_get_lane_index (WM_POINT_WIDGET (widget)), NULL);
      WmRect rect;
      graphene_rect_t area;

      if (point == NULL)
        {
          gtk_widget_set_child_visible (widget, FALSE);
          continue;
        }
      rect = (WmRect) { point->x - size / 2, point->y - size / 2, size, size };
      area = wm_canvas_map_to_widget_rect (self, &rect);
      gtk_widget_set_child_visible (widget, TRUE);
      gtk_widget_size_allocate (widget,
                                &(GtkAllocation) { (int) round (area.origin.x), (int) round (area.origin.y),
                                                   (int) round (area.size.width), (int) round (area.size.height) },
                                -1);
    }

  if (self->point_bubble != NULL && gtk_widget_get_visible (self->point_bubble) && self->dragged_point != NULL)
    {
      const WmCurvePoint *point = find_curve_point (self->layout, self->dragged_point, self->dragged_point_lane, NULL);
      int width, height;

      gtk_widget_measure (self->point_bubble, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
      gtk_widget_measure (self->point_bubble, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
      if (point != NULL)
        {
          WmRect at = { point->x, point->y - size / 2, 0, 0 };
          graphene_rect_t area = wm_canvas_map_to_widget_rect (self, &at);

          gtk_widget_size_allocate (self->point_bubble,
                                    &(GtkAllocation) { (int) round (area.origin.x - width / 2.0),
                                                       (int) round (area.origin.y - height - 6), width, height },
                                    -1);
        }
    }
}

void
wm_canvas_points_snapshot (WmCanvas    *self,
                           GtkSnapshot *snapshot)
{
  for (guint i = 0; i < self->point_widgets->len; i++)
    gtk_widget_snapshot_child (GTK_WIDGET (self), g_ptr_array_index (self->point_widgets, i), snapshot);
  if (self->point_bubble != NULL && gtk_widget_get_visible (self->point_bubble))
    gtk_widget_snapshot_child (GTK_WIDGET (self), self->point_bubble, snapshot);
}

void
wm_canvas_points_init (WmCanvas *self)
{
  self->point_widgets = g_ptr_array_new ();
  self->point_bubble = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->point_bubble, "point-bubble");
  gtk_widget_set_visible (self->point_bubble, FALSE);
  gtk_widget_set_can_target (self->point_bubble, FALSE);
  gtk_widget_set_parent (self->point_bubble, GTK_WIDGET (self));
}

void
wm_canvas_points_dispose (WmCanvas *self)
{
  wm_canvas_points_end_drag (self);
  if (self->point_widgets != NULL)
    for (guint i = 0; i < self->point_widgets->len; i++)
      gtk_widget_unparent (g_ptr_array_index (self->point_widgets, i));
  g_clear_pointer (&self->point_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->point_bubble, gtk_widget_unparent);
}

/**
 * wm_canvas_get_point_widget:
 * @point: a point of the map
 *
 * Returns: (transfer none) (nullable): the widget over @point in the first
 *   emotion lane that shows it
 */
GtkWidget *
wm_canvas_get_point_widget (WmCanvas       *self,
                            WmEmotionPoint *point)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  wm_canvas_ensure_layout (self);
  return GTK_WIDGET (find_widget (self, point, G_MAXUINT));
}

/**
 * wm_canvas_focus_point:
 * @point: a point of the map
 *
 * Gives @point keyboard focus, and makes its persona the active one,
 * whose curve new points join.
 */
void
wm_canvas_focus_point (WmCanvas       *self,
                       WmEmotionPoint *point)
{
  GtkWidget *widget = wm_canvas_get_point_widget (self, point);

  if (widget == NULL)
    return;
  gtk_widget_grab_focus (widget);
}

/* --- Dragging ------------------------------------------------------------- */

/* Where the pointer is on the map. Not the drag's offset: that is
 * measured from the widget, and the widget moves with the point. */
static gboolean
pointer_on_map (GtkGesture *gesture,
                WmCanvas   *self,
                double     *map_x,
                double     *map_y)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  double x, y;
  graphene_point_t on_canvas;

  if (!gtk_gesture_get_point (gesture, gtk_gesture_get_last_updated_sequence (gesture), &x, &y) ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &on_canvas))
    return FALSE;
  wm_canvas_widget_to_map (self, on_canvas.x, on_canvas.y, map_x, map_y);
  return TRUE;
}

static void
on_point_drag_begin (GtkGestureDrag *gesture,
                     double          x,
                     double          y,
                     WmCanvas       *self)
{
  WmPointWidget *widget = WM_POINT_WIDGET (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  const WmCurvePoint *point;

  wm_canvas_ensure_layout (self);
  point = find_curve_point (self->layout, wm_point_widget_get_point (widget),
                            wm_point_widget_get_lane_index (widget), NULL);
  if (point == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  wm_canvas_focus_point (self, wm_point_widget_get_point (widget));
  wm_canvas_points_begin_drag (self, GTK_GESTURE (gesture), wm_point_widget_get_point (widget),
                               wm_point_widget_get_lane_index (widget));
  if (!pointer_on_map (GTK_GESTURE (gesture), self, &self->point_press_x, &self->point_press_y))
    wm_canvas_points_end_drag (self);
}

static void
on_point_drag_update (GtkGestureDrag *gesture,
                      double          offset_x,
                      double          offset_y,
                      WmCanvas       *self)
{
  double map_x, map_y;

  if (self->dragged_point != NULL && pointer_on_map (GTK_GESTURE (gesture), self, &map_x, &map_y))
    wm_canvas_points_drag_to (self, map_x - self->point_press_x, map_y - self->point_press_y);
}

static void
on_point_drag_end (GtkGestureDrag *gesture,
                   double          offset_x,
                   double          offset_y,
                   WmCanvas       *self)
{
  wm_canvas_points_end_drag (self);
}

/**
 * wm_canvas_points_begin_drag:
 * @point: the point being dragged
 * @lane_index: the emotion lane it is dragged in
 *
 * Starts a drag of @point; wm_canvas_points_drag_to() moves it and
 * wm_canvas_points_end_drag() makes the move one undo step.
 */
void
wm_canvas_points_begin_drag (WmCanvas       *self,
                             GtkGesture     *gesture,
                             WmEmotionPoint *point,
                             guint           lane_index)
{
  const WmCurvePoint *at;

  wm_canvas_points_end_drag (self);
  wm_canvas_ensure_layout (self);
  at = find_curve_point (self->layout, point, lane_index, NULL);
  if (at == NULL)
    return;
  g_set_object (&self->point_gesture, gesture);
  g_set_object (&self->dragged_point, point);
  self->dragged_point_lane = lane_index;
  self->point_drag_start_x = at->x;
  self->point_drag_start_y = at->y;
}

static void
show_bubble (WmCanvas *self,
             int       score)
{
  /* Translators: shown while dragging a point of the emotion graph, e.g. "4 of 5" */
  g_autofree char *text = g_strdup_printf (_("%d of %d"), score, self->layout->emotion_levels);

  gtk_label_set_label (GTK_LABEL (self->point_bubble), text);
  gtk_widget_set_visible (self->point_bubble, TRUE);
}

/**
 * wm_canvas_points_drag_to:
 * @offset_x: how far the pointer moved since the drag began, in map units
 * @offset_y: the same, downwards
 *
 * Moves the dragged point where the pointer is: to the nearest level of
 * the scale, and to the stage and place in it under the pointer.
 */
void
wm_canvas_points_drag_to (WmCanvas *self,
                          double    offset_x,
                          double    offset_y)
{
  WmLayout *layout;
  const WmLaneRow *row;
  const WmStageColumn *column;
  double map_x, map_y;
  int column_index;
  int score;
  double position;
  const char *stage_id;

  if (self->dragged_point == NULL || self->document == NULL)
    return;
  wm_canvas_ensure_layout (self);
  layout = self->layout;
  if (layout->columns->len == 0 || self->dragged_point_lane >= layout->rows->len)
    return;

  map_x = self->point_drag_start_x + offset_x;
  map_y = self->point_drag_start_y + offset_y;
  row = &g_array_index (layout->rows, WmLaneRow, self->dragged_point_lane);
  column_index = wm_layout_column_at (layout, map_x);
  if (column_index < 0)
    column_index = map_x < g_array_index (layout->columns, WmStageColumn, 0).x ? 0 : (int) layout->columns->len - 1;
  column = &g_array_index (layout->columns, WmStageColumn, column_index);
  score = score_at (layout, row, map_y);
  position = position_in (layout, column, map_x);
  stage_id = wm_element_get_id (WM_ELEMENT (column->stage));

  /* The history announces each change at once, open transaction or not,
   * so the canvas lays the map out again from its "changed". */
  wm_gesture_transaction_begin (self->point_gesture, self->document, _("Move Point"));
  if (g_strcmp0 (wm_emotion_point_get_stage (self->dragged_point), stage_id) != 0)
    wm_document_set_string (self->document, WM_ELEMENT (self->dragged_point), "stage", stage_id);
  if (wm_emotion_point_get_score (self->dragged_point) != score)
    wm_document_set_int (self->document, WM_ELEMENT (self->dragged_point), "score", score);
  if (fabs (wm_emotion_point_get_position (self->dragged_point) - position) > 1e-6)
    wm_document_set_double (self->document, WM_ELEMENT (self->dragged_point), "position", position);
  show_bubble (self, score);
}

static void
finish_drag (WmCanvas *self,
             gboolean  keep)
{
  g_autoptr(GtkGesture) gesture = g_steal_pointer (&self->point_gesture);

  if (gesture != NULL && keep)
    wm_gesture_transaction_commit (gesture);
  else if (gesture != NULL)
    wm_gesture_transaction_abort (gesture);
  g_clear_object (&self->dragged_point);
  if (self->point_bubble != NULL)
    gtk_widget_set_visible (self->point_bubble, FALSE);
}

/* Ends a drag; all it changed is one undo step. */
void
wm_canvas_points_end_drag (WmCanvas *self)
{
  finish_drag (self, TRUE);
}

/* Ends a drag as if it never was: Escape, or the grab taken away. */
void
wm_canvas_points_cancel_drag (WmCanvas *self)
{
  finish_drag (self, FALSE);
}

/* --- Adding, and the keyboard ------------------------------------------ */

/* The persona a new point is for: the active one, if its curve takes
 * points; else the bell, as the lane's hint already says why. */
static WmPersona *
persona_to_add_to (WmCanvas *self)
{
  WmPersona *persona = wm_canvas_get_active_persona (self);

  if (persona == NULL || wm_canvas_persona_curve_hidden (self, persona))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return NULL;
    }
  return persona;
}

/**
 * wm_canvas_add_point_at:
 * @map_x: where, in map coordinates
 * @map_y: where, in map coordinates
 *
 * Adds a point to the active persona's curve at the stage and level
 * under (@map_x, @map_y), if that is in an emotion lane, and focuses it.
 * A persona whose curve is hidden gets none.
 *
 * Returns: (transfer none) (nullable): the new point
 */
WmEmotionPoint *
wm_canvas_add_point_at (WmCanvas *self,
                        double    map_x,
                        double    map_y)
{
  WmEmotionPoint *point;
  WmPersona *persona;
  const WmLaneRow *row;
  const WmStageColumn *column;
  int row_index, column_index;

  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  wm_canvas_ensure_layout (self);
  if (self->layout == NULL)
    return NULL;
  row_index = wm_layout_row_at (self->layout, map_y);
  column_index = wm_layout_column_at (self->layout, map_x);
  if (row_index < 0 || column_index < 0)
    return NULL;
  row = &g_array_index (self->layout->rows, WmLaneRow, row_index);
  column = &g_array_index (self->layout->columns, WmStageColumn, column_index);
  if (row->kind != WM_LANE_KIND_EMOTIONS || row->collapsed)
    return NULL;
  persona = persona_to_add_to (self);
  if (persona == NULL)
    return NULL;

  point = wm_edits_add_point (self->document, persona, column->stage, position_in (self->layout, column, map_x),
                              score_at (self->layout, row, map_y));
  if (point != NULL)
    wm_canvas_focus_point (self, point);
  return point;
}

/* Whether @curve has a point in @stage. */
static gboolean
has_point_in (WmEmotionCurve *curve,
              WmStage        *stage)
{
  GListModel *points = curve != NULL ? wm_emotion_curve_get_points (curve) : NULL;

  for (guint i = 0; points != NULL && i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(WmEmotionPoint) point = g_list_model_get_item (points, i);

      if (g_strcmp0 (wm_emotion_point_get_stage (point), wm_element_get_id (WM_ELEMENT (stage))) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * wm_canvas_add_point:
 *
 * Adds a point to the active persona's curve from the keyboard, and
 * focuses it: in the stage after the focused point, at its level; else
 * in the first stage the curve has no point in yet (the last if it has
 * one everywhere), half way up the scale. Up, Down, Left and Right then
 * place it.
 *
 * Returns: (transfer none) (nullable): the new point, or %NULL if the
 *   active persona's curve is hidden or the map has no persona or stage
 */
WmEmotionPoint *
wm_canvas_add_point (WmCanvas *self)
{
  GListModel *stages;
  WmPersona *persona;
  WmEmotionCurve *curve;
  WmPointWidget *focus;
  g_autoptr(WmStage) stage = NULL;
  guint n_stages;
  int score;
  WmEmotionPoint *point;

  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  if (self->document == NULL)
    return NULL;
  stages = wm_document_get_stages (self->document);
  n_stages = g_list_model_get_n_items (stages);
  persona = n_stages > 0 ? persona_to_add_to (self) : NULL;
  if (persona == NULL)
    return NULL;
  curve = wm_document_get_curve_for_persona (self->document, wm_element_get_id (WM_ELEMENT (persona)));
  score = (wm_document_get_emotion_scale (self->document) + 1) / 2;
  focus = focused_point (self);
  if (focus != NULL && curve != NULL &&
      wm_document_get_curve_of_point (self->document, wm_point_widget_get_point (focus)) == curve)
    {
      WmEmotionPoint *from = wm_point_widget_get_point (focus);
      int index = wm_document_get_stage_index (self->document, wm_emotion_point_get_stage (from));

      stage = wm_canvas_nth_item (stages, MIN (index + 1, (int) n_stages - 1));
      score = wm_emotion_point_get_score (from);
    }
  for (guint i = 0; stage == NULL && i < n_stages; i++)
    {
      g_autoptr(WmStage) candidate = g_list_model_get_item (stages, i);

      if (!has_point_in (curve, candidate))
        stage = g_steal_pointer (&candidate);
    }
  if (stage == NULL)
    stage = g_list_model_get_item (stages, n_stages - 1);

  point = wm_edits_add_point (self->document, persona, stage, 0.5, score);
  if (point != NULL)
    wm_canvas_focus_point (self, point);
  return point;
}

static void
add_point_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  wm_canvas_add_point (WM_CANVAS (widget));
}

/* Whether a press at (@map_x, @map_y) belongs to a point's widget. */
gboolean
wm_canvas_point_at (WmCanvas *self,
                    double    map_x,
                    double    map_y)
{
  double reach;

  if (self->layout == NULL)
    return FALSE;
  reach = self->layout->style->face_radius + POINT_MARGIN;
  for (guint c = 0; c < self->layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (self->layout->curves, WmCurve, c);

      for (guint p = 0; p < curve->points->len; p++)
        {
          const WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, p);

          if (fabs (point->x - map_x) <= reach && fabs (point->y - map_y) <= reach)
            return TRUE;
        }
    }
  return FALSE;
}

static void
change_score (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmPointWidget *focus = focused_point (self);
  WmEmotionPoint *point;
  int score;

  if (focus == NULL || self->layout == NULL)
    return;
  point = wm_point_widget_get_point (focus);
  score = wm_emotion_point_get_score (point) + (g_str_equal (action_name, "canvas.point-raise") ? 1 : -1);
  if (score < 1 || score > self->layout->emotion_levels)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  wm_document_begin_change (self->document, _("Change Feeling"));
  wm_document_set_int (self->document, WM_ELEMENT (point), "score", score);
  wm_document_commit_change (self->document);
}

static void
move_to_stage (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmPointWidget *focus = focused_point (self);
  WmEmotionPoint *point;
  int stage;
  g_autoptr(WmStage) next = NULL;

  if (focus == NULL || self->document == NULL)
    return;
  point = wm_point_widget_get_point (focus);
  stage = wm_document_get_stage_index (self->document, wm_emotion_point_get_stage (point)) +
          g_variant_get_int32 (parameter);
  next = wm_canvas_nth_item (wm_document_get_stages (self->document), stage);
  if (next == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  wm_document_begin_change (self->document, _("Move Point"));
  wm_document_set_string (self->document, WM_ELEMENT (point), "stage", wm_element_get_id (WM_ELEMENT (next)));
  wm_document_commit_change (self->document);
}

/* The point along @point's curve after it, else the one before: where
 * the focus goes when @point is deleted. */
static WmEmotionPoint *
point_beside (WmCanvas       *self,
              WmEmotionPoint *point)
{
  for (guint c = 0; self->layout != NULL && c < self->layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (self->layout->curves, WmCurve, c);

      if (curve->comparison)
        continue;
      for (guint p = 0; p < curve->points->len; p++)
        {
          if (g_array_index (curve->points, WmCurvePoint, p).point != point)
            continue;
          if (p + 1 < curve->points->len)
            return g_object_ref (g_array_index (curve->points, WmCurvePoint, p + 1).point);
          return p > 0 ? g_object_ref (g_array_index (curve->points, WmCurvePoint, p - 1).point) : NULL;
        }
    }
  return NULL;
}

static void
delete_point (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmPointWidget *focus = focused_point (self);
  WmEmotionPoint *point;
  g_autoptr(WmEmotionPoint) beside = NULL;

  if (focus == NULL || self->document == NULL)
    return;
  point = wm_point_widget_get_point (focus);
  beside = point_beside (self, point);
  {
    g_autoptr(GPtrArray) doomed = g_ptr_array_new ();

    g_ptr_array_add (doomed, point);
    if (!wm_edits_delete (self->document, doomed, NULL, NULL))
      return;
  }
  /* On along the curve, so that Delete can be pressed again. */
  if (beside != NULL)
    wm_canvas_focus_point (self, beside);
  if (beside == NULL || focused_point (self) == NULL)
    gtk_widget_grab_focus (widget);
}

static void
edit_label (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  WmCanvas *self = WM_CANVAS (widget);
  WmPointWidget *focus = focused_point (self);

  if (focus != NULL)
    wm_canvas_edit_point_label (self, wm_point_widget_get_point (focus));
}

void
wm_canvas_points_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.point-raise", NULL, change_score);
  gtk_widget_class_install_action (widget_class, "canvas.point-lower", NULL, change_score);
  gtk_widget_class_install_action (widget_class, "canvas.point-move", "i", move_to_stage);
  gtk_widget_class_install_action (widget_class, "canvas.point-delete", NULL, delete_point);
  gtk_widget_class_install_action (widget_class, "canvas.point-edit", NULL, edit_label);
  gtk_widget_class_install_action (widget_class, "canvas.point-add", NULL, add_point_action);
}
