/* wm-document-reader.c: Waymark's JSON format, version 1, into a document.
 *
 * Every problem is reported with the place it was found, such as
 * "stages[2].name: expected text, found a number", in a sentence a user
 * can act on. Nothing in the input can crash, hang or exhaust the loader:
 * size and nesting are bounded as the strict parser reads. Elements are
 * read from its compact values (wm-json-value.h); only members Waymark
 * does not know become json-glib nodes, for the writer. What each kind
 * of element holds comes from the field tables (wm-fields.c), which the
 * writer and the inspector share.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-document-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "wm-document-private.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-element-private.h"
#include "wm-fields.h"
#include "wm-file-input.h"
#include "wm-image-probe.h"
#include "wm-json-parser.h"
#include "wm-json-writer.h"
#include "wm-text-escape.h"

G_DEFINE_QUARK (wm-document-error-quark, wm_document_error)

/* One step of the place being read: an element of a list. */
typedef struct
{
  const char *key;
  guint       index;
} PathStep;

typedef struct
{
  /* Where the reader is, such as "emotions[0].points[3]": kept as steps
   * and written out only for a message, since this changes for every
   * element of a map. A list's element, a curve's point. */
  PathStep   path[2];
  guint      depth;
  GError    *error;        /* the first problem */
  GPtrArray *problems;     /* every problem, for `waymark check` */
  int        emotion_scale;
  GHashTable *point_ids;   /* every emotion point's id so far */
  GHashTable *known_keys;  /* WmElementInfo → the keys its elements may have */
  /* The construct properties of the element being read: kept from one
   * element to the next, since a map has hundreds of thousands. */
  GPtrArray  *names;
  GArray     *values;
} Reader;

/* Enough to fix a file by; a broken file could otherwise flood the screen. */
#define MAX_PROBLEMS 100

static gboolean fail (Reader *reader, const char *key, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* "stages[2]", or "" at the top level. */
static char *
describe_path (Reader *reader)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < reader->depth; i++)
    g_string_append_printf (path, "%s%s[%u]", path->len ? "." : "", reader->path[i].key, reader->path[i].index);
  return g_string_free (path, FALSE);
}

/* Records the first problem, prefixed by where it is. */
static gboolean
fail (Reader     *reader,
      const char *key,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *place = NULL;
  g_autofree char *line = NULL;
  g_autofree char *path = NULL;
  va_list args;

  if (reader->problems->len >= MAX_PROBLEMS)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  path = describe_path (reader);
  if (key != NULL && *path != '\0')
    place = g_strdup_printf ("%s.%s", path, key);
  else if (key != NULL)
    place = g_strdup (key);
  else
    place = g_strdup (*path != '\0' ? path : _("document"));

  /* Text quoted from the file must not drive a terminal or reorder the
   * line it is shown in. */
  line = g_strdup_printf ("%s: %s", place, message);
  g_ptr_array_add (reader->problems, wm_text_escape_controls (line));
  if (reader->error == NULL)
    g_set_error_literal (&reader->error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_INVALID,
                         g_ptr_array_index (reader->problems, reader->problems->len - 1));
  return FALSE;
}

static const char *
describe_node (const WmJsonValue *node)
{
  switch (node->kind)
    {
    case WM_JSON_OBJECT:
      return _("an object");
    case WM_JSON_ARRAY:
      return _("a list");
    case WM_JSON_NULL:
      return _("null");
    case WM_JSON_STRING:
      return _("text");
    case WM_JSON_BOOLEAN:
      return _("true or false");
    case WM_JSON_INTEGER:
    case WM_JSON_DOUBLE:
      return _("a number");
    default:
      return _("something else");
    }
}

static gboolean
is_number (const WmJsonValue *node)
{
  return node->kind == WM_JSON_INTEGER || node->kind == WM_JSON_DOUBLE;
}

static gboolean
expect (Reader     *reader,
        const char *key,
        const WmJsonValue *node,
        gboolean    ok,
        const char *expected)  /* untranslated, N_() */
{
  if (ok)
    return TRUE;

  /* Translators: e.g. "stages[2].name: expected text, found a number". */
  return fail (reader, key, _("expected %s, found %s"), _(expected), describe_node (node));
}

static gboolean
is_valid_id (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
is_valid_color (const char *text)
{
  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
read_number (Reader     *reader,
             const char *key,
             const WmJsonValue *node,
             double     *value)
{
  if (!expect (reader, key, node, is_number (node), N_("a number")))
    return FALSE;

  *value = wm_json_value_get_number (node);
  return TRUE;
}

/* Adds @text as the value of the string property @property. */
static void
add_string_value (GPtrArray  *names,
                  GArray     *values,
                  const char *property,
                  const char *text)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_ptr_array_add (names, (gpointer) property);
  g_array_append_val (values, value);
}

/* A persona's photo or a card's picture: {"media_type", "data"} and, on
 * a card, "alt", into the properties wm_field_info_get_picture_pspecs()
 * names. */
static gboolean
read_photo (Reader              *reader,
            const WmElementInfo *info,
            const WmFieldInfo   *field,
            const char          *key,
            const WmJsonValue   *node,
            GPtrArray           *names,
            GArray              *values)
{
  g_autofree char *type_key = g_strdup_printf ("%s.media_type", key);
  g_autofree char *data_key = g_strdup_printf ("%s.data", key);
  g_autofree char *alt_key = g_strdup_printf ("%s.alt", key);
  GParamSpec *pspecs[3];
  guint n_pspecs = wm_field_info_get_picture_pspecs (info, field, pspecs);
  const WmJsonValue *object;
  WmJsonValue *type_node, *data_node, *alt_node = NULL;
  const char *media_type;
  const char *data;
  gsize size;
  g_autofree guchar *bytes = NULL;
  g_autoptr(GError) image_error = NULL;
  WmImageInfo image;
  GValue photo_value = G_VALUE_INIT;

  if (!expect (reader, key, node, node->kind == WM_JSON_OBJECT, N_("an object")))
    return FALSE;
  object = node;
  type_node = wm_json_value_get_member (object, "media_type");
  data_node = wm_json_value_get_member (object, "data");
  if (type_node == NULL || type_node->kind != WM_JSON_STRING)
    return fail (reader, type_key, _("expected “image/png” or “image/jpeg”"));
  media_type = type_node->v.string;
  if (!g_str_equal (media_type, "image/png") && !g_str_equal (media_type, "image/jpeg"))
    return fail (reader, type_key, _("“%s” is not a supported image type; use PNG or JPEG"), media_type);
  if (data_node == NULL || data_node->kind != WM_JSON_STRING)
    return fail (reader, data_key, _("expected the image as base64 text"));
  data = data_node->v.string;
  if (n_pspecs == 3)
    {
      alt_node = wm_json_value_get_member (object, "alt");
      if (alt_node != NULL && !expect (reader, alt_key, alt_node, alt_node->kind == WM_JSON_STRING, N_("text")))
        return FALSE;
    }
  /* Checked before decoding, so a huge photo costs no memory: the
   * longest base64 text of a photo of the largest allowed size. */
  if (strlen (data) > (WM_PHOTO_MAX_SIZE + 2) / 3 * 4)
    return fail (reader, data_key, n_pspecs == 3 ? _("the picture is larger than %d MB") : _("the photo is larger than %d MB"),
                 WM_PHOTO_MAX_SIZE / (1024 * 1024));
  bytes = g_base64_decode (data, &size);
  if (size == 0 || size > WM_PHOTO_MAX_SIZE)
    return fail (reader, data_key, n_pspecs == 3 ? _("the picture is empty or not valid base64")
                                                 : _("the photo is empty or not valid base64"));
  /* Only a PNG or JPEG of the declared type and a bounded number of
   * pixels is kept: whatever draws the map may then decode it. */
  if (!wm_image_probe (bytes, size, media_type, &image, &image_error))
    return fail (reader, data_key, "%s", image_error->message);

  g_value_init (&photo_value, G_TYPE_BYTES);
  g_value_take_boxed (&photo_value, g_bytes_new_take (g_steal_pointer (&bytes), size));
  g_ptr_array_add (names, (gpointer) pspecs[0]->name);
  g_array_append_val (values, photo_value);
  add_string_value (names, values, pspecs[1]->name, media_type);
  if (alt_node != NULL)
    add_string_value (names, values, pspecs[2]->name, alt_node->v.string);
  return TRUE;
}

/* Reads one field from @node, whose place is @key, into the element's
 * construct properties. */
static gboolean
read_field (Reader              *reader,
            const WmElementInfo *info,
            const WmFieldInfo   *field,
            const char          *key,
            const WmJsonValue   *node,
            GPtrArray           *names,
            GArray              *values)
{
  GValue value = G_VALUE_INIT;

  switch (field->value)
    {
    case WM_VALUE_TEXT:
    case WM_VALUE_COLOR:
    case WM_VALUE_REFERENCE:
      if (!expect (reader, key, node, node->kind == WM_JSON_STRING, N_("text")))
        return FALSE;
      if (field->value == WM_VALUE_COLOR && !is_valid_color (node->v.string))
        return fail (reader, key, _("expected a colour such as “#3584e4”, found “%s”"),
                     node->v.string);
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, node->v.string);
      break;

    case WM_VALUE_INTEGER:
    case WM_VALUE_FRACTION:
      {
        double number;
        gboolean whole = field->value == WM_VALUE_INTEGER;
        g_autofree char *written = NULL;

        if (!read_number (reader, key, node, &number))
          return FALSE;
        /* Messages quote the number as the file has it, not as a
         * double prints it; made only for a message, since this runs
         * for every number of a map.
         * floor(), not a cast: casting a number beyond gint64 is
         * undefined, and such numbers are out of range anyway. */
        if (whole && number != floor (number))
          {
            written = wm_json_value_quote_number (node);
            return fail (reader, key, _("expected a whole number, found %s"), written);
          }

        if (number < field->min || number > field->max)
          {
            written = wm_json_value_quote_number (node);
            if (field->max >= G_MAXINT)
              return fail (reader, key, _("%s is too small; it must be at least %.15g"), written, field->min);
            return fail (reader, key, _("%s is out of range; it must be between %.15g and %.15g"),
                         written, field->min, field->max);
          }

        if (whole)
          {
            g_value_init (&value, G_TYPE_INT);
            g_value_set_int (&value, (int) number);
          }
        else
          {
            /* The element keeps it to WM_FRACTION_DIGITS decimals. */
            g_value_init (&value, G_TYPE_DOUBLE);
            g_value_set_double (&value, number);
          }
      }
      break;

    case WM_VALUE_ENUM:
      {
        GType enum_type = wm_field_info_get_pspec (info, field)->value_type;
        int enum_value;

        if (!expect (reader, key, node, node->kind == WM_JSON_STRING, N_("text")))
          return FALSE;
        if (!wm_enum_from_nick (enum_type, node->v.string, &enum_value))
          return fail (reader, key, _("“%s” is not a known value"), node->v.string);
        g_value_init (&value, enum_type);
        g_value_set_enum (&value, enum_value);
      }
      break;

    case WM_VALUE_BOOLEAN:
      if (!expect (reader, key, node, node->kind == WM_JSON_BOOLEAN, N_("true or false")))
        return FALSE;
      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, node->v.boolean);
      break;

    case WM_VALUE_LIST:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) strv = NULL;

        if (!expect (reader, key, node, node->kind == WM_JSON_ARRAY, N_("a list")))
          return FALSE;
        for (guint i = 0; i < node->length; i++)
          {
            const WmJsonValue *item = node->c.items[i];
            g_autofree char *item_key = g_strdup_printf ("%s[%u]", key, i);

            if (!expect (reader, item_key, item, item->kind == WM_JSON_STRING, N_("text")))
              return FALSE;
            g_strv_builder_add (builder, item->v.string);
          }
        strv = g_strv_builder_end (builder);
        g_value_init (&value, G_TYPE_STRV);
        g_value_take_boxed (&value, g_steal_pointer (&strv));
      }
      break;

    case WM_VALUE_PHOTO:
      return read_photo (reader, info, field, key, node, names, values);

    case WM_VALUE_TIMESTAMP:
      {
        g_autoptr(GDateTime) time = NULL;

        if (!expect (reader, key, node, node->kind == WM_JSON_STRING, N_("text")))
          return FALSE;
        time = g_date_time_new_from_iso8601 (node->v.string, NULL);
        if (time == NULL || g_date_time_to_unix (time) < 0)
          return fail (reader, key, _("expected a date such as “2026-11-24T09:30:00Z”, found “%s”"),
                       node->v.string);
        g_value_init (&value, G_TYPE_INT64);
        g_value_set_int64 (&value, g_date_time_to_unix (time));
      }
      break;

    default:
      g_assert_not_reached ();
    }

  g_ptr_array_add (names, (gpointer) field->property);
  g_array_append_val (values, value);
  return TRUE;
}

static gboolean
holds_key (GPtrArray  *keys,
           const char *key)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (g_ptr_array_index (keys, i), key))
      return TRUE;
  return FALSE;
}

/* The members an object in a file may have: those of the fields directly
 * in it (@object_key is NULL for the element itself) and the objects
 * that hold others, plus @extra_keys. */
static GPtrArray *
known_keys (const WmElementInfo *info,
            const char          *object_key,
            const char * const  *extra_keys)
{
  GPtrArray *keys = g_ptr_array_new ();

  if (object_key == NULL && info->has_id)
    g_ptr_array_add (keys, (gpointer) "id");
  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    {
      if (g_strcmp0 (field->object, object_key) == 0)
        g_ptr_array_add (keys, (gpointer) field->key);
      else if (object_key == NULL && field->object != NULL && !holds_key (keys, field->object))
        g_ptr_array_add (keys, (gpointer) field->object);
    }
  for (guint i = 0; extra_keys != NULL && extra_keys[i] != NULL; i++)
    if (!holds_key (keys, extra_keys[i]))
      g_ptr_array_add (keys, (gpointer) extra_keys[i]);
  /* Each key once: write_unknown_members() counts them. */
  return keys;
}

/* The members of @object not in @known, as a JSON object text written the
 * way the saver writes, or NULL if there are none. */
static char *
write_unknown_members (const WmJsonValue *object,
                       GPtrArray         *known)
{
  g_autoptr(WmJsonWriter) writer = NULL;
  g_autoptr(GHashTable) literals = NULL;

  /* Nearly always every member is known, and an element has few of the
   * members it may have: going through them spares looking up every
   * known key. */
  for (guint i = 0; i < object->length; i++)
    {
      const WmJsonMember *member = &object->c.members[i];
      g_autoptr(JsonNode) node = NULL;

      if (holds_key (known, member->name))
        continue;
      if (writer == NULL)
        {
          writer = wm_json_writer_new ();
          literals = g_hash_table_new_full (NULL, NULL, NULL, g_free);
          wm_json_writer_set_literals (writer, literals);
          wm_json_writer_begin_object (writer, NULL);
        }
      /* Made into nodes only now, and rarely: the writer writes those. */
      node = wm_json_value_to_node (member->value, literals);
      wm_json_writer_node (writer, member->name, node);
      /* Keyed by node: a later node may reuse a freed one's address. */
      g_hash_table_remove_all (literals);
    }

  if (writer == NULL)
    return NULL;
  wm_json_writer_end_object (writer);
  return wm_json_writer_finish (writer, NULL);
}

/* Keeps the unknown members of the object @key of @object, if it is one,
 * for the element to give back inside that object. */
static void
keep_nested_unknown_members (WmElement         *element,
                             const WmJsonValue *object,
                             const char        *key,
                             GPtrArray         *known)
{
  WmJsonValue *member = wm_json_value_get_member (object, key);
  g_autofree char *nested = NULL;

  if (member != NULL && member->kind == WM_JSON_OBJECT)
    nested = write_unknown_members (member, known);
  wm_element_set_nested_unknown_json (element, key, nested);
}

/* Keeps what this version does not know, in the element and in the
 * objects it holds (a photo's or a metric's own members), so that a
 * save gives it back unchanged. */
static void
keep_unknown_members (Reader              *reader,
                      WmElement           *element,
                      const WmJsonValue   *object,
                      const WmElementInfo *info,
                      const char * const  *extra_keys)
{
  GPtrArray *known = g_hash_table_lookup (reader->known_keys, info);
  g_autofree char *unknown = NULL;

  /* The same for every element of a kind (each kind is read with the
   * same @extra_keys), so made once per load. */
  if (known == NULL)
    {
      known = known_keys (info, NULL, extra_keys);
      g_hash_table_insert (reader->known_keys, (gpointer) info, known);
    }
  unknown = write_unknown_members (object, known);

  wm_element_set_unknown_json (element, unknown);

  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    {
      /* Only a photo or an object holding fields has members of its own. */
      if (field->value != WM_VALUE_PHOTO && field->object == NULL)
        continue;
      /* A fresh element keeps nothing for an object the file leaves out. */
      if (wm_json_value_get_member (object, field->object != NULL ? field->object : field->key) == NULL)
        continue;
      if (field->value == WM_VALUE_PHOTO)
        {
          g_autoptr(GPtrArray) photo_keys = g_ptr_array_new ();

          GParamSpec *pspecs[3];

          g_ptr_array_add (photo_keys, (gpointer) "media_type");
          g_ptr_array_add (photo_keys, (gpointer) "data");
          if (wm_field_info_get_picture_pspecs (info, field, pspecs) == 3)
            g_ptr_array_add (photo_keys, (gpointer) "alt");
          keep_nested_unknown_members (element, object, field->key, photo_keys);
        }
      else if (field->object != NULL && (field == info->fields || g_strcmp0 (field[-1].object, field->object) != 0))
        {
          g_autoptr(GPtrArray) object_keys = known_keys (info, field->object, NULL);

          keep_nested_unknown_members (element, object, field->object, object_keys);
        }
    }
}

static void
clear_values (GArray *values)
{
  /* Those an element took are left zeroed. Not G_IS_VALUE (): its type
   * check is slow for what runs for every field of a large map. */
  for (guint i = 0; i < values->len; i++)
    if (G_VALUE_TYPE (&g_array_index (values, GValue, i)) != G_TYPE_INVALID)
      g_value_unset (&g_array_index (values, GValue, i));
  g_array_set_size (values, 0);
}

static gboolean
read_id (Reader            *reader,
         const WmJsonValue *object,
         GPtrArray         *names,
         GArray            *values)
{
  WmJsonValue *id = wm_json_value_get_member (object, "id");

  if (id == NULL)
    return fail (reader, "id", _("is missing"));
  if (!expect (reader, "id", id, id->kind == WM_JSON_STRING, N_("text")))
    return FALSE;
  if (!is_valid_id (id->v.string))
    return fail (reader, "id", _("“%s” is not a valid id: use 1 to 64 letters, digits, “-” or “_”"),
                 id->v.string);
  add_string_value (names, values, "id", id->v.string);
  return TRUE;
}

/* Reads the fields of @info that are in @object, the element itself or
 * one of the objects it holds (@object_key). */
static gboolean
read_fields (Reader              *reader,
             const WmElementInfo *info,
             const WmJsonValue   *object,
             const char          *object_key,
             GPtrArray           *names,
             GArray              *values)
{
  for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
    {
      const char *key = field->object != NULL ? field->object : field->key;
      g_autofree char *nested_place = NULL;
      const char *place = field->key;
      WmJsonValue *member;

      if (object_key == NULL && field->object != NULL)
        {
          /* The first field of a held object reads all of them. */
          if (field != info->fields && g_strcmp0 (field[-1].object, field->object) == 0)
            continue;
          member = wm_json_value_get_member (object, key);
          if (member == NULL)
            continue;
          if (!expect (reader, key, member, member->kind == WM_JSON_OBJECT, N_("an object")) ||
              !read_fields (reader, info, member, key, names, values))
            return FALSE;
          continue;
        }
      if (g_strcmp0 (field->object, object_key) != 0)
        continue;

      member = wm_json_value_get_member (object, field->key);
      if (member == NULL && !(field->flags & WM_FIELD_REQUIRED))
        continue;
      /* Most fields are the element's own: only a held object's make a
       * place name, since this runs for every field of every element. */
      if (object_key != NULL)
        place = nested_place = g_strdup_printf ("%s.%s", object_key, field->key);
      if (member == NULL)
        return fail (reader, place, _("is missing"));
      if (!read_field (reader, info, field, place, member, names, values))
        return FALSE;
    }
  return TRUE;
}

/* Builds an element of @info's kind from @node, whose place is the
 * reader's current path. */
static WmElement *
read_element (Reader              *reader,
              const WmElementInfo *info,
              const WmJsonValue   *node,
              const char * const  *extra_keys)
{
  GPtrArray *names = reader->names;
  GArray *values = reader->values;
  WmElement *element = NULL;

  if (!expect (reader, NULL, node, node->kind == WM_JSON_OBJECT, N_("an object")))
    goto out;

  if (info->has_id && !read_id (reader, node, names, values))
    goto out;
  if (!read_fields (reader, info, node, NULL, names, values))
    goto out;

  element = wm_element_new_take_values (info->get_type (), names->len, (const char **) names->pdata,
                                        (GValue *) values->data);
  keep_unknown_members (reader, element, node, info, extra_keys);

out:
  g_ptr_array_set_size (names, 0);
  clear_values (values);
  return element;
}

static void
push_path (Reader     *reader,
           const char *key,
           guint       index)
{
  g_assert (reader->depth < G_N_ELEMENTS (reader->path));
  reader->path[reader->depth++] = (PathStep) { key, index };
}

static void
pop_path (Reader *reader)
{
  reader->depth--;
}

static gboolean
check_references (Reader     *reader,
                  WmDocument *document,
                  WmElement  *element)
{
  if (WM_IS_CARD (element))
    {
      WmCard *card = WM_CARD (element);
      const char *stage_id = wm_card_get_stage (card);
      WmElement *stage = wm_document_lookup (document, stage_id);
      WmElement *lane = wm_document_lookup (document, wm_card_get_lane (card));
      int span = wm_card_get_span (card);

      if (!WM_IS_STAGE (stage))
        return fail (reader, "stage", _("there is no stage with the id “%s”"), stage_id);
      if (!WM_IS_LANE (lane))
        return fail (reader, "lane", _("there is no lane with the id “%s”"), wm_card_get_lane (card));
      if (!wm_lane_kind_holds_cards (wm_lane_get_kind (WM_LANE (lane))))
        return fail (reader, "lane", _("the lane “%s” is an emotion graph or a divider and holds no cards"),
                     wm_card_get_lane (card));
      /* A card of one stage fits in any stage: the stage positions, a
       * noticeable part of loading a map of many stages, are looked up
       * only for wider cards. Subtracted, not added: a span near
       * G_MAXINT would overflow. */
      if (span > 1)
        {
          int start = wm_document_get_stage_index (document, stage_id);
          int n_stages = g_list_model_get_n_items (wm_document_get_stages (document));

          if (span > n_stages - start)
            return fail (reader, "span", _("the card spans %d stages but only %d follow its first"),
                         span, n_stages - start);
        }
    }
  else if (WM_IS_EMOTION_POINT (element))
    {
      WmEmotionPoint *point = WM_EMOTION_POINT (element);

      if (!WM_IS_STAGE (wm_document_lookup (document, wm_emotion_point_get_stage (point))))
        return fail (reader, "stage", _("there is no stage with the id “%s”"), wm_emotion_point_get_stage (point));
      if (wm_emotion_point_get_score (point) > reader->emotion_scale)
        return fail (reader, "score", _("%d is off the map’s emotion scale of 1 to %d"),
                     wm_emotion_point_get_score (point), reader->emotion_scale);
    }
  else if (WM_IS_EMOTION_CURVE (element))
    {
      const char *persona = wm_emotion_curve_get_persona (WM_EMOTION_CURVE (element));

      if (!WM_IS_PERSONA (wm_document_lookup (document, persona)))
        return fail (reader, "persona", _("there is no persona with the id “%s”"), persona);
      if (wm_document_get_curve_for_persona (document, persona) != NULL)
        return fail (reader, "persona", _("the persona “%s” already has an emotion curve"), persona);
    }

  return TRUE;
}

/* Adds @element to @loaded, which join the document together, once it is
 * checked; its id is known at once. */
static gboolean
add_element (Reader     *reader,
             WmDocument *document,
             WmElement  *element,
             GPtrArray  *loaded)
{
  if (!check_references (reader, document, element))
    return FALSE;
  if (!wm_document_index_loaded (document, element))
    return fail (reader, "id", _("the id “%s” is used twice"), wm_element_get_id (element));
  g_ptr_array_add (loaded, g_object_ref (element));
  return TRUE;
}

static gboolean
read_points (Reader         *reader,
             WmDocument     *document,
             WmEmotionCurve *curve,
             const WmJsonValue *node)
{
  static const char * const no_keys[] = { NULL };
  GListStore *points = wm_emotion_curve_get_point_store (curve);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);

  if (!expect (reader, "points", node, node->kind == WM_JSON_ARRAY, N_("a list")))
    return FALSE;

  for (guint i = 0; i < node->length; i++)
    {
      g_autoptr(WmElement) point = NULL;

      push_path (reader, "points", i);
      point = read_element (reader, wm_element_info_lookup (WM_TYPE_EMOTION_POINT), node->c.items[i],
                            no_keys);
      if (point != NULL && check_references (reader, document, point))
        {
          const char *id = wm_element_get_id (point);

          /* Points join the document's index with their curve, so the
           * ones read so far are checked here. */
          if (wm_document_lookup (document, id) != NULL || !g_hash_table_add (reader->point_ids, g_strdup (id)))
            fail (reader, "id", _("the id “%s” is used twice"), id);
          else
            /* Indexed with the curve, when the curve joins the document. */
            g_ptr_array_add (loaded, g_steal_pointer (&point));
        }
      pop_path (reader);
    }
  /* In one go: a curve may have a point for each of 200,000 stages. */
  g_list_store_splice (points, g_list_model_get_n_items (G_LIST_MODEL (points)), 0, loaded->pdata, loaded->len);

  return reader->error == NULL;
}

static gboolean
read_list (Reader            *reader,
           WmDocument        *document,
           const WmJsonValue *root,
           const char        *key,
           GType              type)
{
  const WmElementInfo *info = wm_element_info_lookup (type);
  static const char * const curve_keys[] = { "points", NULL };
  WmJsonValue *node = wm_json_value_get_member (root, key);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);

  if (node == NULL)
    return TRUE;
  if (!expect (reader, key, node, node->kind == WM_JSON_ARRAY, N_("a list")))
    return FALSE;

  if (type == WM_TYPE_PERSONA && node->length > WM_MAX_PERSONAS)
    return fail (reader, key, _("a map has at most %d personas, this one has %u"),
                 WM_MAX_PERSONAS, node->length);

  for (guint i = 0; i < node->length; i++)
    {
      const WmJsonValue *item = node->c.items[i];
      g_autoptr(WmElement) element = NULL;

      /* A bad element is reported and skipped, so that one check lists
       * every problem rather than the first. */
      push_path (reader, key, i);
      element = read_element (reader, info, item, type == WM_TYPE_EMOTION_CURVE ? curve_keys : NULL);
      if (element != NULL && WM_IS_EMOTION_CURVE (element))
        {
          WmJsonValue *points = wm_json_value_get_member (item, "points");

          if (points == NULL)
            fail (reader, "points", _("is missing"));
          else
            read_points (reader, document, WM_EMOTION_CURVE (element), points);
        }
      if (element != NULL)
        add_element (reader, document, element, loaded);
      /* Whether a persona has a curve is read from the list of curves:
       * each joins it before the next is checked. There are few. */
      if (type == WM_TYPE_EMOTION_CURVE)
        {
          wm_document_add_loaded (document, loaded);
          g_ptr_array_set_size (loaded, 0);
        }
      pop_path (reader);
    }
  wm_document_add_loaded (document, loaded);

  return reader->error == NULL;
}

/* A conflict's value: JSON text, or null where a side has nothing. */
static gboolean
read_conflict_value (Reader            *reader,
                     const WmJsonValue *conflict,
                     const char        *key,
                     const char       **value)
{
  WmJsonValue *member = wm_json_value_get_member (conflict, key);

  *value = NULL;
  if (member == NULL || member->kind == WM_JSON_NULL)
    return TRUE;
  if (!expect (reader, key, member, member->kind == WM_JSON_STRING, N_("text")))
    return FALSE;
  *value = member->v.string;
  return TRUE;
}

/* The changes a merge left open (see wm-merge.c), if any. */
static gboolean
read_conflicts (Reader            *reader,
                WmDocument        *document,
                const WmJsonValue *root)
{
  WmJsonValue *node = wm_json_value_get_member (root, "conflicts");
  GListStore *store = wm_document_get_conflict_store (document);

  if (node == NULL)
    return TRUE;
  if (!expect (reader, "conflicts", node, node->kind == WM_JSON_ARRAY, N_("a list")))
    return FALSE;

  for (guint i = 0; i < node->length; i++)
    {
      const WmJsonValue *item = node->c.items[i];
      WmJsonValue *path;
      const char *base, *ours, *theirs;

      push_path (reader, "conflicts", i);
      if (expect (reader, NULL, item, item->kind == WM_JSON_OBJECT, N_("an object")))
        {
          path = wm_json_value_get_member (item, "path");
          if (path == NULL)
            fail (reader, "path", _("is missing"));
          else if (expect (reader, "path", path, path->kind == WM_JSON_STRING, N_("text")) &&
                   read_conflict_value (reader, item, "base", &base) &&
                   read_conflict_value (reader, item, "ours", &ours) &&
                   read_conflict_value (reader, item, "theirs", &theirs))
            {
              g_autoptr(WmConflict) conflict = wm_conflict_new (path->v.string, base, ours, theirs);

              g_list_store_append (store, conflict);
            }
        }
      pop_path (reader);
    }
  return reader->error == NULL;
}

static gboolean
check_header (const WmJsonValue  *root,
              GError            **error)
{
  WmJsonValue *format = wm_json_value_get_member (root, "format");
  WmJsonValue *version = wm_json_value_get_member (root, "version");
  g_autofree char *written = NULL;
  double number;

  if (format == NULL || format->kind != WM_JSON_STRING ||
      !g_str_equal (format->v.string, WM_FORMAT_NAME))
    {
      g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_NOT_WAYMARK,
                   _("This is not a Waymark map: it does not say “\"format\": \"waymark\"”"));
      return FALSE;
    }

  if (version == NULL || !(is_number (version)))
    {
      g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_INVALID,
                   _("version: expected a whole number such as 1"));
      return FALSE;
    }

  /* Quoted as written: a version beyond 64 bits is not "-1". */
  written = wm_json_value_quote_number (version);
  number = wm_json_value_get_number (version);
  if (number != floor (number))
    {
      g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_INVALID,
                   _("version: expected a whole number such as 1, found %s"), written);
      return FALSE;
    }
  if (number > WM_FORMAT_VERSION)
    {
      g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_NEWER_VERSION,
                   _("This map was made with a newer Waymark (file format version %s); "
                     "update Waymark to open it"), written);
      return FALSE;
    }
  if (number < 1)
    {
      g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_INVALID,
                   _("version: %s is not a valid format version"), written);
      return FALSE;
    }

  return TRUE;
}

/* Parses strictly, before anything is read from the values; @data is
 * valid UTF-8. */
static const WmJsonValue *
parse_json (WmJsonValues  *values,
            const char    *data,
            gsize          length,
            GPtrArray     *problems,
            GError       **error)
{
  g_autoptr(GError) parse_error = NULL;
  const WmJsonValue *root = wm_json_parse (values, data, length, WM_DOCUMENT_MAX_DEPTH,
                                           WM_JSON_PARSE_UTF8_CHECKED, &parse_error);
  g_autofree char *reason = NULL;

  if (root != NULL)
    return root;

  /* The parser quotes what it found, which may be any character. */
  reason = wm_text_escape_controls (parse_error->message);

  switch (parse_error->code)
    {
    case WM_JSON_PARSER_ERROR_DEPTH:
      g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_INVALID,
                   _("The file nests more than %d levels deep, deeper than any map"), WM_DOCUMENT_MAX_DEPTH);
      break;
    case WM_JSON_PARSER_ERROR_VALUE:
      /* Valid JSON, with a place to name: reported like other problems. */
      g_set_error_literal (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_INVALID, reason);
      g_ptr_array_add (problems, g_strdup (reason));
      break;
    default:
      g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_NOT_JSON,
                   /* Translators: the second part says where and why. */
                   _("The file is not valid JSON, it may be damaged or cut short: %s"), reason);
      break;
    }
  return NULL;
}

static WmDocument *
load_from_data (const char  *data,
                gsize        length,
                GPtrArray   *problems,
                GError     **error)
{
  static const char * const header_keys[] = { "format", "version", "id", "personas", "stages",
                                              "lanes", "cards", "emotions", "views", "conflicts", NULL };
  g_autoptr(WmJsonValues) json_values = wm_json_values_new ();
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GHashTable) point_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) known_keys = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) property_names = g_ptr_array_new ();
  g_autoptr(GArray) property_values = g_array_new (FALSE, TRUE, sizeof (GValue));
  Reader reader = { .problems = problems, .emotion_scale = 5, .point_ids = point_ids, .known_keys = known_keys,
                    .names = property_names, .values = property_values };
  const char *invalid_utf8;
  const WmJsonValue *root;

  if (length > WM_DOCUMENT_MAX_FILE_SIZE)
    {
      g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB, more than any map could need"),
                   WM_DOCUMENT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  if (length == 0)
    {
      g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_NOT_JSON,
                   _("The file is empty"));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &invalid_utf8))
    {
      g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_NOT_JSON,
                   _("The file is not valid UTF-8 text (at byte %zu)"),
                   (size_t) (invalid_utf8 - data));
      return NULL;
    }

  root = parse_json (json_values, data, length, problems, error);
  if (root == NULL)
    return NULL;

  if (root->kind != WM_JSON_OBJECT)
    {
      g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_NOT_WAYMARK,
                   _("This is not a Waymark map: the file does not hold a JSON object"));
      return NULL;
    }

  if (!check_header (root, error))
    return NULL;

  document = WM_DOCUMENT (read_element (&reader, wm_element_info_lookup (WM_TYPE_DOCUMENT), root, header_keys));
  if (document != NULL)
    reader.emotion_scale = wm_document_get_emotion_scale (document);

  if (document == NULL)
    {
      g_propagate_error (error, reader.error);
      return NULL;
    }

  /* Order matters: cards and curves refer to what comes before them. */
  read_list (&reader, document, root, "personas", WM_TYPE_PERSONA);
  read_list (&reader, document, root, "stages", WM_TYPE_STAGE);
  read_list (&reader, document, root, "lanes", WM_TYPE_LANE);
  read_list (&reader, document, root, "cards", WM_TYPE_CARD);
  read_list (&reader, document, root, "emotions", WM_TYPE_EMOTION_CURVE);
  read_list (&reader, document, root, "views", WM_TYPE_SAVED_VIEW);
  read_conflicts (&reader, document, root);

  if (reader.error != NULL)
    {
      g_propagate_error (error, reader.error);
      return NULL;
    }

  return g_steal_pointer (&document);
}

/**
 * wm_document_load_from_data:
 * @data: the file's bytes
 * @length: their number
 * @error: return location for a #GError in %WM_DOCUMENT_ERROR, naming the
 *   first problem
 *
 * Returns: (transfer full) (nullable): the document, with an empty history
 */
WmDocument *
wm_document_load_from_data (const char  *data,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  return load_from_data (data, length, problems, error);
}

/*
 * load_file:
 * @file: a .waymark file
 * @cancellable: (nullable): a cancellable
 * @error: return location for a #GError
 *
 * Reads and checks a map. Only a regular file is read, and no more of
 * it than %WM_DOCUMENT_MAX_FILE_SIZE.
 *
 * Returns: (transfer full) (nullable): the document
 */
static WmDocument *
load_file (GFile         *file,
           GCancellable  *cancellable,
           GPtrArray     *problems,
           GError       **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) read_error = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Only a regular file, and only up to the limit, whatever its size
   * claims: a pipe or a device in its place must not hang or flood us. */
  if (!wm_file_load_regular (file, WM_DOCUMENT_MAX_FILE_SIZE, cancellable, &contents, &length, &read_error))
    {
      if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_TOO_LARGE,
                     _("The file is larger than %d MB, more than any map could need"),
                     WM_DOCUMENT_MAX_FILE_SIZE / (1024 * 1024));
      else
        g_propagate_error (error, g_steal_pointer (&read_error));
      return NULL;
    }

  return load_from_data (contents, length, problems, error);
}

/**
 * wm_document_load:
 * @file: a .waymark file
 * @cancellable: (nullable): a cancellable
 * @error: return location for a #GError naming the first problem
 *
 * Reads and checks a map. Only a regular file is read, and no more of
 * it than %WM_DOCUMENT_MAX_FILE_SIZE.
 *
 * Returns: (transfer full) (nullable): the document, with an empty history
 */
WmDocument *
wm_document_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return load_file (file, cancellable, problems, error);
}

/**
 * wm_document_list_problems:
 * @file: a .waymark file
 * @cancellable: (nullable): a cancellable
 *
 * Checks a map the way loading does, but goes on past the first problem.
 *
 * Returns: (transfer full): every problem found, one sentence each with its
 *   place; empty when the map is valid
 */
GStrv
wm_document_list_problems (GFile        *file,
                           GCancellable *cancellable)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  document = load_file (file, cancellable, problems, &error);
  /* Problems with the file as a whole come only as the error. */
  if (document == NULL && problems->len == 0)
    g_ptr_array_add (problems, g_strdup (error->message));
  /* A valid map may still hold changes a merge left to a person. */
  for (guint i = 0; document != NULL && i < g_list_model_get_n_items (wm_document_get_conflicts (document)) &&
                   problems->len < MAX_PROBLEMS; i++)
    {
      g_autoptr(WmConflict) conflict = g_list_model_get_item (wm_document_get_conflicts (document), i);
      /* Translators: %s is a place in the map, such as “cards[c1].title”. */
      g_autofree char *line = g_strdup_printf (_("conflicts[%u]: %s: the two sides of a merge disagree here; "
                                                 "choose a version in Waymark"),
                                               i, wm_conflict_get_path (conflict));

      g_ptr_array_add (problems, wm_text_escape_controls (line));
    }
  g_ptr_array_add (problems, NULL);

  return (GStrv) g_ptr_array_steal (problems, NULL);
}
