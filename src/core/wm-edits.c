/* wm-edits.c: edits made of several document changes, each one named
 * undo step, so that widgets only choose the target and call one
 * function, and every edit a user makes can be tested without a display.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "wm-edits.h"

/**
 * wm_edits_move_cards:
 * @document: a document
 * @cards: (element-type WmCard): cards of @document, in the order they
 *   are to land
 * @stage_index: the stage to move them to
 * @lane_index: the lane, one that holds cards
 * @index_in_cell: where in the cell, counting only the cards that are not
 *   moving
 *
 * Moves cards as a drop does: one undo step, "Move 3 Cards", whatever
 * the number. If one of them cannot move, none does.
 *
 * Returns: whether the cards moved
 */
gboolean
wm_edits_move_cards (WmDocument *document,
                     GPtrArray  *cards,
                     guint       stage_index,
                     guint       lane_index,
                     guint       index_in_cell)
{
  g_autoptr(WmStage) stage = NULL;
  g_autoptr(WmLane) lane = NULL;
  g_autoptr(GPtrArray) moving = NULL;
  g_autoptr(GPtrArray) cell = NULL;
  g_autofree char *label = NULL;
  const char *stage_id;
  const char *lane_id;
  WmCard *anchor = NULL;
  gboolean moved = TRUE;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (cards != NULL, FALSE);

  if (cards->len == 0)
    return FALSE;
  stage = g_list_model_get_item (wm_document_get_stages (document), stage_index);
  lane = g_list_model_get_item (wm_document_get_lanes (document), lane_index);
  if (stage == NULL || lane == NULL || !wm_lane_kind_holds_cards (wm_lane_get_kind (lane)))
    return FALSE;
  stage_id = wm_element_get_id (WM_ELEMENT (stage));
  lane_id = wm_element_get_id (WM_ELEMENT (lane));

  /* Hold the cards: undoing an earlier step must not free them mid-move. */
  moving = g_ptr_array_copy (cards, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (moving, g_object_unref);

  /* The cards go before the card that stays put at @index_in_cell, or at
   * the end: found once, as positions shift while the cards move. */
  cell = wm_document_get_cell_cards (document, stage_id, lane_id);
  for (guint i = 0, staying = 0; i < cell->len && anchor == NULL; i++)
    {
      WmCard *card = g_ptr_array_index (cell, i);

      if (!g_ptr_array_find (moving, card, NULL) && staying++ == index_in_cell)
        anchor = card;
    }

  label = moving->len == 1
          ? g_strdup (_("Move Card"))
          /* Translators: an undo step, such as "Move 3 Cards" */
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u Card", "Move %u Cards", moving->len),
                             moving->len);
  wm_document_begin_change (document, label);
  for (guint i = 0; i < moving->len && moved; i++)
    {
      WmCard *card = g_ptr_array_index (moving, i);
      guint index = G_MAXUINT;

      if (anchor != NULL)
        {
          g_autoptr(GPtrArray) now = wm_document_get_cell_cards (document, stage_id, lane_id);

          index = 0;
          for (guint j = 0; j < now->len && g_ptr_array_index (now, j) != anchor; j++)
            index += g_ptr_array_index (now, j) != card;
        }
      moved = wm_document_move_card (document, card, stage_id, lane_id, index);
    }
  if (moved)
    wm_document_commit_change (document);
  else
    wm_document_abort_change (document);
  return moved;
}
