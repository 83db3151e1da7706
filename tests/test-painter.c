/* test-painter.c: what the painter puts where the layout says: persona
 * photos and initials, the page colour or none, and only the asked-for
 * area.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-document-private.h"
#include "wm-painter.h"
#include "wm-test-map.h"

typedef struct
{
  guint8 red, green, blue, alpha;
} Pixel;

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A small PNG of one colour, as a persona photo would hold. */
static GBytes *
solid_png (double red,
           double green,
           double blue)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 30);
  cairo_t *cr = cairo_create (surface);
  GByteArray *bytes = g_byte_array_new ();

  cairo_set_source_rgb (cr, red, green, blue);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

static WmDocument *
map_with_personas (void)
{
  WmDocument *document = wm_test_generate_map (2, 1, 1, 0);
  g_autoptr(GBytes) photo = solid_png (1, 0, 0);
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

static void
test_transparent_and_area (void)
{
  g_autoptr(WmDocument) document = wm_test_generate_map (3, 2, 2, 1);
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_DARK);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = wm_layout_new (document, style, measure);
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

/* The frozen panes: each paints its own headers and nothing of the cells. */
static void
test_header_panes (void)
{
  g_autoptr(WmDocument) document = wm_test_generate_map (3, 2, 2, 1);
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = wm_layout_new (document, style, measure);
  const WmStageColumn *column = &g_array_index (layout->columns, WmStageColumn, 1);
  const WmLaneRow *row = &g_array_index (layout->rows, WmLaneRow, 0);
  const WmCardBox *card = &g_array_index (layout->cards, WmCardBox, 0);
  cairo_surface_t *stages = paint_part (layout, wm_painter_paint_stage_header_row);
  cairo_surface_t *lanes = paint_part (layout, wm_painter_paint_lane_header_column);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/painter/persona-photo-and-initials", test_persona_photo_and_initials);
  g_test_add_func ("/painter/transparent-and-area", test_transparent_and_area);
  g_test_add_func ("/painter/header-panes", test_header_panes);

  return g_test_run ();
}
