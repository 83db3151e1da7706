/* wm-glyphs.c: every pictogram is drawn on a 16 × 16 grid, in the
 * current source colour, with round caps and joins like GNOME's symbolic
 * icons; the caller's cairo state is left as it was.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-glyphs"

#include "config.h"

#include <math.h>
#include <string.h>

#include "wm-enums.h"
#include "wm-glyphs.h"

#define GRID 16.0
#define STROKE 1.6

typedef void (*GlyphFunc) (cairo_t *cr);

static void
begin (cairo_t *cr,
       double   x,
       double   y,
       double   size)
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / GRID, size / GRID);
  cairo_set_line_width (cr, STROKE);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
end (cairo_t *cr)
{
  cairo_new_path (cr);
  cairo_restore (cr);
}

/**
 * wm_path_rounded_rect:
 *
 * Adds a rectangle with rounded corners to the current path.
 */
void
wm_path_rounded_rect (cairo_t *cr,
                      double   x,
                      double   y,
                      double   width,
                      double   height,
                      double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
circle (cairo_t *cr,
        double   cx,
        double   cy,
        double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
}

static void
line (cairo_t *cr,
      double   x1,
      double   y1,
      double   x2,
      double   y2)
{
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
}

static void
person (cairo_t *cr,
        double   cx,
        double   top,
        double   scale)
{
  circle (cr, cx, top + 2.5 * scale, 2.5 * scale);
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, top + 11.5 * scale, 4.5 * scale, G_PI, 2 * G_PI);
}

static void
draw_website (cairo_t *cr)
{
  circle (cr, 8, 8, 6);
  cairo_save (cr);
  cairo_translate (cr, 8, 8);
  cairo_scale (cr, 0.45, 1);
  circle (cr, 0, 0, 6);
  cairo_restore (cr);
  line (cr, 2, 8, 14, 8);
  cairo_stroke (cr);
}

static void
draw_mobile_app (cairo_t *cr)
{
  wm_path_rounded_rect (cr, 4.5, 1.5, 7, 13, 1.5);
  cairo_stroke (cr);
  circle (cr, 8, 12, 0.9);
  cairo_fill (cr);
}

static void
draw_email (cairo_t *cr)
{
  wm_path_rounded_rect (cr, 1.5, 3.5, 13, 9, 1.2);
  cairo_move_to (cr, 2, 4.5);
  cairo_line_to (cr, 8, 9);
  cairo_line_to (cr, 14, 4.5);
  cairo_stroke (cr);
}

static void
draw_phone (cairo_t *cr)
{
  /* A handset: two ear pieces joined by a curved grip. */
  cairo_move_to (cr, 4, 2.5);
  cairo_curve_to (cr, 1.5, 5, 5.5, 12.5, 13.5, 12);
  cairo_set_line_width (cr, 3);
  cairo_stroke (cr);
}

static void
draw_chat (cairo_t *cr)
{
  wm_path_rounded_rect (cr, 1.5, 2.5, 13, 9, 2.5);
  cairo_move_to (cr, 4, 11);
  cairo_line_to (cr, 3.5, 14);
  cairo_line_to (cr, 7.5, 11.2);
  cairo_stroke (cr);
}

static void
draw_social_media (cairo_t *cr)
{
  person (cr, 5.5, 2.5, 0.85);
  person (cr, 11, 3.5, 0.75);
  cairo_stroke (cr);
}

static void
draw_search (cairo_t *cr)
{
  circle (cr, 6.5, 6.5, 4.5);
  line (cr, 10, 10, 14, 14);
  cairo_stroke (cr);
}

static void
draw_advertising (cairo_t *cr)
{
  cairo_move_to (cr, 2, 6.5);
  cairo_line_to (cr, 11, 2.5);
  cairo_line_to (cr, 11, 13.5);
  cairo_line_to (cr, 2, 9.5);
  cairo_close_path (cr);
  line (cr, 4.5, 10.5, 5.5, 14);
  line (cr, 13.5, 6.5, 13.5, 9.5);
  cairo_stroke (cr);
}

static void
draw_store (cairo_t *cr)
{
  cairo_move_to (cr, 1.5, 2.5);
  cairo_line_to (cr, 3.5, 2.5);
  cairo_line_to (cr, 5, 10);
  cairo_line_to (cr, 12.5, 10);
  cairo_line_to (cr, 14, 5);
  cairo_line_to (cr, 4.2, 5);
  cairo_stroke (cr);
  circle (cr, 6, 13, 1.2);
  circle (cr, 11.5, 13, 1.2);
  cairo_fill (cr);
}

static void
draw_event (cairo_t *cr)
{
  wm_path_rounded_rect (cr, 2, 3, 12, 11, 1.5);
  line (cr, 2, 6.5, 14, 6.5);
  line (cr, 5, 1.5, 5, 4);
  line (cr, 11, 1.5, 11, 4);
  cairo_stroke (cr);
  circle (cr, 8, 10, 1.1);
  cairo_fill (cr);
}

static void
draw_mail (cairo_t *cr)
{
  /* A parcel, seen from the front, with its tape. */
  wm_path_rounded_rect (cr, 2, 5, 12, 9, 1);
  cairo_move_to (cr, 2, 5);
  cairo_line_to (cr, 4, 2);
  cairo_line_to (cr, 12, 2);
  cairo_line_to (cr, 14, 5);
  line (cr, 8, 2, 8, 8);
  cairo_stroke (cr);
}

static void
draw_word_of_mouth (cairo_t *cr)
{
  person (cr, 5.5, 2.5, 0.85);
  cairo_stroke (cr);
  cairo_arc (cr, 9.5, 6, 2.5, -G_PI / 4, G_PI / 4);
  cairo_stroke (cr);
  cairo_arc (cr, 9.5, 6, 5, -G_PI / 4, G_PI / 4);
  cairo_stroke (cr);
}

static void
draw_review_site (cairo_t *cr)
{
  for (int i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2 + i * G_PI / 5;
      double radius = i % 2 == 0 ? 6.8 : 2.9;

      cairo_line_to (cr, 8 + radius * cos (angle), 8.6 + radius * sin (angle));
    }
  cairo_close_path (cr);
  cairo_stroke (cr);
}

static void
draw_support (cairo_t *cr)
{
  /* A lifebuoy. */
  circle (cr, 8, 8, 6);
  circle (cr, 8, 8, 2.6);
  cairo_stroke (cr);
  for (int i = 0; i < 4; i++)
    {
      double angle = G_PI / 4 + i * G_PI / 2;

      line (cr, 8 + 2.6 * cos (angle), 8 + 2.6 * sin (angle), 8 + 6 * cos (angle), 8 + 6 * sin (angle));
    }
  cairo_set_line_width (cr, 2.4);
  cairo_stroke (cr);
}

static void
draw_in_person (cairo_t *cr)
{
  person (cr, 8, 2, 1.1);
  cairo_stroke (cr);
}

static void
draw_sms (cairo_t *cr)
{
  draw_chat (cr);
  for (int i = 0; i < 3; i++)
    circle (cr, 5 + i * 3, 7, 1);
  cairo_fill (cr);
}

static void
draw_video (cairo_t *cr)
{
  wm_path_rounded_rect (cr, 1.5, 4, 9, 8, 1.5);
  cairo_move_to (cr, 10.5, 7);
  cairo_line_to (cr, 14.5, 4.5);
  cairo_line_to (cr, 14.5, 11.5);
  cairo_line_to (cr, 10.5, 9);
  cairo_stroke (cr);
}

static void
draw_partner (cairo_t *cr)
{
  /* Two linked rings. */
  circle (cr, 5.8, 8, 4);
  circle (cr, 10.2, 8, 4);
  cairo_stroke (cr);
}

static void
draw_product (cairo_t *cr)
{
  /* A box in three-quarter view. */
  cairo_move_to (cr, 8, 1.5);
  cairo_line_to (cr, 14, 4.5);
  cairo_line_to (cr, 14, 11.5);
  cairo_line_to (cr, 8, 14.5);
  cairo_line_to (cr, 2, 11.5);
  cairo_line_to (cr, 2, 4.5);
  cairo_close_path (cr);
  cairo_move_to (cr, 2, 4.5);
  cairo_line_to (cr, 8, 7.5);
  cairo_line_to (cr, 14, 4.5);
  line (cr, 8, 7.5, 8, 14.5);
  cairo_stroke (cr);
}

static void
draw_generic (cairo_t *cr)
{
  circle (cr, 8, 8, 6);
  cairo_stroke (cr);
  circle (cr, 8, 8, 2.2);
  cairo_fill (cr);
}

static const struct
{
  const char *id;
  GlyphFunc draw;
} channel_glyphs[] = {
  { "website", draw_website },
  { "mobile-app", draw_mobile_app },
  { "email", draw_email },
  { "phone", draw_phone },
  { "chat", draw_chat },
  { "social-media", draw_social_media },
  { "search", draw_search },
  { "advertising", draw_advertising },
  { "store", draw_store },
  { "event", draw_event },
  { "mail", draw_mail },
  { "word-of-mouth", draw_word_of_mouth },
  { "review-site", draw_review_site },
  { "support", draw_support },
  { "in-person", draw_in_person },
  { "sms", draw_sms },
  { "video", draw_video },
  { "partner", draw_partner },
  { "product", draw_product },
};

static GlyphFunc
find_channel (const char *channel_id)
{
  for (guint i = 0; channel_id != NULL && i < G_N_ELEMENTS (channel_glyphs); i++)
    if (strcmp (channel_glyphs[i].id, channel_id) == 0)
      return channel_glyphs[i].draw;
  return NULL;
}

gboolean
wm_glyph_has_channel (const char *channel_id)
{
  return find_channel (channel_id) != NULL;
}

/**
 * wm_glyph_draw_channel:
 * @channel_id: (nullable): a channel id, or free text
 *
 * Draws the channel's pictogram in the square (@x, @y, @size); free-text
 * channels get a generic mark.
 */
void
wm_glyph_draw_channel (cairo_t    *cr,
                       const char *channel_id,
                       double      x,
                       double      y,
                       double      size)
{
  GlyphFunc draw = find_channel (channel_id);

  begin (cr, x, y, size);
  (draw != NULL ? draw : draw_generic) (cr);
  end (cr);
}

/**
 * wm_glyph_draw_face:
 * @mood: from -1 (worst) through 0 to 1 (best)
 *
 * A face whose mouth bends continuously with @mood, so that every level
 * of a 3-, 5- or 7-level scale reads differently.
 */
void
wm_glyph_draw_face (cairo_t       *cr,
                    double         mood,
                    double         cx,
                    double         cy,
                    double         radius,
                    const WmColor *fill,
                    const WmColor *ink)
{
  double r = radius;
  double mouth_y = cy + 0.32 * r - 0.08 * r * mood;
  double bend = 0.42 * r * CLAMP (mood, -1, 1);

  cairo_save (cr);
  cairo_new_path (cr);
  circle (cr, cx, cy, r);
  wm_color_set_source (cr, fill);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, ink->red, ink->green, ink->blue, 0.35);
  cairo_set_line_width (cr, MAX (0.75, r * 0.08));
  cairo_stroke (cr);

  wm_color_set_source (cr, ink);
  circle (cr, cx - 0.36 * r, cy - 0.22 * r, 0.12 * r + 0.2);
  circle (cr, cx + 0.36 * r, cy - 0.22 * r, 0.12 * r + 0.2);
  cairo_fill (cr);

  cairo_set_line_width (cr, MAX (1.0, r * 0.13));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, cx - 0.45 * r, mouth_y);
  cairo_curve_to (cr, cx - 0.2 * r, mouth_y + bend, cx + 0.2 * r, mouth_y + bend, cx + 0.45 * r, mouth_y);
  cairo_stroke (cr);

  /* The worst feelings also frown with the brows. */
  if (mood < -0.6)
    {
      line (cr, cx - 0.55 * r, cy - 0.5 * r, cx - 0.2 * r, cy - 0.4 * r);
      line (cr, cx + 0.55 * r, cy - 0.5 * r, cx + 0.2 * r, cy - 0.4 * r);
      cairo_set_line_width (cr, MAX (0.8, r * 0.1));
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* Good: a tick; bad: a cross; missing (a gap): a dashed ring. */
void
wm_glyph_draw_quality (cairo_t *cr,
                       int      quality,
                       double   x,
                       double   y,
                       double   size)
{
  double dashes[] = { 2.2, 1.8 };

  if (quality == WM_CARD_QUALITY_NONE)
    return;
  begin (cr, x, y, size);
  switch (quality)
    {
    case WM_CARD_QUALITY_GOOD:
      circle (cr, 8, 8, 6.5);
      cairo_move_to (cr, 5, 8.3);
      cairo_line_to (cr, 7.2, 10.5);
      cairo_line_to (cr, 11, 5.8);
      cairo_stroke (cr);
      break;
    case WM_CARD_QUALITY_BAD:
      circle (cr, 8, 8, 6.5);
      line (cr, 5.5, 5.5, 10.5, 10.5);
      line (cr, 10.5, 5.5, 5.5, 10.5);
      cairo_stroke (cr);
      break;
    case WM_CARD_QUALITY_MISSING:
    default:
      circle (cr, 8, 8, 6.5);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      line (cr, 8, 5.5, 8, 10.5);
      line (cr, 5.5, 8, 10.5, 8);
      cairo_stroke (cr);
      break;
    }
  end (cr);
}

void
wm_glyph_draw_persona_placeholder (cairo_t *cr,
                                   double   cx,
                                   double   cy,
                                   double   radius)
{
  cairo_save (cr);
  cairo_new_path (cr);
  circle (cr, cx, cy - 0.2 * radius, 0.36 * radius);
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy + radius, 0.75 * radius, G_PI, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
wm_glyph_draw_warning (cairo_t *cr,
                       double   x,
                       double   y,
                       double   size)
{
  begin (cr, x, y, size);
  cairo_move_to (cr, 8, 1.8);
  cairo_line_to (cr, 14.8, 14);
  cairo_line_to (cr, 1.2, 14);
  cairo_close_path (cr);
  cairo_stroke (cr);
  line (cr, 8, 6, 8, 9.5);
  cairo_stroke (cr);
  circle (cr, 8, 11.8, 1);
  cairo_fill (cr);
  end (cr);
}

void
wm_glyph_draw_lightbulb (cairo_t *cr,
                         double   x,
                         double   y,
                         double   size)
{
  begin (cr, x, y, size);
  cairo_arc (cr, 8, 6.5, 5, G_PI * 0.75, G_PI * 2.25);
  cairo_line_to (cr, 10, 11.5);
  cairo_line_to (cr, 6, 11.5);
  cairo_close_path (cr);
  line (cr, 6.2, 14, 9.8, 14);
  cairo_stroke (cr);
  end (cr);
}
