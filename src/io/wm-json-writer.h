/* wm-json-writer.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _WmJsonWriter WmJsonWriter;

WmJsonWriter *wm_json_writer_new           (void);
void          wm_json_writer_free          (WmJsonWriter *self);
char         *wm_json_writer_finish        (WmJsonWriter *self,
                                            gsize        *length);
void          wm_json_writer_begin_object  (WmJsonWriter *self,
                                            const char   *key);
void          wm_json_writer_end_object    (WmJsonWriter *self);
void          wm_json_writer_begin_array   (WmJsonWriter *self,
                                            const char   *key);
void          wm_json_writer_end_array     (WmJsonWriter *self);
void          wm_json_writer_string        (WmJsonWriter *self,
                                            const char   *key,
                                            const char   *value);
void          wm_json_writer_int           (WmJsonWriter *self,
                                            const char   *key,
                                            gint64        value);
void          wm_json_writer_double        (WmJsonWriter *self,
                                            const char   *key,
                                            double        value);
void          wm_json_writer_boolean       (WmJsonWriter *self,
                                            const char   *key,
                                            gboolean      value);
void          wm_json_writer_set_literals  (WmJsonWriter *self,
                                            GHashTable   *literals);
void          wm_json_writer_node          (WmJsonWriter *self,
                                            const char   *key,
                                            JsonNode     *node);
void          wm_json_writer_strv          (WmJsonWriter *self,
                                            const char   *key,
                                            const char * const *values);

const char   *wm_json_format_double        (double        value,
                                            char         *buffer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmJsonWriter, wm_json_writer_free)

G_END_DECLS
