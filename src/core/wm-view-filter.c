/* wm-view-filter.c: which cards a view of the map brings forward.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-view-filter"

#include "config.h"

#include "wm-card.h"
#include "wm-document.h"
#include "wm-lane.h"
#include "wm-view-filter.h"

WmViewFilter *
wm_view_filter_new (void)
{
  return g_new0 (WmViewFilter, 1);
}

static GStrv
copy_list (GStrv list)
{
  return list != NULL && list[0] != NULL ? g_strdupv (list) : NULL;
}

WmViewFilter *
wm_view_filter_copy (const WmViewFilter *filter)
{
  WmViewFilter *copy = wm_view_filter_new ();

  if (filter == NULL)
    return copy;
  *copy = *filter;
  copy->personas = copy_list (filter->personas);
  copy->channels = copy_list (filter->channels);
  copy->tags = copy_list (filter->tags);
  copy->owners = copy_list (filter->owners);
  return copy;
}

void
wm_view_filter_free (WmViewFilter *filter)
{
  if (filter == NULL)
    return;
  g_strfreev (filter->personas);
  g_strfreev (filter->channels);
  g_strfreev (filter->tags);
  g_strfreev (filter->owners);
  g_free (filter);
}

static gboolean
list_is_empty (GStrv list)
{
  return list == NULL || list[0] == NULL;
}

/**
 * wm_view_filter_is_empty:
 *
 * Returns: whether the filter lets everything through, as the whole map
 *   does; %NULL is the empty filter
 */
gboolean
wm_view_filter_is_empty (const WmViewFilter *filter)
{
  return filter == NULL ||
         (list_is_empty (filter->personas) && list_is_empty (filter->channels) && list_is_empty (filter->tags) &&
          list_is_empty (filter->owners) && filter->qualities == 0 && filter->statuses == 0 &&
          filter->lane_kinds == 0);
}

static gboolean
lists_equal (GStrv a,
             GStrv b)
{
  if (list_is_empty (a) || list_is_empty (b))
    return list_is_empty (a) == list_is_empty (b);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

gboolean
wm_view_filter_equal (const WmViewFilter *a,
                      const WmViewFilter *b)
{
  if (wm_view_filter_is_empty (a) || wm_view_filter_is_empty (b))
    return wm_view_filter_is_empty (a) == wm_view_filter_is_empty (b);
  return lists_equal (a->personas, b->personas) && lists_equal (a->channels, b->channels) &&
         lists_equal (a->tags, b->tags) && lists_equal (a->owners, b->owners) && a->qualities == b->qualities &&
         a->statuses == b->statuses && a->lane_kinds == b->lane_kinds;
}

/* An empty condition is met; otherwise the value must be one of the
 * list's, compared as people type them: without case. */
static gboolean
meets (GStrv       list,
       const char *value)
{
  if (list_is_empty (list))
    return TRUE;
  for (guint i = 0; value != NULL && *value != '\0' && list[i] != NULL; i++)
    if (g_utf8_collate (list[i], value) == 0 || g_ascii_strcasecmp (list[i], value) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
meets_any (GStrv               list,
           const char * const *values)
{
  if (list_is_empty (list))
    return TRUE;
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (meets (list, values[i]))
      return TRUE;
  return FALSE;
}

static gboolean
meets_bits (guint wanted,
            guint value)
{
  return wanted == 0 || (value < 32 && (wanted & (1u << value)) != 0);
}

/**
 * wm_view_filter_matches_card:
 * @lane_kind: the kind of the card's lane
 *
 * Returns: whether the view brings @card forward. The persona condition
 *   is about curves: cards have no persona, so it lets every card through.
 */
gboolean
wm_view_filter_matches_card (const WmViewFilter *filter,
                             WmCard             *card,
                             WmLaneKind          lane_kind)
{
  if (wm_view_filter_is_empty (filter))
    return TRUE;
  return meets (filter->channels, wm_card_get_channel (card)) &&
         meets_any (filter->tags, wm_card_get_tags (card)) &&
         meets (filter->owners, wm_card_get_owner (card)) &&
         meets_bits (filter->qualities, wm_card_get_quality (card)) &&
         meets_bits (filter->statuses, wm_card_get_status (card)) &&
         meets_bits (filter->lane_kinds, lane_kind);
}

gboolean
wm_view_filter_shows_persona (const WmViewFilter *filter,
                              const char         *persona_id)
{
  return filter == NULL || list_is_empty (filter->personas) ||
         g_strv_contains ((const char * const *) filter->personas, persona_id);
}

/**
 * wm_view_filter_count_matches:
 *
 * Returns: how many of @document's cards the filter brings forward
 */
guint
wm_view_filter_count_matches (const WmViewFilter *filter,
                              WmDocument         *document)
{
  GListModel *cards = wm_document_get_cards (document);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);
      WmLane *lane = wm_document_get_card_lane (document, card);

      n += lane != NULL && wm_view_filter_matches_card (filter, card, wm_lane_get_kind (lane));
    }
  return n;
}
