/* wm-emotion-point.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"
#include "wm-enum-types.h"

G_BEGIN_DECLS

#define WM_TYPE_EMOTION_POINT (wm_emotion_point_get_type ())

G_DECLARE_FINAL_TYPE (WmEmotionPoint, wm_emotion_point, WM, EMOTION_POINT, WmElement)

WmEmotionPoint *wm_emotion_point_new (const char *id);

const char         *wm_emotion_point_get_stage (WmEmotionPoint *self);
double              wm_emotion_point_get_position (WmEmotionPoint *self);
int                 wm_emotion_point_get_score (WmEmotionPoint *self);
const char         *wm_emotion_point_get_label (WmEmotionPoint *self);

G_END_DECLS
