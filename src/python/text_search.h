// Substring search for the str and bytes methods (find, count, index, replace, split, in), in
// time linear in the text. std::string_view::find tries the needle at every position: a needle
// of 10**5 characters in a text of 10**7 is 10**12 steps, inside one instruction, out of reach
// of any instruction budget, where CPython's fastsearch takes milliseconds. Short needles keep
// that plain search (its worst case is short too); long ones use Knuth-Morris-Pratt.
#pragma once
#include <string_view>

namespace python {

// The first occurrence of `needle` in `text` at or after `from`, or npos.
size_t find_text(std::string_view text, std::string_view needle, size_t from = 0);
// The last occurrence of `needle` in `text` that starts at or before `last_start`, or npos.
size_t rfind_text(std::string_view text, std::string_view needle, size_t last_start = std::string_view::npos);

} // namespace python
