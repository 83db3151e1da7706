/* test-safe-file.c: a save never loses the previous file. Regular files,
 * links, hard links, unwritable folders, full disks (RLIMIT_FSIZE, and a
 * real 64 KiB tmpfs where mounting is allowed), kills at random points;
 * and a recovery folder holding pipes, devices and folders.
 *
 * Tests that change limits, identities or mounts do so in a forked child,
 * which exits 0 when all its assertions held and 77 to skip.
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "wm-recovery.h"
#include "wm-safe-file.h"

#define SKIP_STATUS 77

typedef struct
{
  char *dir;
} Fixture;

/* --- Helpers --------------------------------------------------------- */

static int
remove_one (const char        *path,
            const struct stat *st,
            int                flag,
            struct FTW        *ftw)
{
  return remove (path);
}

static void
remove_tree (const char *path)
{
  nftw (path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("waymark-safe-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  /* Reachable by the unprivileged user of the unwritable-folder test. */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
path_in (const char *dir,
         const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* Content that differs from any other fill at every byte. */
static char *
make_content (char  fill,
              gsize length)
{
  char *data = g_malloc (length);

  memset (data, fill, length);
  return data;
}

static void
put (const char *path,
     const char *data,
     gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static gboolean
save (const char  *path,
      const char  *data,
      gsize        length,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return wm_safe_file_write_contents (file, data, length, NULL, error);
}

/* Saves through the writer API, in pieces as cairo and libpng write. */
static gboolean
save_in_pieces (const char  *path,
                const char  *data,
                gsize        length,
                gsize        piece,
                GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WmSafeFile) output = wm_safe_file_open (file, NULL, error);

  if (output == NULL)
    return FALSE;
  for (gsize done = 0; done < length; done += piece)
    wm_safe_file_write (output, data + done, MIN (piece, length - done));
  return wm_safe_file_commit (output, error);
}

static void
assert_content (const char *path,
                const char *expected,
                gsize       expected_length)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, expected_length);
  g_assert_true (memcmp (text, expected, length) == 0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The folder holds exactly @expected (comma-separated, sorted): no
 * temporary file, no fragment. */
static void
assert_names (const char *dir,
              const char *expected)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (",", (char **) names->pdata);
  g_assert_cmpstr (joined, ==, expected);
}

static void
assert_is_link_to (const char *path,
                   const char *target)
{
  g_autofree char *read = g_file_read_link (path, NULL);

  g_assert_cmpstr (read, ==, target);
}

/* Runs @func in a forked child; returns FALSE when it asked to skip. */
static gboolean
run_in_child (void (*func) (gpointer),
              gpointer data)
{
  int status;
  pid_t pid;

  fflush (stdout);
  fflush (stderr);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      func (data);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status) && WEXITSTATUS (status) == SKIP_STATUS)
    return FALSE;
  if (WIFSIGNALED (status))
    g_test_message ("the child died of signal %d", WTERMSIG (status));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return TRUE;
}

/* --- Ordinary saves ------------------------------------------------ */

static void
test_regular_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = path_in (fixture->dir, "map.waymark");
  g_autoptr(GError) error = NULL;
  static const char value[] = "kept";
  char read_value[16];
  gboolean has_xattrs;
  gssize length;
  struct stat st;

  put (path, "old content", strlen ("old content"));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  /* Root can give the file away, so the test can see the owner kept. */
  if (getuid () == 0)
    g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  has_xattrs = setxattr (path, "user.waymark", value, strlen (value), 0) == 0;
  if (!has_xattrs)
    g_assert_cmpint (errno, ==, ENOTSUP);

  g_assert_true (save (path, "new content\n", strlen ("new content\n"), &error));
  g_assert_no_error (error);

  assert_content (path, "new content\n", strlen ("new content\n"));
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  if (getuid () == 0)
    {
      g_assert_cmpint (st.st_uid, ==, 65534);
      g_assert_cmpint (st.st_gid, ==, 65534);
    }
  assert_names (fixture->dir, "map.waymark");

  if (!has_xattrs)
    {
      g_test_skip ("this file system keeps no user.* attributes");
      return;
    }
  length = getxattr (path, "user.waymark", read_value, sizeof read_value);
  g_assert_cmpint (length, ==, strlen (value));
  g_assert_true (memcmp (read_value, value, length) == 0);
}

static void
test_new_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = path_in (fixture->dir, "new.waymark");
  g_autofree char *private_path = path_in (fixture->dir, "private.waymark");
  g_autoptr(GFile) private_file = g_file_new_for_path (private_path);
  g_autoptr(GError) error = NULL;
  struct stat st;

  /* Like any editor: 0666 minus the umask (022, set in main()). */
  g_assert_true (save (path, "fresh", 5, &error));
  g_assert_no_error (error);
  assert_content (path, "fresh", 5);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);

  g_assert_true (wm_safe_file_write_contents_full (private_file, WM_SAFE_FILE_PRIVATE, "mine", 4, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (private_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  assert_names (fixture->dir, "new.waymark,private.waymark");
}

static void
test_pieces (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = path_in (fixture->dir, "map.png");
  g_autofree char *content = make_content ('p', 300 * 1000 + 7);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmSafeFile *output;

  put (path, "old", 3);
  /* Small pieces are buffered, big ones written through. */
  g_assert_true (save_in_pieces (path, content, 300 * 1000 + 7, 1000, &error));
  g_assert_no_error (error);
  assert_content (path, content, 300 * 1000 + 7);
  g_assert_true (save_in_pieces (path, content, 300 * 1000 + 7, 100 * 1000, &error));
  g_assert_no_error (error);
  assert_content (path, content, 300 * 1000 + 7);

  /* A writer dropped before its commit changes nothing. */
  output = wm_safe_file_open (file, NULL, &error);
  g_assert_no_error (error);
  wm_safe_file_write (output, "half", 4);
  wm_safe_file_free (output);
  assert_content (path, content, 300 * 1000 + 7);
  assert_names (fixture->dir, "map.png");
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = path_in (fixture->dir, "map.waymark");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WmSafeFile) output = NULL;

  put (path, "old", 3);
  output = wm_safe_file_open (file, cancellable, &error);
  g_assert_no_error (error);
  wm_safe_file_write (output, "new", 3);
  g_cancellable_cancel (cancellable);
  g_assert_false (wm_safe_file_commit (output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_content (path, "old", 3);
  assert_names (fixture->dir, "map.waymark");
}

/* --- Links ------------------------------------------------------------ */

static void
test_symlinks (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *real_dir = path_in (fixture->dir, "real");
  g_autofree char *links_dir = path_in (fixture->dir, "links");
  g_autofree char *real = path_in (real_dir, "map.waymark");
  g_autofree char *absolute = path_in (links_dir, "absolute.waymark");
  g_autofree char *relative = path_in (links_dir, "relative.waymark");
  g_autofree char *chain = path_in (links_dir, "chain.waymark");
  g_autofree char *dangling = path_in (links_dir, "dangling.waymark");
  g_autofree char *created = path_in (real_dir, "created.waymark");
  g_autofree char *loop_a = path_in (links_dir, "loop-a.waymark");
  g_autofree char *loop_b = path_in (links_dir, "loop-b.waymark");
  const char *through[] = { absolute, relative, chain };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (links_dir, 0755), ==, 0);
  put (real, "old", 3);
  g_assert_cmpint (symlink (real, absolute), ==, 0);
  g_assert_cmpint (symlink ("../real/map.waymark", relative), ==, 0);
  g_assert_cmpint (symlink ("relative.waymark", chain), ==, 0);
  g_assert_cmpint (symlink ("../real/created.waymark", dangling), ==, 0);
  g_assert_cmpint (symlink ("loop-b.waymark", loop_a), ==, 0);
  g_assert_cmpint (symlink ("loop-a.waymark", loop_b), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (through); i++)
    {
      g_autofree char *content = g_strdup_printf ("saved through link %u", i);

      g_assert_true (save (through[i], content, strlen (content), &error));
      g_assert_no_error (error);
      assert_content (real, content, strlen (content));
    }
  assert_is_link_to (absolute, real);
  assert_is_link_to (relative, "../real/map.waymark");
  assert_is_link_to (chain, "relative.waymark");

  /* A dangling link's target is created; the link stays. */
  g_assert_true (save (dangling, "created", 7, &error));
  g_assert_no_error (error);
  assert_is_link_to (dangling, "../real/created.waymark");
  assert_content (created, "created", 7);

  /* A loop is an error, and creates nothing. */
  g_assert_false (save (loop_a, "never", 5, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, g_strerror (ELOOP)));
  assert_names (links_dir, "absolute.waymark,chain.waymark,dangling.waymark,loop-a.waymark,loop-b.waymark,"
                           "relative.waymark");
  assert_names (real_dir, "created.waymark,map.waymark");
}

/* Both names of a hard link show the new content: the file is rewritten
 * in place (copy-back), so it keeps its inode. */
static void
test_hard_link (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *first = path_in (fixture->dir, "first.waymark");
  g_autofree char *second = path_in (fixture->dir, "second.waymark");
  g_autofree char *longer = make_content ('l', 200 * 1000);
  g_autoptr(GError) error = NULL;
  struct stat before, after;

  put (first, "the old content, of some length", strlen ("the old content, of some length"));
  g_assert_cmpint (link (first, second), ==, 0);
  g_assert_cmpint (stat (first, &before), ==, 0);

  g_assert_true (save (first, "short", 5, &error));
  g_assert_no_error (error);
  assert_content (first, "short", 5);
  assert_content (second, "short", 5);

  g_assert_true (save_in_pieces (second, longer, 200 * 1000, 4096, &error));
  g_assert_no_error (error);
  assert_content (first, longer, 200 * 1000);
  assert_content (second, longer, 200 * 1000);

  g_assert_cmpint (stat (first, &after), ==, 0);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_nlink, ==, 2);
  assert_names (fixture->dir, "first.waymark,second.waymark");
}

static void
test_not_regular (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *fifo = path_in (fixture->dir, "fifo.waymark");
  g_autofree char *folder = path_in (fixture->dir, "folder.waymark");
  g_autofree char *device = path_in (fixture->dir, "device.waymark");
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (symlink ("/dev/null", device), ==, 0);

  /* A pipe with no reader neither blocks nor is replaced. */
  g_assert_false (save (fifo, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));

  g_assert_false (save (folder, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_false (save (device, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  assert_is_link_to (device, "/dev/null");
  assert_names (fixture->dir, "device.waymark,fifo.waymark,folder.waymark");
}

/* Waymark's own files replace whatever has their name, never follow it. */
static void
test_private (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *victim = path_in (fixture->dir, "victim");
  g_autofree char *planted = path_in (fixture->dir, "planted.waymark");
  g_autofree char *fifo = path_in (fixture->dir, "fifo.waymark");
  g_autoptr(GFile) planted_file = g_file_new_for_path (planted);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GError) error = NULL;
  struct stat st;

  put (victim, "untouched", 9);
  g_assert_cmpint (symlink (victim, planted), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);

  g_assert_true (wm_safe_file_write_contents_full (planted_file, WM_SAFE_FILE_PRIVATE, "copy", 4, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (wm_safe_file_write_contents_full (fifo_file, WM_SAFE_FILE_PRIVATE, "copy", 4, NULL, &error));
  g_assert_no_error (error);

  assert_content (victim, "untouched", 9);
  g_assert_cmpint (lstat (planted, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  assert_content (planted, "copy", 4);
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  assert_names (fixture->dir, "fifo.waymark,planted.waymark,victim");
}

/* --- An unwritable folder --------------------------------------------- */

static void
save_in_locked_folder (gpointer data)
{
  const char *locked = data;
  g_autofree char *path = path_in (locked, "map.waymark");
  g_autofree char *new_path = path_in (locked, "new.waymark");
  g_autofree char *content = make_content ('u', 100 * 1000);
  g_autofree char *big = make_content ('b', 1000 * 1000);
  struct rlimit limit = { 64 * 1024, 64 * 1024 };
  g_autoptr(GError) error = NULL;
  struct stat before, after;

  if (getuid () == 0)
    {
      struct passwd *nobody = getpwnam ("nobody");

      if (nobody == NULL || setgroups (0, NULL) != 0 ||
          setresgid (nobody->pw_gid, nobody->pw_gid, nobody->pw_gid) != 0 ||
          setresuid (nobody->pw_uid, nobody->pw_uid, nobody->pw_uid) != 0)
        _exit (SKIP_STATUS);
    }
  /* Check that the folder really is closed to this process. */
  g_assert_cmpint (access (locked, W_OK), !=, 0);

  g_assert_cmpint (stat (path, &before), ==, 0);
  g_assert_true (save (path, content, 100 * 1000, &error));
  g_assert_no_error (error);
  assert_content (path, content, 100 * 1000);
  g_assert_true (save_in_pieces (path, "shorter", 7, 3, &error));
  g_assert_no_error (error);
  assert_content (path, "shorter", 7);
  g_assert_cmpint (stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);

  /* A new file cannot be made there at all. */
  g_assert_false (save (new_path, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  assert_names (locked, "map.waymark");

  /* Rewriting in place, a disk that fills must not cost the old file. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_assert_false (save (path, big, 1000 * 1000, &error));
  assert_content (path, "shorter", 7);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_names (locked, "map.waymark");
}

static void
test_unwritable_folder (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *locked = path_in (fixture->dir, "locked");
  g_autofree char *path = path_in (locked, "map.waymark");

  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  put (path, "old", 3);
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  /* Root may write anywhere, so the child gives up root; a user is kept
   * out by the folder's mode. */
  if (getuid () != 0)
    g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
  if (!run_in_child (save_in_locked_folder, locked))
    g_test_skip ("cannot become an unprivileged user");
  g_chmod (locked, 0755);
}

/* --- A disk that fills ------------------------------------------------ */

/* Every kind of save onto a disk with far less room than the content,
 * then one that fits. @reason is the message of the expected errno. */
static void
check_full_disk (const char *dir,
                 int         reason)
{
  g_autofree char *map = path_in (dir, "map.waymark");
  g_autofree char *hard_a = path_in (dir, "hard-a.waymark");
  g_autofree char *hard_b = path_in (dir, "hard-b.waymark");
  g_autofree char *fresh = path_in (dir, "fresh.waymark");
  g_autofree char *old = make_content ('o', 10 * 1000);
  g_autofree char *big = make_content ('n', 1000 * 1000);
  g_autofree char *fits = make_content ('f', 20 * 1000);
  g_autoptr(GError) error = NULL;

  put (map, old, 10 * 1000);
  put (hard_a, old, 10 * 1000);
  g_assert_cmpint (link (hard_a, hard_b), ==, 0);

  g_assert_false (save (map, big, 1000 * 1000, &error));
  assert_content (map, old, 10 * 1000);
  assert_names (dir, "hard-a.waymark,hard-b.waymark,map.waymark");
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, g_strerror (reason)));
  g_clear_error (&error);

  g_assert_false (save_in_pieces (map, big, 1000 * 1000, 4096, &error));
  assert_content (map, old, 10 * 1000);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  /* The hard link is rewritten in place, so the failure must be undone. */
  g_assert_false (save (hard_a, big, 1000 * 1000, &error));
  assert_content (hard_a, old, 10 * 1000);
  assert_content (hard_b, old, 10 * 1000);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  /* A new name stays absent: no fragment. */
  g_assert_false (save (fresh, big, 1000 * 1000, &error));
  assert_names (dir, "hard-a.waymark,hard-b.waymark,map.waymark");
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (save_in_pieces (fresh, big, 1000 * 1000, 4096, &error));
  assert_names (dir, "hard-a.waymark,hard-b.waymark,map.waymark");
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);

  /* What fits is saved. */
  g_assert_true (save (map, fits, 20 * 1000, &error));
  g_assert_no_error (error);
  assert_content (map, fits, 20 * 1000);
  g_assert_true (save (hard_b, fits, 20 * 1000, &error));
  g_assert_no_error (error);
  assert_content (hard_a, fits, 20 * 1000);
  assert_names (dir, "hard-a.waymark,hard-b.waymark,map.waymark");
}

static void
fill_under_size_limit (gpointer data)
{
  struct rlimit limit = { 64 * 1024, 64 * 1024 };

  /* Past the limit the kernel sends SIGXFSZ; ignored, write() fails with
   * EFBIG instead, as in main.c. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  check_full_disk (data, EFBIG);
}

static void
test_file_size_limit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_assert_true (run_in_child (fill_under_size_limit, fixture->dir));
}

static void
fill_small_tmpfs (gpointer data)
{
  g_autofree char *mount_point = path_in (data, "tmpfs");

  /* In a mount namespace of its own, the mount goes away with the child
   * however it ends. */
  if (unshare (CLONE_NEWNS) != 0 || mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    _exit (SKIP_STATUS);
  g_assert_cmpint (g_mkdir (mount_point, 0755), ==, 0);
  if (mount ("tmpfs", mount_point, "tmpfs", 0, "size=64k") != 0)
    _exit (SKIP_STATUS);
  check_full_disk (mount_point, ENOSPC);
}

static void
test_full_tmpfs (Fixture       *fixture,
                 gconstpointer  data)
{
  if (!run_in_child (fill_small_tmpfs, fixture->dir))
    g_test_skip ("mounting a tmpfs is not permitted here");
}

/* --- Kills at random points --------------------------------------------- */

#define KILL_CONTENT_SIZE (3 * 1000 * 1000)
#define KILL_ROUNDS 40

typedef struct
{
  const char *dir;
  const char *contents[2];
} KillData;

/* Saves for ever, alternating contents and ways of writing, through the
 * map's own name and through a link, and makes a new file each time. */
static void
save_until_killed (gpointer data)
{
  KillData *kill_data = data;
  g_autofree char *map = path_in (kill_data->dir, "map.waymark");
  g_autofree char *link_path = path_in (kill_data->dir, "link.waymark");
  g_autofree char *fresh = path_in (kill_data->dir, "fresh.waymark");

  for (guint i = 0;; i++)
    {
      const char *content = kill_data->contents[i % 2];

      unlink (fresh);
      save (fresh, content, KILL_CONTENT_SIZE, NULL);
      if (i % 3 == 0)
        save_in_pieces (link_path, content, KILL_CONTENT_SIZE, 8192, NULL);
      else
        save (i % 3 == 1 ? map : link_path, content, KILL_CONTENT_SIZE, NULL);
    }
}

static gboolean
is_old_or_new (const char *path,
               KillData   *kill_data,
               gboolean    may_be_absent)
{
  g_autofree char *text = NULL;
  gsize length;

  if (!g_file_get_contents (path, &text, &length, NULL))
    return may_be_absent && !g_file_test (path, G_FILE_TEST_EXISTS);
  if (length == strlen ("initial") && memcmp (text, "initial", length) == 0)
    return TRUE;
  return length == KILL_CONTENT_SIZE &&
         (memcmp (text, kill_data->contents[0], length) == 0 || memcmp (text, kill_data->contents[1], length) == 0);
}

/* Linux cannot link a file over an existing name, so between linkat()
 * and rename() (two system calls) the new content has a hidden name of
 * its own. A kill just then may leave that file, complete, never a
 * fragment; the next save removes it. Returns how many there were. */
static guint
check_leftovers (const char *dir,
                 KillData   *kill_data)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;

      if (g_str_equal (name, "map.waymark") || g_str_equal (name, "link.waymark"))
        continue;
      g_assert_true (g_str_has_prefix (name, ".map.waymark.") || g_str_has_prefix (name, ".fresh.waymark."));
      path = path_in (dir, name);
      g_assert_true (is_old_or_new (path, kill_data, FALSE));
      count++;
    }
  return count;
}

static void
test_kill (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *map = path_in (fixture->dir, "map.waymark");
  g_autofree char *link_path = path_in (fixture->dir, "link.waymark");
  g_autofree char *fresh = path_in (fixture->dir, "fresh.waymark");
  g_autofree char *a = make_content ('a', KILL_CONTENT_SIZE);
  g_autofree char *b = make_content ('b', KILL_CONTENT_SIZE);
  KillData kill_data = { fixture->dir, { a, b } };
  g_autoptr(GError) error = NULL;
  guint leftovers = 0;

  put (map, "initial", strlen ("initial"));
  g_assert_cmpint (symlink ("map.waymark", link_path), ==, 0);

  for (guint round = 0; round < KILL_ROUNDS; round++)
    {
      int status;
      pid_t pid;

      fflush (stdout);
      fflush (stderr);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          save_until_killed (&kill_data);
          _exit (0);
        }
      g_usleep (g_test_rand_int_range (0, 60 * 1000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      g_assert_true (is_old_or_new (map, &kill_data, FALSE));
      g_assert_true (is_old_or_new (fresh, &kill_data, TRUE));
      assert_is_link_to (link_path, "map.waymark");
      unlink (fresh);
      leftovers += check_leftovers (fixture->dir, &kill_data);
    }
  g_test_message ("a complete hidden copy was there after %u of %u kills", leftovers, KILL_ROUNDS);

  g_assert_true (save (link_path, a, KILL_CONTENT_SIZE, &error));
  g_assert_no_error (error);
  assert_names (fixture->dir, "link.waymark,map.waymark");
}

/* --- The recovery folder ----------------------------------------------- */

static char *
recovery_directory_path (void)
{
  g_autoptr(GFile) directory = wm_recovery_get_directory ();

  return g_file_get_path (directory);
}

static void
test_recovery_private_folder (void)
{
  g_autofree char *directory = recovery_directory_path ();
  g_autofree char *copy = path_in (directory, "private-test.waymark");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (g_mkdir_with_parents (directory, 0755), ==, 0);
  g_assert_cmpint (g_chmod (directory, 0755), ==, 0);

  g_assert_true (wm_recovery_write ("private-test", "{}", 2, "Title", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (directory, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
  g_assert_cmpint (stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);
  assert_content (copy, "{}", 2);
  wm_recovery_remove ("private-test");

  /* Loosened while running: listing tightens it again. */
  g_assert_cmpint (g_chmod (directory, 0755), ==, 0);
  entries = wm_recovery_list_orphans ();
  g_assert_cmpint (stat (directory, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0700);
}

static void
list_with_hostile_entries (gpointer data)
{
  g_autoptr(GPtrArray) entries = NULL;
  WmRecoveryEntry *entry;

  /* A hang is a failure, not a stuck test suite. */
  alarm (30);
  entries = wm_recovery_list_orphans ();
  alarm (0);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->id, ==, "good");
  g_assert_cmpstr (entry->title, ==, "Good");
}

static void
put_description (const char *directory,
                 const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = path_in (directory, name);
  /* A session that never held a lock: ended. */
  g_autofree char *text = g_strdup_printf ("{\"session\": \"00000000-0000-4000-8000-000000000000\", "
                                           "\"title\": \"%s\", \"written\": \"2026-01-02T03:04:05Z\"}",
                                           g_str_equal (id, "good") ? "Good" : id);

  put (path, text, strlen (text));
}

static void
test_recovery_hostile_entries (void)
{
  g_autofree char *directory = recovery_directory_path ();
  g_autofree char *elsewhere = NULL;
  g_autofree char *big = make_content (' ', 1000 * 1000);
  struct
  {
    const char *name;
    const char *kind;
  } planted[] = {
    { "fifo-description.json", "fifo" },
    { "zero-description.json", "zero" },
    { "folder-description.json", "folder" },
    { "folder-copy.waymark", "folder" },
    { "fifo-copy.waymark", "fifo" },
    { "zero-copy.waymark", "zero" },
    { "link-copy.waymark", "link" },
    { "session-11111111-1111-4111-8111-111111111111.lock", "fifo" },
  };

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  elsewhere = path_in (directory, "../elsewhere.waymark");
  put (elsewhere, "{}", 2);

  for (guint i = 0; i < G_N_ELEMENTS (planted); i++)
    {
      g_autofree char *path = path_in (directory, planted[i].name);

      if (g_str_equal (planted[i].kind, "fifo"))
        g_assert_cmpint (mkfifo (path, 0600), ==, 0);
      else if (g_str_equal (planted[i].kind, "zero"))
        g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
      else if (g_str_equal (planted[i].kind, "link"))
        g_assert_cmpint (symlink (elsewhere, path), ==, 0);
      else
        g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
    }
  put_description (directory, "folder-copy");
  put_description (directory, "fifo-copy");
  put_description (directory, "zero-copy");
  put_description (directory, "link-copy");
  put_description (directory, "good");
  {
    g_autofree char *good_copy = path_in (directory, "good.waymark");
    g_autofree char *huge = path_in (directory, "huge.json");
    g_autofree char *huge_copy = path_in (directory, "huge.waymark");

    put (good_copy, "{}", 2);
    /* A description past the size cap. */
    big[0] = '{';
    big[1000 * 1000 - 1] = '}';
    put (huge, big, 1000 * 1000);
    put (huge_copy, "{}", 2);
  }

  g_assert_true (run_in_child (list_with_hostile_entries, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = NULL;

  g_test_init (&argc, &argv, NULL);
  umask (022);

  /* The recovery tests fill the recovery folder with pipes and links: a
   * state folder of their own, before anything reads the variable. */
  state = g_dir_make_tmp ("waymark-state-XXXXXX", NULL);
  g_assert_nonnull (state);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  g_test_add ("/safe-file/regular", Fixture, NULL, fixture_set_up, test_regular_file, fixture_tear_down);
  g_test_add ("/safe-file/new-file", Fixture, NULL, fixture_set_up, test_new_file, fixture_tear_down);
  g_test_add ("/safe-file/pieces", Fixture, NULL, fixture_set_up, test_pieces, fixture_tear_down);
  g_test_add ("/safe-file/cancelled", Fixture, NULL, fixture_set_up, test_cancelled, fixture_tear_down);
  g_test_add ("/safe-file/symlinks", Fixture, NULL, fixture_set_up, test_symlinks, fixture_tear_down);
  g_test_add ("/safe-file/hard-link", Fixture, NULL, fixture_set_up, test_hard_link, fixture_tear_down);
  g_test_add ("/safe-file/not-regular", Fixture, NULL, fixture_set_up, test_not_regular, fixture_tear_down);
  g_test_add ("/safe-file/private", Fixture, NULL, fixture_set_up, test_private, fixture_tear_down);
  g_test_add ("/safe-file/unwritable-folder", Fixture, NULL, fixture_set_up, test_unwritable_folder,
              fixture_tear_down);
  g_test_add ("/safe-file/file-size-limit", Fixture, NULL, fixture_set_up, test_file_size_limit,
              fixture_tear_down);
  g_test_add ("/safe-file/full-tmpfs", Fixture, NULL, fixture_set_up, test_full_tmpfs, fixture_tear_down);
  g_test_add ("/safe-file/kill", Fixture, NULL, fixture_set_up, test_kill, fixture_tear_down);
  g_test_add_func ("/recovery/private-folder", test_recovery_private_folder);
  g_test_add_func ("/recovery/hostile-entries", test_recovery_hostile_entries);

  {
    int status = g_test_run ();

    remove_tree (state);
    return status;
  }
}
