/* wm-color.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-color"

#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-color.h"

static int
hex_digit (char c)
{
  return g_ascii_xdigit_value (c);
}

/**
 * wm_color_parse:
 * @color: (out): where to store the colour
 * @spec: "#rrggbb" or "#rgb", as stored in map files
 *
 * Returns: %TRUE if @spec was a colour; @color is left alone otherwise.
 */
gboolean
wm_color_parse (WmColor    *color,
                const char *spec)
{
  int digits[6];
  gsize len;

  if (spec == NULL || spec[0] != '#')
    return FALSE;
  len = strlen (spec + 1);
  if (len != 6 && len != 3)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if ((digits[i] = hex_digit (spec[1 + i])) < 0)
      return FALSE;

  if (len == 3)
    {
      color->red = digits[0] * 17 / 255.0;
      color->green = digits[1] * 17 / 255.0;
      color->blue = digits[2] * 17 / 255.0;
    }
  else
    {
      color->red = (digits[0] * 16 + digits[1]) / 255.0;
      color->green = (digits[2] * 16 + digits[3]) / 255.0;
      color->blue = (digits[4] * 16 + digits[5]) / 255.0;
    }
  color->alpha = 1.0;
  return TRUE;
}

void
wm_color_mix (WmColor       *result,
              const WmColor *a,
              const WmColor *b,
              double         amount_of_b)
{
  double t = CLAMP (amount_of_b, 0.0, 1.0);

  result->red = a->red + (b->red - a->red) * t;
  result->green = a->green + (b->green - a->green) * t;
  result->blue = a->blue + (b->blue - a->blue) * t;
  result->alpha = a->alpha + (b->alpha - a->alpha) * t;
}

static double
linear_channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* Relative luminance as WCAG 2 defines it. */
static double
wm_color_luminance (const WmColor *color)
{
  return 0.2126 * linear_channel (color->red)
       + 0.7152 * linear_channel (color->green)
       + 0.0722 * linear_channel (color->blue);
}

/* WCAG 2 contrast ratio, from 1 to 21; AA asks 4.5 for body text. */
double
wm_color_contrast (const WmColor *a,
                   const WmColor *b)
{
  double la = wm_color_luminance (a);
  double lb = wm_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

void
wm_color_set_source (cairo_t       *cr,
                     const WmColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}
