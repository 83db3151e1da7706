/* wm-edits.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

char    *wm_edits_move_cards_label (guint n_cards);
/* Plain text pasted past this many lines is cut off: a card per line of
 * a whole log file helps nobody. */
#define WM_EDITS_MAX_TEXT_LINES 500

gboolean wm_edits_move_cards (WmDocument *document,
                              GPtrArray  *cards,
                              guint       stage_index,
                              guint       lane_index,
                              guint       index_in_cell);
WmEmotionPoint *wm_edits_add_point (WmDocument *document,
                                    WmPersona  *persona,
                                    WmStage    *stage,
                                    double      position,
                                    int         score);
WmStage        *wm_edits_add_stage (WmDocument *document,
                                    guint       position,
                                    const char *name);
WmLane         *wm_edits_add_lane  (WmDocument *document,
                                    guint       position,
                                    WmLaneKind  kind,
                                    const char *title);
WmPersona      *wm_edits_add_persona    (WmDocument *document,
                                         guint       position,
                                         const char *name);
gboolean        wm_edits_move_persona   (WmDocument *document,
                                         WmPersona  *persona,
                                         guint       position);
gboolean        wm_edits_delete_persona (WmDocument *document,
                                         WmPersona  *persona);
gboolean        wm_edits_delete          (WmDocument  *document,
                                          GPtrArray   *elements,
                                          WmCard      *focus,
                                          WmCard     **next_focus);
GPtrArray      *wm_edits_paste           (WmDocument  *document,
                                          WmDocument  *source,
                                          guint        stage_index,
                                          guint        lane_index,
                                          guint        index_in_cell);
GPtrArray      *wm_edits_paste_text      (WmDocument  *document,
                                          const char  *text,
                                          guint        stage_index,
                                          guint        lane_index,
                                          guint        index_in_cell);
GPtrArray      *wm_edits_duplicate_cards (WmDocument  *document,
                                          GPtrArray   *cards,
                                          guint        stage_index,
                                          guint        lane_index,
                                          guint        index_in_cell);
WmCard         *wm_edits_add_card        (WmDocument  *document,
                                          guint        stage_index,
                                          guint        lane_index,
                                          guint        index_in_cell,
                                          const char  *title);
gboolean        wm_edits_set_card_picture (WmDocument *document,
                                           WmCard     *card,
                                           GBytes     *picture,
                                           const char *media_type);
gboolean        wm_edits_set_persona_photo (WmDocument *document,
                                            WmPersona  *persona,
                                            GBytes     *photo,
                                            const char *media_type);
gboolean        wm_edits_rename          (WmDocument  *document,
                                          WmElement   *element,
                                          const char  *text);
WmSavedView    *wm_edits_save_view       (WmDocument         *document,
                                          const char         *name,
                                          const WmViewFilter *filter);
gboolean        wm_edits_set_priority    (WmDocument  *document,
                                          WmCard      *card,
                                          int          impact,
                                          int          effort);
gboolean        wm_edits_move_stage_or_lane (WmDocument *document,
                                             WmElement  *element,
                                             guint       position);

G_END_DECLS
