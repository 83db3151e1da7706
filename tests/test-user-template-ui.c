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

static GPtrArray *
list_toplevels (void)
{
  GPtrArray *windows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    g_ptr_array_add (windows, g_list_model_get_item (gtk_window_get_toplevels (), i));
  return windows;
}

/* The message dialog shown since @before, a list of the toplevels, was
 * made, if any. */
static AdwMessageDialog *
find_new_dialog (GPtrArray *before)
{
  g_autoptr(GPtrArray) after = list_toplevels ();

  for (guint i = 0; i < after->len; i++)
    {
      GtkWidget *other = g_ptr_array_index (after, i);

      if (ADW_IS_MESSAGE_DIALOG (other) && !g_ptr_array_find (before, other, NULL) && gtk_widget_get_visible (other))
        return ADW_MESSAGE_DIALOG (other);
    }
  return NULL;
}

/* As a click on a dialog's button does: answer, then close. */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  wm_test_wait_for_frames (2);
}

/* Answers the Save as Template dialog for @window's map with @name and
 * @description, then returns the dialog that follows, if any. */
static AdwMessageDialog *
save_as_template (WmWindow   *window,
                  const char *name,
                  const char *description)
{
  g_autoptr(GPtrArray) before = list_toplevels ();
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_action_group_activate_action (G_ACTION_GROUP (window), "save-as-template", NULL);
  wm_test_wait_for_frames (2);
  dialog = find_new_dialog (before);
  g_assert_nonnull (dialog);
  /* The name's entry comes first, the description's next to it. */
  entry = wm_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_next_sibling (entry)), description);
  answer (dialog, "save");
  return find_new_dialog (before);
}

/* The user's template @name is there, and says it is for @description. */
static void
assert_template_description (const char *name,
                             const char *description)
{
  g_autoptr(GPtrArray) templates = wm_user_templates_list ();
  const char *found = NULL;

  for (guint i = 0; i < templates->len; i++)
    {
      WmUserTemplate *template = g_ptr_array_index (templates, i);

      if (g_strcmp0 (template->name, name) == 0)
        found = template->description;
    }
  g_assert_cmpstr (found, ==, description);
}

/* Saving again under a name that is taken asks whether to replace the
 * template: Cancel keeps the old one, Replace writes the new one. */
static void
test_replace_asks_first (void)
{
  WmWindow *window = wm_window_new (app);
  g_autoptr(WmDocument) document = wm_test_load_map ("samples/hotel-stay.waymark");
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *question;

  /* Left over by an earlier run that failed half way, if any. */
  wm_user_templates_delete ("Hotel", NULL);
  gtk_window_present (GTK_WINDOW (window));
  wm_window_show_document (window, document, NULL);

  g_assert_null (save_as_template (window, "Hotel", "First"));
  assert_template_description ("Hotel", "First");

  question = save_as_template (window, "Hotel", "Second");
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (question), "Hotel"));
  /* Enter does not overwrite: the safe answer is the default. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (question), ==, "cancel");
  answer (question, "cancel");
  assert_template_description ("Hotel", "First");

  question = save_as_template (window, "Hotel", "Third");
  g_assert_nonnull (question);
  answer (question, "replace");
  assert_template_description ("Hotel", "Third");

  g_assert_true (wm_user_templates_delete ("Hotel", &error));
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
  g_test_add_func ("/user-templates/replace-asks-first", test_replace_asks_first);

  return g_test_run ();
}
