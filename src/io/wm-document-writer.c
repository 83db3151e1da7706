/* wm-document-writer.c: a document to Waymark's JSON format, version 1.
 * data/format/file-format.md describes the format. The fields of each
 * element, their order and when they are left out come from the field
 * tables (wm-fields.c); what is written here is what no table says: the
 * header, the lists, a curve's points and the members kept from a newer
 * Waymark.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-document-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-document-private.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-fields.h"
#include "wm-json-parser.h"
#include "wm-json-writer.h"
#include "wm-safe-file.h"

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

/* A persona's photo or a card's picture, held in @pspecs (see
 * wm_field_info_get_picture_pspecs()): @member is its member in the
 * element, @key where it goes. */
static void
write_photo (WmJsonWriter *writer,
             const char   *key,
             const char   *member,
             WmElement    *element,
             GParamSpec   *pspecs[3],
             guint         n_pspecs)
{
  GBytes *photo = g_value_get_boxed (wm_element_peek_value (element, pspecs[0]));
  gsize size;
  const guchar *data = g_bytes_get_data (photo, &size);
  g_autofree char *base64 = g_base64_encode (data, size);
  const char *alt = n_pspecs == 3 ? g_value_get_string (wm_element_peek_value (element, pspecs[2])) : NULL;

  wm_json_writer_begin_object (writer, key);
  wm_json_writer_string (writer, "media_type", g_value_get_string (wm_element_peek_value (element, pspecs[1])));
  wm_json_writer_string (writer, "data", base64);
  if (alt != NULL && *alt != '\0')
    wm_json_writer_string (writer, "alt", alt);
  write_kept_members (writer, wm_element_get_nested_unknown_json (element, member));
  wm_json_writer_end_object (writer);
}

/* Writes one field, whatever its value. */
static void
write_value_as (WmJsonWriter      *writer,
                const char        *key,
                WmElement         *element,
                const WmFieldInfo *field)
{
  GParamSpec *pspec = wm_element_find_field (element, field->property);
  const GValue *value = wm_element_peek_value (element, pspec);

  switch (field->value)
    {
    case WM_VALUE_TEXT:
    case WM_VALUE_COLOR:
    case WM_VALUE_REFERENCE:
      wm_json_writer_string (writer, key, g_value_get_string (value) ? g_value_get_string (value) : "");
      break;
    case WM_VALUE_INTEGER:
      wm_json_writer_int (writer, key, g_value_get_int (value));
      break;
    case WM_VALUE_FRACTION:
      wm_json_writer_double (writer, key, g_value_get_double (value));
      break;
    case WM_VALUE_ENUM:
      wm_json_writer_string (writer, key, wm_enum_to_nick (G_VALUE_TYPE (value), g_value_get_enum (value)));
      break;
    case WM_VALUE_BOOLEAN:
      wm_json_writer_boolean (writer, key, g_value_get_boolean (value));
      break;
    case WM_VALUE_LIST:
      {
        static const char * const empty[] = { NULL };
        const char * const *list = g_value_get_boxed (value);

        wm_json_writer_strv (writer, key, list != NULL ? list : empty);
      }
      break;
    case WM_VALUE_PHOTO:
      if (g_value_get_boxed (value) != NULL)
        {
          GParamSpec *pspecs[3];
          guint n = wm_field_info_get_picture_pspecs (wm_element_info_lookup (G_OBJECT_TYPE (element)), field, pspecs);

          write_photo (writer, key, field->key, element, pspecs, n);
        }
      else
        {
          /* Only asked for on its own: a file leaves out a missing photo. */
          g_autoptr(JsonNode) null = json_node_new (JSON_NODE_NULL);

          wm_json_writer_node (writer, key, null);
        }
      break;
    case WM_VALUE_TIMESTAMP:
      write_timestamp (writer, key, g_value_get_int64 (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
write_value (WmJsonWriter      *writer,
             WmElement         *element,
             const WmFieldInfo *field)
{
  write_value_as (writer, field->key, element, field);
}

static gboolean
is_written (const WmFieldInfo *field,
            WmElement         *element)
{
  return (field->flags & (WM_FIELD_REQUIRED | WM_FIELD_ALWAYS)) != 0 ||
         !wm_field_info_is_default (field, element);
}

/* Writes the fields of an object inside the element, such as a card's
 * metric: all of them once any is set (only those set for a sparse object
 * such as the hints), then what the loader kept of it.
 * Returns the first field after them. */
static const WmFieldInfo *
write_object (WmJsonWriter      *writer,
              WmElement         *element,
              const WmFieldInfo *first)
{
  const WmFieldInfo *field;
  gboolean any = FALSE;

  for (field = first; field->key != NULL && g_strcmp0 (field->object, first->object) == 0; field++)
    any |= is_written (field, element);
  if (!any)
    return field;

  wm_json_writer_begin_object (writer, first->object);
  for (field = first; field->key != NULL && g_strcmp0 (field->object, first->object) == 0; field++)
    if ((field->flags & WM_FIELD_SPARSE) == 0 || is_written (field, element))
      write_value (writer, element, field);
  write_kept_members (writer, wm_element_get_nested_unknown_json (element, first->object));
  wm_json_writer_end_object (writer);
  return field;
}

/* Writes @element's fields in its table's order, leaving out those at
 * their default. */
static void
write_fields (WmJsonWriter *writer,
              WmElement    *element)
{
  const WmElementInfo *info = wm_element_info_lookup (G_OBJECT_TYPE (element));

  if (info->has_id)
    wm_json_writer_string (writer, "id", wm_element_get_id (element));
  for (const WmFieldInfo *field = info->fields; field->key != NULL;)
    {
      if (field->object != NULL)
        {
          field = write_object (writer, element, field);
          continue;
        }
      if (is_written (field, element))
        write_value (writer, element, field);
      field++;
    }
}

static void
write_element (WmJsonWriter *writer,
               WmElement    *element)
{
  wm_json_writer_begin_object (writer, NULL);
  write_fields (writer, element);
  write_unknown_members (writer, element);
  wm_json_writer_end_object (writer);
}

typedef struct
{
  WmEmotionPoint *point;
  int             stage_index;
} SortedPoint;

/* Along the curve: by stage, then by position in the stage; points at
 * the same place keep the order they had. */
static int
compare_along_curve (gconstpointer a,
                     gconstpointer b)
{
  const SortedPoint *pa = a, *pb = b;
  double xa, xb;

  if (pa->stage_index != pb->stage_index)
    return pa->stage_index < pb->stage_index ? -1 : 1;
  xa = wm_emotion_point_get_position (pa->point);
  xb = wm_emotion_point_get_position (pb->point);
  return (xa > xb) - (xa < xb);
}

static void
write_curve (WmJsonWriter   *writer,
             WmDocument     *document,
             WmEmotionCurve *curve)
{
  GListModel *points = wm_emotion_curve_get_points (curve);
  guint n_points = g_list_model_get_n_items (points);
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (SortedPoint), n_points);

  for (guint i = 0; i < n_points; i++)
    {
      SortedPoint entry;

      entry.point = g_list_model_get_item (points, i);
      entry.stage_index = wm_document_get_stage_index (document, wm_emotion_point_get_stage (entry.point));
      g_object_unref (entry.point);  /* the curve keeps it */
      g_array_append_val (sorted, entry);
    }
  /* GLib's sort is stable. */
  g_array_sort (sorted, compare_along_curve);

  wm_json_writer_begin_object (writer, NULL);
  write_fields (writer, WM_ELEMENT (curve));
  wm_json_writer_begin_array (writer, "points");
  for (guint i = 0; i < sorted->len; i++)
    write_element (writer, WM_ELEMENT (g_array_index (sorted, SortedPoint, i).point));
  wm_json_writer_end_array (writer);
  write_unknown_members (writer, WM_ELEMENT (curve));
  wm_json_writer_end_object (writer);
}

static void
write_list (WmJsonWriter *writer,
            WmDocument   *document,
            const char   *key,
            GListModel   *list)
{
  wm_json_writer_begin_array (writer, key);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (list, i);

      if (WM_IS_EMOTION_CURVE (element))
        write_curve (writer, document, WM_EMOTION_CURVE (element));
      else
        write_element (writer, element);
    }
  wm_json_writer_end_array (writer);
}

static void
write_conflict_value (WmJsonWriter *writer,
                      const char   *key,
                      const char   *value)
{
  g_autoptr(JsonNode) null = NULL;

  if (value != NULL)
    {
      wm_json_writer_string (writer, key, value);
      return;
    }
  null = json_node_new (JSON_NODE_NULL);
  wm_json_writer_node (writer, key, null);
}

/* Left out when there are none, as in every map no merge touched. */
static void
write_conflicts (WmJsonWriter *writer,
                 GListModel   *conflicts)
{
  if (g_list_model_get_n_items (conflicts) == 0)
    return;

  wm_json_writer_begin_array (writer, "conflicts");
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(WmConflict) conflict = g_list_model_get_item (conflicts, i);

      wm_json_writer_begin_object (writer, NULL);
      wm_json_writer_string (writer, "path", wm_conflict_get_path (conflict));
      write_conflict_value (writer, "base", wm_conflict_get_base (conflict));
      write_conflict_value (writer, "ours", wm_conflict_get_ours (conflict));
      write_conflict_value (writer, "theirs", wm_conflict_get_theirs (conflict));
      wm_json_writer_end_object (writer);
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
  write_fields (writer, WM_ELEMENT (document));
  write_list (writer, document, "personas", wm_document_get_personas (document));
  write_list (writer, document, "stages", wm_document_get_stages (document));
  write_list (writer, document, "lanes", wm_document_get_lanes (document));
  write_list (writer, document, "cards", wm_document_get_cards (document));
  write_list (writer, document, "emotions", wm_document_get_emotion_curves (document));
  /* Left out when empty, as maps without saved views were written before. */
  if (g_list_model_get_n_items (wm_document_get_views (document)) > 0)
    write_list (writer, document, "views", wm_document_get_views (document));
  write_conflicts (writer, wm_document_get_conflicts (document));
  write_unknown_members (writer, WM_ELEMENT (document));
  wm_json_writer_end_object (writer);

  return wm_json_writer_finish (writer, length);
}

/* The writer's text without its final newline. */
static char *
finish_value (WmJsonWriter *writer)
{
  gsize length;
  char *text = wm_json_writer_finish (writer, &length);

  text[length - 1] = '\0';
  return text;
}

/**
 * wm_document_element_to_json:
 * @document: the document holding @element
 * @element: one of its personas, stages, lanes, cards, curves or points
 *
 * Returns: (transfer full): @element as the file writes it, for showing
 *   one element on its own, such as the sides of a conflict
 */
char *
wm_document_element_to_json (WmDocument *document,
                             WmElement  *element)
{
  g_autoptr(WmJsonWriter) writer = wm_json_writer_new ();

  if (WM_IS_EMOTION_CURVE (element))
    write_curve (writer, document, WM_EMOTION_CURVE (element));
  else
    write_element (writer, element);
  return finish_value (writer);
}

/**
 * wm_document_field_to_json:
 * @element: an element
 * @field: one of the fields of its kind
 *
 * Returns: (transfer full): the field's value as the file writes it,
 *   also when the file would leave it out
 */
char *
wm_document_field_to_json (WmElement         *element,
                           const WmFieldInfo *field)
{
  g_autoptr(WmJsonWriter) writer = wm_json_writer_new ();

  write_value_as (writer, NULL, element, field);
  return finish_value (writer);
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
 * A save is when the map was last changed: the file's `modified` is the
 * time of saving, in UTC, to the second. That is not an edit: it adds no
 * undo step and leaves nothing unsaved, and a failed save keeps the time
 * the map had. Copies (autosave, recovery, an export as .waymark) call
 * wm_document_to_json() and keep the map's own time.
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
  gint64 modified;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  modified = wm_document_get_modified (document);
  wm_document_set_timestamps (document, wm_document_get_created (document), g_get_real_time () / G_USEC_PER_SEC);
  text = wm_document_to_json (document, &length);
  wm_safe_file_write_contents (file, text, length, cancellable, &local_error);

  if (local_error != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      wm_document_set_timestamps (document, wm_document_get_created (document), modified);
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is a file name, the second %s the reason. */
                   _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  wm_history_mark_saved (wm_document_get_history (document));
  return TRUE;
}
