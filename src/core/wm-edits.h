/* wm-edits.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

gboolean wm_edits_move_cards (WmDocument *document,
                              GPtrArray  *cards,
                              guint       stage_index,
                              guint       lane_index,
                              guint       index_in_cell);

G_END_DECLS
