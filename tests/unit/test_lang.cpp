// The front end of the Python subset: lexer, parser, compiler, and the positions their errors
// report.
#include "lang/bytecode.h"
#include "lang/compiler.h"
#include "lang/lexer.h"
#include "lang/parser.h"
#include "lang/repr.h"
#include <doctest/doctest.h>
#include <cmath>

using namespace lang;

namespace {

// The first error of compiling `source`, as "line:col kind: message" (col 0-based).
std::string compile_error(std::string_view source)
{
    CompileResult result = compile_source(source, "t.py");
    if (!result.error)
        return "no error";
    const SourceError& e = *result.error;
    return std::to_string(e.pos.line) + ":" + std::to_string(e.pos.col) + " " + e.kind + ": " + e.message;
}

std::string kinds(const LexResult& lexed)
{
    std::string out;
    for (const Token& t : lexed.tokens)
        out += std::string(out.empty() ? "" : " ") + token_kind_name(t.kind);
    return out;
}

} // namespace

TEST_CASE("lexer: indentation becomes INDENT and DEDENT tokens, blank and comment lines do not count")
{
    LexResult lexed = tokenize("if x:\n    y = 1\n\n    # note\n    z\nw\n");
    REQUIRE(!lexed.error);
    CHECK(kinds(lexed) == "KEYWORD NAME OP NEWLINE INDENT NAME OP INT NEWLINE NAME NEWLINE DEDENT NAME NEWLINE ENDMARKER");
    CHECK(lexed.tokens[5].pos.line == 2);
    CHECK(lexed.tokens[5].pos.col == 4);
}

TEST_CASE("lexer: newlines inside brackets do not end the line or change indentation")
{
    LexResult lexed = tokenize("if 1:\n    x = {'a': 1,\n         'b': 2}[0]\n");
    REQUIRE(!lexed.error);
    CHECK(kinds(lexed) == "KEYWORD INT OP NEWLINE INDENT NAME OP OP STRING OP INT OP STRING OP INT OP OP INT OP NEWLINE DEDENT ENDMARKER");
}

TEST_CASE("lexer: numbers and strings")
{
    LexResult lexed = tokenize("0x1f 1_000 2.5e3 'a\\tb\\u4e2d' r'\\n' f'{x}'\n");
    REQUIRE(!lexed.error);
    CHECK(lexed.tokens[0].int_value == 31);
    CHECK(lexed.tokens[1].int_value == 1000);
    CHECK(lexed.tokens[2].float_value == 2500.0);
    CHECK(lexed.tokens[3].value == "a\tb\xe4\xb8\xad");
    CHECK(lexed.tokens[4].value == "\\n");
    CHECK(lexed.tokens[5].kind == TokenKind::FString);
    CHECK(lexed.tokens[5].value == "{x}");
}

TEST_CASE("lexer: bytes literals hold bytes: \\x and octal escapes are single bytes, \\u is not an escape")
{
    LexResult lexed = tokenize("b'a\\xff\\101\\u00e9' rb'\\n' B\"\"\n");
    REQUIRE(!lexed.error);
    CHECK(lexed.tokens[0].kind == TokenKind::Bytes);
    CHECK(lexed.tokens[0].value == std::string("a\xff" "A\\u00e9"));
    CHECK(lexed.tokens[1].value == "\\n");
    CHECK(lexed.tokens[2].kind == TokenKind::Bytes);
    CHECK(compile_error("x = b'caf\xc3\xa9'\n") == "1:4 SyntaxError: bytes can only contain ASCII literal characters");
    CHECK(compile_error("x = b'a' 'b'\n") == "1:4 SyntaxError: cannot mix bytes and nonbytes literals");
    CHECK(compile_error("x = 'a' b'b'\n") == "1:4 SyntaxError: cannot mix bytes and nonbytes literals");
}

TEST_CASE("lexer errors name the line and column")
{
    CHECK(compile_error("x = 'abc\n") == "1:4 SyntaxError: unterminated string literal (detected at line 1)");
    CHECK(compile_error("x = (1,\ny = 2\n") == "1:4 SyntaxError: '(' was never closed");
    CHECK(compile_error("x = )\n") == "1:4 SyntaxError: unmatched ')'");
    CHECK(compile_error("if x:\n    a\n  b\n") == "3:2 IndentationError: unindent does not match any outer indentation level");
    CHECK(compile_error("x = 1abc\n") == "1:4 SyntaxError: invalid decimal literal");
    CHECK(compile_error("x = " + std::string(4301, '7') + "\n") ==
          "1:4 SyntaxError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use "
          "sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.");
    CHECK(compile_error("x = 5 \xe2\x82\xac\n") == "1:6 SyntaxError: invalid character '\xe2\x82\xac' (U+20AC)");
}

TEST_CASE("parser: the AST dump shows every node with its position")
{
    ParseResult parsed = parse_module("x = a + 2 * b\n");
    REQUIRE(parsed.module);
    CHECK(dump_ast(*parsed.module) ==
          "Module\n"
          "  Assign @1:0\n"
          "    targets:\n"
          "      Name x @1:0\n"
          "    value:\n"
          "      BinOp Add @1:4\n"
          "        Name a @1:4\n"
          "        BinOp Mult @1:8\n"
          "          Int 2 @1:8\n"
          "          Name b @1:12\n");
}

TEST_CASE("parser: f-strings split into literals and formatted values with specs and conversions")
{
    ParseResult parsed = parse_module("f'a{x!r:>{w}}b{y=}'\n");
    REQUIRE(parsed.module);
    std::string dump = dump_ast(*parsed.module);
    CHECK(dump.find("FormattedValue !r") != std::string::npos);
    CHECK(dump.find("format_spec:") != std::string::npos);
    CHECK(dump.find("Str 'by='") != std::string::npos);
}

TEST_CASE("syntax errors match CPython's messages and positions")
{
    CHECK(compile_error("if x\n    pass\n") == "1:4 SyntaxError: expected ':'");
    CHECK(compile_error("x = = 2\n") == "1:4 SyntaxError: invalid syntax");
    CHECK(compile_error("  x = 1\n") == "1:2 IndentationError: unexpected indent");
    CHECK(compile_error("if x:\nx = 1\n") == "2:0 IndentationError: expected an indented block after 'if' statement on line 1");
    CHECK(compile_error("def f():\nreturn 1\n") == "2:0 IndentationError: expected an indented block after function definition on line 1");
    CHECK(compile_error("1 = x\n") == "1:0 SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?");
    CHECK(compile_error("f() = 1\n") == "1:0 SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?");
    CHECK(compile_error("f(a b)\n") == "1:2 SyntaxError: invalid syntax. Perhaps you forgot a comma?");
    CHECK(compile_error("f(x=1, 2)\n") == "1:7 SyntaxError: positional argument follows keyword argument");
    CHECK(compile_error("print 'a'\n") == "1:0 SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?");
    CHECK(compile_error("x = f'{}'\n") == "1:7 SyntaxError: f-string: empty expression not allowed");
    CHECK(compile_error("x = 5 if 3\n") == "1:4 SyntaxError: expected 'else' after 'if' expression");
    CHECK(compile_error("@dec\nx = 1\n") == "2:0 SyntaxError: invalid syntax");
    CHECK(compile_error("x := 1\n") == "1:2 SyntaxError: invalid syntax");
    CHECK(compile_error("(a.b := 1)\n") == "1:1 SyntaxError: cannot use assignment expressions with attribute");
    CHECK(compile_error("[(a[0] := 1)]\n") == "1:2 SyntaxError: cannot use assignment expressions with subscript");
    CHECK(compile_error("def f(x := 1): pass\n") == "1:8 SyntaxError: invalid syntax");
    CHECK(compile_error("raise A from\n") == "1:12 SyntaxError: invalid syntax");
    CHECK(compile_error("def f(/, a): pass\n") == "1:6 SyntaxError: at least one argument must precede /");
    CHECK(compile_error("def f(a, /, b, /): pass\n") == "1:15 SyntaxError: / may appear only once");
    CHECK(compile_error("def f(*, a, /): pass\n") == "1:12 SyntaxError: / must be ahead of *");
    CHECK(compile_error("class C(metaclass=M): pass\n") == "1:8 SyntaxError: metaclasses are not supported by Threadlab");
    CHECK(compile_error("print((*a))\n") == "1:7 SyntaxError: cannot use starred expression here");
    CHECK(compile_error("x = [*a for a in b]\n") == "1:5 SyntaxError: iterable unpacking cannot be used in comprehension");
    CHECK(compile_error("x = {*a for a in b}\n") == "1:5 SyntaxError: iterable unpacking cannot be used in comprehension");
    CHECK(compile_error("s = {*a, *b, c}\n") == "no error");
    CHECK(compile_error("@dec x\ndef f(): pass\n") == "1:5 SyntaxError: invalid syntax");
}

TEST_CASE("compile errors of the symbol table and code generator")
{
    CHECK(compile_error("return 5\n") == "1:0 SyntaxError: 'return' outside function");
    CHECK(compile_error("break\n") == "1:0 SyntaxError: 'break' outside loop");
    CHECK(compile_error("while 1:\n    def f():\n        continue\n") == "3:8 SyntaxError: 'continue' not properly in loop");
    CHECK(compile_error("nonlocal x\n") == "1:0 SyntaxError: nonlocal declaration not allowed at module level");
    CHECK(compile_error("def f():\n    nonlocal y\n") == "2:4 SyntaxError: no binding for nonlocal 'y' found");
    CHECK(compile_error("def f(a, a): pass\n") == "1:9 SyntaxError: duplicate argument 'a' in function definition");
    CHECK(compile_error("*a, *b = c\n") == "1:0 SyntaxError: multiple starred expressions in assignment");
    CHECK(compile_error("*a = c\n") == "1:0 SyntaxError: starred assignment target must be in a list or tuple");
    CHECK(compile_error("[i := 0 for i in r]\n") == "1:1 SyntaxError: assignment expression cannot rebind comprehension iteration variable 'i'");
    CHECK(compile_error("class A:\n    [y := 1 for i in r]\n") ==
          "2:5 SyntaxError: assignment expression within a comprehension cannot be used in a class body");
}

TEST_CASE("yield, await and async with outside the functions that allow them are refused as CPython refuses them")
{
    CHECK(compile_error("yield 1\n") == "1:0 SyntaxError: 'yield' outside function");
    CHECK(compile_error("class A:\n    x = yield\n") == "2:8 SyntaxError: 'yield' outside function");
    CHECK(compile_error("def f():\n    return [(yield x) for x in y]\n") == "2:13 SyntaxError: 'yield' inside list comprehension");
    CHECK(compile_error("await g()\n") == "1:0 SyntaxError: 'await' outside function");
    CHECK(compile_error("def f():\n    await g()\n") == "2:4 SyntaxError: 'await' outside async function");
    CHECK(compile_error("async def f():\n    yield from g()\n") == "2:4 SyntaxError: 'yield from' inside async function");
    CHECK(compile_error("def f():\n    async with a:\n        pass\n") == "2:4 SyntaxError: 'async with' outside async function");
    CHECK(compile_error("def g():\n    x = yield\n    y = yield from x\n    return (yield x, y)\n") == "no error");
}

TEST_CASE("unsupported constructs are refused with a message naming them")
{
    CHECK(compile_error("x = a @ b\n") == "1:6 SyntaxError: the '@' operator is not supported by Threadlab");
    CHECK(compile_error("x = 1j\n") == "1:4 SyntaxError: complex numbers are not supported by Threadlab");
}

TEST_CASE("async for, async generators and async comprehensions compile where CPython allows them, with its errors elsewhere")
{
    CHECK(compile_error("async def f():\n    async for x in a:\n        pass\n    else:\n        pass\n") == "no error");
    CHECK(compile_error("async def f():\n    yield 1\n    x = await g()\n") == "no error");
    CHECK(compile_error("async def f():\n    return [x async for x in a], [await x for x in b], (x async for x in a)\n") == "no error");
    CHECK(compile_error("def f():\n    async for x in a:\n        pass\n") == "2:4 SyntaxError: 'async for' outside async function");
    CHECK(compile_error("async def f():\n    yield 1\n    return 2\n") == "3:4 SyntaxError: 'return' with value in async generator");
    CHECK(compile_error("def f():\n    return [x async for x in a]\n") ==
          "2:11 SyntaxError: asynchronous comprehension outside of an asynchronous function");
    CHECK(compile_error("def f():\n    return {await x for x in a}\n") ==
          "2:11 SyntaxError: asynchronous comprehension outside of an asynchronous function");
}

TEST_CASE("bad match patterns are refused with CPython's messages at its positions")
{
    auto error = [](const char* pattern) { return compile_error(std::string("match x:\n    case ") + pattern + ":\n        pass\n"); };
    CHECK(compile_error("match x:\n    case a:\n        pass\n    case 1:\n        pass\n") ==
          "2:9 SyntaxError: name capture 'a' makes remaining patterns unreachable");
    CHECK(compile_error("match x:\n    case _:\n        pass\n    case 1:\n        pass\n") ==
          "2:9 SyntaxError: wildcard makes remaining patterns unreachable");
    CHECK(error("a | 1") == "2:9 SyntaxError: name capture 'a' makes remaining patterns unreachable");
    CHECK(error("[a, *b, *c]") == "2:9 SyntaxError: multiple starred names in sequence pattern");
    CHECK(error("P(x=1, y=2, x=3)") == "2:23 SyntaxError: attribute name repeated in class pattern: x");
    CHECK(error("P(x=1, 2)") == "2:16 SyntaxError: positional patterns follow keyword patterns");
    CHECK(error("{'a': 1, 'a': 2}") == "2:9 SyntaxError: mapping pattern checks duplicate key ('a')");
    CHECK(error("[a, a]") == "2:13 SyntaxError: multiple assignments to name 'a' in pattern");
    CHECK(error("1 | a") == "2:13 SyntaxError: alternative patterns bind different names");
    CHECK(error("(1 as a) | (2 as b)") == "2:21 SyntaxError: alternative patterns bind different names");
    CHECK(error("1 + 2") == "2:13 SyntaxError: imaginary number required in complex literal");
    CHECK(error("f(x).y") == "2:13 SyntaxError: invalid syntax");
    CHECK(error("{**r, 'a': 1}") == "2:15 SyntaxError: invalid syntax");
    CHECK(error("*a") == "2:11 SyntaxError: invalid syntax");
    CHECK(error("a as _") == "2:14 SyntaxError: cannot use '_' as a target");
    CHECK(error("1 as 2") == "2:14 SyntaxError: invalid pattern target");
    CHECK(error("f'a'") == "2:9 SyntaxError: patterns may only match literals and attribute lookups");
    CHECK(compile_error("match x:\npass\n") == "2:0 IndentationError: expected an indented block after 'match' statement on line 1");
    CHECK(error("[1, *rest] | (1, *rest) as whole") == "no error");
    CHECK(compile_error("match = 1\nmatch.x = 2\nprint(match)\n") == "no error");
}

TEST_CASE("format_source_error shows file:line:col, the line, a caret, and the Python exception last")
{
    SourceError error{{2, 4}, "SyntaxError", "invalid syntax"};
    CHECK(format_source_error(error, "p.py", "a = 1\nx = = 2\n") ==
          "p.py:2:5: invalid syntax\n"
          "    x = = 2\n"
          "        ^\n"
          "SyntaxError: invalid syntax\n");
}

TEST_CASE("compiler: instructions carry line and column; locals, cells and free variables are resolved")
{
    CompileResult compiled = compile_source("def outer(a):\n    def inner():\n        return a + 1\n    return inner\n", "t.py");
    REQUIRE(compiled.module);
    const CompiledModule& m = *compiled.module;
    REQUIRE(m.codes.size() == 3);
    const CodeObject& outer = *m.codes[1];
    const CodeObject& inner = *m.codes[2];
    CHECK(outer.qualname == "outer");
    CHECK(outer.cell_names == std::vector<std::string>{"a"});
    CHECK(outer.cell_from_param == std::vector<int>{0});
    CHECK(inner.qualname == "outer.<locals>.inner");
    CHECK(inner.free_names == std::vector<std::string>{"a"});
    REQUIRE(inner.code.size() == inner.positions.size());
    CHECK(inner.code[0].op == Op::LoadDeref);
    CHECK(inner.positions[0].line == 3);
    CHECK(inner.positions[0].col == 15);
    CHECK(inner.code.back().op == Op::ReturnValue);
    CHECK(inner.max_stack == 2);
}

TEST_CASE("compiler: the disassembly lists each code object with positions, opcodes and arguments")
{
    CompileResult compiled = compile_source("x = 1 + y\n", "t.py");
    REQUIRE(compiled.module);
    std::string listing = disassemble(*compiled.module);
    CHECK(listing.find("Disassembly of <module> (t.py, line 1):") == 0);
    CHECK(listing.find("LOAD_GLOBAL             0 (y)") != std::string::npos);
    CHECK(listing.find("BINARY_OP               0 (+)") != std::string::npos);
    CHECK(listing.find("1:0       3 STORE_GLOBAL            1 (x)") != std::string::npos);
}

TEST_CASE("compiler: jumps land on instructions and stack depths balance")
{
    CompileResult compiled = compile_source(
        "for i in range(3):\n    try:\n        if i: break\n    finally:\n        print(i)\nwith a as b:\n    x = [j for j in b if j]\n",
        "t.py");
    REQUIRE(compiled.module);
    for (const auto& code : compiled.module->codes)
        for (const Instruction& in : code->code)
            if (op_arg_kind(in.op) == OpArg::Jump) {
                CHECK(in.arg >= 0);
                CHECK(in.arg < (int32_t)code->code.size());
            }
}

TEST_CASE("repr of floats and strings matches CPython")
{
    CHECK(float_repr(0.1) == "0.1");
    CHECK(float_repr(1e16) == "1e+16");
    CHECK(float_repr(1e15) == "1000000000000000.0");
    CHECK(float_repr(1.5e-5) == "1.5e-05");
    CHECK(float_repr(0.0001) == "0.0001");
    CHECK(float_repr(-0.0) == "-0.0");
    CHECK(float_repr(123456789012345678.0) == "1.2345678901234568e+17");
    CHECK(float_repr(5e-324) == "5e-324");
    // The shortest digits that read back are not always the correctly rounded ones.
    CHECK(float_repr(std::ldexp(1.0, 710)) == "5.386379163185535e+213");
    CHECK(float_repr(std::pow(std::ldexp(1.0, 70), -2.0)) == "7.174648137343064e-43");
    CHECK(str_repr("it's") == "\"it's\"");
    CHECK(str_repr("a\"b'c") == "'a\"b\\'c'");
    CHECK(str_repr("\t\x01\xe4\xb8\xad") == "'\\t\\x01\xe4\xb8\xad'");
}
