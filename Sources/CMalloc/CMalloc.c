// CMalloc is header-only (see include/CMalloc.h); SwiftPM needs a source file in a C target.
#include "CMalloc.h"
