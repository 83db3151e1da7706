/* wm-test-images.c: pictures made byte by byte for tests.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "wm-test-images.h"

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A real PNG of one colour, red, as a persona photo would hold. */
GBytes *
wm_test_png (int width,
             int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *bytes = g_byte_array_new ();

  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, bytes), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

/* A real JPEG of one colour, red. */
GBytes *
wm_test_jpeg (int width,
              int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, 0xff0000ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, length);
}

static void
pad (GByteArray *bytes,
     gsize       pad_to)
{
  static const guint8 zero = 0;

  while (bytes->len < pad_to)
    g_byte_array_append (bytes, &zero, 1);
}

static void
append_be (GByteArray *bytes,
           guint32     value,
           int         size)
{
  for (int shift = (size - 1) * 8; shift >= 0; shift -= 8)
    {
      guint8 byte = (value >> shift) & 0xff;

      g_byte_array_append (bytes, &byte, 1);
    }
}

/* A PNG signature and IHDR chunk claiming @width × @height, then zeros
 * up to @pad_to bytes: what a hostile file needs, and no more. */
GBytes *
wm_test_png_header (guint32 width,
                    guint32 height,
                    gsize   pad_to)
{
  static const guint8 start[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  static const guint8 rest[] = { 8, 6, 0, 0, 0, 0, 0, 0, 0 };  /* RGBA, 8 bits; a CRC of zero */
  GByteArray *bytes = g_byte_array_new ();

  g_byte_array_append (bytes, start, sizeof start);
  append_be (bytes, width, 4);
  append_be (bytes, height, 4);
  g_byte_array_append (bytes, rest, sizeof rest);
  pad (bytes, pad_to);
  return g_byte_array_free_to_bytes (bytes);
}

/* SOI, a JFIF APP0 segment, a baseline frame header claiming @width ×
 * @height with three components, then zeros up to @pad_to bytes. */
GBytes *
wm_test_jpeg_header (guint width,
                     guint height,
                     gsize pad_to)
{
  static const guint8 start[] = {
    0xff, 0xd8,
    0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
    0xff, 0xc0, 0, 17, 8,
  };
  static const guint8 components[] = { 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1 };
  GByteArray *bytes = g_byte_array_new ();

  g_byte_array_append (bytes, start, sizeof start);
  append_be (bytes, height, 2);
  append_be (bytes, width, 2);
  append_be (bytes, 3, 1);
  g_byte_array_append (bytes, components, sizeof components);
  pad (bytes, pad_to);
  return g_byte_array_free_to_bytes (bytes);
}

GBytes *
wm_test_text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* A valid map but for, perhaps, its one persona's photo. */
char *
wm_test_map_with_photo (const char *media_type,
                        GBytes     *photo)
{
  g_autofree char *data = g_base64_encode (g_bytes_get_data (photo, NULL), g_bytes_get_size (photo));

  return g_strdup_printf ("{\"format\": \"waymark\", \"version\": 1, \"id\": \"m\", \"title\": \"T\","
                          " \"kind\": \"custom\","
                          " \"personas\": [{\"id\": \"p\", \"name\": \"Rosa Diaz\","
                          " \"photo\": {\"media_type\": \"%s\", \"data\": \"%s\"}}],"
                          " \"stages\": [{\"id\": \"s\", \"name\": \"S\"}],"
                          " \"lanes\": [{\"id\": \"l\", \"title\": \"L\", \"kind\": \"text\"}]}",
                          media_type, data);
}
