/* wm-emotion-curve.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-element.h"
#include "wm-emotion-point.h"

G_BEGIN_DECLS

#define WM_TYPE_EMOTION_CURVE (wm_emotion_curve_get_type ())

G_DECLARE_FINAL_TYPE (WmEmotionCurve, wm_emotion_curve, WM, EMOTION_CURVE, WmElement)

WmEmotionCurve *wm_emotion_curve_new         (const char     *id,
                                              const char     *persona_id);
const char     *wm_emotion_curve_get_persona (WmEmotionCurve *self);
GListModel     *wm_emotion_curve_get_points  (WmEmotionCurve *self);

G_END_DECLS
