/* wm-mermaid.h: maps to and from Mermaid “journey” diagrams.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

char       *wm_mermaid_export (WmDocument  *document);
WmDocument *wm_mermaid_import (const char  *data,
                               gsize        length,
                               GError     **error);
WmDocument *wm_mermaid_import_with_warnings (const char  *data,
                                             gsize        length,
                                             GStrv       *warnings,
                                             GError     **error);

G_END_DECLS
