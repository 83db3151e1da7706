/* wm-json-value.c: parsed JSON values, kept compactly for the loader.
 *
 * A large map is a few million JSON values. Building them as json-glib
 * nodes (an allocation, a reference count and, for each object, a hash
 * table and a list of names) and freeing them again was half of what
 * loading cost. These values are carved out of large blocks and freed
 * with them; a value the loader keeps without understanding it becomes
 * a json-glib node only then, for the writer.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-json-value"

#include "config.h"

#include <string.h>

#include "wm-json-value.h"
#include "wm-json-writer.h"

/* The longest number text quoted in a message. */
#define MAX_QUOTED_NUMBER 40

/* Values are carved from blocks of this size; anything larger than a
 * quarter of one gets a block of its own, so little is left unused. */
#define BLOCK_SIZE (64 * 1024)

struct _WmJsonValues
{
  GPtrArray *blocks;
  char      *next;
  gsize      left;
};

WmJsonValues *
wm_json_values_new (void)
{
  WmJsonValues *self = g_new0 (WmJsonValues, 1);

  self->blocks = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
wm_json_values_free (WmJsonValues *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_free (self);
}

/* Memory for @size bytes, aligned for any value, that lives as long as
 * @self. */
gpointer
wm_json_values_alloc (WmJsonValues *self,
                      gsize         size)
{
  gpointer memory;

  size = (size + 7) & ~(gsize) 7;
  if (size > BLOCK_SIZE / 4)
    {
      memory = g_malloc (size);
      g_ptr_array_add (self->blocks, memory);
      return memory;
    }
  if (size > self->left)
    {
      self->next = g_malloc (BLOCK_SIZE);
      self->left = BLOCK_SIZE;
      g_ptr_array_add (self->blocks, self->next);
    }
  memory = self->next;
  self->next += size;
  self->left -= size;
  return memory;
}

/* A NUL-terminated copy of @length bytes of @text. */
const char *
wm_json_values_copy_text (WmJsonValues *self,
                          const char   *text,
                          gsize         length)
{
  char *copy = wm_json_values_alloc (self, length + 1);

  memcpy (copy, text, length);
  copy[length] = '\0';
  return copy;
}

/**
 * wm_json_value_get_member:
 * @object: an object value
 * @name: a member name
 *
 * Looks through the members in turn: an element has few, and each is
 * asked for at most once per field, so this stays linear in the file.
 *
 * Returns: (nullable): the member's value
 */
WmJsonValue *
wm_json_value_get_member (const WmJsonValue *object,
                          const char        *name)
{
  g_return_val_if_fail (object->kind == WM_JSON_OBJECT, NULL);

  /* The first letters differ for most names: comparing them first
   * spares most calls to strcmp(). */
  for (guint i = 0; i < object->length; i++)
    if (object->c.members[i].name[0] == name[0] && strcmp (object->c.members[i].name, name) == 0)
      return object->c.members[i].value;
  return NULL;
}

/* A number as a double, as json_node_get_double() gives it. */
double
wm_json_value_get_number (const WmJsonValue *number)
{
  if (number->kind == WM_JSON_INTEGER)
    return (double) number->v.integer;
  return number->v.number;
}

/* Quotes a number's text in a message, cut if it is very long. */
char *
wm_json_quote_number (const char *text,
                      gsize       length)
{
  if (length > MAX_QUOTED_NUMBER)
    return g_strdup_printf ("%.*s…", MAX_QUOTED_NUMBER, text);
  return g_strndup (text, length);
}

/* The number as the file wrote it, for messages: a version beyond 64
 * bits is not "-1". */
char *
wm_json_value_quote_number (const WmJsonValue *number)
{
  return wm_json_quote_number (number->c.text, number->length);
}

/* How the writer would write @number, if not as the file did. */
static gboolean
is_written_as_read (const WmJsonValue *number)
{
  g_autofree char *canonical = NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (number->kind == WM_JSON_INTEGER)
    canonical = g_strdup_printf ("%" G_GINT64_FORMAT, number->v.integer);
  else
    canonical = g_strdup (wm_json_format_double (number->v.number, buffer));
  return g_str_equal (canonical, number->c.text);
}

/**
 * wm_json_value_to_node:
 * @value: a value
 * @literals: node → text table (freeing its values with g_free()) where
 *   the text of each number the writer would write differently is added,
 *   for wm_json_writer_set_literals()
 *
 * Returns: (transfer full): @value as json-glib nodes
 */
JsonNode *
wm_json_value_to_node (const WmJsonValue *value,
                       GHashTable        *literals)
{
  JsonNode *node = json_node_alloc ();

  switch (value->kind)
    {
    case WM_JSON_NULL:
      return json_node_init_null (node);
    case WM_JSON_BOOLEAN:
      return json_node_init_boolean (node, value->v.boolean);
    case WM_JSON_STRING:
      return json_node_init_string (node, value->v.string);
    case WM_JSON_INTEGER:
    case WM_JSON_DOUBLE:
      if (value->kind == WM_JSON_INTEGER)
        json_node_init_int (node, value->v.integer);
      else
        json_node_init_double (node, value->v.number);
      if (!is_written_as_read (value))
        g_hash_table_insert (literals, node, g_strdup (value->c.text));
      return node;
    case WM_JSON_ARRAY:
      {
        g_autoptr(JsonArray) array = json_array_sized_new (value->length);

        for (guint i = 0; i < value->length; i++)
          json_array_add_element (array, wm_json_value_to_node (value->c.items[i], literals));
        return json_node_init_array (node, array);
      }
    case WM_JSON_OBJECT:
      {
        g_autoptr(JsonObject) object = json_object_new ();

        for (guint i = 0; i < value->length; i++)
          json_object_set_member (object, value->c.members[i].name,
                                  wm_json_value_to_node (value->c.members[i].value, literals));
        return json_node_init_object (node, object);
      }
    default:
      g_assert_not_reached ();
    }
}
