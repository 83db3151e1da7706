/* test-fields.c: every field of every kind's table is read and written.
 *
 * For each field the test gives one element of a small map a value other
 * than the default, loads the map, checks the element holds it, saves,
 * and checks the file gives back the member exactly; and with the default
 * the member is left out, unless the format always writes it. A field
 * added to a table is covered here without a new test.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-fields.h"
#include "wm-test-images.h"

/* One of each kind, with only what a file must give. "l0" and "p2" are
 * free to change: no card is in the one, no curve is the other's. */
static const char base_map[] =
  "{\"format\": \"waymark\", \"version\": 1, \"id\": \"map\", \"title\": \"T\", \"kind\": \"current-state\","
  " \"personas\": [{\"id\": \"p2\", \"name\": \"Bo\"}, {\"id\": \"p\", \"name\": \"Ana\"}],"
  " \"stages\": [{\"id\": \"s1\", \"name\": \"One\"}, {\"id\": \"s2\", \"name\": \"Two\"}],"
  " \"lanes\": [{\"id\": \"l0\", \"title\": \"Empty\", \"kind\": \"text\"},"
  "             {\"id\": \"l\", \"title\": \"Doing\", \"kind\": \"customer-actions\"},"
  "             {\"id\": \"l2\", \"title\": \"Seeing\", \"kind\": \"touchpoints\"}],"
  " \"cards\": [{\"id\": \"c\", \"stage\": \"s1\", \"lane\": \"l\", \"title\": \"C\"}],"
  " \"emotions\": [{\"persona\": \"p\", \"points\": [{\"id\": \"pt\", \"stage\": \"s1\", \"score\": 2}]}],"
  " \"views\": [{\"id\": \"v\", \"name\": \"V\"}]}";

/* Where each kind's element is in base_map. */
static JsonObject *
element_object (JsonObject *root,
                GType       type)
{
  JsonObject *curve = json_array_get_object_element (json_object_get_array_member (root, "emotions"), 0);

  if (type == WM_TYPE_DOCUMENT)
    return root;
  if (type == WM_TYPE_PERSONA)
    return json_array_get_object_element (json_object_get_array_member (root, "personas"), 0);
  if (type == WM_TYPE_STAGE)
    return json_array_get_object_element (json_object_get_array_member (root, "stages"), 0);
  if (type == WM_TYPE_LANE)
    return json_array_get_object_element (json_object_get_array_member (root, "lanes"), 0);
  if (type == WM_TYPE_CARD)
    return json_array_get_object_element (json_object_get_array_member (root, "cards"), 0);
  if (type == WM_TYPE_EMOTION_CURVE)
    return curve;
  if (type == WM_TYPE_EMOTION_POINT)
    return json_array_get_object_element (json_object_get_array_member (curve, "points"), 0);
  if (type == WM_TYPE_SAVED_VIEW)
    return json_array_get_object_element (json_object_get_array_member (root, "views"), 0);
  g_assert_not_reached ();
}

/* The element element_object() finds the file's member of. */
static WmElement *
element_in (WmDocument *document,
            GType       type)
{
  g_autoptr(WmElement) curve = g_list_model_get_item (wm_document_get_emotion_curves (document), 0);

  if (type == WM_TYPE_DOCUMENT)
    return WM_ELEMENT (document);
  if (type == WM_TYPE_PERSONA)
    return wm_document_lookup (document, "p2");
  if (type == WM_TYPE_STAGE)
    return wm_document_lookup (document, "s1");
  if (type == WM_TYPE_LANE)
    return wm_document_lookup (document, "l0");
  if (type == WM_TYPE_CARD)
    return wm_document_lookup (document, "c");
  if (type == WM_TYPE_EMOTION_CURVE)
    return curve;  /* the document keeps it */
  if (type == WM_TYPE_EMOTION_POINT)
    return wm_document_lookup (document, "pt");
  if (type == WM_TYPE_SAVED_VIEW)
    return wm_document_lookup (document, "v");
  g_assert_not_reached ();
}

/* The object a field's member is in: the element's own, or one it holds. */
static JsonObject *
holder_of (JsonObject        *object,
           const WmFieldInfo *field,
           gboolean           create)
{
  if (field->object == NULL)
    return object;
  if (!json_object_has_member (object, field->object))
    {
      if (!create)
        return NULL;
      json_object_set_object_member (object, field->object, json_object_new ());
    }
  return json_object_get_object_member (object, field->object);
}

/* A value for @field other than its default, and other than what
 * base_map gives it. */
static JsonNode *
other_value (const WmElementInfo *info,
             const WmFieldInfo   *field,
             JsonObject          *holder)
{
  GParamSpec *pspec = wm_field_info_get_pspec (info, field);
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  switch (field->value)
    {
    case WM_VALUE_TEXT:
      {
        g_autofree char *text = g_strdup_printf ("Some %s, “quoted”\nand on two lines", field->key);

        json_node_set_string (node, text);
      }
      break;
    case WM_VALUE_COLOR:
      json_node_set_string (node, "#12ab9f");
      break;
    case WM_VALUE_REFERENCE:
      /* The other stage, a lane of cards, a persona without a curve. */
      if (g_str_equal (field->key, "lane"))
        json_node_set_string (node, "l2");
      else if (g_str_equal (field->key, "persona"))
        json_node_set_string (node, "p2");
      else
        json_node_set_string (node, "s2");
      break;
    case WM_VALUE_INTEGER:
      {
        int value = (int) field->min;

        if (value == G_PARAM_SPEC_INT (pspec)->default_value)
          value++;
        json_node_set_int (node, value);
      }
      break;
    case WM_VALUE_FRACTION:
      json_node_set_double (node, 0.1235);
      break;
    case WM_VALUE_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (pspec->value_type);
        const char *current = json_object_get_string_member_with_default (holder, field->key, "");

        for (guint i = enum_class->n_values; i-- > 0;)
          if (enum_class->values[i].value != G_PARAM_SPEC_ENUM (pspec)->default_value &&
              !g_str_equal (enum_class->values[i].value_nick, current))
            {
              json_node_set_string (node, enum_class->values[i].value_nick);
              break;
            }
      }
      break;
    case WM_VALUE_BOOLEAN:
      json_node_set_boolean (node, !G_PARAM_SPEC_BOOLEAN (pspec)->default_value);
      break;
    case WM_VALUE_LIST:
      {
        JsonArray *array = json_array_new ();

        json_array_add_string_element (array, "one");
        json_array_add_string_element (array, "two, three");
        json_node_free (node);
        node = json_node_new (JSON_NODE_ARRAY);
        json_node_take_array (node, array);
      }
      break;
    case WM_VALUE_PHOTO:
      {
        g_autoptr(GBytes) png = wm_test_png (4, 3);
        g_autofree char *data = g_base64_encode (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
        JsonObject *photo = json_object_new ();
        GParamSpec *pspecs[3];

        json_object_set_string_member (photo, "media_type", "image/png");
        json_object_set_string_member (photo, "data", data);
        /* A card's picture says what it shows; a persona's photo does not. */
        if (wm_field_info_get_picture_pspecs (info, field, pspecs) == 3)
          json_object_set_string_member (photo, "alt", "A sketch of the moment");
        json_node_free (node);
        node = json_node_new (JSON_NODE_OBJECT);
        json_node_take_object (node, photo);
      }
      break;
    case WM_VALUE_TIMESTAMP:
      json_node_set_string (node, "2025-05-06T07:08:09Z");
      break;
    default:
      g_assert_not_reached ();
    }
  return node;
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
to_text (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static WmDocument *
load (const char *json)
{
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_document_load_from_data (json, strlen (json), &error);

  g_assert_no_error (error);
  return document;
}

/* Each field, given another value in a file, is read into its property and
 * written back as the same member. */
static void
test_every_field_is_read_and_written (void)
{
  guint n_kinds;
  const WmElementInfo *kinds = wm_element_info_get_all (&n_kinds);
  guint n_checked = 0;

  for (guint k = 0; k < n_kinds; k++)
    for (const WmFieldInfo *field = kinds[k].fields; field->key != NULL; field++)
      {
        GType type = kinds[k].get_type ();
        g_autoptr(JsonNode) root = parse (base_map);
        JsonObject *holder = holder_of (element_object (json_node_get_object (root), type), field, TRUE);
        JsonNode *value = other_value (&kinds[k], field, holder);
        g_autofree char *text = NULL;
        g_autoptr(WmDocument) document = NULL;
        g_autofree char *saved = NULL;
        g_autoptr(JsonNode) saved_root = NULL;
        JsonObject *saved_holder;
        WmElement *element;

        g_test_message ("%s.%s%s%s", g_type_name (type), field->object ? field->object : "",
                        field->object ? "." : "", field->key);
        json_object_set_member (holder, field->key, value);
        text = to_text (root);
        document = load (text);
        element = element_in (document, type);
        g_assert_nonnull (element);
        g_assert_nonnull (wm_element_find_field (element, field->property));
        g_assert_false (wm_field_info_is_default (field, element));

        saved = wm_document_to_json (document, NULL);
        saved_root = parse (saved);
        saved_holder = holder_of (element_object (json_node_get_object (saved_root), type), field, FALSE);
        g_assert_nonnull (saved_holder);
        g_assert_true (json_object_has_member (saved_holder, field->key));
        if (!json_node_equal (json_object_get_member (saved_holder, field->key), value))
          g_error ("%s: wrote %s", field->key, saved);
        n_checked++;
      }

  /* Map 9, persona 25, stage 6, lane 3, card 18, curve 1, point 4 (hints
   * included: the map's 2, a persona's 11, a card's 1; a picture's alt). */
  g_assert_cmpuint (n_checked, ==, 75);
}

/* With its default value, an optional field is left out of the file;
 * required fields and those the format always writes are there. */
static void
test_defaults_are_left_out (void)
{
  g_autoptr(WmDocument) document = load (base_map);
  g_autofree char *saved = wm_document_to_json (document, NULL);
  g_autoptr(JsonNode) root = parse (saved);
  guint n_kinds;
  const WmElementInfo *kinds = wm_element_info_get_all (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    for (const WmFieldInfo *field = kinds[k].fields; field->key != NULL; field++)
      {
        JsonObject *object = element_object (json_node_get_object (root), kinds[k].get_type ());
        JsonObject *holder = holder_of (object, field, FALSE);
        gboolean written = holder != NULL && json_object_has_member (holder, field->key);

        g_test_message ("%s.%s", g_type_name (kinds[k].get_type ()), field->key);
        if (field->flags & (WM_FIELD_REQUIRED | WM_FIELD_ALWAYS))
          g_assert_true (written);
        else
          g_assert_false (written);
        g_assert_cmpint (json_object_has_member (object, "id"), ==, kinds[k].has_id);
      }
}

/* Hints are kept apart from content, and a file holds only those set:
 * a persona with one hint has a "hints" object with one member. */
static void
test_hints_are_kept_apart (void)
{
  static const char map[] =
    "{\"format\": \"waymark\", \"version\": 1, \"id\": \"map\", \"title\": \"T\", \"kind\": \"current-state\","
    " \"hints\": {\"goal\": \"Which question?\"},"
    " \"personas\": [{\"id\": \"p\", \"name\": \"\", \"hints\": {\"role\": \"Role or occupation\"}}],"
    " \"stages\": [{\"id\": \"s\", \"name\": \"One\"}],"
    " \"lanes\": [{\"id\": \"l\", \"title\": \"Doing\", \"kind\": \"customer-actions\"}],"
    " \"cards\": [{\"id\": \"c\", \"stage\": \"s\", \"lane\": \"l\", \"title\": \"\", \"hint\": \"What happens?\"}]}";
  g_autoptr(WmDocument) document = load (map);
  WmElement *persona = wm_document_lookup (document, "p");
  WmElement *card = wm_document_lookup (document, "c");
  g_autofree char *saved = wm_document_to_json (document, NULL);
  g_autoptr(JsonNode) root = parse (saved);
  JsonObject *hints = json_object_get_object_member (
    json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "personas"), 0), "hints");

  g_assert_cmpstr (wm_document_get_goal (document), ==, "");
  g_assert_cmpstr (wm_element_get_hint (WM_ELEMENT (document), "goal"), ==, "Which question?");
  g_assert_cmpstr (wm_element_get_hint (WM_ELEMENT (document), "scope"), ==, "");
  g_assert_cmpstr (wm_persona_get_role (WM_PERSONA (persona)), ==, "");
  g_assert_cmpstr (wm_element_get_hint (persona, "role"), ==, "Role or occupation");
  g_assert_cmpstr (wm_card_get_title (WM_CARD (card)), ==, "");
  g_assert_cmpstr (wm_element_get_hint (card, "title"), ==, "What happens?");
  g_assert_cmpstr (wm_element_get_hint (card, "text"), ==, "");

  g_assert_cmpuint (json_object_get_size (hints), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (hints, "role"), ==, "Role or occupation");
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (json_node_get_object (root), "hints")), ==, 1);
}

/* Every field is a property of its kind, and those the inspector edits
 * have a title to show. */
static void
test_tables_match_the_model (void)
{
  guint n_kinds;
  const WmElementInfo *kinds = wm_element_info_get_all (&n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      g_autoptr(GObject) element = g_object_new (kinds[k].get_type (), NULL);

      g_assert_true (wm_element_info_lookup (kinds[k].get_type ()) == &kinds[k]);
      for (const WmFieldInfo *field = kinds[k].fields; field->key != NULL; field++)
        {
          g_assert_nonnull (wm_element_find_field (WM_ELEMENT (element), field->property));
          g_assert_true (wm_field_info_get_pspec (&kinds[k], field) ==
                         wm_element_find_field (WM_ELEMENT (element), field->property));
          if (field->editor != WM_EDITOR_NONE)
            g_assert_nonnull (field->label);
          if (field->editor == WM_EDITOR_LIST)
            g_assert_true (field->item_label != NULL && field->add_label != NULL);
          g_assert_cmpuint (field->group, <, WM_MAX_FIELD_GROUPS);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fields/every-field-is-read-and-written", test_every_field_is_read_and_written);
  g_test_add_func ("/fields/defaults-are-left-out", test_defaults_are_left_out);
  g_test_add_func ("/fields/tables-match-the-model", test_tables_match_the_model);
  g_test_add_func ("/fields/hints-are-kept-apart", test_hints_are_kept_apart);

  return g_test_run ();
}
