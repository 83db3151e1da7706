/* wm-interchange.h: what the CSV and Mermaid importers share: input
 * checks, their errors, and a builder that makes a new map from the
 * stages, lanes and cards they find.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

/* Larger files are refused before they are parsed. */
#define WM_INTERCHANGE_MAX_SIZE (16 * 1024 * 1024)

#define WM_INTERCHANGE_ERROR (wm_interchange_error_quark ())

typedef enum
{
  WM_INTERCHANGE_ERROR_TOO_LARGE,
  WM_INTERCHANGE_ERROR_INVALID,
  WM_INTERCHANGE_ERROR_EMPTY,
} WmInterchangeError;

typedef struct _WmMapBuilder WmMapBuilder;

GQuark        wm_interchange_error_quark   (void);
gboolean      wm_interchange_check_size    (gsize          length,
                                            GError       **error);
gboolean      wm_interchange_check_input   (const char    *data,
                                            gsize          length,
                                            GError       **error);
WmLaneKind    wm_lane_kind_guess           (const char    *title);
char         *wm_interchange_to_json       (WmDocument    *document,
                                            gsize         *length,
                                            GError       **error);

WmMapBuilder *wm_map_builder_new           (WmMapKind      kind,
                                            const char    *title);
WmStage      *wm_map_builder_add_stage     (WmMapBuilder  *self,
                                            const char    *name);
WmStage      *wm_map_builder_get_stage     (WmMapBuilder  *self,
                                            const char    *name);
WmLane       *wm_map_builder_get_lane      (WmMapBuilder  *self,
                                            const char    *title,
                                            WmLaneKind     kind);
guint         wm_map_builder_get_n_stages  (WmMapBuilder  *self);
guint         wm_map_builder_stage_index   (WmMapBuilder  *self,
                                            WmStage       *stage);
void          wm_map_builder_add           (WmMapBuilder  *self,
                                            gpointer       element);
WmDocument   *wm_map_builder_finish        (WmMapBuilder  *self);
void          wm_map_builder_free          (WmMapBuilder  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmMapBuilder, wm_map_builder_free)

G_END_DECLS
