/* wm-priorities.c: what to act on first.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-priorities"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-card.h"
#include "wm-emotion-curve.h"
#include "wm-emotion-point.h"
#include "wm-lane.h"
#include "wm-persona.h"
#include "wm-priorities.h"

/**
 * wm_priority_quadrant:
 *
 * Returns: the quadrant of the impact × effort matrix a card with these
 *   scores sits in; unscored while either is 0
 */
WmQuadrant
wm_priority_quadrant (int impact,
                      int effort)
{
  gboolean high_impact = impact >= WM_PRIORITY_HIGH_SCORE;
  gboolean high_effort = effort >= WM_PRIORITY_HIGH_SCORE;

  if (impact <= 0 || effort <= 0)
    return WM_QUADRANT_UNSCORED;
  if (high_impact)
    return high_effort ? WM_QUADRANT_BIG_BET : WM_QUADRANT_QUICK_WIN;
  return high_effort ? WM_QUADRANT_MONEY_PIT : WM_QUADRANT_FILL_IN;
}

const char *
wm_quadrant_get_display_name (WmQuadrant quadrant)
{
  switch (quadrant)
    {
    case WM_QUADRANT_QUICK_WIN:
      return _("Quick Wins");
    case WM_QUADRANT_BIG_BET:
      return _("Big Bets");
    case WM_QUADRANT_FILL_IN:
      return _("Fill-Ins");
    case WM_QUADRANT_MONEY_PIT:
      return _("Money Pits");
    case WM_QUADRANT_UNSCORED:
    default:
      return _("Not Scored");
    }
}

/* What a team does with each quadrant, as the matrix says it. */
const char *
wm_quadrant_get_description (WmQuadrant quadrant)
{
  switch (quadrant)
    {
    case WM_QUADRANT_QUICK_WIN:
      return _("High impact, low effort: do these first");
    case WM_QUADRANT_BIG_BET:
      return _("High impact, high effort: plan them");
    case WM_QUADRANT_FILL_IN:
      return _("Low impact, low effort: when there is time");
    case WM_QUADRANT_MONEY_PIT:
      return _("Low impact, high effort: avoid");
    case WM_QUADRANT_UNSCORED:
    default:
      return _("Give impact and effort to place them");
    }
}

/* Whether a card is still something to act on. */
gboolean
wm_card_is_open (WmCard *card)
{
  WmCardStatus status = wm_card_get_status (card);

  return status != WM_CARD_STATUS_DONE && status != WM_CARD_STATUS_DROPPED;
}

/* Pain points and opportunities are what a team decides on; any other
 * card joins them once someone scores it or gives it a status. */
gboolean
wm_priorities_lists_card (WmCard     *card,
                          WmLaneKind  lane_kind)
{
  return lane_kind == WM_LANE_KIND_PAIN_POINTS || lane_kind == WM_LANE_KIND_OPPORTUNITIES ||
         wm_card_get_impact (card) > 0 || wm_card_get_effort (card) > 0 ||
         wm_card_get_status (card) != WM_CARD_STATUS_NONE;
}

void
wm_priority_item_free (WmPriorityItem *item)
{
  if (item == NULL)
    return;
  g_clear_object (&item->card);
  g_clear_object (&item->persona);
  g_free (item);
}

typedef struct
{
  WmPersona *persona;
  double feeling;
} Worst;

/* Per stage, the persona who feels worst there: one pass over the
 * points, so that collecting stays linear in the map's size. */
static Worst *
worst_feelings (WmDocument *document,
                guint       n_stages)
{
  Worst *worst = g_new0 (Worst, n_stages);
  GListModel *curves = wm_document_get_emotion_curves (document);
  int levels = wm_document_get_emotion_scale (document);

  for (guint i = 0; i < g_list_model_get_n_items (curves); i++)
    {
      g_autoptr(WmEmotionCurve) curve = g_list_model_get_item (curves, i);
      WmElement *persona = wm_document_lookup (document, wm_emotion_curve_get_persona (curve));
      GListModel *points = wm_emotion_curve_get_points (curve);

      if (!WM_IS_PERSONA (persona))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (points); j++)
        {
          g_autoptr(WmEmotionPoint) point = g_list_model_get_item (points, j);
          int stage = wm_document_get_stage_index (document, wm_emotion_point_get_stage (point));
          double score = wm_emotion_point_get_score (point);
          double feeling = levels > 1 ? (score - 1) / (levels - 1) * 2 - 1 : 0;

          if (stage < 0 || (guint) stage >= n_stages)
            continue;
          if (worst[stage].persona == NULL || feeling < worst[stage].feeling)
            {
              worst[stage].persona = WM_PERSONA (persona);
              worst[stage].feeling = feeling;
            }
        }
    }
  return worst;
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const WmPriorityItem *x = *(WmPriorityItem **) a;
  const WmPriorityItem *y = *(WmPriorityItem **) b;

  return (x->order > y->order) - (x->order < y->order);
}

/**
 * wm_priorities_collect:
 *
 * Returns: (transfer full) (element-type WmPriorityItem): every pain
 *   point and opportunity of @document, and every other card with a
 *   score or a status, in map order
 */
GPtrArray *
wm_priorities_collect (WmDocument *document)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_priority_item_free);
  GListModel *cards = wm_document_get_cards (document);
  GListModel *lanes = wm_document_get_lanes (document);
  guint n_stages = g_list_model_get_n_items (wm_document_get_stages (document));
  guint n_lanes = g_list_model_get_n_items (lanes);
  g_autofree Worst *worst = NULL;
  g_autoptr(GHashTable) lane_positions = g_hash_table_new (NULL, NULL);
  guint n_cards = g_list_model_get_n_items (cards);

  g_return_val_if_fail (WM_IS_DOCUMENT (document), items);

  worst = worst_feelings (document, n_stages);
  for (guint i = 0; i < n_lanes; i++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, i);

      g_hash_table_insert (lane_positions, lane, GUINT_TO_POINTER (i));
    }

  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);
      WmLane *lane = wm_document_get_card_lane (document, card);
      int stage = wm_document_get_stage_index (document, wm_card_get_stage (card));
      WmLaneKind kind;
      WmPriorityItem *item;

      if (lane == NULL || stage < 0)
        continue;
      kind = wm_lane_get_kind (lane);
      if (!wm_priorities_lists_card (card, kind))
        continue;

      item = g_new0 (WmPriorityItem, 1);
      item->card = g_object_ref (card);
      item->lane_kind = kind;
      item->stage_index = stage;
      /* Cards are kept by cell in the document, so their index orders
       * them within a cell; stage and lane order the cells. */
      item->order = ((guint64) stage * (n_lanes + 1) + GPOINTER_TO_UINT (g_hash_table_lookup (lane_positions, lane))) *
                    (n_cards + 1) + i;
      item->quadrant = wm_priority_quadrant (wm_card_get_impact (card), wm_card_get_effort (card));
      if (worst[stage].persona != NULL)
        {
          item->persona = g_object_ref (worst[stage].persona);
          item->feeling = worst[stage].feeling;
        }
      g_ptr_array_add (items, item);
    }
  g_ptr_array_sort (items, compare_order);
  return items;
}

/**
 * wm_priority_item_compare_rank:
 *
 * Orders items by what to act on first: higher impact, then lower
 * effort, then the stage that feels worse, then map order.
 */
int
wm_priority_item_compare_rank (const WmPriorityItem *a,
                               const WmPriorityItem *b)
{
  int impact_a = wm_card_get_impact (a->card), impact_b = wm_card_get_impact (b->card);
  int effort_a = wm_card_get_effort (a->card), effort_b = wm_card_get_effort (b->card);
  double feeling_a = a->persona != NULL ? a->feeling : 2;
  double feeling_b = b->persona != NULL ? b->feeling : 2;

  if (impact_a != impact_b)
    return impact_b - impact_a;
  /* An unscored effort is not a small one. */
  effort_a = effort_a > 0 ? effort_a : WM_MAX_PRIORITY_SCORE + 1;
  effort_b = effort_b > 0 ? effort_b : WM_MAX_PRIORITY_SCORE + 1;
  if (effort_a != effort_b)
    return effort_a - effort_b;
  if (feeling_a != feeling_b)
    return feeling_a < feeling_b ? -1 : 1;
  return (a->order > b->order) - (a->order < b->order);
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  return wm_priority_item_compare_rank (*(WmPriorityItem **) a, *(WmPriorityItem **) b);
}

typedef gboolean (*ItemFilter) (const WmPriorityItem *item);

static GPtrArray *
best (GPtrArray  *items,
      ItemFilter  wanted)
{
  GPtrArray *chosen = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    if (wanted (g_ptr_array_index (items, i)))
      g_ptr_array_add (chosen, g_ptr_array_index (items, i));
  g_ptr_array_sort (chosen, compare_rank);
  if (chosen->len > WM_PRIORITY_CALLOUTS)
    g_ptr_array_set_size (chosen, WM_PRIORITY_CALLOUTS);
  return chosen;
}

static gboolean
is_top_pain_point (const WmPriorityItem *item)
{
  return item->lane_kind == WM_LANE_KIND_PAIN_POINTS && wm_card_is_open (item->card) &&
         wm_card_get_impact (item->card) > 0;
}

static gboolean
is_quick_win (const WmPriorityItem *item)
{
  return item->quadrant == WM_QUADRANT_QUICK_WIN && wm_card_is_open (item->card);
}

/**
 * wm_priorities_top_pain_points:
 * @items: (element-type WmPriorityItem): from wm_priorities_collect()
 *
 * Returns: (transfer container): the open pain points with the highest
 *   impact, at most WM_PRIORITY_CALLOUTS, best first; unscored ones
 *   are not called out, since nobody has weighed them yet
 */
GPtrArray *
wm_priorities_top_pain_points (GPtrArray *items)
{
  return best (items, is_top_pain_point);
}

/**
 * wm_priorities_quick_wins:
 *
 * Returns: (transfer container): the open quick wins, best first, at most
 *   WM_PRIORITY_CALLOUTS
 */
GPtrArray *
wm_priorities_quick_wins (GPtrArray *items)
{
  return best (items, is_quick_win);
}
