/* wm-canvas-private.h: what the files of WmCanvas share.
 *
 * wm-canvas.c scrolls, zooms and paints; wm-canvas-cards.c keeps a widget
 * for each card near the viewport; wm-canvas-select.c tracks the
 * selection and the keyboard; wm-canvas-headers.c makes stage and
 * lane headers focusable; wm-canvas-dnd.c moves cards, stages and lanes
 * by dragging, and draws the rubber band; wm-canvas-resize.c resizes
 * stages by their header's edge; wm-canvas-editor.c edits titles in
 * place and keeps the "+" that adds a card; wm-canvas-menu.c builds the
 * context menus; wm-canvas-actions.c holds the commands those menus and
 * the keys run, and clicks on the canvas itself; wm-canvas-clipboard.c
 * copies, cuts, pastes and duplicates; wm-canvas-points.c,
 * wm-canvas-personas.c and wm-canvas-legend.c show the emotion graph's
 * points, the persona cards and the curves' legend; wm-canvas-active.c
 * keeps the persona new points go to; wm-canvas-tiles.c keeps the
 * painted map between frames and wm-canvas-damage.c finds what an edit
 * changed on it. Each file's
 * declarations below are grouped under its name.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-canvas.h"
#include "wm-card-widget.h"
#include "wm-layout-hit.h"

G_BEGIN_DECLS

typedef enum
{
  WM_HEADER_DRAG_NONE,
  WM_HEADER_DRAG_STAGE,
  WM_HEADER_DRAG_LANE,
  WM_HEADER_DRAG_BAND,      /* a rubber band over the cells */
  WM_HEADER_DRAG_RESIZE,    /* the right edge of a stage header */
} WmHeaderDrag;

struct _WmCanvas
{
  GtkWidget parent_instance;

  WmDocument *document;
  WmHistory *history;       /* the document's, followed for relayout */
  WmLayout *layout;
  WmStyle *style;           /* what the layouts are made with, until it changes */
  WmTextMeasure *measure;
  WmLayoutCache *layout_cache; /* the cards measured for the layout before */
  gboolean layout_dirty;
  gboolean relaying_out;    /* the new layout is not yet compared with the old */
  gboolean allocating;      /* inside size_allocate */
  guint update_tick;        /* relayout and widgets before the next layout */
  WmRect cards_wanted;      /* the area whose cards have widgets */
  WmLayout *cards_layout;   /* the layout they were given out for; not a reference */
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;

  double zoom;
  double zoom_at_gesture_start;
  double pan_start_x;       /* the scroll position when a pan began */
  double pan_start_y;
  gboolean space_held;
  double pointer_x;         /* where the pointer is, for zooming around it */
  double pointer_y;

  /* The painted map: wm-canvas-tiles.c */
  GHashTable *tiles;        /* column and row → WmTile */
  double tiles_zoom;        /* what they were painted at */
  int tiles_scale;
  guint tiles_ahead_id;     /* paints those around the view when idle */
  guint tiles_painted;      /* ever, for tests */

  /* Cards: wm-canvas-cards.c */
  GHashTable *card_widgets; /* WmCard → WmCardWidget, the live ones */
  GPtrArray *spare_widgets; /* unbound and hidden, for reuse */
  WmCard *pinned_card;      /* keeps its widget while off screen: dragged */

  /* Stage and lane headers: wm-canvas-headers.c */
  GHashTable *header_widgets; /* WmStage or WmLane → WmHeaderWidget */

  /* Selection: wm-canvas-select.c */
  GPtrArray *selection;     /* of WmCard, oldest first */
  WmElement *selected_element; /* a lone stage or lane, for the inspector */
  WmCard *anchor_card;      /* where Shift+click extends from */

  /* Drag and drop: wm-canvas-dnd.c */
  gboolean drop_active;
  WmDropSpot drop_spot;
  GPtrArray *dragged_cards; /* of WmCard */
  GtkGesture *card_gesture; /* moves cards within the map; the widget's */
  GdkPaintable *drag_ghost; /* the dragged cards, following the pointer */
  double drag_x;            /* the pointer, on the canvas */
  double drag_y;
  double ghost_x;           /* the ghost's corner, from the pointer */
  double ghost_y;
  GdkDrag *out_drag;        /* cards dragged out to another window */
  GtkGesture *header_gesture; /* drags headers, edges and the band; the widget's */
  WmHeaderDrag header_drag;
  guint header_drag_index;  /* the stage or lane being dragged */
  guint header_drop_index;  /* where it would go */
  WmRect band;              /* rubber band, map coordinates */
  guint autoscroll_id;
  double autoscroll_dx;
  double autoscroll_dy;

  /* Stage widths: wm-canvas-resize.c */
  double resize_start_width;

  GPtrArray *persona_widgets;         /* of WmPersonaWidget: wm-canvas-personas.c */

  GPtrArray *legend_toggles;          /* wm-canvas-legend.c */
  GHashTable *hidden_curves;          /* ids of curves switched off */
  WmDocument *comparison;             /* another map whose curves are shown dashed */
  WmViewFilter *filter;               /* the view's: cards outside it fade; NULL for all */

  /* The emotion graph: wm-canvas-points.c */
  GPtrArray *point_widgets;           /* of WmPointWidget */
  GtkWidget *point_bubble;            /* "4 of 5" while dragging */
  WmPersona *active_persona;          /* new points join its curve: wm-canvas-active.c */
  GPtrArray *persona_hints;           /* "Adding to: Maya" in each emotion lane */
  WmEmotionPoint *dragged_point;
  guint dragged_point_lane;
  double point_drag_start_x;
  double point_drag_start_y;
  double point_press_x;               /* where the drag began, on the map */
  double point_press_y;
  GtkGesture *point_gesture;          /* the dragged point's, whose transaction holds the move */

  /* The in-place editor: wm-canvas-editor.c */
  GtkWidget *editor;        /* the in-place text entry */
  WmElement *edited_element;
  gboolean editing_new_card;
  WmDropSpot new_card_spot;
  GtkWidget *add_button;    /* "+" in the cell under the pointer */
  int hover_stage;
  int hover_lane;

  /* The context menu: wm-canvas-menu.c */
  GtkWidget *context_menu;
  WmElement *context_element; /* what it was opened on */
};

/* wm-canvas.c */
void             wm_canvas_queue_relayout       (WmCanvas        *self);
void             wm_canvas_ensure_layout        (WmCanvas        *self);
void             wm_canvas_widget_to_map        (WmCanvas        *self,
                                                 double           x,
                                                 double           y,
                                                 double          *map_x,
                                                 double          *map_y);
void             wm_canvas_get_frozen_shift     (WmCanvas        *self,
                                                 const WmRect    *visible,
                                                 double          *shift_x,
                                                 double          *shift_y);
graphene_rect_t  wm_canvas_map_to_widget_rect   (WmCanvas        *self,
                                                 const WmRect    *rect);
void             wm_canvas_scroll_to_rect       (WmCanvas        *self,
                                                 const WmRect    *rect);
void             wm_canvas_schedule_update      (WmCanvas        *self);
gpointer         wm_canvas_nth_item             (GListModel      *list,
                                                 int              index);

/* wm-canvas-cards.c */
void             wm_canvas_cards_init           (WmCanvas        *self);
void             wm_canvas_cards_dispose        (WmCanvas        *self);
void             wm_canvas_cards_allocate       (WmCanvas        *self);
void             wm_canvas_cards_rebind         (WmCanvas        *self);
void             wm_canvas_cards_snapshot       (WmCanvas        *self,
                                                 GtkSnapshot     *snapshot);
WmCardWidget    *wm_canvas_cards_realize        (WmCanvas        *self,
                                                 WmCard          *card);

/* wm-canvas-headers.c */
void             wm_canvas_headers_init         (WmCanvas        *self);
void             wm_canvas_headers_dispose      (WmCanvas        *self);
void             wm_canvas_headers_rebind       (WmCanvas        *self);
void             wm_canvas_headers_allocate     (WmCanvas        *self);
void             wm_canvas_headers_snapshot     (WmCanvas        *self,
                                                 GtkSnapshot     *snapshot);
void             wm_canvas_order_children       (WmCanvas        *self);

/* wm-canvas-select.c */
void             wm_canvas_select_init          (WmCanvas        *self);
void             wm_canvas_select_dispose       (WmCanvas        *self);
void             wm_canvas_select_prune         (WmCanvas        *self);
void             wm_canvas_card_pressed         (WmCanvas        *self,
                                                 WmCard          *card,
                                                 GdkModifierType  state);
gboolean         wm_canvas_select_key_pressed   (WmCanvas        *self,
                                                 guint            keyval,
                                                 GdkModifierType  state);
gboolean         wm_canvas_card_is_selected     (WmCanvas        *self,
                                                 WmCard          *card);
WmCard          *wm_canvas_get_focus_card       (WmCanvas        *self);

/* wm-canvas-dnd.c */
void             wm_canvas_dnd_init             (WmCanvas        *self);
void             wm_canvas_dnd_dispose          (WmCanvas        *self);
void             wm_canvas_dnd_attach_card      (WmCanvas        *self,
                                                 WmCardWidget    *widget);
void             wm_canvas_dnd_snapshot         (WmCanvas        *self,
                                                 GtkSnapshot     *snapshot);
void             wm_canvas_dnd_snapshot_ghost   (WmCanvas        *self,
                                                 GtkSnapshot     *snapshot);
gboolean         wm_canvas_dnd_press_card       (WmCanvas        *self,
                                                 double           x,
                                                 double           y);
void             wm_canvas_dnd_drag_cards_to    (WmCanvas        *self,
                                                 GtkGesture      *gesture,
                                                 double           x,
                                                 double           y);
void             wm_canvas_dnd_drop_cards       (WmCanvas        *self,
                                                 GtkGesture      *gesture);
gboolean         wm_canvas_cancel_drag          (WmCanvas        *self);

/* wm-canvas-editor.c */
void             wm_canvas_editor_init          (WmCanvas        *self);
void             wm_canvas_editor_dispose       (WmCanvas        *self);
void             wm_canvas_editor_allocate      (WmCanvas        *self);
void             wm_canvas_editor_pointer_moved (WmCanvas        *self,
                                                 double           map_x,
                                                 double           map_y);
void             wm_canvas_edit_element_name    (WmCanvas        *self,
                                                 WmElement       *element);
void             wm_canvas_begin_new_card       (WmCanvas         *self,
                                                 const WmDropSpot *spot);

/* wm-canvas-menu.c */
void             wm_canvas_menu_init            (WmCanvas        *self);
void             wm_canvas_menu_dispose         (WmCanvas        *self);
void             wm_canvas_show_context_menu    (WmCanvas        *self,
                                                 WmElement       *element,
                                                 double           x,
                                                 double           y);
WmElement       *wm_canvas_get_menu_element     (WmCanvas        *self);
WmElement       *wm_canvas_get_menu_subject     (WmCanvas        *self);

/* wm-canvas-actions.c */
void             wm_canvas_actions_class_init   (GtkWidgetClass  *widget_class);
void             wm_canvas_actions_init         (WmCanvas        *self);
void             wm_canvas_update_actions       (WmCanvas        *self);
gboolean         wm_canvas_target_cell          (WmCanvas        *self,
                                                 WmDropSpot      *spot);

/* wm-canvas-clipboard.c */
void             wm_canvas_clipboard_class_init (GtkWidgetClass  *widget_class);

/* wm-canvas-resize.c */
int              wm_canvas_resize_edge_at       (WmCanvas        *self,
                                                 double           map_x,
                                                 double           map_y);
void             wm_canvas_resize_pointer_moved (WmCanvas        *self,
                                                 double           map_x,
                                                 double           map_y);
void             wm_canvas_resize_begin         (WmCanvas        *self,
                                                 guint            column);
void             wm_canvas_resize_update        (WmCanvas        *self,
                                                 double           offset_x);
void             wm_canvas_resize_end           (WmCanvas        *self);

/* wm-canvas-points.c */
void             wm_canvas_points_class_init    (GtkWidgetClass  *widget_class);
void             wm_canvas_points_init          (WmCanvas        *self);
void             wm_canvas_points_dispose       (WmCanvas        *self);
void             wm_canvas_points_sync          (WmCanvas        *self);
void             wm_canvas_points_allocate      (WmCanvas        *self);
void             wm_canvas_points_snapshot      (WmCanvas        *self,
                                                 GtkSnapshot     *snapshot);
gboolean         wm_canvas_point_at             (WmCanvas        *self,
                                                 double           map_x,
                                                 double           map_y);
void             wm_canvas_points_begin_drag    (WmCanvas        *self,
                                                 GtkGesture      *gesture,
                                                 WmEmotionPoint  *point,
                                                 guint            lane_index);
void             wm_canvas_points_drag_to       (WmCanvas        *self,
                                                 double           offset_x,
                                                 double           offset_y);
void             wm_canvas_points_end_drag      (WmCanvas        *self);
void             wm_canvas_points_cancel_drag   (WmCanvas        *self);

/* wm-canvas-personas.c */
void             wm_canvas_personas_class_init  (GtkWidgetClass  *widget_class);
void             wm_canvas_personas_init        (WmCanvas        *self);
void             wm_canvas_personas_dispose     (WmCanvas        *self);
void             wm_canvas_personas_sync        (WmCanvas        *self);
gboolean         wm_canvas_persona_at           (WmCanvas        *self,
                                                 double           x,
                                                 double           y);
void             wm_canvas_personas_allocate    (WmCanvas        *self);
void             wm_canvas_personas_snapshot    (WmCanvas        *self,
                                                 GtkSnapshot     *snapshot);

/* wm-canvas-legend.c */
void             wm_canvas_legend_init          (WmCanvas        *self);
void             wm_canvas_legend_dispose       (WmCanvas        *self);
void             wm_canvas_legend_apply         (WmCanvas        *self);
void             wm_canvas_legend_sync          (WmCanvas        *self);
void             wm_canvas_legend_allocate      (WmCanvas        *self);
void             wm_canvas_legend_snapshot      (WmCanvas        *self,
                                                 GtkSnapshot     *snapshot);
double           wm_canvas_lane_header_shift    (WmCanvas        *self);

/* wm-canvas-active.c */
void             wm_canvas_active_init          (WmCanvas        *self);
void             wm_canvas_active_dispose       (WmCanvas        *self);
void             wm_canvas_active_sync          (WmCanvas        *self);
void             wm_canvas_active_changed       (WmCanvas        *self);
void             wm_canvas_active_allocate      (WmCanvas        *self);
void             wm_canvas_active_snapshot      (WmCanvas        *self,
                                                 GtkSnapshot     *snapshot);
gboolean         wm_canvas_persona_curve_hidden (WmCanvas        *self,
                                                 WmPersona       *persona);

/* wm-canvas-tiles.c */
/* The side of a tile, in pixels: small enough that a tile coming into
 * view costs a fraction of a frame, large enough that a full-screen
 * view is a few dozen of them. */
#define WM_CANVAS_TILE_SIZE 256

void             wm_canvas_tiles_init           (WmCanvas        *self);
void             wm_canvas_tiles_dispose        (WmCanvas        *self);
void             wm_canvas_tiles_invalidate     (WmCanvas        *self);
void             wm_canvas_tiles_damage         (WmCanvas        *self,
                                                 const WmRect    *rect);
void             wm_canvas_tiles_damage_lane    (WmCanvas        *self,
                                                 guint            lane_index);
void             wm_canvas_tiles_snapshot       (WmCanvas        *self,
                                                 GtkSnapshot     *snapshot);
guint            wm_canvas_tiles_get_n_tiles    (WmCanvas        *self);
guint            wm_canvas_tiles_get_n_painted  (WmCanvas        *self);

/* wm-canvas-damage.c */
void             wm_canvas_damage_layout        (WmCanvas        *self,
                                                 WmLayout        *old,
                                                 WmLayout        *layout);

G_END_DECLS
