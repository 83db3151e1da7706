/* wm-diff-text.h: a comparison of two maps, in lines a person reads
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-diff.h"

G_BEGIN_DECLS

GPtrArray  *wm_diff_describe       (const WmDiff *diff,
                                    GPtrArray    *elements);
const char *wm_diff_card_noun      (WmLaneKind    kind);
const char *wm_diff_element_name   (WmElement    *element);
char       *wm_diff_describe_fields (GPtrArray   *changed);

G_END_DECLS
