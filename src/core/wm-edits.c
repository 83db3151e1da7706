/* wm-edits.c: edits made of several document changes, each one named
 * undo step, so that widgets only choose the target and call one
 * function, and every edit a user makes can be tested without a display.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-edits"

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

/* Whether @element is @document's own, not a copy with its id. */
static gboolean
in_document (WmDocument *document,
             gpointer    element)
{
  return WM_IS_ELEMENT (element) &&
         wm_document_lookup (document, wm_element_get_id (element)) == element;
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
  if (!in_document (document, persona) || !in_document (document, stage) ||
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
  return WM_IS_PERSONA (persona) && in_document (document, persona);
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

/* The undo step's name for deleting @elements: named by their kind when
 * they share one. */
static char *
delete_label (GPtrArray *elements)
{
  guint n = elements->len;
  GType kind = G_OBJECT_TYPE (g_ptr_array_index (elements, 0));

  for (guint i = 1; i < n; i++)
    if (G_OBJECT_TYPE (g_ptr_array_index (elements, i)) != kind)
      /* Translators: an undo step deleting cards, stages and lanes at once */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Item", "Delete %u Items", n), n);

  if (kind == WM_TYPE_CARD)
    return n == 1
           ? g_strdup (_("Delete Card"))
           /* Translators: an undo step, such as "Delete 3 Cards" */
           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Card", "Delete %u Cards", n), n);
  if (kind == WM_TYPE_STAGE)
    return n == 1
           ? g_strdup (_("Delete Stage"))
           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Stage", "Delete %u Stages", n), n);
  if (kind == WM_TYPE_LANE)
    return n == 1
           ? g_strdup (_("Delete Lane"))
           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Lane", "Delete %u Lanes", n), n);
  if (kind == WM_TYPE_PERSONA)
    return n == 1
           ? g_strdup (_("Delete Persona"))
           : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Persona", "Delete %u Personas", n), n);
  return n == 1
         ? g_strdup (_("Delete Point"))
         : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Point", "Delete %u Points", n), n);
}

/* The cards of @focus's cell that focus may move to once @doomed are
 * gone, best first: the ones after it, then the ones before, nearest
 * first, as in a list, so that Delete can be pressed again. */
static GPtrArray *
focus_candidates (WmDocument *document,
                  WmCard     *focus,
                  GPtrArray  *doomed)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) cell = NULL;
  guint index;

  if (!in_document (document, focus))
    return candidates;
  g_ptr_array_add (candidates, g_object_ref (focus));
  cell = wm_document_get_cell_cards (document, wm_card_get_stage (focus), wm_card_get_lane (focus));
  if (!g_ptr_array_find (cell, focus, &index))
    return candidates;
  for (guint i = index + 1; i < cell->len; i++)
    g_ptr_array_add (candidates, g_object_ref (g_ptr_array_index (cell, i)));
  for (guint i = index; i-- > 0;)
    g_ptr_array_add (candidates, g_object_ref (g_ptr_array_index (cell, i)));
  return candidates;
}

/**
 * wm_edits_delete:
 * @document: a document
 * @elements: (element-type WmElement): cards, stages, lanes, personas or
 *   emotion points of @document
 * @focus: (nullable): the card the user is on, if any
 * @next_focus: (out) (optional) (nullable) (transfer full): where the
 *   user goes next: @focus if it stays, else the nearest card after it
 *   in its cell that stays, else the nearest before it, else %NULL
 *
 * Deletes elements and what depends on them (a stage's cards, a
 * persona's curve): one undo step, "Delete 3 Cards" or "Delete Stage".
 * An element that goes with another one listed is no error.
 *
 * Returns: whether they were deleted: not if @elements is empty or holds
 *   something that is not one of @document's, or that cannot be deleted
 */
gboolean
wm_edits_delete (WmDocument  *document,
                 GPtrArray   *elements,
                 WmCard      *focus,
                 WmCard     **next_focus)
{
  g_autoptr(GPtrArray) doomed = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *label = NULL;
  gboolean deleted = TRUE;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (elements != NULL, FALSE);

  if (next_focus != NULL)
    *next_focus = NULL;
  if (elements->len == 0)
    return FALSE;
  for (guint i = 0; i < elements->len; i++)
    {
      gpointer element = g_ptr_array_index (elements, i);

      if (!in_document (document, element) ||
          !(WM_IS_CARD (element) || WM_IS_STAGE (element) || WM_IS_LANE (element) ||
            WM_IS_PERSONA (element) || WM_IS_EMOTION_POINT (element)))
        return FALSE;
    }

  /* Held: the document lets go of them as they are removed. */
  doomed = g_ptr_array_copy (elements, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (doomed, g_object_unref);
  candidates = focus_candidates (document, focus, doomed);
  label = delete_label (doomed);
  wm_document_begin_change (document, label);
  for (guint i = 0; i < doomed->len && deleted; i++)
    {
      WmElement *element = g_ptr_array_index (doomed, i);

      /* Gone already with a stage, lane or persona deleted before it. */
      if (in_document (document, element))
        deleted = wm_document_remove (document, element);
    }
  if (!finish_change (document, deleted))
    return FALSE;

  for (guint i = 0; next_focus != NULL && i < candidates->len && *next_focus == NULL; i++)
    if (in_document (document, g_ptr_array_index (candidates, i)))
      *next_focus = g_object_ref (g_ptr_array_index (candidates, i));
  return TRUE;
}

/* The stage of @source that @card is in, counted from the left, or -1. */
static int
stage_index_of (WmDocument *source,
                WmCard     *card)
{
  return wm_document_get_stage_index (source, wm_card_get_stage (card));
}

/* Inserts copies of @cards, which belong to @source (@document itself
 * when duplicating), into @document as one step named @label: the
 * leftmost at the cell given, the others spread over the stages as they
 * were, and, from another map, into the lane of the same title if there
 * is one. */
static GPtrArray *
insert_copies (WmDocument *document,
               WmDocument *source,
               GPtrArray  *cards,
               guint       stage_index,
               guint       lane_index,
               guint       index_in_cell,
               const char *label)
{
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);
  guint n_stages = g_list_model_get_n_items (stages);
  g_autoptr(WmLane) target_lane = g_list_model_get_item (lanes, lane_index);
  g_autoptr(GPtrArray) copies = NULL;
  int first_stage = G_MAXINT;
  gboolean inserted = TRUE;

  if (cards->len == 0 || stage_index >= n_stages ||
      target_lane == NULL || !wm_lane_kind_holds_cards (wm_lane_get_kind (target_lane)))
    return NULL;
  for (guint i = 0; i < cards->len; i++)
    {
      WmCard *card = g_ptr_array_index (cards, i);

      if (!WM_IS_CARD (card) || !in_document (source, card))
        return NULL;
      if (stage_index_of (source, card) >= 0)
        first_stage = MIN (first_stage, stage_index_of (source, card));
    }

  copies = g_ptr_array_new_with_free_func (g_object_unref);
  wm_document_begin_change (document, label);
  for (guint i = 0; i < cards->len && inserted; i++)
    {
      WmCard *card = g_ptr_array_index (cards, i);
      int offset = MAX (stage_index_of (source, card) - first_stage, 0);
      guint column = MIN (stage_index + offset, n_stages - 1);
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, column);
      WmElement *source_lane = wm_document_lookup (source, wm_card_get_lane (card));
      WmLane *lane = target_lane;
      g_autofree char *id = wm_element_generate_id ("card");
      WmCard *copy;

      for (guint l = 0; source != document && WM_IS_LANE (source_lane) && l < g_list_model_get_n_items (lanes); l++)
        {
          g_autoptr(WmLane) candidate = g_list_model_get_item (lanes, l);

          if (wm_lane_kind_holds_cards (wm_lane_get_kind (candidate)) &&
              g_strcmp0 (wm_lane_get_title (candidate), wm_lane_get_title (WM_LANE (source_lane))) == 0)
            lane = candidate;
        }
      /* A card spanning stages shrinks to fit rather than stay behind. */
      copy = WM_CARD (wm_element_copy (WM_ELEMENT (card), id,
                                       "stage", wm_element_get_id (WM_ELEMENT (stage)),
                                       "lane", wm_element_get_id (WM_ELEMENT (lane)),
                                       "span", (int) MIN ((guint) wm_card_get_span (card), n_stages - column),
                                       NULL));
      g_ptr_array_add (copies, copy);
      inserted = wm_document_insert_card (document, copy,
                                          lane == target_lane && offset == 0 ? index_in_cell++ : G_MAXUINT);
    }
  return finish_change (document, inserted) ? g_steal_pointer (&copies) : NULL;
}

/**
 * wm_edits_paste:
 * @document: a document
 * @source: a map holding the cards to paste, such as the clipboard's
 * @stage_index: the stage the leftmost cards go to
 * @lane_index: the lane, one that holds cards
 * @index_in_cell: where in that cell
 *
 * Pastes copies of every card of @source: those of @source's leftmost
 * stage into the cell given, the others as many stages to the right as
 * they were (or into the last stage), into the lane of the same title
 * if @document has one, else the lane given. A card spanning more stages
 * than are left is shortened. One undo step, "Paste 3 Cards".
 *
 * Returns: (transfer container) (nullable) (element-type WmCard): the
 *   copies, or %NULL if @source has no cards or the cell given is not
 *   one that holds cards
 */
GPtrArray *
wm_edits_paste (WmDocument *document,
                WmDocument *source,
                guint       stage_index,
                guint       lane_index,
                guint       index_in_cell)
{
  GListModel *list;
  g_autoptr(GPtrArray) cards = NULL;
  g_autofree char *label = NULL;
  guint n;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (WM_IS_DOCUMENT (source), NULL);

  list = wm_document_get_cards (source);
  n = g_list_model_get_n_items (list);
  cards = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (cards, g_list_model_get_item (list, i));
  label = n == 1
          ? g_strdup (_("Paste Card"))
          /* Translators: an undo step, such as "Paste 3 Cards" */
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Paste %u Card", "Paste %u Cards", n), n);
  return insert_copies (document, source, cards, stage_index, lane_index, index_in_cell, label);
}

/**
 * wm_edits_paste_text:
 * @document: a document
 * @text: plain text
 * @stage_index: the stage the cards go to
 * @lane_index: the lane, one that holds cards
 * @index_in_cell: where in that cell
 *
 * Pastes plain text as cards, one per line that is not blank, up to
 * %WM_EDITS_MAX_TEXT_LINES lines: one undo step, "Paste 3 Cards".
 *
 * Returns: (transfer container) (nullable) (element-type WmCard): the
 *   new cards, or %NULL if @text has no line to paste or the cell given
 *   is not one that holds cards
 */
GPtrArray *
wm_edits_paste_text (WmDocument *document,
                     const char *text,
                     guint       stage_index,
                     guint       lane_index,
                     guint       index_in_cell)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(WmDocument) source = wm_document_new ("clipboard");
  g_autoptr(WmStage) stage = g_object_new (WM_TYPE_STAGE, "id", "stage", "name", "", NULL);
  g_autoptr(WmLane) lane = g_object_new (WM_TYPE_LANE, "id", "lane", "kind", WM_LANE_KIND_TEXT, NULL);

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* The lines become cards of a throw-away map, pasted as a map is. */
  lines = g_strsplit (text, "\n", WM_EDITS_MAX_TEXT_LINES + 1);
  wm_document_insert_stage (source, stage, 0);
  wm_document_insert_lane (source, lane, 0);
  for (guint i = 0; lines[i] != NULL && i < WM_EDITS_MAX_TEXT_LINES; i++)
    {
      g_autofree char *id = g_strdup_printf ("card-%u", i);
      g_autoptr(WmCard) card = NULL;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      card = g_object_new (WM_TYPE_CARD, "id", id, "stage", "stage", "lane", "lane", "title", lines[i], NULL);
      wm_document_insert_card (source, card, G_MAXUINT);
    }
  return wm_edits_paste (document, source, stage_index, lane_index, index_in_cell);
}

/**
 * wm_edits_duplicate_cards:
 * @document: a document
 * @cards: (element-type WmCard): cards of @document
 * @stage_index: the stage the leftmost copies go to
 * @lane_index: the lane, one that holds cards
 * @index_in_cell: where in that cell
 *
 * Adds copies of @cards as wm_edits_paste() does, but all in the lane
 * given: one undo step, "Duplicate 3 Cards".
 *
 * Returns: (transfer container) (nullable) (element-type WmCard): the
 *   copies, or %NULL if @cards is empty or holds a card not of
 *   @document, or the cell given is not one that holds cards
 */
GPtrArray *
wm_edits_duplicate_cards (WmDocument *document,
                          GPtrArray  *cards,
                          guint       stage_index,
                          guint       lane_index,
                          guint       index_in_cell)
{
  g_autoptr(GPtrArray) held = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (cards != NULL, NULL);

  held = g_ptr_array_copy (cards, (GCopyFunc) g_object_ref, NULL);
  g_ptr_array_set_free_func (held, g_object_unref);
  label = held->len == 1
          ? g_strdup (_("Duplicate Card"))
          /* Translators: an undo step, such as "Duplicate 3 Cards" */
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Duplicate %u Card", "Duplicate %u Cards", held->len),
                             held->len);
  return insert_copies (document, document, held, stage_index, lane_index, index_in_cell, label);
}

/**
 * wm_edits_add_card:
 * @document: a document
 * @stage_index: the card's stage
 * @lane_index: its lane, one that holds cards
 * @index_in_cell: where in the cell; past the end appends
 * @title: its title, not empty
 *
 * Adds a card, as typing a new card's title does: one undo step, "Add
 * Card".
 *
 * Returns: (transfer none) (nullable): the new card, or %NULL if the
 *   cell does not hold cards or @title is empty
 */
WmCard *
wm_edits_add_card (WmDocument *document,
                   guint       stage_index,
                   guint       lane_index,
                   guint       index_in_cell,
                   const char *title)
{
  g_autoptr(WmStage) stage = NULL;
  g_autoptr(WmLane) lane = NULL;
  g_autoptr(WmCard) card = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  stage = g_list_model_get_item (wm_document_get_stages (document), stage_index);
  lane = g_list_model_get_item (wm_document_get_lanes (document), lane_index);
  if (stage == NULL || lane == NULL || title == NULL || *title == '\0')
    return NULL;
  id = wm_element_generate_id ("card");
  card = g_object_new (WM_TYPE_CARD, "id", id,
                       "stage", wm_element_get_id (WM_ELEMENT (stage)),
                       "lane", wm_element_get_id (WM_ELEMENT (lane)),
                       "title", title, NULL);
  wm_document_begin_change (document, _("Add Card"));
  return finish_change (document, wm_document_insert_card (document, card, index_in_cell)) ? card : NULL;
}

/* Sets the picture held in @property (bytes), "<property>-type" and,
 * where the kind has one, "<property>-alt": a persona's photo and a
 * card's picture are stored alike. Removing a picture takes its
 * alternative text with it, as it described what is gone. */
static gboolean
set_picture (WmDocument *document,
             WmElement  *element,
             const char *property,
             GBytes     *picture,
             const char *media_type,
             const char *change_label,
             const char *remove_label)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *type_property = g_strconcat (property, "-type", NULL);
  g_autofree char *alt_property = g_strconcat (property, "-alt", NULL);
  const GValue *old_type;
  GBytes *old;
  gboolean set;

  if (picture != NULL && (media_type == NULL || *media_type == '\0'))
    return FALSE;
  if (picture == NULL)
    media_type = "";
  old = g_value_get_boxed (wm_element_peek_value (element, wm_element_find_field (element, property)));
  old_type = wm_element_peek_value (element, wm_element_find_field (element, type_property));
  if ((old == picture || (old != NULL && picture != NULL && g_bytes_equal (old, picture))) &&
      g_strcmp0 (g_value_get_string (old_type) != NULL ? g_value_get_string (old_type) : "", media_type) == 0)
    return FALSE;
  g_value_init (&value, G_TYPE_BYTES);
  g_value_set_boxed (&value, picture);
  wm_document_begin_change (document, picture != NULL ? change_label : remove_label);
  set = wm_document_set_value (document, element, property, &value, NULL) &&
        wm_document_set_string (document, element, type_property, media_type);
  if (set && picture == NULL && wm_element_find_field (element, alt_property) != NULL)
    set = wm_document_set_string (document, element, alt_property, "");
  return finish_change (document, set);
}

/**
 * wm_edits_set_persona_photo:
 * @document: a document
 * @persona: a persona of @document
 * @photo: (nullable): PNG or JPEG bytes, or %NULL to remove the photo
 * @media_type: (nullable): @photo's media type, "image/png" or
 *   "image/jpeg"; ignored when removing
 *
 * Gives a persona a photo, or takes it away, with its media type: one
 * undo step, "Change Photo" or "Remove Photo".
 *
 * Returns: whether the photo changed: not if @persona is not one of
 *   @document's, @photo comes without a media type, or the persona has
 *   that photo already
 */
gboolean
wm_edits_set_persona_photo (WmDocument *document,
                            WmPersona  *persona,
                            GBytes     *photo,
                            const char *media_type)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);

  if (!persona_in_document (document, persona))
    return FALSE;
  return set_picture (document, WM_ELEMENT (persona), "photo", photo, media_type,
                      _("Change Photo"), _("Remove Photo"));
}

/**
 * wm_edits_set_card_picture:
 * @document: a document
 * @card: a card of @document
 * @picture: (nullable): PNG or JPEG bytes, or %NULL to remove the picture
 * @media_type: (nullable): @picture's media type, "image/png" or
 *   "image/jpeg"; ignored when removing
 *
 * Gives a card a picture, or takes it away with its alternative text:
 * one undo step, "Change Picture" or "Remove Picture".
 *
 * Returns: whether the picture changed
 */
gboolean
wm_edits_set_card_picture (WmDocument *document,
                           WmCard     *card,
                           GBytes     *picture,
                           const char *media_type)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);

  if (!WM_IS_CARD (card) || !in_document (document, card))
    return FALSE;
  return set_picture (document, WM_ELEMENT (card), "picture", picture, media_type,
                      _("Change Picture"), _("Remove Picture"));
}

/* The field that names @element on the map, and whether it may be empty. */
static const char *
name_field (WmElement *element,
            gboolean  *may_be_empty)
{
  *may_be_empty = WM_IS_CARD (element) || WM_IS_EMOTION_POINT (element);
  if (WM_IS_STAGE (element) || WM_IS_PERSONA (element))
    return "name";
  if (WM_IS_CARD (element) || WM_IS_LANE (element))
    return "title";
  if (WM_IS_EMOTION_POINT (element))
    return "label";
  return NULL;
}

/**
 * wm_edits_rename:
 * @document: a document
 * @element: a stage, lane, persona or card of @document, or an emotion
 *   point
 * @text: the new name: a stage's or persona's name, a lane's or card's
 *   title, a point's label
 *
 * Renames an element as editing it in place does: one undo step,
 * "Rename", or "Edit Label" for a point.
 *
 * Returns: whether it changed: not if @text is what it was, or empty
 *   for anything but a card or a point, which may go without
 */
gboolean
wm_edits_rename (WmDocument *document,
                 WmElement  *element,
                 const char *text)
{
  const char *field;
  gboolean may_be_empty;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!in_document (document, element))
    return FALSE;
  field = name_field (element, &may_be_empty);
  if (field == NULL || (*text == '\0' && !may_be_empty) ||
      g_strcmp0 (g_value_get_string (wm_element_peek_value (element, wm_element_find_field (element, field))), text) == 0)
    return FALSE;
  wm_document_begin_change (document, WM_IS_EMOTION_POINT (element) ? _("Edit Label") : _("Rename"));
  return finish_change (document, wm_document_set_string (document, element, field, text));
}

/**
 * wm_edits_save_view:
 * @name: what to call it; a view already saved under this name is
 *   replaced, in the same step
 * @filter: what it brings forward
 *
 * Keeps a filter of the map by name: one undo step, "Save View".
 *
 * Returns: (transfer none) (nullable): the view, or %NULL for an empty
 *   name
 */
WmSavedView *
wm_edits_save_view (WmDocument         *document,
                    const char         *name,
                    const WmViewFilter *filter)
{
  g_autoptr(WmSavedView) view = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  GListModel *views;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  if (*trimmed == '\0')
    return NULL;
  views = wm_document_get_views (document);
  view = wm_saved_view_new_for_filter (NULL, trimmed, filter);
  wm_document_begin_change (document, _("Save View"));
  for (guint i = g_list_model_get_n_items (views); i > 0; i--)
    {
      g_autoptr(WmSavedView) old = g_list_model_get_item (views, i - 1);

      if (g_str_equal (wm_saved_view_get_name (old), trimmed))
        wm_document_remove (document, WM_ELEMENT (old));
    }
  if (!finish_change (document, wm_document_insert_view (document, view)))
    return NULL;
  return view;
}

/**
 * wm_edits_set_priority:
 * @document: a document
 * @card: a card of @document
 * @impact: 0 (not scored) to WM_MAX_PRIORITY_SCORE
 * @effort: the same
 *
 * Places a card in the impact × effort matrix, as dragging it to
 * another cell does: one undo step, "Change Priority", for both scores.
 *
 * Returns: whether it changed: not if the scores are out of range or
 *   what they were
 */
gboolean
wm_edits_set_priority (WmDocument *document,
                       WmCard     *card,
                       int         impact,
                       int         effort)
{
  gboolean changed;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);

  if (!in_document (document, card) || !WM_IS_CARD (card) ||
      impact < 0 || impact > WM_MAX_PRIORITY_SCORE || effort < 0 || effort > WM_MAX_PRIORITY_SCORE ||
      (wm_card_get_impact (card) == impact && wm_card_get_effort (card) == effort))
    return FALSE;
  wm_document_begin_change (document, _("Change Priority"));
  changed = wm_document_set_int (document, WM_ELEMENT (card), "impact", impact);
  changed = wm_document_set_int (document, WM_ELEMENT (card), "effort", effort) || changed;
  return finish_change (document, changed);
}

/**
 * wm_edits_move_stage_or_lane:
 * @document: a document
 * @element: a stage or lane of @document
 * @position: its new place among the stages or lanes
 *
 * Moves a stage, with its cards and points, or a lane, with its cards:
 * one undo step, "Move Stage" or "Move Lane".
 *
 * Returns: whether it moved: not if @position is past the end or where
 *   it is already
 */
gboolean
wm_edits_move_stage_or_lane (WmDocument *document,
                             WmElement  *element,
                             guint       position)
{
  GListModel *list;
  g_autoptr(WmElement) there = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);

  if (!in_document (document, element) || !(WM_IS_STAGE (element) || WM_IS_LANE (element)))
    return FALSE;
  list = WM_IS_STAGE (element) ? wm_document_get_stages (document) : wm_document_get_lanes (document);
  there = g_list_model_get_item (list, position);
  if (there == NULL || there == element)
    return FALSE;
  wm_document_begin_change (document, WM_IS_STAGE (element) ? _("Move Stage") : _("Move Lane"));
  return finish_change (document, wm_document_move (document, element, position));
}
