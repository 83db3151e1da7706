/* test-user-templates.c: the user's own templates: saving, listing,
 * renaming, deleting, refused names and hostile files in the folder.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wm-card.h"
#include "wm-document-writer.h"
#include "wm-persona.h"
#include "wm-test-map.h"
#include "wm-user-templates.h"

static char *
folder_path (void)
{
  g_autoptr(GFile) folder = wm_user_templates_get_folder ();

  return g_file_get_path (folder);
}

static char *
template_path (const char *name)
{
  g_autofree char *folder = folder_path ();
  g_autofree char *basename = g_strconcat (name, ".waymark", NULL);

  return g_build_filename (folder, basename, NULL);
}

/* Removes every entry of the templates folder with unlink(), which never
 * follows a link: a recursive clean-up that follows links to folders
 * (as GLib's G_TEST_OPTION_ISOLATE_DIRS does) once emptied the machine's
 * /etc through a link this test made. */
static void
empty_folder (void)
{
  g_autofree char *folder = folder_path ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_unlink (path) != 0)
        g_error ("Could not remove %s", path);
    }
}

static WmUserTemplate *
find (GPtrArray  *templates,
      const char *name)
{
  for (guint i = 0; i < templates->len; i++)
    {
      WmUserTemplate *template = g_ptr_array_index (templates, i);

      if (g_str_equal (template->name, name))
        return template;
    }
  return NULL;
}

/* A saved template is listed with its description, and a map made from
 * it has the map's structure and words, a new id, and no trace of the
 * template's name. */
static void
test_save_list_instantiate (void)
{
  g_autoptr(WmDocument) document = wm_test_load_map ("samples/hotel-stay.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(WmDocument) made = NULL;
  g_autofree char *path = template_path ("Quarterly review");
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  WmUserTemplate *template;
  struct stat info;

  g_assert_true (wm_user_templates_save (document, "Quarterly review", "Our hotel, every quarter", WM_USER_TEMPLATE_SAVE_DEFAULT, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"template\""));
  g_assert_nonnull (strstr (contents, "Our hotel, every quarter"));
  /* The user's own folder: only the user reads it. */
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 077, ==, 0);

  templates = wm_user_templates_list ();
  g_assert_cmpuint (templates->len, ==, 1);
  template = find (templates, "Quarterly review");
  g_assert_nonnull (template);
  g_assert_cmpstr (template->description, ==, "Our hotel, every quarter");

  made = wm_user_template_instantiate_file (template->file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wm_document_get_title (made), ==, wm_document_get_title (document));
  g_assert_cmpuint (g_list_model_get_n_items (wm_document_get_cards (made)), ==,
                    g_list_model_get_n_items (wm_document_get_cards (document)));
  g_assert_cmpstr (wm_element_get_id (WM_ELEMENT (made)), !=, wm_element_get_id (WM_ELEMENT (document)));
  text = wm_document_to_json (made, NULL);
  g_assert_null (strstr (text, "\"template\""));
  g_assert_null (strstr (text, "Our hotel, every quarter"));

  /* The same name twice is refused, not overwritten... */
  g_assert_true (wm_user_templates_exists ("Quarterly review"));
  g_assert_false (wm_user_templates_exists ("Quarterly"));
  g_assert_false (wm_user_templates_save (document, "Quarterly review", "", WM_USER_TEMPLATE_SAVE_DEFAULT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_pointer (&templates, g_ptr_array_unref);
  templates = wm_user_templates_list ();
  g_assert_cmpstr (find (templates, "Quarterly review")->description, ==, "Our hotel, every quarter");

  /* A link that leads nowhere holds its name too: the same test decides
   * whether to ask and whether to refuse, and nothing is written through
   * the link. */
  {
    g_autoptr(GFile) folder = wm_user_templates_get_folder ();
    g_autoptr(GFile) link = g_file_get_child (folder, "Dangling.waymark");
    g_autofree char *target = g_build_filename (g_get_user_data_dir (), "nowhere.waymark", NULL);

    g_assert_true (g_file_make_symbolic_link (link, target, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (wm_user_templates_exists ("Dangling"));
    g_assert_false (wm_user_templates_save (document, "Dangling", "", WM_USER_TEMPLATE_SAVE_DEFAULT, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
    g_clear_error (&error);
    g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_delete (link, NULL, &error));
    g_assert_no_error (error);
  }

  /* ...unless the user said to replace it: then it is the new one. */
  g_assert_true (wm_user_templates_save (document, "Quarterly review", "Every half year",
                                         WM_USER_TEMPLATE_SAVE_REPLACE | WM_USER_TEMPLATE_SAVE_HINTS, &error));
  g_assert_no_error (error);
  g_clear_pointer (&templates, g_ptr_array_unref);
  templates = wm_user_templates_list ();
  g_assert_cmpuint (templates->len, ==, 1);
  g_assert_cmpstr (find (templates, "Quarterly review")->description, ==, "Every half year");
  g_clear_object (&made);
  made = wm_user_template_instantiate_file (find (templates, "Quarterly review")->file, &error);
  g_assert_no_error (error);
  {
    g_autoptr(WmCard) card = g_list_model_get_item (wm_document_get_cards (made), 0);

    g_assert_cmpstr (wm_card_get_title (card), ==, "");
  }
}

/* With "Turn cards into hints", no card keeps what was learned: each is
 * empty, its old title its hint; the personas' words become hints too. */
static void
test_cards_into_hints (void)
{
  g_autoptr(WmDocument) document = wm_test_load_map ("samples/hotel-stay.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WmDocument) made = NULL;
  GListModel *cards;
  GListModel *personas;
  g_autoptr(WmCard) first = NULL;
  g_autoptr(WmCard) made_first = NULL;
  g_autoptr(WmPersona) persona = NULL;
  g_autoptr(WmPersona) made_persona = NULL;

  g_assert_true (wm_user_templates_save (document, "Blueprint", "", WM_USER_TEMPLATE_SAVE_HINTS, &error));
  g_assert_no_error (error);
  file = wm_user_templates_lookup ("Blueprint");
  g_assert_nonnull (file);
  made = wm_user_template_instantiate_file (file, &error);
  g_assert_no_error (error);

  cards = wm_document_get_cards (made);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, g_list_model_get_n_items (wm_document_get_cards (document)));
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(WmCard) card = g_list_model_get_item (cards, i);

      g_assert_cmpstr (wm_card_get_title (card), ==, "");
      g_assert_cmpstr (wm_card_get_text (card), ==, "");
    }
  first = g_list_model_get_item (wm_document_get_cards (document), 0);
  made_first = g_list_model_get_item (cards, 0);
  g_assert_cmpstr (wm_element_get_hint (WM_ELEMENT (made_first), "title"), ==, wm_card_get_title (first));

  personas = wm_document_get_personas (made);
  g_assert_cmpuint (g_list_model_get_n_items (personas), >, 0);
  persona = g_list_model_get_item (wm_document_get_personas (document), 0);
  made_persona = g_list_model_get_item (personas, 0);
  g_assert_cmpstr (wm_persona_get_name (made_persona), ==, "");
  g_assert_cmpstr (wm_element_get_hint (WM_ELEMENT (made_persona), "name"), ==, wm_persona_get_name (persona));

  /* The open map is not changed. */
  g_assert_cmpstr (wm_card_get_title (first), !=, "");
}

static void
test_rename_delete (void)
{
  g_autoptr(WmDocument) document = wm_test_load_map ("samples/gym-membership.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) after_delete = NULL;
  g_autofree char *old_path = template_path ("Gym");
  g_autofree char *contents = NULL;
  WmUserTemplate *template;

  g_assert_true (wm_user_templates_save (document, "Gym", "Joining", WM_USER_TEMPLATE_SAVE_DEFAULT, &error));
  g_assert_true (wm_user_templates_save (document, "Other", "", WM_USER_TEMPLATE_SAVE_DEFAULT, &error));
  g_assert_no_error (error);

  /* Not onto another template, nor to a refused name. */
  g_assert_false (wm_user_templates_rename ("Gym", "Other", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (wm_user_templates_rename ("Gym", "../Gym", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_clear_error (&error);

  g_assert_true (wm_user_templates_rename ("Gym", "Gym, spring", &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (old_path, G_FILE_TEST_EXISTS));
  templates = wm_user_templates_list ();
  g_assert_cmpuint (templates->len, ==, 2);
  g_assert_null (find (templates, "Gym"));
  template = find (templates, "Gym, spring");
  g_assert_nonnull (template);
  g_assert_cmpstr (template->description, ==, "Joining");
  g_assert_true (g_file_load_contents (template->file, NULL, &contents, NULL, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"Gym, spring\""));

  g_assert_true (wm_user_templates_delete ("Gym, spring", &error));
  g_assert_no_error (error);
  after_delete = wm_user_templates_list ();
  g_assert_cmpuint (after_delete->len, ==, 1);
  g_assert_nonnull (find (after_delete, "Other"));
}

static void
test_refused_names (void)
{
  g_autoptr(WmDocument) document = wm_test_load_map ("samples/gym-membership.waymark");
  const char *refused[] = { "", "   ", "a/b", "..", ".hidden", "back\\slash", "tab\there", "new\nline",
                            "bell\a", "del\x7f", "\xff\xfe" };
  g_autofree char *folder = folder_path ();
  g_autofree char *parent = g_path_get_dirname (folder);
  g_autofree char *escaped = g_build_filename (parent, "b.waymark", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (wm_user_templates_check_name (refused[i], NULL));
      g_assert_false (wm_user_templates_save (document, refused[i], "", WM_USER_TEMPLATE_SAVE_DEFAULT, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
      g_assert_nonnull (error->message);
    }
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
  g_assert_true (wm_user_templates_check_name ("Café – Q3 (2026)", NULL));
  g_assert_null (wm_user_templates_lookup ("../templates/x"));
}

/* A pipe, a link to an endless device, a huge file and a broken map in
 * the folder: listing neither blocks nor reads them, and leaves them out.
 *
 * The folder is emptied with unlink() only (see empty_folder ()); the
 * test still removes its links itself, in case a clean-up that follows
 * links to folders is ever used again. */
static void
test_hostile_folder (void)
{
  g_autoptr(WmDocument) document = wm_test_load_map ("samples/gym-membership.waymark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autofree char *fifo = template_path ("Pipe");
  g_autofree char *zero = template_path ("Zero");
  g_autofree char *huge = template_path ("Huge");
  g_autofree char *broken = template_path ("Broken");
  g_autofree char *folder_link = template_path ("Folder");
  g_autofree char *elsewhere = g_build_filename (g_get_user_data_dir (), "a-folder-elsewhere", NULL);
  int fd;

  g_assert_true (wm_user_templates_save (document, "Good", "", WM_USER_TEMPLATE_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  /* A link to a folder, an empty one of the test's own: never a link to
   * a real folder such as "/", which a careless clean-up would empty. */
  g_assert_cmpint (g_mkdir_with_parents (elsewhere, 0700), ==, 0);
  g_assert_cmpint (symlink (elsewhere, folder_link), ==, 0);
  /* Sparse: a terabyte claimed, no disk used. */
  fd = g_open (huge, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 1 << 40), ==, 0);
  close (fd);
  g_assert_true (g_file_set_contents (broken, "{\"format\": \"waymark\", \"version\": 1, [[[", -1, NULL));

  templates = wm_user_templates_list ();
  g_assert_cmpuint (templates->len, ==, 1);
  g_assert_nonnull (find (templates, "Good"));

  /* Asked for by name, as `waymark new --template Pipe` would. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (i == 0 ? fifo : zero);
      g_autoptr(WmDocument) made = wm_user_template_instantiate_file (file, &error);

      g_assert_null (made);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_clear_error (&error);
    }

  g_assert_cmpint (g_unlink (zero), ==, 0);
  g_assert_cmpint (g_unlink (fifo), ==, 0);
  g_assert_cmpint (g_unlink (huge), ==, 0);
  g_assert_cmpint (g_unlink (folder_link), ==, 0);
  g_assert_cmpint (g_rmdir (elsewhere), ==, 0);
}

/* Each test starts with no templates. */
static void
run_in_empty_folder (gconstpointer data)
{
  void (*test) (void) = (void (*) (void)) data;

  empty_folder ();
  test ();
}

static void
add_test (const char *path,
          void      (*test) (void))
{
  g_test_add_data_func (path, (gconstpointer) test, run_in_empty_folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data = g_dir_make_tmp ("waymark-user-templates-XXXXXX", NULL);
  g_autofree char *waymark = g_build_filename (data, "waymark", NULL);
  g_autofree char *folder = NULL;
  int result;

  /* Before GLib reads it for the first time. */
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_test_init (&argc, &argv, NULL);

  add_test ("/user-templates/save-list-instantiate", test_save_list_instantiate);
  add_test ("/user-templates/cards-into-hints", test_cards_into_hints);
  add_test ("/user-templates/rename-delete", test_rename_delete);
  add_test ("/user-templates/refused-names", test_refused_names);
  add_test ("/user-templates/hostile-folder", test_hostile_folder);

  result = g_test_run ();

  empty_folder ();
  folder = folder_path ();
  g_rmdir (folder);
  g_rmdir (waymark);
  g_rmdir (data);
  return result;
}
