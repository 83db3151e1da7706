/* wm-image-chooser.c: the file chooser for a persona's photo or a card's
 * picture: PNG and JPEG files only, the two types a map may embed.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-image-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-image-chooser.h"

/**
 * wm_image_chooser_new:
 * @parent: (nullable): the window it belongs to
 * @title: the chooser's title, such as "Choose a Photo"
 * @filter_name: what its filter calls the files, such as "Photos"
 *
 * Returns: (transfer full): a modal chooser of one PNG or JPEG file,
 *   through the portal where there is one
 */
GtkFileChooserNative *
wm_image_chooser_new (GtkWindow  *parent,
                      const char *title,
                      const char *filter_name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}
