/* wm-document.c: a journey map, and the only door through which it changes.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-document"

#include "config.h"

#include <math.h>

#include "wm-document-private.h"
#include "wm-element-private.h"
#include "wm-fields.h"

struct _WmDocument
{
  WmElement   parent_instance;

  GListStore *personas;
  GListStore *stages;
  GListStore *lanes;
  GListStore *cards;
  GListStore *curves;
  GListStore *views;     /* saved views (WmSavedView), in the order they were saved */
  /* What a merge left open (WmConflict), in the order it found them. */
  GListStore *conflicts;
  GHashTable *index;     /* id → WmElement (borrowed), every element in the document */
  WmHistory  *history;
  /* Derived from the lists, so that a stage's position or a cell's cards
   * cost no scan of the map; dropped on any change that could alter
   * them and rebuilt on first use. */
  GHashTable *stage_positions;  /* WmStage → its position + 1 */
  GHashTable *cells;            /* of Cell */
};

/* The cards that start in one cell, in the order of the card list. The
 * ids are the cards' own strings, which live as long as the index. */
typedef struct
{
  const char *stage_id;
  const char *lane_id;
  GPtrArray  *cards;       /* of WmCard (borrowed) */
} Cell;

G_DEFINE_FINAL_TYPE (WmDocument, wm_document, WM_TYPE_ELEMENT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_GOAL,
  PROP_SCOPE,
  PROP_HINT_GOAL,
  PROP_HINT_SCOPE,
  PROP_KIND,
  PROP_EMOTION_SCALE,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
cell_hash (gconstpointer key)
{
  const Cell *cell = key;

  return g_str_hash (cell->stage_id) * 31 + g_str_hash (cell->lane_id);
}

static gboolean
cell_equal (gconstpointer a,
            gconstpointer b)
{
  const Cell *x = a, *y = b;

  return g_str_equal (x->stage_id, y->stage_id) && g_str_equal (x->lane_id, y->lane_id);
}

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  g_ptr_array_unref (cell->cards);
  g_free (cell);
}

static void
on_stages_items_changed (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         WmDocument *self)
{
  g_clear_pointer (&self->stage_positions, g_hash_table_unref);
}

static void
on_cards_items_changed (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        WmDocument *self)
{
  g_clear_pointer (&self->cells, g_hash_table_unref);
}

/* A card's cell changes by writing its stage or lane, also on undo. */
static void
on_element_written (gpointer    owner,
                    WmElement  *element,
                    GParamSpec *pspec)
{
  WmDocument *self = owner;

  if (WM_IS_CARD (element) && (g_str_equal (pspec->name, "stage") || g_str_equal (pspec->name, "lane")))
    g_clear_pointer (&self->cells, g_hash_table_unref);
}

/* The id index follows elements in and out of the document, including
 * through undo and redo. */
static void
index_element (gpointer   owner,
               WmElement *element,
               gboolean   present)
{
  WmDocument *self = owner;

  if (present)
    g_hash_table_insert (self->index, (gpointer) wm_element_get_id (element), element);
  else
    g_hash_table_remove (self->index, wm_element_get_id (element));
  wm_element_set_owner (element, present ? on_element_written : NULL, self);

  if (WM_IS_EMOTION_CURVE (element))
    {
      GListModel *points = wm_emotion_curve_get_points (WM_EMOTION_CURVE (element));

      for (guint i = 0; i < g_list_model_get_n_items (points); i++)
        {
          g_autoptr(WmElement) point = g_list_model_get_item (points, i);

          index_element (self, point, present);
        }
    }
}

static gboolean
find_in_store (GListStore *store,
               gpointer    item,
               guint      *position)
{
  return g_list_store_find (store, item, position);
}

static GListStore *
store_for_element (WmDocument *self,
                   WmElement  *element)
{
  if (WM_IS_PERSONA (element))
    return self->personas;
  if (WM_IS_STAGE (element))
    return self->stages;
  if (WM_IS_LANE (element))
    return self->lanes;
  if (WM_IS_CARD (element))
    return self->cards;
  if (WM_IS_EMOTION_CURVE (element))
    return self->curves;
  if (WM_IS_SAVED_VIEW (element))
    return self->views;
  if (WM_IS_EMOTION_POINT (element))
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->curves)); i++)
        {
          g_autoptr(WmEmotionCurve) curve = g_list_model_get_item (G_LIST_MODEL (self->curves), i);
          GListStore *points = wm_emotion_curve_get_point_store (curve);

          if (find_in_store (points, element, NULL))
            return points;
        }
    }

  return NULL;
}

static void
push (WmDocument *self,
      WmCommand  *command)
{
  wm_history_push (self->history, command);
}

static void
push_set_field (WmDocument   *self,
                WmElement    *element,
                GParamSpec   *pspec,
                const GValue *value,
                const char   *merge_key)
{
  push (self, wm_command_set_field_new (element, pspec, value, merge_key,
                                        element == WM_ELEMENT (self)));
}

static void
push_insert (WmDocument *self,
             GListStore *store,
             guint       position,
             WmElement  *element)
{
  push (self, wm_command_list_insert_new (store, position, element, index_element, self));
}

static void
push_remove (WmDocument *self,
             GListStore *store,
             guint       position)
{
  push (self, wm_command_list_remove_new (store, position, index_element, self));
}

static void
wm_document_dispose (GObject *object)
{
  WmDocument *self = WM_DOCUMENT (object);

  /* The history holds references to elements and stores; drop it first. */
  g_clear_object (&self->history);
  if (self->index != NULL)
    {
      GHashTableIter iter;
      gpointer element;

      /* Elements may outlive the map: they must not call back into it. */
      g_hash_table_iter_init (&iter, self->index);
      while (g_hash_table_iter_next (&iter, NULL, &element))
        if (element != (gpointer) self)
          wm_element_set_owner (element, NULL, self);
    }
  g_clear_pointer (&self->stage_positions, g_hash_table_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_object (&self->personas);
  g_clear_object (&self->stages);
  g_clear_object (&self->lanes);
  g_clear_object (&self->cards);
  g_clear_object (&self->curves);
  g_clear_object (&self->views);
  g_clear_object (&self->conflicts);
  g_clear_pointer (&self->index, g_hash_table_unref);

  G_OBJECT_CLASS (wm_document_parent_class)->dispose (object);
}

static void
wm_document_constructed (GObject *object)
{
  WmDocument *self = WM_DOCUMENT (object);

  G_OBJECT_CLASS (wm_document_parent_class)->constructed (object);

  /* The map's own id is taken too. */
  g_hash_table_insert (self->index, (gpointer) wm_element_get_id (WM_ELEMENT (self)), self);
}

static void
wm_document_class_init (WmDocumentClass *klass)
{
  const GParamFlags flags = WM_ELEMENT_FIELD_FLAGS;

  G_OBJECT_CLASS (klass)->constructed = wm_document_constructed;
  G_OBJECT_CLASS (klass)->dispose = wm_document_dispose;

  /* The map title. */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  /* What the map is for. */
  properties[PROP_GOAL] = g_param_spec_string ("goal", NULL, NULL, "", flags);
  /* What the map covers and leaves out. */
  properties[PROP_SCOPE] = g_param_spec_string ("scope", NULL, NULL, "", flags);
  /* Guidance for an empty goal and scope, from the template; never exported. */
  properties[PROP_HINT_GOAL] = g_param_spec_string ("hint-goal", NULL, NULL, "", flags);
  properties[PROP_HINT_SCOPE] = g_param_spec_string ("hint-scope", NULL, NULL, "", flags);
  /* Which of the four map types, or custom. */
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, WM_TYPE_MAP_KIND,
                                             WM_MAP_KIND_CURRENT_STATE, flags);
  /* The number of levels of the emotion graph; scores run from 1 to it. */
  properties[PROP_EMOTION_SCALE] = g_param_spec_int ("emotion-scale", NULL, NULL,
                                                     WM_MIN_EMOTION_SCALE, WM_MAX_EMOTION_SCALE,
                                                     5, flags);
  /* Seconds since the Unix epoch, UTC. Set by the file code, not undoable. */
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MODIFIED] = g_param_spec_int64 ("modified", NULL, NULL, 0, G_MAXINT64, 0, flags);

  wm_element_class_install_fields (WM_ELEMENT_CLASS (klass), properties, N_PROPS);
}

static void
wm_document_init (WmDocument *self)
{
  self->personas = g_list_store_new (WM_TYPE_PERSONA);
  self->stages = g_list_store_new (WM_TYPE_STAGE);
  self->lanes = g_list_store_new (WM_TYPE_LANE);
  self->cards = g_list_store_new (WM_TYPE_CARD);
  self->curves = g_list_store_new (WM_TYPE_EMOTION_CURVE);
  self->views = g_list_store_new (WM_TYPE_SAVED_VIEW);
  self->conflicts = g_list_store_new (WM_TYPE_CONFLICT);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->history = wm_history_new ();
  /* Connected first, so that the indexes are dropped before any view
   * hears of the change. */
  g_signal_connect (self->stages, "items-changed", G_CALLBACK (on_stages_items_changed), self);
  g_signal_connect (self->cards, "items-changed", G_CALLBACK (on_cards_items_changed), self);
}

/**
 * wm_document_new:
 * @id: (nullable): the map id, or %NULL for a new one
 *
 * Returns: (transfer full): an empty map
 */
WmDocument *
wm_document_new (const char *id)
{
  return g_object_new (WM_TYPE_DOCUMENT, "id", id, NULL);
}

const char *
wm_document_get_title (WmDocument *self)
{
  return wm_element_get_string_field (WM_ELEMENT (self), PROP_TITLE);
}

const char *
wm_document_get_goal (WmDocument *self)
{
  return wm_element_get_string_field (WM_ELEMENT (self), PROP_GOAL);
}

const char *
wm_document_get_scope (WmDocument *self)
{
  return wm_element_get_string_field (WM_ELEMENT (self), PROP_SCOPE);
}

WmMapKind
wm_document_get_kind (WmDocument *self)
{
  return wm_element_get_int_field (WM_ELEMENT (self), PROP_KIND);
}

int
wm_document_get_emotion_scale (WmDocument *self)
{
  return wm_element_get_int_field (WM_ELEMENT (self), PROP_EMOTION_SCALE);
}

gint64
wm_document_get_created (WmDocument *self)
{
  return g_value_get_int64 (wm_element_peek_value (WM_ELEMENT (self), properties[PROP_CREATED]));
}

gint64
wm_document_get_modified (WmDocument *self)
{
  return g_value_get_int64 (wm_element_peek_value (WM_ELEMENT (self), properties[PROP_MODIFIED]));
}

/**
 * wm_document_get_personas:
 *
 * Returns: (transfer none): a list model of #WmPersona
 */
GListModel *
wm_document_get_personas (WmDocument *self)
{
  return G_LIST_MODEL (self->personas);
}

/**
 * wm_document_get_stages:
 *
 * Returns: (transfer none): a list model of #WmStage, left to right
 */
GListModel *
wm_document_get_stages (WmDocument *self)
{
  return G_LIST_MODEL (self->stages);
}

/**
 * wm_document_get_lanes:
 *
 * Returns: (transfer none): a list model of #WmLane, top to bottom
 */
GListModel *
wm_document_get_lanes (WmDocument *self)
{
  return G_LIST_MODEL (self->lanes);
}

/**
 * wm_document_get_cards:
 *
 * Returns: (transfer none): a list model of every #WmCard; cards of one
 *   cell come in their order within the cell
 */
GListModel *
wm_document_get_cards (WmDocument *self)
{
  return G_LIST_MODEL (self->cards);
}

/**
 * wm_document_get_views:
 *
 * Returns: (transfer none): a list model of #WmSavedView
 */
GListModel *
wm_document_get_views (WmDocument *self)
{
  return G_LIST_MODEL (self->views);
}

/**
 * wm_document_get_emotion_curves:
 *
 * Returns: (transfer none): a list model of #WmEmotionCurve
 */
GListModel *
wm_document_get_emotion_curves (WmDocument *self)
{
  return G_LIST_MODEL (self->curves);
}

/**
 * wm_document_get_conflicts:
 *
 * Returns: (transfer none): a list model of #WmConflict: the changes a
 *   merge could not settle, still to be resolved
 */
GListModel *
wm_document_get_conflicts (WmDocument *self)
{
  return G_LIST_MODEL (self->conflicts);
}

/**
 * wm_document_get_history:
 *
 * Returns: (transfer none): the document's undo history
 */
WmHistory *
wm_document_get_history (WmDocument *self)
{
  return self->history;
}

/**
 * wm_document_lookup:
 * @self: a document
 * @id: an element id
 *
 * Returns: (transfer none) (nullable): the element with @id in the document
 */
WmElement *
wm_document_lookup (WmDocument *self,
                    const char *id)
{
  g_return_val_if_fail (WM_IS_DOCUMENT (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->index, id) : NULL;
}

/**
 * wm_document_get_card_lane:
 * @card: a card of the document
 *
 * Returns: (transfer none) (nullable): the lane @card is in
 */
WmLane *
wm_document_get_card_lane (WmDocument *self,
                           WmCard     *card)
{
  WmElement *lane = wm_document_lookup (self, wm_card_get_lane (card));

  return WM_IS_LANE (lane) ? WM_LANE (lane) : NULL;
}

/**
 * wm_document_get_stage_index:
 *
 * Returns: the position of the stage with @stage_id, or -1
 */
int
wm_document_get_stage_index (WmDocument *self,
                             const char *stage_id)
{
  WmElement *stage = wm_document_lookup (self, stage_id);
  guint position;

  if (!WM_IS_STAGE (stage))
    return -1;

  if (self->stage_positions == NULL)
    {
      GListModel *stages = G_LIST_MODEL (self->stages);

      self->stage_positions = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(WmStage) item = g_list_model_get_item (stages, i);

          g_hash_table_insert (self->stage_positions, item, GUINT_TO_POINTER (i + 1));
        }
    }

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->stage_positions, stage));
  return position > 0 ? (int) position - 1 : -1;
}

/**
 * wm_document_get_curve_for_persona:
 *
 * Returns: (transfer none) (nullable): the emotion curve of the persona
 */
WmEmotionCurve *
wm_document_get_curve_for_persona (WmDocument *self,
                                   const char *persona_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->curves)); i++)
    {
      g_autoptr(WmEmotionCurve) curve = g_list_model_get_item (G_LIST_MODEL (self->curves), i);

      if (g_strcmp0 (wm_emotion_curve_get_persona (curve), persona_id) == 0)
        return curve;
    }

  return NULL;
}

/**
 * wm_document_get_curve_of_point:
 * @point: a point of one of the map's curves
 *
 * Returns: (transfer none) (nullable): the curve @point belongs to
 */
WmEmotionCurve *
wm_document_get_curve_of_point (WmDocument     *self,
                                WmEmotionPoint *point)
{
  GListModel *curves = G_LIST_MODEL (self->curves);

  for (guint c = 0; c < g_list_model_get_n_items (curves); c++)
    {
      g_autoptr(WmEmotionCurve) curve = g_list_model_get_item (curves, c);
      guint position;

      if (g_list_store_find (wm_emotion_curve_get_point_store (curve), point, &position))
        return curve;
    }
  return NULL;
}

static gboolean
card_in_cell (WmCard     *card,
              const char *stage_id,
              const char *lane_id)
{
  return g_str_equal (wm_card_get_stage (card), stage_id) &&
         g_str_equal (wm_card_get_lane (card), lane_id);
}

/**
 * wm_document_get_cell_cards:
 * @self: a document
 * @stage_id: the stage of the cell
 * @lane_id: the lane of the cell
 *
 * Returns: (transfer container) (element-type WmCard): the cards that
 *   start in the cell, in order
 */
GPtrArray *
wm_document_get_cell_cards (WmDocument *self,
                            const char *stage_id,
                            const char *lane_id)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func (g_object_unref);
  Cell key = { stage_id, lane_id, NULL };
  Cell *cell;

  if (stage_id == NULL || lane_id == NULL)
    return cards;

  if (self->cells == NULL)
    {
      GListModel *model = G_LIST_MODEL (self->cards);

      self->cells = g_hash_table_new_full (cell_hash, cell_equal, cell_free, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(WmCard) card = g_list_model_get_item (model, i);
          Cell probe = { wm_card_get_stage (card), wm_card_get_lane (card), NULL };

          cell = g_hash_table_lookup (self->cells, &probe);
          if (cell == NULL)
            {
              cell = g_memdup2 (&probe, sizeof probe);
              cell->cards = g_ptr_array_new ();
              g_hash_table_add (self->cells, cell);
            }
          g_ptr_array_add (cell->cards, card);
        }
    }

  cell = g_hash_table_lookup (self->cells, &key);
  for (guint i = 0; cell != NULL && i < cell->cards->len; i++)
    g_ptr_array_add (cards, g_object_ref (g_ptr_array_index (cell->cards, i)));

  return cards;
}

/**
 * wm_document_begin_change:
 * @label: (nullable): the undo step's name, such as "Move Cards"
 *
 * Opens a transaction on the document's history: the changes until
 * wm_document_commit_change() are one undo step, or are rolled back by
 * wm_document_abort_change(). See wm_history_begin().
 */
void
wm_document_begin_change (WmDocument *self,
                          const char *label)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  wm_history_begin (self->history, label);
}

void
wm_document_commit_change (WmDocument *self)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  wm_history_commit (self->history);
}

/* Returns the document to what it was at the matching begin. */
void
wm_document_abort_change (WmDocument *self)
{
  g_return_if_fail (WM_IS_DOCUMENT (self));

  wm_history_abort (self->history);
}

static gboolean
element_in_document (WmDocument *self,
                     WmElement  *element)
{
  return wm_document_lookup (self, wm_element_get_id (element)) == element;
}

/* Whether a card starting in the stage at @stage_index may cover @span
 * stages. Written as a subtraction: a span near G_MAXINT would overflow
 * the sum. */
static gboolean
span_fits (WmDocument *self,
           int         stage_index,
           int         span)
{
  int n_stages = (int) g_list_model_get_n_items (G_LIST_MODEL (self->stages));

  return stage_index >= 0 && stage_index < n_stages && span >= 1 && span <= n_stages - stage_index;
}

/* Checks that references and ranges stay consistent; a change that would
 * break them is refused. */
static gboolean
value_is_acceptable (WmDocument   *self,
                     WmElement    *element,
                     GParamSpec   *pspec,
                     const GValue *value)
{
  const char *name = pspec->name;

  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) == NULL)
    return FALSE;

  if (WM_IS_CARD (element) && (g_str_equal (name, "stage") || g_str_equal (name, "lane")))
    return FALSE; /* wm_document_move_card() keeps the cell order right */

  if (WM_IS_EMOTION_POINT (element) && g_str_equal (name, "stage"))
    return WM_IS_STAGE (wm_document_lookup (self, g_value_get_string (value)));

  if (WM_IS_EMOTION_POINT (element) && g_str_equal (name, "score"))
    return g_value_get_int (value) <= wm_document_get_emotion_scale (self);

  if (WM_IS_CARD (element) && g_str_equal (name, "span"))
    return span_fits (self, wm_document_get_stage_index (self, wm_card_get_stage (WM_CARD (element))),
                      g_value_get_int (value));

  if (WM_IS_LANE (element) && g_str_equal (name, "kind"))
    {
      g_autoptr(GPtrArray) cards = NULL;

      if (wm_lane_kind_holds_cards (g_value_get_enum (value)))
        return TRUE;
      /* A lane with cards cannot become one that holds none. */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->cards)); i++)
        {
          g_autoptr(WmCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);

          if (g_str_equal (wm_card_get_lane (card), wm_element_get_id (element)))
            return FALSE;
        }
    }

  return TRUE;
}

static void
clamp_scores_to_scale (WmDocument *self,
                       int         scale)
{
  for (guint c = 0; c < g_list_model_get_n_items (G_LIST_MODEL (self->curves)); c++)
    {
      g_autoptr(WmEmotionCurve) curve = g_list_model_get_item (G_LIST_MODEL (self->curves), c);
      GListModel *points = wm_emotion_curve_get_points (curve);

      for (guint p = 0; p < g_list_model_get_n_items (points); p++)
        {
          g_autoptr(WmEmotionPoint) point = g_list_model_get_item (points, p);

          if (wm_emotion_point_get_score (point) > scale)
            wm_document_set_int (self, WM_ELEMENT (point), "score", scale);
        }
    }
}

/**
 * wm_document_set_value:
 * @self: a document
 * @element: an element of @self, or @self
 * @field: the name of one of @element's fields
 * @value: the new value, of the field's type
 * @merge_key: (nullable): consecutive changes with the same key to the same
 *   field become one undo step
 *
 * Changes one field through the history. Setting a value equal to the
 * current one records nothing.
 *
 * Returns: %FALSE if the change was refused: unknown field, wrong type, or
 *   a value that would make the map inconsistent
 */
gboolean
wm_document_set_value (WmDocument   *self,
                       WmElement    *element,
                       const char   *field,
                       const GValue *value,
                       const char   *merge_key)
{
  GParamSpec *pspec;
  g_auto(GValue) checked = G_VALUE_INIT;

  g_return_val_if_fail (WM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (WM_IS_ELEMENT (element), FALSE);

  pspec = wm_element_find_field (element, field);
  if (pspec == NULL || !element_in_document (self, element) ||
      g_str_equal (field, "created") || g_str_equal (field, "modified"))
    return FALSE;

  g_value_init (&checked, pspec->value_type);
  if (!g_value_type_compatible (G_VALUE_TYPE (value), pspec->value_type))
    return FALSE;
  g_value_copy (value, &checked);
  if (g_param_value_validate (pspec, &checked) ||
      !value_is_acceptable (self, element, pspec, &checked))
    return FALSE;
  /* Compared as it would be stored: a drag by less than the model keeps
   * is no change. */
  wm_value_normalize (&checked);

  if (g_param_values_cmp (pspec, &checked, wm_element_peek_value (element, pspec)) == 0)
    return TRUE;

  if (element == WM_ELEMENT (self) && pspec == properties[PROP_EMOTION_SCALE])
    {
      wm_history_begin (self->history, NULL);
      clamp_scores_to_scale (self, g_value_get_int (&checked));
      push_set_field (self, element, pspec, &checked, merge_key);
      wm_history_commit (self->history);
      return TRUE;
    }

  push_set_field (self, element, pspec, &checked, merge_key);
  return TRUE;
}

gboolean
wm_document_set_string (WmDocument *self,
                        WmElement  *element,
                        const char *field,
                        const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  return wm_document_set_value (self, element, field, &gvalue, NULL);
}

/**
 * wm_document_type_string:
 *
 * Like wm_document_set_string(), for each keystroke of typing: consecutive
 * calls on the same field become one undo step.
 */
gboolean
wm_document_type_string (WmDocument *self,
                         WmElement  *element,
                         const char *field,
                         const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  return wm_document_set_value (self, element, field, &gvalue, "typing");
}

/**
 * wm_document_set_int:
 *
 * Sets an integer, enum or boolean field.
 */
gboolean
wm_document_set_int (WmDocument *self,
                     WmElement  *element,
                     const char *field,
                     int         value)
{
  GParamSpec *pspec = wm_element_find_field (element, field);
  g_auto(GValue) gvalue = G_VALUE_INIT;

  if (pspec == NULL)
    return FALSE;

  g_value_init (&gvalue, pspec->value_type);
  if (G_VALUE_HOLDS_ENUM (&gvalue))
    g_value_set_enum (&gvalue, value);
  else if (G_VALUE_HOLDS_BOOLEAN (&gvalue))
    g_value_set_boolean (&gvalue, value != 0);
  else if (G_VALUE_HOLDS_INT (&gvalue))
    g_value_set_int (&gvalue, value);
  else
    return FALSE;

  return wm_document_set_value (self, element, field, &gvalue, NULL);
}

gboolean
wm_document_set_double (WmDocument *self,
                        WmElement  *element,
                        const char *field,
                        double      value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_DOUBLE);
  g_value_set_double (&gvalue, value);
  return wm_document_set_value (self, element, field, &gvalue, NULL);
}

gboolean
wm_document_set_strv (WmDocument         *self,
                      WmElement          *element,
                      const char         *field,
                      const char * const *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRV);
  g_value_set_boxed (&gvalue, value);
  return wm_document_set_value (self, element, field, &gvalue, NULL);
}

static int
rescale_score (int score,
               int from_scale,
               int to_scale)
{
  return (int) lround (1 + (double) (score - 1) * (to_scale - 1) / (from_scale - 1));
}

static void
rescale_points (WmDocument *self,
                int         from_scale,
                int         to_scale)
{
  GListModel *curves = G_LIST_MODEL (self->curves);

  for (guint c = 0; c < g_list_model_get_n_items (curves); c++)
    {
      g_autoptr(WmEmotionCurve) curve = g_list_model_get_item (curves, c);
      GListModel *points = wm_emotion_curve_get_points (curve);

      for (guint p = 0; p < g_list_model_get_n_items (points); p++)
        {
          g_autoptr(WmEmotionPoint) point = g_list_model_get_item (points, p);

          wm_document_set_int (self, WM_ELEMENT (point), "score",
                               rescale_score (wm_emotion_point_get_score (point), from_scale, to_scale));
        }
    }
}

/**
 * wm_document_set_emotion_scale:
 * @scale: the new number of levels, from %WM_MIN_EMOTION_SCALE to
 *   %WM_MAX_EMOTION_SCALE
 * @label: the name of the undo step
 *
 * Changes the emotion graph's number of levels and moves every point to
 * the level at the same height of the new scale, as one undo step.
 *
 * Returns: whether the scale changed
 */
gboolean
wm_document_set_emotion_scale (WmDocument *self,
                               int         scale,
                               const char *label)
{
  int old_scale;

  g_return_val_if_fail (WM_IS_DOCUMENT (self), FALSE);

  old_scale = wm_document_get_emotion_scale (self);
  if (scale == old_scale || scale < WM_MIN_EMOTION_SCALE || scale > WM_MAX_EMOTION_SCALE)
    return FALSE;

  /* A score may never exceed the scale: grow the scale before the points
   * climb, shrink it after they come down. */
  wm_document_begin_change (self, label);
  if (scale > old_scale)
    wm_document_set_int (self, WM_ELEMENT (self), "emotion-scale", scale);
  rescale_points (self, old_scale, scale);
  if (scale < old_scale)
    wm_document_set_int (self, WM_ELEMENT (self), "emotion-scale", scale);
  wm_document_commit_change (self);
  return TRUE;
}

static gboolean
can_insert (WmDocument *self,
            WmElement  *element,
            GListStore *store,
            guint       position)
{
  return WM_IS_ELEMENT (element) &&
         wm_document_lookup (self, wm_element_get_id (element)) == NULL &&
         position <= g_list_model_get_n_items (G_LIST_MODEL (store));
}

/**
 * wm_document_insert_persona:
 *
 * Adds a persona, with an empty emotion curve of its own.
 *
 * Returns: %FALSE if the map already has %WM_MAX_PERSONAS personas, the id
 *   is taken, or @position is past the end
 */
gboolean
wm_document_insert_persona (WmDocument *self,
                            WmPersona  *persona,
                            guint       position)
{
  g_autoptr(WmEmotionCurve) curve = NULL;
  g_autofree char *curve_id = NULL;

  if (!can_insert (self, WM_ELEMENT (persona), self->personas, position) ||
      g_list_model_get_n_items (G_LIST_MODEL (self->personas)) >= WM_MAX_PERSONAS)
    return FALSE;

  curve_id = g_strconcat ("curve-", wm_element_get_id (WM_ELEMENT (persona)), NULL);
  if (wm_document_lookup (self, curve_id) != NULL)
    g_clear_pointer (&curve_id, g_free);
  curve = wm_emotion_curve_new (curve_id, wm_element_get_id (WM_ELEMENT (persona)));

  wm_history_begin (self->history, NULL);
  push_insert (self, self->personas, position, WM_ELEMENT (persona));
  push_insert (self, self->curves, g_list_model_get_n_items (G_LIST_MODEL (self->curves)), WM_ELEMENT (curve));
  wm_history_commit (self->history);

  return TRUE;
}

gboolean
wm_document_insert_stage (WmDocument *self,
                          WmStage    *stage,
                          guint       position)
{
  if (!can_insert (self, WM_ELEMENT (stage), self->stages, position))
    return FALSE;

  push_insert (self, self->stages, position, WM_ELEMENT (stage));
  return TRUE;
}

gboolean
wm_document_insert_lane (WmDocument *self,
                         WmLane     *lane,
                         guint       position)
{
  if (!can_insert (self, WM_ELEMENT (lane), self->lanes, position))
    return FALSE;

  push_insert (self, self->lanes, position, WM_ELEMENT (lane));
  return TRUE;
}

/* Where in the document's card list the card at @index_in_cell of a cell
 * goes: before the cell's card now at that index, or after its last card
 * (or at the end) when appending. */
static guint
card_list_position (WmDocument *self,
                    const char *stage_id,
                    const char *lane_id,
                    guint       index_in_cell,
                    WmCard     *ignored)
{
  GListModel *cards = G_LIST_MODEL (self->cards);
  guint n_items = g_list_model_get_n_items (cards);
  guint seen = 0;
  guint after_last = n_items;
  gboolean any = FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);

      if (card == ignored || !card_in_cell (card, stage_id, lane_id))
        continue;
      if (seen++ == index_in_cell)
        return i;
      after_last = i + 1;
      any = TRUE;
    }

  return any ? after_last : n_items;
}

static gboolean
cell_accepts_cards (WmDocument *self,
                    const char *stage_id,
                    const char *lane_id,
                    int         span)
{
  WmElement *lane = wm_document_lookup (self, lane_id);
  int stage_index = wm_document_get_stage_index (self, stage_id);

  return WM_IS_LANE (lane) &&
         wm_lane_kind_holds_cards (wm_lane_get_kind (WM_LANE (lane))) &&
         span_fits (self, stage_index, span);
}

/**
 * wm_document_insert_card:
 * @self: a document
 * @card: a card whose stage and lane fields name its cell
 * @index_in_cell: its place among the cell's cards; past the end appends
 *
 * Returns: %FALSE if the cell does not exist or holds no cards, the span
 *   runs past the last stage, or the id is taken
 */
gboolean
wm_document_insert_card (WmDocument *self,
                         WmCard     *card,
                         guint       index_in_cell)
{
  const char *stage_id = wm_card_get_stage (card);
  const char *lane_id = wm_card_get_lane (card);

  if (!can_insert (self, WM_ELEMENT (card), self->cards, 0) ||
      !cell_accepts_cards (self, stage_id, lane_id, wm_card_get_span (card)))
    return FALSE;

  push_insert (self, self->cards,
               card_list_position (self, stage_id, lane_id, index_in_cell, NULL),
               WM_ELEMENT (card));
  return TRUE;
}

gboolean
wm_document_insert_point (WmDocument     *self,
                          WmEmotionCurve *curve,
                          WmEmotionPoint *point,
                          guint           position)
{
  GListStore *points;

  if (!WM_IS_EMOTION_CURVE (curve) || !element_in_document (self, WM_ELEMENT (curve)))
    return FALSE;

  points = wm_emotion_curve_get_point_store (curve);
  if (!can_insert (self, WM_ELEMENT (point), points, position) ||
      !WM_IS_STAGE (wm_document_lookup (self, wm_emotion_point_get_stage (point))) ||
      wm_emotion_point_get_score (point) > wm_document_get_emotion_scale (self))
    return FALSE;

  push_insert (self, points, position, WM_ELEMENT (point));
  return TRUE;
}

/**
 * wm_document_insert_curve:
 * @curve: an empty emotion curve for a persona of @self that has none
 *
 * Gives a persona its curve. Personas added by editing get one with
 * them; a persona read from a file may come without one.
 *
 * Returns: %FALSE if the persona is not in @self or has a curve already,
 *   the curve has points, or its id is taken
 */
gboolean
wm_document_insert_curve (WmDocument     *self,
                          WmEmotionCurve *curve)
{
  const char *persona;

  if (!WM_IS_EMOTION_CURVE (curve) ||
      !can_insert (self, WM_ELEMENT (curve), self->curves, 0) ||
      g_list_model_get_n_items (wm_emotion_curve_get_points (curve)) > 0)
    return FALSE;
  persona = wm_emotion_curve_get_persona (curve);
  if (!WM_IS_PERSONA (wm_document_lookup (self, persona)) ||
      wm_document_get_curve_for_persona (self, persona) != NULL)
    return FALSE;

  push_insert (self, self->curves, g_list_model_get_n_items (G_LIST_MODEL (self->curves)), WM_ELEMENT (curve));
  return TRUE;
}

/* Where the stage at @index will be once the stage at @from moves to @to. */
static int
stage_index_after_move (int index,
                        int from,
                        int to)
{
  if (index == from)
    return to;
  if (from < index && index <= to)
    return index - 1;
  if (to <= index && index < from)
    return index + 1;
  return index;
}

/* Shortens, before the stage at @from moves to @to, every card that would
 * then run past the last stage: a map must never hold a span that does
 * not fit, or it saves but cannot be loaded again. Part of the move's
 * undo step, so undoing the move gives the spans back. */
static void
fit_spans_to_stage_move (WmDocument *self,
                         int         from,
                         int         to)
{
  GListModel *cards = G_LIST_MODEL (self->cards);
  int n_stages = (int) g_list_model_get_n_items (G_LIST_MODEL (self->stages));

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);
      int start = wm_document_get_stage_index (self, wm_card_get_stage (card));
      int room = n_stages - stage_index_after_move (start, from, to);

      if (start >= 0 && wm_card_get_span (card) > room)
        wm_document_set_int (self, WM_ELEMENT (card), "span", room);
    }
}

/**
 * wm_document_insert_view:
 * @view: a saved view not yet in a document
 *
 * Keeps @view in the map, after the others: one undo step.
 *
 * Returns: %FALSE when its id is taken or it has no name
 */
gboolean
wm_document_insert_view (WmDocument  *self,
                         WmSavedView *view)
{
  if (!WM_IS_SAVED_VIEW (view) || *wm_saved_view_get_name (view) == '\0' ||
      !can_insert (self, WM_ELEMENT (view), self->views, g_list_model_get_n_items (G_LIST_MODEL (self->views))))
    return FALSE;
  push_insert (self, self->views, g_list_model_get_n_items (G_LIST_MODEL (self->views)), WM_ELEMENT (view));
  return TRUE;
}

/**
 * wm_document_move:
 * @self: a document
 * @element: a persona, stage, lane or emotion point of @self
 * @position: its new position in its list
 *
 * Moves @element within its list, as one undo step. A card that would
 * then run past the last stage is shortened.
 *
 * Returns: %FALSE for other elements or a position past the end
 */
gboolean
wm_document_move (WmDocument *self,
                  WmElement  *element,
                  guint       position)
{
  GListStore *store;
  guint from;

  if (WM_IS_CARD (element) || !element_in_document (self, element))
    return FALSE;

  store = store_for_element (self, element);
  if (store == NULL || store == self->curves || !find_in_store (store, element, &from) ||
      position >= g_list_model_get_n_items (G_LIST_MODEL (store)))
    return FALSE;

  if (from == position)
    return TRUE;
  wm_history_begin (self->history, NULL);
  if (store == self->stages)
    fit_spans_to_stage_move (self, from, position);
  push (self, wm_command_list_move_new (store, from, position));
  wm_history_commit (self->history);
  return TRUE;
}

/**
 * wm_document_move_card:
 * @self: a document
 * @card: a card of @self
 * @stage_id: the stage of the destination cell
 * @lane_id: the lane of the destination cell
 * @index_in_cell: the card's place among the destination's cards, counted
 *   without @card itself
 *
 * Moves a card to another cell, or to another place in its own, as one
 * undo step. A span that would run past the last stage is shortened.
 *
 * Returns: %FALSE if the destination does not take cards
 */
gboolean
wm_document_move_card (WmDocument *self,
                       WmCard     *card,
                       const char *stage_id,
                       const char *lane_id,
                       guint       index_in_cell)
{
  int n_stages = g_list_model_get_n_items (G_LIST_MODEL (self->stages));
  int stage_index = wm_document_get_stage_index (self, stage_id);
  int span;
  guint from, to;
  g_auto(GValue) value = G_VALUE_INIT;

  if (!WM_IS_CARD (card) || !element_in_document (self, WM_ELEMENT (card)) ||
      !cell_accepts_cards (self, stage_id, lane_id, 1))
    return FALSE;

  span = MIN (wm_card_get_span (card), n_stages - stage_index);
  g_assert (find_in_store (self->cards, card, &from));
  to = card_list_position (self, stage_id, lane_id, index_in_cell, card);
  if (to > from)
    to--;  /* counted with the card still in the list */

  wm_history_begin (self->history, NULL);
  g_value_init (&value, G_TYPE_STRING);
  if (!g_str_equal (wm_card_get_stage (card), stage_id))
    {
      g_value_set_string (&value, stage_id);
      push_set_field (self, WM_ELEMENT (card), wm_element_find_field (WM_ELEMENT (card), "stage"), &value, NULL);
    }
  if (!g_str_equal (wm_card_get_lane (card), lane_id))
    {
      g_value_set_string (&value, lane_id);
      push_set_field (self, WM_ELEMENT (card), wm_element_find_field (WM_ELEMENT (card), "lane"), &value, NULL);
    }
  if (span != wm_card_get_span (card))
    wm_document_set_int (self, WM_ELEMENT (card), "span", span);
  if (from != to)
    push (self, wm_command_list_move_new (self->cards, from, to));
  wm_history_commit (self->history);

  return TRUE;
}

static void
remove_from_store (WmDocument *self,
                   GListStore *store,
                   WmElement  *element)
{
  guint position;

  if (find_in_store (store, element, &position))
    push_remove (self, store, position);
}

/* Removes the cards for which @matches says so, last first so that the
 * positions recorded stay valid. */
static void
remove_cards_where (WmDocument *self,
                    gboolean  (*matches) (WmCard *card, const char *id),
                    const char *id)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->cards)); i > 0; i--)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i - 1);

      if (matches (card, id))
        push_remove (self, self->cards, i - 1);
    }
}

static gboolean
card_starts_in_stage (WmCard     *card,
                      const char *stage_id)
{
  return g_str_equal (wm_card_get_stage (card), stage_id);
}

static gboolean
card_is_in_lane (WmCard     *card,
                 const char *lane_id)
{
  return g_str_equal (wm_card_get_lane (card), lane_id);
}

static void
remove_stage_contents (WmDocument *self,
                       WmStage    *stage)
{
  const char *stage_id = wm_element_get_id (WM_ELEMENT (stage));
  int removed_index = wm_document_get_stage_index (self, stage_id);

  remove_cards_where (self, card_starts_in_stage, stage_id);

  /* Cards that started earlier and covered this stage get shorter. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->cards)); i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);
      int start = wm_document_get_stage_index (self, wm_card_get_stage (card));
      int span = wm_card_get_span (card);

      if (start < removed_index && span > removed_index - start)
        wm_document_set_int (self, WM_ELEMENT (card), "span", span - 1);
    }

  for (guint c = 0; c < g_list_model_get_n_items (G_LIST_MODEL (self->curves)); c++)
    {
      g_autoptr(WmEmotionCurve) curve = g_list_model_get_item (G_LIST_MODEL (self->curves), c);
      GListStore *points = wm_emotion_curve_get_point_store (curve);

      for (guint p = g_list_model_get_n_items (G_LIST_MODEL (points)); p > 0; p--)
        {
          g_autoptr(WmEmotionPoint) point = g_list_model_get_item (G_LIST_MODEL (points), p - 1);

          if (g_str_equal (wm_emotion_point_get_stage (point), stage_id))
            push_remove (self, points, p - 1);
        }
    }
}

/**
 * wm_document_remove:
 * @self: a document
 * @element: an element of @self
 *
 * Removes @element with what depends on it, as one undo step: a stage
 * takes its cards and emotion points along, a lane its cards, a persona
 * its emotion curve.
 *
 * Returns: %FALSE if @element is not in @self or is @self
 */
gboolean
wm_document_remove (WmDocument *self,
                    WmElement  *element)
{
  GListStore *store;

  if (!WM_IS_ELEMENT (element) || element == WM_ELEMENT (self) ||
      !element_in_document (self, element))
    return FALSE;

  store = store_for_element (self, element);
  if (store == NULL || store == self->curves)
    return FALSE; /* a curve goes with its persona */

  wm_history_begin (self->history, NULL);
  if (WM_IS_STAGE (element))
    remove_stage_contents (self, WM_STAGE (element));
  else if (WM_IS_LANE (element))
    remove_cards_where (self, card_is_in_lane, wm_element_get_id (element));
  else if (WM_IS_PERSONA (element))
    {
      WmEmotionCurve *curve = wm_document_get_curve_for_persona (self, wm_element_get_id (element));

      if (curve != NULL)
        remove_from_store (self, self->curves, WM_ELEMENT (curve));
    }
  remove_from_store (self, store, element);
  wm_history_commit (self->history);

  return TRUE;
}

/**
 * wm_document_index_loaded:
 * @self: a document being loaded
 * @element: (transfer none): an element read from a file
 *
 * Makes @element known by its id, as the loader reads it, without
 * recording history; it joins its list with wm_document_add_loaded().
 * Until then wm_document_lookup() finds it but no list holds it.
 *
 * Returns: %FALSE if the element's id is already in the document
 */
gboolean
wm_document_index_loaded (WmDocument *self,
                          WmElement  *element)
{
  if (wm_document_lookup (self, wm_element_get_id (element)) != NULL)
    return FALSE;
  g_return_val_if_fail (!WM_IS_EMOTION_POINT (element) && store_for_element (self, element) != NULL, FALSE);

  index_element (self, element, TRUE);
  return TRUE;
}

/**
 * wm_document_add_loaded:
 * @self: a document being loaded
 * @elements: (element-type WmElement): elements given to
 *   wm_document_index_loaded(), in their file order
 *
 * Appends @elements to their lists. Each run of elements of one kind joins
 * its list at once: a list told of every one of 300,000 cards alone makes
 * loading a large map several times slower.
 */
void
wm_document_add_loaded (WmDocument *self,
                        GPtrArray  *elements)
{
  guint start = 0;

  while (start < elements->len)
    {
      GListStore *store = store_for_element (self, g_ptr_array_index (elements, start));
      guint end = start + 1;

      while (end < elements->len && store_for_element (self, g_ptr_array_index (elements, end)) == store)
        end++;
      g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                           elements->pdata + start, end - start);
      start = end;
    }
}

/**
 * wm_document_append_loaded:
 * @self: a document being loaded
 * @element: (transfer none): an element read from a file
 *
 * Adds an element as the loader reads it, without recording history.
 *
 * Returns: %FALSE if the element's id is already in the document
 */
gboolean
wm_document_append_loaded (WmDocument *self,
                           WmElement  *element)
{
  if (!wm_document_index_loaded (self, element))
    return FALSE;

  g_list_store_append (store_for_element (self, element), element);
  return TRUE;
}

/**
 * wm_document_set_timestamps:
 *
 * Sets when the map was created and last modified. The file code calls
 * this on load and save; it is not an edit, so it is not undoable.
 */
void
wm_document_set_timestamps (WmDocument *self,
                            gint64      created,
                            gint64      modified)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, created);
  wm_element_write_field (WM_ELEMENT (self), properties[PROP_CREATED], &value);
  g_value_set_int64 (&value, modified);
  wm_element_write_field (WM_ELEMENT (self), properties[PROP_MODIFIED], &value);
}

/**
 * wm_document_get_conflict_store:
 *
 * For the loader and the merge, which fill a new document's list of
 * conflicts without recording history.
 *
 * Returns: (transfer none): the store behind wm_document_get_conflicts()
 */
GListStore *
wm_document_get_conflict_store (WmDocument *self)
{
  return self->conflicts;
}

/**
 * wm_document_remove_conflict:
 * @conflict: one of wm_document_get_conflicts()
 *
 * Marks @conflict resolved: it leaves the list, as one undo step (or as
 * part of the open transaction), so that undo brings it back.
 *
 * Returns: %FALSE if @conflict is not one of the document's
 */
gboolean
wm_document_remove_conflict (WmDocument *self,
                             WmConflict *conflict)
{
  g_autoptr(GPtrArray) rest = NULL;
  guint position;

  g_return_val_if_fail (WM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (WM_IS_CONFLICT (conflict), FALSE);

  if (!g_list_store_find (self->conflicts, conflict, &position))
    return FALSE;

  rest = wm_element_list_dup (G_LIST_MODEL (self->conflicts));
  g_ptr_array_remove_index (rest, position);
  push (self, wm_command_list_replace_new (self->conflicts, rest, NULL, NULL));
  return TRUE;
}

static gboolean
conflicts_equal (GListModel *a,
                 GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmConflict) x = g_list_model_get_item (a, i);
      g_autoptr(WmConflict) y = g_list_model_get_item (b, i);

      if (g_strcmp0 (wm_conflict_get_path (x), wm_conflict_get_path (y)) != 0 ||
          g_strcmp0 (wm_conflict_get_base (x), wm_conflict_get_base (y)) != 0 ||
          g_strcmp0 (wm_conflict_get_ours (x), wm_conflict_get_ours (y)) != 0 ||
          g_strcmp0 (wm_conflict_get_theirs (x), wm_conflict_get_theirs (y)) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Whether @b can become @a by writing fields alone: the same kinds of
 * element, with the same ids (a curve: the same persona), in the same
 * order, with the same keys a newer Waymark nested inside their objects. */
static gboolean
same_shape (GListModel *a,
            GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WmElement) x = g_list_model_get_item (a, i);
      g_autoptr(WmElement) y = g_list_model_get_item (b, i);
      const WmElementInfo *info;

      if (G_OBJECT_TYPE (x) != G_OBJECT_TYPE (y))
        return FALSE;
      if (WM_IS_EMOTION_CURVE (x))
        {
          if (g_strcmp0 (wm_emotion_curve_get_persona (WM_EMOTION_CURVE (x)),
                         wm_emotion_curve_get_persona (WM_EMOTION_CURVE (y))) != 0 ||
              !same_shape (wm_emotion_curve_get_points (WM_EMOTION_CURVE (x)),
                           wm_emotion_curve_get_points (WM_EMOTION_CURVE (y))))
            return FALSE;
        }
      else if (g_strcmp0 (wm_element_get_id (x), wm_element_get_id (y)) != 0)
        return FALSE;

      info = wm_element_info_lookup (G_OBJECT_TYPE (x));
      for (const WmFieldInfo *field = info->fields; field->key != NULL; field++)
        if (field->object != NULL &&
            g_strcmp0 (wm_element_get_nested_unknown_json (x, field->object),
                       wm_element_get_nested_unknown_json (y, field->object)) != 0)
          return FALSE;
    }
  return TRUE;
}

/* Pushes the writes that turn @element's fields into @source's; the
 * document's times are the file code's, not an edit. */
static void
push_copy_fields (WmDocument *self,
                  WmElement  *element,
                  WmElement  *source)
{
  WmElementClass *klass = WM_ELEMENT_GET_CLASS (element);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      GParamSpec *pspec = klass->fields[i];
      const GValue *value = wm_element_peek_value (source, pspec);

      if (element == WM_ELEMENT (self) &&
          (pspec == properties[PROP_CREATED] || pspec == properties[PROP_MODIFIED] ||
           pspec == properties[PROP_EMOTION_SCALE]))
        continue;
      if (!wm_value_equal (wm_element_peek_value (element, pspec), value))
        push_set_field (self, element, pspec, value, NULL);
    }
  if (g_strcmp0 (wm_element_get_unknown_json (element), wm_element_get_unknown_json (source)) != 0)
    push (self, wm_command_set_unknown_new (element, wm_element_get_unknown_json (source),
                                            element == WM_ELEMENT (self)));
}

static void
push_copy_list_fields (WmDocument *self,
                       GListModel *model,
                       GListModel *source)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WmElement) element = g_list_model_get_item (model, i);
      g_autoptr(WmElement) from = g_list_model_get_item (source, i);

      push_copy_fields (self, element, from);
      if (WM_IS_EMOTION_CURVE (element))
        push_copy_list_fields (self, wm_emotion_curve_get_points (WM_EMOTION_CURVE (element)),
                               wm_emotion_curve_get_points (WM_EMOTION_CURVE (from)));
    }
}

static void
push_replace_list (WmDocument *self,
                   GListStore *store,
                   GListModel *source)
{
  g_autoptr(GPtrArray) items = source != NULL ? wm_element_list_dup (source) : g_ptr_array_new ();

  push (self, wm_command_list_replace_new (store, items, index_element, self));
}

static void
push_set_scale (WmDocument *self,
                WmDocument *other)
{
  const GValue *scale = wm_element_peek_value (WM_ELEMENT (other), properties[PROP_EMOTION_SCALE]);

  if (!wm_value_equal (wm_element_peek_value (WM_ELEMENT (self), properties[PROP_EMOTION_SCALE]), scale))
    push_set_field (self, WM_ELEMENT (self), properties[PROP_EMOTION_SCALE], scale, NULL);
}

/**
 * wm_document_replace_contents:
 * @other: a map to take the contents of, such as the result of a merge;
 *   its elements move into @self, so @other is only fit to be dropped
 *   afterwards
 * @label: (nullable): the undo step's name
 *
 * Makes @self hold what @other holds (fields, elements, conflicts; not
 * the id or the times, which stay @self's) as one undo step. Where
 * @other has the same elements in the same order, only the fields that
 * differ are written, so views keep their widgets and selection; a list
 * whose elements differ is replaced whole, in an order that never leaves
 * a card or a point without its stage, lane or persona.
 */
void
wm_document_replace_contents (WmDocument *self,
                              WmDocument *other,
                              const char *label)
{
  gboolean frame_same;
  gboolean cards_same;
  gboolean curves_same;
  gboolean scale_grows;

  g_return_if_fail (WM_IS_DOCUMENT (self));
  g_return_if_fail (WM_IS_DOCUMENT (other));
  g_return_if_fail (self != other);

  frame_same = same_shape (G_LIST_MODEL (self->personas), G_LIST_MODEL (other->personas)) &&
               same_shape (G_LIST_MODEL (self->stages), G_LIST_MODEL (other->stages)) &&
               same_shape (G_LIST_MODEL (self->lanes), G_LIST_MODEL (other->lanes));
  cards_same = frame_same && same_shape (G_LIST_MODEL (self->cards), G_LIST_MODEL (other->cards));
  curves_same = frame_same && same_shape (G_LIST_MODEL (self->curves), G_LIST_MODEL (other->curves));
  scale_grows = wm_document_get_emotion_scale (other) > wm_document_get_emotion_scale (self);

  wm_history_begin (self->history, label);
  push_copy_fields (self, WM_ELEMENT (self), WM_ELEMENT (other));
  /* Scores always fit the scale: grow it before the points, shrink it after. */
  if (scale_grows)
    push_set_scale (self, other);

  /* What refers to the frame leaves before the frame changes... */
  if (!cards_same)
    push_replace_list (self, self->cards, NULL);
  if (!curves_same)
    push_replace_list (self, self->curves, NULL);

  if (frame_same)
    {
      push_copy_list_fields (self, G_LIST_MODEL (self->personas), G_LIST_MODEL (other->personas));
      push_copy_list_fields (self, G_LIST_MODEL (self->stages), G_LIST_MODEL (other->stages));
      push_copy_list_fields (self, G_LIST_MODEL (self->lanes), G_LIST_MODEL (other->lanes));
    }
  else
    {
      push_replace_list (self, self->personas, G_LIST_MODEL (other->personas));
      push_replace_list (self, self->stages, G_LIST_MODEL (other->stages));
      push_replace_list (self, self->lanes, G_LIST_MODEL (other->lanes));
    }

  /* ...and comes back once it is there. */
  if (curves_same)
    push_copy_list_fields (self, G_LIST_MODEL (self->curves), G_LIST_MODEL (other->curves));
  else
    push_replace_list (self, self->curves, G_LIST_MODEL (other->curves));
  if (cards_same)
    push_copy_list_fields (self, G_LIST_MODEL (self->cards), G_LIST_MODEL (other->cards));
  else
    push_replace_list (self, self->cards, G_LIST_MODEL (other->cards));
  /* Saved views refer to nothing that must come first. */
  if (same_shape (G_LIST_MODEL (self->views), G_LIST_MODEL (other->views)))
    push_copy_list_fields (self, G_LIST_MODEL (self->views), G_LIST_MODEL (other->views));
  else
    push_replace_list (self, self->views, G_LIST_MODEL (other->views));

  if (!scale_grows)
    push_set_scale (self, other);
  if (!conflicts_equal (G_LIST_MODEL (self->conflicts), G_LIST_MODEL (other->conflicts)))
    {
      g_autoptr(GPtrArray) conflicts = wm_element_list_dup (G_LIST_MODEL (other->conflicts));

      push (self, wm_command_list_replace_new (self->conflicts, conflicts, NULL, NULL));
    }
  wm_history_commit (self->history);
}
