/* wm-mermaid-text.c: names written in, and read from, Mermaid's own
 * entity codes.
 *
 * Before it parses a diagram, Mermaid turns every "#name;" and "#123;"
 * into a placeholder that its grammar takes as plain text, and puts
 * "&name;" or "&#123;" in the drawing, where they show as the character.
 * So a character the journey grammar gives a meaning is written as its
 * code, "#35;" for "#", and reads back as itself: nothing is replaced by
 * a look-alike.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-mermaid-text"

#include "config.h"

#include <string.h>

#include "wm-mermaid-text.h"

/* What JavaScript's \s matches, which Mermaid's lexer skips and trims. */
gboolean
wm_mermaid_text_is_space (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x2028 || c == 0x2029
         || c == 0xFEFF || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* Mermaid's lexer reads its keywords case-insensitively (ASCII only)
 * wherever a token starts, and a task's name starts a token: "Title
 * deeds" would read as the diagram's title. */
static gboolean
starts_with_keyword (const char *text)
{
  static const char *keywords[] = { "journey", "title", "section", "acctitle", "accdescr" };

  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (g_ascii_strncasecmp (text, keywords[i], strlen (keywords[i])) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the character must be written as its code: the grammar's
 * own characters ("#" starts a comment, ";" is refused, ":" and "," split
 * fields, "%" at a token's start or doubled is a comment or directive),
 * what the sanitiser or the drawing would change ("<", ">", "&"), the
 * characters of Mermaid's placeholders, and line breaks and controls. */
static gboolean
needs_code (gunichar      c,
            gunichar      previous,
            gboolean      first,
            WmMermaidName kind)
{
  switch (c)
    {
    case '#': case ':': case ';': case '<': case '>': case '&':
    case 0xFB02: case 0xB6:    /* "ﬂ" and "¶" start and end a placeholder */
    case 0x2028: case 0x2029:
      return TRUE;
    case ',':
      return kind == WM_MERMAID_ACTOR;
    case '%':
      return first || previous == '%';
    default:
      return c < 0x20 || c == 0x7F;
    }
}

/**
 * wm_mermaid_text_escape:
 * @text: (nullable): a title or name
 * @kind: where Mermaid meets it
 *
 * Returns: (transfer full): @text as Mermaid reads it back, one line,
 *   never empty: see the Mermaid section of data/format/file-format.md
 */
char *
wm_mermaid_text_escape (const char    *text,
                        WmMermaidName  kind)
{
  GString *out = NULL;
  const char *solid = NULL, *last = NULL;
  gunichar previous = 0;

  if (text == NULL || *text == '\0')
    return g_strdup (WM_MERMAID_EMPTY);

  /* Spaces at either end would be trimmed: they are written as codes. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!wm_mermaid_text_is_space (c))
        {
          solid = solid != NULL ? solid : p;
          last = p;
        }
    }

  out = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean first = p == text;
      gboolean edge = solid == NULL || p < solid || p > last;

      /* Mermaid draws a no-break space as "&nbsp;", which is not XML, so
       * its drawing would not open as an SVG file: the one character
       * written as something else, a plain space. */
      if (c == 0xA0)
        c = ' ';
      if (needs_code (c, previous, first, kind) || (edge && wm_mermaid_text_is_space (c))
          || (first && kind == WM_MERMAID_TASK && starts_with_keyword (text)))
        g_string_append_printf (out, "#%u;", c);
      else
        g_string_append_unichar (out, c);
      previous = c;
    }
  return g_string_free (out, FALSE);
}

/* The codes Mermaid's documentation shows and the characters its
 * grammar needs, by HTML name; numbers work for all the others. */
static const struct
{
  const char *name;
  gunichar c;
} named[] = {
  { "quot", '"' }, { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "apos", '\'' }, { "nbsp", 0xA0 },
  { "num", '#' }, { "colon", ':' }, { "semi", ';' }, { "comma", ',' }, { "percnt", '%' },
  { "excl", '!' }, { "quest", '?' }, { "commat", '@' }, { "dollar", '$' }, { "ast", '*' },
  { "plus", '+' }, { "equals", '=' }, { "sol", '/' }, { "bsol", '\\' }, { "lowbar", '_' },
  { "verbar", '|' }, { "vert", '|' }, { "lpar", '(' }, { "rpar", ')' }, { "lsqb", '[' }, { "rsqb", ']' },
  { "lcub", '{' }, { "rcub", '}' }, { "lbrace", '{' }, { "rbrace", '}' }, { "period", '.' },
  { "grave", '`' }, { "Hat", '^' }, { "tilde", 0x2DC }, { "copy", 0xA9 }, { "reg", 0xAE },
  { "trade", 0x2122 }, { "deg", 0xB0 }, { "middot", 0xB7 }, { "times", 0xD7 }, { "divide", 0xF7 },
  { "laquo", 0xAB }, { "raquo", 0xBB }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201C },
  { "rdquo", 0x201D }, { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "hellip", 0x2026 }, { "bull", 0x2022 },
  { "euro", 0x20AC }, { "pound", 0xA3 }, { "yen", 0xA5 }, { "cent", 0xA2 }, { "sect", 0xA7 },
  { "para", 0xB6 }, { "hearts", 0x2665 }, { "larr", 0x2190 }, { "rarr", 0x2192 }, { "uarr", 0x2191 },
  { "darr", 0x2193 }, { "check", 0x2713 }, { "star", 0x2606 }, { "starf", 0x2605 }, { "infin", 0x221E },
  { "ne", 0x2260 }, { "le", 0x2264 }, { "ge", 0x2265 }, { "plusmn", 0xB1 }, { "frac12", 0xBD },
  { "shy", 0xAD }, { "ensp", 0x2002 }, { "emsp", 0x2003 }, { "thinsp", 0x2009 }, { "zwsp", 0x200B },
  { "NewLine", '\n' }, { "Tab", '\t' },
};

/* The length of the "#word;" at @text, where word is what JavaScript's
 * \w matches, or 0. */
static gsize
entity_length (const char *text)
{
  gsize n = 1;

  if (text[0] != '#')
    return 0;
  while (g_ascii_isalnum (text[n]) || text[n] == '_')
    n++;
  return n > 1 && text[n] == ';' ? n + 1 : 0;
}

/**
 * wm_mermaid_text_entity_at:
 *
 * Returns: whether @text starts with an entity code, which Mermaid reads
 *   before it looks for "#" comments
 */
gboolean
wm_mermaid_text_entity_at (const char *text)
{
  return entity_length (text) > 0;
}

/* Appends what the drawing shows for "#@word;": the character of a
 * number or a known name, U+FFFD for a number no character has (as a
 * browser does), and "&word;" for a name it does not know. */
static void
append_entity (GString    *out,
               const char *word,
               gsize       length)
{
  if (g_ascii_isdigit (word[0]))
    {
      guint64 value = 0;
      gsize i;

      for (i = 0; i < length && g_ascii_isdigit (word[i]); i++)
        value = MIN (value * 10 + (word[i] - '0'), (guint64) G_MAXUINT32);
      if (i == length)
        {
          if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            value = 0xFFFD;
          g_string_append_unichar (out, (gunichar) value);
          return;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (strlen (named[i].name) == length && strncmp (named[i].name, word, length) == 0)
      {
        g_string_append_unichar (out, named[i].c);
        return;
      }
  g_string_append_c (out, '&');
  g_string_append_len (out, word, length);
  g_string_append_c (out, ';');
}

/**
 * wm_mermaid_text_unescape:
 * @text: a name as written in a Mermaid file, trimmed
 * @length: its length in bytes
 *
 * Returns: (transfer full): the name as Mermaid draws it
 */
char *
wm_mermaid_text_unescape (const char *text,
                          gsize       length)
{
  GString *out = g_string_sized_new (length);
  const char *end = text + length;

  if (length == strlen (WM_MERMAID_EMPTY) && strncmp (text, WM_MERMAID_EMPTY, length) == 0)
    return g_string_free (out, FALSE);
  for (const char *p = text; p < end;)
    {
      gsize n = *p == '#' ? entity_length (p) : 0;

      if (n > 0 && p + n <= end)
        {
          append_entity (out, p + 1, n - 2);
          p += n;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}
