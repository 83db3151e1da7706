/* wm-test-map.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "wm-document-private.h"
#include "wm-document-reader.h"
#include "wm-test-map.h"

/* Card lanes cycle through these kinds, so every look gets drawn. */
static const WmLaneKind lane_kinds[] = {
  WM_LANE_KIND_TOUCHPOINTS, WM_LANE_KIND_CUSTOMER_ACTIONS, WM_LANE_KIND_THOUGHTS,
  WM_LANE_KIND_PAIN_POINTS, WM_LANE_KIND_OPPORTUNITIES, WM_LANE_KIND_COMPANY_ACTIONS,
  WM_LANE_KIND_CHANNELS, WM_LANE_KIND_OWNERS, WM_LANE_KIND_METRICS, WM_LANE_KIND_TEXT,
};

static const char *texts[] = {
  "A longer text that wraps over two lines on the card.",
  "Short.",
  "The customer compares three offers, reads two reviews and asks a friend before deciding what to do next.",
  "",
};

/**
 * wm_test_generate_map:
 *
 * A map of @n_stages × @n_lanes card lanes with @cards_per_cell cards in
 * every cell, plus an emotion lane with a curve per persona. Texts,
 * badges and labels vary, so layouts get exercised; the same arguments
 * always give the same map.
 */
WmDocument *
wm_test_generate_map (int n_stages,
                      int n_lanes,
                      int cards_per_cell,
                      int n_personas)
{
  WmDocument *document = g_object_new (WM_TYPE_DOCUMENT, "id", "generated", "title", "Generated map",
                                       "goal", "Exercise every part of the layout with a large map.",
                                       "kind", WM_MAP_KIND_CURRENT_STATE, NULL);
  char id[64], text[128];

  for (int s = 0; s < n_stages; s++)
    {
      g_autoptr(WmStage) stage = NULL;

      g_snprintf (id, sizeof id, "stage-%d", s);
      g_snprintf (text, sizeof text, "Stage %d", s + 1);
      stage = g_object_new (WM_TYPE_STAGE, "id", id, "name", text, "description", "What the customer wants here",
                            "customers", MAX (0, 10000 - s * 150), NULL);
      wm_document_append_loaded (document, WM_ELEMENT (stage));
    }
  for (int l = 0; l < n_lanes; l++)
    {
      g_autoptr(WmLane) lane = NULL;

      g_snprintf (id, sizeof id, "lane-%d", l);
      g_snprintf (text, sizeof text, "Lane %d", l + 1);
      lane = g_object_new (WM_TYPE_LANE, "id", id, "title", text,
                           "kind", lane_kinds[l % G_N_ELEMENTS (lane_kinds)], NULL);
      wm_document_append_loaded (document, WM_ELEMENT (lane));
    }
  if (n_personas > 0)
    {
      g_autoptr(WmLane) lane = g_object_new (WM_TYPE_LANE, "id", "lane-emotions", "title", "Emotions",
                                             "kind", WM_LANE_KIND_EMOTIONS, NULL);

      wm_document_append_loaded (document, WM_ELEMENT (lane));
    }
  for (int l = 0; l < n_lanes; l++)
    for (int s = 0; s < n_stages; s++)
      for (int c = 0; c < cards_per_cell; c++)
        {
          g_autoptr(WmCard) card = NULL;
          char stage_id[32], lane_id[32];
          const char *tags[] = { "tag", NULL };
          int variant = (l + s + c) % 4;

          g_snprintf (id, sizeof id, "card-%d-%d-%d", l, s, c);
          g_snprintf (stage_id, sizeof stage_id, "stage-%d", s);
          g_snprintf (lane_id, sizeof lane_id, "lane-%d", l);
          g_snprintf (text, sizeof text, "Card %d in stage %d, lane %d", c + 1, s + 1, l + 1);
          card = g_object_new (WM_TYPE_CARD, "id", id, "stage", stage_id, "lane", lane_id,
                               "title", text, "text", texts[variant],
                               "channel", variant == 1 ? NULL : "email",
                               "quality", variant == 2 ? WM_CARD_QUALITY_BAD : WM_CARD_QUALITY_GOOD,
                               "owner", variant == 3 ? "Customer success" : NULL,
                               "tags", tags, NULL);
          wm_document_append_loaded (document, WM_ELEMENT (card));
        }
  for (int p = 0; p < n_personas; p++)
    {
      g_autoptr(WmPersona) persona = NULL;
      g_autoptr(WmEmotionCurve) curve = NULL;

      g_snprintf (id, sizeof id, "persona-%d", p);
      g_snprintf (text, sizeof text, "Persona %d", p + 1);
      persona = g_object_new (WM_TYPE_PERSONA, "id", id, "name", text, "role", "Buyer", NULL);
      wm_document_append_loaded (document, WM_ELEMENT (persona));
      curve = wm_emotion_curve_new (NULL, id);
      for (int s = 0; s < n_stages; s++)
        {
          g_autoptr(WmEmotionPoint) point = NULL;
          char stage_id[32];

          g_snprintf (stage_id, sizeof stage_id, "stage-%d", s);
          g_snprintf (id, sizeof id, "point-%d-%d", p, s);
          point = g_object_new (WM_TYPE_EMOTION_POINT, "id", id, "stage", stage_id, "score", 1 + (s + p) % 5,
                                "label", s % 3 == 0 ? "I am not sure this is for me" : NULL, NULL);
          g_list_store_append (wm_emotion_curve_get_point_store (curve), point);
        }
      wm_document_append_loaded (document, WM_ELEMENT (curve));
    }

  return document;
}

/**
 * wm_test_load_text:
 * @text: a map's file text
 *
 * Returns: (transfer full): the map; the test fails if it does not load
 */
WmDocument *
wm_test_load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_document_load_from_data (text, strlen (text), &error);

  g_assert_no_error (error);
  return document;
}

/**
 * wm_test_load_map:
 * @data_path: a map's path below data/, such as "samples/hotel-stay.waymark"
 *
 * Returns: (transfer full): the map; the test fails if it does not load
 */
WmDocument *
wm_test_load_map (const char *data_path)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", data_path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* The first card with @title, or %NULL; the document keeps it. */
WmCard *
wm_test_card_titled (WmDocument *document,
                     const char *title)
{
  GListModel *cards = wm_document_get_cards (document);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);

      if (g_str_equal (wm_card_get_title (card), title))
        return card;
    }
  return NULL;
}
