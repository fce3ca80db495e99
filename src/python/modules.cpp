// The importable modules. Each row names a module and how to build it; see modules.h.
#include "python/modules.h"

namespace python {

void install_math(Interpreter& vm, ModuleObject& module);
void install_sys(Interpreter& vm, ModuleObject& module);
extern const char kSysSource[];
void install_random(Interpreter& vm, ModuleObject& module);
extern const char kRandomSource[];

std::span<const ModuleDef> standard_modules()
{
    static constexpr ModuleDef kModules[] = {
        {"math", install_math, nullptr},
        {"sys", install_sys, kSysSource},
        {"random", install_random, kRandomSource},
    };
    return kModules;
}

} // namespace python
