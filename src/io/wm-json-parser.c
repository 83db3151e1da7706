/* wm-json-parser.c: strict JSON (RFC 8259) into values or json-glib nodes.
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
 * The loader reads compact values (wm-json-value.h), which cost far less
 * to make and free than json-glib's nodes; wm_json_tree_parse() turns
 * them into nodes for the callers that want those.
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
  guint       index;    /* in an array */
  gboolean    in_array;
} Step;

typedef struct
{
  const char   *start;
  const char   *p;
  const char   *end;
  guint         max_depth;
  guint         depth;
  Step         *steps;
  WmJsonValues *values;
  /* The items and members of the open containers, innermost last: each
   * container's go into one block of @values when it closes. */
  GPtrArray    *items;
  GArray       *members;
  GString      *text;      /* the text value being read */
  GError       *error;
} Parser;

/* An object with more members than this finds a name given twice with a
 * hash table rather than by looking through them. */
#define MEMBERS_SEARCHED 16

static WmJsonValue *parse_value (Parser *parser);

static WmJsonValue *
new_value (Parser     *parser,
           WmJsonKind  kind)
{
  WmJsonValue *value = wm_json_values_alloc (parser->values, sizeof (WmJsonValue));

  value->kind = kind;
  value->length = 0;
  return value;
}

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

/* Reads the string starting at the opening quote into the parser's
 * values. Text without escapes, nearly all of it, is copied from the file
 * in one go; other text is put together in the parser's reused buffer.
 *
 * Returns: (nullable): the text, NUL-terminated */
static const char *
parse_string (Parser *parser)
{
  GString *text = parser->text;
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
  /* Only an escape moves the start of the run. */
  if (run == opening + 1)
    return wm_json_values_copy_text (parser->values, run, p - run);
  g_string_append_len (text, run, p - run);
  return wm_json_values_copy_text (parser->values, text->str, text->len);

error:
  return NULL;
}

static const char *
skip_digits (const char *p,
             const char *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;
  return p;
}

static WmJsonValue *
parse_number (Parser *parser)
{
  const char *start = parser->p;
  const char *p = start;
  const char *end = parser->end;
  gboolean whole = TRUE;
  const char *text;
  WmJsonValue *node;

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

  /* The text goes with the value: what the writer would write
   * differently is worked out only for a value that is written back. */
  text = wm_json_values_copy_text (parser->values, start, p - start);
  node = new_value (parser, WM_JSON_INTEGER);
  node->length = p - start;
  node->c.text = text;
  if (whole)
    {
      errno = 0;
      node->v.integer = g_ascii_strtoll (text, NULL, 10);
      if (errno == 0)
        {
          parser->p = p;
          return node;
        }
    }

  node->kind = WM_JSON_DOUBLE;
  node->v.number = g_ascii_strtod (text, NULL);
  if (!isfinite (node->v.number))
    {
      g_autofree char *quoted = wm_json_quote_number (text, p - start);

      fail_at (parser, start, WM_JSON_PARSER_ERROR_VALUE,
               _("the number %s is too large for Waymark to keep"), quoted);
      return NULL;
    }
  parser->p = p;
  return node;
}

/* Matches true, false or null. */
static WmJsonValue *
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
        WmJsonValue *value;

        if (after < parser->end && g_ascii_isalnum (*after))
          break;
        parser->p = after;
        if (i == 2)
          return new_value (parser, WM_JSON_NULL);
        value = new_value (parser, WM_JSON_BOOLEAN);
        value->v.boolean = i == 0;
        return value;
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

/* Whether the object whose members start at @first already has @name;
 * @seen, made once the object has many members, holds their names. */
static gboolean
has_member (Parser      *parser,
            guint        first,
            GHashTable **seen,
            const char  *name)
{
  guint n = parser->members->len - first;
  WmJsonMember *members;

  if (n == 0)
    return FALSE;
  members = &g_array_index (parser->members, WmJsonMember, first);
  if (*seen == NULL && n <= MEMBERS_SEARCHED)
    {
      for (guint i = 0; i < n; i++)
        if (strcmp (members[i].name, name) == 0)
          return TRUE;
      return FALSE;
    }
  if (*seen == NULL)
    {
      *seen = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < n; i++)
        g_hash_table_add (*seen, (gpointer) members[i].name);
    }
  return g_hash_table_contains (*seen, name);
}

static WmJsonValue *
parse_object (Parser *parser)
{
  g_autoptr(GHashTable) seen = NULL;
  guint first = parser->members->len;
  WmJsonValue *object;
  Step *step;

  if (!enter (parser, FALSE))
    return NULL;
  step = &parser->steps[parser->depth - 1];

  skip_whitespace (parser);
  if (parser->p < parser->end && *parser->p == '}')
    goto done;

  while (TRUE)
    {
      WmJsonMember member;
      const char *name_start;

      skip_whitespace (parser);
      name_start = parser->p;
      if (parser->p < parser->end && *parser->p == '}')
        return fail_at (parser, parser->p, WM_JSON_PARSER_ERROR_SYNTAX,
                        _("a comma before “}” is not allowed in JSON")), NULL;
      if (parser->p >= parser->end || *parser->p != '"')
        return fail_unexpected (parser, _("a member name in double quotes")), NULL;
      if ((member.name = parse_string (parser)) == NULL)
        return NULL;
      if (has_member (parser, first, &seen, member.name))
        return fail_at (parser, name_start, WM_JSON_PARSER_ERROR_VALUE,
                        _("the member “%s” is given twice"), member.name), NULL;
      if (seen != NULL)
        g_hash_table_add (seen, (gpointer) member.name);
      step->key = member.name;

      skip_whitespace (parser);
      if (parser->p >= parser->end || *parser->p != ':')
        return fail_unexpected (parser, _("“:” after the member name")), NULL;
      parser->p++;
      if ((member.value = parse_value (parser)) == NULL)
        return NULL;
      g_array_append_val (parser->members, member);
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
  object = new_value (parser, WM_JSON_OBJECT);
  object->length = parser->members->len - first;
  object->c.members = wm_json_values_alloc (parser->values, MAX (object->length, 1) * sizeof (WmJsonMember));
  /* Not for none: an empty stack may have no memory at all. */
  if (object->length > 0)
    memcpy (object->c.members, &g_array_index (parser->members, WmJsonMember, first),
            object->length * sizeof (WmJsonMember));
  g_array_set_size (parser->members, first);
  return object;
}

static WmJsonValue *
parse_array (Parser *parser)
{
  guint first = parser->items->len;
  WmJsonValue *array;
  Step *step;

  if (!enter (parser, TRUE))
    return NULL;
  step = &parser->steps[parser->depth - 1];

  skip_whitespace (parser);
  if (parser->p < parser->end && *parser->p == ']')
    goto done;

  while (TRUE)
    {
      WmJsonValue *value;

      skip_whitespace (parser);
      if (parser->p < parser->end && *parser->p == ']')
        return fail_at (parser, parser->p, WM_JSON_PARSER_ERROR_SYNTAX,
                        _("a comma before “]” is not allowed in JSON")), NULL;
      if ((value = parse_value (parser)) == NULL)
        return NULL;
      g_ptr_array_add (parser->items, value);
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
  array = new_value (parser, WM_JSON_ARRAY);
  array->length = parser->items->len - first;
  array->c.items = wm_json_values_alloc (parser->values, MAX (array->length, 1) * sizeof (WmJsonValue *));
  if (array->length > 0)
    memcpy (array->c.items, &parser->items->pdata[first], array->length * sizeof (WmJsonValue *));
  g_ptr_array_set_size (parser->items, first);
  return array;
}

static WmJsonValue *
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
        const char *text = parse_string (parser);
        WmJsonValue *value;

        if (text == NULL)
          return NULL;
        value = new_value (parser, WM_JSON_STRING);
        value->v.string = text;
        return value;
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
 * wm_json_parse:
 * @values: where the values are kept
 * @data: the text
 * @length: its length in bytes
 * @max_depth: the deepest nesting of objects and arrays accepted
 * @flags: what the caller has checked already
 * @error: return location for a #GError in %WM_JSON_PARSER_ERROR
 *
 * Parses one JSON value, with nothing but whitespace around it.
 *
 * Returns: (transfer none) (nullable): the value, which lives as long
 *   as @values
 */
WmJsonValue *
wm_json_parse (WmJsonValues      *values,
               const char        *data,
               gsize              length,
               guint              max_depth,
               WmJsonParseFlags   flags,
               GError           **error)
{
  g_autofree Step *steps = g_new0 (Step, MAX (max_depth, 1));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (WmJsonMember));
  g_autoptr(GString) text = g_string_new (NULL);
  Parser parser = { data, data, data + length, max_depth, 0, steps, values, items, members, text, NULL };
  const char *invalid;
  WmJsonValue *root;

  /* The loader has checked the whole file already, with a message of
   * its own. */
  if (!(flags & WM_JSON_PARSE_UTF8_CHECKED) && !g_utf8_validate_len (data, length, &invalid))
    {
      fail_at (&parser, invalid, WM_JSON_PARSER_ERROR_SYNTAX, _("the text is not valid UTF-8"));
      g_propagate_error (error, parser.error);
      return NULL;
    }

  /* A byte order mark is not JSON, but editors on Windows add one. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    parser.p += 3;

  root = parse_value (&parser);
  if (root != NULL)
    {
      skip_whitespace (&parser);
      if (parser.p < parser.end)
        fail_at (&parser, parser.p, WM_JSON_PARSER_ERROR_SYNTAX,
                 _("there is more after the end of the JSON value"));
    }
  if (parser.error != NULL)
    {
      g_propagate_error (error, parser.error);
      return NULL;
    }
  return root;
}

/**
 * wm_json_tree_parse:
 * @data: the text
 * @length: its length in bytes
 * @max_depth: the deepest nesting of objects and arrays accepted
 * @error: return location for a #GError in %WM_JSON_PARSER_ERROR
 *
 * Like wm_json_parse(), into json-glib nodes.
 *
 * Returns: (transfer full) (nullable): the tree
 */
WmJsonTree *
wm_json_tree_parse (const char  *data,
                    gsize        length,
                    guint        max_depth,
                    GError     **error)
{
  g_autoptr(WmJsonValues) values = wm_json_values_new ();
  WmJsonValue *root = wm_json_parse (values, data, length, max_depth, 0, error);
  WmJsonTree *tree;

  if (root == NULL)
    return NULL;

  tree = g_new0 (WmJsonTree, 1);
  tree->literals = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  tree->root = wm_json_value_to_node (root, tree->literals);
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
