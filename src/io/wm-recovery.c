/* wm-recovery.c: recovery copies of unsaved maps.
 *
 * Each open map with unsaved changes has an id; its copy is ID.waymark in
 * $XDG_STATE_HOME/waymark/recovery, beside ID.json, which names the map,
 * the file it came from, when it was written and the session that wrote
 * it. Copies never go near the user's own file.
 *
 * A session is one running Waymark. It holds an exclusive flock() on its
 * session-UUID.lock file for as long as it lives; the kernel drops the lock
 * when the process dies, however it dies. So a copy whose session's lock
 * can be taken was left by a Waymark that crashed or was killed, and is
 * offered for recovery. Locks work where process ids do not: inside
 * Flatpak every instance may have the same pid in its own namespace.
 *
 * The folder is private (0700, tightened if it was looser), and whatever
 * else is put there (pipes, devices, links to /dev/zero, folders) is
 * skipped without being opened for long or read past a small size.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-recovery"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wm-document-reader.h"
#include "wm-file-input.h"
#include "wm-recovery.h"
#include "wm-safe-file.h"

/* A description file is a few hundred bytes; anything far larger is not
 * ours. */
#define MAX_DESCRIPTION_SIZE (64 * 1024)

static GMutex session_lock;
static char *session_id;
static int session_lock_fd = -1;

void
wm_recovery_entry_free (WmRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->title);
  g_clear_object (&entry->original);
  g_clear_pointer (&entry->written, g_date_time_unref);
  g_free (entry);
}

/**
 * wm_recovery_get_directory:
 *
 * Returns: (transfer full): where recovery copies are kept
 */
GFile *
wm_recovery_get_directory (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "waymark", "recovery", NULL);

  return g_file_new_for_path (path);
}

/* Makes the folder private if someone made it readable by others. */
static gboolean
tighten_directory (const char  *path,
                   GError     **error)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    return TRUE;
  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, "%s: %s", path, g_strerror (ENOTDIR));
      return FALSE;
    }
  if ((st.st_mode & 077) != 0 && chmod (path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static char *
path_in_directory (const char *name,
                   const char *suffix)
{
  g_autoptr(GFile) directory = wm_recovery_get_directory ();
  g_autofree char *basename = g_strconcat (name, suffix, NULL);
  g_autoptr(GFile) file = g_file_get_child (directory, basename);

  return g_file_get_path (file);
}

/* Starts this process's session on first use: the directory, and the lock
 * that says we are alive. */
static gboolean
ensure_session (GError **error)
{
  g_autoptr(GFile) directory = NULL;
  g_autofree char *directory_path = NULL;
  g_autofree char *lock_path = NULL;
  g_autofree char *lock_name = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&session_lock);
  int fd;

  if (session_id != NULL)
    return TRUE;

  directory = wm_recovery_get_directory ();
  directory_path = g_file_get_path (directory);
  if (g_mkdir_with_parents (directory_path, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", directory_path, g_strerror (saved_errno));
      return FALSE;
    }
  if (!tighten_directory (directory_path, error))
    return FALSE;

  id = g_uuid_string_random ();
  lock_name = g_strconcat ("session-", id, NULL);
  lock_path = path_in_directory (lock_name, ".lock");
  fd = g_open (lock_path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 || flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", lock_path, g_strerror (saved_errno));
      return FALSE;
    }

  /* Held until the process exits. */
  session_lock_fd = fd;
  session_id = g_steal_pointer (&id);
  return TRUE;
}

/**
 * wm_recovery_new_id:
 *
 * Returns: (transfer full): a fresh id for one map's recovery copy
 */
char *
wm_recovery_new_id (void)
{
  return g_uuid_string_random ();
}

static char *
describe (const char *title,
          GFile      *original)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *written = g_date_time_format_iso8601 (now);
  g_autofree char *uri = original != NULL ? g_file_get_uri (original) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "session");
  json_builder_add_string_value (builder, session_id);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, title != NULL ? title : "");
  json_builder_set_member_name (builder, "written");
  json_builder_add_string_value (builder, written);
  if (uri != NULL)
    {
      json_builder_set_member_name (builder, "original");
      json_builder_add_string_value (builder, uri);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * wm_recovery_write:
 * @id: the map's recovery id, from wm_recovery_new_id()
 * @json: the map, as wm_document_to_json() wrote it
 * @length: the length of @json
 * @title: the map's title, shown when recovery is offered
 * @original: (nullable): the file the map was opened from or saved to
 * @error: return location for a #GError
 *
 * Writes or replaces the recovery copy of one map. Both files are written
 * through wm-safe-file, so a crash in the middle leaves the previous copy.
 *
 * May be called from any thread; writes for the same @id must not
 * overlap.
 *
 * Returns: %TRUE on success
 */
gboolean
wm_recovery_write (const char  *id,
                   const char  *json,
                   gsize        length,
                   const char  *title,
                   GFile       *original,
                   GError     **error)
{
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GFile) description_file = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *description_name = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (!ensure_session (error))
    return FALSE;

  directory = wm_recovery_get_directory ();
  copy_name = g_strconcat (id, ".waymark", NULL);
  description_name = g_strconcat (id, ".json", NULL);
  copy = g_file_get_child (directory, copy_name);
  description_file = g_file_get_child (directory, description_name);
  description = describe (title, original);

  /* The copy first: a description is only ever offered with its copy. */
  return wm_safe_file_write_contents_full (copy, WM_SAFE_FILE_PRIVATE, json, length, NULL, error) &&
         wm_safe_file_write_contents_full (description_file, WM_SAFE_FILE_PRIVATE, description,
                                           strlen (description), NULL, error);
}

/**
 * wm_recovery_remove:
 * @id: a recovery id
 *
 * Removes a map's recovery copy, once the map is saved or its changes are
 * discarded. Removing a copy that does not exist is not an error.
 */
void
wm_recovery_remove (const char *id)
{
  g_autofree char *copy_path = NULL;
  g_autofree char *description_path = NULL;

  g_return_if_fail (id != NULL);

  copy_path = path_in_directory (id, ".waymark");
  description_path = path_in_directory (id, ".json");
  /* The description first: without it, a copy is never offered. */
  g_unlink (description_path);
  g_unlink (copy_path);
}

/* Whether the Waymark that wrote a copy has ended. Its lock file may be
 * gone already, removed by another session that found it dead. */
static gboolean
session_has_ended (const char *session)
{
  g_autofree char *lock_name = NULL;
  g_autofree char *lock_path = NULL;
  gboolean ended;
  int fd;

  if (g_strcmp0 (session, session_id) == 0)
    return FALSE;
  if (!g_uuid_string_is_valid (session))
    return TRUE;

  lock_name = g_strconcat ("session-", session, NULL);
  lock_path = path_in_directory (lock_name, ".lock");
  /* Not a link, and a pipe put there does not block. */
  fd = g_open (lock_path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return TRUE;
  ended = flock (fd, LOCK_EX | LOCK_NB) == 0;
  close (fd);
  return ended;
}

/* Whether @path is a regular file itself, not a link to one. */
static gboolean
is_regular_file (const char *path)
{
  struct stat st;

  return lstat (path, &st) == 0 && S_ISREG (st.st_mode);
}

/* Reads a description: only a regular file (a pipe or a device, even
 * behind a link, could block or never end), and never more than the size
 * cap. */
static JsonParser *
load_description (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (!wm_file_load_regular (file, MAX_DESCRIPTION_SIZE, NULL, &text, &length, NULL))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return g_steal_pointer (&parser);
}

static WmRecoveryEntry *
read_entry (const char *id)
{
  g_autofree char *description_path = path_in_directory (id, ".json");
  g_autofree char *copy_path = path_in_directory (id, ".waymark");
  g_autoptr(JsonParser) parser = load_description (description_path);
  g_autoptr(GDateTime) written = NULL;
  g_autoptr(WmRecoveryEntry) entry = NULL;
  JsonObject *object;
  const char *uri;

  if (parser == NULL)
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  if (!session_has_ended (json_object_get_string_member_with_default (object, "session", "")))
    return NULL;
  if (!is_regular_file (copy_path))
    {
      /* A description whose copy is gone can never be recovered. */
      g_unlink (description_path);
      return NULL;
    }

  entry = g_new0 (WmRecoveryEntry, 1);
  entry->id = g_strdup (id);
  entry->title = g_strdup (json_object_get_string_member_with_default (object, "title", ""));
  uri = json_object_get_string_member_with_default (object, "original", NULL);
  entry->original = uri != NULL ? g_file_new_for_uri (uri) : NULL;
  written = g_date_time_new_from_iso8601 (json_object_get_string_member_with_default (object, "written", ""),
                                          NULL);
  entry->written = written != NULL ? g_date_time_to_local (written) : NULL;
  if (entry->written == NULL)
    {
      g_autoptr(GFile) copy = g_file_new_for_path (copy_path);
      g_autoptr(GFileInfo) info = g_file_query_info (copy, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      entry->written = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
      if (entry->written == NULL)
        entry->written = g_date_time_new_now_local ();
    }
  return g_steal_pointer (&entry);
}

static int
compare_by_time (gconstpointer a,
                 gconstpointer b)
{
  const WmRecoveryEntry *first = *(WmRecoveryEntry **) a;
  const WmRecoveryEntry *second = *(WmRecoveryEntry **) b;

  return g_date_time_compare (second->written, first->written);
}

/* Lock files of ended sessions are left by crashes; once no copy names
 * them they are only litter. */
static void
remove_ended_session_locks (GDir *dir)
{
  g_autoptr(GHashTable) referenced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) locks = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_dir_rewind (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "session-") && g_str_has_suffix (name, ".lock"))
        g_ptr_array_add (locks, g_strndup (name + strlen ("session-"),
                                           strlen (name) - strlen ("session-") - strlen (".lock")));
      else if (g_str_has_suffix (name, ".json"))
        {
          g_autofree char *id = g_strndup (name, strlen (name) - strlen (".json"));
          g_autofree char *path = path_in_directory (id, ".json");
          g_autoptr(JsonParser) parser = load_description (path);

          if (parser != NULL)
            {
              JsonObject *object = json_node_get_object (json_parser_get_root (parser));

              g_hash_table_add (referenced,
                                g_strdup (json_object_get_string_member_with_default (object, "session", "")));
            }
        }
    }

  for (guint i = 0; i < locks->len; i++)
    {
      const char *session = g_ptr_array_index (locks, i);

      if (!g_hash_table_contains (referenced, session) && session_has_ended (session))
        {
          g_autofree char *lock_name = g_strconcat ("session-", session, NULL);
          g_autofree char *lock_path = path_in_directory (lock_name, ".lock");

          g_unlink (lock_path);
        }
    }
}

/**
 * wm_recovery_list_orphans:
 *
 * Lists the recovery copies left by Waymarks that are no longer running,
 * newest first. Copies of running sessions, this one included, are not
 * listed.
 *
 * Returns: (transfer full) (element-type WmRecoveryEntry): the copies
 */
GPtrArray *
wm_recovery_list_orphans (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) wm_recovery_entry_free);
  g_autoptr(GFile) directory = wm_recovery_get_directory ();
  g_autofree char *directory_path = g_file_get_path (directory);
  g_autoptr(GDir) dir = g_dir_open (directory_path, 0, NULL);
  const char *name;

  if (dir == NULL || !tighten_directory (directory_path, NULL))
    return entries;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      WmRecoveryEntry *entry;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".json"));
      entry = read_entry (id);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
  remove_ended_session_locks (dir);

  g_ptr_array_sort (entries, compare_by_time);
  return entries;
}

/**
 * wm_recovery_load:
 * @entry: a recovery copy
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the map as it was when the copy was
 *   written
 */
WmDocument *
wm_recovery_load (WmRecoveryEntry  *entry,
                  GError          **error)
{
  g_autofree char *copy_path = NULL;
  g_autoptr(GFile) copy = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  copy_path = path_in_directory (entry->id, ".waymark");
  copy = g_file_new_for_path (copy_path);
  return wm_document_load (copy, NULL, error);
}
