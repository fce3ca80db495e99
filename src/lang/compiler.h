// Compiler: AST -> code objects. Two passes: a symbol table decides, per scope, which names are
// fast locals, cells (captured by inner functions), free variables, globals or class-namespace
// names; then code generation emits the bytecode with a line and column per instruction.
#pragma once
#include "lang/ast.h"
#include "lang/bytecode.h"
#include <memory>
#include <optional>
#include <string_view>

namespace lang {

struct CompileResult {
    // Null when `error` is set. Shared and never changed once compiled: the interpreters that
    // load it only read it, so one compilation serves every run of a program.
    std::shared_ptr<const CompiledModule> module;
    std::optional<SourceError> error;
};

// Fills the AST's scope indices as it goes.
CompileResult compile_module(Module& ast, std::string_view filename);

// Parse and compile in one step (what the CLI and the interpreter's module loader use).
CompileResult compile_source(std::string_view source, std::string_view filename);

// The same, for text that is compiled again and again (the standard modules' sources, which
// every interpreter imports): compiled once per text and shared, so that loading them again
// costs neither lexing, parsing nor a copy. Safe from any thread.
CompileResult compile_source_once(std::string_view source, std::string_view filename);

} // namespace lang
