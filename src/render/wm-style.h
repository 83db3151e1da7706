/* wm-style.h: how a map looks: palette, fonts and spacing. The layout
 * measures with it and the painter draws with it, so both agree.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "wm-color.h"
#include "wm-enums.h"

G_BEGIN_DECLS

typedef enum
{
  WM_THEME_LIGHT,
  WM_THEME_DARK,
} WmTheme;

#define WM_N_LANE_KINDS (WM_LANE_KIND_DIVIDER + 1)

typedef enum
{
  WM_FONT_MAP_TITLE,
  WM_FONT_MAP_SUBTITLE,
  WM_FONT_BODY,
  WM_FONT_STAGE_NAME,
  WM_FONT_LANE_TITLE,
  WM_FONT_CARD_TITLE,
  WM_FONT_CARD_TEXT,
  WM_FONT_SMALL,
  WM_FONT_SMALL_BOLD,
  WM_FONT_PERSONA_NAME,
  WM_FONT_QUOTE,
  WM_N_FONTS
} WmFontRole;

typedef struct
{
  WmColor background;       /* the page */
  WmColor text;
  WmColor text_secondary;
  WmColor rule;             /* grid lines and borders */
  WmColor header_fill;      /* stage and lane headers */
  WmColor band_fill;        /* every other lane */
  WmColor card_fill;
  WmColor card_border;
  WmColor card_shadow;
  WmColor accent;
  WmColor divider;          /* blueprint lines */
  WmColor lane_tint[WM_N_LANE_KINDS];
  WmColor lane_card_fill[WM_N_LANE_KINDS];
  WmColor quality[4];       /* indexed by WmCardQuality */
  WmColor mood_low;
  WmColor mood_mid;
  WmColor mood_high;
  WmColor face_ink;
  WmColor chip_fill;
} WmPalette;

typedef struct _WmStyle WmStyle;

struct _WmStyle
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  WmTheme theme;
  double text_scale;        /* 1 except on screen with large text */
  WmPalette palette;
  PangoFontDescription *fonts[WM_N_FONTS];

  double margin;            /* around the whole map */
  double header_gap;        /* between the map header and the grid */
  double stage_width;       /* of one stage column */
  double lane_header_width;
  double cell_padding;
  double card_gap;
  double card_padding;
  double card_radius;
  double card_stripe;       /* the lane-coloured edge of a card */
  double badge_size;
  double min_lane_height;
  double collapsed_lane_height;
  double divider_height;
  double emotion_level_height;
  double face_radius;
  double persona_width;
  double persona_photo_size;
  double picture_strip_height; /* a card picture's strip outside storyboards */
  double label_width;       /* of emotion point labels */
  double add_card_room;     /* below each lane's cards, for the canvas's
                             * "+" button; none on paper */
};

/* The text scaling factors the screen style follows; GNOME offers 1 to 1.5
 * and other desktops go further. */
#define WM_STYLE_MIN_TEXT_SCALE 0.5
#define WM_STYLE_MAX_TEXT_SCALE 3.0

WmStyle    *wm_style_new          (WmTheme     theme);
WmStyle    *wm_style_new_scaled   (WmTheme     theme,
                                   double      text_scale);
WmStyle    *wm_style_ref          (WmStyle    *self);
void        wm_style_unref        (WmStyle    *self);
gboolean    wm_theme_from_string  (const char *name,
                                   WmTheme    *theme);
void        wm_style_mood_color   (WmStyle    *self,
                                   double      mood,
                                   WmColor    *color);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmStyle, wm_style_unref)

G_END_DECLS
