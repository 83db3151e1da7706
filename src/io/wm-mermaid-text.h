/* wm-mermaid-text.h: names written in, and read from, Mermaid's own
 * entity codes.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  WM_MERMAID_TEXT,     /* a title or a section: runs to the end of its line */
  WM_MERMAID_TASK,     /* starts its line, so must not read as a keyword */
  WM_MERMAID_ACTOR,    /* in a comma-separated list */
} WmMermaidName;

/* How an empty name is written: a section or task cannot be empty. */
#define WM_MERMAID_EMPTY "#8203;"

char     *wm_mermaid_text_escape       (const char     *text,
                                        WmMermaidName   kind);
char     *wm_mermaid_text_unescape     (const char     *text,
                                        gsize           length);
gboolean  wm_mermaid_text_entity_at    (const char     *text);
gboolean  wm_mermaid_text_is_space     (gunichar        c);

G_END_DECLS
