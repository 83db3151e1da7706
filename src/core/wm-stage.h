/* wm-stage.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"
#include "wm-enum-types.h"

G_BEGIN_DECLS

/* A set width stays between these, so a column never vanishes or swallows
 * the screen. */
#define WM_STAGE_MIN_WIDTH 120
#define WM_STAGE_MAX_WIDTH 1600

#define WM_TYPE_STAGE (wm_stage_get_type ())

G_DECLARE_FINAL_TYPE (WmStage, wm_stage, WM, STAGE, WmElement)

WmStage *wm_stage_new (const char *id);

const char         *wm_stage_get_name (WmStage *self);
const char         *wm_stage_get_description (WmStage *self);
const char         *wm_stage_get_time_label (WmStage *self);
int                 wm_stage_get_customers (WmStage *self);
const char         *wm_stage_get_color (WmStage *self);
int                 wm_stage_get_width (WmStage *self);

G_END_DECLS
