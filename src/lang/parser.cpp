// Parser. Sections:
//   1. Token helpers and errors
//   2. Statements (simple, then compound, then match and its patterns)
//   3. Expressions, by precedence from lambda/if-else down to atoms
//   4. Calls, subscripts, displays and comprehensions
//   5. f-strings
#include "lang/parser.h"
#include "lang/lexer.h"
#include <algorithm>
#include <span>
#include <utility>

namespace lang {

namespace {

template <class Node>
ExprPtr make_expr(SourcePos pos, Node&& node)
{
    auto e = std::make_unique<Expr>();
    e->pos = pos;
    e->node = std::forward<Node>(node);
    return e;
}

template <class Node>
PatternPtr make_pattern(SourcePos pos, Node&& node)
{
    auto p = std::make_unique<Pattern>();
    p->pos = pos;
    p->node = std::forward<Node>(node);
    return p;
}

template <class Node>
std::unique_ptr<Stmt> make_stmt(SourcePos pos, Node&& node)
{
    auto s = std::make_unique<Stmt>();
    s->pos = pos;
    s->node = std::forward<Node>(node);
    return s;
}

// The name CPython's messages use for an expression that cannot be assigned to.
const char* expression_description(const Expr& e)
{
    if (std::holds_alternative<IntExpr>(e.node) || std::holds_alternative<FloatExpr>(e.node) ||
        std::holds_alternative<StrExpr>(e.node) || std::holds_alternative<BytesExpr>(e.node) || std::holds_alternative<BoolExpr>(e.node) ||
        std::holds_alternative<NoneExpr>(e.node))
        return "literal";
    if (std::holds_alternative<CallExpr>(e.node)) return "function call";
    if (std::holds_alternative<FStringExpr>(e.node)) return "f-string expression";
    if (std::holds_alternative<CompareExpr>(e.node)) return "comparison";
    if (std::holds_alternative<NamedExpr>(e.node)) return "named expression";
    if (std::holds_alternative<AttributeExpr>(e.node)) return "attribute";
    if (std::holds_alternative<SubscriptExpr>(e.node)) return "subscript";
    if (std::holds_alternative<LambdaExpr>(e.node)) return "lambda";
    if (std::holds_alternative<IfExpr>(e.node)) return "conditional expression";
    if (std::holds_alternative<DictExpr>(e.node)) return "dict literal";
    if (std::holds_alternative<SetExpr>(e.node)) return "set display";
    if (std::holds_alternative<ComprehensionExpr>(e.node)) {
        ComprehensionKind kind = std::get<ComprehensionExpr>(e.node).kind;
        static const char* const kNames[] = {"list comprehension", "dict comprehension", "set comprehension", "generator expression"};
        return kNames[(int)kind];
    }
    return "expression";
}

struct Parser {
    std::vector<Token> tokens;
    size_t at = 0;
    std::optional<SourceError> error;
    int bracket_depth = 0;  // inside (), [] or {}: where "Perhaps you forgot a comma?" applies

    // -----------------------------------------------------------------------------------------
    // 1. Token helpers and errors
    // -----------------------------------------------------------------------------------------

    const Token& tok() const { return tokens[at]; }
    const Token& peek(size_t ahead) const { return tokens[std::min(at + ahead, tokens.size() - 1)]; }
    bool is_op(std::string_view op) const { return tok().kind == TokenKind::Operator && tok().text == op; }
    bool is_kw(std::string_view kw) const { return tok().kind == TokenKind::Keyword && tok().text == kw; }
    bool is(TokenKind kind) const { return tok().kind == kind; }
    void advance()
    {
        if (at + 1 < tokens.size())
            at++;
    }
    bool accept_op(std::string_view op)
    {
        if (!is_op(op))
            return false;
        advance();
        return true;
    }
    // `for` or `async for`: the start of a comprehension's clause.
    bool at_comprehension()
    {
        return is_kw("for") || (is_kw("async") && peek(1).kind == TokenKind::Keyword && peek(1).text == "for");
    }
    bool accept_kw(std::string_view kw)
    {
        if (!is_kw(kw))
            return false;
        advance();
        return true;
    }
    // Where the previous token ends: CPython points "expected ':'" there.
    SourcePos end_of_previous() const
    {
        if (at == 0)
            return tok().pos;
        const Token& prev = tokens[at - 1];
        std::string_view text = prev.text;
        size_t newline = text.rfind('\n');
        if (newline != std::string_view::npos)
            return {prev.pos.line + (int)std::count(text.begin(), text.end(), '\n'), (int)(text.size() - newline - 1)};
        return {prev.pos.line, prev.pos.col + (int)text.size()};
    }

    std::nullptr_t fail(SourcePos pos, std::string message, const char* kind = "SyntaxError")
    {
        if (!error)
            error = SourceError{pos, kind, std::move(message)};
        return nullptr;
    }
    // The generic error at the current token, with CPython's special cases for its kind.
    std::nullptr_t fail_here()
    {
        const Token& t = tok();
        if (t.kind == TokenKind::Indent)
            return fail(t.pos, "unexpected indent", "IndentationError");
        if (t.kind == TokenKind::Operator && t.text == "@")
            return unsupported(t.pos, "the '@' operator");
        return fail(t.pos, "invalid syntax");
    }
    std::nullptr_t unsupported(SourcePos pos, const std::string& what)
    {
        bool plural = what.size() > 4 && what.compare(what.size() - 4, 4, " are") == 0;
        return fail(pos, plural ? what + " not supported by Threadlab" : what + " is not supported by Threadlab");
    }
    bool expect_op(std::string_view op)
    {
        if (accept_op(op))
            return true;
        if (op == ":" && !is_op("="))
            fail(end_of_previous(), "expected ':'");
        else
            fail_here();
        return false;
    }
    bool expect_name(std::string& out)
    {
        if (!is(TokenKind::Name)) {
            fail_here();
            return false;
        }
        out = std::string(tok().text);
        advance();
        return true;
    }

    // -----------------------------------------------------------------------------------------
    // 2. Statements
    // -----------------------------------------------------------------------------------------

    bool statements_until(TokenKind end, StmtList& out)
    {
        while (!is(end) && !is(TokenKind::End)) {
            if (!statement(out))
                return false;
        }
        return true;
    }

    bool statement(StmtList& out)
    {
        if (is(TokenKind::Indent)) {
            fail_here();
            return false;
        }
        if (is(TokenKind::Keyword)) {
            std::string_view kw = tok().text;
            std::unique_ptr<Stmt> s;
            if (kw == "if") s = if_stmt();
            else if (kw == "while") s = while_stmt();
            else if (kw == "for") s = for_stmt();
            else if (kw == "def") s = function_def();
            else if (kw == "class") s = class_def();
            else if (kw == "try") s = try_stmt();
            else if (kw == "with") s = with_stmt();
            else if (kw == "async") s = async_stmt();
            else return simple_statements(out);
            if (!s)
                return false;
            out.push_back(std::move(s));
            return true;
        }
        if (is_op("@")) {
            std::unique_ptr<Stmt> s = decorated();
            if (!s)
                return false;
            out.push_back(std::move(s));
            return true;
        }
        if (is(TokenKind::Name) && tok().text == "match" && looks_like_match_statement()) {
            std::unique_ptr<Stmt> s = match_stmt();
            if (!s)
                return false;
            out.push_back(std::move(s));
            return true;
        }
        return simple_statements(out);
    }

    // `match` is a soft keyword: only a line ending in ':' is a match statement (an expression
    // statement cannot end with ':').
    bool looks_like_match_statement() const
    {
        const Token& next = peek(1);
        if (next.kind == TokenKind::Operator && (next.text == "=" || next.text == "." || next.text == ","))
            return false;
        for (size_t i = at + 1; i < tokens.size(); i++) {
            if (tokens[i].kind == TokenKind::Newline)
                return tokens[i - 1].kind == TokenKind::Operator && tokens[i - 1].text == ":";
        }
        return false;
    }

    bool simple_statements(StmtList& out)
    {
        while (true) {
            auto s = simple_statement();
            if (!s)
                return false;
            out.push_back(std::move(s));
            if (!accept_op(";"))
                break;
            if (is(TokenKind::Newline))
                break;
        }
        if (!is(TokenKind::Newline)) {
            fail_here();
            return false;
        }
        advance();
        return true;
    }

    std::unique_ptr<Stmt> simple_statement()
    {
        SourcePos pos = tok().pos;
        if (is(TokenKind::Keyword)) {
            std::string_view kw = tok().text;
            if (kw == "pass") { advance(); return make_stmt(pos, PassStmt{}); }
            if (kw == "break") { advance(); return make_stmt(pos, BreakStmt{}); }
            if (kw == "continue") { advance(); return make_stmt(pos, ContinueStmt{}); }
            if (kw == "return") return return_stmt();
            if (kw == "raise") return raise_stmt();
            if (kw == "global" || kw == "nonlocal") return global_stmt();
            if (kw == "assert") return assert_stmt();
            if (kw == "del") return del_stmt();
            if (kw == "import") return import_stmt();
            if (kw == "from") return import_from_stmt();
        }
        return expression_statement();
    }

    std::unique_ptr<Stmt> expression_statement()
    {
        SourcePos pos = tok().pos;
        if (is(TokenKind::Name) && tok().text == "print" && starts_expression(peek(1)) && peek(1).kind != TokenKind::Operator)
            return fail(pos, "Missing parentheses in call to 'print'. Did you mean print(...)?");
        ExprPtr first = star_expressions();
        if (!first)
            return nullptr;
        if (is_op("=")) {
            AssignStmt assign;
            assign.targets.push_back(std::move(first));
            while (accept_op("=")) {
                ExprPtr next = star_expressions();
                if (!next)
                    return nullptr;
                assign.targets.push_back(std::move(next));
            }
            assign.value = std::move(assign.targets.back());
            assign.targets.pop_back();
            for (const ExprPtr& target : assign.targets)
                if (!check_target(*target, "assign to", true))
                    return nullptr;
            return make_stmt(pos, std::move(assign));
        }
        if (tok().kind == TokenKind::Operator && tok().text.size() >= 2 && tok().text.back() == '=' &&
            tok().text != "==" && tok().text != "!=" && tok().text != "<=" && tok().text != ">=") {
            std::string_view op = tok().text.substr(0, tok().text.size() - 1);
            BinaryOp bin;
            if (!binary_op_from_spelling(op, bin))
                return unsupported(tok().pos, "the '" + std::string(tok().text) + "' operator");
            bool simple_target = std::holds_alternative<NameExpr>(first->node) || std::holds_alternative<AttributeExpr>(first->node) ||
                                 std::holds_alternative<SubscriptExpr>(first->node);
            if (!simple_target) {
                std::string what = std::holds_alternative<TupleExpr>(first->node) ? "'tuple'" : std::holds_alternative<ListExpr>(first->node) ? "'list'" : expression_description(*first);
                return fail(first->pos, what + " is an illegal expression for augmented assignment");
            }
            advance();
            ExprPtr value = star_expressions();
            if (!value)
                return nullptr;
            return make_stmt(pos, AugAssignStmt{std::move(first), bin, std::move(value)});
        }
        if (is_op(":")) {
            advance();
            if (!check_target(*first, "annotate", false))
                return nullptr;
            ExprPtr annotation = test();
            if (!annotation)
                return nullptr;
            ExprPtr value;
            if (accept_op("=")) {
                value = star_expressions();
                if (!value)
                    return nullptr;
            }
            return make_stmt(pos, AnnAssignStmt{std::move(first), std::move(annotation), std::move(value)});
        }
        return make_stmt(pos, ExprStmt{std::move(first)});
    }

    static bool binary_op_from_spelling(std::string_view op, BinaryOp& out)
    {
        static constexpr std::pair<std::string_view, BinaryOp> kOps[] = {
            {"+", BinaryOp::Add}, {"-", BinaryOp::Sub}, {"*", BinaryOp::Mul}, {"/", BinaryOp::TrueDiv},
            {"//", BinaryOp::FloorDiv}, {"%", BinaryOp::Mod}, {"**", BinaryOp::Pow}, {"<<", BinaryOp::LShift},
            {">>", BinaryOp::RShift}, {"&", BinaryOp::BitAnd}, {"|", BinaryOp::BitOr}, {"^", BinaryOp::BitXor},
        };
        for (const auto& [spelling, value] : kOps)
            if (spelling == op) {
                out = value;
                return true;
            }
        return false;
    }

    // Assignment, for-loop, with-as and del targets: names, attributes, subscripts, and
    // tuples/lists of those.
    bool check_target(const Expr& e, const char* verb, bool suggest_equality)
    {
        if (std::holds_alternative<NameExpr>(e.node) || std::holds_alternative<AttributeExpr>(e.node) ||
            std::holds_alternative<SubscriptExpr>(e.node))
            return true;
        const ExprList* elts = nullptr;
        if (auto* tuple = std::get_if<TupleExpr>(&e.node)) elts = &tuple->elts;
        if (auto* list = std::get_if<ListExpr>(&e.node)) elts = &list->elts;
        if (elts && std::string_view(verb) != "annotate") {
            bool starred = false;
            for (const ExprPtr& element : *elts) {
                if (auto* star = std::get_if<StarredExpr>(&element->node)) {
                    if (starred) {
                        fail(e.pos, "multiple starred expressions in assignment");
                        return false;
                    }
                    starred = true;
                    if (!check_target(*star->value, verb, false))
                        return false;
                    continue;
                }
                if (!check_target(*element, verb, false))
                    return false;
            }
            return true;
        }
        if (std::holds_alternative<StarredExpr>(e.node)) {
            fail(e.pos, "starred assignment target must be in a list or tuple");
            return false;
        }
        std::string message = std::string("cannot ") + verb + " " + expression_description(e);
        if (suggest_equality && !elts)
            message += " here. Maybe you meant '==' instead of '='?";
        fail(e.pos, message);
        return false;
    }

    std::unique_ptr<Stmt> return_stmt()
    {
        SourcePos pos = tok().pos;
        advance();
        ReturnStmt ret;
        if (!is(TokenKind::Newline) && !is_op(";")) {
            ret.value = star_expressions();
            if (!ret.value)
                return nullptr;
        }
        return make_stmt(pos, std::move(ret));
    }

    std::unique_ptr<Stmt> raise_stmt()
    {
        SourcePos pos = tok().pos;
        advance();
        RaiseStmt raise;
        if (!is(TokenKind::Newline) && !is_op(";")) {
            raise.exception = test();
            if (!raise.exception)
                return nullptr;
            if (accept_kw("from")) {
                raise.cause = test();
                if (!raise.cause)
                    return nullptr;
            }
        }
        return make_stmt(pos, std::move(raise));
    }

    std::unique_ptr<Stmt> global_stmt()
    {
        SourcePos pos = tok().pos;
        bool is_global = tok().text == "global";
        advance();
        std::vector<std::string> names;
        do {
            std::string name;
            if (!expect_name(name))
                return nullptr;
            names.push_back(name);
        } while (accept_op(","));
        if (is_global)
            return make_stmt(pos, GlobalStmt{std::move(names)});
        return make_stmt(pos, NonlocalStmt{std::move(names)});
    }

    std::unique_ptr<Stmt> assert_stmt()
    {
        SourcePos pos = tok().pos;
        advance();
        AssertStmt a;
        a.test = test();
        if (!a.test)
            return nullptr;
        if (accept_op(",")) {
            a.message = test();
            if (!a.message)
                return nullptr;
        }
        return make_stmt(pos, std::move(a));
    }

    std::unique_ptr<Stmt> del_stmt()
    {
        SourcePos pos = tok().pos;
        advance();
        DeleteStmt del;
        do {
            ExprPtr target = bitwise_or();
            if (!target)
                return nullptr;
            if (!check_target(*target, "delete", false))
                return nullptr;
            del.targets.push_back(std::move(target));
        } while (accept_op(",") && !is(TokenKind::Newline));
        return make_stmt(pos, std::move(del));
    }

    bool dotted_name(std::string& out)
    {
        if (!expect_name(out))
            return false;
        while (accept_op(".")) {
            std::string part;
            if (!expect_name(part))
                return false;
            out += "." + part;
        }
        return true;
    }

    std::unique_ptr<Stmt> import_stmt()
    {
        SourcePos pos = tok().pos;
        advance();
        ImportStmt import;
        do {
            ImportAlias alias;
            alias.pos = tok().pos;
            if (!dotted_name(alias.name))
                return nullptr;
            if (accept_kw("as") && !expect_name(alias.asname))
                return nullptr;
            import.names.push_back(std::move(alias));
        } while (accept_op(","));
        return make_stmt(pos, std::move(import));
    }

    std::unique_ptr<Stmt> import_from_stmt()
    {
        SourcePos pos = tok().pos;
        advance();
        if (is_op(".") || is_op("..."))
            return unsupported(tok().pos, "relative imports are");
        ImportFromStmt from;
        if (!dotted_name(from.module))
            return nullptr;
        if (!accept_kw("import"))
            return fail_here();
        if (is_op("*")) {
            from.names.push_back({"*", "", tok().pos});
            advance();
            return make_stmt(pos, std::move(from));
        }
        bool parenthesized = accept_op("(");
        do {
            if (parenthesized && is_op(")"))
                break;
            ImportAlias alias;
            alias.pos = tok().pos;
            if (!expect_name(alias.name))
                return nullptr;
            if (accept_kw("as") && !expect_name(alias.asname))
                return nullptr;
            from.names.push_back(std::move(alias));
        } while (accept_op(","));
        if (parenthesized && !expect_op(")"))
            return nullptr;
        return make_stmt(pos, std::move(from));
    }

    // ':' then a suite: statements on the same line, or an indented block.
    // `what` and `line` complete CPython's "expected an indented block after ..." message.
    bool block(StmtList& out, const std::string& what, int line)
    {
        if (!expect_op(":"))
            return false;
        if (!is(TokenKind::Newline))
            return simple_statements(out);
        advance();
        if (!is(TokenKind::Indent)) {
            fail(tok().pos, "expected an indented block after " + what + " on line " + std::to_string(line), "IndentationError");
            return false;
        }
        advance();
        if (!statements_until(TokenKind::Dedent, out))
            return false;
        advance();
        return true;
    }

    std::unique_ptr<Stmt> if_stmt()
    {
        SourcePos pos = tok().pos;
        std::string keyword(tok().text);
        advance();
        IfStmt s;
        s.test = named_expression();
        if (!s.test || !block(s.body, "'" + keyword + "' statement", pos.line))
            return nullptr;
        if (is_kw("elif")) {
            auto nested = if_stmt();
            if (!nested)
                return nullptr;
            s.orelse.push_back(std::move(nested));
        } else if (is_kw("else")) {
            int line = tok().pos.line;
            advance();
            if (!block(s.orelse, "'else' statement", line))
                return nullptr;
        }
        return make_stmt(pos, std::move(s));
    }

    bool else_clause(StmtList& out)
    {
        if (!is_kw("else"))
            return true;
        int line = tok().pos.line;
        advance();
        return block(out, "'else' statement", line);
    }

    std::unique_ptr<Stmt> while_stmt()
    {
        SourcePos pos = tok().pos;
        advance();
        WhileStmt s;
        s.test = named_expression();
        if (!s.test || !block(s.body, "'while' statement", pos.line) || !else_clause(s.orelse))
            return nullptr;
        return make_stmt(pos, std::move(s));
    }

    std::unique_ptr<Stmt> for_stmt()
    {
        SourcePos pos = tok().pos;
        advance();
        ForStmt s;
        s.target = target_list();
        if (!s.target || !check_target(*s.target, "assign to", false))
            return nullptr;
        if (!accept_kw("in"))
            return fail_here();
        s.iter = star_expressions();
        if (!s.iter || !block(s.body, "'for' statement", pos.line) || !else_clause(s.orelse))
            return nullptr;
        return make_stmt(pos, std::move(s));
    }

    // The target of `for` and comprehensions: stops before `in` (which bitwise_or would not eat).
    ExprPtr target_list()
    {
        SourcePos pos = tok().pos;
        ExprPtr first = star_or_bitwise_or();
        if (!first || !is_op(","))
            return first;
        TupleExpr tuple;
        tuple.elts.push_back(std::move(first));
        while (accept_op(",")) {
            if (is_kw("in"))
                break;
            ExprPtr next = star_or_bitwise_or();
            if (!next)
                return nullptr;
            tuple.elts.push_back(std::move(next));
        }
        return make_expr(pos, std::move(tuple));
    }

    ExprPtr star_or_bitwise_or()
    {
        if (is_op("*")) {
            SourcePos pos = tok().pos;
            advance();
            ExprPtr value = bitwise_or();
            if (!value)
                return nullptr;
            return make_expr(pos, StarredExpr{std::move(value)});
        }
        return bitwise_or();
    }

    // `async def` makes a coroutine function, `async with` awaits __aenter__ and __aexit__,
    // `async for` awaits __anext__ until StopAsyncIteration.
    std::unique_ptr<Stmt> async_stmt()
    {
        SourcePos pos = tok().pos;
        advance();
        if (is_kw("def"))
            return function_def(pos, true);
        if (is_kw("for")) {
            std::unique_ptr<Stmt> loop = for_stmt();
            if (loop) {
                loop->pos = pos;
                std::get<ForStmt>(loop->node).is_async = true;
            }
            return loop;
        }
        if (!is_kw("with"))
            return fail_here();
        std::unique_ptr<Stmt> with = with_stmt();
        if (with) {
            with->pos = pos;
            std::get<WithStmt>(with->node).is_async = true;
        }
        return with;
    }

    // One `@expression` line per decorator, then the def or class they apply to.
    std::unique_ptr<Stmt> decorated()
    {
        ExprList decorators;
        while (accept_op("@")) {
            ExprPtr decorator = named_expression();
            if (!decorator)
                return nullptr;
            if (!is(TokenKind::Newline))
                return fail_here();
            advance();
            decorators.push_back(std::move(decorator));
        }
        std::unique_ptr<Stmt> s;
        if (is_kw("def"))
            s = function_def();
        else if (is_kw("class"))
            s = class_def();
        else if (is_kw("async") && peek(1).kind == TokenKind::Keyword && peek(1).text == "def")
            s = async_stmt();
        else
            return fail_here();
        if (!s)
            return nullptr;
        if (auto* def = std::get_if<FunctionDefStmt>(&s->node))
            def->decorators = std::move(decorators);
        else
            std::get<ClassDefStmt>(s->node).decorators = std::move(decorators);
        return s;
    }

    std::unique_ptr<Stmt> function_def() { return function_def(tok().pos, false); }

    std::unique_ptr<Stmt> function_def(SourcePos pos, bool is_async)
    {
        advance();
        FunctionDefStmt def;
        def.is_async = is_async;
        if (!expect_name(def.name))
            return nullptr;
        if (!expect_op("("))
            return nullptr;
        bracket_depth++;
        if (!parameters(def.params, ")"))
            return nullptr;
        bracket_depth--;
        if (!expect_op(")"))
            return nullptr;
        if (accept_op("->") && !test())
            return nullptr;
        if (!block(def.body, "function definition", pos.line))
            return nullptr;
        return make_stmt(pos, std::move(def));
    }

    // Parameters of a def (annotations allowed) or a lambda (closing token ":").
    bool parameters(Parameters& params, std::string_view closing)
    {
        bool lambda = closing == ":";
        bool seen_star = false, seen_default = false, seen_slash = false;
        while (!is_op(closing)) {
            SourcePos pos = tok().pos;
            if (accept_op("/")) {
                if (seen_slash)
                    return fail(pos, "/ may appear only once"), false;
                if (seen_star)
                    return fail(pos, "/ must be ahead of *"), false;
                if (params.positional.empty())
                    return fail(pos, "at least one argument must precede /"), false;
                seen_slash = true;
                params.positional_only = params.positional.size();
                if (!is_op(closing) && !expect_op(","))
                    return false;
                continue;
            }
            if (accept_op("**")) {
                if (!expect_name(params.varkwargs))
                    return false;
                if (!lambda && accept_op(":") && !test())
                    return false;
                accept_op(",");
                break;
            }
            if (accept_op("*")) {
                if (seen_star)
                    return fail(pos, "* argument may appear only once"), false;
                seen_star = true;
                if (is(TokenKind::Name)) {
                    params.varargs = std::string(tok().text);
                    advance();
                    if (!lambda && accept_op(":") && !test())
                        return false;
                } else if (is_op(closing) || (is_op(",") && (peek(1).kind == TokenKind::Operator && peek(1).text == closing))) {
                    fail(pos, "named arguments must follow bare *");
                    return false;
                }
                if (!is_op(closing) && !expect_op(","))
                    return false;
                continue;
            }
            Param param;
            param.pos = pos;
            if (!expect_name(param.name))
                return false;
            if (!lambda && accept_op(":") && !test())
                return false;
            if (accept_op("=")) {
                param.default_value = test();
                if (!param.default_value)
                    return false;
                if (!seen_star)
                    seen_default = true;
            } else if (seen_default && !seen_star) {
                fail(pos, "non-default argument follows default argument");
                return false;
            }
            for (const Param& other : params.positional)
                if (other.name == param.name)
                    return fail(pos, "duplicate argument '" + param.name + "' in function definition"), false;
            (seen_star ? params.keyword_only : params.positional).push_back(std::move(param));
            if (!is_op(closing) && !expect_op(","))
                return false;
        }
        return true;
    }

    std::unique_ptr<Stmt> class_def()
    {
        SourcePos pos = tok().pos;
        advance();
        ClassDefStmt def;
        if (!expect_name(def.name))
            return nullptr;
        if (accept_op("(")) {
            bracket_depth++;
            while (!is_op(")")) {
                if (is(TokenKind::Name) && peek(1).kind == TokenKind::Operator && peek(1).text == "=") {
                    SourcePos keyword_pos = tok().pos;
                    std::string name(tok().text);
                    if (name == "metaclass")
                        return unsupported(keyword_pos, "metaclasses are");
                    advance();
                    advance();
                    ExprPtr value = test();
                    if (!value)
                        return nullptr;
                    def.keywords.push_back({std::move(name), std::move(value), keyword_pos});
                    if (!is_op(")") && !expect_op(","))
                        return nullptr;
                    continue;
                }
                if (!def.keywords.empty())
                    return fail(tok().pos, "positional argument follows keyword argument");
                ExprPtr base = test();
                if (!base)
                    return nullptr;
                def.bases.push_back(std::move(base));
                if (!is_op(")") && !expect_op(","))
                    return nullptr;
            }
            bracket_depth--;
            advance();
        }
        if (!block(def.body, "class definition", pos.line))
            return nullptr;
        return make_stmt(pos, std::move(def));
    }

    // match subject: then an indented block of `case pattern [if guard]:` clauses.
    std::unique_ptr<Stmt> match_stmt()
    {
        SourcePos pos = tok().pos;
        advance();
        MatchStmt m;
        m.subject = star_expressions();
        if (!m.subject || !expect_op(":"))
            return nullptr;
        if (!is(TokenKind::Newline))
            return fail_here();
        advance();
        if (!is(TokenKind::Indent))
            return fail(tok().pos, "expected an indented block after 'match' statement on line " + std::to_string(pos.line), "IndentationError");
        advance();
        while (!is(TokenKind::Dedent) && !is(TokenKind::End)) {
            if (!is(TokenKind::Name) || tok().text != "case")
                return fail_here();
            int line = tok().pos.line;
            advance();
            MatchCase c;
            c.pattern = open_sequence_pattern();
            if (!c.pattern)
                return nullptr;
            if (accept_kw("if")) {
                c.guard = named_expression();
                if (!c.guard)
                    return nullptr;
            } else if (!is_op(":")) {
                return fail_here();
            }
            if (!block(c.body, "'case' statement", line))
                return nullptr;
            m.cases.push_back(std::move(c));
        }
        advance();
        return make_stmt(pos, std::move(m));
    }

    // `case a, *rest:` is a sequence pattern without brackets.
    PatternPtr open_sequence_pattern()
    {
        SourcePos pos = tok().pos;
        PatternPtr first = maybe_star_pattern();
        if (!first)
            return nullptr;
        if (!is_op(",")) {
            if (std::holds_alternative<MatchStar>(first->node))
                return fail_here();
            return first;
        }
        MatchSequence sequence;
        sequence.patterns.push_back(std::move(first));
        while (accept_op(",") && !is_op(":") && !is_kw("if")) {
            PatternPtr next = maybe_star_pattern();
            if (!next)
                return nullptr;
            sequence.patterns.push_back(std::move(next));
        }
        return make_pattern(pos, std::move(sequence));
    }

    PatternPtr maybe_star_pattern()
    {
        if (!is_op("*"))
            return pattern();
        SourcePos pos = tok().pos;
        advance();
        if (!is(TokenKind::Name))
            return fail_here();
        std::string name = tok().text == "_" ? "" : std::string(tok().text);
        advance();
        return make_pattern(pos, MatchStar{std::move(name)});
    }

    // pattern [as name]
    PatternPtr pattern()
    {
        SourcePos pos = tok().pos;
        PatternPtr p = or_pattern();
        if (!p || !accept_kw("as"))
            return p;
        if (!is(TokenKind::Name))
            return fail(tok().pos, "invalid pattern target");
        if (tok().text == "_")
            return fail(tok().pos, "cannot use '_' as a target");
        std::string name(tok().text);
        advance();
        return make_pattern(pos, MatchAs{std::move(p), std::move(name)});
    }

    PatternPtr or_pattern()
    {
        SourcePos pos = tok().pos;
        PatternPtr first = closed_pattern();
        if (!first || !is_op("|"))
            return first;
        MatchOr alternatives;
        alternatives.patterns.push_back(std::move(first));
        while (accept_op("|")) {
            PatternPtr next = closed_pattern();
            if (!next)
                return nullptr;
            alternatives.patterns.push_back(std::move(next));
        }
        return make_pattern(pos, std::move(alternatives));
    }

    // A number, optionally negative; `1 + 2j` would be a complex literal, outside the subset.
    ExprPtr number_literal()
    {
        SourcePos pos = tok().pos;
        bool negative = accept_op("-");
        if (!is(TokenKind::Int) && !is(TokenKind::Float))
            return fail_here();
        ExprPtr number = atom();
        if (negative)
            number = make_expr(pos, UnaryOpExpr{UnaryOp::Negative, std::move(number)});
        if (is_op("+") || is_op("-")) {
            advance();
            return fail(tok().pos, "imaginary number required in complex literal");
        }
        return number;
    }

    PatternPtr closed_pattern()
    {
        SourcePos pos = tok().pos;
        if (is_op("-") || is(TokenKind::Int) || is(TokenKind::Float)) {
            ExprPtr number = number_literal();
            if (!number)
                return nullptr;
            return make_pattern(pos, MatchValue{std::move(number)});
        }
        if (is(TokenKind::FString))
            return fail(pos, "patterns may only match literals and attribute lookups");
        if (is(TokenKind::String)) {
            ExprPtr text = strings();
            if (!text)
                return nullptr;
            if (std::holds_alternative<FStringExpr>(text->node))
                return fail(pos, "patterns may only match literals and attribute lookups");
            return make_pattern(pos, MatchValue{std::move(text)});
        }
        if (is_kw("None") || is_kw("True") || is_kw("False"))
            return make_pattern(pos, MatchSingleton{atom()});
        if (is(TokenKind::Name))
            return name_pattern();
        if (is_op("(") || is_op("["))
            return bracketed_pattern();
        if (is_op("{"))
            return mapping_pattern();
        return fail_here();
    }

    // A capture, the wildcard _, a dotted value (a.b), or a class pattern (C(...), a.C(...)).
    PatternPtr name_pattern()
    {
        SourcePos pos = tok().pos;
        ExprPtr e = make_expr(pos, NameExpr{std::string(tok().text)});
        advance();
        bool dotted = false;
        while (accept_op(".")) {
            std::string attr;
            if (!expect_name(attr))
                return nullptr;
            e = make_expr(pos, AttributeExpr{std::move(e), std::move(attr)});
            dotted = true;
        }
        if (is_op("("))
            return class_pattern(std::move(e), pos);
        if (dotted)
            return make_pattern(pos, MatchValue{std::move(e)});
        std::string name = std::get<NameExpr>(e->node).id;
        return make_pattern(pos, MatchAs{nullptr, name == "_" ? "" : name});
    }

    PatternPtr class_pattern(ExprPtr cls, SourcePos pos)
    {
        advance();  // (
        bracket_depth++;
        MatchClass c;
        c.cls = std::move(cls);
        while (!is_op(")")) {
            if (is(TokenKind::Name) && peek(1).kind == TokenKind::Operator && peek(1).text == "=") {
                c.kwd_attrs.push_back(std::string(tok().text));
                advance();
                advance();
                PatternPtr value = pattern();
                if (!value)
                    return nullptr;
                c.kwd_patterns.push_back(std::move(value));
            } else {
                PatternPtr value = pattern();
                if (!value)
                    return nullptr;
                if (!c.kwd_patterns.empty())
                    return fail(value->pos, "positional patterns follow keyword patterns");
                c.patterns.push_back(std::move(value));
            }
            if (!is_op(")") && !expect_op(","))
                return nullptr;
        }
        bracket_depth--;
        advance();
        return make_pattern(pos, std::move(c));
    }

    // (pattern) groups; (a, b), (a,), () and [a, b] are sequence patterns.
    PatternPtr bracketed_pattern()
    {
        SourcePos pos = tok().pos;
        bool parenthesis = is_op("(");
        const char* closing = parenthesis ? ")" : "]";
        advance();
        bracket_depth++;
        MatchSequence sequence;
        bool comma = false;
        while (!is_op(closing)) {
            PatternPtr element = maybe_star_pattern();
            if (!element)
                return nullptr;
            sequence.patterns.push_back(std::move(element));
            if (is_op(closing))
                break;
            if (!expect_op(","))
                return nullptr;
            comma = true;
        }
        bracket_depth--;
        advance();
        if (parenthesis && !comma && sequence.patterns.size() == 1) {
            if (std::holds_alternative<MatchStar>(sequence.patterns[0]->node))
                return fail(sequence.patterns[0]->pos, "invalid syntax");
            return std::move(sequence.patterns[0]);
        }
        return make_pattern(pos, std::move(sequence));
    }

    // {key: pattern, ..., **rest}: keys are literals or dotted values.
    PatternPtr mapping_pattern()
    {
        SourcePos pos = tok().pos;
        advance();
        bracket_depth++;
        MatchMapping mapping;
        while (!is_op("}")) {
            if (accept_op("**")) {
                if (!expect_name(mapping.rest))
                    return nullptr;
                accept_op(",");
                if (!is_op("}"))
                    return fail_here();
                break;
            }
            PatternPtr key = closed_pattern();
            if (!key)
                return nullptr;
            ExprPtr key_value;
            if (auto* value = std::get_if<MatchValue>(&key->node))
                key_value = std::move(value->value);
            else if (auto* singleton = std::get_if<MatchSingleton>(&key->node))
                key_value = std::move(singleton->value);
            else
                return fail_here();
            if (!expect_op(":"))
                return nullptr;
            PatternPtr value = pattern();
            if (!value)
                return nullptr;
            mapping.keys.push_back(std::move(key_value));
            mapping.patterns.push_back(std::move(value));
            if (!is_op("}") && !expect_op(","))
                return nullptr;
        }
        bracket_depth--;
        advance();
        return make_pattern(pos, std::move(mapping));
    }

    std::unique_ptr<Stmt> try_stmt()
    {
        SourcePos pos = tok().pos;
        advance();
        TryStmt s;
        if (!block(s.body, "'try' statement", pos.line))
            return nullptr;
        while (is_kw("except")) {
            ExceptHandler handler;
            handler.pos = tok().pos;
            advance();
            if (is_op("*"))
                return unsupported(tok().pos, "'except*'");
            if (!is_op(":")) {
                handler.type = test();
                if (!handler.type)
                    return nullptr;
                if (is_op(","))
                    return fail(handler.type->pos, "multiple exception types must be parenthesized");
                if (accept_kw("as") && !expect_name(handler.name))
                    return nullptr;
            }
            if (!block(handler.body, "'except' statement", handler.pos.line))
                return nullptr;
            s.handlers.push_back(std::move(handler));
        }
        if (!s.handlers.empty() && !else_clause(s.orelse))
            return nullptr;
        if (is_kw("finally")) {
            int line = tok().pos.line;
            advance();
            if (!block(s.finalbody, "'finally' statement", line))
                return nullptr;
        }
        if (s.handlers.empty() && s.finalbody.empty())
            return fail(tok().pos, "expected 'except' or 'finally' block");
        return make_stmt(pos, std::move(s));
    }

    std::unique_ptr<Stmt> with_stmt()
    {
        SourcePos pos = tok().pos;
        advance();
        WithStmt s;
        // `with (a as x, b as y):` (3.10): parentheses around the items, which a ':' right after
        // the closing one tells from a parenthesised expression such as `with (a) as x:`.
        bool parenthesised = is_op("(") && closing_paren_then_colon();
        if (parenthesised)
            advance();
        do {
            if (parenthesised && is_op(")"))
                break;
            WithItem item;
            item.context = test();
            if (!item.context)
                return nullptr;
            if (accept_kw("as")) {
                item.target = target_list_single();
                if (!item.target || !check_target(*item.target, "assign to", false))
                    return nullptr;
            }
            s.items.push_back(std::move(item));
        } while (accept_op(","));
        if (parenthesised && !expect_op(")"))
            return nullptr;
        if (!block(s.body, "'with' statement", pos.line))
            return nullptr;
        return make_stmt(pos, std::move(s));
    }

    ExprPtr target_list_single() { return star_or_bitwise_or(); }

    // At an opening parenthesis: whether the one that closes it is followed by ':'.
    bool closing_paren_then_colon() const
    {
        int depth = 0;
        for (size_t ahead = 0; at + ahead < tokens.size(); ahead++) {
            const Token& t = peek(ahead);
            if (t.kind == TokenKind::End || t.kind == TokenKind::Newline)
                return false;
            if (t.kind != TokenKind::Operator)
                continue;
            if (t.text == "(" || t.text == "[" || t.text == "{")
                depth++;
            else if ((t.text == ")" || t.text == "]" || t.text == "}") && --depth == 0)
                return peek(ahead + 1).kind == TokenKind::Operator && peek(ahead + 1).text == ":";
        }
        return false;
    }

    // -----------------------------------------------------------------------------------------
    // 3. Expressions
    // -----------------------------------------------------------------------------------------

    static bool starts_expression(const Token& t)
    {
        switch (t.kind) {
        case TokenKind::Name: case TokenKind::Int: case TokenKind::Float: case TokenKind::String: case TokenKind::Bytes: case TokenKind::FString:
            return true;
        case TokenKind::Keyword:
            return t.text == "None" || t.text == "True" || t.text == "False" || t.text == "lambda" || t.text == "not";
        case TokenKind::Operator:
            return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" || t.text == "~";
        default:
            return false;
        }
    }

    // Expressions separated by commas; a tuple when there is a comma (`x = 1, 2`).
    ExprPtr star_expressions()
    {
        SourcePos pos = tok().pos;
        ExprPtr first = star_expression();
        if (!first || !is_op(","))
            return first;
        TupleExpr tuple;
        tuple.elts.push_back(std::move(first));
        while (accept_op(",")) {
            if (!starts_expression(tok()) && !is_op("*") && !is_kw("await") && !is_kw("yield"))
                break;
            ExprPtr next = star_expression();
            if (!next)
                return nullptr;
            tuple.elts.push_back(std::move(next));
        }
        return make_expr(pos, std::move(tuple));
    }

    ExprPtr star_expression()
    {
        if (is_op("*")) {
            SourcePos pos = tok().pos;
            advance();
            ExprPtr value = bitwise_or();
            if (!value)
                return nullptr;
            return make_expr(pos, StarredExpr{std::move(value)});
        }
        return test();
    }

    // Where `name := value` may stand unparenthesized: conditions, call arguments, display
    // elements, subscripts, decorators. Elsewhere test() refuses the ':=' as CPython does.
    ExprPtr named_expression()
    {
        if (is(TokenKind::Name) && peek(1).kind == TokenKind::Operator && peek(1).text == ":=") {
            SourcePos pos = tok().pos;
            std::string target(tok().text);
            advance();
            advance();
            ExprPtr value = test();
            if (!value)
                return nullptr;
            return make_expr(pos, NamedExpr{std::move(target), std::move(value)});
        }
        return test();
    }

    // `yield`, `yield value(s)` or `yield from iterable`: where a whole expression stands.
    ExprPtr yield_expression()
    {
        SourcePos pos = tok().pos;
        advance();
        if (accept_kw("from")) {
            ExprPtr source = test();
            if (!source)
                return nullptr;
            return make_expr(pos, YieldFromExpr{std::move(source)});
        }
        if (!starts_expression(tok()) && !is_op("*") && !is_kw("await"))
            return make_expr(pos, YieldExpr{});
        ExprPtr value = star_expressions();
        if (!value)
            return nullptr;
        return make_expr(pos, YieldExpr{std::move(value)});
    }

    // test: lambda, or `a if cond else b`, or a plain or-expression.
    ExprPtr test()
    {
        if (is_kw("lambda"))
            return lambda();
        if (is_kw("yield"))
            return yield_expression();
        SourcePos pos = tok().pos;
        ExprPtr body = or_test();
        if (!body)
            return nullptr;
        if (is_op(":=")) {
            if (std::holds_alternative<NameExpr>(body->node))
                return fail_here();
            return fail(body->pos, std::string("cannot use assignment expressions with ") + expression_description(*body));
        }
        if (!is_kw("if"))
            return body;
        advance();
        ExprPtr condition = or_test();
        if (!condition)
            return nullptr;
        if (!accept_kw("else"))
            return fail(pos, "expected 'else' after 'if' expression");
        ExprPtr orelse = test();
        if (!orelse)
            return nullptr;
        return make_expr(pos, IfExpr{std::move(condition), std::move(body), std::move(orelse)});
    }

    ExprPtr lambda()
    {
        SourcePos pos = tok().pos;
        advance();
        LambdaExpr lam;
        lam.params = std::make_unique<Parameters>();
        if (!parameters(*lam.params, ":") || !expect_op(":"))
            return nullptr;
        lam.body = test();
        if (!lam.body)
            return nullptr;
        return make_expr(pos, std::move(lam));
    }

    ExprPtr or_test() { return bool_op(false); }

    ExprPtr bool_op(bool is_and)
    {
        SourcePos pos = tok().pos;
        ExprPtr first = is_and ? not_test() : bool_op(true);
        if (!first || !is_kw(is_and ? "and" : "or"))
            return first;
        BoolOpExpr op{is_and, {}};
        op.values.push_back(std::move(first));
        while (accept_kw(is_and ? "and" : "or")) {
            ExprPtr next = is_and ? not_test() : bool_op(true);
            if (!next)
                return nullptr;
            op.values.push_back(std::move(next));
        }
        return make_expr(pos, std::move(op));
    }

    ExprPtr not_test()
    {
        if (is_kw("not")) {
            SourcePos pos = tok().pos;
            advance();
            ExprPtr operand = not_test();
            if (!operand)
                return nullptr;
            return make_expr(pos, UnaryOpExpr{UnaryOp::Not, std::move(operand)});
        }
        return comparison();
    }

    bool comparison_operator(CompareOp& op)
    {
        static constexpr std::pair<std::string_view, CompareOp> kOps[] = {
            {"<", CompareOp::Lt}, {"<=", CompareOp::LtE}, {"==", CompareOp::Eq}, {"!=", CompareOp::NotEq},
            {">", CompareOp::Gt}, {">=", CompareOp::GtE},
        };
        if (is(TokenKind::Operator)) {
            for (const auto& [spelling, value] : kOps)
                if (tok().text == spelling) {
                    op = value;
                    advance();
                    return true;
                }
            return false;
        }
        if (accept_kw("in")) {
            op = CompareOp::In;
            return true;
        }
        if (is_kw("not") && peek(1).kind == TokenKind::Keyword && peek(1).text == "in") {
            advance();
            advance();
            op = CompareOp::NotIn;
            return true;
        }
        if (accept_kw("is")) {
            op = accept_kw("not") ? CompareOp::IsNot : CompareOp::Is;
            return true;
        }
        return false;
    }

    ExprPtr comparison()
    {
        SourcePos pos = tok().pos;
        ExprPtr left = bitwise_or();
        if (!left)
            return nullptr;
        CompareExpr compare;
        CompareOp op;
        while (comparison_operator(op)) {
            ExprPtr right = bitwise_or();
            if (!right)
                return nullptr;
            compare.ops.push_back(op);
            compare.comparators.push_back(std::move(right));
        }
        if (compare.ops.empty())
            return left;
        compare.left = std::move(left);
        return make_expr(pos, std::move(compare));
    }

    // The binary operator levels, from loosest (|) to tightest (* / // %).
    ExprPtr binary_level(int level)
    {
        static const std::pair<std::string_view, BinaryOp> kOr[] = {{"|", BinaryOp::BitOr}};
        static const std::pair<std::string_view, BinaryOp> kXor[] = {{"^", BinaryOp::BitXor}};
        static const std::pair<std::string_view, BinaryOp> kAnd[] = {{"&", BinaryOp::BitAnd}};
        static const std::pair<std::string_view, BinaryOp> kShift[] = {{"<<", BinaryOp::LShift}, {">>", BinaryOp::RShift}};
        static const std::pair<std::string_view, BinaryOp> kArith[] = {{"+", BinaryOp::Add}, {"-", BinaryOp::Sub}};
        static const std::pair<std::string_view, BinaryOp> kTerm[] = {
            {"*", BinaryOp::Mul}, {"/", BinaryOp::TrueDiv}, {"//", BinaryOp::FloorDiv}, {"%", BinaryOp::Mod}};
        static const std::span<const std::pair<std::string_view, BinaryOp>> kLevels[] = {kOr, kXor, kAnd, kShift, kArith, kTerm};
        constexpr int kLevelCount = 6;
        if (level == kLevelCount)
            return factor();
        SourcePos pos = tok().pos;
        ExprPtr left = binary_level(level + 1);
        while (left && is(TokenKind::Operator)) {
            if (level == kLevelCount - 1 && is_op("@"))
                return unsupported(tok().pos, "the '@' operator");
            const BinaryOp* found = nullptr;
            for (const auto& [spelling, value] : kLevels[level])
                if (tok().text == spelling)
                    found = &value;
            if (!found)
                break;
            advance();
            ExprPtr right = binary_level(level + 1);
            if (!right)
                return nullptr;
            left = make_expr(pos, BinOpExpr{*found, std::move(left), std::move(right)});
        }
        return left;
    }

    ExprPtr bitwise_or() { return binary_level(0); }

    ExprPtr factor()
    {
        SourcePos pos = tok().pos;
        UnaryOp op;
        if (is_op("-")) op = UnaryOp::Negative;
        else if (is_op("+")) op = UnaryOp::Positive;
        else if (is_op("~")) op = UnaryOp::Invert;
        else return power();
        advance();
        ExprPtr operand = factor();
        if (!operand)
            return nullptr;
        return make_expr(pos, UnaryOpExpr{op, std::move(operand)});
    }

    ExprPtr power()
    {
        SourcePos pos = tok().pos;
        ExprPtr base;
        if (accept_kw("await")) {
            ExprPtr awaited = primary();
            if (!awaited)
                return nullptr;
            base = make_expr(pos, AwaitExpr{std::move(awaited)});
        } else {
            base = primary();
        }
        if (!base || !is_op("**"))
            return base;
        advance();
        ExprPtr exponent = factor();
        if (!exponent)
            return nullptr;
        return make_expr(pos, BinOpExpr{BinaryOp::Pow, std::move(base), std::move(exponent)});
    }

    // -----------------------------------------------------------------------------------------
    // 4. Calls, subscripts, displays and comprehensions
    // -----------------------------------------------------------------------------------------

    ExprPtr primary()
    {
        SourcePos pos = tok().pos;
        ExprPtr e = atom();
        while (e) {
            if (accept_op(".")) {
                std::string attr;
                if (!expect_name(attr))
                    return nullptr;
                e = make_expr(pos, AttributeExpr{std::move(e), std::move(attr)});
            } else if (is_op("(")) {
                e = call(std::move(e), pos);
            } else if (is_op("[")) {
                advance();
                bracket_depth++;
                ExprPtr index = subscript();
                bracket_depth--;
                if (!index || !expect_op("]"))
                    return nullptr;
                e = make_expr(pos, SubscriptExpr{std::move(e), std::move(index)});
            } else {
                break;
            }
        }
        return e;
    }

    ExprPtr slice_part()
    {
        if (is_op(":") || is_op("]") || is_op(","))
            return nullptr;
        return test();
    }

    ExprPtr one_subscript()
    {
        SourcePos pos = tok().pos;
        ExprPtr lower;
        if (!is_op(":")) {
            lower = named_expression();
            if (!lower || !is_op(":"))
                return lower;
        }
        advance();
        SliceExpr slice;
        slice.lower = std::move(lower);
        if (!is_op(":") && !is_op("]") && !is_op(",")) {
            slice.upper = test();
            if (!slice.upper)
                return nullptr;
        }
        if (accept_op(":") && !is_op("]") && !is_op(",")) {
            slice.step = test();
            if (!slice.step)
                return nullptr;
        }
        return make_expr(pos, std::move(slice));
    }

    ExprPtr subscript()
    {
        SourcePos pos = tok().pos;
        ExprPtr first = one_subscript();
        if (!first || !is_op(","))
            return first;
        TupleExpr tuple;
        tuple.elts.push_back(std::move(first));
        while (accept_op(",") && !is_op("]")) {
            ExprPtr next = one_subscript();
            if (!next)
                return nullptr;
            tuple.elts.push_back(std::move(next));
        }
        for (const ExprPtr& element : tuple.elts)
            if (std::holds_alternative<SliceExpr>(element->node))
                return unsupported(element->pos, "multi-dimensional slices are");
        return make_expr(pos, std::move(tuple));
    }

    ExprPtr call(ExprPtr func, SourcePos pos)
    {
        advance();  // (
        bracket_depth++;
        CallExpr c;
        c.func = std::move(func);
        bool seen_keyword = false, seen_double_star = false;
        while (!is_op(")")) {
            SourcePos arg_pos = tok().pos;
            if (accept_op("**")) {
                ExprPtr value = test();
                if (!value)
                    return nullptr;
                c.keywords.push_back({"", std::move(value), arg_pos});
                seen_double_star = true;
            } else if (accept_op("*")) {
                if (seen_double_star)
                    return fail(arg_pos, "iterable argument unpacking follows keyword argument unpacking");
                ExprPtr value = test();
                if (!value)
                    return nullptr;
                c.args.push_back(make_expr(arg_pos, StarredExpr{std::move(value)}));
            } else if (is(TokenKind::Name) && peek(1).kind == TokenKind::Operator && peek(1).text == "=") {
                std::string name(tok().text);
                advance();
                advance();
                ExprPtr value = test();
                if (!value)
                    return nullptr;
                for (const Keyword& k : c.keywords)
                    if (k.name == name)
                        return fail(arg_pos, "keyword argument repeated: " + name);
                c.keywords.push_back({std::move(name), std::move(value), arg_pos});
                seen_keyword = true;
            } else {
                ExprPtr value = named_expression();
                if (!value)
                    return nullptr;
                if (is_op("=")) {
                    return fail(value->pos, "expression cannot contain assignment, perhaps you meant \"==\"?");
                }
                if (at_comprehension()) {
                    value = comprehension(ComprehensionKind::Generator, std::move(value), nullptr, arg_pos);
                    if (!value)
                        return nullptr;
                    if (!c.args.empty() || !is_op(")"))
                        return fail(value->pos, "Generator expression must be parenthesized");
                }
                if (seen_double_star)
                    return fail(value->pos, "positional argument follows keyword argument unpacking");
                if (seen_keyword)
                    return fail(value->pos, "positional argument follows keyword argument");
                if (starts_expression(tok()) && !is_op("-") && !is_op("+"))
                    return fail(value->pos, "invalid syntax. Perhaps you forgot a comma?");
                c.args.push_back(std::move(value));
            }
            if (!is_op(")") && !expect_op(","))
                return nullptr;
        }
        bracket_depth--;
        advance();
        return make_expr(pos, std::move(c));
    }

    ExprPtr atom()
    {
        const Token& t = tok();
        SourcePos pos = t.pos;
        switch (t.kind) {
        case TokenKind::Name: {
            std::string id(t.text);
            advance();
            return make_expr(pos, NameExpr{std::move(id)});
        }
        case TokenKind::Int: {
            IntExpr literal{t.int_value, t.value};
            advance();
            return make_expr(pos, std::move(literal));
        }
        case TokenKind::Float: {
            double value = t.float_value;
            advance();
            return make_expr(pos, FloatExpr{value});
        }
        case TokenKind::String:
        case TokenKind::FString:
            return strings();
        case TokenKind::Bytes:
            return bytes_literals();
        case TokenKind::Keyword:
            if (t.text == "None") { advance(); return make_expr(pos, NoneExpr{}); }
            if (t.text == "True") { advance(); return make_expr(pos, BoolExpr{true}); }
            if (t.text == "False") { advance(); return make_expr(pos, BoolExpr{false}); }
            return fail_here();
        case TokenKind::Operator:
            if (t.text == "(") return parenthesized();
            if (t.text == "[") return list_display();
            if (t.text == "{") return brace_display();
            if (t.text == "...") return unsupported(pos, "Ellipsis (...)");
            return fail_here();
        default:
            return fail_here();
        }
    }

    // An element of a list, tuple or set display: an expression or *iterable.
    ExprPtr display_element()
    {
        if (is_op("*"))
            return star_or_bitwise_or();
        ExprPtr e = named_expression();
        if (e && starts_expression(tok()) && !is_op("-") && !is_op("+") && !is_op("(") && !is_op("["))
            return fail(e->pos, "invalid syntax. Perhaps you forgot a comma?");
        return e;
    }

    ExprPtr parenthesized()
    {
        SourcePos pos = tok().pos;
        advance();
        bracket_depth++;
        if (accept_op(")")) {
            bracket_depth--;
            return make_expr(pos, TupleExpr{});
        }
        ExprPtr first = is_kw("yield") ? yield_expression() : display_element();
        if (!first)
            return nullptr;
        if (at_comprehension()) {
            if (std::holds_alternative<StarredExpr>(first->node))
                return fail(first->pos, "iterable unpacking cannot be used in comprehension");
            ExprPtr gen = comprehension(ComprehensionKind::Generator, std::move(first), nullptr, pos);
            bracket_depth--;
            if (!gen || !expect_op(")"))
                return nullptr;
            return gen;
        }
        if (!is_op(",")) {
            if (std::holds_alternative<StarredExpr>(first->node))
                return fail(first->pos, "cannot use starred expression here");
            bracket_depth--;
            if (!expect_op(")"))
                return nullptr;
            return first;
        }
        TupleExpr tuple;
        tuple.elts.push_back(std::move(first));
        while (accept_op(",") && !is_op(")")) {
            ExprPtr next = display_element();
            if (!next)
                return nullptr;
            tuple.elts.push_back(std::move(next));
        }
        bracket_depth--;
        if (!expect_op(")"))
            return nullptr;
        return make_expr(pos, std::move(tuple));
    }

    ExprPtr list_display()
    {
        SourcePos pos = tok().pos;
        advance();
        bracket_depth++;
        ListExpr list;
        if (!is_op("]")) {
            ExprPtr first = display_element();
            if (!first)
                return nullptr;
            if (at_comprehension()) {
                if (std::holds_alternative<StarredExpr>(first->node))
                    return fail(first->pos, "iterable unpacking cannot be used in comprehension");
                ExprPtr comp = comprehension(ComprehensionKind::List, std::move(first), nullptr, pos);
                bracket_depth--;
                if (!comp || !expect_op("]"))
                    return nullptr;
                return comp;
            }
            list.elts.push_back(std::move(first));
            while (accept_op(",") && !is_op("]")) {
                ExprPtr next = display_element();
                if (!next)
                    return nullptr;
                list.elts.push_back(std::move(next));
            }
        }
        bracket_depth--;
        if (!expect_op("]"))
            return nullptr;
        return make_expr(pos, std::move(list));
    }

    ExprPtr brace_display()
    {
        SourcePos pos = tok().pos;
        advance();
        bracket_depth++;
        DictExpr dict;
        bool first = true;
        while (!is_op("}")) {
            if (accept_op("**")) {
                ExprPtr value = bitwise_or();
                if (!value)
                    return nullptr;
                dict.keys.push_back(nullptr);
                dict.values.push_back(std::move(value));
            } else {
                if (first && is_op("*")) {
                    ExprPtr starred = star_or_bitwise_or();
                    if (!starred)
                        return nullptr;
                    return set_display(std::move(starred), pos);
                }
                ExprPtr key = test();
                if (!key)
                    return nullptr;
                if (!is_op(":")) {
                    if (!first)
                        return fail_here();
                    return set_display(std::move(key), pos);
                }
                advance();
                ExprPtr value = test();
                if (!value)
                    return nullptr;
                if (first && at_comprehension()) {
                    ExprPtr comp = comprehension(ComprehensionKind::Dict, std::move(key), std::move(value), pos);
                    bracket_depth--;
                    if (!comp || !expect_op("}"))
                        return nullptr;
                    return comp;
                }
                dict.keys.push_back(std::move(key));
                dict.values.push_back(std::move(value));
            }
            first = false;
            if (!is_op("}") && !expect_op(","))
                return nullptr;
        }
        bracket_depth--;
        advance();
        return make_expr(pos, std::move(dict));
    }

    // {a, b, ...} or {x for ...}, after the first element (already parsed).
    ExprPtr set_display(ExprPtr first, SourcePos pos)
    {
        if (at_comprehension()) {
            if (std::holds_alternative<StarredExpr>(first->node))
                return fail(first->pos, "iterable unpacking cannot be used in comprehension");
            ExprPtr comp = comprehension(ComprehensionKind::Set, std::move(first), nullptr, pos);
            bracket_depth--;
            if (!comp || !expect_op("}"))
                return nullptr;
            return comp;
        }
        SetExpr set;
        set.elts.push_back(std::move(first));
        while (accept_op(",") && !is_op("}")) {
            ExprPtr next = display_element();
            if (!next)
                return nullptr;
            set.elts.push_back(std::move(next));
        }
        bracket_depth--;
        if (!expect_op("}"))
            return nullptr;
        return make_expr(pos, std::move(set));
    }

    ExprPtr comprehension(ComprehensionKind kind, ExprPtr element, ExprPtr value, SourcePos pos)
    {
        ComprehensionExpr comp;
        comp.kind = kind;
        comp.element = std::move(element);
        comp.value = std::move(value);
        while (at_comprehension()) {
            Comprehension c;
            c.is_async = accept_kw("async");
            advance();
            c.target = target_list();
            if (!c.target || !check_target(*c.target, "assign to", false))
                return nullptr;
            if (!accept_kw("in"))
                return fail_here();
            c.iter = or_test();
            if (!c.iter)
                return nullptr;
            while (accept_kw("if")) {
                ExprPtr condition = or_test();
                if (!condition)
                    return nullptr;
                c.conditions.push_back(std::move(condition));
            }
            comp.generators.push_back(std::move(c));
        }
        return make_expr(pos, std::move(comp));
    }

    // -----------------------------------------------------------------------------------------
    // 5. f-strings
    // -----------------------------------------------------------------------------------------

    // Adjacent bytes literals concatenate; a str literal among them is an error, as in CPython.
    ExprPtr bytes_literals()
    {
        SourcePos pos = tok().pos;
        std::string value;
        while (is(TokenKind::Bytes)) {
            value += tok().value;
            advance();
        }
        if (is(TokenKind::String) || is(TokenKind::FString))
            return fail(pos, "cannot mix bytes and nonbytes literals");
        return make_expr(pos, BytesExpr{std::move(value)});
    }

    // Adjacent string literals concatenate; any f-string among them makes the whole an FString.
    ExprPtr strings()
    {
        SourcePos pos = tok().pos;
        bool any_format = false;
        size_t i = at;
        for (; tokens[i].kind == TokenKind::String || tokens[i].kind == TokenKind::FString; i++)
            any_format = any_format || tokens[i].kind == TokenKind::FString;
        if (tokens[i].kind == TokenKind::Bytes)
            return fail(pos, "cannot mix bytes and nonbytes literals");
        if (!any_format) {
            std::string value;
            while (is(TokenKind::String)) {
                value += tok().value;
                advance();
            }
            return make_expr(pos, StrExpr{std::move(value)});
        }
        FStringExpr fstring;
        while (is(TokenKind::String) || is(TokenKind::FString)) {
            if (is(TokenKind::String)) {
                append_literal(fstring, tok().value, tok().pos);
            } else {
                Token token = tok();
                if (!fstring_body(token.value, token.body_pos, token.raw, fstring, false))
                    return nullptr;
            }
            advance();
        }
        return make_expr(pos, std::move(fstring));
    }

    static void append_literal(FStringExpr& fstring, const std::string& text, SourcePos pos)
    {
        if (text.empty())
            return;
        if (!fstring.parts.empty())
            if (auto* last = std::get_if<StrExpr>(&fstring.parts.back()->node)) {
                last->value += text;
                return;
            }
        fstring.parts.push_back(make_expr(pos, StrExpr{text}));
    }

    // The file position of byte `offset` of an f-string body that starts at `body_pos`.
    static SourcePos offset_pos(std::string_view body, SourcePos body_pos, size_t offset)
    {
        SourcePos pos = body_pos;
        for (size_t i = 0; i < offset && i < body.size(); i++) {
            if (body[i] == '\n') {
                pos.line++;
                pos.col = 0;
            } else {
                pos.col++;
            }
        }
        return pos;
    }

    // Parses an f-string body (or a format spec, `in_spec`) into literal and formatted parts.
    bool fstring_body(std::string_view body, SourcePos body_pos, bool raw, FStringExpr& out, bool in_spec)
    {
        std::string literal;
        SourcePos literal_pos = body_pos;
        auto flush_literal = [&]() -> bool {
            if (literal.empty())
                return true;
            std::string decoded;
            std::string decode_error;
            if (raw)
                decoded = literal;
            else if (!decode_escapes(literal, decoded, decode_error)) {
                fail(literal_pos, decode_error);
                return false;
            }
            append_literal(out, decoded, literal_pos);
            literal.clear();
            return true;
        };
        size_t i = 0;
        while (i < body.size()) {
            char c = body[i];
            if (c == '{' && i + 1 < body.size() && body[i + 1] == '{' && !in_spec) {
                literal += '{';
                i += 2;
                continue;
            }
            if (c == '}' && i + 1 < body.size() && body[i + 1] == '}' && !in_spec) {
                literal += '}';
                i += 2;
                continue;
            }
            if (c == '}') {
                fail(offset_pos(body, body_pos, i), "f-string: single '}' is not allowed");
                return false;
            }
            if (c != '{') {
                if (literal.empty())
                    literal_pos = offset_pos(body, body_pos, i);
                literal += c;
                if (c == '\\' && !raw && i + 1 < body.size()) {
                    literal += body[i + 1];
                    i++;
                }
                i++;
                continue;
            }
            if (!flush_literal())
                return false;
            size_t end = 0;
            if (!replacement_field(body, body_pos, raw, i, end, out))
                return false;
            i = end;
        }
        return flush_literal();
    }

    // One {expression[=][!conversion][:spec]} starting at body[open]; sets `end` past its '}'.
    bool replacement_field(std::string_view body, SourcePos body_pos, bool raw, size_t open, size_t& end, FStringExpr& out)
    {
        SourcePos open_pos = offset_pos(body, body_pos, open);
        size_t i = open + 1;
        int depth = 0;
        char in_quote = 0;
        size_t expression_end = std::string_view::npos;
        bool self_documenting = false;
        for (; i < body.size(); i++) {
            char c = body[i];
            if (in_quote) {
                if (c == in_quote)
                    in_quote = 0;
                continue;
            }
            if (c == '\'' || c == '"') {
                in_quote = c;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
            else if (depth == 0 && (c == '}' || c == ':' || (c == '!' && (i + 1 >= body.size() || body[i + 1] != '=')))) {
                expression_end = i;
                break;
            } else if (depth == 0 && c == '=' && i + 1 < body.size() && (body[i + 1] == '}' || body[i + 1] == '!' || body[i + 1] == ':') &&
                       i > open + 1 && std::string_view("=!<>").find(body[i - 1]) == std::string_view::npos) {
                self_documenting = true;
                expression_end = i;
                break;
            }
        }
        if (expression_end == std::string_view::npos) {
            fail(open_pos, "f-string: expecting '}'");
            return false;
        }
        std::string_view expression_text = body.substr(open + 1, expression_end - open - 1);
        if (expression_text.find_first_not_of(" \t\n") == std::string_view::npos) {
            fail(offset_pos(body, body_pos, expression_end), "f-string: empty expression not allowed");
            return false;
        }
        SourcePos expression_pos = offset_pos(body, body_pos, open + 1);
        ExprPtr value = parse_fragment(expression_text, expression_pos);
        if (!value)
            return false;
        FormattedValueExpr field;
        field.value = std::move(value);
        i = expression_end;
        if (self_documenting) {
            append_literal(out, std::string(body.substr(open + 1, expression_end - open)), open_pos);
            i++;
        }
        if (i < body.size() && body[i] == '!') {
            char conversion = i + 1 < body.size() ? body[i + 1] : 0;
            if (conversion != 's' && conversion != 'r' && conversion != 'a') {
                fail(offset_pos(body, body_pos, i + 1), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
                return false;
            }
            field.conversion = conversion;
            i += 2;
        }
        if (i < body.size() && body[i] == ':') {
            size_t spec_start = i + 1;
            int nesting = 0;
            for (i = spec_start; i < body.size(); i++) {
                if (body[i] == '{') nesting++;
                else if (body[i] == '}') {
                    if (nesting == 0)
                        break;
                    nesting--;
                }
            }
            FStringExpr spec;
            if (!fstring_body(body.substr(spec_start, i - spec_start), offset_pos(body, body_pos, spec_start), raw, spec, true))
                return false;
            field.format_spec = make_expr(offset_pos(body, body_pos, spec_start), std::move(spec));
        } else if (self_documenting && field.conversion == 0) {
            field.conversion = 'r';
        }
        if (i >= body.size() || body[i] != '}') {
            fail(open_pos, "f-string: expecting '}'");
            return false;
        }
        end = i + 1;
        out.parts.push_back(make_expr(open_pos, std::move(field)));
        return true;
    }

    ExprPtr parse_fragment(std::string_view text, SourcePos pos)
    {
        LexResult lexed = tokenize(text, LexMode::Expression, pos);
        if (lexed.error) {
            fail(lexed.error->pos, "f-string: " + lexed.error->message);
            return nullptr;
        }
        Parser inner;
        inner.tokens = std::move(lexed.tokens);
        inner.bracket_depth = 1;
        ExprPtr e = inner.star_expressions();
        if (e && !inner.is(TokenKind::End))
            inner.fail(inner.tok().pos, "f-string: invalid syntax");
        if (inner.error) {
            error = inner.error;
            return nullptr;
        }
        return e;
    }
};

} // namespace

ParseResult parse_module(std::string_view source)
{
    ParseResult result;
    LexResult lexed = tokenize(source);
    if (lexed.error) {
        result.error = lexed.error;
        return result;
    }
    Parser parser;
    parser.tokens = std::move(lexed.tokens);
    auto module = std::make_unique<Module>();
    if (parser.statements_until(TokenKind::End, module->body) && !parser.error)
        result.module = std::move(module);
    result.error = parser.error;
    return result;
}

} // namespace lang
