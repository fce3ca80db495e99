// The dataclasses module's native half: the tables hash and compare a frozen dataclass's
// instances by its fields (dataclasses.py calls _hash_by_fields), since they call no Python
// __hash__ or __eq__.
#include "python/native.h"

namespace python {

namespace {

// _hash_by_fields(cls, names): dicts and sets hash and compare cls's instances by these fields,
// as its generated __hash__ and __eq__ do (the tables call no Python methods).
NativeResult dataclasses_hash_by_fields(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "_hash_by_fields", args, 2, 2))
        return NativeResult::raised();
    auto* cls = as<ClassObject>(args[0]);
    auto* names = as<TupleObject>(args[1]);
    if (!cls || !names)
        return vm.raise(vm.types.type_error, "_hash_by_fields() takes a class and a tuple of names");
    cls->key_fields.clear();
    for (Value name : names->items) {
        const StrObject* text;
        if (!str_argument(vm, name, "field name", text))
            return NativeResult::raised();
        cls->key_fields.push_back(text->text);
    }
    return NativeResult::of(Value::none());
}

} // namespace

void install_dataclasses(Interpreter& vm, ModuleObject& module)
{
    vm.add_native(module, "_hash_by_fields", dataclasses_hash_by_fields);
}

} // namespace python
