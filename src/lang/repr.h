// Python's text forms of floats and strings, exactly as CPython prints them. They live in lang
// because the disassembler shows constants this way; the runtime's repr() uses the same code.
#pragma once
#include <string>
#include <string_view>

namespace lang {

// repr(float): the shortest text that reads back to the same double (0.1, 1e+16, 1.0, inf, nan).
std::string float_repr(double value);

// repr(str): quotes chosen like CPython (single unless the text has ' and no "), escapes for
// control characters, printable non-ASCII kept as is.
std::string str_repr(std::string_view utf8);

// repr(bytes): b'..' with the same choice of quotes, every byte outside printable ASCII as \xhh.
std::string bytes_repr(std::string_view bytes);
// repr(bytearray): bytearray(b'..'), where ' is escaped whichever quotes are chosen.
std::string bytearray_repr(std::string_view bytes);

// What ascii() makes of a repr: each non-ASCII code point as \xhh, \uhhhh or \Uhhhhhhhh.
std::string ascii_escape(std::string_view utf8);

} // namespace lang
