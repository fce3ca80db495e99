// UTF-8 helpers shared by the lexer and the runtime's str type (Python indexes strings by
// code point, so the runtime needs to walk them).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace lang {

inline bool is_utf8_continuation(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

// Reads one code point at `at` and advances `at`. A malformed byte (a lead byte without all its
// continuation bytes, 0xF8..0xFF, a stray continuation byte) reads as itself: a walk then never
// swallows a byte that StrObject counts as the start of a code point, so indexing a str made
// from text that is not UTF-8 stays inside it.
inline uint32_t decode_utf8(std::string_view text, size_t& at)
{
    unsigned char c = (unsigned char)text[at];
    int extra = c >= 0xF8 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    bool complete = at + extra < text.size();
    for (int i = 1; complete && i <= extra; i++)
        complete = is_utf8_continuation(text[at + i]);
    if (extra == 0 || !complete) {
        at++;
        return c;
    }
    uint32_t cp = c & (0x3F >> extra);
    for (int i = 1; i <= extra; i++)
        cp = (cp << 6) | ((unsigned char)text[at + i] & 0x3F);
    at += extra + 1;
    return cp;
}

inline void append_utf8(std::string& out, uint32_t cp)
{
    if (cp < 0x80) {
        out += (char)cp;
    } else if (cp < 0x800) {
        out += (char)(0xC0 | (cp >> 6));
        out += (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += (char)(0xE0 | (cp >> 12));
        out += (char)(0x80 | ((cp >> 6) & 0x3F));
        out += (char)(0x80 | (cp & 0x3F));
    } else {
        out += (char)(0xF0 | (cp >> 18));
        out += (char)(0x80 | ((cp >> 12) & 0x3F));
        out += (char)(0x80 | ((cp >> 6) & 0x3F));
        out += (char)(0x80 | (cp & 0x3F));
    }
}

} // namespace lang
