#ifndef KILN_CFUZZERDRIVER_H
#define KILN_CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt `FuzzerDriver.cpp`), for programs whose `main` is not
/// libFuzzer's own. SwiftPM on Linux links executables with `--defsym main=<Module>_main`, so
/// each fuzz target defines `<Module>_main` and hands over to libFuzzer through this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
