// The built-in classes: the type hierarchy (object, int, str, ..., the exception tree), what
// calling each type does, and the methods of object and BaseException. The methods of str,
// list, dict and tuple are in methods.cpp. Sections:
//   1. Argument helpers (native.h)
//   2. Constructors of the built-in types
//   3. object and BaseException
//   4. install_types
#include "python/builtins.h"
#include "python/bigint.h"
#include "python/bytes.h"
#include "python/native.h"
#include "lang/repr.h"
#include <cmath>
#include <cstdlib>

namespace python {

// ---------------------------------------------------------------------------------------------
// 1. Argument helpers
// ---------------------------------------------------------------------------------------------

bool check_arity(Interpreter& vm, const char* name, CallArgs args, uint32_t min, uint32_t max)
{
    if (args.kwcount) {
        vm.fail(vm.types.type_error, std::string(name) + "() takes no keyword arguments");
        return false;
    }
    uint32_t n = args.count;
    if (n >= min && n <= max)
        return true;
    std::string message;
    if (min == max && min == 0)
        message = std::string(name) + "() takes no arguments (" + std::to_string(n) + " given)";
    else if (min == max && min == 1)
        message = std::string(name) + "() takes exactly one argument (" + std::to_string(n) + " given)";
    else if (min == max)
        message = std::string(name) + "() takes exactly " + std::to_string(min) + " arguments (" + std::to_string(n) + " given)";
    else if (n < min)
        message = std::string(name) + " expected at least " + std::to_string(min) + " argument" + (min == 1 ? "" : "s") + ", got " + std::to_string(n);
    else
        message = std::string(name) + " expected at most " + std::to_string(max) + " argument" + (max == 1 ? "" : "s") + ", got " + std::to_string(n);
    vm.fail(vm.types.type_error, message);
    return false;
}

bool check_keywords(Interpreter& vm, const char* name, CallArgs args, std::initializer_list<const char*> allowed)
{
    for (uint32_t k = 0; k < args.kwcount; k++) {
        const std::string& key = as<StrObject>(args.kwnames[k])->text;
        bool ok = false;
        for (const char* a : allowed)
            ok = ok || key == a;
        if (!ok) {
            vm.fail(vm.types.type_error, std::string(name) + "() got an unexpected keyword argument '" + key + "'");
            return false;
        }
    }
    return true;
}

bool int_argument(Interpreter& vm, Value v, int64_t& out)
{
    if (is_big_int(v)) {
        vm.fail(vm.types.overflow_error, "Python int too large to convert to C ssize_t");
        return false;
    }
    if (Value n = carried_int(v); !n.is_empty())
        return int_argument(vm, n, out);
    if (!v.is_integral()) {
        vm.fail(vm.types.type_error, "'" + vm.type_name(v) + "' object cannot be interpreted as an integer");
        return false;
    }
    out = v.as_integral();
    return true;
}

bool str_argument(Interpreter& vm, Value v, const char* what, const StrObject*& out)
{
    out = as<StrObject>(v);
    if (!out)
        vm.fail(vm.types.type_error, std::string(what) + " must be str, not " + vm.type_name(v));
    return out != nullptr;
}

// ---------------------------------------------------------------------------------------------
// 2. Constructors of the built-in types (data: the class being called)
// ---------------------------------------------------------------------------------------------

namespace {

// Parses Python's int() literal syntax: optional sign, underscores between digits, and a
// 0x/0o/0b prefix when base is 0 or matches.
bool parse_float(std::string_view text, double& out)
{
    size_t start = text.find_first_not_of(" \t\n\r\f\v");
    size_t end = text.find_last_not_of(" \t\n\r\f\v");
    if (start == std::string_view::npos)
        return false;
    std::string clean;
    for (size_t i = start; i <= end; i++) {
        char c = text[i];
        if (c == '_') {
            bool between_digits = i > start && i < end && isdigit((unsigned char)text[i - 1]) && isdigit((unsigned char)text[i + 1]);
            if (!between_digits)
                return false;
            continue;
        }
        clean += c;
    }
    std::string lower;
    for (char c : clean)
        lower += (char)tolower((unsigned char)c);
    std::string_view body = lower;
    bool negative = !body.empty() && body[0] == '-';
    if (!body.empty() && (body[0] == '-' || body[0] == '+'))
        body.remove_prefix(1);
    if (body == "inf" || body == "infinity") {
        out = negative ? -INFINITY : INFINITY;
        return true;
    }
    if (body == "nan") {
        out = NAN;
        return true;
    }
    if (body.empty() || body.find_first_not_of("0123456789.e+-") != std::string_view::npos)
        return false;
    char* parse_end = nullptr;
    out = std::strtod(clean.c_str(), &parse_end);
    return parse_end && *parse_end == '\0';
}

NativeResult construct_object(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "object", args, 0, 0))
        return NativeResult::raised();
    return NativeResult::of(Value::from_object(vm.heap.make<InstanceObject>(vm.types.object)));
}

NativeResult construct_type(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (args.count == 3)
        return vm.raise(vm.types.type_error, "Threadlab does not support creating classes with type(name, bases, dict)");
    if (!check_arity(vm, "type", args, 1, 1))
        return NativeResult::raised();
    return NativeResult::of(Value::from_object(vm.type_of(args[0])));
}

NativeResult construct_int(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_keywords(vm, "int", args, {"base"}))
        return NativeResult::raised();
    Value base_value = args.keyword("base");
    uint32_t positional = args.positional_count();
    if (positional > 2 || (positional == 2 && !base_value.is_empty()))
        return vm.raise(vm.types.type_error, "int() takes at most 2 arguments (" + std::to_string(args.count) + " given)");
    if (positional == 2)
        base_value = args[1];
    if (positional == 0)
        return NativeResult::of(Value::from_int(0));
    Value v = int_or_itself(args[0]);
    if (!base_value.is_empty()) {
        int64_t base;
        if (!int_argument(vm, base_value, base))
            return NativeResult::raised();
        if (base != 0 && (base < 2 || base > 36))
            return vm.raise(vm.types.value_error, "int() base must be >= 2 and <= 36, or 0");
        auto* s = as<StrObject>(v);
        if (!s)
            return vm.raise(vm.types.type_error, "int() can't convert non-string with explicit base");
        Value out = parse_int_text(vm, s->text, (int)base);
        return out.is_empty() ? NativeResult::raised() : NativeResult::of(out);
    }
    if (v.is_integral())
        return NativeResult::of(Value::from_int(v.as_integral()));
    if (is_big_int(v))
        return NativeResult::of(v);
    if (v.is_float()) {
        if (std::isnan(v.real))
            return vm.raise(vm.types.value_error, "cannot convert float NaN to integer");
        if (std::isinf(v.real))
            return vm.raise(vm.types.overflow_error, "cannot convert float infinity to integer");
        return NativeResult::of(int_from_double(vm, v.real));
    }
    if (auto* s = as<StrObject>(v)) {
        Value out = parse_int_text(vm, s->text, 10);
        return out.is_empty() ? NativeResult::raised() : NativeResult::of(out);
    }
    return vm.raise(vm.types.type_error, "int() argument must be a string, a bytes-like object or a real number, not '" + vm.type_name(v) + "'");
}

NativeResult construct_float(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "float", args, 0, 1))
        return NativeResult::raised();
    if (args.count == 0)
        return NativeResult::of(Value::from_float(0));
    Value v = int_or_itself(args[0]);
    if (is_real(v)) {
        double d;
        return real_to_double(vm, v, d) ? NativeResult::of(Value::from_float(d)) : NativeResult::raised();
    }
    if (auto* s = as<StrObject>(v)) {
        double out;
        if (!parse_float(s->text, out))
            return vm.raise(vm.types.value_error, "could not convert string to float: " + lang::str_repr(s->text));
        return NativeResult::of(Value::from_float(out));
    }
    return vm.raise(vm.types.type_error, "float() argument must be a string or a real number, not '" + vm.type_name(v) + "'");
}

NativeResult bool_of_result(Interpreter& vm, Thread&, Value method_name, Value result)
{
    if (as<StrObject>(method_name)->text == "__len__") {
        if (!result.is_integral())
            return vm.raise(vm.types.type_error, "'" + vm.type_name(result) + "' object cannot be interpreted as an integer");
        return NativeResult::of(Value::from_bool(result.as_integral() != 0));
    }
    if (!result.is_bool())
        return vm.raise(vm.types.type_error, "__bool__ should return bool, returned " + vm.type_name(result));
    return NativeResult::of(result);
}

NativeResult construct_bool(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "bool", args, 0, 1))
        return NativeResult::raised();
    if (args.count == 0)
        return NativeResult::of(Value::from_bool(false));
    for (const char* dunder : {"__bool__", "__len__"}) {
        Value method = vm.python_method(args[0], dunder);
        if (!method.is_empty())
            return NativeResult::call(method, {args[0]}, bool_of_result, vm.new_str(dunder));
    }
    return NativeResult::of(Value::from_bool(vm.truthy(args[0])));
}

NativeResult construct_str(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (args.count > 1) {
        // str(data, encoding[, errors]) decodes, as data.decode(encoding[, errors]) does.
        if (!check_keywords(vm, "str", args, {"encoding", "errors"}))
            return NativeResult::raised();
        if (args.count > 3)
            return vm.raise(vm.types.type_error, "str() takes at most 3 arguments (" + std::to_string(args.count) + " given)");
        if (as<StrObject>(args[0]))
            return vm.raise(vm.types.type_error, "decoding str is not supported");
        if (!as<BytesObject>(args[0]))
            return vm.raise(vm.types.type_error, "decoding to str: need a bytes-like object, " + vm.type_name(args[0]) + " found");
        uint32_t positional = args.positional_count();
        Value encoding = positional > 1 ? args[1] : args.keyword("encoding");
        Value errors = positional > 2 ? args[2] : args.keyword("errors");
        Value decode = vm.get_attr(args[0], "decode");
        if (errors.is_empty())
            return NativeResult::call(decode, {encoding.is_empty() ? vm.new_str("utf-8") : encoding});
        return NativeResult::call(decode, {encoding.is_empty() ? vm.new_str("utf-8") : encoding, errors});
    }
    if (args.count == 0)
        return NativeResult::of(vm.new_str(""));
    return str_of(vm, args[0]);
}

// list(iterable) and tuple(iterable); a user-defined __iter__ runs through the prelude.
NativeResult construct_sequence(Interpreter& vm, Thread&, Value cls, CallArgs args)
{
    bool is_list = as<ClassObject>(cls) == vm.types.list;
    if (!check_arity(vm, is_list ? "list" : "tuple", args, 0, 1))
        return NativeResult::raised();
    std::vector<Value> items;
    if (args.count == 1) {
        if (!vm.python_method(args[0], "__iter__").is_empty() || as<GeneratorObject>(args[0])) {
            return NativeResult::call(prelude_function(vm, "_list_from_iterable"), {args[0], Value::from_bool(is_list)});
        }
        if (!is_list && as<TupleObject>(args[0]))
            return NativeResult::of(args[0]);
        if (!vm.collect(args[0], items))
            return NativeResult::raised();
    }
    return NativeResult::of(is_list ? vm.new_list(std::move(items)) : vm.new_tuple(std::move(items)));
}

bool dict_update(Interpreter& vm, DictObject* dict, Value source)
{
    if (auto* other = as<DictObject>(source)) {
        for (const TableEntry& e : other->table.entries)
            if (!e.key.is_empty())
                dict->table.set(e.key, e.value);
        return true;
    }
    std::vector<Value> pairs;
    if (!vm.collect(source, pairs))
        return false;
    for (size_t i = 0; i < pairs.size(); i++) {
        std::vector<Value> pair;
        if (!vm.collect(pairs[i], pair)) {
            vm.pending = Value::empty();
            vm.fail(vm.types.type_error, "cannot convert dictionary update sequence element #" + std::to_string(i) + " to a sequence");
            return false;
        }
        if (pair.size() != 2) {
            vm.fail(vm.types.value_error, "dictionary update sequence element #" + std::to_string(i) + " has length " +
                                              std::to_string(pair.size()) + "; 2 is required");
            return false;
        }
        if (!is_hashable(pair[0])) {
            vm.fail_unhashable(pair[0]);
            return false;
        }
        dict->table.set(pair[0], pair[1]);
    }
    return true;
}

NativeResult construct_dict(Interpreter& vm, Thread&, Value, CallArgs args)
{
    NativeResult retried;
    if (retry_with_lists(vm, Value::from_object(vm.types.dict), args, 1, retried))
        return retried;
    if (args.positional_count() > 1)
        return vm.raise(vm.types.type_error, "dict expected at most 1 argument, got " + std::to_string(args.positional_count()));
    DictObject* dict = vm.new_dict();
    if (args.positional_count() == 1 && !dict_update(vm, dict, args[0]))
        return NativeResult::raised();
    for (uint32_t k = 0; k < args.kwcount; k++)
        dict->table.set(args.kwnames[k], args[args.positional_count() + k]);
    return NativeResult::of(Value::from_object(dict));
}

NativeResult construct_set(Interpreter& vm, Thread&, Value cls, CallArgs args)
{
    bool frozen = as<ClassObject>(cls) == vm.types.frozenset;
    if (!check_arity(vm, frozen ? "frozenset" : "set", args, 0, 1))
        return NativeResult::raised();
    auto* set = vm.heap.make<SetObject>();
    set->frozen = frozen;
    if (args.count == 1) {
        NativeResult retried;
        if (retry_with_lists(vm, cls, args, 1, retried))
            return retried;
        if (!fill_set(vm, set, args[0]))
            return NativeResult::raised();
    }
    return NativeResult::of(Value::from_object(set));
}

NativeResult construct_range(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (args.kwcount)
        return vm.raise(vm.types.type_error, "range() takes no keyword arguments");
    if (args.count < 1 || args.count > 3)
        return vm.raise(vm.types.type_error, args.count == 0 ? "range expected at least 1 argument, got 0"
                                                             : "range expected at most 3 arguments, got " + std::to_string(args.count));
    int64_t numbers[3] = {0, 0, 1};
    for (uint32_t i = 0; i < args.count; i++)
        if (!int_argument(vm, args[i], numbers[args.count == 1 ? 1 : i]))
            return NativeResult::raised();
    if (numbers[2] == 0)
        return vm.raise(vm.types.value_error, "range() arg 3 must not be zero");
    auto* range = vm.heap.make<RangeObject>();
    range->start = numbers[0];
    range->stop = numbers[1];
    range->step = numbers[2];
    return NativeResult::of(Value::from_object(range));
}

NativeResult construct_slice(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "slice", args, 1, 3))
        return NativeResult::raised();
    auto* slice = vm.heap.make<SliceObject>();
    if (args.count == 1) {
        slice->stop = args[0];
    } else {
        slice->start = args[0];
        slice->stop = args[1];
        if (args.count == 3)
            slice->step = args[2];
    }
    return NativeResult::of(Value::from_object(slice));
}

NativeResult construct_super(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (args.count == 0)
        return vm.raise(vm.types.runtime_error, "super(): no arguments");
    if (!check_arity(vm, "super", args, 2, 2))
        return NativeResult::raised();
    auto* cls = as<ClassObject>(args[0]);
    if (!cls)
        return vm.raise(vm.types.type_error, "super() argument 1 must be a type, not " + vm.type_name(args[0]));
    if (!vm.is_instance(args[1], cls) && !(as<ClassObject>(args[1]) && as<ClassObject>(args[1])->is_subclass_of(cls)))
        return vm.raise(vm.types.type_error, "super(type, obj): obj must be an instance or subtype of type");
    auto* super = vm.heap.make<SuperObject>();
    super->cls = cls;
    super->self = args[1];
    return NativeResult::of(Value::from_object(super));
}

NativeResult construct_enumerate(Interpreter& vm, Thread&, Value, CallArgs args)
{
    NativeResult retried;
    if (retry_with_lists(vm, Value::from_object(vm.types.iterators[(int)IteratorKind::Enumerate]), args, 1, retried))
        return retried;
    if (!check_keywords(vm, "enumerate", args, {"start"}))
        return NativeResult::raised();
    Value start = args.keyword("start");
    uint32_t positional = args.positional_count();
    if (positional == 2 && start.is_empty())
        start = args[1];
    if (positional < 1 || positional > 2)
        return vm.raise(vm.types.type_error, "enumerate() takes at most 2 arguments");
    int64_t first = 0;
    if (!start.is_empty() && !int_argument(vm, start, first))
        return NativeResult::raised();
    Value inner = vm.get_iter(args[0]);
    if (inner.is_empty())
        return NativeResult::raised();
    auto* it = vm.heap.make<IteratorObject>(IteratorKind::Enumerate);
    it->source = inner;
    it->index = first;
    return NativeResult::of(Value::from_object(it));
}

NativeResult construct_zip(Interpreter& vm, Thread&, Value, CallArgs args)
{
    NativeResult retried;
    if (retry_with_lists(vm, Value::from_object(vm.types.iterators[(int)IteratorKind::Zip]), args, UINT32_MAX, retried))
        return retried;
    if (!check_arity(vm, "zip", args, 0, 64))
        return NativeResult::raised();
    auto* it = vm.heap.make<IteratorObject>(IteratorKind::Zip);
    for (uint32_t i = 0; i < args.count; i++) {
        Value inner = vm.get_iter(args[i]);
        if (inner.is_empty()) {
            vm.pending = Value::empty();
            return vm.raise(vm.types.type_error, "zip argument #" + std::to_string(i + 1) + " must support iteration");
        }
        it->sources.push_back(inner);
    }
    return NativeResult::of(Value::from_object(it));
}

NativeResult construct_reversed(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "reversed", args, 1, 1))
        return NativeResult::raised();
    Value v = args[0];
    if (auto* range = as<RangeObject>(v)) {
        auto* it = vm.heap.make<IteratorObject>(IteratorKind::Range);
        int64_t n = range->length();
        it->index = range->start + (n - 1) * range->step;
        it->step = -range->step;
        it->stop = range->start - range->step;
        if (n == 0)
            it->index = it->stop;
        return NativeResult::of(Value::from_object(it));
    }
    if (as<DictObject>(v)) {
        std::vector<Value> keys;
        vm.collect(v, keys);
        v = vm.new_list(std::vector<Value>(keys.rbegin(), keys.rend()));
        return NativeResult::of(vm.get_iter(v));
    }
    if (Value method = vm.python_method(v, "__reversed__"); !method.is_empty())
        return NativeResult::call(method, {v});
    int64_t length;
    if (auto* s = as<StrObject>(v)) length = s->length;
    else if (auto* l = as<ListObject>(v)) length = (int64_t)l->items.size();
    else if (auto* t = as<TupleObject>(v)) length = (int64_t)t->items.size();
    else return vm.raise(vm.types.type_error, "'" + vm.type_name(v) + "' object is not reversible");
    auto* it = vm.heap.make<IteratorObject>(IteratorKind::Reversed);
    it->source = v;
    it->index = length;
    return NativeResult::of(Value::from_object(it));
}

NativeResult cannot_create(Interpreter& vm, Thread&, Value cls, CallArgs)
{
    return vm.raise(vm.types.type_error, "cannot create '" + as<ClassObject>(cls)->name + "' instances");
}

// ---------------------------------------------------------------------------------------------
// 3. object and BaseException
// ---------------------------------------------------------------------------------------------

// Extra arguments are an error unless a Python __new__ took them (and __init__ is object's).
NativeResult object_init(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (args.count > 1) {
        ClassObject* cls = vm.type_of(args[0]);
        Value* init = cls->lookup("__init__");
        Value* new_method = cls->lookup("__new__");
        bool taken_by_new = new_method && as<FunctionObject>(*new_method) && init && !as<FunctionObject>(*init);
        if (!taken_by_new)
            return vm.raise(vm.types.type_error, cls->name + "() takes no arguments");
    }
    return NativeResult::of(Value::none());
}

NativeResult object_repr(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "__repr__", args, 1, 1))
        return NativeResult::raised();
    return NativeResult::of(vm.new_str(vm.repr(args[0])));
}

NativeResult object_str(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "__str__", args, 1, 1))
        return NativeResult::raised();
    return NativeResult::of(vm.new_str(vm.str(args[0])));
}

NativeResult object_eq(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "__eq__", args, 2, 2))
        return NativeResult::raised();
    return NativeResult::of(Value::from_bool(args[0].is_object() && args[1].is_object() && args[0].object == args[1].object));
}

NativeResult exception_init(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (args.kwcount)
        return vm.raise(vm.types.type_error, vm.type_name(args[0]) + "() takes no keyword arguments");
    auto* self = as<InstanceObject>(args[0]);
    vm.set_attr(self->attrs, "args", vm.new_tuple(std::vector<Value>(args.values + 1, args.values + args.count)));
    return NativeResult::of(Value::none());
}

// StopIteration(value) also keeps `value`: what a generator returned.
NativeResult stop_iteration_init(Interpreter& vm, Thread& t, Value self, CallArgs args)
{
    NativeResult r = exception_init(vm, t, self, args);
    if (r.status == NativeStatus::Return)
        vm.set_attr(as<InstanceObject>(args[0])->attrs, "value", args.count > 1 ? args[1] : Value::none());
    return r;
}

} // namespace

NativeResult check_str_result(Interpreter& vm, Thread&, Value method_name, Value result)
{
    if (!as<StrObject>(result))
        return vm.raise(vm.types.type_error, as<StrObject>(method_name)->text + " returned non-string (type " + vm.type_name(result) + ")");
    return NativeResult::of(result);
}

NativeResult str_of(Interpreter& vm, Value v)
{
    if (as<StrObject>(v))
        return NativeResult::of(v);
    for (const char* dunder : {"__str__", "__repr__"}) {
        Value method = vm.python_method(v, dunder);
        if (!method.is_empty())
            return NativeResult::call(method, {v}, check_str_result, vm.new_str(dunder));
    }
    if (needs_python_repr(vm, v))
        return NativeResult::call(prelude_function(vm, "_repr_slow"), {v});
    return NativeResult::of(vm.new_str(vm.str(v)));
}

NativeResult repr_of(Interpreter& vm, Value v)
{
    Value method = vm.python_method(v, "__repr__");
    if (!method.is_empty())
        return NativeResult::call(method, {v}, check_str_result, vm.new_str("__repr__"));
    if (needs_python_repr(vm, v))
        return NativeResult::call(prelude_function(vm, "_repr_slow"), {v});
    return NativeResult::of(vm.new_str(vm.repr(v)));
}

bool fill_set(Interpreter& vm, SetObject* set, Value iterable)
{
    if (auto* other = as<SetObject>(iterable)) {
        set->table.merge(other->table);
        return true;
    }
    if (auto* dict = as<DictObject>(iterable))
        set->table.reserve_for(dict->table.size());
    std::vector<Value> keys;
    if (!vm.collect(iterable, keys))
        return false;
    for (Value key : keys) {
        if (!is_hashable(key)) {
            vm.fail_unhashable(key);
            return false;
        }
        set->table.add(key);
    }
    return true;
}

bool format_args_need_python(Interpreter& vm, Value args)
{
    auto needs = [&](Value v) {
        return !vm.python_method(v, "__str__").is_empty() || !vm.python_method(v, "__repr__").is_empty() ||
               !vm.python_method(v, "__format__").is_empty() || needs_python_repr(vm, v);
    };
    if (auto* tuple = as<TupleObject>(args)) {
        for (Value v : tuple->items)
            if (needs(v))
                return true;
        return false;
    }
    if (auto* dict = as<DictObject>(args)) {
        for (const TableEntry& e : dict->table.entries)
            if (!e.key.is_empty() && needs(e.value))
                return true;
        return false;
    }
    return needs(args);
}

bool needs_python_compare(Interpreter& vm, Value v, int depth)
{
    if (depth > 20 || !v.is_object())
        return false;
    if (as<InstanceObject>(v)) {
        for (const char* dunder : {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"})
            if (!vm.python_method(v, dunder).is_empty())
                return true;
        return false;
    }
    if (auto* list = as<ListObject>(v)) {
        for (Value item : list->items)
            if (needs_python_compare(vm, item, depth + 1))
                return true;
    } else if (auto* tuple = as<TupleObject>(v)) {
        for (Value item : tuple->items)
            if (needs_python_compare(vm, item, depth + 1))
                return true;
    } else if (auto* dict = as<DictObject>(v)) {
        for (const TableEntry& e : dict->table.entries)
            if (!e.key.is_empty() && needs_python_compare(vm, e.value, depth + 1))
                return true;
    }
    return false;
}

bool any_needs_python_compare(Interpreter& vm, const std::vector<Value>& values)
{
    for (Value v : values)
        if (needs_python_compare(vm, v))
            return true;
    return false;
}

bool retry_with_lists(Interpreter& vm, Value function, CallArgs args, uint32_t iterables, NativeResult& out)
{
    std::vector<Value> convert;
    bool any = false;
    for (uint32_t i = 0; i < args.positional_count(); i++) {
        bool user_iterable = i < iterables && (!vm.python_method(args[i], "__iter__").is_empty() || as<GeneratorObject>(args[i]));
        convert.push_back(Value::from_bool(user_iterable));
        any = any || user_iterable;
    }
    if (!any)
        return false;
    DictObject* kwargs = vm.new_dict();
    for (uint32_t k = 0; k < args.kwcount; k++)
        kwargs->table.set(args.kwnames[k], args[args.positional_count() + k]);
    Value positional = vm.new_tuple(std::vector<Value>(args.values, args.values + args.positional_count()));
    out = NativeResult::call(prelude_function(vm, "_call_with_lists"),
                             {function, positional, Value::from_object(kwargs), vm.new_tuple(std::move(convert))});
    return true;
}

NativeResult return_state(Interpreter&, Thread&, Value state, Value)
{
    return NativeResult::of(state);
}

bool needs_python_repr(Interpreter& vm, Value v, int depth)
{
    if (depth > 20 || !v.is_object())
        return false;
    if (!vm.python_method(v, "__repr__").is_empty())
        return true;
    if (auto* list = as<ListObject>(v)) {
        for (Value item : list->items)
            if (needs_python_repr(vm, item, depth + 1))
                return true;
    } else if (auto* tuple = as<TupleObject>(v)) {
        for (Value item : tuple->items)
            if (needs_python_repr(vm, item, depth + 1))
                return true;
    } else if (auto* dict = as<DictObject>(v)) {
        for (const TableEntry& e : dict->table.entries)
            if (!e.key.is_empty() && (needs_python_repr(vm, e.key, depth + 1) || needs_python_repr(vm, e.value, depth + 1)))
                return true;
    } else if (auto* set = as<SetObject>(v)) {
        for (const SetSlot& slot : set->table.slots)
            if (!slot.key.is_empty() && needs_python_repr(vm, slot.key, depth + 1))
                return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// 4. install_types
// ---------------------------------------------------------------------------------------------

void Interpreter::install_types()
{
    auto builtin = [&](const char* name, ClassObject* base, NativeFunction constructor) {
        ClassObject* cls = new_class(name, base, "builtins");
        cls->is_builtin = true;
        cls->constructor = constructor;
        return cls;
    };
    types.object = builtin("object", nullptr, construct_object);
    types.type = builtin("type", types.object, construct_type);
    types.none_type = builtin("NoneType", types.object, cannot_create);
    types.int_type = builtin("int", types.object, construct_int);
    types.bool_type = builtin("bool", types.int_type, construct_bool);
    types.float_type = builtin("float", types.object, construct_float);
    types.str = builtin("str", types.object, construct_str);
    types.list = builtin("list", types.object, construct_sequence);
    types.tuple = builtin("tuple", types.object, construct_sequence);
    types.dict = builtin("dict", types.object, construct_dict);
    types.set = builtin("set", types.object, construct_set);
    types.frozenset = builtin("frozenset", types.object, construct_set);
    types.function = builtin("function", types.object, cannot_create);
    types.builtin_function = builtin("builtin_function_or_method", types.object, cannot_create);
    types.method = builtin("method", types.object, cannot_create);
    types.module = builtin("module", types.object, cannot_create);
    types.cell = builtin("cell", types.object, cannot_create);
    types.code = builtin("code", types.object, cannot_create);
    types.range = builtin("range", types.object, construct_range);
    types.slice = builtin("slice", types.object, construct_slice);
    types.super_type = builtin("super", types.object, construct_super);
    types.dict_keys = builtin("dict_keys", types.object, cannot_create);
    types.dict_values = builtin("dict_values", types.object, cannot_create);
    types.dict_items = builtin("dict_items", types.object, cannot_create);
    types.generator = builtin("generator", types.object, cannot_create);
    types.coroutine = builtin("coroutine", types.object, cannot_create);
    types.async_generator = builtin("async_generator", types.object, cannot_create);
    static constexpr const char* kIteratorNames[kIteratorKindCount] = {
        "list_iterator", "str_iterator", "range_iterator", "dict_keyiterator", "dict_valueiterator",
        "dict_itemiterator", "enumerate", "zip", "reversed", "set_iterator", "bytes_iterator"};
    for (int i = 0; i < kIteratorKindCount; i++)
        types.iterators[i] = builtin(kIteratorNames[i], types.object, cannot_create);
    types.iterators[(int)IteratorKind::Enumerate]->constructor = construct_enumerate;
    types.iterators[(int)IteratorKind::Zip]->constructor = construct_zip;
    types.iterators[(int)IteratorKind::Reversed]->constructor = construct_reversed;

    add_method(types.object, "__init__", object_init);
    add_method(types.object, "__new__", object_new);
    add_method(types.object, "__repr__", object_repr);
    add_method(types.object, "__str__", object_str);
    add_method(types.object, "__eq__", object_eq);

    // The exception tree (CPython 3.11's, for the classes a program meets).
    auto exception = [&](const char* name, ClassObject* base) {
        ClassObject* cls = new_class(name, base, "builtins");
        cls->is_exception = true;
        return cls;
    };
    types.base_exception = exception("BaseException", types.object);
    add_method(types.base_exception, "__init__", exception_init);
    // What an exception has before it is raised in a chain (raise_caused and raise_here set them).
    set_attr(types.base_exception->attrs, "__cause__", Value::none());
    set_attr(types.base_exception->attrs, "__context__", Value::none());
    set_attr(types.base_exception->attrs, "__suppress_context__", Value::from_bool(false));
    types.system_exit = exception("SystemExit", types.base_exception);
    types.keyboard_interrupt = exception("KeyboardInterrupt", types.base_exception);
    types.exception = exception("Exception", types.base_exception);
    types.arithmetic_error = exception("ArithmeticError", types.exception);
    types.overflow_error = exception("OverflowError", types.arithmetic_error);
    types.zero_division_error = exception("ZeroDivisionError", types.arithmetic_error);
    types.assertion_error = exception("AssertionError", types.exception);
    types.attribute_error = exception("AttributeError", types.exception);
    types.import_error = exception("ImportError", types.exception);
    types.module_not_found_error = exception("ModuleNotFoundError", types.import_error);
    types.lookup_error = exception("LookupError", types.exception);
    types.index_error = exception("IndexError", types.lookup_error);
    types.key_error = exception("KeyError", types.lookup_error);
    types.name_error = exception("NameError", types.exception);
    types.unbound_local_error = exception("UnboundLocalError", types.name_error);
    types.runtime_error = exception("RuntimeError", types.exception);
    types.recursion_error = exception("RecursionError", types.runtime_error);
    types.not_implemented_error = exception("NotImplementedError", types.runtime_error);
    types.stop_iteration = exception("StopIteration", types.exception);
    add_method(types.stop_iteration, "__init__", stop_iteration_init);
    types.stop_async_iteration = exception("StopAsyncIteration", types.exception);
    types.type_error = exception("TypeError", types.exception);
    types.value_error = exception("ValueError", types.exception);
    types.os_error = exception("OSError", types.exception);
    types.timeout_error = exception("TimeoutError", types.os_error);
    types.generator_exit = exception("GeneratorExit", types.base_exception);
    install_descriptors(*this);
    types.memory_error = exception("MemoryError", types.exception);
    install_methods(*this);
    install_bytes(*this);
}

} // namespace python
