/* wm-diff.c: what changed between two versions of a map: elements are
 * paired by id, then what is left by name or title, and the pairs'
 * fields compared. Every pass is a walk over a list with hash lookups,
 * so comparing two 10,000-card maps takes milliseconds.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-diff"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wm-diff.h"

/* A card's kind is its lane's: a card moved into a lane of another kind
 * (a pain point that became an opportunity) changed what it is. */
static const WmFieldInfo kind_field = {
  "kind", NULL, "kind", WM_VALUE_ENUM, .label = N_("Kind"),
};

/* The fields of one kind of element, with their properties looked up once. */
typedef struct
{
  const WmElementInfo *info;
  GPtrArray           *fields;   /* const WmFieldInfo *, the ones compared */
  GPtrArray           *pspecs;   /* GParamSpec *, in step */
  GPtrArray           *alts;     /* GParamSpec *, in step: a picture's
                                  * alternative text, else NULL */
} FieldSet;

/* The two versions of one list, and which element pairs with which. */
typedef struct
{
  GPtrArray *old_items;   /* WmElement, referenced */
  GPtrArray *new_items;
  int       *old_to_new;  /* position in the other list, or -1 */
  int       *new_to_old;
} Match;

/* What the second pass pairs by; NULL for an element it should not pair. */
typedef char *(*MatchKey) (WmElement *element,
                           gpointer   document);

typedef struct
{
  WmDocument *old_document;
  WmDocument *new_document;
  Match       stages;
  Match       lanes;
  GHashTable *old_lane_index;     /* WmLane → position + 1 */
  GHashTable *new_lane_index;
  GPtrArray  *groups;             /* WmDiffStage: new stages, then removed ones */
  int        *old_stage_group;    /* old stage position → group */
  FieldSet    card_fields;
} Compare;

/* Fields that only record when and where: no change a reader sees. */
static gboolean
is_compared (const WmFieldInfo *field)
{
  return field->value != WM_VALUE_REFERENCE && field->value != WM_VALUE_TIMESTAMP;
}

static void
field_set_init (FieldSet *set,
                GType     type)
{
  set->info = wm_element_info_lookup (type);
  set->fields = g_ptr_array_new ();
  set->pspecs = g_ptr_array_new ();
  set->alts = g_ptr_array_new ();
  for (const WmFieldInfo *field = set->info->fields; field->key != NULL; field++)
    if (is_compared (field))
      {
        GParamSpec *picture[3] = { NULL };

        /* A picture's words are part of it: a reader who cannot see it
         * hears them, so rewording them changes the picture. */
        if (field->value == WM_VALUE_PHOTO)
          wm_field_info_get_picture_pspecs (set->info, field, picture);
        g_ptr_array_add (set->fields, (gpointer) field);
        g_ptr_array_add (set->pspecs, wm_field_info_get_pspec (set->info, field));
        g_ptr_array_add (set->alts, picture[2]);
      }
}

static void
field_set_clear (FieldSet *set)
{
  g_clear_pointer (&set->fields, g_ptr_array_unref);
  g_clear_pointer (&set->pspecs, g_ptr_array_unref);
  g_clear_pointer (&set->alts, g_ptr_array_unref);
}

static GPtrArray *
changed_fields (const FieldSet *set,
                WmElement      *old_element,
                WmElement      *new_element)
{
  GPtrArray *changed = g_ptr_array_new ();

  for (guint f = 0; f < set->fields->len; f++)
    {
      GParamSpec *pspec = g_ptr_array_index (set->pspecs, f);
      GParamSpec *alt = g_ptr_array_index (set->alts, f);

      if (!wm_value_equal (wm_element_peek_value (old_element, pspec),
                           wm_element_peek_value (new_element, pspec))
          || (alt != NULL && !wm_value_equal (wm_element_peek_value (old_element, alt),
                                              wm_element_peek_value (new_element, alt))))
        g_ptr_array_add (changed, g_ptr_array_index (set->fields, f));
    }
  return changed;
}

static void
item_set_change (WmDiffItem *item)
{
  if (item->old_element == NULL)
    item->change = WM_DIFF_ADDED;
  else if (item->new_element == NULL)
    item->change = WM_DIFF_REMOVED;
  else
    item->change = item->changed->len > 0 ? WM_DIFF_CHANGED : WM_DIFF_SAME;
}

/* Fills @item for a pair; for a stage, lane, persona or the map, @set
 * is NULL and the kind's fields are looked up here. */
static void
item_init (WmDiffItem     *item,
           const FieldSet *set,
           WmElement      *old_element,
           WmElement      *new_element)
{
  memset (item, 0, sizeof *item);
  item->old_element = old_element != NULL ? g_object_ref (old_element) : NULL;
  item->new_element = new_element != NULL ? g_object_ref (new_element) : NULL;
  if (old_element != NULL && new_element != NULL)
    {
      FieldSet own;

      if (set == NULL)
        field_set_init (&own, G_OBJECT_TYPE (new_element));
      item->changed = changed_fields (set != NULL ? set : &own, old_element, new_element);
      if (set == NULL)
        field_set_clear (&own);
    }
  else
    item->changed = g_ptr_array_new ();
  item_set_change (item);
}

static void
item_clear (WmDiffItem *item)
{
  g_clear_object (&item->old_element);
  g_clear_object (&item->new_element);
  g_clear_object (&item->old_stage);
  g_clear_object (&item->old_lane);
  g_clear_object (&item->new_stage);
  g_clear_object (&item->new_lane);
  g_clear_pointer (&item->changed, g_ptr_array_unref);
}

static void
item_free (WmDiffItem *item)
{
  item_clear (item);
  g_free (item);
}

static void
stage_free (WmDiffStage *stage)
{
  item_clear (&stage->stage);
  g_clear_pointer (&stage->cards, g_ptr_array_unref);
  g_free (stage);
}

static void
emotion_free (WmDiffEmotion *emotion)
{
  g_clear_object (&emotion->stage);
  g_clear_pointer (&emotion->old_scores, g_array_unref);
  g_clear_pointer (&emotion->new_scores, g_array_unref);
  g_free (emotion);
}

static void
persona_free (WmDiffPersona *persona)
{
  item_clear (&persona->persona);
  g_clear_pointer (&persona->emotions, g_ptr_array_unref);
  g_free (persona);
}

/* --- Pairing ------------------------------------------------------------ */

static char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static char *
stage_key (WmElement *element,
           gpointer   document)
{
  return nonempty (wm_stage_get_name (WM_STAGE (element)));
}

static char *
lane_key (WmElement *element,
          gpointer   document)
{
  return nonempty (wm_lane_get_title (WM_LANE (element)));
}

static char *
persona_key (WmElement *element,
             gpointer   document)
{
  return nonempty (wm_persona_get_name (WM_PERSONA (element)));
}

static WmLaneKind
card_kind (WmDocument *document,
           WmCard     *card)
{
  WmLane *lane = wm_document_get_card_lane (document, card);

  return lane != NULL ? wm_lane_get_kind (lane) : WM_LANE_KIND_TEXT;
}

/* A card whose id changed is still found by its title, but only among
 * cards of its kind: a pain point and an opportunity that share a title
 * are different things. */
static char *
card_key (WmElement *element,
          gpointer   document)
{
  const char *title = wm_card_get_title (WM_CARD (element));

  if (title == NULL || *title == '\0')
    return NULL;
  return g_strdup_printf ("%d\x1f%s", card_kind (document, WM_CARD (element)), title);
}

static int *
unpaired (guint n)
{
  int *pairs = g_new (int, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    pairs[i] = -1;
  return pairs;
}

/* Pairs the elements by id, then those left by @key, in list order: the
 * first unpaired old element with a key goes with the first unpaired new
 * one with the same key. */
static void
match_init (Match      *match,
            GListModel *old_model,
            GListModel *new_model,
            MatchKey    key,
            WmDocument *old_document,
            WmDocument *new_document)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) heads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree int *next = NULL;
  guint n_old, n_new;

  match->old_items = wm_element_list_dup (old_model);
  match->new_items = wm_element_list_dup (new_model);
  n_old = match->old_items->len;
  n_new = match->new_items->len;
  match->old_to_new = unpaired (n_old);
  match->new_to_old = unpaired (n_new);

  for (guint o = 0; o < n_old; o++)
    g_hash_table_insert (by_id, (gpointer) wm_element_get_id (g_ptr_array_index (match->old_items, o)),
                         GINT_TO_POINTER (o + 1));
  for (guint n = 0; n < n_new; n++)
    {
      const char *id = wm_element_get_id (g_ptr_array_index (match->new_items, n));
      int o = GPOINTER_TO_INT (g_hash_table_lookup (by_id, id)) - 1;

      if (o >= 0 && match->old_to_new[o] < 0)
        {
          match->old_to_new[o] = n;
          match->new_to_old[n] = o;
        }
    }

  /* The unpaired old elements with each key, chained first to last. */
  next = g_new (int, MAX (n_old, 1));
  for (int o = (int) n_old - 1; o >= 0; o--)
    {
      char *k;
      gpointer head;

      if (match->old_to_new[o] >= 0)
        continue;
      k = key (g_ptr_array_index (match->old_items, o), old_document);
      if (k == NULL)
        continue;
      next[o] = g_hash_table_lookup_extended (heads, k, NULL, &head) ? GPOINTER_TO_INT (head) - 1 : -1;
      g_hash_table_insert (heads, k, GINT_TO_POINTER (o + 1));
    }
  for (guint n = 0; n < n_new && g_hash_table_size (heads) > 0; n++)
    {
      g_autofree char *k = NULL;
      int o;

      if (match->new_to_old[n] >= 0)
        continue;
      k = key (g_ptr_array_index (match->new_items, n), new_document);
      if (k == NULL)
        continue;
      o = GPOINTER_TO_INT (g_hash_table_lookup (heads, k)) - 1;
      if (o < 0)
        continue;
      match->old_to_new[o] = n;
      match->new_to_old[n] = o;
      if (next[o] >= 0)
        g_hash_table_insert (heads, g_strdup (k), GINT_TO_POINTER (next[o] + 1));
      else
        g_hash_table_remove (heads, k);
    }
}

static void
match_clear (Match *match)
{
  g_clear_pointer (&match->old_items, g_ptr_array_unref);
  g_clear_pointer (&match->new_items, g_ptr_array_unref);
  g_clear_pointer (&match->old_to_new, g_free);
  g_clear_pointer (&match->new_to_old, g_free);
}

static GHashTable *
index_elements (GPtrArray *items)
{
  GHashTable *index = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    g_hash_table_insert (index, g_ptr_array_index (items, i), GUINT_TO_POINTER (i + 1));
  return index;
}

static int
lane_position (GHashTable *index,
               WmLane     *lane)
{
  return lane != NULL ? (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, lane)) - 1 : -1;
}

/* --- Stages and lanes --------------------------------------------------- */

static WmDiffStage *
stage_new (WmElement *old_stage,
           WmElement *new_stage)
{
  WmDiffStage *stage = g_new0 (WmDiffStage, 1);

  item_init (&stage->stage, NULL, old_stage, new_stage);
  stage->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  return stage;
}

/* One group per stage of the new map, then one per removed stage. */
static void
compare_stages (Compare *compare)
{
  Match *stages = &compare->stages;

  match_init (stages,
              wm_document_get_stages (compare->old_document),
              wm_document_get_stages (compare->new_document),
              stage_key, compare->old_document, compare->new_document);
  compare->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_free);
  for (guint n = 0; n < stages->new_items->len; n++)
    {
      int o = stages->new_to_old[n];

      g_ptr_array_add (compare->groups,
                       stage_new (o >= 0 ? g_ptr_array_index (stages->old_items, o) : NULL,
                                  g_ptr_array_index (stages->new_items, n)));
    }
  compare->old_stage_group = g_new (int, MAX (stages->old_items->len, 1));
  for (guint o = 0; o < stages->old_items->len; o++)
    {
      if (stages->old_to_new[o] >= 0)
        {
          compare->old_stage_group[o] = stages->old_to_new[o];
          continue;
        }
      g_ptr_array_add (compare->groups, stage_new (g_ptr_array_index (stages->old_items, o), NULL));
      compare->old_stage_group[o] = compare->groups->len - 1;
    }
}

static void
compare_lanes (Compare *compare,
               WmDiff  *diff)
{
  Match *lanes = &compare->lanes;

  match_init (lanes,
              wm_document_get_lanes (compare->old_document),
              wm_document_get_lanes (compare->new_document),
              lane_key, compare->old_document, compare->new_document);
  compare->old_lane_index = index_elements (lanes->old_items);
  compare->new_lane_index = index_elements (lanes->new_items);
  diff->lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  for (guint n = 0; n < lanes->new_items->len; n++)
    {
      int o = lanes->new_to_old[n];
      WmDiffItem *item = g_new0 (WmDiffItem, 1);

      item_init (item, NULL, o >= 0 ? g_ptr_array_index (lanes->old_items, o) : NULL,
                 g_ptr_array_index (lanes->new_items, n));
      if (item->change == WM_DIFF_SAME)
        item_free (item);
      else
        g_ptr_array_add (diff->lanes, item);
    }
  for (guint o = 0; o < lanes->old_items->len; o++)
    if (lanes->old_to_new[o] < 0)
      {
        WmDiffItem *item = g_new0 (WmDiffItem, 1);

        item_init (item, NULL, g_ptr_array_index (lanes->old_items, o), NULL);
        g_ptr_array_add (diff->lanes, item);
      }
}

/* --- Cards -------------------------------------------------------------- */

/* Where a card sits: its stage's group and its lane's position. */
static void
card_place (Compare    *compare,
            WmDocument *document,
            WmCard     *card,
            int        *group,
            int        *lane,
            WmStage   **stage_out,
            WmLane    **lane_out)
{
  gboolean is_old = document == compare->old_document;
  Match *stages = &compare->stages;
  int s = wm_document_get_stage_index (document, wm_card_get_stage (card));
  WmLane *card_lane = wm_document_get_card_lane (document, card);
  GPtrArray *items = is_old ? stages->old_items : stages->new_items;

  *group = s < 0 ? -1 : is_old ? compare->old_stage_group[s] : s;
  *lane = lane_position (is_old ? compare->old_lane_index : compare->new_lane_index, card_lane);
  *stage_out = s >= 0 ? g_object_ref (g_ptr_array_index (items, s)) : NULL;
  *lane_out = card_lane != NULL ? g_object_ref (card_lane) : NULL;
}

/* The card's item, or NULL when it neither changed nor moved; @group is
 * where it is reported. */
static WmDiffItem *
compare_card (Compare *compare,
              WmCard  *old_card,
              WmCard  *new_card,
              int     *group)
{
  WmDiffItem *item = g_new0 (WmDiffItem, 1);
  int old_group = -1, old_lane = -1, new_group = -1, new_lane = -1;

  item_init (item, &compare->card_fields, WM_ELEMENT (old_card), WM_ELEMENT (new_card));
  if (old_card != NULL)
    card_place (compare, compare->old_document, old_card, &old_group, &old_lane, &item->old_stage, &item->old_lane);
  if (new_card != NULL)
    card_place (compare, compare->new_document, new_card, &new_group, &new_lane, &item->new_stage, &item->new_lane);
  item->kind = new_card != NULL ? card_kind (compare->new_document, new_card)
                                : card_kind (compare->old_document, old_card);
  *group = new_card != NULL ? new_group : old_group;

  if (old_card != NULL && new_card != NULL)
    {
      /* A lane is the same lane when the lanes are paired, whatever
       * became of its title. */
      int paired_lane = old_lane >= 0 ? compare->lanes.old_to_new[old_lane] : -1;

      item->moved = old_group != new_group || paired_lane != new_lane;
      if (card_kind (compare->old_document, old_card) != item->kind)
        {
          g_ptr_array_insert (item->changed, 0, (gpointer) &kind_field);
          item_set_change (item);
        }
      if (item->change == WM_DIFF_SAME && !item->moved)
        g_clear_pointer (&item, item_free);
    }
  return item;
}

static void
add_card_item (Compare    *compare,
               WmDiffItem *item,
               int         group)
{
  if (item == NULL)
    return;
  if (group < 0)
    {
      /* Only a map that breaks its own references gets here; the loader
       * refuses those. */
      item_free (item);
      return;
    }
  g_ptr_array_add (((WmDiffStage *) g_ptr_array_index (compare->groups, group))->cards, item);
}

static void
compare_cards (Compare *compare)
{
  Match cards;

  match_init (&cards,
              wm_document_get_cards (compare->old_document),
              wm_document_get_cards (compare->new_document),
              card_key, compare->old_document, compare->new_document);
  for (guint n = 0; n < cards.new_items->len; n++)
    {
      int o = cards.new_to_old[n];
      int group;
      WmDiffItem *item = compare_card (compare, o >= 0 ? g_ptr_array_index (cards.old_items, o) : NULL,
                                       g_ptr_array_index (cards.new_items, n), &group);

      add_card_item (compare, item, group);
    }
  for (guint o = 0; o < cards.old_items->len; o++)
    if (cards.old_to_new[o] < 0)
      {
        int group;
        WmDiffItem *item = compare_card (compare, g_ptr_array_index (cards.old_items, o), NULL, &group);

        add_card_item (compare, item, group);
      }
  match_clear (&cards);
}

/* --- Personas and their emotions ---------------------------------------- */

typedef struct
{
  double position;
  int    score;
} Score;

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  double x = ((const Score *) a)->position, y = ((const Score *) b)->position;

  return (x > y) - (x < y);
}

/* The persona's points by group, each group's left to right. */
static GArray **
collect_scores (Compare    *compare,
                WmDocument *document,
                WmPersona  *persona)
{
  GArray **scores = g_new0 (GArray *, compare->groups->len);
  WmEmotionCurve *curve = persona != NULL ? wm_document_get_curve_for_persona (document, wm_element_get_id (WM_ELEMENT (persona))) : NULL;
  GListModel *points = curve != NULL ? wm_emotion_curve_get_points (curve) : NULL;

  for (guint p = 0; points != NULL && p < g_list_model_get_n_items (points); p++)
    {
      g_autoptr(WmEmotionPoint) point = g_list_model_get_item (points, p);
      int s = wm_document_get_stage_index (document, wm_emotion_point_get_stage (point));
      int group = s < 0 ? -1 : document == compare->old_document ? compare->old_stage_group[s] : s;
      Score score = { wm_emotion_point_get_position (point), wm_emotion_point_get_score (point) };

      if (group < 0)
        continue;
      if (scores[group] == NULL)
        scores[group] = g_array_new (FALSE, FALSE, sizeof (Score));
      g_array_append_val (scores[group], score);
    }
  for (guint g = 0; g < compare->groups->len; g++)
    if (scores[g] != NULL)
      g_array_sort (scores[g], compare_scores);
  return scores;
}

static GArray *
plain_scores (GArray *scores)
{
  GArray *plain = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; scores != NULL && i < scores->len; i++)
    g_array_append_val (plain, g_array_index (scores, Score, i).score);
  return plain;
}

static gboolean
same_scores (GArray *a,
             GArray *b)
{
  guint n = a != NULL ? a->len : 0;

  if (n != (b != NULL ? b->len : 0))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_array_index (a, Score, i).score != g_array_index (b, Score, i).score)
      return FALSE;
  return TRUE;
}

static void
free_scores (GArray **scores,
             guint    n)
{
  for (guint g = 0; g < n; g++)
    g_clear_pointer (&scores[g], g_array_unref);
  g_free (scores);
}

/* A persona kept in both maps: the stages where its scores differ. */
static void
compare_emotions (Compare       *compare,
                  WmDiffPersona *persona)
{
  guint n_groups = compare->groups->len;
  GArray **old_scores = collect_scores (compare, compare->old_document, WM_PERSONA (persona->persona.old_element));
  GArray **new_scores = collect_scores (compare, compare->new_document, WM_PERSONA (persona->persona.new_element));

  for (guint g = 0; g < n_groups; g++)
    {
      WmDiffStage *group = g_ptr_array_index (compare->groups, g);
      WmDiffEmotion *emotion;

      if (same_scores (old_scores[g], new_scores[g]))
        continue;
      emotion = g_new0 (WmDiffEmotion, 1);
      emotion->stage = g_object_ref (WM_STAGE (group->stage.new_element != NULL ? group->stage.new_element
                                                                                : group->stage.old_element));
      emotion->old_scores = plain_scores (old_scores[g]);
      emotion->new_scores = plain_scores (new_scores[g]);
      g_ptr_array_add (persona->emotions, emotion);
    }
  free_scores (old_scores, n_groups);
  free_scores (new_scores, n_groups);
}

static void
add_persona (Compare   *compare,
             WmDiff    *diff,
             WmElement *old_persona,
             WmElement *new_persona)
{
  WmDiffPersona *persona = g_new0 (WmDiffPersona, 1);

  item_init (&persona->persona, NULL, old_persona, new_persona);
  persona->emotions = g_ptr_array_new_with_free_func ((GDestroyNotify) emotion_free);
  /* A persona added or removed is one line; its points go with it. */
  if (old_persona != NULL && new_persona != NULL)
    compare_emotions (compare, persona);
  if (persona->persona.change == WM_DIFF_SAME && persona->emotions->len == 0)
    persona_free (persona);
  else
    g_ptr_array_add (diff->personas, persona);
}

static void
compare_personas (Compare *compare,
                  WmDiff  *diff)
{
  Match personas;

  match_init (&personas,
              wm_document_get_personas (compare->old_document),
              wm_document_get_personas (compare->new_document),
              persona_key, compare->old_document, compare->new_document);
  diff->personas = g_ptr_array_new_with_free_func ((GDestroyNotify) persona_free);
  for (guint n = 0; n < personas.new_items->len; n++)
    {
      int o = personas.new_to_old[n];

      add_persona (compare, diff, o >= 0 ? g_ptr_array_index (personas.old_items, o) : NULL,
                   g_ptr_array_index (personas.new_items, n));
    }
  for (guint o = 0; o < personas.old_items->len; o++)
    if (personas.old_to_new[o] < 0)
      add_persona (compare, diff, g_ptr_array_index (personas.old_items, o), NULL);
  match_clear (&personas);
}

/* --- Public API --------------------------------------------------------- */

/**
 * wm_diff_compare:
 * @old_document: the map before
 * @new_document: the map after
 *
 * Compares two maps. Elements are paired by id, then those left over by
 * name (stages, personas), title (lanes) or kind and title (cards). The
 * order of cards within a cell, and of the lists in the file, is not a
 * change.
 *
 * Returns: (transfer full): what changed, grouped by the new map's stages
 */
WmDiff *
wm_diff_compare (WmDocument *old_document,
                 WmDocument *new_document)
{
  WmDiff *diff;
  Compare compare = { old_document, new_document };

  g_return_val_if_fail (WM_IS_DOCUMENT (old_document), NULL);
  g_return_val_if_fail (WM_IS_DOCUMENT (new_document), NULL);

  diff = g_new0 (WmDiff, 1);
  item_init (&diff->map, NULL, WM_ELEMENT (old_document), WM_ELEMENT (new_document));
  field_set_init (&compare.card_fields, WM_TYPE_CARD);

  compare_stages (&compare);
  compare_lanes (&compare, diff);
  compare_cards (&compare);
  compare_personas (&compare, diff);

  /* Only the stages with something to say are kept, in group order. */
  diff->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_free);
  g_ptr_array_set_free_func (compare.groups, NULL);
  for (guint g = 0; g < compare.groups->len; g++)
    {
      WmDiffStage *group = g_ptr_array_index (compare.groups, g);

      if (group->stage.change != WM_DIFF_SAME || group->cards->len > 0)
        g_ptr_array_add (diff->stages, group);
      else
        stage_free (group);
    }
  g_clear_pointer (&compare.groups, g_ptr_array_unref);

  match_clear (&compare.stages);
  match_clear (&compare.lanes);
  g_clear_pointer (&compare.old_lane_index, g_hash_table_unref);
  g_clear_pointer (&compare.new_lane_index, g_hash_table_unref);
  g_clear_pointer (&compare.old_stage_group, g_free);
  field_set_clear (&compare.card_fields);
  return diff;
}

/**
 * wm_diff_is_empty:
 *
 * Returns: whether the two maps compared have no difference to report
 */
gboolean
wm_diff_is_empty (const WmDiff *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->map.change == WM_DIFF_SAME && self->stages->len == 0 &&
         self->lanes->len == 0 && self->personas->len == 0;
}

/**
 * wm_diff_get_kind_field:
 *
 * Returns: the field a card's changed list names when its kind changed
 */
const WmFieldInfo *
wm_diff_get_kind_field (void)
{
  return &kind_field;
}

void
wm_diff_free (WmDiff *self)
{
  if (self == NULL)
    return;
  item_clear (&self->map);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->personas, g_ptr_array_unref);
  g_free (self);
}
