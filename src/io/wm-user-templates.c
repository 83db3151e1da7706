/* wm-user-templates.c: the user's own templates, kept as NAME.waymark in
 * the user's data folder (waymark/templates).
 *
 * A template is an ordinary map file with one more top-level member,
 * "template": {"name", "description"}, which a map made from it does not
 * keep. The file name is the template's name, so a name must be a valid
 * file name that cannot reach outside the folder or hide in it.
 *
 * Anything can sit in that folder (a pipe, a link to a device, a huge
 * file, a broken map): the list reads each file through the same bounded,
 * non-blocking reader as opening a map, and leaves out what does not load.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-user-templates"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "wm-document-reader.h"
#include "wm-document-writer.h"
#include "wm-safe-file.h"
#include "wm-templates.h"
#include "wm-user-templates.h"

#define SUFFIX ".waymark"
/* Leaves room for the suffix and the safe writer's temporary name within
 * the 255 bytes most file systems allow. */
#define MAX_NAME_BYTES 200

static const char * const persona_text_keys[] = { "name", "role", "location", "segment", "quote", "bio", NULL };
static const char * const persona_list_keys[] = { "goals", "needs", "frustrations", "motivations", "channels", NULL };
/* What stays of a card turned into a hint: where it is and how it looks. */
static const char * const card_kept_keys[] = { "id", "stage", "lane", "span", "color", NULL };

void
wm_user_template_free (WmUserTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->description);
  g_clear_object (&self->file);
  g_free (self);
}

/**
 * wm_user_templates_get_folder:
 *
 * Returns: (transfer full): the folder of the user's templates, which
 *   need not exist yet
 */
GFile *
wm_user_templates_get_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "waymark", "templates", NULL);

  return g_file_new_for_path (path);
}

/**
 * wm_user_templates_check_name:
 * @name: a name the user typed
 * @error: return location for a #GError saying what is wrong with it
 *
 * A name is refused when it is empty, starts with a dot (a hidden
 * file, or "..") or holds a slash, a backslash or a control character.
 *
 * Returns: whether @name can name a template
 */
gboolean
wm_user_templates_check_name (const char  *name,
                              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("A template needs a name"));
      return FALSE;
    }
  if (!g_utf8_validate (name, -1, NULL) || strlen (name) > MAX_NAME_BYTES)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("The template name is too long"));
      return FALSE;
    }
  if (name[0] == '.')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("A template name cannot start with a dot"));
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               _("A template name cannot contain “/”, “\\” or control characters"));
          return FALSE;
        }
    }
  return TRUE;
}

static GFile *
file_for_name (const char *name)
{
  g_autoptr(GFile) folder = wm_user_templates_get_folder ();
  g_autofree char *basename = g_strconcat (name, SUFFIX, NULL);

  return g_file_get_child (folder, basename);
}

/* Reads a template file as JSON. The map loader reads and checks it
 * first (size, depth, types), so that json-glib only ever sees what
 * Waymark itself wrote. */
static JsonParser *
read_template_json (GFile   *file,
                    GError **error)
{
  g_autoptr(WmDocument) document = wm_document_load (file, NULL, error);
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (document == NULL)
    return NULL;
  text = wm_document_to_json (document, &length);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, length, error))
    return NULL;
  return g_steal_pointer (&parser);
}

static JsonObject *
object_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Returns @object's "hints" object, adding an empty one if needed. */
static JsonObject *
ensure_hints (JsonObject *object)
{
  JsonObject *hints = object_member (object, "hints");

  if (hints == NULL)
    {
      hints = json_object_new ();
      json_object_set_object_member (object, "hints", hints);
    }
  return hints;
}

/* Moves the text of @key into @object's hints, leaving the field empty. */
static void
move_text_to_hint (JsonObject *object,
                   const char *key)
{
  const char *text = json_object_get_string_member_with_default (object, key, "");

  if (*text == '\0')
    return;
  json_object_set_string_member (ensure_hints (object), key, text);
  json_object_set_string_member (object, key, "");
}

/* A list such as a persona's goals becomes one hint, its points joined. */
static void
move_list_to_hint (JsonObject *object,
                   const char *key)
{
  JsonArray *array = array_member (object, key);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING ||
          *json_node_get_string (item) == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, json_node_get_string (item));
    }
  if (text->len == 0)
    return;
  json_object_set_string_member (ensure_hints (object), key, text->str);
  json_object_set_array_member (object, key, json_array_new ());
}

/* A card keeps its place and colour; its title becomes its hint, the
 * rest of what was learned (text, picture, scores) is left out. */
static JsonObject *
card_to_hint (JsonObject *card)
{
  JsonObject *result = json_object_new ();
  const char *title = json_object_get_string_member_with_default (card, "title", "");
  const char *hint = json_object_get_string_member_with_default (card, "hint", "");

  for (guint k = 0; card_kept_keys[k] != NULL; k++)
    if (json_object_has_member (card, card_kept_keys[k]))
      json_object_set_member (result, card_kept_keys[k], json_object_dup_member (card, card_kept_keys[k]));
  json_object_set_string_member (result, "title", "");
  if (*title != '\0' || *hint != '\0')
    json_object_set_string_member (result, "hint", *title != '\0' ? title : hint);
  return result;
}

/* Turns what the map says into hints for the next map: the cards, the
 * map's goal and scope and the personas' words. A persona's photo and
 * age describe one real person and are left out. */
static void
turn_into_hints (JsonObject *root)
{
  JsonArray *cards = array_member (root, "cards");
  JsonArray *personas = array_member (root, "personas");

  move_text_to_hint (root, "goal");
  move_text_to_hint (root, "scope");
  for (guint i = 0; cards != NULL && i < json_array_get_length (cards); i++)
    {
      JsonNode *card = json_array_get_element (cards, i);

      if (JSON_NODE_HOLDS_OBJECT (card))
        json_node_take_object (card, card_to_hint (json_node_get_object (card)));
    }
  for (guint i = 0; personas != NULL && i < json_array_get_length (personas); i++)
    {
      JsonObject *persona = json_array_get_object_element (personas, i);

      if (persona == NULL)
        continue;
      for (guint k = 0; persona_text_keys[k] != NULL; k++)
        move_text_to_hint (persona, persona_text_keys[k]);
      for (guint k = 0; persona_list_keys[k] != NULL; k++)
        move_list_to_hint (persona, persona_list_keys[k]);
      if (json_object_has_member (persona, "photo"))
        json_object_remove_member (persona, "photo");
      if (json_object_has_member (persona, "age"))
        json_object_remove_member (persona, "age");
    }
}

static void
set_template_member (JsonObject *root,
                     const char *name,
                     const char *description)
{
  JsonObject *member = json_object_new ();

  json_object_set_string_member (member, "name", name);
  json_object_set_string_member (member, "description", description != NULL ? description : "");
  json_object_set_object_member (root, WM_USER_TEMPLATE_MEMBER, member);
}

/* Writes @root as a map file, through the map loader first so that
 * only a map Waymark can open is ever stored. */
static gboolean
write_template_json (JsonNode  *root,
                     GFile     *file,
                     GError   **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(WmDocument) document = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  document = wm_document_load_from_data (text, length, error);
  if (document == NULL)
    return FALSE;
  g_clear_pointer (&text, g_free);
  text = wm_document_to_json (document, &length);

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return wm_safe_file_write_contents_full (file, WM_SAFE_FILE_PRIVATE, text, length, NULL, error);
}

static gboolean
set_exists_error (const char  *name,
                  GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               /* Translators: a template's name. */
               _("There is already a template called “%s”"), name);
  return FALSE;
}

/**
 * wm_user_templates_save:
 * @document: the map to keep as a template
 * @name: the template's name, which is also its file's
 * @description: (nullable): a line saying what it is for
 * @flags: whether the cards become hints, and whether a template of the
 *   same name is replaced
 * @error: return location for a #GError; %G_IO_ERROR_EXISTS when there
 *   is a template of that name and @flags does not say to replace it
 *
 * Stores @document as the user's template @name. The map itself is not
 * changed. A replaced template is written over safely: until the new one
 * is complete, the old one stays whole.
 *
 * Returns: %TRUE on success
 */
gboolean
wm_user_templates_save (WmDocument  *document,
                        const char  *name,
                        const char  *description,
                        WmUserTemplateSaveFlags flags,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  gsize length;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);

  if (!wm_user_templates_check_name (name, error))
    return FALSE;
  if (!(flags & WM_USER_TEMPLATE_SAVE_REPLACE) && wm_user_templates_exists (name))
    return set_exists_error (name, error);
  file = file_for_name (name);

  text = wm_document_to_json (document, &length);
  if (!json_parser_load_from_data (parser, text, length, error))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  if (flags & WM_USER_TEMPLATE_SAVE_HINTS)
    turn_into_hints (root);
  set_template_member (root, name, description);
  return write_template_json (json_parser_get_root (parser), file, error);
}

/**
 * wm_user_templates_exists:
 * @name: a template's name
 *
 * Returns: whether the user has a template called @name, of whatever
 *   kind of file: saving under the name would have to replace it
 */
gboolean
wm_user_templates_exists (const char *name)
{
  g_autoptr(GFile) file = wm_user_templates_lookup (name);

  return file != NULL;
}

/**
 * wm_user_templates_lookup:
 * @name: a template's name
 *
 * Returns: (transfer full) (nullable): the file of the user's template
 *   @name, or %NULL if there is none or @name is not a valid name. It
 *   may be anything (a pipe, a folder): reading it says what is wrong.
 */
GFile *
wm_user_templates_lookup (const char *name)
{
  g_autoptr(GFile) file = NULL;

  if (!wm_user_templates_check_name (name, NULL))
    return NULL;
  file = file_for_name (name);
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) == G_FILE_TYPE_UNKNOWN)
    return NULL;
  return g_steal_pointer (&file);
}

static gint
compare_templates (gconstpointer a,
                   gconstpointer b)
{
  const WmUserTemplate *x = *(WmUserTemplate **) a;
  const WmUserTemplate *y = *(WmUserTemplate **) b;
  g_autofree char *kx = g_utf8_collate_key_for_filename (x->name, -1);
  g_autofree char *ky = g_utf8_collate_key_for_filename (y->name, -1);

  return strcmp (kx, ky);
}

/**
 * wm_user_templates_list:
 *
 * The user's templates that open as maps, by name. Files that are not
 * maps, not regular files or too large are left out.
 *
 * Returns: (transfer container) (element-type WmUserTemplate): the
 *   templates
 */
GPtrArray *
wm_user_templates_list (void)
{
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_user_template_free);
  g_autoptr(GFile) folder = wm_user_templates_get_folder ();
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (children == NULL)
    return g_steal_pointer (&templates);

  while (TRUE)
    {
      GFileInfo *info;
      GFile *child;
      g_autoptr(JsonParser) parser = NULL;
      g_autoptr(GError) read_error = NULL;
      g_autofree char *name = NULL;
      const char *basename;
      JsonObject *member;
      WmUserTemplate *template;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;
      basename = g_file_info_get_name (info);
      if (!g_str_has_suffix (basename, SUFFIX))
        continue;
      name = g_strndup (basename, strlen (basename) - strlen (SUFFIX));
      if (!wm_user_templates_check_name (name, NULL))
        continue;
      parser = read_template_json (child, &read_error);
      if (parser == NULL)
        {
          g_debug ("Leaving out the template “%s”: %s", basename, read_error->message);
          continue;
        }
      member = object_member (json_node_get_object (json_parser_get_root (parser)), WM_USER_TEMPLATE_MEMBER);
      template = g_new0 (WmUserTemplate, 1);
      template->name = g_steal_pointer (&name);
      template->description = g_strdup (member != NULL ? json_object_get_string_member_with_default (member, "description", "")
                                                       : "");
      template->file = g_object_ref (child);
      g_ptr_array_add (templates, template);
    }
  g_ptr_array_sort (templates, compare_templates);
  return g_steal_pointer (&templates);
}

/**
 * wm_user_templates_rename:
 * @name: a template's name
 * @new_name: its new name
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
wm_user_templates_rename (const char  *name,
                          const char  *new_name,
                          GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) new_file = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root;
  JsonObject *member;
  g_autofree char *description = NULL;

  if (!wm_user_templates_check_name (name, error) || !wm_user_templates_check_name (new_name, error))
    return FALSE;
  if (g_strcmp0 (name, new_name) == 0)
    return TRUE;
  file = file_for_name (name);
  new_file = file_for_name (new_name);
  if (g_file_query_exists (new_file, NULL))
    return set_exists_error (new_name, error);

  parser = read_template_json (file, error);
  if (parser == NULL)
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  member = object_member (root, WM_USER_TEMPLATE_MEMBER);
  description = g_strdup (member != NULL ? json_object_get_string_member_with_default (member, "description", "") : "");
  set_template_member (root, new_name, description);

  /* The new file is complete before the old one goes: a failure leaves
   * the template under one name or the other. */
  if (!write_template_json (json_parser_get_root (parser), new_file, error))
    return FALSE;
  return g_file_delete (file, NULL, error);
}

/**
 * wm_user_templates_delete:
 * @name: a template's name
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
wm_user_templates_delete (const char  *name,
                          GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (!wm_user_templates_check_name (name, error))
    return FALSE;
  file = file_for_name (name);
  return g_file_delete (file, NULL, error);
}

/**
 * wm_user_template_instantiate_file:
 * @file: a user's template, or any map file
 * @error: return location for a #GError
 *
 * Makes a new map from @file: a new id and creation time, without the
 * template's name and description. @file is read as a map is opened, so
 * a pipe, a device or a huge file is refused without blocking.
 *
 * Returns: (transfer full) (nullable): the new map
 */
WmDocument *
wm_user_template_instantiate_file (GFile   *file,
                                   GError **error)
{
  g_autoptr(JsonParser) parser = read_template_json (file, error);

  if (parser == NULL)
    return NULL;
  return wm_template_instantiate_json (json_parser_get_root (parser), error);
}
