/* wm-health.h: the health check: what a practitioner reviewing a map
 * would point out.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

/* More cards than this starting in one stage make it too detailed to
 * read. A stage is read as one column: a usual map has five or six card
 * lanes, and practitioners keep to three to five notes per cell, so 30
 * is a full column; past it the map is being used as a backlog, and the
 * story is lost on the wall and on a slide. */
#define WM_HEALTH_MAX_STAGE_CARDS 30
/* More open items than this with an impact of WM_HEALTH_TOP_IMPACT or
 * more, and nothing is a priority any more. */
#define WM_HEALTH_MAX_TOP_PRIORITIES 5
#define WM_HEALTH_TOP_IMPACT 4

typedef struct
{
  const char *id;           /* stable, for scripts: "pain-point-without-opportunity" */
  const char *explanation;  /* marked for translation: why it matters */
  const char *hint;         /* marked for translation: how to fix it */
} WmHealthRule;

typedef struct
{
  const WmHealthRule *rule;
  char               *element_id;  /* the element to show: a card, stage, lane, persona or the map */
  char               *message;     /* translated, quoting the map's own text */
} WmHealthFinding;

const WmHealthRule *wm_health_get_rules        (guint               *n_rules);
const WmHealthRule *wm_health_lookup_rule      (const char          *id);
GPtrArray          *wm_health_check            (WmDocument          *document,
                                                const char * const  *hint_titles);
void                wm_health_finding_free     (WmHealthFinding     *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmHealthFinding, wm_health_finding_free)

G_END_DECLS
