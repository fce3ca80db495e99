// The copy module: copy() and deepcopy() of built-in containers and of instances (a new
// instance of the same class with its attributes copied, __copy__/__deepcopy__ when defined).
// Python, plus one native: a Threadlab program cannot make an instance without calling
// __init__, which a copy must not run.
#include "python/native.h"

namespace python {

namespace {

// _new_like(obj): an instance of obj's class with a copy of obj's attributes, __init__ not run.
NativeResult copy_new_like(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "_new_like", args, 1, 1))
        return NativeResult::raised();
    auto* original = as<InstanceObject>(args[0]);
    if (!original || original->cls->is_exception)
        return vm.raise(vm.types.type_error, "cannot copy '" + vm.type_name(args[0]) + "' object");
    auto* copy = vm.heap.make<InstanceObject>(original->cls);
    copy->attrs = original->attrs;
    return NativeResult::of(Value::from_object(copy));
}

} // namespace

void install_copy(Interpreter& vm, ModuleObject& module)
{
    vm.add_native(module, "_new_like", copy_new_like);
}

} // namespace python
