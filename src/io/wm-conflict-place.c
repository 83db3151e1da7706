/* wm-conflict-place.c: where in a map a conflict is, in words a person reads.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-conflict-place"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "wm-conflict-place.h"
#include "wm-fields.h"

/* Long values (a photo's data) are cut to this many characters a line. */
#define MAX_LINE_CHARS 120
/* And a value to this many. */
#define MAX_TEXT_CHARS 4000

static const char * const lists[] = { "personas", "stages", "lanes", "cards", "emotions" };

/* Reads "NAME[KEY]" at *@p. */
static gboolean
read_keyed (const char **p,
            const char  *name,
            char       **key)
{
  gsize length = strlen (name);
  const char *close;

  if (strncmp (*p, name, length) != 0 || (*p)[length] != '[')
    return FALSE;
  close = strchr (*p + length + 1, ']');
  if (close == NULL || close == *p + length + 1)
    return FALSE;
  *key = g_strndup (*p + length + 1, close - (*p + length + 1));
  *p = close + 1;
  return TRUE;
}

/**
 * wm_conflict_place_parse:
 * @place: (out caller-allocates): filled in; clear it with
 *   wm_conflict_place_clear() whatever this returns
 * @path: a conflict's path, as the file format describes it
 *
 * Returns: %FALSE if @path is not one the format describes
 */
gboolean
wm_conflict_place_parse (WmConflictPlace *place,
                         const char      *path)
{
  const char *p = path;

  memset (place, 0, sizeof *place);
  g_return_val_if_fail (path != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (lists) && place->list == NULL; i++)
    if (read_keyed (&p, lists[i], &place->key))
      place->list = g_strdup (lists[i]);

  if (place->list == NULL)
    {
      place->member = g_strdup (path);
      return *path != '\0';
    }
  if (g_str_equal (place->list, "emotions") && g_str_has_prefix (p, ".points["))
    {
      p++;
      if (!read_keyed (&p, "points", &place->point))
        return FALSE;
    }
  if (*p == '\0')
    return TRUE;
  if (*p != '.' || p[1] == '\0')
    return FALSE;
  place->member = g_strdup (p + 1);
  return TRUE;
}

void
wm_conflict_place_clear (WmConflictPlace *place)
{
  g_clear_pointer (&place->list, g_free);
  g_clear_pointer (&place->key, g_free);
  g_clear_pointer (&place->point, g_free);
  g_clear_pointer (&place->member, g_free);
}

/**
 * wm_conflict_place_element_type:
 *
 * Returns: the kind of element @place is in
 */
GType
wm_conflict_place_element_type (const WmConflictPlace *place)
{
  if (place->list == NULL)
    return WM_TYPE_DOCUMENT;
  if (g_str_equal (place->list, "personas"))
    return WM_TYPE_PERSONA;
  if (g_str_equal (place->list, "stages"))
    return WM_TYPE_STAGE;
  if (g_str_equal (place->list, "lanes"))
    return WM_TYPE_LANE;
  if (g_str_equal (place->list, "cards"))
    return WM_TYPE_CARD;
  return place->point != NULL ? WM_TYPE_EMOTION_POINT : WM_TYPE_EMOTION_CURVE;
}

/**
 * wm_conflict_place_lookup:
 *
 * Returns: (transfer none) (nullable): the element @place is in, if
 *   @document has it
 */
WmElement *
wm_conflict_place_lookup (const WmConflictPlace *place,
                          WmDocument            *document)
{
  GType type = wm_conflict_place_element_type (place);
  WmElement *element;

  if (type == WM_TYPE_DOCUMENT)
    return WM_ELEMENT (document);
  if (type == WM_TYPE_EMOTION_CURVE)
    return (WmElement *) wm_document_get_curve_for_persona (document, place->key);
  element = wm_document_lookup (document, type == WM_TYPE_EMOTION_POINT ? place->point : place->key);
  return element != NULL && G_TYPE_CHECK_INSTANCE_TYPE (element, type) ? element : NULL;
}

/* The first text a person gave the element (a card's title, a stage's
 * name), from the element or else from its JSON. */
static char *
element_name (const WmElementInfo *info,
              WmElement           *element,
              const char          *json)
{
  g_autoptr(JsonNode) node = json != NULL ? json_from_string (json, NULL) : NULL;

  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    {
      if (field->value != WM_VALUE_TEXT || field->object != NULL)
        continue;
      if (element != NULL)
        {
          const GValue *value = wm_element_peek_value (element, wm_field_info_get_pspec (info, field));

          if (g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0')
            return g_value_dup_string (value);
        }
      else if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          /* The text comes from a file: it may be anything. */
          JsonNode *member = json_object_get_member (json_node_get_object (node), field->key);

          if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
              json_node_get_value_type (member) == G_TYPE_STRING && *json_node_get_string (member) != '\0')
            return g_strdup (json_node_get_string (member));
        }
    }
  return NULL;
}

static char *
describe_element (const WmConflictPlace *place,
                  WmConflict            *conflict,
                  WmDocument            *document)
{
  GType type = wm_conflict_place_element_type (place);
  const WmElementInfo *info = wm_element_info_lookup (type);
  WmElement *element = wm_conflict_place_lookup (place, document);
  g_autofree char *name = NULL;
  const char *json = NULL;

  if (type == WM_TYPE_DOCUMENT)
    return g_strdup (_("Map"));
  if (type == WM_TYPE_EMOTION_CURVE)
    {
      WmElement *persona = wm_document_lookup (document, place->key);

      name = persona != NULL ? element_name (wm_element_info_lookup (WM_TYPE_PERSONA), persona, NULL) : NULL;
      /* Translators: the emotion curve of a persona, by the persona's name */
      return g_strdup_printf (_("Emotion curve of “%s”"), name != NULL ? name : place->key);
    }
  if (element == NULL && place->member == NULL)
    json = wm_conflict_get_theirs (conflict) != NULL ? wm_conflict_get_theirs (conflict)
                                                     : wm_conflict_get_base (conflict);
  name = element_name (info, element, json);
  /* Translators: a kind of element and its name, such as Card “Slow setup” */
  return g_strdup_printf (_("%s “%s”"), _(info->name),
                          name != NULL ? name : (place->point != NULL ? place->point : place->key));
}

/* Fields a person never names in the inspector still need a name here. */
static const char *
unlabelled_field_name (const char *key)
{
  if (g_str_equal (key, "stage"))
    return _("Stage");
  if (g_str_equal (key, "lane"))
    return _("Lane");
  if (g_str_equal (key, "span"))
    return _("Width in Stages");
  if (g_str_equal (key, "persona"))
    return _("Persona");
  if (g_str_equal (key, "position"))
    return _("Position");
  if (g_str_equal (key, "score"))
    return _("Score");
  if (g_str_equal (key, "label"))
    return _("Label");
  return NULL;
}

static char *
describe_member (const WmConflictPlace *place)
{
  const WmElementInfo *info = wm_element_info_lookup (wm_conflict_place_element_type (place));
  const char *dot = strchr (place->member, '.');

  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    {
      gboolean match;
      const char *name;

      if (field->object != NULL)
        match = dot != NULL && strncmp (place->member, field->object, dot - place->member) == 0 &&
                strlen (field->object) == (gsize) (dot - place->member) && g_str_equal (dot + 1, field->key);
      else
        match = g_str_equal (place->member, field->key);
      if (!match)
        continue;
      name = field->label != NULL ? _(field->label) : unlabelled_field_name (field->key);
      return g_strdup (name != NULL ? name : field->key);
    }
  if (dot != NULL && g_str_equal (dot, ".*"))
    {
      g_autofree char *object = g_strndup (place->member, dot - place->member);

      /* Translators: keys a newer version of Waymark wrote inside an object of the file */
      return g_strdup_printf (_("Other keys of “%s”"), object);
    }
  /* Translators: a key of the file that this version of Waymark does not know */
  return g_strdup_printf (_("Key “%s”"), place->member);
}

/**
 * wm_conflict_describe:
 * @conflict: a conflict
 * @document: the map it is recorded in
 *
 * Returns: (transfer full): where @conflict is, as a person would say it:
 *   "Card “Slow setup”: Title"
 */
char *
wm_conflict_describe (WmConflict *conflict,
                      WmDocument *document)
{
  g_auto(WmConflictPlace) place = { NULL };
  g_autofree char *element = NULL;
  g_autofree char *member = NULL;

  if (!wm_conflict_place_parse (&place, wm_conflict_get_path (conflict)))
    return g_strdup (wm_conflict_get_path (conflict));

  element = describe_element (&place, conflict, document);
  if (place.member == NULL)
    return g_steal_pointer (&element);
  member = describe_member (&place);
  /* Translators: an element of the map and one of its fields, such as Card “Slow setup”: Title */
  return g_strdup_printf (_("%s: %s"), element, member);
}

static void append_node (GString  *out,
                         JsonNode *node);

static void
append_array (GString   *out,
              JsonArray *array)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_node (out, json_array_get_element (array, i));
    }
}

/* A value on one line: text as it is, lists joined by commas. */
static void
append_node (GString  *out,
             JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    append_array (out, json_node_get_array (node));
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_string_append (out, json_node_get_string (node));
  else
    {
      g_autofree char *text = json_to_string (node, FALSE);

      g_string_append (out, text);
    }
}

static void
append_line (GString    *out,
             const char *name,
             JsonNode   *node)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (name != NULL)
    g_string_append_printf (line, "%s: ", name);
  append_node (line, node);
  if (g_utf8_strlen (line->str, -1) > MAX_LINE_CHARS)
    {
      g_string_truncate (line, g_utf8_offset_to_pointer (line->str, MAX_LINE_CHARS) - line->str);
      g_string_append (line, "…");
    }
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append (out, line->str);
}

/**
 * wm_conflict_value_to_text:
 * @json: (nullable): one side's value of a conflict, as JSON text
 *
 * Returns: (transfer full) (nullable): the value as a person reads it:
 *   text unquoted, a list one entry a line, an element one key a line;
 *   %NULL where the side has no value
 */
char *
wm_conflict_value_to_text (const char *json)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  if (json == NULL)
    return NULL;
  node = json_from_string (json, NULL);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      /* An id says nothing to a person; the element's place does. */
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (!g_str_equal (name, "id"))
          append_line (out, name, member);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        append_line (out, NULL, json_array_get_element (array, i));
    }
  else
    append_node (out, node);
  /* A whole book pasted into a card need not be laid out to choose. */
  if (g_utf8_strlen (out->str, -1) > MAX_TEXT_CHARS)
    {
      g_string_truncate (out, g_utf8_offset_to_pointer (out->str, MAX_TEXT_CHARS) - out->str);
      g_string_append (out, "…");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
