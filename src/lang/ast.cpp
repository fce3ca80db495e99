// dump_ast: the `threadlab ast` view. Each node is one line, "Kind detail @line:col", and its
// children follow indented, grouped under a field name when a node has several.
#include "lang/ast.h"
#include <cstdio>

namespace lang {

namespace {

template <class... Fs>
struct Overloaded : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

std::string quoted(const std::string& text)
{
    std::string out = "'";
    for (char c : text) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\'') out += "\\'";
        else if (c == '\\') out += "\\\\";
        else out += c;
    }
    return out + "'";
}

struct Dumper {
    std::string out;

    void line(int depth, const std::string& text, SourcePos pos)
    {
        out.append((size_t)depth * 2, ' ');
        out += text;
        if (pos.line > 0)
            out += " @" + std::to_string(pos.line) + ":" + std::to_string(pos.col);
        out += '\n';
    }
    void label(int depth, const char* name) { line(depth, std::string(name) + ":", {}); }

    void expr(const Expr* e, int depth, const char* field = nullptr)
    {
        if (!e)
            return;
        if (field) {
            label(depth, field);
            depth++;
        }
        std::visit(Overloaded{
            [&](const NameExpr& n) { line(depth, "Name " + n.id, e->pos); },
            [&](const IntExpr& n) { line(depth, "Int " + std::to_string(n.value), e->pos); },
            [&](const FloatExpr& n) {
                char buffer[40];
                snprintf(buffer, sizeof buffer, "%.17g", n.value);
                line(depth, std::string("Float ") + buffer, e->pos);
            },
            [&](const StrExpr& n) { line(depth, "Str " + quoted(n.value), e->pos); },
            [&](const BytesExpr& n) { line(depth, "Bytes " + quoted(n.value), e->pos); },
            [&](const BoolExpr& n) { line(depth, n.value ? "True" : "False", e->pos); },
            [&](const NoneExpr&) { line(depth, "None", e->pos); },
            [&](const FStringExpr& n) {
                line(depth, "FString", e->pos);
                exprs(n.parts, depth + 1);
            },
            [&](const FormattedValueExpr& n) {
                std::string conversion = n.conversion ? std::string(" !") + n.conversion : "";
                line(depth, "FormattedValue" + conversion, e->pos);
                expr(n.value.get(), depth + 1);
                expr(n.format_spec.get(), depth + 1, "format_spec");
            },
            [&](const BinOpExpr& n) {
                line(depth, std::string("BinOp ") + binary_op_name(n.op), e->pos);
                expr(n.left.get(), depth + 1);
                expr(n.right.get(), depth + 1);
            },
            [&](const UnaryOpExpr& n) {
                line(depth, std::string("UnaryOp ") + unary_op_name(n.op), e->pos);
                expr(n.operand.get(), depth + 1);
            },
            [&](const BoolOpExpr& n) {
                line(depth, n.is_and ? "BoolOp And" : "BoolOp Or", e->pos);
                exprs(n.values, depth + 1);
            },
            [&](const CompareExpr& n) {
                std::string ops;
                for (CompareOp op : n.ops)
                    ops += std::string(" ") + compare_op_symbol(op);
                line(depth, "Compare" + ops, e->pos);
                expr(n.left.get(), depth + 1);
                exprs(n.comparators, depth + 1);
            },
            [&](const CallExpr& n) {
                line(depth, "Call", e->pos);
                expr(n.func.get(), depth + 1, "func");
                if (!n.args.empty()) {
                    label(depth + 1, "args");
                    exprs(n.args, depth + 2);
                }
                for (const Keyword& k : n.keywords) {
                    line(depth + 1, k.name.empty() ? "keyword **" : "keyword " + k.name, k.pos);
                    expr(k.value.get(), depth + 2);
                }
            },
            [&](const AttributeExpr& n) {
                line(depth, "Attribute ." + n.attr, e->pos);
                expr(n.value.get(), depth + 1);
            },
            [&](const SubscriptExpr& n) {
                line(depth, "Subscript", e->pos);
                expr(n.value.get(), depth + 1);
                expr(n.index.get(), depth + 1);
            },
            [&](const SliceExpr& n) {
                line(depth, "Slice", e->pos);
                expr(n.lower.get(), depth + 1, "lower");
                expr(n.upper.get(), depth + 1, "upper");
                expr(n.step.get(), depth + 1, "step");
            },
            [&](const ListExpr& n) {
                line(depth, "List", e->pos);
                exprs(n.elts, depth + 1);
            },
            [&](const TupleExpr& n) {
                line(depth, "Tuple", e->pos);
                exprs(n.elts, depth + 1);
            },
            [&](const SetExpr& n) {
                line(depth, "Set", e->pos);
                exprs(n.elts, depth + 1);
            },
            [&](const DictExpr& n) {
                line(depth, "Dict", e->pos);
                for (size_t i = 0; i < n.keys.size(); i++) {
                    if (n.keys[i])
                        expr(n.keys[i].get(), depth + 1, "key");
                    else
                        label(depth + 1, "**");
                    expr(n.values[i].get(), depth + 2);
                }
            },
            [&](const ComprehensionExpr& n) {
                static const char* const kKinds[] = {"ListComp", "DictComp", "SetComp", "GeneratorExp"};
                const char* kind = kKinds[(int)n.kind];
                line(depth, kind, e->pos);
                expr(n.element.get(), depth + 1, n.value ? "key" : "element");
                expr(n.value.get(), depth + 1, "value");
                for (const Comprehension& c : n.generators) {
                    label(depth + 1, c.is_async ? "async for" : "for");
                    expr(c.target.get(), depth + 2);
                    expr(c.iter.get(), depth + 2, "in");
                    for (const ExprPtr& condition : c.conditions)
                        expr(condition.get(), depth + 2, "if");
                }
            },
            [&](const LambdaExpr& n) {
                line(depth, "Lambda", e->pos);
                params(*n.params, depth + 1);
                expr(n.body.get(), depth + 1, "body");
            },
            [&](const IfExpr& n) {
                line(depth, "IfExp", e->pos);
                expr(n.test.get(), depth + 1, "test");
                expr(n.body.get(), depth + 1, "body");
                expr(n.orelse.get(), depth + 1, "orelse");
            },
            [&](const StarredExpr& n) {
                line(depth, "Starred", e->pos);
                expr(n.value.get(), depth + 1);
            },
            [&](const YieldExpr& n) {
                line(depth, "Yield", e->pos);
                expr(n.value.get(), depth + 1);
            },
            [&](const YieldFromExpr& n) {
                line(depth, "YieldFrom", e->pos);
                expr(n.value.get(), depth + 1);
            },
            [&](const AwaitExpr& n) {
                line(depth, "Await", e->pos);
                expr(n.value.get(), depth + 1);
            },
            [&](const NamedExpr& n) {
                line(depth, "NamedExpr " + n.target, e->pos);
                expr(n.value.get(), depth + 1);
            },
        }, e->node);
    }

    void exprs(const ExprList& list, int depth)
    {
        for (const ExprPtr& e : list)
            expr(e.get(), depth);
    }

    void decorators(const ExprList& list, int depth)
    {
        if (list.empty())
            return;
        label(depth, "decorators");
        exprs(list, depth + 1);
    }

    void params(const Parameters& p, int depth)
    {
        auto one = [&](const Param& param, const char* prefix) {
            line(depth, std::string(prefix) + param.name, param.pos);
            expr(param.default_value.get(), depth + 1, "default");
        };
        for (const Param& param : p.positional)
            one(param, "arg ");
        if (!p.varargs.empty())
            line(depth, "vararg *" + p.varargs, {});
        for (const Param& param : p.keyword_only)
            one(param, "kwonly ");
        if (!p.varkwargs.empty())
            line(depth, "kwarg **" + p.varkwargs, {});
    }

    void block(const StmtList& body, int depth, const char* field)
    {
        if (body.empty())
            return;
        label(depth, field);
        for (const auto& s : body)
            stmt(*s, depth + 1);
    }

    void stmt(const Stmt& s, int depth)
    {
        std::visit(Overloaded{
            [&](const ExprStmt& n) {
                line(depth, "Expr", s.pos);
                expr(n.value.get(), depth + 1);
            },
            [&](const AssignStmt& n) {
                line(depth, "Assign", s.pos);
                label(depth + 1, "targets");
                exprs(n.targets, depth + 2);
                expr(n.value.get(), depth + 1, "value");
            },
            [&](const AugAssignStmt& n) {
                line(depth, std::string("AugAssign ") + binary_op_name(n.op), s.pos);
                expr(n.target.get(), depth + 1);
                expr(n.value.get(), depth + 1);
            },
            [&](const AnnAssignStmt& n) {
                line(depth, "AnnAssign", s.pos);
                expr(n.target.get(), depth + 1, "target");
                expr(n.annotation.get(), depth + 1, "annotation");
                expr(n.value.get(), depth + 1, "value");
            },
            [&](const IfStmt& n) {
                line(depth, "If", s.pos);
                expr(n.test.get(), depth + 1, "test");
                block(n.body, depth + 1, "body");
                block(n.orelse, depth + 1, "orelse");
            },
            [&](const WhileStmt& n) {
                line(depth, "While", s.pos);
                expr(n.test.get(), depth + 1, "test");
                block(n.body, depth + 1, "body");
                block(n.orelse, depth + 1, "orelse");
            },
            [&](const ForStmt& n) {
                line(depth, n.is_async ? "AsyncFor" : "For", s.pos);
                expr(n.target.get(), depth + 1, "target");
                expr(n.iter.get(), depth + 1, "iter");
                block(n.body, depth + 1, "body");
                block(n.orelse, depth + 1, "orelse");
            },
            [&](const BreakStmt&) { line(depth, "Break", s.pos); },
            [&](const ContinueStmt&) { line(depth, "Continue", s.pos); },
            [&](const PassStmt&) { line(depth, "Pass", s.pos); },
            [&](const ReturnStmt& n) {
                line(depth, "Return", s.pos);
                expr(n.value.get(), depth + 1);
            },
            [&](const FunctionDefStmt& n) {
                line(depth, (n.is_async ? "AsyncFunctionDef " : "FunctionDef ") + n.name, s.pos);
                decorators(n.decorators, depth + 1);
                params(n.params, depth + 1);
                block(n.body, depth + 1, "body");
            },
            [&](const ClassDefStmt& n) {
                line(depth, "ClassDef " + n.name, s.pos);
                decorators(n.decorators, depth + 1);
                if (!n.bases.empty()) {
                    label(depth + 1, "bases");
                    exprs(n.bases, depth + 2);
                }
                block(n.body, depth + 1, "body");
            },
            [&](const GlobalStmt& n) { line(depth, "Global " + names(n.names), s.pos); },
            [&](const NonlocalStmt& n) { line(depth, "Nonlocal " + names(n.names), s.pos); },
            [&](const AssertStmt& n) {
                line(depth, "Assert", s.pos);
                expr(n.test.get(), depth + 1, "test");
                expr(n.message.get(), depth + 1, "msg");
            },
            [&](const TryStmt& n) {
                line(depth, "Try", s.pos);
                block(n.body, depth + 1, "body");
                for (const ExceptHandler& h : n.handlers) {
                    line(depth + 1, h.name.empty() ? "ExceptHandler" : "ExceptHandler as " + h.name, h.pos);
                    expr(h.type.get(), depth + 2, "type");
                    block(h.body, depth + 2, "body");
                }
                block(n.orelse, depth + 1, "orelse");
                block(n.finalbody, depth + 1, "finalbody");
            },
            [&](const RaiseStmt& n) {
                line(depth, "Raise", s.pos);
                expr(n.exception.get(), depth + 1);
                expr(n.cause.get(), depth + 1, "cause");
            },
            [&](const WithStmt& n) {
                line(depth, n.is_async ? "AsyncWith" : "With", s.pos);
                for (const WithItem& item : n.items) {
                    expr(item.context.get(), depth + 1, "item");
                    expr(item.target.get(), depth + 2, "as");
                }
                block(n.body, depth + 1, "body");
            },
            [&](const ImportStmt& n) { line(depth, "Import " + aliases(n.names), s.pos); },
            [&](const ImportFromStmt& n) { line(depth, "ImportFrom " + n.module + ": " + aliases(n.names), s.pos); },
            [&](const DeleteStmt& n) {
                line(depth, "Delete", s.pos);
                exprs(n.targets, depth + 1);
            },
            [&](const MatchStmt& n) {
                line(depth, "Match", s.pos);
                expr(n.subject.get(), depth + 1, "subject");
                for (const MatchCase& c : n.cases) {
                    label(depth + 1, "case");
                    pattern(*c.pattern, depth + 2);
                    expr(c.guard.get(), depth + 2, "guard");
                    block(c.body, depth + 2, "body");
                }
            },
        }, s.node);
    }

    void patterns(const PatternList& list, int depth)
    {
        for (const PatternPtr& p : list)
            pattern(*p, depth);
    }

    void pattern(const Pattern& p, int depth)
    {
        std::visit(Overloaded{
            [&](const MatchValue& n) {
                line(depth, "MatchValue", p.pos);
                expr(n.value.get(), depth + 1);
            },
            [&](const MatchSingleton& n) {
                line(depth, "MatchSingleton", p.pos);
                expr(n.value.get(), depth + 1);
            },
            [&](const MatchSequence& n) {
                line(depth, "MatchSequence", p.pos);
                patterns(n.patterns, depth + 1);
            },
            [&](const MatchStar& n) { line(depth, "MatchStar " + (n.name.empty() ? std::string("_") : n.name), p.pos); },
            [&](const MatchMapping& n) {
                line(depth, n.rest.empty() ? std::string("MatchMapping") : "MatchMapping **" + n.rest, p.pos);
                for (size_t i = 0; i < n.keys.size(); i++) {
                    expr(n.keys[i].get(), depth + 1, "key");
                    pattern(*n.patterns[i], depth + 2);
                }
            },
            [&](const MatchClass& n) {
                line(depth, "MatchClass", p.pos);
                expr(n.cls.get(), depth + 1, "cls");
                patterns(n.patterns, depth + 1);
                for (size_t i = 0; i < n.kwd_attrs.size(); i++) {
                    line(depth + 1, n.kwd_attrs[i] + "=", {});
                    pattern(*n.kwd_patterns[i], depth + 2);
                }
            },
            [&](const MatchAs& n) {
                line(depth, n.name.empty() && !n.pattern ? std::string("MatchAs _") : "MatchAs " + n.name, p.pos);
                if (n.pattern)
                    pattern(*n.pattern, depth + 1);
            },
            [&](const MatchOr& n) {
                line(depth, "MatchOr", p.pos);
                patterns(n.patterns, depth + 1);
            },
        }, p.node);
    }

    static std::string names(const std::vector<std::string>& list)
    {
        std::string joined;
        for (const std::string& name : list)
            joined += (joined.empty() ? "" : ", ") + name;
        return joined;
    }
    static std::string aliases(const std::vector<ImportAlias>& list)
    {
        std::string joined;
        for (const ImportAlias& alias : list)
            joined += (joined.empty() ? "" : ", ") + alias.name + (alias.asname.empty() ? "" : " as " + alias.asname);
        return joined;
    }
};

} // namespace

std::string dump_ast(const Module& module)
{
    Dumper dumper;
    dumper.line(0, "Module", {});
    for (const auto& s : module.body)
        dumper.stmt(*s, 1);
    return dumper.out;
}

} // namespace lang
