/* test-pictures.c: a card's picture goes into the file and back with its
 * alternative text and the keys a newer Waymark adds; setting and
 * removing it are one undo step each; a storyboard lane shows it large,
 * other lanes as a strip; it is decoded once however often the map is
 * laid out; a screen reader hears its alternative text; a chosen file is
 * cropped to a storyboard frame.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "wm-card.h"
#include "wm-document-writer.h"
#include "wm-edits.h"
#include "wm-image-probe.h"
#include "wm-lane.h"
#include "wm-layout-text.h"
#include "wm-layout.h"
#include "wm-photo-import.h"
#include "wm-test-images.h"
#include "wm-test-map.h"

/* A map with one card in a storyboard lane and one in an action lane,
 * both with @picture. */
static char *
map_with_pictures (GBytes     *picture,
                   const char *picture_extra)
{
  g_autofree char *data = g_base64_encode (g_bytes_get_data (picture, NULL), g_bytes_get_size (picture));

  return g_strdup_printf ("{\"format\": \"waymark\", \"version\": 1, \"id\": \"m\", \"title\": \"T\","
                          " \"kind\": \"custom\","
                          " \"stages\": [{\"id\": \"s\", \"name\": \"S\"}],"
                          " \"lanes\": [{\"id\": \"story\", \"title\": \"Storyboard\", \"kind\": \"storyboard\"},"
                          "             {\"id\": \"acts\", \"title\": \"Actions\", \"kind\": \"customer-actions\"}],"
                          " \"cards\": ["
                          "  {\"id\": \"c1\", \"stage\": \"s\", \"lane\": \"story\", \"title\": \"Framed\","
                          "   \"picture\": {\"media_type\": \"image/png\", \"data\": \"%s\"%s}},"
                          "  {\"id\": \"c2\", \"stage\": \"s\", \"lane\": \"acts\", \"title\": \"Strip\","
                          "   \"picture\": {\"media_type\": \"image/png\", \"data\": \"%s\"}},"
                          "  {\"id\": \"c3\", \"stage\": \"s\", \"lane\": \"acts\", \"title\": \"Plain\"}]}",
                          data, picture_extra, data);
}

static JsonObject *
saved_picture (JsonNode *root,
               guint     card)
{
  JsonArray *cards = json_object_get_array_member (json_node_get_object (root), "cards");

  return json_object_get_object_member (json_array_get_object_element (cards, card), "picture");
}

/* Its alternative text, and keys this version does not know, in order. */
static void
test_pictures_round_trip (void)
{
  g_autoptr(GBytes) png = wm_test_png (40, 30);
  g_autofree char *text = map_with_pictures (png, ", \"alt\": \"A \\\"quoted\\\" sketch\", \"x-credit\": {\"by\": \"Ana\"}");
  g_autoptr(WmDocument) document = wm_test_load_text (text);
  WmCard *card = wm_test_card_titled (document, "Framed");
  g_autofree char *saved = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *picture;
  g_autoptr(GList) members = NULL;

  g_assert_nonnull (card);
  g_assert_true (g_bytes_equal (wm_card_get_picture (card), png));
  g_assert_cmpstr (wm_card_get_picture_type (card), ==, "image/png");
  g_assert_cmpstr (wm_card_get_picture_alt (card), ==, "A \"quoted\" sketch");

  saved = wm_document_to_json (document, NULL);
  root = json_from_string (saved, NULL);
  g_assert_nonnull (root);
  picture = saved_picture (root, 0);
  members = json_object_get_members (picture);
  g_assert_cmpuint (g_list_length (members), ==, 4);
  g_assert_cmpstr (g_list_nth_data (members, 0), ==, "media_type");
  g_assert_cmpstr (g_list_nth_data (members, 1), ==, "data");
  g_assert_cmpstr (g_list_nth_data (members, 2), ==, "alt");
  g_assert_cmpstr (g_list_nth_data (members, 3), ==, "x-credit");
  g_assert_cmpstr (json_object_get_string_member (picture, "alt"), ==, "A \"quoted\" sketch");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (picture, "x-credit"), "by"), ==, "Ana");
  /* No alternative text: no "alt" key. */
  g_assert_false (json_object_has_member (saved_picture (root, 1), "alt"));
}

/* Setting, describing and removing a picture: one undo step each; the
 * removal takes the words with it and Undo brings both back. */
static void
test_pictures_undo (void)
{
  g_autoptr(GBytes) png = wm_test_png (40, 30);
  g_autoptr(GBytes) jpeg = wm_test_jpeg (40, 30);
  g_autofree char *text = map_with_pictures (png, ", \"alt\": \"Before\"");
  g_autoptr(WmDocument) document = wm_test_load_text (text);
  WmHistory *history = wm_document_get_history (document);
  WmCard *plain = wm_test_card_titled (document, "Plain");
  WmCard *framed = wm_test_card_titled (document, "Framed");

  g_assert_null (wm_card_get_picture (plain));
  g_assert_false (wm_edits_set_card_picture (document, plain, jpeg, NULL));
  g_assert_true (wm_edits_set_card_picture (document, plain, jpeg, "image/jpeg"));
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Change Picture");
  g_assert_true (g_bytes_equal (wm_card_get_picture (plain), jpeg));
  g_assert_cmpstr (wm_card_get_picture_type (plain), ==, "image/jpeg");
  /* The same picture again is no change. */
  g_assert_false (wm_edits_set_card_picture (document, plain, jpeg, "image/jpeg"));
  g_assert_true (wm_history_undo (history));
  g_assert_null (wm_card_get_picture (plain));
  g_assert_cmpstr (wm_card_get_picture_type (plain), ==, "");

  g_assert_true (wm_edits_set_card_picture (document, framed, NULL, NULL));
  g_assert_cmpstr (wm_history_get_undo_label (history), ==, "Remove Picture");
  g_assert_null (wm_card_get_picture (framed));
  g_assert_cmpstr (wm_card_get_picture_alt (framed), ==, "");
  g_assert_true (wm_history_undo (history));
  g_assert_true (g_bytes_equal (wm_card_get_picture (framed), png));
  g_assert_cmpstr (wm_card_get_picture_alt (framed), ==, "Before");
  g_assert_false (wm_history_get_can_undo (history));
}

/* A storyboard frame is 4:3 across the card; elsewhere a strip at the
 * top; the title follows the picture. Moving the card's lane to a
 * storyboard, with a cache, frames it without other changes. */
static void
test_pictures_layout (void)
{
  g_autoptr(GBytes) png = wm_test_png (40, 30);
  g_autofree char *text = map_with_pictures (png, "");
  g_autoptr(WmDocument) document = wm_test_load_text (text);
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayoutCache) cache = wm_layout_cache_new ();
  g_autoptr(WmLayout) layout = wm_layout_new_cached (document, style, measure, cache, WM_LAYOUT_DEFAULT);
  g_autoptr(WmLayout) again = NULL;
  g_autoptr(GListModel) lanes = NULL;
  const WmCardBox *framed = NULL, *strip = NULL, *plain = NULL;
  WmRect rect;
  double inner;

  for (guint i = 0; i < layout->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (layout->cards, WmCardBox, i);
      const char *title = wm_card_get_title (box->card);

      if (g_str_equal (title, "Framed"))
        framed = box;
      else if (g_str_equal (title, "Strip"))
        strip = box;
      else
        plain = box;
    }
  g_assert_nonnull (framed);
  g_assert_nonnull (strip);
  g_assert_nonnull (plain);

  inner = wm_layout_card_inner_width (layout, framed);
  g_assert_true (wm_layout_card_picture_rect (layout, framed, &rect));
  g_assert_cmpfloat_with_epsilon (rect.width, inner, 0.01);
  g_assert_cmpfloat_with_epsilon (rect.height, floor (inner * 3 / 4), 0.01);
  g_assert_cmpfloat (framed->title_y, >=, framed->picture_y + rect.height);
  g_assert_true (wm_layout_card_picture_rect (layout, strip, &rect));
  g_assert_cmpfloat (rect.height, <=, style->picture_strip_height);
  g_assert_cmpfloat (rect.height, >, 0);
  g_assert_cmpfloat (strip->title_y, >=, strip->picture_y + rect.height);
  g_assert_false (wm_layout_card_picture_rect (layout, plain, &rect));
  g_assert_cmpfloat (framed->rect.height, >, strip->rect.height);
  g_assert_cmpfloat (strip->rect.height, >, plain->rect.height);

  /* The action lane becomes a storyboard: the strip becomes a frame. */
  lanes = g_object_ref (wm_document_get_lanes (document));
  {
    g_autoptr(WmLane) acts = g_list_model_get_item (lanes, 1);

    g_assert_true (wm_document_set_int (document, WM_ELEMENT (acts), "kind", WM_LANE_KIND_STORYBOARD));
  }
  again = wm_layout_new_cached (document, style, measure, cache, WM_LAYOUT_DEFAULT);
  for (guint i = 0; i < again->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (again->cards, WmCardBox, i);

      if (g_str_equal (wm_card_get_title (box->card), "Strip"))
        {
          g_assert_true (wm_layout_card_picture_rect (again, box, &rect));
          g_assert_cmpfloat_with_epsilon (rect.height, floor (wm_layout_card_inner_width (again, box) * 3 / 4), 0.01);
        }
    }
}

/* A picture is decoded once, for every paint and every later layout
 * sharing the cache; a new picture is decoded anew. */
static void
test_pictures_decoded_once (void)
{
  g_autoptr(GBytes) png = wm_test_png (40, 30);
  g_autoptr(GBytes) other = wm_test_png (30, 40);
  g_autofree char *text = map_with_pictures (png, "");
  g_autoptr(WmDocument) document = wm_test_load_text (text);
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayoutCache) cache = wm_layout_cache_new ();
  g_autoptr(WmLayout) first = wm_layout_new_cached (document, style, measure, cache, WM_LAYOUT_DEFAULT);
  g_autoptr(WmLayout) second = NULL;
  g_autoptr(WmLayout) third = NULL;
  WmCard *framed = wm_test_card_titled (document, "Framed");
  cairo_surface_t *surface;

  surface = wm_layout_get_picture (first, &g_array_index (first->cards, WmCardBox, 0));
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 40);
  g_assert_true (wm_layout_get_picture (first, &g_array_index (first->cards, WmCardBox, 0)) == surface);

  /* An edit of the card and a new layout: not decoded again. */
  g_assert_true (wm_document_set_string (document, WM_ELEMENT (framed), "title", "Framed again"));
  second = wm_layout_new_cached (document, style, measure, cache, WM_LAYOUT_DEFAULT);
  for (guint i = 0; i < second->cards->len; i++)
    if (g_array_index (second->cards, WmCardBox, i).card == framed)
      g_assert_true (wm_layout_get_picture (second, &g_array_index (second->cards, WmCardBox, i)) ==
                     wm_layout_get_picture (first, &g_array_index (first->cards, WmCardBox, 0)));

  g_assert_true (wm_edits_set_card_picture (document, framed, other, "image/png"));
  third = wm_layout_new_cached (document, style, measure, cache, WM_LAYOUT_DEFAULT);
  for (guint i = 0; i < third->cards->len; i++)
    if (g_array_index (third->cards, WmCardBox, i).card == framed)
      {
        surface = wm_layout_get_picture (third, &g_array_index (third->cards, WmCardBox, i));
        g_assert_nonnull (surface);
        g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 30);
      }
}

/* What a screen reader hears after the card's name. */
static void
test_pictures_description (void)
{
  g_autoptr(GBytes) png = wm_test_png (40, 30);
  g_autofree char *text = map_with_pictures (png, ", \"alt\": \"Sketch of the booking page\"");
  g_autoptr(WmDocument) document = wm_test_load_text (text);
  g_autofree char *framed = NULL, *strip = NULL, *plain = NULL, *with_text = NULL;
  WmCard *card = wm_test_card_titled (document, "Framed");

  framed = wm_layout_card_description (card);
  g_assert_cmpstr (framed, ==, "Picture: Sketch of the booking page");
  strip = wm_layout_card_description (wm_test_card_titled (document, "Strip"));
  g_assert_cmpstr (strip, ==, "Picture without a description");
  plain = wm_layout_card_description (wm_test_card_titled (document, "Plain"));
  g_assert_cmpstr (plain, ==, "");
  g_assert_true (wm_document_set_string (document, WM_ELEMENT (card), "text", "Slow to load"));
  with_text = wm_layout_card_description (card);
  g_assert_cmpstr (with_text, ==, "Picture: Sketch of the booking page. Slow to load");
}

static GFile *
write_picture (GBytes     *bytes,
               const char *dir,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return g_file_new_for_path (path);
}

/* A chosen file is cut to a 4:3 frame from its middle and scaled down
 * to at most 800 × 600, never up; a persona's photo stays square. */
static void
test_pictures_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-XXXXXX", NULL);
  g_autoptr(GBytes) tall_png = wm_test_png (600, 1600);
  g_autoptr(GBytes) wide_jpeg = wm_test_jpeg (2000, 600);
  g_autoptr(GBytes) small = wm_test_png (200, 150);
  g_autoptr(GFile) tall_file = write_picture (tall_png, dir, "tall.png");
  g_autoptr(GFile) wide_file = write_picture (wide_jpeg, dir, "wide.jpg");
  g_autoptr(GFile) small_file = write_picture (small, dir, "small.png");
  const struct
  {
    GFile *file;
    guint32 width, height;
  } cases[] = {
    { tall_file, 600, 450 },
    { wide_file, 800, 600 },
    { small_file, 200, 150 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *media_type = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) picture = wm_picture_import (cases[i].file, &media_type, &error);
      WmImageInfo info;

      g_assert_no_error (error);
      g_assert_true (wm_image_probe_bytes (picture, media_type, &info, NULL));
      g_assert_cmpuint (info.width, ==, cases[i].width);
      g_assert_cmpuint (info.height, ==, cases[i].height);
    }

  {
    g_autofree char *media_type = NULL;
    g_autoptr(GBytes) photo = wm_photo_import (wide_file, &media_type, NULL);
    WmImageInfo info;

    g_assert_true (wm_image_probe_bytes (photo, media_type, &info, NULL));
    g_assert_cmpuint (info.width, ==, WM_PHOTO_IMPORT_SIDE);
    g_assert_cmpuint (info.height, ==, WM_PHOTO_IMPORT_SIDE);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_no_errno (g_unlink (g_file_peek_path (cases[i].file)));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pictures/round-trip", test_pictures_round_trip);
  g_test_add_func ("/pictures/undo", test_pictures_undo);
  g_test_add_func ("/pictures/layout", test_pictures_layout);
  g_test_add_func ("/pictures/decoded-once", test_pictures_decoded_once);
  g_test_add_func ("/pictures/description", test_pictures_description);
  g_test_add_func ("/pictures/import", test_pictures_import);

  return g_test_run ();
}
