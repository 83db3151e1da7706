/* wm-user-templates.h
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-document.h"

G_BEGIN_DECLS

/* The top-level member of a template file that holds its name and
 * description; a map made from the template does not have it. */
#define WM_USER_TEMPLATE_MEMBER "template"

/**
 * WmUserTemplateSaveFlags:
 * @WM_USER_TEMPLATE_SAVE_DEFAULT: keep the map as it is; refuse a name
 *   that is taken
 * @WM_USER_TEMPLATE_SAVE_HINTS: the cards become empty, their titles kept
 *   as hints (and the map's and personas' words likewise)
 * @WM_USER_TEMPLATE_SAVE_REPLACE: write over a template of the same name
 */
typedef enum
{
  WM_USER_TEMPLATE_SAVE_DEFAULT = 0,
  WM_USER_TEMPLATE_SAVE_HINTS   = 1 << 0,
  WM_USER_TEMPLATE_SAVE_REPLACE = 1 << 1,
} WmUserTemplateSaveFlags;

typedef struct
{
  char  *name;
  char  *description;
  GFile *file;
} WmUserTemplate;

void        wm_user_template_free             (WmUserTemplate  *self);

GFile      *wm_user_templates_get_folder      (void);
gboolean    wm_user_templates_check_name      (const char      *name,
                                               GError         **error);
GPtrArray  *wm_user_templates_list            (void);
gboolean    wm_user_templates_save            (WmDocument      *document,
                                               const char      *name,
                                               const char      *description,
                                               WmUserTemplateSaveFlags flags,
                                               GError         **error);
gboolean    wm_user_templates_exists          (const char      *name);
gboolean    wm_user_templates_rename          (const char      *name,
                                               const char      *new_name,
                                               GError         **error);
gboolean    wm_user_templates_delete          (const char      *name,
                                               GError         **error);
GFile      *wm_user_templates_lookup          (const char      *name);
WmDocument *wm_user_template_instantiate_file (GFile           *file,
                                               GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmUserTemplate, wm_user_template_free)

G_END_DECLS
