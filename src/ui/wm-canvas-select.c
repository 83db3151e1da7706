/* wm-canvas-select.c: which cards are selected, and moving through the
 * map from the keyboard.
 *
 * A click selects one card, Ctrl+click adds or removes one, Shift+click
 * selects the run of cards between the last clicked and this one in
 * reading order. Focus follows the keyboard from card to card, and up or
 * left past the last card to the stage and lane headers; the focused
 * card is selected, as in a file manager.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-canvas-select"

#include "config.h"

#include "wm-canvas-private.h"

static void
show_selection_state (WmCanvas *self)
{
  GHashTableIter iter;
  gpointer card, widget;

  g_hash_table_iter_init (&iter, self->card_widgets);
  while (g_hash_table_iter_next (&iter, &card, &widget))
    {
      if (wm_canvas_card_is_selected (self, card))
        gtk_widget_set_state_flags (widget, GTK_STATE_FLAG_SELECTED, FALSE);
      else
        gtk_widget_unset_state_flags (widget, GTK_STATE_FLAG_SELECTED);
    }
}

static void
selection_changed (WmCanvas *self)
{
  show_selection_state (self);
  wm_canvas_update_actions (self);
  g_object_notify (G_OBJECT (self), "selected-element");
}

void
wm_canvas_select_init (WmCanvas *self)
{
  self->selection = g_ptr_array_new_with_free_func (g_object_unref);
}

void
wm_canvas_select_dispose (WmCanvas *self)
{
  g_clear_pointer (&self->selection, g_ptr_array_unref);
  g_clear_object (&self->selected_element);
  g_clear_object (&self->anchor_card);
}

gboolean
wm_canvas_card_is_selected (WmCanvas *self,
                            WmCard   *card)
{
  return self->selection != NULL && g_ptr_array_find (self->selection, card, NULL);
}

/* Drops cards, stages and lanes that left the map (deleted, or undone). */
void
wm_canvas_select_prune (WmCanvas *self)
{
  gboolean changed = FALSE;

  for (guint i = self->selection->len; i > 0; i--)
    {
      WmElement *card = g_ptr_array_index (self->selection, i - 1);

      if (self->document == NULL || wm_document_lookup (self->document, wm_element_get_id (card)) != card)
        {
          g_ptr_array_remove_index (self->selection, i - 1);
          changed = TRUE;
        }
    }
  if (self->selected_element != NULL &&
      (self->document == NULL ||
       wm_document_lookup (self->document, wm_element_get_id (self->selected_element)) != self->selected_element))
    {
      g_clear_object (&self->selected_element);
      changed = TRUE;
    }
  if (changed)
    selection_changed (self);
}

static void
select_only (WmCanvas *self,
             WmCard   *card)
{
  g_ptr_array_set_size (self->selection, 0);
  g_clear_object (&self->selected_element);
  if (card != NULL)
    g_ptr_array_add (self->selection, g_object_ref (card));
  g_set_object (&self->anchor_card, card);
}

/* Selects the cards from the anchor to @card, in the layout's order. */
static void
select_range (WmCanvas *self,
              WmCard   *card)
{
  const WmCardBox *from = self->anchor_card != NULL ? wm_layout_find_card (self->layout, self->anchor_card) : NULL;
  const WmCardBox *to = wm_layout_find_card (self->layout, card);
  const WmCardBox *first, *last;

  if (from == NULL || to == NULL)
    {
      select_only (self, card);
      return;
    }
  first = MIN (from, to);
  last = MAX (from, to);
  g_ptr_array_set_size (self->selection, 0);
  g_clear_object (&self->selected_element);
  for (const WmCardBox *box = first; box <= last; box++)
    g_ptr_array_add (self->selection, g_object_ref (box->card));
}

/* A press on a card, before any drag: what the selection becomes. A
 * press on a card already selected keeps the selection, so that several
 * cards can be dragged together. */
void
wm_canvas_card_pressed (WmCanvas        *self,
                        WmCard          *card,
                        GdkModifierType  state)
{
  guint index;

  if (state & GDK_SHIFT_MASK)
    select_range (self, card);
  else if (state & GDK_CONTROL_MASK)
    {
      g_clear_object (&self->selected_element);
      if (g_ptr_array_find (self->selection, card, &index))
        g_ptr_array_remove_index (self->selection, index);
      else
        g_ptr_array_add (self->selection, g_object_ref (card));
      g_set_object (&self->anchor_card, card);
    }
  else if (!wm_canvas_card_is_selected (self, card))
    select_only (self, card);
  selection_changed (self);
}

/**
 * wm_canvas_select_element:
 * @element: (nullable): a card, stage or lane, or %NULL for none
 *
 * Selects one thing, for the inspector to show.
 */
void
wm_canvas_select_element (WmCanvas  *self,
                          WmElement *element)
{
  if (WM_IS_CARD (element))
    select_only (self, WM_CARD (element));
  else
    {
      select_only (self, NULL);
      g_set_object (&self->selected_element, element);
    }
  selection_changed (self);
}

/* The card that has keyboard focus, if any. */
WmCard *
wm_canvas_get_focus_card (WmCanvas *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));

  if (WM_IS_CARD_WIDGET (focus) && gtk_widget_is_focus (focus))
    return wm_card_widget_get_card (WM_CARD_WIDGET (focus));
  return NULL;
}

static WmDirection
direction_of_key (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return WM_DIRECTION_UP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return WM_DIRECTION_DOWN;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return WM_DIRECTION_LEFT;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return WM_DIRECTION_RIGHT;
    default:
      return -1;
    }
}

/**
 * wm_canvas_select_key_pressed:
 *
 * Arrow keys move focus from the focused card to its neighbour, and with
 * Shift extend the selection; Escape clears the selection.
 *
 * Returns: whether the key was used
 */
gboolean
wm_canvas_select_key_pressed (WmCanvas        *self,
                              guint            keyval,
                              GdkModifierType  state)
{
  WmCard *focus = wm_canvas_get_focus_card (self);
  WmDirection direction = direction_of_key (keyval);
  const WmCardBox *box, *next;

  if (keyval == GDK_KEY_Escape && (self->selection->len > 0 || self->selected_element != NULL))
    {
      wm_canvas_select_element (self, NULL);
      return TRUE;
    }
  if (focus == NULL || (int) direction < 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;

  wm_canvas_ensure_layout (self);
  box = wm_layout_find_card (self->layout, focus);
  next = box != NULL ? wm_layout_card_neighbour (self->layout, box, direction) : NULL;
  /* Past the last card up or left, the headers: the stage's above, the
   * lane's to the left. */
  if (next == NULL && box != NULL && !(state & GDK_SHIFT_MASK) &&
      ((direction == WM_DIRECTION_UP && wm_canvas_focus_header (self, TRUE, box->stage_index)) ||
       (direction == WM_DIRECTION_LEFT && wm_canvas_focus_header (self, FALSE, box->lane_index))))
    return TRUE;
  if (next == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK)
    {
      if (self->anchor_card == NULL)
        g_set_object (&self->anchor_card, focus);
      if (!wm_canvas_card_is_selected (self, next->card))
        g_ptr_array_add (self->selection, g_object_ref (next->card));
      selection_changed (self);
      wm_canvas_focus_card (self, next->card);
      return TRUE;
    }
  wm_canvas_focus_card (self, next->card);
  return TRUE;
}

/**
 * wm_canvas_focus_card:
 * @card: a card of the map
 *
 * Scrolls @card into view, gives it keyboard focus and selects it.
 *
 * Returns: whether the card could take focus (a collapsed lane's cannot)
 */
gboolean
wm_canvas_focus_card (WmCanvas *self,
                      WmCard   *card)
{
  WmCardWidget *widget;

  g_return_val_if_fail (WM_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (WM_IS_CARD (card), FALSE);

  widget = wm_canvas_cards_realize (self, card);
  if (widget == NULL)
    return FALSE;
  wm_canvas_scroll_to_rect (self, &wm_card_widget_get_box (widget)->rect);
  if (!wm_canvas_card_is_selected (self, card))
    {
      select_only (self, card);
      selection_changed (self);
    }
  return gtk_widget_grab_focus (GTK_WIDGET (widget));
}

/* The selected cards, oldest first. */
GPtrArray *
wm_canvas_get_selection (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  return self->selection;
}

/**
 * wm_canvas_set_selection:
 * @cards: (array length=n_cards): cards of the map
 */
void
wm_canvas_set_selection (WmCanvas *self,
                         WmCard  **cards,
                         guint     n_cards)
{
  g_return_if_fail (WM_IS_CANVAS (self));

  select_only (self, NULL);
  for (guint i = 0; i < n_cards; i++)
    if (!wm_canvas_card_is_selected (self, cards[i]))
      g_ptr_array_add (self->selection, g_object_ref (cards[i]));
  selection_changed (self);
}

/**
 * wm_canvas_get_selected_element:
 *
 * What the inspector shows: the one selected card, stage or lane.
 *
 * Returns: (transfer none) (nullable): the element, or %NULL when nothing
 *   or several cards are selected
 */
WmElement *
wm_canvas_get_selected_element (WmCanvas *self)
{
  g_return_val_if_fail (WM_IS_CANVAS (self), NULL);

  if (self->selection->len == 1)
    return g_ptr_array_index (self->selection, 0);
  return self->selected_element;
}
