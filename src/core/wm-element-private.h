/* wm-element-private.h: what only the document's history and the
 * loader may call.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-element.h"

G_BEGIN_DECLS

/* Told of every field a command writes, before anyone is notified, so
 * that the document's indexes are right when views look. */
typedef void (*WmElementWriteFunc) (gpointer    owner,
                                    WmElement  *element,
                                    GParamSpec *pspec);

void wm_element_write_field (WmElement    *self,
                             GParamSpec   *pspec,
                             const GValue *value);
void wm_element_set_owner   (WmElement          *self,
                             WmElementWriteFunc  func,
                             gpointer            owner);

/* For the loader, which makes hundreds of thousands of elements. */
WmElement *wm_element_new_take_values (GType         type,
                                       guint         n_values,
                                       const char  **names,
                                       GValue       *values);

G_END_DECLS
