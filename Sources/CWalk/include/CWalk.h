#ifndef CWALK_H
#define CWALK_H

#include <stddef.h>

/// Reads directory entries with getdents64(2) into `buffer` (records of struct linux_dirent64).
/// Returns the number of bytes read, 0 at the end of the directory, or -1 with errno set.
/// A shim because Swift cannot call the variadic syscall(2) and glibc's getdents64 wrapper is not imported.
long cwalk_getdents64(int fd, void *buffer, size_t length);

/// Opens the directory `path` (relative, several components) below `dirfd` with openat2(2), refusing every symlink
/// on the way and any path that would leave `dirfd` (RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS).
/// Returns the descriptor, or -1 with errno set (ENOSYS where the kernel has no openat2).
int cwalk_open_directory_beneath(int dirfd, const char *path);

#endif
