// The importable modules. Each row names a module and how to build it; see modules.h.
#include "python/modules.h"

namespace python {

void install_math(Interpreter& vm, ModuleObject& module);
extern const char kMathSource[];
void install_sys(Interpreter& vm, ModuleObject& module);
extern const char kSysSource[];
void install_random(Interpreter& vm, ModuleObject& module);
extern const char kRandomSource[];
extern const char kOperatorSource[];
extern const char kCollectionsSource[];
extern const char kItertoolsSource[];
void install_functools(Interpreter& vm, ModuleObject& module);
extern const char kFunctoolsSource[];
extern const char kHeapqSource[];
extern const char kBisectSource[];
void install_copy(Interpreter& vm, ModuleObject& module);
extern const char kCopySource[];
extern const char kStringSource[];
extern const char kIoSource[];
extern const char kContextlibSource[];
extern const char kTypingSource[];
extern const char kFutureSource[];
extern const char kJsonSource[];
extern const char kStatisticsSource[];
void install_enum(Interpreter& vm, ModuleObject& module);
extern const char kEnumSource[];
void install_dataclasses(Interpreter& vm, ModuleObject& module);
extern const char kDataclassesSource[];

std::span<const ModuleDef> standard_modules()
{
    static constexpr ModuleDef kModules[] = {
        {"math", install_math, kMathSource},
        {"sys", install_sys, kSysSource},
        {"random", install_random, kRandomSource},
        {"operator", nullptr, kOperatorSource},
        {"collections", nullptr, kCollectionsSource},
        {"itertools", nullptr, kItertoolsSource},
        {"functools", install_functools, kFunctoolsSource},
        {"heapq", nullptr, kHeapqSource},
        {"bisect", nullptr, kBisectSource},
        {"copy", install_copy, kCopySource},
        {"string", nullptr, kStringSource},
        {"io", nullptr, kIoSource},
        {"contextlib", nullptr, kContextlibSource},
        {"typing", nullptr, kTypingSource},
        {"__future__", nullptr, kFutureSource},
        {"json", nullptr, kJsonSource},
        {"statistics", nullptr, kStatisticsSource},
        {"enum", install_enum, kEnumSource},
        {"dataclasses", install_dataclasses, kDataclassesSource},
    };
    return kModules;
}

} // namespace python
