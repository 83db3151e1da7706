/* wm-history.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "wm-command.h"

G_BEGIN_DECLS

/* Deep enough that nobody reaches it in a day's work. */
#define WM_HISTORY_DEFAULT_LIMIT 10000

#define WM_TYPE_HISTORY (wm_history_get_type ())

G_DECLARE_FINAL_TYPE (WmHistory, wm_history, WM, HISTORY, GObject)

WmHistory  *wm_history_new              (void);
void        wm_history_begin            (WmHistory  *self,
                                         const char *label);
void        wm_history_commit           (WmHistory  *self);
void        wm_history_abort            (WmHistory  *self);
gboolean    wm_history_in_transaction   (WmHistory  *self);
void        wm_history_push             (WmHistory  *self,
                                         WmCommand  *command);
gboolean    wm_history_undo             (WmHistory  *self);
gboolean    wm_history_redo             (WmHistory  *self);
gboolean    wm_history_get_can_undo     (WmHistory  *self);
gboolean    wm_history_get_can_redo     (WmHistory  *self);
const char *wm_history_get_undo_label   (WmHistory  *self);
const char *wm_history_get_redo_label   (WmHistory  *self);
gboolean    wm_history_get_dirty        (WmHistory  *self);
void        wm_history_mark_saved       (WmHistory  *self);
guint       wm_history_get_limit        (WmHistory  *self);
void        wm_history_set_limit        (WmHistory  *self,
                                         guint       limit);
guint       wm_history_get_n_undo_steps (WmHistory  *self);

G_END_DECLS
