/* wm-conflict-apply.c: a map as it would be with their side of a conflict.
 *
 * The conflict holds their value as JSON text, in the file's terms, so it
 * is applied in those terms: the map is written out, their value put in
 * at the conflict's path, and the result read back with every check a
 * file gets. What cannot be a valid map (their card on a stage we
 * deleted) is refused with the reader's reason instead of making the
 * model inconsistent. The caller moves the result into the open map in
 * one undo step (wm_document_replace_contents()).
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-conflict-apply"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-conflict-apply.h"
#include "wm-conflict-place.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-fields.h"
#include "wm-json-parser.h"
#include "wm-json-writer.h"

/**
 * wm_conflict_can_take_theirs:
 *
 * Returns: whether wm_conflict_take_theirs() can apply @conflict; not
 *   for keys a newer Waymark nested inside an object, which are kept as
 *   a whole with the object and cannot be chosen one by one
 */
gboolean
wm_conflict_can_take_theirs (WmConflict *conflict)
{
  g_auto(WmConflictPlace) place = { NULL };

  return wm_conflict_place_parse (&place, wm_conflict_get_path (conflict)) &&
         (place.member == NULL || !g_str_has_suffix (place.member, ".*"));
}

static int
find_item (JsonArray  *array,
           const char *key_member,
           const char *key)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonNode *id;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      id = json_object_get_member (json_node_get_object (item), key_member);
      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (id), key) == 0)
        return i;
    }
  return -1;
}

static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Makes @object hold @value's members instead of its own, keeping the
 * nodes themselves so that their numbers stay as written. */
static void
replace_members (JsonObject *object,
                 JsonObject *value)
{
  g_autoptr(GList) old_names = json_object_get_members (object);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  for (const GList *l = old_names; l != NULL; l = l->next)
    json_object_remove_member (object, l->data);
  json_object_iter_init_ordered (&iter, value);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (object, name, json_node_ref (member));
}

/* The object a field lives in, "metric" in "metric.name", made when
 * @create and missing; and the field's own key. */
static JsonObject *
field_container (JsonObject  *element,
                 GType        type,
                 const char  *member,
                 gboolean     create,
                 const char **key)
{
  const WmElementInfo *info = wm_element_info_lookup (type);
  const char *dot = strchr (member, '.');

  *key = member;
  if (dot == NULL)
    return element;
  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    {
      JsonNode *node;

      if (field->object == NULL || strlen (field->object) != (gsize) (dot - member) ||
          strncmp (member, field->object, dot - member) != 0 || !g_str_equal (dot + 1, field->key))
        continue;
      *key = field->key;
      node = json_object_get_member (element, field->object);
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        return json_node_get_object (node);
      if (!create)
        return NULL;
      json_object_set_object_member (element, field->object, json_object_new ());
      return json_object_get_object_member (element, field->object);
    }
  /* An unknown key may hold a dot: it is one member. */
  return element;
}

static gboolean
put_theirs (JsonObject             *root,
            const WmConflictPlace  *place,
            JsonNode               *theirs,
            GError                **error)
{
  JsonObject *element = root;
  JsonObject *container;
  const char *key;

  if (place->list != NULL)
    {
      JsonArray *array = get_array (root, place->list);
      const char *key_member = g_str_equal (place->list, "emotions") ? "persona" : "id";
      int index = array != NULL ? find_item (array, key_member, place->key) : -1;

      if (place->point != NULL)
        {
          array = index >= 0 ? get_array (json_array_get_object_element (array, index), "points") : NULL;
          index = array != NULL ? find_item (array, "id", place->point) : -1;
          if (array == NULL)
            {
              g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_INVALID,
                           _("The emotion curve of this point is no longer in the map."));
              return FALSE;
            }
        }
      if (array == NULL)
        {
          array = json_array_new ();
          json_object_set_array_member (root, place->list, array);
        }

      if (place->member == NULL)
        {
          if (theirs == NULL && index >= 0)
            json_array_remove_element (array, index);
          else if (theirs != NULL && !JSON_NODE_HOLDS_OBJECT (theirs))
            return FALSE;
          else if (theirs != NULL && index >= 0)
            replace_members (json_array_get_object_element (array, index), json_node_get_object (theirs));
          else if (theirs != NULL)
            json_array_add_element (array, json_node_ref (theirs));
          return TRUE;
        }
      if (index < 0)
        {
          g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_INVALID,
                       _("The element is no longer in the map."));
          return FALSE;
        }
      element = json_array_get_object_element (array, index);
    }

  container = field_container (element, wm_conflict_place_element_type (place), place->member,
                               theirs != NULL, &key);
  if (container == NULL)
    return TRUE;
  if (theirs == NULL)
    json_object_remove_member (container, key);
  else
    json_object_set_member (container, key, json_node_ref (theirs));
  return TRUE;
}

static void
remove_conflict (JsonObject *root,
                 guint       position)
{
  JsonArray *conflicts = get_array (root, "conflicts");

  if (conflicts == NULL || position >= json_array_get_length (conflicts))
    return;
  json_array_remove_element (conflicts, position);
  if (json_array_get_length (conflicts) == 0)
    json_object_remove_member (root, "conflicts");
}

/**
 * wm_conflict_take_theirs:
 * @document: a map
 * @conflict: one of @document's conflicts, for which
 *   wm_conflict_can_take_theirs() holds
 * @error: why their value cannot be taken
 *
 * Returns: (transfer full) (nullable): a new map: @document with their
 *   value at @conflict's place (their element added or ours deleted, for
 *   a whole element) and @conflict resolved
 */
WmDocument *
wm_conflict_take_theirs (WmDocument  *document,
                         WmConflict  *conflict,
                         GError     **error)
{
  g_auto(WmConflictPlace) place = { NULL };
  g_autoptr(WmJsonTree) tree = NULL;
  g_autoptr(WmJsonTree) theirs = NULL;
  g_autoptr(WmJsonWriter) writer = NULL;
  g_autofree char *text = NULL;
  const char *value = wm_conflict_get_theirs (conflict);
  GHashTableIter iter;
  gpointer node, literal;
  guint position;
  gsize length;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (WM_IS_CONFLICT (conflict), NULL);

  if (!g_list_store_find (G_LIST_STORE (wm_document_get_conflicts (document)), conflict, &position) ||
      !wm_conflict_can_take_theirs (conflict))
    {
      g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_INVALID,
                   _("Their version of this change cannot be applied on its own."));
      return NULL;
    }
  wm_conflict_place_parse (&place, wm_conflict_get_path (conflict));

  text = wm_document_to_json (document, &length);
  tree = wm_json_tree_parse (text, length, WM_DOCUMENT_MAX_DEPTH, error);
  if (tree == NULL)
    return NULL;
  if (value != NULL)
    {
      theirs = wm_json_tree_parse (value, strlen (value), WM_DOCUMENT_MAX_DEPTH, error);
      if (theirs == NULL)
        return NULL;
      /* Their numbers are written as they wrote them, like ours. */
      g_hash_table_iter_init (&iter, wm_json_tree_get_literals (theirs));
      while (g_hash_table_iter_next (&iter, &node, &literal))
        g_hash_table_insert (wm_json_tree_get_literals (tree), node, g_strdup (literal));
    }

  if (!put_theirs (json_node_get_object (wm_json_tree_get_root (tree)), &place,
                   theirs != NULL ? wm_json_tree_get_root (theirs) : NULL, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_INVALID,
                     _("Their version of this change cannot be applied on its own."));
      return NULL;
    }
  remove_conflict (json_node_get_object (wm_json_tree_get_root (tree)), position);

  writer = wm_json_writer_new ();
  wm_json_writer_set_literals (writer, wm_json_tree_get_literals (tree));
  wm_json_writer_node (writer, NULL, wm_json_tree_get_root (tree));
  g_clear_pointer (&text, g_free);
  text = wm_json_writer_finish (writer, &length);
  return wm_document_load_from_data (text, length, error);
}
