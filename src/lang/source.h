// Source positions and compile-time errors of the Python subset.
// Every token, AST node and instruction carries a SourcePos, so that an error (compile time or
// run time) can name the exact line and column.
#pragma once
#include <string>
#include <string_view>

namespace lang {

// line is 1-based; col is the 0-based byte offset in that line (as CPython's col_offset).
struct SourcePos {
    int line = 0;
    int col = 0;
};

// A syntax error or an unsupported construct: reported, never accepted silently.
struct SourceError {
    SourcePos pos;
    std::string kind = "SyntaxError";  // Python's exception name: SyntaxError, IndentationError...
    std::string message;
};

// The text of line `line` (1-based) without its newline; empty when out of range.
std::string_view source_line(std::string_view source, int line);

// "file:line:col: message", the offending line, a caret under the column, and last
// "Kind: message" (the line a Python user, and the conformance suite, looks for).
std::string format_source_error(const SourceError& error, std::string_view filename, std::string_view source);

} // namespace lang
