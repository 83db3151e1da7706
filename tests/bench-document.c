/* bench-document.c: how fast a large map loads, saves and edits.
 * Run with `meson test --benchmark`; prints one "name value unit" line per
 * figure. Goals on a 2-core machine: load and save ≤ 150 ms, edit + undo
 * ≤ 20 µs, peak RSS ≤ 80 MB for 10,000 cards.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/resource.h>

#include "wm-document-private.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"

#define N_STAGES 40
#define N_LANES 10
#define CARDS_PER_CELL 25
#define N_PERSONAS 3

static WmDocument *
generate_map (void)
{
  WmDocument *document = g_object_new (WM_TYPE_DOCUMENT, "id", "bench", "title", "Benchmark map",
                                       "kind", WM_MAP_KIND_CURRENT_STATE, NULL);
  char id[64], text[128];

  for (int s = 0; s < N_STAGES; s++)
    {
      g_autoptr(WmStage) stage = NULL;

      g_snprintf (id, sizeof id, "stage-%d", s);
      g_snprintf (text, sizeof text, "Stage %d", s + 1);
      stage = g_object_new (WM_TYPE_STAGE, "id", id, "name", text, "description", "What the customer wants here", NULL);
      wm_document_append_loaded (document, WM_ELEMENT (stage));
    }
  for (int l = 0; l < N_LANES; l++)
    {
      g_autoptr(WmLane) lane = NULL;

      g_snprintf (id, sizeof id, "lane-%d", l);
      g_snprintf (text, sizeof text, "Lane %d", l + 1);
      lane = g_object_new (WM_TYPE_LANE, "id", id, "title", text, "kind", WM_LANE_KIND_TOUCHPOINTS, NULL);
      wm_document_append_loaded (document, WM_ELEMENT (lane));
    }
  for (int l = 0; l < N_LANES; l++)
    for (int s = 0; s < N_STAGES; s++)
      for (int c = 0; c < CARDS_PER_CELL; c++)
        {
          g_autoptr(WmCard) card = NULL;
          char stage_id[32], lane_id[32];
          const char *tags[] = { "tag", NULL };

          g_snprintf (id, sizeof id, "card-%d-%d-%d", l, s, c);
          g_snprintf (stage_id, sizeof stage_id, "stage-%d", s);
          g_snprintf (lane_id, sizeof lane_id, "lane-%d", l);
          g_snprintf (text, sizeof text, "Card %d in stage %d, lane %d", c + 1, s + 1, l + 1);
          card = g_object_new (WM_TYPE_CARD, "id", id, "stage", stage_id, "lane", lane_id,
                               "title", text, "text", "A longer text that wraps over two lines on the card.",
                               "channel", "email", "quality", WM_CARD_QUALITY_GOOD, "tags", tags, NULL);
          wm_document_append_loaded (document, WM_ELEMENT (card));
        }
  for (int p = 0; p < N_PERSONAS; p++)
    {
      g_autoptr(WmPersona) persona = NULL;
      g_autoptr(WmEmotionCurve) curve = NULL;

      g_snprintf (id, sizeof id, "persona-%d", p);
      persona = g_object_new (WM_TYPE_PERSONA, "id", id, "name", "Persona", NULL);
      wm_document_append_loaded (document, WM_ELEMENT (persona));
      curve = wm_emotion_curve_new (NULL, id);
      for (int s = 0; s < N_STAGES; s++)
        {
          g_autoptr(WmEmotionPoint) point = NULL;
          char stage_id[32];

          g_snprintf (stage_id, sizeof stage_id, "stage-%d", s);
          g_snprintf (id, sizeof id, "point-%d-%d", p, s);
          point = g_object_new (WM_TYPE_EMOTION_POINT, "id", id, "stage", stage_id, "score", 1 + (s + p) % 5, NULL);
          g_list_store_append (wm_emotion_curve_get_point_store (curve), point);
        }
      wm_document_append_loaded (document, WM_ELEMENT (curve));
    }

  return document;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of several runs, so one slow run does not skew the figure. */
static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, samples->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WmDocument) generated = generate_map ();
  g_autofree char *text = NULL;
  g_autoptr(GArray) load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GRand) rng = g_rand_new_with_seed (42);
  GListModel *cards;
  struct rusage usage;
  gsize length;
  gint64 start;
  double edit_us;
  const int n_edits = 10000;

  text = wm_document_to_json (generated, &length);
  g_print ("file-size %.1f MB\n", length / (1024.0 * 1024.0));

  for (int run = 0; run < 5; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WmDocument) loaded = NULL;
      g_autofree char *saved = NULL;
      double ms;

      start = g_get_monotonic_time ();
      loaded = wm_document_load_from_data (text, length, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      g_array_append_val (load_ms, ms);

      start = g_get_monotonic_time ();
      saved = wm_document_to_json (loaded, NULL);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (save_ms, ms);
      g_assert_cmpstr (saved, ==, text);

      if (run == 4)
        document = g_steal_pointer (&loaded);
    }
  g_print ("load %.1f ms\n", median (load_ms));
  g_print ("save %.1f ms\n", median (save_ms));

  /* A random edit to a random card, then its undo. */
  cards = wm_document_get_cards (document);
  start = g_get_monotonic_time ();
  for (int i = 0; i < n_edits; i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, g_rand_int_range (rng, 0, g_list_model_get_n_items (cards)));
      char title[32];

      g_snprintf (title, sizeof title, "Edited %d", i);
      switch (i % 3)
        {
        case 0:
          wm_document_set_string (document, WM_ELEMENT (card), "title", title);
          break;
        case 1:
          wm_document_set_int (document, WM_ELEMENT (card), "quality", WM_CARD_QUALITY_MISSING);
          break;
        default:
          wm_document_set_string (document, WM_ELEMENT (card), "owner", title);
          break;
        }
      wm_history_undo (wm_document_get_history (document));
    }
  edit_us = (double) (g_get_monotonic_time () - start) / n_edits;
  g_print ("edit-and-undo %.2f us\n", edit_us);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak-rss %.1f MB\n", usage.ru_maxrss / 1024.0);

  return 0;
}
