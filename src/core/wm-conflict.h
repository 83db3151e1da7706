/* wm-conflict.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WM_TYPE_CONFLICT (wm_conflict_get_type ())

G_DECLARE_FINAL_TYPE (WmConflict, wm_conflict, WM, CONFLICT, GObject)

WmConflict *wm_conflict_new        (const char *path,
                                    const char *base,
                                    const char *ours,
                                    const char *theirs);
const char *wm_conflict_get_path   (WmConflict *self);
const char *wm_conflict_get_base   (WmConflict *self);
const char *wm_conflict_get_ours   (WmConflict *self);
const char *wm_conflict_get_theirs (WmConflict *self);

G_END_DECLS
