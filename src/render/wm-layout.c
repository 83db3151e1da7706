/* wm-layout.c: the geometry of a map, computed once and read by the
 * painter, the canvas and the tests.
 *
 * Top to bottom: the header (kind, title, goal, scope, persona cards),
 * then the grid: a row of stage headers, and one row per lane with its
 * header on the left. Cards stack in their cells; a card that spans
 * stages sits below everything already placed in any column it covers,
 * so nothing overlaps. The emotion lane holds one curve per persona.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "wm-column-heights.h"
#include "wm-diff.h"
#include "wm-layout.h"
#include "wm-layout-text.h"
#include "wm-persona-sections.h"
#include "wm-photo.h"

#define MIN_HEADER_WIDTH 720.0
#define TITLE_MAX_WIDTH 960.0
#define GOAL_MAX_WIDTH 780.0
#define PERSONA_GAP 16.0
#define PERSONA_PADDING 16.0
#define STAGE_HEADER_PADDING 12.0
#define STAGE_BAND 6.0
#define STAGE_NAME_MAX_LINES 2
#define STAGE_DESCRIPTION_MAX_LINES 4
#define LANE_TITLE_MAX_LINES 3
#define CARD_TEXT_MAX_LINES 12
/* Titles are meant to be read whole; this only keeps an absurd one from
 * making a card taller than any screen. */
#define CARD_TITLE_MAX_LINES 20
#define CARD_HINT_LINES 2
#define LABEL_MAX_LINES 3
#define LABEL_GAP 6.0
#define CURVE_PADDING 24.0
/* A card's picture is decoded with its shorter side this long: twice a
 * storyboard frame of a wide stage, sharp when zoomed in or printed. */
#define PICTURE_DECODE_SIDE 360

/* Curves of personas without a colour of their own. */
static const char *curve_colors[] = { "#e66100", "#1c71d8", "#9141ac", "#26a269", "#c01c28" };

static void
clear_curve (gpointer data)
{
  WmCurve *curve = data;

  g_clear_pointer (&curve->points, g_array_unref);
}

gboolean
wm_rect_intersects (const WmRect *a,
                    const WmRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
wm_rect_contains_rect (const WmRect *outer,
                       const WmRect *inner,
                       double        tolerance)
{
  return inner->x >= outer->x - tolerance
         && inner->y >= outer->y - tolerance
         && inner->x + inner->width <= outer->x + outer->width + tolerance
         && inner->y + inner->height <= outer->y + outer->height + tolerance;
}

static double
text_height (WmTextMeasure *measure,
             WmFontRole     role,
             int            lines)
{
  return wm_text_measure_height (measure, role, lines);
}

/* Lines of @text at @width, but never more than @max_lines: the painter
 * ellipsizes the rest. */
static int
capped_lines (WmTextMeasure *measure,
              WmFontRole     role,
              const char    *text,
              double         width,
              int            max_lines)
{
  int lines = wm_text_measure_lines (measure, role, text, width);

  return MIN (lines, max_lines);
}

/* Header */

/* The hint an empty field shows in its place, when the map is laid out
 * for the editor: the layout keeps room for it there, and only there. */
static const char *
shown_hint (WmLayout   *self,
            WmElement  *element,
            const char *property)
{
  const char *hint;

  if (!(self->flags & WM_LAYOUT_HINTS))
    return NULL;
  hint = wm_element_get_hint (element, property);
  return *hint != '\0' ? hint : NULL;
}

/* The longest a persona's texts get on its card. They are meant to be
 * read whole and normally fit; these only keep a pasted interview from
 * making a card taller than any page. What is left out is said on a
 * last line, and the persona editor shows it all. */
#define PERSONA_ROLE_MAX_LINES 4
#define PERSONA_QUOTE_MAX_LINES 6
#define PERSONA_TEXT_MAX_LINES 10
#define PERSONA_ITEM_MAX_LINES 4
#define PERSONA_LIST_MAX_LINES 14
#define PERSONA_SECTION_GAP 12.0
#define PERSONA_ITEM_GAP 3.0
#define PERSONA_BULLET_INDENT 12.0

/* Whether the section has anything to show. */
static gboolean
section_has_content (WmPersona         *persona,
                     const WmFieldInfo *field)
{
  if (wm_persona_section_is_list (field))
    {
      const char * const *items = wm_persona_section_items (persona, field);

      return items != NULL && items[0] != NULL;
    }
  else
    {
      const char *text = wm_persona_section_text (persona, field);

      return text != NULL && *text != '\0';
    }
}

/* Lays out @section from its rect's top at its rect's width, and
 * returns its height. */
static double
layout_persona_section (WmTextMeasure    *measure,
                        WmPersona        *persona,
                        WmPersonaSection *section)
{
  const WmFieldInfo *field = section->field;
  g_autofree char *heading = wm_persona_section_heading (field);
  double y = 0;

  section->n_items = 0;
  section->n_more = 0;
  section->cut = FALSE;
  if (heading != NULL)
    y += text_height (measure, WM_FONT_SMALL_BOLD, 1) + 4;
  section->items_y = section->rect.y + y;

  if (section->hint)
    {
      const char *hint = wm_element_get_hint (WM_ELEMENT (persona), field->property);

      section->n_items = 1;
      section->item_lines[0] = capped_lines (measure, WM_FONT_QUOTE, hint, section->rect.width,
                                             PERSONA_QUOTE_MAX_LINES);
      y += text_height (measure, WM_FONT_QUOTE, section->item_lines[0]);
    }
  else if (wm_persona_section_is_list (field))
    {
      const char * const *items = wm_persona_section_items (persona, field);
      double width = section->rect.width - PERSONA_BULLET_INDENT;
      int used = 0;
      guint i;

      for (i = 0; items[i] != NULL && i < WM_PERSONA_MAX_ITEMS; i++)
        {
          int lines = MAX (1, wm_text_measure_lines (measure, WM_FONT_SMALL,
                                                    wm_persona_section_item_text (field, items[i]), width));
          int shown = MIN (lines, PERSONA_ITEM_MAX_LINES);

          if (i > 0 && used + shown > PERSONA_LIST_MAX_LINES)
            break;
          section->cut |= lines > shown;
          section->item_lines[i] = shown;
          used += shown;
          y += text_height (measure, WM_FONT_SMALL, shown) + PERSONA_ITEM_GAP;
        }
      section->n_items = i;
      /* Counting stops early: a list of millions costs no more than a
       * list of a few. */
      for (; items[i] != NULL && section->n_more < G_MAXUINT; i++)
        section->n_more++;
    }
  else
    {
      const char *text = wm_persona_section_text (persona, field);
      gboolean quote = heading == NULL;
      WmFontRole role = quote ? WM_FONT_QUOTE : WM_FONT_SMALL;
      int max_lines = quote ? PERSONA_QUOTE_MAX_LINES : PERSONA_TEXT_MAX_LINES;
      g_autofree char *shown = quote ? wm_layout_quoted (text) : NULL;
      int lines = MAX (1, wm_text_measure_lines (measure, role, shown != NULL ? shown : text, section->rect.width));

      section->n_items = 1;
      section->item_lines[0] = MIN (lines, max_lines);
      section->cut = lines > max_lines;
      y += text_height (measure, role, section->item_lines[0]);
    }

  if (section->n_more > 0 || section->cut)
    y += 2 + text_height (measure, WM_FONT_SMALL, 1);
  section->rect.height = y;
  return y;
}

static double
layout_persona (WmLayout      *self,
                WmTextMeasure *measure,
                WmPersonaBox  *box,
                guint          index)
{
  WmStyle *style = self->style;
  double inner = style->persona_width - 2 * PERSONA_PADDING;
  double column = (inner - PERSONA_GAP) / 2;
  double text_x = style->persona_photo_size + 14;
  double left = box->rect.x + PERSONA_PADDING;
  double y = box->rect.y + PERSONA_PADDING;
  g_autofree char *role_line = wm_layout_persona_role_line (box->persona);
  const char *role_hint = *role_line == '\0' ? shown_hint (self, WM_ELEMENT (box->persona), "role") : NULL;
  WmFontRole role_font = role_hint != NULL ? WM_FONT_QUOTE : WM_FONT_SMALL;
  const WmFieldInfo * const *fields;
  guint n_fields, n_lists = 0, list = 0;

  if (!wm_color_parse (&box->color, wm_persona_get_color (box->persona)))
    wm_color_parse (&box->color, curve_colors[index % G_N_ELEMENTS (curve_colors)]);

  box->photo = (WmRect) { left, y, style->persona_photo_size, style->persona_photo_size };
  box->name_y = y + 6;
  box->role_y = box->name_y + text_height (measure, WM_FONT_PERSONA_NAME, 1) + 2;
  box->role_lines = capped_lines (measure, role_font, role_hint != NULL ? role_hint : role_line, inner - text_x,
                                  PERSONA_ROLE_MAX_LINES);
  y += MAX (style->persona_photo_size, box->role_y - y + text_height (measure, role_font, box->role_lines));

  box->n_sections = 0;
  fields = wm_persona_sections (&n_fields);
  for (guint i = 0; i < n_fields && box->n_sections < WM_PERSONA_MAX_SECTIONS; i++)
    {
      gboolean content = section_has_content (box->persona, fields[i]);

      if (content || shown_hint (self, WM_ELEMENT (box->persona), fields[i]->property) != NULL)
        {
          box->sections[box->n_sections++] = (WmPersonaSection) { .field = fields[i], .hint = !content };
          n_lists += wm_persona_section_is_list (fields[i]);
        }
    }

  /* The texts across the card, then the lists two by two, side by side;
   * a list left over at the end has the card's width to itself. */
  for (guint i = 0; i < box->n_sections; i++)
    {
      WmPersonaSection *section = &box->sections[i];

      if (!wm_persona_section_is_list (section->field))
        {
          y += PERSONA_SECTION_GAP;
          section->rect = (WmRect) { left, y, inner, 0 };
          y += layout_persona_section (measure, box->persona, section);
        }
      else if (list % 2 == 0)
        {
          gboolean alone = list + 1 == n_lists;
          double height;

          y += PERSONA_SECTION_GAP;
          section->rect = (WmRect) { left, y, alone ? inner : column, 0 };
          height = layout_persona_section (measure, box->persona, section);
          if (!alone)
            {
              WmPersonaSection *next = &box->sections[i + 1];

              next->rect = (WmRect) { left + column + PERSONA_GAP, y, column, 0 };
              height = MAX (height, layout_persona_section (measure, box->persona, next));
              list++;
              i++;
            }
          y += height;
          list++;
        }
    }

  return y + PERSONA_PADDING - box->rect.y;
}

/**
 * wm_layout_persona_more:
 * @section: a section of a persona card
 *
 * Returns: (transfer full) (nullable): the last line of a section that
 *   could not show everything, saying what is left out
 */
char *
wm_layout_persona_more (const WmPersonaSection *section)
{
  if (section->n_more > 0)
    /* Translators: below a persona's list on the map, the entries left out */
    return g_strdup_printf (ngettext ("+%u more", "+%u more", section->n_more), section->n_more);
  if (section->cut)
    return g_strdup (_("Full text in the persona editor"));
  return NULL;
}

static void
layout_header (WmLayout      *self,
               WmTextMeasure *measure,
               double         content_width,
               double        *y)
{
  WmStyle *style = self->style;
  WmDocument *document = self->document;
  double x = style->margin;
  double title_width = MIN (content_width, TITLE_MAX_WIDTH);
  double goal_width = MIN (content_width, GOAL_MAX_WIDTH);
  GListModel *personas = wm_document_get_personas (document);
  guint n_personas = g_list_model_get_n_items (personas);
  g_autofree char *title = wm_layout_map_title (document);
  const char *goal = wm_document_get_goal (document);
  const char *scope = wm_document_get_scope (document);
  const char *goal_hint = *goal == '\0' ? shown_hint (self, WM_ELEMENT (document), "goal") : NULL;
  const char *scope_hint = *scope == '\0' ? shown_hint (self, WM_ELEMENT (document), "scope") : NULL;
  WmFontRole goal_font = goal_hint != NULL ? WM_FONT_QUOTE : WM_FONT_BODY;
  WmFontRole scope_font = scope_hint != NULL ? WM_FONT_QUOTE : WM_FONT_SMALL;

  self->kind_label = (WmRect) { x, *y, title_width, text_height (measure, WM_FONT_MAP_SUBTITLE, 1) };
  *y += self->kind_label.height + 4;

  self->title_lines = capped_lines (measure, WM_FONT_MAP_TITLE, title, title_width, 3);
  self->title = (WmRect) { x, *y, title_width, text_height (measure, WM_FONT_MAP_TITLE, self->title_lines) };
  *y += self->title.height;

  self->goal_lines = wm_text_measure_lines (measure, goal_font, goal_hint != NULL ? goal_hint : goal, goal_width);
  self->goal = (WmRect) { x, *y, goal_width, text_height (measure, goal_font, self->goal_lines) };
  if (self->goal_lines > 0)
    {
      self->goal.y += 10;
      *y += 10 + self->goal.height;
    }

  self->scope_lines = wm_text_measure_lines (measure, scope_font, scope_hint != NULL ? scope_hint : scope, goal_width);
  self->scope = (WmRect) { x, *y, goal_width, text_height (measure, scope_font, self->scope_lines) };
  if (self->scope_lines > 0)
    {
      self->scope.y += 8;
      *y += 8 + self->scope.height;
    }

  if (n_personas > 0)
    {
      guint per_row = MAX (1, (guint) ((content_width + PERSONA_GAP) / (style->persona_width + PERSONA_GAP)));
      double row_y = *y + 24;

      g_array_set_size (self->personas, n_personas);
      for (guint first = 0; first < n_personas; first += per_row)
        {
          double row_height = 0;
          guint last = MIN (n_personas, first + per_row);

          for (guint i = first; i < last; i++)
            {
              WmPersonaBox *box = &g_array_index (self->personas, WmPersonaBox, i);
              double height;

              box->persona = g_list_model_get_item (personas, i);
              g_object_unref (box->persona);  /* the document keeps it alive */
              box->rect = (WmRect) { x + (i - first) * (style->persona_width + PERSONA_GAP), row_y,
                                     style->persona_width, 0 };
              height = layout_persona (self, measure, box, i);
              row_height = MAX (row_height, height);
            }
          /* Cards in a row share a height, so the row reads as one band. */
          for (guint i = first; i < last; i++)
            g_array_index (self->personas, WmPersonaBox, i).rect.height = row_height;
          row_y += row_height + PERSONA_GAP;
        }
      *y = row_y - PERSONA_GAP;
    }
}

/* Stages */

/* A stage's own width, or the theme's. */
static double
stage_width (WmStyle *style,
             WmStage *stage)
{
  int width = wm_stage_get_width (stage);

  return width > 0 ? width : style->stage_width;
}

static double
all_stages_width (WmDocument *document,
                  WmStyle    *style)
{
  GListModel *stages = wm_document_get_stages (document);
  double width = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, i);

      width += stage_width (style, stage);
    }
  return width;
}

static void
layout_columns (WmLayout      *self,
                WmTextMeasure *measure,
                double         top)
{
  WmStyle *style = self->style;
  GListModel *stages = wm_document_get_stages (self->document);
  guint n_stages = g_list_model_get_n_items (stages);
  double header_height = 64;
  double x = self->grid.x + style->lane_header_width;
  int previous_customers = 0;

  g_array_set_size (self->columns, n_stages);
  for (guint i = 0; i < n_stages; i++)
    {
      WmStageColumn *column = &g_array_index (self->columns, WmStageColumn, i);
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, i);
      g_autofree char *name = wm_layout_stage_name (stage, i);
      g_autofree char *facts = NULL;
      int customers = wm_stage_get_customers (stage);
      double inner;
      double height;

      column->stage = stage;
      column->x = x;
      column->width = stage_width (style, stage);
      x += column->width;
      inner = column->width - 2 * STAGE_HEADER_PADDING;
      column->dropoff = -1;
      if (customers > 0 && previous_customers > 0)
        column->dropoff = 1.0 - (double) customers / previous_customers;
      previous_customers = customers;

      column->name_lines = capped_lines (measure, WM_FONT_STAGE_NAME, name, inner, STAGE_NAME_MAX_LINES);
      column->description_lines = capped_lines (measure, WM_FONT_SMALL, wm_stage_get_description (stage),
                                                inner, STAGE_DESCRIPTION_MAX_LINES);
      facts = wm_layout_stage_facts (column);

      height = STAGE_BAND + STAGE_HEADER_PADDING
               + text_height (measure, WM_FONT_SMALL_BOLD, 1) + 2
               + text_height (measure, WM_FONT_STAGE_NAME, column->name_lines)
               + STAGE_HEADER_PADDING;
      if (column->description_lines > 0)
        height += 4 + text_height (measure, WM_FONT_SMALL, column->description_lines);
      if (facts != NULL)
        height += 6 + text_height (measure, WM_FONT_SMALL_BOLD, 1);
      header_height = MAX (header_height, height);
    }

  self->stage_header_height = ceil (header_height);
  for (guint i = 0; i < n_stages; i++)
    {
      WmStageColumn *column = &g_array_index (self->columns, WmStageColumn, i);

      column->header = (WmRect) { column->x, top, column->width, self->stage_header_height };
    }
}

/* Cards */

typedef struct
{
  GHashTable *stage_index;  /* id → index + 1 */
  GHashTable *lane_index;
  GPtrArray **by_lane;      /* the cards of each lane, in document order */
} CardIndex;

static void
card_index_init (CardIndex  *index,
                 WmLayout   *self)
{
  GListModel *cards = wm_document_get_cards (self->document);
  guint n_rows = self->rows->len;

  index->stage_index = g_hash_table_new (g_str_hash, g_str_equal);
  index->lane_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->columns->len; i++)
    g_hash_table_insert (index->stage_index,
                         (gpointer) wm_element_get_id (WM_ELEMENT (g_array_index (self->columns, WmStageColumn, i).stage)),
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < n_rows; i++)
    g_hash_table_insert (index->lane_index,
                         (gpointer) wm_element_get_id (WM_ELEMENT (g_array_index (self->rows, WmLaneRow, i).lane)),
                         GUINT_TO_POINTER (i + 1));

  index->by_lane = g_new0 (GPtrArray *, MAX (n_rows, 1));
  for (guint i = 0; i < n_rows; i++)
    index->by_lane[i] = g_ptr_array_new ();

  for (guint i = 0, n = g_list_model_get_n_items (cards); i < n; i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);
      guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (index->lane_index, wm_card_get_lane (card)));

      if (lane > 0)
        g_ptr_array_add (index->by_lane[lane - 1], card);
    }
}

static void
card_index_clear (CardIndex *index,
                  guint      n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    g_ptr_array_unref (index->by_lane[i]);
  g_free (index->by_lane);
  g_hash_table_unref (index->stage_index);
  g_hash_table_unref (index->lane_index);
}

/* Puts @cards in stage order, cards of one stage in the order they had,
 * by counting: linear in the cards, where sorting would compare each
 * card's stage many times over. Fills @stages with each card's stage
 * place, counting from 1; 0 for a stage the map does not have. */
static void
order_by_stage (GPtrArray  *cards,
                GHashTable *stage_index,
                guint       n_stages,
                guint      *stages)
{
  g_autofree guint *first = g_new0 (guint, n_stages + 2);
  g_autofree guint *place = g_new (guint, MAX (cards->len, 1));
  g_autofree gpointer *sorted = g_new (gpointer, MAX (cards->len, 1));

  for (guint i = 0; i < cards->len; i++)
    {
      place[i] = GPOINTER_TO_UINT (g_hash_table_lookup (stage_index, wm_card_get_stage (g_ptr_array_index (cards, i))));
      first[place[i] + 1]++;
    }
  for (guint s = 1; s <= n_stages + 1; s++)
    first[s] += first[s - 1];
  for (guint i = 0; i < cards->len; i++)
    {
      guint at = first[place[i]]++;

      sorted[at] = g_ptr_array_index (cards, i);
      stages[at] = place[i];
    }
  if (cards->len > 0)
    memcpy (cards->pdata, sorted, cards->len * sizeof (gpointer));
}

static double
measure_card_content (WmLayout      *self,
                      WmTextMeasure *measure,
                      WmCardBox     *box)
{
  WmStyle *style = self->style;
  double inner = wm_layout_card_inner_width (self, box);
  g_autofree char *footer = wm_layout_card_footer (box->card);
  const char *title = wm_card_get_title (box->card);
  double y = style->card_padding;
  GBytes *picture = wm_card_get_picture (box->card);

  /* A storyboard shows the moment's picture as a 4:3 frame, the title
   * below it; other lanes show a strip of it across the card's top. */
  box->storyboard = g_array_index (self->rows, WmLaneRow, box->lane_index).kind == WM_LANE_KIND_STORYBOARD;
  box->picture_y = y;
  box->picture_height = 0;
  if (picture != NULL && inner > 0)
    {
      box->picture_height = floor (box->storyboard ? inner * 3 / 4 : MIN (inner * 3 / 4, style->picture_strip_height));
      y += box->picture_height + 6;
    }

  box->has_badges = wm_layout_card_has_badges (box->card);
  if (box->has_badges)
    y += style->badge_size + 6;

  box->title_y = y;
  box->title_lines = capped_lines (measure, WM_FONT_CARD_TITLE, title, inner, CARD_TITLE_MAX_LINES);
  /* An empty card keeps room for its hint, so that the card has the same
   * size on screen, where the hint shows, as in an export, where it does
   * not. The room does not depend on the hint's words, which no export
   * may give away. */
  if (box->title_lines == 0 && *wm_element_get_hint (WM_ELEMENT (box->card), "title") != '\0')
    box->title_lines = CARD_HINT_LINES;
  y += text_height (measure, WM_FONT_CARD_TITLE, box->title_lines);

  box->text_lines = capped_lines (measure, WM_FONT_CARD_TEXT, wm_card_get_text (box->card), inner, CARD_TEXT_MAX_LINES);
  if (box->text_lines > 0)
    {
      y += box->title_lines > 0 ? 4 : 0;
      box->text_y = y;
      y += text_height (measure, WM_FONT_CARD_TEXT, box->text_lines);
    }

  box->footer_lines = capped_lines (measure, WM_FONT_SMALL, footer, inner, 4);
  if (box->footer_lines > 0)
    {
      y += 8;
      box->footer_y = y;
      y += text_height (measure, WM_FONT_SMALL, box->footer_lines);
    }

  /* An empty card still shows as a card. */
  y = MAX (y, style->card_padding + text_height (measure, WM_FONT_CARD_TITLE, 1));
  return ceil (y + style->card_padding);
}

/* What measuring a card found, kept for the next layout: a card whose
 * fields and width are unchanged is not measured again. */
typedef struct
{
  WmCard *card;             /* a reference, so that its address is not reused */
  guint revision;
  double inner_width;
  guint generation;         /* of the last layout that used it */
  WmCardBox box;            /* the measured parts */
  double height;
} CardMemo;

struct _WmLayoutCache
{
  GHashTable *cards;        /* WmCard → CardMemo */
  GHashTable *pictures;     /* see WmLayout.pictures */
  WmStyle *style;           /* what the cards were measured in */
  guint generation;
};

static void
destroy_surface (gpointer surface)
{
  if (surface != NULL)
    cairo_surface_destroy (surface);
}

/* Keyed by the picture's bytes themselves, which a card keeps while its
 * picture is unchanged (and undo brings back), so that neither an edit
 * of the card nor a new layout decodes it again. */
static GHashTable *
new_picture_table (void)
{
  return g_hash_table_new_full (NULL, NULL, (GDestroyNotify) g_bytes_unref, destroy_surface);
}

/**
 * wm_picture_table_new:
 *
 * Returns: (transfer full): a table of decoded card pictures for
 *   wm_picture_table_get(), empty
 */
GHashTable *
wm_picture_table_new (void)
{
  return new_picture_table ();
}

/**
 * wm_picture_table_get:
 * @pictures: from wm_picture_table_new(), every picture in it decoded
 *   at @min_side
 * @bytes: (nullable): a card's picture
 * @min_side: the decoded picture's shorter side, at most
 *
 * Decodes @bytes the first time it is asked for, and keeps it.
 *
 * Returns: (transfer none) (nullable): the picture, or %NULL when there
 *   is none or it cannot be read
 */
cairo_surface_t *
wm_picture_table_get (GHashTable *pictures,
                      GBytes     *bytes,
                      int         min_side)
{
  cairo_surface_t *picture;

  if (bytes == NULL)
    return NULL;
  if (g_hash_table_lookup_extended (pictures, bytes, NULL, (gpointer *) &picture))
    return picture;

  picture = wm_photo_decode_whole (bytes, min_side);
  g_hash_table_insert (pictures, g_bytes_ref (bytes), picture);
  return picture;
}

/* Drops the decoded pictures no card of the new layout has: removed or
 * replaced ones. One look at each card, and only when any is kept. */
static void
prune_pictures (WmLayout *self)
{
  g_autoptr(GHashTable) used = NULL;
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (self->pictures) == 0)
    return;
  used = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->cards->len; i++)
    {
      GBytes *picture = wm_card_get_picture (g_array_index (self->cards, WmCardBox, i).card);

      if (picture != NULL)
        g_hash_table_add (used, picture);
    }
  g_hash_table_iter_init (&iter, self->pictures);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (used, key))
      g_hash_table_iter_remove (&iter);
}

static void
card_memo_free (gpointer data)
{
  CardMemo *memo = data;

  g_object_unref (memo->card);
  g_free (memo);
}

/**
 * wm_layout_cache_new:
 *
 * Returns: (transfer full): a cache that lets wm_layout_new_cached() skip
 *   measuring what has not changed since the layout before
 */
WmLayoutCache *
wm_layout_cache_new (void)
{
  WmLayoutCache *cache = g_new0 (WmLayoutCache, 1);

  cache->cards = g_hash_table_new_full (NULL, NULL, NULL, card_memo_free);
  cache->pictures = new_picture_table ();
  return cache;
}

void
wm_layout_cache_free (WmLayoutCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->cards);
  g_hash_table_unref (cache->pictures);
  g_clear_pointer (&cache->style, wm_style_unref);
  g_free (cache);
}

/* Starts a layout with @cache: measurements in another style are void. */
static void
cache_begin (WmLayoutCache *cache,
             WmStyle       *style)
{
  if (cache->style != style)
    {
      g_hash_table_remove_all (cache->cards);
      g_clear_pointer (&cache->style, wm_style_unref);
      cache->style = wm_style_ref (style);
    }
  cache->generation++;
}

/* Forgets the cards the layout just made did not show: deleted ones. */
static void
cache_end (WmLayoutCache *cache)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, cache->cards);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((CardMemo *) value)->generation != cache->generation)
      g_hash_table_iter_remove (&iter);
}

static double
layout_card_content (WmLayout      *self,
                     WmTextMeasure *measure,
                     WmCardBox     *box)
{
  WmLayoutCache *cache = self->cache;
  double inner = wm_layout_card_inner_width (self, box);
  guint revision = wm_element_get_revision (WM_ELEMENT (box->card));
  CardMemo *memo = cache != NULL ? g_hash_table_lookup (cache->cards, box->card) : NULL;

  gboolean storyboard = g_array_index (self->rows, WmLaneRow, box->lane_index).kind == WM_LANE_KIND_STORYBOARD;

  if (memo != NULL && memo->revision == revision && memo->inner_width == inner && memo->box.storyboard == storyboard)
    {
      box->storyboard = memo->box.storyboard;
      box->picture_y = memo->box.picture_y;
      box->picture_height = memo->box.picture_height;
      box->has_badges = memo->box.has_badges;
      box->title_lines = memo->box.title_lines;
      box->text_lines = memo->box.text_lines;
      box->footer_lines = memo->box.footer_lines;
      box->title_y = memo->box.title_y;
      box->text_y = memo->box.text_y;
      box->footer_y = memo->box.footer_y;
      memo->generation = cache->generation;
      return memo->height;
    }
  if (cache == NULL)
    return measure_card_content (self, measure, box);
  if (memo == NULL)
    {
      memo = g_new0 (CardMemo, 1);
      memo->card = g_object_ref (box->card);
      g_hash_table_insert (cache->cards, box->card, memo);
    }
  memo->revision = revision;
  memo->inner_width = inner;
  memo->generation = cache->generation;
  memo->height = measure_card_content (self, measure, box);
  memo->box = *box;
  return memo->height;
}

/* Places the cards of one lane and returns the height its tallest
 * column of cards needs. */
static double
layout_lane_cards (WmLayout      *self,
                   WmTextMeasure *measure,
                   CardIndex     *index,
                   guint          lane_index,
                   double         top)
{
  WmStyle *style = self->style;
  guint n_stages = self->columns->len;
  g_autoptr(WmColumnHeights) bottom = wm_column_heights_new (n_stages, top + style->cell_padding);
  GPtrArray *cards = index->by_lane[lane_index];
  g_autofree guint *stages = g_new (guint, MAX (cards->len, 1));
  double lowest = top;

  order_by_stage (cards, index->stage_index, n_stages, stages);
  for (guint i = 0; i < cards->len; i++)
    {
      WmCard *card = g_ptr_array_index (cards, i);
      guint stage = stages[i];
      const WmStageColumn *first, *last;
      WmCardBox box = { 0 };
      double y = 0;
      int span;

      if (stage == 0)
        continue;
      span = wm_card_get_span (card);  /* once: CLAMP () reads it thrice */
      box.card = card;
      box.stage_index = stage - 1;
      box.lane_index = lane_index;
      box.span = CLAMP (span, 1, (int) (n_stages - box.stage_index));
      first = &g_array_index (self->columns, WmStageColumn, box.stage_index);
      last = &g_array_index (self->columns, WmStageColumn, box.stage_index + box.span - 1);
      y = wm_column_heights_max (bottom, box.stage_index, box.span);

      /* The columns lie side by side: the span is as wide as from the
       * first one's left edge to the last one's right. */
      box.rect.x = first->x + style->cell_padding;
      box.rect.y = y;
      box.rect.width = last->x + last->width - first->x - 2 * style->cell_padding;
      box.rect.height = layout_card_content (self, measure, &box);

      wm_column_heights_set (bottom, box.stage_index, box.span, y + box.rect.height + style->card_gap);
      lowest = MAX (lowest, y + box.rect.height);
      g_array_append_val (self->cards, box);
    }

  return lowest + style->cell_padding - top;
}

/* Emotion curves */

double
wm_layout_level_y (WmLayout        *self,
                   const WmLaneRow *row,
                   double           score)
{
  double top = row->y + CURVE_PADDING;
  int levels = self->emotion_levels;

  /* The best level is at the top. */
  return top + (levels - CLAMP (score, 1, levels)) * self->style->emotion_level_height;
}

/* The slope at each point of a smooth line that never overshoots between
 * two points (Fritsch–Carlson monotone cubic interpolation), so it
 * cannot suggest a feeling beyond the scale. Worked out once here, so
 * that painting a part of the curve needs only the points in that part. */
static void
compute_tangents (GArray *points)
{
  guint n = points->len;
  g_autofree double *slope = NULL;

  if (n == 0)
    return;
  slope = g_new0 (double, n);

#define TANGENT(i) (g_array_index (points, WmCurvePoint, (i)).tangent)
  for (guint i = 0; i + 1 < n; i++)
    {
      const WmCurvePoint *a = &g_array_index (points, WmCurvePoint, i);
      const WmCurvePoint *b = &g_array_index (points, WmCurvePoint, i + 1);
      double dx = b->x - a->x;

      slope[i] = dx > 0.001 ? (b->y - a->y) / dx : 0;
    }
  TANGENT (0) = n > 1 ? slope[0] : 0;
  TANGENT (n - 1) = n > 1 ? slope[n - 2] : 0;
  for (guint i = 1; i + 1 < n; i++)
    TANGENT (i) = slope[i - 1] * slope[i] <= 0 ? 0 : (slope[i - 1] + slope[i]) / 2;
  for (guint i = 0; i + 1 < n; i++)
    {
      double alpha, beta, sum;

      if (fabs (slope[i]) < 1e-9)
        {
          TANGENT (i) = TANGENT (i + 1) = 0;
          continue;
        }
      alpha = TANGENT (i) / slope[i];
      beta = TANGENT (i + 1) / slope[i];
      sum = alpha * alpha + beta * beta;
      if (sum > 9)
        {
          double tau = 3 / sqrt (sum);

          TANGENT (i) = tau * alpha * slope[i];
          TANGENT (i + 1) = tau * beta * slope[i];
        }
    }
#undef TANGENT
}

static WmRect
union_rect (const WmRect *a,
            const WmRect *b)
{
  double x, y;

  if (a->width < 0)
    return *b;
  if (b->width < 0)
    return *a;
  x = MIN (a->x, b->x);
  y = MIN (a->y, b->y);
  return (WmRect) { x, y, MAX (a->x + a->width, b->x + b->width) - x, MAX (a->y + a->height, b->y + b->height) - y };
}

/* Builds the tree of card bounds that wm_layout_cards_in() searches.
 * The cards array runs by lane, then stage, then order, so neighbours
 * in it are neighbours on the map and the boxes of the tree stay tight. */
static void
index_cards (WmLayout *self)
{
  guint leaves = 1;

  while (leaves < self->cards->len)
    leaves *= 2;
  self->card_leaves = leaves;
  self->card_bounds = g_new (WmRect, 2 * leaves);
  for (guint i = 0; i < leaves; i++)
    self->card_bounds[leaves + i] = i < self->cards->len ? g_array_index (self->cards, WmCardBox, i).rect
                                                          : (WmRect) { 0, 0, -1, -1 };
  for (guint i = leaves - 1; i > 0; i--)
    self->card_bounds[i] = union_rect (&self->card_bounds[2 * i], &self->card_bounds[2 * i + 1]);
  self->card_bounds[0] = (WmRect) { 0, 0, -1, -1 };
}

static int
compare_curve_points (gconstpointer a,
                      gconstpointer b)
{
  const WmCurvePoint *pa = a, *pb = b;

  if (pa->stage_index != pb->stage_index)
    return pa->stage_index < pb->stage_index ? -1 : 1;
  return (pa->x > pb->x) - (pa->x < pb->x);
}

typedef struct
{
  double x1, y1, x2, y2;
} Segment;

/* Rectangles or segments filed by the stretch of the map's width they
 * cover, so that a label looks only at what lies near it: a curve of
 * 40,000 points must not test each label against every other. */
#define BUCKET_WIDTH 256.0

typedef struct
{
  GArray *items;            /* of WmRect or Segment */
  double origin;
  GPtrArray *buckets;       /* of GArray of guint, or NULL */
} Buckets;

static void
free_bucket (gpointer bucket)
{
  if (bucket != NULL)
    g_array_unref (bucket);
}

static void
buckets_init (Buckets *self,
              gsize    item_size,
              double   left,
              double   right)
{
  self->items = g_array_new (FALSE, FALSE, item_size);
  self->origin = left;
  self->buckets = g_ptr_array_new_with_free_func (free_bucket);
  g_ptr_array_set_size (self->buckets, (guint) MAX (1, ceil ((right - left) / BUCKET_WIDTH) + 1));
}

static void
buckets_clear (Buckets *self)
{
  g_array_unref (self->items);
  g_ptr_array_unref (self->buckets);
}

static guint
bucket_of (const Buckets *self,
           double         x)
{
  double b = floor ((x - self->origin) / BUCKET_WIDTH);

  return (guint) CLAMP (b, 0, self->buckets->len - 1);
}

static void
buckets_add (Buckets       *self,
             gconstpointer  item,
             double         x1,
             double         x2)
{
  guint index = self->items->len;

  g_array_append_vals (self->items, item, 1);
  for (guint b = bucket_of (self, MIN (x1, x2)); b <= bucket_of (self, MAX (x1, x2)); b++)
    {
      GArray *bucket = g_ptr_array_index (self->buckets, b);

      if (bucket == NULL)
        bucket = self->buckets->pdata[b] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (bucket, index);
    }
}

static gboolean
collides (const WmRect  *rect,
          const Buckets *obstacles)
{
  for (guint b = bucket_of (obstacles, rect->x); b <= bucket_of (obstacles, rect->x + rect->width); b++)
    {
      GArray *bucket = g_ptr_array_index (obstacles->buckets, b);

      for (guint i = 0; bucket != NULL && i < bucket->len; i++)
        if (wm_rect_intersects (rect, &g_array_index (obstacles->items, WmRect, g_array_index (bucket, guint, i))))
          return TRUE;
    }
  return FALSE;
}

/* Whether the segment crosses or touches @rect (Liang–Barsky). */
static gboolean
segment_hits_rect (const Segment *segment,
                   const WmRect  *rect)
{
  double dx = segment->x2 - segment->x1, dy = segment->y2 - segment->y1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { segment->x1 - rect->x, rect->x + rect->width - segment->x1,
                  segment->y1 - rect->y, rect->y + rect->height - segment->y1 };
  double t0 = 0, t1 = 1;

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

static gboolean
crosses_curves (const WmRect  *rect,
                const Buckets *segments)
{
  WmRect margin = { rect->x - 3, rect->y - 3, rect->width + 6, rect->height + 6 };

  for (guint b = bucket_of (segments, margin.x); b <= bucket_of (segments, margin.x + margin.width); b++)
    {
      GArray *bucket = g_ptr_array_index (segments->buckets, b);

      for (guint i = 0; bucket != NULL && i < bucket->len; i++)
        if (segment_hits_rect (&g_array_index (segments->items, Segment, g_array_index (bucket, guint, i)), &margin))
          return TRUE;
    }
  return FALSE;
}

/* Puts each label beside its point: right, below, above or left, the
 * first place clear of other labels, faces and curves; else the first
 * clear of labels and faces, further down if need be. */
static double
place_labels (WmLayout      *self,
              WmTextMeasure *measure,
              WmLaneRow     *row,
              GPtrArray     *curves_of_row)
{
  WmStyle *style = self->style;
  double r = style->face_radius;
  double left = self->grid.x + style->lane_header_width + 4;
  double right = self->grid.x + self->grid.width - 4;
  double lowest = 0;
  Buckets obstacles, segments;

  buckets_init (&obstacles, sizeof (WmRect), self->grid.x, self->grid.x + self->grid.width);
  buckets_init (&segments, sizeof (Segment), self->grid.x, self->grid.x + self->grid.width);

  for (guint c = 0; c < curves_of_row->len; c++)
    {
      WmCurve *curve = g_ptr_array_index (curves_of_row, c);

      for (guint i = 0; i < curve->points->len; i++)
        {
          WmCurvePoint *p = &g_array_index (curve->points, WmCurvePoint, i);
          WmRect face = { p->x - r - 2, p->y - r - 2, 2 * r + 4, 2 * r + 4 };

          buckets_add (&obstacles, &face, face.x, face.x + face.width);
          if (i + 1 < curve->points->len)
            {
              const WmCurvePoint *q = &g_array_index (curve->points, WmCurvePoint, i + 1);
              Segment segment = { p->x, p->y, q->x, q->y };

              buckets_add (&segments, &segment, segment.x1, segment.x2);
            }
        }
    }

  for (guint c = 0; c < curves_of_row->len; c++)
    {
      WmCurve *curve = g_ptr_array_index (curves_of_row, c);

      for (guint i = 0; i < curve->points->len; i++)
        {
          WmCurvePoint *p = &g_array_index (curve->points, WmCurvePoint, i);
          const char *label = wm_emotion_point_get_label (p->point);
          double w, h;
          WmRect candidates[4];
          gboolean placed = FALSE;

          if (label == NULL || *label == '\0')
            continue;

          {
            g_autofree char *quoted = wm_layout_quoted (label);

            w = ceil (wm_text_measure_width (measure, WM_FONT_SMALL, quoted)) + 1;
            w = MIN (style->label_width, w);
            p->label_lines = capped_lines (measure, WM_FONT_SMALL, quoted, w, LABEL_MAX_LINES);
          }
          h = ceil (text_height (measure, WM_FONT_SMALL, p->label_lines));

          candidates[0] = (WmRect) { p->x + r + LABEL_GAP, p->y - h / 2, w, h };
          candidates[1] = (WmRect) { p->x - w / 2, p->y + r + LABEL_GAP, w, h };
          candidates[2] = (WmRect) { p->x - w / 2, p->y - r - LABEL_GAP - h, w, h };
          candidates[3] = (WmRect) { p->x - r - LABEL_GAP - w, p->y - h / 2, w, h };

          /* First pass: clear of the curves too; second: of labels and
           * faces only. */
          for (guint pass = 0; pass < 2 && !placed; pass++)
            for (guint k = 0; k < G_N_ELEMENTS (candidates) && !placed; k++)
              {
                WmRect *candidate = &candidates[k];

                if (candidate->x < left || candidate->x + w > right || candidate->y < row->y + 4)
                  continue;
                if (!collides (candidate, &obstacles) && (pass == 1 || !crosses_curves (candidate, &segments)))
                  {
                    p->label = *candidate;
                    placed = TRUE;
                  }
              }

          if (!placed)
            {
              WmRect below = candidates[1];

              below.x = CLAMP (below.x, left, MAX (left, right - w));
              while (collides (&below, &obstacles))
                below.y += 8;
              p->label = below;
            }

          buckets_add (&obstacles, &p->label, p->label.x, p->label.x + p->label.width);
          lowest = MAX (lowest, p->label.y + p->label.height);
        }
    }

  buckets_clear (&obstacles);
  buckets_clear (&segments);
  return lowest;
}

static double
layout_curves (WmLayout      *self,
               WmTextMeasure *measure,
               CardIndex     *index,
               guint          lane_index)
{
  WmStyle *style = self->style;
  WmLaneRow *row = &g_array_index (self->rows, WmLaneRow, lane_index);
  GListModel *curves = wm_document_get_emotion_curves (self->document);
  g_autoptr(GPtrArray) curves_of_row = g_ptr_array_new ();
  double height = 2 * CURVE_PADDING + (self->emotion_levels - 1) * style->emotion_level_height;
  double labels_bottom;

  for (guint c = 0, n = g_list_model_get_n_items (curves); c < n; c++)
    {
      g_autoptr(WmEmotionCurve) model = g_list_model_get_item (curves, c);
      GListModel *points = wm_emotion_curve_get_points (model);
      WmCurve curve = { 0 };
      WmElement *persona = wm_document_lookup (self->document, wm_emotion_curve_get_persona (model));

      curve.curve = model;
      curve.persona = WM_IS_PERSONA (persona) ? WM_PERSONA (persona) : NULL;
      curve.lane_index = lane_index;
      curve.points = g_array_new (FALSE, TRUE, sizeof (WmCurvePoint));
      if (curve.persona == NULL || !wm_color_parse (&curve.color, wm_persona_get_color (curve.persona)))
        wm_color_parse (&curve.color, curve_colors[c % G_N_ELEMENTS (curve_colors)]);
      for (guint k = 0; k < self->personas->len; k++)
        if (g_array_index (self->personas, WmPersonaBox, k).persona == curve.persona)
          curve.color = g_array_index (self->personas, WmPersonaBox, k).color;

      for (guint i = 0, m = g_list_model_get_n_items (points); i < m; i++)
        {
          g_autoptr(WmEmotionPoint) point = g_list_model_get_item (points, i);
          guint stage = GPOINTER_TO_UINT (g_hash_table_lookup (index->stage_index,
                                                                 wm_emotion_point_get_stage (point)));
          const WmStageColumn *column;
          WmCurvePoint p = { 0 };
          double inset = style->face_radius + 4;

          if (stage == 0)
            continue;
          column = &g_array_index (self->columns, WmStageColumn, stage - 1);
          p.point = point;
          p.stage_index = stage - 1;
          p.score = wm_emotion_point_get_score (point);
          p.x = column->x + inset + CLAMP (wm_emotion_point_get_position (point), 0, 1) * (column->width - 2 * inset);
          p.y = wm_layout_level_y (self, row, p.score);
          g_array_append_val (curve.points, p);
        }
      g_array_sort (curve.points, compare_curve_points);
      compute_tangents (curve.points);
      g_array_append_val (self->curves, curve);
    }

  for (guint c = 0; c < self->curves->len; c++)
    {
      WmCurve *curve = &g_array_index (self->curves, WmCurve, c);

      if (curve->lane_index == lane_index)
        g_ptr_array_add (curves_of_row, curve);
    }
  labels_bottom = place_labels (self, measure, row, curves_of_row);
  if (labels_bottom > 0)
    height = MAX (height, labels_bottom + 8 - row->y);
  return height;
}

/* Below an emotion lane's title, a line per curve names its persona, when
 * there is more than one to tell apart, as far as the lane has room. */
static void
layout_legends (WmLayout *self)
{
  WmStyle *style = self->style;
  double line = wm_layout_text_height (self, WM_FONT_SMALL, 1);

  /* Placed again when curves are added. */
  for (guint c = 0; c < self->curves->len; c++)
    g_array_index (self->curves, WmCurve, c).legend = (WmRect) { 0 };
  for (guint r = 0; r < self->rows->len; r++)
    {
      const WmLaneRow *row = &g_array_index (self->rows, WmLaneRow, r);
      double y = row->header.y + 12 + wm_layout_text_height (self, WM_FONT_LANE_TITLE, row->title_lines) + 4 + line + 6;
      guint n_curves = 0;

      if (row->kind != WM_LANE_KIND_EMOTIONS || row->collapsed)
        continue;
      for (guint c = 0; c < self->curves->len; c++)
        n_curves += g_array_index (self->curves, WmCurve, c).lane_index == r;
      if (n_curves < 2)
        continue;
      for (guint c = 0; c < self->curves->len; c++)
        {
          WmCurve *curve = &g_array_index (self->curves, WmCurve, c);

          if (curve->lane_index != r || y + line >= row->y + row->height - 6)
            continue;
          curve->legend = (WmRect) { row->header.x + style->card_stripe + 12, y,
                                     style->lane_header_width - style->card_stripe - 12 - 30, line };
          y += line + 4;
        }
    }
}

/* The stage of this map that a stage of another map stands for: the same
 * id (a future-state map made from a current-state one keeps them), else
 * the same name, else none. */
static int
matching_column (WmLayout *self,
                 WmStage  *stage)
{
  for (guint i = 0; i < self->columns->len; i++)
    if (g_str_equal (wm_element_get_id (WM_ELEMENT (g_array_index (self->columns, WmStageColumn, i).stage)),
                     wm_element_get_id (WM_ELEMENT (stage))))
      return i;
  for (guint i = 0; i < self->columns->len; i++)
    if (g_utf8_collate (wm_stage_get_name (g_array_index (self->columns, WmStageColumn, i).stage),
                        wm_stage_get_name (stage)) == 0)
      return i;
  return -1;
}

/**
 * wm_layout_add_comparison:
 * @other: another map, such as the future state of this one
 *
 * Adds @other's curves to every emotion lane, for a view to draw dashed
 * over this map's: each point goes to the stage of the same id or name,
 * at the same height on this map's scale. Points of stages this map does
 * not have are left out.
 */
/* The cards that the other map changed, moved or does not have: ringed,
 * so that the comparison shows on the map as well as in its list. */
static void
mark_compared_cards (WmLayout   *self,
                     WmDocument *other)
{
  g_autoptr(WmDiff) diff = wm_diff_compare (self->document, other);
  g_autoptr(GHashTable) differing = g_hash_table_new (NULL, NULL);

  for (guint s = 0; s < diff->stages->len; s++)
    {
      WmDiffStage *stage = g_ptr_array_index (diff->stages, s);

      for (guint c = 0; c < stage->cards->len; c++)
        {
          WmDiffItem *item = g_ptr_array_index (stage->cards, c);

          if (item->old_element != NULL && (item->change != WM_DIFF_SAME || item->moved))
            g_hash_table_add (differing, item->old_element);
        }
    }
  for (guint i = 0; i < self->cards->len; i++)
    {
      WmCardBox *box = &g_array_index (self->cards, WmCardBox, i);

      box->marked = g_hash_table_contains (differing, box->card);
    }
}

void
wm_layout_add_comparison (WmLayout   *self,
                          WmDocument *other)
{
  GListModel *curves = wm_document_get_emotion_curves (other);
  int other_levels = wm_document_get_emotion_scale (other);
  double inset = self->style->face_radius + 4;

  g_return_if_fail (WM_IS_DOCUMENT (other));

  mark_compared_cards (self, other);

  for (guint r = 0; r < self->rows->len; r++)
    {
      const WmLaneRow *row = &g_array_index (self->rows, WmLaneRow, r);

      if (row->kind != WM_LANE_KIND_EMOTIONS || row->collapsed)
        continue;
      for (guint c = 0; c < g_list_model_get_n_items (curves); c++)
        {
          g_autoptr(WmEmotionCurve) model = g_list_model_get_item (curves, c);
          GListModel *points = wm_emotion_curve_get_points (model);
          WmElement *persona = wm_document_lookup (other, wm_emotion_curve_get_persona (model));
          WmCurve curve = { 0 };

          curve.curve = model;
          curve.persona = WM_IS_PERSONA (persona) ? WM_PERSONA (persona) : NULL;
          curve.lane_index = r;
          curve.comparison = TRUE;
          curve.points = g_array_new (FALSE, TRUE, sizeof (WmCurvePoint));
          if (curve.persona == NULL || !wm_color_parse (&curve.color, wm_persona_get_color (curve.persona)))
            wm_color_parse (&curve.color, curve_colors[c % G_N_ELEMENTS (curve_colors)]);
          for (guint i = 0; i < g_list_model_get_n_items (points); i++)
            {
              g_autoptr(WmEmotionPoint) point = g_list_model_get_item (points, i);
              WmElement *stage = wm_document_lookup (other, wm_emotion_point_get_stage (point));
              int column = WM_IS_STAGE (stage) ? matching_column (self, WM_STAGE (stage)) : -1;
              const WmStageColumn *at;
              WmCurvePoint p = { 0 };

              if (column < 0)
                continue;
              at = &g_array_index (self->columns, WmStageColumn, column);
              p.point = point;
              p.stage_index = column;
              p.score = (int) lround (1 + (double) (wm_emotion_point_get_score (point) - 1) * (self->emotion_levels - 1)
                                      / MAX (other_levels - 1, 1));
              p.x = at->x + inset + CLAMP (wm_emotion_point_get_position (point), 0, 1) * (at->width - 2 * inset);
              p.y = wm_layout_level_y (self, row, p.score);
              g_array_append_val (curve.points, p);
            }
          g_array_sort (curve.points, compare_curve_points);
          compute_tangents (curve.points);
          g_array_append_val (self->curves, curve);
        }
    }
  layout_legends (self);
}

/* Lanes */

static void
layout_rows (WmLayout      *self,
             WmTextMeasure *measure,
             double         top)
{
  WmStyle *style = self->style;
  GListModel *lanes = wm_document_get_lanes (self->document);
  guint n_lanes = g_list_model_get_n_items (lanes);
  double title_width = style->lane_header_width - 2 * STAGE_HEADER_PADDING - style->card_stripe;
  CardIndex index;
  double y = top;

  g_array_set_size (self->rows, n_lanes);
  for (guint i = 0; i < n_lanes; i++)
    {
      WmLaneRow *row = &g_array_index (self->rows, WmLaneRow, i);
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, i);
      g_autofree char *title = wm_layout_lane_title (lane);

      row->lane = lane;
      row->kind = wm_lane_get_kind (lane);
      row->collapsed = wm_lane_get_collapsed (lane);
      row->title_lines = capped_lines (measure, WM_FONT_LANE_TITLE, title, title_width, LANE_TITLE_MAX_LINES);
    }

  card_index_init (&index, self);
  for (guint i = 0; i < n_lanes; i++)
    {
      WmLaneRow *row = &g_array_index (self->rows, WmLaneRow, i);
      double header_needs = 2 * STAGE_HEADER_PADDING
                            + text_height (measure, WM_FONT_LANE_TITLE, row->title_lines)
                            + 2 + text_height (measure, WM_FONT_SMALL, 1);

      row->y = y;
      row->n_cards = index.by_lane[i]->len;
      if (row->kind == WM_LANE_KIND_DIVIDER)
        row->height = style->divider_height;
      else if (row->collapsed)
        row->height = style->collapsed_lane_height;
      else if (row->kind == WM_LANE_KIND_EMOTIONS)
        {
          double curves_need = layout_curves (self, measure, &index, i);

          row->height = MAX (header_needs, curves_need);
        }
      else
        {
          double cards_need = layout_lane_cards (self, measure, &index, i, y);

          row->height = MAX (MAX (style->min_lane_height, header_needs), cards_need + style->add_card_room);
        }
      row->height = ceil (row->height);
      row->header = (WmRect) { self->grid.x, y, style->lane_header_width, row->height };
      y += row->height;
    }
  card_index_clear (&index, n_lanes);
}

/**
 * wm_layout_new:
 * @document: the map
 * @style: how it looks
 * @measure: a text measurer made for @style
 *
 * Computes where everything in @document goes. The layout keeps pointers
 * to the document's elements: make a new one whenever the document
 * changes.
 *
 * Returns: (transfer full): the layout
 */
/* Notes the revision of every element laid out, so that a view can tell
 * what changed between two layouts of the same map. */
static void
record_revisions (WmLayout *self)
{
  self->document_revision = wm_element_get_revision (WM_ELEMENT (self->document));
  for (guint i = 0; i < self->columns->len; i++)
    {
      WmStageColumn *column = &g_array_index (self->columns, WmStageColumn, i);

      column->revision = wm_element_get_revision (WM_ELEMENT (column->stage));
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      WmLaneRow *row = &g_array_index (self->rows, WmLaneRow, i);

      row->revision = wm_element_get_revision (WM_ELEMENT (row->lane));
    }
  for (guint i = 0; i < self->personas->len; i++)
    {
      WmPersonaBox *box = &g_array_index (self->personas, WmPersonaBox, i);

      box->revision = wm_element_get_revision (WM_ELEMENT (box->persona));
    }
  for (guint i = 0; i < self->cards->len; i++)
    {
      WmCardBox *box = &g_array_index (self->cards, WmCardBox, i);

      box->revision = wm_element_get_revision (WM_ELEMENT (box->card));
    }
  for (guint i = 0; i < self->curves->len; i++)
    {
      WmCurve *curve = &g_array_index (self->curves, WmCurve, i);

      curve->revision = wm_element_get_revision (WM_ELEMENT (curve->curve)) +
                        (curve->persona != NULL ? wm_element_get_revision (WM_ELEMENT (curve->persona)) : 0);
      for (guint p = 0; p < curve->points->len; p++)
        {
          WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, p);

          point->revision = wm_element_get_revision (WM_ELEMENT (point->point));
        }
    }
}

WmLayout *
wm_layout_new (WmDocument    *document,
               WmStyle       *style,
               WmTextMeasure *measure)
{
  return wm_layout_new_cached (document, style, measure, NULL, WM_LAYOUT_DEFAULT);
}

/**
 * wm_layout_new_cached:
 * @cache: (nullable): what the layout before measured, for a view that
 *   lays the same map out again after each edit
 * @flags: %WM_LAYOUT_HINTS for the editor's canvas, which shows the
 *   hints of empty fields; every export, slide and print leaves it out,
 *   so that it has neither the hints nor room for them
 *
 * Lays @document out as wm_layout_new() does, measuring again only the
 * cards that changed since @cache last saw them.
 */
WmLayout *
wm_layout_new_cached (WmDocument    *document,
                      WmStyle       *style,
                      WmTextMeasure *measure,
                      WmLayoutCache *cache,
                      WmLayoutFlags  flags)
{
  WmLayout *self = g_new0 (WmLayout, 1);
  double grid_width = style->lane_header_width + all_stages_width (document, style);
  double y = style->margin;
  double top;

  g_atomic_ref_count_init (&self->ref_count);
  self->document = g_object_ref (document);
  self->style = wm_style_ref (style);
  self->flags = flags;
  self->cache = cache;
  if (cache != NULL)
    cache_begin (cache, style);
  self->emotion_levels = CLAMP (wm_document_get_emotion_scale (document), WM_MIN_EMOTION_SCALE, WM_MAX_EMOTION_SCALE);
  self->personas = g_array_new (FALSE, TRUE, sizeof (WmPersonaBox));
  self->columns = g_array_new (FALSE, TRUE, sizeof (WmStageColumn));
  self->rows = g_array_new (FALSE, TRUE, sizeof (WmLaneRow));
  self->cards = g_array_new (FALSE, TRUE, sizeof (WmCardBox));
  self->curves = g_array_new (FALSE, TRUE, sizeof (WmCurve));
  g_array_set_clear_func (self->curves, clear_curve);
  for (guint i = 0; i < WM_N_FONTS; i++)
    {
      self->first_line_height[i] = wm_text_measure_height (measure, i, 1);
      self->line_spacing[i] = wm_text_measure_height (measure, i, 2) - self->first_line_height[i];
    }

  layout_header (self, measure, MAX (grid_width, MIN_HEADER_WIDTH), &y);

  top = ceil (y + style->header_gap);
  self->grid = (WmRect) { style->margin, top, grid_width, 0 };
  layout_columns (self, measure, top);
  layout_rows (self, measure, top + self->stage_header_height);
  self->grid.height = self->stage_header_height;
  if (self->rows->len > 0)
    {
      WmLaneRow *last = &g_array_index (self->rows, WmLaneRow, self->rows->len - 1);

      self->grid.height = last->y + last->height - top;
    }

  self->width = ceil (2 * style->margin + MAX (grid_width, MIN_HEADER_WIDTH));
  for (guint i = 0; i < self->personas->len; i++)
    {
      WmRect *rect = &g_array_index (self->personas, WmPersonaBox, i).rect;

      self->width = MAX (self->width, ceil (rect->x + rect->width + style->margin));
    }
  self->height = ceil (self->grid.y + self->grid.height + style->margin);
  layout_legends (self);
  index_cards (self);
  record_revisions (self);
  self->pictures = cache != NULL ? g_hash_table_ref (cache->pictures) : new_picture_table ();
  prune_pictures (self);
  if (cache != NULL)
    cache_end (cache);
  self->cache = NULL;

  return self;
}

WmLayout *
wm_layout_ref (WmLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
wm_layout_unref (WmLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->personas);
  g_array_unref (self->columns);
  g_array_unref (self->rows);
  g_array_unref (self->cards);
  g_array_unref (self->curves);
  g_clear_pointer (&self->photos, g_hash_table_unref);
  g_clear_pointer (&self->pictures, g_hash_table_unref);
  g_free (self->card_bounds);
  wm_style_unref (self->style);
  g_object_unref (self->document);
  g_free (self);
}

/* The width card text wraps at. */
double
wm_layout_card_inner_width (WmLayout        *self,
                            const WmCardBox *box)
{
  WmStyle *style = self->style;

  return box->rect.width - 2 * style->card_padding - style->card_stripe;
}

/* The height of @lines lines of text in @role, as the layout measured it. */
double
wm_layout_text_height (WmLayout   *self,
                       WmFontRole  role,
                       int         lines)
{
  if (lines <= 0)
    return 0;
  return self->first_line_height[role] + (lines - 1) * self->line_spacing[role];
}

/**
 * wm_layout_get_photo:
 * @box: a persona box of this layout
 *
 * Decodes the persona's photo the first time it is painted, at twice its
 * size for sharp zooming and printing, and keeps it for later paints.
 *
 * Returns: (transfer none) (nullable): the photo, or %NULL when the
 *   persona has none or it cannot be read
 */
cairo_surface_t *
wm_layout_get_photo (WmLayout           *self,
                     const WmPersonaBox *box)
{
  GBytes *bytes = wm_persona_get_photo (box->persona);
  cairo_surface_t *photo;

  if (bytes == NULL)
    return NULL;
  if (self->photos == NULL)
    self->photos = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);
  if (g_hash_table_lookup_extended (self->photos, box->persona, NULL, (gpointer *) &photo))
    return photo;

  photo = wm_photo_decode (bytes, (int) box->photo.width * 2);
  g_hash_table_insert (self->photos, box->persona, photo);
  return photo;
}

/**
 * wm_layout_card_picture_rect:
 * @box: a card box of this layout
 * @rect: (out): where the card's picture goes, on the map
 *
 * Returns: whether the card shows a picture
 */
gboolean
wm_layout_card_picture_rect (WmLayout        *self,
                             const WmCardBox *box,
                             WmRect          *rect)
{
  WmStyle *style = self->style;

  if (box->picture_height <= 0)
    return FALSE;
  *rect = (WmRect) { box->rect.x + style->card_stripe + style->card_padding, box->rect.y + box->picture_y,
                     wm_layout_card_inner_width (self, box), box->picture_height };
  return TRUE;
}

/**
 * wm_layout_get_picture:
 * @box: a card box of this layout
 *
 * Decodes the card's picture the first time any layout sharing this
 * one's cache paints it, at a size that stays sharp at twice a
 * storyboard frame's, and keeps it while a card has that picture.
 *
 * Returns: (transfer none) (nullable): the picture, or %NULL when the
 *   card has none or it cannot be read
 */
cairo_surface_t *
wm_layout_get_picture (WmLayout        *self,
                       const WmCardBox *box)
{
  return wm_picture_table_get (self->pictures, wm_card_get_picture (box->card), PICTURE_DECODE_SIDE);
}

/**
 * wm_layout_apply_filter:
 * @filter: (nullable): the view's filter; %NULL or empty shows all
 *
 * Marks the cards outside @filter, and the curves of personas it leaves
 * out, to be painted faded.
 */
void
wm_layout_apply_filter (WmLayout           *layout,
                        const WmViewFilter *filter)
{
  for (guint i = 0; i < layout->cards->len; i++)
    {
      WmCardBox *box = &g_array_index (layout->cards, WmCardBox, i);
      WmLaneKind kind = g_array_index (layout->rows, WmLaneRow, box->lane_index).kind;

      box->faded = !wm_view_filter_matches_card (filter, box->card, kind);
    }
  for (guint i = 0; i < layout->curves->len; i++)
    {
      WmCurve *curve = &g_array_index (layout->curves, WmCurve, i);

      curve->faded = !curve->comparison && curve->persona != NULL &&
                     !wm_view_filter_shows_persona (filter, wm_element_get_id (WM_ELEMENT (curve->persona)));
    }
}
