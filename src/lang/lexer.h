// Lexer: Python source text -> tokens, with INDENT/DEDENT and NEWLINE like CPython's tokenizer.
// The whole text is tokenized up front; the first error stops it and is returned as a value.
#pragma once
#include "lang/source.h"
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lang {

enum class TokenKind : uint8_t {
    Name,      // identifiers
    Keyword,   // if, def, class, ... (see is_keyword)
    Int,
    Float,
    String,    // a plain string literal, escapes decoded into `value`
    Bytes,     // a bytes literal (b'..'): `value` holds its bytes
    FString,   // an f-string: `value` holds the raw body, parsed later by the parser
    Operator,  // punctuation and operators, spelled in `text`
    Newline,   // end of a logical line
    Indent,
    Dedent,
    End,
};

struct Token {
    TokenKind kind = TokenKind::End;
    SourcePos pos;
    std::string_view text;   // the spelling in the source
    std::string value;       // String: decoded value; FString: raw body between the quotes; Int: its digits when past 64 bits
    SourcePos body_pos;      // FString: where the body starts (errors inside {expressions})
    bool raw = false;        // FString: r-prefixed, backslashes are literal
    int64_t int_value = 0;
    double float_value = 0;
};

struct LexResult {
    std::vector<Token> tokens;
    std::optional<SourceError> error;
};

enum class LexMode : uint8_t {
    File,        // statements: NEWLINE, INDENT and DEDENT tokens
    Expression,  // an f-string's {expression}: newlines are insignificant, no indentation
};

// `origin` is where `source` starts in the file, so that tokens of an f-string's expression
// carry the positions they have in the whole file.
LexResult tokenize(std::string_view source, LexMode mode = LexMode::File, SourcePos origin = {1, 0});

// Decodes Python's backslash escapes (\n, \x41, \u4e2d, ...) of a non-raw literal into UTF-8.
// In a bytes literal \x and octal escapes are single bytes and \u, \U, \N are not escapes.
bool decode_escapes(std::string_view raw, std::string& out, std::string& error, bool bytes = false);

bool is_keyword(std::string_view word);
const char* token_kind_name(TokenKind kind);

} // namespace lang
