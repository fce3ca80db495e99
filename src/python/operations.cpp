// Python's operators and protocols on built-in types, with CPython's error messages.
// Sections:
//   1. Arithmetic (ints themselves are in bigint.cpp)
//   2. Comparison, equality, membership
//   3. Items: indexing and slicing
//   4. Attributes
//   5. Length, iteration, hashing
#include "python/text_search.h"
#include "python/interpreter.h"
#include "python/bigint.h"
#include "python/bytes.h"
#include "python/builtins.h"
#include "lang/repr.h"
#include "lang/utf8.h"
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace python {

using lang::BinaryOp;
using lang::CompareOp;

// ---------------------------------------------------------------------------------------------
// 1. Arithmetic
// ---------------------------------------------------------------------------------------------

static Value float_op(Interpreter& vm, BinaryOp op, double a, double b)
{
    switch (op) {
    case BinaryOp::Add: return Value::from_float(a + b);
    case BinaryOp::Sub: return Value::from_float(a - b);
    case BinaryOp::Mul: return Value::from_float(a * b);
    case BinaryOp::TrueDiv:
        if (b == 0) return vm.fail(vm.types.zero_division_error, "float division by zero");
        return Value::from_float(a / b);
    case BinaryOp::FloorDiv:
    case BinaryOp::Mod: {
        if (b == 0)
            return vm.fail(vm.types.zero_division_error, op == BinaryOp::Mod ? "float modulo" : "float floor division by zero");
        // Python's float divmod: the remainder takes the divisor's sign, and the quotient is
        // computed from the exact difference so that q * b + m == a holds as well as it can.
        double m = std::fmod(a, b);
        double quotient = (a - m) / b;
        if (m != 0) {
            if ((b < 0) != (m < 0)) {
                m += b;
                quotient -= 1.0;
            }
        } else {
            m = std::copysign(0.0, b);
        }
        if (op == BinaryOp::Mod)
            return Value::from_float(m);
        double floored;
        if (quotient != 0) {
            floored = std::floor(quotient);
            if (quotient - floored > 0.5)
                floored += 1.0;
        } else {
            floored = std::copysign(0.0, a / b);
        }
        return Value::from_float(floored);
    }
    case BinaryOp::Pow: {
        if (a == 0 && b < 0)
            return vm.fail(vm.types.zero_division_error, "0.0 cannot be raised to a negative power");
        if (a < 0 && b != std::floor(b))
            return vm.fail(vm.types.value_error, "Threadlab has no complex numbers (negative number to a fractional power)");
        double r = std::pow(a, b);
        if (std::isinf(r) && std::isfinite(a) && std::isfinite(b))
            return vm.fail(vm.types.overflow_error, "(34, 'Numerical result out of range')");
        return Value::from_float(r);
    }
    default:
        return Value::empty();
    }
}

static Value repeat_sequence(Interpreter& vm, Value sequence, int64_t times)
{
    if (times < 0)
        times = 0;
    auto* str = as<StrObject>(sequence);
    const std::vector<Value>* items = str ? nullptr : as<ListObject>(sequence) ? &as<ListObject>(sequence)->items : &as<TupleObject>(sequence)->items;
    // What cannot fit in the process's memory budget fails before it is made, as CPython's
    // failed malloc does (`[0] * 10**12` is MemoryError there too).
    const size_t unit = str ? str->text.size() : items->size() * kValueBytes;
    if (unit > 0 && (uint64_t)times > SIZE_MAX / unit)
        return vm.fail(vm.types.memory_error, "");
    if (!vm.reserve(unit * (size_t)times))
        return Value::empty();
    if (str) {
        if (str->text.empty())
            return vm.new_str("");  // '' * 2**62 is '' at once, not 2**62 appends
        std::string out;
        out.reserve(str->text.size() * (size_t)times);
        for (int64_t i = 0; i < times; i++)
            out += str->text;
        return vm.new_str(out);
    }
    if (items->empty())
        times = 0;
    std::vector<Value> out;
    out.reserve(items->size() * (size_t)times);
    for (int64_t i = 0; i < times; i++)
        out.insert(out.end(), items->begin(), items->end());
    return as<ListObject>(sequence) ? vm.new_list(std::move(out)) : vm.new_tuple(std::move(out));
}

static bool is_sequence(Value v)
{
    return as<StrObject>(v) || as<ListObject>(v) || as<TupleObject>(v) || as<BytesObject>(v);
}

// |, &, - and ^ of sets, adding keys in the order CPython's set algorithms visit them (that
// order decides the slot of colliding keys, so the result prints as in CPython).
Value Interpreter::set_operation(BinaryOp op, SetObject* a, SetObject* b, bool in_place)
{
    SetObject* result = in_place ? a : heap.make<SetObject>();
    result->frozen = a->frozen && !in_place;
    auto keys_of = [](const SetObject* s) {
        std::vector<Value> keys;
        for (const SetSlot& slot : s->table.slots)
            if (!slot.key.is_empty())
                keys.push_back(slot.key);
        return keys;
    };
    std::vector<Value> a_keys = keys_of(a), b_keys = keys_of(b);
    switch (op) {
    case BinaryOp::BitOr:
        if (!in_place)
            result->table.merge(a->table);
        result->table.merge(b->table);
        break;
    case BinaryOp::BitAnd: {
        const SetObject* small = a_keys.size() <= b_keys.size() ? a : b;
        const SetObject* large = small == a ? b : a;
        SetTable kept;
        for (Value key : keys_of(small))
            if (large->table.contains(key))
                kept.add(key);
        result->table = kept;
        break;
    }
    case BinaryOp::Sub: {
        // In place, and when the right side is much smaller, keys are removed from a copy.
        if (in_place || (a_keys.size() >> 2) > b_keys.size()) {
            if (!in_place)
                result->table.merge(a->table);
            for (Value key : b_keys)
                result->table.remove(key);
            break;
        }
        for (Value key : a_keys)
            if (!b->table.contains(key))
                result->table.add(key);
        break;
    }
    default: {
        if (!in_place)
            result->table.merge(a->table);
        for (Value key : b_keys)
            if (!result->table.remove(key))
                result->table.add(key);
        break;
    }
    }
    return Value::from_object(result);
}

Value Interpreter::binary_op(BinaryOp op, Value a, Value b, bool in_place)
{
    if (is_int(a) && is_int(b)) {
        bool bitwise = op == BinaryOp::BitAnd || op == BinaryOp::BitOr || op == BinaryOp::BitXor;
        Value r = int_binary_op(*this, op, a, b);
        if (bitwise && a.is_bool() && b.is_bool())
            return Value::from_bool(r.integer != 0);
        return r;
    }
    if (is_real(a) && is_real(b)) {
        double x, y;
        if (!real_to_double(*this, a, x) || !real_to_double(*this, b, y))
            return Value::empty();
        Value r = float_op(*this, op, x, y);
        if (!r.is_empty() || !pending.is_empty())
            return r;
    }
    if (auto* sa = as<SetObject>(a))
        if (auto* sb = as<SetObject>(b))
            if (op == BinaryOp::BitOr || op == BinaryOp::BitAnd || op == BinaryOp::Sub || op == BinaryOp::BitXor)
                return set_operation(op, sa, sb, in_place && !sa->frozen);
    switch (op) {
    case BinaryOp::Add:
        if (auto* ba = as<BytesObject>(a))
            return bytes_concat(*this, ba, b, in_place);
        if (auto* sa = as<StrObject>(a)) {
            if (auto* sb = as<StrObject>(b))
                return new_str(sa->text + sb->text);
            return fail(types.type_error, "can only concatenate str (not \"" + type_name(b) + "\") to str");
        }
        if (auto* la = as<ListObject>(a)) {
            if (in_place) {
                std::vector<Value> items;
                if (!collect(b, items))
                    return Value::empty();
                la->items.insert(la->items.end(), items.begin(), items.end());
                return a;
            }
            auto* lb = as<ListObject>(b);
            if (!lb)
                return fail(types.type_error, "can only concatenate list (not \"" + type_name(b) + "\") to list");
            std::vector<Value> items = la->items;
            items.insert(items.end(), lb->items.begin(), lb->items.end());
            return new_list(std::move(items));
        }
        if (auto* ta = as<TupleObject>(a)) {
            auto* tb = as<TupleObject>(b);
            if (!tb)
                return fail(types.type_error, "can only concatenate tuple (not \"" + type_name(b) + "\") to tuple");
            std::vector<Value> items = ta->items;
            items.insert(items.end(), tb->items.begin(), tb->items.end());
            return new_tuple(std::move(items));
        }
        break;
    case BinaryOp::Mul:
        if (is_sequence(a) || is_sequence(b)) {
            Value sequence = is_sequence(a) ? a : b;
            Value count = is_sequence(a) ? b : a;
            if (is_big_int(count))
                return fail(types.overflow_error, "cannot fit 'int' into an index-sized integer");
            if (!count.is_integral())
                return fail(types.type_error, "can't multiply sequence by non-int of type '" + type_name(count) + "'");
            if (auto* bytes = as<BytesObject>(sequence)) {
                Value repeated = bytes_repeat(*this, bytes, count.as_integral());
                if (in_place && bytes->bytearray && !repeated.is_empty()) {
                    bytes->data = as<BytesObject>(repeated)->data;
                    return a;
                }
                return repeated;
            }
            if (in_place && as<ListObject>(a)) {
                Value repeated = repeat_sequence(*this, a, count.as_integral());
                if (repeated.is_empty())
                    return repeated;
                as<ListObject>(a)->items = as<ListObject>(repeated)->items;
                return a;
            }
            return repeat_sequence(*this, sequence, count.as_integral());
        }
        break;
    case BinaryOp::Mod:
        if (auto* format = as<StrObject>(a))
            return percent_format(format, b);
        break;
    case BinaryOp::BitOr:
        if (auto* da = as<DictObject>(a))
            if (auto* db = as<DictObject>(b)) {
                DictObject* merged = in_place ? da : new_dict();
                if (!in_place)
                    merged->table = da->table;
                for (const TableEntry& e : db->table.entries)
                    if (!e.key.is_empty())
                        merged->table.set(e.key, e.value);
                return Value::from_object(merged);
            }
        break;
    default:
        break;
    }
    const char* symbol = op == BinaryOp::Pow && !in_place ? "** or pow()" : lang::binary_op_symbol(op);
    return fail(types.type_error, std::string("unsupported operand type(s) for ") + symbol + (in_place ? "=" : "") +
                                      ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

Value Interpreter::unary_op(lang::UnaryOp op, Value v)
{
    static const char* const kSymbols[] = {"-", "+", "not", "~"};
    switch (op) {
    case lang::UnaryOp::Not:
        return Value::from_bool(!truthy(v));
    case lang::UnaryOp::Negative:
        if (is_int(v))
            return int_negate(*this, v);
        if (v.is_float())
            return Value::from_float(-v.real);
        break;
    case lang::UnaryOp::Positive:
        if (v.is_integral())
            return Value::from_int(v.as_integral());
        if (is_big_int(v))
            return v;
        if (v.is_float())
            return v;
        break;
    case lang::UnaryOp::Invert:
        if (is_int(v))
            return int_invert(*this, v);
        break;
    }
    return fail(types.type_error, std::string("bad operand type for unary ") + kSymbols[(int)op] + ": '" + type_name(v) + "'");
}

// ---------------------------------------------------------------------------------------------
// 2. Comparison, equality, membership
// ---------------------------------------------------------------------------------------------

static bool identical(Value a, Value b)
{
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case ValueKind::Empty: case ValueKind::None: return true;
    case ValueKind::Bool: return a.boolean == b.boolean;
    case ValueKind::Int: return a.integer == b.integer;
    case ValueKind::Float: return std::memcmp(&a.real, &b.real, sizeof(double)) == 0;
    case ValueKind::Object: return a.object == b.object;
    }
    return false;
}

int Interpreter::equals(Value a, Value b)
{
    if (is_real(a) && is_real(b))
        return compare_reals(a, b) == 0 ? 1 : 0;
    if (identical(a, b))
        return a.is_float() && std::isnan(a.real) ? 0 : 1;
    if (a.kind != ValueKind::Object || b.kind != ValueKind::Object)
        return 0;
    if (auto* sa = as<StrObject>(a)) {
        auto* sb = as<StrObject>(b);
        return sb && sa->text == sb->text;
    }
    if (auto* ba = as<BytesObject>(a)) {
        auto* bb = as<BytesObject>(b);
        return bb && ba->data == bb->data;
    }
    const std::vector<Value>* xs = nullptr;
    const std::vector<Value>* ys = nullptr;
    if (as<ListObject>(a) && as<ListObject>(b)) {
        xs = &as<ListObject>(a)->items;
        ys = &as<ListObject>(b)->items;
    } else if (as<TupleObject>(a) && as<TupleObject>(b)) {
        xs = &as<TupleObject>(a)->items;
        ys = &as<TupleObject>(b)->items;
    }
    NativeNesting nesting(*this, "in comparison");
    if (!nesting.ok())
        return -1;
    if (xs) {
        if (xs->size() != ys->size())
            return 0;
        for (size_t i = 0; i < xs->size(); i++) {
            int e = equals((*xs)[i], (*ys)[i]);
            if (e != 1)
                return e;
        }
        return 1;
    }
    auto* da = as<DictObject>(a);
    auto* db = as<DictObject>(b);
    if (da && db) {
        if (da->table.size() != db->table.size())
            return 0;
        for (const TableEntry& e : da->table.entries) {
            if (e.key.is_empty())
                continue;
            Value* other = db->table.find(e.key);
            if (!other)
                return 0;
            int eq = equals(e.value, *other);
            if (eq != 1)
                return eq;
        }
        return 1;
    }
    if (as<SetObject>(a) && as<SetObject>(b))
        return keys_equal(a, b) ? 1 : 0;
    auto* ra = as<RangeObject>(a);
    auto* rb = as<RangeObject>(b);
    if (ra && rb)
        return ra->length() == rb->length() && (ra->length() == 0 || (ra->start == rb->start && (ra->length() == 1 || ra->step == rb->step)));
    return 0;
}

// -1, 0, 1 like a three-way comparison; `ok` false when the types cannot be ordered, and then
// `unordered` holds the two values that cannot (the elements of sequences, as CPython names them).
static int order(Interpreter& vm, Value a, Value b, bool& ok, std::pair<Value, Value>& unordered)
{
    ok = true;
    unordered = {a, b};
    if (is_real(a) && is_real(b))
        return compare_reals(a, b);  // 2: a NaN, unordered, every comparison is False
    if (auto* sa = as<StrObject>(a))
        if (auto* sb = as<StrObject>(b))
            return sa->text.compare(sb->text) < 0 ? -1 : sa->text == sb->text ? 0 : 1;
    if (auto* ba = as<BytesObject>(a))
        if (auto* bb = as<BytesObject>(b))
            return ba->data.compare(bb->data) < 0 ? -1 : ba->data == bb->data ? 0 : 1;
    const std::vector<Value>* xs = nullptr;
    const std::vector<Value>* ys = nullptr;
    if (as<ListObject>(a) && as<ListObject>(b)) {
        xs = &as<ListObject>(a)->items;
        ys = &as<ListObject>(b)->items;
    } else if (as<TupleObject>(a) && as<TupleObject>(b)) {
        xs = &as<TupleObject>(a)->items;
        ys = &as<TupleObject>(b)->items;
    }
    if (xs) {
        NativeNesting nesting(vm, "in comparison");
        if (!nesting.ok()) {
            ok = false;
            return 0;
        }
        for (size_t i = 0; i < xs->size() && i < ys->size(); i++) {
            int e = vm.equals((*xs)[i], (*ys)[i]);
            if (e < 0) {
                ok = false;
                return 0;
            }
            if (e == 0)
                return order(vm, (*xs)[i], (*ys)[i], ok, unordered);
        }
        return xs->size() < ys->size() ? -1 : xs->size() > ys->size() ? 1 : 0;
    }
    ok = false;
    return 0;
}

// <, <=, >, >= of sets are subset and superset tests.
static Value set_compare(CompareOp op, const SetObject* a, const SetObject* b)
{
    auto subset = [](const SetObject* x, const SetObject* y) {
        for (const SetSlot& slot : x->table.slots)
            if (!slot.key.is_empty() && !y->table.contains(slot.key))
                return false;
        return true;
    };
    switch (op) {
    case CompareOp::Lt: return Value::from_bool(a->table.used < b->table.used && subset(a, b));
    case CompareOp::LtE: return Value::from_bool(subset(a, b));
    case CompareOp::Gt: return Value::from_bool(a->table.used > b->table.used && subset(b, a));
    default: return Value::from_bool(subset(b, a));
    }
}

Value Interpreter::compare(CompareOp op, Value a, Value b)
{
    switch (op) {
    case CompareOp::Is: return Value::from_bool(identical(a, b));
    case CompareOp::IsNot: return Value::from_bool(!identical(a, b));
    case CompareOp::In:
    case CompareOp::NotIn: {
        Value r = contains(b, a);
        if (r.is_empty() || op == CompareOp::In)
            return r;
        return Value::from_bool(!r.boolean);
    }
    case CompareOp::Eq:
    case CompareOp::NotEq: {
        int e = equals(a, b);
        if (e < 0)
            return Value::empty();
        return Value::from_bool((e == 1) == (op == CompareOp::Eq));
    }
    default:
        break;
    }
    if (auto* sa = as<SetObject>(a))
        if (auto* sb = as<SetObject>(b))
            return set_compare(op, sa, sb);
    bool ok;
    std::pair<Value, Value> unordered;
    int c = order(*this, a, b, ok, unordered);
    if (!ok) {
        if (!pending.is_empty())
            return Value::empty();
        return fail(types.type_error, std::string("'") + lang::compare_op_symbol(op) + "' not supported between instances of '" +
                                          type_name(unordered.first) + "' and '" + type_name(unordered.second) + "'");
    }
    if (c == 2)
        return Value::from_bool(false);
    switch (op) {
    case CompareOp::Lt: return Value::from_bool(c < 0);
    case CompareOp::LtE: return Value::from_bool(c <= 0);
    case CompareOp::Gt: return Value::from_bool(c > 0);
    default: return Value::from_bool(c >= 0);
    }
}

Value Interpreter::contains(Value container, Value item)
{
    if (auto* b = as<BytesObject>(container))
        return bytes_contains(*this, b, item);
    if (auto* s = as<StrObject>(container)) {
        auto* needle = as<StrObject>(item);
        if (!needle)
            return fail(types.type_error, "'in <string>' requires string as left operand, not " + type_name(item));
        return Value::from_bool(find_text(s->text, needle->text) != std::string::npos);
    }
    auto* dict = as<DictObject>(container);
    if (auto* view = as<DictViewObject>(container); view && view->view == DictViewKind::Keys)
        dict = view->dict;
    if (dict) {
        if (!is_hashable(item))
            return fail_unhashable(item);
        return Value::from_bool(dict->table.find(item) != nullptr);
    }
    if (auto* set = as<SetObject>(container)) {
        if (!is_hashable(item))
            return fail_unhashable(item);
        return Value::from_bool(set->table.contains(item));
    }
    if (auto* range = as<RangeObject>(container)) {
        if (is_big_int(item))
            return Value::from_bool(false);  // a range's bounds are 64-bit
        if (item.is_integral()) {
            int64_t i = item.as_integral();
            bool inside = range->step > 0 ? (i >= range->start && i < range->stop) : (i <= range->start && i > range->stop);
            return Value::from_bool(inside && (i - range->start) % range->step == 0);
        }
    }
    std::vector<Value> items;
    if (auto* list = as<ListObject>(container))
        items = list->items;
    else if (auto* tuple = as<TupleObject>(container))
        items = tuple->items;
    else if (container.is_object() && (container.object->kind == ObjectKind::Range || container.object->kind == ObjectKind::DictView ||
                                       container.object->kind == ObjectKind::Iterator)) {
        if (!collect(container, items))
            return Value::empty();
    } else {
        return fail(types.type_error, "argument of type '" + type_name(container) + "' is not iterable");
    }
    for (Value element : items) {
        int e = equals(element, item);
        if (e < 0)
            return Value::empty();
        if (e == 1)
            return Value::from_bool(true);
    }
    return Value::from_bool(false);
}

// ---------------------------------------------------------------------------------------------
// 3. Items
// ---------------------------------------------------------------------------------------------

// Byte offset of code point `index` (the string must be at least that long).
static size_t byte_offset(const StrObject* s, int64_t index)
{
    if (s->ascii)
        return (size_t)index;
    size_t at = 0;
    for (int64_t i = 0; i < index; i++)
        lang::decode_utf8(s->text, at);
    return at;
}

static std::string code_point_at(const StrObject* s, int64_t index)
{
    size_t start = byte_offset(s, index);
    size_t end = start;
    lang::decode_utf8(s->text, end);
    return s->text.substr(start, end - start);
}

// slice.indices(length): Python's clamping of start/stop/step.
bool slice_indices(Interpreter& vm, SliceObject* slice, int64_t length, int64_t& start, int64_t& stop, int64_t& step)
{
    Value parts[3] = {slice->start, slice->stop, slice->step};
    for (Value& part : parts) {
        if (Value n = carried_int(part); !n.is_empty())
            part = n;
        if (!part.is_none() && !part.is_integral()) {
            vm.fail(vm.types.type_error, "slice indices must be integers or None or have an __index__ method");
            return false;
        }
    }
    auto [first, last, stride] = parts;
    step = stride.is_none() ? 1 : stride.as_integral();
    if (step == 0) {
        vm.fail(vm.types.value_error, "slice step cannot be zero");
        return false;
    }
    auto clamp = [&](Value v, int64_t fallback) {
        if (v.is_none())
            return fallback;
        int64_t i = v.as_integral();
        if (i < 0)
            i += length;
        if (step > 0)
            return std::clamp<int64_t>(i, 0, length);
        return std::clamp<int64_t>(i, -1, length - 1);
    };
    start = clamp(first, step > 0 ? 0 : length - 1);
    stop = clamp(last, step > 0 ? length : -1);
    return true;
}

std::vector<int64_t> slice_positions(int64_t start, int64_t stop, int64_t step)
{
    std::vector<int64_t> positions;
    for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
        positions.push_back(i);
    return positions;
}

Value Interpreter::get_item(Value container, Value index)
{
    if (is_big_int(index) && (as<ListObject>(container) || as<TupleObject>(container) || as<StrObject>(container) || as<RangeObject>(container)))
        return fail(types.index_error, "cannot fit 'int' into an index-sized integer");
    const std::vector<Value>* items = nullptr;
    const char* kind = nullptr;
    if (auto* list = as<ListObject>(container)) {
        items = &list->items;
        kind = "list";
    } else if (auto* tuple = as<TupleObject>(container)) {
        items = &tuple->items;
        kind = "tuple";
    }
    if (items) {
        if (index.is_integral()) {
            int64_t i = index.as_integral();
            if (i < 0)
                i += (int64_t)items->size();
            if (i < 0 || i >= (int64_t)items->size())
                return fail(types.index_error, std::string(kind) + " index out of range");
            return (*items)[(size_t)i];
        }
        if (auto* slice = as<SliceObject>(index)) {
            int64_t start, stop, step;
            if (!slice_indices(*this, slice, (int64_t)items->size(), start, stop, step))
                return Value::empty();
            std::vector<Value> out;
            for (int64_t i : slice_positions(start, stop, step))
                out.push_back((*items)[(size_t)i]);
            return as<ListObject>(container) ? new_list(std::move(out)) : new_tuple(std::move(out));
        }
        if (Value n = carried_int(index); !n.is_empty())
            return get_item(container, n);
        return fail(types.type_error, std::string(kind) + " indices must be integers or slices, not " + type_name(index));
    }
    if (auto* b = as<BytesObject>(container))
        return bytes_get_item(*this, b, index);
    if (auto* s = as<StrObject>(container)) {
        if (index.is_integral()) {
            int64_t i = index.as_integral();
            if (i < 0)
                i += s->length;
            if (i < 0 || i >= (int64_t)s->length)
                return fail(types.index_error, "string index out of range");
            return new_str(s->ascii ? s->text.substr((size_t)i, 1) : code_point_at(s, i));
        }
        if (auto* slice = as<SliceObject>(index)) {
            int64_t start, stop, step;
            if (!slice_indices(*this, slice, s->length, start, stop, step))
                return Value::empty();
            if (s->ascii && step == 1)
                return new_str(start < stop ? s->text.substr((size_t)start, (size_t)(stop - start)) : "");
            std::string out;
            for (int64_t i : slice_positions(start, stop, step))
                out += s->ascii ? s->text.substr((size_t)i, 1) : code_point_at(s, i);
            return new_str(out);
        }
        if (Value n = carried_int(index); !n.is_empty())
            return get_item(container, n);
        return fail(types.type_error, "string indices must be integers, not '" + type_name(index) + "'");
    }
    if (auto* dict = as<DictObject>(container)) {
        if (!is_hashable(index))
            return fail_unhashable(index);
        if (Value* v = dict->table.find(index))
            return *v;
        Value error = make_exception(types.key_error, "");
        set_attr(as<InstanceObject>(error)->attrs, "args", new_tuple({index}));
        pending = error;
        return Value::empty();
    }
    if (auto* range = as<RangeObject>(container)) {
        if (!index.is_integral()) {
            if (Value n = carried_int(index); !n.is_empty())
                return get_item(container, n);
            return fail(types.type_error, "range indices must be integers or slices, not " + type_name(index));
        }
        int64_t i = index.as_integral(), n = range->length();
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return fail(types.index_error, "range object index out of range");
        return Value::from_int(range->start + i * range->step);
    }
    return fail(types.type_error, "'" + type_name(container) + "' object is not subscriptable");
}

bool Interpreter::set_item(Value container, Value index, Value value)
{
    if (auto* b = as<BytesObject>(container); b && b->bytearray)
        return bytearray_set_item(*this, b, index, value);
    if (auto* list = as<ListObject>(container)) {
        if (index.is_integral()) {
            int64_t i = index.as_integral();
            if (i < 0)
                i += (int64_t)list->items.size();
            if (i < 0 || i >= (int64_t)list->items.size()) {
                fail(types.index_error, "list assignment index out of range");
                return false;
            }
            list->items[(size_t)i] = value;
            return true;
        }
        if (auto* slice = as<SliceObject>(index)) {
            int64_t start, stop, step;
            std::vector<Value> replacement;
            if (!slice_indices(*this, slice, (int64_t)list->items.size(), start, stop, step) || !collect(value, replacement))
                return false;
            if (step == 1) {
                stop = std::max(start, stop);
                list->items.erase(list->items.begin() + start, list->items.begin() + stop);
                list->items.insert(list->items.begin() + start, replacement.begin(), replacement.end());
                return true;
            }
            std::vector<int64_t> positions = slice_positions(start, stop, step);
            if (positions.size() != replacement.size()) {
                fail(types.value_error, "attempt to assign sequence of size " + std::to_string(replacement.size()) +
                                            " to extended slice of size " + std::to_string(positions.size()));
                return false;
            }
            for (size_t k = 0; k < positions.size(); k++)
                list->items[(size_t)positions[k]] = replacement[k];
            return true;
        }
        if (Value n = carried_int(index); !n.is_empty())
            return set_item(container, n, value);
        fail(types.type_error, "list indices must be integers or slices, not " + type_name(index));
        return false;
    }
    if (auto* dict = as<DictObject>(container)) {
        if (!is_hashable(index)) {
            fail_unhashable(index);
            return false;
        }
        dict->table.set(index, value);
        return true;
    }
    fail(types.type_error, "'" + type_name(container) + "' object does not support item assignment");
    return false;
}

bool Interpreter::delete_item(Value container, Value index)
{
    if (auto* b = as<BytesObject>(container); b && b->bytearray)
        return bytearray_set_item(*this, b, index, Value::empty());
    if (auto* list = as<ListObject>(container)) {
        if (index.is_integral()) {
            int64_t i = index.as_integral();
            if (i < 0)
                i += (int64_t)list->items.size();
            if (i < 0 || i >= (int64_t)list->items.size()) {
                fail(types.index_error, "list assignment index out of range");
                return false;
            }
            list->items.erase(list->items.begin() + i);
            return true;
        }
        if (auto* slice = as<SliceObject>(index)) {
            int64_t start, stop, step;
            if (!slice_indices(*this, slice, (int64_t)list->items.size(), start, stop, step))
                return false;
            std::vector<int64_t> positions = slice_positions(start, stop, step);
            std::sort(positions.begin(), positions.end());
            for (size_t k = positions.size(); k-- > 0;)
                list->items.erase(list->items.begin() + positions[k]);
            return true;
        }
    }
    if (auto* dict = as<DictObject>(container)) {
        if (!is_hashable(index)) {
            fail_unhashable(index);
            return false;
        }
        if (!dict->table.remove(index)) {
            Value error = make_exception(types.key_error, "");
            set_attr(as<InstanceObject>(error)->attrs, "args", new_tuple({index}));
            pending = error;
            return false;
        }
        return true;
    }
    fail(types.type_error, "'" + type_name(container) + "' object doesn't support item deletion");
    return false;
}

// ---------------------------------------------------------------------------------------------
// 4. Attributes
// ---------------------------------------------------------------------------------------------

static Value bind(Interpreter& vm, Value self, Value function)
{
    if (!as<FunctionObject>(function) && !as<NativeObject>(function))
        return function;
    auto* method = vm.heap.make<BoundMethodObject>();
    method->self = self;
    method->function = function;
    return Value::from_object(method);
}

static Value class_tuple(Interpreter& vm, const std::vector<ClassObject*>& classes)
{
    std::vector<Value> items;
    for (ClassObject* cls : classes)
        items.push_back(Value::from_object(cls));
    return vm.new_tuple(std::move(items));
}

// `__dict__` of an instance or a class: a copy of its attributes (CPython's is a live view).
static Value attrs_snapshot(Interpreter& vm, const Table& attrs)
{
    DictObject* snapshot = vm.new_dict();
    snapshot->table = attrs;
    return Value::from_object(snapshot);
}

Value Interpreter::get_attr(Value object, std::string_view name)
{
    if (name == "__class__")
        return Value::from_object(type_of(object));
    if (name == "__doc__") {
        if (auto* fn = as<FunctionObject>(object))
            return fn->doc;
        if (auto* method = as<BoundMethodObject>(object))
            return get_attr(method->function, name);
        // A class's docstring is its namespace's __doc__ (its instances see it); a module's too.
        ClassObject* cls = as<InstanceObject>(object) ? as<InstanceObject>(object)->cls : as<ClassObject>(object);
        Value* doc = cls ? cls->attrs.find(name) : as<ModuleObject>(object) ? as<ModuleObject>(object)->globals.find(name) : nullptr;
        return doc ? *doc : Value::none();
    }
    if (object.kind == ValueKind::Object) {
        switch (object.object->kind) {
        case ObjectKind::Instance: {
            auto* instance = static_cast<InstanceObject*>(object.object);
            if (Value* v = instance->attrs.find(name))
                return *v;
            if (Value* v = instance->cls->lookup(name))
                return bind(*this, object, *v);
            if (name == "__dict__")
                return attrs_snapshot(*this, instance->attrs);
            return fail_attribute(object, name, "'" + instance->cls->name + "' object has no attribute '" + std::string(name) + "'");
        }
        case ObjectKind::Class: {
            auto* cls = static_cast<ClassObject*>(object.object);
            if (Value* v = cls->lookup(name))
                return *v;
            if (name == "__name__") return new_str(cls->name);
            if (name == "__qualname__") return new_str(cls->qualname);
            if (name == "__module__") return new_str(cls->module_name);
            if (name == "__bases__") return class_tuple(*this, cls->base ? std::vector<ClassObject*>{cls->base} : std::vector<ClassObject*>{});
            if (name == "__mro__") return class_tuple(*this, cls->mro);
            if (name == "__dict__")
                return attrs_snapshot(*this, cls->attrs);
            return fail_attribute(object, name, "type object '" + cls->name + "' has no attribute '" + std::string(name) + "'");
        }
        case ObjectKind::Module: {
            auto* module = static_cast<ModuleObject*>(object.object);
            if (Value* v = module->globals.find(name))
                return *v;
            return fail_attribute(object, name, "module '" + module->name + "' has no attribute '" + std::string(name) + "'");
        }
        case ObjectKind::Super: {
            // super(C, cls), as in a classmethod, reads cls's MRO and binds nothing.
            auto* super = static_cast<SuperObject*>(object.object);
            auto* self_class = as<ClassObject>(super->self);
            const std::vector<ClassObject*>& mro = (self_class ? self_class : type_of(super->self))->mro;
            auto it = std::find(mro.begin(), mro.end(), super->cls);
            if (it != mro.end())
                for (++it; it != mro.end(); ++it)
                    if (Value* v = (*it)->attrs.find(name))
                        return self_class ? *v : bind(*this, super->self, *v);
            return fail_attribute(object, name, "'super' object has no attribute '" + std::string(name) + "'");
        }
        case ObjectKind::Function: {
            auto* fn = static_cast<FunctionObject*>(object.object);
            if (name == "__name__") return new_str(fn->name);
            if (name == "__qualname__") return new_str(fn->qualname);
            if (name == "__module__") return new_str(fn->module ? fn->module->name : "builtins");
            break;
        }
        case ObjectKind::Native:
            if (name == "__name__") return new_str(static_cast<NativeObject*>(object.object)->name);
            break;
        case ObjectKind::BoundMethod: {
            auto* method = static_cast<BoundMethodObject*>(object.object);
            if (name == "__self__") return method->self;
            if (name == "__func__") return method->function;
            if (name == "__name__") return get_attr(method->function, name);
            break;
        }
        default:
            break;
        }
    }
    if (object.is_number()) {
        bool integral = object.is_integral();
        if (name == "real") return integral ? Value::from_int(object.as_integral()) : object;
        if (name == "imag") return integral ? Value::from_int(0) : Value::from_float(0);
        if (integral && name == "numerator") return Value::from_int(object.as_integral());
        if (integral && name == "denominator") return Value::from_int(1);
    }
    ClassObject* cls = type_of(object);
    if (Value* v = cls->lookup(name))
        return bind(*this, object, *v);
    return fail_attribute(object, name, "'" + cls->name + "' object has no attribute '" + std::string(name) + "'");
}

bool Interpreter::set_attr_checked(Value object, std::string_view name, Value value)
{
    if (auto* instance = as<InstanceObject>(object)) {
        if (instance->cls->has_slots && !slots_allow(instance->cls, name)) {
            fail_attribute(object, name, "'" + instance->cls->name + "' object has no attribute '" + std::string(name) + "'");
            return false;
        }
        set_attr(instance->attrs, name, value);
        return true;
    }
    if (auto* cls = as<ClassObject>(object)) {
        if (cls->is_builtin) {
            fail(types.type_error, "cannot set '" + std::string(name) + "' attribute of immutable type '" + cls->name + "'");
            return false;
        }
        set_attr(cls->attrs, name, value);
        note_class_attribute(cls, name, value);
        return true;
    }
    if (auto* module = as<ModuleObject>(object)) {
        set_attr(module->globals, name, value);
        return true;
    }
    fail(types.attribute_error, "'" + type_name(object) + "' object has no attribute '" + std::string(name) + "'");
    return false;
}

bool Interpreter::delete_attr(Value object, std::string_view name)
{
    Table* table = nullptr;
    if (auto* instance = as<InstanceObject>(object))
        table = &instance->attrs;
    else if (auto* cls = as<ClassObject>(object); cls && !cls->is_builtin)
        table = &cls->attrs;
    else if (auto* module = as<ModuleObject>(object))
        table = &module->globals;
    if (table && table->find(name)) {
        table->remove(new_str(name));
        return true;
    }
    // An unset slot: CPython's message is the bare name.
    if (auto* instance = as<InstanceObject>(object); instance && instance->cls->has_slots && slots_allow(instance->cls, name)) {
        fail(types.attribute_error, std::string(name));
        return false;
    }
    fail(types.attribute_error, "'" + type_name(object) + "' object has no attribute '" + std::string(name) + "'");
    return false;
}

// ---------------------------------------------------------------------------------------------
// 5. Length, iteration, hashing
// ---------------------------------------------------------------------------------------------

Value Interpreter::length(Value v)
{
    if (auto* s = as<StrObject>(v)) return Value::from_int(s->length);
    if (auto* b = as<BytesObject>(v)) return Value::from_int((int64_t)b->data.size());
    if (auto* l = as<ListObject>(v)) return Value::from_int((int64_t)l->items.size());
    if (auto* t = as<TupleObject>(v)) return Value::from_int((int64_t)t->items.size());
    if (auto* d = as<DictObject>(v)) return Value::from_int(d->table.size());
    if (auto* set = as<SetObject>(v)) return Value::from_int((int64_t)set->table.used);
    if (auto* r = as<RangeObject>(v)) return Value::from_int(r->length());
    if (auto* view = as<DictViewObject>(v)) return Value::from_int(view->dict->table.size());
    return fail(types.type_error, "object of type '" + type_name(v) + "' has no len()");
}

Value Interpreter::get_iter(Value v)
{
    IteratorObject* it = nullptr;
    if (as<ListObject>(v) || as<TupleObject>(v)) {
        it = heap.make<IteratorObject>(IteratorKind::Sequence);
    } else if (as<StrObject>(v)) {
        it = heap.make<IteratorObject>(IteratorKind::Str);
    } else if (as<BytesObject>(v)) {
        it = heap.make<IteratorObject>(IteratorKind::Bytes);
    } else if (auto* range = as<RangeObject>(v)) {
        it = heap.make<IteratorObject>(IteratorKind::Range);
        it->index = range->start;
        it->stop = range->stop;
        it->step = range->step;
        return Value::from_object(it);
    } else if (auto* dict = as<DictObject>(v)) {
        it = heap.make<IteratorObject>(IteratorKind::DictKeys);
        it->dict_version = dict->table.version;
    } else if (auto* view = as<DictViewObject>(v)) {
        static constexpr IteratorKind kKinds[] = {IteratorKind::DictKeys, IteratorKind::DictValues, IteratorKind::DictItems};
        it = heap.make<IteratorObject>(kKinds[(int)view->view]);
        it->dict_version = view->dict->table.version;
        it->source = Value::from_object(view->dict);
        return Value::from_object(it);
    } else if (auto* set = as<SetObject>(v)) {
        it = heap.make<IteratorObject>(IteratorKind::Set);
        it->dict_version = set->table.version;
    } else if (as<IteratorObject>(v)) {
        return v;
    } else {
        return fail(types.type_error, "'" + type_name(v) + "' object is not iterable");
    }
    it->source = v;
    return Value::from_object(it);
}

bool Interpreter::next(IteratorObject* it, Value& out)
{
    switch (it->iterator_kind) {
    case IteratorKind::Sequence: {
        const std::vector<Value>& items = as<ListObject>(it->source) ? as<ListObject>(it->source)->items : as<TupleObject>(it->source)->items;
        if ((size_t)it->index >= items.size())
            return false;
        out = items[(size_t)it->index++];
        return true;
    }
    case IteratorKind::Reversed: {
        if (it->index <= 0)
            return false;
        it->index--;
        if (auto* s = as<StrObject>(it->source)) {
            out = new_str(s->ascii ? s->text.substr((size_t)it->index, 1) : code_point_at(s, it->index));
            return true;
        }
        const std::vector<Value>& items = as<ListObject>(it->source) ? as<ListObject>(it->source)->items : as<TupleObject>(it->source)->items;
        if ((size_t)it->index >= items.size())
            return false;
        out = items[(size_t)it->index];
        return true;
    }
    case IteratorKind::Str: {
        auto* s = as<StrObject>(it->source);
        if ((size_t)it->index >= s->text.size())
            return false;
        size_t start = (size_t)it->index, end = start;
        lang::decode_utf8(s->text, end);
        out = new_str(s->text.substr(start, end - start));
        it->index = (int64_t)end;
        return true;
    }
    case IteratorKind::Bytes: {
        // A bytearray may shrink while it is walked: the walk ends where the data ends.
        const std::string& data = as<BytesObject>(it->source)->data;
        if ((size_t)it->index >= data.size())
            return false;
        out = Value::from_int((unsigned char)data[(size_t)it->index++]);
        return true;
    }
    case IteratorKind::Range:
        if (it->step > 0 ? it->index >= it->stop : it->index <= it->stop)
            return false;
        out = Value::from_int(it->index);
        it->index += it->step;
        return true;
    case IteratorKind::DictKeys:
    case IteratorKind::DictValues:
    case IteratorKind::DictItems: {
        Table& table = as<DictObject>(it->source)->table;
        if (table.version != it->dict_version) {
            fail(types.runtime_error, "dictionary changed size during iteration");
            return false;
        }
        while ((size_t)it->index < table.entries.size() && table.entries[(size_t)it->index].key.is_empty())
            it->index++;
        if ((size_t)it->index >= table.entries.size())
            return false;
        const TableEntry& e = table.entries[(size_t)it->index++];
        out = it->iterator_kind == IteratorKind::DictKeys ? e.key : it->iterator_kind == IteratorKind::DictValues ? e.value : new_tuple({e.key, e.value});
        return true;
    }
    case IteratorKind::Set: {
        SetTable& table = as<SetObject>(it->source)->table;
        if (table.version != it->dict_version) {
            fail(types.runtime_error, "Set changed size during iteration");
            return false;
        }
        while ((size_t)it->index < table.slots.size() && table.slots[(size_t)it->index].key.is_empty())
            it->index++;
        if ((size_t)it->index >= table.slots.size())
            return false;
        out = table.slots[(size_t)it->index++].key;
        return true;
    }
    case IteratorKind::Enumerate: {
        Value v;
        if (!next(as<IteratorObject>(it->source), v))
            return false;
        out = new_tuple({Value::from_int(it->index++), v});
        return true;
    }
    case IteratorKind::Zip: {
        std::vector<Value> items;
        for (Value source : it->sources) {
            Value v;
            if (!next(as<IteratorObject>(source), v))
                return false;
            items.push_back(v);
        }
        if (items.empty())
            return false;
        out = new_tuple(std::move(items));
        return true;
    }
    }
    return false;
}

bool Interpreter::collect(Value iterable, std::vector<Value>& out)
{
    if (auto* list = as<ListObject>(iterable)) {
        out.insert(out.end(), list->items.begin(), list->items.end());
        return true;
    }
    if (auto* tuple = as<TupleObject>(iterable)) {
        out.insert(out.end(), tuple->items.begin(), tuple->items.end());
        return true;
    }
    Value it = get_iter(iterable);
    if (it.is_empty())
        return false;
    Value v;
    // list(range(10**10)) is one instruction: it must stop at the budget by itself, counting
    // the vector that holds the items and what making them took (list(enumerate(...)) makes a
    // tuple each). The vector grows by doubling, but never past what the budget leaves it:
    // doubling freely let it reach twice the budget.
    const size_t heap_before = heap.bytes;
    while (next(as<IteratorObject>(it), v)) {
        const bool grows = out.size() == out.capacity();
        if (grows || (out.size() & 0xfff) == 0xfff) {
            const size_t made = heap.bytes - std::min(heap.bytes, heap_before);
            const size_t room = (heap.max_bytes - std::min(heap.max_bytes, made)) / kValueBytes;
            if (out.size() >= room || out.capacity() > room) {
                fail(types.memory_error, "");
                return false;
            }
            if (grows)
                out.reserve(std::min(std::max<size_t>(2 * out.size(), 16), room));
        }
        out.push_back(v);
    }
    return pending.is_empty();
}

Value Interpreter::hash(Value v)
{
    if (!is_hashable(v))
        return fail_unhashable(v);
    // Numbers hash as in CPython (modulo 2**61 - 1); the rest is Threadlab's own hash.
    if (Value n = carried_int(v); !n.is_empty())
        return hash(n);
    if (is_int(v))
        return Value::from_int(int_hash(v));
    if (v.is_float())
        return Value::from_int(float_hash(v.real));
    if (auto* b = as<BytesObject>(v))
        return Value::from_int(bytes_hash(b->data));
    return Value::from_int((int64_t)(hash_value(v) >> 1));
}

} // namespace python
