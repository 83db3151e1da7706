/* wm-command.c: the few kinds of change every edit is made of: writing a
 * field, and inserting, removing or moving an element in a list.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-command"

#include "config.h"

#include "wm-command.h"
#include "wm-element-private.h"

/* Writing a field */

typedef struct
{
  WmCommand   parent;
  WmElement  *element;
  GParamSpec *pspec;
  GValue      old_value;
  GValue      new_value;
  char       *merge_key;
  gboolean    borrowed;
} SetField;

static void
set_field_apply (WmCommand *command)
{
  SetField *self = (SetField *) command;

  wm_element_write_field (self->element, self->pspec, &self->new_value);
}

static void
set_field_revert (WmCommand *command)
{
  SetField *self = (SetField *) command;

  wm_element_write_field (self->element, self->pspec, &self->old_value);
}

static gboolean
set_field_merge (WmCommand       *command,
                 const WmCommand *next_command)
{
  SetField *self = (SetField *) command;
  const SetField *next = (const SetField *) next_command;

  if (self->merge_key == NULL ||
      g_strcmp0 (self->merge_key, next->merge_key) != 0 ||
      self->element != next->element ||
      self->pspec != next->pspec)
    return FALSE;

  g_value_copy (&next->new_value, &self->new_value);
  return TRUE;
}

static void
set_field_free (WmCommand *command)
{
  SetField *self = (SetField *) command;

  if (!self->borrowed)
    g_clear_object (&self->element);
  g_value_unset (&self->old_value);
  g_value_unset (&self->new_value);
  g_free (self->merge_key);
  g_free (self);
}

static const WmCommandClass set_field_class = {
  .name = "set-field",
  .apply = set_field_apply,
  .revert = set_field_revert,
  .merge = set_field_merge,
  .free = set_field_free,
};

/**
 * wm_command_set_field_new:
 * @element: the element to change
 * @pspec: one of @element's fields
 * @value: the new value
 * @merge_key: (nullable): commands with the same key on the same field
 *   merge into one undo step, as consecutive typing does
 * @borrow_element: whether to hold no reference on @element; for the
 *   document's own fields, since the document owns the history and a
 *   reference would keep both alive forever
 *
 * Returns: (transfer full): a command that writes @value, remembering the
 *   current value to undo
 */
WmCommand *
wm_command_set_field_new (WmElement    *element,
                          GParamSpec   *pspec,
                          const GValue *value,
                          const char   *merge_key,
                          gboolean      borrow_element)
{
  SetField *self = g_new0 (SetField, 1);

  self->parent.klass = &set_field_class;
  self->borrowed = borrow_element;
  self->element = borrow_element ? element : g_object_ref (element);
  self->pspec = pspec;
  g_value_init (&self->old_value, pspec->value_type);
  g_value_copy (wm_element_peek_value (element, pspec), &self->old_value);
  g_value_init (&self->new_value, pspec->value_type);
  g_value_copy (value, &self->new_value);
  self->merge_key = g_strdup (merge_key);

  return &self->parent;
}

/* Inserting and removing: one type, since each is the other undone */

typedef struct
{
  WmCommand           parent;
  GListStore         *store;
  guint               position;
  WmElement          *element;
  WmElementIndexFunc  index_func;
  gpointer            index_owner;
} ListChange;

static void
list_change_insert (ListChange *self)
{
  g_list_store_insert (self->store, self->position, self->element);
  if (self->index_func != NULL)
    self->index_func (self->index_owner, self->element, TRUE);
}

static void
list_change_remove (ListChange *self)
{
  if (self->index_func != NULL)
    self->index_func (self->index_owner, self->element, FALSE);
  g_list_store_remove (self->store, self->position);
}

static void
list_insert_apply (WmCommand *command)
{
  list_change_insert ((ListChange *) command);
}

static void
list_insert_revert (WmCommand *command)
{
  list_change_remove ((ListChange *) command);
}

static void
list_change_free (WmCommand *command)
{
  ListChange *self = (ListChange *) command;

  g_clear_object (&self->store);
  g_clear_object (&self->element);
  g_free (self);
}

static const WmCommandClass list_insert_class = {
  .name = "list-insert",
  .apply = list_insert_apply,
  .revert = list_insert_revert,
  .free = list_change_free,
};

static const WmCommandClass list_remove_class = {
  .name = "list-remove",
  .apply = list_insert_revert,
  .revert = list_insert_apply,
  .free = list_change_free,
};

static WmCommand *
list_change_new (const WmCommandClass *klass,
                 GListStore           *store,
                 guint                 position,
                 WmElement            *element,
                 WmElementIndexFunc    index_func,
                 gpointer              index_owner)
{
  ListChange *self = g_new0 (ListChange, 1);

  self->parent.klass = klass;
  self->store = g_object_ref (store);
  self->position = position;
  self->element = g_object_ref (element);
  self->index_func = index_func;
  self->index_owner = index_owner;

  return &self->parent;
}

/**
 * wm_command_list_insert_new:
 * @store: the list
 * @position: where @element goes, at most the list's length
 * @element: the element to insert
 * @index_func: (nullable): told when @element enters or leaves the document
 * @index_owner: passed to @index_func
 *
 * Returns: (transfer full): the command
 */
WmCommand *
wm_command_list_insert_new (GListStore         *store,
                            guint               position,
                            WmElement          *element,
                            WmElementIndexFunc  index_func,
                            gpointer            index_owner)
{
  g_return_val_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (store)), NULL);

  return list_change_new (&list_insert_class, store, position, element, index_func, index_owner);
}

/**
 * wm_command_list_remove_new:
 * @store: the list
 * @position: the position of the element to remove
 * @index_func: (nullable): told when the element leaves or comes back
 * @index_owner: passed to @index_func
 *
 * Returns: (transfer full): the command
 */
WmCommand *
wm_command_list_remove_new (GListStore         *store,
                            guint               position,
                            WmElementIndexFunc  index_func,
                            gpointer            index_owner)
{
  g_autoptr(WmElement) element = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_return_val_if_fail (element != NULL, NULL);

  return list_change_new (&list_remove_class, store, position, element, index_func, index_owner);
}

/* Moving within a list */

typedef struct
{
  WmCommand   parent;
  GListStore *store;
  guint       from;
  guint       to;
} ListMove;

static void
move_item (GListStore *store,
           guint       from,
           guint       to)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), from);

  g_list_store_remove (store, from);
  g_list_store_insert (store, to, item);
}

static void
list_move_apply (WmCommand *command)
{
  ListMove *self = (ListMove *) command;

  move_item (self->store, self->from, self->to);
}

static void
list_move_revert (WmCommand *command)
{
  ListMove *self = (ListMove *) command;

  move_item (self->store, self->to, self->from);
}

static void
list_move_free (WmCommand *command)
{
  ListMove *self = (ListMove *) command;

  g_clear_object (&self->store);
  g_free (self);
}

static const WmCommandClass list_move_class = {
  .name = "list-move",
  .apply = list_move_apply,
  .revert = list_move_revert,
  .free = list_move_free,
};

/**
 * wm_command_list_move_new:
 * @store: the list
 * @from: the element's position now
 * @to: its position once moved (counted after it is taken out)
 *
 * Returns: (transfer full): the command
 */
WmCommand *
wm_command_list_move_new (GListStore *store,
                          guint       from,
                          guint       to)
{
  ListMove *self;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_return_val_if_fail (from < n_items && to < n_items, NULL);

  self = g_new0 (ListMove, 1);
  self->parent.klass = &list_move_class;
  self->store = g_object_ref (store);
  self->from = from;
  self->to = to;

  return &self->parent;
}

void
wm_command_apply (WmCommand *self)
{
  self->klass->apply (self);
}

void
wm_command_revert (WmCommand *self)
{
  self->klass->revert (self);
}

gboolean
wm_command_merge (WmCommand       *self,
                  const WmCommand *next)
{
  return self->klass == next->klass &&
         self->klass->merge != NULL &&
         self->klass->merge (self, next);
}

void
wm_command_free (WmCommand *self)
{
  if (self != NULL)
    self->klass->free (self);
}

/* Replacing a list's whole contents: one change signal however long the
 * lists, which is what reloading a merged map needs. */

typedef struct
{
  WmCommand           parent;
  GListStore         *store;
  GPtrArray          *old_items;
  GPtrArray          *new_items;
  WmElementIndexFunc  index_func;
  gpointer            index_owner;
} ListReplace;

static void
list_replace_swap (ListReplace *self,
                   GPtrArray   *from,
                   GPtrArray   *to)
{
  /* Out of the index first: an element of @to may share an id with one
   * of @from. */
  if (self->index_func != NULL)
    for (guint i = 0; i < from->len; i++)
      self->index_func (self->index_owner, g_ptr_array_index (from, i), FALSE);
  g_list_store_splice (self->store, 0, from->len, to->pdata, to->len);
  if (self->index_func != NULL)
    for (guint i = 0; i < to->len; i++)
      self->index_func (self->index_owner, g_ptr_array_index (to, i), TRUE);
}

static void
list_replace_apply (WmCommand *command)
{
  ListReplace *self = (ListReplace *) command;

  list_replace_swap (self, self->old_items, self->new_items);
}

static void
list_replace_revert (WmCommand *command)
{
  ListReplace *self = (ListReplace *) command;

  list_replace_swap (self, self->new_items, self->old_items);
}

static void
list_replace_free (WmCommand *command)
{
  ListReplace *self = (ListReplace *) command;

  g_clear_object (&self->store);
  g_clear_pointer (&self->old_items, g_ptr_array_unref);
  g_clear_pointer (&self->new_items, g_ptr_array_unref);
  g_free (self);
}

static const WmCommandClass list_replace_class = {
  .name = "list-replace",
  .apply = list_replace_apply,
  .revert = list_replace_revert,
  .free = list_replace_free,
};

/**
 * wm_command_list_replace_new:
 * @store: the list
 * @items: (element-type GObject): what the list holds once applied
 * @index_func: (nullable): told when the items enter or leave the
 *   document, which they must be #WmElement for
 * @index_owner: passed to @index_func
 *
 * Returns: (transfer full): a command that replaces everything in @store
 *   by @items, remembering what it held to undo
 */
WmCommand *
wm_command_list_replace_new (GListStore         *store,
                             GPtrArray          *items,
                             WmElementIndexFunc  index_func,
                             gpointer            index_owner)
{
  ListReplace *self = g_new0 (ListReplace, 1);
  GListModel *model = G_LIST_MODEL (store);
  guint n_items = g_list_model_get_n_items (model);

  self->parent.klass = &list_replace_class;
  self->store = g_object_ref (store);
  self->old_items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (self->old_items, g_list_model_get_item (model, i));
  self->new_items = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->new_items, g_object_ref (g_ptr_array_index (items, i)));
  self->index_func = index_func;
  self->index_owner = index_owner;

  return &self->parent;
}

/* Writing the keys a newer Waymark wrote, which no field holds */

typedef struct
{
  WmCommand  parent;
  WmElement *element;
  char      *old_json;
  char      *new_json;
  gboolean   borrowed;
} SetUnknown;

static void
set_unknown_apply (WmCommand *command)
{
  SetUnknown *self = (SetUnknown *) command;

  wm_element_set_unknown_json (self->element, self->new_json);
}

static void
set_unknown_revert (WmCommand *command)
{
  SetUnknown *self = (SetUnknown *) command;

  wm_element_set_unknown_json (self->element, self->old_json);
}

static void
set_unknown_free (WmCommand *command)
{
  SetUnknown *self = (SetUnknown *) command;

  if (!self->borrowed)
    g_clear_object (&self->element);
  g_free (self->old_json);
  g_free (self->new_json);
  g_free (self);
}

static const WmCommandClass set_unknown_class = {
  .name = "set-unknown",
  .apply = set_unknown_apply,
  .revert = set_unknown_revert,
  .free = set_unknown_free,
};

/**
 * wm_command_set_unknown_new:
 * @element: the element to change
 * @json: (nullable): its new unknown members, as wm_element_set_unknown_json() takes
 * @borrow_element: as for wm_command_set_field_new()
 *
 * Returns: (transfer full): the command
 */
WmCommand *
wm_command_set_unknown_new (WmElement  *element,
                            const char *json,
                            gboolean    borrow_element)
{
  SetUnknown *self = g_new0 (SetUnknown, 1);

  self->parent.klass = &set_unknown_class;
  self->borrowed = borrow_element;
  self->element = borrow_element ? element : g_object_ref (element);
  self->old_json = g_strdup (wm_element_get_unknown_json (element));
  self->new_json = g_strdup (json);

  return &self->parent;
}
