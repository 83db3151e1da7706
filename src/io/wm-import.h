/* wm-import.h: reading a CSV or Mermaid file into a map, for the window
 * and the command line alike.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-document.h"

G_BEGIN_DECLS

gboolean    wm_import_can_read (const char  *name);
WmDocument *wm_import_file     (GFile       *file,
                                GStrv       *warnings,
                                GError     **error);

G_END_DECLS
