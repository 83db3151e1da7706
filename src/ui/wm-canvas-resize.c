/* wm-canvas-resize.c: a stage column is made wider or narrower by
 * dragging the right edge of its header; a double-click on that edge gives
 * it back the theme's width.
 *
 * The column follows the pointer live: the canvas lays the map out again
 * at each step itself, while the header gesture's transaction stays open
 * until the drag ends, so the whole drag is one undo step, and Escape
 * gives the column its width back.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-resize"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-canvas-private.h"
#include "wm-gesture-transaction.h"
#include "wm-stage.h"

/* How near the edge, in screen pixels, the pointer must be to grab it. */
#define GRAB_DISTANCE 5.0

/**
 * wm_canvas_resize_edge_at:
 * @map_x: (in): a point in map coordinates
 * @map_y: (in): a point in map coordinates
 *
 * Returns: the index of the column whose header's right edge is at the
 *   point, or -1
 */
int
wm_canvas_resize_edge_at (WmCanvas *self,
                          double    map_x,
                          double    map_y)
{
  WmLayout *layout = self->layout;
  double reach = GRAB_DISTANCE / self->zoom;

  if (layout == NULL || map_y < layout->grid.y || map_y >= layout->grid.y + layout->stage_header_height)
    return -1;
  for (guint i = 0; i < layout->columns->len; i++)
    {
      const WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, i);

      if (fabs (map_x - (column->x + column->width)) <= reach)
        return i;
    }
  return -1;
}

/* Shows a resize pointer over an edge that can be dragged. */
void
wm_canvas_resize_pointer_moved (WmCanvas *self,
                                double    map_x,
                                double    map_y)
{
  gboolean over_edge = self->header_drag == WM_HEADER_DRAG_RESIZE ||
                       wm_canvas_resize_edge_at (self, map_x, map_y) >= 0;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over_edge ? "col-resize" : NULL);
}

void
wm_canvas_resize_begin (WmCanvas *self,
                        guint     column)
{
  self->header_drag = WM_HEADER_DRAG_RESIZE;
  self->header_drag_index = column;
  self->resize_start_width = g_array_index (self->layout->columns, WmStageColumn, column).width;
}

/* @offset_x: how far the pointer moved since the press, in map units. */
void
wm_canvas_resize_update (WmCanvas *self,
                         double    offset_x)
{
  g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (self->document),
                                                    self->header_drag_index);
  double width = CLAMP (self->resize_start_width + offset_x, WM_STAGE_MIN_WIDTH, WM_STAGE_MAX_WIDTH);

  if (stage == NULL)
    return;
  wm_gesture_transaction_begin (self->header_gesture, self->document, _("Resize Stage"));
  /* The history announces each command at once, open transaction or
   * not, so the canvas lays the map out again from its "changed". */
  wm_document_set_int (self->document, WM_ELEMENT (stage), "width", (int) round (width));
}

/* Ends the drag, and with it the undo step. */
void
wm_canvas_resize_end (WmCanvas *self)
{
  if (self->header_gesture != NULL)
    wm_gesture_transaction_commit (self->header_gesture);
}

/**
 * wm_canvas_reset_stage_width:
 * @column: a stage's index
 *
 * Gives the stage the theme's width again, as one undo step.
 */
void
wm_canvas_reset_stage_width (WmCanvas *self,
                             guint     column)
{
  g_autoptr(WmStage) stage = NULL;

  g_return_if_fail (WM_IS_CANVAS (self));

  stage = g_list_model_get_item (wm_document_get_stages (self->document), column);
  if (stage == NULL || wm_stage_get_width (stage) == 0)
    return;
  wm_document_begin_change (self->document, _("Reset Stage Width"));
  wm_document_set_int (self->document, WM_ELEMENT (stage), "width", 0);
  wm_document_commit_change (self->document);
}
