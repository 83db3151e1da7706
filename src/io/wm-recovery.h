/* wm-recovery.h: recovery copies of unsaved maps, kept in the user's state
 * directory so a crash loses at most a few seconds of work.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-document.h"

G_BEGIN_DECLS

/* A recovery copy left behind by a Waymark that is no longer running. */
typedef struct
{
  char      *id;
  char      *title;      /* the map's title when the copy was written */
  GFile     *original;   /* where the map was saved, or NULL if never */
  GDateTime *written;    /* when the copy was written, local time */
} WmRecoveryEntry;

void        wm_recovery_entry_free   (WmRecoveryEntry  *entry);

GFile      *wm_recovery_get_directory (void);
char       *wm_recovery_new_id        (void);
gboolean    wm_recovery_write         (const char       *id,
                                       const char       *json,
                                       gsize             length,
                                       const char       *title,
                                       GFile            *original,
                                       GError          **error);
void        wm_recovery_remove        (const char       *id);
GPtrArray  *wm_recovery_list_orphans  (void);
WmDocument *wm_recovery_load          (WmRecoveryEntry  *entry,
                                       GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmRecoveryEntry, wm_recovery_entry_free)

G_END_DECLS
