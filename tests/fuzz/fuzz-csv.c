/* fuzz-csv.c: libFuzzer target for the CSV importer; see
 * fuzz-importer.h for what it checks.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-importer.h"
#include "wm-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  return fuzz_importer (data, size, wm_csv_import, wm_csv_export, NULL);
}
