// bytes and bytearray: sequences of bytes, immutable and mutable, with the codecs that turn
// them into str and back (utf-8, ascii, latin-1 with CPython's error handlers and messages).
// One object kind serves both, as SetObject serves set and frozenset. The interpreter's
// operations (operations.cpp) hand bytes operands to the functions declared here.
#pragma once
#include "python/object.h"
#include "lang/operators.h"
#include <string>
#include <string_view>

namespace python {

struct Interpreter;

struct BytesObject : Object {
    std::string data;        // the bytes themselves (any values, not UTF-8)
    bool bytearray = false;  // mutable, unhashable
    BytesObject(std::string d, bool is_bytearray) : Object(ObjectKind::Bytes), data(std::move(d)), bytearray(is_bytearray) {}
};
template <> constexpr ObjectKind kind_of<BytesObject>() { return ObjectKind::Bytes; }

Value new_bytes(Interpreter& vm, std::string data, bool bytearray = false);

// hash(b) as CPython computes it: SipHash-1-3 of the bytes under the key CPython uses with
// PYTHONHASHSEED=0 (all zeros), the way the conformance suite runs CPython; -1 becomes -2.
int64_t bytes_hash(std::string_view data);

// bytes + other, bytes * n and `item in bytes`; Empty when they raised.
Value bytes_concat(Interpreter& vm, BytesObject* a, Value b, bool in_place);
Value bytes_repeat(Interpreter& vm, BytesObject* b, int64_t times);
Value bytes_contains(Interpreter& vm, BytesObject* b, Value item);
// b[i] (an int) and b[i:j:k] (of the same type); Empty when it raised.
Value bytes_get_item(Interpreter& vm, BytesObject* b, Value index);
// bytearray's item and slice assignment and deletion (`value` Empty: del); false when it raised.
bool bytearray_set_item(Interpreter& vm, BytesObject* b, Value index, Value value);

// The types bytes and bytearray with their methods, the Unicode errors, str.encode and
// int.to_bytes/int.from_bytes.
void install_bytes(Interpreter& vm);

} // namespace python
