// The table of modules a program can import. A module is native functions installed into its
// namespace, optionally followed by Python source run in that namespace (so a module can define
// classes in Python, e.g. threading.Thread, on top of native primitives).
//
// To add a module (threading, time, queue, ...): write its install function in its own file and
// add one row to the table in modules.cpp. The interpreter core does not change. When two rows
// have the same name, `import` takes the last one (a host can extend the standard table).
// A module's Python half is a file src/python/modules/NAME.py, which its row names through
// embedded_python_source("NAME") (python/embedded_sources.h).
#pragma once
#include <span>

namespace python {

struct Interpreter;
struct ModuleObject;

struct ModuleDef {
    const char* name;                                        // "time", "concurrent.futures"
    void (*install)(Interpreter& vm, ModuleObject& module);  // may be null
    const char* python_source;                               // may be null
};

// The modules every process can import, in the order `help modules` would list them.
std::span<const ModuleDef> standard_modules();

} // namespace python
