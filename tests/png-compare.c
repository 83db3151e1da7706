/* png-compare.c: what the export tests need to know about a PNG, read
 * with cairo: "WIDTH HEIGHT HAS_ALPHA COLOURS" for one image, and with a
 * second image, how many pixels differ by more than a small tolerance.
 *   png-compare IMAGE [REFERENCE]
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>

#define TOLERANCE 48

static cairo_surface_t *
load (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "%s: %s\n", path, cairo_status_to_string (cairo_surface_status (surface)));
      exit (1);
    }
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return ((const guint32 *) (data + (gsize) y * cairo_image_surface_get_stride (surface)))[x];
}

int
main (int   argc,
      char *argv[])
{
  cairo_surface_t *image;
  int width, height;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  if (argc < 2)
    {
      fprintf (stderr, "usage: png-compare IMAGE [REFERENCE]\n");
      return 2;
    }
  image = load (argv[1]);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  for (int y = 0; y < height; y += 7)
    for (int x = 0; x < width; x += 3)
      g_hash_table_add (colours, GUINT_TO_POINTER (pixel_at (image, x, y)));
  printf ("%d %d %d %u", width, height, cairo_image_surface_get_format (image) == CAIRO_FORMAT_ARGB32,
          g_hash_table_size (colours));

  if (argc > 2)
    {
      cairo_surface_t *reference = load (argv[2]);
      long differing = 0;

      if (cairo_image_surface_get_width (reference) != width || cairo_image_surface_get_height (reference) != height)
        differing = -1;
      else
        for (int y = 0; y < height; y++)
          for (int x = 0; x < width; x++)
            {
              guint32 a = pixel_at (image, x, y), b = pixel_at (reference, x, y);
              int worst = 0;

              for (int shift = 0; shift < 32; shift += 8)
                worst = MAX (worst, abs ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)));
              differing += worst > TOLERANCE;
            }
      printf (" %ld", differing);
      cairo_surface_destroy (reference);
    }
  printf ("\n");
  cairo_surface_destroy (image);
  return 0;
}
