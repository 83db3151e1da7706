/* wm-test-map.h: large generated maps for tests and benchmarks.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

WmDocument *wm_test_generate_map (int n_stages,
                                  int n_lanes,
                                  int cards_per_cell,
                                  int n_personas);

G_END_DECLS
