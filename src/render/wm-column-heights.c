/* wm-column-heights.c: how far down a lane's cards reach in each stage.
 *
 * A card that spans stages goes below the lowest card of any of them,
 * and then ends all of them at its own bottom: a maximum over a range of
 * stages, then one value for the whole range. Done stage by stage, both
 * cost the span, and a lane whose cards each span forty thousand stages
 * would take forty thousand times as long as its cards. This segment
 * tree answers both in the logarithm of the number of stages: node 1
 * covers every stage, node i's children 2i and 2i + 1 cover its halves,
 * and a value set for a whole node waits there until a smaller range
 * needs its children. Most cards span one stage: until one spans more,
 * a plain array answers, and the tree is built only then.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-column-heights"

#include "config.h"

#include <math.h>

#include "wm-column-heights.h"

struct _WmColumnHeights
{
  guint n_stages;
  double *plain;            /* per stage, until the tree is built */
  guint leaves;             /* a power of two, at least the stages */
  double *max;              /* per node: the lowest bottom beneath it */
  double *pending;          /* per node: a bottom set for all of it, or NAN */
};

WmColumnHeights *
wm_column_heights_new (guint  n_stages,
                       double top)
{
  WmColumnHeights *self = g_new0 (WmColumnHeights, 1);

  self->n_stages = n_stages;
  self->plain = g_new (double, MAX (n_stages, 1));
  for (guint i = 0; i < n_stages; i++)
    self->plain[i] = top;
  return self;
}

void
wm_column_heights_free (WmColumnHeights *self)
{
  if (self == NULL)
    return;
  g_free (self->plain);
  g_free (self->max);
  g_free (self->pending);
  g_free (self);
}

/* Turns the plain array into the tree, for a card spanning stages. */
static void
build_tree (WmColumnHeights *self)
{
  self->leaves = 1;
  while (self->leaves < MAX (self->n_stages, 1))
    self->leaves *= 2;
  self->max = g_new (double, 2 * self->leaves);
  self->pending = g_new (double, 2 * self->leaves);
  for (guint i = 0; i < self->leaves; i++)
    self->max[self->leaves + i] = i < self->n_stages ? self->plain[i] : -G_MAXDOUBLE;
  for (guint node = self->leaves - 1; node >= 1; node--)
    self->max[node] = MAX (self->max[2 * node], self->max[2 * node + 1]);
  for (guint i = 0; i < 2 * self->leaves; i++)
    self->pending[i] = NAN;
  g_clear_pointer (&self->plain, g_free);
}

/* Hands a value set for all of @node down to its children. */
static void
push_down (WmColumnHeights *self,
           guint            node)
{
  if (isnan (self->pending[node]) || node >= self->leaves)
    return;
  for (guint child = 2 * node; child <= 2 * node + 1; child++)
    {
      self->max[child] = self->pending[node];
      self->pending[child] = self->pending[node];
    }
  self->pending[node] = NAN;
}

static double
query (WmColumnHeights *self,
       guint            node,
       guint            node_first,
       guint            node_count,
       guint            first,
       guint            end)
{
  guint half = node_count / 2;
  double left, right;

  if (end <= node_first || first >= node_first + node_count)
    return -G_MAXDOUBLE;
  if (first <= node_first && node_first + node_count <= end)
    return self->max[node];
  push_down (self, node);
  /* Not inside MAX (), which would ask each half twice. */
  left = query (self, 2 * node, node_first, half, first, end);
  right = query (self, 2 * node + 1, node_first + half, half, first, end);
  return MAX (left, right);
}

static void
assign (WmColumnHeights *self,
        guint            node,
        guint            node_first,
        guint            node_count,
        guint            first,
        guint            end,
        double           value)
{
  guint half = node_count / 2;

  if (end <= node_first || first >= node_first + node_count)
    return;
  if (first <= node_first && node_first + node_count <= end)
    {
      self->max[node] = value;
      self->pending[node] = value;
      return;
    }
  push_down (self, node);
  assign (self, 2 * node, node_first, half, first, end, value);
  assign (self, 2 * node + 1, node_first + half, half, first, end, value);
  self->max[node] = MAX (self->max[2 * node], self->max[2 * node + 1]);
}

/* The lowest bottom among @count stages from @first. */
double
wm_column_heights_max (WmColumnHeights *self,
                       guint            first,
                       guint            count)
{
  g_return_val_if_fail (count > 0 && first + count <= self->n_stages, 0);

  if (self->plain != NULL && count == 1)
    return self->plain[first];
  if (self->plain != NULL)
    build_tree (self);
  return query (self, 1, 0, self->leaves, first, first + count);
}

/* Ends @count stages from @first at @bottom. */
void
wm_column_heights_set (WmColumnHeights *self,
                       guint            first,
                       guint            count,
                       double           bottom)
{
  g_return_if_fail (count > 0 && first + count <= self->n_stages);

  if (self->plain != NULL && count == 1)
    {
      self->plain[first] = bottom;
      return;
    }
  if (self->plain != NULL)
    build_tree (self);
  assign (self, 1, 0, self->leaves, first, first + count, bottom);
}
