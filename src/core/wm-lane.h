/* wm-lane.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"
#include "wm-enum-types.h"

G_BEGIN_DECLS

#define WM_TYPE_LANE (wm_lane_get_type ())

G_DECLARE_FINAL_TYPE (WmLane, wm_lane, WM, LANE, WmElement)

WmLane *wm_lane_new (const char *id);

const char         *wm_lane_get_title (WmLane *self);
WmLaneKind          wm_lane_get_kind (WmLane *self);
gboolean            wm_lane_get_collapsed (WmLane *self);

G_END_DECLS
