// The functools module: reduce, partial, wraps/update_wrapper, lru_cache and cache,
// total_ordering and cmp_to_key, in Python, with one native: the name of a function (what wraps
// copies) is not an attribute a Python program can set on a Threadlab function.
#include "python/native.h"

namespace python {

namespace {

// _copy_name(wrapper, wrapped): wrapper takes wrapped's __name__, __qualname__ and __doc__.
NativeResult functools_copy_name(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "_copy_name", args, 2, 2))
        return NativeResult::raised();
    auto* wrapper = as<FunctionObject>(args[0]);
    if (!wrapper)
        return NativeResult::of(Value::none());
    if (auto* wrapped = as<FunctionObject>(args[1])) {
        wrapper->name = wrapped->name;
        wrapper->qualname = wrapped->qualname;
        wrapper->doc = wrapped->doc;
    } else if (auto* native = as<NativeObject>(args[1])) {
        wrapper->name = wrapper->qualname = native->name;
    }
    return NativeResult::of(Value::none());
}

} // namespace

void install_functools(Interpreter& vm, ModuleObject& module)
{
    vm.add_native(module, "_copy_name", functools_copy_name);
}

} // namespace python
