/* wm-layout-hit.c: what lies under a point of a laid-out map, and where
 * dropped cards would land.
 *
 * Everything here reads the layout only, so the canvas's pointer and
 * keyboard handling can be tested without a display. Searches at a point
 * are linear over the cards; at 10,000 cards that is some tens of
 * microseconds, well inside a drag motion's budget. What meets an area
 * is found without looking at the rest of the map, since painting asks
 * that for every tile and every page of a tiled export.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-layout-hit"

#include "config.h"

#include <math.h>

#include "wm-layout-hit.h"

/* The stage column under @x in the cell area, or -1. */
int
wm_layout_column_at (WmLayout *self,
                     double    x)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      const WmStageColumn *column = &g_array_index (self->columns, WmStageColumn, i);

      if (x >= column->x && x < column->x + column->width)
        return i;
    }
  return -1;
}

/* The lane row under @y, or -1 (the stage header row is no lane). */
int
wm_layout_row_at (WmLayout *self,
                  double    y)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      const WmLaneRow *row = &g_array_index (self->rows, WmLaneRow, i);

      if (y >= row->y && y < row->y + row->height)
        return i;
    }
  return -1;
}

const WmCardBox *
wm_layout_card_at (WmLayout *self,
                   double    x,
                   double    y)
{
  for (guint i = 0; i < self->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (self->cards, WmCardBox, i);
      const WmRect *r = &box->rect;

      if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
        return box;
    }
  return NULL;
}

/* The box @card was laid out in, or %NULL if it has none (its lane is
 * collapsed, say). */
const WmCardBox *
wm_layout_find_card (WmLayout *self,
                     WmCard   *card)
{
  for (guint i = 0; i < self->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (self->cards, WmCardBox, i);

      if (box->card == card)
        return box;
    }
  return NULL;
}

static double
vertical_distance (const WmRect *a,
                   const WmRect *b)
{
  return fabs ((a->y + a->height / 2) - (b->y + b->height / 2));
}

/* Up and down go through the cell, then to the next cell holding cards
 * in the same stage; left and right to the card of the next stage, in
 * the same lane, nearest in height. What a reader expects of a grid. */
const WmCardBox *
wm_layout_card_neighbour (WmLayout        *self,
                          const WmCardBox *box,
                          WmDirection      direction)
{
  const WmCardBox *best = NULL;
  double best_score = G_MAXDOUBLE;

  for (guint i = 0; i < self->cards->len; i++)
    {
      const WmCardBox *other = &g_array_index (self->cards, WmCardBox, i);
      double score;

      if (other == box)
        continue;
      switch (direction)
        {
        case WM_DIRECTION_UP:
        case WM_DIRECTION_DOWN:
          if (other->stage_index != box->stage_index)
            continue;
          score = direction == WM_DIRECTION_UP ? box->rect.y - other->rect.y : other->rect.y - box->rect.y;
          break;
        case WM_DIRECTION_LEFT:
        case WM_DIRECTION_RIGHT:
          if (other->lane_index != box->lane_index ||
              (direction == WM_DIRECTION_LEFT ? other->stage_index >= box->stage_index
                                              : other->stage_index <= box->stage_index))
            continue;
          /* The nearest stage first, then the nearest card in it. */
          score = direction == WM_DIRECTION_LEFT
                  ? (double) box->stage_index - other->stage_index
                  : (double) other->stage_index - box->stage_index;
          score = score * 1e6 + vertical_distance (&box->rect, &other->rect);
          break;
        default:
          g_assert_not_reached ();
        }
      if (score > 0 && score < best_score)
        {
          best = other;
          best_score = score;
        }
    }
  return best;
}

/* The area of one cell: a stage's column within a lane's row. */
WmRect
wm_layout_cell_rect (WmLayout *self,
                     guint     stage_index,
                     guint     lane_index)
{
  const WmStageColumn *column = &g_array_index (self->columns, WmStageColumn, stage_index);
  const WmLaneRow *row = &g_array_index (self->rows, WmLaneRow, lane_index);

  return (WmRect) { column->x, row->y, column->width, row->height };
}

/**
 * wm_layout_drop_spot:
 * @x: a point of the map
 * @y: likewise
 * @moving: (element-type WmCard) (nullable): the cards being dragged,
 *   which do not count as neighbours where they land
 * @spot: (out): where they would go
 *
 * Finds the cell under the point and the place in it: before the first
 * card whose middle is below @y. Cards land only in lanes that hold
 * cards, and a collapsed lane takes none.
 *
 * Returns: whether cards can be dropped at (@x, @y)
 */
gboolean
wm_layout_drop_spot (WmLayout   *self,
                     double      x,
                     double      y,
                     GPtrArray  *moving,
                     WmDropSpot *spot)
{
  int column = wm_layout_column_at (self, x);
  int row_index = wm_layout_row_at (self, y);
  const WmLaneRow *row;
  const WmStageColumn *stage;
  const WmStyle *style = self->style;
  double bar_y;
  guint index = 0;
  double last_bottom = -1;

  if (column < 0 || row_index < 0)
    return FALSE;
  row = &g_array_index (self->rows, WmLaneRow, row_index);
  if (row->collapsed || !wm_lane_kind_holds_cards (row->kind))
    return FALSE;
  stage = &g_array_index (self->columns, WmStageColumn, column);
  bar_y = row->y + style->cell_padding / 2;

  for (guint i = 0; i < self->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (self->cards, WmCardBox, i);

      if (box->lane_index != (guint) row_index || box->stage_index != (guint) column)
        continue;
      if (moving != NULL && g_ptr_array_find (moving, box->card, NULL))
        continue;
      if (y < box->rect.y + box->rect.height / 2)
        {
          double above = last_bottom < 0 ? box->rect.y - style->card_gap : last_bottom;

          bar_y = (above + box->rect.y) / 2;
          break;
        }
      index++;
      last_bottom = box->rect.y + box->rect.height;
      bar_y = last_bottom + style->card_gap / 2;
    }

  *spot = (WmDropSpot) {
    .stage_index = column,
    .lane_index = row_index,
    .index_in_cell = index,
    .marker = { stage->x + style->cell_padding, bar_y - 1.5, stage->width - 2 * style->cell_padding, 3 },
  };
  return TRUE;
}

/* The first of @n items, sorted so that @edge grows with the index, whose
 * @edge is past @value (or at it, if @inclusive); @n if none is. */
static guint
first_past (GArray  *items,
            double (*edge) (GArray *items, guint i),
            double   value,
            gboolean inclusive)
{
  guint low = 0, high = items->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      double at = edge (items, middle);

      if (at > value || (inclusive && at == value))
        high = middle;
      else
        low = middle + 1;
    }
  return low;
}

static double
column_left (GArray *columns,
             guint   i)
{
  return g_array_index (columns, WmStageColumn, i).x;
}

static double
column_right (GArray *columns,
              guint   i)
{
  return g_array_index (columns, WmStageColumn, i).x + g_array_index (columns, WmStageColumn, i).width;
}

static double
row_top (GArray *rows,
         guint   i)
{
  return g_array_index (rows, WmLaneRow, i).y;
}

static double
row_bottom (GArray *rows,
            guint   i)
{
  return g_array_index (rows, WmLaneRow, i).y + g_array_index (rows, WmLaneRow, i).height;
}

static double
point_x (GArray *points,
         guint   i)
{
  return g_array_index (points, WmCurvePoint, i).x;
}

/**
 * wm_layout_columns_in:
 * @first: (out): the first stage column that meets the band
 * @end: (out): the column after the last that meets it
 *
 * Finds the stage columns whose x-range meets the band from @x to
 * @x + @width; @first equals @end when none does.
 */
void
wm_layout_columns_in (WmLayout *self,
                      double    x,
                      double    width,
                      guint    *first,
                      guint    *end)
{
  *first = first_past (self->columns, column_right, x, FALSE);
  *end = MAX (*first, first_past (self->columns, column_left, x + width, TRUE));
}

/**
 * wm_layout_rows_in:
 *
 * Like wm_layout_columns_in(), for the lane rows that meet the band from
 * @y to @y + @height.
 */
void
wm_layout_rows_in (WmLayout *self,
                   double    y,
                   double    height,
                   guint    *first,
                   guint    *end)
{
  *first = first_past (self->rows, row_bottom, y, FALSE);
  *end = MAX (*first, first_past (self->rows, row_top, y + height, TRUE));
}

/**
 * wm_layout_cards_in:
 * @area: a part of the map
 *
 * Returns: (transfer full) (element-type guint): the positions in the
 *   layout's cards of the cards whose boxes meet @area, in order
 */
GArray *
wm_layout_cards_in (WmLayout     *self,
                    const WmRect *area)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));
  guint stack[64];
  guint depth = 0;

  if (self->cards->len == 0)
    return found;
  /* Depth first, left child first, so the cards come out in order; the
   * stack never holds more than one node per level plus one. */
  stack[depth++] = 1;
  while (depth > 0)
    {
      guint node = stack[--depth];
      const WmRect *bounds = &self->card_bounds[node];

      if (bounds->width < 0 || !wm_rect_intersects (bounds, area))
        continue;
      if (node >= self->card_leaves)
        {
          guint index = node - self->card_leaves;

          g_array_append_val (found, index);
          continue;
        }
      stack[depth++] = 2 * node + 1;
      stack[depth++] = 2 * node;
    }
  return found;
}

/**
 * wm_layout_curve_points_in:
 *
 * Like wm_layout_columns_in(), for the points of @curve whose x is in
 * the band from @x to @x + @width.
 */
void
wm_layout_curve_points_in (const WmCurve *curve,
                           double         x,
                           double         width,
                           guint         *first,
                           guint         *end)
{
  *first = first_past (curve->points, point_x, x, TRUE);
  *end = MAX (*first, first_past (curve->points, point_x, x + width, FALSE));
}
