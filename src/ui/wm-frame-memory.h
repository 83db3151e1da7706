/* wm-frame-memory.h: keep the memory a frame is painted in for the next.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void wm_frame_memory_init     (void);
void wm_frame_memory_keep_for (GtkWidget *widget);
void wm_frame_memory_release  (GtkWidget *widget);

G_END_DECLS
