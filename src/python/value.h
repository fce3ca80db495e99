// Value: what a Python variable, stack slot or container element holds. 16 bytes: a kind tag
// and a payload. None, bools, ints and floats are unboxed (a CPU-bound loop allocates
// nothing); everything else is a pointer to an Object in the process's Heap.
#pragma once
#include <cstdint>

namespace python {

struct Object;

enum class ValueKind : uint8_t {
    Empty,   // no value: an unbound local, the NULL slot of a call, "an exception is pending"
    None,
    Bool,
    Int,     // 64-bit; arithmetic that leaves the range raises OverflowError
    Float,
    Object,
};

struct Value {
    ValueKind kind = ValueKind::None;
    union {
        bool boolean;
        int64_t integer;
        double real;
        Object* object;
    };

    constexpr Value() : integer(0) {}

    static constexpr Value empty()
    {
        Value v;
        v.kind = ValueKind::Empty;
        return v;
    }
    static constexpr Value none() { return Value(); }
    static constexpr Value from_bool(bool b)
    {
        Value v;
        v.kind = ValueKind::Bool;
        v.integer = 0;
        v.boolean = b;
        return v;
    }
    static constexpr Value from_int(int64_t i)
    {
        Value v;
        v.kind = ValueKind::Int;
        v.integer = i;
        return v;
    }
    static constexpr Value from_float(double d)
    {
        Value v;
        v.kind = ValueKind::Float;
        v.real = d;
        return v;
    }
    static Value from_object(Object* o)
    {
        Value v;
        v.kind = ValueKind::Object;
        v.object = o;
        return v;
    }

    bool is_empty() const { return kind == ValueKind::Empty; }
    bool is_none() const { return kind == ValueKind::None; }
    bool is_bool() const { return kind == ValueKind::Bool; }
    bool is_int() const { return kind == ValueKind::Int; }
    bool is_float() const { return kind == ValueKind::Float; }
    bool is_object() const { return kind == ValueKind::Object; }
    // int or bool (bool is a subclass of int in Python)
    bool is_integral() const { return kind == ValueKind::Int || kind == ValueKind::Bool; }
    int64_t as_integral() const { return kind == ValueKind::Bool ? (int64_t)boolean : integer; }
    bool is_number() const { return is_integral() || kind == ValueKind::Float; }
    double as_double() const { return kind == ValueKind::Float ? real : (double)as_integral(); }
};

static_assert(sizeof(Value) == 16, "Value must stay 16 bytes");

} // namespace python
