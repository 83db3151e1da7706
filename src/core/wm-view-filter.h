/* wm-view-filter.h: which cards a view of the map brings forward: by
 * persona, channel, tag, owner, quality, status or lane kind. Cards
 * outside the filter stay on the map, faded, so the story keeps its
 * shape.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-card.h"
#include "wm-enums.h"

G_BEGIN_DECLS

/* The document includes saved views, which include this. */
typedef struct _WmDocument WmDocument;

typedef struct
{
  /* Each list, when not empty, is a condition: a card must match one of
   * its entries. Conditions combine with "and". */
  GStrv personas;           /* persona ids: their curves stay; the others fade */
  GStrv channels;           /* channel ids or free-text channels */
  GStrv tags;
  GStrv owners;
  guint qualities;          /* bit (1 << WmCardQuality) per quality wanted; 0 any */
  guint statuses;           /* bit (1 << WmCardStatus) per status wanted; 0 any */
  guint lane_kinds;         /* bit (1 << WmLaneKind) per lane kind wanted; 0 any */
} WmViewFilter;

WmViewFilter *wm_view_filter_new           (void);
WmViewFilter *wm_view_filter_copy          (const WmViewFilter *filter);
void          wm_view_filter_free          (WmViewFilter       *filter);
gboolean      wm_view_filter_is_empty      (const WmViewFilter *filter);
gboolean      wm_view_filter_equal         (const WmViewFilter *a,
                                            const WmViewFilter *b);
gboolean      wm_view_filter_matches_card  (const WmViewFilter *filter,
                                            WmCard             *card,
                                            WmLaneKind          lane_kind);
gboolean      wm_view_filter_shows_persona (const WmViewFilter *filter,
                                            const char         *persona_id);
guint         wm_view_filter_count_matches (const WmViewFilter *filter,
                                            WmDocument         *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmViewFilter, wm_view_filter_free)

G_END_DECLS
