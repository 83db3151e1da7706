/* wm-slides.c: a map told as slides, for presenting it full screen and
 * for a PDF deck.
 *
 * The slides are: a title slide (the map's title, goal and personas); a
 * slide per stage with its name and description, each persona's feeling
 * there with their face and words, and the stage's cards grouped by lane
 * in large type, pain points and opportunities highlighted; and an
 * overview of the whole map.
 *
 * A stage slide is measured with the same code that draws it, so nothing
 * is ever cut off: when the cards do not fit, the type shrinks down to
 * WM_SLIDE_MIN_SCALE, and beyond that the stage continues on more slides.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "wm-card.h"
#include "wm-emotion-curve.h"
#include "wm-emotion-point.h"
#include "wm-glyphs.h"
#include "wm-lane.h"
#include "wm-layout-text.h"
#include "wm-layout.h"
#include "wm-painter.h"
#include "wm-persona.h"
#include "wm-slides.h"
#include "wm-stage.h"
#include "wm-text-measure.h"

#define MARGIN 96.0
#define HEAD_TOP 110.0
#define HEAD_WIDTH 1080.0
#define HEAD_GAP 40.0
/* Where the cards of a stage begin when its head is short, as most are. */
#define BODY_TOP 400.0
#define BODY_BOTTOM (WM_SLIDE_HEIGHT - 90.0)
#define COLUMN_GAP 48.0
#define ITEM_GAP 12.0
#define GROUP_GAP 28.0
#define ITEM_PADDING 16.0
/* A card's title is read whole; only a title longer than a slide could
 * hold is cut, after this many lines. */
#define MAX_TITLE_LINES 8
/* Below this scale the overview's cards are too small to read on a
 * 1920-wide slide (their titles under 4 px), and are drawn as shapes. */
#define OVERVIEW_MIN_TEXT_SCALE 0.3
/* A persona's words at a stage are a quote, not a paragraph. */
#define MAX_WORDS_LINES 3

/* The stage is dark, as a presentation room is. */
static const WmColor ink = { 0.96, 0.96, 0.97, 1 };
static const WmColor ink_soft = { 0.66, 0.67, 0.72, 1 };
static const WmColor stage_fill = { 0.106, 0.106, 0.122, 1 };
static const WmColor item_fill = { 0.17, 0.17, 0.2, 1 };
static const WmColor pain_fill = { 0.36, 0.13, 0.15, 1 };
static const WmColor pain_bar = { 0.95, 0.33, 0.35, 1 };
static const WmColor chance_fill = { 0.11, 0.29, 0.2, 1 };
static const WmColor chance_bar = { 0.34, 0.85, 0.55, 1 };
static const WmColor plain_bar = { 0.36, 0.56, 0.95, 1 };

void
wm_slide_free (WmSlide *slide)
{
  if (slide == NULL)
    return;
  g_clear_pointer (&slide->cards, g_ptr_array_unref);
  g_clear_pointer (&slide->feelings, g_array_unref);
  g_free (slide);
}

/* --- Text ------------------------------------------------------------------ */

/* One Pango context measures and draws, with unhinted metrics, so a
 * slide measures the same at every size it is drawn. */
static PangoContext *
text_context (void)
{
  static PangoContext *context;

  if (context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
    }
  return context;
}

static PangoLayout *
text_layout (const char *text,
             double      size,
             PangoWeight weight,
             gboolean    italic,
             double      width,
             int         max_lines)
{
  PangoLayout *layout = pango_layout_new (text_context ());
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell");
  g_autofree char *capped = NULL;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  if (italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, wm_text_cap (text, &capped), -1);
  pango_font_description_free (font);
  return layout;
}

static void
show_layout (cairo_t       *cr,
             PangoLayout   *layout,
             double         x,
             double         y,
             const WmColor *color)
{
  cairo_save (cr);
  wm_color_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* Draws @text (unless @cr is %NULL) and returns its height. */
static double
text (cairo_t       *cr,
      const char    *string,
      double         size,
      PangoWeight    weight,
      gboolean       italic,
      double         x,
      double         y,
      double         width,
      int            max_lines,
      const WmColor *color)
{
  g_autoptr(PangoLayout) layout = text_layout (string, size, weight, italic, width, max_lines);

  if (cr != NULL)
    show_layout (cr, layout, x, y, color);
  return layout_height (layout);
}

/* --- A stage's head ------------------------------------------------------- */

/* A size to set text at, and the lines it may take at that size. */
typedef struct
{
  double size;
  int max_lines;
} TextFit;

/* Draws @string (unless @cr is %NULL) at the first of @fits at which it
 * takes no more than that fit's lines, and returns its height: long text
 * is set smaller rather than cut, and is cut only past the last fit. */
static double
fitted_text (cairo_t        *cr,
             const char     *string,
             const TextFit  *fits,
             guint           n_fits,
             PangoWeight     weight,
             double          x,
             double          y,
             double          width,
             const WmColor  *color)
{
  const TextFit *fit = &fits[n_fits - 1];

  for (guint i = 0; i + 1 < n_fits; i++)
    {
      g_autoptr(PangoLayout) layout = text_layout (string, fits[i].size, weight, FALSE, width, 0);

      if (pango_layout_get_line_count (layout) <= fits[i].max_lines)
        {
          fit = &fits[i];
          break;
        }
    }
  return text (cr, string, fit->size, weight, FALSE, x, y, width, fit->max_lines, color);
}

static void
paint_face (cairo_t    *cr,
            WmStyle    *style,
            WmDocument *document,
            double      score,
            double      x,
            double      y,
            double      radius)
{
  int levels = wm_document_get_emotion_scale (document);
  double mood = levels > 1 ? (score - 1) / (levels - 1) * 2 - 1 : 0;
  WmColor fill;
  WmColor face_ink = { 0.12, 0.12, 0.14, 1 };

  wm_style_mood_color (style, mood, &fill);
  wm_glyph_draw_face (cr, mood, x, y, radius, &fill, &face_ink);
}

typedef struct
{
  WmPersona *persona;
  double score;             /* the mean of the persona's points at the stage */
  char *words;              /* of the first of them that has any */
  guint count;
} Feeling;

static void
clear_feeling (gpointer data)
{
  Feeling *feeling = data;

  g_clear_object (&feeling->persona);
  g_clear_pointer (&feeling->words, g_free);
}

/* Every stage's feelings, persona by persona, in one pass over the
 * points: the deck of a map of 40,000 stages must not look at every
 * point for every stage. */
static GPtrArray *
all_stage_feelings (WmDocument *document)
{
  GListModel *curves = wm_document_get_emotion_curves (document);
  guint n_stages = g_list_model_get_n_items (wm_document_get_stages (document));
  guint n_curves = g_list_model_get_n_items (curves);
  g_autofree Feeling *table = g_new0 (Feeling, MAX (n_stages * n_curves, 1));
  GPtrArray *by_stage = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint c = 0; c < n_curves; c++)
    {
      g_autoptr(WmEmotionCurve) curve = g_list_model_get_item (curves, c);
      GListModel *points = wm_emotion_curve_get_points (curve);
      WmElement *persona = wm_document_lookup (document, wm_emotion_curve_get_persona (curve));

      if (!WM_IS_PERSONA (persona))
        continue;
      for (guint p = 0; p < g_list_model_get_n_items (points); p++)
        {
          g_autoptr(WmEmotionPoint) point = g_list_model_get_item (points, p);
          int s = wm_document_get_stage_index (document, wm_emotion_point_get_stage (point));
          Feeling *feeling;

          if (s < 0)
            continue;
          feeling = &table[s * n_curves + c];
          feeling->persona = WM_PERSONA (persona);
          feeling->score += wm_emotion_point_get_score (point);
          feeling->count++;
          if (feeling->words == NULL && *wm_emotion_point_get_label (point) != '\0')
            feeling->words = (char *) wm_emotion_point_get_label (point);
        }
    }

  for (guint s = 0; s < n_stages; s++)
    {
      GArray *feelings = g_array_new (FALSE, TRUE, sizeof (Feeling));

      g_array_set_clear_func (feelings, clear_feeling);
      for (guint c = 0; c < n_curves; c++)
        {
          Feeling feeling = table[s * n_curves + c];

          if (feeling.count == 0)
            continue;
          /* Kept with the slide, which may outlive an edit. */
          feeling.persona = g_object_ref (feeling.persona);
          feeling.words = g_strdup (feeling.words);
          feeling.score /= feeling.count;
          g_array_append_val (feelings, feeling);
        }
      g_ptr_array_add (by_stage, feelings);
    }
  return by_stage;
}

/* Each persona's feeling at the stage, in a column beside its name: their
 * face and their words. Four or five personas are set closer, so the
 * cards keep their room. Draws when @cr is given; returns the bottom. */
static double
paint_feelings (cairo_t    *cr,
                WmStyle    *style,
                WmDocument *document,
                GArray     *feelings)
{
  gboolean close = feelings->len > 3;
  double radius = close ? 22 : 30;
  double name_size = close ? 22 : 26;
  double words_size = close ? 20 : 24;
  double gap = close ? 18 : 28;
  double x = 1240, words_x = x + 2 * radius + 20, words_width = WM_SLIDE_WIDTH - MARGIN - words_x;
  double y = HEAD_TOP, bottom = HEAD_TOP;

  for (guint i = 0; i < feelings->len; i++)
    {
      const Feeling *feeling = &g_array_index (feelings, Feeling, i);
      double height;

      if (cr != NULL)
        paint_face (cr, style, document, feeling->score, x + radius, y + radius, radius);
      height = text (cr, wm_persona_get_name (feeling->persona), name_size, PANGO_WEIGHT_BOLD, FALSE, words_x, y,
                     words_width, 2, &ink) + 6;
      if (feeling->words != NULL)
        {
          g_autofree char *quoted = wm_layout_quoted (feeling->words);

          height += text (cr, quoted, words_size, PANGO_WEIGHT_NORMAL, TRUE, words_x, y + height, words_width,
                          MAX_WORDS_LINES, &ink_soft);
        }
      bottom = y + MAX (height, 2 * radius);
      y = bottom + gap;
    }
  return bottom;
}

/* The head of a stage's slides: its place in the map, its name and
 * description, and the personas' feelings beside them. Draws when @cr is
 * given; returns where the cards begin, which is the same on every
 * stage's slide unless a long head needs more room. */
static double
paint_stage_head (cairo_t    *cr,
                  WmStyle    *style,
                  WmDocument *document,
                  WmStage    *stage,
                  GArray     *feelings,
                  int         stage_index,
                  guint       part,
                  guint       n_parts)
{
  static const TextFit name_fits[] = { { 72, 1 }, { 56, 2 }, { 44, 4 } };
  static const TextFit description_fits[] = { { 30, 2 }, { 26, 4 }, { 22, 8 } };
  guint n_stages = g_list_model_get_n_items (wm_document_get_stages (document));
  const char *description = wm_stage_get_description (stage);
  g_autofree char *counter = NULL;
  g_autofree char *name = wm_layout_stage_name (stage, stage_index);
  double y = HEAD_TOP;

  if (n_parts > 1)
    /* Translators: above a stage's name on a slide: its place, and which of its slides this is */
    counter = g_strdup_printf (_("STAGE %d OF %u · %u/%u"), stage_index + 1, n_stages, part + 1, n_parts);
  else
    /* Translators: above a stage's name on a slide */
    counter = g_strdup_printf (_("STAGE %d OF %u"), stage_index + 1, n_stages);
  y += text (cr, counter, 24, PANGO_WEIGHT_BOLD, FALSE, MARGIN, y, HEAD_WIDTH, 1, &plain_bar) + 10;
  y += fitted_text (cr, name, name_fits, G_N_ELEMENTS (name_fits), PANGO_WEIGHT_BOLD, MARGIN, y, HEAD_WIDTH, &ink);
  if (*description != '\0')
    y += 12 + fitted_text (cr, description, description_fits, G_N_ELEMENTS (description_fits), PANGO_WEIGHT_NORMAL,
                           MARGIN, y + 12, HEAD_WIDTH, &ink_soft);

  return MAX (BODY_TOP, MAX (y, paint_feelings (cr, style, document, feelings)) + HEAD_GAP);
}

/* --- A stage's cards ------------------------------------------------------ */

static WmLane *
lane_of (WmDocument *document,
         WmCard     *card)
{
  WmElement *lane = wm_document_lookup (document, wm_card_get_lane (card));

  return WM_IS_LANE (lane) ? WM_LANE (lane) : NULL;
}

/* Places @cards from @first on, lane by lane, in two columns of the
 * body, and draws them when @cr is given. A lane's name heads its cards,
 * again at the top of the second column if they continue there. Returns
 * how many cards fit. */
static guint
place_cards (cairo_t    *cr,
             WmDocument *document,
             GPtrArray  *cards,
             guint       first,
             double      top,
             double      scale)
{
  double column_width = (WM_SLIDE_WIDTH - 2 * MARGIN - COLUMN_GAP) / 2;
  double item_width = column_width - 2 * ITEM_PADDING * scale - 8;
  double y = top;
  int column = 0;
  WmLane *current = NULL;

  for (guint i = first; i < cards->len; i++)
    {
      WmCard *card = g_ptr_array_index (cards, i);
      WmLane *lane = lane_of (document, card);
      WmLaneKind kind = lane != NULL ? wm_lane_get_kind (lane) : WM_LANE_KIND_TEXT;
      /* Shaped once, to measure and to draw: a deck of a large map has
       * thousands of cards, and shaping text is what takes the time. */
      g_autoptr(PangoLayout) title = text_layout (wm_card_get_title (card), 36 * scale, PANGO_WEIGHT_BOLD, FALSE,
                                                  item_width, MAX_TITLE_LINES);
      g_autoptr(PangoLayout) heading = NULL;
      double item = layout_height (title) + 2 * ITEM_PADDING * scale;
      gboolean new_group = lane != current;
      double gap = new_group && y > top ? GROUP_GAP * scale : 0;
      double heading_height = 0;
      double x;

      if (new_group || y + item > BODY_BOTTOM)
        {
          g_autofree char *lane_title = g_utf8_strup (lane != NULL ? wm_lane_get_title (lane) : "", -1);

          heading = text_layout (lane_title, 22 * scale, PANGO_WEIGHT_BOLD, FALSE, column_width, 1);
          heading_height = layout_height (heading) + 8 * scale;
        }
      if (y + gap + (new_group ? heading_height : 0) + item > BODY_BOTTOM)
        {
          /* On into the second column, under the lane's name again; past
           * it, onto the next slide. */
          if (column == 1)
            return i - first;
          column = 1;
          y = top;
          gap = 0;
          new_group = TRUE;
          if (y + heading_height + item > BODY_BOTTOM)
            return i - first;
        }
      x = MARGIN + column * (column_width + COLUMN_GAP);
      y += gap;
      if (new_group)
        {
          if (cr != NULL)
            show_layout (cr, heading, x, y, &ink_soft);
          y += heading_height;
          current = lane;
        }

      if (cr != NULL)
        {
          gboolean pain = kind == WM_LANE_KIND_PAIN_POINTS;
          gboolean chance = kind == WM_LANE_KIND_OPPORTUNITIES;

          wm_path_rounded_rect (cr, x, y, column_width, item, 10 * scale);
          wm_color_set_source (cr, pain ? &pain_fill : chance ? &chance_fill : &item_fill);
          cairo_fill (cr);
          cairo_rectangle (cr, x, y + 8 * scale, 6 * scale, item - 16 * scale);
          wm_color_set_source (cr, pain ? &pain_bar : chance ? &chance_bar : &plain_bar);
          cairo_fill (cr);
          show_layout (cr, title, x + ITEM_PADDING * scale + 8, y + ITEM_PADDING * scale, &ink);
        }
      y += item + ITEM_GAP * scale;
    }
  return cards->len - first;
}

/* The cards told on a stage's slides: every lane that holds cards, in
 * lane order, then in their order in the cell. */
static GPtrArray *
stage_cards (WmDocument *document,
             WmStage    *stage)
{
  GListModel *lanes = wm_document_get_lanes (document);
  GPtrArray *cards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, l);
      g_autoptr(GPtrArray) cell = NULL;

      if (!wm_lane_kind_holds_cards (wm_lane_get_kind (lane)))
        continue;
      cell = wm_document_get_cell_cards (document, wm_element_get_id (WM_ELEMENT (stage)),
                                         wm_element_get_id (WM_ELEMENT (lane)));
      for (guint c = 0; c < cell->len; c++)
        g_ptr_array_add (cards, g_object_ref (g_ptr_array_index (cell, c)));
    }
  return cards;
}

static WmSlide *
new_slide (WmSlideKind kind,
           int         stage_index)
{
  WmSlide *slide = g_new0 (WmSlide, 1);

  slide->kind = kind;
  slide->stage_index = stage_index;
  slide->n_parts = 1;
  slide->scale = 1;
  slide->cards = g_ptr_array_new_with_free_func (g_object_unref);
  return slide;
}

static void
add_stage_slides (GPtrArray  *slides,
                  WmDocument *document,
                  WmStage    *stage,
                  GArray     *feelings,
                  int         stage_index)
{
  g_autoptr(GPtrArray) cards = stage_cards (document, stage);
  const double scales[] = { 1.0, 0.9, 0.8, WM_SLIDE_MIN_SCALE };
  double top = paint_stage_head (NULL, NULL, document, stage, feelings, stage_index, 0, 1);
  guint first_part = slides->len;
  guint start = 0;

  /* The largest type that fits it all on one slide... */
  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    if (place_cards (NULL, document, cards, 0, top, scales[s]) == cards->len)
      {
        WmSlide *slide = new_slide (WM_SLIDE_STAGE, stage_index);

        slide->feelings = g_array_ref (feelings);
        slide->scale = scales[s];
        slide->body_top = top;
        for (guint i = 0; i < cards->len; i++)
          g_ptr_array_add (slide->cards, g_object_ref (g_ptr_array_index (cards, i)));
        g_ptr_array_add (slides, slide);
        return;
      }

  /* ...else as many slides at the smallest legible type as it takes. */
  while (start < cards->len)
    {
      WmSlide *slide = new_slide (WM_SLIDE_STAGE, stage_index);
      guint fitted;

      slide->feelings = g_array_ref (feelings);
      fitted = MAX (place_cards (NULL, document, cards, start, top, WM_SLIDE_MIN_SCALE), 1);
      for (guint i = start; i < start + fitted; i++)
        g_ptr_array_add (slide->cards, g_object_ref (g_ptr_array_index (cards, i)));
      slide->scale = WM_SLIDE_MIN_SCALE;
      slide->body_top = top;
      slide->part = slides->len - first_part;
      g_ptr_array_add (slides, slide);
      start += fitted;
    }
  for (guint i = first_part; i < slides->len; i++)
    ((WmSlide *) g_ptr_array_index (slides, i))->n_parts = slides->len - first_part;
}

/**
 * wm_slides_build:
 * @document: a map
 *
 * Returns: (transfer full) (element-type WmSlide): the map's slides, in
 *   the order they are shown
 */
GPtrArray *
wm_slides_build (WmDocument *document)
{
  GPtrArray *slides = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_slide_free);
  GListModel *stages = wm_document_get_stages (document);
  g_autoptr(GPtrArray) feelings = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  feelings = all_stage_feelings (document);
  g_ptr_array_add (slides, new_slide (WM_SLIDE_TITLE, -1));
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, i);

      add_stage_slides (slides, document, stage, g_ptr_array_index (feelings, i), i);
    }
  g_ptr_array_add (slides, new_slide (WM_SLIDE_OVERVIEW, -1));
  return slides;
}

/**
 * wm_slide_describe:
 * @slides: (element-type WmSlide): from wm_slides_build()
 * @index: which slide
 *
 * What is on a slide, in a few words, for a screen reader.
 *
 * Returns: (transfer full): such as "Slide 3 of 9: stage 2 of 7, Before arrival"
 */
char *
wm_slide_describe (WmDocument *document,
                   GPtrArray  *slides,
                   guint       index)
{
  WmSlide *slide;
  g_autofree char *what = NULL;

  g_return_val_if_fail (index < slides->len, NULL);

  slide = g_ptr_array_index (slides, index);
  switch (slide->kind)
    {
    case WM_SLIDE_TITLE:
      {
        g_autofree char *title = wm_layout_map_title (document);

        /* Translators: what a screen reader says of the first slide; %s is the map's title */
        what = g_strdup_printf (_("title, %s"), title);
      }
      break;
    case WM_SLIDE_STAGE:
      {
        g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (document), slide->stage_index);
        g_autofree char *name = wm_layout_stage_name (stage, slide->stage_index);
        guint n_stages = g_list_model_get_n_items (wm_document_get_stages (document));

        if (slide->n_parts > 1)
          /* Translators: what a screen reader says of a stage's slide: its place, its name, and which of its slides this is */
          what = g_strdup_printf (_("stage %d of %u, %s, part %u of %u"), slide->stage_index + 1, n_stages, name,
                                  slide->part + 1, slide->n_parts);
        else
          /* Translators: what a screen reader says of a stage's slide: its place and its name */
          what = g_strdup_printf (_("stage %d of %u, %s"), slide->stage_index + 1, n_stages, name);
      }
      break;
    case WM_SLIDE_OVERVIEW:
      /* Translators: what a screen reader says of the last slide */
      what = g_strdup (_("overview of the whole map"));
      break;
    default:
      g_assert_not_reached ();
    }
  /* Translators: what a screen reader says of a slide; the last %s says what is on it */
  return g_strdup_printf (_("Slide %u of %u: %s"), index + 1, slides->len, what);
}

/* --- Painting --------------------------------------------------------------- */

/* The persona cards, drawn by the painter as on the map and in its
 * exports, as large as the bottom of the slide allows. */
static void
paint_persona_cards (cairo_t    *cr,
                     WmStyle    *style,
                     WmDocument *document,
                     double      top)
{
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = wm_layout_new (document, style, measure);
  const double room_width = WM_SLIDE_WIDTH - 2 * MARGIN, room_height = WM_SLIDE_HEIGHT - top - 72;
  WmRect bounds;
  double scale;

  if (layout->personas->len == 0)
    return;
  bounds = g_array_index (layout->personas, WmPersonaBox, 0).rect;
  for (guint i = 1; i < layout->personas->len; i++)
    {
      const WmRect *rect = &g_array_index (layout->personas, WmPersonaBox, i).rect;
      double right = MAX (bounds.x + bounds.width, rect->x + rect->width);
      double bottom = MAX (bounds.y + bounds.height, rect->y + rect->height);

      bounds.x = MIN (bounds.x, rect->x);
      bounds.y = MIN (bounds.y, rect->y);
      bounds.width = right - bounds.x;
      bounds.height = bottom - bounds.y;
    }
  scale = MIN (MIN (room_width / bounds.width, room_height / bounds.height), 2.0);

  cairo_save (cr);
  cairo_translate (cr, MARGIN, top + room_height - bounds.height * scale);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -bounds.x, -bounds.y);
  cairo_rectangle (cr, bounds.x - 8, bounds.y - 8, bounds.width + 16, bounds.height + 16);
  cairo_clip (cr);
  wm_painter_paint (cr, layout, &bounds, WM_PAINT_TRANSPARENT);
  cairo_restore (cr);
}

static void
paint_title_slide (cairo_t    *cr,
                   WmStyle    *style,
                   WmDocument *document)
{
  g_autofree char *title = wm_layout_map_title (document);
  g_autofree char *kind = g_utf8_strup (wm_map_kind_get_display_name (wm_document_get_kind (document)), -1);
  static const TextFit title_fits[] = { { 88, 2 }, { 68, 3 }, { 52, 4 } };
  static const TextFit goal_fits[] = { { 34, 3 }, { 28, 5 }, { 24, 8 } };
  double y = 130;

  y += text (cr, kind, 28, PANGO_WEIGHT_BOLD, FALSE, MARGIN, y, 1400, 1, &plain_bar) + 20;
  y += fitted_text (cr, title, title_fits, G_N_ELEMENTS (title_fits), PANGO_WEIGHT_BOLD, MARGIN, y,
                    WM_SLIDE_WIDTH - 2 * MARGIN, &ink) + 28;
  y += fitted_text (cr, wm_document_get_goal (document), goal_fits, G_N_ELEMENTS (goal_fits), PANGO_WEIGHT_NORMAL,
                    MARGIN, y, 1400, &ink_soft);
  paint_persona_cards (cr, style, document, MAX (600, y + 56));
}

static void
paint_stage_slide (cairo_t    *cr,
                   WmStyle    *style,
                   WmDocument *document,
                   WmSlide    *slide)
{
  g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (document), slide->stage_index);

  paint_stage_head (cr, style, document, stage, slide->feelings, slide->stage_index, slide->part, slide->n_parts);
  place_cards (cr, document, slide->cards, 0, slide->body_top, slide->scale);
}

static void
paint_overview_slide (cairo_t    *cr,
                      WmStyle    *style,
                      WmDocument *document,
                      int         highlight_stage)
{
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = wm_layout_new (document, style, measure);
  /* The grid of stages and lanes, with the emotion curve; the title and
   * the personas had a slide of their own. */
  const WmRect *grid = &layout->grid;
  double area_width = WM_SLIDE_WIDTH - 2 * 48, area_height = WM_SLIDE_HEIGHT - 2 * 48;
  double scale = MIN (area_width / grid->width, area_height / grid->height);

  cairo_save (cr);
  cairo_translate (cr, (WM_SLIDE_WIDTH - grid->width * scale) / 2, (WM_SLIDE_HEIGHT - grid->height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -grid->x, -grid->y);
  cairo_rectangle (cr, grid->x, grid->y, grid->width, grid->height);
  cairo_clip (cr);
  wm_painter_paint (cr, layout, grid, scale < OVERVIEW_MIN_TEXT_SCALE ? WM_PAINT_CARD_SHAPES : WM_PAINT_DEFAULT);
  if (highlight_stage >= 0 && (guint) highlight_stage < layout->columns->len)
    {
      const WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, highlight_stage);

      cairo_rectangle (cr, column->x, layout->grid.y, column->width, layout->grid.height);
      cairo_set_source_rgba (cr, plain_bar.red, plain_bar.green, plain_bar.blue, 0.16);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 4 / scale);
      wm_color_set_source (cr, &plain_bar);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/**
 * wm_slide_paint:
 * @cr: where to draw, WM_SLIDE_WIDTH × WM_SLIDE_HEIGHT in user units
 * @slides: (element-type WmSlide): from wm_slides_build()
 * @index: which slide
 * @highlight_stage: on the overview, the stage to pick out, or -1
 */
void
wm_slide_paint (cairo_t    *cr,
                WmDocument *document,
                GPtrArray  *slides,
                guint       index,
                int         highlight_stage)
{
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_DARK);
  WmSlide *slide;

  g_return_if_fail (index < slides->len);

  slide = g_ptr_array_index (slides, index);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, WM_SLIDE_WIDTH, WM_SLIDE_HEIGHT);
  wm_color_set_source (cr, &stage_fill);
  cairo_fill (cr);
  switch (slide->kind)
    {
    case WM_SLIDE_TITLE:
      paint_title_slide (cr, style, document);
      break;
    case WM_SLIDE_STAGE:
      paint_stage_slide (cr, style, document, slide);
      break;
    case WM_SLIDE_OVERVIEW:
      paint_overview_slide (cr, style, document, highlight_stage);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}
