/* wm-canvas-tiles.c: the painted map, kept between frames as tiles.
 *
 * Painting the visible part of a big map with cairo takes longer than a
 * frame, and scrolling would repaint all of it at every step. So the
 * canvas paints the map once, in square tiles at the current zoom, keeps
 * each tile's pixels, and lets GTK composite them wherever the view is:
 * a scroll step paints nothing new. A tile is painted again only when
 * what it shows changes: a new layout damages the areas that differ
 * (wm_canvas_damage_layout() in wm-canvas-damage.c), a curve switched
 * off in the legend its lane, and a zoom step or a new style all of them. The tiles around the
 * view are painted ahead, one at a time, while the main loop is idle, so
 * that scrolling onto them costs nothing either. The card widgets, hover
 * and drop feedback and the frozen headers are drawn over the tiles.
 *
 * Tiles live in "scroll space", the map scaled by the zoom, where the
 * adjustments' values are: tile (c, r) covers c × TILE_SIZE to
 * (c + 1) × TILE_SIZE across, and the same down.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-tiles"

#include "config.h"

#include "wm-cached-picture.h"
#include "wm-canvas-private.h"
#include "wm-painter.h"

#define TILE_SIZE WM_CANVAS_TILE_SIZE
/* Tiles painted ahead around the view, and how far beyond the view tiles
 * are kept before they are dropped, both in tiles. */
#define AHEAD 1
#define KEPT 2

typedef struct
{
  gint64 key;               /* column and row, see tile_key() */
  int column;
  int row;
  WmCachedPicture *picture;
} WmTile;

typedef struct
{
  int first_column;
  int last_column;
  int first_row;
  int last_row;
} TileRange;

static gint64
tile_key (int column,
          int row)
{
  return (gint64) (((guint64) (guint32) row << 32) | (guint32) column);
}

static void
tile_free (gpointer data)
{
  WmTile *tile = data;

  wm_cached_picture_free (tile->picture);
  g_free (tile);
}

void
wm_canvas_tiles_init (WmCanvas *self)
{
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, tile_free);
}

void
wm_canvas_tiles_dispose (WmCanvas *self)
{
  g_clear_handle_id (&self->tiles_ahead_id, g_source_remove);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
}

/**
 * wm_canvas_tiles_invalidate:
 *
 * Drops every tile: what the whole map looks like has changed.
 */
void
wm_canvas_tiles_invalidate (WmCanvas *self)
{
  if (self->tiles != NULL)
    g_hash_table_remove_all (self->tiles);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The cards are widgets; zoomed out too far to read, the tiles carry
 * them as shapes instead. */
static WmPaintFlags
tile_paint_flags (WmCanvas *self)
{
  /* The editor shows hints; exports never ask for them. */
  return WM_PAINT_HINTS | (self->zoom < WM_CANVAS_MIN_TEXT_ZOOM ? WM_PAINT_CARD_SHAPES : WM_PAINT_NO_CARDS);
}

static void
range_for (const graphene_rect_t *area,
           int                    margin,
           TileRange             *range)
{
  range->first_column = (int) floor (area->origin.x / TILE_SIZE) - margin;
  range->last_column = (int) floor ((area->origin.x + area->size.width - 1) / TILE_SIZE) + margin;
  range->first_row = (int) floor (area->origin.y / TILE_SIZE) - margin;
  range->last_row = (int) floor ((area->origin.y + area->size.height - 1) / TILE_SIZE) + margin;
}

static gboolean
range_contains (const TileRange *range,
                int              column,
                int              row)
{
  return column >= range->first_column && column <= range->last_column &&
         row >= range->first_row && row <= range->last_row;
}

/* The view in scroll space, in whole pixels so that tiles land on the
 * pixel grid and are copied, not resampled. */
static graphene_rect_t
view_in_scroll_space (WmCanvas *self)
{
  double x = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  double y = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;

  return GRAPHENE_RECT_INIT (round (x), round (y),
                             gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)));
}

static WmTile *
paint_tile (WmCanvas *self,
            int       column,
            int       row)
{
  WmTile *tile = g_new0 (WmTile, 1);
  WmRect area = { column * TILE_SIZE / self->zoom, row * TILE_SIZE / self->zoom,
                  TILE_SIZE / self->zoom, TILE_SIZE / self->zoom };
  cairo_t *cr;

  tile->key = tile_key (column, row);
  tile->column = column;
  tile->row = row;
  tile->picture = wm_cached_picture_new (&GRAPHENE_RECT_INIT (column * TILE_SIZE, row * TILE_SIZE,
                                                              TILE_SIZE, TILE_SIZE),
                                         self->tiles_scale);
  cr = wm_cached_picture_draw (tile->picture);
  cairo_scale (cr, self->zoom, self->zoom);
  wm_painter_paint (cr, self->layout, &area, tile_paint_flags (self));
  cairo_destroy (cr);
  g_hash_table_insert (self->tiles, &tile->key, tile);
  self->tiles_painted++;
  return tile;
}

static WmTile *
get_tile (WmCanvas *self,
          int       column,
          int       row)
{
  gint64 key = tile_key (column, row);
  WmTile *tile = g_hash_table_lookup (self->tiles, &key);

  return tile != NULL ? tile : paint_tile (self, column, row);
}

/* Tiles are kept for the zoom (and so the flags) and the screen's scale
 * they were painted at. */
static void
check_zoom (WmCanvas *self)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (self->tiles_zoom != self->zoom || self->tiles_scale != scale)
    {
      g_hash_table_remove_all (self->tiles);
      self->tiles_zoom = self->zoom;
      self->tiles_scale = scale;
    }
}

/* Paints one missing tile next to the view per idle call, nearest
 * first, until the ring around it is complete. */
static gboolean
paint_ahead (gpointer user_data)
{
  WmCanvas *self = user_data;
  graphene_rect_t view;
  TileRange visible, ahead;
  int best_column = 0, best_row = 0;
  double best_distance = G_MAXDOUBLE;

  /* A layout about to be replaced points at elements an edit has
   * already changed: the next frame paints from the new one. */
  if (self->layout == NULL || self->layout_dirty || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->tiles_ahead_id = 0;
      return G_SOURCE_REMOVE;
    }
  check_zoom (self);
  view = view_in_scroll_space (self);
  range_for (&view, 0, &visible);
  range_for (&view, AHEAD, &ahead);
  for (int row = ahead.first_row; row <= ahead.last_row; row++)
    for (int column = ahead.first_column; column <= ahead.last_column; column++)
      {
        gint64 key = tile_key (column, row);
        double dx = column < visible.first_column ? visible.first_column - column : MAX (0, column - visible.last_column);
        double dy = row < visible.first_row ? visible.first_row - row : MAX (0, row - visible.last_row);

        if (!g_hash_table_contains (self->tiles, &key) && dx + dy < best_distance)
          {
            best_distance = dx + dy;
            best_column = column;
            best_row = row;
          }
      }
  if (best_distance == G_MAXDOUBLE)
    {
      self->tiles_ahead_id = 0;
      return G_SOURCE_REMOVE;
    }
  paint_tile (self, best_column, best_row);
  return G_SOURCE_CONTINUE;
}

static void
drop_far_tiles (WmCanvas              *self,
                const graphene_rect_t *view)
{
  TileRange kept;
  GHashTableIter iter;
  gpointer value;

  range_for (view, KEPT, &kept);
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      WmTile *tile = value;

      if (!range_contains (&kept, tile->column, tile->row))
        g_hash_table_iter_remove (&iter);
    }
}

/**
 * wm_canvas_tiles_snapshot:
 *
 * Appends the tiles that cover the view, painting those missing, and
 * has the ones around it painted while the main loop is idle.
 */
void
wm_canvas_tiles_snapshot (WmCanvas    *self,
                          GtkSnapshot *snapshot)
{
  graphene_rect_t view = view_in_scroll_space (self);
  TileRange visible;

  check_zoom (self);
  range_for (&view, 0, &visible);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-view.origin.x, -view.origin.y));
  for (int row = visible.first_row; row <= visible.last_row; row++)
    for (int column = visible.first_column; column <= visible.last_column; column++)
      wm_cached_picture_append (get_tile (self, column, row)->picture, snapshot, GTK_WIDGET (self));
  gtk_snapshot_restore (snapshot);

  drop_far_tiles (self, &view);
  if (self->tiles_ahead_id == 0)
    self->tiles_ahead_id = g_idle_add_full (G_PRIORITY_LOW, paint_ahead, self, NULL);
}

/**
 * wm_canvas_tiles_damage:
 * @rect: an area of the map, in map coordinates
 *
 * Drops the tiles that show any of @rect, to be painted again.
 */
void
wm_canvas_tiles_damage (WmCanvas     *self,
                        const WmRect *rect)
{
  graphene_rect_t area = GRAPHENE_RECT_INIT (rect->x * self->tiles_zoom, rect->y * self->tiles_zoom,
                                             rect->width * self->tiles_zoom, rect->height * self->tiles_zoom);
  TileRange damaged;
  GHashTableIter iter;
  gpointer value;

  if (rect->width <= 0 || rect->height <= 0)
    return;
  /* Antialiased edges reach into the pixel beyond. */
  graphene_rect_inset (&area, -1, -1);
  range_for (&area, 0, &damaged);
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      WmTile *tile = value;

      if (range_contains (&damaged, tile->column, tile->row))
        g_hash_table_iter_remove (&iter);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The row of the lane at @lane_index, across every stage. */
void
wm_canvas_tiles_damage_lane (WmCanvas *self,
                             guint     lane_index)
{
  const WmLaneRow *row;

  if (self->layout == NULL || lane_index >= self->layout->rows->len)
    return;
  row = &g_array_index (self->layout->rows, WmLaneRow, lane_index);
  wm_canvas_tiles_damage (self, &(WmRect) { 0, row->y, self->layout->width, row->height });
}

/**
 * wm_canvas_tiles_get_n_tiles:
 *
 * Returns: how many tiles are kept, for tests and the benchmark
 */
guint
wm_canvas_tiles_get_n_tiles (WmCanvas *self)
{
  return g_hash_table_size (self->tiles);
}

/**
 * wm_canvas_tiles_get_n_painted:
 *
 * Returns: how many tiles have been painted so far, for tests and the
 *   benchmark
 */
guint
wm_canvas_tiles_get_n_painted (WmCanvas *self)
{
  return self->tiles_painted;
}
