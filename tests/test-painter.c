/* test-painter.c: what the painter puts where the layout says: persona
 * photos and initials, the page colour or none, and only the asked-for
 * area.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-document-private.h"
#include "wm-edits.h"
#include "wm-image-probe.h"
#include "wm-layout-hit.h"
#include "wm-painter.h"
#include "wm-persona-sections.h"
#include "wm-photo.h"
#include "wm-templates.h"
#include "wm-test-images.h"
#include "wm-test-map.h"

typedef struct
{
  guint8 red, green, blue, alpha;
} Pixel;

static WmDocument *
map_with_personas (void)
{
  WmDocument *document = wm_test_generate_map (2, 1, 1, 0);
  g_autoptr(GBytes) photo = wm_test_png (40, 30);
  g_autoptr(WmPersona) with_photo = g_object_new (WM_TYPE_PERSONA, "id", "p1", "name", "Rosa Diaz",
                                                  "photo", photo, "photo-type", "image/png", NULL);
  g_autoptr(WmPersona) initials = g_object_new (WM_TYPE_PERSONA, "id", "p2", "name", "Sam Okafor",
                                                "color", "#00ff00", NULL);

  wm_document_append_loaded (document, WM_ELEMENT (with_photo));
  wm_document_append_loaded (document, WM_ELEMENT (initials));
  return document;
}

static cairo_surface_t *
paint (WmLayout     *layout,
       const WmRect *area,
       WmPaintFlags  flags)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) layout->width,
                                                         (int) layout->height);
  cairo_t *cr = cairo_create (surface);

  wm_painter_paint (cr, layout, area, flags);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static Pixel
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 value = *(const guint32 *) (data + (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);

  return (Pixel) { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff, value >> 24 };
}

static void
test_persona_photo_and_initials (void)
{
  g_autoptr(WmDocument) document = map_with_personas ();
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = wm_layout_new (document, style, measure);
  cairo_surface_t *surface = paint (layout, NULL, WM_PAINT_DEFAULT);
  const WmPersonaBox *photo_box = &g_array_index (layout->personas, WmPersonaBox, 0);
  const WmPersonaBox *initials_box = &g_array_index (layout->personas, WmPersonaBox, 1);
  Pixel photo, disc;

  /* The photo fills its circle... */
  photo = pixel_at (surface, photo_box->photo.x + photo_box->photo.width / 2, photo_box->photo.y + 6);
  g_assert_cmpuint (photo.red, >, 240);
  g_assert_cmpuint (photo.green, <, 20);
  /* ...and a persona without one gets its colour behind its initials. */
  disc = pixel_at (surface, initials_box->photo.x + initials_box->photo.width / 2, initials_box->photo.y + 4);
  g_assert_cmpuint (disc.green, >, 240);
  g_assert_cmpuint (disc.red, <, 20);
  /* The decoded photo is kept for the next paint. */
  g_assert_true (wm_layout_get_photo (layout, photo_box) == wm_layout_get_photo (layout, photo_box));
  g_assert_null (wm_layout_get_photo (layout, initials_box));

  cairo_surface_destroy (surface);
}

/* A photo that is not a PNG or JPEG, or has too many pixels, is never
 * decoded: the persona shows its initials, as for a damaged photo. */
static void
test_refused_photo_shows_initials (void)
{
  const char *svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"40\">"
                    "<rect width=\"40\" height=\"40\" fill=\"#ff0000\"/></svg>";
  const char *pnm = "P3\n2 2\n255\n255 0 0 255 0 0 255 0 0 255 0 0\n";
  const char *svg_claims = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"65000\" height=\"65000\"/>";
  g_autoptr(GBytes) svg_photo = wm_test_text_bytes (svg);
  g_autoptr(GBytes) pnm_photo = wm_test_text_bytes (pnm);
  g_autoptr(GBytes) huge_svg = wm_test_text_bytes (svg_claims);
  g_autoptr(GBytes) huge_png = wm_test_png_header (65000, 65000, 1024);
  g_autoptr(GBytes) huge_jpeg = wm_test_jpeg_header (65000, 65000, 1024);
  g_autoptr(GBytes) red_jpeg = wm_test_jpeg (40, 40);
  g_autoptr(WmDocument) document = wm_test_generate_map (2, 1, 1, 0);
  g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", "p1", "name", "Rosa Diaz", "color", "#00ff00",
                                               "photo", svg_photo, "photo-type", "image/png", NULL);
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = NULL;
  cairo_surface_t *surface, *decoded;
  const WmPersonaBox *box;
  Pixel disc;

  wm_document_append_loaded (document, WM_ELEMENT (persona));
  layout = wm_layout_new (document, style, measure);
  surface = paint (layout, NULL, WM_PAINT_DEFAULT);
  box = &g_array_index (layout->personas, WmPersonaBox, 0);
  disc = pixel_at (surface, box->photo.x + box->photo.width / 2, box->photo.y + 4);
  g_assert_cmpuint (disc.green, >, 240);
  g_assert_cmpuint (disc.red, <, 20);
  g_assert_null (wm_layout_get_photo (layout, box));
  cairo_surface_destroy (surface);

  g_assert_null (wm_photo_decode (pnm_photo, 64));
  g_assert_null (wm_photo_decode (huge_svg, 64));
  g_assert_null (wm_photo_decode (huge_png, 64));
  g_assert_null (wm_photo_decode (huge_jpeg, 64));
  /* A real JPEG still draws. */
  decoded = wm_photo_decode (red_jpeg, 64);
  g_assert_nonnull (decoded);
  g_assert_cmpuint (pixel_at (decoded, 32, 32).red, >, 240);
  cairo_surface_destroy (decoded);
}

/* Photos are scaled down while decoding, to no less than asked, their
 * shorter side exactly; the probe's messages reach the caller. */
static void
test_photo_load (void)
{
  g_autoptr(GBytes) wide_jpeg = wm_test_jpeg (2000, 1000);
  g_autoptr(GBytes) tall_png = wm_test_png (300, 600);
  g_autoptr(GBytes) small_png = wm_test_png (30, 20);
  g_autoptr(GBytes) huge_png = wm_test_png_header (65000, 65000, 1024);
  g_autoptr(GBytes) damaged_png = wm_test_png_header (30, 20, 200);
  g_autoptr(GdkPixbuf) wide = NULL, tall = NULL, small = NULL, full = NULL, refused = NULL;
  g_autoptr(GError) error = NULL;

  wide = wm_photo_load (wide_jpeg, "image/jpeg", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (wide), ==, 200);
  g_assert_cmpint (gdk_pixbuf_get_height (wide), ==, 100);
  tall = wm_photo_load (tall_png, NULL, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (tall), ==, 50);
  g_assert_cmpint (gdk_pixbuf_get_height (tall), ==, 100);
  /* Never scaled up, and 0 keeps the size. */
  small = wm_photo_load (small_png, NULL, 100, &error);
  g_assert_cmpint (gdk_pixbuf_get_width (small), ==, 30);
  full = wm_photo_load (wide_jpeg, NULL, 0, &error);
  g_assert_cmpint (gdk_pixbuf_get_width (full), ==, 2000);

  refused = wm_photo_load (tall_png, "image/jpeg", 50, &error);
  g_assert_null (refused);
  g_assert_error (error, WM_IMAGE_ERROR, WM_IMAGE_ERROR_WRONG_TYPE);
  g_clear_error (&error);
  refused = wm_photo_load (huge_png, NULL, 50, &error);
  g_assert_null (refused);
  g_assert_error (error, WM_IMAGE_ERROR, WM_IMAGE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  /* A header that passes the probe, over data that does not decode. */
  refused = wm_photo_load (damaged_png, NULL, 50, &error);
  g_assert_null (refused);
  g_assert_error (error, WM_IMAGE_ERROR, WM_IMAGE_ERROR_DAMAGED);
  g_assert_cmpstr (error->message, ==, "the picture is damaged");
}

/* The layout of a generated map of @stages × @lanes cells. */
static WmLayout *
generated_layout (int     stages,
                  int     lanes,
                  int     cards_per_cell,
                  int     personas,
                  WmTheme theme)
{
  g_autoptr(WmDocument) document = wm_test_generate_map (stages, lanes, cards_per_cell, personas);
  g_autoptr(WmStyle) style = wm_style_new (theme);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);

  return wm_layout_new (document, style, measure);
}

static void
test_transparent_and_area (void)
{
  g_autoptr(WmLayout) layout = generated_layout (3, 2, 2, 1, WM_THEME_DARK);
  const WmCardBox *card = &g_array_index (layout->cards, WmCardBox, 0);
  const WmCardBox *last = &g_array_index (layout->cards, WmCardBox, layout->cards->len - 1);
  cairo_surface_t *opaque = paint (layout, NULL, WM_PAINT_DEFAULT);
  cairo_surface_t *clear = paint (layout, NULL, WM_PAINT_TRANSPARENT);
  cairo_surface_t *partial = paint (layout, &card->rect, WM_PAINT_DEFAULT);
  Pixel margin = pixel_at (opaque, 2, 2);
  Pixel card_middle = pixel_at (partial, card->rect.x + card->rect.width - 3, card->rect.y + card->rect.height / 2);
  Pixel far_card = pixel_at (partial, last->rect.x + last->rect.width - 3, last->rect.y + last->rect.height / 2);

  /* The dark page colour, or nothing at all. */
  g_assert_cmpuint (margin.alpha, ==, 255);
  g_assert_cmpuint (margin.red, <, 60);
  g_assert_cmpuint (pixel_at (clear, 2, 2).alpha, ==, 0);
  /* Painting one card's area draws that card, and not a far one. */
  g_assert_cmpuint (card_middle.alpha, ==, 255);
  g_assert_cmpuint (far_card.alpha, ==, 0);

  cairo_surface_destroy (opaque);
  cairo_surface_destroy (clear);
  cairo_surface_destroy (partial);
}

static cairo_surface_t *
paint_part (WmLayout *layout,
            void    (*painter) (cairo_t *, WmLayout *, const WmRect *))
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) layout->width,
                                                         (int) layout->height);
  cairo_t *cr = cairo_create (surface);

  painter (cr, layout, &(WmRect) { 0, 0, layout->width, layout->height });
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
pixel_is (Pixel          pixel,
          const WmColor *color)
{
  return ABS (pixel.red - color->red * 255) <= 1 && ABS (pixel.green - color->green * 255) <= 1
         && ABS (pixel.blue - color->blue * 255) <= 1 && pixel.alpha == 255;
}

static void
paint_lane_column (cairo_t      *cr,
                   WmLayout     *layout,
                   const WmRect *area)
{
  wm_painter_paint_lane_header_column (cr, layout, area, area->y);
}

/* Whether anything but @background is painted in @rect: text, say. */
static gboolean
has_ink (cairo_surface_t *surface,
         const WmRect    *rect,
         const WmColor   *background)
{
  for (int y = (int) rect->y; y < (int) (rect->y + rect->height); y++)
    for (int x = (int) rect->x; x < (int) (rect->x + rect->width); x++)
      if (!pixel_is (pixel_at (surface, x, y), background))
        return TRUE;
  return FALSE;
}

/* The frozen panes: each paints its own headers and nothing of the cells. */
static void
test_header_panes (void)
{
  g_autoptr(WmLayout) layout = generated_layout (3, 2, 2, 1, WM_THEME_LIGHT);
  WmStyle *style = layout->style;
  const WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, 1);
  const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, 0);
  const WmCardBox *card = &g_array_index (layout->cards, WmCardBox, 0);
  cairo_surface_t *stages = paint_part (layout, wm_painter_paint_stage_header_row);
  cairo_surface_t *lanes = paint_part (layout, paint_lane_column);
  const WmColor *header = &style->palette.header_fill;

  g_assert_true (pixel_is (pixel_at (stages, column->header.x + 3, column->header.y + column->header.height - 3),
                           header));
  g_assert_cmpuint (pixel_at (stages, card->rect.x + 20, card->rect.y + 5).alpha, ==, 0);
  g_assert_cmpuint (pixel_at (stages, row->header.x + 20, row->header.y + row->header.height - 5).alpha, ==, 0);

  g_assert_true (pixel_is (pixel_at (lanes, row->header.x + 20, row->header.y + row->header.height - 5), header));
  g_assert_cmpuint (pixel_at (lanes, card->rect.x + 20, card->rect.y + 5).alpha, ==, 0);
  g_assert_cmpuint (pixel_at (lanes, column->header.x + 3, column->header.y + 3).alpha, ==, 0);

  cairo_surface_destroy (stages);
  cairo_surface_destroy (lanes);
}

/* A lane taller than the window, scrolled half out of view, keeps its
 * name in view below the frozen stage headers, and never beyond its end. */
static void
test_sticky_lane_titles (void)
{
  g_autoptr(WmLayout) layout = generated_layout (2, 2, 12, 0, WM_THEME_LIGHT);
  WmStyle *style = layout->style;
  const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, 0);
  const WmColor *header = &style->palette.header_fill;
  double text_x = row->header.x + style->card_stripe + 12;
  double middle = row->y + row->height / 2;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) layout->width,
                                                         (int) layout->height);
  cairo_t *cr = cairo_create (surface);
  WmRect area = { 0, middle, layout->width, layout->height - middle };

  g_assert_cmpfloat (row->height, >, 600);
  wm_painter_paint_lane_header_column (cr, layout, &area, middle);
  cairo_surface_flush (surface);
  g_assert_false (has_ink (surface, &(WmRect) { text_x, middle - 40, 60, 30 }, header));
  g_assert_true (has_ink (surface, &(WmRect) { text_x, middle + 12, 60, 16 }, header));

  /* Past the lane's end, the title stops at its bottom. */
  wm_painter_paint_lane_header_column (cr, layout, &area, row->y + row->height);
  cairo_surface_flush (surface);
  g_assert_true (has_ink (surface, &(WmRect) { text_x, row->y + row->height - 60, 60, 48 }, header));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

typedef struct
{
  char *text;     /* the run's lines, joined */
  double x, y;    /* where its first line begins */
  double size;
} Run;

static void
run_clear (gpointer data)
{
  g_free (((Run *) data)->text);
}

static void
on_text_run (const WmTextRun *run,
             gpointer         user_data)
{
  GString *text = g_string_new (NULL);
  Run copy = { .x = run->lines[0].x, .y = run->lines[0].y, .size = run->size };

  for (guint i = 0; i < run->n_lines; i++)
    g_string_append_len (text, run->lines[i].text, run->lines[i].length);
  copy.text = g_string_free (text, FALSE);
  g_array_append_val (user_data, copy);
}

static GArray *
paint_to_sink_with_flags (WmLayout        *layout,
                          cairo_surface_t *surface,
                          double           dx,
                          double           scale,
                          WmPaintFlags     flags);

static GArray *
paint_to_sink (WmLayout        *layout,
               cairo_surface_t *surface,
               double           dx,
               double           scale)
{
  return paint_to_sink_with_flags (layout, surface, dx, scale, WM_PAINT_DEFAULT);
}

static GArray *
paint_to_sink_with_flags (WmLayout        *layout,
                          cairo_surface_t *surface,
                          double           dx,
                          double           scale,
                          WmPaintFlags     flags)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  cairo_t *cr = cairo_create (surface);

  g_array_set_clear_func (runs, run_clear);
  cairo_translate (cr, dx, 2 * dx);
  cairo_scale (cr, scale, scale);
  wm_painter_paint_with_text_sink (cr, layout, flags, on_text_run, runs);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return runs;
}

/* With a text sink, the painter draws no words but reports each block of
 * them where it would have drawn it, the page's transformation applied:
 * a card's wrapped title is one run that reads as the title. */
static void
test_text_sink (void)
{
  g_autoptr(WmLayout) layout = generated_layout (3, 2, 2, 1, WM_THEME_LIGHT);
  const WmCardBox *card = &g_array_index (layout->cards, WmCardBox, 0);
  const char *title = wm_card_get_title (card->card);
  WmRect title_line = { card->rect.x + 20, card->rect.y + card->title_y + 2, card->rect.width - 40, 8 };
  cairo_surface_t *painted = paint (layout, NULL, WM_PAINT_DEFAULT);
  cairo_surface_t *plain = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) layout->width,
                                                       (int) layout->height);
  cairo_surface_t *moved = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  g_autoptr(GArray) runs = paint_to_sink (layout, plain, 0, 1);
  g_autoptr(GArray) moved_runs = paint_to_sink (layout, moved, 10, 2);
  Pixel background = pixel_at (plain, title_line.x, title_line.y);
  WmColor background_color = { background.red / 255.0, background.green / 255.0, background.blue / 255.0, 1 };
  gboolean found = FALSE;

  /* The words are missing from the card, and only they. */
  g_assert_cmpuint (background.alpha, ==, 255);
  g_assert_false (has_ink (plain, &title_line, &background_color));
  g_assert_true (has_ink (painted, &title_line, &background_color));

  g_assert_cmpuint (runs->len, >, layout->cards->len);
  g_assert_cmpuint (moved_runs->len, ==, runs->len);
  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = &g_array_index (runs, Run, i);
      Run *moved_run = &g_array_index (moved_runs, Run, i);

      g_assert_cmpstr (moved_run->text, ==, run->text);
      g_assert_cmpfloat_with_epsilon (moved_run->x, 10 + 2 * run->x, 1e-6);
      g_assert_cmpfloat_with_epsilon (moved_run->y, 20 + 2 * run->y, 1e-6);
      g_assert_cmpfloat_with_epsilon (moved_run->size, 2 * run->size, 1e-6);
      if (g_strcmp0 (run->text, title) == 0 && run->x > card->rect.x && run->x < card->rect.x + 40
          && run->y > card->rect.y + card->title_y && run->y < card->rect.y + card->text_y)
        found = TRUE;
    }
  g_assert_true (found);

  cairo_surface_destroy (painted);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (moved);
}

/* The painted columns of the title line of @card: where its words are. */
static void
ink_extent (cairo_surface_t *surface,
            const WmCardBox *card,
            double          *first,
            double          *last)
{
  double top = card->rect.y + 10, bottom = card->rect.y + 30;
  Pixel background = pixel_at (surface, card->rect.x + card->rect.width / 2, card->rect.y + card->rect.height - 5);

  *first = G_MAXDOUBLE;
  *last = -1;
  /* From past the stripe on the left to short of the border on the right. */
  for (double x = card->rect.x + 12; x < card->rect.x + card->rect.width - 4; x++)
    for (double y = top; y < bottom; y++)
      {
        Pixel here = pixel_at (surface, x, y);

        if (ABS (here.red - background.red) + ABS (here.green - background.green) + ABS (here.blue - background.blue) > 60)
          {
            *first = MIN (*first, x);
            *last = MAX (*last, x);
          }
      }
}

/* Words of a right-to-left language (Hebrew, Arabic) start at the right
 * of their card, as their readers expect, and English ones at the left,
 * in the same map; the stages still run left to right, whatever the
 * language (see README). */
static void
test_right_to_left_text (void)
{
  g_autoptr(WmDocument) document = wm_test_generate_map (2, 1, 0, 0);
  WmCard *hebrew = wm_edits_add_card (document, 0, 0, 0, "שלום");
  WmCard *english = wm_edits_add_card (document, 1, 0, 0, "Hello");
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = NULL;
  g_autoptr(WmLayout) layout = NULL;
  cairo_surface_t *surface;
  const WmCardBox *box;
  double first, last;

  measure = wm_text_measure_new (style);
  layout = wm_layout_new (document, style, measure);
  surface = paint (layout, NULL, WM_PAINT_DEFAULT);

  box = wm_layout_find_card (layout, hebrew);
  ink_extent (surface, box, &first, &last);
  g_assert_cmpfloat (last, >, box->rect.x + box->rect.width * 0.75);
  g_assert_cmpfloat (first, >, box->rect.x + box->rect.width / 2);

  box = wm_layout_find_card (layout, english);
  ink_extent (surface, box, &first, &last);
  g_assert_cmpfloat (first, <, box->rect.x + box->rect.width / 4);
  g_assert_cmpfloat (last, <, box->rect.x + box->rect.width / 2);
  g_assert_cmpfloat (box->rect.x, >, wm_layout_find_card (layout, hebrew)->rect.x);

  cairo_surface_destroy (surface);
}

#define BIO "Works shifts at the hospital and shares a car with her partner; " \
            "books everything on her phone in the break room."

/* A persona with something in every section, as a researcher fills one;
 * @bio and @goals, when given, replace theirs. */
static WmDocument *
map_with_full_persona (const char         *bio,
                       const char * const *goals_instead)
{
  WmDocument *document = wm_test_generate_map (2, 1, 1, 0);
  const char *goals[] = { "Book a repair without phoning", "Know the cost before saying yes", NULL };
  const char *needs[] = { "A price she can trust", "Updates without asking", NULL };
  const char *frustrations[] = { "Waiting in for a visit that never comes", NULL };
  const char *motivations[] = { "Keeping the family’s evenings free", NULL };
  const char *channels[] = { "review-site", "Neighbourhood forum", NULL };
  g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", "p1", "name", "Rosa Diaz",
                                               "role", "Nurse", "segment", "Busy parents",
                                               "quote", "I just want someone to turn up when they say.",
                                               "bio", bio != NULL ? bio : BIO,
                                               "goals", goals_instead != NULL ? goals_instead : goals, "needs", needs, "frustrations", frustrations,
                                               "motivations", motivations, "channels", channels, NULL);

  wm_document_append_loaded (document, WM_ELEMENT (persona));
  return document;
}

static WmLayout *
layout_of (WmDocument *document)
{
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);

  return wm_layout_new (document, style, measure);
}

/* The runs the painter reports inside @rect. */
static GPtrArray *
runs_inside (GArray       *runs,
             const WmRect *rect)
{
  GPtrArray *inside = g_ptr_array_new ();

  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = &g_array_index (runs, Run, i);

      if (run->x >= rect->x && run->x < rect->x + rect->width && run->y >= rect->y
          && run->y < rect->y + rect->height)
        g_ptr_array_add (inside, run);
    }
  return inside;
}

static const Run *
find_run (GPtrArray  *runs,
          const char *text)
{
  for (guint i = 0; i < runs->len; i++)
    if (g_strcmp0 (((Run *) runs->pdata[i])->text, text) == 0)
      return runs->pdata[i];
  return NULL;
}

/* Every section with content shows on the card, whole, under its heading
 * and in the persona editor's order (its words, then its lists). */
static void
test_persona_shows_every_section (void)
{
  g_autoptr(WmDocument) document = map_with_full_persona (NULL, NULL);
  g_autoptr(WmLayout) layout = layout_of (document);
  const WmPersonaBox *box = &g_array_index (layout->personas, WmPersonaBox, 0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  g_autoptr(GArray) runs = paint_to_sink (layout, surface, 0, 1);
  g_autoptr(GPtrArray) inside = runs_inside (runs, &box->rect);
  const char *expected[] = {
    "“I just want someone to turn up when they say.”",
    "BACKGROUND",
    BIO,
    "GOALS", "Book a repair without phoning", "Know the cost before saying yes",
    "NEEDS", "A price she can trust", "Updates without asking",
    "FRUSTRATIONS", "Waiting in for a visit that never comes",
    "MOTIVATIONS", "Keeping the family’s evenings free",
    "CHANNELS", "Review site", "Neighbourhood forum",
  };
  const char *order[] = { expected[0], "BACKGROUND", "GOALS", "FRUSTRATIONS", "CHANNELS" };
  double last_y = -1;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const Run *run = find_run (inside, expected[i]);

      if (run == NULL)
        g_error ("the persona card does not show “%s” whole", expected[i]);
    }
  for (guint i = 0; i < inside->len; i++)
    g_assert_null (strstr (((Run *) inside->pdata[i])->text, "…"));
  /* Down the card in the editor's order; needs beside goals. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const Run *run = find_run (inside, order[i]);

      g_assert_cmpfloat (run->y, >, last_y);
      last_y = run->y;
    }
  g_assert_cmpfloat_with_epsilon (find_run (inside, "NEEDS")->y, find_run (inside, "GOALS")->y, 1e-6);
  g_assert_cmpfloat (find_run (inside, "NEEDS")->x, >, find_run (inside, "GOALS")->x);
  /* And nothing is drawn past the card's edge. */
  for (guint i = 0; i < box->n_sections; i++)
    g_assert_true (wm_rect_contains_rect (&box->rect, &box->sections[i].rect, 0.5));

  cairo_surface_destroy (surface);
}

/* A persona pasted from an interview (a background of 10,000 characters,
 * 200 long goals) is still a card: bounded in height, every section
 * present, and saying what it leaves out. */
static void
test_huge_persona_is_bounded (void)
{
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GString) bio = g_string_new (NULL);
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WmLayout) layout = NULL;
  const WmPersonaBox *box;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GPtrArray) inside = NULL;

  while (bio->len < 10000)
    g_string_append (bio, "She talks about the boiler again. ");
  for (guint i = 0; i < 200; i++)
    g_ptr_array_add (goals, g_strdup_printf ("Goal %u: get the boiler fixed before the winter comes back "
                                             "and the children start school again in the autumn", i));
  g_ptr_array_add (goals, NULL);
  document = map_with_full_persona (bio->str, (const char * const *) goals->pdata);
  layout = layout_of (document);
  box = &g_array_index (layout->personas, WmPersonaBox, 0);
  g_assert_cmpuint (box->n_sections, ==, 7);
  g_assert_cmpfloat (box->rect.height, <, 1600);
  runs = paint_to_sink (layout, surface, 0, 1);
  inside = runs_inside (runs, &box->rect);
  g_assert_nonnull (find_run (inside, "Full text in the persona editor"));
  for (guint i = 0; i < box->n_sections; i++)
    if (box->sections[i].n_more > 0)
      {
        g_autofree char *more = g_strdup_printf ("+%u more", box->sections[i].n_more);

        g_assert_cmpuint (box->sections[i].n_items + box->sections[i].n_more, ==, 200);
        g_assert_nonnull (find_run (inside, more));
      }
  g_assert_nonnull (find_run (inside, "NEEDS"));
  g_assert_nonnull (find_run (inside, "Neighbourhood forum"));

  cairo_surface_destroy (surface);
}

static gboolean
runs_hold (GArray     *runs,
           const char *text)
{
  for (guint i = 0; i < runs->len; i++)
    if (g_strcmp0 (g_array_index (runs, Run, i).text, text) == 0)
      return TRUE;
  return FALSE;
}

/* Hints show in empty fields only when the editor asks for them, and an
 * empty card keeps the same room either way: what is exported is what
 * the canvas shows, less the guidance. */
static void
test_hints_only_on_request (void)
{
  g_autoptr(WmDocument) document = wm_test_generate_map (2, 1, 1, 1);
  g_autoptr(WmCard) card = g_list_model_get_item (wm_document_get_cards (document), 0);
  g_autoptr(WmPersona) persona = g_list_model_get_item (wm_document_get_personas (document), 0);
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = NULL;
  g_autoptr(GArray) exported = NULL;
  g_autoptr(GArray) shown = NULL;
  cairo_surface_t *surface;
  const WmCardBox *box;

  wm_document_set_string (document, WM_ELEMENT (card), "title", "");
  wm_document_set_string (document, WM_ELEMENT (card), "text", "");
  wm_document_set_string (document, WM_ELEMENT (card), "hint-title", "What does the customer do here?");
  wm_document_set_string (document, WM_ELEMENT (persona), "name", "");
  wm_document_set_string (document, WM_ELEMENT (persona), "hint-name", "Your persona");
  layout = wm_layout_new (document, style, measure);
  box = wm_layout_find_card (layout, card);
  g_assert_cmpint (box->title_lines, >, 0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) layout->width, (int) layout->height);
  exported = paint_to_sink (layout, surface, 0, 1);
  shown = paint_to_sink_with_flags (layout, surface, 0, 1, WM_PAINT_HINTS);
  g_assert_false (runs_hold (exported, "What does the customer do here?"));
  g_assert_false (runs_hold (exported, "Your persona"));
  g_assert_true (runs_hold (shown, "What does the customer do here?"));
  g_assert_true (runs_hold (shown, "Your persona"));
  cairo_surface_destroy (surface);
}

/* Clears the map's and its personas' hints, which live in "hints"
 * objects; a card's title hint is another matter (its room is kept in
 * exports too). */
static void
clear_header_hints (WmDocument *document)
{
  GListModel *personas = wm_document_get_personas (document);
  const WmFieldInfo *field;

  for (field = wm_element_info_lookup (WM_TYPE_DOCUMENT)->fields; field->key != NULL; field++)
    if (g_strcmp0 (field->object, "hints") == 0)
      wm_document_set_string (document, WM_ELEMENT (document), field->property, "");
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(WmPersona) persona = g_list_model_get_item (personas, i);

      for (field = wm_element_info_lookup (WM_TYPE_PERSONA)->fields; field->key != NULL; field++)
        if (g_strcmp0 (field->object, "hints") == 0)
          wm_document_set_string (document, WM_ELEMENT (persona), field->property, "");
    }
}

/* A new map from a template holds hints for its goal, its scope and its
 * persona's fields. The editor's canvas shows every one of them greyed
 * where the field is empty, an empty persona section under its heading,
 * and keeps room for them; an export shows none and is laid out as if
 * the map had no hints at all. */
static void
test_template_hints_on_canvas_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WmDocument) document = wm_template_instantiate (WM_MAP_KIND_CURRENT_STATE, &error);
  g_autoptr(WmDocument) unhinted = wm_template_instantiate (WM_MAP_KIND_CURRENT_STATE, &error);
  g_autoptr(WmPersona) persona = NULL;
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) canvas = NULL;
  g_autoptr(WmLayout) exported = NULL;
  g_autoptr(WmLayout) plain = NULL;
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GArray) printed = NULL;
  g_autoptr(GString) hints_said = g_string_new (NULL);
  g_autofree char *described = NULL;
  g_autofree char *exported_description = NULL;
  cairo_surface_t *surface;
  const char *hints[] = { "goal", "scope", "role", "quote", "bio", "goals", "needs",
                          "frustrations", "motivations", "channels" };
  const char *headings[] = { "BACKGROUND", "GOALS", "NEEDS", "FRUSTRATIONS", "MOTIVATIONS", "CHANNELS" };

  g_assert_no_error (error);
  persona = g_list_model_get_item (wm_document_get_personas (document), 0);
  g_assert_cmpstr (wm_document_get_goal (document), ==, "");
  g_assert_cmpstr (wm_persona_get_role (persona), ==, "");

  canvas = wm_layout_new_cached (document, style, measure, NULL, WM_LAYOUT_HINTS);
  exported = wm_layout_new (document, style, measure);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) canvas->width, (int) canvas->height);
  shown = paint_to_sink_with_flags (canvas, surface, 0, 1, WM_PAINT_HINTS);
  printed = paint_to_sink (exported, surface, 0, 1);
  for (guint i = 0; i < G_N_ELEMENTS (hints); i++)
    {
      WmElement *element = i < 2 ? WM_ELEMENT (document) : WM_ELEMENT (persona);
      const char *hint = wm_element_get_hint (element, hints[i]);

      g_assert_cmpstr (hint, !=, "");
      if (!runs_hold (shown, hint))
        g_error ("the canvas does not show the %s hint “%s”", hints[i], hint);
      if (runs_hold (printed, hint))
        g_error ("an export shows the %s hint “%s”", hints[i], hint);
    }
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_assert_true (runs_hold (shown, headings[i]));
      g_assert_false (runs_hold (printed, headings[i]));
    }
  /* The canvas makes room for them below the title and on the card. */
  g_assert_cmpint (canvas->goal_lines, >, 0);
  g_assert_cmpint (canvas->scope_lines, >, 0);
  g_assert_cmpfloat (canvas->height, >, exported->height);

  /* An export is laid out exactly as the same map without hints. */
  clear_header_hints (unhinted);
  plain = wm_layout_new (unhinted, style, measure);
  g_assert_cmpfloat (exported->width, ==, plain->width);
  g_assert_cmpfloat (exported->height, ==, plain->height);
  g_assert_cmpfloat (exported->grid.y, ==, plain->grid.y);
  g_assert_cmpint (exported->goal_lines, ==, 0);
  g_assert_cmpint (exported->scope_lines, ==, 0);
  g_assert_cmpuint (g_array_index (exported->personas, WmPersonaBox, 0).n_sections, ==, 0);

  /* A screen reader hears the hints the canvas shows, as hints. */
  described = wm_persona_sections_describe (persona, TRUE);
  exported_description = wm_persona_sections_describe (persona, FALSE);
  g_string_printf (hints_said, "Goals: Hint: %s", wm_element_get_hint (WM_ELEMENT (persona), "goals"));
  g_assert_nonnull (strstr (described, hints_said->str));
  g_string_printf (hints_said, "Role: Hint: %s", wm_element_get_hint (WM_ELEMENT (persona), "role"));
  g_assert_nonnull (strstr (described, hints_said->str));
  g_assert_cmpstr (exported_description, ==, "");
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/painter/persona-photo-and-initials", test_persona_photo_and_initials);
  g_test_add_func ("/painter/refused-photo-shows-initials", test_refused_photo_shows_initials);
  g_test_add_func ("/painter/photo-load", test_photo_load);
  g_test_add_func ("/painter/transparent-and-area", test_transparent_and_area);
  g_test_add_func ("/painter/header-panes", test_header_panes);
  g_test_add_func ("/painter/sticky-lane-titles", test_sticky_lane_titles);
  g_test_add_func ("/painter/text-sink", test_text_sink);
  g_test_add_func ("/painter/right-to-left-text", test_right_to_left_text);
  g_test_add_func ("/painter/persona-shows-every-section", test_persona_shows_every_section);
  g_test_add_func ("/painter/huge-persona-is-bounded", test_huge_persona_is_bounded);
  g_test_add_func ("/painter/hints-only-on-request", test_hints_only_on_request);
  g_test_add_func ("/painter/template-hints-on-canvas-only", test_template_hints_on_canvas_only);

  return g_test_run ();
}
