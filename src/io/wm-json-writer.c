/* wm-json-writer.c: writes JSON the way Waymark files look.
 *
 * json-glib's generator would do, but it prints doubles with 17 digits
 * ("0.10000000000000001") and cannot be told a key order. Files that diff
 * well in git need both: this writer keeps the order it is given, prints
 * the shortest number that reads back the same, and indents by two
 * spaces, as Python's json.dumps(indent=2, ensure_ascii=False) does.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-json-writer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-json-writer.h"

struct _WmJsonWriter
{
  GString *out;
  guint    depth;
  /* Whether the container at each depth has had a member yet. */
  GArray  *has_members;
  /* Numbers to write as a file wrote them, by node (a tree's literals). */
  GHashTable *literals;
};

WmJsonWriter *
wm_json_writer_new (void)
{
  WmJsonWriter *self = g_new0 (WmJsonWriter, 1);
  gboolean top = FALSE;

  self->out = g_string_sized_new (4096);
  self->has_members = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_array_append_val (self->has_members, top);

  return self;
}

void
wm_json_writer_free (WmJsonWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->out, TRUE);
  g_array_unref (self->has_members);
  g_free (self);
}

/**
 * wm_json_writer_finish:
 * @self: a writer whose containers are all closed
 * @length: (out) (optional): the text's length in bytes
 *
 * Returns: (transfer full): the JSON text, ending in a newline
 */
char *
wm_json_writer_finish (WmJsonWriter *self,
                       gsize        *length)
{
  g_return_val_if_fail (self->depth == 0, NULL);

  g_string_append_c (self->out, '\n');
  if (length != NULL)
    *length = self->out->len;

  return g_strndup (self->out->str, self->out->len);
}

static void
newline_and_indent (WmJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->depth; i++)
    g_string_append (self->out, "  ");
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

/* Starts a value: the separator from the previous member, the line break
 * and indentation, and "key": inside objects. */
static void
begin_value (WmJsonWriter *self,
             const char   *key)
{
  gboolean *has_members = &g_array_index (self->has_members, gboolean, self->depth);

  if (self->depth > 0)
    {
      if (*has_members)
        g_string_append_c (self->out, ',');
      newline_and_indent (self);
    }
  *has_members = TRUE;

  if (key != NULL)
    {
      append_escaped (self->out, key);
      g_string_append (self->out, ": ");
    }
}

static void
open_container (WmJsonWriter *self,
                const char   *key,
                char          bracket)
{
  gboolean empty = FALSE;

  begin_value (self, key);
  g_string_append_c (self->out, bracket);
  self->depth++;
  g_array_set_size (self->has_members, self->depth);
  g_array_append_val (self->has_members, empty);
}

static void
close_container (WmJsonWriter *self,
                 char          bracket)
{
  gboolean had_members = g_array_index (self->has_members, gboolean, self->depth);

  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (had_members)
    newline_and_indent (self);
  g_string_append_c (self->out, bracket);
}

void
wm_json_writer_begin_object (WmJsonWriter *self,
                             const char   *key)
{
  open_container (self, key, '{');
}

void
wm_json_writer_end_object (WmJsonWriter *self)
{
  close_container (self, '}');
}

void
wm_json_writer_begin_array (WmJsonWriter *self,
                            const char   *key)
{
  open_container (self, key, '[');
}

void
wm_json_writer_end_array (WmJsonWriter *self)
{
  close_container (self, ']');
}

void
wm_json_writer_string (WmJsonWriter *self,
                       const char   *key,
                       const char   *value)
{
  begin_value (self, key);
  append_escaped (self->out, value);
}

void
wm_json_writer_int (WmJsonWriter *self,
                    const char   *key,
                    gint64        value)
{
  begin_value (self, key);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

/**
 * wm_json_format_double:
 * @value: a finite number
 * @buffer: at least %G_ASCII_DTOSTR_BUF_SIZE bytes
 *
 * Formats @value the way the writer writes it: the shortest text that
 * reads back as the same double, with ".0" when it would look whole.
 *
 * Returns: @buffer
 */
const char *
wm_json_format_double (double  value,
                       char   *buffer)
{
  if (!isfinite (value))
    value = 0.0;

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE - 2, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  /* Keep it a float for readers that care, as Python writes 1.0. */
  if (strpbrk (buffer, ".eEn") == NULL)
    strcat (buffer, ".0");
  return buffer;
}

void
wm_json_writer_double (WmJsonWriter *self,
                       const char   *key,
                       double        value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  begin_value (self, key);
  g_string_append (self->out, wm_json_format_double (value, buffer));
}

void
wm_json_writer_boolean (WmJsonWriter *self,
                        const char   *key,
                        gboolean      value)
{
  begin_value (self, key);
  g_string_append (self->out, value ? "true" : "false");
}

void
wm_json_writer_strv (WmJsonWriter       *self,
                     const char         *key,
                     const char * const *values)
{
  wm_json_writer_begin_array (self, key);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    wm_json_writer_string (self, NULL, values[i]);
  wm_json_writer_end_array (self);
}

/**
 * wm_json_writer_set_literals:
 * @self: a writer
 * @literals: (nullable): a parsed tree's literals (see
 *   wm_json_tree_get_literals()), borrowed while nodes of the tree are
 *   written
 *
 * Lets wm_json_writer_node() give numbers back exactly as they were read.
 */
void
wm_json_writer_set_literals (WmJsonWriter *self,
                             GHashTable   *literals)
{
  self->literals = literals;
}

/**
 * wm_json_writer_node:
 * @self: a writer
 * @key: (nullable): the member name inside an object
 * @node: any JSON value, such as a member a newer Waymark wrote
 *
 * Writes @node with its members in their original order, and its
 * numbers as wm_json_writer_set_literals() says they were written.
 */
void
wm_json_writer_node (WmJsonWriter *self,
                     const char   *key,
                     JsonNode     *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        wm_json_writer_begin_object (self, key);
        for (const GList *l = members; l != NULL; l = l->next)
          wm_json_writer_node (self, l->data, json_object_get_member (object, l->data));
        wm_json_writer_end_object (self);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        wm_json_writer_begin_array (self, key);
        for (guint i = 0; i < json_array_get_length (array); i++)
          wm_json_writer_node (self, NULL, json_array_get_element (array, i));
        wm_json_writer_end_array (self);
      }
      break;

    case JSON_NODE_NULL:
      begin_value (self, key);
      g_string_append (self->out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
        case G_TYPE_DOUBLE:
          if (self->literals != NULL && g_hash_table_contains (self->literals, node))
            {
              begin_value (self, key);
              g_string_append (self->out, g_hash_table_lookup (self->literals, node));
            }
          else if (json_node_get_value_type (node) == G_TYPE_INT64)
            wm_json_writer_int (self, key, json_node_get_int (node));
          else
            wm_json_writer_double (self, key, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          wm_json_writer_boolean (self, key, json_node_get_boolean (node));
          break;
        default:
          wm_json_writer_string (self, key, json_node_get_string (node));
          break;
        }
      break;

    default:
      g_assert_not_reached ();
    }
}
