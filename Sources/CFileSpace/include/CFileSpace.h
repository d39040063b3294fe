#ifndef CFILESPACE_H
#define CFILESPACE_H

#include <stdint.h>

/// Reserves disk blocks for `length` bytes of the file from `offset` without changing its size
/// (Linux `fallocate` with `FALLOC_FL_KEEP_SIZE`, which Swift's Glibc module does not declare).
/// Returns 0, or -1 with `errno` set (`EOPNOTSUPP` where the file system cannot).
int cfilespace_reserve(int fileDescriptor, int64_t offset, int64_t length);

#endif
