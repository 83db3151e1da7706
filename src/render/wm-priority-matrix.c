/* wm-priority-matrix.c: the impact × effort matrix. Effort runs across
 * (least on the left), impact up (most at the top), so quick wins sit
 * top left, where a reader looks first. Each quadrant has a title strip
 * at its top; cards not scored yet wait in a tray below the axis.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-priority-matrix"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-glyphs.h"
#include "wm-priority-matrix.h"
#include "wm-text-block.h"

#define N_SCORES WM_MAX_PRIORITY_SCORE
#define CHIP_GAP 4.0
/* Two rows of unscored cards; more make a "+N more" chip, since the
 * list beside the matrix has them all. */
#define TRAY_ROWS 2

static double
scaled (const WmMatrix *matrix,
        double          size)
{
  return size * matrix->style->text_scale;
}

static double
strip_height (const WmMatrix *matrix)
{
  return scaled (matrix, 26);
}

/* The rows from the top: the upper quadrants' strip, impact 5 to 3, the
 * lower quadrants' strip, impact 2 and 1. */
static double
row_top (const WmMatrix *matrix,
         int             impact)
{
  int row = N_SCORES - impact;
  double strips = impact >= WM_PRIORITY_HIGH_SCORE ? 1 : 2;

  return matrix->plot.y + strips * strip_height (matrix) + row * matrix->cell_height;
}

void
wm_matrix_cell_rect (const WmMatrix *matrix,
                     int             impact,
                     int             effort,
                     WmRect         *rect)
{
  if (impact <= 0 || effort <= 0)
    {
      *rect = matrix->tray;
      return;
    }
  rect->x = matrix->plot.x + (effort - 1) * matrix->cell_width;
  rect->y = row_top (matrix, impact);
  rect->width = matrix->cell_width;
  rect->height = matrix->cell_height;
}

static void
add_chip (WmMatrix             *matrix,
          const WmPriorityItem *item,
          int                   impact,
          int                   effort,
          const WmRect         *rect,
          guint                 n_more)
{
  WmMatrixChip chip = {
    .card = item != NULL ? g_object_ref (item->card) : NULL,
    .rect = *rect,
    .impact = impact,
    .effort = effort,
    .lane_kind = item != NULL ? item->lane_kind : WM_LANE_KIND_TEXT,
    .open = item != NULL ? wm_card_is_open (item->card) : TRUE,
    .n_more = n_more,
  };

  g_array_append_val (matrix->chips, chip);
}

/* Stacks a cell's cards, best first; the last place says how many more
 * there are when they do not all fit. */
static void
place_in_cell (WmMatrix  *matrix,
               GPtrArray *cell,
               int        impact,
               int        effort)
{
  WmRect area;
  guint room;

  wm_matrix_cell_rect (matrix, impact, effort, &area);
  room = MAX (0, (area.height - CHIP_GAP) / (matrix->chip_height + CHIP_GAP));
  for (guint i = 0; i < cell->len && i < room; i++)
    {
      gboolean last_place = i + 1 == room && cell->len > room;
      WmRect rect = {
        area.x + CHIP_GAP, area.y + CHIP_GAP + i * (matrix->chip_height + CHIP_GAP),
        area.width - 2 * CHIP_GAP, matrix->chip_height,
      };

      add_chip (matrix, last_place ? NULL : g_ptr_array_index (cell, i), impact, effort, &rect,
                last_place ? cell->len - i : 0);
    }
}

/* Unscored cards flow in rows across the tray. */
static void
place_in_tray (WmMatrix  *matrix,
               GPtrArray *tray)
{
  double chip_width = scaled (matrix, 176);
  guint per_row = MAX (1, (matrix->tray.width + CHIP_GAP) / (chip_width + CHIP_GAP));
  guint room = per_row * TRAY_ROWS;
  double top = matrix->tray.y + strip_height (matrix);

  for (guint i = 0; i < tray->len && i < room; i++)
    {
      gboolean last_place = i + 1 == room && tray->len > room;
      WmRect rect = {
        matrix->tray.x + (i % per_row) * (chip_width + CHIP_GAP), top + (i / per_row) * (matrix->chip_height + CHIP_GAP),
        chip_width, matrix->chip_height,
      };

      add_chip (matrix, last_place ? NULL : g_ptr_array_index (tray, i), 0, 0, &rect, last_place ? tray->len - i : 0);
    }
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  return wm_priority_item_compare_rank (*(WmPriorityItem **) a, *(WmPriorityItem **) b);
}

static void
clear_chip (WmMatrixChip *chip)
{
  g_clear_object (&chip->card);
}

/**
 * wm_matrix_new:
 * @items: (element-type WmPriorityItem): from wm_priorities_collect()
 *
 * Lays the matrix out in a @width × @height box at the origin.
 */
WmMatrix *
wm_matrix_new (GPtrArray *items,
               WmStyle   *style,
               double     width,
               double     height)
{
  WmMatrix *matrix = g_new0 (WmMatrix, 1);
  GPtrArray *cells[N_SCORES][N_SCORES] = { { NULL } };
  g_autoptr(GPtrArray) tray = g_ptr_array_new ();
  double axis_left, axis_bottom, tray_height = 0;

  matrix->style = wm_style_ref (style);
  matrix->bounds = (WmRect) { 0, 0, width, height };
  matrix->chips = g_array_new (FALSE, FALSE, sizeof (WmMatrixChip));
  g_array_set_clear_func (matrix->chips, (GDestroyNotify) clear_chip);
  matrix->chip_height = scaled (matrix, 24);

  for (guint i = 0; i < items->len; i++)
    {
      WmPriorityItem *item = g_ptr_array_index (items, i);
      int impact = wm_card_get_impact (item->card), effort = wm_card_get_effort (item->card);

      if (impact <= 0 || effort <= 0)
        {
          g_ptr_array_add (tray, item);
          continue;
        }
      if (cells[impact - 1][effort - 1] == NULL)
        cells[impact - 1][effort - 1] = g_ptr_array_new ();
      g_ptr_array_add (cells[impact - 1][effort - 1], item);
    }

  axis_left = scaled (matrix, 56);
  axis_bottom = scaled (matrix, 52);
  if (tray->len > 0)
    tray_height = strip_height (matrix) + TRAY_ROWS * (matrix->chip_height + CHIP_GAP);
  matrix->plot = (WmRect) { axis_left, 0, MAX (0, width - axis_left), MAX (0, height - axis_bottom - tray_height) };
  matrix->cell_width = matrix->plot.width / N_SCORES;
  matrix->cell_height = MAX (0, (matrix->plot.height - 2 * strip_height (matrix)) / N_SCORES);
  matrix->tray = (WmRect) { axis_left, matrix->plot.y + matrix->plot.height + axis_bottom, matrix->plot.width, tray_height };

  for (int impact = N_SCORES; impact >= 1; impact--)
    for (int effort = 1; effort <= N_SCORES; effort++)
      {
        GPtrArray *cell = cells[impact - 1][effort - 1];

        if (cell == NULL)
          continue;
        g_ptr_array_sort (cell, compare_rank);
        place_in_cell (matrix, cell, impact, effort);
        g_ptr_array_unref (cell);
      }
  g_ptr_array_sort (tray, compare_rank);
  place_in_tray (matrix, tray);
  return matrix;
}

void
wm_matrix_free (WmMatrix *matrix)
{
  if (matrix == NULL)
    return;
  g_array_unref (matrix->chips);
  wm_style_unref (matrix->style);
  g_free (matrix);
}

static gboolean
rect_contains (const WmRect *rect,
               double        x,
               double        y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

const WmMatrixChip *
wm_matrix_pick_chip (const WmMatrix *matrix,
                     double          x,
                     double          y)
{
  for (guint i = 0; i < matrix->chips->len; i++)
    {
      const WmMatrixChip *chip = &g_array_index (matrix->chips, WmMatrixChip, i);

      if (rect_contains (&chip->rect, x, y))
        return chip;
    }
  return NULL;
}

const WmMatrixChip *
wm_matrix_find_chip (const WmMatrix *matrix,
                     WmCard         *card)
{
  for (guint i = 0; i < matrix->chips->len; i++)
    {
      const WmMatrixChip *chip = &g_array_index (matrix->chips, WmMatrixChip, i);

      if (chip->card == card && card != NULL)
        return chip;
    }
  return NULL;
}

/**
 * wm_matrix_pick_cell:
 *
 * Finds the cell under a point: the tray gives 0 for both scores.
 *
 * Returns: whether the point is on a cell or the tray
 */
gboolean
wm_matrix_pick_cell (const WmMatrix *matrix,
                     double          x,
                     double          y,
                     int            *impact,
                     int            *effort)
{
  if (matrix->tray.height > 0 && rect_contains (&matrix->tray, x, y))
    {
      *impact = *effort = 0;
      return TRUE;
    }
  for (int i = 1; i <= N_SCORES; i++)
    for (int e = 1; e <= N_SCORES; e++)
      {
        WmRect cell;

        wm_matrix_cell_rect (matrix, i, e, &cell);
        if (rect_contains (&cell, x, y))
          {
            *impact = i;
            *effort = e;
            return TRUE;
          }
      }
  return FALSE;
}

/* --- Painting ------------------------------------------------------------ */

static void
show_text (cairo_t       *cr,
           WmStyle       *style,
           WmFontRole     font,
           const WmColor *color,
           const char    *text,
           double         x,
           double         y,
           double         width,
           PangoAlignment alignment)
{
  wm_text_block_show (cr, style->fonts[font], color, text, x, y, width, 1, alignment);
}

/* Below this width (at 100 %) a quadrant shows only its name. */
#define NARROW_QUADRANT 300

/* A quadrant's tint: quick wins green, big bets blue, money pits red,
 * fill-ins the plain band colour. */
static void
quadrant_fill (const WmMatrix *matrix,
               WmQuadrant      quadrant,
               WmColor        *fill)
{
  const WmPalette *palette = &matrix->style->palette;
  const WmColor *tint;

  switch (quadrant)
    {
    case WM_QUADRANT_QUICK_WIN:
      tint = &palette->lane_tint[WM_LANE_KIND_OPPORTUNITIES];
      break;
    case WM_QUADRANT_MONEY_PIT:
      tint = &palette->lane_tint[WM_LANE_KIND_PAIN_POINTS];
      break;
    case WM_QUADRANT_BIG_BET:
      tint = &palette->accent;
      break;
    case WM_QUADRANT_FILL_IN:
    case WM_QUADRANT_UNSCORED:
    default:
      *fill = palette->band_fill;
      return;
    }
  wm_color_mix (fill, &palette->background, tint, matrix->style->theme == WM_THEME_DARK ? 0.16 : 0.09);
}

static void
paint_quadrant (cairo_t        *cr,
                const WmMatrix *matrix,
                WmQuadrant      quadrant,
                int             top_impact,
                int             bottom_impact,
                int             first_effort,
                int             last_effort,
                guint           count)
{
  const WmPalette *palette = &matrix->style->palette;
  WmRect top, bottom;
  double strip = strip_height (matrix);
  double x, y, width, height, pad = scaled (matrix, 8);
  g_autofree char *title = NULL;
  WmColor fill;

  wm_matrix_cell_rect (matrix, top_impact, first_effort, &top);
  wm_matrix_cell_rect (matrix, bottom_impact, last_effort, &bottom);
  x = top.x;
  y = top.y - strip;
  width = bottom.x + bottom.width - x;
  height = bottom.y + bottom.height - y;

  quadrant_fill (matrix, quadrant, &fill);
  wm_color_set_source (cr, &fill);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);

  /* Translators: a quadrant of the impact × effort matrix and how many
   * cards are in it, e.g. "Quick Wins · 3". */
  title = g_strdup_printf (_("%s · %u"), wm_quadrant_get_display_name (quadrant), count);
  /* A narrow quadrant (a phone's window) keeps its name whole and drops
   * the description, which the wider matrix and the list carry. */
  if (width < scaled (matrix, NARROW_QUADRANT))
    {
      show_text (cr, matrix->style, WM_FONT_SMALL_BOLD, &palette->text, title, x + pad, y + scaled (matrix, 6),
                 width - 2 * pad, PANGO_ALIGN_LEFT);
      return;
    }
  show_text (cr, matrix->style, WM_FONT_SMALL_BOLD, &palette->text, title, x + pad, y + scaled (matrix, 6),
             width * 0.45 - pad, PANGO_ALIGN_LEFT);
  show_text (cr, matrix->style, WM_FONT_SMALL, &palette->text_secondary, wm_quadrant_get_description (quadrant),
             x + width * 0.45 + pad, y + scaled (matrix, 6), width * 0.55 - 2 * pad, PANGO_ALIGN_RIGHT);
}

static void
paint_grid (cairo_t        *cr,
            const WmMatrix *matrix)
{
  const WmPalette *palette = &matrix->style->palette;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  wm_color_set_source (cr, &palette->rule);
  for (int impact = 1; impact <= N_SCORES; impact++)
    for (int effort = 1; effort <= N_SCORES; effort++)
      {
        WmRect cell;

        wm_matrix_cell_rect (matrix, impact, effort, &cell);
        cairo_rectangle (cr, cell.x + 0.5, cell.y + 0.5, cell.width - 1, cell.height - 1);
      }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_axes (cairo_t        *cr,
            const WmMatrix *matrix)
{
  const WmPalette *palette = &matrix->style->palette;
  WmStyle *style = matrix->style;
  double bottom = matrix->plot.y + matrix->plot.height;

  for (int score = 1; score <= N_SCORES; score++)
    {
      g_autofree char *number = g_strdup_printf ("%d", score);
      WmRect row, column;

      wm_matrix_cell_rect (matrix, score, 1, &row);
      wm_matrix_cell_rect (matrix, 1, score, &column);
      show_text (cr, style, WM_FONT_SMALL_BOLD, &palette->text_secondary, number,
                 matrix->plot.x - scaled (matrix, 22), row.y + row.height / 2 - scaled (matrix, 7), scaled (matrix, 16),
                 PANGO_ALIGN_RIGHT);
      show_text (cr, style, WM_FONT_SMALL_BOLD, &palette->text_secondary, number,
                 column.x, bottom + scaled (matrix, 6), column.width, PANGO_ALIGN_CENTER);
    }

  show_text (cr, style, WM_FONT_SMALL_BOLD, &palette->text, _("Effort →"),
             matrix->plot.x, bottom + scaled (matrix, 26), matrix->plot.width, PANGO_ALIGN_CENTER);

  /* The impact axis reads upwards, along the axis. */
  cairo_save (cr);
  cairo_translate (cr, matrix->plot.x - scaled (matrix, 50), matrix->plot.y + matrix->plot.height);
  cairo_rotate (cr, -G_PI / 2);
  show_text (cr, style, WM_FONT_SMALL_BOLD, &palette->text, _("Impact →"), 0, 0, matrix->plot.height,
             PANGO_ALIGN_CENTER);
  cairo_restore (cr);
}

/* Done and dropped cards stay where they were scored, washed out: mixed
 * colours rather than a transparent group, which vector files keep
 * simpler (and cairo 1.16's SVG surface leaks a group's snapshot). */
#define CLOSED_FADE 0.55

static WmColor
chip_color (const WmMatrix     *matrix,
            const WmMatrixChip *chip,
            const WmColor      *color)
{
  WmColor mixed = *color;

  if (!chip->open)
    wm_color_mix (&mixed, color, &matrix->style->palette.background, CLOSED_FADE);
  return mixed;
}

void
wm_matrix_paint_chip (cairo_t            *cr,
                      const WmMatrix     *matrix,
                      const WmMatrixChip *chip,
                      gboolean            selected)
{
  const WmPalette *palette = &matrix->style->palette;
  const WmRect *r = &chip->rect;
  double pad = scaled (matrix, 6), stripe = scaled (matrix, 4);
  double radius = MIN (scaled (matrix, 5), r->height / 2);
  WmColor fill = chip_color (matrix, chip, chip->card != NULL ? &palette->lane_card_fill[chip->lane_kind]
                                                              : &palette->header_fill);
  WmColor border = selected ? palette->accent : chip_color (matrix, chip, &palette->card_border);
  WmColor bar = chip_color (matrix, chip, &palette->lane_tint[chip->lane_kind]);
  WmColor text = chip_color (matrix, chip, &palette->text);
  WmColor soft = chip_color (matrix, chip, &palette->text_secondary);

  cairo_save (cr);
  wm_path_rounded_rect (cr, r->x, r->y, r->width, r->height, radius);
  wm_color_set_source (cr, &fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, selected ? 2.5 : 1);
  wm_color_set_source (cr, &border);
  cairo_stroke (cr);

  if (chip->card != NULL)
    {
      cairo_save (cr);
      wm_path_rounded_rect (cr, r->x, r->y, r->width, r->height, radius);
      cairo_clip (cr);
      cairo_rectangle (cr, r->x, r->y, stripe, r->height);
      wm_color_set_source (cr, &bar);
      cairo_fill (cr);
      cairo_restore (cr);
      show_text (cr, matrix->style, WM_FONT_SMALL, &text,
                 *wm_card_get_title (chip->card) != '\0' ? wm_card_get_title (chip->card) : _("Untitled card"),
                 r->x + stripe + pad, r->y + (r->height - scaled (matrix, 14)) / 2, r->width - stripe - 2 * pad,
                 PANGO_ALIGN_LEFT);
    }
  else
    {
      /* Translators: the last place in a full cell of the matrix. */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more", "+%u more", chip->n_more),
                                               chip->n_more);

      show_text (cr, matrix->style, WM_FONT_SMALL_BOLD, &soft, more, r->x + pad,
                 r->y + (r->height - scaled (matrix, 14)) / 2, r->width - 2 * pad, PANGO_ALIGN_LEFT);
    }
  cairo_restore (cr);
}

/**
 * wm_matrix_paint:
 * @selected: (nullable): the card to outline
 * @drop_impact: the cell a dragged card would land in, outlined; -1 for
 *   none, 0 for the tray
 */
void
wm_matrix_paint (cairo_t        *cr,
                 const WmMatrix *matrix,
                 WmCard         *selected,
                 int             drop_impact,
                 int             drop_effort)
{
  const WmPalette *palette = &matrix->style->palette;
  guint counts[WM_N_QUADRANTS] = { 0 };
  int high = WM_PRIORITY_HIGH_SCORE;

  for (guint i = 0; i < matrix->chips->len; i++)
    {
      const WmMatrixChip *chip = &g_array_index (matrix->chips, WmMatrixChip, i);

      counts[wm_priority_quadrant (chip->impact, chip->effort)] += chip->card != NULL ? 1 : chip->n_more;
    }

  if (matrix->plot.width <= 0 || matrix->cell_height <= 0)
    return;

  paint_quadrant (cr, matrix, WM_QUADRANT_QUICK_WIN, N_SCORES, high, 1, high - 1, counts[WM_QUADRANT_QUICK_WIN]);
  paint_quadrant (cr, matrix, WM_QUADRANT_BIG_BET, N_SCORES, high, high, N_SCORES, counts[WM_QUADRANT_BIG_BET]);
  paint_quadrant (cr, matrix, WM_QUADRANT_FILL_IN, high - 1, 1, 1, high - 1, counts[WM_QUADRANT_FILL_IN]);
  paint_quadrant (cr, matrix, WM_QUADRANT_MONEY_PIT, high - 1, 1, high, N_SCORES, counts[WM_QUADRANT_MONEY_PIT]);
  paint_grid (cr, matrix);
  paint_axes (cr, matrix);

  if (matrix->tray.height > 0)
    {
      g_autofree char *title = g_strdup_printf (_("%s · %u"), wm_quadrant_get_display_name (WM_QUADRANT_UNSCORED),
                                                counts[WM_QUADRANT_UNSCORED]);

      show_text (cr, matrix->style, WM_FONT_SMALL_BOLD, &palette->text, title, matrix->tray.x,
                 matrix->tray.y + scaled (matrix, 4), matrix->tray.width / 2, PANGO_ALIGN_LEFT);
      show_text (cr, matrix->style, WM_FONT_SMALL, &palette->text_secondary,
                 wm_quadrant_get_description (WM_QUADRANT_UNSCORED), matrix->tray.x + matrix->tray.width / 2,
                 matrix->tray.y + scaled (matrix, 4), matrix->tray.width / 2, PANGO_ALIGN_RIGHT);
    }

  if (drop_impact >= 0)
    {
      WmRect cell;
      WmColor glow;

      wm_matrix_cell_rect (matrix, drop_impact, drop_effort, &cell);
      glow = palette->accent;
      glow.alpha = 0.18;
      wm_color_set_source (cr, &glow);
      cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2);
      wm_color_set_source (cr, &palette->accent);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < matrix->chips->len; i++)
    {
      const WmMatrixChip *chip = &g_array_index (matrix->chips, WmMatrixChip, i);

      wm_matrix_paint_chip (cr, matrix, chip, selected != NULL && chip->card == selected);
    }
}
