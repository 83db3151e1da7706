/* wm-document-writer.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-document.h"
#include "wm-fields.h"

G_BEGIN_DECLS

#define WM_FORMAT_NAME    "waymark"
#define WM_FORMAT_VERSION 1

char     *wm_document_to_json (WmDocument    *document,
                               gsize         *length);
char     *wm_document_element_to_json (WmDocument        *document,
                                       WmElement         *element);
char     *wm_document_field_to_json   (WmElement         *element,
                                       const WmFieldInfo *field);
gboolean  wm_document_save    (WmDocument    *document,
                               GFile         *file,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
