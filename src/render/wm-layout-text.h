/* wm-layout-text.h: the strings a map shows besides its fields, built in
 * one place so that what the layout measures is what the painter draws.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-layout.h"

G_BEGIN_DECLS

char     *wm_layout_map_title          (WmDocument          *document);
char     *wm_layout_kind_label         (WmDocument          *document);
char     *wm_layout_persona_role_line  (WmPersona           *persona);
char     *wm_layout_persona_initials   (WmPersona           *persona);
char     *wm_layout_quoted             (const char          *text);
char     *wm_layout_stage_name         (WmStage             *stage,
                                        guint                index);
char     *wm_layout_stage_eyebrow      (WmStage             *stage,
                                        guint                index);
char     *wm_layout_stage_facts        (const WmStageColumn *column);
char     *wm_layout_lane_title         (WmLane              *lane);
char     *wm_layout_card_footer        (WmCard              *card);
char     *wm_layout_card_description   (WmCard              *card);
gboolean  wm_layout_card_has_badges    (WmCard              *card);

G_END_DECLS
