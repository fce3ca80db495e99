// The Python half of the modules (src/python/modules/NAME.py) and the prelude (prelude.py),
// compiled into the program deflated (generated/python_sources.h): 59 KB of the page instead of
// 225.
#pragma once
#include <string_view>

namespace python {

// The text of the embedded file NAME.py ("random", "__future__", "prelude"). All of them are
// inflated together at the first call, on whichever thread, and kept for the process's life:
// the pointer stays valid and is the same at every call. A name with no file is a build error
// in the making, and stops the program.
const char* embedded_python_source(std::string_view name);

} // namespace python
