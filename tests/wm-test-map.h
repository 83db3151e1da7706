/* wm-test-map.h: maps for tests and benchmarks: the shipped ones, and
 * large generated ones.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

WmDocument *wm_test_generate_map (int         n_stages,
                                  int         n_lanes,
                                  int         cards_per_cell,
                                  int         n_personas);
WmDocument *wm_test_load_text    (const char *text);
WmDocument *wm_test_load_map     (const char *data_path);
WmCard     *wm_test_card_titled  (WmDocument *document,
                                  const char *title);

G_END_DECLS
