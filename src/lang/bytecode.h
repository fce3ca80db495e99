// The bytecode: instructions, code objects (the program's text region) and their disassembly.
// A code object is plain data made by the compiler; the interpreter (src/python) executes it.
//
// Stack conventions (TOS = top of stack):
//   calls      [callable, self-or-NULL, args...] CALL n. LOAD_METHOD pushes [function, self],
//              PUSH_NULL fills the slot for a plain call, so a method call allocates no bound method.
//   CALL_KW n  as CALL, then the keyword values and TOS = tuple of their names; n counts all args.
//   CALL_EX f  [callable, self-or-NULL, args tuple, (kwargs dict if f & 1)].
//   handlers   an exception jumps to its SETUP_FINALLY target with the exception pushed.
#pragma once
#include "lang/operators.h"
#include "lang/source.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lang {

// X(name, argument meaning). The argument kinds drive the disassembler's annotations.
#define THREADLAB_OPCODES(X)                                                                           \
    X(Nop, None)                                                                                       \
    X(PopTop, None)                                                                                    \
    X(DupTop, None)                                                                                    \
    X(DupTopTwo, None)                                                                                 \
    X(RotTwo, None)                                                                                    \
    X(RotThree, None)                                                                                  \
    X(PushNull, None)                                                                                  \
    X(LoadConst, Const)                                                                                \
    X(LoadFast, Local)                                                                                 \
    X(StoreFast, Local)                                                                                \
    X(DeleteFast, Local)                                                                               \
    X(LoadDeref, Cell)                                                                                 \
    X(StoreDeref, Cell)                                                                                \
    X(DeleteDeref, Cell)                                                                               \
    X(LoadClosure, Cell)                                                                               \
    X(LoadGlobal, Name)                                                                                \
    X(StoreGlobal, Name)                                                                               \
    X(DeleteGlobal, Name)                                                                              \
    X(LoadName, Name)      /* class bodies: the class namespace, then globals, then builtins */      \
    X(StoreName, Name)                                                                                 \
    X(DeleteName, Name)                                                                                \
    X(LoadAttr, Name)                                                                                  \
    X(StoreAttr, Name)                                                                                 \
    X(DeleteAttr, Name)                                                                                \
    X(LoadMethod, Name)                                                                                \
    X(BinarySubscr, None)                                                                              \
    X(StoreSubscr, None)                                                                               \
    X(DeleteSubscr, None)                                                                              \
    X(BuildSlice, Count)                                                                               \
    X(BinaryOp, BinaryOp)  /* arg: BinaryOp, plus kInPlace for augmented assignment */               \
    X(UnaryOp, UnaryOp)                                                                                \
    X(CompareOp, CompareOp)                                                                            \
    X(Jump, Jump)                                                                                      \
    X(PopJumpIfFalse, Jump)                                                                            \
    X(PopJumpIfTrue, Jump)                                                                             \
    X(JumpIfFalseOrPop, Jump)                                                                          \
    X(JumpIfTrueOrPop, Jump)                                                                           \
    X(GetIter, None)                                                                                   \
    X(ForIter, Jump)       /* exhausted: pops the iterator and jumps */                               \
    X(BuildList, Count)                                                                                \
    X(BuildTuple, Count)                                                                               \
    X(BuildMap, Count)                                                                                 \
    X(BuildSet, Count)     /* arg: count, | kSetOfConstants for a display of constants */            \
    X(BuildString, Count)                                                                              \
    X(ListAppend, Count)   /* pops a value, appends it to the list arg slots down */                  \
    X(ListExtend, Count)                                                                               \
    X(ListToTuple, None)                                                                               \
    X(MapAdd, Count)       /* pops value and key */                                                   \
    X(SetAdd, Count)                                                                                   \
    X(SetUpdate, Count)    /* {*a}: pops an iterable, adds its items to the set arg slots down */     \
    X(DictMerge, Count)    /* f(**a): pops a dict, adds its keys (a key given twice raises) */        \
    X(DictUpdate, Count)   /* {**a}: pops a dict, adds its items (later keys win) */                  \
    X(FormatValue, Format) /* arg: kFormat* conversion, | kFormatHasSpec */                           \
    X(UnpackSequence, Count)                                                                           \
    X(UnpackEx, Count)     /* a, *b, c = ...: arg = targets before the star | (after << 8) */        \
    X(Call, Count)                                                                                     \
    X(CallKw, Count)                                                                                   \
    X(CallEx, Count)                                                                                   \
    X(MakeFunction, Count) /* arg: kMake* flags; TOS is the code constant */                          \
    X(LoadBuildClass, None)                                                                            \
    X(LoadAssertionError, None)                                                                        \
    X(ReturnValue, None)                                                                               \
    X(YieldValue, None)    /* generators: suspends the frame, TOS becomes the value sent back;      \
                              arg 1: an async generator's `yield` (0: an await passing a value on) */ \
    X(GetYieldFromIter, None) /* yield from: TOS becomes its iterator (a coroutine is refused) */   \
    X(GetAwaitable, None)  /* await: TOS becomes a coroutine or the iterator of its __await__()     \
                              (arg 1: TOS came from __anext__ in `async for`) */                    \
    X(Send, Jump)          /* sends TOS to the iterator below: pushes what it yields, or pops it,  \
                              pushes its return value and jumps */                                  \
    X(Raise, Count)        /* 0: re-raise the one being handled; 1: raise TOS; 2: TOS1 from TOS */  \
    X(SetupFinally, Jump)  /* pushes a handler block */                                               \
    X(GetAIter, None)      /* async for: TOS becomes TOS.__aiter__() */                              \
    X(GetANext, None)      /* async for: pushes TOS.__anext__() (to be awaited) */                   \
    X(EndAsyncFor, None)   /* [aiter, exc]: StopAsyncIteration ends the loop (pops both and the     \
                              except block); another exception is re-raised */                     \
    X(PopBlock, None)                                                                                  \
    X(PopExcept, None)     /* leaves an except clause: restores the previously handled exception */  \
    X(Reraise, None)                                                                                   \
    X(CheckExcMatch, None)                                                                             \
    X(BeforeWith, Local)   /* stores __exit__ in the local, pushes __enter__() */                     \
    X(BeforeAsyncWith, Local) /* stores __aexit__ in the local, pushes __aenter__() */              \
    X(WithExcept, Local)   /* TOS exc: pushes local(type(exc), exc, None) */                          \
    X(ImportName, Name)                                                                                \
    X(ImportFrom, Name)                                                                                \
    X(ImportStar, None)                                                                                \
    X(MatchSequence, None) /* match: TOS becomes whether it is a sequence (list, tuple, range) */     \
    X(MatchMapping, None)  /* match: TOS becomes whether it is a mapping (dict) */                   \
    X(GetLen, None)        /* match: TOS becomes len(TOS) */                                         \
    X(MatchClass, Count)   /* [subject, class, names tuple]: a tuple of the arg positional          \
                              attributes (by __match_args__) and the named ones, or None */

enum class Op : uint8_t {
#define X(name, arg) name,
    THREADLAB_OPCODES(X)
#undef X
};

enum class OpArg : uint8_t { None, Const, Local, Cell, Name, Count, BinaryOp, UnaryOp, CompareOp, Jump, Format };

constexpr int32_t kInPlace = 0x100;  // BinaryOp: `a += b` (lists extend in place)

// ListExtend and DictMerge: unpacking the arguments of a call (errors then name the callable,
// which is below the NULL slot under the list, or under the args tuple for the dict).
constexpr int32_t kUnpackInCall = 0x100;
constexpr int32_t kCountMask = 0xFF;

// BuildSet: the display holds three or more constants. CPython builds such a set from a
// frozenset constant, which fixes the slot order of colliding keys; the interpreter repeats it.
constexpr int32_t kSetOfConstants = 0x1000000;

constexpr int32_t kFormatConversionMask = 3;  // FormatValue: 0 none, 1 str, 2 repr, 3 ascii
constexpr int32_t kFormatHasSpec = 4;          // FormatValue: the spec string is on TOS

constexpr int32_t kMakeDefaults = 1;    // MakeFunction: a tuple of positional defaults
constexpr int32_t kMakeKwDefaults = 2;  // MakeFunction: a dict of keyword-only defaults
constexpr int32_t kMakeClosure = 8;     // MakeFunction: a tuple of cells

const char* op_name(Op op);  // LOAD_CONST, ...
OpArg op_arg_kind(Op op);

struct Instruction {
    Op op = Op::Nop;
    int32_t arg = 0;
};

struct Constant {
    enum class Kind : uint8_t { None, Bool, Int, Float, Str, Bytes, Tuple, Code };
    Kind kind = Kind::None;
    int64_t int_value = 0;  // Bool, Int; Code: index in CompiledModule::codes
    double float_value = 0;
    std::string str_value;        // Str, Bytes; Int: the digits of an int past 64 bits (0x.. or decimal)
    std::vector<Constant> items;  // Tuple
};

enum class CodeKind : uint8_t {
    Module,
    Function,       // def, lambda, and comprehensions (which take their first iterator as ".0")
    ClassBody,      // runs with the class namespace as its one argument (local 0)
};

struct CodeObject {
    CodeKind kind = CodeKind::Module;
    std::string name;      // f, <lambda>, <listcomp>, <module>, the class name
    std::string qualname;  // A.method, f.<locals>.g
    std::string filename;
    int first_line = 1;
    std::optional<std::string> docstring;  // a function's leading string literal (its __doc__)

    std::vector<Instruction> code;
    std::vector<SourcePos> positions;  // line and column of each instruction
    std::vector<Constant> constants;
    std::vector<std::string> names;        // globals, attributes, imported modules
    std::vector<std::string> local_names;  // parameters first (positional, keyword-only, *args, **kwargs)
    std::vector<std::string> cell_names;   // locals that inner functions capture
    std::vector<std::string> free_names;   // captured from enclosing functions
    std::vector<int> cell_from_param;      // per cell: the parameter local it starts as, or -1

    int positional_count = 0;
    int positional_only_count = 0;  // the first positional parameters, before '/'
    int keyword_only_count = 0;
    bool has_varargs = false;
    bool has_varkwargs = false;
    bool generator = false;  // calling it makes a generator (a function that yields, a generator expression)
    bool coroutine = false;  // async def: calling it makes a coroutine
    int max_stack = 0;
};

// One source file compiled: codes[0] is the module body; nested code objects are referenced
// from constants by index.
struct CompiledModule {
    std::vector<std::unique_ptr<CodeObject>> codes;
};

// How an instruction changes the stack depth (`jumping`: on its jump edge).
int stack_effect(Op op, int32_t arg, bool jumping);

// One instruction as the listing shows it after its offset: "LOAD_FAST 0 (n)". `module`, when
// given, names the nested code objects that constants refer to.
std::string instruction_text(const CodeObject& code, size_t index, const CompiledModule* module = nullptr);

// The `threadlab dis` listing: each code object with line:col, offset, opcode and argument.
std::string disassemble(const CompiledModule& module);

// The Python repr of a constant (used by the disassembler).
std::string constant_repr(const Constant& constant, const CompiledModule* module = nullptr);

} // namespace lang
