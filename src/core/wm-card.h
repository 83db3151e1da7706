/* wm-card.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"
#include "wm-enum-types.h"

G_BEGIN_DECLS

#define WM_TYPE_CARD (wm_card_get_type ())

G_DECLARE_FINAL_TYPE (WmCard, wm_card, WM, CARD, WmElement)

WmCard *wm_card_new (const char *id);

const char         *wm_card_get_stage (WmCard *self);
const char         *wm_card_get_lane (WmCard *self);
int                 wm_card_get_span (WmCard *self);
const char         *wm_card_get_title (WmCard *self);
const char         *wm_card_get_text (WmCard *self);
const char         *wm_card_get_channel (WmCard *self);
const char         *wm_card_get_owner (WmCard *self);
int                 wm_card_get_impact (WmCard *self);
int                 wm_card_get_effort (WmCard *self);
WmCardStatus        wm_card_get_status (WmCard *self);
WmCardQuality       wm_card_get_quality (WmCard *self);
WmMoment            wm_card_get_moment (WmCard *self);
const char         *wm_card_get_time_label (WmCard *self);
const char         *wm_card_get_metric_name (WmCard *self);
const char         *wm_card_get_metric_value (WmCard *self);
const char         *wm_card_get_color (WmCard *self);
const char * const *wm_card_get_tags (WmCard *self);
GBytes             *wm_card_get_picture (WmCard *self);
const char         *wm_card_get_picture_type (WmCard *self);
const char         *wm_card_get_picture_alt (WmCard *self);
gboolean            wm_card_is_empty (WmCard *self);

G_END_DECLS
