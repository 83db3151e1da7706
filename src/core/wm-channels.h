/* wm-channels.h: the common channels a touchpoint happens in. A card's
 * channel is one of these ids or free text; the ids are what the file
 * format stores (data/format/file-format.md lists them).
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;         /* as stored in files, e.g. "mobile-app" */
  const char *name;       /* untranslated; show with wm_channel_get_display_name() */
  const char *icon_name;  /* a symbolic icon for the painter and the canvas */
} WmChannel;

const WmChannel *wm_channels_get_all            (guint      *n_channels);
const WmChannel *wm_channel_lookup              (const char *id);
const char      *wm_channel_get_display_name    (const char *channel);

G_END_DECLS
