#ifndef CPREFETCH_H
#define CPREFETCH_H

/// Asks the processor to start loading the cache line at `address` for reading, without waiting
/// for it (a hint: nothing happens if the address is not mapped). Swift has no prefetch of its
/// own; `batch` uses this to look up patients a few rows ahead (issue 13). Inlined into Swift.
static inline void cprefetch_read(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
