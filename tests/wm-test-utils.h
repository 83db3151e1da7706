/* wm-test-utils.h: helpers shared by the widget tests and the screenshot
 * tool.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWindow *wm_test_find_toplevel_of_type (GType type);
void       wm_test_wait_for_frames       (guint frames);

G_END_DECLS
