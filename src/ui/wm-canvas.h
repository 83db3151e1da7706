/* wm-canvas.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"
#include "wm-layout.h"

G_BEGIN_DECLS

#define WM_TYPE_CANVAS (wm_canvas_get_type ())
#define WM_CANVAS_MIN_ZOOM 0.05
#define WM_CANVAS_MAX_ZOOM 4.0
/* Below this zoom card text is a few pixels high: cards are painted as
 * shapes and get no widgets, but for the focused one. */
#define WM_CANVAS_MIN_TEXT_ZOOM 0.35

G_DECLARE_FINAL_TYPE (WmCanvas, wm_canvas, WM, CANVAS, GtkWidget)

GtkWidget  *wm_canvas_new          (void);
void        wm_canvas_set_document (WmCanvas   *self,
                                    WmDocument *document);
WmDocument *wm_canvas_get_document (WmCanvas   *self);
WmLayout   *wm_canvas_get_layout   (WmCanvas   *self);
double      wm_canvas_get_zoom     (WmCanvas   *self);
void        wm_canvas_set_zoom     (WmCanvas   *self,
                                    double      zoom);
void        wm_canvas_set_zoom_at  (WmCanvas   *self,
                                    double      zoom,
                                    double      x,
                                    double      y);
double      wm_canvas_get_fit_zoom (WmCanvas   *self);
gboolean    wm_canvas_child_contains (GtkWidget *child,
                                      double     x,
                                      double     y);
void        wm_canvas_child_menu_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
WmRect      wm_canvas_get_visible_rect (WmCanvas *self);
void        wm_canvas_center_on    (WmCanvas   *self,
                                    double      map_x,
                                    double      map_y);

GPtrArray  *wm_canvas_get_selection        (WmCanvas    *self);
void        wm_canvas_set_selection        (WmCanvas    *self,
                                            WmCard     **cards,
                                            guint        n_cards);
WmElement  *wm_canvas_get_selected_element (WmCanvas    *self);
void        wm_canvas_select_element       (WmCanvas    *self,
                                            WmElement   *element);
gboolean    wm_canvas_focus_card           (WmCanvas    *self,
                                            WmCard      *card);
gboolean    wm_canvas_focus_header         (WmCanvas    *self,
                                            gboolean     is_stage,
                                            guint        index);
GtkWidget  *wm_canvas_get_header_widget    (WmCanvas    *self,
                                            WmElement   *element);
gboolean    wm_canvas_move_cards           (WmCanvas    *self,
                                            GPtrArray   *cards,
                                            guint        stage_index,
                                            guint        lane_index,
                                            guint        index_in_cell);
void        wm_canvas_add_stage            (WmCanvas    *self,
                                            guint        position);
void        wm_canvas_add_lane             (WmCanvas    *self,
                                            WmLaneKind   kind,
                                            guint        position);
void        wm_canvas_fill_lane_kind_menu  (GMenu       *menu,
                                            const char  *action);
void        wm_canvas_edit_card_title      (WmCanvas    *self,
                                            WmCard      *card);
GtkEditable *wm_canvas_get_editor          (WmCanvas    *self);
guint       wm_canvas_get_n_card_widgets   (WmCanvas    *self);
GtkWidget  *wm_canvas_get_card_widget      (WmCanvas    *self,
                                            WmCard      *card);

void        wm_canvas_reset_stage_width    (WmCanvas    *self,
                                            guint        column);

GtkWidget      *wm_canvas_get_point_widget (WmCanvas       *self,
                                            WmEmotionPoint *point);
void            wm_canvas_focus_point      (WmCanvas       *self,
                                            WmEmotionPoint *point);
WmEmotionPoint *wm_canvas_add_point_at     (WmCanvas       *self,
                                            double          map_x,
                                            double          map_y);
void            wm_canvas_edit_point_label (WmCanvas       *self,
                                            WmEmotionPoint *point);

GtkWidget      *wm_canvas_get_persona_widget (WmCanvas   *self,
                                              WmPersona  *persona);
gboolean        wm_canvas_can_add_persona    (WmCanvas   *self);
WmPersona      *wm_canvas_add_persona        (WmCanvas   *self);
void            wm_canvas_edit_persona       (WmCanvas   *self,
                                              WmPersona  *persona);

void            wm_canvas_set_curve_visible  (WmCanvas       *self,
                                              WmEmotionCurve *curve,
                                              gboolean        visible);
WmPersona      *wm_canvas_get_active_persona (WmCanvas       *self);
void            wm_canvas_set_active_persona (WmCanvas       *self,
                                              WmPersona      *persona);
WmEmotionPoint *wm_canvas_add_point          (WmCanvas       *self);

void            wm_canvas_set_comparison     (WmCanvas       *self,
                                              WmDocument     *other);
WmDocument     *wm_canvas_get_comparison     (WmCanvas       *self);
void            wm_canvas_set_filter         (WmCanvas           *self,
                                              const WmViewFilter *filter);
const WmViewFilter *wm_canvas_get_filter     (WmCanvas       *self);

void            wm_canvas_show_stage         (WmCanvas       *self,
                                              guint           stage_index);

G_END_DECLS
