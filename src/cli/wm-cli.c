/* wm-cli.c: the commands that need no display: new, check, diff, export
 * and import.
 * Nothing here initialises GTK.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "wm-cli.h"
#include "wm-csv.h"
#include "wm-diff-json.h"
#include "wm-diff-text.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-export.h"
#include "wm-file-input.h"
#include "wm-health.h"
#include "wm-interchange.h"
#include "wm-json-writer.h"
#include "wm-merge.h"
#include "wm-mermaid.h"
#include "wm-safe-file.h"
#include "wm-templates.h"
#include "wm-user-templates.h"
#include "wm-text-escape.h"

#define EXIT_USAGE 2

static const char *commands[] = { "new", "check", "diff", "export", "import", "merge", NULL };

static void say (gboolean problem, const char *format, ...) G_GNUC_PRINTF (2, 3);
static int usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Prints one line, on standard error for a @problem. Every line quotes
 * something from outside (a file's text, a file name), so control
 * characters in it are shown escaped: a file must not be able to
 * retitle, clear or rewrite the terminal. */
static void
say (gboolean    problem,
     const char *format,
     ...)
{
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  shown = wm_text_escape_controls (message);
  if (problem)
    g_printerr ("waymark: %s\n", shown);
  else
    g_print ("%s\n", shown);
}

/* One line, and the exit status for a command line that makes no sense. */
static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: A message about what the user typed, then where to read how
   * to type it. Keep “waymark --help”: it is a command. */
  say (TRUE, _("%s (see “waymark --help”)"), message);
  return EXIT_USAGE;
}

static void
print_help (void)
{
  g_print ("%s\n", _("Usage:\n"
                     "  waymark [FILE…]                       open maps in the Waymark window\n"
                     "  waymark new --template KIND -o FILE   write a new map from a template\n"
                     "  waymark check FILE…                   check maps; print one line per problem\n"
                     "  waymark check --health [--json] FILE…\n"
                     "                                        review maps as a practitioner would; one line per finding\n"
                     "  waymark diff [--json] OLD NEW         compare two maps: cards added, removed, moved and changed\n"
                     "                                        by stage, and each persona's emotions\n"
                     "  waymark export FILE -o OUT.EXT        export a map; EXT is pdf, svg, png, csv, mmd or waymark\n"
                     "      [--format FORMAT] [--page-size fit|A4|A3|Letter] [--scale 1|2]\n"
                     "      [--fit] [--transparent] [--theme light|dark] [--slides] [--bom]\n"
                     "      [--view map|priorities|NAME]   NAME: a view saved in the map\n"
                     "  waymark import IN.csv|IN.mmd -o OUT.waymark\n"
                     "                                        make a map from a spreadsheet or a Mermaid journey\n"
                     "  waymark merge BASE OURS THEIRS [-o OUT]\n"
                     "                                        merge two versions of a map; writes over OURS without -o\n"
                     "  waymark --version                     print the version\n"
                     "\n"
                     "Template kinds: current-state, future-state, day-in-the-life, service-blueprint, blank (or custom);\n"
                     "KIND may also be the name of one of your templates (Save as Template in the app) or a template file.\n"
                     "Exit status: 0 on success, 1 when a map is invalid, has health findings or a file cannot be written,\n"
                     "or when diff finds a difference; 2 on a usage error (and for diff, a map that cannot be read)."));
}

/* Parses options for one command; a failure is reported as a usage error. */
static gboolean
parse_options (const char     *command,
               GOptionEntry   *entries,
               int            *argc,
               char         ***argv,
               int            *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      /* Translators: The name of a command (such as “export”), then GLib's
       * message about its options. */
      *status = usage_error (_("%s: %s"), command, error->message);
      return FALSE;
    }
  return TRUE;
}

static int
write_document (WmDocument *document,
                const char *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;

  if (!wm_document_save (document, file, NULL, &error))
    {
      say (TRUE, "%s", error->message);
      return 1;
    }
  return 0;
}

static int
run_new (int    argc,
         char **argv)
{
  g_autofree char *template = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "template", 't', 0, G_OPTION_ARG_STRING, &template, NULL, NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL }
  };
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int kind;
  int status;

  if (!parse_options ("new", entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    /* Translators: The argument the user typed. */
    return usage_error (_("new: unexpected argument “%s”"), argv[1]);
  if (template == NULL)
    return usage_error (_("new: --template KIND is required"));
  if (output == NULL)
    return usage_error (_("new: -o FILE is required"));
  /* A built-in kind first ("blank" names the blank map, whose kind is
   * "custom"), then one of the user's templates by name, then a file. */
  if (g_strcmp0 (template, "blank") == 0)
    kind = WM_MAP_KIND_CUSTOM;
  else if (!wm_enum_from_nick (WM_TYPE_MAP_KIND, template, &kind))
    kind = -1;

  if (kind >= 0)
    document = wm_template_instantiate (kind, &error);
  else
    {
      g_autoptr(GFile) file = wm_user_templates_lookup (template);

      if (file == NULL && g_file_test (template, G_FILE_TEST_EXISTS))
        file = g_file_new_for_commandline_arg (template);
      if (file == NULL)
        /* Translators: The template the user typed; the kinds are in
         * “waymark --help”. */
        return usage_error (_("new: unknown template “%s”"), template);
      document = wm_user_template_instantiate_file (file, &error);
    }
  if (document == NULL)
    {
      say (TRUE, "%s", error->message);
      return 1;
    }

  return write_document (document, output);
}

/* Prints the problems that keep the map at @path from loading: on
 * standard output for a plain check, on standard error when standard
 * output carries JSON. Returns whether there were any. */
static gboolean
report_problems (const char *path,
                 GFile      *file,
                 gboolean    json)
{
  g_auto(GStrv) problems = wm_document_list_problems (file, NULL);

  for (guint p = 0; problems[p] != NULL; p++)
    say (json, "%s: %s", path, problems[p]);
  return problems[0] != NULL;
}

/* Adds one finding to the JSON array. The texts are escaped as the
 * lines are: a consumer that prints them must not be handed a file's
 * terminal controls either. */
static void
write_finding (WmJsonWriter          *writer,
               const char            *path,
               const WmHealthFinding *finding)
{
  g_autofree char *file = wm_text_escape_controls (path);
  g_autofree char *message = wm_text_escape_controls (finding->message);

  wm_json_writer_begin_object (writer, NULL);
  wm_json_writer_string (writer, "file", file);
  wm_json_writer_string (writer, "rule", finding->rule->id);
  wm_json_writer_string (writer, "element", finding->element_id);
  wm_json_writer_string (writer, "message", message);
  wm_json_writer_string (writer, "explanation", _(finding->rule->explanation));
  wm_json_writer_string (writer, "hint", _(finding->rule->hint));
  wm_json_writer_end_object (writer);
}

/* `check --health`: the maps' findings, as lines or as one JSON array. */
static int
run_health (int       argc,
            char    **argv,
            gboolean  json)
{
  g_autoptr(WmJsonWriter) writer = json ? wm_json_writer_new () : NULL;
  int status = 0;

  if (writer != NULL)
    wm_json_writer_begin_array (writer, NULL);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(WmDocument) document = wm_document_load (file, NULL, NULL);
      g_autoptr(GPtrArray) findings = NULL;

      if (document == NULL)
        {
          /* A file that cannot be read again is said, not hidden. */
          if (!report_problems (argv[i], file, json))
            say (TRUE, "%s: %s", argv[i], _("The map cannot be opened"));
          status = 1;
          continue;
        }
      findings = wm_health_check (document, wm_template_get_hint_titles ());
      for (guint f = 0; f < findings->len; f++)
        {
          const WmHealthFinding *finding = g_ptr_array_index (findings, f);

          if (writer != NULL)
            write_finding (writer, argv[i], finding);
          else
            say (FALSE, "%s: %s", argv[i], finding->message);
          status = 1;
        }
    }
  if (writer != NULL)
    {
      g_autofree char *text = NULL;

      wm_json_writer_end_array (writer);
      text = wm_json_writer_finish (writer, NULL);
      g_print ("%s", text);
    }
  return status;
}

static int
run_check (int    argc,
           char **argv)
{
  gboolean health = FALSE;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "health", 0, 0, G_OPTION_ARG_NONE, &health, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  int status = 0;

  if (!parse_options ("check", entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return usage_error (_("check: no file given"));
  if (json && !health)
    return usage_error (_("check: --json applies to --health only"));
  if (health)
    return run_health (argc, argv, json);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);

      if (report_problems (argv[i], file, FALSE))
        status = 1;
    }

  return status;
}

/* Opens a map named on the command line, or says on one line why not. */
static WmDocument *
load_or_say (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_document_load (file, NULL, &error);

  if (document == NULL)
    say (TRUE, "%s: %s", path, error->message);
  return document;
}

/* A map to compare, or NULL after saying why not. Git names /dev/null
 * for the side of a file that was added or deleted: an empty map. */
static WmDocument *
load_compared (const char *path)
{
  if (g_str_equal (path, "/dev/null"))
    return wm_document_new ("");
  return load_or_say (path);
}

/* `diff OLD NEW`, or as git's diff driver (diff.waymark.command), which
 * is given `PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`,
 * and for a rename two more, `NEW-PATH MESSAGE`. Git older than 2.46,
 * and newer unless diff.waymark.trustExitCode is set, stops at a driver
 * that exits non-zero, so the driver says a difference by its output only. */
static int
run_diff (int    argc,
          char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(WmDocument) old_document = NULL;
  g_autoptr(WmDocument) new_document = NULL;
  g_autoptr(WmDiff) diff = NULL;
  const char *path = NULL;
  const char *new_path = NULL;
  const char *old_file, *new_file;
  gboolean from_git;
  int status;

  /* Git's arguments are file names, never options, even one that starts
   * with a dash. */
  from_git = g_getenv ("GIT_DIFF_PATH_COUNTER") != NULL && (argc == 2 || argc == 8 || argc == 10);
  if (!from_git && !parse_options ("diff", entries, &argc, &argv, &status))
    return status;
  if (from_git && argc == 2)
    return 0;  /* an unmerged path, which git reports itself */
  if (argc == 8 || argc == 10)
    {
      path = argv[1];
      old_file = argv[2];
      new_file = argv[5];
      new_path = argc == 10 ? argv[8] : argv[1];
    }
  else if (argc == 3)
    {
      old_file = argv[1];
      new_file = argv[2];
    }
  else
    return usage_error (_("diff: give two maps to compare"));

  old_document = load_compared (old_file);
  new_document = old_document != NULL ? load_compared (new_file) : NULL;
  if (new_document == NULL)
    return EXIT_USAGE;

  diff = wm_diff_compare (old_document, new_document);
  if (json)
    {
      g_autoptr(WmJsonWriter) writer = wm_json_writer_new ();
      g_autofree char *text = NULL;

      wm_diff_write_json (diff, writer);
      text = wm_json_writer_finish (writer, NULL);
      g_print ("%s", text);
    }
  else
    {
      g_autoptr(GPtrArray) lines = wm_diff_describe (diff, NULL);

      if (path != NULL)
        say (FALSE, "waymark diff a/%s b/%s", path, new_path);
      if (path != NULL && lines->len == 0)
        say (FALSE, "%s", _("No change to the map"));
      for (guint i = 0; i < lines->len; i++)
        say (FALSE, "%s", (const char *) g_ptr_array_index (lines, i));
    }

  if (path != NULL)
    return 0;
  return wm_diff_is_empty (diff) ? 0 : 1;
}

/* A saved view by name, or failing that by id. */
static WmSavedView *
find_saved_view (WmDocument *document,
                 const char *name)
{
  GListModel *views = wm_document_get_views (document);
  WmElement *by_id = wm_document_lookup (document, name);

  for (guint i = 0; i < g_list_model_get_n_items (views); i++)
    {
      g_autoptr(WmSavedView) view = g_list_model_get_item (views, i);

      if (g_str_equal (wm_saved_view_get_name (view), name))
        return view;
    }
  return WM_IS_SAVED_VIEW (by_id) ? WM_SAVED_VIEW (by_id) : NULL;
}

static int
run_export (int    argc,
            char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *page_size = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *view = NULL;
  const char *saved_view = NULL;
  g_autoptr(WmViewFilter) filter = NULL;
  int scale = 1;
  gboolean transparent = FALSE;
  gboolean slides = FALSE;
  gboolean bom = FALSE;
  gboolean fit = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, &page_size, NULL, NULL },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, NULL, NULL },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme, NULL, NULL },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &transparent, NULL, NULL },
    { "slides", 0, 0, G_OPTION_ARG_NONE, &slides, NULL, NULL },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom, NULL, NULL },
    { "fit", 0, 0, G_OPTION_ARG_NONE, &fit, NULL, NULL },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, NULL, NULL },
    { NULL }
  };
  g_autoptr(GFile) target = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  WmExportOptions options;
  int status;

  if (!parse_options ("export", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (_("export: give exactly one map to export"));
  if (output == NULL)
    return usage_error (_("export: -o OUT is required"));

  wm_export_options_init (&options);
  if (format != NULL && !wm_export_format_from_name (format, &options.format))
    /* Translators: The format the user typed. Keep the format names as they
     * are: they are what the user types. */
    return usage_error (_("export: unknown format “%s”; use pdf, svg, png, csv, mmd or waymark"), format);
  if (format == NULL && !wm_export_format_from_path (output, &options.format))
    /* Translators: The output file name the user typed. Keep the extensions
     * and “--format”: they are what the user types. */
    return usage_error (_("export: cannot tell the format from “%s”; name the file .pdf, .svg, .png, .csv, .mmd or .waymark, or use --format"),
                        output);
  if (page_size != NULL && !wm_page_size_from_name (page_size, &options.page_size))
    /* Translators: The page size the user typed. Keep fit, A4, A3 and Letter:
     * they are what the user types. */
    return usage_error (_("export: unknown page size “%s”; use fit, A4, A3 or Letter"), page_size);
  if (page_size != NULL && options.format != WM_EXPORT_FORMAT_PDF)
    return usage_error (_("export: --page-size applies to PDF only"));
  if (scale != 1 && scale != 2)
    return usage_error (_("export: --scale must be 1 or 2"));
  if ((scale != 1 || transparent) && options.format != WM_EXPORT_FORMAT_PNG)
    return usage_error (_("export: --scale and --transparent apply to PNG only"));
  if (theme != NULL && !wm_theme_from_string (theme, &options.theme))
    /* Translators: The theme the user typed. Keep light and dark: they are
     * what the user types. */
    return usage_error (_("export: unknown theme “%s”; use light or dark"), theme);
  if (slides && (options.format != WM_EXPORT_FORMAT_PDF || page_size != NULL || fit))
    return usage_error (_("export: --slides makes a PDF of 16:9 slides; it takes no --page-size or --fit"));
  if (fit && options.format != WM_EXPORT_FORMAT_PDF)
    return usage_error (_("export: --fit applies to PDF only"));
  /* --fit scales the map onto one sheet of paper: A4 unless another
   * size is named. */
  if (fit && page_size == NULL)
    options.page_size = WM_PAGE_SIZE_A4;
  if (fit && options.page_size == WM_PAGE_SIZE_FIT)
    return usage_error (_("export: --fit puts the map on one page of A4, A3 or Letter; “--page-size fit” already makes one page"));
  options.fit = fit;
  options.scale = scale;
  options.transparent = transparent;
  if (bom && options.format != WM_EXPORT_FORMAT_CSV)
    return usage_error (_("export: --bom applies to CSV only"));
  options.slides = slides;
  options.bom = bom;
  if (view != NULL && !wm_export_view_from_name (view, &options.view))
    saved_view = view;
  if (options.view == WM_EXPORT_VIEW_PRIORITIES &&
      (slides || fit || (options.format != WM_EXPORT_FORMAT_PDF && options.format != WM_EXPORT_FORMAT_SVG &&
                         options.format != WM_EXPORT_FORMAT_PNG)))
    return usage_error (_("export: --view priorities makes one PDF, SVG or PNG page; it takes no --slides or --fit"));

  document = load_or_say (argv[1]);
  if (document == NULL)
    return 1;

  /* Any other view is one the map saved, by name. */
  if (saved_view != NULL)
    {
      WmSavedView *found = find_saved_view (document, saved_view);

      if (found == NULL)
        /* Translators: The view name the user typed. Keep map and priorities:
         * they are what the user types. */
        return usage_error (_("export: the map has no view “%s”; use map, priorities or the name of a saved view"),
                            saved_view);
      if (options.format != WM_EXPORT_FORMAT_PDF && options.format != WM_EXPORT_FORMAT_SVG &&
          options.format != WM_EXPORT_FORMAT_PNG)
        return usage_error (_("export: a saved view draws the map as PDF, SVG or PNG"));
      filter = wm_saved_view_get_filter (found);
      options.filter = filter;
    }

  target = g_file_new_for_commandline_arg (output);
  if (!wm_export (document, target, &options, NULL, &error))
    {
      say (TRUE, "%s", error->message);
      return 1;
    }
  return 0;
}

static int
run_import (int    argc,
            char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL }
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GFile) target = NULL;
  gsize length;
  int status;

  if (!parse_options ("import", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (_("import: give exactly one file to import"));
  if (output == NULL)
    return usage_error (_("import: -o OUT.waymark is required"));

  lower = g_ascii_strdown (argv[1], -1);
  if (!g_str_has_suffix (lower, ".csv") && !g_str_has_suffix (lower, ".mmd") && !g_str_has_suffix (lower, ".mermaid"))
    /* Translators: The file name the user typed. Keep .csv and .mmd. */
    return usage_error (_("import: cannot tell the format of “%s”; name it .csv or .mmd"), argv[1]);

  file = g_file_new_for_commandline_arg (argv[1]);
  /* One byte past the limit, so that the importer's own message says
   * the file is too large. */
  if (!wm_file_load_regular (file, WM_INTERCHANGE_MAX_SIZE + 1, NULL, &contents, &length, &error))
    {
      say (TRUE, "%s", error->message);
      return 1;
    }
  if (g_str_has_suffix (lower, ".csv"))
    document = wm_csv_import (contents, length, &error);
  else
    document = wm_mermaid_import_with_warnings (contents, length, &warnings, &error);
  if (document == NULL)
    {
      say (TRUE, "%s: %s", argv[1], error->message);
      return 1;
    }
  /* What the map has no room for is left out, and said. */
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    say (TRUE, "%s: %s", argv[1], warnings[i]);

  /* Written only if Waymark can open it again. */
  json = wm_interchange_to_json (document, &length, &error);
  target = g_file_new_for_commandline_arg (output);
  if (json == NULL || !wm_safe_file_write_contents (target, json, length, NULL, &error))
    {
      say (TRUE, "%s: %s", output, error->message);
      return 1;
    }
  return 0;
}

/* `merge BASE OURS THEIRS [-o OUT]`, as git calls a merge driver
 * (`waymark merge %O %A %B`): the result replaces OURS unless -o says
 * otherwise. Exit status 0 when clean, 1 with conflicts (recorded in the
 * map), 2 when a map cannot be read or the result cannot be written. */
static int
run_merge (int    argc,
           char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL }
  };
  g_autoptr(WmDocument) base = NULL;
  g_autoptr(WmDocument) ours = NULL;
  g_autoptr(WmDocument) theirs = NULL;
  WmDocument **sides[3] = { &base, &ours, &theirs };
  g_autoptr(WmDocument) merged = NULL;
  g_autoptr(WmDocument) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *json = NULL;
  guint n_conflicts;
  gsize length;
  int status;

  if (!parse_options ("merge", entries, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return usage_error (_("merge: give three maps: BASE OURS THEIRS"));

  for (int i = 0; i < 3; i++)
    {
      *sides[i] = load_or_say (argv[i + 1]);
      if (*sides[i] == NULL)
        return EXIT_USAGE;
    }

  merged = wm_merge (base, ours, theirs, &n_conflicts);
  /* The map keeps its own times (the later save's), so that merging
   * the same changes twice gives the same bytes. Written only if
   * Waymark can open it again, and never over OURS in place. */
  json = wm_document_to_json (merged, &length);
  reread = wm_document_load_from_data (json, length, &error);
  target = g_file_new_for_commandline_arg (output != NULL ? output : argv[2]);
  if (reread == NULL || !wm_safe_file_write_contents (target, json, length, NULL, &error))
    {
      say (TRUE, "%s: %s", output != NULL ? output : argv[2], error->message);
      return EXIT_USAGE;
    }
  if (n_conflicts > 0)
    {
      say (TRUE, g_dngettext (GETTEXT_PACKAGE, "%s: %u change conflicts; both versions are recorded in the map",
                              "%s: %u changes conflict; both versions are recorded in the map", n_conflicts),
           output != NULL ? output : argv[2], n_conflicts);
      return 1;
    }
  return 0;
}

/**
 * wm_cli_handles:
 *
 * Returns: whether the command line asks for a headless command rather
 *   than the window
 */
gboolean
wm_cli_handles (int    argc,
                char **argv)
{
  if (argc < 2)
    return FALSE;

  return g_strv_contains (commands, argv[1]) ||
         g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
         g_str_equal (argv[1], "--version");
}

/**
 * wm_cli_run:
 *
 * Runs the headless command named by argv[1].
 *
 * Returns: the process exit status
 */
int
wm_cli_run (int    argc,
            char **argv)
{
  const char *command = argv[1];

  if (g_str_equal (command, "--help") || g_str_equal (command, "-h"))
    {
      print_help ();
      return 0;
    }
  if (g_str_equal (command, "--version"))
    {
      g_print ("waymark %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* Each command sees its own name as argv[0]. */
  if (g_str_equal (command, "new"))
    return run_new (argc - 1, argv + 1);
  if (g_str_equal (command, "check"))
    return run_check (argc - 1, argv + 1);
  if (g_str_equal (command, "diff"))
    return run_diff (argc - 1, argv + 1);
  if (g_str_equal (command, "export"))
    return run_export (argc - 1, argv + 1);
  if (g_str_equal (command, "import"))
    return run_import (argc - 1, argv + 1);
  if (g_str_equal (command, "merge"))
    return run_merge (argc - 1, argv + 1);

  /* Translators: The command the user typed, such as “exprot”. */
  return usage_error (_("unknown command “%s”"), command);
}
