// property, staticmethod and classmethod, and the descriptor protocol that the attribute
// instructions follow (CPython's object.__getattribute__ and object.__setattr__): a class
// attribute whose type defines __get__ answers reads, one defining __set__ or __delete__ (a
// data descriptor) also answers writes and wins over the instance's own attributes.
// The three built-in descriptors are classes with native methods, so a property runs its
// getter in a frame of its own (no hidden frame between) and a staticmethod costs no frame.
// Sections:
//   1. Finding the descriptor an attribute access must call
//   2. staticmethod and classmethod
//   3. property
//   4. install_descriptors
#include "python/builtins.h"
#include "python/native.h"
#include <algorithm>

namespace python {

// ---------------------------------------------------------------------------------------------
// 1. Finding the descriptor an attribute access must call
// ---------------------------------------------------------------------------------------------

namespace {

// The descriptor method `name` (__get__, __set__, __delete__) of v's class, native or Python.
// Only instances can be descriptors here: functions are bound by get_attr itself.
Value descriptor_method(Value v, std::string_view name)
{
    auto* instance = as<InstanceObject>(v);
    if (!instance)
        return Value::empty();
    Value* found = instance->cls->lookup(name);
    if (found && (as<FunctionObject>(*found) || as<NativeObject>(*found)))
        return *found;
    return Value::empty();
}

bool is_data_descriptor(Value v)
{
    return !descriptor_method(v, "__set__").is_empty() || !descriptor_method(v, "__delete__").is_empty();
}

} // namespace

bool any_data_descriptor(const ClassObject* cls)
{
    for (const ClassObject* c : cls->mro)
        if (c->has_data_descriptor)
            return true;
    return false;
}

// A __setattr__ or __delattr__ written in Python takes every store, as a data descriptor
// takes one name's: both make stores on instances look at the class first.
static bool is_store_hook(std::string_view name, Value value)
{
    return (name == "__setattr__" || name == "__delattr__") && as<FunctionObject>(value);
}

void note_class_attribute(ClassObject* cls, std::string_view name, Value value)
{
    if (is_data_descriptor(value) || is_store_hook(name, value))
        cls->has_data_descriptor = true;
}

bool descriptor_read(Interpreter& vm, Value object, std::string_view name, DescriptorCall& call)
{
    Value descriptor;
    Value instance = Value::none();
    ClassObject* owner = nullptr;
    if (auto* inst = as<InstanceObject>(object)) {
        bool data_first = any_data_descriptor(inst->cls);
        if (!data_first && inst->attrs.find(name))
            return false;
        Value* found = inst->cls->lookup(name);
        if (!found || !as<InstanceObject>(*found))
            return false;
        if (!data_first || !is_data_descriptor(*found)) {
            if (inst->attrs.find(name))
                return false;
        }
        descriptor = *found;
        instance = object;
        owner = inst->cls;
    } else if (auto* cls = as<ClassObject>(object)) {
        Value* found = cls->lookup(name);
        if (!found || !as<InstanceObject>(*found))
            return false;
        descriptor = *found;
        owner = cls;
    } else if (auto* super = as<SuperObject>(object)) {
        // super(C, obj) reads past C in obj's MRO; super(C, cls) (in a classmethod) in cls's.
        auto* self_class = as<ClassObject>(super->self);
        const std::vector<ClassObject*>& mro = (self_class ? self_class : vm.type_of(super->self))->mro;
        auto it = std::find(mro.begin(), mro.end(), super->cls);
        if (it == mro.end())
            return false;
        Value* found = nullptr;
        for (++it; it != mro.end() && !found; ++it)
            found = (*it)->attrs.find(name);
        if (!found || !as<InstanceObject>(*found))
            return false;
        descriptor = *found;
        instance = self_class ? Value::none() : super->self;
        owner = self_class ? self_class : vm.type_of(super->self);
    } else {
        return false;
    }
    Value get = descriptor_method(descriptor, "__get__");
    if (get.is_empty())
        return false;
    call.callee = get;
    call.args[0] = descriptor;
    call.args[1] = instance;
    call.args[2] = Value::from_object(owner);
    call.argc = 3;
    return true;
}

// The data descriptor half of descriptor_write (what object.__setattr__ honours).
static bool data_descriptor_write(Interpreter& vm, InstanceObject* inst, std::string_view name, Value value, bool deleting,
                                  DescriptorCall& call)
{
    Value object = Value::from_object(inst);
    Value* found = inst->cls->lookup(name);
    if (!found || !is_data_descriptor(*found))
        return false;
    const char* method_name = deleting ? "__delete__" : "__set__";
    Value method = descriptor_method(*found, method_name);
    if (method.is_empty()) {
        // A data descriptor without this half: CPython names the missing method.
        call.callee = Value::empty();
        vm.fail(vm.types.attribute_error, method_name);
        return true;
    }
    call.callee = method;
    call.args[0] = *found;
    call.args[1] = object;
    call.args[2] = value;
    call.argc = deleting ? 2 : 3;
    return true;
}

bool descriptor_write(Interpreter& vm, Value object, std::string_view name, Value value, bool deleting, DescriptorCall& call)
{
    // The class whose __setattr__ would take the store: an instance's class, a class's metaclass.
    ClassObject* hook_owner = nullptr;
    auto* inst = as<InstanceObject>(object);
    if (inst && any_data_descriptor(inst->cls))
        hook_owner = inst->cls;
    else if (auto* cls = as<ClassObject>(object))
        hook_owner = metaclass_of(cls);
    if (!hook_owner)
        return false;
    const char* hook_name = deleting ? "__delattr__" : "__setattr__";
    if (Value* hook = hook_owner->lookup(hook_name); hook && is_store_hook(hook_name, *hook)) {
        call.callee = *hook;
        call.args[0] = object;
        call.args[1] = vm.new_str(name);
        call.args[2] = value;
        call.argc = deleting ? 2 : 3;
        return true;
    }
    return inst && data_descriptor_write(vm, inst, name, value, deleting, call);
}

NativeResult store_attr_from_native(Interpreter& vm, Value object, std::string_view name, Value value, bool deleting,
                                    bool with_hook)
{
    DescriptorCall call;
    auto* inst = as<InstanceObject>(object);
    bool through_python = with_hook ? descriptor_write(vm, object, name, value, deleting, call)
                                    : inst && data_descriptor_write(vm, inst, name, value, deleting, call);
    if (through_python) {
        if (call.callee.is_empty())
            return NativeResult::raised();
        return NativeResult::call(call.callee, std::vector<Value>(call.args, call.args + call.argc), return_state, Value::none());
    }
    bool stored = deleting ? vm.delete_attr(object, name) : vm.set_attr_checked(object, name, value);
    return stored ? NativeResult::of(Value::none()) : NativeResult::raised();
}

// ---------------------------------------------------------------------------------------------
// 2. staticmethod and classmethod
// ---------------------------------------------------------------------------------------------

namespace {

// The instance a descriptor method was called on (args[0]), checked to be of `cls`.
InstanceObject* self_of(Interpreter& vm, CallArgs args, ClassObject* cls, const char* method)
{
    auto* self = args.count ? as<InstanceObject>(args[0]) : nullptr;
    if (!self || !self->cls->is_subclass_of(cls)) {
        vm.fail(vm.types.type_error, "descriptor '" + std::string(method) + "' for '" + cls->name + "' objects doesn't apply to a '" +
                                         (args.count ? vm.type_name(args[0]) : std::string("NoneType")) + "' object");
        return nullptr;
    }
    return self;
}

Value attribute(InstanceObject* self, std::string_view name)
{
    Value* v = self->attrs.find(name);
    return v ? *v : Value::none();
}

// staticmethod(f) and classmethod(f): the wrapped function is __func__ (and __wrapped__, as
// functools.wraps would set it).
NativeResult wrapper_init(Interpreter& vm, Thread&, Value data, CallArgs args)
{
    ClassObject* cls = as<ClassObject>(data);
    InstanceObject* self = self_of(vm, args, cls, "__init__");
    if (!self)
        return NativeResult::raised();
    CallArgs rest{args.values + 1, args.count - 1, args.kwnames, args.kwcount};
    if (!check_arity(vm, cls->name.c_str(), rest, 1, 1))
        return NativeResult::raised();
    vm.set_attr(self->attrs, "__func__", rest[0]);
    vm.set_attr(self->attrs, "__wrapped__", rest[0]);
    return NativeResult::of(Value::none());
}

NativeResult staticmethod_get(Interpreter& vm, Thread&, Value, CallArgs args)
{
    InstanceObject* self = self_of(vm, args, vm.types.staticmethod, "__get__");
    if (!self)
        return NativeResult::raised();
    return NativeResult::of(attribute(self, "__func__"));
}

// A staticmethod is callable itself (Python 3.10 and later).
NativeResult staticmethod_call(Interpreter& vm, Thread&, Value, CallArgs args)
{
    InstanceObject* self = self_of(vm, args, vm.types.staticmethod, "__call__");
    if (!self)
        return NativeResult::raised();
    NativeResult r = NativeResult::call(attribute(self, "__func__"), std::vector<Value>(args.values + 1, args.values + args.count));
    r.call_kwnames.assign(args.kwnames, args.kwnames + args.kwcount);
    return r;
}

NativeResult classmethod_get(Interpreter& vm, Thread&, Value, CallArgs args)
{
    InstanceObject* self = self_of(vm, args, vm.types.classmethod, "__get__");
    if (!self)
        return NativeResult::raised();
    Value owner = args.count > 2 && !args[2].is_none() ? args[2] : Value::from_object(vm.type_of(args.count > 1 ? args[1] : Value::none()));
    auto* method = vm.heap.make<BoundMethodObject>();
    method->self = owner;
    method->function = attribute(self, "__func__");
    return NativeResult::of(Value::from_object(method));
}

// ---------------------------------------------------------------------------------------------
// 3. property
// ---------------------------------------------------------------------------------------------

// property(fget=None, fset=None, fdel=None, doc=None)
NativeResult property_init(Interpreter& vm, Thread&, Value, CallArgs args)
{
    InstanceObject* self = self_of(vm, args, vm.types.property, "__init__");
    if (!self)
        return NativeResult::raised();
    static const char* const kParameters[] = {"fget", "fset", "fdel", "doc"};
    Value values[4] = {Value::none(), Value::none(), Value::none(), Value::none()};
    uint32_t positional = args.positional_count() - 1;
    if (positional > 4)
        return vm.raise(vm.types.type_error, "property() takes at most 4 arguments (" + std::to_string(positional) + " given)");
    for (uint32_t i = 0; i < positional; i++)
        values[i] = args[i + 1];
    for (uint32_t k = 0; k < args.kwcount; k++) {
        std::string_view keyword = as<StrObject>(args.kwnames[k])->text;
        int index = -1;
        for (int i = 0; i < 4; i++)
            if (keyword == kParameters[i])
                index = i;
        if (index < 0)
            return vm.raise(vm.types.type_error, "property() got an unexpected keyword argument '" + std::string(keyword) + "'");
        if (index < (int)positional)
            return vm.raise(vm.types.type_error, "argument for property() given by name ('" + std::string(keyword) +
                                                     "') and position (" + std::to_string(index + 1) + ")");
        values[index] = args[args.positional_count() + k];
    }
    for (int i = 0; i < 3; i++)
        vm.set_attr(self->attrs, kParameters[i], values[i]);
    vm.set_attr(self->attrs, "__doc__", values[3]);
    return NativeResult::of(Value::none());
}

// The name CPython's messages give a property: the one it was assigned to in its class
// (__set_name__), else its getter's.
std::string property_name(InstanceObject* self)
{
    if (auto* name = as<StrObject>(attribute(self, "__name__")))
        return name->text;
    if (auto* getter = as<FunctionObject>(attribute(self, "fget")))
        return getter->name;
    return "";
}

NativeResult property_missing(Interpreter& vm, InstanceObject* self, Value instance, const char* what)
{
    std::string name = property_name(self);
    std::string subject = name.empty() ? "property" : "property '" + name + "'";
    return vm.raise(vm.types.attribute_error, subject + " of '" + vm.type_name(instance) + "' object has no " + what);
}

// __get__(self, instance, owner): read through the class, the property itself.
NativeResult property_get(Interpreter& vm, Thread&, Value, CallArgs args)
{
    InstanceObject* self = self_of(vm, args, vm.types.property, "__get__");
    if (!self || !check_arity(vm, "__get__", args, 2, 3))
        return NativeResult::raised();
    if (args[1].is_none())
        return NativeResult::of(args[0]);
    Value getter = attribute(self, "fget");
    if (getter.is_none())
        return property_missing(vm, self, args[1], "getter");
    return NativeResult::call(getter, {args[1]});
}

NativeResult property_set(Interpreter& vm, Thread&, Value, CallArgs args)
{
    InstanceObject* self = self_of(vm, args, vm.types.property, "__set__");
    if (!self || !check_arity(vm, "__set__", args, 3, 3))
        return NativeResult::raised();
    Value setter = attribute(self, "fset");
    if (setter.is_none())
        return property_missing(vm, self, args[1], "setter");
    return NativeResult::call(setter, {args[1], args[2]});
}

NativeResult property_delete(Interpreter& vm, Thread&, Value, CallArgs args)
{
    InstanceObject* self = self_of(vm, args, vm.types.property, "__delete__");
    if (!self || !check_arity(vm, "__delete__", args, 2, 2))
        return NativeResult::raised();
    Value deleter = attribute(self, "fdel");
    if (deleter.is_none())
        return property_missing(vm, self, args[1], "deleter");
    return NativeResult::call(deleter, {args[1]});
}

NativeResult property_set_name(Interpreter& vm, Thread&, Value, CallArgs args)
{
    InstanceObject* self = self_of(vm, args, vm.types.property, "__set_name__");
    if (!self || !check_arity(vm, "__set_name__", args, 3, 3))
        return NativeResult::raised();
    vm.set_attr(self->attrs, "__name__", args[2]);
    return NativeResult::of(Value::none());
}

// getter/setter/deleter(f): a copy of the property with one accessor replaced (data: its index).
NativeResult property_copy_with(Interpreter& vm, Thread&, Value data, CallArgs args)
{
    static const char* const kAccessors[] = {"fget", "fset", "fdel"};
    const char* accessor = kAccessors[data.integer];
    InstanceObject* self = self_of(vm, args, vm.types.property, accessor);
    if (!self || !check_arity(vm, accessor, args, 2, 2))
        return NativeResult::raised();
    auto* copy = vm.heap.make<InstanceObject>(self->cls);
    copy->attrs = self->attrs;
    vm.set_attr(copy->attrs, accessor, args[1]);
    return NativeResult::of(Value::from_object(copy));
}

// object.__init_subclass__(cls): accepts no class keywords.
NativeResult object_init_subclass(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (args.kwcount || args.count > 1)
        return vm.raise(vm.types.type_error, (args.count ? as<ClassObject>(args[0])->name : std::string("object")) +
                                                 ".__init_subclass__() takes no keyword arguments");
    return NativeResult::of(Value::none());
}

Value wrap_in(Interpreter& vm, ClassObject* wrapper, Value function)
{
    auto* instance = vm.heap.make<InstanceObject>(wrapper);
    vm.set_attr(instance->attrs, "__func__", function);
    vm.set_attr(instance->attrs, "__wrapped__", function);
    return Value::from_object(instance);
}

} // namespace

Value new_staticmethod(Interpreter& vm, Value function)
{
    return wrap_in(vm, vm.types.staticmethod, function);
}

// The names a class's own __slots__ gives (a str is one name), or false when it has none.
static bool own_slots(ClassObject* cls, std::vector<std::string_view>& names)
{
    Value* slots = cls->attrs.find("__slots__");
    if (!slots)
        return false;
    if (auto* one = as<StrObject>(*slots)) {
        names.push_back(one->text);
        return true;
    }
    const std::vector<Value>* items = nullptr;
    if (auto* tuple = as<TupleObject>(*slots)) items = &tuple->items;
    if (auto* list = as<ListObject>(*slots)) items = &list->items;
    if (items)
        for (Value item : *items)
            if (auto* text = as<StrObject>(item))
                names.push_back(text->text);
    return true;
}

bool slots_allow(ClassObject* cls, std::string_view name)
{
    for (ClassObject* c : cls->mro) {
        std::vector<std::string_view> names;
        own_slots(c, names);
        for (std::string_view slot : names)
            if (slot == name || slot == "__dict__")
                return true;
    }
    return false;
}

// __slots__ must name attributes with strs; a class restricts its instances when it and every
// base up to object define it.
static bool check_slots(Interpreter& vm, ClassObject* cls)
{
    Value* slots = cls->attrs.find("__slots__");
    if (!slots)
        return true;
    const std::vector<Value>* items = nullptr;
    if (auto* tuple = as<TupleObject>(*slots)) items = &tuple->items;
    if (auto* list = as<ListObject>(*slots)) items = &list->items;
    if (!as<StrObject>(*slots) && !items) {
        vm.fail(vm.types.type_error, "'" + vm.type_name(*slots) + "' object is not iterable");
        return false;
    }
    if (items)
        for (Value item : *items)
            if (!as<StrObject>(item)) {
                vm.fail(vm.types.type_error, "__slots__ items must be strings, not '" + vm.type_name(item) + "'");
                return false;
            }
    cls->has_slots = !cls->is_exception && (cls->base == vm.types.object || (cls->base && cls->base->has_slots));
    return true;
}

NativeResult object_new(Interpreter& vm, Thread&, Value, CallArgs args)
{
    auto* cls = args.count ? as<ClassObject>(args[0]) : nullptr;
    if (!cls)
        return vm.raise(vm.types.type_error, "object.__new__(X): X is not a type object (" +
                                                 (args.count ? vm.type_name(args[0]) : std::string("nothing")) + ")");
    if (cls->is_builtin)
        return vm.raise(vm.types.type_error, "object.__new__(" + cls->name + ") is not safe, use " + cls->name + ".__new__()");
    auto* instance = vm.heap.make<InstanceObject>(cls);
    if (cls->is_exception)
        vm.set_attr(instance->attrs, "args", vm.new_tuple(std::vector<Value>(args.values + 1, args.values + args.positional_count())));
    return NativeResult::of(Value::from_object(instance));
}

// object.__setattr__(obj, name, value) and object.__delattr__(obj, name): the store without the
// class's own hook (what a __setattr__ calls to store at last), data descriptors still honoured.
NativeResult object_store_attr(Interpreter& vm, Thread&, Value data, CallArgs args)
{
    bool deleting = data.boolean;
    const char* method = deleting ? "__delattr__" : "__setattr__";
    if (!check_arity(vm, method, args, deleting ? 2 : 3, deleting ? 2 : 3))
        return NativeResult::raised();
    auto* name = as<StrObject>(args[1]);
    if (!name)
        return vm.raise(vm.types.type_error, "attribute name must be string, not '" + vm.type_name(args[1]) + "'");
    return store_attr_from_native(vm, args[0], name->text, deleting ? Value() : args[2], deleting, false);
}

// object.__hash__(obj): the identity hash, what `__hash__ = object.__hash__` restores in a class
// that defines __eq__.
NativeResult object_hash(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "__hash__", args, 1, 1))
        return NativeResult::raised();
    return NativeResult::of(Value::from_int((int64_t)(hash_value(args[0]) >> 1)));
}

NativeResult class_ready(Interpreter& vm, Thread& thread, ClassObject* cls, DictObject* keywords)
{
    if (!check_slots(vm, cls))
        return NativeResult::raised();
    // __init_subclass__ is a classmethod without saying so, as in CPython.
    if (Value* init_subclass = cls->attrs.find("__init_subclass__"); init_subclass && as<FunctionObject>(*init_subclass))
        *init_subclass = wrap_in(vm, vm.types.classmethod, *init_subclass);
    std::vector<Value> named;  // (value, name) pairs whose __set_name__ is Python code
    for (const TableEntry& e : cls->attrs.entries) {
        if (e.key.is_empty())
            continue;
        Value set_name = descriptor_method(e.value, "__set_name__");
        if (auto* native = as<NativeObject>(set_name)) {
            Value args[3] = {e.value, Value::from_object(cls), e.key};
            NativeResult r = native->function(vm, thread, native->data, CallArgs{args, 3, nullptr, 0});
            if (r.status == NativeStatus::Raise)
                return r;
        } else if (!set_name.is_empty()) {
            named.push_back(vm.new_tuple({e.value, e.key}));
        }
    }
    Value* init_subclass = cls->base ? cls->base->lookup("__init_subclass__") : nullptr;
    bool python_init_subclass = init_subclass && init_subclass != vm.types.object->attrs.find("__init_subclass__");
    if (named.empty() && !python_init_subclass && keywords->table.size() == 0)
        return NativeResult::of(Value::from_object(cls));
    return NativeResult::call(prelude_function(vm, "_class_ready"),
                              {Value::from_object(cls), vm.new_list(std::move(named)), Value::from_object(keywords)}, return_state,
                              Value::from_object(cls));
}

// ---------------------------------------------------------------------------------------------
// 4. install_descriptors
// ---------------------------------------------------------------------------------------------

void install_descriptors(Interpreter& vm)
{
    BuiltinTypes& t = vm.types;
    auto method = [&](ClassObject* cls, const char* name, NativeFunction function, Value data = {}) {
        NativeObject* native = vm.new_native(name, function, data);
        native->owner = cls;
        vm.set_attr(cls->attrs, name, Value::from_object(native));
    };
    t.staticmethod = vm.new_class("staticmethod", t.object, "builtins");
    method(t.staticmethod, "__init__", wrapper_init, Value::from_object(t.staticmethod));
    method(t.staticmethod, "__get__", staticmethod_get);
    method(t.staticmethod, "__call__", staticmethod_call);
    t.classmethod = vm.new_class("classmethod", t.object, "builtins");
    method(t.classmethod, "__init__", wrapper_init, Value::from_object(t.classmethod));
    method(t.classmethod, "__get__", classmethod_get);
    t.property = vm.new_class("property", t.object, "builtins");
    method(t.property, "__init__", property_init);
    method(t.property, "__get__", property_get);
    method(t.property, "__set__", property_set);
    method(t.property, "__delete__", property_delete);
    method(t.property, "__set_name__", property_set_name);
    method(t.property, "getter", property_copy_with, Value::from_int(0));
    method(t.property, "setter", property_copy_with, Value::from_int(1));
    method(t.property, "deleter", property_copy_with, Value::from_int(2));
    method(t.object, "__setattr__", object_store_attr, Value::from_bool(false));
    method(t.object, "__delattr__", object_store_attr, Value::from_bool(true));
    method(t.object, "__hash__", object_hash);
    vm.set_attr(t.object->attrs, "__init_subclass__", wrap_in(vm, t.classmethod, Value::from_object(vm.new_native("__init_subclass__", object_init_subclass))));
}

} // namespace python
