/* test-glyphs.c: every pictogram inks its square and nothing outside it,
 * channels are told apart, faces change with the mood, and the caller's
 * cairo state survives.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>

#include "wm-channels.h"
#include "wm-enums.h"
#include "wm-glyphs.h"

#define CANVAS 96
#define MARGIN 24

typedef void (*DrawFunc) (cairo_t *cr, double size, gconstpointer data);

/* Draws into the square (MARGIN, MARGIN, size) of a transparent canvas
 * and returns the canvas, after checking that the ink stays inside. */
static cairo_surface_t *
draw_checked (DrawFunc       draw,
              double         size,
              gconstpointer  data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, CANVAS, CANVAS);
  cairo_t *cr = cairo_create (surface);
  const guint8 *pixels;
  int stride = cairo_image_surface_get_stride (surface);
  guint inked = 0;

  cairo_set_source_rgb (cr, 0.2, 0.3, 0.4);
  cairo_set_line_width (cr, 7);
  cairo_move_to (cr, 3, 5);
  draw (cr, size, data);

  /* Like cairo_fill(), a glyph consumes the path; the caller's line
   * width and the rest of its state are left as they were. */
  g_assert_false (cairo_has_current_point (cr));
  g_assert_cmpfloat (cairo_get_line_width (cr), ==, 7);
  g_assert_cmpint (cairo_get_line_cap (cr), ==, CAIRO_LINE_CAP_BUTT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int y = 0; y < CANVAS; y++)
    for (int x = 0; x < CANVAS; x++)
      {
        guint8 alpha = pixels[y * stride + x * 4 + 3];

        if (alpha == 0)
          continue;
        inked++;
        /* One pixel of antialiasing may spill over. */
        if (x < MARGIN - 1 || y < MARGIN - 1 || x > MARGIN + size || y > MARGIN + size)
          g_error ("ink at (%d, %d), outside the %.0f px square", x, y, size);
      }
  g_assert_cmpuint (inked, >, size * size / 20);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) cairo_image_surface_get_stride (a) * CANVAS) == 0;
}

static void
draw_channel (cairo_t       *cr,
              double         size,
              gconstpointer  data)
{
  wm_glyph_draw_channel (cr, data, MARGIN, MARGIN, size);
}

static void
test_channels (void)
{
  guint n_channels;
  const WmChannel *channels = wm_channels_get_all (&n_channels);
  double sizes[] = { 16, 48 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GPtrArray) drawn = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

      for (guint i = 0; i < n_channels; i++)
        {
          g_assert_true (wm_glyph_has_channel (channels[i].id));
          g_ptr_array_add (drawn, draw_checked (draw_channel, sizes[s], channels[i].id));
        }
      /* Free text gets the generic mark, which is none of the others. */
      g_assert_false (wm_glyph_has_channel ("carrier pigeon"));
      g_ptr_array_add (drawn, draw_checked (draw_channel, sizes[s], "carrier pigeon"));

      for (guint i = 0; i < drawn->len; i++)
        for (guint j = i + 1; j < drawn->len; j++)
          if (same_pixels (g_ptr_array_index (drawn, i), g_ptr_array_index (drawn, j)))
            g_error ("glyphs %u and %u look the same at %.0f px", i, j, sizes[s]);
    }
}

static void
draw_face (cairo_t       *cr,
           double         size,
           gconstpointer  data)
{
  const WmColor fill = { 0.95, 0.8, 0.2, 1 }, ink = { 0.1, 0.1, 0.15, 1 };

  wm_glyph_draw_face (cr, *(const double *) data, MARGIN + size / 2, MARGIN + size / 2, size / 2, &fill, &ink);
}

static void
test_faces (void)
{
  double moods[] = { -1, -0.5, 0, 0.5, 1 };
  cairo_surface_t *drawn[G_N_ELEMENTS (moods)];

  for (guint i = 0; i < G_N_ELEMENTS (moods); i++)
    drawn[i] = draw_checked (draw_face, 24, &moods[i]);
  for (guint i = 0; i < G_N_ELEMENTS (moods); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (moods); j++)
      g_assert_false (same_pixels (drawn[i], drawn[j]));
  for (guint i = 0; i < G_N_ELEMENTS (moods); i++)
    cairo_surface_destroy (drawn[i]);
}

static void
draw_badge (cairo_t       *cr,
            double         size,
            gconstpointer  data)
{
  int which = GPOINTER_TO_INT (data);

  if (which <= WM_CARD_QUALITY_MISSING)
    wm_glyph_draw_quality (cr, which, MARGIN, MARGIN, size);
  else if (which == 10)
    wm_glyph_draw_warning (cr, MARGIN, MARGIN, size);
  else
    wm_glyph_draw_lightbulb (cr, MARGIN, MARGIN, size);
}

static void
test_badges (void)
{
  int badges[] = { WM_CARD_QUALITY_GOOD, WM_CARD_QUALITY_BAD, WM_CARD_QUALITY_MISSING, 10, 11 };

  for (guint i = 0; i < G_N_ELEMENTS (badges); i++)
    cairo_surface_destroy (draw_checked (draw_badge, 16, GINT_TO_POINTER (badges[i])));
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* Vector output takes every glyph without complaint. */
static void
test_pdf (void)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, NULL, 400, 400);
  cairo_t *cr = cairo_create (surface);
  guint n_channels;
  const WmChannel *channels = wm_channels_get_all (&n_channels);
  const WmColor fill = { 1, 1, 0, 1 }, ink = { 0, 0, 0, 1 };

  for (guint i = 0; i < n_channels; i++)
    wm_glyph_draw_channel (cr, channels[i].id, 20 * i, 10, 16);
  wm_glyph_draw_face (cr, -1, 50, 50, 20, &fill, &ink);
  wm_glyph_draw_quality (cr, WM_CARD_QUALITY_MISSING, 100, 100, 16);
  wm_glyph_draw_persona_placeholder (cr, 200, 200, 30);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/glyphs/channels", test_channels);
  g_test_add_func ("/glyphs/faces", test_faces);
  g_test_add_func ("/glyphs/badges", test_badges);
  g_test_add_func ("/glyphs/pdf", test_pdf);

  return g_test_run ();
}
