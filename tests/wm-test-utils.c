/* wm-test-utils.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-test-utils.h"

/**
 * wm_test_find_toplevel_of_type:
 * @type: a #GtkWindow subtype
 *
 * Finds an open window of @type, such as the About window that an action
 * just opened.
 *
 * Returns: (transfer none) (nullable): the window
 */
GtkWindow *
wm_test_find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return GTK_WINDOW (window);
    }

  return NULL;
}

/**
 * wm_test_wait_for_frames:
 * @frames: how many frames' time to wait
 *
 * Lets layout, style and the frame clock settle before looking.
 */
void
wm_test_wait_for_frames (guint frames)
{
  for (guint i = 0; i < frames; i++)
    {
      g_usleep (16000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}
