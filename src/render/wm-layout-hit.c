/* wm-layout-hit.c: what lies under a point of a laid-out map, and where
 * dropped cards would land.
 *
 * Everything here reads the layout only, so the canvas's pointer and
 * keyboard handling can be tested without a display. Searches are linear
 * over the cards; at 10,000 cards that is some tens of microseconds,
 * well inside a drag motion's budget.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

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
