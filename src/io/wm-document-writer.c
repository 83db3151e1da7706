/* wm-document-writer.c: a document to Waymark's JSON format, version 1.
 * data/format/file-format.md describes the format; the key order here is
 * the one it gives.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-json-parser.h"
#include "wm-json-writer.h"
#include "wm-safe-file.h"

static void
write_optional_string (WmJsonWriter *writer,
                       const char   *key,
                       const char   *value)
{
  if (value != NULL && value[0] != '\0')
    wm_json_writer_string (writer, key, value);
}

static void
write_optional_strv (WmJsonWriter       *writer,
                     const char         *key,
                     const char * const *values)
{
  if (values != NULL && values[0] != NULL)
    wm_json_writer_strv (writer, key, values);
}

static void
write_optional_enum (WmJsonWriter *writer,
                     const char   *key,
                     GType         type,
                     int           value)
{
  /* Value 0 of the optional enums is "not set". */
  if (value != 0)
    wm_json_writer_string (writer, key, wm_enum_to_nick (type, value));
}

static void
write_timestamp (WmJsonWriter *writer,
                 const char   *key,
                 gint64        seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");

  wm_json_writer_string (writer, key, text);
}

/* Writes the members of @json, an object text the loader kept, with
 * their numbers exactly as the file had them. */
static void
write_kept_members (WmJsonWriter *writer,
                    const char   *json)
{
  g_autoptr(WmJsonTree) tree = NULL;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (json == NULL)
    return;

  tree = wm_json_tree_parse (json, strlen (json), WM_DOCUMENT_MAX_DEPTH, NULL);
  g_return_if_fail (tree != NULL && JSON_NODE_HOLDS_OBJECT (wm_json_tree_get_root (tree)));

  object = json_node_get_object (wm_json_tree_get_root (tree));
  members = json_object_get_members (object);
  wm_json_writer_set_literals (writer, wm_json_tree_get_literals (tree));
  for (const GList *l = members; l != NULL; l = l->next)
    wm_json_writer_node (writer, l->data, json_object_get_member (object, l->data));
  wm_json_writer_set_literals (writer, NULL);
}

/* Members a newer Waymark wrote go back out after the ones we know. */
static void
write_unknown_members (WmJsonWriter *writer,
                       WmElement    *element)
{
  write_kept_members (writer, wm_element_get_unknown_json (element));
}

static void
write_persona (WmJsonWriter *writer,
               WmPersona    *persona)
{
  GBytes *photo = wm_persona_get_photo (persona);

  wm_json_writer_begin_object (writer, NULL);
  wm_json_writer_string (writer, "id", wm_element_get_id (WM_ELEMENT (persona)));
  wm_json_writer_string (writer, "name", wm_persona_get_name (persona));
  write_optional_string (writer, "role", wm_persona_get_role (persona));
  if (wm_persona_get_age (persona) >= 0)
    wm_json_writer_int (writer, "age", wm_persona_get_age (persona));
  write_optional_string (writer, "location", wm_persona_get_location (persona));
  write_optional_string (writer, "segment", wm_persona_get_segment (persona));
  write_optional_string (writer, "quote", wm_persona_get_quote (persona));
  write_optional_string (writer, "bio", wm_persona_get_bio (persona));
  write_optional_string (writer, "color", wm_persona_get_color (persona));
  if (photo != NULL)
    {
      gsize size;
      const guchar *data = g_bytes_get_data (photo, &size);
      g_autofree char *base64 = g_base64_encode (data, size);

      wm_json_writer_begin_object (writer, "photo");
      wm_json_writer_string (writer, "media_type", wm_persona_get_photo_type (persona));
      wm_json_writer_string (writer, "data", base64);
      write_kept_members (writer, wm_element_get_nested_unknown_json (WM_ELEMENT (persona), "photo"));
      wm_json_writer_end_object (writer);
    }
  write_optional_strv (writer, "goals", wm_persona_get_goals (persona));
  write_optional_strv (writer, "needs", wm_persona_get_needs (persona));
  write_optional_strv (writer, "frustrations", wm_persona_get_frustrations (persona));
  write_optional_strv (writer, "motivations", wm_persona_get_motivations (persona));
  write_optional_strv (writer, "channels", wm_persona_get_channels (persona));
  write_unknown_members (writer, WM_ELEMENT (persona));
  wm_json_writer_end_object (writer);
}

static void
write_stage (WmJsonWriter *writer,
             WmStage      *stage)
{
  wm_json_writer_begin_object (writer, NULL);
  wm_json_writer_string (writer, "id", wm_element_get_id (WM_ELEMENT (stage)));
  wm_json_writer_string (writer, "name", wm_stage_get_name (stage));
  write_optional_string (writer, "description", wm_stage_get_description (stage));
  write_optional_string (writer, "time_label", wm_stage_get_time_label (stage));
  if (wm_stage_get_customers (stage) >= 0)
    wm_json_writer_int (writer, "customers", wm_stage_get_customers (stage));
  write_optional_string (writer, "color", wm_stage_get_color (stage));
  if (wm_stage_get_width (stage) > 0)
    wm_json_writer_int (writer, "width", wm_stage_get_width (stage));
  write_unknown_members (writer, WM_ELEMENT (stage));
  wm_json_writer_end_object (writer);
}

static void
write_lane (WmJsonWriter *writer,
            WmLane       *lane)
{
  wm_json_writer_begin_object (writer, NULL);
  wm_json_writer_string (writer, "id", wm_element_get_id (WM_ELEMENT (lane)));
  wm_json_writer_string (writer, "title", wm_lane_get_title (lane));
  wm_json_writer_string (writer, "kind", wm_enum_to_nick (WM_TYPE_LANE_KIND, wm_lane_get_kind (lane)));
  if (wm_lane_get_collapsed (lane))
    wm_json_writer_boolean (writer, "collapsed", TRUE);
  write_unknown_members (writer, WM_ELEMENT (lane));
  wm_json_writer_end_object (writer);
}

static void
write_card (WmJsonWriter *writer,
            WmCard       *card)
{
  wm_json_writer_begin_object (writer, NULL);
  wm_json_writer_string (writer, "id", wm_element_get_id (WM_ELEMENT (card)));
  wm_json_writer_string (writer, "stage", wm_card_get_stage (card));
  wm_json_writer_string (writer, "lane", wm_card_get_lane (card));
  if (wm_card_get_span (card) != 1)
    wm_json_writer_int (writer, "span", wm_card_get_span (card));
  wm_json_writer_string (writer, "title", wm_card_get_title (card));
  write_optional_string (writer, "text", wm_card_get_text (card));
  write_optional_string (writer, "channel", wm_card_get_channel (card));
  write_optional_string (writer, "owner", wm_card_get_owner (card));
  write_optional_enum (writer, "quality", WM_TYPE_CARD_QUALITY, wm_card_get_quality (card));
  write_optional_enum (writer, "moment", WM_TYPE_MOMENT, wm_card_get_moment (card));
  write_optional_string (writer, "time_label", wm_card_get_time_label (card));
  if (wm_card_get_metric_name (card)[0] != '\0' || wm_card_get_metric_value (card)[0] != '\0')
    {
      wm_json_writer_begin_object (writer, "metric");
      wm_json_writer_string (writer, "name", wm_card_get_metric_name (card));
      wm_json_writer_string (writer, "value", wm_card_get_metric_value (card));
      write_kept_members (writer, wm_element_get_nested_unknown_json (WM_ELEMENT (card), "metric"));
      wm_json_writer_end_object (writer);
    }
  write_optional_string (writer, "color", wm_card_get_color (card));
  write_optional_strv (writer, "tags", wm_card_get_tags (card));
  write_unknown_members (writer, WM_ELEMENT (card));
  wm_json_writer_end_object (writer);
}

static void
write_curve (WmJsonWriter   *writer,
             WmEmotionCurve *curve)
{
  GListModel *points = wm_emotion_curve_get_points (curve);

  wm_json_writer_begin_object (writer, NULL);
  wm_json_writer_string (writer, "persona", wm_emotion_curve_get_persona (curve));
  wm_json_writer_begin_array (writer, "points");
  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(WmEmotionPoint) point = g_list_model_get_item (points, i);

      wm_json_writer_begin_object (writer, NULL);
      wm_json_writer_string (writer, "id", wm_element_get_id (WM_ELEMENT (point)));
      wm_json_writer_string (writer, "stage", wm_emotion_point_get_stage (point));
      wm_json_writer_double (writer, "position", wm_emotion_point_get_position (point));
      wm_json_writer_int (writer, "score", wm_emotion_point_get_score (point));
      write_optional_string (writer, "label", wm_emotion_point_get_label (point));
      write_unknown_members (writer, WM_ELEMENT (point));
      wm_json_writer_end_object (writer);
    }
  wm_json_writer_end_array (writer);
  write_unknown_members (writer, WM_ELEMENT (curve));
  wm_json_writer_end_object (writer);
}

typedef void (*WriteFunc) (WmJsonWriter *writer, gpointer element);

static void
write_list (WmJsonWriter *writer,
            const char   *key,
            GListModel   *list,
            WriteFunc     write_element)
{
  wm_json_writer_begin_array (writer, key);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) element = g_list_model_get_item (list, i);

      write_element (writer, element);
    }
  wm_json_writer_end_array (writer);
}

/**
 * wm_document_to_json:
 * @document: a document
 * @length: (out) (optional): the length of the text in bytes
 *
 * Serializes @document. The same document always gives the same bytes:
 * the timestamps are the document's own, not the time of writing.
 *
 * Returns: (transfer full): the file's text, UTF-8, ending in a newline
 */
char *
wm_document_to_json (WmDocument *document,
                     gsize      *length)
{
  g_autoptr(WmJsonWriter) writer = wm_json_writer_new ();

  wm_json_writer_begin_object (writer, NULL);
  wm_json_writer_string (writer, "format", WM_FORMAT_NAME);
  wm_json_writer_int (writer, "version", WM_FORMAT_VERSION);
  wm_json_writer_string (writer, "id", wm_element_get_id (WM_ELEMENT (document)));
  wm_json_writer_string (writer, "title", wm_document_get_title (document));
  write_optional_string (writer, "goal", wm_document_get_goal (document));
  write_optional_string (writer, "scope", wm_document_get_scope (document));
  wm_json_writer_string (writer, "kind", wm_enum_to_nick (WM_TYPE_MAP_KIND, wm_document_get_kind (document)));
  write_timestamp (writer, "created", wm_document_get_created (document));
  write_timestamp (writer, "modified", wm_document_get_modified (document));
  wm_json_writer_int (writer, "emotion_scale", wm_document_get_emotion_scale (document));
  write_list (writer, "personas", wm_document_get_personas (document), (WriteFunc) write_persona);
  write_list (writer, "stages", wm_document_get_stages (document), (WriteFunc) write_stage);
  write_list (writer, "lanes", wm_document_get_lanes (document), (WriteFunc) write_lane);
  write_list (writer, "cards", wm_document_get_cards (document), (WriteFunc) write_card);
  write_list (writer, "emotions", wm_document_get_emotion_curves (document), (WriteFunc) write_curve);
  write_unknown_members (writer, WM_ELEMENT (document));
  wm_json_writer_end_object (writer);

  return wm_json_writer_finish (writer, length);
}

/**
 * wm_document_save:
 * @document: a document
 * @file: where to save it
 * @cancellable: (nullable): a cancellable
 * @error: return location for a #GError
 *
 * Saves atomically: the text goes to a temporary file beside @file that
 * then replaces it, so a failure (a full disk, a read-only folder) leaves
 * the previous file intact. On success the history's saved point moves
 * here.
 *
 * Returns: %TRUE on success
 */
gboolean
wm_document_save (WmDocument    *document,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = wm_document_to_json (document, &length);
  wm_safe_file_write_contents (file, text, length, cancellable, &local_error);

  if (local_error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is a file name, the second %s the reason. */
                   _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  wm_history_mark_saved (wm_document_get_history (document));
  return TRUE;
}
