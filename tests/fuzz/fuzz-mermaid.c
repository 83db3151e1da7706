/* fuzz-mermaid.c: libFuzzer target for the Mermaid importer; see
 * fuzz-importer.h for what it checks. Every export must also read in
 * Mermaid's own grammar (journey-grammar.h).
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-importer.h"
#include "journey-grammar.h"
#include "wm-mermaid.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_grammar (const char *exported)
{
  g_autofree char *problem = NULL;
  g_autoptr(Journey) journey = journey_parse (exported, &problem);

  if (journey == NULL)
    g_error ("Mermaid would not read the export (%s):\n%s", problem, exported);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  return fuzz_importer (data, size, wm_mermaid_import, wm_mermaid_export, check_grammar);
}
