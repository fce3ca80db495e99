// Compiler. Sections:
//   1. Scopes and the symbol table (which name lives where)
//   2. Code generation: units, labels, constants, names
//   3. Statements (assignment, control flow, try/with, def/class, imports)
//   4. Expressions (operators, calls, displays, comprehensions, f-strings)
//   5. Entry points
#include "lang/compiler.h"
#include "lang/parser.h"
#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <set>

namespace lang {

namespace {

// ---------------------------------------------------------------------------------------------
// 1. Scopes and the symbol table
// ---------------------------------------------------------------------------------------------

// Lambdas and comprehensions are Function scopes; the module's names are all globals.
enum class ScopeKind : uint8_t { Module, Function, Class };

struct Symbol {
    bool param = false;
    bool assigned = false;
    bool used = false;
    bool declared_global = false;
    bool declared_nonlocal = false;
    int order = 0;  // first occurrence: locals keep source order
    SourcePos pos;
};

struct Scope {
    ScopeKind kind = ScopeKind::Module;
    std::string name, qualname;
    int parent = -1;
    SourcePos pos;
    std::vector<std::string> params;  // in local order: positional, keyword-only, *args, **kwargs
    std::map<std::string, Symbol> symbols;
    std::vector<int> children;
    // Decided by analyze():
    std::set<std::string> locals, cells, frees;
    bool needs_class_cell = false;  // a method uses zero-argument super()
    bool is_coroutine = false;      // async def
    bool is_generator = false;      // its body yields
    bool has_annotations = false;   // a class body with `name: annotation`: it fills __annotations__

    Symbol& symbol(const std::string& name, SourcePos where)
    {
        auto [it, inserted] = symbols.try_emplace(name);
        if (inserted) {
            it->second.order = (int)symbols.size();
            it->second.pos = where;
        }
        return it->second;
    }
};

struct SymbolTable {
    std::vector<Scope> scopes;
    std::optional<SourceError> error;
    bool postponed_annotations = false;  // `from __future__ import annotations`: kept as text

    void fail(SourcePos pos, std::string message)
    {
        if (!error)
            error = SourceError{pos, "SyntaxError", std::move(message)};
    }

    int new_scope(ScopeKind kind, const std::string& name, int parent, SourcePos pos)
    {
        Scope scope;
        scope.kind = kind;
        scope.name = name;
        scope.parent = parent;
        scope.pos = pos;
        if (parent < 0 || scopes[(size_t)parent].kind == ScopeKind::Module)
            scope.qualname = name;
        else if (scopes[(size_t)parent].kind == ScopeKind::Class)
            scope.qualname = scopes[(size_t)parent].qualname + "." + name;
        else
            scope.qualname = scopes[(size_t)parent].qualname + ".<locals>." + name;
        scopes.push_back(std::move(scope));
        int index = (int)scopes.size() - 1;
        if (parent >= 0)
            scopes[(size_t)parent].children.push_back(index);
        return index;
    }

    void assign(int s, const std::string& name, SourcePos pos) { scopes[(size_t)s].symbol(name, pos).assigned = true; }
    void use(int s, const std::string& name, SourcePos pos) { scopes[(size_t)s].symbol(name, pos).used = true; }

    void params(const Parameters& p, int outer, int inner)
    {
        for (const Param& param : p.positional)
            if (param.default_value)
                expr(*param.default_value, outer);
        for (const Param& param : p.keyword_only)
            if (param.default_value)
                expr(*param.default_value, outer);
        Scope& scope = scopes[(size_t)inner];
        auto add = [&](const std::string& name, SourcePos pos) {
            scope.params.push_back(name);
            scope.symbol(name, pos).param = true;
        };
        for (const Param& param : p.positional)
            add(param.name, param.pos);
        for (const Param& param : p.keyword_only)
            add(param.name, param.pos);
        if (!p.varargs.empty())
            add(p.varargs, scope.pos);
        if (!p.varkwargs.empty())
            add(p.varkwargs, scope.pos);
    }

    void stmts(StmtList& list, int s)
    {
        for (auto& st : list)
            stmt(*st, s);
    }

    void stmt(Stmt& st, int s)
    {
        Scope& scope = scopes[(size_t)s];
        SourcePos pos = st.pos;
        if (auto* n = std::get_if<ExprStmt>(&st.node)) {
            expr(*n->value, s);
        } else if (auto* n = std::get_if<AssignStmt>(&st.node)) {
            expr(*n->value, s);
            for (ExprPtr& target : n->targets)
                store(*target, s);
        } else if (auto* n = std::get_if<AugAssignStmt>(&st.node)) {
            expr(*n->value, s);
            expr(*n->target, s);
            store(*n->target, s);
        } else if (auto* n = std::get_if<AnnAssignStmt>(&st.node)) {
            if (n->value) {
                expr(*n->value, s);
                store(*n->target, s);
            }
            if (scopes[(size_t)s].kind == ScopeKind::Class && std::holds_alternative<NameExpr>(n->target->node)) {
                scopes[(size_t)s].has_annotations = true;
                if (!postponed_annotations)
                    expr(*n->annotation, s);
            }
        } else if (auto* n = std::get_if<IfStmt>(&st.node)) {
            expr(*n->test, s);
            stmts(n->body, s);
            stmts(n->orelse, s);
        } else if (auto* n = std::get_if<WhileStmt>(&st.node)) {
            expr(*n->test, s);
            stmts(n->body, s);
            stmts(n->orelse, s);
        } else if (auto* n = std::get_if<ForStmt>(&st.node)) {
            if (n->is_async && !scope.is_coroutine)
                return fail(pos, "'async for' outside async function");
            expr(*n->iter, s);
            store(*n->target, s);
            stmts(n->body, s);
            stmts(n->orelse, s);
        } else if (auto* n = std::get_if<ReturnStmt>(&st.node)) {
            if (n->value)
                expr(*n->value, s);
        } else if (auto* n = std::get_if<FunctionDefStmt>(&st.node)) {
            exprs(n->decorators, s);
            assign(s, n->name, pos);
            int inner = new_scope(ScopeKind::Function, n->name, s, pos);
            n->scope = inner;
            scopes[(size_t)inner].is_coroutine = n->is_async;
            params(n->params, s, inner);
            stmts(n->body, inner);
        } else if (auto* n = std::get_if<ClassDefStmt>(&st.node)) {
            exprs(n->decorators, s);
            for (ExprPtr& base : n->bases)
                expr(*base, s);
            for (Keyword& keyword : n->keywords)
                expr(*keyword.value, s);
            assign(s, n->name, pos);
            int inner = new_scope(ScopeKind::Class, n->name, s, pos);
            n->scope = inner;
            stmts(n->body, inner);
        } else if (auto* n = std::get_if<GlobalStmt>(&st.node)) {
            if (scope.kind != ScopeKind::Module)
                for (const std::string& name : n->names)
                    scopes[(size_t)s].symbol(name, pos).declared_global = true;
        } else if (auto* n = std::get_if<NonlocalStmt>(&st.node)) {
            if (scope.kind == ScopeKind::Module)
                return fail(pos, "nonlocal declaration not allowed at module level");
            for (const std::string& name : n->names) {
                Symbol& symbol = scopes[(size_t)s].symbol(name, pos);
                symbol.declared_nonlocal = true;
                symbol.pos = pos;
            }
        } else if (auto* n = std::get_if<AssertStmt>(&st.node)) {
            expr(*n->test, s);
            if (n->message)
                expr(*n->message, s);
        } else if (auto* n = std::get_if<TryStmt>(&st.node)) {
            stmts(n->body, s);
            for (ExceptHandler& handler : n->handlers) {
                if (handler.type)
                    expr(*handler.type, s);
                if (!handler.name.empty())
                    assign(s, handler.name, handler.pos);
                stmts(handler.body, s);
            }
            stmts(n->orelse, s);
            stmts(n->finalbody, s);
        } else if (auto* n = std::get_if<RaiseStmt>(&st.node)) {
            if (n->exception)
                expr(*n->exception, s);
            if (n->cause)
                expr(*n->cause, s);
        } else if (auto* n = std::get_if<WithStmt>(&st.node)) {
            if (n->is_async && !scope.is_coroutine)
                return fail(pos, scope.kind == ScopeKind::Function ? "'async with' outside async function" : "'async with' outside function");
            for (WithItem& item : n->items) {
                expr(*item.context, s);
                if (item.target)
                    store(*item.target, s);
            }
            stmts(n->body, s);
        } else if (auto* n = std::get_if<ImportStmt>(&st.node)) {
            for (const ImportAlias& alias : n->names)
                assign(s, alias.asname.empty() ? alias.name.substr(0, alias.name.find('.')) : alias.asname, alias.pos);
        } else if (auto* n = std::get_if<ImportFromStmt>(&st.node)) {
            for (const ImportAlias& alias : n->names) {
                if (alias.name == "*") {
                    if (scope.kind != ScopeKind::Module)
                        return fail(alias.pos, "import * only allowed at module level");
                    continue;
                }
                assign(s, alias.asname.empty() ? alias.name : alias.asname, alias.pos);
                if (n->module == "__future__" && alias.name == "annotations")
                    postponed_annotations = true;
            }
        } else if (auto* n = std::get_if<DeleteStmt>(&st.node)) {
            for (ExprPtr& target : n->targets)
                store(*target, s);
        } else if (auto* n = std::get_if<MatchStmt>(&st.node)) {
            expr(*n->subject, s);
            for (MatchCase& c : n->cases) {
                pattern(*c.pattern, s);
                if (c.guard)
                    expr(*c.guard, s);
                stmts(c.body, s);
            }
        }
    }

    // A pattern's captures are assignments; its values and classes are uses.
    void pattern(Pattern& p, int s)
    {
        if (auto* n = std::get_if<MatchValue>(&p.node)) {
            expr(*n->value, s);
        } else if (auto* n = std::get_if<MatchSequence>(&p.node)) {
            for (PatternPtr& element : n->patterns)
                pattern(*element, s);
        } else if (auto* n = std::get_if<MatchStar>(&p.node)) {
            if (!n->name.empty())
                assign(s, n->name, p.pos);
        } else if (auto* n = std::get_if<MatchMapping>(&p.node)) {
            exprs(n->keys, s);
            for (PatternPtr& value : n->patterns)
                pattern(*value, s);
            if (!n->rest.empty())
                assign(s, n->rest, p.pos);
        } else if (auto* n = std::get_if<MatchClass>(&p.node)) {
            expr(*n->cls, s);
            for (PatternPtr& element : n->patterns)
                pattern(*element, s);
            for (PatternPtr& element : n->kwd_patterns)
                pattern(*element, s);
        } else if (auto* n = std::get_if<MatchAs>(&p.node)) {
            if (n->pattern)
                pattern(*n->pattern, s);
            if (!n->name.empty())
                assign(s, n->name, p.pos);
        } else if (auto* n = std::get_if<MatchOr>(&p.node)) {
            for (PatternPtr& alternative : n->patterns)
                pattern(*alternative, s);
        }
    }

    // A binding target: names become assigned in the scope, the rest is evaluated.
    void store(Expr& e, int s)
    {
        if (auto* n = std::get_if<NameExpr>(&e.node)) {
            assign(s, n->id, e.pos);
        } else if (auto* n = std::get_if<TupleExpr>(&e.node)) {
            for (ExprPtr& element : n->elts)
                store(*element, s);
        } else if (auto* n = std::get_if<ListExpr>(&e.node)) {
            for (ExprPtr& element : n->elts)
                store(*element, s);
        } else if (auto* n = std::get_if<StarredExpr>(&e.node)) {
            store(*n->value, s);
        } else {
            expr(e, s);
        }
    }

    void exprs(ExprList& list, int s)
    {
        for (ExprPtr& e : list)
            if (e)
                expr(*e, s);
    }

    void expr(Expr& e, int s)
    {
        std::visit([&](auto& n) { expr_node(n, e.pos, s); }, e.node);
    }

    void expr_node(NameExpr& n, SourcePos pos, int s)
    {
        use(s, n.id, pos);
        // Zero-argument super() reads the class through the implicit __class__ cell.
        if (n.id == "super" && scopes[(size_t)s].kind == ScopeKind::Function)
            use(s, "__class__", pos);
    }
    void expr_node(IntExpr&, SourcePos, int) {}
    void expr_node(FloatExpr&, SourcePos, int) {}
    void expr_node(StrExpr&, SourcePos, int) {}
    void expr_node(BytesExpr&, SourcePos, int) {}
    void expr_node(BoolExpr&, SourcePos, int) {}
    void expr_node(NoneExpr&, SourcePos, int) {}
    void expr_node(FStringExpr& n, SourcePos, int s) { exprs(n.parts, s); }
    void expr_node(FormattedValueExpr& n, SourcePos, int s)
    {
        expr(*n.value, s);
        if (n.format_spec)
            expr(*n.format_spec, s);
    }
    void expr_node(BinOpExpr& n, SourcePos, int s)
    {
        expr(*n.left, s);
        expr(*n.right, s);
    }
    void expr_node(UnaryOpExpr& n, SourcePos, int s) { expr(*n.operand, s); }
    void expr_node(BoolOpExpr& n, SourcePos, int s) { exprs(n.values, s); }
    void expr_node(CompareExpr& n, SourcePos, int s)
    {
        expr(*n.left, s);
        exprs(n.comparators, s);
    }
    void expr_node(CallExpr& n, SourcePos, int s)
    {
        expr(*n.func, s);
        exprs(n.args, s);
        for (Keyword& k : n.keywords)
            expr(*k.value, s);
    }
    void expr_node(AttributeExpr& n, SourcePos, int s) { expr(*n.value, s); }
    void expr_node(SubscriptExpr& n, SourcePos, int s)
    {
        expr(*n.value, s);
        expr(*n.index, s);
    }
    void expr_node(SliceExpr& n, SourcePos, int s)
    {
        for (ExprPtr* part : {&n.lower, &n.upper, &n.step})
            if (*part)
                expr(**part, s);
    }
    void expr_node(ListExpr& n, SourcePos, int s) { exprs(n.elts, s); }
    void expr_node(TupleExpr& n, SourcePos, int s) { exprs(n.elts, s); }
    void expr_node(DictExpr& n, SourcePos, int s)
    {
        exprs(n.keys, s);
        exprs(n.values, s);
    }
    void expr_node(SetExpr& n, SourcePos, int s) { exprs(n.elts, s); }
    void expr_node(ComprehensionExpr& n, SourcePos pos, int s)
    {
        static const char* const kNames[] = {"<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>"};
        expr(*n.generators[0].iter, s);
        int inner = new_scope(ScopeKind::Function, kNames[(int)n.kind], s, pos);
        n.scope = inner;
        scopes[(size_t)inner].params.push_back(".0");
        scopes[(size_t)inner].symbol(".0", pos).param = true;
        for (size_t i = 0; i < n.generators.size(); i++) {
            Comprehension& c = n.generators[i];
            if (i > 0)
                expr(*c.iter, inner);
            store(*c.target, inner);
            exprs(c.conditions, inner);
            if (c.is_async)
                scopes[(size_t)inner].is_coroutine = true;
        }
        expr(*n.element, inner);
        if (n.value)
            expr(*n.value, inner);
        // An asynchronous comprehension is a coroutine its scope awaits (a generator expression
        // is an async generator instead, which needs no await where it is made).
        Scope& outer = scopes[(size_t)s];
        if (scopes[(size_t)inner].is_coroutine && n.kind != ComprehensionKind::Generator) {
            if (comprehension_description(outer))
                outer.is_coroutine = true;
            else if (!outer.is_coroutine)
                fail(pos, "asynchronous comprehension outside of an asynchronous function");
        }
    }
    void expr_node(LambdaExpr& n, SourcePos pos, int s)
    {
        int inner = new_scope(ScopeKind::Function, "<lambda>", s, pos);
        n.scope = inner;
        params(*n.params, s, inner);
        expr(*n.body, inner);
    }
    void expr_node(IfExpr& n, SourcePos, int s)
    {
        expr(*n.test, s);
        expr(*n.body, s);
        expr(*n.orelse, s);
    }
    void expr_node(StarredExpr& n, SourcePos, int s) { expr(*n.value, s); }
    // `name := value` binds in the scope around any comprehensions it is in (PEP 572): they
    // reach the name as a free variable (or a global at module level).
    void expr_node(NamedExpr& n, SourcePos pos, int s)
    {
        expr(*n.value, s);
        int target = s;
        while (comprehension_description(scopes[(size_t)target])) {
            auto it = scopes[(size_t)target].symbols.find(n.target);
            if (it != scopes[(size_t)target].symbols.end() && it->second.assigned)
                return fail(pos, "assignment expression cannot rebind comprehension iteration variable '" + n.target + "'");
            target = scopes[(size_t)target].parent;
        }
        if (target != s && scopes[(size_t)target].kind == ScopeKind::Class)
            return fail(pos, "assignment expression within a comprehension cannot be used in a class body");
        for (int inner = s; inner != target; inner = scopes[(size_t)inner].parent) {
            Symbol& symbol = scopes[(size_t)inner].symbol(n.target, pos);
            symbol.used = true;
            if (scopes[(size_t)target].kind == ScopeKind::Module)
                symbol.declared_global = true;
            else
                symbol.declared_nonlocal = true;
        }
        assign(target, n.target, pos);
    }
    void expr_node(YieldExpr& n, SourcePos pos, int s)
    {
        if (n.value)
            expr(*n.value, s);
        mark_generator(pos, s, "'yield'");
    }
    void expr_node(YieldFromExpr& n, SourcePos pos, int s)
    {
        expr(*n.value, s);
        if (scopes[(size_t)s].is_coroutine)
            return fail(pos, "'yield from' inside async function");
        mark_generator(pos, s, "'yield'");
    }
    void expr_node(AwaitExpr& n, SourcePos pos, int s)
    {
        expr(*n.value, s);
        const Scope& scope = scopes[(size_t)s];
        if (scope.kind != ScopeKind::Function)
            return fail(pos, "'await' outside function");
        // Inside a comprehension it makes the comprehension asynchronous.
        if (comprehension_description(scope)) {
            scopes[(size_t)s].is_coroutine = true;
            return;
        }
        if (!scope.is_coroutine)
            fail(pos, "'await' outside async function");
    }

    // What a comprehension scope is called in messages, or null for other scopes.
    static const char* comprehension_description(const Scope& scope)
    {
        static const std::pair<const char*, const char*> kNames[] = {
            {"<listcomp>", "list comprehension"}, {"<dictcomp>", "dict comprehension"},
            {"<setcomp>", "set comprehension"}, {"<genexpr>", "generator expression"},
        };
        for (const auto& [name, description] : kNames)
            if (scope.name == name)
                return description;
        return nullptr;
    }

    void mark_generator(SourcePos pos, int s, const char* keyword)
    {
        Scope& scope = scopes[(size_t)s];
        if (scope.kind != ScopeKind::Function)
            return fail(pos, std::string(keyword) + " outside function");
        if (const char* comprehension = comprehension_description(scope))
            return fail(pos, std::string(keyword) + " inside " + comprehension);
        scope.is_generator = true;  // with is_coroutine: an async generator
    }

    // Decides locals, cells and free variables, innermost scopes first. `bound_above` holds the
    // names that enclosing function scopes bind (class scopes bind only __class__ for their
    // methods). Returns the scope's free variables, which its parent must provide.
    std::set<std::string> analyze(int index, const std::set<std::string>& bound_above)
    {
        Scope& scope = scopes[(size_t)index];
        if (scope.kind != ScopeKind::Module)
            for (const auto& [name, symbol] : scope.symbols)
                if (!symbol.declared_global && !symbol.declared_nonlocal && (symbol.param || symbol.assigned))
                    scope.locals.insert(name);
        std::set<std::string> bound_below;
        if (scope.kind == ScopeKind::Function) {
            bound_below = bound_above;
            bound_below.insert(scope.locals.begin(), scope.locals.end());
        } else if (scope.kind == ScopeKind::Class) {
            bound_below = bound_above;
            bound_below.insert("__class__");
        }
        std::set<std::string> child_free;
        for (int child : std::vector<int>(scope.children)) {
            std::set<std::string> free = analyze(child, bound_below);
            child_free.insert(free.begin(), free.end());
        }
        Scope& self = scopes[(size_t)index];
        if (self.kind == ScopeKind::Module)
            return {};
        for (const auto& [name, symbol] : self.symbols) {
            if (symbol.declared_nonlocal) {
                if (!bound_above.count(name))
                    fail(symbol.pos, "no binding for nonlocal '" + name + "' found");
                self.frees.insert(name);
            } else if (!symbol.declared_global && !self.locals.count(name) && symbol.used && bound_above.count(name)) {
                self.frees.insert(name);
            }
        }
        for (const std::string& name : child_free) {
            if (self.kind == ScopeKind::Function && self.locals.count(name))
                self.cells.insert(name);
            else if (self.kind == ScopeKind::Class && name == "__class__")
                self.needs_class_cell = true;
            else
                self.frees.insert(name);
        }
        return self.frees;
    }
};

// ---------------------------------------------------------------------------------------------
// 2. Code generation: units, labels, constants, names
// ---------------------------------------------------------------------------------------------

// What a `return`, `break` or `continue` must clean up on its way out, innermost last.
struct FrameBlock {
    enum class Kind : uint8_t {
        Loop,            // break/continue targets; a `for` loop keeps its iterator on the stack
        TryExcept,       // the body of try/except: its handler block must be popped
        TryFinally,      // the finally body runs inline before leaving
        ExceptBody,      // inside `except ...:`: leave with POP_EXCEPT
        FinallyOnError,  // inside the finally body of the exception path: exception on the stack
        With,            // call __exit__(None, None, None) (and await it in `async with`)
    };
    Kind kind;
    int break_label = -1;
    int continue_label = -1;
    bool is_for = false;
    const StmtList* finally_body = nullptr;
    int exit_local = -1;
    bool is_async = false;  // With: `async with`
};

struct Unit {
    CodeObject* code = nullptr;
    int code_index = 0;  // in CompiledModule::codes
    int scope = -1;
    std::vector<int> labels;  // label -> instruction index
    std::vector<FrameBlock> blocks;
    std::map<std::string, int> name_index;
    int hidden_locals = 0;
};

enum class Access : uint8_t { Fast, Deref, Global, Name };

struct Resolved {
    Access access;
    int index;
};

struct CodeGenerator {
    SymbolTable& table;
    std::string filename;
    std::unique_ptr<CompiledModule> module = std::make_unique<CompiledModule>();
    std::vector<Unit> units;
    SourcePos pos{1, 0};
    std::optional<SourceError> error;

    explicit CodeGenerator(SymbolTable& t, std::string_view file) : table(t), filename(file) {}

    Unit& unit() { return units.back(); }
    CodeObject& code() { return *units.back().code; }
    Scope& scope() { return table.scopes[(size_t)units.back().scope]; }

    void fail(SourcePos where, std::string message)
    {
        if (!error)
            error = SourceError{where, "SyntaxError", std::move(message)};
    }

    // Sets the position that emitted instructions carry, restoring it when the node is done.
    struct PositionScope {
        CodeGenerator& generator;
        SourcePos saved;
        PositionScope(CodeGenerator& g, SourcePos p) : generator(g), saved(g.pos) { g.pos = p; }
        ~PositionScope() { generator.pos = saved; }
    };

    void emit(Op op, int32_t arg = 0)
    {
        code().code.push_back({op, arg});
        code().positions.push_back(pos);
    }
    int new_label()
    {
        unit().labels.push_back(-1);
        return (int)unit().labels.size() - 1;
    }
    void bind(int label) { unit().labels[(size_t)label] = (int)code().code.size(); }
    // Whether running may reach the end of the code so far: past its last instruction unless that
    // is a return, or by a jump to a label bound there (`if x: return 1` jumps past its return
    // when x is false).
    bool end_reachable()
    {
        const std::vector<Instruction>& c = code().code;
        if (c.empty() || c.back().op != Op::ReturnValue)
            return true;
        for (const Instruction& in : c)
            if (op_arg_kind(in.op) == OpArg::Jump && unit().labels[(size_t)in.arg] == (int)c.size())
                return true;
        return false;
    }

    int constant(const Constant& c)
    {
        std::vector<Constant>& constants = code().constants;
        if (c.kind != Constant::Kind::Tuple && c.kind != Constant::Kind::Code) {
            for (size_t i = 0; i < constants.size(); i++) {
                const Constant& other = constants[i];
                if (other.kind != c.kind)
                    continue;
                bool same = c.kind == Constant::Kind::Float ? std::memcmp(&other.float_value, &c.float_value, sizeof(double)) == 0
                                                            : other.int_value == c.int_value && other.str_value == c.str_value;
                if (same)
                    return (int)i;
            }
        }
        constants.push_back(c);
        return (int)constants.size() - 1;
    }
    void load_const(const Constant& c) { emit(Op::LoadConst, constant(c)); }
    void load_none() { load_const(Constant{}); }
    void load_str(const std::string& text)
    {
        Constant c;
        c.kind = Constant::Kind::Str;
        c.str_value = text;
        load_const(c);
    }

    int name(const std::string& text)
    {
        auto [it, inserted] = unit().name_index.try_emplace(text, (int)code().names.size());
        if (inserted)
            code().names.push_back(text);
        return it->second;
    }

    int local_index(const std::string& text) const
    {
        const std::vector<std::string>& locals = units.back().code->local_names;
        for (size_t i = 0; i < locals.size(); i++)
            if (locals[i] == text)
                return (int)i;
        return -1;
    }
    int cell_index(const std::string& text) const
    {
        const CodeObject& c = *units.back().code;
        for (size_t i = 0; i < c.cell_names.size(); i++)
            if (c.cell_names[i] == text)
                return (int)i;
        for (size_t i = 0; i < c.free_names.size(); i++)
            if (c.free_names[i] == text)
                return (int)(c.cell_names.size() + i);
        return -1;
    }

    Resolved resolve(const std::string& text)
    {
        const Scope& s = scope();
        switch (s.kind) {
        case ScopeKind::Module:
            return {Access::Global, name(text)};
        case ScopeKind::Class: {
            auto it = s.symbols.find(text);
            bool declared_global = it != s.symbols.end() && it->second.declared_global;
            if (s.frees.count(text) && !s.locals.count(text))
                return {Access::Deref, cell_index(text)};
            return {declared_global ? Access::Global : Access::Name, name(text)};
        }
        case ScopeKind::Function:
            if (s.cells.count(text) || s.frees.count(text))
                return {Access::Deref, cell_index(text)};
            if (s.locals.count(text))
                return {Access::Fast, local_index(text)};
            return {Access::Global, name(text)};
        }
        return {Access::Global, name(text)};
    }

    void load_name(const std::string& text)
    {
        Resolved r = resolve(text);
        static constexpr Op kOps[] = {Op::LoadFast, Op::LoadDeref, Op::LoadGlobal, Op::LoadName};
        emit(kOps[(int)r.access], r.index);
    }
    void store_name(const std::string& text)
    {
        Resolved r = resolve(text);
        static constexpr Op kOps[] = {Op::StoreFast, Op::StoreDeref, Op::StoreGlobal, Op::StoreName};
        emit(kOps[(int)r.access], r.index);
    }
    void delete_name(const std::string& text)
    {
        Resolved r = resolve(text);
        static constexpr Op kOps[] = {Op::DeleteFast, Op::DeleteDeref, Op::DeleteGlobal, Op::DeleteName};
        emit(kOps[(int)r.access], r.index);
    }

    // A fast local no Python name can reach (the __exit__ of a `with`).
    int hidden_local(const char* prefix)
    {
        code().local_names.push_back(std::string(prefix) + std::to_string(unit().hidden_locals++));
        return (int)code().local_names.size() - 1;
    }

    // Starts the code object of scope `s`: its locals, cells and free variables.
    void begin_unit(int s, CodeKind kind, const std::string& code_name, int first_line)
    {
        const Scope& sc = table.scopes[(size_t)s];
        module->codes.push_back(std::make_unique<CodeObject>());
        CodeObject* c = module->codes.back().get();
        c->kind = kind;
        c->name = code_name;
        c->qualname = s == 0 ? code_name : sc.qualname;
        c->filename = filename;
        c->first_line = first_line;
        c->generator = sc.is_generator;
        c->coroutine = sc.is_coroutine;
        if (sc.kind == ScopeKind::Function) {
            c->local_names = sc.params;
            std::vector<std::pair<int, std::string>> others;
            for (const std::string& local : sc.locals)
                if (!sc.cells.count(local) && std::find(sc.params.begin(), sc.params.end(), local) == sc.params.end())
                    others.push_back({sc.symbols.at(local).order, local});
            std::sort(others.begin(), others.end());
            for (const auto& [order, local] : others)
                c->local_names.push_back(local);
            std::vector<std::pair<int, std::string>> cells;
            for (const std::string& cell : sc.cells)
                cells.push_back({sc.symbols.at(cell).order, cell});
            std::sort(cells.begin(), cells.end());
            for (const auto& [order, cell] : cells) {
                c->cell_names.push_back(cell);
                auto param = std::find(sc.params.begin(), sc.params.end(), cell);
                c->cell_from_param.push_back(param == sc.params.end() ? -1 : (int)(param - sc.params.begin()));
            }
        } else if (sc.kind == ScopeKind::Class) {
            c->local_names.push_back(".namespace");
            if (sc.needs_class_cell) {
                c->cell_names.push_back("__class__");
                c->cell_from_param.push_back(-1);
            }
        }
        c->free_names.assign(sc.frees.begin(), sc.frees.end());
        Unit u;
        u.code = c;
        u.code_index = (int)module->codes.size() - 1;
        u.scope = s;
        units.push_back(std::move(u));
    }

    // Resolves jumps and computes the deepest stack the code can reach.
    int end_unit()
    {
        CodeObject& c = code();
        for (Instruction& in : c.code)
            if (op_arg_kind(in.op) == OpArg::Jump)
                in.arg = unit().labels[(size_t)in.arg];
        std::vector<int> depth(c.code.size() + 1, -1);
        std::vector<size_t> work{0};
        depth[0] = 0;
        int deepest = 0;
        while (!work.empty()) {
            size_t i = work.back();
            work.pop_back();
            if (i >= c.code.size())
                continue;
            const Instruction& in = c.code[i];
            int d = depth[i];
            auto visit = [&](size_t target, int new_depth) {
                deepest = std::max(deepest, new_depth);
                if (target < depth.size() && depth[target] < 0) {
                    depth[target] = new_depth;
                    work.push_back(target);
                }
            };
            bool ends = in.op == Op::Jump || in.op == Op::ReturnValue || in.op == Op::Raise || in.op == Op::Reraise;
            if (op_arg_kind(in.op) == OpArg::Jump)
                visit((size_t)in.arg, d + stack_effect(in.op, in.arg, true));
            if (!ends)
                visit(i + 1, d + stack_effect(in.op, in.arg, false));
        }
        c.max_stack = deepest;
        int index = unit().code_index;
        units.pop_back();
        return index;
    }

    // ---------------------------------------------------------------------------------------------
    // 3. Statements
    // ---------------------------------------------------------------------------------------------

    void body(const StmtList& list)
    {
        for (const auto& s : list)
            stmt(*s);
    }

    // A body's leading string literal, its docstring, or null.
    static const StrExpr* docstring(const StmtList& list)
    {
        if (!list.empty())
            if (auto* e = std::get_if<ExprStmt>(&list[0]->node))
                return std::get_if<StrExpr>(&e->value->node);
        return nullptr;
    }

    // A docstring is kept out of the bytecode: a function's goes into its code (__doc__), a
    // class's or a module's is stored as __doc__ in its namespace, as CPython does.
    void body_skipping_docstring(const StmtList& list)
    {
        const StrExpr* doc = docstring(list);
        if (doc && code().kind == CodeKind::Function)
            code().docstring = doc->value;
        else if (doc) {
            PositionScope at(*this, list[0]->pos);
            load_str(doc->value);
            store_name("__doc__");
        }
        for (size_t i = doc ? 1 : 0; i < list.size(); i++)
            stmt(*list[i]);
    }

    void stmt(const Stmt& s)
    {
        PositionScope at(*this, s.pos);
        std::visit([&](const auto& n) { stmt_node(n); }, s.node);
    }

    void stmt_node(const ExprStmt& n)
    {
        expr(*n.value);
        emit(Op::PopTop);
    }

    void stmt_node(const AssignStmt& n)
    {
        expr(*n.value);
        for (size_t i = 0; i < n.targets.size(); i++) {
            if (i + 1 < n.targets.size())
                emit(Op::DupTop);
            store(*n.targets[i]);
        }
    }

    void stmt_node(const AugAssignStmt& n)
    {
        int32_t op = (int32_t)n.op | kInPlace;
        const Expr& target = *n.target;
        if (auto* name_expr = std::get_if<NameExpr>(&target.node)) {
            load_name(name_expr->id);
            expr(*n.value);
            emit(Op::BinaryOp, op);
            store_name(name_expr->id);
        } else if (auto* attr = std::get_if<AttributeExpr>(&target.node)) {
            expr(*attr->value);
            emit(Op::DupTop);
            emit(Op::LoadAttr, name(attr->attr));
            expr(*n.value);
            emit(Op::BinaryOp, op);
            emit(Op::RotTwo);
            emit(Op::StoreAttr, name(attr->attr));
        } else if (auto* sub = std::get_if<SubscriptExpr>(&target.node)) {
            expr(*sub->value);
            expr(*sub->index);
            emit(Op::DupTopTwo);
            emit(Op::BinarySubscr);
            expr(*n.value);
            emit(Op::BinaryOp, op);
            emit(Op::RotThree);
            emit(Op::StoreSubscr);
        }
    }

    // In a class body, `name: annotation` also evaluates the annotation into __annotations__
    // (what dataclasses read), as CPython does; elsewhere the annotation is not evaluated.
    void stmt_node(const AnnAssignStmt& n)
    {
        if (n.value) {
            expr(*n.value);
            store(*n.target);
        }
        auto* target = std::get_if<NameExpr>(&n.target->node);
        if (scope().kind != ScopeKind::Class || !target)
            return;
        if (table.postponed_annotations)
            load_str(annotation_text(*n.annotation));
        else
            expr(*n.annotation);
        load_name("__annotations__");
        load_str(target->id);
        emit(Op::StoreSubscr);
    }

    // An annotation as `from __future__ import annotations` keeps it: its source text, for the
    // forms annotations take (names, dotted names, subscripts, unions, strings, None).
    static std::string annotation_text(const Expr& e)
    {
        auto joined = [](const ExprList& items) {
            std::string text;
            for (const ExprPtr& item : items)
                text += (text.empty() ? "" : ", ") + annotation_text(*item);
            return text;
        };
        if (auto* n = std::get_if<NameExpr>(&e.node))
            return n->id;
        if (auto* n = std::get_if<AttributeExpr>(&e.node))
            return annotation_text(*n->value) + "." + n->attr;
        if (auto* n = std::get_if<SubscriptExpr>(&e.node)) {
            auto* tuple = std::get_if<TupleExpr>(&n->index->node);
            return annotation_text(*n->value) + "[" + (tuple ? joined(tuple->elts) : annotation_text(*n->index)) + "]";
        }
        if (auto* n = std::get_if<TupleExpr>(&e.node))
            return "(" + joined(n->elts) + ")";
        if (auto* n = std::get_if<ListExpr>(&e.node))
            return "[" + joined(n->elts) + "]";
        if (auto* n = std::get_if<BinOpExpr>(&e.node); n && n->op == BinaryOp::BitOr)
            return annotation_text(*n->left) + " | " + annotation_text(*n->right);
        if (auto* n = std::get_if<StrExpr>(&e.node))
            return "'" + n->value + "'";
        if (auto* n = std::get_if<IntExpr>(&e.node))
            return n->big_digits.empty() ? std::to_string(n->value) : n->big_digits;
        if (std::holds_alternative<NoneExpr>(e.node))
            return "None";
        return "...";
    }

    // Stores TOS into a target (consuming it).
    void store(const Expr& target)
    {
        PositionScope at(*this, target.pos);
        if (auto* n = std::get_if<NameExpr>(&target.node)) {
            store_name(n->id);
        } else if (auto* n = std::get_if<AttributeExpr>(&target.node)) {
            expr(*n->value);
            emit(Op::StoreAttr, name(n->attr));
        } else if (auto* n = std::get_if<SubscriptExpr>(&target.node)) {
            expr(*n->value);
            expr(*n->index);
            emit(Op::StoreSubscr);
        } else if (auto* n = std::get_if<TupleExpr>(&target.node)) {
            unpack_into(n->elts);
        } else if (auto* n = std::get_if<ListExpr>(&target.node)) {
            unpack_into(n->elts);
        }
    }
    void unpack_into(const ExprList& targets)
    {
        for (size_t i = 0; i < targets.size(); i++)
            if (std::holds_alternative<StarredExpr>(targets[i]->node)) {
                emit(Op::UnpackEx, (int32_t)i | (int32_t)((targets.size() - i - 1) << 8));
                for (const ExprPtr& element : targets)
                    if (auto* star = std::get_if<StarredExpr>(&element->node))
                        store(*star->value);
                    else
                        store(*element);
                return;
            }
        emit(Op::UnpackSequence, (int32_t)targets.size());
        for (const ExprPtr& element : targets)
            store(*element);
    }

    // Jumps to `false_label` when the condition is false (`true_label` for the inverse).
    void branch(const Expr& test, int label, bool jump_if)
    {
        if (auto* n = std::get_if<UnaryOpExpr>(&test.node); n && n->op == UnaryOp::Not) {
            branch(*n->operand, label, !jump_if);
            return;
        }
        expr(test);
        emit(jump_if ? Op::PopJumpIfTrue : Op::PopJumpIfFalse, label);
    }

    static bool is_constant_true(const Expr& e)
    {
        if (auto* b = std::get_if<BoolExpr>(&e.node))
            return b->value;
        if (auto* i = std::get_if<IntExpr>(&e.node))
            return i->value != 0 || !i->big_digits.empty();
        return false;
    }

    void stmt_node(const IfStmt& n)
    {
        int else_label = new_label();
        int end = new_label();
        branch(*n.test, else_label, false);
        body(n.body);
        if (!n.orelse.empty())
            emit(Op::Jump, end);
        bind(else_label);
        body(n.orelse);
        bind(end);
    }

    void stmt_node(const WhileStmt& n)
    {
        int top = new_label(), else_label = new_label(), end = new_label();
        bind(top);
        if (!is_constant_true(*n.test))
            branch(*n.test, else_label, false);
        unit().blocks.push_back({FrameBlock::Kind::Loop, end, top});
        body(n.body);
        unit().blocks.pop_back();
        emit(Op::Jump, top);
        bind(else_label);
        body(n.orelse);
        bind(end);
    }

    void stmt_node(const ForStmt& n)
    {
        int top = new_label(), else_label = new_label(), end = new_label();
        expr(*n.iter);
        emit(n.is_async ? Op::GetAIter : Op::GetIter);
        bind(top);
        next_item(n.is_async, else_label);
        store(*n.target);
        FrameBlock loop{FrameBlock::Kind::Loop, end, top};
        loop.is_for = true;
        unit().blocks.push_back(loop);
        body(n.body);
        unit().blocks.pop_back();
        emit(Op::Jump, top);
        bind(else_label);
        body(n.orelse);
        bind(end);
    }

    // The head of a loop over the iterator on the stack: pushes its next item, or pops it and
    // jumps to `exhausted`. `async for` awaits __anext__() until it raises StopAsyncIteration.
    void next_item(bool is_async, int exhausted)
    {
        if (!is_async) {
            emit(Op::ForIter, exhausted);
            return;
        }
        int stopped = new_label(), got = new_label();
        emit(Op::SetupFinally, stopped);
        emit(Op::GetANext);
        await_top(true);
        emit(Op::PopBlock);
        emit(Op::Jump, got);
        bind(stopped);
        emit(Op::EndAsyncFor);
        emit(Op::Jump, exhausted);
        bind(got);
    }

    // Emits the cleanup of one frame block on the way out of it (by return/break/continue).
    void unwind_block(const FrameBlock& block, bool preserve_tos)
    {
        switch (block.kind) {
        case FrameBlock::Kind::Loop:
            if (block.is_for) {
                if (preserve_tos)
                    emit(Op::RotTwo);
                emit(Op::PopTop);
            }
            break;
        case FrameBlock::Kind::TryExcept:
            emit(Op::PopBlock);
            break;
        case FrameBlock::Kind::TryFinally:
            emit(Op::PopBlock);
            body(*block.finally_body);
            break;
        case FrameBlock::Kind::ExceptBody:
            emit(Op::PopExcept);
            break;
        case FrameBlock::Kind::FinallyOnError:
            if (preserve_tos)
                emit(Op::RotTwo);
            emit(Op::PopTop);
            emit(Op::PopExcept);
            break;
        case FrameBlock::Kind::With:
            emit(Op::PopBlock);
            call_exit_with_nones(block.exit_local, block.is_async);
            break;
        }
    }

    void call_exit_with_nones(int exit_local, bool is_async)
    {
        emit(Op::LoadFast, exit_local);
        emit(Op::PushNull);
        load_none();
        load_none();
        load_none();
        emit(Op::Call, 3);
        if (is_async)
            await_top();
        emit(Op::PopTop);
    }

    // Leaves every frame block up to the loop (break/continue) or all of them (return). Each
    // block's cleanup is compiled with the blocks outside it, so a `return` in a finally body
    // does not run that finally again.
    void unwind_to_loop_or_function(bool to_loop, bool preserve_tos, bool is_break)
    {
        std::vector<FrameBlock> saved = unit().blocks;
        while (!unit().blocks.empty()) {
            FrameBlock block = unit().blocks.back();
            if (to_loop && block.kind == FrameBlock::Kind::Loop) {
                if (is_break)
                    unwind_block(block, false);
                emit(Op::Jump, is_break ? block.break_label : block.continue_label);
                unit().blocks = saved;
                return;
            }
            unit().blocks.pop_back();
            unwind_block(block, preserve_tos);
        }
        unit().blocks = saved;
    }

    bool inside_loop() const
    {
        for (const FrameBlock& block : units.back().blocks)
            if (block.kind == FrameBlock::Kind::Loop)
                return true;
        return false;
    }

    void stmt_node(const BreakStmt&)
    {
        if (!inside_loop())
            return fail(pos, "'break' outside loop");
        unwind_to_loop_or_function(true, false, true);
    }

    void stmt_node(const ContinueStmt&)
    {
        if (!inside_loop())
            return fail(pos, "'continue' not properly in loop");
        unwind_to_loop_or_function(true, false, false);
    }

    void stmt_node(const PassStmt&) {}

    void stmt_node(const ReturnStmt& n)
    {
        if (scope().kind != ScopeKind::Function)
            return fail(pos, "'return' outside function");
        if (n.value && code().generator && code().coroutine)
            return fail(pos, "'return' with value in async generator");
        if (n.value)
            expr(*n.value);
        else
            load_none();
        unwind_to_loop_or_function(false, true, false);
        emit(Op::ReturnValue);
    }

    // Pushes the function object for scope `s` whose code is `code_index`: defaults, then the
    // closure cells it captures from this scope, then MAKE_FUNCTION.
    void make_function(int s, int code_index, const Parameters* params)
    {
        int32_t flags = 0;
        if (params) {
            bool any_default = false;
            for (const Param& p : params->positional)
                any_default = any_default || p.default_value;
            if (any_default) {
                int count = 0;
                for (const Param& p : params->positional)
                    if (p.default_value) {
                        expr(*p.default_value);
                        count++;
                    }
                emit(Op::BuildTuple, count);
                flags |= kMakeDefaults;
            }
            bool any_kw_default = false;
            for (const Param& p : params->keyword_only)
                any_kw_default = any_kw_default || p.default_value;
            if (any_kw_default) {
                int count = 0;
                for (const Param& p : params->keyword_only)
                    if (p.default_value) {
                        load_str(p.name);
                        expr(*p.default_value);
                        count++;
                    }
                emit(Op::BuildMap, count);
                flags |= kMakeKwDefaults;
            }
        }
        const Scope& inner = table.scopes[(size_t)s];
        if (!inner.frees.empty()) {
            for (const std::string& free : inner.frees)
                emit(Op::LoadClosure, cell_index(free));
            emit(Op::BuildTuple, (int32_t)inner.frees.size());
            flags |= kMakeClosure;
        }
        Constant c;
        c.kind = Constant::Kind::Code;
        c.int_value = code_index;
        load_const(c);
        emit(Op::MakeFunction, flags);
    }

    // The `return None` at the end of a body belongs to its last statement's line (where a code
    // view's marker should stay while it runs).
    void implicit_return(const StmtList& body)
    {
        PositionScope at(*this, body.empty() ? pos : body.back()->pos);
        load_none();
        emit(Op::ReturnValue);
    }

    static void count_params(CodeObject& c, const Parameters& p)
    {
        c.positional_count = (int)p.positional.size();
        c.positional_only_count = (int)p.positional_only;
        c.keyword_only_count = (int)p.keyword_only.size();
        c.has_varargs = !p.varargs.empty();
        c.has_varkwargs = !p.varkwargs.empty();
    }

    // Decorators are evaluated before the definition, each with the NULL slot of its call;
    // apply_decorators then calls them on the new object, the innermost (last written) first.
    void load_decorators(const ExprList& decorators)
    {
        for (const ExprPtr& decorator : decorators) {
            expr(*decorator);
            emit(Op::PushNull);
        }
    }
    void apply_decorators(const ExprList& decorators)
    {
        for (size_t i = decorators.size(); i-- > 0;) {
            PositionScope at(*this, decorators[i]->pos);
            emit(Op::Call, 1);
        }
    }

    void stmt_node(const FunctionDefStmt& n)
    {
        load_decorators(n.decorators);
        begin_unit(n.scope, CodeKind::Function, n.name, pos.line);
        count_params(code(), n.params);
        body_skipping_docstring(n.body);
        if (end_reachable())
            implicit_return(n.body);
        int index = end_unit();
        make_function(n.scope, index, &n.params);
        apply_decorators(n.decorators);
        store_name(n.name);
    }

    void stmt_node(const ClassDefStmt& n)
    {
        load_decorators(n.decorators);
        emit(Op::LoadBuildClass);
        emit(Op::PushNull);
        begin_unit(n.scope, CodeKind::ClassBody, n.name, pos.line);
        code().positional_count = 1;
        if (table.scopes[(size_t)n.scope].has_annotations) {
            emit(Op::BuildMap, 0);
            store_name("__annotations__");
        }
        body_skipping_docstring(n.body);
        if (table.scopes[(size_t)n.scope].needs_class_cell) {
            emit(Op::LoadClosure, 0);
            emit(Op::StoreName, name("__classcell__"));
        }
        load_none();
        emit(Op::ReturnValue);
        int index = end_unit();
        make_function(n.scope, index, nullptr);
        load_str(n.name);
        for (const ExprPtr& base : n.bases)
            expr(*base);
        if (n.keywords.empty()) {
            emit(Op::Call, 2 + (int32_t)n.bases.size());
        } else {
            Constant names;
            names.kind = Constant::Kind::Tuple;
            for (const Keyword& keyword : n.keywords) {
                expr(*keyword.value);
                Constant name_constant;
                name_constant.kind = Constant::Kind::Str;
                name_constant.str_value = keyword.name;
                names.items.push_back(name_constant);
            }
            load_const(names);
            emit(Op::CallKw, 2 + (int32_t)(n.bases.size() + n.keywords.size()));
        }
        apply_decorators(n.decorators);
        store_name(n.name);
    }

    void stmt_node(const GlobalStmt&) {}
    void stmt_node(const NonlocalStmt&) {}

    void stmt_node(const AssertStmt& n)
    {
        int end = new_label();
        branch(*n.test, end, true);
        emit(Op::LoadAssertionError);
        if (n.message) {
            emit(Op::PushNull);
            expr(*n.message);
            emit(Op::Call, 1);
        }
        emit(Op::Raise, 1);
        bind(end);
    }

    void stmt_node(const RaiseStmt& n)
    {
        if (n.exception && n.cause) {
            expr(*n.exception);
            expr(*n.cause);
            emit(Op::Raise, 2);
        } else if (n.exception) {
            expr(*n.exception);
            emit(Op::Raise, 1);
        } else {
            emit(Op::Raise, 0);
        }
    }

    void stmt_node(const TryStmt& n)
    {
        if (n.finalbody.empty()) {
            try_except(n);
            return;
        }
        int on_error = new_label(), end = new_label();
        emit(Op::SetupFinally, on_error);
        FrameBlock finally_block{FrameBlock::Kind::TryFinally};
        finally_block.finally_body = &n.finalbody;
        unit().blocks.push_back(finally_block);
        if (n.handlers.empty())
            body(n.body);
        else
            try_except(n);
        unit().blocks.pop_back();
        emit(Op::PopBlock);
        body(n.finalbody);
        emit(Op::Jump, end);
        // The exception path: the exception is on the stack while the finally body runs.
        bind(on_error);
        unit().blocks.push_back({FrameBlock::Kind::FinallyOnError});
        body(n.finalbody);
        unit().blocks.pop_back();
        emit(Op::Reraise);
        bind(end);
    }

    void try_except(const TryStmt& n)
    {
        int handlers = new_label(), end = new_label();
        emit(Op::SetupFinally, handlers);
        unit().blocks.push_back({FrameBlock::Kind::TryExcept});
        body(n.body);
        unit().blocks.pop_back();
        emit(Op::PopBlock);
        body(n.orelse);
        emit(Op::Jump, end);
        bind(handlers);
        for (const ExceptHandler& handler : n.handlers) {
            PositionScope at(*this, handler.pos);
            int next = new_label();
            if (handler.type) {
                expr(*handler.type);
                emit(Op::CheckExcMatch);
                emit(Op::PopJumpIfFalse, next);
            }
            if (handler.name.empty())
                emit(Op::PopTop);
            else
                store_name(handler.name);
            unit().blocks.push_back({FrameBlock::Kind::ExceptBody});
            body(handler.body);
            unit().blocks.pop_back();
            emit(Op::PopExcept);
            if (!handler.name.empty()) {
                // Python unbinds the name after the clause (the exception holds the frame).
                load_none();
                store_name(handler.name);
                delete_name(handler.name);
            }
            emit(Op::Jump, end);
            bind(next);
        }
        emit(Op::Reraise);
        bind(end);
    }

    void stmt_node(const WithStmt& n) { with_item(n, 0); }

    void with_item(const WithStmt& n, size_t item_index)
    {
        if (item_index == n.items.size()) {
            body(n.body);
            return;
        }
        const WithItem& item = n.items[item_index];
        int exit_local = hidden_local(".exit");
        expr(*item.context);
        emit(n.is_async ? Op::BeforeAsyncWith : Op::BeforeWith, exit_local);
        if (n.is_async)
            await_top();
        if (item.target)
            store(*item.target);
        else
            emit(Op::PopTop);
        int on_error = new_label(), swallow = new_label(), end = new_label();
        emit(Op::SetupFinally, on_error);
        FrameBlock with_block{FrameBlock::Kind::With};
        with_block.exit_local = exit_local;
        with_block.is_async = n.is_async;
        unit().blocks.push_back(with_block);
        with_item(n, item_index + 1);
        unit().blocks.pop_back();
        emit(Op::PopBlock);
        call_exit_with_nones(exit_local, n.is_async);
        emit(Op::Jump, end);
        bind(on_error);
        emit(Op::WithExcept, exit_local);
        if (n.is_async)
            await_top();
        emit(Op::PopJumpIfTrue, swallow);
        emit(Op::Reraise);
        bind(swallow);
        emit(Op::PopTop);
        emit(Op::PopExcept);
        bind(end);
    }

    void stmt_node(const ImportStmt& n)
    {
        for (const ImportAlias& alias : n.names) {
            PositionScope at(*this, alias.pos);
            emit(Op::ImportName, name(alias.name));
            if (!alias.asname.empty()) {
                store_name(alias.asname);
                continue;
            }
            size_t dot = alias.name.find('.');
            if (dot != std::string::npos) {
                // `import a.b` loads a.b and binds the package a.
                emit(Op::PopTop);
                emit(Op::ImportName, name(alias.name.substr(0, dot)));
            }
            store_name(alias.name.substr(0, dot));
        }
    }

    void stmt_node(const ImportFromStmt& n)
    {
        emit(Op::ImportName, name(n.module));
        if (n.names.size() == 1 && n.names[0].name == "*") {
            emit(Op::ImportStar);
            return;
        }
        for (const ImportAlias& alias : n.names) {
            PositionScope at(*this, alias.pos);
            emit(Op::ImportFrom, name(alias.name));
            store_name(alias.asname.empty() ? alias.name : alias.asname);
        }
        emit(Op::PopTop);
    }

    // The match statement: the subject waits in a hidden local; each case's pattern tests it and
    // binds its captures as it goes (PEP 634 allows a failed match to leave some bound); a test
    // that fails jumps to the next case.
    void stmt_node(const MatchStmt& n)
    {
        int subject = hidden_local(".subject");
        expr(*n.subject);
        emit(Op::StoreFast, subject);
        int end = new_label();
        for (size_t i = 0; i < n.cases.size(); i++) {
            const MatchCase& c = n.cases[i];
            if (i + 1 < n.cases.size() && !c.guard)
                if (const Pattern* catch_all = irrefutable(*c.pattern))
                    return fail_unreachable(*catch_all);
            int next = new_label();
            std::vector<std::string> bound;
            {
                PositionScope at(*this, c.pattern->pos);
                match_pattern(*c.pattern, subject, next, bound);
            }
            if (c.guard)
                branch(*c.guard, next, false);
            body(c.body);
            emit(Op::Jump, end);
            bind(next);
        }
        bind(end);
    }

    // The capture or wildcard that makes a pattern match anything, or null.
    static const Pattern* irrefutable(const Pattern& p)
    {
        if (auto* as = std::get_if<MatchAs>(&p.node))
            return !as->pattern ? &p : irrefutable(*as->pattern);
        if (auto* alternatives = std::get_if<MatchOr>(&p.node))
            for (const PatternPtr& alternative : alternatives->patterns)
                if (const Pattern* found = irrefutable(*alternative))
                    return found;
        return nullptr;
    }

    void fail_unreachable(const Pattern& catch_all)
    {
        const std::string& name = std::get<MatchAs>(catch_all.node).name;
        fail(catch_all.pos, name.empty() ? "wildcard makes remaining patterns unreachable"
                                         : "name capture '" + name + "' makes remaining patterns unreachable");
    }

    void bind_capture(const std::string& name, SourcePos where, std::vector<std::string>& bound)
    {
        if (std::find(bound.begin(), bound.end(), name) != bound.end())
            return fail(where, "multiple assignments to name '" + name + "' in pattern");
        bound.push_back(name);
        store_name(name);
    }

    static bool is_wildcard(const Pattern& p)
    {
        auto* as = std::get_if<MatchAs>(&p.node);
        return as && !as->pattern && as->name.empty();
    }

    // Loads `local`[index] into a new hidden local and matches `p` against it.
    void match_item(const Pattern& p, int local, const Constant& index, int fail_label, std::vector<std::string>& bound)
    {
        if (is_wildcard(p))
            return;
        int item = hidden_local(".item");
        emit(Op::LoadFast, local);
        load_const(index);
        emit(Op::BinarySubscr);
        emit(Op::StoreFast, item);
        match_pattern(p, item, fail_label, bound);
    }

    static Constant int_constant(int64_t value)
    {
        Constant c;
        c.kind = Constant::Kind::Int;
        c.int_value = value;
        return c;
    }

    // Tests the value in fast local `local` against `p`; jumps to `fail_label` when it does not
    // match. `bound` collects the names bound so far in this case's pattern.
    void match_pattern(const Pattern& p, int local, int fail_label, std::vector<std::string>& bound)
    {
        if (error)
            return;
        PositionScope at(*this, p.pos);
        if (auto* n = std::get_if<MatchValue>(&p.node)) {
            emit(Op::LoadFast, local);
            expr(*n->value);
            emit(Op::CompareOp, (int32_t)CompareOp::Eq);
            emit(Op::PopJumpIfFalse, fail_label);
        } else if (auto* n = std::get_if<MatchSingleton>(&p.node)) {
            emit(Op::LoadFast, local);
            expr(*n->value);
            emit(Op::CompareOp, (int32_t)CompareOp::Is);
            emit(Op::PopJumpIfFalse, fail_label);
        } else if (auto* n = std::get_if<MatchAs>(&p.node)) {
            if (n->pattern)
                match_pattern(*n->pattern, local, fail_label, bound);
            if (!n->name.empty()) {
                emit(Op::LoadFast, local);
                bind_capture(n->name, p.pos, bound);
            }
        } else if (auto* n = std::get_if<MatchSequence>(&p.node)) {
            match_sequence(*n, p.pos, local, fail_label, bound);
        } else if (auto* n = std::get_if<MatchMapping>(&p.node)) {
            match_mapping(*n, p.pos, local, fail_label, bound);
        } else if (auto* n = std::get_if<MatchClass>(&p.node)) {
            match_class(*n, local, fail_label, bound);
        } else if (auto* n = std::get_if<MatchOr>(&p.node)) {
            match_or(*n, local, fail_label, bound);
        }
    }

    void match_sequence(const MatchSequence& n, SourcePos where, int local, int fail_label, std::vector<std::string>& bound)
    {
        int star = -1;
        for (size_t i = 0; i < n.patterns.size(); i++)
            if (std::holds_alternative<MatchStar>(n.patterns[i]->node)) {
                if (star >= 0)
                    return fail(where, "multiple starred names in sequence pattern");
                star = (int)i;
            }
        int64_t size = (int64_t)n.patterns.size();
        emit(Op::LoadFast, local);
        emit(Op::MatchSequence);
        emit(Op::PopJumpIfFalse, fail_label);
        emit(Op::LoadFast, local);
        emit(Op::GetLen);
        load_const(int_constant(star < 0 ? size : size - 1));
        emit(Op::CompareOp, (int32_t)(star < 0 ? CompareOp::Eq : CompareOp::GtE));
        emit(Op::PopJumpIfFalse, fail_label);
        for (int64_t i = 0; i < size; i++) {
            const Pattern& element = *n.patterns[(size_t)i];
            if (i != star) {
                // Elements after the star are counted from the end.
                match_item(element, local, int_constant(star >= 0 && i > star ? i - size : i), fail_label, bound);
                continue;
            }
            const std::string& name = std::get<MatchStar>(element.node).name;
            if (name.empty())
                continue;
            // *name binds a list: the subject copied into one (any sequence can be), then sliced.
            PositionScope at(*this, element.pos);
            emit(Op::BuildList, 0);
            emit(Op::LoadFast, local);
            emit(Op::ListExtend, 1);
            load_const(int_constant(star));
            if (i + 1 < size)
                load_const(int_constant(star + 1 - size));
            else
                load_none();
            emit(Op::BuildSlice, 2);
            emit(Op::BinarySubscr);
            bind_capture(name, element.pos, bound);
        }
    }

    void match_mapping(const MatchMapping& n, SourcePos where, int local, int fail_label, std::vector<std::string>& bound)
    {
        std::vector<std::string> literal_keys;
        for (const ExprPtr& key : n.keys)
            if (std::optional<Constant> c = constant_of(*key)) {
                std::string text = constant_repr(*c);
                if (std::find(literal_keys.begin(), literal_keys.end(), text) != literal_keys.end())
                    return fail(where, "mapping pattern checks duplicate key (" + text + ")");
                literal_keys.push_back(text);
            }
        emit(Op::LoadFast, local);
        emit(Op::MatchMapping);
        emit(Op::PopJumpIfFalse, fail_label);
        for (size_t i = 0; i < n.keys.size(); i++) {
            expr(*n.keys[i]);
            emit(Op::LoadFast, local);
            emit(Op::CompareOp, (int32_t)CompareOp::In);
            emit(Op::PopJumpIfFalse, fail_label);
            if (is_wildcard(*n.patterns[i]))
                continue;
            int item = hidden_local(".item");
            emit(Op::LoadFast, local);
            expr(*n.keys[i]);
            emit(Op::BinarySubscr);
            emit(Op::StoreFast, item);
            match_pattern(*n.patterns[i], item, fail_label, bound);
        }
        if (n.rest.empty())
            return;
        // **rest: a copy of the mapping without the keys matched.
        emit(Op::BuildMap, 0);
        emit(Op::LoadFast, local);
        emit(Op::DictUpdate, 1);
        for (const ExprPtr& key : n.keys) {
            emit(Op::DupTop);
            expr(*key);
            emit(Op::DeleteSubscr);
        }
        bind_capture(n.rest, where, bound);
    }

    void match_class(const MatchClass& n, int local, int fail_label, std::vector<std::string>& bound)
    {
        Constant names;
        names.kind = Constant::Kind::Tuple;
        for (size_t i = 0; i < n.kwd_attrs.size(); i++) {
            for (size_t j = 0; j < i; j++)
                if (n.kwd_attrs[j] == n.kwd_attrs[i])
                    return fail(n.kwd_patterns[i]->pos, "attribute name repeated in class pattern: " + n.kwd_attrs[i]);
            Constant name_constant;
            name_constant.kind = Constant::Kind::Str;
            name_constant.str_value = n.kwd_attrs[i];
            names.items.push_back(name_constant);
        }
        int attributes = hidden_local(".attributes");
        emit(Op::LoadFast, local);
        expr(*n.cls);
        load_const(names);
        emit(Op::MatchClass, (int32_t)n.patterns.size());
        emit(Op::StoreFast, attributes);
        emit(Op::LoadFast, attributes);
        load_none();
        emit(Op::CompareOp, (int32_t)CompareOp::Is);
        emit(Op::PopJumpIfTrue, fail_label);
        int64_t index = 0;
        for (const PatternList* list : {&n.patterns, &n.kwd_patterns})
            for (const PatternPtr& element : *list)
                match_item(*element, attributes, int_constant(index++), fail_label, bound);
    }

    // Each alternative is tried in turn; all must bind the same names.
    void match_or(const MatchOr& n, int local, int fail_label, std::vector<std::string>& bound)
    {
        int success = new_label();
        std::vector<std::string> first_names;
        for (size_t i = 0; i < n.patterns.size(); i++) {
            const Pattern& alternative = *n.patterns[i];
            if (i + 1 < n.patterns.size())
                if (const Pattern* catch_all = irrefutable(alternative))
                    return fail_unreachable(*catch_all);
            std::vector<std::string> names = bound;
            int next = i + 1 < n.patterns.size() ? new_label() : fail_label;
            match_pattern(alternative, local, next, names);
            std::vector<std::string> added(names.begin() + (long)bound.size(), names.end());
            std::sort(added.begin(), added.end());
            if (i == 0)
                first_names = added;
            else if (added != first_names)
                return fail(alternative.pos, "alternative patterns bind different names");
            if (i + 1 < n.patterns.size()) {
                emit(Op::Jump, success);
                bind(next);
            }
        }
        bind(success);
        bound.insert(bound.end(), first_names.begin(), first_names.end());
    }

    void stmt_node(const DeleteStmt& n)
    {
        for (const ExprPtr& target : n.targets)
            delete_target(*target);
    }

    void delete_target(const Expr& target)
    {
        PositionScope at(*this, target.pos);
        if (auto* n = std::get_if<NameExpr>(&target.node)) {
            delete_name(n->id);
        } else if (auto* n = std::get_if<AttributeExpr>(&target.node)) {
            expr(*n->value);
            emit(Op::DeleteAttr, name(n->attr));
        } else if (auto* n = std::get_if<SubscriptExpr>(&target.node)) {
            expr(*n->value);
            expr(*n->index);
            emit(Op::DeleteSubscr);
        } else if (auto* n = std::get_if<TupleExpr>(&target.node)) {
            for (const ExprPtr& element : n->elts)
                delete_target(*element);
        } else if (auto* n = std::get_if<ListExpr>(&target.node)) {
            for (const ExprPtr& element : n->elts)
                delete_target(*element);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // 4. Expressions
    // ---------------------------------------------------------------------------------------------

    // The value of a literal (and of -literal and tuples of literals), folded at compile time.
    static std::optional<Constant> constant_of(const Expr& e)
    {
        Constant c;
        if (auto* n = std::get_if<IntExpr>(&e.node)) {
            c.kind = Constant::Kind::Int;
            c.int_value = n->value;
            c.str_value = n->big_digits;
        } else if (auto* n = std::get_if<FloatExpr>(&e.node)) {
            c.kind = Constant::Kind::Float;
            c.float_value = n->value;
        } else if (auto* n = std::get_if<StrExpr>(&e.node)) {
            c.kind = Constant::Kind::Str;
            c.str_value = n->value;
        } else if (auto* n = std::get_if<BytesExpr>(&e.node)) {
            c.kind = Constant::Kind::Bytes;
            c.str_value = n->value;
        } else if (auto* n = std::get_if<BoolExpr>(&e.node)) {
            c.kind = Constant::Kind::Bool;
            c.int_value = n->value;
        } else if (std::holds_alternative<NoneExpr>(e.node)) {
            c.kind = Constant::Kind::None;
        } else if (auto* n = std::get_if<UnaryOpExpr>(&e.node); n && n->op == UnaryOp::Negative) {
            std::optional<Constant> operand = constant_of(*n->operand);
            if (!operand || (operand->kind != Constant::Kind::Int && operand->kind != Constant::Kind::Float))
                return std::nullopt;
            c = *operand;
            c.int_value = -c.int_value;
            if (!c.str_value.empty())
                c.str_value = c.str_value[0] == '-' ? c.str_value.substr(1) : "-" + c.str_value;
            c.float_value = -c.float_value;
        } else if (auto* n = std::get_if<TupleExpr>(&e.node)) {
            c.kind = Constant::Kind::Tuple;
            for (const ExprPtr& element : n->elts) {
                std::optional<Constant> item = constant_of(*element);
                if (!item)
                    return std::nullopt;
                c.items.push_back(std::move(*item));
            }
        } else {
            return std::nullopt;
        }
        return c;
    }

    void expr(const Expr& e)
    {
        PositionScope at(*this, e.pos);
        if (std::optional<Constant> c = constant_of(e)) {
            load_const(*c);
            return;
        }
        std::visit([&](const auto& n) { expr_node(n); }, e.node);
    }

    void expr_node(const NameExpr& n) { load_name(n.id); }
    // Literals are all handled by constant_of.
    void expr_node(const IntExpr&) {}
    void expr_node(const FloatExpr&) {}
    void expr_node(const StrExpr&) {}
    void expr_node(const BytesExpr&) {}
    void expr_node(const BoolExpr&) {}
    void expr_node(const NoneExpr&) {}

    void expr_node(const FStringExpr& n)
    {
        for (const ExprPtr& part : n.parts)
            expr(*part);
        if (n.parts.size() != 1 || !std::holds_alternative<StrExpr>(n.parts[0]->node))
            emit(Op::BuildString, (int32_t)n.parts.size());
    }

    void expr_node(const FormattedValueExpr& n)
    {
        expr(*n.value);
        int32_t flags = n.conversion == 's' ? 1 : n.conversion == 'r' ? 2 : n.conversion == 'a' ? 3 : 0;
        if (n.format_spec) {
            expr(*n.format_spec);
            flags |= kFormatHasSpec;
        }
        emit(Op::FormatValue, flags);
    }

    void expr_node(const BinOpExpr& n)
    {
        expr(*n.left);
        expr(*n.right);
        emit(Op::BinaryOp, (int32_t)n.op);
    }

    void expr_node(const UnaryOpExpr& n)
    {
        expr(*n.operand);
        emit(Op::UnaryOp, (int32_t)n.op);
    }

    void expr_node(const BoolOpExpr& n)
    {
        int end = new_label();
        for (size_t i = 0; i < n.values.size(); i++) {
            expr(*n.values[i]);
            if (i + 1 < n.values.size())
                emit(n.is_and ? Op::JumpIfFalseOrPop : Op::JumpIfTrueOrPop, end);
        }
        bind(end);
    }

    // a < b < c: each middle operand is evaluated once (DUP_TOP/ROT_THREE keep a copy).
    void expr_node(const CompareExpr& n)
    {
        expr(*n.left);
        if (n.ops.size() == 1) {
            expr(*n.comparators[0]);
            emit(Op::CompareOp, (int32_t)n.ops[0]);
            return;
        }
        int cleanup = new_label(), end = new_label();
        for (size_t i = 0; i < n.ops.size(); i++) {
            expr(*n.comparators[i]);
            if (i + 1 < n.ops.size()) {
                emit(Op::DupTop);
                emit(Op::RotThree);
                emit(Op::CompareOp, (int32_t)n.ops[i]);
                emit(Op::JumpIfFalseOrPop, cleanup);
            } else {
                emit(Op::CompareOp, (int32_t)n.ops[i]);
            }
        }
        emit(Op::Jump, end);
        bind(cleanup);
        emit(Op::RotTwo);
        emit(Op::PopTop);
        bind(end);
    }

    // super() without arguments means super(__class__, <first argument>), as in CPython.
    bool zero_argument_super(const CallExpr& n)
    {
        auto* callee = std::get_if<NameExpr>(&n.func->node);
        if (!callee || callee->id != "super" || !n.args.empty() || !n.keywords.empty())
            return false;
        const Scope& s = scope();
        if (s.kind != ScopeKind::Function || !s.frees.count("__class__") || s.params.empty())
            return false;
        load_name("super");
        emit(Op::PushNull);
        emit(Op::LoadDeref, cell_index("__class__"));
        load_name(s.params[0]);
        emit(Op::Call, 2);
        return true;
    }

    void expr_node(const CallExpr& n)
    {
        if (zero_argument_super(n))
            return;
        bool dynamic = false;
        for (const ExprPtr& arg : n.args)
            dynamic = dynamic || std::holds_alternative<StarredExpr>(arg->node);
        for (const Keyword& k : n.keywords)
            dynamic = dynamic || k.name.empty();
        if (auto* attr = std::get_if<AttributeExpr>(&n.func->node)) {
            expr(*attr->value);
            PositionScope at(*this, n.func->pos);
            emit(Op::LoadMethod, name(attr->attr));
        } else {
            expr(*n.func);
            emit(Op::PushNull);
        }
        if (dynamic) {
            call_with_unpacking(n);
            return;
        }
        for (const ExprPtr& arg : n.args)
            expr(*arg);
        if (n.keywords.empty()) {
            emit(Op::Call, (int32_t)n.args.size());
            return;
        }
        Constant names;
        names.kind = Constant::Kind::Tuple;
        for (const Keyword& k : n.keywords) {
            expr(*k.value);
            Constant key;
            key.kind = Constant::Kind::Str;
            key.str_value = k.name;
            names.items.push_back(key);
        }
        load_const(names);
        emit(Op::CallKw, (int32_t)(n.args.size() + n.keywords.size()));
    }

    // f(*args, **kwargs): positional arguments gathered in a tuple, keywords in a dict.
    void call_with_unpacking(const CallExpr& n)
    {
        emit(Op::BuildList, 0);
        for (const ExprPtr& arg : n.args) {
            if (auto* star = std::get_if<StarredExpr>(&arg->node)) {
                expr(*star->value);
                emit(Op::ListExtend, 1 | kUnpackInCall);
            } else {
                expr(*arg);
                emit(Op::ListAppend, 1);
            }
        }
        emit(Op::ListToTuple);
        if (n.keywords.empty()) {
            emit(Op::CallEx, 0);
            return;
        }
        emit(Op::BuildMap, 0);
        for (const Keyword& k : n.keywords) {
            if (k.name.empty()) {
                expr(*k.value);
                emit(Op::DictMerge, 1 | kUnpackInCall);
            } else {
                load_str(k.name);
                expr(*k.value);
                emit(Op::MapAdd, 1);
            }
        }
        emit(Op::CallEx, 1);
    }

    void expr_node(const AttributeExpr& n)
    {
        expr(*n.value);
        emit(Op::LoadAttr, name(n.attr));
    }

    void expr_node(const SubscriptExpr& n)
    {
        expr(*n.value);
        expr(*n.index);
        emit(Op::BinarySubscr);
    }

    void expr_node(const SliceExpr& n)
    {
        for (const ExprPtr* part : {&n.lower, &n.upper})
            if (*part)
                expr(**part);
            else
                load_none();
        if (n.step)
            expr(*n.step);
        emit(Op::BuildSlice, n.step ? 3 : 2);
    }

    static bool any_starred(const ExprList& elements)
    {
        for (const ExprPtr& element : elements)
            if (std::holds_alternative<StarredExpr>(element->node))
                return true;
        return false;
    }

    // A display with *iterable elements: an empty list (or set) that each element is appended
    // to and each iterable extends, as CPython's LIST_EXTEND and SET_UPDATE build them.
    void unpacking_display(const ExprList& elements, bool set)
    {
        emit(set ? Op::BuildSet : Op::BuildList, 0);
        for (const ExprPtr& element : elements) {
            if (auto* star = std::get_if<StarredExpr>(&element->node)) {
                expr(*star->value);
                PositionScope at(*this, element->pos);
                emit(set ? Op::SetUpdate : Op::ListExtend, 1);
            } else {
                expr(*element);
                emit(set ? Op::SetAdd : Op::ListAppend, 1);
            }
        }
    }

    void expr_node(const ListExpr& n)
    {
        if (any_starred(n.elts))
            return unpacking_display(n.elts, false);
        for (const ExprPtr& element : n.elts)
            expr(*element);
        emit(Op::BuildList, (int32_t)n.elts.size());
    }

    void expr_node(const TupleExpr& n)
    {
        if (any_starred(n.elts)) {
            unpacking_display(n.elts, false);
            emit(Op::ListToTuple);
            return;
        }
        for (const ExprPtr& element : n.elts)
            expr(*element);
        emit(Op::BuildTuple, (int32_t)n.elts.size());
    }

    void expr_node(const SetExpr& n)
    {
        if (any_starred(n.elts))
            return unpacking_display(n.elts, true);
        bool constants = n.elts.size() > 2;
        for (const ExprPtr& element : n.elts) {
            constants = constants && constant_of(*element).has_value();
            expr(*element);
        }
        emit(Op::BuildSet, (int32_t)n.elts.size() | (constants ? kSetOfConstants : 0));
    }

    void expr_node(const DictExpr& n)
    {
        bool has_splat = false;
        for (const ExprPtr& key : n.keys)
            has_splat = has_splat || !key;
        if (!has_splat) {
            for (size_t i = 0; i < n.keys.size(); i++) {
                expr(*n.keys[i]);
                expr(*n.values[i]);
            }
            emit(Op::BuildMap, (int32_t)n.keys.size());
            return;
        }
        emit(Op::BuildMap, 0);
        for (size_t i = 0; i < n.keys.size(); i++) {
            if (n.keys[i]) {
                expr(*n.keys[i]);
                expr(*n.values[i]);
                emit(Op::MapAdd, 1);
            } else {
                expr(*n.values[i]);
                emit(Op::DictUpdate, 1);
            }
        }
    }

    // A comprehension is a function called with its first iterator; a generator expression's
    // function makes a generator, which yields each element.
    void expr_node(const ComprehensionExpr& n)
    {
        begin_unit(n.scope, CodeKind::Function, table.scopes[(size_t)n.scope].name, pos.line);
        code().positional_count = 1;
        bool generator = n.kind == ComprehensionKind::Generator;
        code().generator = generator;
        if (!generator)
            emit(n.kind == ComprehensionKind::Dict ? Op::BuildMap : n.kind == ComprehensionKind::Set ? Op::BuildSet : Op::BuildList, 0);
        comprehension_loop(n, 0);
        if (generator)
            load_none();
        emit(Op::ReturnValue);
        int index = end_unit();
        make_function(n.scope, index, nullptr);
        emit(Op::PushNull);
        expr(*n.generators[0].iter);
        emit(n.generators[0].is_async ? Op::GetAIter : Op::GetIter);
        emit(Op::Call, 1);
        if (table.scopes[(size_t)n.scope].is_coroutine && !generator)
            await_top();
    }

    void comprehension_loop(const ComprehensionExpr& n, size_t level)
    {
        const Comprehension& c = n.generators[level];
        int top = new_label(), end = new_label();
        if (level == 0) {
            emit(Op::LoadFast, 0);
        } else {
            expr(*c.iter);
            emit(c.is_async ? Op::GetAIter : Op::GetIter);
        }
        bind(top);
        next_item(c.is_async, end);
        store(*c.target);
        for (const ExprPtr& condition : c.conditions)
            branch(*condition, top, false);
        if (level + 1 < n.generators.size()) {
            comprehension_loop(n, level + 1);
        } else if (n.kind == ComprehensionKind::Dict) {
            expr(*n.element);
            expr(*n.value);
            emit(Op::MapAdd, (int32_t)n.generators.size() + 1);
        } else if (n.kind == ComprehensionKind::Generator) {
            expr(*n.element);
            yield_top();
            emit(Op::PopTop);
        } else {
            expr(*n.element);
            emit(n.kind == ComprehensionKind::Set ? Op::SetAdd : Op::ListAppend, (int32_t)n.generators.size() + 1);
        }
        emit(Op::Jump, top);
        bind(end);
    }

    void expr_node(const LambdaExpr& n)
    {
        begin_unit(n.scope, CodeKind::Function, "<lambda>", pos.line);
        count_params(code(), *n.params);
        expr(*n.body);
        emit(Op::ReturnValue);
        int index = end_unit();
        make_function(n.scope, index, n.params.get());
    }

    void expr_node(const YieldExpr& n)
    {
        if (n.value)
            expr(*n.value);
        else
            load_none();
        yield_top();
    }

    // `yield`: in an async generator it is marked apart from the values its awaits pass on.
    void yield_top()
    {
        emit(Op::YieldValue, code().generator && code().coroutine ? 1 : 0);
    }

    void expr_node(const YieldFromExpr& n)
    {
        expr(*n.value);
        emit(Op::GetYieldFromIter);
        delegate();
    }

    void expr_node(const AwaitExpr& n)
    {
        expr(*n.value);
        await_top();
    }

    // `of_anext`: the awaitable is what `async for` got from __anext__ (its errors say so).
    void await_top(bool of_anext = false)
    {
        emit(Op::GetAwaitable, of_anext ? 1 : 0);
        delegate();
    }

    // `yield from` and `await`: the iterator on the stack runs to its end; each value it yields
    // is yielded from here, and what is sent back goes on to it. Its return value is the result.
    void delegate()
    {
        int loop = new_label(), end = new_label();
        load_none();
        bind(loop);
        emit(Op::Send, end);
        emit(Op::YieldValue);
        emit(Op::Jump, loop);
        bind(end);
    }

    void expr_node(const IfExpr& n)
    {
        int orelse = new_label(), end = new_label();
        branch(*n.test, orelse, false);
        expr(*n.body);
        emit(Op::Jump, end);
        bind(orelse);
        expr(*n.orelse);
        bind(end);
    }

    void expr_node(const NamedExpr& n)
    {
        expr(*n.value);
        emit(Op::DupTop);
        store_name(n.target);
    }

    void expr_node(const StarredExpr& n)
    {
        fail(pos, "can't use starred expression here");
        expr(*n.value);
    }
};

} // namespace

// ---------------------------------------------------------------------------------------------
// 5. Entry points
// ---------------------------------------------------------------------------------------------

CompileResult compile_module(Module& ast, std::string_view filename)
{
    CompileResult result;
    SymbolTable table;
    table.new_scope(ScopeKind::Module, "<module>", -1, {1, 0});
    table.stmts(ast.body, 0);
    if (!table.error)
        table.analyze(0, {});
    if (table.error) {
        result.error = table.error;
        return result;
    }
    CodeGenerator generator(table, filename);
    generator.begin_unit(0, CodeKind::Module, "<module>", 1);
    generator.body_skipping_docstring(ast.body);
    generator.implicit_return(ast.body);
    generator.end_unit();
    if (generator.error) {
        result.error = generator.error;
        return result;
    }
    result.module = std::move(generator.module);
    return result;
}

CompileResult compile_source(std::string_view source, std::string_view filename)
{
    ParseResult parsed = parse_module(source);
    if (parsed.error) {
        CompileResult result;
        result.error = parsed.error;
        return result;
    }
    return compile_module(*parsed.module, filename);
}

CompileResult compile_source_once(std::string_view source, std::string_view filename)
{
    static std::mutex mutex;
    // By file name, then text: found without copying the text into a key.
    using ByText = std::map<std::string, std::shared_ptr<const CompiledModule>, std::less<>>;
    static std::map<std::string, ByText, std::less<>> compiled;
    std::lock_guard<std::mutex> lock(mutex);
    auto file = compiled.find(filename);
    if (file == compiled.end())
        file = compiled.emplace(std::string(filename), ByText{}).first;
    auto found = file->second.find(source);
    if (found == file->second.end()) {
        CompileResult result = compile_source(source, filename);
        if (result.error)
            return result;
        found = file->second.emplace(std::string(source), std::move(result.module)).first;
    }
    CompileResult shared;
    shared.module = found->second;
    return shared;
}

} // namespace lang
