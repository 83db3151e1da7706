/* test-format.c: the .waymark file format: round trips, forward
 * compatibility, every kind of bad input, and atomic saving.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-photo.h"
#include "wm-test-images.h"

/* A map that uses every field of every element. */
static const char full_map[] =
  "{\n"
  "  \"format\": \"waymark\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"map\",\n"
  "  \"title\": \"Buying a bike \\\"online\\\"\",\n"
  "  \"goal\": \"Find where buyers give up\",\n"
  "  \"scope\": \"From search to first ride\",\n"
  "  \"kind\": \"service-blueprint\",\n"
  "  \"created\": \"2026-01-02T03:04:05Z\",\n"
  "  \"modified\": \"2026-02-03T04:05:06Z\",\n"
  "  \"emotion_scale\": 7,\n"
  "  \"personas\": [\n"
  "    {\n"
  "      \"id\": \"p1\",\n"
  "      \"name\": \"Ana Ríos\",\n"
  "      \"role\": \"Nurse\",\n"
  "      \"age\": 34,\n"
  "      \"location\": \"Lyon\",\n"
  "      \"segment\": \"Commuters\",\n"
  "      \"quote\": \"I just want it to work.\",\n"
  "      \"bio\": \"Rides to work.\\nEvery day.\",\n"
  "      \"color\": \"#e66100\",\n"
  "      \"photo\": {\n"
  "        \"media_type\": \"image/png\",\n"
  "        \"data\": \"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mN4lsgAAAN4AUjL9337AAAAAElFTkSuQmCC\"\n"
  "      },\n"
  "      \"goals\": [\n"
  "        \"Save time\"\n"
  "      ],\n"
  "      \"needs\": [\n"
  "        \"Delivery\"\n"
  "      ],\n"
  "      \"frustrations\": [\n"
  "        \"Hidden fees\"\n"
  "      ],\n"
  "      \"motivations\": [\n"
  "        \"Health\"\n"
  "      ],\n"
  "      \"channels\": [\n"
  "        \"mobile-app\",\n"
  "        \"Forums\"\n"
  "      ]\n"
  "    }\n"
  "  ],\n"
  "  \"stages\": [\n"
  "    {\n"
  "      \"id\": \"s1\",\n"
  "      \"name\": \"Search\",\n"
  "      \"description\": \"Find a bike\",\n"
  "      \"time_label\": \"Week 1\",\n"
  "      \"customers\": 1000,\n"
  "      \"color\": \"#3584e4\",\n"
  "      \"width\": 320\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"s2\",\n"
  "      \"name\": \"Buy\"\n"
  "    }\n"
  "  ],\n"
  "  \"lanes\": [\n"
  "    {\n"
  "      \"id\": \"l1\",\n"
  "      \"title\": \"Touchpoints\",\n"
  "      \"kind\": \"touchpoints\",\n"
  "      \"collapsed\": true\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"l2\",\n"
  "      \"title\": \"Line of visibility\",\n"
  "      \"kind\": \"divider\"\n"
  "    }\n"
  "  ],\n"
  "  \"cards\": [\n"
  "    {\n"
  "      \"id\": \"c1\",\n"
  "      \"stage\": \"s1\",\n"
  "      \"lane\": \"l1\",\n"
  "      \"span\": 2,\n"
  "      \"title\": \"Review site\",\n"
  "      \"text\": \"Reads reviews\",\n"
  "      \"channel\": \"review-site\",\n"
  "      \"owner\": \"Marketing\",\n"
  "      \"impact\": 4,\n"
  "      \"effort\": 2,\n"
  "      \"status\": \"in-progress\",\n"
  "      \"quality\": \"bad\",\n"
  "      \"moment\": \"zero\",\n"
  "      \"time_label\": \"Tue 10:00\",\n"
  "      \"metric\": {\n"
  "        \"name\": \"Conversion\",\n"
  "        \"value\": \"3.2%\"\n"
  "      },\n"
  "      \"color\": \"#f6d32d\",\n"
  "      \"tags\": [\n"
  "        \"quick win\"\n"
  "      ]\n"
  "    }\n"
  "  ],\n"
  "  \"emotions\": [\n"
  "    {\n"
  "      \"persona\": \"p1\",\n"
  "      \"points\": [\n"
  "        {\n"
  "          \"id\": \"e1\",\n"
  "          \"stage\": \"s1\",\n"
  "          \"position\": 0.1,\n"
  "          \"score\": 6,\n"
  "          \"label\": \"So many options\"\n"
  "        },\n"
  "        {\n"
  "          \"id\": \"e2\",\n"
  "          \"stage\": \"s2\",\n"
  "          \"position\": 1.0,\n"
  "          \"score\": 2\n"
  "        }\n"
  "      ]\n"
  "    }\n"
  "  ]\n"
  "}\n";

static WmDocument *
load_text (const char  *text,
           GError     **error)
{
  return wm_document_load_from_data (text, strlen (text), error);
}

static void
test_full_map_round_trips_byte_identical (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = load_text (full_map, &error);
  g_autofree char *saved = NULL;
  WmCard *card;
  WmPersona *persona;

  g_assert_no_error (error);
  g_assert_cmpstr (wm_document_get_title (document), ==, "Buying a bike \"online\"");
  g_assert_cmpint (wm_document_get_kind (document), ==, WM_MAP_KIND_SERVICE_BLUEPRINT);
  g_assert_cmpint (wm_document_get_emotion_scale (document), ==, 7);
  g_assert_cmpint (wm_document_get_created (document), ==, 1767323045);

  card = WM_CARD (wm_document_lookup (document, "c1"));
  g_assert_cmpint (wm_card_get_span (card), ==, 2);
  g_assert_cmpint (wm_card_get_quality (card), ==, WM_CARD_QUALITY_BAD);
  g_assert_cmpint (wm_card_get_moment (card), ==, WM_MOMENT_ZERO);
  g_assert_cmpint (wm_card_get_impact (card), ==, 4);
  g_assert_cmpint (wm_card_get_effort (card), ==, 2);
  g_assert_cmpint (wm_card_get_status (card), ==, WM_CARD_STATUS_IN_PROGRESS);
  g_assert_cmpstr (wm_card_get_metric_value (card), ==, "3.2%");
  persona = WM_PERSONA (wm_document_lookup (document, "p1"));
  g_assert_cmpstr (wm_persona_get_channels (persona)[1], ==, "Forums");
  g_assert_cmpuint (g_bytes_get_size (wm_persona_get_photo (persona)), ==, 69);
  g_assert_false (wm_history_get_can_undo (wm_document_get_history (document)));

  saved = wm_document_to_json (document, NULL);
  g_assert_cmpstr (saved, ==, full_map);
}

static void
test_unknown_keys_survive (void)
{
  const char *future =
    "{\"format\": \"waymark\", \"version\": 1, \"id\": \"m\", \"title\": \"T\", \"kind\": \"custom\","
    " \"theme\": {\"paper\": \"linen\", \"grid\": [1, 2.5, null, true]},"
    " \"stages\": [{\"id\": \"s\", \"name\": \"S\", \"icon\": \"flag\"}],"
    " \"lanes\": [{\"id\": \"l\", \"title\": \"L\", \"kind\": \"text\"}],"
    " \"cards\": [{\"id\": \"c\", \"stage\": \"s\", \"lane\": \"l\", \"title\": \"C\", \"votes\": 12}],"
    " \"personas\": [{\"id\": \"p\", \"name\": \"P\"}],"
    " \"emotions\": [{\"persona\": \"p\", \"style\": \"dashed\","
    "   \"points\": [{\"id\": \"e\", \"stage\": \"s\", \"score\": 3, \"photo\": \"x.png\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = load_text (future, &error);
  g_autoptr(WmDocument) reloaded = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;

  g_assert_no_error (error);
  saved = wm_document_to_json (document, NULL);
  g_assert_nonnull (strstr (saved, "\"theme\": {\n    \"paper\": \"linen\",\n    \"grid\": [\n      1,\n      2.5,\n      null,\n      true\n    ]\n  }"));
  g_assert_nonnull (strstr (saved, "\"icon\": \"flag\""));
  g_assert_nonnull (strstr (saved, "\"votes\": 12"));
  g_assert_nonnull (strstr (saved, "\"style\": \"dashed\""));
  g_assert_nonnull (strstr (saved, "\"photo\": \"x.png\""));

  /* Saving is stable from then on. */
  reloaded = load_text (saved, &error);
  g_assert_no_error (error);
  saved_again = wm_document_to_json (reloaded, NULL);
  g_assert_cmpstr (saved, ==, saved_again);
}

/* Every status and score survives a save and a load; a card never
 * scored gets no priority keys at all. */
static void
test_priorities_round_trip (void)
{
  static const char *statuses[] = { "idea", "planned", "in-progress", "done", "dropped" };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "{\"format\": \"waymark\", \"version\": 1, \"id\": \"m\", \"title\": \"T\", \"kind\": \"custom\","
        " \"stages\": [{\"id\": \"s\", \"name\": \"S\"}],"
        " \"lanes\": [{\"id\": \"l\", \"title\": \"L\", \"kind\": \"opportunities\"}],"
        " \"cards\": [{\"id\": \"c\", \"stage\": \"s\", \"lane\": \"l\", \"title\": \"C\","
        "   \"impact\": %u, \"effort\": %u, \"status\": \"%s\"},"
        "  {\"id\": \"d\", \"stage\": \"s\", \"lane\": \"l\", \"title\": \"D\"}]}",
        i + 1, 5 - i, statuses[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) document = load_text (text, &error);
      g_autoptr(WmDocument) reloaded = NULL;
      g_autofree char *saved = NULL;
      WmCard *card;

      g_assert_no_error (error);
      saved = wm_document_to_json (document, NULL);
      reloaded = load_text (saved, &error);
      g_assert_no_error (error);
      card = WM_CARD (wm_document_lookup (reloaded, "c"));
      g_assert_cmpint (wm_card_get_impact (card), ==, i + 1);
      g_assert_cmpint (wm_card_get_effort (card), ==, 5 - i);
      g_assert_cmpstr (wm_enum_to_nick (WM_TYPE_CARD_STATUS, wm_card_get_status (card)), ==, statuses[i]);
      card = WM_CARD (wm_document_lookup (reloaded, "d"));
      g_assert_cmpint (wm_card_get_impact (card), ==, 0);
      g_assert_cmpint (wm_card_get_status (card), ==, WM_CARD_STATUS_NONE);
      /* Only card c's three keys are in the file. */
      g_assert_nonnull (strstr (saved, "\"impact\""));
      g_assert_null (strstr (strstr (saved, "\"impact\"") + 1, "\"impact\""));
      g_assert_null (strstr (strstr (saved, "\"status\"") + 1, "\"status\""));
    }
}

/* Each file in tests/malformed/ is listed in expected-errors.txt with the
 * start of the message the loader must give. */
static void
test_malformed_corpus (void)
{
  g_autofree char *list_path = g_test_build_filename (G_TEST_DIST, "malformed", "expected-errors.txt", NULL);
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (list_path, &list, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (list, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(WmDocument) document = NULL;
      g_autoptr(GError) load_error = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      parts = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      path = g_test_build_filename (G_TEST_DIST, "malformed", parts[0], NULL);
      file = g_file_new_for_path (path);
      document = wm_document_load (file, NULL, &load_error);
      if (document != NULL || !g_str_has_prefix (load_error->message, parts[1]))
        g_error ("%s: expected an error starting “%s”, got “%s”", parts[0], parts[1],
                 load_error ? load_error->message : "no error");
      checked++;
    }

  g_assert_cmpuint (checked, >=, 30);
}

/* The problem a map whose photo is @photo, said to be @media_type, is
 * refused for, by loading and by `waymark check`; NULL if it loads. */
static char *
photo_problem (const char *media_type,
               GBytes     *photo)
{
  g_autofree char *text = wm_test_map_with_photo (media_type, photo);
  g_autofree char *dir = g_dir_make_tmp ("waymark-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "photo.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  problems = wm_document_list_problems (file, NULL);
  document = wm_document_load (file, NULL, &error);
  g_unlink (path);
  g_rmdir (dir);
  if (document != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length (problems), ==, 0);
      return NULL;
    }
  g_assert_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_INVALID);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_cmpstr (problems[0], ==, error->message);
  return g_strdup (error->message);
}

static GBytes *
splice (GBytes       *bytes,
        gsize         at,
        const guint8 *insert,
        gsize         length)
{
  GByteArray *array = g_byte_array_new ();
  const guint8 *data = g_bytes_get_data (bytes, NULL);

  g_byte_array_append (array, data, at);
  g_byte_array_append (array, insert, length);
  g_byte_array_append (array, data + at, g_bytes_get_size (bytes) - at);
  return g_byte_array_free_to_bytes (array);
}

/* A photo must be a PNG or JPEG of the type the file says, of at most
 * WM_IMAGE_MAX_PIXELS, checked when the map is loaded: a kilobyte can
 * otherwise claim gigabytes that painting the map would decode. */
static void
test_photos_are_probed_on_load (void)
{
  static const guint8 fill[] = { 0xff, 0xff, 0xff };
  /* SOI, then an APP0 segment 16 KiB long, in a few bytes. */
  static const guint8 past_end[] = { 0xff, 0xd8, 0xff, 0xe0, 0x40, 0x00, 'J', 'F', 'I', 'F', 0 };
  g_autoptr(GBytes) png = wm_test_png (40, 30);
  g_autoptr(GBytes) jpeg = wm_test_jpeg (40, 30);
  g_autoptr(GBytes) filled_jpeg = splice (jpeg, 2, fill, sizeof fill);
  g_autoptr(GBytes) huge_png = wm_test_png_header (65000, 65000, 1024);
  g_autoptr(GBytes) huge_jpeg = wm_test_jpeg_header (65000, 65000, 1024);
  g_autoptr(GBytes) truncated_jpeg = g_bytes_new_from_bytes (jpeg, 0, 25);
  g_autoptr(GBytes) long_segment = g_bytes_new_static (past_end, sizeof past_end);
  g_autoptr(GBytes) svg = wm_test_text_bytes ("<svg xmlns='http://www.w3.org/2000/svg' width='65000' height='65000'/>");
  g_autoptr(GBytes) pnm = wm_test_text_bytes ("P6\n65000 65000\n255\n");
  g_autoptr(GBytes) gif = wm_test_text_bytes ("GIF89a\xe8\xfd\xe8\xfd");
  const struct
  {
    const char *media_type;
    GBytes     *photo;
    const char *problem;
  } refused[] = {
    { "image/png", huge_png, "the picture is 65000 × 65000 pixels; Waymark takes pictures of at most 50 megapixels" },
    { "image/jpeg", huge_jpeg, "the picture is 65000 × 65000 pixels; Waymark takes pictures of at most 50 megapixels" },
    { "image/png", svg, "not a PNG or JPEG picture" },
    { "image/jpeg", pnm, "not a PNG or JPEG picture" },
    { "image/png", gif, "not a PNG or JPEG picture" },
    { "image/jpeg", png, "the picture is a PNG but is marked as “image/jpeg”" },
    { "image/png", jpeg, "the picture is a JPEG but is marked as “image/png”" },
    { "image/jpeg", truncated_jpeg, "the picture’s header is damaged" },
    { "image/jpeg", long_segment, "the picture’s header is damaged" },
  };
  GBytes *accepted[] = { png, jpeg, filled_jpeg };
  const char *accepted_types[] = { "image/png", "image/jpeg", "image/jpeg" };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *problem = photo_problem (refused[i].media_type, refused[i].photo);
      g_autofree char *expected = g_strconcat ("personas[0].photo.data: ", refused[i].problem, NULL);

      g_assert_cmpstr (problem, ==, expected);
    }

  /* Real pictures load, and draw. */
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autofree char *text = wm_test_map_with_photo (accepted_types[i], accepted[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) document = load_text (text, &error);
      cairo_surface_t *drawn;

      g_assert_no_error (error);
      g_assert_null (photo_problem (accepted_types[i], accepted[i]));
      drawn = wm_photo_decode (wm_persona_get_photo (WM_PERSONA (wm_document_lookup (document, "p"))), 32);
      g_assert_nonnull (drawn);
      cairo_surface_destroy (drawn);
    }
}

static void
test_oversized_file_is_refused_before_parsing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;
  FILE *out = fopen (path, "w");

  /* A sparse file: big on paper, no time to write. */
  g_assert_nonnull (out);
  g_assert_cmpint (fseek (out, WM_DOCUMENT_MAX_FILE_SIZE + 1, SEEK_SET), ==, 0);
  fputc ('\n', out);
  fclose (out);

  document = wm_document_load (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_TOO_LARGE);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_deep_nesting_is_refused (void)
{
  GString *text = g_string_new ("{\"format\": \"waymark\", \"version\": 1, \"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = NULL;

  for (int i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  document = load_text (text->str, &error);
  g_assert_null (document);
  g_assert_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_INVALID);
  g_string_free (text, TRUE);
}


/* A 1×1 PNG, for photos that must really be pictures. */
#define TINY_PNG_BASE64 "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"

/* What another program wrote comes back byte for byte: members inside
 * a photo and a metric too, and numbers exactly as written, even those
 * a double or a gint64 cannot hold. */
static void
test_numbers_and_nested_members_survive (void)
{
  const char *written =
    "{\"format\": \"waymark\", \"version\": 1, \"id\": \"m\", \"title\": \"T\", \"kind\": \"custom\","
    " \"big\": 12345678901234567890, \"negative_zero\": -0, \"exponent\": 1E+3,"
    " \"precise\": 0.1000000000000000055511151231257827, \"trailing\": 1.50, \"tiny\": 1e-400,"
    " \"stages\": [{\"id\": \"s\", \"name\": \"S\"}],"
    " \"lanes\": [{\"id\": \"l\", \"title\": \"L\", \"kind\": \"text\"}],"
    " \"cards\": [{\"id\": \"c\", \"stage\": \"s\", \"lane\": \"l\", \"title\": \"C\","
    "   \"metric\": {\"name\": \"Drop-off\", \"value\": \"3%\", \"unit\": \"percent\", \"target\": -99999999999999999999}}],"
    " \"personas\": [{\"id\": \"p\", \"name\": \"P\","
    "   \"photo\": {\"media_type\": \"image/png\", \"data\": \"" TINY_PNG_BASE64 "\", \"credit\": \"Ana\","
    "   \"crop\": [0, 0.50, 2e2]}}]}";
  const char *kept[] = {
    "\"big\": 12345678901234567890", "\"negative_zero\": -0,", "\"exponent\": 1E+3",
    "\"precise\": 0.1000000000000000055511151231257827", "\"trailing\": 1.50", "\"tiny\": 1e-400",
    "\"unit\": \"percent\"", "\"target\": -99999999999999999999",
    "\"credit\": \"Ana\"", "0.50,", "2e2\n",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = load_text (written, &error);
  g_autoptr(WmDocument) reloaded = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;

  g_assert_no_error (error);
  saved = wm_document_to_json (document, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (strstr (saved, kept[i]) == NULL)
      g_error ("“%s” did not survive a save:\n%s", kept[i], saved);
  /* Inside their own objects, after the members Waymark knows. */
  g_assert_nonnull (strstr (saved, "\"value\": \"3%\",\n        \"unit\": \"percent\""));
  g_assert_nonnull (strstr (saved, TINY_PNG_BASE64 "\",\n        \"credit\": \"Ana\""));

  reloaded = load_text (saved, &error);
  g_assert_no_error (error);
  saved_again = wm_document_to_json (reloaded, NULL);
  g_assert_cmpstr (saved, ==, saved_again);
}

/* json-glib reads comments and single quotes; a quote hidden in one
 * used to hide the nesting after it from the depth check, and the
 * parser then recursed until the stack overflowed. */
static void
test_hidden_structure_is_refused (void)
{
  const struct { const char *hiding; const char *reason; } cases[] = {
    { "/* \" */ ", "comments are not allowed in JSON" },
    { "// \"\n", "comments are not allowed in JSON" },
    { "# \"\n", "comments are not allowed in JSON" },
    { "'\"', ", "single quotes are not allowed in JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new ("{\"format\": \"waymark\", \"version\": 1, \"x\": ");
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) document = NULL;

      g_string_append (text, cases[i].hiding);
      for (int depth = 0; depth < 1000000; depth++)
        g_string_append_c (text, '[');
      document = load_text (text->str, &error);
      g_assert_null (document);
      g_assert_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_NOT_JSON);
      g_assert_nonnull (strstr (error->message, cases[i].reason));
    }
}

/* Only regular files are read: a pipe would block, a device would never
 * end. Each must be refused at once with a message naming what it is. */
static void
test_special_files_are_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.waymark", NULL);
  g_autofree char *link = g_build_filename (dir, "zero.waymark", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.waymark", NULL);
  const struct { const char *path; const char *says; } cases[] = {
    { "/dev/zero", "is a device" },
    { fifo, "is a pipe" },
    { link, "is a device" },
    { folder, "is a folder" },
  };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) document = wm_document_load (file, NULL, &error);
      g_auto(GStrv) problems = wm_document_list_problems (file, NULL);

      g_assert_null (document);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_cmpuint (g_strv_length (problems), ==, 1);
    }

  g_unlink (fifo);
  g_unlink (link);
  g_rmdir (folder);
  g_rmdir (dir);
}

/* A file whose size says nothing (as in /proc) is still read, and
 * still stops at the limit. */
static void
test_size_is_checked_while_reading (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/proc/self/status");
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_document_load (file, NULL, &error);

  g_assert_null (document);
  g_assert_error (error, WM_DOCUMENT_ERROR, WM_DOCUMENT_ERROR_NOT_JSON);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_failed_save_keeps_previous_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = load_text (full_map, &error);
  g_autofree char *on_disk = NULL;
  struct rlimit old_limit, small_limit;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "previous version\n", -1, &error));

  /* Simulate a full disk: no file may grow beyond 64 bytes. */
  wm_document_set_string (document, WM_ELEMENT (document), "title", "Changed");
  g_assert_true (wm_history_get_dirty (wm_document_get_history (document)));
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  small_limit = old_limit;
  small_limit.rlim_cur = 64;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small_limit), ==, 0);
  g_assert_false (wm_document_save (document, file, NULL, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "map.waymark"));
  g_assert_true (wm_history_get_dirty (wm_document_get_history (document)));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, "previous version\n");
  g_assert_cmpuint (count_files (dir), ==, 1);  /* no temporary file left */
  g_clear_error (&error);
  g_clear_pointer (&on_disk, g_free);

  /* Saving into a folder that does not exist fails cleanly too. */
  {
    g_autofree char *missing = g_build_filename (dir, "gone", "map.waymark", NULL);
    g_autoptr(GFile) missing_file = g_file_new_for_path (missing);

    g_assert_false (wm_document_save (document, missing_file, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* And a save that succeeds replaces the file and clears the dirty flag. */
  g_assert_true (wm_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (wm_history_get_dirty (wm_document_get_history (document)));
  g_assert_true (g_file_get_contents (path, &on_disk, NULL, NULL));
  g_assert_true (g_str_has_prefix (on_disk, "{\n  \"format\": \"waymark\""));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/full-map-round-trips-byte-identical", test_full_map_round_trips_byte_identical);
  g_test_add_func ("/format/unknown-keys-survive", test_unknown_keys_survive);
  g_test_add_func ("/format/priorities-round-trip", test_priorities_round_trip);
  g_test_add_func ("/format/malformed-corpus", test_malformed_corpus);
  g_test_add_func ("/format/photos-are-probed-on-load", test_photos_are_probed_on_load);
  g_test_add_func ("/format/oversized-file-is-refused-before-parsing", test_oversized_file_is_refused_before_parsing);
  g_test_add_func ("/format/deep-nesting-is-refused", test_deep_nesting_is_refused);
  g_test_add_func ("/format/numbers-and-nested-members-survive", test_numbers_and_nested_members_survive);
  g_test_add_func ("/format/hidden-structure-is-refused", test_hidden_structure_is_refused);
  g_test_add_func ("/format/special-files-are-refused", test_special_files_are_refused);
  g_test_add_func ("/format/size-is-checked-while-reading", test_size_is_checked_while_reading);
  g_test_add_func ("/format/failed-save-keeps-previous-file", test_failed_save_keeps_previous_file);

  return g_test_run ();
}
