/* wm-json-parser.c: strict JSON (RFC 8259) into json-glib nodes.
 *
 * json-glib's own parser is lenient: it reads comments, single-quoted
 * strings and hexadecimal numbers, and it recurses once per level of
 * nesting, so a pre-scan that bounds the depth must know all of its
 * extensions to be safe. This parser accepts exactly RFC 8259, in one
 * pass, and refuses anything else with a line, a column and a reason a
 * person can act on. It never recurses deeper than the caller allows.
 *
 * It also refuses, rather than alters, what json-glib cannot hold: text
 * with a NUL character (its strings end at the first NUL), lone UTF-16
 * surrogates, numbers too large for a double, and a member name given
 * twice in one object (json-glib would silently keep one of them).
 *
 * Numbers are kept as written. A number whose text the writer would not
 * give back (12345678901234567890 is beyond gint64; 1.50 is written 1.5)
 * has its text recorded beside its node, so a member Waymark does not
 * know goes back out byte for byte, and a message can quote it.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-json-parser"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "wm-json-parser.h"
#include "wm-json-writer.h"

G_DEFINE_QUARK (wm-json-parser-error-quark, wm_json_parser_error)

struct _WmJsonTree
{
  JsonNode   *root;
  GHashTable *literals;   /* JsonNode * → the number's text as written */
};

/* Where the parser is, for messages: a member name or an array index
 * for each open container. */
typedef struct
{
  const char *key;      /* in an object, while its value is read */
  GString    *name;     /* holds it: made once, for every object at this depth */
  guint       index;    /* in an array */
  gboolean    in_array;
} Step;

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  guint       max_depth;
  guint       depth;
  Step       *steps;
  GHashTable *literals;
  GString    *text;      /* the text value being read */
  GError     *error;
} Parser;

/* The longest number text quoted in a message. */
#define MAX_QUOTED_NUMBER 40

static JsonNode *parse_value (Parser *parser);

/* "stages[2].name", or NULL at the top level. */
static char *
describe_place (Parser *parser)
{
  GString *place = g_string_new (NULL);

  for (guint i = 0; i < parser->depth; i++)
    {
      if (!parser->steps[i].in_array)
        {
          if (parser->steps[i].key == NULL)
            break;
          if (place->len > 0)
            g_string_append_c (place, '.');
          g_string_append (place, parser->steps[i].key);
        }
      else
        g_string_append_printf (place, "[%u]", parser->steps[i].index);
    }

  if (place->len == 0)
    {
      g_string_free (place, TRUE);
      return NULL;
    }
  return g_string_free (place, FALSE);
}

static gboolean fail_at (Parser *, const char *, WmJsonParserError, const char *, ...) G_GNUC_PRINTF (4, 5);

/* Records the first problem, at @where. Counting lines only now keeps the
 * common case, a valid file, free of the cost. */
static gboolean
fail_at (Parser            *parser,
         const char        *where,
         WmJsonParserError  code,
         const char        *format,
         ...)
{
  g_autofree char *reason = NULL;
  g_autofree char *place = NULL;
  guint line = 1, column = 1;
  va_list args;

  if (parser->error != NULL)
    return FALSE;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  for (const char *c = parser->start; c < where && c < parser->end; c++)
    {
      if (*c == '\n')
        {
          line++;
          column = 1;
        }
      else if ((*c & 0xc0) != 0x80)
        column++;
    }

  place = describe_place (parser);
  if (code == WM_JSON_PARSER_ERROR_VALUE && place != NULL)
    /* Translators: e.g. "stages[0].name: the text holds …". */
    g_set_error (&parser->error, WM_JSON_PARSER_ERROR, code, _("%s: %s"), place, reason);
  else
    /* Translators: where a file stops being JSON, and why. */
    g_set_error (&parser->error, WM_JSON_PARSER_ERROR, code, _("line %u, column %u: %s"),
                 line, column, reason);
  return FALSE;
}

static void
skip_whitespace (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n' || *parser->p == '\r'))
    parser->p++;
}

/* Explains a character that cannot start a value, naming the JSON
 * extension it belongs to when it is one. */
static gboolean
fail_unexpected (Parser     *parser,
                 const char *what)
{
  const char *p = parser->p;

  if (p >= parser->end)
    return fail_at (parser, p, WM_JSON_PARSER_ERROR_SYNTAX, _("the file ends before %s"), what);
  if (*p == '/' || *p == '#')
    return fail_at (parser, p, WM_JSON_PARSER_ERROR_SYNTAX, _("comments are not allowed in JSON"));
  if (*p == '\'')
    return fail_at (parser, p, WM_JSON_PARSER_ERROR_SYNTAX,
                    _("single quotes are not allowed in JSON; text goes in double quotes"));
  if ((guchar) *p < 0x20 || *p == 0x7f)
    return fail_at (parser, p, WM_JSON_PARSER_ERROR_SYNTAX, _("expected %s, found the control character U+%04X"),
                    what, (guint) (guchar) *p);
  return fail_at (parser, p, WM_JSON_PARSER_ERROR_SYNTAX, _("expected %s, found “%.*s”"), what,
                  (int) (g_utf8_next_char (p) - p), p);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u" at @p; -1 if they are not. */
static int
read_hex4 (Parser     *parser,
           const char *p)
{
  int value = 0;

  if (parser->end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* Reads the string starting at the opening quote into @text, which it
 * empties first. Text without escapes, nearly all of it, is copied in one
 * go; reusing @text spares an allocation for every string of a map. */
static gboolean
parse_string (Parser  *parser,
              GString *text)
{
  const char *opening = parser->p;
  const char *p = ++parser->p;
  const char *run = p;

  g_string_truncate (text, 0);

  while (TRUE)
    {
      guchar c;

      if (p >= parser->end)
        {
          fail_at (parser, opening, WM_JSON_PARSER_ERROR_SYNTAX, _("this text has no closing quote"));
          goto error;
        }
      c = *p;
      if (c == '"')
        break;
      if (c < 0x20)
        {
          fail_at (parser, p, WM_JSON_PARSER_ERROR_SYNTAX,
                   _("a control character (U+%04X) inside text must be written as an escape such as “\\n”"), c);
          goto error;
        }
      if (c != '\\')
        {
          p++;
          continue;
        }

      g_string_append_len (text, run, p - run);
      if (p + 1 >= parser->end)
        {
          fail_at (parser, opening, WM_JSON_PARSER_ERROR_SYNTAX, _("this text has no closing quote"));
          goto error;
        }

      switch (p[1])
        {
        case '"': g_string_append_c (text, '"'); p += 2; break;
        case '\\': g_string_append_c (text, '\\'); p += 2; break;
        case '/': g_string_append_c (text, '/'); p += 2; break;
        case 'b': g_string_append_c (text, '\b'); p += 2; break;
        case 'f': g_string_append_c (text, '\f'); p += 2; break;
        case 'n': g_string_append_c (text, '\n'); p += 2; break;
        case 'r': g_string_append_c (text, '\r'); p += 2; break;
        case 't': g_string_append_c (text, '\t'); p += 2; break;
        case 'u':
          {
            int unit = read_hex4 (parser, p + 2);
            gunichar character;

            if (unit < 0)
              {
                fail_at (parser, p, WM_JSON_PARSER_ERROR_SYNTAX, _("“\\u” must be followed by four hexadecimal digits"));
                goto error;
              }
            if (unit == 0)
              {
                fail_at (parser, p, WM_JSON_PARSER_ERROR_VALUE,
                         _("the text holds the character U+0000 (“\\u0000”), which Waymark cannot keep"));
                goto error;
              }
            if (unit >= 0xdc00 && unit <= 0xdfff)
              {
                fail_at (parser, p, WM_JSON_PARSER_ERROR_VALUE,
                         _("“\\u%04x” is half of a character (a lone UTF-16 surrogate)"), (guint) unit);
                goto error;
              }
            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                int low = (parser->end - p >= 8 && p[6] == '\\' && p[7] == 'u') ? read_hex4 (parser, p + 8) : -1;

                if (low < 0xdc00 || low > 0xdfff)
                  {
                    fail_at (parser, p, WM_JSON_PARSER_ERROR_VALUE,
                             _("“\\u%04x” is half of a character (a lone UTF-16 surrogate)"), (guint) unit);
                    goto error;
                  }
                character = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                p += 12;
              }
            else
              {
                character = unit;
                p += 6;
              }
            g_string_append_unichar (text, character);
          }
          break;
        default:
          fail_at (parser, p, WM_JSON_PARSER_ERROR_SYNTAX, _("“\\%.*s” is not an escape JSON knows"),
                   (int) (g_utf8_next_char (p + 1) - (p + 1)), p + 1);
          goto error;
        }
      run = p;
    }

  parser->p = p + 1;
  g_string_append_len (text, run, p - run);
  return TRUE;

error:
  return FALSE;
}

static const char *
skip_digits (const char *p,
             const char *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;
  return p;
}

/* Quotes a number's text in a message, cut if it is very long. */
static char *
quote_number (const char *text,
              gsize       length)
{
  if (length > MAX_QUOTED_NUMBER)
    return g_strdup_printf ("%.*s…", MAX_QUOTED_NUMBER, text);
  return g_strndup (text, length);
}

static JsonNode *
parse_number (Parser *parser)
{
  const char *start = parser->p;
  const char *p = start;
  const char *end = parser->end;
  gboolean whole = TRUE;
  g_autofree char *text = NULL;
  g_autofree char *canonical = NULL;
  JsonNode *node;

  if (*p == '-')
    p++;
  if (p < end && *p == '0' && p + 1 < end && (p[1] == 'x' || p[1] == 'X'))
    {
      fail_at (parser, start, WM_JSON_PARSER_ERROR_SYNTAX, _("hexadecimal numbers are not allowed in JSON"));
      return NULL;
    }
  if (p < end && *p == '0' && p + 1 < end && g_ascii_isdigit (p[1]))
    {
      fail_at (parser, start, WM_JSON_PARSER_ERROR_SYNTAX, _("a number cannot start with 0 followed by more digits"));
      return NULL;
    }
  if (p >= end || !g_ascii_isdigit (*p))
    {
      parser->p = p;
      fail_unexpected (parser, _("a digit"));
      return NULL;
    }
  p = skip_digits (p, end);
  if (p < end && *p == '.')
    {
      whole = FALSE;
      if (p + 1 >= end || !g_ascii_isdigit (p[1]))
        {
          fail_at (parser, p, WM_JSON_PARSER_ERROR_SYNTAX, _("a digit must follow the decimal point"));
          return NULL;
        }
      p = skip_digits (p + 1, end);
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      whole = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        {
          fail_at (parser, p, WM_JSON_PARSER_ERROR_SYNTAX, _("a digit must follow the exponent’s “e”"));
          return NULL;
        }
      p = skip_digits (p, end);
    }

  text = g_strndup (start, p - start);
  node = json_node_alloc ();
  if (whole)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (text, NULL, 10);
      if (errno == 0)
        {
          json_node_init_int (node, value);
          canonical = g_strdup_printf ("%" G_GINT64_FORMAT, value);
        }
    }
  if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    {
      double value = g_ascii_strtod (text, NULL);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (!isfinite (value))
        {
          g_autofree char *quoted = quote_number (text, p - start);

          json_node_unref (node);
          fail_at (parser, start, WM_JSON_PARSER_ERROR_VALUE,
                   _("the number %s is too large for Waymark to keep"), quoted);
          return NULL;
        }
      json_node_init_double (node, value);
      canonical = g_strdup (wm_json_format_double (value, buffer));
    }

  if (!g_str_equal (text, canonical))
    g_hash_table_insert (parser->literals, node, g_steal_pointer (&text));
  parser->p = p;
  return node;
}

/* Matches true, false or null. */
static JsonNode *
parse_word (Parser *parser)
{
  static const struct { const char *word; gsize length; } words[] = {
    { "true", 4 }, { "false", 5 }, { "null", 4 },
  };
  gsize left = parser->end - parser->p;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (left >= words[i].length && memcmp (parser->p, words[i].word, words[i].length) == 0)
      {
        const char *after = parser->p + words[i].length;

        if (after < parser->end && g_ascii_isalnum (*after))
          break;
        parser->p = after;
        if (i == 2)
          return json_node_init_null (json_node_alloc ());
        return json_node_init_boolean (json_node_alloc (), i == 0);
      }

  if (left >= 3 && (g_ascii_strncasecmp (parser->p, "nan", 3) == 0 || g_ascii_strncasecmp (parser->p, "inf", 3) == 0))
    fail_at (parser, parser->p, WM_JSON_PARSER_ERROR_SYNTAX, _("NaN and Infinity are not numbers in JSON"));
  else
    fail_at (parser, parser->p, WM_JSON_PARSER_ERROR_SYNTAX,
             _("words other than true, false and null must be in double quotes"));
  return NULL;
}

static gboolean
enter (Parser   *parser,
       gboolean  in_array)
{
  if (parser->depth >= parser->max_depth)
    return fail_at (parser, parser->p, WM_JSON_PARSER_ERROR_DEPTH,
                    _("the file nests more than %u levels deep, deeper than any map"), parser->max_depth);
  parser->steps[parser->depth].key = NULL;
  parser->steps[parser->depth].index = 0;
  parser->steps[parser->depth].in_array = in_array;
  parser->depth++;
  parser->p++;
  return TRUE;
}

static JsonNode *
parse_object (Parser *parser)
{
  g_autoptr(JsonObject) object = json_object_new ();
  Step *step;

  if (!enter (parser, FALSE))
    return NULL;
  step = &parser->steps[parser->depth - 1];

  skip_whitespace (parser);
  if (parser->p < parser->end && *parser->p == '}')
    goto done;

  while (TRUE)
    {
      const char *name;
      const char *name_start;
      JsonNode *value;

      skip_whitespace (parser);
      name_start = parser->p;
      if (parser->p < parser->end && *parser->p == '}')
        return fail_at (parser, parser->p, WM_JSON_PARSER_ERROR_SYNTAX,
                        _("a comma before “}” is not allowed in JSON")), NULL;
      if (parser->p >= parser->end || *parser->p != '"')
        return fail_unexpected (parser, _("a member name in double quotes")), NULL;
      /* Read into a buffer of this depth's, not a fresh string: the name
       * is needed until its value is read, and json-glib copies it. */
      if (step->name == NULL)
        step->name = g_string_new (NULL);
      if (!parse_string (parser, step->name))
        return NULL;
      name = step->name->str;
      if (json_object_has_member (object, name))
        return fail_at (parser, name_start, WM_JSON_PARSER_ERROR_VALUE,
                        _("the member “%s” is given twice"), name), NULL;
      step->key = name;

      skip_whitespace (parser);
      if (parser->p >= parser->end || *parser->p != ':')
        return fail_unexpected (parser, _("“:” after the member name")), NULL;
      parser->p++;
      if ((value = parse_value (parser)) == NULL)
        return NULL;
      json_object_set_member (object, name, value);
      step->key = NULL;

      skip_whitespace (parser);
      if (parser->p < parser->end && *parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (parser->p < parser->end && *parser->p == '}')
        break;
      return fail_unexpected (parser, _("“,” or “}”")), NULL;
    }

done:
  parser->p++;
  parser->depth--;
  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
parse_array (Parser *parser)
{
  g_autoptr(JsonArray) array = json_array_new ();
  Step *step;

  if (!enter (parser, TRUE))
    return NULL;
  step = &parser->steps[parser->depth - 1];

  skip_whitespace (parser);
  if (parser->p < parser->end && *parser->p == ']')
    goto done;

  while (TRUE)
    {
      JsonNode *value;

      skip_whitespace (parser);
      if (parser->p < parser->end && *parser->p == ']')
        return fail_at (parser, parser->p, WM_JSON_PARSER_ERROR_SYNTAX,
                        _("a comma before “]” is not allowed in JSON")), NULL;
      if ((value = parse_value (parser)) == NULL)
        return NULL;
      json_array_add_element (array, value);
      step->index++;

      skip_whitespace (parser);
      if (parser->p < parser->end && *parser->p == ',')
        {
          parser->p++;
          continue;
        }
      if (parser->p < parser->end && *parser->p == ']')
        break;
      return fail_unexpected (parser, _("“,” or “]”")), NULL;
    }

done:
  parser->p++;
  parser->depth--;
  return json_node_init_array (json_node_alloc (), array);
}

static JsonNode *
parse_value (Parser *parser)
{
  skip_whitespace (parser);
  if (parser->p >= parser->end)
    return fail_unexpected (parser, _("a value")), NULL;

  switch (*parser->p)
    {
    case '{':
      return parse_object (parser);
    case '[':
      return parse_array (parser);
    case '"':
      {
        if (!parse_string (parser, parser->text))
          return NULL;
        /* json-glib copies it. */
        return json_node_init_string (json_node_alloc (), parser->text->str);
      }
    case '-':
    case '0' ... '9':
      return parse_number (parser);
    case '+':
      return fail_at (parser, parser->p, WM_JSON_PARSER_ERROR_SYNTAX, _("a number cannot start with “+” in JSON")), NULL;
    case '.':
      return fail_at (parser, parser->p, WM_JSON_PARSER_ERROR_SYNTAX, _("a number needs a digit before the decimal point")), NULL;
    case 'a' ... 'z':
    case 'A' ... 'Z':
      return parse_word (parser);
    default:
      return fail_unexpected (parser, _("a value")), NULL;
    }
}

/**
 * wm_json_tree_parse:
 * @data: the text
 * @length: its length in bytes
 * @max_depth: the deepest nesting of objects and arrays accepted
 * @error: return location for a #GError in %WM_JSON_PARSER_ERROR
 *
 * Parses one JSON value, with nothing but whitespace around it.
 *
 * Returns: (transfer full) (nullable): the tree
 */
WmJsonTree *
wm_json_tree_parse (const char  *data,
                    gsize        length,
                    guint        max_depth,
                    GError     **error)
{
  g_autofree Step *steps = g_new0 (Step, MAX (max_depth, 1));
  g_autoptr(GHashTable) literals = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GString) text = g_string_new (NULL);
  Parser parser = { data, data, data + length, max_depth, 0, steps, literals, text, NULL };
  const char *invalid;
  JsonNode *root;
  WmJsonTree *tree;

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      fail_at (&parser, invalid, WM_JSON_PARSER_ERROR_SYNTAX, _("the text is not valid UTF-8"));
      g_propagate_error (error, parser.error);
      return NULL;
    }

  /* A byte order mark is not JSON, but editors on Windows add one. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    parser.p += 3;

  root = parse_value (&parser);
  for (guint i = 0; i < MAX (max_depth, 1); i++)
    if (steps[i].name != NULL)
      g_string_free (steps[i].name, TRUE);
  if (root != NULL)
    {
      skip_whitespace (&parser);
      if (parser.p < parser.end)
        fail_at (&parser, parser.p, WM_JSON_PARSER_ERROR_SYNTAX,
                 _("there is more after the end of the JSON value"));
    }
  if (parser.error != NULL)
    {
      g_clear_pointer (&root, json_node_unref);
      g_propagate_error (error, parser.error);
      return NULL;
    }

  tree = g_new0 (WmJsonTree, 1);
  tree->root = root;
  tree->literals = g_steal_pointer (&literals);
  return tree;
}

void
wm_json_tree_free (WmJsonTree *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->literals, g_hash_table_unref);
  g_free (self);
}

JsonNode *
wm_json_tree_get_root (WmJsonTree *self)
{
  return self->root;
}

/* The text of the numbers whose written form the writer would change,
 * by node; for wm_json_writer_set_literals(). */
GHashTable *
wm_json_tree_get_literals (WmJsonTree *self)
{
  return self->literals;
}

/**
 * wm_json_number_to_text:
 * @number: a node holding a number
 * @literals: (nullable): a tree's literals
 *
 * Returns: (transfer full): the number as the file wrote it, for messages
 */
char *
wm_json_number_to_text (JsonNode   *number,
                        GHashTable *literals)
{
  const char *literal = literals != NULL ? g_hash_table_lookup (literals, number) : NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (literal != NULL)
    return quote_number (literal, strlen (literal));
  if (json_node_get_value_type (number) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (number));
  return g_strdup (wm_json_format_double (json_node_get_double (number), buffer));
}
