/* wm-canvas-damage.c: what a new layout changed on the painted map.
 *
 * Every edit lays the map out again, but most change one card, one
 * stage's name or one point of a curve: repainting every tile would cost
 * a full frame of cairo for a word. So the canvas compares the new
 * layout with the one its tiles were painted from and drops only the
 * tiles of what differs: a stage's column, a lane's row, a persona's
 * card, a card. The layouts point at the same live elements, whose
 * fields the edit has already changed, but each layout notes the
 * revision (wm_element_get_revision()) every element had when it was
 * laid out: a field written in between marks the element changed even
 * when nothing moved. A change of structure (stages or lanes added or
 * removed, the map's own fields, the style) repaints everything.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-damage"

#include "config.h"

#include "wm-canvas-private.h"

static gboolean
rects_equal (const WmRect *a,
             const WmRect *b)
{
  return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
}

static gboolean
colors_equal (const WmColor *a,
              const WmColor *b)
{
  return a->red == b->red && a->green == b->green && a->blue == b->blue && a->alpha == b->alpha;
}

/* The stage's column from the top of its header to the bottom of the
 * grid. */
static void
damage_column (WmCanvas            *self,
               const WmLayout      *layout,
               const WmStageColumn *column)
{
  wm_canvas_tiles_damage (self, &(WmRect) { column->x, layout->grid.y, column->width, layout->grid.height });
}

/* The lane's row across the whole map, its header included. */
static void
damage_row (WmCanvas        *self,
            const WmLayout  *layout,
            const WmLaneRow *row)
{
  wm_canvas_tiles_damage (self, &(WmRect) { 0, row->y, layout->width, row->height });
}

static gboolean
columns_differ (const WmStageColumn *a,
                const WmStageColumn *b)
{
  return a->stage != b->stage || a->x != b->x || a->width != b->width || !rects_equal (&a->header, &b->header) ||
         a->description_lines != b->description_lines || a->name_lines != b->name_lines ||
         a->dropoff != b->dropoff || a->revision != b->revision;
}

static gboolean
rows_differ (const WmLaneRow *a,
             const WmLaneRow *b)
{
  return a->lane != b->lane || a->kind != b->kind || a->y != b->y || a->height != b->height ||
         !rects_equal (&a->header, &b->header) || a->title_lines != b->title_lines ||
         a->collapsed != b->collapsed || a->n_cards != b->n_cards || a->revision != b->revision;
}

static gboolean
cards_differ (const WmCardBox *a,
              const WmCardBox *b)
{
  return a->card != b->card || a->stage_index != b->stage_index || a->lane_index != b->lane_index ||
         a->span != b->span || !rects_equal (&a->rect, &b->rect) || a->revision != b->revision;
}

static gboolean
curves_differ (const WmCurve *a,
               const WmCurve *b)
{
  if (a->curve != b->curve || a->persona != b->persona || a->lane_index != b->lane_index ||
      !colors_equal (&a->color, &b->color) || !rects_equal (&a->legend, &b->legend) ||
      a->hidden != b->hidden || a->on_top != b->on_top || a->comparison != b->comparison ||
      a->points->len != b->points->len || a->revision != b->revision)
    return TRUE;
  for (guint i = 0; i < a->points->len; i++)
    {
      const WmCurvePoint *p = &g_array_index (a->points, WmCurvePoint, i);
      const WmCurvePoint *q = &g_array_index (b->points, WmCurvePoint, i);

      if (p->point != q->point || p->stage_index != q->stage_index || p->x != q->x || p->y != q->y ||
          p->score != q->score || !rects_equal (&p->label, &q->label) || p->label_lines != q->label_lines ||
          p->tangent != q->tangent || p->revision != q->revision)
        return TRUE;
    }
  return FALSE;
}

/* Whether the two layouts differ in what every tile may show: the style,
 * the map's header, the shape of the grid. */
static gboolean
structure_differs (WmLayout *old,
                   WmLayout *layout)
{
  return old == NULL || old->style != layout->style || old->document != layout->document ||
         old->document_revision != layout->document_revision ||
         old->columns->len != layout->columns->len || old->rows->len != layout->rows->len ||
         old->personas->len != layout->personas->len || old->curves->len != layout->curves->len ||
         old->emotion_levels != layout->emotion_levels || old->stage_header_height != layout->stage_header_height ||
         !rects_equal (&old->title, &layout->title) || !rects_equal (&old->kind_label, &layout->kind_label) ||
         !rects_equal (&old->goal, &layout->goal) || !rects_equal (&old->scope, &layout->scope) ||
         old->grid.x != layout->grid.x || old->grid.y != layout->grid.y;
}

/**
 * wm_canvas_damage_layout:
 * @old: (nullable): the layout the tiles were painted from
 * @layout: (nullable): the one that replaces it, with the curves marked
 *   as the view shows them
 *
 * Drops the tiles that show anything in which the two differ.
 */
void
wm_canvas_damage_layout (WmCanvas *self,
                         WmLayout *old,
                         WmLayout *layout)
{
  if (layout == NULL || structure_differs (old, layout))
    {
      wm_canvas_tiles_invalidate (self);
      return;
    }

  /* The grid grew or shrank below or beside the last row or column. */
  if (old->grid.width != layout->grid.width || old->grid.height != layout->grid.height ||
      old->width != layout->width || old->height != layout->height)
    {
      double width = MAX (old->width, layout->width), height = MAX (old->height, layout->height);
      double bottom = MIN (old->grid.y + old->grid.height, layout->grid.y + layout->grid.height);
      double right = MIN (old->grid.x + old->grid.width, layout->grid.x + layout->grid.width);
      WmRect below = { 0, bottom, width, height - bottom };
      WmRect beside = { right, 0, width - right, height };

      wm_canvas_tiles_damage (self, &below);
      wm_canvas_tiles_damage (self, &beside);
    }

  for (guint i = 0; i < layout->columns->len; i++)
    {
      const WmStageColumn *a = &g_array_index (old->columns, WmStageColumn, i);
      const WmStageColumn *b = &g_array_index (layout->columns, WmStageColumn, i);

      if (columns_differ (a, b))
        {
          damage_column (self, old, a);
          damage_column (self, layout, b);
        }
    }
  for (guint i = 0; i < layout->rows->len; i++)
    {
      const WmLaneRow *a = &g_array_index (old->rows, WmLaneRow, i);
      const WmLaneRow *b = &g_array_index (layout->rows, WmLaneRow, i);

      if (rows_differ (a, b))
        {
          damage_row (self, old, a);
          damage_row (self, layout, b);
        }
    }
  for (guint i = 0; i < layout->personas->len; i++)
    {
      const WmPersonaBox *a = &g_array_index (old->personas, WmPersonaBox, i);
      const WmPersonaBox *b = &g_array_index (layout->personas, WmPersonaBox, i);

      if (a->persona != b->persona || !rects_equal (&a->rect, &b->rect) || a->revision != b->revision)
        {
          wm_canvas_tiles_damage (self, &a->rect);
          wm_canvas_tiles_damage (self, &b->rect);
        }
    }
  for (guint i = 0; i < MAX (old->cards->len, layout->cards->len); i++)
    {
      const WmCardBox *a = i < old->cards->len ? &g_array_index (old->cards, WmCardBox, i) : NULL;
      const WmCardBox *b = i < layout->cards->len ? &g_array_index (layout->cards, WmCardBox, i) : NULL;

      if (a != NULL && b != NULL && !cards_differ (a, b))
        continue;
      if (a != NULL)
        wm_canvas_tiles_damage (self, &a->rect);
      if (b != NULL)
        wm_canvas_tiles_damage (self, &b->rect);
    }
  for (guint i = 0; i < layout->curves->len; i++)
    {
      const WmCurve *a = &g_array_index (old->curves, WmCurve, i);
      const WmCurve *b = &g_array_index (layout->curves, WmCurve, i);

      if (curves_differ (a, b))
        {
          damage_row (self, old, &g_array_index (old->rows, WmLaneRow, a->lane_index));
          damage_row (self, layout, &g_array_index (layout->rows, WmLaneRow, b->lane_index));
        }
    }
}
