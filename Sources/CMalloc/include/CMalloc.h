#ifndef CMALLOC_H
#define CMALLOC_H

#include <malloc.h>

/// Makes every thread of the process allocate from one glibc malloc arena. With an arena a
/// thread, memory one thread frees is not reused by another, and `batch`'s reader, report and
/// writer threads pushed 10M rows to 161 MB instead of 145 MB (issue 13). Returns 1 on success.
static inline int cmalloc_use_one_arena(void) {
    return mallopt(M_ARENA_MAX, 1);
}

#endif
