/* wm-text-measure.c: line counts for wrapped text without shaping every
 * string.
 *
 * Laying out a 10,000-card map with a PangoLayout per text would cost
 * most of a second, so for the text cards almost always hold (Latin
 * script and common punctuation) we add up cached advance widths and
 * wrap greedily at spaces, as pango does. Pango may break in more places
 * (after hyphens and slashes) and kerns pairs closer, so its result never
 * needs more lines than ours: the painter then always has room. Any other
 * script takes the exact, slower path through pango.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-text-measure"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "wm-text-measure.h"

/* Latin-1, Latin Extended-A and -B; and General Punctuation to the
 * currency signs, which hold the quotes, dashes and ellipsis. */
#define LATIN_END 0x0250
#define PUNCTUATION_START 0x2000
#define PUNCTUATION_END 0x20D0
#define N_FAST_CHARS (LATIN_END + (PUNCTUATION_END - PUNCTUATION_START))

typedef struct
{
  PangoFontDescription *font;
  float *advance;           /* in pixels; negative until measured */
  double first_line_height;
  double line_spacing;
} FontMetrics;

struct _WmTextMeasure
{
  PangoContext *context;
  PangoLayout *layout;
  FontMetrics metrics[WM_N_FONTS];
};

/**
 * wm_text_configure_context:
 *
 * Unhinted metrics, so that text measures the same on screen, in PDF
 * and in PNG, and the layout computed once fits them all.
 */
void
wm_text_configure_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
}

/**
 * wm_text_cap:
 * @text: (nullable): UTF-8 text to lay out
 * @owned: (out): set to the copy the result points to, or %NULL
 *
 * Every text reaches pango through here. A card or title may hold
 * megabytes; shaping them all would stall the window and the exports for
 * text no one could read on a card anyway. So beyond
 * %WM_TEXT_MAX_CHARS characters the text is cut, at a character
 * boundary, and ends with an ellipsis. Short text costs no copy.
 *
 * Returns: @text, or the cut copy stored in @owned
 */
const char *
wm_text_cap (const char  *text,
             char       **owned)
{
  const char *p = text;

  *owned = NULL;
  if (text == NULL)
    return NULL;
  /* g_utf8_find_next_char() stops at the end even of bad UTF-8. */
  for (guint n = 0; n < WM_TEXT_MAX_CHARS && *p != '\0'; n++)
    p = g_utf8_find_next_char (p, NULL);
  if (*p == '\0')
    return text;
  *owned = g_strdup_printf ("%.*s…", (int) (p - text), text);
  return *owned;
}

static int
fast_index (gunichar c)
{
  if (c < LATIN_END)
    return c;
  if (c >= PUNCTUATION_START && c < PUNCTUATION_END)
    return LATIN_END + (c - PUNCTUATION_START);
  return -1;
}

static double
layout_height (PangoLayout *layout,
               const char  *text)
{
  int height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

WmTextMeasure *
wm_text_measure_new (WmStyle *style)
{
  WmTextMeasure *self = g_new0 (WmTextMeasure, 1);
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();

  self->context = pango_font_map_create_context (font_map);
  wm_text_configure_context (self->context);
  self->layout = pango_layout_new (self->context);

  for (guint i = 0; i < WM_N_FONTS; i++)
    {
      FontMetrics *metrics = &self->metrics[i];
      double one_line, two_lines;

      metrics->font = pango_font_description_copy (style->fonts[i]);
      metrics->advance = g_new (float, N_FAST_CHARS);
      for (guint c = 0; c < N_FAST_CHARS; c++)
        metrics->advance[c] = -1;

      pango_layout_set_font_description (self->layout, metrics->font);
      one_line = layout_height (self->layout, "Ag");
      two_lines = layout_height (self->layout, "Ag\nAg");
      metrics->first_line_height = one_line;
      metrics->line_spacing = two_lines - one_line;
    }
  pango_layout_set_font_description (self->layout, NULL);

  return self;
}

void
wm_text_measure_free (WmTextMeasure *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < WM_N_FONTS; i++)
    {
      pango_font_description_free (self->metrics[i].font);
      g_free (self->metrics[i].advance);
    }
  g_object_unref (self->layout);
  g_object_unref (self->context);
  g_free (self);
}

PangoContext *
wm_text_measure_get_context (WmTextMeasure *self)
{
  return self->context;
}

static double
advance_of (WmTextMeasure *self,
            FontMetrics   *metrics,
            gunichar       c)
{
  int index = fast_index (c);

  if (metrics->advance[index] < 0)
    {
      char utf8[8];
      int width;
      int len = g_unichar_to_utf8 (c, utf8);

      pango_layout_set_font_description (self->layout, metrics->font);
      pango_layout_set_width (self->layout, -1);
      pango_layout_set_text (self->layout, utf8, len);
      pango_layout_get_size (self->layout, &width, NULL);
      metrics->advance[index] = (float) width / PANGO_SCALE;
    }
  return metrics->advance[index];
}

static gboolean
is_fast_text (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Combining marks and controls other than newline need shaping. */
      if (fast_index (c) < 0 || (c >= 0x0300 && c < 0x0370) || (c < 0x20 && c != '\n') || c == 0xAD)
        return FALSE;
    }
  return TRUE;
}

/* Greedy wrapping at spaces; words wider than a line break between
 * characters, like PANGO_WRAP_WORD_CHAR. */
static int
count_lines_fast (WmTextMeasure *self,
                  FontMetrics   *metrics,
                  const char    *text,
                  double         width)
{
  int lines = 1;
  double line = 0;          /* width of the line so far, without trailing spaces */
  double spaces = 0;        /* spaces waiting between the line and the next word */
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *word_end;
      double word = 0;

      if (c == '\n')
        {
          lines++;
          line = spaces = 0;
          p++;
          continue;
        }
      if (c == ' ')
        {
          spaces += advance_of (self, metrics, c);
          p++;
          continue;
        }

      for (word_end = p; *word_end && *word_end != ' ' && *word_end != '\n';
           word_end = g_utf8_next_char (word_end))
        word += advance_of (self, metrics, g_utf8_get_char (word_end));

      if (line + spaces + word <= width || (line == 0 && spaces == 0 && word <= width))
        {
          line += spaces + word;
        }
      else if (word <= width)
        {
          if (line > 0 || spaces > 0)
            lines++;
          line = word;
        }
      else
        {
          /* Too long for any line: fill character by character, leaving
           * room for the hyphen pango puts where it breaks a word. */
          double hyphen = advance_of (self, metrics, '-');

          if (line > 0 || spaces > 0)
            lines++;
          line = 0;
          for (const char *q = p; q < word_end; q = g_utf8_next_char (q))
            {
              double a = advance_of (self, metrics, g_utf8_get_char (q));
              gboolean last = g_utf8_next_char (q) >= word_end;

              if (line > 0 && line + a > (last ? width : width - hyphen))
                {
                  lines++;
                  line = 0;
                }
              line += a;
            }
        }
      spaces = 0;
      p = word_end;
    }
  /* Spaces that end the text and do not fit go to a line of their own. */
  if (spaces > 0 && line + spaces > width)
    lines++;
  return lines;
}

static int
count_lines_exact (WmTextMeasure *self,
                   FontMetrics   *metrics,
                   const char    *text,
                   double         width)
{
  int lines;

  pango_layout_set_font_description (self->layout, metrics->font);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (self->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (self->layout, text, -1);
  lines = pango_layout_get_line_count (self->layout);
  pango_layout_set_width (self->layout, -1);
  return lines;
}

/**
 * wm_text_measure_lines:
 * @text: UTF-8; empty or %NULL counts as no lines
 * @width: the wrapping width, in pixels
 *
 * Returns: how many lines @text takes at most when pango wraps it at
 * @width with %PANGO_WRAP_WORD_CHAR.
 */
int
wm_text_measure_lines (WmTextMeasure *self,
                       WmFontRole     role,
                       const char    *text,
                       double         width)
{
  FontMetrics *metrics = &self->metrics[role];
  g_autofree char *capped = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  text = wm_text_cap (text, &capped);
  if (is_fast_text (text))
    return count_lines_fast (self, metrics, text, width);
  return count_lines_exact (self, metrics, text, width);
}

double
wm_text_measure_height (WmTextMeasure *self,
                        WmFontRole     role,
                        int            lines)
{
  FontMetrics *metrics = &self->metrics[role];

  if (lines <= 0)
    return 0;
  return metrics->first_line_height + (lines - 1) * metrics->line_spacing;
}

/* The width of @text on one line, unwrapped. */
double
wm_text_measure_width (WmTextMeasure *self,
                       WmFontRole     role,
                       const char    *text)
{
  FontMetrics *metrics = &self->metrics[role];
  g_autofree char *capped = NULL;
  int width;

  if (text == NULL || *text == '\0')
    return 0;
  text = wm_text_cap (text, &capped);
  if (is_fast_text (text) && strchr (text, '\n') == NULL)
    {
      double sum = 0;

      for (const char *p = text; *p; p = g_utf8_next_char (p))
        sum += advance_of (self, metrics, g_utf8_get_char (p));
      return sum;
    }
  pango_layout_set_font_description (self->layout, metrics->font);
  pango_layout_set_width (self->layout, -1);
  pango_layout_set_text (self->layout, text, -1);
  pango_layout_get_size (self->layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}
