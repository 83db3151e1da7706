/* wm-command.h: one recorded change to a document, able to undo itself.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "wm-element.h"

G_BEGIN_DECLS

typedef struct _WmCommand WmCommand;

typedef struct
{
  const char *name;
  void      (*apply)  (WmCommand       *self);
  void      (*revert) (WmCommand       *self);
  /* Folds @next into @self when both are part of one continuous edit,
   * such as typing in one field. Optional. */
  gboolean  (*merge)  (WmCommand       *self,
                       const WmCommand *next);
  void      (*free)   (WmCommand       *self);
} WmCommandClass;

struct _WmCommand
{
  const WmCommandClass *klass;
};

/* Called by list commands so the document keeps its id index current. */
typedef void (*WmElementIndexFunc) (gpointer   index_owner,
                                    WmElement *element,
                                    gboolean   present);

WmCommand *wm_command_set_field_new   (WmElement          *element,
                                       GParamSpec         *pspec,
                                       const GValue       *value,
                                       const char         *merge_key,
                                       gboolean            borrow_element);
WmCommand *wm_command_list_insert_new (GListStore         *store,
                                       guint               position,
                                       WmElement          *element,
                                       WmElementIndexFunc  index_func,
                                       gpointer            index_owner);
WmCommand *wm_command_list_remove_new (GListStore         *store,
                                       guint               position,
                                       WmElementIndexFunc  index_func,
                                       gpointer            index_owner);
WmCommand *wm_command_list_move_new   (GListStore         *store,
                                       guint               from,
                                       guint               to);
WmCommand *wm_command_list_replace_new (GListStore        *store,
                                       GPtrArray          *items,
                                       WmElementIndexFunc  index_func,
                                       gpointer            index_owner);
WmCommand *wm_command_set_unknown_new (WmElement          *element,
                                       const char         *json,
                                       gboolean            borrow_element);

void       wm_command_apply           (WmCommand          *self);
void       wm_command_revert          (WmCommand          *self);
gboolean   wm_command_merge           (WmCommand          *self,
                                       const WmCommand    *next);
void       wm_command_free            (WmCommand          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmCommand, wm_command_free)

G_END_DECLS
