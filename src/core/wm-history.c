/* wm-history.c: undo and redo, in steps of one user gesture.
 *
 * A gesture is a transaction: wm_history_begin() opens it, every command
 * pushed until wm_history_commit() becomes one undo step, and
 * wm_history_abort() reverts them all instead, leaving no trace. While a
 * transaction is open, undo and redo are off: the open step is neither
 * on the undo stack nor finished, so neither has a meaning then.
 *
 * Transactions nest, counted: an inner begin marks a savepoint, an inner
 * commit keeps its commands in the outer step, and an inner abort reverts
 * only what came after its begin. So a document method may group its own
 * commands whether or not a gesture has one open.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-history"

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
  Step      *open_step;    /* collects commands of the open transaction */
  GArray    *savepoints;   /* of guint: open_step's length at each begin */
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

/* Files @step on the undo stack; the caller notifies. */
static void
commit_step (WmHistory *self,
             Step      *step)
{
  if (step->commands->len == 0)
    {
      step_free (step);
      return;
    }

  clear_redo (self);
  g_queue_push_tail (&self->undo_steps, step);
  trim_to_limit (self);
}

static void
wm_history_finalize (GObject *object)
{
  WmHistory *self = WM_HISTORY (object);

  g_clear_pointer (&self->savepoints, g_array_unref);

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
   * Emitted after any change to the document: each command pushed, in a
   * transaction or not, and each step undone or redone; and once more
   * when the outermost transaction commits a step, or an abort reverts
   * commands, as the step is then complete or gone. Views and autosave
   * follow this one signal rather than every element's.
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
  self->savepoints = g_array_new (FALSE, FALSE, sizeof (guint));
  self->limit = WM_HISTORY_DEFAULT_LIMIT;
}

WmHistory *
wm_history_new (void)
{
  return g_object_new (WM_TYPE_HISTORY, NULL);
}

/**
 * wm_history_begin:
 * @self: a history
 * @label: (nullable): what the gesture does, for "Undo …" menu entries
 *
 * Opens a transaction: what is pushed until the matching
 * wm_history_commit() is one undo step, or is reverted by
 * wm_history_abort(). Calls nest; the outermost label names the step.
 * Undo and redo are off until the outermost transaction closes.
 */
void
wm_history_begin (WmHistory  *self,
                  const char *label)
{
  State before;
  guint mark;

  g_return_if_fail (WM_IS_HISTORY (self));

  before = get_state (self);
  if (self->open_step == NULL)
    self->open_step = step_new (label);
  mark = self->open_step->commands->len;
  g_array_append_val (self->savepoints, mark);
  notify_changes (self, before);
}

/* Closes the innermost transaction; the outermost one leaves @step's
 * fate to the caller. */
static Step *
close_transaction (WmHistory *self,
                   guint     *mark)
{
  *mark = g_array_index (self->savepoints, guint, self->savepoints->len - 1);
  g_array_set_size (self->savepoints, self->savepoints->len - 1);
  return self->savepoints->len == 0 ? g_steal_pointer (&self->open_step) : NULL;
}

/**
 * wm_history_commit:
 * @self: a history with a transaction open
 *
 * Closes the innermost transaction, keeping its changes. Closing the
 * outermost one files them as one undo step, if there are any.
 */
void
wm_history_commit (WmHistory *self)
{
  State before;
  Step *step;
  guint mark;
  gboolean changed;

  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (wm_history_in_transaction (self));

  before = get_state (self);
  step = close_transaction (self, &mark);
  if (step == NULL)
    return;

  changed = step->commands->len > 0;
  commit_step (self, step);
  /* A committed step has a name of its own: typing that follows, even
   * into the field it changed, is a step of its own too. */
  self->can_merge = FALSE;
  notify_changes (self, before);
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * wm_history_abort:
 * @self: a history with a transaction open
 *
 * Closes the innermost transaction, reverting, newest first, every
 * command pushed since it began: the document is as it was then, and
 * the undo and redo stacks are untouched.
 */
void
wm_history_abort (WmHistory *self)
{
  State before;
  g_autoptr(GPtrArray) reverted = NULL;
  Step *step;
  guint mark;

  g_return_if_fail (WM_IS_HISTORY (self));
  g_return_if_fail (wm_history_in_transaction (self));

  before = get_state (self);
  step = close_transaction (self, &mark);
  if (step != NULL)
    self->open_step = step;
  reverted = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_command_free);
  while (self->open_step->commands->len > mark)
    {
      WmCommand *command = g_ptr_array_steal_index (self->open_step->commands,
                                                    self->open_step->commands->len - 1);

      wm_command_revert (command);
      g_ptr_array_add (reverted, command);
    }
  if (step != NULL)
    g_clear_pointer (&self->open_step, step_free);
  notify_changes (self, before);
  if (reverted->len > 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * wm_history_in_transaction:
 *
 * Returns: whether a transaction is open
 */
gboolean
wm_history_in_transaction (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return self->open_step != NULL;
}

/* Files an applied command as wm_history_push() describes. */
static void
record (WmHistory *self,
        WmCommand *command)
{
  State before;
  Step *last;

  if (self->open_step != NULL)
    {
      before = get_state (self);
      g_ptr_array_add (self->open_step->commands, command);
      notify_changes (self, before);
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

  before = get_state (self);
  last = step_new (NULL);
  g_ptr_array_add (last->commands, command);
  commit_step (self, last);
  self->can_merge = TRUE;
  notify_changes (self, before);
}

/**
 * wm_history_push:
 * @self: a history
 * @command: (transfer full): a command not applied yet
 *
 * Applies @command and records it: in the open transaction if there is one,
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

  if (!wm_history_get_can_undo (self))
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

  if (!wm_history_get_can_redo (self))
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

/**
 * wm_history_get_can_undo:
 *
 * Returns: whether there is a step to undo and no transaction is open
 */
gboolean
wm_history_get_can_undo (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return self->open_step == NULL && self->undo_steps.length > 0;
}

/**
 * wm_history_get_can_redo:
 *
 * Returns: whether there is a step to redo and no transaction is open
 */
gboolean
wm_history_get_can_redo (WmHistory *self)
{
  g_return_val_if_fail (WM_IS_HISTORY (self), FALSE);

  return self->open_step == NULL && self->redo_steps.length > 0;
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

  /* A transaction's changes are not saved either, though not yet a step. */
  return self->saved_depth != (gint64) self->undo_steps.length ||
         (self->open_step != NULL && self->open_step->commands->len > 0);
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
  /* Saved halfway through a transaction, the file holds a state that
   * neither its commit nor its abort gives back: dirty either way. */
  if (self->open_step != NULL && self->open_step->commands->len > 0)
    self->saved_depth = -1;
  else
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
