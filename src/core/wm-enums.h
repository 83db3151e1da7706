/* wm-enums.h: the closed vocabularies of a journey map. The enum nicks
 * ("current-state", "pain-points", ...) are the values the file format
 * uses, so renaming a value here changes the format.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  WM_MAP_KIND_CURRENT_STATE,
  WM_MAP_KIND_FUTURE_STATE,
  WM_MAP_KIND_DAY_IN_THE_LIFE,
  WM_MAP_KIND_SERVICE_BLUEPRINT,
  WM_MAP_KIND_CUSTOM,
} WmMapKind;

typedef enum
{
  WM_LANE_KIND_CUSTOMER_ACTIONS,
  WM_LANE_KIND_TOUCHPOINTS,
  WM_LANE_KIND_THOUGHTS,
  WM_LANE_KIND_EMOTIONS,
  WM_LANE_KIND_PAIN_POINTS,
  WM_LANE_KIND_OPPORTUNITIES,
  WM_LANE_KIND_COMPANY_ACTIONS,
  WM_LANE_KIND_CHANNELS,
  WM_LANE_KIND_OWNERS,
  WM_LANE_KIND_METRICS,
  WM_LANE_KIND_PHYSICAL_EVIDENCE,
  WM_LANE_KIND_FRONTSTAGE,
  WM_LANE_KIND_BACKSTAGE,
  WM_LANE_KIND_SUPPORT_PROCESSES,
  WM_LANE_KIND_STORYBOARD,     /* pictures of each moment, shown large */
  WM_LANE_KIND_TEXT,
  WM_LANE_KIND_DIVIDER,
} WmLaneKind;

typedef enum
{
  WM_CARD_QUALITY_NONE,
  WM_CARD_QUALITY_GOOD,
  WM_CARD_QUALITY_BAD,
  WM_CARD_QUALITY_MISSING,
} WmCardQuality;

typedef enum
{
  WM_MOMENT_NONE,
  WM_MOMENT_ZERO,
  WM_MOMENT_FIRST,
  WM_MOMENT_SECOND,
  WM_MOMENT_THIRD,
} WmMoment;

/* Where a card's change stands, for the pain points and opportunities a
 * team decides on. */
typedef enum
{
  WM_CARD_STATUS_NONE,
  WM_CARD_STATUS_IDEA,
  WM_CARD_STATUS_PLANNED,
  WM_CARD_STATUS_IN_PROGRESS,
  WM_CARD_STATUS_DONE,
  WM_CARD_STATUS_DROPPED,
} WmCardStatus;

/* Impact and effort are scored 1 (least) to this; 0 means not scored. */
#define WM_MAX_PRIORITY_SCORE 5

const char *wm_enum_to_nick   (GType       enum_type,
                               int         value);
gboolean    wm_enum_from_nick (GType       enum_type,
                               const char *nick,
                               int        *value);
gboolean    wm_lane_kind_holds_cards (WmLaneKind kind);

const char *wm_map_kind_get_display_name     (WmMapKind     kind);
const char *wm_lane_kind_get_display_name    (WmLaneKind    kind);
const char *wm_card_quality_get_display_name (WmCardQuality quality);
const char *wm_moment_get_display_name       (WmMoment      moment);
const char *wm_card_status_get_display_name  (WmCardStatus  status);

G_END_DECLS
