/* wm-slide-layout.c: a slide's layout, measured from the document once.
 *
 * The title slide holds the map's kind, title and goal, and its persona
 * cards as the map draws them. A stage's slides hold its place in the
 * map, its name and description, each persona's feeling there with their
 * face and words, and the stage's cards grouped by lane in large type.
 * The overview holds the whole map.
 *
 * Text is measured here with the same Pango setup the slide painter uses,
 * so nothing is ever cut off: a long stage name or description is set
 * smaller before it wraps further; when the cards do not fit, their type
 * shrinks down to WM_SLIDE_MIN_SCALE, and beyond that the stage
 * continues on more slides.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-slide-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "wm-card.h"
#include "wm-emotion-curve.h"
#include "wm-emotion-point.h"
#include "wm-lane.h"
#include "wm-layout-text.h"
#include "wm-funnel.h"
#include "wm-persona.h"
#include "wm-slide-layout.h"
#include "wm-stage.h"
#include "wm-text-measure.h"

#define MARGIN 96.0
#define HEAD_TOP 110.0
#define HEAD_WIDTH 1080.0
#define HEAD_GAP 40.0
/* Where the cards of a stage begin when its head is short, as most are. */
#define BODY_TOP 400.0
#define BODY_BOTTOM (WM_SLIDE_HEIGHT - 90.0)
/* The overview's funnel band, with the room above it. */
#define OVERVIEW_FUNNEL_HEIGHT 190.0
#define COLUMN_GAP 48.0
#define ITEM_GAP 12.0
#define GROUP_GAP 28.0
#define ITEM_PADDING 16.0
/* A card's title is read whole; only a title longer than a slide could
 * hold is cut, after this many lines. */
#define MAX_TITLE_LINES 8
/* A persona's words at a stage are a quote, not a paragraph. */
#define MAX_WORDS_LINES 3
/* A storyboard's picture is told large, 4:3 above the card's title; any
 * other card's as a thumbnail beside it. */
#define STORYBOARD_PICTURE_WIDTH 480.0
#define THUMBNAIL_WIDTH 160.0
#define PICTURE_GAP 16.0

static void
clear_box (gpointer data)
{
  WmSlideBox *box = data;

  g_clear_pointer (&box->text, g_free);
  g_clear_object (&box->card);
  g_clear_pointer (&box->map, wm_layout_unref);
}

static GArray *
boxes_new (void)
{
  GArray *boxes = g_array_new (FALSE, TRUE, sizeof (WmSlideBox));

  g_array_set_clear_func (boxes, clear_box);
  return boxes;
}

static WmSlideLayout *
layout_new (void)
{
  WmSlideLayout *layout = g_new0 (WmSlideLayout, 1);

  layout->boxes = boxes_new ();
  layout->scale = 1;
  return layout;
}

void
wm_slide_layout_free (WmSlideLayout *layout)
{
  if (layout == NULL)
    return;
  g_clear_pointer (&layout->boxes, g_array_unref);
  g_clear_pointer (&layout->pictures, g_hash_table_unref);
  g_free (layout);
}

/**
 * wm_slide_layout_find:
 * @role: what the box tells
 * @nth: which of the boxes with that role, counted from 0
 *
 * Returns: (nullable): the box, or %NULL when there are not that many
 */
const WmSlideBox *
wm_slide_layout_find (const WmSlideLayout *layout,
                      WmSlideRole          role,
                      guint                nth)
{
  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const WmSlideBox *box = &g_array_index (layout->boxes, WmSlideBox, i);

      if (box->role == role && nth-- == 0)
        return box;
    }
  return NULL;
}

guint
wm_slide_layout_count (const WmSlideLayout *layout,
                       WmSlideRole          role)
{
  guint count = 0;

  for (guint i = 0; i < layout->boxes->len; i++)
    count += g_array_index (layout->boxes, WmSlideBox, i).role == role;
  return count;
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

/**
 * wm_slide_box_shape:
 * @box: a text box
 *
 * Returns: (transfer full): @box's text shaped as it is measured and drawn
 */
PangoLayout *
wm_slide_box_shape (const WmSlideBox *box)
{
  PangoLayout *layout = pango_layout_new (text_context ());
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell");
  g_autofree char *capped = NULL;

  pango_font_description_set_absolute_size (font, box->size * PANGO_SCALE);
  pango_font_description_set_weight (font, box->weight);
  if (box->italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (box->rect.width * PANGO_SCALE));
  if (box->max_lines > 0)
    {
      pango_layout_set_height (layout, -box->max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, wm_text_cap (box->text, &capped), -1);
  pango_font_description_free (font);
  return layout;
}

/* A box of @string set at @x, @y, measured: its height is known. */
static WmSlideBox
text_box (WmSlideRole    role,
          const char    *string,
          double         size,
          PangoWeight    weight,
          gboolean       italic,
          double         x,
          double         y,
          double         width,
          int            max_lines,
          WmSlideInk     ink)
{
  WmSlideBox box = {
    .kind = WM_SLIDE_BOX_TEXT,
    .role = role,
    .rect = { x, y, width, 0 },
    .text = g_strdup (string),
    .size = size,
    .weight = weight,
    .italic = italic,
    .max_lines = max_lines,
    .ink = ink,
  };
  g_autoptr(PangoLayout) shaped = wm_slide_box_shape (&box);
  int height;

  pango_layout_get_pixel_size (shaped, NULL, &height);
  box.rect.height = height;
  return box;
}

/* Adds @box, and returns its height. */
static double
add_box (GArray     *boxes,
         WmSlideBox  box)
{
  g_array_append_val (boxes, box);
  return box.rect.height;
}

/* A size to set text at, and the lines it may take at that size. */
typedef struct
{
  double size;
  int max_lines;
} TextFit;

/* Adds @string at the first of @fits at which it takes no more than that
 * fit's lines, and returns its height: long text is set smaller rather
 * than cut, and is cut only past the last fit. */
static double
add_fitted_text (GArray         *boxes,
                 WmSlideRole     role,
                 const char     *string,
                 const TextFit  *fits,
                 guint           n_fits,
                 PangoWeight     weight,
                 double          x,
                 double          y,
                 double          width,
                 WmSlideInk      ink)
{
  const TextFit *fit = &fits[n_fits - 1];

  for (guint i = 0; i + 1 < n_fits; i++)
    {
      WmSlideBox trial = { .text = (char *) string, .size = fits[i].size, .weight = weight, .rect.width = width };
      g_autoptr(PangoLayout) shaped = wm_slide_box_shape (&trial);

      if (pango_layout_get_line_count (shaped) <= fits[i].max_lines)
        {
          fit = &fits[i];
          break;
        }
    }
  return add_box (boxes, text_box (role, string, fit->size, weight, FALSE, x, y, width, fit->max_lines, ink));
}

/* --- Feelings --------------------------------------------------------------- */

typedef struct
{
  WmPersona *persona;
  double score;
  const char *words;
  guint count;
} Tally;

static void
clear_feeling (gpointer data)
{
  WmSlideFeeling *feeling = data;

  g_clear_pointer (&feeling->name, g_free);
  g_clear_pointer (&feeling->words, g_free);
}

/* Whether the map shows its feelings: only in an emotion lane. A map
 * without one (a service blueprint, say) may still hold points, from a
 * template or an import; the slides show no more than the map does. */
static gboolean
shows_feelings (WmDocument *document)
{
  GListModel *lanes = wm_document_get_lanes (document);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, i);

      if (wm_lane_get_kind (lane) == WM_LANE_KIND_EMOTIONS)
        return TRUE;
    }
  return FALSE;
}

/**
 * wm_slide_feelings_by_stage:
 *
 * Every stage's feelings, persona by persona, in one pass over the
 * points: the deck of a map of 40,000 stages must not look at every
 * point for every stage. A map without an emotion lane has none to tell.
 *
 * Returns: (transfer full) (element-type GArray): for each stage, a
 *   #GArray of #WmSlideFeeling
 */
GPtrArray *
wm_slide_feelings_by_stage (WmDocument *document)
{
  GListModel *curves = wm_document_get_emotion_curves (document);
  guint n_stages = g_list_model_get_n_items (wm_document_get_stages (document));
  guint n_curves = shows_feelings (document) ? g_list_model_get_n_items (curves) : 0;
  int levels = wm_document_get_emotion_scale (document);
  g_autofree Tally *table = g_new0 (Tally, MAX (n_stages * n_curves, 1));
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
          Tally *tally;

          if (s < 0)
            continue;
          tally = &table[s * n_curves + c];
          tally->persona = WM_PERSONA (persona);
          tally->score += wm_emotion_point_get_score (point);
          tally->count++;
          if (tally->words == NULL && *wm_emotion_point_get_label (point) != '\0')
            tally->words = wm_emotion_point_get_label (point);
        }
    }

  for (guint s = 0; s < n_stages; s++)
    {
      GArray *feelings = g_array_new (FALSE, TRUE, sizeof (WmSlideFeeling));

      g_array_set_clear_func (feelings, clear_feeling);
      for (guint c = 0; c < n_curves; c++)
        {
          const Tally *tally = &table[s * n_curves + c];
          double score;
          WmSlideFeeling feeling;

          if (tally->count == 0)
            continue;
          score = tally->score / tally->count;
          /* Copied: the slides may outlive an edit. */
          feeling.name = g_strdup (wm_persona_get_display_name (tally->persona));
          feeling.words = g_strdup (tally->words);
          feeling.mood = levels > 1 ? (score - 1) / (levels - 1) * 2 - 1 : 0;
          g_array_append_val (feelings, feeling);
        }
      g_ptr_array_add (by_stage, feelings);
    }
  return by_stage;
}

/* Each persona's feeling at the stage, in a column beside its name: their
 * face and their words. Four or five personas are set closer, so the
 * cards keep their room. Returns the bottom. */
static double
add_feelings (GArray *boxes,
              GArray *feelings)
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
      const WmSlideFeeling *feeling = &g_array_index (feelings, WmSlideFeeling, i);
      WmSlideBox face = {
        .kind = WM_SLIDE_BOX_FACE,
        .role = WM_SLIDE_ROLE_FACE,
        .rect = { x, y, 2 * radius, 2 * radius },
        .mood = feeling->mood,
      };
      double height;

      g_array_append_val (boxes, face);
      height = add_box (boxes, text_box (WM_SLIDE_ROLE_PERSONA_NAME, feeling->name, name_size, PANGO_WEIGHT_BOLD,
                                         FALSE, words_x, y, words_width, 2, WM_SLIDE_INK)) + 6;
      if (feeling->words != NULL)
        {
          g_autofree char *quoted = wm_layout_quoted (feeling->words);

          height += add_box (boxes, text_box (WM_SLIDE_ROLE_WORDS, quoted, words_size, PANGO_WEIGHT_NORMAL, TRUE,
                                              words_x, y + height, words_width, MAX_WORDS_LINES, WM_SLIDE_INK_SOFT));
        }
      bottom = y + MAX (height, 2 * radius);
      y = bottom + gap;
    }
  return bottom;
}

/* --- A stage's head ------------------------------------------------------- */

static char *
stage_counter (int   stage_index,
               guint n_stages,
               guint part,
               guint n_parts)
{
  if (n_parts > 1)
    /* Translators: above a stage's name on a slide: its place, and which of its slides this is */
    return g_strdup_printf (_("STAGE %d OF %u · %u/%u"), stage_index + 1, n_stages, part + 1, n_parts);
  /* Translators: above a stage's name on a slide */
  return g_strdup_printf (_("STAGE %d OF %u"), stage_index + 1, n_stages);
}

/* The head of a stage's slides: its place in the map (the first box, its
 * text set for each slide), its name and description, and the personas'
 * feelings beside them. Returns where the cards begin, which is the same
 * on every stage's slide unless a long head needs more room. */
static double
add_stage_head (GArray     *boxes,
                WmDocument *document,
                WmStage    *stage,
                GArray     *feelings,
                int         stage_index)
{
  static const TextFit name_fits[] = { { 72, 1 }, { 56, 2 }, { 44, 4 } };
  static const TextFit description_fits[] = { { 30, 2 }, { 26, 4 }, { 22, 8 } };
  guint n_stages = g_list_model_get_n_items (wm_document_get_stages (document));
  const char *description = wm_stage_get_description (stage);
  g_autofree char *counter = stage_counter (stage_index, n_stages, 0, 1);
  g_autofree char *name = wm_layout_stage_name (stage, stage_index);
  double y = HEAD_TOP, feelings_bottom;

  y += add_box (boxes, text_box (WM_SLIDE_ROLE_COUNTER, counter, 24, PANGO_WEIGHT_BOLD, FALSE, MARGIN, y,
                                 HEAD_WIDTH, 1, WM_SLIDE_INK_ACCENT)) + 10;
  y += add_fitted_text (boxes, WM_SLIDE_ROLE_STAGE_NAME, name, name_fits, G_N_ELEMENTS (name_fits),
                        PANGO_WEIGHT_BOLD, MARGIN, y, HEAD_WIDTH, WM_SLIDE_INK);
  if (*description != '\0')
    y += 12 + add_fitted_text (boxes, WM_SLIDE_ROLE_DESCRIPTION, description, description_fits,
                               G_N_ELEMENTS (description_fits), PANGO_WEIGHT_NORMAL, MARGIN, y + 12, HEAD_WIDTH,
                               WM_SLIDE_INK_SOFT);

  /* Not inside MAX(), which would add them more than once. */
  feelings_bottom = add_feelings (boxes, feelings);
  return MAX (BODY_TOP, MAX (y, feelings_bottom) + HEAD_GAP);
}

/* --- A stage's cards ------------------------------------------------------ */

static WmSlideTone
tone_of (WmLane *lane)
{
  WmLaneKind kind = lane != NULL ? wm_lane_get_kind (lane) : WM_LANE_KIND_TEXT;

  return kind == WM_LANE_KIND_PAIN_POINTS      ? WM_SLIDE_TONE_PAIN
         : kind == WM_LANE_KIND_OPPORTUNITIES ? WM_SLIDE_TONE_CHANCE
                                              : WM_SLIDE_TONE_PLAIN;
}

/* Places @cards from @first on into @boxes, lane by lane, in two columns
 * of the body. A lane's name heads its cards, again at the top of the
 * second column if they continue there. Returns how many cards fit; with
 * @force, at least one, cut by the slide's edge if it is taller than the
 * body, rather than lost. */
static guint
place_cards (GArray     *boxes,
             WmDocument *document,
             GPtrArray  *cards,
             guint       first,
             double      top,
             double      scale,
             gboolean    force)
{
  double column_width = (WM_SLIDE_WIDTH - 2 * MARGIN - COLUMN_GAP) / 2;
  double item_width = column_width - 2 * ITEM_PADDING * scale - 8;
  double y = top;
  int column = 0;
  WmLane *current = NULL;

  for (guint i = first; i < cards->len; i++)
    {
      WmCard *card = g_ptr_array_index (cards, i);
      WmLane *lane = wm_document_get_card_lane (document, card);
      gboolean has_picture = wm_card_get_picture (card) != NULL;
      gboolean storyboard = lane != NULL && wm_lane_get_kind (lane) == WM_LANE_KIND_STORYBOARD;
      /* Where the title goes beside a thumbnail, and the picture's frame
       * from the panel's inner top left. */
      double thumbnail = has_picture && !storyboard ? THUMBNAIL_WIDTH * scale : 0;
      double title_x = thumbnail > 0 ? thumbnail + PICTURE_GAP * scale : 0;
      WmRect frame = { 0 };
      /* Shaped once, to measure: a deck of a large map has thousands of
       * cards, and shaping text is what takes the time. */
      WmSlideBox title = text_box (WM_SLIDE_ROLE_CARD_TITLE, wm_card_get_title (card), 36 * scale,
                                   PANGO_WEIGHT_BOLD, FALSE, 0, 0, item_width - title_x, MAX_TITLE_LINES,
                                   WM_SLIDE_INK);
      WmSlideBox heading = { 0 }, item;
      double title_y = 0, inner_height = title.rect.height;
      double height;
      gboolean new_group = lane != current;
      double gap = new_group && y > top ? GROUP_GAP * scale : 0;
      double heading_height = 0;
      double x;

      if (has_picture && storyboard)
        {
          frame.width = MIN (item_width, STORYBOARD_PICTURE_WIDTH * scale);
          frame.height = frame.width * 3 / 4;
          title_y = frame.height + PICTURE_GAP * scale;
          inner_height = title_y + title.rect.height;
        }
      else if (has_picture)
        {
          frame.width = thumbnail;
          frame.height = thumbnail * 3 / 4;
          inner_height = MAX (inner_height, frame.height);
        }
      height = inner_height + 2 * ITEM_PADDING * scale;

      if (new_group || y + height > BODY_BOTTOM)
        {
          g_autofree char *lane_title = g_utf8_strup (lane != NULL ? wm_lane_get_title (lane) : "", -1);

          heading = text_box (WM_SLIDE_ROLE_LANE, lane_title, 22 * scale, PANGO_WEIGHT_BOLD, FALSE, 0, 0,
                              column_width, 1, WM_SLIDE_INK_SOFT);
          heading_height = heading.rect.height + 8 * scale;
        }
      if (y + gap + (new_group ? heading_height : 0) + height > BODY_BOTTOM && !(force && i == first))
        {
          /* On into the second column, under the lane's name again; past
           * it, onto the next slide. */
          if (column == 1 || top + heading_height + height > BODY_BOTTOM)
            {
              clear_box (&title);
              clear_box (&heading);
              return i - first;
            }
          column = 1;
          y = top;
          gap = 0;
          new_group = TRUE;
        }
      x = MARGIN + column * (column_width + COLUMN_GAP);
      y += gap;
      if (new_group)
        {
          heading.rect.x = x;
          heading.rect.y = y;
          g_array_append_val (boxes, heading);
          y += heading_height;
          current = lane;
        }
      else
        clear_box (&heading);

      item = (WmSlideBox) {
        .kind = WM_SLIDE_BOX_ITEM,
        .role = WM_SLIDE_ROLE_CARD,
        .rect = { x, y, column_width, height },
        .card = g_object_ref (card),
        .tone = tone_of (lane),
        .scale = scale,
      };
      g_array_append_val (boxes, item);
      if (has_picture)
        {
          WmSlideBox picture = {
            .kind = WM_SLIDE_BOX_PICTURE,
            .role = WM_SLIDE_ROLE_CARD_PICTURE,
            .rect = { x + ITEM_PADDING * scale + 8, y + ITEM_PADDING * scale, frame.width, frame.height },
            .card = g_object_ref (card),
            .scale = scale,
          };

          g_array_append_val (boxes, picture);
        }
      title.rect.x = x + ITEM_PADDING * scale + 8 + title_x;
      title.rect.y = y + ITEM_PADDING * scale + title_y;
      g_array_append_val (boxes, title);
      y += height + ITEM_GAP * scale;
    }
  return cards->len - first;
}

/* The cards told on a stage's slides: every lane that holds cards, in
 * lane order, then in their order in the cell. */
static GPtrArray *
stage_cards (WmDocument         *document,
             WmStage            *stage,
             const WmViewFilter *filter)
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
      /* A view's slides tell only the cards it brings forward, and no
       * slide shows an empty card. */
      for (guint c = 0; c < cell->len; c++)
        if (!wm_card_is_empty (g_ptr_array_index (cell, c)) &&
            wm_view_filter_matches_card (filter, g_ptr_array_index (cell, c), wm_lane_get_kind (lane)))
          g_ptr_array_add (cards, g_object_ref (g_ptr_array_index (cell, c)));
    }
  return cards;
}

/* Puts a copy of @head before each part's cards, with its place in the
 * map and among the stage's slides. */
static void
add_head (GPtrArray *parts,
          GArray    *head,
          int        stage_index,
          guint      n_stages)
{
  for (guint p = 0; p < parts->len; p++)
    {
      WmSlideLayout *layout = g_ptr_array_index (parts, p);
      g_autofree WmSlideBox *copy = g_memdup2 (head->data, head->len * sizeof (WmSlideBox));

      for (guint i = 0; i < head->len; i++)
        copy[i].text = i == 0 ? stage_counter (stage_index, n_stages, p, parts->len) : g_strdup (copy[i].text);
      g_array_prepend_vals (layout->boxes, copy, head->len);
    }
}

/**
 * wm_slide_layout_new_stage:
 * @stage: the @stage_index-th stage of @document
 * @feelings: (element-type WmSlideFeeling): the personas' at @stage, from
 *   wm_slide_feelings_by_stage()
 * @filter: (nullable): a view's filter: only the cards it keeps are told
 * @pictures: (nullable): from wm_picture_table_new(), shared by the
 *   deck's slides so that each picture is decoded once; %NULL for the
 *   stage's own
 *
 * Lays out a stage's slides: one at the largest type that holds all its
 * cards, or as many at the smallest legible type as it takes.
 *
 * Returns: (transfer full) (element-type WmSlideLayout): one or more
 */
GPtrArray *
wm_slide_layout_new_stage (WmDocument         *document,
                           WmStage            *stage,
                           int                 stage_index,
                           GArray             *feelings,
                           const WmViewFilter *filter,
                           GHashTable         *pictures)
{
  const double scales[] = { 1.0, 0.9, 0.8, WM_SLIDE_MIN_SCALE };
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_slide_layout_free);
  g_autoptr(GPtrArray) cards = stage_cards (document, stage, filter);
  g_autoptr(GArray) head = boxes_new ();
  double top = add_stage_head (head, document, stage, feelings, stage_index);
  g_autoptr(GHashTable) own_pictures = NULL;
  guint start = 0;

  /* The largest type that fits it all on one slide... */
  for (guint s = 0; s < G_N_ELEMENTS (scales) && parts->len == 0; s++)
    {
      g_autoptr(WmSlideLayout) layout = layout_new ();

      if (place_cards (layout->boxes, document, cards, 0, top, scales[s], FALSE) < cards->len)
        continue;
      layout->scale = scales[s];
      layout->body_top = top;
      g_ptr_array_add (parts, g_steal_pointer (&layout));
      start = cards->len;
    }

  /* ...else as many slides at the smallest legible type as it takes. */
  while (parts->len == 0 || start < cards->len)
    {
      WmSlideLayout *layout = layout_new ();

      start += place_cards (layout->boxes, document, cards, start, top, WM_SLIDE_MIN_SCALE, TRUE);
      layout->scale = WM_SLIDE_MIN_SCALE;
      layout->body_top = top;
      g_ptr_array_add (parts, layout);
    }

  add_head (parts, head, stage_index, g_list_model_get_n_items (wm_document_get_stages (document)));
  own_pictures = pictures == NULL ? wm_picture_table_new () : NULL;
  for (guint p = 0; p < parts->len; p++)
    ((WmSlideLayout *) g_ptr_array_index (parts, p))->pictures =
      g_hash_table_ref (pictures != NULL ? pictures : own_pictures);
  return parts;
}

/* --- The title slide and the overview --------------------------------------- */

/* The persona cards' bounds on the map. */
static WmRect
persona_bounds (WmLayout *map)
{
  WmRect bounds = g_array_index (map->personas, WmPersonaBox, 0).rect;

  for (guint i = 1; i < map->personas->len; i++)
    {
      const WmRect *rect = &g_array_index (map->personas, WmPersonaBox, i).rect;
      double right = MAX (bounds.x + bounds.width, rect->x + rect->width);
      double bottom = MAX (bounds.y + bounds.height, rect->y + rect->height);

      bounds.x = MIN (bounds.x, rect->x);
      bounds.y = MIN (bounds.y, rect->y);
      bounds.width = right - bounds.x;
      bounds.height = bottom - bounds.y;
    }
  return bounds;
}

/* How large @bounds can be drawn in a room of @width × @height: no more
 * than twice, so that one short card does not fill a slide. */
static double
fit_scale (const WmRect *bounds,
           double        width,
           double        height)
{
  return MIN (MIN (width / bounds->width, height / bounds->height), 2.0);
}

/* The persona cards, drawn by the map's painter as on the map and in its
 * exports, at @scale: right-aligned and centred in @room when they stand
 * beside the title, else at the bottom left of it. */
static void
add_persona_cards (GArray       *boxes,
                   WmLayout     *map,
                   const WmRect *room,
                   double        scale,
                   gboolean      beside)
{
  WmSlideBox box = { .kind = WM_SLIDE_BOX_MAP, .role = WM_SLIDE_ROLE_PERSONA_CARDS };
  WmRect bounds = persona_bounds (map);
  double width = bounds.width * scale, height = bounds.height * scale;

  box.scale = scale;
  if (beside)
    box.rect = (WmRect) { room->x + room->width - width, room->y + (room->height - height) / 2, width, height };
  else
    box.rect = (WmRect) { room->x, room->y + room->height - height, width, height };
  box.map = wm_layout_ref (map);
  box.area = bounds;
  box.margin = 8;
  box.flags = WM_PAINT_TRANSPARENT;
  g_array_append_val (boxes, box);
}

/* The map's kind, title and goal from the top left, in @width; returns
 * where they end. */
static double
add_title_texts (GArray     *boxes,
                 WmDocument *document,
                 double      width)
{
  static const TextFit title_fits[] = { { 88, 2 }, { 68, 3 }, { 52, 4 } };
  static const TextFit goal_fits[] = { { 34, 3 }, { 28, 5 }, { 24, 8 } };
  g_autofree char *title = wm_layout_map_title (document);
  g_autofree char *kind = g_utf8_strup (wm_map_kind_get_display_name (wm_document_get_kind (document)), -1);
  double y = 130;

  y += add_box (boxes, text_box (WM_SLIDE_ROLE_KIND, kind, 28, PANGO_WEIGHT_BOLD, FALSE, MARGIN, y,
                                 MIN (width, 1400), 1, WM_SLIDE_INK_ACCENT)) + 20;
  y += add_fitted_text (boxes, WM_SLIDE_ROLE_TITLE, title, title_fits, G_N_ELEMENTS (title_fits),
                        PANGO_WEIGHT_BOLD, MARGIN, y, width, WM_SLIDE_INK) + 28;
  y += add_fitted_text (boxes, WM_SLIDE_ROLE_GOAL, wm_document_get_goal (document), goal_fits,
                        G_N_ELEMENTS (goal_fits), PANGO_WEIGHT_NORMAL, MARGIN, y, MIN (width, 1400), WM_SLIDE_INK_SOFT);
  return y;
}

/* Persona cards show every section, so they are tall: beside the title
 * they can be drawn larger than in the strip below it, and then stand
 * there, leaving the title this much room at least. */
#define TITLE_BESIDE_CARDS_MIN_WIDTH 720.0
#define PERSONA_CARDS_BOTTOM (WM_SLIDE_HEIGHT - 72)

/**
 * wm_slide_layout_new_title:
 * @map: @document's layout, in the slides' style
 *
 * Returns: (transfer full): the title slide: the map's kind, title and
 *   goal, and its persona cards below or beside them, wherever they are
 *   drawn the larger
 */
WmSlideLayout *
wm_slide_layout_new_title (WmDocument *document,
                           WmLayout   *map)
{
  WmSlideLayout *layout = layout_new ();
  const double full_width = WM_SLIDE_WIDTH - 2 * MARGIN;
  double y = add_title_texts (layout->boxes, document, full_width);
  WmRect bounds, below, beside;
  double below_scale, beside_scale;

  if (map->personas->len == 0)
    return layout;
  bounds = persona_bounds (map);
  below = (WmRect) { MARGIN, MAX (600, y + 56), full_width, 0 };
  below.height = PERSONA_CARDS_BOTTOM - below.y;
  below_scale = fit_scale (&bounds, below.width, below.height);
  beside = (WmRect) { MARGIN + TITLE_BESIDE_CARDS_MIN_WIDTH + COLUMN_GAP, HEAD_TOP, 0,
                      PERSONA_CARDS_BOTTOM - HEAD_TOP };
  beside.width = WM_SLIDE_WIDTH - MARGIN - beside.x;
  beside_scale = fit_scale (&bounds, beside.width, beside.height);

  if (beside_scale <= below_scale)
    {
      add_persona_cards (layout->boxes, map, &below, below_scale, FALSE);
      return layout;
    }
  /* The title takes what the cards leave. */
  beside.x = WM_SLIDE_WIDTH - MARGIN - bounds.width * beside_scale;
  beside.width = bounds.width * beside_scale;
  g_array_set_size (layout->boxes, 0);
  add_title_texts (layout->boxes, document, beside.x - COLUMN_GAP - MARGIN);
  add_persona_cards (layout->boxes, map, &beside, beside_scale, TRUE);
  return layout;
}

/**
 * wm_slide_layout_new_overview:
 * @map: a document's layout, in the slides' style
 *
 * Returns: (transfer full): the overview: the grid of stages and lanes,
 *   with the emotion curve, as large as the slide allows; the title and
 *   the personas had a slide of their own
 */
WmSlideLayout *
wm_slide_layout_new_overview (WmLayout *map)
{
  WmSlideLayout *layout = layout_new ();
  const WmRect *grid = &map->grid;
  gboolean funnel = wm_funnel_has_data (map->document);
  /* The funnel takes the foot of the slide when the stages count their
   * customers; the map is centred in what is left. */
  double funnel_height = funnel ? OVERVIEW_FUNNEL_HEIGHT : 0;
  double area_width = WM_SLIDE_WIDTH - 2 * 48, area_height = WM_SLIDE_HEIGHT - 2 * 48 - funnel_height;
  double scale = MIN (area_width / grid->width, area_height / grid->height);
  WmSlideBox box = {
    .kind = WM_SLIDE_BOX_MAP,
    .role = WM_SLIDE_ROLE_GRID,
    .rect = { (WM_SLIDE_WIDTH - grid->width * scale) / 2, 48 + (area_height - grid->height * scale) / 2,
              grid->width * scale, grid->height * scale },
    .scale = scale,
    .map = wm_layout_ref (map),
    .area = *grid,
    .flags = scale < WM_SLIDE_OVERVIEW_MIN_TEXT_SCALE ? WM_PAINT_CARD_SHAPES : WM_PAINT_DEFAULT,
  };

  g_array_append_val (layout->boxes, box);
  if (funnel)
    {
      WmSlideBox band = {
        .kind = WM_SLIDE_BOX_FUNNEL,
        .role = WM_SLIDE_ROLE_FUNNEL,
        .rect = { 48, WM_SLIDE_HEIGHT - 48 - OVERVIEW_FUNNEL_HEIGHT + 24, WM_SLIDE_WIDTH - 2 * 48,
                  OVERVIEW_FUNNEL_HEIGHT - 24 },
        .scale = 1,
        .map = wm_layout_ref (map),
      };

      g_array_append_val (layout->boxes, band);
    }
  return layout;
}
