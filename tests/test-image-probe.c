/* test-image-probe.c: which pictures Waymark agrees to decode, read from
 * their first bytes: PNG and JPEG of at most WM_IMAGE_MAX_PIXELS, of the
 * type they are said to be, and nothing that lies about its size, hides
 * another format or ends too soon.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-image-probe.h"
#include "wm-test-images.h"

/* Probes @bytes and returns the message a user would see, or NULL. */
static char *
probe_message (GBytes      *bytes,
               const char  *media_type,
               int          expected_code)
{
  g_autoptr(GError) error = NULL;
  WmImageInfo info;

  if (wm_image_probe_bytes (bytes, media_type, &info, &error))
    {
      g_assert_no_error (error);
      return NULL;
    }
  g_assert_error (error, WM_IMAGE_ERROR, expected_code);
  return g_strdup (error->message);
}

static GBytes *
bytes_of (const guint8 *data,
          gsize         length)
{
  return g_bytes_new (data, length);
}

static void
test_real_pictures (void)
{
  g_autoptr(GBytes) png = wm_test_png (40, 30);
  g_autoptr(GBytes) jpeg = wm_test_jpeg (64, 48);
  WmImageInfo info;

  g_assert_true (wm_image_probe_bytes (png, "image/png", &info, NULL));
  g_assert_cmpint (info.type, ==, WM_IMAGE_TYPE_PNG);
  g_assert_cmpuint (info.width, ==, 40);
  g_assert_cmpuint (info.height, ==, 30);
  g_assert_cmpstr (wm_image_type_to_media_type (info.type), ==, "image/png");

  g_assert_true (wm_image_probe_bytes (jpeg, NULL, &info, NULL));
  g_assert_cmpint (info.type, ==, WM_IMAGE_TYPE_JPEG);
  g_assert_cmpuint (info.width, ==, 64);
  g_assert_cmpuint (info.height, ==, 48);
  g_assert_cmpstr (wm_image_type_to_media_type (info.type), ==, "image/jpeg");
}

/* 1 KB that claims 65,000 × 65,000 pixels: 17 GB once decoded. */
static void
test_too_many_pixels (void)
{
  g_autoptr(GBytes) png = wm_test_png_header (65000, 65000, 1024);
  g_autoptr(GBytes) jpeg = wm_test_jpeg_header (65000, 65000, 1024);
  g_autoptr(GBytes) at_limit = wm_test_png_header (10000, 5000, 0);
  g_autoptr(GBytes) past_limit = wm_test_jpeg_header (10000, 5001, 0);
  g_autoptr(GBytes) widest = wm_test_png_header (0x7fffffff, 0x7fffffff, 0);
  g_autofree char *png_message = probe_message (png, "image/png", WM_IMAGE_ERROR_TOO_LARGE);
  g_autofree char *jpeg_message = probe_message (jpeg, NULL, WM_IMAGE_ERROR_TOO_LARGE);
  g_autofree char *past_message = probe_message (past_limit, NULL, WM_IMAGE_ERROR_TOO_LARGE);
  g_autofree char *widest_message = probe_message (widest, NULL, WM_IMAGE_ERROR_TOO_LARGE);
  WmImageInfo info;

  g_assert_cmpstr (png_message, ==, "the picture is 65000 × 65000 pixels; Waymark takes pictures of at most 50 megapixels");
  g_assert_cmpstr (jpeg_message, ==, png_message);
  g_assert_cmpstr (past_message, ==, "the picture is 10000 × 5001 pixels; Waymark takes pictures of at most 50 megapixels");
  /* The count does not wrap around. */
  g_assert_cmpstr (widest_message, ==,
                   "the picture is 2147483647 × 2147483647 pixels; Waymark takes pictures of at most 50 megapixels");

  g_assert_true (wm_image_probe_bytes (at_limit, NULL, &info, NULL));
  g_assert_cmpuint (info.width, ==, 10000);
  g_assert_cmpuint (info.height, ==, 5000);
}

/* Formats a general image decoder would also read are refused, whatever
 * they claim to be. */
static void
test_other_formats (void)
{
  const char *others[] = {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"65000\" height=\"65000\"><rect width=\"65000\" height=\"65000\"/></svg>",
    "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
    "P6\n65000 65000\n255\n",
    "P1\n4 4\n0101\n",
    "GIF89a\xe8\xfd\xe8\xfd\x80\x00\x00",
    "BM",
    "RIFF\x10\x00\x00\x00WEBPVP8 ",
    "II*\0",
    "",
    "\x89PNG",           /* a PNG signature cut short */
    "\xff\xd8",          /* a JPEG signature cut short */
  };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(GBytes) bytes = wm_test_text_bytes (others[i]);
      g_autofree char *any = probe_message (bytes, NULL, WM_IMAGE_ERROR_NOT_SUPPORTED);
      g_autofree char *as_png = probe_message (bytes, "image/png", WM_IMAGE_ERROR_NOT_SUPPORTED);

      g_assert_cmpstr (any, ==, "not a PNG or JPEG picture");
      g_assert_cmpstr (as_png, ==, any);
    }
}

static void
test_declared_type (void)
{
  g_autoptr(GBytes) png = wm_test_png (4, 4);
  g_autoptr(GBytes) jpeg = wm_test_jpeg (4, 4);
  g_autofree char *png_as_jpeg = probe_message (png, "image/jpeg", WM_IMAGE_ERROR_WRONG_TYPE);
  g_autofree char *jpeg_as_png = probe_message (jpeg, "image/png", WM_IMAGE_ERROR_WRONG_TYPE);
  g_autofree char *gif = probe_message (png, "image/gif", WM_IMAGE_ERROR_NOT_SUPPORTED);

  g_assert_cmpstr (png_as_jpeg, ==, "the picture is a PNG but is marked as “image/jpeg”");
  g_assert_cmpstr (jpeg_as_png, ==, "the picture is a JPEG but is marked as “image/png”");
  g_assert_cmpstr (gif, ==, "“image/gif” is not a supported picture type; use PNG or JPEG");
}

static void
assert_damaged (const guint8 *data,
                gsize         length)
{
  g_autoptr(GBytes) bytes = bytes_of (data, length);
  g_autofree char *message = probe_message (bytes, NULL, WM_IMAGE_ERROR_DAMAGED);

  g_assert_cmpstr (message, ==, "the picture’s header is damaged");
}

static void
test_damaged_png (void)
{
  g_autoptr(GBytes) good = wm_test_png_header (10, 10, 0);
  g_autoptr(GBytes) zero_width = wm_test_png_header (0, 10, 0);
  g_autoptr(GBytes) too_wide = wm_test_png_header (0x80000000u, 1, 0);
  gsize length;
  const guint8 *data = g_bytes_get_data (good, &length);
  g_autofree guint8 *other_chunk = g_memdup2 (data, length);
  g_autofree guint8 *long_header = g_memdup2 (data, length);

  /* Every cut of the header, past the signature. */
  for (gsize cut = 8; cut < length; cut++)
    assert_damaged (data, cut);
  assert_damaged (g_bytes_get_data (zero_width, NULL), length);
  assert_damaged (g_bytes_get_data (too_wide, NULL), length);
  /* The first chunk must be IHDR, of its own length. */
  memcpy (other_chunk + 12, "IDAT", 4);
  assert_damaged (other_chunk, length);
  long_header[11] = 14;
  assert_damaged (long_header, length);
}

static void
test_damaged_jpeg (void)
{
  g_autoptr(GBytes) good = wm_test_jpeg_header (100, 80, 0);
  gsize length;
  const guint8 *data = g_bytes_get_data (good, &length);
  /* SOI, then an APP0 segment saying it is 0x4000 bytes long. */
  static const guint8 past_end[] = { 0xff, 0xd8, 0xff, 0xe0, 0x40, 0x00, 'J', 'F', 'I', 'F', 0 };
  /* Lengths of 0 and 1 would not move the walk forward. */
  static const guint8 length_zero[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0 };
  static const guint8 length_one[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 1, 0xff, 0xc0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0 };
  /* Compressed data, or the end, before any frame. */
  static const guint8 scan_first[] = { 0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff, 0xc0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0 };
  static const guint8 end_first[] = { 0xff, 0xd8, 0xff, 0xd9, 0xff, 0xc0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0 };
  static const guint8 two_starts[] = { 0xff, 0xd8, 0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0 };
  /* A stuffed zero is not a marker. */
  static const guint8 stuffed[] = { 0xff, 0xd8, 0xff, 0x00, 0xff, 0xc0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0 };
  /* Bytes between segments that are not a marker. */
  static const guint8 garbage[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 2, 0x12, 0xff, 0xc0, 0, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0 };
  /* A frame header too short to hold a size, and one of no height (a
   * DNL marker would give it later, which decoders do not support). */
  static const guint8 short_frame[] = { 0xff, 0xd8, 0xff, 0xc0, 0, 6, 8, 0, 8, 0 };
  static const guint8 no_height[] = { 0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 0, 0, 8, 1, 1, 0x11, 0 };
  g_autofree guint8 *only_fill = g_malloc (1024 * 1024);

  /* Every cut of the header, past the signature. */
  for (gsize cut = 3; cut < length; cut++)
    assert_damaged (data, cut);
  assert_damaged (past_end, sizeof past_end);
  assert_damaged (length_zero, sizeof length_zero);
  assert_damaged (length_one, sizeof length_one);
  assert_damaged (scan_first, sizeof scan_first);
  assert_damaged (end_first, sizeof end_first);
  assert_damaged (two_starts, sizeof two_starts);
  assert_damaged (stuffed, sizeof stuffed);
  assert_damaged (garbage, sizeof garbage);
  assert_damaged (short_frame, sizeof short_frame);
  assert_damaged (no_height, sizeof no_height);

  /* A megabyte of fill bytes after SOI, and no marker. */
  memset (only_fill, 0xff, 1024 * 1024);
  only_fill[1] = 0xd8;
  assert_damaged (only_fill, 1024 * 1024);
}

static void
assert_jpeg_size (const guint8 *data,
                  gsize         length,
                  guint         width,
                  guint         height)
{
  g_autoptr(GBytes) bytes = bytes_of (data, length);
  g_autoptr(GError) error = NULL;
  WmImageInfo info;

  g_assert_true (wm_image_probe_bytes (bytes, "image/jpeg", &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.type, ==, WM_IMAGE_TYPE_JPEG);
  g_assert_cmpuint (info.width, ==, width);
  g_assert_cmpuint (info.height, ==, height);
}

/* The frame is found past what may come before it, as the decoder
 * finds it. */
static void
test_jpeg_walk (void)
{
  /* Fill bytes before markers. */
  static const guint8 fill[] = { 0xff, 0xd8, 0xff, 0xff, 0xff, 0xe0, 0, 2, 0xff, 0xff, 0xc0, 0, 11, 8, 0, 20, 0, 30, 1, 1, 0x11, 0 };
  /* Markers without a length: TEM and RST0-7. */
  static const guint8 standalone[] = { 0xff, 0xd8, 0xff, 0x01, 0xff, 0xd0, 0xff, 0xd7, 0xff, 0xc0, 0, 11, 8, 0, 20, 0, 30, 1, 1, 0x11, 0 };
  /* DHT (C4), JPG (C8) and DAC (CC) sit among the frame markers but are
   * not frames: the sizes inside them are not the picture's. */
  static const guint8 tables[] = {
    0xff, 0xd8,
    0xff, 0xc4, 0, 7, 0, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xc8, 0, 7, 0, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xcc, 0, 7, 0, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xc2, 0, 11, 8, 0, 20, 0, 30, 1, 1, 0x11, 0,
  };
  /* A marker's segment may hold 0xFF bytes that look like markers. */
  static const guint8 comment[] = {
    0xff, 0xd8, 0xff, 0xfe, 0, 12, 0xff, 0xc0, 0, 11, 8, 0xff, 0xff, 0xff, 0xff, 1,
    0xff, 0xcf, 0, 11, 8, 0, 20, 0, 30, 1, 1, 0x11, 0,
  };
  guint8 every_frame[] = { 0xff, 0xd8, 0xff, 0, 0, 8, 8, 0, 20, 0, 30, 1 };
  static const guint8 frames[] = { 0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf };

  assert_jpeg_size (fill, sizeof fill, 30, 20);
  assert_jpeg_size (standalone, sizeof standalone, 30, 20);
  assert_jpeg_size (tables, sizeof tables, 30, 20);
  assert_jpeg_size (comment, sizeof comment, 30, 20);
  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      every_frame[3] = frames[i];
      assert_jpeg_size (every_frame, sizeof every_frame, 30, 20);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/image-probe/real-pictures", test_real_pictures);
  g_test_add_func ("/image-probe/too-many-pixels", test_too_many_pixels);
  g_test_add_func ("/image-probe/other-formats", test_other_formats);
  g_test_add_func ("/image-probe/declared-type", test_declared_type);
  g_test_add_func ("/image-probe/damaged-png", test_damaged_png);
  g_test_add_func ("/image-probe/damaged-jpeg", test_damaged_jpeg);
  g_test_add_func ("/image-probe/jpeg-walk", test_jpeg_walk);

  return g_test_run ();
}
