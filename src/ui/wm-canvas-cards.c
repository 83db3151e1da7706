/* wm-canvas-cards.c: a widget for each card near the viewport.
 *
 * A map may hold 10,000 cards; the canvas keeps widgets only for those in
 * or near the visible area and rebinds them to other cards as the view
 * scrolls, so the number of widgets follows the window's size, not the
 * map's. The focused card and a card being dragged keep theirs wherever
 * they are, so focus and a drag survive scrolling. Zoomed out below
 * WM_CANVAS_MIN_TEXT_ZOOM, where the whole of a big map shows and cards
 * are painted as shapes, only those two keep widgets.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-cards"

#include "config.h"

#include "wm-canvas-private.h"

/* How far beyond the viewport cards get widgets, in map units, so that
 * a short scroll shows cards already drawn. */
#define OVERSCAN 160
/* Unused widgets kept for reuse; beyond this they are destroyed. */
#define MAX_SPARE_WIDGETS 64

static void
release_widget (WmCanvas     *self,
                WmCardWidget *widget)
{
  wm_card_widget_unbind (widget);
  gtk_widget_unset_state_flags (GTK_WIDGET (widget), GTK_STATE_FLAG_SELECTED);
  if (self->spare_widgets->len < MAX_SPARE_WIDGETS)
    {
      gtk_widget_set_child_visible (GTK_WIDGET (widget), FALSE);
      g_ptr_array_add (self->spare_widgets, widget);
    }
  else
    gtk_widget_unparent (GTK_WIDGET (widget));
}

static WmCardWidget *
acquire_widget (WmCanvas *self)
{
  GtkWidget *widget;

  if (self->spare_widgets->len > 0)
    {
      widget = g_ptr_array_steal_index_fast (self->spare_widgets, self->spare_widgets->len - 1);
      gtk_widget_set_child_visible (widget, TRUE);
      return WM_CARD_WIDGET (widget);
    }

  widget = wm_card_widget_new ();
  wm_canvas_dnd_attach_card (self, WM_CARD_WIDGET (widget));
  /* Before the editor and the "+" button, which must stay on top. */
  gtk_widget_insert_after (widget, GTK_WIDGET (self), NULL);
  return WM_CARD_WIDGET (widget);
}

static void
bind (WmCanvas        *self,
      WmCardWidget    *widget,
      const WmCardBox *box)
{
  wm_card_widget_bind (widget, self->layout, box);
  if (wm_canvas_card_is_selected (self, box->card))
    gtk_widget_set_state_flags (GTK_WIDGET (widget), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (widget), GTK_STATE_FLAG_SELECTED);
  /* Every card on its way to another cell is faded, not just the one
   * under the pointer. */
  if (self->dragged_cards != NULL && g_ptr_array_find (self->dragged_cards, box->card, NULL))
    gtk_widget_add_css_class (GTK_WIDGET (widget), "dragged");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "dragged");
}

static gboolean
must_keep (WmCanvas *self,
           WmCard   *card,
           GtkWidget *widget)
{
  return card == self->pinned_card || gtk_widget_is_focus (widget);
}

/* Gives every card in view a widget and takes them from cards out of
 * view. */
static void
assign_widgets (WmCanvas *self)
{
  WmRect visible = wm_canvas_get_visible_rect (self);
  WmRect wanted = { visible.x - OVERSCAN, visible.y - OVERSCAN,
                    visible.width + 2 * OVERSCAN, visible.height + 2 * OVERSCAN };
  gboolean shapes = self->zoom < WM_CANVAS_MIN_TEXT_ZOOM;
  g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);  /* WmCard → its box, in view */
  GHashTableIter iter;
  gpointer card, widget;

  /* As shapes, no scrolling needs new widgets: the area covers all. */
  self->cards_wanted = shapes ? (WmRect) { -G_MAXFLOAT / 4, -G_MAXFLOAT / 4, G_MAXFLOAT / 2, G_MAXFLOAT / 2 } : wanted;
  self->cards_layout = self->layout;

  for (guint i = 0; self->layout != NULL && !shapes && i < self->layout->cards->len; i++)
    {
      const WmCardBox *box = &g_array_index (self->layout->cards, WmCardBox, i);

      if (wm_rect_intersects (&box->rect, &wanted) || box->card == self->pinned_card)
        g_hash_table_insert (keep, box->card, (gpointer) box);
    }

  /* Widgets whose card left the view (or the map) go back to the pool,
   * unless focus or a drag holds them. */
  g_hash_table_iter_init (&iter, self->card_widgets);
  while (g_hash_table_iter_next (&iter, &card, &widget))
    {
      const WmCardBox *box = g_hash_table_lookup (keep, card);

      /* Searching the whole layout only for the rare card held off
       * screen keeps a scroll frame linear in the cards. */
      if (box == NULL && self->layout != NULL && must_keep (self, card, widget))
        box = wm_layout_find_card (self->layout, card);
      if (box != NULL)
        {
          bind (self, widget, box);
          g_hash_table_remove (keep, card);
          continue;
        }
      g_hash_table_iter_remove (&iter);
      release_widget (self, widget);
    }

  g_hash_table_iter_init (&iter, keep);
  while (g_hash_table_iter_next (&iter, &card, &widget))
    {
      const WmCardBox *box = widget;
      WmCardWidget *fresh = acquire_widget (self);

      bind (self, fresh, box);
      g_hash_table_insert (self->card_widgets, box->card, fresh);
    }
}

void
wm_canvas_cards_init (WmCanvas *self)
{
  self->card_widgets = g_hash_table_new (NULL, NULL);
  self->spare_widgets = g_ptr_array_new ();
}

void
wm_canvas_cards_dispose (WmCanvas *self)
{
  GHashTableIter iter;
  gpointer widget;

  if (self->card_widgets == NULL)
    return;
  g_hash_table_iter_init (&iter, self->card_widgets);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    gtk_widget_unparent (widget);
  for (guint i = 0; i < self->spare_widgets->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->spare_widgets, i));
  g_clear_pointer (&self->card_widgets, g_hash_table_unref);
  g_clear_pointer (&self->spare_widgets, g_ptr_array_unref);
}

/* Rebinds after a new layout, so no widget points into the old one. */
void
wm_canvas_cards_rebind (WmCanvas *self)
{
  assign_widgets (self);
}

/* Places the card widgets at their boxes, scaled and scrolled.
 *
 * Widgets are not given out here: showing one queues a resize, which in
 * the middle of allocation leaves the window's content unallocated for
 * the frame, and it would flash empty. When the view has moved beyond
 * the cards that have widgets, they are given out before the next
 * frame's layout instead. */
void
wm_canvas_cards_allocate (WmCanvas *self)
{
  GHashTableIter iter;
  gpointer card, widget;
  WmRect visible = wm_canvas_get_visible_rect (self);

  if (self->cards_layout != self->layout || !wm_rect_contains_rect (&self->cards_wanted, &visible, 0))
    wm_canvas_schedule_update (self);
  g_hash_table_iter_init (&iter, self->card_widgets);
  while (g_hash_table_iter_next (&iter, &card, &widget))
    {
      const WmCardBox *box = wm_card_widget_get_box (widget);
      graphene_rect_t rect = wm_canvas_map_to_widget_rect (self, &box->rect);
      GtkAllocation allocation = { (int) round (rect.origin.x), (int) round (rect.origin.y),
                                   (int) round (rect.size.width), (int) round (rect.size.height) };

      gtk_widget_size_allocate (widget, &allocation, -1);
    }
}

/* The focused card's widget is kept even off screen, so snapshotting
 * all children costs only what is near the view. */
void
wm_canvas_cards_snapshot (WmCanvas    *self,
                          GtkSnapshot *snapshot)
{
  GHashTableIter iter;
  gpointer card, widget;

  g_hash_table_iter_init (&iter, self->card_widgets);
  while (g_hash_table_iter_next (&iter, &card, &widget))
    gtk_widget_snapshot_child (GTK_WIDGET (self), widget, snapshot);
}

/**
 * wm_canvas_cards_realize:
 * @card: a card of the map
 *
 * Makes sure @card has a widget now, whether or not it is in view, for
 * focusing it or starting an edit before the next frame.
 *
 * Returns: (transfer none) (nullable): the widget, or %NULL if the card
 *   is not laid out (its lane is collapsed)
 */
WmCardWidget *
wm_canvas_cards_realize (WmCanvas *self,
                         WmCard   *card)
{
  WmCardWidget *widget;
  const WmCardBox *box;

  /* First, as a new layout may give the card a widget of its own. */
  wm_canvas_ensure_layout (self);
  widget = g_hash_table_lookup (self->card_widgets, card);
  box = self->layout != NULL ? wm_layout_find_card (self->layout, card) : NULL;
  if (box == NULL)
    return NULL;
  if (widget == NULL)
    {
      widget = acquire_widget (self);
      g_hash_table_insert (self->card_widgets, card, widget);
    }
  bind (self, widget, box);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return widget;
}
