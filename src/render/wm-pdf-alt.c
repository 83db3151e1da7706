/* wm-pdf-alt.c: card pictures' alternative text in a tagged PDF.
 *
 * A screen reader learns what a picture in a PDF shows from the /Alt
 * entry of the Figure structure element around it (PDF 1.7, 14.9.3).
 * Cairo 1.16 writes Figure elements but cannot give them an /Alt, so:
 *
 * 1. The painters wrap every card picture that has alternative text in a
 *    Figure tag with wm_pdf_alt_begin_figure(), which records the text
 *    with the surface, in the order the tags begin.
 * 2. The bytes cairo writes pass through here on their way to the file;
 *    we remember each structure element object whose /S is /Figure, and
 *    the trailer.
 * 3. Once cairo has finished, wm_pdf_alt_finish() appends an incremental
 *    update (PDF 1.7, 7.5.6): a new version of each Figure object, its
 *    dictionary plus /Alt, an xref section for those objects alone, and a
 *    trailer pointing back at cairo's. Cairo's bytes are never changed.
 *
 * Cairo writes the structure tree depth first, each element before its
 * children and the children in the order their tags began, so the n-th
 * Figure object in the file is the n-th Figure tag begun. Should the
 * counts ever differ, no update is written: a missing /Alt is better
 * than a wrong one.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-pdf-alt"

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "wm-pdf-alt.h"

#define FIGURE_TAG "Figure"
/* A longer line is stream data: no object header or trailer line is
 * that long. */
#define MAX_LINE 256
/* Far more than a Figure element's dictionary takes. */
#define MAX_OBJECT 65536
#define MAX_TRAILER 4096

typedef struct
{
  guint number;
  char *dict;               /* "<< … >>\n", as cairo wrote it */
} Figure;

typedef struct
{
  cairo_write_func_t write_func;
  void *closure;
  guint64 offset;           /* the bytes written so far */
  GString *line;            /* the line being written, up to MAX_LINE */
  gboolean line_long;
  guint object;             /* the structure element being read, or 0 */
  GString *body;
  GArray *figures;          /* Figure, in the order cairo wrote them */
  GString *trailer;         /* the last trailer's dictionary */
  gboolean in_trailer;
  gboolean want_startxref;
  gboolean has_startxref;
  guint64 startxref;
  GPtrArray *alts;          /* the texts, in the order Figure tags began */
} PdfAlt;

static const cairo_user_data_key_t pdf_alt_key;

static void
clear_figure (Figure *figure)
{
  g_free (figure->dict);
}

static void
pdf_alt_free (void *data)
{
  PdfAlt *s = data;

  g_string_free (s->line, TRUE);
  g_string_free (s->body, TRUE);
  g_string_free (s->trailer, TRUE);
  g_array_unref (s->figures);
  g_ptr_array_unref (s->alts);
  g_free (s);
}

/* Takes one whole line cairo wrote, without its end, or a line too long
 * to be anything but stream data when @line is %NULL. */
static void
take_line (PdfAlt     *s,
           const char *line)
{
  guint64 number = 0;
  char *end = NULL;

  if (s->object != 0)
    {
      if (line == NULL || s->body->len > MAX_OBJECT
          || (s->body->len == 0 && !g_str_has_prefix (line, "<< /Type /StructElem")))
        s->object = 0;
      else if (strcmp (line, "endobj") == 0)
        {
          if (strstr (s->body->str, "/S /" FIGURE_TAG "\n") != NULL)
            {
              Figure figure = { s->object, g_strdup (s->body->str) };

              g_array_append_val (s->figures, figure);
            }
          s->object = 0;
        }
      else
        g_string_append_printf (s->body, "%s\n", line);
      return;
    }
  if (line == NULL)
    {
      s->in_trailer = s->want_startxref = FALSE;
      return;
    }
  if (g_ascii_isdigit (line[0]))
    number = g_ascii_strtoull (line, &end, 10);
  if (number > 0 && number <= G_MAXUINT && strcmp (end, " 0 obj") == 0)
    {
      s->object = (guint) number;
      g_string_truncate (s->body, 0);
    }
  else if (strcmp (line, "trailer") == 0)
    {
      s->in_trailer = TRUE;
      g_string_truncate (s->trailer, 0);
    }
  else if (s->in_trailer)
    {
      if (strcmp (line, "startxref") == 0)
        {
          s->in_trailer = FALSE;
          s->want_startxref = TRUE;
        }
      else if (s->trailer->len < MAX_TRAILER)
        g_string_append_printf (s->trailer, "%s\n", line);
      else
        s->in_trailer = FALSE;
    }
  else if (s->want_startxref)
    {
      s->want_startxref = FALSE;
      s->has_startxref = g_ascii_string_to_unsigned (line, 10, 0, G_MAXUINT64, &s->startxref, NULL);
    }
}

static void
end_line (PdfAlt *s)
{
  if (s->line->len > 0 && s->line->str[s->line->len - 1] == '\r')
    g_string_truncate (s->line, s->line->len - 1);
  take_line (s, s->line_long ? NULL : s->line->str);
  g_string_truncate (s->line, 0);
  s->line_long = FALSE;
}

/* Reads what cairo writes, objects split across calls included, and
 * passes it on unchanged. */
static cairo_status_t
on_write (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  PdfAlt *s = closure;
  const unsigned char *at = data, *end = data + length;

  while (at < end)
    {
      const unsigned char *newline = memchr (at, '\n', end - at);
      const unsigned char *stop = newline != NULL ? newline : end;

      if (!s->line_long && s->line->len + (stop - at) <= MAX_LINE)
        g_string_append_len (s->line, (const char *) at, stop - at);
      else
        s->line_long = TRUE;
      if (newline == NULL)
        break;
      end_line (s);
      at = newline + 1;
    }
  s->offset += length;
  return s->write_func (s->closure, data, length);
}

/**
 * wm_pdf_alt_surface_create:
 * @write_func: where the PDF's bytes go
 *
 * A PDF surface of @width × @height points, as
 * cairo_pdf_surface_create_for_stream(), whose card pictures can carry
 * their alternative text. Finish it with cairo_surface_finish() and then
 * wm_pdf_alt_finish().
 */
cairo_surface_t *
wm_pdf_alt_surface_create (cairo_write_func_t  write_func,
                           void               *closure,
                           double              width,
                           double              height)
{
  PdfAlt *s = g_new0 (PdfAlt, 1);
  cairo_surface_t *surface;

  s->write_func = write_func;
  s->closure = closure;
  s->line = g_string_new (NULL);
  s->body = g_string_new (NULL);
  s->trailer = g_string_new (NULL);
  s->figures = g_array_new (FALSE, FALSE, sizeof (Figure));
  g_array_set_clear_func (s->figures, (GDestroyNotify) clear_figure);
  s->alts = g_ptr_array_new_with_free_func (g_free);
  surface = cairo_pdf_surface_create_for_stream (on_write, s, width, height);
  if (cairo_surface_set_user_data (surface, &pdf_alt_key, s, pdf_alt_free) != CAIRO_STATUS_SUCCESS)
    pdf_alt_free (s);
  return surface;
}

/**
 * wm_pdf_alt_string:
 * @text: UTF-8
 *
 * @text as a PDF text string (PDF 1.7, 7.9.2.2): a literal string when
 * it is printable ASCII, otherwise UTF-16BE with a byte order mark, in
 * hexadecimal.
 *
 * Returns: (transfer full): the string, delimiters included
 */
char *
wm_pdf_alt_string (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  gboolean ascii = TRUE;

  for (const char *c = valid; *c != '\0' && ascii; c++)
    ascii = *c >= 0x20 && *c < 0x7f;
  if (ascii)
    {
      g_string_append_c (out, '(');
      for (const char *c = valid; *c != '\0'; c++)
        {
          if (*c == '(' || *c == ')' || *c == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, ')');
    }
  else
    {
      glong n_units = 0;
      g_autofree gunichar2 *units = g_utf8_to_utf16 (valid, -1, NULL, &n_units, NULL);

      g_string_append (out, "<FEFF");
      for (glong i = 0; units != NULL && i < n_units; i++)
        g_string_append_printf (out, "%04X", units[i]);
      g_string_append_c (out, '>');
    }
  return g_string_free (out, FALSE);
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const guint64 *x = a, *y = b;

  /* Sorted by object number, kept in the high half. */
  return (x[0] > y[0]) - (x[0] < y[0]);
}

/* The incremental update giving each Figure its text, or %NULL when
 * what cairo wrote is not what we expect. */
static GString *
build_update (PdfAlt *s)
{
  GString *out;
  g_autoptr(GArray) entries = NULL;
  const char *trailer_end = g_strrstr (s->trailer->str, ">>");
  guint64 xref;

  if (s->figures->len != s->alts->len || !s->has_startxref || trailer_end == NULL
      || !g_str_has_prefix (s->trailer->str, "<<") || strstr (s->trailer->str, "/Root") == NULL)
    return NULL;

  out = g_string_new (NULL);
  /* Pairs of (object number, offset). */
  entries = g_array_new (FALSE, FALSE, sizeof (guint64) * 2);
  for (guint i = 0; i < s->figures->len; i++)
    {
      const Figure *figure = &g_array_index (s->figures, Figure, i);
      const char *dict_end = g_strrstr (figure->dict, ">>");
      g_autofree char *alt = wm_pdf_alt_string (g_ptr_array_index (s->alts, i));
      guint64 entry[2] = { figure->number, s->offset + out->len };

      if (dict_end == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_array_append_val (entries, entry);
      g_string_append_printf (out, "%u 0 obj\n", figure->number);
      g_string_append_len (out, figure->dict, dict_end - figure->dict);
      g_string_append_printf (out, "   /Alt %s\n>>\nendobj\n", alt);
    }
  g_array_sort (entries, compare_offsets);

  xref = s->offset + out->len;
  g_string_append (out, "xref\n");
  for (guint i = 0; i < entries->len; i++)
    {
      const guint64 *entry = (const guint64 *) entries->data + 2 * i;

      /* Each entry is 20 bytes, its end two of them. */
      g_string_append_printf (out, "%" G_GUINT64_FORMAT " 1\n%010" G_GUINT64_FORMAT " 00000 n \n",
                              entry[0], entry[1]);
    }
  g_string_append (out, "trailer\n");
  g_string_append_len (out, s->trailer->str, trailer_end - s->trailer->str);
  g_string_append_printf (out, "   /Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                          s->startxref, xref);
  return out;
}

/**
 * wm_pdf_alt_finish:
 * @surface: from wm_pdf_alt_surface_create(), finished
 *
 * Appends to the PDF the alternative text of the pictures drawn on
 * @surface, through its write function.
 *
 * Returns: what the write function returned, or success when there was
 *   nothing to write
 */
cairo_status_t
wm_pdf_alt_finish (cairo_surface_t *surface)
{
  PdfAlt *s = cairo_surface_get_user_data (surface, &pdf_alt_key);
  GString *update;
  cairo_status_t status;

  if (s == NULL || s->alts->len == 0)
    return CAIRO_STATUS_SUCCESS;
  update = build_update (s);
  if (update == NULL)
    {
      g_warning ("The PDF has %u figures for %u pictures; their alternative text is left out",
                 s->figures->len, s->alts->len);
      return CAIRO_STATUS_SUCCESS;
    }
  status = s->write_func (s->closure, (const unsigned char *) update->str, update->len);
  g_string_free (update, TRUE);
  /* Written once. */
  g_ptr_array_set_size (s->alts, 0);
  return status;
}

/**
 * wm_pdf_alt_begin_figure:
 * @alt: (nullable): the picture's alternative text
 * @x, @y, @width, @height: where the picture goes, in user coordinates
 *
 * Begins a Figure structure element for a picture about to be drawn
 * with @cr, when @cr draws on a surface from wm_pdf_alt_surface_create(),
 * @alt says something and some of the picture shows: cairo 1.16 fails a
 * PDF whose tag is recorded under a clip that hides everything, and a
 * picture another page of a poster shows is that page's figure.
 *
 * Returns: whether it began one; end it with wm_pdf_alt_end_figure()
 */
gboolean
wm_pdf_alt_begin_figure (cairo_t    *cr,
                         const char *alt,
                         double      x,
                         double      y,
                         double      width,
                         double      height)
{
  PdfAlt *s;
  double x1, y1, x2, y2;

  if (alt == NULL || *alt == '\0')
    return FALSE;
  s = cairo_surface_get_user_data (cairo_get_target (cr), &pdf_alt_key);
  if (s == NULL)
    return FALSE;
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  if (MIN (x2, x + width) <= MAX (x1, x) || MIN (y2, y + height) <= MAX (y1, y))
    return FALSE;
  cairo_tag_begin (cr, FIGURE_TAG, NULL);
  g_ptr_array_add (s->alts, g_strdup (alt));
  return TRUE;
}

/**
 * wm_pdf_alt_end_figure:
 *
 * Ends the Figure wm_pdf_alt_begin_figure() began.
 */
void
wm_pdf_alt_end_figure (cairo_t *cr)
{
  cairo_tag_end (cr, FIGURE_TAG);
}
