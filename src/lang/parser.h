// Parser: tokens -> AST, by recursive descent over Python's grammar (the supported subset).
// Constructs outside the subset (yield, match, decorators, walrus, ...) are refused with an
// error naming the construct at its line and column, never skipped.
#pragma once
#include "lang/ast.h"
#include <memory>
#include <optional>
#include <string_view>

namespace lang {

struct ParseResult {
    std::unique_ptr<Module> module;  // null when `error` is set
    std::optional<SourceError> error;
};

ParseResult parse_module(std::string_view source);

} // namespace lang
