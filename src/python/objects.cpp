// Object helpers and the Interpreter's services for natives: making values, classes and
// modules, type queries, raising exceptions.
#include "python/interpreter.h"
#include "python/bytes.h"
#include "lang/utf8.h"

namespace python {

StrObject::StrObject(std::string t) : Object(ObjectKind::Str), text(std::move(t))
{
    hash = hash_string(text);
    for (char c : text) {
        if ((unsigned char)c >= 0x80)
            ascii = false;
        if (!lang::is_utf8_continuation(c))
            length++;
    }
}

Value CallArgs::keyword(std::string_view name) const
{
    for (uint32_t k = 0; k < kwcount; k++)
        if (static_cast<StrObject*>(kwnames[k].object)->text == name)
            return values[count - kwcount + k];
    return Value::empty();
}

Value* ClassObject::lookup(std::string_view name)
{
    for (ClassObject* cls : mro)
        if (Value* v = cls->attrs.find(name))
            return v;
    return nullptr;
}

bool ClassObject::is_subclass_of(const ClassObject* other) const
{
    for (const ClassObject* cls = this; cls; cls = cls->base)
        if (cls == other)
            return true;
    return false;
}

int64_t RangeObject::length() const
{
    if (step > 0 && start < stop)
        return (stop - start - 1) / step + 1;
    if (step < 0 && start > stop)
        return (start - stop - 1) / (-step) + 1;
    return 0;
}

Value Interpreter::new_str(std::string_view text)
{
    return Value::from_object(heap.make<StrObject>(std::string(text)));
}

Value Interpreter::new_list(std::vector<Value> items)
{
    return Value::from_object(heap.make<ListObject>(std::move(items)));
}

Value Interpreter::new_tuple(std::vector<Value> items)
{
    return Value::from_object(heap.make<TupleObject>(std::move(items)));
}

DictObject* Interpreter::new_dict()
{
    return heap.make<DictObject>();
}

ModuleObject* Interpreter::new_module(std::string name)
{
    auto* module = heap.make<ModuleObject>();
    module->name = name;
    set_attr(module->globals, "__name__", new_str(name));
    return module;
}

ClassObject* Interpreter::new_class(std::string name, ClassObject* base, std::string module_name)
{
    auto* cls = heap.make<ClassObject>();
    cls->qualname = name;
    cls->name = std::move(name);
    cls->module_name = std::move(module_name);
    cls->base = base;
    cls->mro.push_back(cls);
    if (base) {
        cls->mro.insert(cls->mro.end(), base->mro.begin(), base->mro.end());
        cls->is_exception = base->is_exception;
    }
    return cls;
}

NativeObject* Interpreter::new_native(const char* name, NativeFunction function, Value data)
{
    auto* native = heap.make<NativeObject>();
    native->name = name;
    native->function = function;
    native->data = data;
    return native;
}

void Interpreter::add_native(ModuleObject& module, const char* name, NativeFunction function, Value data)
{
    set_attr(module.globals, name, Value::from_object(new_native(name, function, data)));
}

void Interpreter::add_method(ClassObject* cls, const char* name, NativeFunction function)
{
    NativeObject* native = new_native(name, function);
    native->owner = cls;
    set_attr(cls->attrs, name, Value::from_object(native));
}

void Interpreter::set_attr(Table& table, std::string_view name, Value value)
{
    if (Value* existing = table.find(name)) {
        *existing = value;
        return;
    }
    table.set(new_str(name), value);
}

ClassObject* Interpreter::type_of(Value v) const
{
    switch (v.kind) {
    case ValueKind::Empty:
    case ValueKind::None: return types.none_type;
    case ValueKind::Bool: return types.bool_type;
    case ValueKind::Int: return types.int_type;
    case ValueKind::Float: return types.float_type;
    case ValueKind::Object: break;
    }
    switch (v.object->kind) {
    case ObjectKind::Str: return types.str;
    case ObjectKind::BigInt: return types.int_type;
    case ObjectKind::Bytes: return static_cast<BytesObject*>(v.object)->bytearray ? types.bytearray : types.bytes;
    case ObjectKind::List: return types.list;
    case ObjectKind::Tuple: return types.tuple;
    case ObjectKind::Dict: return types.dict;
    case ObjectKind::Set: return static_cast<SetObject*>(v.object)->frozen ? types.frozenset : types.set;
    case ObjectKind::Function: return types.function;
    case ObjectKind::Native: return types.builtin_function;
    case ObjectKind::BoundMethod: return types.method;
    case ObjectKind::Class: return types.type;
    case ObjectKind::Instance: return static_cast<InstanceObject*>(v.object)->cls;
    case ObjectKind::Module: return types.module;
    case ObjectKind::Cell: return types.cell;
    case ObjectKind::Code: return types.code;
    case ObjectKind::Range: return types.range;
    case ObjectKind::Iterator: return types.iterators[(int)static_cast<IteratorObject*>(v.object)->iterator_kind];
    case ObjectKind::Slice: return types.slice;
    case ObjectKind::Super: return types.super_type;
    case ObjectKind::Generator: {
        auto* generator = static_cast<const GeneratorObject*>(v.object);
        return generator->coroutine ? types.coroutine : generator->async_generator ? types.async_generator : types.generator;
    }
    case ObjectKind::DictView: {
        DictViewKind view = static_cast<DictViewObject*>(v.object)->view;
        return view == DictViewKind::Keys ? types.dict_keys : view == DictViewKind::Values ? types.dict_values : types.dict_items;
    }
    }
    return types.object;
}

Value Interpreter::python_method(Value v, std::string_view name) const
{
    ClassObject* cls = nullptr;
    if (auto* instance = as<InstanceObject>(v))
        cls = instance->cls;
    else if (auto* class_object = as<ClassObject>(v))
        cls = metaclass_of(class_object);
    if (!cls)
        return Value::empty();
    Value* found = cls->lookup(name);
    if (found && as<FunctionObject>(*found))
        return *found;
    return Value::empty();
}

ClassObject* metaclass_of(const ClassObject* cls)
{
    for (const ClassObject* c : cls->mro)
        if (c->metaclass)
            return c->metaclass;
    return nullptr;
}

Value Interpreter::make_exception(ClassObject* type, std::string message)
{
    auto* exception = heap.make<InstanceObject>(type);
    std::vector<Value> args;
    if (!message.empty())
        args.push_back(new_str(message));
    set_attr(exception->attrs, "args", new_tuple(std::move(args)));
    return Value::from_object(exception);
}

Value Interpreter::make_stop_iteration(Value value)
{
    Value exception = make_exception(types.stop_iteration, "");
    if (!value.is_none())
        set_attr(as<InstanceObject>(exception)->attrs, "args", new_tuple({value}));
    set_attr(as<InstanceObject>(exception)->attrs, "value", value);
    return exception;
}

Value Interpreter::stop_iteration_value(Value exception)
{
    auto* instance = as<InstanceObject>(exception);
    Value* args = instance ? instance->attrs.find("args") : nullptr;
    auto* tuple = args ? as<TupleObject>(*args) : nullptr;
    return tuple && !tuple->items.empty() ? tuple->items[0] : Value::none();
}

NativeResult Interpreter::raise(ClassObject* type, std::string message)
{
    pending = make_exception(type, std::move(message));
    return NativeResult::raised();
}

Value Interpreter::fail(ClassObject* type, std::string message)
{
    pending = make_exception(type, std::move(message));
    return Value::empty();
}

Value Interpreter::fail_name(Value name)
{
    fail(types.name_error, "name '" + as<StrObject>(name)->text + "' is not defined");
    set_attr(as<InstanceObject>(pending)->attrs, "name", name);
    return Value::empty();
}

Value Interpreter::fail_unhashable(Value v)
{
    if (!python_method(v, "__hash__").is_empty())
        return fail(types.type_error, "Threadlab does not call user-defined __hash__ methods: '" + type_name(v) +
                                          "' objects cannot be dict keys or set members");
    return fail(types.type_error, "unhashable type: '" + type_name(v) + "'");
}

Value Interpreter::fail_attribute(Value object, std::string_view name, std::string message)
{
    fail(types.attribute_error, std::move(message));
    Table& attrs = as<InstanceObject>(pending)->attrs;
    set_attr(attrs, "name", new_str(name));
    set_attr(attrs, "obj", object);
    return Value::empty();
}

// str() of an exception: from its args, as BaseException.__str__ does (KeyError quotes).
static std::string exception_message(Interpreter& vm, InstanceObject* exception)
{
    Value* args = exception->attrs.find("args");
    auto* tuple = args ? as<TupleObject>(*args) : nullptr;
    if (!tuple || tuple->items.empty())
        return "";
    if (tuple->items.size() == 1) {
        if (exception->cls->is_subclass_of(vm.types.key_error))
            return vm.repr(tuple->items[0]);
        return vm.str(tuple->items[0]);
    }
    return vm.repr(*args);
}

std::string Interpreter::exception_line(Value exception)
{
    ClassObject* cls = type_of(exception);
    std::string name = cls->module_name == "builtins" || cls->module_name == "__main__" ? cls->qualname
                                                                                        : cls->module_name + "." + cls->qualname;
    auto* instance = as<InstanceObject>(exception);
    std::string message = instance ? exception_message(*this, instance) : str(exception);
    return message.empty() ? name : name + ": " + message;
}

std::string Interpreter::str(Value v)
{
    if (auto* s = as<StrObject>(v))
        return s->text;
    if (auto* instance = as<InstanceObject>(v); instance && instance->cls->is_exception)
        return exception_message(*this, instance);
    return repr(v);
}

bool Interpreter::has_python_truth(Value v) const
{
    return v.kind == ValueKind::Object && v.object->kind == ObjectKind::Instance &&
           (!python_method(v, "__bool__").is_empty() || !python_method(v, "__len__").is_empty());
}

bool Interpreter::truthy(Value v) const
{
    switch (v.kind) {
    case ValueKind::Empty:
    case ValueKind::None: return false;
    case ValueKind::Bool: return v.boolean;
    case ValueKind::Int: return v.integer != 0;
    case ValueKind::Float: return v.real != 0;
    case ValueKind::Object: break;
    }
    switch (v.object->kind) {
    case ObjectKind::Str: return !static_cast<StrObject*>(v.object)->text.empty();
    case ObjectKind::Bytes: return !static_cast<BytesObject*>(v.object)->data.empty();
    case ObjectKind::List: return !static_cast<ListObject*>(v.object)->items.empty();
    case ObjectKind::Tuple: return !static_cast<TupleObject*>(v.object)->items.empty();
    case ObjectKind::Dict: return static_cast<DictObject*>(v.object)->table.size() != 0;
    case ObjectKind::Set: return static_cast<SetObject*>(v.object)->table.used != 0;
    case ObjectKind::Range: return static_cast<RangeObject*>(v.object)->length() != 0;
    case ObjectKind::DictView: return static_cast<DictViewObject*>(v.object)->dict->table.size() != 0;
    default: return true;
    }
}

} // namespace python
