/* wm-print.h: printing a map through GtkPrintOperation.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "wm-document.h"

G_BEGIN_DECLS

typedef enum
{
  WM_PRINT_FIT_WIDTH,       /* the map's width on the page, pages down the map */
  WM_PRINT_TILE,            /* actual size, across as many pages as it takes */
  WM_PRINT_FIT_PAGE,        /* the whole map scaled onto one page */
} WmPrintMode;

GtkPrintOperation *wm_print_operation_new (WmDocument  *document,
                                           WmPrintMode  mode);

G_END_DECLS
