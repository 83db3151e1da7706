/* wm-conflict.c: one change that a merge could not settle.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-conflict"

#include "config.h"

#include "wm-conflict.h"

/* What both sides of a merge made of one place of the map. The values
 * are JSON texts, as the file format writes them, so that nothing either
 * side wrote is lost whatever it was; %NULL where a side has nothing
 * there (the element was added, or deleted). Immutable: resolving a
 * conflict removes it from the document. */
struct _WmConflict
{
  GObject parent_instance;

  char *path;
  char *base;
  char *ours;
  char *theirs;
};

G_DEFINE_FINAL_TYPE (WmConflict, wm_conflict, G_TYPE_OBJECT)

static void
wm_conflict_finalize (GObject *object)
{
  WmConflict *self = WM_CONFLICT (object);

  g_free (self->path);
  g_free (self->base);
  g_free (self->ours);
  g_free (self->theirs);

  G_OBJECT_CLASS (wm_conflict_parent_class)->finalize (object);
}

static void
wm_conflict_class_init (WmConflictClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_conflict_finalize;
}

static void
wm_conflict_init (WmConflict *self)
{
}

/**
 * wm_conflict_new:
 * @path: where in the map, such as "cards[c1].title"
 * @base: (nullable): the value both sides started from, as JSON text
 * @ours: (nullable): our value, as JSON text
 * @theirs: (nullable): their value, as JSON text
 *
 * Returns: (transfer full): a new conflict
 */
WmConflict *
wm_conflict_new (const char *path,
                 const char *base,
                 const char *ours,
                 const char *theirs)
{
  WmConflict *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (WM_TYPE_CONFLICT, NULL);
  self->path = g_strdup (path);
  self->base = g_strdup (base);
  self->ours = g_strdup (ours);
  self->theirs = g_strdup (theirs);
  return self;
}

const char *
wm_conflict_get_path (WmConflict *self)
{
  g_return_val_if_fail (WM_IS_CONFLICT (self), NULL);
  return self->path;
}

const char *
wm_conflict_get_base (WmConflict *self)
{
  g_return_val_if_fail (WM_IS_CONFLICT (self), NULL);
  return self->base;
}

const char *
wm_conflict_get_ours (WmConflict *self)
{
  g_return_val_if_fail (WM_IS_CONFLICT (self), NULL);
  return self->ours;
}

const char *
wm_conflict_get_theirs (WmConflict *self)
{
  g_return_val_if_fail (WM_IS_CONFLICT (self), NULL);
  return self->theirs;
}
