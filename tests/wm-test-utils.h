/* wm-test-utils.h: helpers shared by the widget tests and the screenshot
 * tool.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-application.h"

G_BEGIN_DECLS

GtkWindow *wm_test_find_toplevel_of_type (GType type);
GtkWidget *wm_test_find_widget           (GtkWidget *root,
                                          gboolean  (*match) (GtkWidget *widget,
                                                              gpointer   data),
                                          gpointer   data);
GtkWidget *wm_test_find_descendant       (GtkWidget *root,
                                          GType      type);
GtkEventController *wm_test_find_controller (GtkWidget *widget,
                                          GType      type);
void       wm_test_wait_for_frames       (guint frames);
WmApplication *wm_test_register_application (void);
char      *wm_test_isolate_state_dir     (void);
void       wm_test_remove_tree           (const char *path);
gboolean   wm_test_wait_until            (gboolean  (*condition) (gpointer data),
                                          gpointer    data,
                                          guint       timeout_ms);

G_END_DECLS
