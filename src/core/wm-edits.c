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

/* New personas take these colours in turn, so that their curves differ. */
static const char * const persona_colors[] = {
  "#3584e4", "#e66100", "#2ec27e", "#9141ac", "#c01c28",
};

/* Ends the step opened with wm_document_begin_change(): kept if every
 * change in it was made, else undone, leaving no step behind. */
static gboolean
finish_change (WmDocument *document,
               gboolean    done)
{
  if (done)
    wm_document_commit_change (document);
  else
    wm_document_abort_change (document);
  return done;
}

/**
 * wm_edits_move_cards_label:
 * @n_cards: how many cards move
 *
 * The name of the undo step that moves @n_cards cards, for a drag that
 * opens its step before it knows where the cards go.
 *
 * Returns: (transfer full): "Move Card", or such as "Move 3 Cards"
 */
char *
wm_edits_move_cards_label (guint n_cards)
{
  if (n_cards == 1)
    return g_strdup (_("Move Card"));
  /* Translators: an undo step, such as "Move 3 Cards" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u Card", "Move %u Cards", n_cards), n_cards);
}

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

  label = wm_edits_move_cards_label (moving->len);
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
  return finish_change (document, moved);
}

/**
 * wm_edits_add_point:
 * @document: a document
 * @persona: a persona of @document
 * @stage: a stage of @document
 * @position: where across the stage, from 0 to 1
 * @score: the feeling, from 1 to the map's emotion scale
 *
 * Adds a point to the end of @persona's emotion curve, first giving the
 * persona a curve if it has none: one undo step, "Add Point".
 *
 * Returns: (transfer none) (nullable): the new point, or %NULL if the
 *   persona, stage or score is not one of the map's
 */
WmEmotionPoint *
wm_edits_add_point (WmDocument *document,
                    WmPersona  *persona,
                    WmStage    *stage,
                    double      position,
                    int         score)
{
  g_autoptr(WmEmotionPoint) point = NULL;
  g_autoptr(WmEmotionCurve) new_curve = NULL;
  g_autofree char *id = NULL;
  WmEmotionCurve *curve;
  const char *persona_id;
  gboolean added = TRUE;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  if (!WM_IS_PERSONA (persona) || !WM_IS_STAGE (stage))
    return NULL;
  persona_id = wm_element_get_id (WM_ELEMENT (persona));
  if (wm_document_lookup (document, persona_id) != WM_ELEMENT (persona) ||
      wm_document_lookup (document, wm_element_get_id (WM_ELEMENT (stage))) != WM_ELEMENT (stage) ||
      score < 1 || score > wm_document_get_emotion_scale (document) ||
      !(position >= 0.0 && position <= 1.0))
    return NULL;

  id = wm_element_generate_id ("point");
  point = g_object_new (WM_TYPE_EMOTION_POINT, "id", id,
                        "stage", wm_element_get_id (WM_ELEMENT (stage)),
                        "score", score, "position", position, NULL);
  wm_document_begin_change (document, _("Add Point"));
  curve = wm_document_get_curve_for_persona (document, persona_id);
  if (curve == NULL)
    {
      g_autofree char *curve_id = wm_element_generate_id ("curve");

      new_curve = wm_emotion_curve_new (curve_id, persona_id);
      added = wm_document_insert_curve (document, new_curve);
      curve = new_curve;
    }
  added = added && wm_document_insert_point (document, curve, point,
                                             g_list_model_get_n_items (wm_emotion_curve_get_points (curve)));
  /* The document holds the point now, if it took it. */
  return finish_change (document, added) ? point : NULL;
}

/**
 * wm_edits_add_stage:
 * @document: a document
 * @position: where among the stages, up to their number
 * @name: (nullable): its name, or %NULL for "New Stage"
 *
 * Adds a stage: one undo step, "Add Stage".
 *
 * Returns: (transfer none) (nullable): the new stage, or %NULL if
 *   @position is past the end
 */
WmStage *
wm_edits_add_stage (WmDocument *document,
                    guint       position,
                    const char *name)
{
  g_autofree char *id = wm_element_generate_id ("stage");
  g_autoptr(WmStage) stage = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  if (position > g_list_model_get_n_items (wm_document_get_stages (document)))
    return NULL;
  stage = g_object_new (WM_TYPE_STAGE, "id", id, "name", name != NULL ? name : _("New Stage"), NULL);
  wm_document_begin_change (document, _("Add Stage"));
  return finish_change (document, wm_document_insert_stage (document, stage, position)) ? stage : NULL;
}

/**
 * wm_edits_add_lane:
 * @document: a document
 * @position: where among the lanes, up to their number
 * @kind: what the lane holds
 * @title: (nullable): its title, or %NULL for the kind's name ("Line of
 *   Visibility" for a divider)
 *
 * Adds a lane: one undo step, "Add Lane".
 *
 * Returns: (transfer none) (nullable): the new lane, or %NULL if
 *   @position is past the end or @kind is not a lane kind
 */
WmLane *
wm_edits_add_lane (WmDocument *document,
                   guint       position,
                   WmLaneKind  kind,
                   const char *title)
{
  g_autofree char *id = wm_element_generate_id ("lane");
  g_autoptr(GEnumClass) kinds = g_type_class_ref (WM_TYPE_LANE_KIND);
  g_autoptr(WmLane) lane = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  if (position > g_list_model_get_n_items (wm_document_get_lanes (document)) ||
      g_enum_get_value (kinds, kind) == NULL)
    return NULL;
  if (title == NULL)
    title = kind == WM_LANE_KIND_DIVIDER ? _("Line of Visibility") : wm_lane_kind_get_display_name (kind);
  lane = g_object_new (WM_TYPE_LANE, "id", id, "kind", kind, "title", title, NULL);
  wm_document_begin_change (document, _("Add Lane"));
  return finish_change (document, wm_document_insert_lane (document, lane, position)) ? lane : NULL;
}

/**
 * wm_edits_add_persona:
 * @document: a document
 * @position: where among the personas, up to their number
 * @name: (nullable): the persona's name, or %NULL for "New persona"
 *
 * Adds a persona with an empty curve, in the next colour of a palette:
 * one undo step, "Add Persona".
 *
 * Returns: (transfer none) (nullable): the new persona, or %NULL if the
 *   map has %WM_MAX_PERSONAS already or @position is past the end
 */
WmPersona *
wm_edits_add_persona (WmDocument *document,
                      guint       position,
                      const char *name)
{
  g_autofree char *id = wm_element_generate_id ("persona");
  g_autoptr(WmPersona) persona = NULL;
  guint count;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  count = g_list_model_get_n_items (wm_document_get_personas (document));
  if (count >= WM_MAX_PERSONAS || position > count)
    return NULL;
  persona = g_object_new (WM_TYPE_PERSONA, "id", id, "name", name != NULL ? name : _("New persona"),
                          "color", persona_colors[count % G_N_ELEMENTS (persona_colors)], NULL);
  wm_document_begin_change (document, _("Add Persona"));
  return finish_change (document, wm_document_insert_persona (document, persona, position)) ? persona : NULL;
}

/* Whether @persona is one of @document's, not a copy with its id. */
static gboolean
persona_in_document (WmDocument *document,
                     WmPersona  *persona)
{
  return WM_IS_PERSONA (persona) &&
         wm_document_lookup (document, wm_element_get_id (WM_ELEMENT (persona))) == WM_ELEMENT (persona);
}

/**
 * wm_edits_move_persona:
 * @document: a document
 * @persona: a persona of @document
 * @position: its new place among the personas
 *
 * Moves a persona, and with it the order its curve is listed in: one
 * undo step, "Move Persona".
 *
 * Returns: whether it moved: not if @position is past the end or where
 *   it is already
 */
gboolean
wm_edits_move_persona (WmDocument *document,
                       WmPersona  *persona,
                       guint       position)
{
  GListModel *personas;
  guint n;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);

  personas = wm_document_get_personas (document);
  n = g_list_model_get_n_items (personas);
  if (!persona_in_document (document, persona) || position >= n)
    return FALSE;
  {
    g_autoptr(WmPersona) there = g_list_model_get_item (personas, position);

    if (there == persona)
      return FALSE;
  }
  wm_document_begin_change (document, _("Move Persona"));
  return finish_change (document, wm_document_move (document, WM_ELEMENT (persona), position));
}

/**
 * wm_edits_delete_persona:
 * @document: a document
 * @persona: a persona of @document
 *
 * Deletes a persona and its emotion curve: one undo step, "Delete
 * Persona".
 *
 * Returns: whether it was deleted
 */
gboolean
wm_edits_delete_persona (WmDocument *document,
                         WmPersona  *persona)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);

  if (!persona_in_document (document, persona))
    return FALSE;
  wm_document_begin_change (document, _("Delete Persona"));
  return finish_change (document, wm_document_remove (document, WM_ELEMENT (persona)));
}
