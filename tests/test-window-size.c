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
/* Whether @widget is drawn, with at least the width it asks for: a
 * control squeezed below its minimum is cut off. */
static gboolean
is_shown_whole (GtkWidget *widget)
{
  graphene_rect_t bounds;
  int min_width;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_compute_bounds (widget, widget, &bounds))
    return FALSE;
  /* The measure counts the border and padding, as the bounds do. */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_test_message ("%s is %g px wide and needs %d", gtk_widget_get_name (widget), bounds.size.width, min_width);
  return bounds.size.width >= min_width;
}

static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
assert_fits (WmWindow   *window,
             int         width,
             int         height,
             const char *what)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int min_width, min_height;

  /* The content, without the shadow a floating window draws around
   * itself and a phone's maximised one does not. */
  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, width, &min_height, NULL, NULL, NULL);
  g_test_message ("%s needs at least %d × %d; the metainfo claims %d × %d", what, min_width, min_height,
                  width, height);
  g_assert_cmpint (min_width, <=, width);
  g_assert_cmpint (min_height, <=, height);
}

/* The window must fit a phone held upright with the claimed shortest
 * side (GNOME's mobile size is 360 × 640): a software centre that offers
 * the app to such a phone must not show a window larger than its
 * screen, nor controls cut off. */
static void
test_window_fits_claimed_screen (void)
{
  DisplayClaim claim = read_display_claim ();
  int width = claim.shortest, height = claim.longest;
  WmWindow *window = wm_window_new (app);
  GtkWidget *header = wm_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  AdwFlap *flap = ADW_FLAP (wm_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_FLAP));
  AdwViewStack *views = ADW_VIEW_STACK (wm_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "software-purchase.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *always_there[] = { "view_button", "health_button", "inspector_button" };

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  wm_test_wait_for_frames (5);
  assert_fits (window, width, height, "the start page");

  g_assert_true (wm_window_open_file (window, file));
  wm_test_wait_for_frames (10);
  assert_fits (window, width, height, "the map");
  adw_view_stack_set_visible_child_name (views, "priorities");
  wm_test_wait_for_frames (5);
  assert_fits (window, width, height, "the Priorities view");
  adw_view_stack_set_visible_child_name (views, "map");

  /* At that size, the window takes it, rather than growing past it; the
   * inspector folds over the map; the controls that stay in the header
   * bar are whole, and the ones that gave way are in the main menu. */
  g_assert_cmpint (gtk_widget_get_width (header), <=, width);
  g_assert_true (adw_flap_get_folded (flap));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-inspector", g_variant_new_boolean (TRUE));
  wm_test_wait_for_frames (40);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_cmpint (gtk_widget_get_width (adw_flap_get_flap (flap)), <=, width);
  for (guint i = 0; i < G_N_ELEMENTS (always_there); i++)
    {
      GtkWidget *control = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), WM_TYPE_WINDOW,
                                                                      always_there[i]));

      g_assert_true (is_shown_whole (control));
    }
  g_assert_true (is_shown_whole (find_primary_menu_button (header)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                   WM_TYPE_WINDOW, "zoom_box"))));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "present"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "zoom-in"));

  /* And back on a wide screen every control returns. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  wm_test_wait_for_frames (10);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                                  WM_TYPE_WINDOW, "zoom_box"))));

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
  /* GNOME's title-bar buttons (its default "appmenu:close"; a phone shows
   * the same), not the three GTK shows without a desktop's settings. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_add_func ("/window-size/fits-claimed-screen", test_window_fits_claimed_screen);

  result = g_test_run ();
  g_clear_object (&app);
  return result;
}
