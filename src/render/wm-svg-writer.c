/* wm-svg-writer.c: the map as an SVG picture whose words stay text.
 *
 * The painter draws the shapes on cairo's SVG surface and hands every
 * block of words to us instead of drawing glyph outlines. The shapes come
 * out of cairo, made smaller (repeated styles become classes, path
 * coordinates relative and to a hundredth of a pixel); the words follow
 * as <text> elements, one a block with a <tspan> for each line it wraps
 * to, so a designer can edit them and a reader can search them.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-svg-writer"

#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "wm-export.h"
#include "wm-layout-text.h"
#include "wm-painter.h"
#include "wm-svg-writer.h"

#define FLUSH_SIZE 65536

typedef struct
{
  GHashTable *index;   /* declarations → class number */
  GPtrArray *order;    /* declarations, by class number */
} Classes;

typedef struct
{
  WmSafeFile *file;
  GString *out;        /* what waits to be written */
  gboolean ok;
  Classes shapes;
  Classes texts;
  GString *text;       /* the <text> elements, in painting order */
} Writer;

static void
classes_init (Classes *classes)
{
  classes->index = g_hash_table_new (g_str_hash, g_str_equal);
  classes->order = g_ptr_array_new_with_free_func (g_free);
}

static void
classes_clear (Classes *classes)
{
  g_hash_table_unref (classes->index);
  g_ptr_array_unref (classes->order);
}

/* The class that stands for @declarations; the first one seen is 0, so
 * the same map gives the same file every time. */
static guint
classes_lookup (Classes    *classes,
                const char *declarations,
                gsize       length)
{
  g_autofree char *key = g_strndup (declarations, length);
  gpointer value;

  if (g_hash_table_lookup_extended (classes->index, key, NULL, &value))
    return GPOINTER_TO_UINT (value);
  g_ptr_array_add (classes->order, key);
  g_hash_table_insert (classes->index, g_steal_pointer (&key), GUINT_TO_POINTER (classes->order->len - 1));
  return classes->order->len - 1;
}

static void
writer_flush (Writer   *w,
              gboolean  force)
{
  if (w->out->len == 0 || (!force && w->out->len < FLUSH_SIZE))
    return;
  if (w->ok)
    w->ok = wm_safe_file_write (w->file, w->out->str, w->out->len);
  g_string_truncate (w->out, 0);
}

/* Text is whatever the user typed: it is escaped, and what XML 1.0 cannot
 * hold at all (most control characters) is left out, as the painter
 * shows nothing readable for it either. */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  g_autofree char *valid = NULL;
  const char *end;

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      valid = g_utf8_make_valid (text, length);
      text = valid;
      length = strlen (valid);
    }
  end = text + length;
  for (const char *c = text; c < end; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      switch (u)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\r': g_string_append (out, "&#13;"); break;  /* XML readers drop a raw one */
        default:
          if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || (u >= 0x7f && u < 0xa0)
              || u == 0xfffe || u == 0xffff)
            break;
          g_string_append_len (out, c, g_utf8_next_char (c) - c);
          break;
        }
    }
}

/* A number in hundredths, as short as SVG allows: "12.5", "-.25", "3". */
static void
append_hundredths (GString *out,
                   gint64   value)
{
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  guint fraction = magnitude % 100;

  if (value < 0)
    g_string_append_c (out, '-');
  if (magnitude >= 100 || fraction == 0)
    g_string_append_printf (out, "%" G_GUINT64_FORMAT, magnitude / 100);
  if (fraction != 0)
    g_string_append_printf (out, fraction % 10 == 0 ? ".%u" : ".%02u", fraction % 10 == 0 ? fraction / 10 : fraction);
}

static void
append_number (GString *out,
               double   value)
{
  append_hundredths (out, (gint64) llround (value * 100));
}

/* A font family list as CSS wants it: names with spaces quoted, pango's
 * generic names as CSS's. */
static void
append_font_family (GString    *out,
                    const char *family)
{
  g_auto(GStrv) names = g_strsplit (family != NULL ? family : "Sans", ",", -1);
  gboolean first = TRUE;

  for (guint i = 0; names[i] != NULL; i++)
    {
      char *name = g_strstrip (names[i]);

      if (*name == '\0' || strpbrk (name, "'\"\\;{}<>&") != NULL)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      if (g_ascii_strcasecmp (name, "Sans") == 0 || g_ascii_strcasecmp (name, "Sans-serif") == 0)
        g_string_append (out, "sans-serif");
      else if (g_ascii_strcasecmp (name, "Serif") == 0)
        g_string_append (out, "serif");
      else if (g_ascii_strcasecmp (name, "Monospace") == 0)
        g_string_append (out, "monospace");
      else if (strchr (name, ' ') != NULL)
        g_string_append_printf (out, "'%s'", name);
      else
        g_string_append (out, name);
    }
  if (first)
    g_string_append (out, "sans-serif");
}

static guint
text_class (Writer          *w,
            const WmTextRun *run)
{
  g_autoptr(GString) css = g_string_new ("font-family:");
  PangoStyle style = pango_font_description_get_style (run->font);

  append_font_family (css, pango_font_description_get_family (run->font));
  g_string_append (css, ";font-size:");
  append_number (css, run->size);
  g_string_append_printf (css, "px;font-weight:%d", (int) pango_font_description_get_weight (run->font));
  /* A slant pango makes up is drawn as a shear: a font-style would
   * leave it upright in programs that make up none. */
  if (style != PANGO_STYLE_NORMAL && run->slant == 0)
    g_string_append (css, style == PANGO_STYLE_ITALIC ? ";font-style:italic" : ";font-style:oblique");
  g_string_append_printf (css, ";fill:#%02x%02x%02x",
                          (guint) lround (CLAMP (run->color->red, 0, 1) * 255),
                          (guint) lround (CLAMP (run->color->green, 0, 1) * 255),
                          (guint) lround (CLAMP (run->color->blue, 0, 1) * 255));
  if (run->color->alpha < 1)
    {
      g_string_append (css, ";fill-opacity:");
      append_number (css, CLAMP (run->color->alpha, 0, 1));
    }
  return classes_lookup (&w->texts, css->str, css->len);
}

static void
append_position (GString *out,
                 double   x,
                 double   y)
{
  g_string_append (out, " x=\"");
  append_number (out, x);
  g_string_append (out, "\" y=\"");
  append_number (out, y);
  g_string_append_c (out, '"');
}

/* One block of words becomes one <text>: its first line the element's
 * own text, each further line a <tspan> where the painter put it. A line
 * keeps the space it was wrapped at, so the element's words read as the
 * title itself. */
static void
on_text_run (const WmTextRun *run,
             gpointer         user_data)
{
  Writer *w = user_data;
  GString *out = w->text;

  double baseline = run->lines[0].y;

  g_string_append_printf (out, "<text class=\"t%u\"", text_class (w, run));
  if (run->slant != 0)
    {
      /* Sheared about the first baseline; later lines move right by as
       * much as the shear moves them left. */
      g_string_append (out, " transform=\"matrix(1 0 ");
      append_number (out, -run->slant);
      g_string_append (out, " 1 ");
      append_number (out, run->slant * baseline);
      g_string_append (out, " 0)\"");
    }
  append_position (out, run->lines[0].x, baseline);
  g_string_append_c (out, '>');
  append_escaped (out, run->lines[0].text, run->lines[0].length);
  for (guint i = 1; i < run->n_lines; i++)
    {
      g_string_append (out, "<tspan");
      append_position (out, run->lines[i].x + run->slant * (run->lines[i].y - baseline), run->lines[i].y);
      g_string_append_c (out, '>');
      append_escaped (out, run->lines[i].text, run->lines[i].length);
      g_string_append (out, "</tspan>");
    }
  g_string_append (out, "</text>\n");
}

static const char *
skip_separators (const char *s,
                 const char *end)
{
  while (s < end && (*s == ' ' || *s == ',' || *s == '\n' || *s == '\t' || *s == '\r'))
    s++;
  return s;
}

/* Reads @n numbers, in hundredths, or fails. */
static gboolean
read_numbers (const char **s,
              const char  *end,
              gint64      *values,
              guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      char *after;
      double value;

      *s = skip_separators (*s, end);
      if (*s >= end || !(g_ascii_isdigit (**s) || **s == '-' || **s == '+' || **s == '.'))
        return FALSE;
      value = g_ascii_strtod (*s, &after);
      if (after == *s || after > end || !isfinite (value) || fabs (value) > 1e12)
        return FALSE;
      values[i] = (gint64) llround (value * 100);
      *s = after;
    }
  return TRUE;
}

static void
append_path_number (GString *out,
                    gint64   value,
                    gboolean after_command)
{
  if (!after_command && value >= 0)
    g_string_append_c (out, ' ');
  append_hundredths (out, value);
}

/* Cairo writes paths with absolute coordinates to a millionth of a pixel.
 * Relative ones to a hundredth draw the same and take half the room.
 * Each step is measured from the rounded point before it, so rounding
 * never adds up. Returns %FALSE for anything but cairo's M, L, C and Z,
 * and the caller keeps the path as it was. */
static gboolean
append_compact_path (GString    *out,
                     const char *d,
                     const char *end)
{
  gsize start_len = out->len;
  gint64 cur_x = 0, cur_y = 0, start_x = 0, start_y = 0;
  char command = 0, last = 0;
  gboolean seen_move = FALSE;

  for (d = skip_separators (d, end); d < end; d = skip_separators (d, end))
    {
      gint64 v[6];
      guint pairs;

      if (g_ascii_isalpha (*d))
        command = *d++;
      switch (command)
        {
        case 'M':
          if (!read_numbers (&d, end, v, 2))
            goto fail;
          g_string_append_c (out, 'M');
          append_path_number (out, v[0], TRUE);
          append_path_number (out, v[1], FALSE);
          cur_x = start_x = v[0];
          cur_y = start_y = v[1];
          seen_move = TRUE;
          last = 'M';
          command = 'L';  /* pairs after a move are lines */
          continue;
        case 'L':
          pairs = 1;
          break;
        case 'C':
          pairs = 3;
          break;
        case 'Z':
        case 'z':
          g_string_append_c (out, 'z');
          cur_x = start_x;
          cur_y = start_y;
          last = 'z';
          command = 0;
          continue;
        default:
          goto fail;
        }
      if (!seen_move || !read_numbers (&d, end, v, pairs * 2))
        goto fail;
      if (last != g_ascii_tolower (command))
        g_string_append_c (out, g_ascii_tolower (command));
      for (guint i = 0; i < pairs * 2; i++)
        append_path_number (out, v[i] - (i % 2 == 0 ? cur_x : cur_y),
                            i == 0 && last != g_ascii_tolower (command));
      cur_x = v[pairs * 2 - 2];
      cur_y = v[pairs * 2 - 1];
      last = g_ascii_tolower (command);
    }
  return TRUE;

fail:
  g_string_truncate (out, start_len);
  return FALSE;
}

/* Copies cairo's picture, from after its <svg> tag to before </svg>,
 * writing classes for style attributes and compact paths. */
static void
write_shapes (Writer     *w,
              const char *s,
              const char *end)
{
  static const char style_attr[] = " style=\"";
  static const char path_attr[] = " d=\"";

  while (s < end)
    {
      const char *space = memchr (s, ' ', end - s);
      const char *value, *close;

      if (space == NULL)
        {
          g_string_append_len (w->out, s, end - s);
          break;
        }
      g_string_append_len (w->out, s, space - s);
      s = space;
      if ((gsize) (end - s) > sizeof style_attr && memcmp (s, style_attr, sizeof style_attr - 1) == 0)
        {
          value = s + sizeof style_attr - 1;
          close = memchr (value, '"', end - value);
          if (close != NULL && memchr (value, '<', close - value) == NULL
              && memchr (value, '{', close - value) == NULL && memchr (value, '}', close - value) == NULL)
            {
              g_string_append_printf (w->out, " class=\"s%u\"", classes_lookup (&w->shapes, value, close - value));
              s = close + 1;
              writer_flush (w, FALSE);
              continue;
            }
        }
      else if ((gsize) (end - s) > sizeof path_attr && memcmp (s, path_attr, sizeof path_attr - 1) == 0)
        {
          value = s + sizeof path_attr - 1;
          close = memchr (value, '"', end - value);
          if (close != NULL)
            {
              gsize before = w->out->len;

              g_string_append (w->out, path_attr);
              if (append_compact_path (w->out, value, close))
                {
                  g_string_append_c (w->out, '"');
                  s = close + 1;
                  writer_flush (w, FALSE);
                  continue;
                }
              g_string_truncate (w->out, before);
            }
        }
      g_string_append_c (w->out, ' ');
      s++;
    }
}

/* The style attributes of cairo's picture, gathered before any is
 * written, so the <style> element can come first. */
static void
gather_shape_classes (Writer     *w,
                      const char *s,
                      const char *end)
{
  static const char style_attr[] = " style=\"";
  const char *found;

  while ((found = g_strstr_len (s, end - s, style_attr)) != NULL)
    {
      const char *value = found + sizeof style_attr - 1;
      const char *close = memchr (value, '"', end - value);

      if (close == NULL)
        break;
      if (memchr (value, '<', close - value) == NULL && memchr (value, '{', close - value) == NULL
          && memchr (value, '}', close - value) == NULL)
        classes_lookup (&w->shapes, value, close - value);
      s = close + 1;
    }
}

static void
write_stylesheet (Writer *w)
{
  g_string_append (w->out, "<style>\n");
  for (guint i = 0; i < w->shapes.order->len; i++)
    g_string_append_printf (w->out, ".s%u{%s}\n", i, (const char *) g_ptr_array_index (w->shapes.order, i));
  for (guint i = 0; i < w->texts.order->len; i++)
    g_string_append_printf (w->out, ".t%u{%s}\n", i, (const char *) g_ptr_array_index (w->texts.order, i));
  g_string_append (w->out, "</style>\n");
}

/* Cairo embeds each picture as an <image> with no words: over every
 * card picture that has alternative text goes a transparent frame a
 * screen reader reads as an image with that text, and a <title> that
 * viewers show on hover. */
static void
write_picture_alts (Writer   *w,
                    WmLayout *layout)
{
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (layout->cards, WmCardBox, i);
      const char *alt = wm_card_get_picture_alt (box->card);
      const char *names[] = { " x=\"", "\" y=\"", "\" width=\"", "\" height=\"" };
      WmRect frame;

      if (alt == NULL || *alt == '\0' || !wm_layout_card_picture_rect (layout, box, &frame))
        continue;
      g_string_append (w->out, "<rect");
      /* In hundredths, whatever the locale's decimal point. */
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          double value = k == 0 ? frame.x : k == 1 ? frame.y : k == 2 ? frame.width : frame.height;

          g_string_append (w->out, names[k]);
          append_hundredths (w->out, (gint64) llround (value * 100));
        }
      g_string_append (w->out, "\" fill=\"none\" role=\"img\" aria-label=\"");
      append_escaped (w->out, alt, -1);
      g_string_append (w->out, "\"><title>");
      append_escaped (w->out, alt, -1);
      g_string_append (w->out, "</title></rect>\n");
      writer_flush (w, FALSE);
    }
}

static cairo_status_t
on_cairo_write (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * wm_svg_write:
 * @layout: the map, laid out
 * @file: where to write
 *
 * Writes the map as SVG: the painter's shapes, and its words as <text>
 * in the fonts, sizes, weights and colours it paints them in, with a
 * <title> that names the map. Cairo keeps the whole picture in memory
 * until it finishes anyway; the words wait beside it.
 *
 * Returns: %TRUE on success
 */
gboolean
wm_svg_write (WmLayout    *layout,
              WmSafeFile  *file,
              GError     **error)
{
  g_autoptr(GString) picture = g_string_new (NULL);
  g_autofree char *title = wm_layout_map_title (layout->document);
  Writer w = { .file = file, .ok = TRUE };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  const char *start, *head_end, *tail;

  surface = cairo_svg_surface_create_for_stream (on_cairo_write, picture, layout->width, layout->height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  classes_init (&w.shapes);
  classes_init (&w.texts);
  w.text = g_string_new (NULL);
  w.out = g_string_new (NULL);

  cr = cairo_create (surface);
  wm_painter_paint_with_text_sink (cr, layout, WM_PAINT_DEFAULT, on_text_run, &w);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  start = strstr (picture->str, "<svg");
  head_end = start != NULL ? strchr (start, '>') : NULL;
  tail = g_strrstr (picture->str, "</svg>");
  if (status == CAIRO_STATUS_SUCCESS && (head_end == NULL || tail == NULL || tail < head_end))
    status = CAIRO_STATUS_WRITE_ERROR;

  if (status == CAIRO_STATUS_SUCCESS)
    {
      head_end++;
      gather_shape_classes (&w, head_end, tail);
      g_string_append_len (w.out, picture->str, head_end - picture->str);
      g_string_append (w.out, "\n<title>");
      append_escaped (w.out, title, -1);
      g_string_append (w.out, "</title>\n");
      write_stylesheet (&w);
      write_shapes (&w, head_end, tail);
      /* The words lie over the shapes, as the painter draws them last
       * in each place; preserved spaces keep the gaps it painted. */
      g_string_append (w.out, "<g xml:space=\"preserve\">\n");
      writer_flush (&w, FALSE);
      g_string_append_len (w.out, w.text->str, w.text->len);
      g_string_append (w.out, "</g>\n");
      write_picture_alts (&w, layout);
      g_string_append (w.out, tail);
      writer_flush (&w, TRUE);
    }

  classes_clear (&w.shapes);
  classes_clear (&w.texts);
  g_string_free (w.text, TRUE);
  g_string_free (w.out, TRUE);

  if (wm_safe_file_get_failed (file, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS || !w.ok)
    {
      g_set_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_FAILED,
                   _("Could not draw the map: %s"),
                   cairo_status_to_string (status != CAIRO_STATUS_SUCCESS ? status : CAIRO_STATUS_WRITE_ERROR));
      return FALSE;
    }
  return TRUE;
}
