/* wm-history.c: undo and redo, in steps of one user gesture.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "wm-history.h"

/* One undo step: the commands of one gesture, applied in order. */
typedef struct
{
  char      *label;
  GPtrArray *commands;
} Step;

struct _WmHistory
{
  GObject    parent_instance;

  GQueue     undo_steps;   /* of Step, newest at the tail */
  GQueue     redo_steps;   /* of Step, next to redo at the tail */
  Step      *open_step;    /* collects commands between begin and end */
  guint      group_depth;
  guint      limit;

  /* How many steps the undo stack held when the document was saved, or
   * -1 once that state can no longer be reached by undo or redo. */
  gint64     saved_depth;
  /* TRUE while the newest step may still absorb a merging command. */
  gboolean   can_merge;
};

G_DEFINE_FINAL_TYPE (WmHistory, wm_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->commands = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_command_free);

  return step;
}

static void
step_free (Step *step)
{
  g_ptr_array_unref (step->commands);
  g_free (step->label);
  g_free (step);
}

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean dirty;
} State;

static State
get_state (WmHistory *self)
{
  return (State) {
    wm_history_get_can_undo (self),
    wm_history_get_can_redo (self),
    wm_history_get_dirty (self),
  };
}

static void
notify_changes (WmHistory *self,
                State      before)
{
  State after = get_state (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.dirty != after.dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
clear_redo (WmHistory *self)
{
  if (self->saved_depth > (gint64) self->undo_steps.length)
    self->saved_depth = -1;
  g_queue_clear_full (&self->redo_steps, (GDestroyNotify) step_free);
}

static void
trim_to_limit (WmHistory *self)
{
  while (self->undo_steps.length > self->limit)
    {
      step_free (g_queue_pop_head (&self->undo_steps));
      if (self->saved_depth >= 0)
        self->saved_depth--;
    }
}

static void
commit_step (WmHistory *self,
             Step      *step)
{
  State before = get_state (self);

  if (step->commands->len == 0)
    {
      step_free (step);
      return;
    }

  clear_redo (self);
  g_queue_push_tail (&self->undo_steps, step);
  trim_to_limit (self);
  notify_changes (self, before);
}

static void
wm_history_finalize (GObject *object)
{
  WmHistory *self = WM_HISTORY (object);

  g_queue_clear_full (&self->undo_steps, (GDestroyNotify) step_free);
  g_queue_clear_full (&self->redo_steps, (GDestroyNotify) step_free);
  g_clear_pointer (&self->open_step, step_free);

  G_OBJECT_CLASS (wm_history_parent_class)->finalize (object);
}

static void
wm_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WmHistory *self = WM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, wm_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, wm_history_get_can_redo (self));
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, wm_history_get_dirty (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_history_class_init (WmHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wm_history_finalize;
  object_class->get_property = wm_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * WmHistory:dirty:
   *
   * Whether the document differs from what was last saved.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WmHistory::changed:
   *
   * Emitted after any change to the document: a command done, undone or
   * redone, and once more when a group of commands closes, as the step
   * is then complete. Views and autosave follow this one signal rather
   * than every element's.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
wm_history_init (WmHistory *self)
{
  g_queue_init (&self->undo_steps);
  g_queue_init (&self->redo_steps);
  self->limit = WM_HISTORY_DEFAULT_LIMIT;
}

WmHistory *
wm_history_new (void)
{
  return g_object_new (WM_TYPE_HISTORY, NULL);
}

/**
 * wm_history_begin_group:
 * @self: a history
 * @label: (nullable): what the gesture does, for "Undo …" menu entries
 *
 * Starts one undo step. Groups nest: only the outermost end closes the
 * step, so a gesture may call functions that group their own changes.
 */
void
wm_history_begin_group (WmHistory  *self,
                        const char *label)
{
  g_return_if_fail (WM_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->open_step = step_new (label);
}

void
wm_history_end_group (WmHistory *self)
{
  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    {
      gboolean changed = self->open_step->commands->len > 0;

      commit_step (self, g_steal_pointer (&self->open_step));
      /* A gesture made of several commands never absorbs what follows. */
      self->can_merge = FALSE;
      if (changed)
        g_signal_emit (self, signals[CHANGED], 0);
    }
}

/* Files an applied command as wm_history_push() describes. */
static void
record (WmHistory *self,
        WmCommand *command)
{
  Step *last;

  if (self->open_step != NULL)
    {
      g_ptr_array_add (self->open_step->commands, command);
      return;
    }

  last = g_queue_peek_tail (&self->undo_steps);
  if (self->can_merge &&
      last != NULL &&
      self->redo_steps.length == 0 &&
      self->saved_depth != (gint64) self->undo_steps.length &&
      last->commands->len == 1 &&
      wm_command_merge (g_ptr_array_index (last->commands, 0), command))
    {
      wm_command_free (command);
      return;
    }

  last = step_new (NULL);
  g_ptr_array_add (last->commands, command);
  commit_step (self, last);
  self->can_merge = TRUE;
}

/**
 * wm_history_push:
 * @self: a history
 * @command: (transfer full): a command not applied yet
 *
 * Applies @command and records it: in the open group if there is one,
 * else as a step of its own, or folded into the previous step when both
 * are part of one continuous edit (typing in one field).
 */
void
wm_history_push (WmHistory *self,
                 WmCommand *command)
{
  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (command != NULL);

  wm_command_apply (command);
  record (self, command);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
wm_history_undo (WmHistory *self)
{
  State before;
  Step *step;

  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open_step == NULL, FALSE);

  if (self->undo_steps.length == 0)
    return FALSE;

  before = get_state (self);
  step = g_queue_pop_tail (&self->undo_steps);
  for (guint i = step->commands->len; i > 0; i--)
    wm_command_revert (g_ptr_array_index (step->commands, i - 1));
  g_queue_push_tail (&self->redo_steps, step);
  self->can_merge = FALSE;
  notify_changes (self, before);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
wm_history_redo (WmHistory *self)
{
  State before;
  Step *step;

  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open_step == NULL, FALSE);

  if (self->redo_steps.length == 0)
    return FALSE;

  before = get_state (self);
  step = g_queue_pop_tail (&self->redo_steps);
  for (guint i = 0; i < step->commands->len; i++)
    wm_command_apply (g_ptr_array_index (step->commands, i));
  g_queue_push_tail (&self->undo_steps, step);
  self->can_merge = FALSE;
  notify_changes (self, before);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
wm_history_get_can_undo (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return self->undo_steps.length > 0;
}

gboolean
wm_history_get_can_redo (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return self->redo_steps.length > 0;
}

static const char *
step_label (Step *step)
{
  return step != NULL ? step->label : NULL;
}

/**
 * wm_history_get_undo_label:
 *
 * Returns: (nullable): the label of the step wm_history_undo() would undo
 */
const char *
wm_history_get_undo_label (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), NULL);

  return step_label (g_queue_peek_tail (&self->undo_steps));
}

/**
 * wm_history_get_redo_label:
 *
 * Returns: (nullable): the label of the step wm_history_redo() would redo
 */
const char *
wm_history_get_redo_label (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), NULL);

  return step_label (g_queue_peek_tail (&self->redo_steps));
}

gboolean
wm_history_get_dirty (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return self->saved_depth != (gint64) self->undo_steps.length;
}

/**
 * wm_history_mark_saved:
 *
 * Records that the document as it is now is what is on disk.
 */
void
wm_history_mark_saved (WmHistory *self)
{
  State before;

  g_return_if_fail (WM_IS_HISTORY (self));

  before = get_state (self);
  self->saved_depth = self->undo_steps.length;
  self->can_merge = FALSE;
  notify_changes (self, before);
}

guint
wm_history_get_limit (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), 0);

  return self->limit;
}

/**
 * wm_history_set_limit:
 * @self: a history
 * @limit: the number of undo steps kept, at least 1
 *
 * The oldest steps are forgotten beyond @limit.
 */
void
wm_history_set_limit (WmHistory *self,
                      guint      limit)
{
  State before;

  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (limit >= 1);

  before = get_state (self);
  self->limit = limit;
  trim_to_limit (self);
  notify_changes (self, before);
}

guint
wm_history_get_n_undo_steps (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), 0);

  return self->undo_steps.length;
}
