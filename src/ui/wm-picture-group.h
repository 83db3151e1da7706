/* wm-picture-group.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-card.h"
#include "wm-document.h"

G_BEGIN_DECLS

#define WM_TYPE_PICTURE_GROUP (wm_picture_group_get_type ())

G_DECLARE_FINAL_TYPE (WmPictureGroup, wm_picture_group, WM, PICTURE_GROUP, AdwPreferencesGroup)

GtkWidget *wm_picture_group_new                   (WmDocument      *document,
                                                   WmCard          *card);
gboolean   wm_picture_group_set_picture_from_file (WmPictureGroup  *self,
                                                   GFile           *file,
                                                   GError         **error);

G_END_DECLS
