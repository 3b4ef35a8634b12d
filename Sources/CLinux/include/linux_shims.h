#ifndef BULLETIND_LINUX_SHIMS_H
#define BULLETIND_LINUX_SHIMS_H

/// renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE): the Glibc module hides it
/// behind _GNU_SOURCE. Returns 0, or -1 with errno set (EEXIST when `to` exists).
int bulletind_rename_noreplace(const char *from, const char *to);

/// pthread_setname_np(pthread_self(), name), also behind _GNU_SOURCE: names the calling thread
/// (at most 15 bytes) as `top -H` and /proc/PID/task/TID/comm show it. Returns 0 or an error number.
int bulletind_name_this_thread(const char *name);

/// mallopt(M_MMAP_THRESHOLD, bytes) (malloc.h is not in the Glibc module): blocks of `bytes` or
/// more are mappings of their own, given back when freed, and glibc stops raising the threshold
/// itself. Returns 1 on success, 0 on error.
int bulletind_map_blocks_from(int bytes);

#endif
