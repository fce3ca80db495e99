// The importable modules. Each row names a module and how to build it; see modules.h.
#include "engine/modules.h"

namespace engine {

void install_math(Interpreter& vm, ModuleObject& module);

std::span<const ModuleDef> standard_modules()
{
    static constexpr ModuleDef kModules[] = {
        {"math", install_math, nullptr},
    };
    return kModules;
}

} // namespace engine
