#include "lang/repr.h"
#include "lang/utf8.h"
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace lang {

// "%e" text with its last mantissa digit moved by one unit (carries and borrows included).
static std::string last_digit_moved(const char* scientific, int direction)
{
    std::string text = scientific;
    size_t e = text.find('e');
    int exponent = std::atoi(text.c_str() + e + 1);
    bool negative = text[0] == '-';
    std::string digits;
    for (size_t i = negative ? 1 : 0; i < e; i++)
        if (text[i] != '.')
            digits += text[i];
    size_t count = digits.size();
    uint64_t mantissa = std::strtoull(digits.c_str(), nullptr, 10) + (uint64_t)(int64_t)direction;
    std::string moved = std::to_string(mantissa);
    if (moved.size() > count) {  // 9.99 up is 10.0: one more place, same number of digits
        moved.pop_back();
        exponent++;
    } else if (moved.size() < count) {  // 1.00 down is 0.999: a place less
        moved += '9';
        exponent--;
    }
    std::string out = negative ? "-" : "";
    out += moved.substr(0, 1);
    if (moved.size() > 1)
        out += "." + moved.substr(1);
    return out + "e" + std::to_string(exponent);
}

std::string float_repr(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    if (value == 0)
        return std::signbit(value) ? "-0.0" : "0.0";

    // The fewest significant digits that read back exactly; "%.*e" rounds correctly on glibc
    // and on Emscripten's musl, so both builds print the same digits. When the correctly rounded
    // digits do not read back, the neighbour one unit nearer the value may (2.0 ** 710 is
    // 5.386379163185535e+213, though its digits run 5.3863791631855344...), as CPython finds.
    char buffer[40];
    std::string text;
    for (int precision = 0; precision <= 17 && text.empty(); precision++) {
        snprintf(buffer, sizeof buffer, "%.*e", precision, value);
        double read = std::strtod(buffer, nullptr);
        if (read == value) {
            text = buffer;
        } else if (precision < 17) {
            std::string neighbour = last_digit_moved(buffer, value > read ? 1 : -1);
            if (std::strtod(neighbour.c_str(), nullptr) == value)
                text = neighbour;
        }
    }
    bool negative = text[0] == '-';
    if (negative)
        text.erase(0, 1);
    size_t e = text.find('e');
    int exponent = std::atoi(text.c_str() + e + 1);
    std::string digits;
    for (size_t i = 0; i < e; i++)
        if (text[i] != '.')
            digits += text[i];
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();

    std::string out = negative ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out += "0." + std::string((size_t)(-exponent - 1), '0') + digits;
        } else if ((int)digits.size() <= exponent + 1) {
            out += digits + std::string((size_t)(exponent + 1) - digits.size(), '0') + ".0";
        } else {
            out += digits.substr(0, (size_t)exponent + 1) + "." + digits.substr((size_t)exponent + 1);
        }
        return out;
    }
    out += digits.substr(0, 1);
    if (digits.size() > 1)
        out += "." + digits.substr(1);
    char exponent_text[16];
    snprintf(exponent_text, sizeof exponent_text, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return out + exponent_text;
}

// Python prints a character in a repr unless it is a control, format, separator or
// private-use character; these ranges cover the ones a program meets.
static bool is_printable(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD)
        return false;
    if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F))
        return false;
    if (cp == 0x1680 || cp == 0x180E || cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB))
        return false;
    if ((cp >= 0xD800 && cp <= 0xF8FF) || cp > 0x10FFFF)
        return false;
    return true;
}

// The quoted body of a str (code points of UTF-8 text) or of a bytes (its bytes, where
// everything outside printable ASCII is escaped). CPython's bytearray repr escapes ' even
// inside double quotes: `escape_single`.
static std::string quoted(std::string_view text, bool bytes, bool escape_single = false)
{
    bool has_single = text.find('\'') != std::string_view::npos;
    bool has_double = text.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    for (size_t at = 0; at < text.size();) {
        uint32_t cp = bytes ? (unsigned char)text[at++] : decode_utf8(text, at);
        bool printable = bytes ? cp >= 0x20 && cp < 0x7F : is_printable(cp);
        if (cp == (uint32_t)quote || cp == '\\' || (escape_single && cp == '\'')) {
            out += '\\';
            out += (char)cp;
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (cp == '\t') {
            out += "\\t";
        } else if (!printable) {
            char escape[16];
            if (cp < 0x100)
                snprintf(escape, sizeof escape, "\\x%02x", cp);
            else if (cp < 0x10000)
                snprintf(escape, sizeof escape, "\\u%04x", cp);
            else
                snprintf(escape, sizeof escape, "\\U%08x", cp);
            out += escape;
        } else {
            append_utf8(out, cp);
        }
    }
    out += quote;
    return out;
}

std::string str_repr(std::string_view utf8)
{
    return quoted(utf8, false);
}

std::string bytes_repr(std::string_view bytes)
{
    return "b" + quoted(bytes, true);
}

std::string bytearray_repr(std::string_view bytes)
{
    return "bytearray(b" + quoted(bytes, true, true) + ")";
}

std::string ascii_escape(std::string_view utf8)
{
    std::string out;
    for (size_t at = 0; at < utf8.size();) {
        uint32_t cp = decode_utf8(utf8, at);
        if (cp < 0x80) {
            out += (char)cp;
            continue;
        }
        char buffer[12];
        if (cp < 0x100)
            snprintf(buffer, sizeof buffer, "\\x%02x", (unsigned)cp);
        else if (cp < 0x10000)
            snprintf(buffer, sizeof buffer, "\\u%04x", (unsigned)cp);
        else
            snprintf(buffer, sizeof buffer, "\\U%08x", (unsigned)cp);
        out += buffer;
    }
    return out;
}

} // namespace lang
