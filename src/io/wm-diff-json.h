/* wm-diff-json.h: a comparison of two maps as JSON
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-diff.h"
#include "wm-json-writer.h"

G_BEGIN_DECLS

void wm_diff_write_json (const WmDiff *diff,
                         WmJsonWriter *writer);

G_END_DECLS
