/* test-slides.c: the slides a map is told in: their number and order for
 * every template and sample, and their layouts as data: long names set
 * smaller and kept on the slide, every persona's feeling shown, a crowded
 * stage continued on more slides rather than cut off, and an overview too
 * small to read drawn as shapes, and a card's picture shown on its
 * stage's slide, large for a storyboard.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <string.h>

#include "wm-card.h"
#include "wm-document-reader.h"
#include "wm-export.h"
#include "wm-lane.h"
#include "wm-slides.h"
#include "wm-stage.h"
#include "wm-templates.h"
#include "wm-test-images.h"
#include "wm-test-map.h"

/* Title first, overview last, and between them every stage in order,
 * each with one or more slides that share its cards out without loss. */
static void
check_order (WmDocument *document,
             GPtrArray  *slides)
{
  guint n_stages = g_list_model_get_n_items (wm_document_get_stages (document));
  int expected_stage = 0;

  g_assert_cmpuint (slides->len, >=, n_stages + 2);
  g_assert_cmpint (((WmSlide *) g_ptr_array_index (slides, 0))->kind, ==, WM_SLIDE_TITLE);
  g_assert_cmpint (((WmSlide *) g_ptr_array_index (slides, slides->len - 1))->kind, ==, WM_SLIDE_OVERVIEW);
  for (guint i = 1; i + 1 < slides->len; i++)
    {
      WmSlide *slide = g_ptr_array_index (slides, i);

      g_assert_cmpint (slide->kind, ==, WM_SLIDE_STAGE);
      if (slide->part == 0)
        g_assert_cmpint (slide->stage_index, ==, expected_stage++);
      else
        g_assert_cmpint (slide->stage_index, ==, expected_stage - 1);
      g_assert_cmpuint (slide->part, <, slide->n_parts);
      g_assert_cmpfloat (slide->layout->scale, >=, WM_SLIDE_MIN_SCALE);
    }
  g_assert_cmpint (expected_stage, ==, (int) n_stages);
}

static void
test_templates_and_samples (void)
{
  const char *samples[] = { "software-purchase", "gym-membership", "busy-parent-day", "hotel-stay" };

  for (int kind = WM_MAP_KIND_CURRENT_STATE; kind <= WM_MAP_KIND_SERVICE_BLUEPRINT; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) document = wm_template_instantiate (kind, &error);
      g_autoptr(GPtrArray) slides = NULL;

      g_assert_no_error (error);
      slides = wm_slides_build (document);
      check_order (document, slides);
      /* A template is short: one slide a stage. */
      g_assert_cmpuint (slides->len, ==, g_list_model_get_n_items (wm_document_get_stages (document)) + 2);
      /* Its cards are empty, with hints for the editor only: no slide
       * shows them as empty bars. */
      for (guint i = 1; i + 1 < slides->len; i++)
        g_assert_cmpuint (wm_slide_layout_count (wm_slide_get_layout (document, slides, i), WM_SLIDE_ROLE_CARD), ==, 0);
      /* Words on one of them bring it on its stage's slide. */
      {
        g_autoptr(WmCard) card = g_list_model_get_item (wm_document_get_cards (document), 0);
        int stage = wm_document_get_stage_index (document, wm_card_get_stage (card));
        g_autoptr(GPtrArray) after = NULL;

        g_assert_true (wm_document_set_string (document, WM_ELEMENT (card), "title", "Asks a friend"));
        after = wm_slides_build (document);
        g_assert_cmpuint (wm_slide_layout_count (wm_slide_get_layout (document, after, stage + 1), WM_SLIDE_ROLE_CARD),
                          ==, 1);
      }
    }
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_strdup_printf ("samples/%s.waymark", samples[i]);
      g_autoptr(WmDocument) document = wm_test_load_map (path);
      g_autoptr(GPtrArray) slides = wm_slides_build (document);

      check_order (document, slides);
    }
}

/* Sixty cards in one stage shrink to the smallest legible type, then go
 * on over several slides; every card is on exactly one of them. */
static void
test_crowded_stage_continues (void)
{
  g_autoptr(WmDocument) document = wm_test_generate_map (3, 2, 0, 0);
  g_autoptr(GPtrArray) slides = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint parts = 0;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("crowd-%u", i);
      g_autofree char *title = g_strdup_printf ("Step %u of a long stage, with a title that takes a line", i + 1);
      g_autoptr(WmCard) card = g_object_new (WM_TYPE_CARD, "id", id, "stage", "stage-1",
                                             "lane", i % 2 ? "lane-0" : "lane-1", "title", title, NULL);

      g_assert_true (wm_document_insert_card (document, card, G_MAXUINT));
    }
  slides = wm_slides_build (document);
  check_order (document, slides);

  for (guint i = 0; i < slides->len; i++)
    {
      WmSlide *slide = g_ptr_array_index (slides, i);
      const WmSlideLayout *layout = wm_slide_get_layout (document, slides, i);
      guint n_cards = wm_slide_layout_count (layout, WM_SLIDE_ROLE_CARD);
      const WmSlideBox *last;

      if (slide->kind != WM_SLIDE_STAGE || slide->stage_index != 1)
        continue;
      parts++;
      g_assert_cmpuint (slide->n_parts, >, 1);
      g_assert_cmpfloat (layout->scale, ==, WM_SLIDE_MIN_SCALE);
      g_assert_cmpuint (n_cards, >, 0);
      for (guint c = 0; c < n_cards; c++)
        {
          WmCard *card = wm_slide_layout_find (layout, WM_SLIDE_ROLE_CARD, c)->card;

          g_assert_false (g_hash_table_contains (seen, card));
          g_hash_table_add (seen, card);
        }
      /* The slide is filled, and not beyond its bottom margin. */
      last = wm_slide_layout_find (layout, WM_SLIDE_ROLE_CARD, n_cards - 1);
      g_assert_cmpfloat (last->rect.y + last->rect.height, <=, WM_SLIDE_HEIGHT - 90);
      g_assert_cmpfloat (last->rect.x, >, WM_SLIDE_WIDTH / 2);
    }
  g_assert_cmpuint (parts, >, 1);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 60);
}

static void
assert_on_slide (const WmRect *rect)
{
  g_assert_cmpfloat (rect->x, >=, 0);
  g_assert_cmpfloat (rect->y, >=, 0);
  g_assert_cmpfloat (rect->x + rect->width, <=, WM_SLIDE_WIDTH);
  g_assert_cmpfloat (rect->y + rect->height, <=, WM_SLIDE_HEIGHT);
}

static double
bottom_of (const WmSlideBox *box)
{
  return box->rect.y + box->rect.height;
}

/* A stage whose name and description run long has them set smaller, on
 * the slide, and its cards start below them. */
static void
test_long_stage_head (void)
{
  g_autoptr(WmDocument) document = wm_test_generate_map (3, 2, 2, 0);
  g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (document), 1);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GPtrArray) slides = NULL;
  const WmSlideLayout *layout, *plain;
  const WmSlideBox *name, *about, *card;

  for (int i = 0; i < 12; i++)
    g_string_append (description, "The guest walks through every step of a long evening before the room. ");
  g_assert_true (wm_document_set_string (document, WM_ELEMENT (stage), "name",
                                         "Arriving late at night after a delayed flight and a long taxi queue, "
                                         "tired and hungry, to a front desk with nobody at it"));
  g_assert_true (wm_document_set_string (document, WM_ELEMENT (stage), "description", description->str));
  slides = wm_slides_build (document);
  layout = wm_slide_get_layout (document, slides, 2);
  plain = wm_slide_get_layout (document, slides, 1);

  name = wm_slide_layout_find (layout, WM_SLIDE_ROLE_STAGE_NAME, 0);
  about = wm_slide_layout_find (layout, WM_SLIDE_ROLE_DESCRIPTION, 0);
  card = wm_slide_layout_find (layout, WM_SLIDE_ROLE_CARD, 0);
  g_assert_nonnull (name);
  g_assert_nonnull (about);
  g_assert_nonnull (card);
  g_assert_cmpfloat (name->size, <, wm_slide_layout_find (plain, WM_SLIDE_ROLE_STAGE_NAME, 0)->size);
  g_assert_cmpfloat (about->size, <, wm_slide_layout_find (plain, WM_SLIDE_ROLE_DESCRIPTION, 0)->size);
  g_assert_cmpfloat (about->rect.y, >=, bottom_of (name));
  g_assert_cmpfloat (card->rect.y, >, bottom_of (about));
  g_assert_cmpfloat (layout->body_top, >, plain->body_top);
  for (guint i = 0; i < layout->boxes->len; i++)
    assert_on_slide (&g_array_index (layout->boxes, WmSlideBox, i).rect);
}

/* Five personas each have their face, name and words at every stage,
 * one under another, above the cards. */
static void
test_five_personas (void)
{
  g_autoptr(WmDocument) document = wm_test_generate_map (3, 2, 2, 5);
  g_autoptr(GPtrArray) slides = wm_slides_build (document);

  for (guint i = 1; i + 1 < slides->len; i++)
    {
      const WmSlideLayout *layout = wm_slide_get_layout (document, slides, i);
      const WmSlideBox *card = wm_slide_layout_find (layout, WM_SLIDE_ROLE_CARD, 0);
      double above = 0;

      g_assert_cmpuint (wm_slide_layout_count (layout, WM_SLIDE_ROLE_FACE), ==, 5);
      g_assert_cmpuint (wm_slide_layout_count (layout, WM_SLIDE_ROLE_PERSONA_NAME), ==, 5);
      for (guint p = 0; p < 5; p++)
        {
          const WmSlideBox *face = wm_slide_layout_find (layout, WM_SLIDE_ROLE_FACE, p);
          const WmSlideBox *name = wm_slide_layout_find (layout, WM_SLIDE_ROLE_PERSONA_NAME, p);
          g_autofree char *expected = g_strdup_printf ("Persona %u", p + 1);

          g_assert_cmpstr (name->text, ==, expected);
          g_assert_cmpfloat (face->rect.y, >=, above);
          g_assert_cmpfloat (face->mood, >=, -1);
          g_assert_cmpfloat (face->mood, <=, 1);
          assert_on_slide (&face->rect);
          assert_on_slide (&name->rect);
          above = MAX (bottom_of (face), bottom_of (name));
        }
      g_assert_cmpfloat (card->rect.y, >, above);
    }
}

/* A map without an emotion lane shows no feelings, even when it holds
 * points (a service blueprint's template, an import): neither do its
 * slides. */
static void
test_no_emotion_lane_no_faces (void)
{
  g_autoptr(WmDocument) document = wm_test_generate_map (3, 2, 2, 1);
  GListModel *lanes = wm_document_get_lanes (document);
  g_autoptr(GPtrArray) slides = NULL;

  for (guint i = g_list_model_get_n_items (lanes); i > 0; i--)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, i - 1);

      if (wm_lane_get_kind (lane) == WM_LANE_KIND_EMOTIONS)
        g_assert_true (wm_document_remove (document, WM_ELEMENT (lane)));
    }
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_emotion_curves (document)), >, 0);
  slides = wm_slides_build (document);
  for (guint i = 1; i + 1 < slides->len; i++)
    {
      const WmSlideLayout *layout = wm_slide_get_layout (document, slides, i);

      g_assert_nonnull (wm_slide_layout_find (layout, WM_SLIDE_ROLE_CARD, 0));
      g_assert_cmpuint (wm_slide_layout_count (layout, WM_SLIDE_ROLE_FACE), ==, 0);
    }
}

/* The overview shows the whole map; when that makes its cards too small
 * to read, they are drawn as shapes. The title slide shows the persona
 * cards beside the title. */
static void
test_overview_and_title (void)
{
  g_autoptr(WmDocument) small = wm_test_load_map ("samples/hotel-stay.waymark");
  g_autoptr(WmDocument) large = wm_test_generate_map (60, 4, 2, 1);
  g_autoptr(GPtrArray) small_slides = wm_slides_build (small);
  g_autoptr(GPtrArray) large_slides = wm_slides_build (large);
  const WmSlideLayout *overview, *title;
  const WmSlideBox *grid, *personas;

  overview = wm_slide_get_layout (small, small_slides, small_slides->len - 1);
  grid = wm_slide_layout_find (overview, WM_SLIDE_ROLE_GRID, 0);
  g_assert_nonnull (grid);
  g_assert_cmpfloat (grid->scale, >=, WM_SLIDE_OVERVIEW_MIN_TEXT_SCALE);
  g_assert_false (grid->flags & WM_PAINT_CARD_SHAPES);
  assert_on_slide (&grid->rect);

  overview = wm_slide_get_layout (large, large_slides, large_slides->len - 1);
  grid = wm_slide_layout_find (overview, WM_SLIDE_ROLE_GRID, 0);
  g_assert_cmpfloat (grid->scale, <, WM_SLIDE_OVERVIEW_MIN_TEXT_SCALE);
  g_assert_true (grid->flags & WM_PAINT_CARD_SHAPES);
  assert_on_slide (&grid->rect);

  title = wm_slide_get_layout (small, small_slides, 0);
  personas = wm_slide_layout_find (title, WM_SLIDE_ROLE_PERSONA_CARDS, 0);
  g_assert_nonnull (personas);
  /* The cards show every section, so they stand beside the title, large
   * enough to read (at least as on the map), and clear of its words. */
  g_assert_cmpfloat (personas->scale, >=, 1.0);
  for (WmSlideRole role = WM_SLIDE_ROLE_KIND; role <= WM_SLIDE_ROLE_GOAL; role++)
    {
      const WmSlideBox *text = wm_slide_layout_find (title, role, 0);

      g_assert_nonnull (text);
      g_assert_false (wm_rect_intersects (&text->rect, &personas->rect));
    }
  assert_on_slide (&personas->rect);
  /* Laid out once: the title slide and the overview share the map's layout. */
  g_assert_true (personas->map
                 == wm_slide_layout_find (wm_slide_get_layout (small, small_slides, small_slides->len - 1),
                                          WM_SLIDE_ROLE_GRID, 0)->map);
}

/* The overview ends on the customers per stage, below the map, when the
 * stages count them; without counts there is no funnel. */
static void
test_overview_funnel (void)
{
  g_autoptr(WmDocument) counted = wm_test_load_map ("samples/gym-membership.waymark");
  g_autoptr(WmDocument) uncounted = wm_test_load_map ("samples/busy-parent-day.waymark");
  g_autoptr(GPtrArray) counted_slides = wm_slides_build (counted);
  g_autoptr(GPtrArray) uncounted_slides = wm_slides_build (uncounted);
  const WmSlideLayout *overview;
  const WmSlideBox *grid, *funnel;

  overview = wm_slide_get_layout (counted, counted_slides, wm_slides_find_overview (counted_slides));
  grid = wm_slide_layout_find (overview, WM_SLIDE_ROLE_GRID, 0);
  funnel = wm_slide_layout_find (overview, WM_SLIDE_ROLE_FUNNEL, 0);
  g_assert_nonnull (funnel);
  assert_on_slide (&funnel->rect);
  assert_on_slide (&grid->rect);
  g_assert_cmpfloat (funnel->rect.y, >=, bottom_of (grid));

  overview = wm_slide_get_layout (uncounted, uncounted_slides, wm_slides_find_overview (uncounted_slides));
  g_assert_null (wm_slide_layout_find (overview, WM_SLIDE_ROLE_FUNNEL, 0));
}

/* A slide draws without cairo errors at the smallest and largest sizes. */
static void
test_paint_at_every_size (void)
{
  g_autoptr(WmDocument) document = wm_test_load_map ("samples/hotel-stay.waymark");
  g_autoptr(GPtrArray) slides = wm_slides_build (document);
  const int sizes[][2] = { { 1280, 720 }, { 3840, 2160 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint i = 0; i < slides->len; i++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sizes[s][0], sizes[s][1]);
        cairo_t *cr = cairo_create (surface);

        cairo_scale (cr, sizes[s][0] / WM_SLIDE_WIDTH, sizes[s][1] / WM_SLIDE_HEIGHT);
        wm_slide_paint (cr, document, slides, i, i == slides->len - 1 ? 2 : -1);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

/* The deck has a page per slide. */
static void
test_pdf_has_a_page_per_slide (void)
{
  g_autoptr(WmDocument) document = wm_test_load_map ("samples/busy-parent-day.waymark");
  g_autoptr(GPtrArray) slides = wm_slides_build (document);
  g_autofree char *dir = g_dir_make_tmp ("waymark-slides-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "deck.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  WmExportOptions options;
  guint pages = 0;
  gsize length;

  wm_export_options_init (&options);
  options.slides = TRUE;
  g_assert_true (wm_export (document, file, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  /* Each page object says "/Type /Page"; the page tree says "/Type /Pages". */
  /* Byte by byte, not strstr(): the streams hold NUL bytes. */
  for (gsize at = 0; at + 12 <= length; at++)
    pages += memcmp (pdf + at, "/Type /Page", 11) == 0 && pdf[at + 11] != 's';
  g_assert_cmpuint (pages, ==, slides->len);
  g_unlink (path);
  g_rmdir (dir);
}

/* A map of one stage with a picture on a storyboard card and on an
 * action card, and an action card without one. */
static WmDocument *
map_with_pictures (void)
{
  g_autoptr(GBytes) png = wm_test_png (80, 60);
  g_autofree char *data = g_base64_encode (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_autofree char *text =
    g_strdup_printf ("{\"format\": \"waymark\", \"version\": 1, \"id\": \"m\", \"title\": \"T\","
                     " \"kind\": \"custom\", \"stages\": [{\"id\": \"s\", \"name\": \"S\"}],"
                     " \"lanes\": [{\"id\": \"story\", \"title\": \"Storyboard\", \"kind\": \"storyboard\"},"
                     "             {\"id\": \"acts\", \"title\": \"Actions\", \"kind\": \"customer-actions\"}],"
                     " \"cards\": ["
                     "  {\"id\": \"c1\", \"stage\": \"s\", \"lane\": \"story\", \"title\": \"Framed\","
                     "   \"picture\": {\"media_type\": \"image/png\", \"data\": \"%s\"}},"
                     "  {\"id\": \"c2\", \"stage\": \"s\", \"lane\": \"acts\", \"title\": \"Thumbnail\","
                     "   \"picture\": {\"media_type\": \"image/png\", \"data\": \"%s\"}},"
                     "  {\"id\": \"c3\", \"stage\": \"s\", \"lane\": \"acts\", \"title\": \"Plain\"}]}",
                     data, data);

  return wm_test_load_text (text);
}

static const WmSlideBox *
picture_of (const WmSlideLayout *layout,
            const char          *title)
{
  for (guint i = 0; i < wm_slide_layout_count (layout, WM_SLIDE_ROLE_CARD_PICTURE); i++)
    {
      const WmSlideBox *box = wm_slide_layout_find (layout, WM_SLIDE_ROLE_CARD_PICTURE, i);

      if (g_strcmp0 (wm_card_get_title (box->card), title) == 0)
        return box;
    }
  return NULL;
}

static const WmSlideBox *
title_box (const WmSlideLayout *layout,
           const char          *title)
{
  for (guint i = 0; i < wm_slide_layout_count (layout, WM_SLIDE_ROLE_CARD_TITLE); i++)
    {
      const WmSlideBox *box = wm_slide_layout_find (layout, WM_SLIDE_ROLE_CARD_TITLE, i);

      if (g_strcmp0 (box->text, title) == 0)
        return box;
    }
  return NULL;
}

/* Whether slide @index, painted into a PDF or an SVG file, holds an
 * image: a PDF's image XObject, an SVG's embedded picture. */
static gboolean
painted_has_image (WmDocument *document,
                   GPtrArray  *slides,
                   guint       index,
                   gboolean    svg)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-slides-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, svg ? "slide.svg" : "slide.pdf", NULL);
  cairo_surface_t *surface = svg ? cairo_svg_surface_create (path, WM_SLIDE_WIDTH, WM_SLIDE_HEIGHT)
                                 : cairo_pdf_surface_create (path, WM_SLIDE_WIDTH, WM_SLIDE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *contents = NULL;
  const char *needle = svg ? "<image" : "/Subtype /Image";
  gboolean found = FALSE;
  gsize length;

  wm_slide_paint (cr, document, slides, index, -1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* Byte by byte, not strstr(): a PDF's streams hold NUL bytes. */
  for (gsize at = 0; !found && at + strlen (needle) <= length; at++)
    found = memcmp (contents + at, needle, strlen (needle)) == 0;
  g_unlink (path);
  g_rmdir (dir);
  return found;
}

/* A stage's slide shows its cards' pictures: a storyboard's large with
 * the title below it, any other card's as a thumbnail beside its title;
 * a PDF or SVG of the slide embeds them. */
static void
test_card_pictures (void)
{
  g_autoptr(WmDocument) document = map_with_pictures ();
  g_autoptr(GPtrArray) slides = wm_slides_build_with_theme (document, WM_THEME_LIGHT);
  const WmSlideLayout *layout;
  const WmSlideBox *framed, *thumbnail, *below, *beside;

  g_assert_cmpint (((WmSlide *) g_ptr_array_index (slides, 1))->kind, ==, WM_SLIDE_STAGE);
  layout = wm_slide_get_layout (document, slides, 1);
  g_assert_cmpuint (wm_slide_layout_count (layout, WM_SLIDE_ROLE_CARD_PICTURE), ==, 2);
  framed = picture_of (layout, "Framed");
  thumbnail = picture_of (layout, "Thumbnail");
  g_assert_nonnull (framed);
  g_assert_nonnull (thumbnail);
  g_assert_null (picture_of (layout, "Plain"));

  /* Large, 4:3, within its card's panel, the title under it. */
  g_assert_cmpfloat (framed->rect.width, >=, 320);
  g_assert_cmpfloat_with_epsilon (framed->rect.height, framed->rect.width * 3 / 4, 0.5);
  below = title_box (layout, "Framed");
  g_assert_cmpfloat (below->rect.y, >=, framed->rect.y + framed->rect.height);
  g_assert_cmpfloat (thumbnail->rect.width, <, framed->rect.width / 2);
  beside = title_box (layout, "Thumbnail");
  g_assert_cmpfloat (beside->rect.x, >=, thumbnail->rect.x + thumbnail->rect.width);
  for (guint i = 0; i < wm_slide_layout_count (layout, WM_SLIDE_ROLE_CARD); i++)
    {
      const WmSlideBox *card = wm_slide_layout_find (layout, WM_SLIDE_ROLE_CARD, i);
      const WmSlideBox *picture = picture_of (layout, wm_card_get_title (card->card));

      if (picture != NULL)
        g_assert_cmpfloat (card->rect.y + card->rect.height, >=, picture->rect.y + picture->rect.height);
    }

  /* Decoded when first painted, once however often it is painted. */
  g_assert_cmpuint (g_hash_table_size (layout->pictures), ==, 0);
  g_assert_true (painted_has_image (document, slides, 1, FALSE));
  g_assert_true (painted_has_image (document, slides, 1, TRUE));
  g_assert_cmpuint (g_hash_table_size (layout->pictures), ==, 2);
}

/* The sample's storyboard shows on its stages' slides. */
static void
test_sample_storyboard (void)
{
  g_autoptr(WmDocument) document = wm_test_load_map ("samples/busy-parent-day.waymark");
  g_autoptr(GPtrArray) slides = wm_slides_build (document);
  guint pictures = 0;

  for (guint i = 0; i < slides->len; i++)
    if (((WmSlide *) g_ptr_array_index (slides, i))->kind == WM_SLIDE_STAGE)
      pictures += wm_slide_layout_count (wm_slide_get_layout (document, slides, i), WM_SLIDE_ROLE_CARD_PICTURE);
  g_assert_cmpuint (pictures, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slides/templates-and-samples", test_templates_and_samples);
  g_test_add_func ("/slides/crowded-stage-continues", test_crowded_stage_continues);
  g_test_add_func ("/slides/long-stage-head", test_long_stage_head);
  g_test_add_func ("/slides/five-personas", test_five_personas);
  g_test_add_func ("/slides/no-emotion-lane-no-faces", test_no_emotion_lane_no_faces);
  g_test_add_func ("/slides/overview-and-title", test_overview_and_title);
  g_test_add_func ("/slides/overview-funnel", test_overview_funnel);
  g_test_add_func ("/slides/paint-at-every-size", test_paint_at_every_size);
  g_test_add_func ("/slides/pdf-has-a-page-per-slide", test_pdf_has_a_page_per_slide);
  g_test_add_func ("/slides/card-pictures", test_card_pictures);
  g_test_add_func ("/slides/sample-storyboard", test_sample_storyboard);

  return g_test_run ();
}
