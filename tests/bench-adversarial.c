/* bench-adversarial.c: how long every operation takes on maps and
 * inputs that are large in one direction only: 40,000 stages in a row,
 * 40,000 cards in one cell, a 200 × 200 grid, a 40,000-point curve, a
 * 200,000-task Mermaid journey, 1,000 long personas, 300,000-row CSV card tables and wide
 * grid sheets. Everything Waymark does must scale linearly (or n log n)
 * in stages, lanes, cards and points, so each figure should stay within
 * 2 s on a 2-core machine.
 *
 * Run with `meson test --benchmark`, or by hand with a scale factor
 * (`bench-adversarial 0.25`) and the names of the shapes to run; prints
 * one "shape-operation value unit" line per figure.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#include "wm-csv.h"
#include "wm-document-private.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-export.h"
#include "wm-layout.h"
#include "wm-mermaid.h"
#include "wm-painter.h"
#include "wm-slides.h"
#include "wm-test-map.h"

/* The part of a map painted when the whole map is too large for a PNG. */
#define CLIP_SIDE 4000

static double scale = 1.0;
static char *directory;

static int
scaled (int n)
{
  return MAX (1, (int) (n * scale));
}

static gint64 start_time;
static double start_cpu;

/* The processor time the program has used, in seconds. Other programs
 * share the machine's cores, so the wall-clock figure varies with them;
 * this one is what the operation would take on an idle core. */
static double
cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static void
start (void)
{
  start_cpu = cpu_time ();
  start_time = g_get_monotonic_time ();
}

static void
report (const char *shape,
        const char *operation)
{
  g_print ("%s-%s %.3f s (cpu %.3f s)\n", shape, operation, (g_get_monotonic_time () - start_time) / 1e6,
           cpu_time () - start_cpu);
}

static gboolean
export (WmDocument            *document,
        const char            *shape,
        const char            *operation,
        const WmExportOptions *options,
        GError               **error)
{
  g_autofree char *name = g_strdup_printf ("%s-%s", shape, operation);
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean ok;

  start ();
  ok = wm_export (document, file, options, NULL, error);
  report (shape, operation);
  g_unlink (path);
  return ok;
}

/* Painting a square of the map, as a PNG band or a canvas tile does. */
static void
paint_clip (WmDocument *document,
            const char *shape)
{
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = wm_layout_new (document, style, measure);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, CLIP_SIDE / 4, CLIP_SIDE / 4);
  cairo_t *cr = cairo_create (surface);
  WmRect area = { MAX (0, layout->width / 2 - CLIP_SIDE / 2), MAX (0, layout->height / 2 - CLIP_SIDE / 2),
                  CLIP_SIDE, CLIP_SIDE };

  start ();
  cairo_scale (cr, 0.25, 0.25);
  cairo_translate (cr, -area.x, -area.y);
  wm_painter_paint (cr, layout, &area, WM_PAINT_DEFAULT);
  report (shape, "png-clip");
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Every operation on one map. */
static void
bench_map (const char *shape,
           WmDocument *generated)
{
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autofree char *path = g_build_filename (directory, "map.waymark", NULL);
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *mermaid = NULL;
  g_autoptr(GError) error = NULL;
  WmExportOptions options;
  gsize length;

  start ();
  json = wm_document_to_json (generated, &length);
  report (shape, "save");
  g_print ("%s-file-size %.1f MB\n", shape, length / (1024.0 * 1024.0));

  start ();
  document = wm_document_load_from_data (json, length, &error);
  report (shape, "load");
  g_assert_no_error (error);

  g_file_set_contents (path, json, length, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_auto(GStrv) problems = NULL;

    start ();
    problems = wm_document_list_problems (file, NULL);
    report (shape, "check");
    g_assert_cmpstr (problems[0], ==, NULL);
  }
  g_unlink (path);

  start ();
  csv = wm_csv_export (document);
  report (shape, "csv-export");
  {
    g_autoptr(WmDocument) imported = NULL;

    start ();
    imported = wm_csv_import (csv, strlen (csv), &error);
    report (shape, "csv-import");
    if (error != NULL)
      g_print ("# %s-csv-import: %s\n", shape, error->message);
    g_clear_error (&error);
  }

  start ();
  mermaid = wm_mermaid_export (document);
  report (shape, "mermaid-export");
  {
    g_autoptr(WmDocument) imported = NULL;

    start ();
    imported = wm_mermaid_import (mermaid, strlen (mermaid), &error);
    report (shape, "mermaid-import");
    if (error != NULL)
      g_print ("# %s-mermaid-import: %s\n", shape, error->message);
    g_clear_error (&error);
  }

  {
    g_autoptr(WmLayout) layout = NULL;

    start ();
    layout = wm_layout_new (document, style, measure);
    report (shape, "layout");
    g_print ("%s-map-size %.0f x %.0f px\n", shape, layout->width, layout->height);
  }

  wm_export_options_init (&options);
  options.format = WM_EXPORT_FORMAT_PNG;
  if (!export (document, shape, "png", &options, &error))
    {
      g_print ("# %s-png: %s\n", shape, error->message);
      g_clear_error (&error);
      paint_clip (document, shape);
    }

  options.format = WM_EXPORT_FORMAT_SVG;
  if (!export (document, shape, "svg", &options, &error))
    g_print ("# %s-svg: %s\n", shape, error->message);
  g_clear_error (&error);

  options.format = WM_EXPORT_FORMAT_PDF;
  options.page_size = WM_PAGE_SIZE_FIT;
  export (document, shape, "pdf-page", &options, &error);
  g_assert_no_error (error);

  options.page_size = WM_PAGE_SIZE_A4;
  export (document, shape, "pdf-a4", &options, &error);
  g_assert_no_error (error);

  {
    g_autoptr(GPtrArray) slides = NULL;

    start ();
    slides = wm_slides_build (document);
    report (shape, "slides-build");
    g_print ("%s-slides %u\n", shape, slides->len);
  }
  options.slides = TRUE;
  export (document, shape, "slides-pdf", &options, &error);
  g_assert_no_error (error);
}

static void
bench_import (const char   *shape,
              WmDocument *(*import) (const char *, gsize, GError **),
              GString      *text)
{
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_print ("%s-file-size %.1f MB\n", shape, text->len / (1024.0 * 1024.0));
  start ();
  document = import (text->str, text->len, &error);
  report (shape, "import");
  g_assert_no_error (error);
  g_print ("%s-stages %u\n", shape, g_list_model_get_n_items (wm_document_get_stages (document)));
  g_print ("%s-cards %u\n", shape, g_list_model_get_n_items (wm_document_get_cards (document)));

  /* What the app does next with an imported map. */
  {
    g_autofree char *json = NULL;
    g_autoptr(WmDocument) loaded = NULL;
    gsize length;

    start ();
    json = wm_document_to_json (document, &length);
    report (shape, "save");
    start ();
    loaded = wm_document_load_from_data (json, length, &error);
    report (shape, "load");
    /* An import may make a map larger than a map file may be. */
    if (error != NULL)
      g_print ("# %s-load: %s\n", shape, error->message);
  }
}

/* A journey of @n_tasks tasks in @n_sections sections, felt by two
 * actors. */
static GString *
mermaid_journey (int n_sections,
                 int n_tasks)
{
  GString *text = g_string_new ("journey\n    title A long journey\n");

  for (int t = 0; t < n_tasks; t++)
    {
      if ((gint64) t * n_sections / n_tasks != ((gint64) t - 1) * n_sections / n_tasks || t == 0)
        g_string_append_printf (text, "  section S%d\n", (int) ((gint64) t * n_sections / n_tasks));
      g_string_append_printf (text, "    T%d: %d: Ann, Bo\n", t, 1 + t % 5);
    }
  return text;
}

/* A card table of @n_rows rows over @n_stages stages and 2 lanes. */
static GString *
csv_rows (int n_stages,
          int n_rows)
{
  GString *text = g_string_new ("stage,lane,title\r\n");

  for (int r = 0; r < n_rows; r++)
    g_string_append_printf (text, "S%d,%s,C%d\r\n", (int) ((gint64) r * n_stages / n_rows),
                            r % 2 ? "Actions" : "Pains", r);
  return text;
}

/* A grid sheet: @n_stages stages across, @n_lanes lanes down, a card in
 * every cell, and an emotions row. */
static GString *
csv_grid (int n_stages,
          int n_lanes)
{
  GString *text = g_string_new ("");

  for (int s = 0; s < n_stages; s++)
    g_string_append_printf (text, ",S%d", s);
  g_string_append (text, "\r\n");
  for (int l = 0; l < n_lanes; l++)
    {
      g_string_append_printf (text, "Lane %d", l);
      for (int s = 0; s < n_stages; s++)
        g_string_append (text, ",x");
      g_string_append (text, "\r\n");
    }
  g_string_append (text, "Emotions");
  for (int s = 0; s < n_stages; s++)
    g_string_append_printf (text, ",%d", 1 + s % 5);
  g_string_append (text, "\r\n");
  return text;
}

/* @n personas, each with a background of 10,000 characters and 200
 * goals, and one more with @n_goals goals: the header must lay out and
 * paint in time linear in the personas, whatever their lists hold. */
static void
bench_personas (int n,
                int n_goals)
{
  g_autoptr(WmDocument) map = wm_test_generate_map (3, 2, 1, 0);
  g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
  g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
  g_autoptr(WmLayout) layout = NULL;
  g_autoptr(GString) bio = g_string_new (NULL);
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  double tallest = 0;

  while (bio->len < 10000)
    g_string_append (bio, "She talks about the boiler again. ");
  for (int i = 0; i < MAX (200, n_goals); i++)
    g_ptr_array_add (i < 200 ? goals : many, g_strdup_printf ("Goal %d: get the boiler fixed before winter", i));
  for (int i = 0; i < 200 && i < n_goals; i++)
    g_ptr_array_add (many, g_strdup (goals->pdata[i]));
  g_ptr_array_add (goals, NULL);
  g_ptr_array_add (many, NULL);
  for (int i = 0; i <= n; i++)
    {
      g_autofree char *id = g_strdup_printf ("persona-%d", i);
      g_autoptr(WmPersona) persona = g_object_new (WM_TYPE_PERSONA, "id", id, "name", "Rosa Diaz",
                                                   "quote", bio->str, "bio", bio->str,
                                                   "goals", i < n ? goals->pdata : many->pdata,
                                                   "needs", goals->pdata, NULL);

      wm_document_append_loaded (map, WM_ELEMENT (persona));
    }

  start ();
  layout = wm_layout_new (map, style, measure);
  report ("personas", "layout");
  for (guint i = 0; i < layout->personas->len; i++)
    tallest = MAX (tallest, g_array_index (layout->personas, WmPersonaBox, i).rect.height);
  g_print ("personas-tallest-card %.0f px\n", tallest);
  paint_clip (map, "personas");
}

static gboolean
wanted (int         argc,
        char      **argv,
        const char *shape)
{
  gboolean any = FALSE;

  for (int i = 2; i < argc; i++)
    {
      any = TRUE;
      if (g_str_equal (argv[i], shape))
        return TRUE;
    }
  return !any;
}

int
main (int   argc,
      char *argv[])
{
  if (argc > 1)
    scale = g_ascii_strtod (argv[1], NULL);
  if (scale <= 0)
    scale = 1.0;
  directory = g_dir_make_tmp ("waymark-bench-XXXXXX", NULL);

  /* 40,000 stages × 1 lane, a card in each. */
  if (wanted (argc, argv, "wide"))
    {
      g_autoptr(WmDocument) map = wm_test_generate_map (scaled (40000), 1, 1, 0);
      bench_map ("wide", map);
    }
  /* 40,000 stages × 1 lane, each stage's card spanning to the end of the
   * map: only the layout, which must not look at every stage a card
   * spans (the drawing of such a map is as big as its cards). */
  if (wanted (argc, argv, "spans"))
    {
      g_autoptr(WmDocument) map = wm_test_generate_map (scaled (40000), 1, 1, 0);
      g_autoptr(WmStyle) style = wm_style_new (WM_THEME_LIGHT);
      g_autoptr(WmTextMeasure) measure = wm_text_measure_new (style);
      g_autoptr(WmLayout) layout = NULL;
      GListModel *cards = wm_document_get_cards (map);

      for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
        {
          g_autoptr(WmElement) card = g_list_model_get_item (cards, i);

          wm_document_set_int (map, card, "span", scaled (40000));
        }
      start ();
      layout = wm_layout_new (map, style, measure);
      report ("spans", "layout");
    }
  /* 40,000 cards in the one cell of 1 stage × 1 lane. */
  if (wanted (argc, argv, "tall"))
    {
      g_autoptr(WmDocument) map = wm_test_generate_map (1, 1, scaled (40000), 0);
      bench_map ("tall", map);
    }
  /* 200 lanes × 200 stages, a card in each cell. */
  if (wanted (argc, argv, "grid"))
    {
      g_autoptr(WmDocument) map = wm_test_generate_map (scaled (200), scaled (200), 1, 0);
      bench_map ("grid", map);
    }
  /* 40,000 stages and an emotion curve with a point in each. */
  if (wanted (argc, argv, "curve"))
    {
      g_autoptr(WmDocument) map = wm_test_generate_map (scaled (40000), 1, 0, 1);
      bench_map ("curve", map);
    }
  /* 200,000 tasks, in one section, then each in a section of its own. */
  if (wanted (argc, argv, "mermaid"))
    {
      g_autoptr(GString) one = mermaid_journey (1, scaled (200000));
      g_autoptr(GString) each = mermaid_journey (scaled (200000), scaled (200000));

      bench_import ("mermaid-one-section", wm_mermaid_import, one);
      bench_import ("mermaid-sections", wm_mermaid_import, each);
    }
  /* 300,000 card rows, in one stage, then each in a stage of its own. */
  if (wanted (argc, argv, "csv"))
    {
      g_autoptr(GString) tall = csv_rows (1, scaled (300000));
      g_autoptr(GString) wide = csv_rows (scaled (300000), scaled (300000));

      bench_import ("csv-rows-one-stage", wm_csv_import, tall);
      bench_import ("csv-rows-stages", wm_csv_import, wide);
    }
  /* A grid sheet 40,000 stages wide, and one 40,000 lanes tall. */
  if (wanted (argc, argv, "csv-grid"))
    {
      g_autoptr(GString) wide = csv_grid (scaled (40000), 3);
      g_autoptr(GString) tall = csv_grid (1, scaled (40000));

      bench_import ("csv-grid-wide", wm_csv_import, wide);
      bench_import ("csv-grid-tall", wm_csv_import, tall);
    }

  /* 1,000 personas of long texts and lists, and one of 200,000 goals. */
  if (wanted (argc, argv, "personas"))
    bench_personas (scaled (1000), scaled (200000));

  g_rmdir (directory);
  g_free (directory);
  return 0;
}
