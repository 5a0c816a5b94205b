#define _GNU_SOURCE
#include "CTempFile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const int guarded[] = {SIGINT, SIGTERM, SIGHUP};
enum { guardedCount = sizeof(guarded) / sizeof(guarded[0]) };

static char recorded[PATH_MAX];
static atomic_int armed;
/// Set while the calling thread names or renames the file; a handler on another thread then leaves the signal here.
static atomic_int busy;
static atomic_int pending;
static struct sigaction previous[guardedCount];
static int installed[guardedCount];
/// Held from ctempfile_install to ctempfile_uninstall: one write at a time, whatever the threads.
static pthread_mutex_t writing = PTHREAD_MUTEX_INITIALIZER;

static void cleanup_and_reraise(int signal_number) {
    if (atomic_exchange(&armed, 0)) unlink(recorded);
    for (int i = 0; i < guardedCount; i++) {
        if (guarded[i] == signal_number) sigaction(signal_number, &previous[i], NULL);
    }
    raise(signal_number);
}

static void handler(int signal_number) {
    if (atomic_load(&busy)) {
        atomic_store(&pending, signal_number);
        return;
    }
    int saved = errno;
    cleanup_and_reraise(signal_number);
    errno = saved;
}

static void enter(sigset_t *old) {
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < guardedCount; i++) sigaddset(&set, guarded[i]);
    pthread_sigmask(SIG_BLOCK, &set, old);
    atomic_store(&busy, 1);
}

static void leave(const sigset_t *old) {
    atomic_store(&busy, 0);
    int deferred = atomic_exchange(&pending, 0);
    if (deferred) cleanup_and_reraise(deferred);
    pthread_sigmask(SIG_SETMASK, old, NULL);
}

static int fits(const char *path) {
    if (strlen(path) < sizeof(recorded)) return 1;
    errno = ENAMETOOLONG;
    return 0;
}

static void record(const char *path) {
    memcpy(recorded, path, strlen(path) + 1);
    atomic_store(&armed, 1);
}

int ctempfile_install(void) {
    pthread_mutex_lock(&writing);
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = handler;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < guardedCount; i++) sigaddset(&action.sa_mask, guarded[i]);
    for (int i = 0; i < guardedCount; i++) installed[i] = 0;
    int failed = 0;
    for (int i = 0; i < guardedCount && !failed; i++) {
        if (sigaction(guarded[i], NULL, &previous[i]) != 0) {
            failed = 1;
        } else if (previous[i].sa_handler != SIG_IGN) {
            if (sigaction(guarded[i], &action, NULL) != 0) failed = 1;
            else installed[i] = 1;
        }
    }
    if (!failed) return 0;
    int saved = errno;
    ctempfile_uninstall();
    errno = saved;
    return -1;
}

void ctempfile_uninstall(void) {
    for (int i = 0; i < guardedCount; i++) {
        if (installed[i]) sigaction(guarded[i], &previous[i], NULL);
        installed[i] = 0;
    }
    pthread_mutex_unlock(&writing);
}

int ctempfile_open_unnamed(const char *directory, mode_t mode) {
    return open(directory, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
}

int ctempfile_link_unnamed(int fd, const char *path) {
    if (!fits(path)) return -1;
    char procPath[64];
    snprintf(procPath, sizeof(procPath), "/proc/self/fd/%d", fd);
    sigset_t old;
    enter(&old);
    int result = linkat(AT_FDCWD, procPath, AT_FDCWD, path, AT_SYMLINK_FOLLOW);
    int saved = errno;
    if (result == 0) record(path);
    leave(&old);
    errno = saved;
    return result;
}

int ctempfile_make_named(char *template_path) {
    if (!fits(template_path)) return -1;
    sigset_t old;
    enter(&old);
    int fd = mkostemp(template_path, O_CLOEXEC);
    int saved = errno;
    if (fd >= 0) record(template_path);
    leave(&old);
    errno = saved;
    return fd;
}

int ctempfile_commit(const char *path) {
    if (!atomic_load(&armed)) {
        errno = ENOENT;
        return -1;
    }
    sigset_t old;
    enter(&old);
    int result = rename(recorded, path);
    int saved = errno;
    if (result == 0) atomic_store(&armed, 0);
    leave(&old);
    errno = saved;
    return result;
}

void ctempfile_discard(void) {
    sigset_t old;
    enter(&old);
    if (atomic_exchange(&armed, 0)) unlink(recorded);
    leave(&old);
}
