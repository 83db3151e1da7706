/* wm-file-input.h: reading a whole file that may be hostile.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean wm_file_load_regular (GFile         *file,
                               gsize          max_size,
                               GCancellable  *cancellable,
                               char         **contents,
                               gsize         *length,
                               GError       **error);

G_END_DECLS
