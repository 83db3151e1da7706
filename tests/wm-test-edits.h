/* wm-test-edits.h: random edits of a map, for property tests.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

void wm_test_random_edit (WmDocument *document,
                          GRand      *random,
                          WmDocument *clipboard,
                          guint       serial);

G_END_DECLS
