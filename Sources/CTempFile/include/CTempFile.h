#ifndef CTEMPFILE_H
#define CTEMPFILE_H

#include <sys/types.h>

/// The temporary file of an atomic write, kept so that SIGINT, SIGTERM and SIGHUP never leave it behind.
///
/// One write at a time per process (a mutex makes other threads wait). The path of the named temporary file lives in a static buffer; the signal handler
/// calls only unlink(2), sigaction(2) and raise(3), all async-signal-safe, then re-raises the signal with the disposition
/// it had before, so the exit status is the one the signal would have given. Signals that were ignored (nohup) stay
/// ignored. Naming and renaming run with the signals blocked on the calling thread, and a handler that runs on another
/// thread meanwhile defers to the end of that section, so the path recorded is always the file that exists.

/// Starts a write: waits for any other thread's write to end, then installs the handlers for SIGINT, SIGTERM and SIGHUP
/// (keeping ignored ones ignored). Returns 0, or -1 with errno (nothing is then held).
int ctempfile_install(void);

/// Ends a write: restores the dispositions saved by ctempfile_install and lets the next write start.
void ctempfile_uninstall(void);

/// open(2) of an unnamed file in `directory` with O_TMPFILE | O_WRONLY | O_CLOEXEC: a macro Swift cannot import.
/// Returns the descriptor, or -1 with errno (EOPNOTSUPP, EISDIR or EINVAL where the file system lacks O_TMPFILE).
int ctempfile_open_unnamed(const char *directory, mode_t mode);

/// Gives the unnamed file `fd` the name `path` with linkat(2) of /proc/self/fd/N and AT_SYMLINK_FOLLOW, and records the
/// name for the handlers, with the signals blocked. Returns 0, or -1 with errno (ENOENT when /proc is not mounted).
int ctempfile_link_unnamed(int fd, const char *path);

/// mkostemp(3) with O_CLOEXEC of `template` (ending in XXXXXX, filled in place), recording the name for the handlers,
/// with the signals blocked. Returns the descriptor, or -1 with errno.
int ctempfile_make_named(char *template_path);

/// rename(2) of the recorded temporary file to `path`, forgetting it, with the signals blocked. Returns 0, or -1 with
/// errno (the file is then still recorded: call ctempfile_discard).
int ctempfile_commit(const char *path);

/// Unlinks the recorded temporary file, if any, and forgets it.
void ctempfile_discard(void);

#endif
