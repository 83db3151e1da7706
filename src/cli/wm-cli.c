/* wm-cli.c: the commands that need no display: new, check and export.
 * Nothing here initialises GTK.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "wm-cli.h"
#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-templates.h"

#define EXIT_USAGE 2

static const char *commands[] = { "new", "check", "export", NULL };

static int usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

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

  g_printerr ("waymark: %s (see “waymark --help”)\n", message);
  return EXIT_USAGE;
}

static void
print_help (void)
{
  g_print ("%s\n", _("Usage:\n"
                     "  waymark [FILE…]                       open maps in the Waymark window\n"
                     "  waymark new --template KIND -o FILE   write a new map from a template\n"
                     "  waymark check FILE…                   check maps; print one line per problem\n"
                     "  waymark export FILE -o OUT.waymark    save a map again in normalized form\n"
                     "  waymark --version                     print the version\n"
                     "\n"
                     "Template kinds: current-state, future-state, day-in-the-life, service-blueprint, custom.\n"
                     "Exit status: 0 on success, 1 when a map is invalid or a file cannot be written, 2 on a usage error."));
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
      *status = usage_error ("%s: %s", command, error->message);
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
      g_printerr ("waymark: %s\n", error->message);
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
    return usage_error ("new: unexpected argument “%s”", argv[1]);
  if (template == NULL)
    return usage_error ("new: --template KIND is required");
  if (output == NULL)
    return usage_error ("new: -o FILE is required");
  if (!wm_enum_from_nick (WM_TYPE_MAP_KIND, template, &kind))
    return usage_error ("new: unknown template “%s”", template);

  document = wm_template_instantiate (kind, &error);
  if (document == NULL)
    {
      g_printerr ("waymark: %s\n", error->message);
      return 1;
    }

  return write_document (document, output);
}

static int
run_check (int    argc,
           char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  int status = 0;

  if (!parse_options ("check", entries, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return usage_error ("check: no file given");

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_auto(GStrv) problems = wm_document_list_problems (file, NULL);

      for (guint p = 0; problems[p] != NULL; p++)
        {
          g_print ("%s: %s\n", argv[i], problems[p]);
          status = 1;
        }
    }

  return status;
}

static int
run_export (int    argc,
            char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, NULL, NULL },
    { NULL }
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *extension;
  int status;

  if (!parse_options ("export", entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error ("export: give exactly one map to export");
  if (output == NULL)
    return usage_error ("export: -o OUT is required");

  extension = strrchr (output, '.');
  if (format == NULL)
    format = g_strdup (extension != NULL ? extension + 1 : "");
  if (!g_str_equal (format, "waymark"))
    return usage_error ("export: unsupported format “%s”; this version exports .waymark", format);

  file = g_file_new_for_commandline_arg (argv[1]);
  document = wm_document_load (file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("waymark: %s: %s\n", argv[1], error->message);
      return 1;
    }

  return write_document (document, output);
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
  if (g_str_equal (command, "export"))
    return run_export (argc - 1, argv + 1);

  return usage_error ("unknown command “%s”", command);
}
