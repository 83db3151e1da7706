/* wm-merge.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

WmDocument *wm_merge (WmDocument *base,
                      WmDocument *ours,
                      WmDocument *theirs,
                      guint      *n_conflicts);

G_END_DECLS
