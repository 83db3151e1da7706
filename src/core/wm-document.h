/* wm-document.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-card.h"
#include "wm-conflict.h"
#include "wm-element.h"
#include "wm-emotion-curve.h"
#include "wm-emotion-point.h"
#include "wm-enum-types.h"
#include "wm-enums.h"
#include "wm-history.h"
#include "wm-lane.h"
#include "wm-persona.h"
#include "wm-saved-view.h"
#include "wm-stage.h"

G_BEGIN_DECLS

#define WM_MAX_PERSONAS 5
#define WM_MIN_EMOTION_SCALE 3
#define WM_MAX_EMOTION_SCALE 10

#define WM_TYPE_DOCUMENT (wm_document_get_type ())

G_DECLARE_FINAL_TYPE (WmDocument, wm_document, WM, DOCUMENT, WmElement)

WmDocument     *wm_document_new                  (const char     *id);

/* Reading */
const char     *wm_document_get_title            (WmDocument     *self);
const char     *wm_document_get_goal             (WmDocument     *self);
const char     *wm_document_get_scope            (WmDocument     *self);
WmMapKind       wm_document_get_kind             (WmDocument     *self);
int             wm_document_get_emotion_scale    (WmDocument     *self);
gint64          wm_document_get_created          (WmDocument     *self);
gint64          wm_document_get_modified         (WmDocument     *self);
GListModel     *wm_document_get_personas         (WmDocument     *self);
GListModel     *wm_document_get_stages           (WmDocument     *self);
GListModel     *wm_document_get_lanes            (WmDocument     *self);
GListModel     *wm_document_get_cards            (WmDocument     *self);
GListModel     *wm_document_get_emotion_curves   (WmDocument     *self);
GListModel     *wm_document_get_views            (WmDocument     *self);
GListModel     *wm_document_get_conflicts        (WmDocument     *self);
WmHistory      *wm_document_get_history          (WmDocument     *self);
WmElement      *wm_document_lookup               (WmDocument     *self,
                                                  const char     *id);
WmLane         *wm_document_get_card_lane        (WmDocument     *self,
                                                  WmCard         *card);
int             wm_document_get_stage_index      (WmDocument     *self,
                                                  const char     *stage_id);
WmEmotionCurve *wm_document_get_curve_for_persona (WmDocument    *self,
                                                  const char     *persona_id);
WmEmotionCurve *wm_document_get_curve_of_point   (WmDocument     *self,
                                                  WmEmotionPoint *point);
GPtrArray      *wm_document_get_cell_cards       (WmDocument     *self,
                                                  const char     *stage_id,
                                                  const char     *lane_id);

/* Changing: each call is one undo step, or none when it changes nothing;
 * calls with a merge key (typing) fold into the step before them; and
 * inside a transaction (begin, then commit or abort) every call joins
 * the transaction's one step. */
void            wm_document_begin_change         (WmDocument     *self,
                                                  const char     *label);
void            wm_document_commit_change        (WmDocument     *self);
void            wm_document_abort_change         (WmDocument     *self);
gboolean        wm_document_set_value            (WmDocument     *self,
                                                  WmElement      *element,
                                                  const char     *field,
                                                  const GValue   *value,
                                                  const char     *merge_key);
gboolean        wm_document_set_string           (WmDocument     *self,
                                                  WmElement      *element,
                                                  const char     *field,
                                                  const char     *value);
gboolean        wm_document_type_string          (WmDocument     *self,
                                                  WmElement      *element,
                                                  const char     *field,
                                                  const char     *value);
gboolean        wm_document_set_int              (WmDocument     *self,
                                                  WmElement      *element,
                                                  const char     *field,
                                                  int             value);
gboolean        wm_document_set_double           (WmDocument     *self,
                                                  WmElement      *element,
                                                  const char     *field,
                                                  double          value);
gboolean        wm_document_set_strv             (WmDocument     *self,
                                                  WmElement      *element,
                                                  const char     *field,
                                                  const char * const *value);
gboolean        wm_document_set_emotion_scale    (WmDocument     *self,
                                                  int             scale,
                                                  const char     *label);
gboolean        wm_document_insert_persona       (WmDocument     *self,
                                                  WmPersona      *persona,
                                                  guint           position);
gboolean        wm_document_insert_stage         (WmDocument     *self,
                                                  WmStage        *stage,
                                                  guint           position);
gboolean        wm_document_insert_lane          (WmDocument     *self,
                                                  WmLane         *lane,
                                                  guint           position);
gboolean        wm_document_insert_card          (WmDocument     *self,
                                                  WmCard         *card,
                                                  guint           index_in_cell);
gboolean        wm_document_insert_point         (WmDocument     *self,
                                                  WmEmotionCurve *curve,
                                                  WmEmotionPoint *point,
                                                  guint           position);
gboolean        wm_document_insert_view          (WmDocument     *self,
                                                  WmSavedView    *view);
gboolean        wm_document_insert_curve         (WmDocument     *self,
                                                  WmEmotionCurve *curve);
gboolean        wm_document_move                 (WmDocument     *self,
                                                  WmElement      *element,
                                                  guint           position);
gboolean        wm_document_move_card            (WmDocument     *self,
                                                  WmCard         *card,
                                                  const char     *stage_id,
                                                  const char     *lane_id,
                                                  guint           index_in_cell);
gboolean        wm_document_remove               (WmDocument     *self,
                                                  WmElement      *element);
gboolean        wm_document_remove_conflict      (WmDocument     *self,
                                                  WmConflict     *conflict);
void            wm_document_replace_contents     (WmDocument     *self,
                                                  WmDocument     *other,
                                                  const char     *label);

G_END_DECLS
