// Helpers for writing native functions: argument checks with CPython's messages, and typed
// access to self. Used by the builtins, the built-in types' methods and native modules.
#pragma once
#include "python/interpreter.h"

namespace python {

// Checks the positional count (between min and max) and that no keyword was passed.
// `name` is how the message names the function ("len", "list.append").
bool check_arity(Interpreter& vm, const char* name, CallArgs args, uint32_t min, uint32_t max);

// Refuses keyword arguments other than `allowed` (null-terminated list).
bool check_keywords(Interpreter& vm, const char* name, CallArgs args, std::initializer_list<const char*> allowed);

// An int argument (bools count), or a TypeError naming its type.
bool int_argument(Interpreter& vm, Value v, int64_t& out);

// The text of a str argument, or a TypeError: "<what> must be str, not int".
bool str_argument(Interpreter& vm, Value v, const char* what, const StrObject*& out);

} // namespace python
