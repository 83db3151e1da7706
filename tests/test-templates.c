/* test-templates.c: new maps from the templates, in the user's language.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "wm-document.h"
#include "wm-document-writer.h"
#include "wm-templates.h"

/* A catalogue for the made-up language "xx", compiled with msgfmt into
 * @dir as gettext looks for it. */
static gboolean
compile_catalogue (const char *dir)
{
  static const char po[] =
    "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
    "msgid \"Awareness\"\nmsgstr \"Wahrnehmung\"\n\n"
    "msgid \"Customer actions\"\nmsgstr \"Kundenaktionen\"\n\n"
    "msgid \"Untitled current-state map\"\nmsgstr \"Unbenannte Ist-Zustand-Karte\"\n\n"
    "msgid \"Role or occupation\"\nmsgstr \"Rolle oder Beruf\"\n\n"
    "msgid \"What does the customer do here?\"\nmsgstr \"Was tut der Kunde hier?\"\n\n"
    "msgid \"One thought per card\"\nmsgstr \"Ein Gedanke pro Karte\"\n";
  g_autofree char *po_path = g_build_filename (dir, "xx.po", NULL);
  g_autofree char *mo_dir = g_build_filename (dir, "xx", "LC_MESSAGES", NULL);
  g_autofree char *mo_path = g_build_filename (mo_dir, GETTEXT_PACKAGE ".mo", NULL);
  const char *argv[] = { "msgfmt", "-o", mo_path, po_path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_file_set_contents (po_path, po, -1, NULL));
  g_assert_cmpint (g_mkdir_with_parents (mo_dir, 0700), ==, 0);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  return TRUE;
}

static WmCard *
card_with_id (WmDocument *document,
              const char *id)
{
  return WM_CARD (wm_document_lookup (document, id));
}

/* With a translation installed, a new map's words (title, stage names,
 * lane titles, hints) are in the user's language, and its file holds
 * them so. The rule for old maps knows the hint in both languages. */
static void
test_new_map_is_translated (void)
{
  g_autofree char *dir = g_dir_make_tmp ("waymark-l10n-XXXXXX", NULL);
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(WmStage) stage = NULL;
  g_autoptr(WmLane) lane = NULL;
  g_autoptr(WmPersona) persona = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  const char * const *hint_titles;

  if (!compile_catalogue (dir))
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }
  g_setenv ("LANGUAGE", "xx", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  document = wm_template_instantiate (WM_MAP_KIND_CURRENT_STATE, &error);
  g_assert_no_error (error);
  stage = g_list_model_get_item (wm_document_get_stages (document), 0);
  lane = g_list_model_get_item (wm_document_get_lanes (document), 0);
  persona = g_list_model_get_item (wm_document_get_personas (document), 0);
  g_assert_cmpstr (wm_document_get_title (document), ==, "Unbenannte Ist-Zustand-Karte");
  g_assert_cmpstr (wm_stage_get_name (stage), ==, "Wahrnehmung");
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Kundenaktionen");
  g_assert_cmpstr (wm_element_get_hint (WM_ELEMENT (persona), "role"), ==, "Rolle oder Beruf");
  g_assert_cmpstr (wm_element_get_hint (WM_ELEMENT (card_with_id (document, "card-1")), "title"), ==,
                   "Was tut der Kunde hier?");
  /* Strings without a translation stay as they are. */
  g_clear_object (&lane);
  lane = g_list_model_get_item (wm_document_get_lanes (document), 1);
  g_assert_cmpstr (wm_lane_get_title (lane), ==, "Touchpoints");

  saved = wm_document_to_json (document, NULL);
  g_assert_nonnull (strstr (saved, "\"name\": \"Wahrnehmung\""));
  g_assert_null (strstr (saved, "Awareness"));

  hint_titles = wm_template_get_hint_titles ();
  g_assert_true (g_strv_contains (hint_titles, "What does the customer do here?"));
  g_assert_true (g_strv_contains (hint_titles, "Was tut der Kunde hier?"));
  /* A hint the templates have since reworded, which old maps hold as a
   * card title, in both languages. */
  g_assert_true (g_strv_contains (hint_titles, "One thought per card"));
  g_assert_true (g_strv_contains (hint_titles, "Ein Gedanke pro Karte"));

  g_unsetenv ("LANGUAGE");
}

/* A card's text is translatable wherever the template fills it in: its
 * owner and metric show on the card as much as its hint does. */
static void
assert_listed_if_set (const char * const *strings,
                      const char         *text)
{
  if (*text != '\0')
    g_assert_true (g_strv_contains (strings, text));
}

/* Every text a new map shows is listed for translators. */
static void
test_template_strings_are_listed (void)
{
  const char * const *strings = wm_template_get_strings ();

  for (WmMapKind kind = WM_MAP_KIND_CURRENT_STATE; kind <= WM_MAP_KIND_CUSTOM; kind++)
    {
      g_autoptr(WmDocument) document = wm_template_instantiate (kind, NULL);
      GListModel *stages = wm_document_get_stages (document);
      GListModel *cards = wm_document_get_cards (document);

      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(WmStage) stage = g_list_model_get_item (stages, i);

          if (*wm_stage_get_name (stage) != '\0')
            g_assert_true (g_strv_contains (strings, wm_stage_get_name (stage)));
        }
      for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
        {
          g_autoptr(WmCard) card = g_list_model_get_item (cards, i);

          g_assert_true (g_strv_contains (strings, wm_element_get_hint (WM_ELEMENT (card), "title")));
          assert_listed_if_set (strings, wm_card_get_owner (card));
          assert_listed_if_set (strings, wm_card_get_metric_name (card));
          assert_listed_if_set (strings, wm_card_get_metric_value (card));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  /* LANGUAGE counts in any locale but "C". */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/strings-are-listed", test_template_strings_are_listed);
  g_test_add_func ("/templates/new-map-is-translated", test_new_map_is_translated);

  return g_test_run ();
}
