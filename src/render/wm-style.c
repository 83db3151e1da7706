/* wm-style.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-style"

#include "config.h"

#include <string.h>

#include "wm-style.h"

/* Cantarell is GNOME's typeface and ships in the Flatpak runtime; the
 * fallbacks keep maps readable where it is missing. */
#define FONT_FAMILY "Cantarell, Inter, DejaVu Sans, Sans"

typedef struct
{
  const char *light;
  const char *dark;
} ThemedColor;

/* One accent per lane kind, in GNOME's palette; indexed by WmLaneKind. */
static const ThemedColor lane_tints[WM_N_LANE_KINDS] = {
  [WM_LANE_KIND_CUSTOMER_ACTIONS] = { "#1c71d8", "#62a0ea" },
  [WM_LANE_KIND_TOUCHPOINTS] = { "#9141ac", "#c061cb" },
  [WM_LANE_KIND_THOUGHTS] = { "#c88800", "#f8e45c" },
  [WM_LANE_KIND_EMOTIONS] = { "#e66100", "#ffa348" },
  [WM_LANE_KIND_PAIN_POINTS] = { "#c01c28", "#f66151" },
  [WM_LANE_KIND_OPPORTUNITIES] = { "#26a269", "#57e389" },
  [WM_LANE_KIND_COMPANY_ACTIONS] = { "#0e7c86", "#5bc8d5" },
  [WM_LANE_KIND_CHANNELS] = { "#613583", "#dc8add" },
  [WM_LANE_KIND_OWNERS] = { "#c64600", "#ffbe6f" },
  [WM_LANE_KIND_METRICS] = { "#1a5fb4", "#99c1f1" },
  [WM_LANE_KIND_PHYSICAL_EVIDENCE] = { "#865e3c", "#cdab8f" },
  [WM_LANE_KIND_FRONTSTAGE] = { "#1a5fb4", "#62a0ea" },
  [WM_LANE_KIND_BACKSTAGE] = { "#5e5c64", "#c0bfbc" },
  [WM_LANE_KIND_SUPPORT_PROCESSES] = { "#3d3846", "#deddda" },
  [WM_LANE_KIND_STORYBOARD] = { "#a51d2d", "#ff7b63" },
  [WM_LANE_KIND_TEXT] = { "#77767b", "#9a9996" },
  [WM_LANE_KIND_DIVIDER] = { "#813d9c", "#c061cb" },
};

static void
set_color (WmColor    *color,
           const char *spec)
{
  gboolean parsed = wm_color_parse (color, spec);

  g_assert (parsed);
}

static void
set_palette (WmPalette *palette,
             WmTheme    theme)
{
  gboolean dark = theme == WM_THEME_DARK;

  set_color (&palette->background, dark ? "#1d1e22" : "#ffffff");
  set_color (&palette->text, dark ? "#f0f1f4" : "#1c2130");
  set_color (&palette->text_secondary, dark ? "#b3b7c2" : "#555b6b");
  set_color (&palette->rule, dark ? "#3a3c44" : "#dfe2e8");
  set_color (&palette->header_fill, dark ? "#26272d" : "#f3f4f7");
  set_color (&palette->band_fill, dark ? "#212227" : "#fafbfc");
  set_color (&palette->card_fill, dark ? "#2b2c33" : "#ffffff");
  set_color (&palette->card_border, dark ? "#44464f" : "#d5d9e1");
  set_color (&palette->card_shadow, "#000000");
  palette->card_shadow.alpha = dark ? 0.35 : 0.07;
  set_color (&palette->accent, dark ? "#78aeed" : "#1a5fb4");
  set_color (&palette->divider, dark ? "#c061cb" : "#813d9c");
  set_color (&palette->chip_fill, dark ? "#383a42" : "#eef0f4");

  for (guint i = 0; i < WM_N_LANE_KINDS; i++)
    {
      set_color (&palette->lane_tint[i], dark ? lane_tints[i].dark : lane_tints[i].light);
      /* Cards take a whisper of their lane's colour, enough to tell lanes
       * apart at a glance while text keeps its full contrast. */
      wm_color_mix (&palette->lane_card_fill[i], &palette->card_fill,
                    &palette->lane_tint[i], dark ? 0.12 : 0.06);
    }
  /* Thoughts look like sticky notes. */
  if (!dark)
    set_color (&palette->lane_card_fill[WM_LANE_KIND_THOUGHTS], "#fff7d6");
  palette->lane_card_fill[WM_LANE_KIND_TEXT] = palette->background;

  palette->quality[WM_CARD_QUALITY_NONE] = palette->text_secondary;
  set_color (&palette->quality[WM_CARD_QUALITY_GOOD], dark ? "#57e389" : "#187346");
  set_color (&palette->quality[WM_CARD_QUALITY_BAD], dark ? "#ff8a7a" : "#c01c28");
  set_color (&palette->quality[WM_CARD_QUALITY_MISSING], dark ? "#ffa348" : "#b0420a");

  set_color (&palette->mood_low, "#ed333b");
  set_color (&palette->mood_mid, "#f6c935");
  set_color (&palette->mood_high, "#3ac67a");
  set_color (&palette->face_ink, "#241f31");
}

static PangoFontDescription *
make_font (double      pixels,
           PangoWeight weight,
           PangoStyle  style)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  /* Absolute sizes: the same map measures the same on every surface,
   * whatever resolution a cairo context reports. */
  pango_font_description_set_absolute_size (font, pixels * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  return font;
}

/**
 * wm_style_new:
 * @theme: light or dark
 *
 * Returns: (transfer full): the style Waymark draws maps with, on paper
 *   and in exports.
 */
WmStyle *
wm_style_new (WmTheme theme)
{
  WmStyle *self = wm_style_new_scaled (theme, 1.0);

  self->add_card_room = 0;
  return self;
}

/**
 * wm_style_new_scaled:
 * @theme: light or dark
 * @text_scale: the desktop's text scaling factor, 1 for normal text
 *
 * The style of the map on screen, whose text follows the desktop's
 * large-text setting. The columns that hold text widen with it, so that a
 * card's lines keep their words and a larger text does not turn every
 * card into a narrow column of single words; the gaps, corners and
 * strokes keep their sizes. Each lane also keeps room below its cards
 * for the "+" that adds one, so that it never covers a card.
 *
 * Returns: (transfer full): the style
 */
WmStyle *
wm_style_new_scaled (WmTheme theme,
                     double  text_scale)
{
  WmStyle *self = g_new0 (WmStyle, 1);
  double t = CLAMP (text_scale, WM_STYLE_MIN_TEXT_SCALE, WM_STYLE_MAX_TEXT_SCALE);

  g_atomic_ref_count_init (&self->ref_count);
  self->theme = theme;
  self->text_scale = t;
  set_palette (&self->palette, theme);

  self->fonts[WM_FONT_MAP_TITLE] = make_font (32 * t, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->fonts[WM_FONT_MAP_SUBTITLE] = make_font (13 * t, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->fonts[WM_FONT_BODY] = make_font (14 * t, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  self->fonts[WM_FONT_STAGE_NAME] = make_font (16 * t, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->fonts[WM_FONT_LANE_TITLE] = make_font (14 * t, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->fonts[WM_FONT_CARD_TITLE] = make_font (13 * t, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->fonts[WM_FONT_CARD_TEXT] = make_font (12 * t, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  self->fonts[WM_FONT_SMALL] = make_font (11 * t, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  self->fonts[WM_FONT_SMALL_BOLD] = make_font (11 * t, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->fonts[WM_FONT_PERSONA_NAME] = make_font (17 * t, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->fonts[WM_FONT_QUOTE] = make_font (13 * t, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);

  self->margin = 40;
  self->header_gap = 28;
  self->stage_width = 248 * t;
  self->lane_header_width = 188 * t;
  self->cell_padding = 10;
  self->card_gap = 8;
  self->card_padding = 10;
  self->card_radius = 8;
  self->card_stripe = 4;
  self->badge_size = 14 * t;
  self->min_lane_height = 84 * t;
  self->collapsed_lane_height = 36 * t;
  self->divider_height = 32 * t;
  self->emotion_level_height = 34 * t;
  self->face_radius = 11;
  self->persona_width = 340 * t;
  self->persona_photo_size = 64;
  self->picture_strip_height = 56;
  self->label_width = 150 * t;
  self->add_card_room = 28;

  return self;
}

WmStyle *
wm_style_ref (WmStyle *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
wm_style_unref (WmStyle *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < WM_N_FONTS; i++)
    pango_font_description_free (self->fonts[i]);
  g_free (self);
}

gboolean
wm_theme_from_string (const char *name,
                      WmTheme    *theme)
{
  if (g_strcmp0 (name, "light") == 0)
    *theme = WM_THEME_LIGHT;
  else if (g_strcmp0 (name, "dark") == 0)
    *theme = WM_THEME_DARK;
  else
    return FALSE;
  return TRUE;
}

/**
 * wm_style_mood_color:
 * @mood: from -1 (worst) to 1 (best)
 *
 * The fill of an emotion face: red through amber to green.
 */
void
wm_style_mood_color (WmStyle *self,
                     double   mood,
                     WmColor *color)
{
  mood = CLAMP (mood, -1.0, 1.0);
  if (mood < 0)
    wm_color_mix (color, &self->palette.mood_mid, &self->palette.mood_low, -mood);
  else
    wm_color_mix (color, &self->palette.mood_mid, &self->palette.mood_high, mood);
}
