// Pickling between processes: see pickled.h. Both directions walk the value depth first and
// number the objects in the order they meet them, so a Ref's index means the same on both sides;
// unpickling makes each container before its items, so a cycle can refer back to it.
//
// Sections: finding globals | pickling (Pickler) | unpickling (Unpickler)
#include "python/pickled.h"

#include <map>
#include "python/interpreter.h"

namespace python {

namespace {

// Modules whose classes' instances may travel: the program's own and multiprocessing's
// (a Process object is what the parent sends).
// The program's classes, multiprocessing's own (its queues, locks and shared values), and the
// built-in exceptions (a pool worker sends back the exception its task raised).
bool sendable_class(const ClassObject* cls)
{
    if (cls->is_exception && cls->module_name == "builtins")
        return true;
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
    std::map<const Object*, int64_t> numbers;  // objects met so far (looked up, never iterated)
    uint32_t depth = 0;

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
        auto met = numbers.find(v.object);
        if (met != numbers.end()) {
            out.kind = Pickled::Kind::Ref;
            out.scalar = Value::from_int(met->second);
            return true;
        }
        // As deep as the recursion limit lets Python code go: the copy recurses in C++.
        if (depth >= vm.recursion_limit) {
            vm.fail(vm.types.recursion_error, "maximum recursion depth exceeded while pickling an object");
            return false;
        }
        if (v.object->kind != ObjectKind::BoundMethod)
            numbers.emplace(v.object, static_cast<int64_t>(numbers.size()));
        ++depth;
        const bool ok = object(v, out);
        --depth;
        return ok;
    }
};

} // namespace

bool pickle(Interpreter& vm, Value v, Pickled& out)
{
    Pickler pickler{vm, {}};
    return pickler.copy(v, out);
}

namespace {

struct Unpickler {
    Interpreter& vm;
    std::vector<Value> memo;  // objects made so far, numbered as the Pickler numbered them

    // Makes the object first (numbered), then its items: they may refer back to it.
    Value made(Object* object)
    {
        memo.push_back(Value::from_object(object));
        return memo.back();
    }

    bool items(const std::vector<Pickled>& from, std::vector<Value>& to)
    {
        for (const Pickled& item : from) {
            to.push_back(build(item));
            if (to.back().is_empty())
                return false;
        }
        return true;
    }

    // Dict entries or instance attributes: keys and values alternately.
    bool pairs(const std::vector<Pickled>& from, Table& to)
    {
        for (size_t i = 0; i + 1 < from.size(); i += 2) {
            Value key = build(from[i]);
            Value value = key.is_empty() ? key : build(from[i + 1]);
            if (value.is_empty())
                return false;
            to.set(key, value);
        }
        return true;
    }

    Value global(const Pickled& p)
    {
        ModuleObject* module = find_module(vm, p.module);
        Value* found = module ? module->globals.find(p.name) : nullptr;
        if (!found)
            return vm.fail(vm.types.attribute_error, "Can't get attribute '" + p.name + "' on <module '" + p.module + "'>");
        return *found;
    }

    Value build(const Pickled& p)
    {
        switch (p.kind) {
        case Pickled::Kind::Scalar: return p.scalar;
        case Pickled::Kind::Ref: return memo[(size_t)p.scalar.integer];
        case Pickled::Kind::Str: return made(as<StrObject>(vm.new_str(p.name)));
        case Pickled::Kind::Tuple:
        case Pickled::Kind::List: {
            Value made_value = made(p.kind == Pickled::Kind::Tuple ? (Object*)vm.heap.make<TupleObject>()
                                                                   : (Object*)vm.heap.make<ListObject>());
            std::vector<Value>& to = p.kind == Pickled::Kind::Tuple ? as<TupleObject>(made_value)->items
                                                                    : as<ListObject>(made_value)->items;
            return items(p.items, to) ? made_value : Value::empty();
        }
        case Pickled::Kind::Set:
        case Pickled::Kind::FrozenSet: {
            auto* set = vm.heap.make<SetObject>();
            set->frozen = p.kind == Pickled::Kind::FrozenSet;
            Value made_value = made(set);
            std::vector<Value> keys;
            if (!items(p.items, keys))
                return Value::empty();
            for (Value key : keys)
                set->table.add(key);
            return made_value;
        }
        case Pickled::Kind::Dict: {
            DictObject* dict = vm.new_dict();
            Value made_value = made(dict);
            return pairs(p.items, dict->table) ? made_value : Value::empty();
        }
        case Pickled::Kind::Global: {
            Value found = global(p);
            if (!found.is_empty())
                memo.push_back(found);
            return found;
        }
        case Pickled::Kind::Instance: {
            Value found = global(p);
            if (found.is_empty())
                return found;
            auto* cls = as<ClassObject>(found);
            if (!cls)
                return vm.fail(vm.types.type_error, "'" + p.name + "' is not a class");
            auto* instance = vm.heap.make<InstanceObject>(cls);
            Value made_value = made(instance);
            return pairs(p.items, instance->attrs) ? made_value : Value::empty();
        }
        case Pickled::Kind::BoundMethod: {
            Value self = build(p.items[0]);
            return self.is_empty() ? self : vm.get_attr(self, p.name);
        }
        }
        return Value::none();
    }
};

} // namespace

Value unpickle(Interpreter& vm, const Pickled& p)
{
    Unpickler unpickler{vm, {}};
    return unpickler.build(p);
}

void pickled_modules(const Pickled& p, std::set<std::string>& modules)
{
    if ((p.kind == Pickled::Kind::Global || p.kind == Pickled::Kind::Instance) && p.module != "builtins" &&
        p.module != "__main__" && p.module != "__mp_main__")
        modules.insert(p.module);
    for (const Pickled& item : p.items)
        pickled_modules(item, modules);
}

} // namespace python
