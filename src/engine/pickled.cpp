// Pickling between processes: see pickled.h. Objects on the path being copied are remembered,
// so a container that holds itself is refused instead of copied forever.
#include "engine/pickled.h"

#include <algorithm>
#include "engine/interpreter.h"

namespace engine {

namespace {

// Modules whose classes' instances may travel: the program's own and multiprocessing's
// (a Process object is what the parent sends).
bool sendable_class(const ClassObject* cls)
{
    return !cls->is_builtin && (cls->module_name == "__main__" || cls->module_name == "__mp_main__" ||
                                cls->module_name == "multiprocessing");
}

ModuleObject* find_module(Interpreter& vm, const std::string& name)
{
    if (name == "builtins")
        return vm.builtins;
    auto found = vm.modules.find(name);
    return found == vm.modules.end() ? nullptr : found->second;
}

bool is_global(Interpreter& vm, const std::string& module, const std::string& name, Value v)
{
    ModuleObject* m = find_module(vm, module);
    Value* found = m ? m->globals.find(name) : nullptr;
    return found && found->is_object() && found->object == v.object;
}

// A function, class or native by the module global that holds it.
bool pickle_global(Interpreter& vm, Value v, Pickled& out)
{
    out.kind = Pickled::Kind::Global;
    switch (v.object->kind) {
    case ObjectKind::Function: {
        auto* fn = static_cast<FunctionObject*>(v.object);
        out.module = fn->module ? fn->module->name : "";
        out.name = fn->name;
        if (fn->qualname.find("<locals>") != std::string::npos) {
            vm.fail(vm.types.attribute_error, "Can't pickle local object '" + fn->qualname + "'");
            return false;
        }
        break;
    }
    case ObjectKind::Class: {
        auto* cls = static_cast<ClassObject*>(v.object);
        out.module = cls->module_name;
        out.name = cls->name;
        break;
    }
    default: {  // a native: found by identity among the builtins, then the imported modules
        out.module = "builtins";
        out.name = static_cast<NativeObject*>(v.object)->name;
        if (!is_global(vm, out.module, out.name, v))
            for (const auto& [name, module] : vm.modules)
                if (is_global(vm, name, out.name, v)) {
                    out.module = name;
                    break;
                }
        break;
    }
    }
    if (is_global(vm, out.module, out.name, v))
        return true;
    vm.fail(vm.types.type_error, "Can't pickle <" + vm.type_name(v) + " " + out.name + ">: attribute lookup " + out.name +
                                     " on " + out.module + " failed");
    return false;
}

struct Pickler {
    Interpreter& vm;
    std::vector<const Object*> path;

    bool items(const std::vector<Value>& values, Pickled& out)
    {
        out.items.resize(values.size());
        for (size_t i = 0; i < values.size(); i++)
            if (!copy(values[i], out.items[i]))
                return false;
        return true;
    }

    bool table(const Table& table, Pickled& out)
    {
        for (const TableEntry& entry : table.entries) {
            if (entry.key.is_empty())
                continue;
            out.items.emplace_back();
            if (!copy(entry.key, out.items.back()))
                return false;
            out.items.emplace_back();
            if (!copy(entry.value, out.items.back()))
                return false;
        }
        return true;
    }

    bool object(Value v, Pickled& out)
    {
        switch (v.object->kind) {
        case ObjectKind::Str:
            out.kind = Pickled::Kind::Str;
            out.name = static_cast<StrObject*>(v.object)->text;
            return true;
        case ObjectKind::Tuple:
            out.kind = Pickled::Kind::Tuple;
            return items(static_cast<TupleObject*>(v.object)->items, out);
        case ObjectKind::List:
            out.kind = Pickled::Kind::List;
            return items(static_cast<ListObject*>(v.object)->items, out);
        case ObjectKind::Dict:
            out.kind = Pickled::Kind::Dict;
            return table(static_cast<DictObject*>(v.object)->table, out);
        case ObjectKind::Set: {
            auto* set = static_cast<SetObject*>(v.object);
            out.kind = set->frozen ? Pickled::Kind::FrozenSet : Pickled::Kind::Set;
            std::vector<Value> keys;
            for (const SetSlot& slot : set->table.slots)
                if (!slot.key.is_empty())
                    keys.push_back(slot.key);
            return items(keys, out);
        }
        case ObjectKind::Function:
        case ObjectKind::Class:
        case ObjectKind::Native: return pickle_global(vm, v, out);
        case ObjectKind::BoundMethod: {
            auto* method = static_cast<BoundMethodObject*>(v.object);
            auto* fn = as<FunctionObject>(method->function);
            if (!fn)
                break;
            out.kind = Pickled::Kind::BoundMethod;
            out.name = fn->name;
            out.items.resize(1);
            return copy(method->self, out.items[0]);
        }
        case ObjectKind::Instance: {
            auto* instance = static_cast<InstanceObject*>(v.object);
            if (!sendable_class(instance->cls))
                break;
            if (!pickle_global(vm, Value::from_object(instance->cls), out))
                return false;
            out.kind = Pickled::Kind::Instance;
            return table(instance->attrs, out);
        }
        default: break;
        }
        vm.fail(vm.types.type_error, "cannot pickle '" + vm.type_name(v) + "' object");
        return false;
    }

    bool copy(Value v, Pickled& out)
    {
        if (!v.is_object()) {
            out.kind = Pickled::Kind::Scalar;
            out.scalar = v;
            return true;
        }
        // As deep as the recursion limit lets Python code go: the copy recurses in C++.
        if (path.size() >= vm.recursion_limit) {
            vm.fail(vm.types.recursion_error, "maximum recursion depth exceeded while pickling an object");
            return false;
        }
        if (std::find(path.begin(), path.end(), v.object) != path.end()) {
            vm.fail(vm.types.value_error, "cannot send an object that contains itself to another process");
            return false;
        }
        path.push_back(v.object);
        const bool ok = object(v, out);
        path.pop_back();
        return ok;
    }
};

} // namespace

bool pickle(Interpreter& vm, Value v, Pickled& out)
{
    Pickler pickler{vm, {}};
    return pickler.copy(v, out);
}

Value unpickle(Interpreter& vm, const Pickled& p)
{
    std::vector<Value> items;
    if (p.kind != Pickled::Kind::Instance && p.kind != Pickled::Kind::Dict) {
        for (const Pickled& item : p.items) {
            items.push_back(unpickle(vm, item));
            if (items.back().is_empty())
                return Value::empty();
        }
    }
    switch (p.kind) {
    case Pickled::Kind::Scalar: return p.scalar;
    case Pickled::Kind::Str: return vm.new_str(p.name);
    case Pickled::Kind::Tuple: return vm.new_tuple(std::move(items));
    case Pickled::Kind::List: return vm.new_list(std::move(items));
    case Pickled::Kind::Set:
    case Pickled::Kind::FrozenSet: {
        auto* set = vm.heap.make<SetObject>();
        set->frozen = p.kind == Pickled::Kind::FrozenSet;
        for (Value item : items)
            set->table.add(item);
        return Value::from_object(set);
    }
    case Pickled::Kind::BoundMethod: return vm.get_attr(items[0], p.name);
    case Pickled::Kind::Global:
    case Pickled::Kind::Instance: {
        ModuleObject* module = find_module(vm, p.module);
        Value* global = module ? module->globals.find(p.name) : nullptr;
        if (!global)
            return vm.fail(vm.types.attribute_error, "Can't get attribute '" + p.name + "' on <module '" + p.module + "'>");
        if (p.kind == Pickled::Kind::Global)
            return *global;
        auto* cls = as<ClassObject>(*global);
        if (!cls)
            return vm.fail(vm.types.type_error, "'" + p.name + "' is not a class");
        auto* instance = vm.heap.make<InstanceObject>(cls);
        for (size_t i = 0; i + 1 < p.items.size(); i += 2) {
            Value value = unpickle(vm, p.items[i + 1]);
            if (value.is_empty())
                return value;
            vm.set_attr(instance->attrs, p.items[i].name, value);
        }
        return Value::from_object(instance);
    }
    case Pickled::Kind::Dict: {
        DictObject* dict = vm.new_dict();
        for (size_t i = 0; i + 1 < p.items.size(); i += 2) {
            Value key = unpickle(vm, p.items[i]);
            Value value = key.is_empty() ? key : unpickle(vm, p.items[i + 1]);
            if (value.is_empty())
                return value;
            dict->table.set(key, value);
        }
        return Value::from_object(dict);
    }
    }
    return Value::none();
}

void pickled_modules(const Pickled& p, std::set<std::string>& modules)
{
    if ((p.kind == Pickled::Kind::Global || p.kind == Pickled::Kind::Instance) && p.module != "builtins" &&
        p.module != "__main__" && p.module != "__mp_main__")
        modules.insert(p.module);
    for (const Pickled& item : p.items)
        pickled_modules(item, modules);
}

} // namespace engine
