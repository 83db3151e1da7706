/* wm-image-chooser.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *wm_image_chooser_new (GtkWindow  *parent,
                                            const char *title,
                                            const char *filter_name);

G_END_DECLS
