/* main.c
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "waymark"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>

#include "wm-application.h"
#include "wm-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WmApplication) app = NULL;

  /* A write past the file size limit (RLIMIT_FSIZE) would kill the
   * process; ignored, the write fails with EFBIG and the save reports it
   * like a full disk, leaving the previous file. */
  signal (SIGXFSZ, SIG_IGN);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Headless commands never touch GTK, so they work with no display. */
  if (wm_cli_handles (argc, argv))
    return wm_cli_run (argc, argv);

  app = wm_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
