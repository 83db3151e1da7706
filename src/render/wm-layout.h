/* wm-layout.h: where everything of a map goes, as plain geometry.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "wm-document.h"
#include "wm-fields.h"
#include "wm-view-filter.h"
#include "wm-style.h"
#include "wm-text-measure.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} WmRect;

/* Enough for every section the persona field table has. */
#define WM_PERSONA_MAX_SECTIONS 8
/* A list shows at most this many entries; the rest are counted on a
 * last line, so that a persona of hundreds of goals stays a card. */
#define WM_PERSONA_MAX_ITEMS 8

/* One section of a persona card below its name: the quote, the
 * background, or a list such as the goals. */
typedef struct
{
  const WmFieldInfo *field;  /* the persona's field it shows */
  WmRect rect;               /* heading, entries and the "more" line */
  double items_y;            /* below the heading */
  guint n_items;             /* entries shown; a text is one */
  guint n_more;              /* entries left out */
  gboolean cut;              /* a text or an entry is too long to show whole */
  gboolean hint;             /* empty: the field's hint, on the canvas only */
  int item_lines[WM_PERSONA_MAX_ITEMS];
} WmPersonaSection;

typedef struct
{
  WmPersona *persona;
  guint revision;           /* the persona's, when laid out */
  WmRect rect;
  WmRect photo;             /* a circle inscribed in this square */
  WmColor color;
  double name_y;
  double role_y;
  int role_lines;
  /* Only the sections with content, in the persona editor's order. */
  WmPersonaSection sections[WM_PERSONA_MAX_SECTIONS];
  guint n_sections;
} WmPersonaBox;

typedef struct
{
  WmStage *stage;
  guint revision;           /* the stage's, when laid out */
  WmRect header;            /* in the stage header row */
  double x;                 /* the column, from the header row to the end */
  double width;
  int description_lines;
  int name_lines;
  double dropoff;           /* fraction lost since the previous stage, or -1 */
} WmStageColumn;

typedef struct
{
  WmLane *lane;
  guint revision;           /* the lane's, when laid out */
  WmLaneKind kind;
  WmRect header;            /* in the lane header column */
  double y;                 /* the row, across every stage */
  double height;
  int title_lines;
  gboolean collapsed;
  guint n_cards;
} WmLaneRow;

typedef struct
{
  WmCard *card;
  guint revision;           /* the card's, when laid out */
  guint stage_index;
  guint lane_index;
  guint span;
  WmRect rect;
  gboolean has_badges;      /* channel, quality, moment or time on top */
  int title_lines;
  int text_lines;
  int footer_lines;         /* owner, metric and tags */
  double picture_y;         /* the picture's top, from the card's */
  double picture_height;    /* 0 without a picture; as wide as the text */
  gboolean storyboard;      /* in a storyboard lane: the picture large */
  double title_y;
  double text_y;
  double footer_y;
  /* How a view shows it; the layout leaves it FALSE. */
  gboolean faded;           /* outside the view's filter */
  gboolean marked;          /* differs in the map compared with */
} WmCardBox;

typedef struct
{
  WmEmotionPoint *point;
  guint revision;           /* the point's, when laid out */
  guint stage_index;
  double x;
  double y;
  int score;
  WmRect label;             /* empty when the point has no label */
  int label_lines;
  double tangent;           /* the slope of the smooth line through it */
} WmCurvePoint;

typedef struct
{
  WmEmotionCurve *curve;
  WmPersona *persona;       /* may be NULL */
  guint revision;           /* the curve's and its persona's, when laid out */
  guint lane_index;
  WmColor color;
  GArray *points;           /* of WmCurvePoint, left to right */
  WmRect legend;            /* its line in the lane header's legend; empty
                             * when the lane shows one curve only */
  /* How a view shows it; the layout leaves these FALSE. */
  gboolean hidden;          /* switched off in the legend */
  gboolean on_top;          /* the selected persona's, drawn last */
  gboolean comparison;      /* from another map, drawn dashed */
  gboolean faded;           /* another persona's than the view's */
} WmCurve;

typedef enum
{
  WM_LAYOUT_DEFAULT = 0,
  WM_LAYOUT_HINTS = 1 << 0,  /* room for the hints of empty fields in the
                              * header and on persona cards: only the
                              * editor's canvas, which paints with
                              * WM_PAINT_HINTS, lays a map out so */
} WmLayoutFlags;

typedef struct _WmLayout WmLayout;
typedef struct _WmLayoutCache WmLayoutCache;

struct _WmLayout
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public, read-only >*/
  WmDocument *document;
  guint document_revision;  /* the map's own fields, when laid out */
  WmLayoutFlags flags;
  WmStyle *style;
  double width;
  double height;

  WmRect title;
  int title_lines;
  WmRect kind_label;
  /* An empty goal or scope has lines only when laid out with
   * WM_LAYOUT_HINTS, for its hint; so has an empty role line. */
  WmRect goal;
  int goal_lines;
  WmRect scope;
  int scope_lines;

  WmRect grid;              /* stage headers, lane headers and cells */
  double stage_header_height;
  int emotion_levels;

  double first_line_height[WM_N_FONTS];
  double line_spacing[WM_N_FONTS];

  GArray *personas;         /* of WmPersonaBox */
  GArray *columns;          /* of WmStageColumn */
  GArray *rows;             /* of WmLaneRow */
  GArray *cards;            /* of WmCardBox, by lane then stage then order */
  GArray *curves;           /* of WmCurve */

  /*< private >*/
  GHashTable *photos;       /* WmPersona → decoded cairo_surface_t */
  GHashTable *pictures;     /* a card's picture GBytes → decoded cairo_surface_t;
                             * the cache's when there is one, so that a picture
                             * is decoded once, not at every layout */
  WmLayoutCache *cache;     /* while it is made, if one was given */
  /* The cards' bounding boxes as a binary tree over the cards array:
   * node 1 is the root, node i has children 2i and 2i + 1, and the
   * cards are the leaves from card_leaves on. Painting a tile finds
   * its cards through it without looking at the others. */
  WmRect *card_bounds;
  guint card_leaves;
};

WmLayout     *wm_layout_new                (WmDocument    *document,
                                            WmStyle       *style,
                                            WmTextMeasure *measure);
WmLayout     *wm_layout_new_cached         (WmDocument    *document,
                                            WmStyle       *style,
                                            WmTextMeasure *measure,
                                            WmLayoutCache *cache,
                                            WmLayoutFlags  flags);
WmLayout     *wm_layout_ref                (WmLayout      *self);
void          wm_layout_unref              (WmLayout      *self);

void          wm_layout_add_comparison     (WmLayout      *self,
                                            WmDocument    *other);
double        wm_layout_level_y            (WmLayout      *self,
                                            const WmLaneRow *row,
                                            double         score);
double        wm_layout_text_height        (WmLayout      *self,
                                            WmFontRole     role,
                                            int            lines);
char         *wm_layout_persona_more       (const WmPersonaSection *section);
cairo_surface_t *wm_layout_get_photo      (WmLayout      *self,
                                            const WmPersonaBox *box);
double        wm_layout_card_inner_width   (WmLayout      *self,
                                            const WmCardBox *box);
gboolean      wm_layout_card_picture_rect  (WmLayout      *self,
                                            const WmCardBox *box,
                                            WmRect        *rect);
cairo_surface_t *wm_layout_get_picture    (WmLayout      *self,
                                            const WmCardBox *box);
GHashTable   *wm_picture_table_new         (void);
cairo_surface_t *wm_picture_table_get     (GHashTable    *pictures,
                                            GBytes        *bytes,
                                            int            min_side);
gboolean      wm_rect_intersects           (const WmRect  *a,
                                            const WmRect  *b);
gboolean      wm_rect_contains_rect        (const WmRect  *outer,
                                            const WmRect  *inner,
                                            double         tolerance);

WmLayoutCache *wm_layout_cache_new        (void);
void          wm_layout_cache_free         (WmLayoutCache *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmLayout, wm_layout_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmLayoutCache, wm_layout_cache_free)

void            wm_layout_apply_filter     (WmLayout           *layout,
                                            const WmViewFilter *filter);

G_END_DECLS
