// Internal to the engine: how the interpreter sets up its built-in namespace, and the shared
// pieces of the built-in functions and types.
#pragma once
#include "python/object.h"
#include <string>
#include <vector>

namespace python {

struct Interpreter;
struct ModuleObject;

// print, len, range, ... and __build_class__ into the builtins module (builtins.cpp).
void install_builtins(Interpreter& vm, ModuleObject& builtins);

// The methods of str, list, dict, tuple, int and float (methods.cpp).
void install_methods(Interpreter& vm);

// property, staticmethod and classmethod (descriptors.cpp).
void install_descriptors(Interpreter& vm);

// The descriptor protocol (descriptors.cpp). An attribute access that a descriptor answers is
// a call: callee(args[0..argc)), e.g. __get__(descriptor, instance or None, owner class).
struct DescriptorCall {
    Value callee;  // Empty when finding it raised (`pending` is set)
    Value args[3];
    uint32_t argc = 0;
};
// Reading `name`: true when a descriptor's __get__ must run; false when get_attr answers alone.
bool descriptor_read(Interpreter& vm, Value object, std::string_view name, DescriptorCall& call);
// Assigning (or deleting) `name` on an instance whose class has a data descriptor for it.
bool descriptor_write(Interpreter& vm, Value object, std::string_view name, Value value, bool deleting, DescriptorCall& call);
// A store (or deletion) that a native makes as a program's statement would (setattr, delattr):
// through the class's Python __setattr__/__delattr__ when with_hook, and its data descriptors.
NativeResult store_attr_from_native(Interpreter& vm, Value object, std::string_view name, Value value, bool deleting,
                                    bool with_hook);
// staticmethod(function), as str.maketrans is.
Value new_staticmethod(Interpreter& vm, Value function);
// Whether a class in cls's MRO holds a data descriptor (else an instance's own attributes win).
bool any_data_descriptor(const ClassObject* cls);
// Keeps ClassObject::has_data_descriptor true once the class holds one, or a Python __setattr__
// or __delattr__ (a new class attribute).
void note_class_attribute(ClassObject* cls, std::string_view name, Value value);
// A class just made from its body: its __slots__ checked, __set_name__ of the attributes that
// define it, then the bases' __init_subclass__ with the class keywords (through the prelude
// when one is Python code or there are keywords). Its result is the class.
NativeResult class_ready(Interpreter& vm, Thread& thread, ClassObject* cls, DictObject* keywords);
// Whether __slots__ let instances of `cls` have the attribute `name` (see has_slots).
bool slots_allow(ClassObject* cls, std::string_view name);
// object.__new__(cls): a new instance of a Python class.
NativeResult object_new(Interpreter& vm, Thread& thread, Value data, CallArgs args);

// The natives the prelude's Python code builds on: output, sorting by precomputed keys.
void install_prelude_natives(Interpreter& vm, ModuleObject& prelude);
// The ones its async generator driver (_AsyncGenStep) uses: _resume, _throw_into, _async_yielded
// (methods.cpp, beside the generators' send and throw).
void install_async_generator_natives(Interpreter& vm, ModuleObject& prelude);

// Copies the prelude's public functions into builtins once it has run.
void export_prelude(Interpreter& vm);

// The prelude function `name` (it always exists once the interpreter is constructed).
Value prelude_function(Interpreter& vm, const char* name);

// str(v) and repr(v) as natives answer them: user-defined __str__/__repr__ (also inside
// containers) run through frames; the rest is formatted natively (types.cpp).
NativeResult str_of(Interpreter& vm, Value v);
NativeResult repr_of(Interpreter& vm, Value v);
bool needs_python_repr(Interpreter& vm, Value v, int depth = 0);

// Adds the keys of an iterable to a set, as set(iterable) and set.update do; false when it raised.
bool fill_set(Interpreter& vm, SetObject* set, Value iterable);

// Whether formatting these arguments ("%" or str.format) runs a user-defined __str__, __repr__
// or __format__: then the prelude's slow path formats them.
bool format_args_need_python(Interpreter& vm, Value args);

// Whether comparing v (an instance, or a container holding one) runs a user-defined __eq__,
// __lt__, ... method, so that natives hand the comparison over to the prelude.
bool needs_python_compare(Interpreter& vm, Value v, int depth = 0);
bool any_needs_python_compare(Interpreter& vm, const std::vector<Value>& values);

// The closest existing name to the one an uncaught NameError or AttributeError misses ("" if
// none is close): CPython 3.11 appends ". Did you mean: 'name'?" to the report (suggestions.cpp).
std::string name_suggestion(Interpreter& vm, Value exception);

// Natives walk built-in iterables only. When one of the first `iterables` positional arguments
// is an object whose class defines __iter__ in Python, the native asks the prelude to call
// `function` (itself) again with such arguments turned into lists; otherwise this returns false.
bool retry_with_lists(Interpreter& vm, Value function, CallArgs args, uint32_t iterables, NativeResult& out);

// slice.indices(length): Python's clamping of a slice's start, stop and step (operations.cpp);
// false with the exception raised. slice_positions lists the indices the clamped slice visits.
bool slice_indices(Interpreter& vm, SliceObject* slice, int64_t length, int64_t& start, int64_t& stop, int64_t& step);
std::vector<int64_t> slice_positions(int64_t start, int64_t stop, int64_t step);

// Continuation that ignores the call's result and returns `state` instead.
NativeResult return_state(Interpreter& vm, Thread& thread, Value state, Value result);

// A stable sort with Python's `<` (descending keeps equal items in their order, as
// reverse=True does); with `keys`, items are ordered by the key at the same index. false when a
// comparison raised.
bool sort_values(Interpreter& vm, std::vector<Value>& items, const std::vector<Value>* keys, bool descending);

// Continuation: the result of a __str__/__repr__/__format__ (named by `method_name`) must be a str.
NativeResult check_str_result(Interpreter& vm, Thread& thread, Value method_name, Value result);

} // namespace python
