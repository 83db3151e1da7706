/* wm-conflict-apply.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

gboolean    wm_conflict_can_take_theirs (WmConflict  *conflict);
WmDocument *wm_conflict_take_theirs     (WmDocument  *document,
                                         WmConflict  *conflict,
                                         GError     **error);

G_END_DECLS
