// The declaration in include/CLibFuzzer.h is all this target provides; the
// definition comes from libFuzzer. SwiftPM needs one source file per C target.
#include "CLibFuzzer.h"
