/* wm-column-heights.h: how far down a lane's cards reach in each stage.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _WmColumnHeights WmColumnHeights;

WmColumnHeights *wm_column_heights_new  (guint            n_stages,
                                         double           top);
void             wm_column_heights_free (WmColumnHeights *self);
double           wm_column_heights_max  (WmColumnHeights *self,
                                         guint            first,
                                         guint            count);
void             wm_column_heights_set  (WmColumnHeights *self,
                                         guint            first,
                                         guint            count,
                                         double           bottom);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmColumnHeights, wm_column_heights_free)

G_END_DECLS
