#define _GNU_SOURCE
#include "CWalk.h"

#include <sys/syscall.h>
#include <unistd.h>

long cwalk_getdents64(int fd, void *buffer, size_t length) {
    return syscall(SYS_getdents64, fd, buffer, length);
}
