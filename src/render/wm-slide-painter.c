/* wm-slide-painter.c: draws a slide from its layout alone; the map's
 * parts on it (the title slide's persona cards, the overview) are drawn
 * by the map's painter, so they look as they do on the map.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-slide-painter"

#include "config.h"

#include <pango/pangocairo.h>

#include "wm-card.h"
#include "wm-funnel.h"
#include "wm-glyphs.h"
#include "wm-pdf-alt.h"
#include "wm-slide-painter.h"

/* The slides' colours. The dark stage suits a presentation room; the
 * light one a deck that is printed or read on a laptop. */
typedef struct
{
  WmColor ink;
  WmColor ink_soft;
  WmColor stage_fill;
  WmColor item_fill;
  WmColor pain_fill;
  WmColor pain_bar;
  WmColor chance_fill;
  WmColor chance_bar;
  WmColor plain_bar;
} SlideColors;

static const SlideColors dark_colors = {
  .ink = { 0.96, 0.96, 0.97, 1 },
  .ink_soft = { 0.66, 0.67, 0.72, 1 },
  .stage_fill = { 0.106, 0.106, 0.122, 1 },
  .item_fill = { 0.17, 0.17, 0.2, 1 },
  .pain_fill = { 0.36, 0.13, 0.15, 1 },
  .pain_bar = { 0.95, 0.33, 0.35, 1 },
  .chance_fill = { 0.11, 0.29, 0.2, 1 },
  .chance_bar = { 0.34, 0.85, 0.55, 1 },
  .plain_bar = { 0.36, 0.56, 0.95, 1 },
};

/* Contrasts of at least 4.5:1 for the text on the light stage. */
static const SlideColors light_colors = {
  .ink = { 0.11, 0.11, 0.13, 1 },
  .ink_soft = { 0.36, 0.37, 0.41, 1 },
  .stage_fill = { 1, 1, 1, 1 },
  .item_fill = { 0.95, 0.95, 0.96, 1 },
  .pain_fill = { 0.99, 0.91, 0.91, 1 },
  .pain_bar = { 0.82, 0.16, 0.2, 1 },
  .chance_fill = { 0.9, 0.97, 0.92, 1 },
  .chance_bar = { 0.15, 0.6, 0.33, 1 },
  .plain_bar = { 0.11, 0.39, 0.85, 1 },
};

static const WmColor face_ink = { 0.12, 0.12, 0.14, 1 };

/* The structure tag of a slide's text in a PDF deck, as the map's
 * painter tags the map: the map's title the top heading, each stage's
 * name a heading beneath it, the personas and lanes of a stage beneath
 * that, everything else a paragraph. */
static const char *
text_tag (WmSlideRole role)
{
  switch (role)
    {
    case WM_SLIDE_ROLE_TITLE:
      return "H1";
    case WM_SLIDE_ROLE_STAGE_NAME:
      return "H2";
    case WM_SLIDE_ROLE_PERSONA_NAME:
    case WM_SLIDE_ROLE_LANE:
      return "H3";
    case WM_SLIDE_ROLE_KIND:
    case WM_SLIDE_ROLE_GOAL:
    case WM_SLIDE_ROLE_PERSONA_CARDS:
    case WM_SLIDE_ROLE_COUNTER:
    case WM_SLIDE_ROLE_DESCRIPTION:
    case WM_SLIDE_ROLE_FACE:
    case WM_SLIDE_ROLE_WORDS:
    case WM_SLIDE_ROLE_CARD:
    case WM_SLIDE_ROLE_CARD_TITLE:
    case WM_SLIDE_ROLE_CARD_PICTURE:
    case WM_SLIDE_ROLE_GRID:
    case WM_SLIDE_ROLE_FUNNEL:
    default:
      return "P";
    }
}

static void
paint_text (cairo_t           *cr,
            const SlideColors *colors,
            const WmSlideBox  *box)
{
  const WmColor *inks[] = { [WM_SLIDE_INK] = &colors->ink, [WM_SLIDE_INK_SOFT] = &colors->ink_soft,
                            [WM_SLIDE_INK_ACCENT] = &colors->plain_bar };
  g_autoptr(PangoLayout) layout = wm_slide_box_shape (box);
  /* Other surfaces ignore tags. Each ends where it begins: an unbalanced
   * tag puts the PDF surface in an error state. */
  gboolean tagged = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF;

  if (tagged)
    cairo_tag_begin (cr, text_tag (box->role), NULL);
  wm_color_set_source (cr, inks[box->ink]);
  cairo_move_to (cr, box->rect.x, box->rect.y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
  if (tagged)
    cairo_tag_end (cr, text_tag (box->role));
}

/* A card's panel, tinted for pain points and opportunities, with a bar
 * down its left edge. */
static void
paint_item (cairo_t           *cr,
            const SlideColors *colors,
            const WmSlideBox  *box)
{
  const WmColor *fills[] = { [WM_SLIDE_TONE_PLAIN] = &colors->item_fill, [WM_SLIDE_TONE_PAIN] = &colors->pain_fill,
                             [WM_SLIDE_TONE_CHANCE] = &colors->chance_fill };
  const WmColor *bars[] = { [WM_SLIDE_TONE_PLAIN] = &colors->plain_bar, [WM_SLIDE_TONE_PAIN] = &colors->pain_bar,
                            [WM_SLIDE_TONE_CHANCE] = &colors->chance_bar };
  const WmRect *r = &box->rect;

  wm_path_rounded_rect (cr, r->x, r->y, r->width, r->height, 10 * box->scale);
  wm_color_set_source (cr, fills[box->tone]);
  cairo_fill (cr);
  cairo_rectangle (cr, r->x, r->y + 8 * box->scale, 6 * box->scale, r->height - 16 * box->scale);
  wm_color_set_source (cr, bars[box->tone]);
  cairo_fill (cr);
}

/* A card's picture, framed as the map frames it, decoded once for the
 * deck; a picture that cannot be read leaves its frame empty. */
static void
paint_picture (cairo_t             *cr,
               const SlideColors   *colors,
               const WmSlideLayout *layout,
               const WmSlideBox    *box)
{
  cairo_surface_t *picture = NULL;
  const WmRect *r = &box->rect;
  gboolean figure = wm_pdf_alt_begin_figure (cr, wm_card_get_picture_alt (box->card), r->x, r->y, r->width, r->height);

  if (layout->pictures != NULL)
    picture = wm_picture_table_get (layout->pictures, wm_card_get_picture (box->card), WM_SLIDE_PICTURE_SIDE);
  wm_painter_paint_picture (cr, picture, r, 8 * box->scale, &colors->stage_fill, 1);
  if (figure)
    wm_pdf_alt_end_figure (cr);
}

static void
paint_face (cairo_t          *cr,
            WmStyle          *style,
            const WmSlideBox *box)
{
  double radius = box->rect.width / 2;
  WmColor fill;

  wm_style_mood_color (style, box->mood, &fill);
  wm_glyph_draw_face (cr, box->mood, box->rect.x + radius, box->rect.y + radius, radius, &fill, &face_ink);
}

/* Part of the map, by the map's painter, with the overview's stage
 * picked out when @highlight_stage is one. */
static void
paint_map (cairo_t           *cr,
           const SlideColors *colors,
           const WmSlideBox  *box,
           int                highlight_stage)
{
  const WmColor *bar = &colors->plain_bar;
  WmLayout *map = box->map;
  const WmRect *area = &box->area;

  cairo_save (cr);
  cairo_translate (cr, box->rect.x, box->rect.y);
  cairo_scale (cr, box->scale, box->scale);
  cairo_translate (cr, -area->x, -area->y);
  cairo_rectangle (cr, area->x - box->margin, area->y - box->margin, area->width + 2 * box->margin,
                   area->height + 2 * box->margin);
  cairo_clip (cr);
  wm_painter_paint (cr, map, area, box->flags);
  if (box->role == WM_SLIDE_ROLE_GRID && highlight_stage >= 0 && (guint) highlight_stage < map->columns->len)
    {
      const WmStageColumn *column = &g_array_index (map->columns, WmStageColumn, highlight_stage);

      cairo_rectangle (cr, column->x, map->grid.y, column->width, map->grid.height);
      cairo_set_source_rgba (cr, bar->red, bar->green, bar->blue, 0.16);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 4 / box->scale);
      wm_color_set_source (cr, bar);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/**
 * wm_slide_painter_paint:
 * @cr: where to draw, WM_SLIDE_WIDTH × WM_SLIDE_HEIGHT in user units
 * @layout: the slide
 * @highlight_stage: on the overview, the stage to pick out, or -1
 * @theme: the slide's colours, which its map parts were laid out in
 */
void
wm_slide_painter_paint (cairo_t             *cr,
                        const WmSlideLayout *layout,
                        int                  highlight_stage,
                        WmTheme              theme)
{
  g_autoptr(WmStyle) style = wm_style_new (theme);
  const SlideColors *colors = theme == WM_THEME_DARK ? &dark_colors : &light_colors;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, WM_SLIDE_WIDTH, WM_SLIDE_HEIGHT);
  wm_color_set_source (cr, &colors->stage_fill);
  cairo_fill (cr);
  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const WmSlideBox *box = &g_array_index (layout->boxes, WmSlideBox, i);

      switch (box->kind)
        {
        case WM_SLIDE_BOX_TEXT:
          paint_text (cr, colors, box);
          break;
        case WM_SLIDE_BOX_ITEM:
          paint_item (cr, colors, box);
          break;
        case WM_SLIDE_BOX_PICTURE:
          paint_picture (cr, colors, layout, box);
          break;
        case WM_SLIDE_BOX_FACE:
          paint_face (cr, style, box);
          break;
        case WM_SLIDE_BOX_MAP:
          paint_map (cr, colors, box, highlight_stage);
          break;
        case WM_SLIDE_BOX_FUNNEL:
          /* Drawn in the style the slide's map parts were laid out in. */
          wm_funnel_paint (cr, box->map->document, box->map->style, &box->rect);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}
