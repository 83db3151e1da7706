/* test-user-template-ui.c: "Save as Template…" and the user's templates
 * in the New Map window.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "wm-card.h"
#include "wm-template-chooser.h"
#include "wm-test-map.h"
#include "wm-test-utils.h"
#include "wm-user-templates.h"
#include "wm-window.h"

static WmApplication *app;

static void
on_map_chosen (WmTemplateChooser *chooser,
               WmDocument        *document,
               WmDocument       **chosen)
{
  g_set_object (chosen, document);
}

/* Save as Template, with the cards turned into hints; the New Map window
 * then lists the template under its name and makes a map from it whose
 * cards are empty, their old titles as hints. */
static void
test_save_and_choose (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(WmDocument) document = wm_test_load_map ("samples/hotel-stay.waymark");
  g_autoptr(WmDocument) chosen = NULL;
  g_autoptr(WmCard) first = NULL;
  g_autoptr(WmCard) made_first = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  WmTemplateChooser *chooser;
  GtkWidget *name;
  GtkWidget *hints;
  GAction *action;

  gtk_window_present (GTK_WINDOW (window));
  action = g_action_map_lookup_action (G_ACTION_MAP (window), "save-as-template");
  g_assert_false (g_action_get_enabled (action));
  wm_window_show_document (window, document, NULL);
  g_assert_true (g_action_get_enabled (action));

  g_action_activate (action, NULL);
  wm_test_wait_for_frames (2);
  dialog = ADW_MESSAGE_DIALOG (wm_test_find_toplevel_of_type (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  name = wm_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  hints = wm_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON);
  /* The map's title is offered as the name. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, wm_document_get_title (document));

  gtk_editable_set_text (GTK_EDITABLE (name), "a/b");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (name), "Hotel, quarterly");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (hints), TRUE);
  adw_message_dialog_response (dialog, "save");
  wm_test_wait_for_frames (2);

  chooser = wm_template_chooser_new (GTK_WINDOW (window));
  g_signal_connect (chooser, "map-chosen", G_CALLBACK (on_map_chosen), &chosen);
  gtk_window_present (GTK_WINDOW (chooser));
  wm_test_wait_for_frames (2);
  g_assert_true (wm_template_chooser_choose (chooser, "Hotel, quarterly"));
  g_assert_nonnull (chosen);
  first = g_list_model_get_item (wm_document_get_cards (document), 0);
  made_first = g_list_model_get_item (wm_document_get_cards (chosen), 0);
  g_assert_cmpstr (wm_card_get_title (made_first), ==, "");
  g_assert_cmpstr (wm_element_get_hint (WM_ELEMENT (made_first), "title"), ==, wm_card_get_title (first));

  g_assert_true (wm_user_templates_delete ("Hotel, quarterly", &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  wm_test_wait_for_frames (2);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = wm_test_register_application ();

  g_test_add_func ("/user-templates/save-and-choose", test_save_and_choose);

  return g_test_run ();
}
