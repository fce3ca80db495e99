// The abstract syntax tree of the Python subset: one plain struct per construct, held in a
// std::variant by Expr and Stmt, each node with its SourcePos. Names follow CPython's `ast`
// module, so `threadlab ast` reads like `python3 -m ast`.
#pragma once
#include "lang/operators.h"
#include "lang/source.h"
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace lang {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;
using StmtList = std::vector<std::unique_ptr<Stmt>>;

// Scopes (functions, lambdas, comprehensions, classes) get an index into the compiler's scope
// table; the parser leaves -1.
constexpr int kNoScope = -1;

// --- Function parameters ---------------------------------------------------------------------

struct Param {
    std::string name;
    ExprPtr default_value;  // may be null
    SourcePos pos;
};

struct Parameters {
    std::vector<Param> positional;
    size_t positional_only = 0;  // how many of them come before '/'
    std::string varargs;     // *args ("" when absent)
    std::vector<Param> keyword_only;
    std::string varkwargs;   // **kwargs ("" when absent)
};

// --- Expressions -------------------------------------------------------------------------------

struct NameExpr { std::string id; };
struct IntExpr { int64_t value; std::string big_digits; };  // big_digits: a literal past 64 bits, as spelled (0x.. or decimal)
struct FloatExpr { double value; };
struct StrExpr { std::string value; };
struct BytesExpr { std::string value; };  // b'..': the bytes themselves
struct BoolExpr { bool value; };
struct NoneExpr {};
struct FStringExpr { ExprList parts; };  // StrExpr and FormattedValueExpr parts
struct FormattedValueExpr {
    ExprPtr value;
    char conversion = 0;  // 0, 's', 'r' or 'a'
    ExprPtr format_spec;  // an FStringExpr, or null
};
struct BinOpExpr { BinaryOp op; ExprPtr left, right; };
struct UnaryOpExpr { UnaryOp op; ExprPtr operand; };
struct BoolOpExpr { bool is_and; ExprList values; };
struct CompareExpr { ExprPtr left; std::vector<CompareOp> ops; ExprList comparators; };
struct Keyword {
    std::string name;  // "" for **mapping
    ExprPtr value;
    SourcePos pos;
};
struct CallExpr { ExprPtr func; ExprList args; std::vector<Keyword> keywords; };  // args may hold StarredExpr
struct AttributeExpr { ExprPtr value; std::string attr; };
struct SubscriptExpr { ExprPtr value; ExprPtr index; };
struct SliceExpr { ExprPtr lower, upper, step; };  // each may be null
struct ListExpr { ExprList elts; };
struct TupleExpr { ExprList elts; };
struct DictExpr { ExprList keys, values; };
struct SetExpr { ExprList elts; };
struct Comprehension { ExprPtr target, iter; ExprList conditions; bool is_async = false; };  // is_async: `async for`
enum class ComprehensionKind : uint8_t { List, Dict, Set, Generator };
struct ComprehensionExpr {
    ComprehensionKind kind;
    ExprPtr element;  // the key for a dict comprehension
    ExprPtr value;    // dict comprehension only
    std::vector<Comprehension> generators;
    int scope = kNoScope;
};
struct LambdaExpr { std::unique_ptr<Parameters> params; ExprPtr body; int scope = kNoScope; };
struct IfExpr { ExprPtr test, body, orelse; };
struct StarredExpr { ExprPtr value; };
struct YieldExpr { ExprPtr value; };      // value may be null (yields None)
struct YieldFromExpr { ExprPtr value; };
struct AwaitExpr { ExprPtr value; };
struct NamedExpr { std::string target; ExprPtr value; };  // target := value

struct Expr {
    SourcePos pos;
    std::variant<NameExpr, IntExpr, FloatExpr, StrExpr, BytesExpr, BoolExpr, NoneExpr, FStringExpr, FormattedValueExpr,
                 BinOpExpr, UnaryOpExpr, BoolOpExpr, CompareExpr, CallExpr, AttributeExpr, SubscriptExpr,
                 SliceExpr, ListExpr, TupleExpr, DictExpr, SetExpr, ComprehensionExpr, LambdaExpr, IfExpr, StarredExpr,
                 YieldExpr, YieldFromExpr, AwaitExpr, NamedExpr>
        node;
};

// --- Statements --------------------------------------------------------------------------------

struct ExprStmt { ExprPtr value; };
struct AssignStmt { ExprList targets; ExprPtr value; };  // a = b = value
struct AugAssignStmt { ExprPtr target; BinaryOp op; ExprPtr value; };
struct AnnAssignStmt { ExprPtr target; ExprPtr annotation; ExprPtr value; };  // value may be null
struct IfStmt { ExprPtr test; StmtList body, orelse; };
struct WhileStmt { ExprPtr test; StmtList body, orelse; };
struct ForStmt { ExprPtr target, iter; StmtList body, orelse; bool is_async = false; };
struct BreakStmt {};
struct ContinueStmt {};
struct PassStmt {};
struct ReturnStmt { ExprPtr value; };  // may be null
// `decorators` in source order: the last one is applied first.
struct FunctionDefStmt {
    std::string name;
    Parameters params;
    StmtList body;
    ExprList decorators;
    bool is_async = false;
    int scope = kNoScope;
};
struct ClassDefStmt {
    std::string name;
    ExprList bases;
    std::vector<Keyword> keywords;  // class C(Base, key=value): passed to __init_subclass__
    StmtList body;
    ExprList decorators;
    int scope = kNoScope;
};
struct GlobalStmt { std::vector<std::string> names; };
struct NonlocalStmt { std::vector<std::string> names; };
struct AssertStmt { ExprPtr test, message; };
struct ExceptHandler {
    ExprPtr type;      // null for a bare `except:`
    std::string name;  // `as name`, or ""
    StmtList body;
    SourcePos pos;
};
struct TryStmt { StmtList body; std::vector<ExceptHandler> handlers; StmtList orelse, finalbody; };
struct RaiseStmt { ExprPtr exception, cause; };  // exception null: re-raise the one being handled; cause: `from`
struct WithItem { ExprPtr context; ExprPtr target; };
struct WithStmt { std::vector<WithItem> items; StmtList body; bool is_async = false; };
struct ImportAlias { std::string name, asname; SourcePos pos; };
struct ImportStmt { std::vector<ImportAlias> names; };
struct ImportFromStmt { std::string module; std::vector<ImportAlias> names; };
struct DeleteStmt { ExprList targets; };

// --- Patterns of the match statement (CPython's ast.pattern nodes) -------------------------------

struct Pattern;
using PatternPtr = std::unique_ptr<Pattern>;
using PatternList = std::vector<PatternPtr>;

struct MatchValue { ExprPtr value; };             // a literal or dotted name, compared with ==
struct MatchSingleton { ExprPtr value; };         // None, True, False: compared with `is`
struct MatchSequence { PatternList patterns; };   // at most one MatchStar among them
struct MatchStar { std::string name; };           // *name ("" for *_)
struct MatchMapping { ExprList keys; PatternList patterns; std::string rest; };  // rest: **name or ""
struct MatchClass { ExprPtr cls; PatternList patterns; std::vector<std::string> kwd_attrs; PatternList kwd_patterns; };
struct MatchAs { PatternPtr pattern; std::string name; };  // both empty: the wildcard _; no pattern: a capture
struct MatchOr { PatternList patterns; };

struct Pattern {
    SourcePos pos;
    std::variant<MatchValue, MatchSingleton, MatchSequence, MatchStar, MatchMapping, MatchClass, MatchAs, MatchOr> node;
};

struct MatchCase {
    PatternPtr pattern;
    ExprPtr guard;  // may be null
    StmtList body;
};
struct MatchStmt { ExprPtr subject; std::vector<MatchCase> cases; };

struct Stmt {
    SourcePos pos;
    std::variant<ExprStmt, AssignStmt, AugAssignStmt, AnnAssignStmt, IfStmt, WhileStmt, ForStmt, BreakStmt,
                 ContinueStmt, PassStmt, ReturnStmt, FunctionDefStmt, ClassDefStmt, GlobalStmt, NonlocalStmt,
                 AssertStmt, TryStmt, RaiseStmt, WithStmt, ImportStmt, ImportFromStmt, DeleteStmt, MatchStmt>
        node;
};

struct Module {
    StmtList body;
};

// An indented tree, one node per line with its line:col (the `threadlab ast` output).
std::string dump_ast(const Module& module);

} // namespace lang
