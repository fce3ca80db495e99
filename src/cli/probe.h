// `threadlab probe`: the Real machine window's measurements, on this computer's std::threads and
// native fibers (real/fiber.h), printed as a table or (--json) as one JSON object.
#pragma once
#include "cli/options.h"

namespace cli {

int command_probe(const Options& options);

} // namespace cli
