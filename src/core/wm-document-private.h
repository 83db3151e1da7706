/* wm-document-private.h: for the loader, which builds a document without
 * recording history, and for the model's own files.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

GListStore *wm_emotion_curve_get_point_store (WmEmotionCurve *self);

gboolean    wm_document_append_loaded        (WmDocument     *self,
                                              WmElement      *element);
gboolean    wm_document_index_loaded         (WmDocument     *self,
                                              WmElement      *element);
void        wm_document_add_loaded           (WmDocument     *self,
                                              GPtrArray      *elements);
GListStore *wm_document_get_conflict_store   (WmDocument     *self);
void        wm_document_set_timestamps       (WmDocument     *self,
                                              gint64          created,
                                              gint64          modified);

G_END_DECLS
