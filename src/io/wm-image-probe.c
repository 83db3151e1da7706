/* wm-image-probe.c: what a picture is, read from its first bytes.
 *
 * Waymark takes PNG and JPEG pictures only, and none larger than
 * WM_IMAGE_MAX_PIXELS. Both are checked here, on the bytes, before any
 * decoder sees them: a decoder picked by content would also read SVG,
 * PNM, TIFF and more, and a header of a few bytes can claim a picture
 * of gigabytes that a decoder would allocate before it noticed.
 *
 * The JPEG walk follows the marker segments the way libjpeg does, so the
 * frame found here is the one the decoder will use; anything it cannot
 * follow is refused rather than guessed at. Every step moves forward, so
 * any input is probed in time linear in its length.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-image-probe"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-image-probe.h"

G_DEFINE_QUARK (wm-image-error-quark, wm_image_error)

static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
static const guint8 jpeg_signature[] = { 0xff, 0xd8, 0xff };

/* PNG's own bound on a side, 2^31 - 1. */
#define PNG_MAX_SIDE 0x7fffffffu
/* The signature, then the IHDR chunk: length, type, 13 bytes, CRC. */
#define PNG_HEADER_LENGTH (8 + 4 + 4 + 13 + 4)

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint
read_be16 (const guint8 *p)
{
  return ((guint) p[0] << 8) | p[1];
}

static gboolean
damaged (GError **error)
{
  g_set_error_literal (error, WM_IMAGE_ERROR, WM_IMAGE_ERROR_DAMAGED, _("the picture’s header is damaged"));
  return FALSE;
}

static gboolean
probe_png (const guint8 *data,
           gsize         length,
           WmImageInfo  *info,
           GError      **error)
{
  if (length < PNG_HEADER_LENGTH || read_be32 (data + 8) != 13 || memcmp (data + 12, "IHDR", 4) != 0)
    return damaged (error);
  info->width = read_be32 (data + 16);
  info->height = read_be32 (data + 20);
  if (info->width == 0 || info->height == 0 || info->width > PNG_MAX_SIDE || info->height > PNG_MAX_SIDE)
    return damaged (error);
  return TRUE;
}

/* The start-of-frame markers that carry the picture's size: every SOFn
 * but DHT (C4), JPG (C8) and DAC (CC), which share the range. */
static gboolean
is_start_of_frame (guint8 marker)
{
  return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

/* Markers that stand alone, with no length after them: TEM and RST0-7.
 * SOI and EOI are handled by the walk itself. */
static gboolean
is_standalone (guint8 marker)
{
  return marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7);
}

static gboolean
probe_jpeg (const guint8 *data,
            gsize         length,
            WmImageInfo  *info,
            GError      **error)
{
  gsize at = 2;  /* after SOI */

  while (at < length)
    {
      guint8 marker;
      guint segment;

      /* Between segments there is a marker and nothing else: libjpeg
       * would skip stray bytes with a warning, so a picture with them
       * is refused rather than probed differently from how it decodes. */
      if (data[at] != 0xff)
        return damaged (error);
      /* Any number of 0xFF fill bytes may precede the marker code. */
      while (at < length && data[at] == 0xff)
        at++;
      if (at == length)
        break;
      marker = data[at++];
      if (is_standalone (marker))
        continue;
      /* A second SOI, the end of the picture, a zero (which only means
       * something inside compressed data) or the start of compressed
       * data, all before any frame: there is no size to find. */
      if (marker == 0x00 || marker == 0xd8 || marker == 0xd9 || marker == 0xda)
        return damaged (error);
      if (length - at < 2)
        break;
      segment = read_be16 (data + at);
      if (segment < 2 || segment > length - at)
        return damaged (error);
      if (is_start_of_frame (marker))
        {
          /* Length, sample precision, height, width, components. */
          if (segment < 8)
            return damaged (error);
          info->height = read_be16 (data + at + 3);
          info->width = read_be16 (data + at + 5);
          /* A height of 0 defers it to a DNL marker, which the decoder
           * does not support. */
          if (info->width == 0 || info->height == 0)
            return damaged (error);
          return TRUE;
        }
      at += segment;
    }

  /* Truncated before a frame. */
  return damaged (error);
}

static WmImageType
type_from_media_type (const char *media_type)
{
  if (g_strcmp0 (media_type, "image/png") == 0)
    return WM_IMAGE_TYPE_PNG;
  if (g_strcmp0 (media_type, "image/jpeg") == 0)
    return WM_IMAGE_TYPE_JPEG;
  return 0;
}

/**
 * wm_image_type_to_media_type:
 * @type: a picture type
 *
 * Returns: "image/png" or "image/jpeg"
 */
const char *
wm_image_type_to_media_type (WmImageType type)
{
  switch (type)
    {
    case WM_IMAGE_TYPE_PNG:
      return "image/png";
    case WM_IMAGE_TYPE_JPEG:
      return "image/jpeg";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * wm_image_probe:
 * @data: the start of a picture file, or all of it
 * @length: the length of @data
 * @media_type: (nullable): the media type the picture is said to have,
 *   "image/png" or "image/jpeg", or %NULL to take either
 * @info: (out): the picture's type and size
 * @error: return location for a #GError in %WM_IMAGE_ERROR, whose
 *   message can be shown to the user
 *
 * Finds what a picture is without decoding it, and whether Waymark takes
 * it: a PNG or JPEG (by its content, whatever its name or media type
 * says), of the type @media_type names, of at most %WM_IMAGE_MAX_PIXELS.
 *
 * Returns: whether the picture may be decoded
 */
gboolean
wm_image_probe (const guint8  *data,
                gsize          length,
                const char    *media_type,
                WmImageInfo   *info,
                GError       **error)
{
  WmImageType declared = type_from_media_type (media_type);
  WmImageInfo found = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (media_type != NULL && declared == 0)
    {
      g_set_error (error, WM_IMAGE_ERROR, WM_IMAGE_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is a media type, such as "image/gif" */
                   _("“%s” is not a supported picture type; use PNG or JPEG"), media_type);
      return FALSE;
    }

  if (length >= sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0)
    found.type = WM_IMAGE_TYPE_PNG;
  else if (length >= sizeof jpeg_signature && memcmp (data, jpeg_signature, sizeof jpeg_signature) == 0)
    found.type = WM_IMAGE_TYPE_JPEG;
  else
    {
      g_set_error_literal (error, WM_IMAGE_ERROR, WM_IMAGE_ERROR_NOT_SUPPORTED, _("not a PNG or JPEG picture"));
      return FALSE;
    }

  if (declared != 0 && declared != found.type)
    {
      g_set_error (error, WM_IMAGE_ERROR, WM_IMAGE_ERROR_WRONG_TYPE,
                   /* Translators: the first %s is "PNG" or "JPEG", the second a media type such as "image/jpeg" */
                   _("the picture is a %s but is marked as “%s”"),
                   found.type == WM_IMAGE_TYPE_PNG ? "PNG" : "JPEG", media_type);
      return FALSE;
    }

  if (!(found.type == WM_IMAGE_TYPE_PNG ? probe_png (data, length, &found, error)
                                        : probe_jpeg (data, length, &found, error)))
    return FALSE;

  if ((guint64) found.width * found.height > WM_IMAGE_MAX_PIXELS)
    {
      g_set_error (error, WM_IMAGE_ERROR, WM_IMAGE_ERROR_TOO_LARGE,
                   /* Translators: "%u × %u" is the width and height, such as "9000 × 8000"; %d is a number of megapixels */
                   _("the picture is %u × %u pixels; Waymark takes pictures of at most %d megapixels"),
                   found.width, found.height, WM_IMAGE_MAX_PIXELS / (1000 * 1000));
      return FALSE;
    }

  *info = found;
  return TRUE;
}

/**
 * wm_image_probe_bytes:
 *
 * wm_image_probe() on the bytes of @bytes.
 */
gboolean
wm_image_probe_bytes (GBytes       *bytes,
                      const char   *media_type,
                      WmImageInfo  *info,
                      GError      **error)
{
  gsize length;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  return wm_image_probe (data, length, media_type, info, error);
}
