// fallocate is a GNU extension: declared by <fcntl.h> only with _GNU_SOURCE, which is set here,
// in this file alone, rather than in a header Swift imports.
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/falloc.h>
#include "CFileSpace.h"

int cfilespace_reserve(int fileDescriptor, int64_t offset, int64_t length) {
    return fallocate(fileDescriptor, FALLOC_FL_KEEP_SIZE, (off_t)offset, (off_t)length);
}
