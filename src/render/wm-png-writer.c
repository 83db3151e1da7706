/* wm-png-writer.c: a map to PNG, a band of rows at a time.
 *
 * A 10,000-card map is close to 200 megapixels at 1×. Painting it into
 * one image surface would take most of a gigabyte, so the painter fills
 * a band of rows, libpng compresses it, and the band is reused: memory
 * stays flat whatever the map's height, and a second thread compresses
 * one band while the next is painted. Each band is painted with the
 * map shifted by whole device pixels, so the result is the same, pixel
 * for pixel, as one big surface would give.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-png-writer"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <png.h>

#include "wm-export.h"
#include "wm-layout-text.h"
#include "wm-painter.h"
#include "wm-png-writer.h"

#define BAND_ROWS 256

typedef struct
{
  WmSafeFile *file;
  char *error_message;      /* from libpng */
} PngSink;

static void
on_png_write (png_structp png,
              png_bytep   data,
              size_t      length)
{
  PngSink *sink = png_get_io_ptr (png);

  if (!wm_safe_file_write (sink->file, data, length))
    png_error (png, "write failed");
}

static void
on_png_flush (png_structp png)
{
}

static void
on_png_error (png_structp     png,
              png_const_charp message)
{
  PngSink *sink = png_get_error_ptr (png);

  if (sink->error_message == NULL)
    sink->error_message = g_strdup (message);
  png_longjmp (png, 1);
}

static void
on_png_warning (png_structp     png,
                png_const_charp message)
{
}

/* Cairo keeps premultiplied native-endian ARGB; PNG wants straight RGB(A). */
static void
unpremultiply_row (const guint32 *src,
                   guint8        *dst,
                   int            width,
                   gboolean       with_alpha)
{
  for (int x = 0; x < width; x++)
    {
      guint32 pixel = src[x];
      guint a = pixel >> 24;
      guint r = (pixel >> 16) & 0xff;
      guint g = (pixel >> 8) & 0xff;
      guint b = pixel & 0xff;

      if (a != 0 && a != 255)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      *dst++ = r;
      *dst++ = g;
      *dst++ = b;
      if (with_alpha)
        *dst++ = a;
    }
}

/**
 * wm_png_check_size:
 *
 * Returns: %TRUE if the map fits in a PNG at @scale; otherwise sets an
 *   error that says what to do instead.
 */
gboolean
wm_png_check_size (WmLayout  *layout,
                   int        scale,
                   GError   **error)
{
  double width = ceil (layout->width * scale);
  double height = ceil (layout->height * scale);

  if (width <= WM_PNG_MAX_SIDE && height <= G_MAXINT32 / 8 && width * height <= WM_PNG_MAX_PIXELS)
    return TRUE;

  g_set_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_TOO_LARGE,
               /* Translators: the first two numbers are the image's size in pixels, the third the scale */
               _("The map is too large for a PNG image at %d× (%.0f × %.0f pixels; the limit is %d megapixels). "
                 "Export it as PDF or SVG, or at a smaller scale."),
               scale, width, height, WM_PNG_MAX_PIXELS / 1000000);
  return FALSE;
}

typedef struct
{
  PngSink sink;
  png_structp png;
  png_infop info;
  int width;
  int rows_left;
  gboolean transparent;
  char *title;
  guint8 *row;
  gboolean failed;
} Encoder;

/* The map's title and the program, as PNG text that file managers and
 * image viewers show. A title beyond Latin-1's ASCII part goes in an
 * international (UTF-8) chunk, since a plain one is Latin-1. */
static void
set_text (png_structp  png,
          png_infop    info,
          char        *title)
{
  png_text text[2] = { 0 };
  gboolean ascii = TRUE;

  for (const char *c = title; *c != '\0'; c++)
    ascii = ascii && (guchar) *c < 0x80;
  text[0].compression = ascii ? PNG_TEXT_COMPRESSION_NONE : PNG_ITXT_COMPRESSION_NONE;
  text[0].key = (char *) "Title";
  text[0].text = title;
  text[0].text_length = ascii ? strlen (title) : 0;
  text[0].itxt_length = ascii ? 0 : strlen (title);
  text[0].lang = (char *) "";
  text[0].lang_key = (char *) "";
  text[1].compression = PNG_TEXT_COMPRESSION_NONE;
  text[1].key = (char *) "Software";
  text[1].text = (char *) "Waymark " PACKAGE_VERSION;
  text[1].text_length = strlen (text[1].text);
  png_set_text (png, info, text, G_N_ELEMENTS (text));
}

/* Each function that calls libpng catches its errors itself: libpng
 * reports them by jumping back to the last setjmp(). */
static gboolean
encoder_begin (Encoder *encoder,
               int      height,
               int      scale)
{
  png_structp png = encoder->png;
  png_infop info = encoder->info;

  if (setjmp (png_jmpbuf (png)))
    return FALSE;
  png_set_write_fn (png, &encoder->sink, on_png_write, on_png_flush);
  /* Maps are mostly flat colour, which plain rows and light compression
   * handle well: measured on the 10,000-card map, this is twice as fast
   * as libpng's defaults for a file 10 % larger. */
  png_set_compression_level (png, 2);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR (png, info, encoder->width, height, 8,
                encoder->transparent ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_pHYs (png, info, (png_uint_32) (3780 * scale), (png_uint_32) (3780 * scale), PNG_RESOLUTION_METER);
  /* Cairo's colours are sRGB: saying so keeps colour-managed viewers
   * from guessing. */
  png_set_sRGB_gAMA_and_cHRM (png, info, PNG_sRGB_INTENT_PERCEPTUAL);
  set_text (png, info, encoder->title);
  png_write_info (png, info);
  return TRUE;
}

static gboolean
encoder_write_band (Encoder         *encoder,
                    cairo_surface_t *band)
{
  int rows = MIN (BAND_ROWS, encoder->rows_left);
  int stride = cairo_image_surface_get_stride (band);
  const guint8 *data = cairo_image_surface_get_data (band);

  if (setjmp (png_jmpbuf (encoder->png)))
    return FALSE;
  for (int y = 0; y < rows; y++)
    {
      unpremultiply_row ((const guint32 *) (data + (gsize) y * stride), encoder->row, encoder->width,
                         encoder->transparent);
      png_write_row (encoder->png, encoder->row);
    }
  encoder->rows_left -= rows;
  if (encoder->rows_left == 0)
    png_write_end (encoder->png, encoder->info);
  return TRUE;
}

typedef struct
{
  Encoder *encoder;
  GAsyncQueue *painted;     /* bands to compress, then NULL */
  GAsyncQueue *free;        /* bands to paint into */
} Pipeline;

/* Compresses bands while the painter fills the next one: on two cores,
 * the two halves of the work overlap. */
static gpointer
encode_bands (gpointer data)
{
  Pipeline *pipeline = data;
  cairo_surface_t *band;

  while ((band = g_async_queue_pop (pipeline->painted)) != (gpointer) pipeline)
    {
      if (!pipeline->encoder->failed && !encoder_write_band (pipeline->encoder, band))
        g_atomic_int_set (&pipeline->encoder->failed, TRUE);
      g_async_queue_push (pipeline->free, band);
    }
  return NULL;
}

static void
paint_band (WmLayout        *layout,
            cairo_surface_t *band,
            int              top,
            int              scale,
            gboolean         transparent)
{
  cairo_t *cr = cairo_create (band);
  WmRect area = { 0, (double) top / scale, layout->width, (double) BAND_ROWS / scale };

  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  cairo_translate (cr, 0, -top);
  cairo_scale (cr, scale, scale);
  wm_painter_paint (cr, layout, &area, transparent ? WM_PAINT_TRANSPARENT : WM_PAINT_DEFAULT);
  cairo_destroy (cr);
  cairo_surface_flush (band);
}

/**
 * wm_png_write:
 * @layout: the map
 * @file: an open file to write to
 * @scale: device pixels per map unit
 * @transparent: leave out the page colour
 *
 * Returns: %TRUE on success; the caller commits or abandons @file.
 */
gboolean
wm_png_write (WmLayout    *layout,
              WmSafeFile  *file,
              int          scale,
              gboolean     transparent,
              GError     **error)
{
  int width = (int) ceil (layout->width * scale);
  int height = (int) ceil (layout->height * scale);
  g_autofree char *title = wm_layout_map_title (layout->document);
  g_autofree char *capped = NULL;
  Encoder encoder = { .sink = { file, NULL }, .width = width, .rows_left = height, .transparent = transparent };
  Pipeline pipeline = { &encoder, g_async_queue_new (), g_async_queue_new () };
  cairo_surface_t *bands[2] = { NULL, NULL };
  GThread *thread;
  gboolean ok = FALSE;

  if (!wm_png_check_size (layout, scale, error))
    goto out;

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      bands[i] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, BAND_ROWS);
      if (cairo_surface_status (bands[i]) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_FAILED, _("Not enough memory to draw the image"));
          goto out;
        }
      g_async_queue_push (pipeline.free, bands[i]);
    }
  encoder.row = g_malloc ((gsize) width * (transparent ? 4 : 3));
  encoder.png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &encoder.sink, on_png_error, on_png_warning);
  encoder.info = encoder.png != NULL ? png_create_info_struct (encoder.png) : NULL;
  if (encoder.info == NULL)
    {
      g_set_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_FAILED, _("Not enough memory to draw the image"));
      goto out;
    }

  /* Text chunks have no room for line breaks or NULs worth keeping. */
  encoder.title = g_strdup (wm_text_cap (title, &capped));
  g_strdelimit (encoder.title, "\n\r\t", ' ');
  encoder.failed = !encoder_begin (&encoder, height, scale);
  thread = g_thread_new ("waymark-png", encode_bands, &pipeline);
  for (int top = 0; top < height && !g_atomic_int_get (&encoder.failed); top += BAND_ROWS)
    {
      cairo_surface_t *band = g_async_queue_pop (pipeline.free);

      paint_band (layout, band, top, scale, transparent);
      g_async_queue_push (pipeline.painted, band);
    }
  g_async_queue_push (pipeline.painted, &pipeline);
  g_thread_join (thread);

  ok = !encoder.failed;
  /* A write error is the file's to report; anything else is libpng's. */
  if (!ok && !wm_safe_file_get_failed (file, error))
    g_set_error (error, WM_EXPORT_ERROR, WM_EXPORT_ERROR_FAILED,
                 _("Could not encode the image: %s"), encoder.sink.error_message ? encoder.sink.error_message : "");

out:
  if (encoder.png != NULL)
    png_destroy_write_struct (&encoder.png, encoder.info != NULL ? &encoder.info : NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    g_clear_pointer (&bands[i], cairo_surface_destroy);
  g_async_queue_unref (pipeline.painted);
  g_async_queue_unref (pipeline.free);
  g_free (encoder.row);
  g_free (encoder.title);
  g_free (encoder.sink.error_message);
  return ok;
}
