// The example programs (examples/*.py), the lessons' programs: embedded deflated at build time,
// inflated once, on first use, and kept for the process's life.
#pragma once
#include <span>
#include "embedded_file.h"

namespace config {

// Each example as {file name ("basics.py"), its text}, in the order of the build's file list.
std::span<const EmbeddedFile> example_programs();

} // namespace config
