#define _GNU_SOURCE
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include "linux_shims.h"

int bulletind_rename_noreplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

int bulletind_name_this_thread(const char *name) {
    return pthread_setname_np(pthread_self(), name);
}

int bulletind_map_blocks_from(int bytes) {
    return mallopt(M_MMAP_THRESHOLD, bytes);
}
