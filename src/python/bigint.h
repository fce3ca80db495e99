// Integers of any size. A Python int is a Value of kind Int while it fits in 64 bits (the fast
// path: a loop over small ints allocates nothing) and a BigIntObject on the heap beyond that.
// Every result is normalized: a value that fits in 64 bits is always a small Int, so two equal
// ints are either both small or both big. The arbitrary-precision arithmetic is Boost's
// header-only cpp_int (Debian's libboost-dev): well kept, no library to link, and it builds
// unchanged for WebAssembly.
#pragma once
#include "python/object.h"
#include "lang/operators.h"
#include <boost/multiprecision/cpp_int.hpp>
#include <string>
#include <string_view>

namespace python {

struct Interpreter;

using BigInt = boost::multiprecision::cpp_int;

struct BigIntObject : Object {
    BigInt value;
    explicit BigIntObject(BigInt v) : Object(ObjectKind::BigInt), value(std::move(v)) {}
};
template <> constexpr ObjectKind kind_of<BigIntObject>() { return ObjectKind::BigInt; }

// A program cannot fill the lab's memory with one number: results past this many bits raise
// OverflowError (CPython would go on until memory runs out).
constexpr unsigned kMaxIntBits = 1u << 20;
// CPython 3.11's default limit on int <-> decimal str conversions (sys.set_int_max_str_digits).
constexpr size_t kMaxStrDigits = 4300;

inline bool is_big_int(Value v) { return v.kind == ValueKind::Object && v.object->kind == ObjectKind::BigInt; }
// int, bool or a big int: what isinstance(v, int) accepts among built-in values.
inline bool is_int(Value v) { return v.is_integral() || is_big_int(v); }
// int, bool, big int or float.
inline bool is_real(Value v) { return v.is_number() || is_big_int(v); }

BigInt to_big(Value v);                          // v is_int
Value make_int(Interpreter& vm, const BigInt& n);  // a small Int when it fits; Empty (raised) past kMaxIntBits

// An operator on two ints (either may be big); Empty when it raised.
Value int_binary_op(Interpreter& vm, lang::BinaryOp op, Value a, Value b);
Value int_negate(Interpreter& vm, Value v);
Value int_invert(Interpreter& vm, Value v);
Value int_abs(Interpreter& vm, Value v);
// round(x, -decimals) of an int: the nearest multiple of 10**decimals, ties to even.
Value round_int_to_decimals(Interpreter& vm, Value x, int64_t decimals);
// pow(base, exponent, modulus) of ints, with a negative exponent meaning the modular inverse.
Value int_modular_pow(Interpreter& vm, Value base, Value exponent, Value modulus);

// Exact three-way comparison of two reals (int, bool, big int, float): -1, 0, 1, or 2 when a
// NaN makes them unordered. 2**53 + 1 > 2.0**53, as in CPython.
int compare_reals(Value a, Value b);
// The int as a double, rounded to nearest as CPython does; false when it is out of range.
bool int_to_double(Value v, double& out);
// A real (int, bool, big int or float) as a double; raises OverflowError for a huge int.
bool real_to_double(Interpreter& vm, Value v, double& out);
// The integral part of a finite float as an int.
Value int_from_double(Interpreter& vm, double d);

// Decimal text of an int; raises ValueError past kMaxStrDigits digits as CPython 3.11 does.
bool int_to_decimal(Interpreter& vm, Value v, std::string& out);
// The magnitude's digits in base 2, 8, 10 or 16 (no sign, no prefix).
std::string int_magnitude_digits(Value v, int base, bool upper);
bool int_is_negative(Value v);
// int(text, base): Python's literal syntax (sign, spaces, underscores, 0x/0o/0b with base 0).
// Returns Empty with ValueError raised when the text is not an integer or too long.
Value parse_int_text(Interpreter& vm, std::string_view text, int base);

// hash(n) as CPython computes it: n modulo 2**61 - 1, keeping the sign; -1 becomes -2.
int64_t int_hash(Value v);
// hash(x) of a float as CPython computes it (equal to the int's hash when x is integral).
int64_t float_hash(double x);

int64_t int_bit_length(Value v);

} // namespace python
