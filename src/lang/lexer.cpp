// Lexer. Sections:
//   1. Character classes and UTF-8
//   2. String escapes (shared with the parser's f-string handling)
//   3. The Lexer: indentation, names, numbers, strings, operators
#include "lang/lexer.h"
#include "lang/utf8.h"
#include <array>
#include <cstdlib>
#include <cstring>

namespace lang {

// ---------------------------------------------------------------------------------------------
// 1. Character classes and UTF-8
// ---------------------------------------------------------------------------------------------

static constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
};

bool is_keyword(std::string_view word)
{
    for (std::string_view keyword : kKeywords)
        if (keyword == word)
            return true;
    return false;
}

const char* token_kind_name(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Name: return "NAME";
    case TokenKind::Keyword: return "KEYWORD";
    case TokenKind::Int: return "INT";
    case TokenKind::Float: return "FLOAT";
    case TokenKind::String: return "STRING";
    case TokenKind::Bytes: return "BYTES";
    case TokenKind::FString: return "FSTRING";
    case TokenKind::Operator: return "OP";
    case TokenKind::Newline: return "NEWLINE";
    case TokenKind::Indent: return "INDENT";
    case TokenKind::Dedent: return "DEDENT";
    case TokenKind::End: return "ENDMARKER";
    }
    return "?";
}

static bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Letters of the scripts a course might name variables in (Latin, Greek, Cyrillic, CJK, kana,
// Hangul). Anything else non-ASCII outside a string is refused as an invalid character.
static bool is_identifier_code_point(uint32_t cp)
{
    return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x370 && cp <= 0x52F) ||
           (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF);
}

// ---------------------------------------------------------------------------------------------
// 2. String escapes
// ---------------------------------------------------------------------------------------------

static int hex_digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool decode_escapes(std::string_view raw, std::string& out, std::string& error, bool bytes)
{
    for (size_t i = 0; i < raw.size(); i++) {
        char c = raw[i];
        if (c != '\\' || i + 1 >= raw.size()) {
            out += c;
            continue;
        }
        char e = raw[++i];
        if (bytes && (e == 'u' || e == 'U' || e == 'N')) {
            out += '\\';
            out += e;
            continue;
        }
        switch (e) {
        case '\n': break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x':
        case 'u':
        case 'U': {
            int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t cp = 0;
            for (int k = 0; k < digits; k++) {
                int v = i + 1 + k < raw.size() ? hex_digit_value(raw[i + 1 + k]) : -1;
                if (v < 0) {
                    error = std::string("(unicode error) truncated \\") + e + std::string(digits, 'X') + " escape";
                    return false;
                }
                cp = cp * 16 + (uint32_t)v;
            }
            i += digits;
            if (bytes) {
                out += (char)cp;
                break;
            }
            if (cp > 0x10FFFF) {
                error = "(unicode error) illegal Unicode character";
                return false;
            }
            append_utf8(out, cp);
            break;
        }
        case 'N':
            error = "\\N{...} escapes are not supported by Threadlab";
            return false;
        default:
            if (e >= '0' && e <= '7') {
                uint32_t cp = (uint32_t)(e - '0');
                for (int k = 0; k < 2 && i + 1 < raw.size() && raw[i + 1] >= '0' && raw[i + 1] <= '7'; k++)
                    cp = cp * 8 + (uint32_t)(raw[++i] - '0');
                if (bytes)
                    out += (char)(cp & 0xFF);
                else
                    append_utf8(out, cp);
            } else {
                // Python keeps unknown escapes as they are (with a warning).
                out += '\\';
                out += e;
            }
        }
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// 3. The Lexer
// ---------------------------------------------------------------------------------------------

namespace {

struct OpenBracket {
    char ch;
    SourcePos pos;
};

struct Lexer {
    std::string_view src;
    LexMode mode = LexMode::File;
    SourcePos origin;
    size_t at = 0;
    int line = 1;
    size_t line_start = 0;
    std::vector<int> indents{0};
    std::vector<OpenBracket> brackets;
    LexResult result;

    SourcePos pos_of(size_t offset) const
    {
        int col = (int)(offset - line_start);
        if (line == origin.line)
            col += origin.col;
        return {line, col};
    }
    char peek(size_t ahead = 0) const { return at + ahead < src.size() ? src[at + ahead] : '\0'; }
    bool at_end() const { return at >= src.size(); }

    bool fail(SourcePos pos, std::string message, const char* kind = "SyntaxError")
    {
        result.error = SourceError{pos, kind, std::move(message)};
        return false;
    }
    Token& emit(TokenKind kind, size_t start, size_t end)
    {
        Token token;
        token.kind = kind;
        token.pos = pos_of(start);
        token.text = src.substr(start, end - start);
        result.tokens.push_back(std::move(token));
        return result.tokens.back();
    }
    void new_line(size_t offset_after_newline)
    {
        line++;
        line_start = offset_after_newline;
    }
    bool last_is_line_end() const
    {
        return result.tokens.empty() || result.tokens.back().kind == TokenKind::Newline ||
               result.tokens.back().kind == TokenKind::Indent || result.tokens.back().kind == TokenKind::Dedent;
    }

    bool run();
    bool indentation();
    bool name_or_prefixed_string();
    bool number();
    bool string(size_t start, std::string_view prefix);
    bool op();
};

bool Lexer::run()
{
    bool line_start_pending = mode == LexMode::File;
    while (true) {
        if (line_start_pending && brackets.empty()) {
            line_start_pending = false;
            if (!indentation())
                return false;
        }
        while (peek() == ' ' || peek() == '\t' || peek() == '\f')
            at++;
        if (at_end())
            break;
        char c = peek();
        if (c == '#') {
            while (!at_end() && peek() != '\n')
                at++;
            continue;
        }
        if (c == '\\' && (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n'))) {
            at += peek(1) == '\r' ? 3 : 2;
            new_line(at);
            continue;
        }
        if (c == '\r' && peek(1) == '\n')
            at++;
        if (peek() == '\n') {
            if (mode == LexMode::File && brackets.empty() && !last_is_line_end())
                emit(TokenKind::Newline, at, at);
            at++;
            new_line(at);
            line_start_pending = mode == LexMode::File && brackets.empty();
            continue;
        }
        bool ok;
        if (is_ascii_letter(c) || c == '_' || (unsigned char)c >= 0x80)
            ok = name_or_prefixed_string();
        else if (is_digit(c) || (c == '.' && is_digit(peek(1))))
            ok = number();
        else if (c == '\'' || c == '"')
            ok = string(at, "");
        else
            ok = op();
        if (!ok)
            return false;
    }
    if (!brackets.empty()) {
        const OpenBracket& open = brackets.back();
        return fail(open.pos, std::string("'") + open.ch + "' was never closed");
    }
    if (mode == LexMode::File) {
        if (!last_is_line_end())
            emit(TokenKind::Newline, at, at);
        while (indents.size() > 1) {
            indents.pop_back();
            emit(TokenKind::Dedent, at, at);
        }
    }
    emit(TokenKind::End, at, at);
    return true;
}

// At the start of a logical line: compare its indentation with the enclosing blocks'.
bool Lexer::indentation()
{
    int width = 0;
    while (peek() == ' ' || peek() == '\t' || peek() == '\f') {
        width = peek() == '\t' ? (width / 8 + 1) * 8 : width + 1;
        at++;
    }
    char c = peek();
    if (at_end() || c == '#' || c == '\n' || c == '\r')
        return true;  // blank and comment-only lines do not count
    if (width > indents.back()) {
        indents.push_back(width);
        emit(TokenKind::Indent, at, at);
        return true;
    }
    while (width < indents.back()) {
        indents.pop_back();
        if (width > indents.back())
            return fail(pos_of(at), "unindent does not match any outer indentation level", "IndentationError");
        emit(TokenKind::Dedent, at, at);
    }
    return true;
}

bool Lexer::name_or_prefixed_string()
{
    size_t start = at;
    while (!at_end()) {
        char c = peek();
        if (is_ascii_letter(c) || is_digit(c) || c == '_') {
            at++;
            continue;
        }
        if ((unsigned char)c < 0x80)
            break;
        size_t before = at;
        uint32_t cp = decode_utf8(src, at);
        if (!is_identifier_code_point(cp)) {
            at = before;
            break;
        }
    }
    if (at == start) {
        size_t next = at;
        uint32_t cp = decode_utf8(src, next);
        char hex[16];
        snprintf(hex, sizeof hex, "U+%04X", cp);
        return fail(pos_of(start), "invalid character '" + std::string(src.substr(start, next - start)) + "' (" + hex + ")");
    }
    std::string_view word = src.substr(start, at - start);
    if ((peek() == '\'' || peek() == '"') && word.size() <= 2) {
        bool prefix = true;
        for (char c : word)
            prefix = prefix && std::strchr("rRuUfFbB", c) != nullptr;
        if (prefix)
            return string(start, word);
    }
    emit(is_keyword(word) ? TokenKind::Keyword : TokenKind::Name, start, at);
    return true;
}

// The runtime's limit on the size of an int (python/bigint.h's kMaxIntBits).
constexpr size_t kMaxLiteralBits = 1u << 20;

bool Lexer::number()
{
    size_t start = at;
    auto digits = [&](auto is_valid) {
        while (is_valid(peek()) || (peek() == '_' && is_valid(peek(1))))
            at++;
    };
    auto invalid_after = [&](const char* what) {
        return fail(pos_of(start), std::string("invalid ") + what + " literal");
    };
    if (peek() == '0' && peek(1) != '\0' && std::strchr("xXoObB", peek(1))) {
        char base_char = (char)(peek(1) | 0x20);
        int base = base_char == 'x' ? 16 : base_char == 'o' ? 8 : 2;
        const char* what = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
        at += 2;
        if (peek() == '_')
            at++;
        size_t digits_start = at;
        digits([base](char c) { return hex_digit_value(c) >= 0 && hex_digit_value(c) < base; });
        if (at == digits_start || is_ascii_letter(peek()) || is_digit(peek())) {
            size_t bad = at;
            return fail(pos_of(bad), std::string("invalid ") + what + " literal");
        }
        uint64_t value = 0;
        std::string spelled = base == 16 ? "0x" : base == 8 ? "0o" : "0b";
        bool big = false;
        for (size_t i = digits_start; i < at; i++) {
            if (src[i] == '_')
                continue;
            spelled += src[i];
            uint64_t next = value * (uint64_t)base + (uint64_t)hex_digit_value(src[i]);
            big = big || value > (UINT64_MAX - 15) / (uint64_t)base || next > (uint64_t)INT64_MAX;
            value = next;
        }
        if ((spelled.size() - 2) * (base == 16 ? 4 : base == 8 ? 3 : 1) > kMaxLiteralBits)
            return fail(pos_of(start), "integer literal too large: Threadlab's ints hold at most 1048576 bits", "OverflowError");
        Token& token = emit(TokenKind::Int, start, at);
        if (big)
            token.value = spelled;  // the runtime makes it a big int
        else
            token.int_value = (int64_t)value;
        return true;
    }
    digits(is_digit);
    bool is_float = false;
    if (peek() == '.') {
        is_float = true;
        at++;
        digits(is_digit);
    }
    if (peek() == 'e' || peek() == 'E') {
        size_t save = at;
        at++;
        if (peek() == '+' || peek() == '-')
            at++;
        if (!is_digit(peek())) {
            at = save;
            return invalid_after("decimal");
        }
        digits(is_digit);
        is_float = true;
    }
    if (peek() == 'j' || peek() == 'J')
        return fail(pos_of(start), "complex numbers are not supported by Threadlab");
    if (peek() == '_')
        return fail(pos_of(at), "invalid decimal literal");
    if (is_ascii_letter(peek()) || is_digit(peek()))
        return invalid_after("decimal");
    std::string clean;
    for (size_t i = start; i < at; i++)
        if (src[i] != '_')
            clean += src[i];
    if (is_float) {
        emit(TokenKind::Float, start, at).float_value = std::strtod(clean.c_str(), nullptr);
        return true;
    }
    if (clean.size() > 1 && clean[0] == '0' && clean.find_first_not_of('0') != std::string::npos)
        return fail(pos_of(start), "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    if (clean.size() > 4300)
        return fail(pos_of(start), "Exceeds the limit (4300 digits) for integer string conversion: value has " + std::to_string(clean.size()) +
                                       " digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge "
                                       "integer literals to avoid decimal conversion limits.");
    uint64_t value = 0;
    bool big = false;
    for (char c : clean) {
        big = big || value > (uint64_t)INT64_MAX / 10 || value * 10 + (uint64_t)(c - '0') > (uint64_t)INT64_MAX;
        value = value * 10 + (uint64_t)(c - '0');
    }
    Token& token = emit(TokenKind::Int, start, at);
    if (big)
        token.value = clean;  // the runtime makes it a big int
    else
        token.int_value = (int64_t)value;
    return true;
}

bool Lexer::string(size_t start, std::string_view prefix)
{
    bool raw = false, format = false, bytes = false;
    for (char c : prefix) {
        char lower = (char)(c | 0x20);
        raw = raw || lower == 'r';
        format = format || lower == 'f';
        bytes = bytes || lower == 'b';
    }
    if (bytes && (format || prefix.find_first_of("uU") != std::string_view::npos))
        return fail(pos_of(start), "invalid syntax");
    SourcePos start_pos = pos_of(start);
    char quote = peek();
    bool triple = peek(1) == quote && peek(2) == quote;
    at += triple ? 3 : 1;
    SourcePos body_pos = pos_of(at);
    size_t body_start = at;
    while (true) {
        if (at_end()) {
            return fail(start_pos, std::string(triple ? "unterminated triple-quoted string literal" : "unterminated string literal") +
                                       " (detected at line " + std::to_string(line) + ")");
        }
        char c = peek();
        if (c == '\\' && at + 1 < src.size()) {
            if (src[at + 1] == '\n') {
                at += 2;
                new_line(at);
            } else {
                at += 2;
            }
            continue;
        }
        if (c == '\n') {
            if (!triple)
                return fail(start_pos, "unterminated string literal (detected at line " + std::to_string(line) + ")");
            at++;
            new_line(at);
            continue;
        }
        if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote)))
            break;
        at++;
    }
    std::string_view body = src.substr(body_start, at - body_start);
    at += triple ? 3 : 1;
    Token token;
    token.kind = format ? TokenKind::FString : bytes ? TokenKind::Bytes : TokenKind::String;
    if (bytes)
        for (char c : body)
            if ((unsigned char)c >= 0x80)
                return fail(start_pos, "bytes can only contain ASCII literal characters");
    token.pos = start_pos;
    token.text = src.substr(start, at - start);
    token.body_pos = body_pos;
    token.raw = raw;
    if (format || raw) {
        token.value = std::string(body);
    } else {
        std::string error;
        if (!decode_escapes(body, token.value, error, bytes))
            return fail(start_pos, error);
    }
    result.tokens.push_back(std::move(token));
    return true;
}

bool Lexer::op()
{
    static constexpr std::array<std::string_view, 48> kOperators = {
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<",
        ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@",
        "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "!",
    };
    std::string_view rest = src.substr(at);
    for (std::string_view candidate : kOperators) {
        if (rest.substr(0, candidate.size()) != candidate)
            continue;
        size_t start = at;
        char c = candidate[0];
        if (candidate.size() == 1 && (c == '(' || c == '[' || c == '{')) {
            brackets.push_back({c, pos_of(start)});
        } else if (candidate.size() == 1 && (c == ')' || c == ']' || c == '}')) {
            if (brackets.empty())
                return fail(pos_of(start), std::string("unmatched '") + c + "'");
            char open = brackets.back().ch;
            char expected = open == '(' ? ')' : open == '[' ? ']' : '}';
            if (c != expected) {
                if (brackets.back().pos.line != line)
                    return fail(pos_of(start), std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" +
                                                   open + "' on line " + std::to_string(brackets.back().pos.line));
                return fail(pos_of(start), std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" + open + "'");
            }
            brackets.pop_back();
        }
        at += candidate.size();
        emit(TokenKind::Operator, start, at);
        return true;
    }
    if ((unsigned char)rest[0] >= 0x80)
        return name_or_prefixed_string();
    return fail(pos_of(at), "invalid syntax");
}

} // namespace

LexResult tokenize(std::string_view source, LexMode mode, SourcePos origin)
{
    Lexer lexer;
    lexer.src = source;
    lexer.mode = mode;
    lexer.origin = origin;
    lexer.line = origin.line;
    lexer.run();
    return std::move(lexer.result);
}

} // namespace lang
