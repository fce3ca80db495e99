// The importable modules. Each row names a module and how to build it; see modules.h.
#include "python/modules.h"

#include "python/embedded_sources.h"

namespace python {

void install_math(Interpreter& vm, ModuleObject& module);
void install_sys(Interpreter& vm, ModuleObject& module);
void install_random(Interpreter& vm, ModuleObject& module);
void install_functools(Interpreter& vm, ModuleObject& module);
void install_copy(Interpreter& vm, ModuleObject& module);
void install_enum(Interpreter& vm, ModuleObject& module);
void install_dataclasses(Interpreter& vm, ModuleObject& module);

std::span<const ModuleDef> standard_modules()
{
    static const ModuleDef kModules[] = {
        {"math", install_math, embedded_python_source("math")},
        {"sys", install_sys, embedded_python_source("sys")},
        {"random", install_random, embedded_python_source("random")},
        {"operator", nullptr, embedded_python_source("operator")},
        {"collections", nullptr, embedded_python_source("collections")},
        {"itertools", nullptr, embedded_python_source("itertools")},
        {"functools", install_functools, embedded_python_source("functools")},
        {"heapq", nullptr, embedded_python_source("heapq")},
        {"bisect", nullptr, embedded_python_source("bisect")},
        {"copy", install_copy, embedded_python_source("copy")},
        {"string", nullptr, embedded_python_source("string")},
        {"io", nullptr, embedded_python_source("io")},
        {"contextlib", nullptr, embedded_python_source("contextlib")},
        {"typing", nullptr, embedded_python_source("typing")},
        {"__future__", nullptr, embedded_python_source("__future__")},
        {"json", nullptr, embedded_python_source("json")},
        {"statistics", nullptr, embedded_python_source("statistics")},
        {"enum", install_enum, embedded_python_source("enum")},
        {"dataclasses", install_dataclasses, embedded_python_source("dataclasses")},
    };
    return kModules;
}

} // namespace python
