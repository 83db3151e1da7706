/* wm-templates.c: new maps from the templates in the resource bundle.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-templates"

#include "config.h"

#include <json-glib/json-glib.h>

#include "wm-document-reader.h"
#include "wm-templates.h"

/**
 * wm_template_instantiate:
 * @kind: the kind of map; %WM_MAP_KIND_CUSTOM is the blank map: three
 *   stages to name, the common lanes, one persona, no cards
 * @error: return location for a #GError
 *
 * Makes a new map from a template: a new map id and the current time as
 * its creation time, so that two maps from one template never share an id.
 *
 * Returns: (transfer full) (nullable): the new map, with an empty history
 */
WmDocument *
wm_template_instantiate (WmMapKind   kind,
                         GError    **error)
{
  const char *nick = kind == WM_MAP_KIND_CUSTOM ? "blank" : wm_enum_to_nick (WM_TYPE_MAP_KIND, kind);
  g_autofree char *path = g_strdup_printf (RESOURCE_PATH "/templates/%s.waymark", nick);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *id = wm_element_generate_id ("map");
  g_autofree char *text = NULL;
  JsonObject *root;
  gsize length;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;

  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "id", id);
  json_object_set_string_member (root, "created", timestamp);
  json_object_set_string_member (root, "modified", timestamp);

  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);

  return wm_document_load_from_data (text, length, error);
}

/**
 * wm_template_get_hint_titles:
 *
 * The titles of the templates' cards: hints such as "What does the
 * customer do here?", which a finished map has replaced with what was
 * learned. Read from the templates once, then kept.
 *
 * Returns: (transfer none) (array zero-terminated=1): the titles
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
          g_autoptr(WmDocument) document = wm_template_instantiate (kind, NULL);
          GListModel *cards = document != NULL ? wm_document_get_cards (document) : NULL;

          for (guint i = 0; cards != NULL && i < g_list_model_get_n_items (cards); i++)
            {
              g_autoptr(WmCard) card = g_list_model_get_item (cards, i);
              const char *title = wm_card_get_title (card);

              if (g_hash_table_add (seen, g_strdup (title)))
                g_strv_builder_add (builder, title);
            }
        }
      g_once_init_leave (&titles, g_strv_builder_end (builder));
    }
  return (const char * const *) titles;
}
