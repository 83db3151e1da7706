/* wm-gesture-transaction.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"

G_BEGIN_DECLS

void     wm_gesture_transaction_begin     (GtkGesture *gesture,
                                           WmDocument *document,
                                           const char *label);
gboolean wm_gesture_transaction_is_open   (GtkGesture *gesture);
void     wm_gesture_transaction_commit    (GtkGesture *gesture);
void     wm_gesture_transaction_abort     (GtkGesture *gesture);
gboolean wm_gesture_transaction_cancel_on (WmDocument *document);

G_END_DECLS
