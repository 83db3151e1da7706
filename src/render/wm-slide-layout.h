/* wm-slide-layout.h: where everything on a slide goes, as plain data:
 * positioned boxes of text, card panels, faces and parts of the map,
 * measured once from the document and then painted without it.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "wm-document.h"
#include "wm-layout.h"
#include "wm-painter.h"

G_BEGIN_DECLS

/* Slides are laid out on a 1920 × 1080 page and scaled to the screen or
 * the PDF page, so every size from 1280 × 720 to 3840 × 2160 shows the
 * same slide, and a slide's layout serves them all. */
#define WM_SLIDE_WIDTH  1920.0
#define WM_SLIDE_HEIGHT 1080.0
/* Long stages shrink their type down to this fraction, then continue on
 * another slide. */
#define WM_SLIDE_MIN_SCALE 0.72
/* Below this scale the overview's cards are too small to read on a
 * 1920-wide slide (their titles under 4 px), and are drawn as shapes. */
#define WM_SLIDE_OVERVIEW_MIN_TEXT_SCALE 0.3
/* A card's picture on a slide is decoded with its shorter side this
 * long: a storyboard frame's height on a 3840-wide screen. */
#define WM_SLIDE_PICTURE_SIDE 720

typedef enum
{
  WM_SLIDE_BOX_TEXT,        /* a run of text, wrapped to its rectangle's width */
  WM_SLIDE_BOX_ITEM,        /* the panel a card's title is told on, a bar on its left */
  WM_SLIDE_BOX_FACE,        /* a persona's face, showing their feeling */
  WM_SLIDE_BOX_MAP,         /* part of the map, drawn by the map's painter */
  WM_SLIDE_BOX_FUNNEL,      /* the customers per stage, under the overview */
  WM_SLIDE_BOX_PICTURE,     /* a card's picture, framed as the map frames it */
} WmSlideBoxKind;

/* What a box tells, so that tests and readers can find it. */
typedef enum
{
  WM_SLIDE_ROLE_KIND,           /* the title slide's "CURRENT STATE" */
  WM_SLIDE_ROLE_TITLE,          /* the map's title */
  WM_SLIDE_ROLE_GOAL,
  WM_SLIDE_ROLE_PERSONA_CARDS,  /* the title slide's persona cards */
  WM_SLIDE_ROLE_COUNTER,        /* "STAGE 2 OF 7" */
  WM_SLIDE_ROLE_STAGE_NAME,
  WM_SLIDE_ROLE_DESCRIPTION,
  WM_SLIDE_ROLE_FACE,
  WM_SLIDE_ROLE_PERSONA_NAME,
  WM_SLIDE_ROLE_WORDS,          /* what a persona says at the stage */
  WM_SLIDE_ROLE_LANE,           /* a lane's name above its cards */
  WM_SLIDE_ROLE_CARD,           /* a card's panel */
  WM_SLIDE_ROLE_CARD_TITLE,
  WM_SLIDE_ROLE_CARD_PICTURE,
  WM_SLIDE_ROLE_GRID,           /* the overview's map */
  WM_SLIDE_ROLE_FUNNEL,         /* the overview's customers per stage */
} WmSlideRole;

typedef enum
{
  WM_SLIDE_INK,             /* the main text: light on the dark slide, dark on the light */
  WM_SLIDE_INK_SOFT,        /* text that comes second */
  WM_SLIDE_INK_ACCENT,      /* counters and labels */
} WmSlideInk;

typedef enum
{
  WM_SLIDE_TONE_PLAIN,
  WM_SLIDE_TONE_PAIN,       /* a pain point */
  WM_SLIDE_TONE_CHANCE,     /* an opportunity */
} WmSlideTone;

typedef struct
{
  WmSlideBoxKind kind;
  WmSlideRole role;
  WmRect rect;              /* on the WM_SLIDE_WIDTH × WM_SLIDE_HEIGHT page */

  /* Text: set in Cantarell at @size, wrapped to rect.width, and cut with
   * an ellipsis past @max_lines (0: never); rect.height is as measured. */
  char *text;
  double size;
  PangoWeight weight;
  gboolean italic;
  int max_lines;
  WmSlideInk ink;

  /* Items and pictures */
  WmCard *card;             /* the card told, or whose picture it is */
  WmSlideTone tone;
  double scale;             /* of the type, which the panel's corners follow */

  /* Faces */
  double mood;              /* -1 (bad) … 1 (good) */

  /* Parts of the map: @area of @map, scaled by @scale, goes at
   * rect.x, rect.y; it is clipped @margin map units beyond @area. */
  WmLayout *map;
  WmRect area;
  double margin;
  WmPaintFlags flags;
} WmSlideBox;

typedef struct
{
  GArray *boxes;            /* of WmSlideBox, in the order they are painted */
  double scale;             /* stage slides: of the cards' type, 1 or less to fit */
  double body_top;          /* stage slides: where the cards begin, below the head */
  GHashTable *pictures;     /* stage slides: the cards' pictures, decoded at
                             * WM_SLIDE_PICTURE_SIDE when first painted and
                             * shared by the deck's slides; or NULL */
} WmSlideLayout;

/* What a persona felt at a stage: the mean of their points there, and
 * the first words they said. */
typedef struct
{
  char *name;
  double mood;              /* -1 … 1 */
  char *words;              /* or NULL */
} WmSlideFeeling;

GPtrArray     *wm_slide_feelings_by_stage   (WmDocument          *document);
WmSlideLayout *wm_slide_layout_new_title    (WmDocument          *document,
                                             WmLayout            *map);
GPtrArray     *wm_slide_layout_new_stage    (WmDocument          *document,
                                             WmStage             *stage,
                                             int                  stage_index,
                                             GArray              *feelings,
                                             const WmViewFilter  *filter,
                                             GHashTable          *pictures);
WmSlideLayout *wm_slide_layout_new_overview (WmLayout            *map);
void           wm_slide_layout_free         (WmSlideLayout       *layout);
const WmSlideBox *wm_slide_layout_find      (const WmSlideLayout *layout,
                                             WmSlideRole          role,
                                             guint                nth);
guint          wm_slide_layout_count        (const WmSlideLayout *layout,
                                             WmSlideRole          role);
PangoLayout   *wm_slide_box_shape           (const WmSlideBox    *box);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmSlideLayout, wm_slide_layout_free)

G_END_DECLS
