/* bench-document.c: how fast a large map loads, saves, edits, lays out
 * and exports. Run with `meson test --benchmark`; prints one "name value
 * unit" line per figure. Goals on a 2-core machine for 10,000 cards: load
 * and save ≤ 150 ms, edit + undo ≤ 20 µs, peak RSS ≤ 80 MB before the
 * exports; layout ≤ 60 ms, PDF and PNG at 1× ≤ 2 s, CSV ≤ 100 ms; the
 * slides ≤ 1 s to build and ≤ 2 s to export; the health check ≤ 50 ms;
 * comparing the map with an edited copy (waymark diff) ≤ 50 ms; a view's
 * filter and the priorities with their matrix ≤ 50 ms each;
 * a merge of two edited copies ≤ 300 ms.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "wm-document-private.h"
#include "wm-document-reader.h"
#include "wm-csv.h"
#include "wm-diff.h"
#include "wm-document-writer.h"
#include "wm-export.h"
#include "wm-health.h"
#include "wm-layout.h"
#include "wm-merge.h"
#include "wm-priority-matrix.h"
#include "wm-slides.h"
#include "wm-templates.h"
#include "wm-text-measure.h"
#include "wm-test-map.h"

#define N_STAGES 40
#define N_LANES 10
#define CARDS_PER_CELL 25
#define N_PERSONAS 3

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

static double
export_seconds (WmDocument     *document,
                const char     *directory,
                const char     *name,
                WmExportFormat  format)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  WmExportOptions options;
  gint64 start;
  double seconds;

  wm_export_options_init (&options);
  options.format = format;
  start = g_get_monotonic_time ();
  wm_export (document, file, &options, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_print ("%s-size %.1f MB\n", name, g_file_info_get_size (info) / (1024.0 * 1024.0));
  g_unlink (path);
  return seconds;
}

/* Presenting 10,000 cards: F5 builds the slides before the first one
 * shows, so the goal is that of opening a map, ≤ 1 s. The deck's PDF,
 * like the map's, ≤ 2 s. */
static void
bench_slides (WmDocument *document,
              const char *directory)
{
  g_autoptr(GArray) build_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = g_build_filename (directory, "slides.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmExportOptions options;
  guint n_slides = 0;
  gint64 start;

  for (int run = 0; run < 3; run++)
    {
      g_autoptr(GPtrArray) slides = NULL;
      double ms;

      start = g_get_monotonic_time ();
      slides = wm_slides_build (document);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (build_ms, ms);
      n_slides = slides->len;
    }
  g_print ("slides %u\n", n_slides);
  g_print ("slides-build %.0f ms\n", median (build_ms));

  /* A frame of the presentation: a stage slide, and the overview, which
   * draws the whole map. */
  {
    g_autoptr(GPtrArray) slides = wm_slides_build (document);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
    cairo_t *cr = cairo_create (surface);

    start = g_get_monotonic_time ();
    wm_slide_paint (cr, document, slides, 1, -1);
    g_print ("slide-paint-stage %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    start = g_get_monotonic_time ();
    wm_slide_paint (cr, document, slides, slides->len - 1, 3);
    g_print ("slide-paint-overview %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  wm_export_options_init (&options);
  options.format = WM_EXPORT_FORMAT_PDF;
  options.slides = TRUE;
  start = g_get_monotonic_time ();
  wm_export (document, file, &options, NULL, &error);
  g_assert_no_error (error);
  g_print ("slides-pdf-export %.2f s\n", (g_get_monotonic_time () - start) / 1e6);
  g_unlink (path);
}

/* The export goals for 10,000 cards: layout ≤ 60 ms, PDF and PNG at 1×
 * ≤ 2 s, CSV ≤ 100 ms. */
static void
bench_exports (WmDocument *document)
{
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(GArray) layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) csv_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *directory = g_dir_make_tmp ("waymark-bench-XXXXXX", NULL);
  struct rusage usage;

  for (int run = 0; run < 5; run++)
    {
      g_autoptr(WmLayout) layout = NULL;
      g_autofree char *csv = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      layout = wm_layout_new (document, style, measure);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (layout_ms, ms);
      if (run == 0)
        g_print ("map-size %.0f x %.0f px\n", layout->width, layout->height);

      start = g_get_monotonic_time ();
      csv = wm_csv_export (document);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (csv_ms, ms);
    }
  g_print ("layout %.1f ms\n", median (layout_ms));

  /* The canvas after an edit: one card retitled, the map laid out again
   * with what the layout before measured. */
  {
    g_autoptr(WmLayoutCache) cache = wm_layout_cache_new ();
    g_autoptr(GArray) relayout_ms = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(WmLayout) warm = wm_layout_new_cached (document, style, measure, cache, WM_LAYOUT_DEFAULT);
    g_autoptr(WmCard) card = g_list_model_get_item (wm_document_get_cards (document), 0);

    for (int run = 0; run < 20; run++)
      {
        g_autoptr(WmLayout) layout = NULL;
        gint64 start;
        double ms;

        wm_document_type_string (document, WM_ELEMENT (card), "title", run % 2 ? "Retitled" : "Retitled again");
        start = g_get_monotonic_time ();
        layout = wm_layout_new_cached (document, style, measure, cache, WM_LAYOUT_DEFAULT);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (relayout_ms, ms);
      }
    g_print ("relayout-after-edit %.1f ms\n", median (relayout_ms));
  }
  g_print ("csv-export %.1f ms\n", median (csv_ms));
  g_print ("pdf-export %.2f s\n", export_seconds (document, directory, "pdf", WM_EXPORT_FORMAT_PDF));
  g_print ("svg-export %.2f s\n", export_seconds (document, directory, "svg", WM_EXPORT_FORMAT_SVG));
  g_print ("png-export %.2f s\n", export_seconds (document, directory, "png", WM_EXPORT_FORMAT_PNG));
  bench_slides (document, directory);
  g_rmdir (directory);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak-rss-after-exports %.1f MB\n", usage.ru_maxrss / 1024.0);
}

/* Every rule over the whole map, as the window's Health panel runs it
 * after an edit. Goal ≤ 50 ms. */
static void
bench_health (WmDocument *document)
{
  g_autoptr(GArray) health_ms = g_array_new (FALSE, FALSE, sizeof (double));
  const char * const *hints = wm_template_get_hint_titles ();
  guint n_findings = 0;

  for (int run = 0; run < 5; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) findings = wm_health_check (document, hints);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (health_ms, ms);
      n_findings = findings->len;
    }
  g_print ("health-findings %u\n", n_findings);
  g_print ("health-check %.1f ms\n", median (health_ms));
}

/* A view's filter over every card, as the window fades them after each
 * relayout (the layout's marks), and the priorities the Priorities view
 * lists with its matrix. */
static void
bench_filter (WmDocument *document)
{
  g_autoptr(GArray) filter_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) priorities_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(WmViewFilter) filter = wm_view_filter_new ();
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = wm_layout_new (document, style, measure);
  guint kept = 0;

  filter->lane_kinds = 1u << WM_LANE_KIND_PAIN_POINTS | 1u << WM_LANE_KIND_OPPORTUNITIES;
  for (int run = 0; run < 5; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      wm_layout_apply_filter (layout, filter);
      kept = wm_view_filter_count_matches (filter, document);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (filter_ms, ms);

      start = g_get_monotonic_time ();
      {
        g_autoptr(GPtrArray) items = wm_priorities_collect (document);
        g_autoptr(GPtrArray) wins = wm_priorities_quick_wins (items);
        g_autoptr(WmMatrix) matrix = wm_matrix_new (items, style, 1000, 600);
      }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (priorities_ms, ms);
    }
  g_print ("filter-kept %u\n", kept);
  g_print ("filter %.1f ms\n", median (filter_ms));
  g_print ("priorities-and-matrix %.1f ms\n", median (priorities_ms));
}

/* The map against a copy with one card in a hundred edited, moved,
 * removed or added, as `waymark diff` compares them. */
static void
bench_diff (WmDocument *document,
            const char *text,
            gsize       length)
{
  g_autoptr(GArray) diff_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(WmDocument) edited = wm_document_load_from_data (text, length, NULL);
  GListModel *cards = wm_document_get_cards (edited);
  GListModel *stages = wm_document_get_stages (edited);
  guint n_changes = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i += 100)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, (i / 100) % g_list_model_get_n_items (stages));

      switch ((i / 100) % 4)
        {
        case 0:
          wm_document_set_string (edited, WM_ELEMENT (card), "title", "Edited");
          break;
        case 1:
          wm_document_move_card (edited, card, wm_element_get_id (WM_ELEMENT (stage)), wm_card_get_lane (card), 0);
          break;
        case 2:
          wm_document_remove (edited, WM_ELEMENT (card));
          break;
        default:
          {
            g_autofree char *id = wm_element_generate_id ("card");
            g_autoptr(WmCard) added = g_object_new (WM_TYPE_CARD, "id", id, "stage", wm_card_get_stage (card),
                                                    "lane", wm_card_get_lane (card), "title", "Added", NULL);

            wm_document_insert_card (edited, added, 0);
          }
          break;
        }
    }

  for (int run = 0; run < 5; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(WmDiff) diff = wm_diff_compare (document, edited);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_array_append_val (diff_ms, ms);
      n_changes = 0;
      for (guint s = 0; s < diff->stages->len; s++)
        n_changes += ((WmDiffStage *) g_ptr_array_index (diff->stages, s))->cards->len;
    }
  g_print ("diff-card-changes %u\n", n_changes);
  g_print ("diff %.1f ms\n", median (diff_ms));
}

/* Two people's edits to copies of the map, merged as git's driver does:
 * ours retitles cards and moves a stage, theirs sets other cards' owners
 * and adds cards. "merge-10k" is the merge itself, goal ≤ 300 ms;
 * "merge-10k-files" adds reading the three maps and writing the result,
 * as `waymark merge` does. */
static void
bench_merge (const char *text,
             gsize       length)
{
  g_autoptr(GArray) merge_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) files_ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < 3; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(WmDocument) base = wm_document_load_from_data (text, length, NULL);
      g_autoptr(WmDocument) ours = wm_document_load_from_data (text, length, NULL);
      g_autoptr(WmDocument) theirs = wm_document_load_from_data (text, length, NULL);
      double loaded = (g_get_monotonic_time () - start) / 1000.0;
      g_autoptr(WmDocument) merged = NULL;
      g_autofree char *saved = NULL;
      GListModel *cards = wm_document_get_cards (ours);
      g_autoptr(WmStage) stage = g_list_model_get_item (wm_document_get_stages (ours), 0);
      guint n_conflicts;
      double ms;

      for (guint i = 0; i < 500; i++)
        {
          g_autoptr(WmElement) mine = g_list_model_get_item (cards, i * 20);
          g_autoptr(WmElement) yours = g_list_model_get_item (wm_document_get_cards (theirs), i * 20 + 10);
          g_autoptr(WmCard) added = g_object_new (WM_TYPE_CARD, "stage", wm_card_get_stage (WM_CARD (yours)),
                                                  "lane", wm_card_get_lane (WM_CARD (yours)), "title", "Added", NULL);

          wm_document_set_string (ours, mine, "title", "Ours");
          wm_document_set_string (theirs, yours, "owner", "Theirs");
          if (i % 5 == 0)
            wm_document_insert_card (theirs, added, 0);
        }
      wm_document_move (ours, WM_ELEMENT (stage), 10);

      start = g_get_monotonic_time ();
      merged = wm_merge (base, ours, theirs, &n_conflicts);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (n_conflicts, ==, 0);
      g_array_append_val (merge_ms, ms);
      start = g_get_monotonic_time ();
      saved = wm_document_to_json (merged, NULL);
      ms += loaded + (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (files_ms, ms);
    }
  g_print ("merge-10k %.1f ms\n", median (merge_ms));
  g_print ("merge-10k-files %.1f ms\n", median (files_ms));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WmDocument) generated = wm_test_generate_map (N_STAGES, N_LANES, CARDS_PER_CELL, N_PERSONAS);
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

  bench_health (document);
  bench_filter (document);
  bench_diff (document, text, length);
  bench_merge (text, length);

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak-rss %.1f MB\n", usage.ru_maxrss / 1024.0);

  bench_exports (document);
  return 0;
}
