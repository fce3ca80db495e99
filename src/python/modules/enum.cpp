// The enum module: Enum, IntEnum, StrEnum, Flag, IntFlag, auto and unique, with CPython 3.11's
// reprs, strs and messages. In Python, over one native: EnumType serves as the metaclass of
// Enum (iterating a class, len(), `in`, Color['RED'], Color(1), repr), which a class statement
// cannot name yet. Members are made when the class is ready (Enum.__init_subclass__), as
// CPython's EnumType.__new__ makes them.
#include "python/native.h"

namespace python {

namespace {

// _set_metaclass(cls, meta): meta's methods serve cls's own protocol, and its subclasses'.
NativeResult enum_set_metaclass(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "_set_metaclass", args, 2, 2))
        return NativeResult::raised();
    auto* cls = as<ClassObject>(args[0]);
    auto* meta = as<ClassObject>(args[1]);
    if (!cls || !meta)
        return vm.raise(vm.types.type_error, "_set_metaclass() takes two classes");
    cls->metaclass = meta;
    return NativeResult::of(Value::none());
}

// _stand_for_values(cls): where a native needs an int, cls's members give their _value_ (the
// engine calls no __index__ or __int__).
NativeResult enum_stand_for_values(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "_stand_for_values", args, 1, 1))
        return NativeResult::raised();
    auto* cls = as<ClassObject>(args[0]);
    if (!cls)
        return vm.raise(vm.types.type_error, "_stand_for_values() takes a class");
    cls->int_valued = true;
    return NativeResult::of(Value::none());
}

} // namespace

void install_enum(Interpreter& vm, ModuleObject& module)
{
    vm.add_native(module, "_set_metaclass", enum_set_metaclass);
    vm.add_native(module, "_stand_for_values", enum_stand_for_values);
}

} // namespace python
