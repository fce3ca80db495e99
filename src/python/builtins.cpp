// The built-in functions (print, len, sorted, isinstance, ...) and class creation
// (__build_class__). Functions that must call Python code (a key function, a user-defined
// __str__) hand over to the prelude or ask the interpreter for the call; they never run a
// nested interpreter loop. Sections:
//   1. Output and text
//   2. Numbers
//   3. Collections and iteration
//   4. Objects and attributes
//   5. Classes
//   6. Installation (builtins and the prelude's natives)
#include "python/builtins.h"
#include "python/bigint.h"
#include "python/native.h"
#include "lang/repr.h"
#include "lang/utf8.h"
#include <cmath>
#include <cstdio>

namespace python {

Value prelude_function(Interpreter& vm, const char* name)
{
    return *vm.prelude->globals.find(name);
}

namespace {

// For retry_with_lists: the built-in function `name` itself.
Value builtin_named(Interpreter& vm, const char* name)
{
    return *vm.builtins->globals.find(name);
}

// ---------------------------------------------------------------------------------------------
// 1. Output and text
// ---------------------------------------------------------------------------------------------

bool optional_str(Interpreter& vm, Value v, const char* what, const char* fallback, std::string& out)
{
    if (v.is_empty() || v.is_none()) {
        out = fallback;
        return true;
    }
    auto* s = as<StrObject>(v);
    if (!s) {
        vm.fail(vm.types.type_error, std::string(what) + " must be None or a string, not " + vm.type_name(v));
        return false;
    }
    out = s->text;
    return true;
}

NativeResult builtin_print(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_keywords(vm, "print", args, {"sep", "end", "file", "flush"}))
        return NativeResult::raised();
    std::string sep, end;
    if (!optional_str(vm, args.keyword("sep"), "sep", " ", sep) || !optional_str(vm, args.keyword("end"), "end", "\n", end))
        return NativeResult::raised();
    Value file = args.keyword("file");
    if (file.is_empty())
        file = Value::none();
    uint32_t positional = args.positional_count();
    bool needs_python = !file.is_none();
    for (uint32_t i = 0; i < positional && !needs_python; i++)
        needs_python = !vm.python_method(args[i], "__str__").is_empty() || !vm.python_method(args[i], "__repr__").is_empty() ||
                       needs_python_repr(vm, args[i]);
    if (needs_python) {
        Value items = vm.new_tuple(std::vector<Value>(args.values, args.values + positional));
        return NativeResult::call(prelude_function(vm, "_print_slow"), {items, vm.new_str(sep), vm.new_str(end), file});
    }
    std::string text;
    for (uint32_t i = 0; i < positional; i++) {
        if (i)
            text += sep;
        text += vm.str(args[i]);
    }
    if (!vm.pending.is_empty())
        return NativeResult::raised();
    text += end;
    vm.host.write_stdout(text);
    return NativeResult::of(Value::none());
}

NativeResult builtin_repr(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "repr", args, 1, 1))
        return NativeResult::raised();
    return repr_of(vm, args[0]);
}

// The result of repr (native, a __repr__ or the prelude's) with non-ASCII characters escaped.
NativeResult escape_repr(Interpreter& vm, Thread&, Value, Value repr)
{
    auto* text = as<StrObject>(repr);
    if (!text)
        return vm.raise(vm.types.type_error, "__repr__ returned non-string (type " + vm.type_name(repr) + ")");
    return NativeResult::of(vm.new_str(lang::ascii_escape(text->text)));
}

// ascii(x): repr(x) with its non-ASCII characters escaped.
NativeResult builtin_ascii(Interpreter& vm, Thread& t, Value, CallArgs args)
{
    if (!check_arity(vm, "ascii", args, 1, 1))
        return NativeResult::raised();
    NativeResult r = repr_of(vm, args[0]);
    if (r.status == NativeStatus::Return)
        return escape_repr(vm, t, Value(), r.value);
    if (r.status == NativeStatus::Call)
        r.then = escape_repr;
    return r;
}

NativeResult builtin_format(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "format", args, 1, 2))
        return NativeResult::raised();
    Value spec = args.count == 2 ? args[1] : vm.new_str("");
    const StrObject* spec_text;
    if (!str_argument(vm, spec, "format() argument 2", spec_text))
        return NativeResult::raised();
    Value method = vm.python_method(args[0], "__format__");
    if (!method.is_empty())
        return NativeResult::call(method, {args[0], spec}, check_str_result, vm.new_str("__format__"));
    if (spec_text->text.empty())
        return str_of(vm, args[0]);
    std::string out;
    if (!vm.format_value(args[0], spec_text->text, out))
        return NativeResult::raised();
    return NativeResult::of(vm.new_str(out));
}

NativeResult builtin_chr(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "chr", args, 1, 1))
        return NativeResult::raised();
    int64_t cp;
    if (!int_argument(vm, args[0], cp))
        return NativeResult::raised();
    if (cp < 0 || cp > 0x10FFFF)
        return vm.raise(vm.types.value_error, "chr() arg not in range(0x110000)");
    std::string out;
    lang::append_utf8(out, (uint32_t)cp);
    return NativeResult::of(vm.new_str(out));
}

NativeResult builtin_ord(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "ord", args, 1, 1))
        return NativeResult::raised();
    auto* s = as<StrObject>(args[0]);
    if (!s)
        return vm.raise(vm.types.type_error, "ord() expected string of length 1, but " + vm.type_name(args[0]) + " found");
    if (s->length != 1)
        return vm.raise(vm.types.type_error, "ord() expected a character, but string of length " + std::to_string(s->length) + " found");
    size_t at = 0;
    return NativeResult::of(Value::from_int(lang::decode_utf8(s->text, at)));
}

NativeResult builtin_input(Interpreter& vm, Thread&, Value, CallArgs)
{
    return vm.raise(vm.types.runtime_error, "input() is not available: Threadlab programs run without a keyboard");
}

// exit() and quit(), as the interactive helpers CPython's site module adds: SystemExit.
NativeResult builtin_exit(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "exit", args, 0, 1))
        return NativeResult::raised();
    vm.pending = vm.make_exception(vm.types.system_exit, "");
    if (args.count == 1)
        vm.set_attr(as<InstanceObject>(vm.pending)->attrs, "args", vm.new_tuple({args[0]}));
    return NativeResult::raised();
}

NativeResult builtin_open(Interpreter& vm, Thread&, Value, CallArgs)
{
    return vm.raise(vm.types.os_error, "open() is not available: Threadlab programs have no file system");
}

// ---------------------------------------------------------------------------------------------
// 2. Numbers
// ---------------------------------------------------------------------------------------------

NativeResult builtin_abs(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "abs", args, 1, 1))
        return NativeResult::raised();
    Value v = args[0];
    if (is_int(v)) {
        Value r = int_abs(vm, v);
        return r.is_empty() ? NativeResult::raised() : NativeResult::of(r);
    }
    if (v.is_float())
        return NativeResult::of(Value::from_float(std::fabs(v.real)));
    Value method = vm.python_method(v, "__abs__");
    if (!method.is_empty())
        return NativeResult::call(method, {v});
    return vm.raise(vm.types.type_error, "bad operand type for abs(): '" + vm.type_name(v) + "'");
}

NativeResult builtin_round(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_keywords(vm, "round", args, {"ndigits"}))
        return NativeResult::raised();
    uint32_t positional = args.positional_count();
    if (positional < 1 || positional > 2)
        return vm.raise(vm.types.type_error, "round() takes at most 2 arguments");
    Value x = int_or_itself(args[0]);
    Value digits = positional == 2 ? args[1] : args.keyword("ndigits");
    if (!is_real(x))
        return vm.raise(vm.types.type_error, "type " + vm.type_name(x) + " doesn't define __round__ method");
    if (digits.is_empty() || digits.is_none()) {
        if (is_int(x))
            return NativeResult::of(x.is_bool() ? Value::from_int(x.as_integral()) : x);
        if (!std::isfinite(x.real))
            return vm.raise(std::isnan(x.real) ? vm.types.value_error : vm.types.overflow_error,
                            std::isnan(x.real) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
        // nearbyint rounds half to even in the default rounding mode, as Python's round().
        return NativeResult::of(int_from_double(vm, std::nearbyint(x.real)));
    }
    int64_t n;
    if (!int_argument(vm, digits, n))
        return NativeResult::raised();
    if (is_int(x)) {
        if (n >= 0)
            return NativeResult::of(x.is_bool() ? Value::from_int(x.as_integral()) : x);
        return NativeResult::of(round_int_to_decimals(vm, x, -n));
    }
    if (!std::isfinite(x.real) || n > 300)
        return NativeResult::of(x);
    if (n < 0) {
        double scale = std::pow(10.0, (double)-n);
        return NativeResult::of(Value::from_float(std::nearbyint(x.real / scale) * scale));
    }
    // Rounding the exact binary value to n decimals is what CPython does (round(2.675, 2) is
    // 2.67); printf performs exactly that rounding.
    char buffer[400];
    snprintf(buffer, sizeof buffer, "%.*f", (int)n, x.real);
    return NativeResult::of(Value::from_float(std::strtod(buffer, nullptr)));
}

NativeResult builtin_divmod(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "divmod", args, 2, 2))
        return NativeResult::raised();
    Value a = int_or_itself(args[0]), b = int_or_itself(args[1]);
    if (!is_real(a) || !is_real(b))
        return vm.raise(vm.types.type_error, "unsupported operand type(s) for divmod(): '" + vm.type_name(a) + "' and '" +
                                                 vm.type_name(b) + "'");
    if ((a.is_float() || b.is_float()) && b.is_number() && b.as_double() == 0)
        return vm.raise(vm.types.zero_division_error, "float divmod()");
    Value q = vm.binary_op(lang::BinaryOp::FloorDiv, a, b, false);
    if (q.is_empty())
        return NativeResult::raised();
    Value r = vm.binary_op(lang::BinaryOp::Mod, a, b, false);
    if (r.is_empty())
        return NativeResult::raised();
    return NativeResult::of(vm.new_tuple({q, r}));
}

NativeResult builtin_pow(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "pow", args, 2, 3))
        return NativeResult::raised();
    Value base = int_or_itself(args[0]), exponent = int_or_itself(args[1]);
    if (args.count == 2 || args[2].is_none()) {
        Value r = vm.binary_op(lang::BinaryOp::Pow, base, exponent, false);
        return r.is_empty() ? NativeResult::raised() : NativeResult::of(r);
    }
    Value modulus = int_or_itself(args[2]);
    if (!is_int(base) || !is_int(exponent) || !is_int(modulus))
        return vm.raise(vm.types.type_error, "pow() 3rd argument not allowed unless all arguments are integers");
    Value r = int_modular_pow(vm, base, exponent, modulus);
    return r.is_empty() ? NativeResult::raised() : NativeResult::of(r);
}

template <int Base>
NativeResult base_text(Interpreter& vm, CallArgs args, const char* name, const char* prefix)
{
    if (!check_arity(vm, name, args, 1, 1))
        return NativeResult::raised();
    Value n = int_or_itself(args[0]);
    if (!is_int(n))
        return vm.raise(vm.types.type_error, "'" + vm.type_name(n) + "' object cannot be interpreted as an integer");
    return NativeResult::of(vm.new_str((int_is_negative(n) ? "-" : "") + std::string(prefix) + int_magnitude_digits(n, Base, false)));
}

NativeResult builtin_hex(Interpreter& vm, Thread&, Value, CallArgs args) { return base_text<16>(vm, args, "hex", "0x"); }
NativeResult builtin_oct(Interpreter& vm, Thread&, Value, CallArgs args) { return base_text<8>(vm, args, "oct", "0o"); }
NativeResult builtin_bin(Interpreter& vm, Thread&, Value, CallArgs args) { return base_text<2>(vm, args, "bin", "0b"); }

NativeResult builtin_hash(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "hash", args, 1, 1))
        return NativeResult::raised();
    Value h = vm.hash(args[0]);
    return h.is_empty() ? NativeResult::raised() : NativeResult::of(h);
}

// ---------------------------------------------------------------------------------------------
// 3. Collections and iteration
// ---------------------------------------------------------------------------------------------

NativeResult len_result(Interpreter& vm, Thread&, Value, Value result)
{
    if (!result.is_integral())
        return vm.raise(vm.types.type_error, "'" + vm.type_name(result) + "' object cannot be interpreted as an integer");
    if (result.as_integral() < 0)
        return vm.raise(vm.types.value_error, "__len__() should return >= 0");
    return NativeResult::of(Value::from_int(result.as_integral()));
}

NativeResult builtin_len(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "len", args, 1, 1))
        return NativeResult::raised();
    Value method = vm.python_method(args[0], "__len__");
    if (!method.is_empty())
        return NativeResult::call(method, {args[0]}, len_result, Value());
    Value n = vm.length(args[0]);
    return n.is_empty() ? NativeResult::raised() : NativeResult::of(n);
}

NativeResult builtin_iter(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "iter", args, 1, 2))
        return NativeResult::raised();
    // iter(callable, sentinel): calls it until it returns the sentinel.
    if (args.count == 2)
        return NativeResult::call(prelude_function(vm, "_call_until"), {args[0], args[1]});
    Value method = vm.python_method(args[0], "__iter__");
    if (!method.is_empty())
        return NativeResult::call(method, {args[0]});
    if (as<GeneratorObject>(args[0]))
        return NativeResult::of(args[0]);
    Value it = vm.get_iter(args[0]);
    return it.is_empty() ? NativeResult::raised() : NativeResult::of(it);
}

// next(iterator, default): StopIteration from a Python-level iterator gives the default.
NativeResult default_on_stop(Interpreter& vm, Thread&, Value fallback, Value exception)
{
    if (!vm.is_instance(exception, vm.types.stop_iteration)) {
        vm.pending = exception;
        return NativeResult::raised();
    }
    return NativeResult::of(fallback);
}

NativeResult pass_value(Interpreter&, Thread&, Value, Value result)
{
    return NativeResult::of(result);
}

NativeResult builtin_next(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "next", args, 1, 2))
        return NativeResult::raised();
    Value method = vm.python_method(args[0], "__next__");
    if (!method.is_empty() || as<GeneratorObject>(args[0])) {
        NativeResult r = method.is_empty() ? NativeResult::call(args[0], {}) : NativeResult::call(method, {args[0]});
        if (args.count == 2) {
            r.then = pass_value;
            r.recover = default_on_stop;
            r.state = args[1];
        }
        return r;
    }
    auto* it = as<IteratorObject>(args[0]);
    if (!it)
        return vm.raise(vm.types.type_error, "'" + vm.type_name(args[0]) + "' object is not an iterator");
    Value v;
    if (vm.next(it, v))
        return NativeResult::of(v);
    if (!vm.pending.is_empty())
        return NativeResult::raised();
    if (args.count == 2)
        return NativeResult::of(args[1]);
    return vm.raise(vm.types.stop_iteration, "");
}

NativeResult builtin_sum(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_keywords(vm, "sum", args, {"start"}))
        return NativeResult::raised();
    uint32_t positional = args.positional_count();
    if (positional < 1 || positional > 2)
        return vm.raise(vm.types.type_error, "sum() takes at most 2 arguments (" + std::to_string(args.count) + " given)");
    Value total = positional == 2 ? args[1] : args.keyword("start");
    if (total.is_empty())
        total = Value::from_int(0);
    if (as<StrObject>(total))
        return vm.raise(vm.types.type_error, "sum() can't sum strings [use ''.join(seq) instead]");
    if (as<GeneratorObject>(args[0]) || !vm.python_method(args[0], "__iter__").is_empty())
        return NativeResult::call(prelude_function(vm, "_sum_lazily"), {args[0], total});
    std::vector<Value> items;
    if (!vm.collect(args[0], items))
        return NativeResult::raised();
    // Instances add through their __add__/__radd__ (and NotImplemented), which run in Python.
    auto is_instance = [](Value v) { return as<InstanceObject>(v) != nullptr; };
    if (is_instance(total) || std::any_of(items.begin(), items.end(), is_instance))
        return NativeResult::call(prelude_function(vm, "_sum_lazily"), {vm.new_list(std::move(items)), total});
    for (Value item : items) {
        total = vm.binary_op(lang::BinaryOp::Add, total, item, false);
        if (total.is_empty())
            return NativeResult::raised();
    }
    return NativeResult::of(total);
}

NativeResult min_max(Interpreter& vm, CallArgs args, const char* name, bool want_max)
{
    NativeResult retried;
    if (retry_with_lists(vm, builtin_named(vm, name), args, args.positional_count() == 1 ? 1 : 0, retried))
        return retried;
    if (!check_keywords(vm, name, args, {"key", "default"}))
        return NativeResult::raised();
    uint32_t positional = args.positional_count();
    if (positional == 0)
        return vm.raise(vm.types.type_error, std::string(name) + " expected at least 1 argument, got 0");
    Value key = args.keyword("key");
    Value fallback = args.keyword("default");
    if (positional > 1 && !fallback.is_empty())
        return vm.raise(vm.types.type_error, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
    std::vector<Value> items;
    if (positional == 1) {
        if (!vm.collect(args[0], items))
            return NativeResult::raised();
    } else {
        items.assign(args.values, args.values + positional);
    }
    if (!key.is_empty() && !key.is_none())
        return NativeResult::call(prelude_function(vm, "_min_max_by_key"),
                                  {vm.new_str(name), vm.new_list(std::move(items)), key, Value::from_bool(want_max),
                                   fallback.is_empty() ? Value::none() : fallback, Value::from_bool(!fallback.is_empty())});
    if (any_needs_python_compare(vm, items))
        return NativeResult::call(prelude_function(vm, "_min_max_by_key"),
                                  {vm.new_str(name), vm.new_list(std::move(items)), Value::none(), Value::from_bool(want_max),
                                   fallback.is_empty() ? Value::none() : fallback, Value::from_bool(!fallback.is_empty())});
    if (items.empty()) {
        if (!fallback.is_empty())
            return NativeResult::of(fallback);
        return vm.raise(vm.types.value_error, std::string(name) + "() arg is an empty sequence");
    }
    Value best = items[0];
    for (size_t i = 1; i < items.size(); i++) {
        Value better = vm.compare(want_max ? lang::CompareOp::Gt : lang::CompareOp::Lt, items[i], best);
        if (better.is_empty())
            return NativeResult::raised();
        if (better.boolean)
            best = items[i];
    }
    return NativeResult::of(best);
}

NativeResult builtin_min(Interpreter& vm, Thread&, Value, CallArgs args) { return min_max(vm, args, "min", false); }
NativeResult builtin_max(Interpreter& vm, Thread&, Value, CallArgs args) { return min_max(vm, args, "max", true); }

NativeResult builtin_sorted(Interpreter& vm, Thread&, Value, CallArgs args)
{
    NativeResult retried;
    if (retry_with_lists(vm, builtin_named(vm, "sorted"), args, 1, retried))
        return retried;
    if (args.positional_count() != 1)
        return vm.raise(vm.types.type_error, "sorted expected 1 argument, got " + std::to_string(args.positional_count()));
    if (!check_keywords(vm, "sort", args, {"key", "reverse"}))
        return NativeResult::raised();
    Value key = args.keyword("key");
    Value reverse = args.keyword("reverse");
    bool descending = !reverse.is_empty() && vm.truthy(reverse);
    if (!key.is_empty() && !key.is_none())
        return NativeResult::call(prelude_function(vm, "_sorted_by_key"), {args[0], key, Value::from_bool(descending)});
    std::vector<Value> items;
    if (!vm.collect(args[0], items))
        return NativeResult::raised();
    if (any_needs_python_compare(vm, items)) {
        Value list = vm.new_list(items);
        return NativeResult::call(prelude_function(vm, "_merge_sort"), {list, vm.new_list(std::move(items)), Value::from_bool(descending)},
                                  return_state, list);
    }
    if (!sort_values(vm, items, nullptr, descending))
        return NativeResult::raised();
    return NativeResult::of(vm.new_list(std::move(items)));
}

// ---------------------------------------------------------------------------------------------
// 4. Objects and attributes
// ---------------------------------------------------------------------------------------------

bool class_or_tuple(Interpreter& vm, Value v, const char* name, std::vector<ClassObject*>& out)
{
    std::vector<Value> candidates;
    if (auto* tuple = as<TupleObject>(v))
        candidates = tuple->items;
    else
        candidates.push_back(v);
    for (Value candidate : candidates) {
        auto* cls = as<ClassObject>(candidate);
        if (!cls) {
            vm.fail(vm.types.type_error, std::string(name) + "() arg 2 must be a type, a tuple of types, or a union");
            return false;
        }
        out.push_back(cls);
    }
    return true;
}

NativeResult builtin_isinstance(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "isinstance", args, 2, 2))
        return NativeResult::raised();
    std::vector<ClassObject*> classes;
    if (!class_or_tuple(vm, args[1], "isinstance", classes))
        return NativeResult::raised();
    for (ClassObject* cls : classes)
        if (vm.is_instance(args[0], cls))
            return NativeResult::of(Value::from_bool(true));
    return NativeResult::of(Value::from_bool(false));
}

NativeResult builtin_issubclass(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "issubclass", args, 2, 2))
        return NativeResult::raised();
    auto* cls = as<ClassObject>(args[0]);
    if (!cls)
        return vm.raise(vm.types.type_error, "issubclass() arg 1 must be a class");
    std::vector<ClassObject*> classes;
    if (!class_or_tuple(vm, args[1], "issubclass", classes))
        return NativeResult::raised();
    for (ClassObject* other : classes)
        if (cls->is_subclass_of(other))
            return NativeResult::of(Value::from_bool(true));
    return NativeResult::of(Value::from_bool(false));
}

// getattr(obj, name, default) and hasattr: an AttributeError from a property's getter (or
// another descriptor's __get__) counts as a missing attribute.
NativeResult fallback_on_attribute_error(Interpreter& vm, Thread&, Value fallback, Value exception)
{
    if (!vm.is_instance(exception, vm.types.attribute_error)) {
        vm.pending = exception;
        return NativeResult::raised();
    }
    return NativeResult::of(fallback);
}

NativeResult return_true(Interpreter&, Thread&, Value, Value) { return NativeResult::of(Value::from_bool(true)); }

// The read of a descriptor's value as a call, or false when get_attr answers alone.
bool descriptor_read_call(Interpreter& vm, Value object, std::string_view name, NativeResult& out)
{
    DescriptorCall d;
    if (!descriptor_read(vm, object, name, d))
        return false;
    out = NativeResult::call(d.callee, std::vector<Value>(d.args, d.args + d.argc));
    return true;
}

NativeResult builtin_getattr(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "getattr", args, 2, 3))
        return NativeResult::raised();
    const StrObject* name;
    if (!str_argument(vm, args[1], "attribute name", name))
        return NativeResult::raised();
    if (NativeResult r; descriptor_read_call(vm, args[0], name->text, r)) {
        if (args.count == 3) {
            r.then = pass_value;
            r.recover = fallback_on_attribute_error;
            r.state = args[2];
        }
        return r;
    }
    Value v = vm.get_attr(args[0], name->text);
    if (v.is_empty() && args.count == 3 && vm.is_instance(vm.pending, vm.types.attribute_error)) {
        vm.pending = Value::empty();
        return NativeResult::of(args[2]);
    }
    return v.is_empty() ? NativeResult::raised() : NativeResult::of(v);
}

NativeResult builtin_hasattr(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "hasattr", args, 2, 2))
        return NativeResult::raised();
    const StrObject* name;
    if (!str_argument(vm, args[1], "attribute name", name))
        return NativeResult::raised();
    if (NativeResult r; descriptor_read_call(vm, args[0], name->text, r)) {
        r.then = return_true;
        r.recover = fallback_on_attribute_error;
        r.state = Value::from_bool(false);
        return r;
    }
    Value v = vm.get_attr(args[0], name->text);
    if (v.is_empty()) {
        if (!vm.is_instance(vm.pending, vm.types.attribute_error))
            return NativeResult::raised();
        vm.pending = Value::empty();
        return NativeResult::of(Value::from_bool(false));
    }
    return NativeResult::of(Value::from_bool(true));
}

NativeResult builtin_setattr(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "setattr", args, 3, 3))
        return NativeResult::raised();
    const StrObject* name;
    if (!str_argument(vm, args[1], "attribute name", name))
        return NativeResult::raised();
    return store_attr_from_native(vm, args[0], name->text, args[2], false, true);
}

NativeResult builtin_delattr(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "delattr", args, 2, 2))
        return NativeResult::raised();
    const StrObject* name;
    if (!str_argument(vm, args[1], "attribute name", name))
        return NativeResult::raised();
    return store_attr_from_native(vm, args[0], name->text, Value(), true, true);
}

NativeResult builtin_vars(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "vars", args, 1, 1))
        return NativeResult::raised();
    Value v = vm.get_attr(args[0], "__dict__");
    if (v.is_empty()) {
        vm.pending = Value::empty();
        return vm.raise(vm.types.type_error, "vars() argument must have __dict__ attribute");
    }
    return NativeResult::of(v);
}

NativeResult builtin_id(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "id", args, 1, 1))
        return NativeResult::raised();
    Value v = args[0];
    if (v.is_object())
        return NativeResult::of(Value::from_int(v.object->id));
    // Unboxed values have no heap id; they get one from their value, above every heap id.
    return NativeResult::of(Value::from_int((int64_t)((hash_value(v) >> 24) | (1ULL << 40))));
}

NativeResult builtin_callable(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "callable", args, 1, 1))
        return NativeResult::raised();
    Value v = args[0];
    auto* instance = as<InstanceObject>(v);
    bool callable = as<FunctionObject>(v) || as<NativeObject>(v) || as<BoundMethodObject>(v) || as<ClassObject>(v) ||
                    (instance && instance->cls->lookup("__call__"));
    return NativeResult::of(Value::from_bool(callable));
}

// ---------------------------------------------------------------------------------------------
// 5. Classes
// ---------------------------------------------------------------------------------------------

// After the class body ran in its namespace: the class object, from state (body, name, base, namespace).
NativeResult finish_class(Interpreter& vm, Thread& t, Value state, Value)
{
    const std::vector<Value>& parts = as<TupleObject>(state)->items;
    auto* body = as<FunctionObject>(parts[0]);
    ClassObject* base = as<ClassObject>(parts[2]);
    ClassObject* cls = vm.new_class(as<StrObject>(parts[1])->text, base, body->module ? body->module->name : "__main__");
    cls->qualname = body->code->source->qualname;
    cls->int_valued = base->int_valued;
    cls->key_fields = base->key_fields;
    CellObject* class_cell = nullptr;
    for (const TableEntry& e : as<DictObject>(parts[3])->table.entries) {
        if (e.key.is_empty())
            continue;
        if (as<StrObject>(e.key)->text == "__classcell__")
            class_cell = as<CellObject>(e.value);
        else
            cls->attrs.set(e.key, e.value);
        note_class_attribute(cls, as<StrObject>(e.key)->text, e.value);
    }
    if (class_cell)
        class_cell->value = Value::from_object(cls);
    return class_ready(vm, t, cls, as<DictObject>(parts[4]));
}

// " at line L, column C": where the running Python code asked for a refused feature (the
// traceback shows the line; the column says which of its calls).
std::string refused_at(const Thread& thread)
{
    for (auto frame = thread.frames.rbegin(); frame != thread.frames.rend(); ++frame)
        if (!frame->is_native()) {
            lang::SourcePos pos = frame->position();
            return " at line " + std::to_string(pos.line) + ", column " + std::to_string(pos.col + 1);
        }
    return "";
}

NativeResult builtin_build_class(Interpreter& vm, Thread& thread, Value, CallArgs args)
{
    auto* body = as<FunctionObject>(args[0]);
    auto* name = as<StrObject>(args[1]);
    ClassObject* base = vm.types.object;
    uint32_t positional = args.positional_count();
    DictObject* keywords = vm.new_dict();
    for (uint32_t k = 0; k < args.kwcount; k++)
        keywords->table.set(args.kwnames[k], args[positional + k]);
    // `object` among several bases changes nothing: class C(A, object) has the one base A.
    std::vector<std::string> base_names;
    for (uint32_t i = 2; i < positional; i++) {
        auto* named = as<ClassObject>(args[i]);
        if (!named)
            return vm.raise(vm.types.type_error, "a class can only derive from a class, not from " + vm.type_name(args[i]));
        if (named->is_builtin && named != vm.types.object)
            return vm.raise(vm.types.not_implemented_error,
                            "subclassing the built-in type '" + named->name + "' is not supported by Threadlab (class " + name->text + ")" +
                                refused_at(thread));
        if (named != vm.types.object || positional == 3) {
            base = named;
            base_names.push_back(named->name);
        }
    }
    if (base_names.size() > 1)
        return vm.raise(vm.types.not_implemented_error, "multiple inheritance is not supported by Threadlab (class " + name->text +
                                                            " derives from " + base_names[0] + " and " + base_names[1] + ")" +
                                                            refused_at(thread));
    DictObject* ns = vm.new_dict();
    vm.set_attr(ns->table, "__module__", vm.new_str(body->module ? body->module->name : "__main__"));
    vm.set_attr(ns->table, "__qualname__", vm.new_str(body->code->source->qualname));
    Value state = vm.new_tuple({args[0], args[1], Value::from_object(base), Value::from_object(ns), Value::from_object(keywords)});
    return NativeResult::call(args[0], {Value::from_object(ns)}, finish_class, state);
}

// ---------------------------------------------------------------------------------------------
// 6. The prelude's natives
// ---------------------------------------------------------------------------------------------

NativeResult prelude_write(Interpreter& vm, Thread&, Value, CallArgs args)
{
    vm.host.write_stdout(as<StrObject>(args[0])->text);
    return NativeResult::of(Value::none());
}

// _sort_by_keys(items, keys, reverse): sorts the list `items` in place by the parallel `keys`.
NativeResult prelude_sort_by_keys(Interpreter& vm, Thread&, Value, CallArgs args)
{
    auto* items = as<ListObject>(args[0]);
    auto* keys = as<ListObject>(args[1]);
    if (any_needs_python_compare(vm, keys->items))
        return NativeResult::call(prelude_function(vm, "_merge_sort"), {args[0], args[1], args[2]});
    if (!sort_values(vm, items->items, &keys->items, vm.truthy(args[2])))
        return NativeResult::raised();
    return NativeResult::of(Value::none());
}

// _int_or_itself(v): the int an IntEnum member stands for, else v ("%d" % member).
NativeResult prelude_int_or_itself(Interpreter&, Thread&, Value, CallArgs args)
{
    return NativeResult::of(int_or_itself(args[0]));
}

// eval(), exec(), memoryview(), ...: names a program may use that Threadlab refuses, saying so
// where they are called rather than failing as an undefined name. `data` is the refusal's text.
NativeResult builtin_refused(Interpreter& vm, Thread& thread, Value data, CallArgs)
{
    return vm.raise(vm.types.not_implemented_error, as<StrObject>(data)->text + " not supported by Threadlab" + refused_at(thread));
}

} // namespace

void install_builtins(Interpreter& vm, ModuleObject& builtins)
{
    struct FunctionDef {
        const char* name;
        NativeFunction function;
    };
    static constexpr FunctionDef kFunctions[] = {
        {"print", builtin_print}, {"repr", builtin_repr}, {"ascii", builtin_ascii}, {"format", builtin_format},
        {"chr", builtin_chr}, {"ord", builtin_ord}, {"input", builtin_input}, {"open", builtin_open},
        {"exit", builtin_exit}, {"quit", builtin_exit},
        {"abs", builtin_abs}, {"round", builtin_round}, {"divmod", builtin_divmod}, {"pow", builtin_pow},
        {"hex", builtin_hex}, {"oct", builtin_oct}, {"bin", builtin_bin}, {"hash", builtin_hash},
        {"len", builtin_len}, {"iter", builtin_iter}, {"next", builtin_next}, {"sum", builtin_sum},
        {"min", builtin_min}, {"max", builtin_max}, {"sorted", builtin_sorted}, {"isinstance", builtin_isinstance},
        {"issubclass", builtin_issubclass}, {"getattr", builtin_getattr}, {"hasattr", builtin_hasattr},
        {"setattr", builtin_setattr}, {"delattr", builtin_delattr}, {"vars", builtin_vars}, {"id", builtin_id},
        {"callable", builtin_callable}, {"__build_class__", builtin_build_class},
    };
    for (const FunctionDef& f : kFunctions)
        vm.add_native(builtins, f.name, f.function);
    static constexpr std::pair<const char*, const char*> kRefused[] = {
        {"eval", "eval() is"}, {"exec", "exec() is"}, {"compile", "compile() is"}, {"memoryview", "memoryview() is"},
        {"complex", "complex numbers are"}, {"globals", "globals() is"}, {"locals", "locals() is"}, {"dir", "dir() is"},
        {"breakpoint", "breakpoint() is"}, {"help", "help() is"},
    };
    for (auto [name, refusal] : kRefused)
        vm.add_native(builtins, name, builtin_refused, vm.new_str(refusal));
    const BuiltinTypes& t = vm.types;
    ClassObject* classes[] = {
        t.object, t.type, t.int_type, t.bool_type, t.float_type, t.str, t.list, t.tuple, t.dict, t.set, t.frozenset, t.range, t.slice,
        t.super_type, t.iterators[(int)IteratorKind::Enumerate], t.iterators[(int)IteratorKind::Zip],
        t.iterators[(int)IteratorKind::Reversed], t.base_exception, t.system_exit, t.keyboard_interrupt, t.exception,
        t.arithmetic_error, t.overflow_error, t.zero_division_error, t.assertion_error, t.attribute_error,
        t.import_error, t.module_not_found_error, t.lookup_error, t.index_error, t.key_error, t.name_error,
        t.unbound_local_error, t.runtime_error, t.recursion_error, t.not_implemented_error, t.stop_iteration, t.stop_async_iteration,
        t.type_error, t.value_error, t.os_error, t.timeout_error, t.generator_exit, t.memory_error, t.property, t.staticmethod, t.classmethod,
        t.bytes, t.bytearray, t.unicode_error, t.unicode_encode_error, t.unicode_decode_error,
    };
    for (ClassObject* cls : classes)
        vm.set_attr(builtins.globals, cls->name, Value::from_object(cls));
    // The rest of CPython 3.11's exception tree: nothing in Threadlab raises these, but programs
    // raise and catch them (except FileNotFoundError:, raise EOFError).
    static constexpr std::pair<const char*, const char*> kMoreExceptions[] = {
        {"EOFError", "Exception"}, {"SystemError", "Exception"}, {"ReferenceError", "Exception"}, {"BufferError", "Exception"},
        {"FloatingPointError", "ArithmeticError"}, {"SyntaxError", "Exception"}, {"IndentationError", "SyntaxError"},
        {"TabError", "IndentationError"}, {"UnicodeTranslateError", "UnicodeError"}, {"BlockingIOError", "OSError"},
        {"ChildProcessError", "OSError"}, {"ConnectionError", "OSError"}, {"BrokenPipeError", "ConnectionError"},
        {"ConnectionAbortedError", "ConnectionError"}, {"ConnectionRefusedError", "ConnectionError"},
        {"ConnectionResetError", "ConnectionError"}, {"FileExistsError", "OSError"}, {"FileNotFoundError", "OSError"},
        {"InterruptedError", "OSError"}, {"IsADirectoryError", "OSError"}, {"NotADirectoryError", "OSError"},
        {"PermissionError", "OSError"}, {"ProcessLookupError", "OSError"}, {"Warning", "Exception"},
        {"UserWarning", "Warning"}, {"DeprecationWarning", "Warning"}, {"PendingDeprecationWarning", "Warning"},
        {"SyntaxWarning", "Warning"}, {"RuntimeWarning", "Warning"}, {"FutureWarning", "Warning"}, {"ImportWarning", "Warning"},
        {"UnicodeWarning", "Warning"}, {"BytesWarning", "Warning"}, {"ResourceWarning", "Warning"}, {"EncodingWarning", "Warning"},
    };
    for (auto [name, base_name] : kMoreExceptions) {
        auto* base = as<ClassObject>(*builtins.globals.find(base_name));
        vm.set_attr(builtins.globals, name, Value::from_object(vm.new_class(name, base, "builtins")));
    }
    for (const char* alias : {"EnvironmentError", "IOError"})
        vm.set_attr(builtins.globals, alias, Value::from_object(t.os_error));
}

void install_prelude_natives(Interpreter& vm, ModuleObject& prelude)
{
    vm.add_native(prelude, "_write", prelude_write);
    vm.add_native(prelude, "_sort_by_keys", prelude_sort_by_keys);
    vm.add_native(prelude, "_int_or_itself", prelude_int_or_itself);
    install_async_generator_natives(vm, prelude);
}

void export_prelude(Interpreter& vm)
{
    for (const char* name : {"map", "filter", "any", "all", "aiter", "anext", "NotImplemented"})
        if (Value* v = vm.prelude->globals.find(name))
            vm.set_attr(vm.builtins->globals, name, *v);
    vm.not_implemented = *vm.prelude->globals.find("NotImplemented");
}

} // namespace python
