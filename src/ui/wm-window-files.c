/* wm-window-files.c: a window's map on disk: the title, saving, watching
 * the file for changes made elsewhere, and recovery copies.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-layout-text.h"
#include "wm-window-private.h"

/* The title names the map, the subtitle its file. */
void
wm_window_update_title (WmWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;

  if (self->document == NULL)
    return;
  title = wm_layout_map_title (self->document);
  basename = self->file != NULL ? g_file_get_basename (self->file) : NULL;
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, basename);
}

void
wm_window_add_file_actions (WmWindow *self)
{
}

void
wm_window_files_dispose (WmWindow *self)
{
  g_clear_object (&self->file_monitor);
  g_clear_handle_id (&self->autosave_source, g_source_remove);
}

/* Returns whether the window may close now. */
gboolean
wm_window_files_close_request (WmWindow *self)
{
  return TRUE;
}

/* Called once a map is shown, whether opened, new or recovered. */
void
wm_window_files_document_shown (WmWindow *self)
{
  wm_window_update_title (self);
}
