/* wm-painter.c: paints a WmLayout. It reads geometry from the layout and
 * text from the model, and decides nothing about placement itself.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-painter"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "wm-channels.h"
#include "wm-glyphs.h"
#include "wm-layout-hit.h"
#include "wm-layout-text.h"
#include "wm-painter.h"
#include "wm-pdf-alt.h"
#include "wm-persona-sections.h"

typedef struct
{
  cairo_t *cr;
  WmLayout *layout;
  WmStyle *style;
  const WmPalette *palette;
  WmPalette faded;          /* the palette washed out, for faded cards */
  gboolean faded_ready;
  PangoLayout *text;
  GHashTable *labels;       /* "role:text" → PangoLayout */
  WmRect area;
  gboolean card_shapes;     /* WM_PAINT_CARD_SHAPES */
  gboolean hints;           /* WM_PAINT_HINTS */
  gboolean tagged;          /* marks headings and paragraphs for a PDF's structure */
  WmTextSinkFunc sink;      /* takes the text instead of cairo */
  gpointer sink_data;
  GString *sink_text;       /* the lines of one run, reused */
  GArray *sink_lines;
} Painter;

static void
fill_rect (Painter       *p,
           const WmRect  *rect,
           const WmColor *color)
{
  wm_color_set_source (p->cr, color);
  cairo_rectangle (p->cr, rect->x, rect->y, rect->width, rect->height);
  cairo_fill (p->cr);
}

static gboolean
visible (Painter      *p,
         const WmRect *rect)
{
  return wm_rect_intersects (rect, &p->area);
}

/* Shows @text at (x, y), wrapped at @width (or unwrapped when @width is
 * 0) and cut with an ellipsis after @max_lines (0: no limit). Returns
 * the width it took. */
/* Short unwrapped labels (badge names, pills, initials) repeat across
 * thousands of cards; each distinct one is shaped once and its layout
 * reused. */
static PangoLayout *
get_label (Painter    *p,
           WmFontRole  role,
           const char *text)
{
  g_autofree char *capped = NULL;
  g_autofree char *key = NULL;
  PangoLayout *label;

  text = wm_text_cap (text, &capped);
  key = g_strdup_printf ("%d:%s", role, text);
  label = g_hash_table_lookup (p->labels, key);

  if (label == NULL)
    {
      label = pango_layout_new (pango_layout_get_context (p->text));
      pango_layout_set_font_description (label, p->style->fonts[role]);
      pango_layout_set_text (label, text, -1);
      g_hash_table_insert (p->labels, g_steal_pointer (&key), label);
    }
  return label;
}

/* The text a laid-out line shows: its part of the layout's text, with
 * the ellipsis pango put in place of what it cut, and the paragraph
 * break that ends it, if any, so that the lines joined read as the text. */
static void
append_line_text (GString         *out,
                  const char      *text,
                  PangoLayoutLine *line,
                  PangoLayoutLine *next)
{
  int start = line->start_index;
  int end = line->start_index + line->length;
  int cut_start = end, cut_end = end;
  gboolean cut = FALSE;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        {
          cut_start = CLAMP (run->item->offset, start, end);
          cut_end = CLAMP (run->item->offset + run->item->length, cut_start, end);
          cut = TRUE;
          break;
        }
    }
  g_string_append_len (out, text + start, cut_start - start);
  if (cut)
    g_string_append (out, "…");
  g_string_append_len (out, text + cut_end, end - cut_end);
  if (next != NULL && !cut)
    for (const char *c = text + end; c < text + next->start_index; c = g_utf8_next_char (c))
      if (g_unichar_type (g_utf8_get_char (c)) == G_UNICODE_PARAGRAPH_SEPARATOR
          || g_unichar_type (g_utf8_get_char (c)) == G_UNICODE_LINE_SEPARATOR
          || *c == '\n' || *c == '\r')
        g_string_append_len (out, c, g_utf8_next_char (c) - c);
}

/* Pango slants a font that has no italic face itself, as fontconfig's
 * synthetic oblique does, by this shear; other programs may not, so
 * the sink is told. */
#define SYNTHETIC_SLANT 0.2

static gboolean
slant_is_synthetic (PangoContext               *context,
                    const PangoFontDescription *font)
{
  g_autoptr(PangoFont) loaded = NULL;
  g_autoptr(PangoFontDescription) face = NULL;

  if (pango_font_description_get_style (font) == PANGO_STYLE_NORMAL)
    return FALSE;
  loaded = pango_context_load_font (context, font);
  if (loaded == NULL || pango_font_get_face (loaded) == NULL)
    return FALSE;
  face = pango_font_face_describe (pango_font_get_face (loaded));
  return pango_font_description_get_style (face) == PANGO_STYLE_NORMAL;
}

/* Hands @layout's lines to the text sink, placed where cairo would have
 * drawn them, so that clips, translations and scales all count. */
static void
report_layout (Painter       *p,
               PangoLayout   *layout,
               double         x,
               double         y,
               const WmColor *color)
{
  const char *text = pango_layout_get_text (layout);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double unit_x = 1, unit_y = 0;
  gsize offset = 0;
  int index = 0;

  g_string_truncate (p->sink_text, 0);
  g_array_set_size (p->sink_lines, 0);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      WmTextLine entry;
      gsize start = p->sink_text->len;

      append_line_text (p->sink_text, text, line, pango_layout_get_line_readonly (layout, ++index));
      if (p->sink_text->len == start)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      entry = (WmTextLine) {
        .length = p->sink_text->len - start,
        .x = x + (double) logical.x / PANGO_SCALE,
        .y = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE,
      };
      cairo_user_to_device (p->cr, &entry.x, &entry.y);
      g_array_append_val (p->sink_lines, entry);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (p->sink_lines->len == 0)
    return;
  /* The lines share one buffer that may have moved while it grew. */
  for (guint i = 0; i < p->sink_lines->len; i++)
    {
      WmTextLine *entry = &g_array_index (p->sink_lines, WmTextLine, i);

      entry->text = p->sink_text->str + offset;
      offset += entry->length;
    }
  cairo_user_to_device_distance (p->cr, &unit_x, &unit_y);
  p->sink (&(WmTextRun) {
             .font = font,
             .size = hypot (unit_x, unit_y) * pango_font_description_get_size (font) / PANGO_SCALE,
             .slant = slant_is_synthetic (pango_layout_get_context (layout), font) ? SYNTHETIC_SLANT : 0,
             .color = color,
             .lines = (const WmTextLine *) p->sink_lines->data,
             .n_lines = p->sink_lines->len,
           }, p->sink_data);
}

/* Structure tags (PDF 1.7, 14.8.4) for the text a painter shows: the
 * map's title is the document's top heading, stage, lane and persona
 * names the headings beneath it, every other text a paragraph, so that
 * a screen reader can move through a PDF map by its stages. */
#define TAG_TITLE "H1"
#define TAG_SECTION "H2"
#define TAG_TEXT "P"

/* Whether the text about to be shown gets a tag. Cairo 1.16 records a
 * tag under a clip that leaves nothing unbalanced, and the PDF then
 * fails: text a tile's edge hides entirely (a persona's initials in a
 * photo circle beyond it) is left untagged, as no one can read it. */
static gboolean
begin_tag (Painter    *p,
           const char *tag)
{
  double x1, y1, x2, y2;

  if (!p->tagged)
    return FALSE;
  cairo_clip_extents (p->cr, &x1, &y1, &x2, &y2);
  if (x2 <= x1 || y2 <= y1)
    return FALSE;
  cairo_tag_begin (p->cr, tag, NULL);
  return TRUE;
}

static double
show_layout (Painter       *p,
             const char    *tag,
             PangoLayout   *layout,
             double         x,
             double         y,
             const WmColor *color)
{
  int logical_width;

  if (p->sink != NULL)
    report_layout (p, layout, x, y, color);
  else
    {
      /* Each tag ends where it begins: an unbalanced one puts the PDF
       * surface in an error state. */
      gboolean tagged = begin_tag (p, tag);

      wm_color_set_source (p->cr, color);
      cairo_move_to (p->cr, x, y);
      pango_cairo_show_layout (p->cr, layout);
      cairo_new_path (p->cr);
      if (tagged)
        cairo_tag_end (p->cr, tag);
    }
  pango_layout_get_size (layout, &logical_width, NULL);
  return (double) logical_width / PANGO_SCALE;
}

/* Shows @text at (x, y), wrapped at @width (or unwrapped when @width is
 * 0) and cut with an ellipsis after @max_lines (0: no limit), tagged as
 * @tag in a PDF. Returns the width it took. */
static double
show_tagged_text (Painter       *p,
                  const char    *tag,
                  WmFontRole     role,
                  const char    *text,
                  double         x,
                  double         y,
                  double         width,
                  int            max_lines,
                  const WmColor *color)
{
  g_autofree char *capped = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  if (width <= 0 && max_lines <= 0)
    return show_layout (p, tag, get_label (p, role, text), x, y, color);
  text = wm_text_cap (text, &capped);

  pango_layout_set_font_description (p->text, p->style->fonts[role]);
  pango_layout_set_width (p->text, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_height (p->text, max_lines > 0 ? -max_lines : -1);
  pango_layout_set_ellipsize (p->text, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (p->text, text, -1);
  return show_layout (p, tag, p->text, x, y, color);
}

/* Shows a paragraph of text, as show_tagged_text(). */
static double
show_text (Painter       *p,
           WmFontRole     role,
           const char    *text,
           double         x,
           double         y,
           double         width,
           int            max_lines,
           const WmColor *color)
{
  return show_tagged_text (p, TAG_TEXT, role, text, x, y, width, max_lines, color);
}

/* A hint is fainter than any content, and drawn in italics (the quote
 * font): guidance, not text. Only the editor's canvas draws hints. */
static void
show_hint (Painter       *p,
           const char    *hint,
           double         x,
           double         y,
           double         width,
           int            max_lines,
           const WmColor *fill)
{
  WmColor grey;

  wm_color_mix (&grey, &p->palette->text_secondary, fill, 0.35);
  show_text (p, WM_FONT_QUOTE, hint, x, y, width, max_lines, &grey);
}

static double
text_width (Painter    *p,
            WmFontRole  role,
            const char *text)
{
  int width;

  pango_layout_get_size (get_label (p, role, text), &width, NULL);
  return (double) width / PANGO_SCALE;
}

static double
line_height (Painter    *p,
             WmFontRole  role)
{
  return wm_layout_text_height (p->layout, role, 1);
}

static double
mood_of_score (WmLayout *layout,
               double    score)
{
  return (score - 1) / (layout->emotion_levels - 1) * 2 - 1;
}

/* Scales of up to seven levels show a face per level; ten faces would
 * differ too little to read, so a ten-level scale shows its numbers. */
#define MAX_LEVELS_WITH_FACES 7

static void
paint_level_mark (Painter *p,
                  int      score,
                  double   x,
                  double   y,
                  double   radius)
{
  WmLayout *layout = p->layout;
  double mood = mood_of_score (layout, score);
  WmColor fill;

  wm_style_mood_color (p->style, mood, &fill);
  if (layout->emotion_levels <= MAX_LEVELS_WITH_FACES)
    {
      wm_glyph_draw_face (p->cr, mood, x, y, radius, &fill, &p->palette->face_ink);
      return;
    }
  {
    g_autofree char *number = g_strdup_printf ("%d", score);
    double height = line_height (p, WM_FONT_SMALL);
    double width = text_width (p, WM_FONT_SMALL, number);

    cairo_arc (p->cr, x, y, radius, 0, 2 * G_PI);
    wm_color_set_source (p->cr, &fill);
    cairo_fill (p->cr);
    show_text (p, WM_FONT_SMALL, number, x - width / 2, y - height / 2, width + 2, 1, &p->palette->face_ink);
  }
}

/* Header */

/* Lists whose entries are wishes take the opportunities' colour for
 * their bullets, those that are complaints the pain points'. */
static const WmColor *
persona_bullet_color (Painter           *p,
                      const WmFieldInfo *field)
{
  if (g_str_equal (field->property, "frustrations"))
    return &p->palette->lane_tint[WM_LANE_KIND_PAIN_POINTS];
  return &p->palette->lane_tint[WM_LANE_KIND_OPPORTUNITIES];
}

static void
paint_persona_section (Painter                *p,
                       const WmPersonaBox     *box,
                       const WmPersonaSection *section)
{
  const WmPalette *palette = p->palette;
  const WmRect *rect = &section->rect;
  g_autofree char *heading = wm_persona_section_heading (section->field);
  g_autofree char *more = wm_layout_persona_more (section);
  double y = section->items_y;

  /* Only the canvas lays out an empty section, to show its hint. */
  if (section->hint && !p->hints)
    return;
  if (heading != NULL)
    show_text (p, WM_FONT_SMALL_BOLD, heading, rect->x, rect->y, rect->width, 1, &palette->text_secondary);

  if (section->hint)
    show_hint (p, wm_element_get_hint (WM_ELEMENT (box->persona), section->field->property), rect->x, y,
               rect->width, section->item_lines[0], &palette->card_fill);
  else if (wm_persona_section_is_list (section->field))
    {
      const char * const *items = wm_persona_section_items (box->persona, section->field);
      const WmColor *bullet = persona_bullet_color (p, section->field);

      for (guint i = 0; i < section->n_items; i++)
        {
          wm_color_set_source (p->cr, bullet);
          cairo_arc (p->cr, rect->x + 3, y + line_height (p, WM_FONT_SMALL) / 2, 2.5, 0, 2 * G_PI);
          cairo_fill (p->cr);
          show_text (p, WM_FONT_SMALL, wm_persona_section_item_text (section->field, items[i]), rect->x + 12, y, rect->width - 12, section->item_lines[i],
                     &palette->text);
          y += wm_layout_text_height (p->layout, WM_FONT_SMALL, section->item_lines[i]) + 3;
        }
    }
  else if (heading == NULL)
    {
      g_autofree char *quoted = wm_layout_quoted (wm_persona_section_text (box->persona, section->field));

      show_text (p, WM_FONT_QUOTE, quoted, rect->x, y, rect->width, section->item_lines[0], &palette->text);
      y += wm_layout_text_height (p->layout, WM_FONT_QUOTE, section->item_lines[0]);
    }
  else
    {
      show_text (p, WM_FONT_SMALL, wm_persona_section_text (box->persona, section->field), rect->x, y,
                 rect->width, section->item_lines[0], &palette->text);
      y += wm_layout_text_height (p->layout, WM_FONT_SMALL, section->item_lines[0]);
    }

  if (more != NULL)
    show_text (p, WM_FONT_SMALL, more, rect->x, y + 2, rect->width, 1, &palette->text_secondary);
}

static void
paint_persona (Painter            *p,
               const WmPersonaBox *box)
{
  cairo_t *cr = p->cr;
  const WmPalette *palette = p->palette;
  double inner = box->rect.width - 32;
  double text_x = box->photo.x + box->photo.width + 14;
  double cx = box->photo.x + box->photo.width / 2;
  double cy = box->photo.y + box->photo.height / 2;
  double radius = box->photo.width / 2;
  cairo_surface_t *photo = wm_layout_get_photo (p->layout, box);
  g_autofree char *role_line = wm_layout_persona_role_line (box->persona);
  const char *name = wm_persona_get_name (box->persona);

  wm_path_rounded_rect (cr, box->rect.x, box->rect.y + 1, box->rect.width, box->rect.height, 12);
  wm_color_set_source (cr, &palette->card_shadow);
  cairo_fill (cr);
  wm_path_rounded_rect (cr, box->rect.x, box->rect.y, box->rect.width, box->rect.height, 12);
  wm_color_set_source (cr, &palette->card_fill);
  cairo_fill_preserve (cr);
  wm_color_set_source (cr, &palette->card_border);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  /* The photo, or initials on the persona's colour. */
  cairo_save (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_clip (cr);
  if (photo != NULL)
    {
      double scale = box->photo.width / cairo_image_surface_get_width (photo);

      cairo_translate (cr, box->photo.x, box->photo.y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, photo, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  else
    {
      g_autofree char *initials = wm_layout_persona_initials (box->persona);
      WmColor white = { 1, 1, 1, 1 };

      wm_color_set_source (cr, &box->color);
      cairo_paint (cr);
      if (*initials != '\0')
        {
          double w = text_width (p, WM_FONT_PERSONA_NAME, initials);

          show_text (p, WM_FONT_PERSONA_NAME, initials, cx - w / 2,
                     cy - line_height (p, WM_FONT_PERSONA_NAME) / 2, 0, 0, &white);
        }
      else
        {
          cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
          wm_glyph_draw_persona_placeholder (cr, cx, cy, radius);
        }
    }
  cairo_restore (cr);

  if (*name == '\0' && p->hints && *wm_element_get_hint (WM_ELEMENT (box->persona), "name") != '\0')
    show_hint (p, wm_element_get_hint (WM_ELEMENT (box->persona), "name"), text_x, box->name_y,
               inner - (text_x - box->rect.x - 16), 1, &palette->card_fill);
  else
    show_tagged_text (p, TAG_SECTION, WM_FONT_PERSONA_NAME, wm_persona_get_display_name (box->persona),
                      text_x, box->name_y, inner - (text_x - box->rect.x - 16), 1, &palette->text);
  /* An empty role line has lines only where the layout kept room for
   * the role's hint. */
  if (*role_line == '\0' && box->role_lines > 0)
    {
      if (p->hints)
        show_hint (p, wm_element_get_hint (WM_ELEMENT (box->persona), "role"), text_x, box->role_y,
                   inner - (text_x - box->rect.x - 16), box->role_lines, &palette->card_fill);
    }
  else
    show_text (p, WM_FONT_SMALL, role_line, text_x, box->role_y,
               inner - (text_x - box->rect.x - 16), box->role_lines, &palette->text_secondary);

  for (guint i = 0; i < box->n_sections; i++)
    paint_persona_section (p, box, &box->sections[i]);
}

static void
paint_header (Painter  *p,
              gboolean  with_title)
{
  WmLayout *layout = p->layout;
  const WmPalette *palette = p->palette;
  g_autofree char *kind = wm_layout_kind_label (layout->document);
  g_autofree char *title = wm_layout_map_title (layout->document);
  const char *goal = wm_document_get_goal (layout->document);
  const char *scope = wm_document_get_scope (layout->document);

  /* Only what shows: a tile below the title would otherwise hold an
   * empty heading in its PDF structure. */
  if (with_title && visible (p, &layout->kind_label))
    show_text (p, WM_FONT_MAP_SUBTITLE, kind, layout->kind_label.x, layout->kind_label.y,
               layout->kind_label.width, 1, &palette->accent);
  if (with_title && visible (p, &layout->title))
    show_tagged_text (p, TAG_TITLE, WM_FONT_MAP_TITLE, title, layout->title.x, layout->title.y,
                      layout->title.width, layout->title_lines, &palette->text);
  /* An empty goal or scope has lines only where the layout kept room
   * for its hint. */
  if (visible (p, &layout->goal) && *goal != '\0')
    show_text (p, WM_FONT_BODY, goal, layout->goal.x, layout->goal.y,
               layout->goal.width, layout->goal_lines, &palette->text);
  else if (visible (p, &layout->goal) && p->hints && layout->goal_lines > 0)
    show_hint (p, wm_element_get_hint (WM_ELEMENT (layout->document), "goal"), layout->goal.x, layout->goal.y,
               layout->goal.width, layout->goal_lines, &palette->background);
  if (visible (p, &layout->scope) && *scope != '\0')
    show_text (p, WM_FONT_SMALL, scope, layout->scope.x, layout->scope.y,
               layout->scope.width, layout->scope_lines, &palette->text_secondary);
  else if (visible (p, &layout->scope) && p->hints && layout->scope_lines > 0)
    show_hint (p, wm_element_get_hint (WM_ELEMENT (layout->document), "scope"), layout->scope.x, layout->scope.y,
               layout->scope.width, layout->scope_lines, &palette->background);

  for (guint i = 0; i < layout->personas->len; i++)
    {
      const WmPersonaBox *box = &g_array_index (layout->personas, WmPersonaBox, i);

      if (visible (p, &box->rect))
        paint_persona (p, box);
    }
}

/* Grid */

static void
paint_stage_header (Painter             *p,
                    const WmStageColumn *column,
                    guint                index)
{
  cairo_t *cr = p->cr;
  const WmPalette *palette = p->palette;
  const WmRect *rect = &column->header;
  double x = rect->x + 12;
  double width = rect->width - 24;
  double y = rect->y + 6 + 12;
  WmColor band;
  g_autofree char *eyebrow = wm_layout_stage_eyebrow (column->stage, index);
  g_autofree char *name = wm_layout_stage_name (column->stage, index);
  g_autofree char *facts = wm_layout_stage_facts (column);

  if (!wm_color_parse (&band, wm_stage_get_color (column->stage)))
    band = palette->accent;

  fill_rect (p, rect, &palette->header_fill);
  wm_color_set_source (cr, &band);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, 6);
  cairo_fill (cr);

  show_text (p, WM_FONT_SMALL_BOLD, eyebrow, x, y, width, 1, &palette->text_secondary);
  y += line_height (p, WM_FONT_SMALL_BOLD) + 2;
  show_tagged_text (p, TAG_SECTION, WM_FONT_STAGE_NAME, name, x, y, width, column->name_lines, &palette->text);
  y += wm_layout_text_height (p->layout, WM_FONT_STAGE_NAME, column->name_lines);
  if (column->description_lines > 0)
    {
      y += 4;
      show_text (p, WM_FONT_SMALL, wm_stage_get_description (column->stage), x, y, width,
                 column->description_lines, &palette->text_secondary);
    }
  if (facts != NULL)
    show_text (p, WM_FONT_SMALL_BOLD, facts, x, rect->y + rect->height - 12 - line_height (p, WM_FONT_SMALL_BOLD),
               width, 1, column->dropoff > 0.2 ? &palette->quality[WM_CARD_QUALITY_BAD] : &palette->text_secondary);
}

static void
paint_lane_emblem (Painter         *p,
                   const WmLaneRow *row,
                   double           x,
                   double           y,
                   double           size)
{
  cairo_t *cr = p->cr;

  wm_color_set_source (cr, &p->palette->lane_tint[row->kind]);
  if (row->kind == WM_LANE_KIND_PAIN_POINTS)
    wm_glyph_draw_warning (cr, x, y, size);
  else if (row->kind == WM_LANE_KIND_OPPORTUNITIES)
    wm_glyph_draw_lightbulb (cr, x, y, size);
  else if (row->kind == WM_LANE_KIND_TOUCHPOINTS || row->kind == WM_LANE_KIND_CHANNELS)
    wm_glyph_draw_channel (cr, NULL, x, y, size);
  else
    {
      cairo_arc (cr, x + size / 2, y + size / 2, size / 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* @titles_top: the highest the title may sit, in map coordinates. A lane
 * taller than the window keeps its name in view below it, as far as the
 * lane goes. The emotion lane's title stays put: its faces and legend
 * are laid out beneath it. */
static void
paint_lane_header (Painter         *p,
                   const WmLaneRow *row,
                   double           titles_top)
{
  cairo_t *cr = p->cr;
  WmStyle *style = p->style;
  const WmPalette *palette = p->palette;
  const WmRect *rect = &row->header;
  double x = rect->x + style->card_stripe + 12;
  double width = rect->width - style->card_stripe - 24;
  double y = rect->y + 12;
  g_autofree char *title = wm_layout_lane_title (row->lane);
  const char *kind = wm_lane_kind_get_display_name (row->kind);

  fill_rect (p, rect, &palette->header_fill);
  wm_color_set_source (cr, &palette->lane_tint[row->kind]);
  cairo_rectangle (cr, rect->x, rect->y, style->card_stripe, rect->height);
  cairo_fill (cr);

  if (row->collapsed)
    y = rect->y + (rect->height - line_height (p, WM_FONT_LANE_TITLE)) / 2;
  else if (titles_top > rect->y && row->kind != WM_LANE_KIND_EMOTIONS)
    {
      double block = wm_layout_text_height (p->layout, WM_FONT_LANE_TITLE, row->title_lines) + 2 +
                     line_height (p, WM_FONT_SMALL);

      y = MAX (y, MIN (titles_top + 12, rect->y + rect->height - block - 12));
    }
  show_tagged_text (p, TAG_SECTION, WM_FONT_LANE_TITLE, title, x, y, width - 20,
                    row->collapsed ? 1 : row->title_lines, &palette->text);
  if (row->kind != WM_LANE_KIND_EMOTIONS)
    paint_lane_emblem (p, row, rect->x + rect->width - 12 - 16, y, 16);
  y += wm_layout_text_height (p->layout, WM_FONT_LANE_TITLE, row->title_lines) + 2;
  if (row->collapsed)
    {
      /* A collapsed lane is one line high: what it hides goes in the row. */
      double cells_x = p->layout->grid.x + style->lane_header_width;
      g_autofree char *count = g_strdup_printf (ngettext ("%u card hidden", "%u cards hidden", row->n_cards),
                                                row->n_cards);

      show_text (p, WM_FONT_SMALL, count, cells_x + 12,
                 row->y + (row->height - line_height (p, WM_FONT_SMALL)) / 2, 0, 0, &palette->text_secondary);
    }
  else if (g_strcmp0 (title, kind) != 0)
    show_text (p, WM_FONT_SMALL, kind, x, y, width, 1, &palette->text_secondary);
}

/* Shortens a horizontal dashed line from @left to @right to the area,
 * keeping its dashes where the whole line has them: dashing a line
 * 40,000 stages long would cost every tile. Returns whether any of it
 * is left. */
static gboolean
span_area (Painter *p,
           double  *left,
           double  *right,
           double   period)
{
  if (p->area.x - 8 > *left)
    *left += floor ((p->area.x - 8 - *left) / period) * period;
  *right = MIN (*right, p->area.x + p->area.width + 8);
  return *right > *left;
}

static void
paint_divider (Painter         *p,
               const WmLaneRow *row)
{
  cairo_t *cr = p->cr;
  const WmPalette *palette = p->palette;
  const WmRect *grid = &p->layout->grid;
  double y = row->y + row->height / 2;
  double dashes[] = { 8, 5 };
  double left = grid->x, right = grid->x + grid->width;
  g_autofree char *title = wm_layout_lane_title (row->lane);
  double pill_width = MIN (text_width (p, WM_FONT_SMALL_BOLD, title) + 20, p->style->lane_header_width - 8);
  double pill_height = line_height (p, WM_FONT_SMALL_BOLD) + 6;

  fill_rect (p, &(WmRect) { grid->x, row->y, grid->width, row->height }, &palette->background);

  cairo_save (cr);
  wm_color_set_source (cr, &palette->divider);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  if (span_area (p, &left, &right, dashes[0] + dashes[1]))
    {
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The line's name sits on it, at the left, as blueprints label them. */
  wm_path_rounded_rect (cr, grid->x + 4, y - pill_height / 2, pill_width, pill_height, pill_height / 2);
  wm_color_set_source (cr, &palette->background);
  cairo_fill_preserve (cr);
  wm_color_set_source (cr, &palette->divider);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  show_text (p, WM_FONT_SMALL_BOLD, title, grid->x + 14, y - pill_height / 2 + 3, pill_width - 20, 1, &palette->divider);
}

static void paint_emotion_header (Painter         *p,
                                  const WmLaneRow *row,
                                  guint            row_index);


/* The left edge of column @i, or the right edge of the last one when @i
 * is the number of columns; columns may differ in width. */
static double
column_edge (WmLayout *layout,
             guint     i,
             double    first_x)
{
  const WmStageColumn *column;

  if (layout->columns->len == 0)
    return first_x;
  if (i < layout->columns->len)
    return g_array_index (layout->columns, WmStageColumn, i).x;
  column = &g_array_index (layout->columns, WmStageColumn, layout->columns->len - 1);
  return column->x + column->width;
}

/* The rules between the columns that meet the area, from @top to
 * @bottom: a map of 40,000 stages costs a tile only the rules it shows. */
static void
add_column_rules (Painter *p,
                  double   top,
                  double   bottom)
{
  WmLayout *layout = p->layout;
  double cells_x = layout->grid.x + p->style->lane_header_width;
  guint first, end;

  wm_layout_columns_in (layout, p->area.x, p->area.width, &first, &end);
  for (guint i = first; i <= end && i <= layout->columns->len; i++)
    {
      double x = floor (column_edge (layout, i, cells_x)) + 0.5;

      cairo_move_to (p->cr, x, top);
      cairo_line_to (p->cr, x, bottom);
    }
}

static void
paint_stage_headers (Painter *p)
{
  WmLayout *layout = p->layout;
  guint first, end;

  wm_layout_columns_in (layout, p->area.x, p->area.width, &first, &end);
  for (guint i = first; i < end; i++)
    {
      const WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, i);

      if (visible (p, &column->header))
        paint_stage_header (p, column, i);
    }
}

static void
paint_grid (Painter *p)
{
  cairo_t *cr = p->cr;
  WmLayout *layout = p->layout;
  const WmPalette *palette = p->palette;
  const WmRect *grid = &layout->grid;
  double cells_x = grid->x + p->style->lane_header_width;
  guint first, end;

  /* The corner above the lane headers. */
  fill_rect (p, &(WmRect) { grid->x, grid->y, p->style->lane_header_width, layout->stage_header_height },
             &palette->header_fill);

  wm_layout_rows_in (layout, p->area.y, p->area.height, &first, &end);
  for (guint i = first; i < end; i++)
    {
      const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, i);
      WmRect band = { cells_x, row->y, grid->x + grid->width - cells_x, row->height };

      if (!visible (p, &(WmRect) { grid->x, row->y, grid->width, row->height }))
        continue;
      if (row->kind == WM_LANE_KIND_DIVIDER)
        {
          paint_divider (p, row);
          continue;
        }
      if (i % 2 == 1)
        fill_rect (p, &band, &palette->band_fill);
      paint_lane_header (p, row, row->y);
      if (row->kind == WM_LANE_KIND_EMOTIONS && !row->collapsed)
        paint_emotion_header (p, row, i);
    }

  paint_stage_headers (p);

  /* Rules between columns and between lanes, crisp on pixel edges. */
  wm_color_set_source (cr, &palette->rule);
  cairo_set_line_width (cr, 1);
  add_column_rules (p, grid->y, grid->y + grid->height);
  for (guint i = first; i <= end && i <= layout->rows->len; i++)
    {
      double y = floor (i < layout->rows->len ? g_array_index (layout->rows, WmLaneRow, i).y
                                               : grid->y + grid->height) + 0.5;

      cairo_move_to (cr, grid->x, y);
      cairo_line_to (cr, grid->x + grid->width, y);
    }
  cairo_move_to (cr, grid->x + 0.5, grid->y);
  cairo_line_to (cr, grid->x + 0.5, grid->y + grid->height);
  cairo_move_to (cr, grid->x, floor (grid->y) + 0.5);
  cairo_line_to (cr, grid->x + grid->width, floor (grid->y) + 0.5);
  cairo_stroke (cr);
}

/* Cards */

static double
paint_chip (Painter       *p,
            const char    *label,
            double         x,
            double         y,
            double         max_x,
            const WmColor *color)
{
  double width = text_width (p, WM_FONT_SMALL_BOLD, label) + 12;
  double height = p->style->badge_size + 2;

  if (x + width > max_x)
    return x;
  /* A pill is a thick line with round ends: two points instead of four
   * arcs, which matters in a PDF of thousands of cards. */
  cairo_save (p->cr);
  cairo_set_line_cap (p->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (p->cr, height);
  cairo_move_to (p->cr, x + height / 2, y - 1 + height / 2);
  cairo_line_to (p->cr, x + width - height / 2, y - 1 + height / 2);
  wm_color_set_source (p->cr, &p->palette->chip_fill);
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
  show_text (p, WM_FONT_SMALL_BOLD, label, x + 6, y - 1 + (height - line_height (p, WM_FONT_SMALL_BOLD)) / 2,
             0, 0, color);
  return x + width + 6;
}

static void
paint_badges (Painter         *p,
              const WmCardBox *box,
              double           x,
              double           y,
              double           width)
{
  cairo_t *cr = p->cr;
  WmCard *card = box->card;
  const WmPalette *palette = p->palette;
  double size = p->style->badge_size;
  double max_x = x + width;
  const char *channel = wm_card_get_channel (card);
  WmCardQuality quality = wm_card_get_quality (card);
  const char *moment = wm_moment_get_display_name (wm_card_get_moment (card));
  const char *time_label = wm_card_get_time_label (card);

  if (channel != NULL && *channel != '\0')
    {
      const char *name = wm_channel_get_display_name (channel);
      double name_y = y + (size - line_height (p, WM_FONT_SMALL_BOLD)) / 2;
      double room;

      wm_color_set_source (cr, &palette->lane_tint[WM_LANE_KIND_TOUCHPOINTS]);
      wm_glyph_draw_channel (cr, channel, x, y, size);
      x += size + 4;
      room = MAX (1, MIN (max_x - x, width * 0.6));

      /* Known channel names fit; a long free-text channel is cut short. */
      if (text_width (p, WM_FONT_SMALL_BOLD, name) <= room)
        x += show_text (p, WM_FONT_SMALL_BOLD, name, x, name_y, 0, 0, &palette->text_secondary) + 8;
      else
        x += show_text (p, WM_FONT_SMALL_BOLD, name, x, name_y, room, 1, &palette->text_secondary) + 8;
    }
  if (quality != WM_CARD_QUALITY_NONE && x + size <= max_x)
    {
      wm_color_set_source (cr, &palette->quality[quality]);
      wm_glyph_draw_quality (cr, quality, x, y, size);
      x += size + 3;
      x = paint_chip (p, wm_card_quality_get_display_name (quality), x, y, max_x, &palette->quality[quality]);
    }
  if (moment != NULL)
    x = paint_chip (p, moment, x, y, max_x, &palette->accent);
  if (time_label != NULL && *time_label != '\0')
    paint_chip (p, time_label, x, y, max_x, &palette->text_secondary);
}

/* Every colour of the palette mixed most of the way to the page: what a
 * view's filter leaves out stays in place, but quiet. Mixed colours
 * rather than a transparent group, so that vector exports keep their
 * text as text. */
#define FADE 0.78

static const WmPalette *
faded_palette (Painter *p)
{
  G_STATIC_ASSERT (sizeof (WmPalette) % sizeof (WmColor) == 0);

  if (!p->faded_ready)
    {
      const WmColor *from = (const WmColor *) &p->style->palette;
      WmColor *to = (WmColor *) &p->faded;

      for (guint i = 0; i < sizeof (WmPalette) / sizeof (WmColor); i++)
        wm_color_mix (&to[i], &from[i], &p->style->palette.background, FADE);
      p->faded_ready = TRUE;
    }
  return &p->faded;
}

/* The card's picture, filling its frame. A picture that cannot be read
 * leaves an empty frame, so the card keeps its shape. */
static void
paint_card_picture (Painter         *p,
                    const WmCardBox *box)
{
  WmRect frame;
  gboolean figure;

  if (!wm_layout_card_picture_rect (p->layout, box, &frame) || !visible (p, &frame))
    return;
  figure = p->tagged && wm_pdf_alt_begin_figure (p->cr, wm_card_get_picture_alt (box->card),
                                                 frame.x, frame.y, frame.width, frame.height);
  wm_painter_paint_picture (p->cr, wm_layout_get_picture (p->layout, box), &frame, 4, &p->palette->band_fill,
                            box->faded ? 0.35 : 1);
  if (figure)
    wm_pdf_alt_end_figure (p->cr);
}

static void
paint_card (Painter         *p,
            const WmCardBox *box)
{
  cairo_t *cr = p->cr;
  WmStyle *style = p->style;
  const WmPalette *palette = p->palette;
  const WmRect *r = &box->rect;
  WmLaneKind kind = g_array_index (p->layout->rows, WmLaneRow, box->lane_index).kind;
  double x = r->x + style->card_stripe + style->card_padding;
  double inner = wm_layout_card_inner_width (p->layout, box);
  WmColor stripe = palette->lane_tint[kind];
  WmColor fill = palette->lane_card_fill[kind];
  WmColor own;
  g_autofree char *footer = NULL;

  if (box->faded && p->palette != &p->faded)
    {
      const WmPalette *own_palette = p->palette;

      p->palette = faded_palette (p);
      paint_card (p, box);
      p->palette = own_palette;
      return;
    }

  if (wm_color_parse (&own, wm_card_get_color (box->card)))
    {
      stripe = own;
      if (box->faded)
        wm_color_mix (&stripe, &own, &style->palette.background, FADE);
      wm_color_mix (&fill, &palette->card_fill, &own, style->theme == WM_THEME_DARK ? 0.22 : 0.14);
    }

  /* One path filled and stroked, and a bar for the lane's colour: the
   * fewest drawing operations a PDF of 10,000 cards can get away with. */
  if (kind != WM_LANE_KIND_TEXT)
    {
      wm_path_rounded_rect (cr, r->x + 0.5, r->y + 0.5, r->width - 1, r->height - 1, style->card_radius);
      wm_color_set_source (cr, &fill);
      cairo_fill_preserve (cr);
      wm_color_set_source (cr, &palette->card_border);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  wm_color_set_source (cr, &stripe);
  cairo_rectangle (cr, r->x + 3, r->y + 6, style->card_stripe - 1, r->height - 12);
  cairo_fill (cr);
  /* Different in the map compared with: a ring in the accent colour. */
  if (box->marked)
    {
      wm_path_rounded_rect (cr, r->x + 1.5, r->y + 1.5, r->width - 3, r->height - 3, style->card_radius - 1);
      wm_color_set_source (cr, &palette->accent);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  /* Text a fraction of a pixel high tells nothing, and a 10,000-card
   * overview would spend most of its time and size on it. */
  if (p->card_shapes)
    return;

  paint_card_picture (p, box);
  if (box->has_badges)
    paint_badges (p, box, x, r->y + style->card_padding, inner);

  if (*wm_card_get_title (box->card) != '\0' || !p->hints)
    show_text (p, WM_FONT_CARD_TITLE, wm_card_get_title (box->card), x, r->y + box->title_y, inner,
               box->title_lines, &palette->text);
  else
    show_hint (p, wm_element_get_hint (WM_ELEMENT (box->card), "title"), x, r->y + box->title_y, inner,
               box->title_lines, &palette->card_fill);
  if (box->text_lines > 0)
    show_text (p, WM_FONT_CARD_TEXT, wm_card_get_text (box->card), x, r->y + box->text_y, inner,
               box->text_lines, kind == WM_LANE_KIND_TEXT ? &palette->text : &palette->text_secondary);
  if (box->footer_lines > 0)
    {
      footer = wm_layout_card_footer (box->card);
      show_text (p, WM_FONT_SMALL, footer, x, r->y + box->footer_y, inner, box->footer_lines, &palette->text_secondary);
    }
}

static void
paint_cards (Painter *p)
{
  WmLayout *layout = p->layout;
  g_autoptr(GArray) found = wm_layout_cards_in (layout, &p->area);

  for (guint i = 0; i < found->len; i++)
    paint_card (p, &g_array_index (layout->cards, WmCardBox, g_array_index (found, guint, i)));
}

/* Emotion curves */

/* In an emotion lane's header: the scale's faces along its right edge,
 * and a legend when there is more than one curve to tell apart. */
static char *
legend_label (const WmCurve *curve)
{
  const char *name = wm_persona_get_display_name (curve->persona);

  /* Translators: the legend line of another map's curve; %s is a persona's name */
  return curve->comparison ? g_strdup_printf (_("%s, compared"), name) : g_strdup (name);
}

static void
paint_emotion_header (Painter         *p,
                      const WmLaneRow *row,
                      guint            row_index)
{
  cairo_t *cr = p->cr;
  WmLayout *layout = p->layout;
  WmStyle *style = p->style;
  const WmPalette *palette = p->palette;
  double left = layout->grid.x + style->lane_header_width;

  for (int level = 1; level <= layout->emotion_levels; level++)
    {
      double y = wm_layout_level_y (layout, row, level);

      paint_level_mark (p, level, left - 14, y, MIN (8.0, style->emotion_level_height / 2 - 3));
    }

  /* A curve switched off in a view stays in the legend, faint, so it can
   * be switched on again. */
  for (guint c = 0; c < layout->curves->len; c++)
    {
      const WmCurve *curve = &g_array_index (layout->curves, WmCurve, c);
      g_autofree char *label = NULL;
      double middle = curve->legend.y + curve->legend.height / 2;
      WmColor text = palette->text;
      WmColor color = curve->color;

      if (curve->lane_index != row_index || curve->legend.width <= 0)
        continue;
      label = legend_label (curve);
      if (curve->hidden)
        {
          text.alpha *= 0.45;
          color.alpha *= 0.35;
        }
      wm_color_set_source (cr, &color);
      cairo_set_line_width (cr, 3);
      cairo_set_line_cap (cr, curve->comparison ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
      cairo_move_to (cr, curve->legend.x, middle);
      cairo_line_to (cr, curve->legend.x + 14, middle);
      if (curve->comparison)
        cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      show_text (p, WM_FONT_SMALL, label, curve->legend.x + 20, curve->legend.y, curve->legend.width - 20, 1, &text);
    }
}

/* The smooth line through points @from to @to of @points, with the
 * slopes the layout worked out (see compute_tangents() there). */
static void
trace_curve (cairo_t *cr,
             GArray  *points,
             guint    from,
             guint    to)
{
  const WmCurvePoint *first;

  if (from >= points->len)
    return;
  first = &g_array_index (points, WmCurvePoint, from);
  cairo_move_to (cr, first->x, first->y);
  for (guint i = from; i < to && i + 1 < points->len; i++)
    {
      const WmCurvePoint *a = &g_array_index (points, WmCurvePoint, i);
      const WmCurvePoint *b = &g_array_index (points, WmCurvePoint, i + 1);
      double h = (b->x - a->x) / 3;

      cairo_curve_to (cr, a->x + h, a->y + a->tangent * h, b->x - h, b->y - b->tangent * h, b->x, b->y);
    }
}

/* One persona's curve: the line through its points, and at each point
 * a face and what the persona said there. */
static void
paint_curve (Painter       *p,
             const WmCurve *curve)
{
  cairo_t *cr = p->cr;
  WmStyle *style = p->style;
  const WmPalette *palette = p->palette;
  double face = style->face_radius;
  /* How far from its point a face or a label reaches, at most. */
  double reach = 2 * face + style->label_width + 32;
  guint n = curve->points->len, first, end, from, to;

  /* Another persona's than the view's: drawn washed out, as faded cards are. */
  if (curve->faded)
    {
      WmCurve quiet = *curve;

      quiet.faded = FALSE;
      wm_color_mix (&quiet.color, &curve->color, &style->palette.background, FADE);
      p->palette = faded_palette (p);
      paint_curve (p, &quiet);
      p->palette = palette;
      return;
    }

  /* Only the part of the line and the points that can show in the area:
   * a segment stays between its points' x, and the line ends a point
   * beyond the area on each side. A dashed line is traced whole, as its
   * dashes run from its start. */
  wm_layout_curve_points_in (curve, p->area.x - reach, p->area.width + 2 * reach, &first, &end);
  from = curve->comparison || first == 0 ? 0 : first - 1;
  to = curve->comparison ? n : MIN (end + 1, n);
  if (n == 0)
    return;

  cairo_save (cr);
  trace_curve (cr, curve->points, from, to > 0 ? to - 1 : 0);
  wm_color_set_source (cr, &curve->color);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (curve->comparison)
    cairo_set_dash (cr, (double[]) { 6, 7 }, 2, 0);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Another map's points are marks to compare with, not faces to read. */
  if (curve->comparison)
    {
      for (guint i = first; i < end; i++)
        {
          const WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, i);

          cairo_arc (cr, point->x, point->y, 5, 0, 2 * G_PI);
          wm_color_set_source (cr, &palette->card_fill);
          cairo_fill_preserve (cr);
          wm_color_set_source (cr, &curve->color);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
        }
      return;
    }

  for (guint i = first; i < end; i++)
    {
      const WmCurvePoint *point = &g_array_index (curve->points, WmCurvePoint, i);

      wm_color_set_source (cr, &curve->color);
      cairo_arc (cr, point->x, point->y, face + 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
      paint_level_mark (p, point->score, point->x, point->y, face);

      if (point->label_lines > 0)
        {
          g_autofree char *quoted = wm_layout_quoted (wm_emotion_point_get_label (point->point));

          show_text (p, WM_FONT_SMALL, quoted, point->label.x, point->label.y, point->label.width,
                     point->label_lines, &palette->text);
        }
    }
}

static void
paint_emotion_lane (Painter         *p,
                    const WmLaneRow *row,
                    guint            row_index)
{
  cairo_t *cr = p->cr;
  WmLayout *layout = p->layout;
  WmStyle *style = p->style;
  const WmPalette *palette = p->palette;
  double left = layout->grid.x + style->lane_header_width;
  double right = layout->grid.x + layout->grid.width;
  double dashes[] = { 2, 4 };
  int levels = layout->emotion_levels;

  /* A faint guide per level. */
  if (!span_area (p, &left, &right, dashes[0] + dashes[1]))
    levels = 0;
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  wm_color_set_source (cr, &palette->rule);
  for (int level = 1; level <= levels; level++)
    {
      double y = floor (wm_layout_level_y (layout, row, level)) + 0.5;

      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);


  /* The selected persona's curve last, so it lies on top. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < layout->curves->len; c++)
      {
        const WmCurve *curve = &g_array_index (layout->curves, WmCurve, c);

        if (curve->lane_index == row_index && !curve->hidden && curve->on_top == (pass == 1))
          paint_curve (p, curve);
      }
}

static void
paint_curves (Painter *p)
{
  WmLayout *layout = p->layout;
  guint first, end;

  wm_layout_rows_in (layout, p->area.y, p->area.height, &first, &end);
  for (guint i = first; i < end; i++)
    {
      const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, i);

      if (row->kind == WM_LANE_KIND_EMOTIONS && !row->collapsed
          && visible (p, &(WmRect) { layout->grid.x, row->y, layout->grid.width, row->height }))
        paint_emotion_lane (p, row, i);
    }
}

static void
painter_begin (Painter      *p,
               cairo_t      *cr,
               WmLayout     *layout,
               const WmRect *area)
{
  *p = (Painter) {
    .cr = cr,
    .layout = layout,
    .style = layout->style,
    .palette = &layout->style->palette,
    .area = area != NULL ? *area : (WmRect) { 0, 0, layout->width, layout->height },
    /* Other surfaces ignore tags; they need not pay for them. */
    .tagged = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF,
  };

  cairo_save (cr);
  p->text = pango_cairo_create_layout (cr);
  wm_text_configure_context (pango_layout_get_context (p->text));
  pango_layout_context_changed (p->text);
  pango_layout_set_wrap (p->text, PANGO_WRAP_WORD_CHAR);
  p->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static void
painter_end (Painter *p)
{
  if (p->sink_text != NULL)
    g_string_free (p->sink_text, TRUE);
  g_clear_pointer (&p->sink_lines, g_array_unref);
  g_hash_table_unref (p->labels);
  g_object_unref (p->text);
  cairo_restore (p->cr);
}

/**
 * wm_painter_paint:
 * @cr: where to paint, in map coordinates
 * @layout: what to paint
 * @area: (nullable): the part of the map that needs painting, or %NULL
 *   for all of it; anything outside may or may not be drawn
 * @flags: options
 *
 * Paints the map. Only what intersects @area is drawn, so a canvas or a
 * tiled export pays for what shows.
 */
static void
paint_map (Painter      *p,
           WmPaintFlags  flags)
{
  cairo_t *cr = p->cr;

  if (!(flags & WM_PAINT_TRANSPARENT))
    {
      wm_color_set_source (cr, &p->palette->background);
      cairo_rectangle (cr, p->area.x, p->area.y, p->area.width, p->area.height);
      cairo_fill (cr);
    }

  p->hints = (flags & WM_PAINT_HINTS) != 0;
  paint_header (p, !(flags & WM_PAINT_NO_TITLE));
  paint_grid (p);
  p->card_shapes = (flags & WM_PAINT_CARD_SHAPES) != 0;
  if (!(flags & WM_PAINT_NO_CARDS))
    paint_cards (p);
  paint_curves (p);
}

void
wm_painter_paint (cairo_t      *cr,
                  WmLayout     *layout,
                  const WmRect *area,
                  WmPaintFlags  flags)
{
  Painter p;

  painter_begin (&p, cr, layout, area);
  paint_map (&p, flags);
  painter_end (&p);
}

/**
 * wm_painter_paint_with_text_sink:
 * @sink: called for each block of text, in painting order
 *
 * Paints the whole map as wm_painter_paint() does, except that the words
 * are handed to @sink rather than drawn: a vector export can then keep
 * them as text that stays editable and searchable.
 */
void
wm_painter_paint_with_text_sink (cairo_t        *cr,
                                 WmLayout       *layout,
                                 WmPaintFlags    flags,
                                 WmTextSinkFunc  sink,
                                 gpointer        user_data)
{
  Painter p;

  g_return_if_fail (sink != NULL);

  painter_begin (&p, cr, layout, NULL);
  p.sink = sink;
  p.sink_data = user_data;
  p.sink_text = g_string_new (NULL);
  p.sink_lines = g_array_new (FALSE, FALSE, sizeof (WmTextLine));
  paint_map (&p, flags);
  painter_end (&p);
}

/**
 * wm_painter_paint_card:
 * @box: one of @layout's cards
 *
 * @flags: options; only %WM_PAINT_HINTS counts
 *
 * Paints one card, in map coordinates, as wm_painter_paint() would: the
 * canvas's card widgets look exactly like the export.
 */
void
wm_painter_paint_card (cairo_t         *cr,
                       WmLayout        *layout,
                       const WmCardBox *box,
                       WmPaintFlags     flags)
{
  Painter p;

  painter_begin (&p, cr, layout, &box->rect);
  p.hints = (flags & WM_PAINT_HINTS) != 0;
  paint_card (&p, box);
  painter_end (&p);
}

/**
 * wm_painter_paint_stage_header_row:
 * @area: the part of the row to paint, in map coordinates
 *
 * Paints the row of stage headers on its own, as the canvas keeps it in
 * view while the map scrolls up beneath it.
 */
void
wm_painter_paint_stage_header_row (cairo_t      *cr,
                                   WmLayout     *layout,
                                   const WmRect *area)
{
  Painter p;
  const WmRect *grid = &layout->grid;

  painter_begin (&p, cr, layout, area);
  /* A repeat of headers the map shows once: the structure names each
   * stage once. */
  p.tagged = FALSE;
  fill_rect (&p, &(WmRect) { grid->x, grid->y, grid->width, layout->stage_header_height }, &p.palette->background);
  paint_stage_headers (&p);
  wm_color_set_source (cr, &p.palette->rule);
  cairo_set_line_width (cr, 1);
  add_column_rules (&p, grid->y, grid->y + layout->stage_header_height);
  cairo_move_to (cr, grid->x, floor (grid->y + layout->stage_header_height) + 0.5);
  cairo_line_to (cr, grid->x + grid->width, floor (grid->y + layout->stage_header_height) + 0.5);
  cairo_stroke (cr);
  painter_end (&p);
}

/**
 * wm_painter_paint_lane_header_column:
 * @area: the part of the column to paint, in map coordinates
 * @titles_top: where the view's lanes begin, in map coordinates: below the
 *   stage headers when they are frozen at the top
 *
 * Paints the column of lane headers on its own, as the canvas keeps it in
 * view while the map scrolls sideways beneath it. The title of a lane that
 * begins above @titles_top moves down to it, so that a tall lane scrolled
 * half out of view still shows its name.
 */
void
wm_painter_paint_lane_header_column (cairo_t      *cr,
                                     WmLayout     *layout,
                                     const WmRect *area,
                                     double        titles_top)
{
  Painter p;
  const WmRect *grid = &layout->grid;
  double width = layout->style->lane_header_width;
  guint first, end;

  painter_begin (&p, cr, layout, area);
  p.tagged = FALSE;  /* a repeat, as above */
  wm_layout_rows_in (layout, p.area.y, p.area.height, &first, &end);
  for (guint i = first; i < end; i++)
    {
      const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, i);

      if (!visible (&p, &row->header))
        continue;
      if (row->kind == WM_LANE_KIND_DIVIDER)
        {
          cairo_save (cr);
          cairo_rectangle (cr, grid->x, row->y, width, row->height);
          cairo_clip (cr);
          paint_divider (&p, row);
          cairo_restore (cr);
          continue;
        }
      paint_lane_header (&p, row, titles_top);
      if (row->kind == WM_LANE_KIND_EMOTIONS && !row->collapsed)
        paint_emotion_header (&p, row, i);
    }
  wm_color_set_source (cr, &p.palette->rule);
  cairo_set_line_width (cr, 1);
  for (guint i = first; i <= end && i < layout->rows->len; i++)
    {
      double y = floor (g_array_index (layout->rows, WmLaneRow, i).y) + 0.5;

      cairo_move_to (cr, grid->x, y);
      cairo_line_to (cr, grid->x + width, y);
    }
  cairo_move_to (cr, floor (grid->x + width) + 0.5, grid->y);
  cairo_line_to (cr, floor (grid->x + width) + 0.5, grid->y + grid->height);
  cairo_stroke (cr);
  painter_end (&p);
}

/**
 * wm_painter_paint_picture:
 * @picture: (nullable): the decoded picture, or %NULL when it cannot be read
 * @frame: where it goes
 * @radius: of the frame's corners
 * @empty: the frame's colour, which shows when there is no picture
 * @alpha: 1, or less for a card a view fades
 *
 * Draws a card's picture filling @frame, cut to the frame's shape from
 * the middle, as a photo on a storyboard is framed: the map and the
 * slides frame pictures alike.
 */
void
wm_painter_paint_picture (cairo_t         *cr,
                          cairo_surface_t *picture,
                          const WmRect    *frame,
                          double           radius,
                          const WmColor   *empty,
                          double           alpha)
{
  double width, height, scale;

  cairo_save (cr);
  wm_path_rounded_rect (cr, frame->x, frame->y, frame->width, frame->height, radius);
  cairo_clip_preserve (cr);
  wm_color_set_source (cr, empty);
  cairo_fill (cr);
  if (picture != NULL)
    {
      width = cairo_image_surface_get_width (picture);
      height = cairo_image_surface_get_height (picture);
      scale = MAX (frame->width / width, frame->height / height);
      cairo_translate (cr, frame->x + (frame->width - width * scale) / 2,
                       frame->y + (frame->height - height * scale) / 2);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, picture, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint_with_alpha (cr, alpha);
    }
  cairo_restore (cr);
}
