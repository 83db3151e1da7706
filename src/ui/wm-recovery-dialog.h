/* wm-recovery-dialog.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "wm-recovery.h"

G_BEGIN_DECLS

AdwMessageDialog *wm_recovery_dialog_new (GtkWindow *parent,
                                          GPtrArray *entries);

G_END_DECLS
