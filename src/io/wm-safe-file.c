/* wm-safe-file.c: every file Waymark writes goes through here, so that a
 * failed or interrupted write leaves the previous file as it was.
 *
 * The target is first resolved through symbolic links (chains, relative
 * links; a dangling link's target is created), so a link stays a link and
 * the file it points to gets the new content. Then one of three ways:
 *
 * Rename (the normal case). The new content goes to a temporary file in
 * the resolved target's folder, preferably an unnamed one (O_TMPFILE), so
 * that a process killed while writing leaves nothing behind. The temporary
 * file gets the old file's owner and group (when the process may set
 * them), mode and extended attributes, or 0666 minus the umask for a new
 * file; it is fsync()ed, then given its name: a new file is linked under
 * its final name in one step, an existing one is replaced by rename(). The
 * folder is fsync()ed last. The target therefore always holds the complete
 * old or the complete new content, and a new file appears only complete.
 * One window remains: Linux cannot link a file over an existing name, so
 * replacing an existing file takes a linkat() of the unnamed file to a
 * hidden ".NAME.XXXXXX" and a rename() of that over the target, two
 * system calls in a row; a kill between them leaves that hidden file,
 * holding the complete new content, beside an intact target. The next
 * successful save of the same file removes it. Where O_TMPFILE is not
 * supported, a named hidden temporary file (O_EXCL, 0600) is used from
 * the start, removed on every failure; a kill during the write leaves it
 * until the next save.
 *
 * Copy-back. A hard link (a file with several names) must keep its inode,
 * or the other names would keep the old content; a file in a folder where
 * the process cannot create files has no place for a temporary file. For
 * these the new content is staged in memory in full first; then the old
 * content is read, the space for the longer of the two is reserved with
 * fallocate(FALLOC_FL_KEEP_SIZE), which fails with the file untouched on
 * a full disk or quota; only then is the new content written in place
 * (never truncating first), the file cut to its new length and fsync()ed.
 * Any error on the way writes the old bytes back and restores the old
 * length. Where fallocate() is not supported the write is attempted
 * anyway and undone the same way on failure. What this cannot guarantee:
 * a kill (or a power cut) during the in-place pwrite()/ftruncate(), a
 * single write of data already in memory, leaves a mix of old and new.
 * That is the one remaining window, kept as short as the write itself.
 *
 * GIO. Files with no local path (gvfs URIs) go through g_file_replace().
 * A failed write must not be followed by a plain close, which would still
 * put a truncated file in place (g_file_replace_contents() does exactly
 * that in GLib 2.74), so an abandoned file is closed with a cancelled
 * cancellable, which deletes the temporary file instead.
 *
 * Errors carry the reason ("No space left on device"); callers name the
 * file. A write past RLIMIT_FSIZE fails with EFBIG, reported like a full
 * disk, provided the process ignores SIGXFSZ (main.c does).
 *
 * Copyright 2026 The Waymark developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "wm-safe-file"

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "wm-safe-file.h"

/* As many hops as the kernel follows (MAXSYMLINKS). */
#define MAX_LINK_HOPS 40
/* cairo and libpng write in small pieces. */
#define BUFFER_SIZE (64 * 1024)
/* Keeps ".NAME.XXXXXX" within NAME_MAX. */
#define MAX_TEMP_STEM 200
#define TEMP_NAME_ATTEMPTS 100

typedef enum
{
  STRATEGY_RENAME,
  STRATEGY_COPY_BACK,
  STRATEGY_GIO,
} Strategy;

struct _WmSafeFile
{
  Strategy strategy;
  WmSafeFileFlags flags;
  GCancellable *cancellable;
  GError *error;              /* the first write error, kept for commit */
  gboolean finished;          /* committed or abandoned */

  GFileOutputStream *stream;  /* GIO */

  char *target;               /* the resolved path */
  int target_fd;              /* the existing target, read-write; -1 if new */
  int fd;                     /* rename: the temporary file */
  char *temp_path;            /* its name; NULL while it has none */
  gboolean linked_as_target;  /* a new file linked straight to its name */
  guint8 *buffer;
  gsize buffered;
  GByteArray *staged;         /* copy-back: the whole new content */
};

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  /* A quota or the file size limit is a full disk to the user. */
  if (saved_errno == EFBIG || saved_errno == EDQUOT)
    code = G_IO_ERROR_NO_SPACE;
  g_set_error_literal (error, G_IO_ERROR, code, g_strerror (saved_errno));
}

static int
write_all (int           fd,
           const guint8 *data,
           gsize         length,
           off_t         offset)
{
  while (length > 0)
    {
      gssize written = offset < 0 ? write (fd, data, MIN (length, G_MAXSSIZE))
                                  : pwrite (fd, data, MIN (length, G_MAXSSIZE), offset);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return errno;
        }
      data += written;
      length -= written;
      if (offset >= 0)
        offset += written;
    }
  return 0;
}

/* Reads up to @length bytes from the start; *@got says how many there were. */
static int
read_all (int     fd,
          guint8 *data,
          gsize   length,
          gsize  *got)
{
  *got = 0;
  while (*got < length)
    {
      gssize n = pread (fd, data + *got, length - *got, *got);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return errno;
        }
      if (n == 0)
        break;
      *got += n;
    }
  return 0;
}

/* Follows @path through symbolic links to the file that holds the
 * content, or to the name a dangling link points to. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops <= MAX_LINK_HOPS; hops++)
    {
      char link[PATH_MAX];
      struct stat st;
      gssize length;

      if (lstat (current, &st) != 0)
        {
          if (errno == ENOENT)
            return g_steal_pointer (&current);
          set_errno_error (error, errno);
          return NULL;
        }
      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      length = readlink (current, link, sizeof link);
      if (length < 0 || (gsize) length >= sizeof link)
        {
          set_errno_error (error, length < 0 ? errno : ENAMETOOLONG);
          return NULL;
        }
      link[length] = '\0';
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_strdup (link);
        }
      else
        {
          g_autofree char *directory = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (directory, link, NULL);
        }
    }
  set_errno_error (error, ELOOP);
  return NULL;
}

/* The folder/.NAME.SUFFIX name of a temporary file for @target. */
static char *
temp_name (const char *target,
           const char *suffix)
{
  g_autofree char *directory = g_path_get_dirname (target);
  g_autofree char *basename = g_path_get_basename (target);
  g_autofree char *name = NULL;

  if (strlen (basename) > MAX_TEMP_STEM)
    basename[MAX_TEMP_STEM] = '\0';
  name = g_strdup_printf (".%s.%s", basename, suffix);
  return g_build_filename (directory, name, NULL);
}

/* Opens the existing target, which must be a regular file the process may
 * write; a missing one is a new file. */
static gboolean
open_target (WmSafeFile  *self,
             GError     **error)
{
  struct stat st;

  if (self->flags & WM_SAFE_FILE_PRIVATE)
    {
      /* Whatever has the name is replaced, except a folder. */
      if (lstat (self->target, &st) == 0 && S_ISDIR (st.st_mode))
        {
          set_errno_error (error, EISDIR);
          return FALSE;
        }
      return TRUE;
    }

  /* O_NONBLOCK: a pipe put there must not block the save. */
  self->target_fd = open (self->target, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (self->target_fd < 0)
    {
      if (errno == ENOENT)
        return TRUE;
      set_errno_error (error, errno);
      return FALSE;
    }
  if (fstat (self->target_fd, &st) != 0)
    {
      set_errno_error (error, errno);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("Not a regular file"));
      return FALSE;
    }
  if (st.st_nlink > 1)
    self->strategy = STRATEGY_COPY_BACK;
  return TRUE;
}

/* Creates the temporary file beside the target; returns 0 or an errno. */
static int
create_temp (WmSafeFile *self)
{
  g_autofree char *directory = g_path_get_dirname (self->target);
  g_autofree char *template = NULL;

#ifdef O_TMPFILE
  /* An unnamed file needs /proc to be given a name later. */
  if (g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    {
      self->fd = open (directory, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
      if (self->fd >= 0)
        return 0;
      /* Only these say that the file system cannot do it. */
      if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        return errno;
    }
#endif

  template = temp_name (self->target, "XXXXXX");
  self->fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0600);
  if (self->fd < 0)
    return errno;
  self->temp_path = g_steal_pointer (&template);
  return 0;
}

static gboolean
open_native (WmSafeFile  *self,
             const char  *path,
             GError     **error)
{
  int saved_errno;

  self->target = self->flags & WM_SAFE_FILE_PRIVATE ? g_strdup (path) : resolve_links (path, error);
  if (self->target == NULL || !open_target (self, error))
    return FALSE;
  if (self->strategy == STRATEGY_COPY_BACK)
    {
      self->staged = g_byte_array_new ();
      return TRUE;
    }

  saved_errno = create_temp (self);
  if (saved_errno == 0)
    {
      self->buffer = g_malloc (BUFFER_SIZE);
      return TRUE;
    }
  /* A folder the process may not create files in, with a file it may
   * write: the file can only be rewritten where it is. */
  if ((saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS) && self->target_fd >= 0)
    {
      self->strategy = STRATEGY_COPY_BACK;
      self->staged = g_byte_array_new ();
      return TRUE;
    }
  set_errno_error (error, saved_errno);
  return FALSE;
}

/**
 * wm_safe_file_open_full:
 * @file: the file to replace or create
 * @flags: whose file it is
 * @cancellable: (nullable): a cancellable
 * @error: return location for a #GError
 *
 * Starts writing @file. Nothing is visible under its name until
 * wm_safe_file_commit() succeeds.
 *
 * Returns: (transfer full) (nullable): a writer, or %NULL with @error set
 *   when the file cannot be written at all
 */
static WmSafeFile *
wm_safe_file_open_full (GFile            *file,
                        WmSafeFileFlags   flags,
                        GCancellable     *cancellable,
                        GError          **error)
{
  const char *path;
  WmSafeFile *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_peek_path (file);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self = g_new0 (WmSafeFile, 1);
  self->flags = flags;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->target_fd = -1;
  self->fd = -1;

  if (path == NULL)
    {
      self->strategy = STRATEGY_GIO;
      self->stream = g_file_replace (file, NULL, FALSE,
                                     flags & WM_SAFE_FILE_PRIVATE ? G_FILE_CREATE_PRIVATE : G_FILE_CREATE_NONE,
                                     cancellable, error);
      if (self->stream != NULL)
        return self;
    }
  else if (open_native (self, path, error))
    return self;

  self->finished = TRUE;
  wm_safe_file_free (self);
  return NULL;
}

/**
 * wm_safe_file_open:
 * @file: the file to replace or create
 *
 * wm_safe_file_open_full() for a user's file.
 *
 * Returns: (transfer full) (nullable): a writer, or %NULL with @error set
 */
WmSafeFile *
wm_safe_file_open (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return wm_safe_file_open_full (file, WM_SAFE_FILE_NONE, cancellable, error);
}

static gboolean
flush_buffer (WmSafeFile *self)
{
  int saved_errno;

  if (self->buffered == 0)
    return TRUE;
  saved_errno = write_all (self->fd, self->buffer, self->buffered, -1);
  self->buffered = 0;
  if (saved_errno != 0)
    {
      set_errno_error (&self->error, saved_errno);
      return FALSE;
    }
  return TRUE;
}

/* Appends @data. After the first failure, further writes do nothing and
 * the failure is reported by wm_safe_file_commit(); this suits callbacks
 * (cairo's, libpng's) that cannot carry a GError. */
gboolean
wm_safe_file_write (WmSafeFile *self,
                    const void *data,
                    gsize       length)
{
  int saved_errno;

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);

  if (self->error != NULL || g_cancellable_set_error_if_cancelled (self->cancellable, &self->error))
    return FALSE;

  switch (self->strategy)
    {
    case STRATEGY_GIO:
      return g_output_stream_write_all (G_OUTPUT_STREAM (self->stream), data, length, NULL,
                                        self->cancellable, &self->error);

    case STRATEGY_COPY_BACK:
      if (length > G_MAXUINT - self->staged->len)
        {
          set_errno_error (&self->error, EFBIG);
          return FALSE;
        }
      g_byte_array_append (self->staged, data, length);
      return TRUE;

    case STRATEGY_RENAME:
    default:
      if (self->buffered + length > BUFFER_SIZE && !flush_buffer (self))
        return FALSE;
      if (length < BUFFER_SIZE)
        {
          memcpy (self->buffer + self->buffered, data, length);
          self->buffered += length;
          return TRUE;
        }
      saved_errno = write_all (self->fd, data, length, -1);
      if (saved_errno != 0)
        {
          set_errno_error (&self->error, saved_errno);
          return FALSE;
        }
      return TRUE;
    }
}

/* Whether a write has failed; if so, @error gets a copy of the reason. */
gboolean
wm_safe_file_get_failed (WmSafeFile  *self,
                         GError     **error)
{
  if (self->error == NULL)
    return FALSE;
  if (error != NULL)
    *error = g_error_copy (self->error);
  return TRUE;
}

/* Leaves the target as it was and removes what was written. */
static void
abandon (WmSafeFile *self)
{
  self->finished = TRUE;
  if (self->stream != NULL && !g_output_stream_is_closed (G_OUTPUT_STREAM (self->stream)))
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (self->stream), cancelled, NULL);
    }
  if (self->fd >= 0)
    close (self->fd);
  self->fd = -1;
  if (self->temp_path != NULL)
    unlink (self->temp_path);
  g_clear_pointer (&self->temp_path, g_free);
  if (self->linked_as_target)
    unlink (self->target);
  self->linked_as_target = FALSE;
}

static mode_t
get_umask (void)
{
  g_autofree char *status = NULL;
  const char *line;

  /* umask() can only be read by changing it, which races with other
   * threads creating files; Linux shows it here. */
  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "\nUmask:")) != NULL)
    return strtoul (line + strlen ("\nUmask:"), NULL, 8) & 0777;
  return 022;
}

/* Attributes this process may not set (security labels, trusted.*) or
 * that the file system does not keep are left out rather than failing the
 * save. */
static gboolean
can_skip_xattr (int saved_errno)
{
  return saved_errno == ENOTSUP || saved_errno == EPERM || saved_errno == EACCES;
}

static int
copy_xattrs (int from,
             int to)
{
  g_autofree char *names = NULL;
  gssize size = flistxattr (from, NULL, 0);

  if (size <= 0)
    return size == 0 || can_skip_xattr (errno) ? 0 : errno;
  names = g_malloc (size);
  size = flistxattr (from, names, size);
  if (size < 0)
    return can_skip_xattr (errno) || errno == ERANGE ? 0 : errno;

  for (const char *name = names; name < names + size; name += strlen (name) + 1)
    {
      g_autofree char *value = NULL;
      gssize value_size = fgetxattr (from, name, NULL, 0);

      if (value_size < 0)
        continue;
      value = g_malloc (MAX (value_size, 1));
      value_size = fgetxattr (from, name, value, value_size);
      if (value_size < 0)
        continue;
      if (fsetxattr (to, name, value, value_size, 0) != 0 && !can_skip_xattr (errno))
        return errno;
    }
  return 0;
}

/* Gives the temporary file what the replaced file had. */
static int
copy_metadata (WmSafeFile *self)
{
  struct stat st;

  if (self->flags & WM_SAFE_FILE_PRIVATE)
    return fchmod (self->fd, 0600) == 0 ? 0 : errno;
  if (self->target_fd < 0)
    return fchmod (self->fd, 0666 & ~get_umask ()) == 0 ? 0 : errno;

  if (fstat (self->target_fd, &st) != 0)
    return errno;
  /* Only root may give a file away; a user may still set one of their
   * groups. chown clears set-id bits, so the mode comes after. */
  if (fchown (self->fd, st.st_uid, st.st_gid) != 0)
    {
      if (errno != EPERM)
        return errno;
      if (fchown (self->fd, (uid_t) -1, st.st_gid) != 0 && errno != EPERM)
        return errno;
    }
  if (fchmod (self->fd, st.st_mode & 07777) != 0)
    return errno;
  /* After the mode: an access ACL (system.posix_acl_access) sets the
   * group bits of the mode too. */
  return copy_xattrs (self->target_fd, self->fd);
}

/* Gives the unnamed temporary file a name: the final one for a new file,
 * else a hidden one to rename() over the target. */
static int
link_unnamed (WmSafeFile *self)
{
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", self->fd);

  if (self->target_fd < 0)
    {
      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, self->target, AT_SYMLINK_FOLLOW) == 0)
        {
          self->linked_as_target = TRUE;
          return 0;
        }
      if (errno != EEXIST)
        return errno;
    }

  for (guint i = 0; i < TEMP_NAME_ATTEMPTS; i++)
    {
      g_autofree char *suffix = g_strdup_printf ("%06X", g_random_int_range (0, 0x1000000));
      g_autofree char *name = temp_name (self->target, suffix);

      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0)
        {
          self->temp_path = g_steal_pointer (&name);
          return 0;
        }
      if (errno != EEXIST)
        return errno;
    }
  return EEXIST;
}

static void
sync_directory (const char *path)
{
  g_autofree char *directory = g_path_get_dirname (path);
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* The rename is done; a file system that cannot sync a folder still
   * has the file. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static gboolean
is_temp_name (const char *name,
              const char *prefix)
{
  gsize prefix_length = strlen (prefix);

  if (strncmp (name, prefix, prefix_length) != 0 || strlen (name + prefix_length) != 6)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isalnum (name[prefix_length + i]))
      return FALSE;
  return TRUE;
}

/* A kill between linkat() and rename() leaves a complete hidden copy of
 * what was being saved; the next successful save of the same file
 * removes it. (A Waymark saving the same file at that very moment then
 * fails to rename and reports it; nothing is lost.) */
static void
remove_leftovers (const char *target)
{
  g_autofree char *directory = g_path_get_dirname (target);
  g_autofree char *basename = g_path_get_basename (target);
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  if (strlen (basename) > MAX_TEMP_STEM)
    basename[MAX_TEMP_STEM] = '\0';
  prefix = g_strdup_printf (".%s.", basename);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_temp_name (name, prefix))
      {
        g_autofree char *path = g_build_filename (directory, name, NULL);

        unlink (path);
      }
}

static gboolean
commit_rename (WmSafeFile  *self,
               GError     **error)
{
  int saved_errno = 0;

  if (!flush_buffer (self))
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  saved_errno = copy_metadata (self);
  if (saved_errno == 0 && fsync (self->fd) != 0)
    saved_errno = errno;
  if (saved_errno == 0 && self->temp_path != NULL)
    {
      /* A named file is closed before it replaces the target: network
       * file systems report write errors on close. */
      if (close (self->fd) != 0)
        saved_errno = errno;
      self->fd = -1;
    }
  else if (saved_errno == 0)
    saved_errno = link_unnamed (self);
  /* An unnamed file (local file systems only) is closed after, so that
   * it has a name of its own for no longer than this. */
  if (saved_errno == 0 && !self->linked_as_target && rename (self->temp_path, self->target) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      set_errno_error (error, saved_errno);
      return FALSE;
    }

  g_clear_pointer (&self->temp_path, g_free);
  self->linked_as_target = FALSE;
  sync_directory (self->target);
  remove_leftovers (self->target);
  return TRUE;
}

/* Reserves the blocks the new content needs without changing the file,
 * so that a full disk or quota is found before anything is overwritten. */
static int
reserve_space (int   fd,
               off_t length)
{
  if (length == 0)
    return 0;
  while (fallocate (fd, FALLOC_FL_KEEP_SIZE, 0, length) != 0)
    {
      if (errno == EINTR)
        continue;
      /* Not supported here: the writes below may still fail, and are then
       * undone. */
      if (errno == EOPNOTSUPP || errno == ENOSYS)
        return 0;
      return errno;
    }
  return 0;
}

/* Never truncates first: the new bytes go over the old ones, then the
 * file is cut to length. */
static int
rewrite_in_place (int           fd,
                  const guint8 *data,
                  gsize         length)
{
  int saved_errno = write_all (fd, data, length, 0);

  if (saved_errno == 0 && ftruncate (fd, length) != 0)
    saved_errno = errno;
  if (saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  return saved_errno;
}

static gboolean
commit_copy_back (WmSafeFile  *self,
                  GError     **error)
{
  const guint8 *new_data = self->staged->data;
  gsize new_length = self->staged->len;
  g_autofree guint8 *old_data = NULL;
  gsize old_length;
  struct stat st;
  int saved_errno;
  int restore_errno = 0;

  /* The whole old content is kept: once the file is cut to a shorter
   * length, its tail exists nowhere else. */
  if (fstat (self->target_fd, &st) != 0)
    {
      set_errno_error (error, errno);
      return FALSE;
    }
  old_data = g_try_malloc (MAX (st.st_size, 1));
  if (old_data == NULL)
    {
      set_errno_error (error, ENOMEM);
      return FALSE;
    }
  saved_errno = read_all (self->target_fd, old_data, st.st_size, &old_length);
  if (saved_errno == 0)
    saved_errno = reserve_space (self->target_fd, MAX (old_length, new_length));
  if (saved_errno != 0)
    {
      set_errno_error (error, saved_errno);
      return FALSE;
    }

  /* From here until fsync() returns, the file is changed in place: the
   * only moment a kill leaves a mix of old and new content. */
  saved_errno = rewrite_in_place (self->target_fd, new_data, new_length);
  if (saved_errno == 0)
    {
      remove_leftovers (self->target);
      return TRUE;
    }

  /* The old blocks are allocated already, so writing the old bytes back
   * needs no new space. */
  restore_errno = rewrite_in_place (self->target_fd, old_data, old_length);
  if (restore_errno == 0)
    set_errno_error (error, saved_errno);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 /* Translators: both %s are reasons, such as "No space left on device". */
                 _("%s, and the previous content could not be put back: %s"),
                 g_strerror (saved_errno), g_strerror (restore_errno));
  return FALSE;
}

/**
 * wm_safe_file_commit:
 *
 * Puts the written file in place, unless a write failed: then the
 * temporary file is removed, the target is left as it was, and the
 * write's error is returned.
 */
gboolean
wm_safe_file_commit (WmSafeFile  *self,
                     GError     **error)
{
  gboolean done;

  g_return_val_if_fail (self != NULL && !self->finished, FALSE);

  if (self->error == NULL)
    g_cancellable_set_error_if_cancelled (self->cancellable, &self->error);
  if (self->error != NULL)
    {
      abandon (self);
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  switch (self->strategy)
    {
    case STRATEGY_GIO:
      self->finished = TRUE;
      return g_output_stream_close (G_OUTPUT_STREAM (self->stream), self->cancellable, error);
    case STRATEGY_COPY_BACK:
      done = commit_copy_back (self, error);
      break;
    case STRATEGY_RENAME:
    default:
      done = commit_rename (self, error);
      break;
    }
  if (!done)
    abandon (self);
  self->finished = TRUE;
  return done;
}

/* Freeing a writer that was not committed abandons the file. */
void
wm_safe_file_free (WmSafeFile *self)
{
  if (self == NULL)
    return;
  if (!self->finished)
    abandon (self);
  if (self->fd >= 0)
    close (self->fd);
  if (self->target_fd >= 0)
    close (self->target_fd);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self->target);
  g_free (self->temp_path);
  g_free (self->buffer);
  g_clear_pointer (&self->staged, g_byte_array_unref);
  g_free (self);
}

/**
 * wm_safe_file_write_contents_full:
 *
 * Writes @data to @file in one go; see wm_safe_file_open_full().
 *
 * Returns: %TRUE on success
 */
gboolean
wm_safe_file_write_contents_full (GFile            *file,
                                  WmSafeFileFlags   flags,
                                  const void       *data,
                                  gsize             length,
                                  GCancellable     *cancellable,
                                  GError          **error)
{
  g_autoptr(WmSafeFile) self = wm_safe_file_open_full (file, flags, cancellable, error);

  if (self == NULL)
    return FALSE;
  wm_safe_file_write (self, data, length);
  return wm_safe_file_commit (self, error);
}

gboolean
wm_safe_file_write_contents (GFile         *file,
                             const void    *data,
                             gsize          length,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return wm_safe_file_write_contents_full (file, WM_SAFE_FILE_NONE, data, length, cancellable, error);
}
