#ifndef DRILLSIM_CLIBFUZZER_H
#define DRILLSIM_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer): parses the
/// libFuzzer flags in argv and calls `callback` with each input. Calling it
/// from the executable's own main keeps SwiftPM's entry point intact.
int LLVMFuzzerRunDriver(int *argc, char ***argv,
                        int (*callback)(const uint8_t *data, size_t size));

#endif
