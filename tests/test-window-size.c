/* test-window-size.c: the window fits the screens the metainfo promises.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "wm-application.h"
#include "wm-test-utils.h"
#include "wm-window.h"

static WmApplication *app;

/* What <requires><display_length> claims: software centres offer the app
 * to screens whose shorter edge is at least @shortest and whose longer edge
 * is at least @longest logical pixels. */
typedef struct
{
  gboolean in_requires;
  char    *side;
  int      shortest;
  int      longest;
} DisplayClaim;

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              data,
                  GError              **error)
{
  DisplayClaim *claim = data;

  if (g_str_equal (element, "requires"))
    claim->in_requires = TRUE;
  if (!claim->in_requires || !g_str_equal (element, "display_length"))
    return;

  g_clear_pointer (&claim->side, g_free);
  claim->side = g_strdup ("shortest");
  for (int i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "side"))
        {
          g_free (claim->side);
          claim->side = g_strdup (values[i]);
        }
      /* Only a lower bound is a claim about small screens. */
      if (g_str_equal (names[i], "compare"))
        g_assert_cmpstr (values[i], ==, "ge");
    }
}

static void
on_end_element (GMarkupParseContext  *context,
                const char           *element,
                gpointer              data,
                GError              **error)
{
  DisplayClaim *claim = data;

  if (g_str_equal (element, "requires"))
    claim->in_requires = FALSE;
  if (g_str_equal (element, "display_length"))
    g_clear_pointer (&claim->side, g_free);
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              data,
         GError              **error)
{
  DisplayClaim *claim = data;
  g_autofree char *value = NULL;

  if (claim->side == NULL)
    return;
  value = g_strstrip (g_strndup (text, length));
  if (g_str_equal (claim->side, "longest"))
    claim->longest = atoi (value);
  else
    claim->shortest = atoi (value);
}

static DisplayClaim
read_display_claim (void)
{
  static const GMarkupParser parser = { on_start_element, on_end_element, on_text, NULL, NULL };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 "io.github.waymark.Waymark.metainfo.xml.in.in", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  DisplayClaim claim = { 0 };

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, &claim, NULL);
  g_assert_true (g_markup_parse_context_parse (context, text, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (claim.shortest, >, 0);
  /* With no claim on the longer edge, a square screen qualifies. */
  if (claim.longest < claim.shortest)
    claim.longest = claim.shortest;
  return claim;
}

/* Opens a map, so that every header-bar control and the inspector show:
 * the widest the window gets. */
static WmWindow *
open_window_with_map (void)
{
  WmWindow *window = wm_window_new (app);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "software-purchase.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (wm_window_open_file (window, file));
  wm_test_wait_for_frames (3);
  return window;
}

/* The window must fit a landscape screen of the claimed size: a software
 * centre that shows the app to a smaller screen would offer a window that
 * cannot be made to fit on it. */
static void
test_window_fits_claimed_screen (void)
{
  DisplayClaim claim = read_display_claim ();
  WmWindow *window = open_window_with_map ();
  int min_width, min_height;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, claim.longest, &min_height, NULL, NULL, NULL);
  g_test_message ("the window needs at least %d × %d; the metainfo claims %d × %d",
                  min_width, min_height, claim.longest, claim.shortest);
  g_assert_cmpint (min_width, <=, claim.longest);
  g_assert_cmpint (min_height, <=, claim.shortest);

  /* At that size, the window takes it, rather than growing past it. */
  gtk_window_set_default_size (GTK_WINDOW (window), claim.longest, claim.shortest);
  wm_test_wait_for_frames (5);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, claim.longest);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, claim.shortest);

  gtk_window_destroy (GTK_WINDOW (window));
  wm_test_wait_for_frames (1);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = wm_test_register_application ();

  g_test_add_func ("/window-size/fits-claimed-screen", test_window_fits_claimed_screen);

  result = g_test_run ();
  g_clear_object (&app);
  return result;
}
