/* wm-templates.c: new maps from the templates in the resource bundle.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-templates"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "wm-document-reader.h"
#include "wm-templates.h"

/* The members translated, by where they are; build-aux/template-strings.py
 * lists the same ones for translators. */
static const char * const map_keys[] = { "title", NULL };
static const char * const persona_keys[] = { "name", "role", "location", "segment", "quote", "bio", NULL };
static const char * const stage_keys[] = { "name", "description", NULL };
static const char * const lane_keys[] = { "title", NULL };
static const char * const card_keys[] = { "title", "text", "hint", "owner", NULL };
static const char * const metric_keys[] = { "name", "value", NULL };
static const char * const point_keys[] = { "label", NULL };

/* Hints the templates once had and have since reworded. Maps made before
 * hints were kept apart may still hold them as card titles. */
static const char * const former_hints[] = {
  N_("Every step leaves a trace"),
  N_("How will we know it works?"),
  N_("Keep the current-state stages"),
  N_("Long-running systems"),
  N_("Mark what fails"),
  N_("Name who does it"),
  N_("Needs we could meet"),
  N_("One thought per card"),
  N_("Other companies count"),
  N_("Use the stage counts"),
  NULL
};

/* Puts the user's language in the members @keys of @object (every
 * member when @keys is NULL, for a "hints" object). */
static void
translate_members (JsonObject         *object,
                   const char * const *keys)
{
  g_autoptr(GList) members = NULL;

  if (object == NULL)
    return;
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      const char *text;

      if ((keys != NULL && !g_strv_contains (keys, l->data)) || !JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      text = json_node_get_string (node);
      if (*text != '\0')
        json_object_set_string_member (object, l->data, g_dgettext (GETTEXT_PACKAGE, text));
    }
}

static JsonObject *
object_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Translates the elements of the array @key of @root, and of their
 * "hints" and "metric" objects (a card may start with a metric). */
static void
translate_array (JsonObject         *root,
                 const char         *key,
                 const char * const *keys)
{
  JsonNode *node = json_object_get_member (root, key);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      translate_members (json_node_get_object (item), keys);
      translate_members (object_member (json_node_get_object (item), "hints"), NULL);
      translate_members (object_member (json_node_get_object (item), "metric"), metric_keys);
    }
}

/* A template is written in English; a new map starts in the user's
 * language, and its file holds the translated words. */
static void
translate_template (JsonObject *root)
{
  JsonNode *emotions = json_object_get_member (root, "emotions");

  translate_members (root, map_keys);
  translate_members (object_member (root, "hints"), NULL);
  translate_array (root, "personas", persona_keys);
  translate_array (root, "stages", stage_keys);
  translate_array (root, "lanes", lane_keys);
  translate_array (root, "cards", card_keys);
  for (guint i = 0; emotions != NULL && JSON_NODE_HOLDS_ARRAY (emotions) &&
       i < json_array_get_length (json_node_get_array (emotions)); i++)
    {
      JsonNode *curve = json_array_get_element (json_node_get_array (emotions), i);

      if (JSON_NODE_HOLDS_OBJECT (curve))
        translate_array (json_node_get_object (curve), "points", point_keys);
    }
}

static JsonParser *
load_template (WmMapKind   kind,
               GError    **error)
{
  const char *nick = kind == WM_MAP_KIND_CUSTOM ? "blank" : wm_enum_to_nick (WM_TYPE_MAP_KIND, kind);
  g_autofree char *path = g_strdup_printf (RESOURCE_PATH "/templates/%s.waymark", nick);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  return g_steal_pointer (&parser);
}

/**
 * wm_template_instantiate:
 * @kind: the kind of map; %WM_MAP_KIND_CUSTOM is the blank map: three
 *   stages to name, the common lanes, one persona, no cards
 * @error: return location for a #GError
 *
 * Makes a new map from a template: a new map id and the current time as
 * its creation time, so that two maps from one template never share an id.
 * Its words (titles, stage names, lane titles, hints) are in the user's
 * language.
 *
 * Returns: (transfer full) (nullable): the new map, with an empty history
 */
WmDocument *
wm_template_instantiate (WmMapKind   kind,
                         GError    **error)
{
  g_autoptr(JsonParser) parser = load_template (kind, error);

  if (parser == NULL)
    return NULL;

  translate_template (json_node_get_object (json_parser_get_root (parser)));
  return wm_template_instantiate_json (json_parser_get_root (parser), error);
}

/**
 * wm_template_instantiate_json:
 * @root: a template's root object; changed
 * @error: return location for a #GError
 *
 * Makes a new map from a template already read: a new map id, the
 * current time as its creation time, and without the name and
 * description a user's template carries.
 *
 * Returns: (transfer full) (nullable): the new map, with an empty history
 */
WmDocument *
wm_template_instantiate_json (JsonNode  *root,
                              GError   **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *id = wm_element_generate_id ("map");
  g_autofree char *text = NULL;
  JsonObject *object = json_node_get_object (root);
  gsize length;

  /* The template's own name is not the map's. */
  if (json_object_has_member (object, "template"))
    json_object_remove_member (object, "template");
  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "created", timestamp);
  json_object_set_string_member (object, "modified", timestamp);

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  return wm_document_load_from_data (text, length, error);
}

/* Adds @hint, in English and in the user's language, unless already there. */
static void
add_hint_title (GStrvBuilder *builder,
                GHashTable   *seen,
                const char   *hint)
{
  const char *forms[] = { hint, g_dgettext (GETTEXT_PACKAGE, hint) };

  for (guint f = 0; f < G_N_ELEMENTS (forms) && *hint != '\0'; f++)
    if (g_hash_table_add (seen, g_strdup (forms[f])))
      g_strv_builder_add (builder, forms[f]);
}

/**
 * wm_template_get_hint_titles:
 *
 * The hints of the templates' cards, such as "What does the customer do
 * here?", in English and in the user's language. Maps made before hints
 * were kept apart hold them as card titles, which a finished map has
 * replaced with what was learned; so the list holds the hints the
 * templates had before they were reworded too. Read from the templates
 * once, then kept.
 *
 * Returns: (transfer none) (array zero-terminated=1): the hints
 */
const char * const *
wm_template_get_hint_titles (void)
{
  static char **titles;

  if (g_once_init_enter (&titles))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (WmMapKind kind = WM_MAP_KIND_CURRENT_STATE; kind < WM_MAP_KIND_CUSTOM; kind++)
        {
          g_autoptr(JsonParser) parser = load_template (kind, NULL);
          JsonNode *cards = parser != NULL ? json_object_get_member (json_node_get_object (json_parser_get_root (parser)),
                                                                     "cards") : NULL;

          for (guint i = 0; cards != NULL && i < json_array_get_length (json_node_get_array (cards)); i++)
            {
              JsonObject *card = json_array_get_object_element (json_node_get_array (cards), i);
              const char *hint = json_object_get_string_member_with_default (card, "hint", "");

              add_hint_title (builder, seen, hint);
            }
        }
      for (guint i = 0; former_hints[i] != NULL; i++)
        add_hint_title (builder, seen, former_hints[i]);
      g_once_init_leave (&titles, g_strv_builder_end (builder));
    }
  return (const char * const *) titles;
}
