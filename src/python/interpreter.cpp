// The interpreter core. Sections:
//   1. Loading code and programs, starting threads
//   2. Calls: binding arguments, natives and their results, class instantiation
//   3. Exceptions: raising, unwinding to handlers, tracebacks
//   4. Imports
//   5. The bytecode loop
//   6. Resuming suspended threads, garbage collection
#include "python/interpreter.h"
#include "python/bigint.h"
#include "python/bytes.h"
#include "python/builtins.h"
#include "python/embedded_sources.h"
#include "lang/compiler.h"
#include "lang/repr.h"
#include <algorithm>
#include <functional>

namespace python {

using lang::Op;

lang::SourcePos Frame::position() const
{
    if (!code || code->source->positions.empty())
        return {};
    uint32_t at = ip > 0 ? ip - 1 : 0;
    return code->source->positions[std::min<size_t>(at, code->source->positions.size() - 1)];
}

namespace {

// How a call (or anything that may run Python code) left the thread.
enum class Flow : uint8_t {
    Continue,   // a result was delivered or a frame pushed: reload the top frame and go on
    Raised,     // Interpreter::pending holds an exception for the top frame
    Suspended,  // the thread is parked
};

NativeResult discard_result(Interpreter&, Thread&, Value, Value) { return NativeResult::of(Value::empty()); }

// LOAD_METHOD answered by a descriptor: its value is the callable, with the NULL self slot
// after it (this runs once its native frame is gone, so the frame on top is the caller's).
NativeResult push_with_null_self(Interpreter&, Thread& t, Value, Value result)
{
    t.frames.back().stack.push_back(result);
    t.frames.back().stack.push_back(Value::empty());
    return NativeResult::of(Value::empty());
}

static Value intern_name(Interpreter& vm, std::string_view name)
{
    auto it = vm.interned_names.find(name);
    if (it == vm.interned_names.end())
        it = vm.interned_names.emplace(std::string(name), vm.new_str(name)).first;
    return it->second;
}


} // namespace

// The parts of the loop that need the Thread: everything a running instruction can cause.
struct Runner {
    Interpreter& vm;
    Thread& t;

    Flow call(Value callee, const Value* args, uint32_t argc, const Value* kwnames, uint32_t kwcount, uint32_t drop);
    Flow call(Value callee, std::span<const Value> args) { return call(callee, args.data(), (uint32_t)args.size(), nullptr, 0, 0); }
    Flow call_then(Value callee, std::span<const Value> args, NativeContinuation then, Value state,
                   NativeContinuation recover = nullptr);
    Flow native_result(NativeResult r);
    Flow deliver(Value result);
    Flow resume_generator(GeneratorObject* generator, Value sent, uint32_t drop);
    void drop_from_top(uint32_t count);
    Flow construct(ClassObject* cls, const Value* args, uint32_t argc, const Value* kwnames, uint32_t kwcount, uint32_t drop);

    void raise_here(Value exception, bool record_frame);
    void unwind(Value exception);
    void finish_uncaught(Value exception);

    Flow import_module(Value name);
};

// ---------------------------------------------------------------------------------------------
// 1. Loading code and programs, starting threads
// ---------------------------------------------------------------------------------------------

Interpreter::Interpreter(Host& h, std::span<const ModuleDef> module_defs) : host(h)
{
    module_table.assign(module_defs.begin(), module_defs.end());
    install_types();
    builtins = new_module("builtins");
    install_builtins(*this, *builtins);
    prelude = new_module("_threadlab");
    install_prelude_natives(*this, *prelude);
    // prelude.py: builtins that call back into Python code (sorted with a key, map, filter, any,
    // all, ...) and the slow paths natives hand over to when a user-defined dunder must run.
    run_module_source(prelude, embedded_python_source("prelude"), "<prelude>");
    export_prelude(*this);
}

Interpreter::~Interpreter() = default;

// Calls `visit` with the code index of each Code constant in `constants` (tuples' items too),
// in order: load_compiled and prepare walk them alike.
static void for_each_code_constant(const std::vector<lang::Constant>& constants, const std::function<void(size_t)>& visit)
{
    for (const lang::Constant& c : constants) {
        if (c.kind == lang::Constant::Kind::Code)
            visit((size_t)c.int_value);
        else if (c.kind == lang::Constant::Kind::Tuple)
            for_each_code_constant(c.items, visit);
    }
}

Code* Interpreter::load_compiled(std::shared_ptr<const lang::CompiledModule> compiled, bool hidden)
{
    // Every code gets its Code now, in the order the text region lists them; constants wait.
    std::vector<Code*> loaded(compiled->codes.size(), nullptr);
    std::function<Code*(size_t)> load = [&](size_t index) -> Code* {
        if (loaded[index])
            return loaded[index];
        const lang::CodeObject& source = *compiled->codes[index];
        codes.push_back(std::make_unique<Code>());
        Code* code = codes.back().get();
        code->source = &source;
        code->hidden = hidden;
        loaded[index] = code;
        for_each_code_constant(source.constants, [&](size_t nested) { code->nested.push_back(load(nested)); });
        return code;
    };
    Code* body = load(0);
    compiled_modules.push_back(std::move(compiled));
    return body;
}

void Interpreter::prepare(const Code& running)
{
    // Frames see their code const; the interpreter owns every Code (`codes`) and fills it once.
    Code& code = const_cast<Code&>(running);
    code.prepared = true;
    size_t next_nested = 0;
    std::function<Value(const lang::Constant&)> convert = [&](const lang::Constant& c) -> Value {
        switch (c.kind) {
        case lang::Constant::Kind::None: return Value::none();
        case lang::Constant::Kind::Bool: return Value::from_bool(c.int_value != 0);
        case lang::Constant::Kind::Int:
            // A literal past 64 bits (the lexer kept it within the size limits, so this cannot raise).
            return c.str_value.empty() ? Value::from_int(c.int_value) : parse_int_text(*this, c.str_value, 0);
        case lang::Constant::Kind::Float: return Value::from_float(c.float_value);
        case lang::Constant::Kind::Str: return new_str(c.str_value);
        case lang::Constant::Kind::Bytes: return new_bytes(*this, c.str_value);
        case lang::Constant::Kind::Tuple: {
            std::vector<Value> items;
            for (const lang::Constant& item : c.items)
                items.push_back(convert(item));
            return new_tuple(std::move(items));
        }
        case lang::Constant::Kind::Code:
            return Value::from_object(heap.make<CodeRefObject>(code.nested[next_nested++]));
        }
        return Value::none();
    };
    code.constants.reserve(code.source->constants.size());
    for (const lang::Constant& c : code.source->constants)
        code.constants.push_back(convert(c));
    code.names.reserve(code.source->names.size());
    for (const std::string& name : code.source->names)
        code.names.push_back(intern_name(*this, name));
}

// A frame that runs module-level code with `module`'s globals.
static Frame module_frame(const Code* code, ModuleObject* module)
{
    Frame frame;
    frame.code = code;
    frame.module = module;
    frame.locals.assign(code->source->local_names.size(), Value::empty());
    frame.stack.reserve((size_t)code->source->max_stack + 1);
    return frame;
}

static Thread& new_thread(Interpreter& vm, std::string name)
{
    auto thread = std::make_unique<Thread>();
    thread->id = vm.next_thread_id++;
    thread->name = std::move(name);
    vm.threads.push_back(std::move(thread));
    return *vm.threads.back();
}

void Interpreter::run_module_source(ModuleObject* module, const char* source, const char* filename)
{
    lang::CompileResult compiled = lang::compile_source_once(source, filename);
    if (compiled.error) {
        host.write_stderr(lang::format_source_error(*compiled.error, filename, source));
        return;
    }
    Code* code = load_compiled(std::move(compiled.module), true);
    Thread bootstrap;
    bootstrap.frames.push_back(module_frame(code, module));
    threads.push_back(std::make_unique<Thread>(std::move(bootstrap)));
    Thread& thread = *threads.back();
    run(thread, UINT64_MAX);
    if (!thread.uncaught.is_none())
        host.write_stderr(format_uncaught(thread));
    threads.pop_back();
}

LoadResult Interpreter::load_main(std::string_view source, std::string_view filename,
                                  std::shared_ptr<const lang::CompiledModule> compiled)
{
    LoadResult result;
    if (!compiled) {
        lang::CompileResult fresh = lang::compile_source(source, filename);
        if (fresh.error) {
            result.error = fresh.error;
            return result;
        }
        compiled = std::move(fresh.module);
    }
    sources[std::string(filename)] = std::string(source);
    main_file = filename;
    Code* code = load_compiled(std::move(compiled), false);
    ModuleObject* main = new_module("__main__");
    modules["__main__"] = main;
    Thread& thread = new_thread(*this, "MainThread");
    thread.frames.push_back(module_frame(code, main));
    result.thread = &thread;
    return result;
}

Thread& Interpreter::start_thread(Value callable, std::vector<Value> args, std::string name)
{
    Thread& thread = new_thread(*this, std::move(name));
    Runner runner{*this, thread};
    Flow flow = runner.call(callable, args);
    if (flow == Flow::Raised) {
        Value exception = pending;
        pending = Value::empty();
        runner.finish_uncaught(exception);
    }
    return thread;
}

// ---------------------------------------------------------------------------------------------
// 2. Calls
// ---------------------------------------------------------------------------------------------

static std::string quoted_list(const std::vector<std::string>& names)
{
    // 'a'; 'a' and 'b'; 'a', 'b', and 'c' (CPython's wording)
    std::string out;
    for (size_t i = 0; i < names.size(); i++) {
        if (i > 0)
            out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

Frame& FrameStack::push_cleared()
{
    if (count == frames.size()) {
        frames.emplace_back();
        return frames[count++];
    }
    Frame& frame = frames[count++];
    frame.stack.clear();
    frame.locals.clear();
    frame.cells.clear();
    frame.blocks.clear();
    frame.code = nullptr;
    frame.function = nullptr;
    frame.module = nullptr;
    frame.ip = 0;
    frame.resume = nullptr;
    frame.recover = nullptr;
    frame.state = Value();
    frame.generator = nullptr;
    return frame;
}

// Fills a new frame's locals from the call's arguments, with CPython's error messages.
static bool bind_arguments(Interpreter& vm, FunctionObject* fn, const Value* args, uint32_t argc, const Value* kwnames,
                           uint32_t kwcount, Frame& frame)
{
    const lang::CodeObject& code = *fn->code->source;
    frame.code = fn->code;
    frame.function = fn;
    frame.module = fn->module;
    frame.locals.assign(code.local_names.size(), Value::empty());
    frame.stack.reserve((size_t)code.max_stack + 1);
    uint32_t positional = argc - kwcount;
    uint32_t params = (uint32_t)code.positional_count;
    // The common call, f(a, b) of a def f(a, b) without closures: nothing else to bind.
    if (kwcount == 0 && positional == params && code.keyword_only_count == 0 && !code.has_varargs && !code.has_varkwargs &&
        code.cell_names.empty() && fn->closure.empty()) {
        std::copy(args, args + positional, frame.locals.begin());
        return true;
    }
    uint32_t named_params = params + (uint32_t)code.keyword_only_count;
    const std::string& fname = fn->qualname;

    for (uint32_t i = 0; i < std::min(positional, params); i++)
        frame.locals[i] = args[i];
    uint32_t varargs_slot = named_params;
    uint32_t varkw_slot = named_params + (code.has_varargs ? 1 : 0);
    if (positional > params) {
        if (!code.has_varargs) {
            size_t required = params - fn->defaults.size();
            std::string takes = required == params ? std::to_string(params)
                                                   : "from " + std::to_string(required) + " to " + std::to_string(params);
            vm.fail(vm.types.type_error, fname + "() takes " + takes + " positional argument" + (params == 1 && required == params ? "" : "s") +
                                             " but " + std::to_string(positional) + (positional == 1 ? " was" : " were") + " given");
            return false;
        }
        frame.locals[varargs_slot] = vm.new_tuple(std::vector<Value>(args + params, args + positional));
    } else if (code.has_varargs) {
        frame.locals[varargs_slot] = vm.new_tuple({});
    }
    DictObject* varkw = nullptr;
    if (code.has_varkwargs) {
        varkw = vm.new_dict();
        frame.locals[varkw_slot] = Value::from_object(varkw);
    }
    std::vector<std::string> positional_only_by_name;
    for (uint32_t k = 0; k < kwcount; k++) {
        const std::string& key = static_cast<StrObject*>(kwnames[k].object)->text;
        Value value = args[positional + k];
        uint32_t slot = UINT32_MAX;
        for (uint32_t p = (uint32_t)code.positional_only_count; p < named_params; p++)
            if (code.local_names[p] == key) {
                slot = p;
                break;
            }
        if (slot == UINT32_MAX && !varkw)
            for (uint32_t p = 0; p < (uint32_t)code.positional_only_count; p++)
                if (code.local_names[p] == key) {
                    positional_only_by_name.push_back(key);
                    slot = p;
                }
        if (!positional_only_by_name.empty())
            continue;
        if (slot == UINT32_MAX) {
            if (!varkw) {
                vm.fail(vm.types.type_error, fname + "() got an unexpected keyword argument '" + key + "'");
                return false;
            }
            varkw->table.set(kwnames[k], value);
            continue;
        }
        if (!frame.locals[slot].is_empty()) {
            vm.fail(vm.types.type_error, fname + "() got multiple values for argument '" + key + "'");
            return false;
        }
        frame.locals[slot] = value;
    }
    if (!positional_only_by_name.empty()) {
        std::string names;
        for (const std::string& name : positional_only_by_name)
            names += (names.empty() ? "'" : ", '") + name + "'";
        vm.fail(vm.types.type_error, fname + "() got some positional-only arguments passed as keyword arguments: " + names);
        return false;
    }
    size_t first_default = params - fn->defaults.size();
    std::vector<std::string> missing;
    for (uint32_t p = 0; p < params; p++) {
        if (!frame.locals[p].is_empty())
            continue;
        if (p >= first_default)
            frame.locals[p] = fn->defaults[p - first_default];
        else
            missing.push_back(code.local_names[p]);
    }
    if (!missing.empty()) {
        vm.fail(vm.types.type_error, fname + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                                         (missing.size() == 1 ? "" : "s") + ": " + quoted_list(missing));
        return false;
    }
    for (uint32_t p = params; p < named_params; p++) {
        if (!frame.locals[p].is_empty())
            continue;
        Value* fallback = fn->kw_defaults ? fn->kw_defaults->table.find(code.local_names[p]) : nullptr;
        if (fallback)
            frame.locals[p] = *fallback;
        else
            missing.push_back(code.local_names[p]);
    }
    if (!missing.empty()) {
        vm.fail(vm.types.type_error, fname + "() missing " + std::to_string(missing.size()) + " required keyword-only argument" +
                                         (missing.size() == 1 ? "" : "s") + ": " + quoted_list(missing));
        return false;
    }
    frame.cells.reserve(code.cell_names.size() + fn->closure.size());
    for (size_t c = 0; c < code.cell_names.size(); c++) {
        CellObject* cell = vm.heap.make<CellObject>();
        int param = code.cell_from_param[c];
        if (param >= 0)
            cell->value = frame.locals[(size_t)param];
        frame.cells.push_back(cell);
    }
    frame.cells.insert(frame.cells.end(), fn->closure.begin(), fn->closure.end());
    return true;
}

void Runner::drop_from_top(uint32_t count)
{
    if (count == 0)
        return;
    ValueStack& stack = t.frames.back().stack;
    stack.resize(stack.size() - count);
}

// Calls `callee`. Its arguments may live on the top frame's stack: `drop` values are removed
// from there once they have been consumed. The result arrives on the top frame's stack (or in
// the continuation of a native frame on top).
Flow Runner::call(Value callee, const Value* args, uint32_t argc, const Value* kwnames, uint32_t kwcount, uint32_t drop)
{
    if (callee.kind == ValueKind::Object) {
        switch (callee.object->kind) {
        case ObjectKind::Function: {
            auto* fn = static_cast<FunctionObject*>(callee.object);
            // The arguments may be on the caller's stack: its buffer stays put when the frames
            // vector grows.
            Frame& frame = t.frames.push_cleared();
            if (!bind_arguments(vm, fn, args, argc, kwnames, kwcount, frame)) {
                t.frames.pop_back();
                drop_from_top(drop);
                return Flow::Raised;
            }
            if (fn->code->source->generator || fn->code->source->coroutine) {
                auto* generator = vm.heap.make<GeneratorObject>();
                generator->code = fn->code;
                generator->async_generator = fn->code->source->coroutine && fn->code->source->generator;
                generator->coroutine = fn->code->source->coroutine && !generator->async_generator;
                frame.generator = generator;
                generator->frame = std::move(frame);
                t.frames.pop_back();
                drop_from_top(drop);
                return deliver(Value::from_object(generator));
            }
            // The new frame is counted: the limit is on the frames below it.
            if (t.frames.size() > vm.recursion_limit) {
                t.frames.pop_back();
                drop_from_top(drop);
                vm.fail(vm.types.recursion_error, "maximum recursion depth exceeded");
                return Flow::Raised;
            }
            // The arguments consumed are on the caller's frame, now just below.
            if (drop > 0) {
                ValueStack& caller = t.frames[t.frames.size() - 2].stack;
                caller.resize(caller.size() - drop);
            }
            return Flow::Continue;
        }
        case ObjectKind::Generator:
            return resume_generator(static_cast<GeneratorObject*>(callee.object), argc ? args[0] : Value::none(), drop);
        case ObjectKind::Native: {
            auto* native = static_cast<NativeObject*>(callee.object);
            NativeResult r = native->function(vm, t, native->data, CallArgs{args, argc, kwnames, kwcount});
            drop_from_top(drop);
            return native_result(std::move(r));
        }
        case ObjectKind::BoundMethod: {
            auto* method = static_cast<BoundMethodObject*>(callee.object);
            std::vector<Value> with_self;
            with_self.reserve(argc + 1);
            with_self.push_back(method->self);
            with_self.insert(with_self.end(), args, args + argc);
            Value function = method->function;
            drop_from_top(drop);
            return call(function, with_self.data(), argc + 1, kwnames, kwcount, 0);
        }
        case ObjectKind::Class:
            return construct(static_cast<ClassObject*>(callee.object), args, argc, kwnames, kwcount, drop);
        case ObjectKind::Instance: {
            // __call__ may be native too (a staticmethod is callable).
            Value* found = static_cast<InstanceObject*>(callee.object)->cls->lookup("__call__");
            Value method = found && (as<FunctionObject>(*found) || as<NativeObject>(*found)) ? *found : Value::empty();
            if (!method.is_empty()) {
                std::vector<Value> with_self;
                with_self.push_back(callee);
                with_self.insert(with_self.end(), args, args + argc);
                drop_from_top(drop);
                return call(method, with_self.data(), argc + 1, kwnames, kwcount, 0);
            }
            break;
        }
        default:
            break;
        }
    }
    drop_from_top(drop);
    vm.fail(vm.types.type_error, "'" + vm.type_name(callee) + "' object is not callable");
    return Flow::Raised;
}

// Whether a suspended frame waits inside `yield from` / `await` (at the YIELD_VALUE after SEND).
static bool delegating(const Frame& frame)
{
    const std::vector<lang::Instruction>& code = frame.code->source->code;
    return frame.ip >= 2 && code[frame.ip - 1].op == Op::YieldValue && code[frame.ip - 2].op == Op::Send;
}

// A generator suspended in an except clause keeps the exception it handles to itself, as in
// CPython: at a yield the thread gets back the exception its caller was handling, and at the
// resume the generator's own again. Both are this swap with the slot of the frame's outermost
// except clause, which holds the caller's exception while the generator runs.
static void swap_handled_exception(Thread& t, Frame& frame)
{
    for (Block& block : frame.blocks)
        if (block.kind == BlockKind::ExceptHandler) {
            std::swap(t.handled_exception, block.previous_exception);
            return;
        }
}

// Moves a suspended generator's frame onto the thread; it runs until it yields (its value is
// delivered as the result) or returns (StopIteration). An exception set by throw() is raised
// where it waits instead, or handed on to the generator it delegates to.
Flow Runner::resume_generator(GeneratorObject* generator, Value sent, uint32_t drop)
{
    drop_from_top(drop);
    const char* what = generator->coroutine ? "coroutine" : "generator";
    Value thrown = generator->thrown;
    generator->thrown = Value::empty();
    if (generator->finished) {
        if (!thrown.is_empty()) {
            vm.pending = thrown;
            return Flow::Raised;
        }
        if (generator->coroutine) {
            vm.fail(vm.types.runtime_error, "cannot reuse already awaited coroutine");
            return Flow::Raised;
        }
        vm.pending = vm.make_stop_iteration(Value::none());
        return Flow::Raised;
    }
    if (generator->running) {
        vm.fail(vm.types.value_error, std::string(what) + " already executing");
        return Flow::Raised;
    }
    if (!generator->started && thrown.is_empty() && !sent.is_none()) {
        vm.fail(vm.types.type_error, std::string("can't send non-None value to a just-started ") + what);
        return Flow::Raised;
    }
    if (t.frames.size() >= vm.recursion_limit) {
        vm.fail(vm.types.recursion_error, "maximum recursion depth exceeded");
        return Flow::Raised;
    }
    Frame frame = std::move(generator->frame);
    swap_handled_exception(t, frame);
    bool was_started = generator->started;
    generator->started = true;
    generator->running = true;
    if (!thrown.is_empty()) {
        auto* inner = was_started && delegating(frame) ? as<GeneratorObject>(frame.stack.back()) : nullptr;
        if (inner) {
            // SEND runs again and resumes the inner generator with the exception.
            inner->thrown = thrown;
            frame.ip -= 2;
            frame.stack.push_back(Value::none());
            t.frames.push_back(std::move(frame));
            return Flow::Continue;
        }
        t.frames.push_back(std::move(frame));
        vm.pending = thrown;
        return Flow::Raised;
    }
    if (was_started)
        frame.stack.push_back(sent);
    t.frames.push_back(std::move(frame));
    return Flow::Continue;
}

Flow Runner::call_then(Value callee, std::span<const Value> args, NativeContinuation then, Value state, NativeContinuation recover)
{
    Frame frame;
    frame.resume = then;
    frame.recover = recover;
    frame.state = state;
    t.frames.push_back(std::move(frame));
    return call(callee, args);
}

Flow Runner::native_result(NativeResult r)
{
    switch (r.status) {
    case NativeStatus::Return:
        // A native whose text of a value raised (an int past the digit limit) raises it.
        if (!vm.pending.is_empty())
            return Flow::Raised;
        return deliver(r.value);
    case NativeStatus::Raise:
        return Flow::Raised;
    case NativeStatus::Call: {
        if (r.then) {
            Frame frame;
            frame.resume = r.then;
            frame.recover = r.recover;
            frame.state = r.state;
            t.frames.push_back(std::move(frame));
        }
        return call(r.callee, r.call_args.data(), (uint32_t)r.call_args.size(), r.call_kwnames.data(),
                    (uint32_t)r.call_kwnames.size(), 0);
    }
    case NativeStatus::Suspend:
        if (r.then) {
            Frame frame;
            frame.resume = r.then;
            frame.state = r.state;
            t.frames.push_back(std::move(frame));
        }
        t.state = ThreadState::Suspended;
        return Flow::Suspended;
    }
    return Flow::Continue;
}

// Hands a call's result to whoever waits for it: the Python frame on top (pushed on its stack;
// an Empty result pushes nothing), or a native continuation frame, or, when no frame is left,
// the thread itself, which then finishes.
Flow Runner::deliver(Value result)
{
    while (true) {
        if (t.frames.empty()) {
            t.result = result.is_empty() ? Value::none() : result;
            t.state = ThreadState::Finished;
            return Flow::Continue;
        }
        Frame& top = t.frames.back();
        if (!top.is_native()) {
            if (!result.is_empty())
                top.stack.push_back(result);
            return Flow::Continue;
        }
        NativeContinuation resume = top.resume;
        Value state = top.state;
        t.frames.pop_back();
        NativeResult r = resume(vm, t, state, result);
        if (r.status != NativeStatus::Return)
            return native_result(std::move(r));
        result = r.value;
    }
}

static NativeResult init_must_return_none(Interpreter& vm, Thread&, Value instance, Value result)
{
    if (!result.is_none())
        return vm.raise(vm.types.type_error, "__init__() should return None, not '" + vm.type_name(result) + "'");
    return NativeResult::of(instance);
}

// After a Python __new__(cls, ...) returned: __init__ runs on the result only when it is an
// instance of cls, as CPython decides. state = (cls, positional args, keyword names, keyword values).
static NativeResult after_new(Interpreter& vm, Thread&, Value state, Value result)
{
    const std::vector<Value>& parts = as<TupleObject>(state)->items;
    auto* cls = as<ClassObject>(parts[0]);
    if (!vm.is_instance(result, cls))
        return NativeResult::of(result);
    std::vector<Value> init_args{result};
    for (size_t part = 1; part <= 3; part += 2)
        for (Value v : as<TupleObject>(parts[part])->items)
            init_args.push_back(v);
    NativeResult r = NativeResult::call(*cls->lookup("__init__"), std::move(init_args), init_must_return_none, result);
    r.call_kwnames = as<TupleObject>(parts[2])->items;
    return r;
}

// Calling a class: built-in types build their value natively; other classes get a new
// instance (from their __new__ when it is Python code), then their __init__ runs (through a
// frame when it is Python code).
Flow Runner::construct(ClassObject* cls, const Value* args, uint32_t argc, const Value* kwnames, uint32_t kwcount, uint32_t drop)
{
    // User classes derive only from object, exceptions and other user classes, so a class
    // built by a native constructor is a built-in type itself.
    if (cls->is_builtin) {
        NativeResult r = cls->constructor(vm, t, Value::from_object(cls), CallArgs{args, argc, kwnames, kwcount});
        drop_from_top(drop);
        return native_result(std::move(r));
    }
    // A metaclass's __call__ decides what calling the class does (Color(1) finds a member).
    if (ClassObject* meta = metaclass_of(cls))
        if (Value* call_method = meta->lookup("__call__"); call_method && as<FunctionObject>(*call_method)) {
            std::vector<Value> with_class{Value::from_object(cls)};
            with_class.insert(with_class.end(), args, args + argc);
            Value function = *call_method;
            drop_from_top(drop);
            return call(function, with_class.data(), argc + 1, kwnames, kwcount, 0);
        }
    if (Value* new_method = cls->lookup("__new__"); new_method && as<FunctionObject>(*new_method)) {
        uint32_t positional = argc - kwcount;
        std::vector<Value> new_args{Value::from_object(cls)};
        new_args.insert(new_args.end(), args, args + argc);
        Value state = vm.new_tuple({Value::from_object(cls), vm.new_tuple(std::vector<Value>(args, args + positional)),
                                    vm.new_tuple(std::vector<Value>(kwnames, kwnames + kwcount)),
                                    vm.new_tuple(std::vector<Value>(args + positional, args + argc))});
        std::vector<Value> names(kwnames, kwnames + kwcount);
        drop_from_top(drop);
        NativeResult r = NativeResult::call(*new_method, std::move(new_args), after_new, state);
        r.call_kwnames = std::move(names);
        return native_result(std::move(r));
    }
    auto* instance = vm.heap.make<InstanceObject>(cls);
    Value self = Value::from_object(instance);
    if (cls->is_exception)
        vm.set_attr(instance->attrs, "args", vm.new_tuple(std::vector<Value>(args, args + (argc - kwcount))));
    Value* init = cls->lookup("__init__");
    std::vector<Value> init_args;
    init_args.reserve(argc + 1);
    init_args.push_back(self);
    init_args.insert(init_args.end(), args, args + argc);
    std::vector<Value> names(kwnames, kwnames + kwcount);
    drop_from_top(drop);
    NativeResult r = NativeResult::call(*init, std::move(init_args), init_must_return_none, self);
    r.call_kwnames = std::move(names);
    return native_result(std::move(r));
}

// ---------------------------------------------------------------------------------------------
// 3. Exceptions
// ---------------------------------------------------------------------------------------------

static void record_traceback(Value exception, const Frame& frame)
{
    auto* instance = as<InstanceObject>(exception);
    if (!instance || frame.is_native() || frame.code->hidden)
        return;
    instance->traceback.push_back({frame.code, (int32_t)(frame.ip > 0 ? frame.ip - 1 : 0), frame.module});
}

// An exception raised by what the top Python frame is doing (an instruction, or a native or
// continuation it called): recorded at that frame, then unwound from the top of the thread.
void Runner::raise_here(Value exception, bool record_frame)
{
    // Raised while another exception is handled: remember it, as CPython's __context__.
    auto* instance = as<InstanceObject>(exception);
    if (record_frame && instance && as<InstanceObject>(t.handled_exception) && t.handled_exception.object != exception.object)
        vm.set_attr(instance->attrs, "__context__", t.handled_exception);
    if (record_frame)
        for (size_t i = t.frames.size(); i-- > 0;)
            if (!t.frames[i].is_native()) {
                record_traceback(exception, t.frames[i]);
                break;
            }
    unwind(exception);
}

// Finds the innermost handler: pops blocks and frames until a SETUP_FINALLY block or a native
// frame's `recover` takes the exception.
void Runner::unwind(Value exception)
{
    bool entered_caller = false;
    while (!t.frames.empty()) {
        Frame& f = t.frames.back();
        if (f.is_native()) {
            NativeContinuation recover = f.recover;
            Value state = f.state;
            t.frames.pop_back();
            if (!recover)
                continue;
            NativeResult r = recover(vm, t, state, exception);
            if (r.status != NativeStatus::Raise) {
                if (native_result(std::move(r)) != Flow::Raised)
                    return;
            }
            exception = vm.pending;
            vm.pending = Value::empty();
            continue;
        }
        if (entered_caller)
            record_traceback(exception, f);
        while (!f.blocks.empty()) {
            Block block = f.blocks.back();
            f.blocks.pop_back();
            if (block.kind == BlockKind::ExceptHandler) {
                t.handled_exception = block.previous_exception;
                continue;
            }
            f.stack.resize((size_t)block.stack_depth);
            f.stack.push_back(exception);
            f.blocks.push_back({BlockKind::ExceptHandler, 0, block.stack_depth, t.handled_exception});
            t.handled_exception = exception;
            f.ip = (uint32_t)block.handler;
            return;
        }
        if (f.generator) {
            f.generator->finished = true;
            f.generator->running = false;
            // PEP 479: a StopIteration escaping a generator's code is a bug, not its end.
            if (vm.is_instance(exception, vm.types.stop_iteration)) {
                Value replaced = vm.make_exception(vm.types.runtime_error, "generator raised StopIteration");
                as<InstanceObject>(replaced)->traceback = as<InstanceObject>(exception)->traceback;
                exception = replaced;
            }
        }
        t.frames.pop_back();
        entered_caller = true;
    }
    finish_uncaught(exception);
}

static NativeResult uncaught_text_ready(Interpreter& vm, Thread& t, Value exception, Value text)
{
    std::string name = vm.exception_line(exception);
    name = name.substr(0, name.find(':'));
    std::string message = as<StrObject>(text) ? as<StrObject>(text)->text : "<exception str() failed>";
    t.uncaught_text = message.empty() ? name : name + ": " + message;
    return NativeResult::of(Value::empty());
}

// The exception left the bottom frame. Its text is kept for the report; a user-defined __str__
// runs through a frame like any other Python code.
void Runner::finish_uncaught(Value exception)
{
    t.state = ThreadState::Finished;
    if (!t.uncaught.is_none()) {
        // The exception's own __str__ failed: report the original one.
        std::string line = vm.exception_line(t.uncaught);
        t.uncaught_text = line.substr(0, line.find(':')) + ": <exception str() failed>";
        return;
    }
    t.uncaught = exception;
    t.uncaught_text = vm.exception_line(exception);
    std::string hint = name_suggestion(vm, exception);
    if (!hint.empty())
        t.uncaught_text += ". Did you mean: '" + hint + "'?";
    Value str_method = vm.python_method(exception, "__str__");
    if (str_method.is_empty())
        return;
    t.state = ThreadState::Runnable;
    Value self[1] = {exception};
    if (call_then(str_method, self, uncaught_text_ready, exception) == Flow::Raised) {
        vm.pending = Value::empty();
        t.frames.clear();
        t.state = ThreadState::Finished;
    }
}

// The "Traceback (most recent call last):" part of an exception's report: each frame it passed
// with its source line.
static std::string traceback_lines(Interpreter& vm, const InstanceObject* instance)
{
    std::string out;
    if (instance && !instance->traceback.empty()) {
        out += "Traceback (most recent call last):\n";
        for (size_t i = instance->traceback.size(); i-- > 0;) {
            const TracebackEntry& entry = instance->traceback[i];
            const lang::CodeObject& code = *entry.code->source;
            int line = code.positions[(size_t)entry.instruction].line;
            out += "  File \"" + code.filename + "\", line " + std::to_string(line) + ", in " + code.name + "\n";
            auto source = vm.sources.find(code.filename);
            if (source != vm.sources.end()) {
                std::string_view text = lang::source_line(source->second, line);
                size_t start = text.find_first_not_of(" \t");
                if (start != std::string_view::npos)
                    out += "    " + std::string(text.substr(start)) + "\n";
            }
        }
    }
    return out;
}

std::string Interpreter::format_uncaught(const Thread& thread)
{
    // The exceptions that led to this one come before it, as CPython prints them: its
    // __cause__ (raise ... from ...), else its __context__ (raised while handling another)
    // unless `from` suppressed it. chain[i] led to chain[i - 1]; `direct[i]` says how.
    std::vector<const InstanceObject*> chain;
    std::vector<bool> direct;
    for (Value e = thread.uncaught; auto* instance = as<InstanceObject>(e); ) {
        if (std::find(chain.begin(), chain.end(), instance) != chain.end() || chain.size() > 20)
            break;
        chain.push_back(instance);
        Value* cause = instance->attrs.find("__cause__");
        Value* suppress = instance->attrs.find("__suppress_context__");
        Value* context = instance->attrs.find("__context__");
        bool caused = cause && !cause->is_none();
        direct.push_back(caused);
        e = caused ? *cause : (suppress && truthy(*suppress)) || !context ? Value::none() : *context;
    }
    std::string out;
    for (size_t i = chain.size(); i-- > 1;) {
        Value earlier = Value::from_object(const_cast<InstanceObject*>(chain[i]));
        std::string line = exception_line(earlier);
        std::string hint = name_suggestion(*this, earlier);
        if (!hint.empty())
            line += ". Did you mean: '" + hint + "'?";
        out += traceback_lines(*this, chain[i]) + line +
               (direct[i - 1] ? "\n\nThe above exception was the direct cause of the following exception:\n\n"
                              : "\n\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    return out + traceback_lines(*this, as<InstanceObject>(thread.uncaught)) + thread.uncaught_text + "\n";
}

// ---------------------------------------------------------------------------------------------
// 4. Imports
// ---------------------------------------------------------------------------------------------

static NativeResult import_continue(Interpreter& vm, Thread& t, Value name, Value);

// Imports the module `name` ("a.b" imports "a" first): creates it, installs its natives and
// runs its Python source through a frame. The module object is the result.
static NativeResult import_step(Interpreter& vm, Thread&, Value name_value)
{
    const std::string& name = as<StrObject>(name_value)->text;
    size_t end = 0;
    while (true) {
        end = name.find('.', end + 1);
        std::string part = name.substr(0, end);
        if (!vm.modules.count(part)) {
            const ModuleDef* def = nullptr;
            for (const ModuleDef& candidate : vm.module_table)
                if (part == candidate.name)
                    def = &candidate;
            if (!def)
                return vm.raise(vm.types.module_not_found_error, "No module named '" + part + "'");
            ModuleObject* module = vm.new_module(part);
            vm.modules[part] = module;
            size_t dot = part.rfind('.');
            if (dot != std::string::npos)
                vm.set_attr(vm.modules[part.substr(0, dot)]->globals, part.substr(dot + 1), Value::from_object(module));
            if (def->install)
                def->install(vm, *module);
            if (def->python_source) {
                lang::CompileResult compiled = lang::compile_source_once(def->python_source, "<" + part + ">");
                if (compiled.error)
                    return vm.raise(vm.types.import_error, "module '" + part + "' failed to compile: " + compiled.error->message);
                Code* code = vm.load_compiled(std::move(compiled.module), true);
                auto* body = vm.heap.make<FunctionObject>();
                body->code = code;
                body->module = module;
                body->name = body->qualname = "<module>";
                return NativeResult::call(Value::from_object(body), {}, import_continue, name_value);
            }
        }
        if (end == std::string::npos)
            return NativeResult::of(Value::from_object(vm.modules[name]));
    }
}

static NativeResult import_continue(Interpreter& vm, Thread& t, Value name, Value)
{
    return import_step(vm, t, name);
}

Flow Runner::import_module(Value name)
{
    return native_result(import_step(vm, t, name));
}

// ---------------------------------------------------------------------------------------------
// 5. The bytecode loop
// ---------------------------------------------------------------------------------------------

static NativeResult raise_result(Interpreter& vm, Thread&, Value, Value exception)
{
    if (!vm.is_instance(exception, vm.types.base_exception))
        return vm.raise(vm.types.type_error, "exceptions must derive from BaseException");
    vm.pending = exception;
    return NativeResult::raised();
}

// `raise exception from cause`, once both are instances (or the cause is None): the cause is
// kept as __cause__ and the context will not be printed.
static NativeResult raise_caused(Interpreter& vm, Thread&, Value cause, Value exception)
{
    auto* instance = as<InstanceObject>(exception);
    if (!instance || !vm.is_instance(exception, vm.types.base_exception))
        return vm.raise(vm.types.type_error, "exceptions must derive from BaseException");
    vm.set_attr(instance->attrs, "__cause__", cause);
    vm.set_attr(instance->attrs, "__suppress_context__", Value::from_bool(true));
    vm.pending = exception;
    return NativeResult::raised();
}

// The cause was a class and is now an instance; the exception may still be a class to call.
static NativeResult cause_ready(Interpreter& vm, Thread& t, Value exception, Value cause)
{
    if (as<ClassObject>(exception))
        return NativeResult::call(exception, {}, raise_caused, cause);
    return raise_caused(vm, t, cause, exception);
}

// The built-in types whose class pattern's one positional sub-pattern matches the subject itself.
static bool matches_itself(const BuiltinTypes& types, const ClassObject* cls)
{
    for (const ClassObject* self_matching : {types.bool_type, types.dict, types.float_type, types.frozenset, types.int_type,
                                             types.list, types.set, types.str, types.tuple})
        if (cls == self_matching)
            return true;
    return false;
}

// MATCH_CLASS: when `subject` is an instance of `cls`, the tuple of the attributes that the
// positional sub-patterns (through cls.__match_args__) and the keyword ones name; None when it
// is not, or lacks one of them; Empty when the pattern is wrong (pending set).
static Value match_class_attributes(Interpreter& vm, Value subject, Value cls_value, Value names, int32_t positional)
{
    auto* cls = as<ClassObject>(cls_value);
    if (!cls)
        return vm.fail(vm.types.type_error, "called match pattern must be a type");
    if (!vm.is_instance(subject, cls))
        return Value::none();
    std::vector<Value> attribute_names;
    std::vector<Value> values;
    if (positional > 0) {
        Value* match_args = cls->lookup("__match_args__");
        if (!match_args && matches_itself(vm.types, cls)) {
            if (positional > 1)
                return vm.fail(vm.types.type_error, cls->name + "() accepts 1 positional sub-pattern (" + std::to_string(positional) + " given)");
            values.push_back(subject);
        } else {
            auto* tuple = match_args ? as<TupleObject>(*match_args) : nullptr;
            if (match_args && !tuple)
                return vm.fail(vm.types.type_error, cls->name + ".__match_args__ must be a tuple (got " + vm.type_name(*match_args) + ")");
            size_t available = tuple ? tuple->items.size() : 0;
            if ((size_t)positional > available)
                return vm.fail(vm.types.type_error, cls->name + "() accepts " + std::to_string(available) + " positional sub-pattern" +
                                                        (available == 1 ? "" : "s") + " (" + std::to_string(positional) + " given)");
            for (int32_t i = 0; i < positional; i++) {
                if (!as<StrObject>(tuple->items[(size_t)i]))
                    return vm.fail(vm.types.type_error, "__match_args__ elements must be strings (got " + vm.type_name(tuple->items[(size_t)i]) + ")");
                attribute_names.push_back(tuple->items[(size_t)i]);
            }
        }
    }
    const std::vector<Value>& keywords = as<TupleObject>(names)->items;
    attribute_names.insert(attribute_names.end(), keywords.begin(), keywords.end());
    for (size_t i = 0; i < attribute_names.size(); i++) {
        std::string_view name = as<StrObject>(attribute_names[i])->text;
        for (size_t j = 0; j < i; j++)
            if (as<StrObject>(attribute_names[j])->text == name)
                return vm.fail(vm.types.type_error, cls->name + "() got multiple sub-patterns for attribute '" + std::string(name) + "'");
        Value v = vm.get_attr(subject, name);
        if (v.is_empty()) {
            if (!vm.is_instance(vm.pending, vm.types.attribute_error))
                return v;
            vm.pending = Value::empty();
            return Value::none();
        }
        values.push_back(v);
    }
    return vm.new_tuple(std::move(values));
}

// How CPython's argument errors name a callable: "__main__.f()", "print()".
static std::string callable_description(Interpreter& vm, Value callee)
{
    if (auto* method = as<BoundMethodObject>(callee))
        callee = method->function;
    if (auto* fn = as<FunctionObject>(callee))
        return (fn->module && fn->module->name != "builtins" ? fn->module->name + "." : std::string()) + fn->qualname + "()";
    if (auto* native = as<NativeObject>(callee))
        return std::string(native->name) + "()";
    if (auto* cls = as<ClassObject>(callee))
        return (cls->module_name != "builtins" ? cls->module_name + "." : std::string()) + cls->qualname + "()";
    return vm.type_name(callee) + " object";
}

static NativeResult pass_result(Interpreter&, Thread&, Value, Value result)
{
    return NativeResult::of(result);
}

// FOR_ITER over a user-defined iterator: StopIteration from __next__ ends the loop, as the
// instruction does for a built-in iterator (pop it, jump past the loop).
static NativeResult end_loop_on_stop(Interpreter& vm, Thread& t, Value, Value exception)
{
    if (!vm.is_instance(exception, vm.types.stop_iteration)) {
        vm.pending = exception;
        return NativeResult::raised();
    }
    Frame& loop = t.frames.back();
    loop.stack.pop_back();
    loop.ip = (uint32_t)loop.code->source->code[loop.ip - 1].arg;
    return NativeResult::of(Value::empty());
}

// SEND: the iterator delegated to has ended. StopIteration carries its return value, which
// replaces it on the stack; the frame goes on after the `yield from` / `await`.
static NativeResult delegation_ended(Interpreter& vm, Thread& t, Value target, Value exception)
{
    if (!vm.is_instance(exception, vm.types.stop_iteration)) {
        vm.pending = exception;
        return NativeResult::raised();
    }
    Frame& frame = t.frames.back();
    frame.stack.pop_back();
    frame.ip = (uint32_t)target.as_integral();
    return NativeResult::of(vm.stop_iteration_value(exception));
}

// The operand of the instruction just executed was converted by Python code (a user iterable
// turned into a tuple): the instruction runs again, now on the converted value.
static NativeResult rerun_instruction(Interpreter&, Thread& t, Value, Value converted)
{
    t.frames.back().ip--;
    return NativeResult::of(converted);
}

// A truth test of an object whose class defines __bool__ or __len__ in Python: bool(value) ran
// through a frame; this finishes the jump instruction that asked (the value is `state`).
static NativeResult branch_on_truth(Interpreter&, Thread& t, Value value, Value truth)
{
    Frame& f = t.frames.back();
    const lang::Instruction& in = f.code->source->code[f.ip - 1];
    bool jump_if = in.op == Op::PopJumpIfTrue || in.op == Op::JumpIfTrueOrPop;
    bool keeps_value = in.op == Op::JumpIfFalseOrPop || in.op == Op::JumpIfTrueOrPop;
    if (truth.boolean != jump_if)
        return NativeResult::of(Value::empty());
    f.ip = (uint32_t)in.arg;
    return NativeResult::of(keeps_value ? value : Value::empty());
}

static NativeResult negate_result(Interpreter& vm, Thread&, Value, Value result)
{
    return NativeResult::of(Value::from_bool(!vm.truthy(result)));
}

static NativeResult format_result(Interpreter& vm, Thread&, Value spec, Value result)
{
    std::string out;
    if (!vm.format_value(result, as<StrObject>(spec)->text, out))
        return NativeResult::raised();
    return NativeResult::of(vm.new_str(out));
}

// The dunder a comparison operator calls, and the one its reflection calls.
static const char* compare_dunder(lang::CompareOp op, bool reflected)
{
    using lang::CompareOp;
    switch (op) {
    case CompareOp::Lt: return reflected ? "__gt__" : "__lt__";
    case CompareOp::LtE: return reflected ? "__ge__" : "__le__";
    case CompareOp::Gt: return reflected ? "__lt__" : "__gt__";
    case CompareOp::GtE: return reflected ? "__le__" : "__ge__";
    case CompareOp::Eq: return "__eq__";
    case CompareOp::NotEq: return "__ne__";
    default: return nullptr;
    }
}

// The operator methods a binary operation tries in turn, as CPython does: a's in-place method
// (for +=), a's own, then b's reflected one when b's class differs. `stage` says where to go on
// after a method returned NotImplemented; false when no method is left to try.
static bool next_binary_method(Interpreter& vm, uint32_t arg, Value a, Value b, int& stage, Value& method, Value args[2])
{
    const char* dunder = lang::binary_op_dunder((lang::BinaryOp)(arg & 0xFF));
    auto* ia = as<InstanceObject>(a);
    auto* ib = as<InstanceObject>(b);
    for (; stage < 3; stage++) {
        if (stage == 0 && ia && (arg & lang::kInPlace))
            method = vm.python_method(a, std::string("__i") + (dunder + 2));
        else if (stage == 1 && ia)
            method = vm.python_method(a, dunder);
        else if (stage == 2 && ib && !(ia && ia->cls == ib->cls))
            method = vm.python_method(b, std::string("__r") + (dunder + 2));
        else
            continue;
        if (!method.is_empty()) {
            args[0] = stage == 2 ? b : a;
            args[1] = stage == 2 ? a : b;
            stage++;
            return true;
        }
    }
    return false;
}

static NativeResult binary_method_or_builtin(Interpreter& vm, uint32_t arg, Value a, Value b, int stage);

static NativeResult after_binary_method(Interpreter& vm, Thread&, Value state, Value result)
{
    if (!vm.is_not_implemented(result))
        return NativeResult::of(result);
    const std::vector<Value>& parts = as<TupleObject>(state)->items;
    return binary_method_or_builtin(vm, (uint32_t)parts[0].integer, parts[1], parts[2], (int)parts[3].integer);
}

// The next method to try, or, once every one returned NotImplemented, the built-in operation
// (whose TypeError names both types, as CPython's does).
static NativeResult binary_method_or_builtin(Interpreter& vm, uint32_t arg, Value a, Value b, int stage)
{
    Value method;
    Value args[2];
    if (next_binary_method(vm, arg, a, b, stage, method, args))
        return NativeResult::call(method, {args[0], args[1]}, after_binary_method,
                                  vm.new_tuple({Value::from_int(arg), a, b, Value::from_int(stage)}));
    Value r = vm.binary_op((lang::BinaryOp)(arg & 0xFF), a, b, (arg & lang::kInPlace) != 0);
    return r.is_empty() ? NativeResult::raised() : NativeResult::of(r);
}

// The comparison methods tried in turn: a's, then b's reflected one (for comparisons CPython
// tries it even when the classes are the same). Without a __ne__, != negates __eq__, as
// object.__ne__ does.
static bool next_compare_method(Interpreter& vm, lang::CompareOp op, Value a, Value b, int& stage, Value& method, Value args[2], bool& negate)
{
    for (; stage < 2; stage++) {
        Value self = stage == 0 ? a : b;
        if (!as<InstanceObject>(self))
            continue;
        method = vm.python_method(self, compare_dunder(op, stage == 1));
        negate = method.is_empty() && op == lang::CompareOp::NotEq;
        if (negate)
            method = vm.python_method(self, "__eq__");
        if (!method.is_empty()) {
            args[0] = self;
            args[1] = stage == 0 ? b : a;
            stage++;
            return true;
        }
    }
    return false;
}

static NativeResult compare_method_or_builtin(Interpreter& vm, lang::CompareOp op, Value a, Value b, int stage);

// state = (op, a, b, next stage, whether the method was __eq__ standing for !=).
static NativeResult after_compare_method(Interpreter& vm, Thread&, Value state, Value result)
{
    const std::vector<Value>& parts = as<TupleObject>(state)->items;
    if (!vm.is_not_implemented(result))
        return NativeResult::of(parts[4].boolean ? Value::from_bool(!vm.truthy(result)) : result);
    return compare_method_or_builtin(vm, (lang::CompareOp)parts[0].integer, parts[1], parts[2], (int)parts[3].integer);
}

// The next method to try, or the built-in comparison once each returned NotImplemented: == and
// != fall back to identity, an ordering to "'<' not supported between instances of ...".
static NativeResult compare_method_or_builtin(Interpreter& vm, lang::CompareOp op, Value a, Value b, int stage)
{
    Value method;
    Value args[2];
    bool negate = false;
    if (next_compare_method(vm, op, a, b, stage, method, args, negate))
        return NativeResult::call(method, {args[0], args[1]}, after_compare_method,
                                  vm.new_tuple({Value::from_int((int64_t)op), a, b, Value::from_int(stage), Value::from_bool(negate)}));
    Value r = vm.compare(op, a, b);
    return r.is_empty() ? NativeResult::raised() : NativeResult::of(r);
}

static bool int_compare(lang::CompareOp op, int64_t a, int64_t b, bool& out)
{
    using lang::CompareOp;
    switch (op) {
    case CompareOp::Lt: out = a < b; return true;
    case CompareOp::LtE: out = a <= b; return true;
    case CompareOp::Eq: out = a == b; return true;
    case CompareOp::NotEq: out = a != b; return true;
    case CompareOp::Gt: out = a > b; return true;
    case CompareOp::GtE: out = a >= b; return true;
    default: return false;
    }
}

RunResult Interpreter::run(Thread& t, uint64_t budget)
{
    Runner runner{*this, t};
    uint64_t executed = 0;
    Frame* f = nullptr;
    const lang::Instruction* code = nullptr;
    const Value* constants = nullptr;
    const Value* names = nullptr;
    ValueStack* stack = nullptr;
    Value exception;
    Flow flow = Flow::Continue;

reload:
    if (t.state != ThreadState::Runnable || executed >= budget)
        goto stop;
    if (heap.collection_due())
        collect_garbage();
    f = &t.frames.back();
    if (!f->code->prepared)
        prepare(*f->code);
    code = f->code->source->code.data();
    constants = f->code->constants.data();
    names = f->code->names.data();
    stack = &f->stack;

    while (executed < budget) {
        // The instruction before this one may have taken the heap past its budget: it raises
        // MemoryError here, inside the same try block as the allocation.
        if (heap.bytes >= heap.collection_bytes && memory_exhausted())
            goto error;
        const lang::Instruction in = code[f->ip++];
        executed++;
        ValueStack& s = *stack;
        switch (in.op) {
        case Op::Nop:
            continue;
        case Op::PopTop:
            s.pop_back();
            continue;
        case Op::DupTop:
            s.push_back(s.back());
            continue;
        case Op::DupTopTwo: {
            Value a = s[s.size() - 2], b = s.back();
            s.push_back(a);
            s.push_back(b);
            continue;
        }
        case Op::RotTwo:
            std::swap(s[s.size() - 1], s[s.size() - 2]);
            continue;
        case Op::RotThree: {
            size_t n = s.size();
            Value top = s[n - 1];
            s[n - 1] = s[n - 2];
            s[n - 2] = s[n - 3];
            s[n - 3] = top;
            continue;
        }
        case Op::PushNull:
            s.push_back(Value::empty());
            continue;
        case Op::LoadConst:
            s.push_back(constants[in.arg]);
            continue;
        case Op::LoadFast: {
            Value v = f->locals[(size_t)in.arg];
            if (v.is_empty()) {
                fail(types.unbound_local_error, "cannot access local variable '" + f->code->source->local_names[(size_t)in.arg] +
                                                    "' where it is not associated with a value");
                goto error;
            }
            s.push_back(v);
            continue;
        }
        case Op::StoreFast:
            f->locals[(size_t)in.arg] = s.back();
            s.pop_back();
            continue;
        case Op::DeleteFast:
            if (f->locals[(size_t)in.arg].is_empty()) {
                fail(types.unbound_local_error, "cannot access local variable '" + f->code->source->local_names[(size_t)in.arg] +
                                                    "' where it is not associated with a value");
                goto error;
            }
            f->locals[(size_t)in.arg] = Value::empty();
            continue;
        case Op::LoadDeref:
        case Op::DeleteDeref: {
            CellObject* cell = f->cells[(size_t)in.arg];
            if (cell->value.is_empty()) {
                const lang::CodeObject& c = *f->code->source;
                size_t cells = c.cell_names.size();
                if ((size_t)in.arg < cells)
                    fail(types.unbound_local_error, "cannot access local variable '" + c.cell_names[(size_t)in.arg] +
                                                        "' where it is not associated with a value");
                else
                    fail(types.name_error, "cannot access free variable '" + c.free_names[(size_t)in.arg - cells] +
                                               "' where it is not associated with a value in enclosing scope");
                goto error;
            }
            if (in.op == Op::LoadDeref)
                s.push_back(cell->value);
            else
                cell->value = Value::empty();
            continue;
        }
        case Op::StoreDeref:
            f->cells[(size_t)in.arg]->value = s.back();
            s.pop_back();
            continue;
        case Op::LoadClosure:
            s.push_back(Value::from_object(f->cells[(size_t)in.arg]));
            continue;
        case Op::LoadGlobal: {
            Value* v = f->module->globals.find(names[in.arg]);
            if (!v)
                v = builtins->globals.find(names[in.arg]);
            if (!v) {
                fail_name(names[in.arg]);
                goto error;
            }
            s.push_back(*v);
            continue;
        }
        case Op::StoreGlobal:
            f->module->globals.set(names[in.arg], s.back());
            s.pop_back();
            continue;
        case Op::DeleteGlobal:
            if (!f->module->globals.remove(names[in.arg])) {
                fail_name(names[in.arg]);
                goto error;
            }
            continue;
        case Op::LoadName: {
            Value* v = as<DictObject>(f->locals[0])->table.find(names[in.arg]);
            if (!v)
                v = f->module->globals.find(names[in.arg]);
            if (!v)
                v = builtins->globals.find(names[in.arg]);
            if (!v) {
                fail_name(names[in.arg]);
                goto error;
            }
            s.push_back(*v);
            continue;
        }
        case Op::StoreName:
            as<DictObject>(f->locals[0])->table.set(names[in.arg], s.back());
            s.pop_back();
            continue;
        case Op::DeleteName:
            if (!as<DictObject>(f->locals[0])->table.remove(names[in.arg])) {
                fail_name(names[in.arg]);
                goto error;
            }
            continue;
        case Op::LoadAttr: {
            // The common case first: an instance's own attribute, no property in its class.
            if (auto* instance = as<InstanceObject>(s.back()); instance && !any_data_descriptor(instance->cls))
                if (Value* own = instance->attrs.find(names[in.arg])) {
                    s.back() = *own;
                    continue;
                }
            if (DescriptorCall d; descriptor_read(*this, s.back(), as<StrObject>(names[in.arg])->text, d)) {
                s.pop_back();
                flow = runner.call(d.callee, std::span<const Value>(d.args, d.argc));
                goto after_call;
            }
            Value v = get_attr(s.back(), as<StrObject>(names[in.arg])->text);
            if (v.is_empty())
                goto error;
            s.back() = v;
            continue;
        }
        case Op::StoreAttr: {
            Value object = s.back();
            Value value = s[s.size() - 2];
            s.resize(s.size() - 2);
            if (DescriptorCall d; descriptor_write(*this, object, as<StrObject>(names[in.arg])->text, value, false, d)) {
                if (d.callee.is_empty())
                    goto error;
                flow = runner.call_then(d.callee, std::span<const Value>(d.args, d.argc), discard_result, Value());
                goto after_call;
            }
            // The common case: an instance's own attribute, keyed by the code's interned name
            // (as CPython shares it) rather than by a new str for every instance.
            if (auto* instance = as<InstanceObject>(object); instance && !instance->cls->has_slots) {
                instance->attrs.set(names[in.arg], value);
                continue;
            }
            if (!set_attr_checked(object, as<StrObject>(names[in.arg])->text, value))
                goto error;
            continue;
        }
        case Op::DeleteAttr: {
            Value object = s.back();
            s.pop_back();
            if (DescriptorCall d; descriptor_write(*this, object, as<StrObject>(names[in.arg])->text, Value(), true, d)) {
                if (d.callee.is_empty())
                    goto error;
                flow = runner.call_then(d.callee, std::span<const Value>(d.args, d.argc), discard_result, Value());
                goto after_call;
            }
            if (!delete_attr(object, as<StrObject>(names[in.arg])->text))
                goto error;
            continue;
        }
        case Op::LoadMethod: {
            // [function, self] when the attribute is a method of the object's class: the call
            // then needs no bound-method object.
            Value object = s.back();
            std::string_view name = as<StrObject>(names[in.arg])->text;
            Value method = Value::empty();
            if (auto* instance = as<InstanceObject>(object)) {
                if (!instance->attrs.find(name))
                    if (Value* found = instance->cls->lookup(name); found && (as<FunctionObject>(*found) || as<NativeObject>(*found)))
                        method = *found;
            } else if (object.kind != ValueKind::Object || (object.object->kind != ObjectKind::Class &&
                                                            object.object->kind != ObjectKind::Module &&
                                                            object.object->kind != ObjectKind::Super)) {
                if (Value* found = type_of(object)->lookup(name); found && as<NativeObject>(*found))
                    method = *found;
            }
            if (!method.is_empty()) {
                s.back() = method;
                s.push_back(object);
                continue;
            }
            if (DescriptorCall d; descriptor_read(*this, object, name, d)) {
                s.pop_back();
                flow = runner.call_then(d.callee, std::span<const Value>(d.args, d.argc), push_with_null_self, Value());
                goto after_call;
            }
            Value v = get_attr(object, name);
            if (v.is_empty())
                goto error;
            s.back() = v;
            s.push_back(Value::empty());
            continue;
        }
        case Op::BinarySubscr: {
            Value index = s.back();
            Value container = s[s.size() - 2];
            if (auto* list = as<ListObject>(container); list && index.is_int()) {
                int64_t i = index.integer < 0 ? index.integer + (int64_t)list->items.size() : index.integer;
                if (i >= 0 && i < (int64_t)list->items.size()) {
                    s.pop_back();
                    s.back() = list->items[(size_t)i];
                    continue;
                }
            }
            Value method = python_method(container, "__getitem__");
            if (!method.is_empty()) {
                Value args[2] = {container, index};
                s.resize(s.size() - 2);
                flow = runner.call(method, args);
                goto after_call;
            }
            Value v = get_item(container, index);
            if (v.is_empty())
                goto error;
            s.pop_back();
            s.back() = v;
            continue;
        }
        case Op::StoreSubscr: {
            Value index = s.back(), container = s[s.size() - 2], value = s[s.size() - 3];
            s.resize(s.size() - 3);
            Value method = python_method(container, "__setitem__");
            if (!method.is_empty()) {
                Value args[3] = {container, index, value};
                flow = runner.call_then(method, args, discard_result, Value());
                goto after_call;
            }
            if (!set_item(container, index, value))
                goto error;
            continue;
        }
        case Op::DeleteSubscr: {
            Value index = s.back(), container = s[s.size() - 2];
            s.resize(s.size() - 2);
            Value method = python_method(container, "__delitem__");
            if (!method.is_empty()) {
                Value args[2] = {container, index};
                flow = runner.call_then(method, args, discard_result, Value());
                goto after_call;
            }
            if (!delete_item(container, index))
                goto error;
            continue;
        }
        case Op::BuildSlice: {
            auto* slice = heap.make<SliceObject>();
            if (in.arg == 3) {
                slice->step = s.back();
                s.pop_back();
            }
            slice->stop = s.back();
            s.pop_back();
            slice->start = s.back();
            s.back() = Value::from_object(slice);
            continue;
        }
        case Op::BinaryOp: {
            Value b = s.back();
            Value a = s[s.size() - 2];
            lang::BinaryOp op = (lang::BinaryOp)(in.arg & 0xFF);
            if (a.kind == ValueKind::Int && b.kind == ValueKind::Int) {
                int64_t r;
                bool done = true;
                switch (op) {
                case lang::BinaryOp::Add: done = !__builtin_add_overflow(a.integer, b.integer, &r); break;
                case lang::BinaryOp::Sub: done = !__builtin_sub_overflow(a.integer, b.integer, &r); break;
                case lang::BinaryOp::Mul: done = !__builtin_mul_overflow(a.integer, b.integer, &r); break;
                default: done = false; break;
                }
                if (done) {
                    s.pop_back();
                    s.back() = Value::from_int(r);
                    continue;
                }
            }
            if ((a.kind == ValueKind::Object && a.object->kind == ObjectKind::Instance) ||
                (b.kind == ValueKind::Object && b.object->kind == ObjectKind::Instance)) {
                Value method;
                Value args[2];
                int stage = 0;
                if (next_binary_method(*this, in.arg, a, b, stage, method, args)) {
                    s.resize(s.size() - 2);
                    flow = runner.call_then(method, args, after_binary_method,
                                            new_tuple({Value::from_int(in.arg), a, b, Value::from_int(stage)}));
                    goto after_call;
                }
            }
            if (op == lang::BinaryOp::Mod && as<StrObject>(a) && format_args_need_python(*this, b)) {
                Value args[2] = {a, b};
                s.resize(s.size() - 2);
                flow = runner.call(prelude_function(*this, "_percent_slow"), args);
                goto after_call;
            }
            Value r = binary_op(op, a, b, (in.arg & lang::kInPlace) != 0);
            if (r.is_empty())
                goto error;
            s.pop_back();
            s.back() = r;
            continue;
        }
        case Op::UnaryOp: {
            Value v = s.back();
            lang::UnaryOp op = (lang::UnaryOp)in.arg;
            if (op == lang::UnaryOp::Not) {
                if (has_python_truth(v)) {
                    s.pop_back();
                    Value args[1] = {v};
                    flow = runner.call_then(Value::from_object(types.bool_type), args, negate_result, Value());
                    goto after_call;
                }
                s.back() = Value::from_bool(!truthy(v));
                continue;
            }
            if (v.kind == ValueKind::Object && v.object->kind == ObjectKind::Instance) {
                static const char* const kDunders[] = {"__neg__", "__pos__", "", "__invert__"};
                Value method = python_method(v, kDunders[(int)op]);
                if (!method.is_empty()) {
                    s.pop_back();
                    Value args[1] = {v};
                    flow = runner.call(method, args);
                    goto after_call;
                }
            }
            Value r = unary_op(op, v);
            if (r.is_empty())
                goto error;
            s.back() = r;
            continue;
        }
        case Op::CompareOp: {
            Value b = s.back();
            Value a = s[s.size() - 2];
            lang::CompareOp op = (lang::CompareOp)in.arg;
            bool result;
            if (a.kind == ValueKind::Int && b.kind == ValueKind::Int && int_compare(op, a.integer, b.integer, result)) {
                s.pop_back();
                s.back() = Value::from_bool(result);
                continue;
            }
            bool a_instance = a.kind == ValueKind::Object && a.object->kind == ObjectKind::Instance;
            bool b_instance = b.kind == ValueKind::Object && b.object->kind == ObjectKind::Instance;
            if ((a_instance || b_instance) && compare_dunder(op, false)) {
                Value method;
                Value args[2];
                bool negate = false;
                int stage = 0;
                if (next_compare_method(*this, op, a, b, stage, method, args, negate)) {
                    s.resize(s.size() - 2);
                    flow = runner.call_then(method, args, after_compare_method,
                                            new_tuple({Value::from_int((int64_t)op), a, b, Value::from_int(stage), Value::from_bool(negate)}));
                    goto after_call;
                }
            }
            // Containers whose elements define comparisons in Python compare through the prelude.
            if (op != lang::CompareOp::Is && op != lang::CompareOp::IsNot && !a_instance && !b_instance &&
                (needs_python_compare(*this, a) || needs_python_compare(*this, b))) {
                Value args[3] = {new_str(lang::compare_op_symbol(op)), a, b};
                s.resize(s.size() - 2);
                flow = runner.call(prelude_function(*this, "_compare_slow"), args);
                goto after_call;
            }
            if ((op == lang::CompareOp::In || op == lang::CompareOp::NotIn) &&
                ((b_instance && python_method(b, "__contains__").is_empty() && !python_method(b, "__iter__").is_empty()) || as<GeneratorObject>(b))) {
                Value args[3] = {new_str(lang::compare_op_symbol(op)), a, b};
                s.resize(s.size() - 2);
                flow = runner.call(prelude_function(*this, "_compare_slow"), args);
                goto after_call;
            }
            // (b may be a class whose metaclass defines __contains__: Color.RED in Color.)
            if ((op == lang::CompareOp::In || op == lang::CompareOp::NotIn) && (b_instance || as<ClassObject>(b))) {
                Value method = python_method(b, "__contains__");
                if (!method.is_empty()) {
                    Value args[2] = {b, a};
                    s.resize(s.size() - 2);
                    flow = op == lang::CompareOp::NotIn ? runner.call_then(method, args, negate_result, Value()) : runner.call(method, args);
                    goto after_call;
                }
            }
            Value r = compare(op, a, b);
            if (r.is_empty())
                goto error;
            s.pop_back();
            s.back() = r;
            continue;
        }
        case Op::Jump:
            // A backward jump closes a loop: a safe point to collect garbage.
            if ((uint32_t)in.arg < f->ip && heap.collection_due())
                collect_garbage();
            f->ip = (uint32_t)in.arg;
            continue;
        case Op::PopJumpIfFalse:
        case Op::PopJumpIfTrue: {
            Value v = s.back();
            s.pop_back();
            bool truth;
            if (v.kind == ValueKind::Bool) {
                truth = v.boolean;
            } else if (has_python_truth(v)) {
                Value args[1] = {v};
                flow = runner.call_then(Value::from_object(types.bool_type), args, branch_on_truth, v);
                goto after_call;
            } else {
                truth = truthy(v);
            }
            if (truth == (in.op == Op::PopJumpIfTrue))
                f->ip = (uint32_t)in.arg;
            continue;
        }
        case Op::JumpIfFalseOrPop:
        case Op::JumpIfTrueOrPop:
            if (has_python_truth(s.back())) {
                Value v = s.back();
                s.pop_back();
                Value args[1] = {v};
                flow = runner.call_then(Value::from_object(types.bool_type), args, branch_on_truth, v);
                goto after_call;
            }
            if (truthy(s.back()) == (in.op == Op::JumpIfTrueOrPop))
                f->ip = (uint32_t)in.arg;
            else
                s.pop_back();
            continue;
        case Op::GetYieldFromIter:
            if (auto* generator = as<GeneratorObject>(s.back()); generator && generator->coroutine) {
                fail(types.type_error, "cannot 'yield from' a coroutine object in a non-coroutine generator");
                goto error;
            }
            [[fallthrough]];
        case Op::GetIter: {
            Value v = s.back();
            if (auto* generator = as<GeneratorObject>(v); generator && generator->coroutine) {
                fail(types.type_error, "'coroutine' object is not iterable");
                goto error;
            }
            if (v.kind == ValueKind::Object && (v.object->kind == ObjectKind::Iterator || v.object->kind == ObjectKind::Generator))
                continue;
            Value method = python_method(v, "__iter__");
            if (!method.is_empty()) {
                s.pop_back();
                Value args[1] = {v};
                flow = runner.call(method, args);
                goto after_call;
            }
            Value it = get_iter(v);
            if (it.is_empty())
                goto error;
            s.back() = it;
            continue;
        }
        case Op::GetAwaitable: {
            Value v = s.back();
            auto* generator = as<GeneratorObject>(v);
            if (generator && generator->coroutine) {
                if (generator->finished) {
                    fail(types.runtime_error, "cannot reuse already awaited coroutine");
                    goto error;
                }
                continue;
            }
            Value method = generator ? Value::empty() : python_method(v, "__await__");
            if (method.is_empty()) {
                fail(types.type_error, in.arg == 1 ? "'async for' received an invalid object from __anext__: " + type_name(v)
                                                   : "object " + type_name(v) + " can't be used in 'await' expression");
                goto error;
            }
            s.pop_back();
            Value args[1] = {v};
            flow = runner.call(method, args);
            goto after_call;
        }
        case Op::GetAIter:
        case Op::GetANext: {
            bool first = in.op == Op::GetAIter;
            Value v = s.back();
            Value* method = type_of(v)->lookup(first ? "__aiter__" : "__anext__");
            if (!method) {
                fail(types.type_error, first ? "'async for' requires an object with __aiter__ method, got " + type_name(v)
                                             : "'async for' received an object from __aiter__ that does not implement __anext__: " + type_name(v));
                goto error;
            }
            if (first)
                s.pop_back();
            Value args[1] = {v};
            flow = runner.call(*method, args);
            goto after_call;
        }
        case Op::EndAsyncFor: {
            Value raised = s.back();
            s.pop_back();
            if (!is_instance(raised, types.stop_async_iteration)) {
                exception = raised;
                goto reraise;
            }
            t.handled_exception = f->blocks.back().previous_exception;
            f->blocks.pop_back();
            s.pop_back();
            continue;
        }
        case Op::Send: {
            Value sent = s.back();
            s.pop_back();
            Value delegate = s.back();
            Value target = Value::from_int(in.arg);
            if (as<GeneratorObject>(delegate)) {
                Value args[1] = {sent};
                flow = runner.call_then(delegate, args, pass_result, target, delegation_ended);
            } else if (sent.is_none()) {
                Value args[1] = {delegate};
                flow = runner.call_then(*builtins->globals.find("next"), args, pass_result, target, delegation_ended);
            } else {
                Value send = get_attr(delegate, "send");
                if (send.is_empty())
                    goto error;
                Value args[1] = {sent};
                flow = runner.call_then(send, args, pass_result, target, delegation_ended);
            }
            goto after_call;
        }
        case Op::ForIter: {
            auto* it = as<IteratorObject>(s.back());
            if (auto* generator = as<GeneratorObject>(s.back())) {
                if (generator->finished) {
                    s.pop_back();
                    f->ip = (uint32_t)in.arg;
                    continue;
                }
                flow = runner.call_then(s.back(), {}, pass_result, Value(), end_loop_on_stop);
                goto after_call;
            }
            if (!it) {
                Value method = python_method(s.back(), "__next__");
                if (method.is_empty()) {
                    fail(types.type_error, "iter() returned non-iterator of type '" + type_name(s.back()) + "'");
                    goto error;
                }
                Value args[1] = {s.back()};
                flow = runner.call_then(method, args, pass_result, Value(), end_loop_on_stop);
                goto after_call;
            }
            Value v;
            if (it->iterator_kind == IteratorKind::Range) {
                if (it->step > 0 ? it->index < it->stop : it->index > it->stop) {
                    s.push_back(Value::from_int(it->index));
                    it->index += it->step;
                    continue;
                }
            } else if (next(it, v)) {
                s.push_back(v);
                continue;
            } else if (!pending.is_empty()) {
                goto error;
            }
            s.pop_back();
            f->ip = (uint32_t)in.arg;
            continue;
        }
        case Op::BuildList:
        case Op::BuildTuple: {
            std::vector<Value> items(s.end() - in.arg, s.end());
            s.resize(s.size() - (size_t)in.arg);
            s.push_back(in.op == Op::BuildList ? new_list(std::move(items)) : new_tuple(std::move(items)));
            continue;
        }
        case Op::BuildMap: {
            DictObject* dict = new_dict();
            size_t base = s.size() - 2 * (size_t)in.arg;
            for (size_t i = base; i < s.size(); i += 2) {
                if (!is_hashable(s[i])) {
                    fail_unhashable(s[i]);
                    goto error;
                }
                dict->table.set(s[i], s[i + 1]);
            }
            s.resize(base);
            s.push_back(Value::from_object(dict));
            continue;
        }
        case Op::BuildSet: {
            size_t count = (size_t)(in.arg & ~lang::kSetOfConstants);
            auto* set = heap.make<SetObject>();
            for (size_t i = s.size() - count; i < s.size(); i++) {
                if (!is_hashable(s[i])) {
                    fail_unhashable(s[i]);
                    goto error;
                }
                set->table.add(s[i]);
            }
            if (in.arg & lang::kSetOfConstants) {
                // As CPython: a frozenset of the constants, rebuilt from its own order.
                SetTable rebuilt;
                for (const SetSlot& slot : set->table.slots)
                    if (!slot.key.is_empty())
                        rebuilt.add(slot.key);
                set->table = SetTable();
                set->table.merge(rebuilt);
            }
            s.resize(s.size() - count);
            s.push_back(Value::from_object(set));
            continue;
        }
        case Op::SetAdd: {
            Value v = s.back();
            s.pop_back();
            if (!is_hashable(v)) {
                fail_unhashable(v);
                goto error;
            }
            as<SetObject>(s[s.size() - (size_t)in.arg])->table.add(v);
            continue;
        }
        case Op::BuildString: {
            std::string text;
            for (size_t i = s.size() - (size_t)in.arg; i < s.size(); i++)
                text += as<StrObject>(s[i])->text;
            s.resize(s.size() - (size_t)in.arg);
            s.push_back(new_str(text));
            continue;
        }
        case Op::ListAppend: {
            Value v = s.back();
            s.pop_back();
            as<ListObject>(s[s.size() - (size_t)in.arg])->items.push_back(v);
            continue;
        }
        case Op::ListExtend:
        case Op::SetUpdate: {
            Value v = s.back();
            s.pop_back();
            if (!python_method(v, "__iter__").is_empty() || as<GeneratorObject>(v)) {
                Value args[2] = {v, Value::from_bool(false)};
                flow = runner.call_then(prelude_function(*this, "_list_from_iterable"), args, rerun_instruction, Value());
                goto after_call;
            }
            std::vector<Value> items;
            if (!collect(v, items)) {
                bool type_error = pending.is_empty() || as<InstanceObject>(pending)->cls == types.type_error;
                if (type_error && in.op == Op::ListExtend) {
                    pending = Value::empty();
                    std::string subject = (in.arg & lang::kUnpackInCall) ? callable_description(*this, s[s.size() - 3]) + " argument" : "Value";
                    fail(types.type_error, subject + " after * must be an iterable, not " + type_name(v));
                }
                goto error;
            }
            Value target = s[s.size() - (size_t)(in.arg & lang::kCountMask)];
            if (auto* set = as<SetObject>(target)) {
                for (Value item : items) {
                    if (!is_hashable(item)) {
                        fail_unhashable(item);
                        goto error;
                    }
                    set->table.add(item);
                }
                continue;
            }
            auto* list = as<ListObject>(target);
            list->items.insert(list->items.end(), items.begin(), items.end());
            continue;
        }
        case Op::ListToTuple:
            s.back() = new_tuple(as<ListObject>(s.back())->items);
            continue;
        case Op::MapAdd: {
            Value value = s.back(), key = s[s.size() - 2];
            s.resize(s.size() - 2);
            if (!is_hashable(key)) {
                fail_unhashable(key);
                goto error;
            }
            as<DictObject>(s[s.size() - (size_t)in.arg])->table.set(key, value);
            continue;
        }
        case Op::DictMerge:
        case Op::DictUpdate: {
            Value v = s.back();
            s.pop_back();
            auto* source = as<DictObject>(v);
            bool merge = in.op == Op::DictMerge;
            // In a call the stack is [callable, self-or-NULL, args tuple, kwargs dict].
            Value callee = merge && (in.arg & lang::kUnpackInCall) ? s[s.size() - 4] : Value::empty();
            if (!source) {
                fail(types.type_error, merge ? callable_description(*this, callee) + " argument after ** must be a mapping, not " + type_name(v)
                                             : "'" + type_name(v) + "' object is not a mapping");
                goto error;
            }
            auto* target = as<DictObject>(s[s.size() - (size_t)(in.arg & lang::kCountMask)]);
            for (const TableEntry& e : source->table.entries) {
                if (e.key.is_empty())
                    continue;
                if (merge && target->table.find(e.key)) {
                    fail(types.type_error, callable_description(*this, callee) + " got multiple values for keyword argument '" +
                                               str(e.key) + "'");
                    goto error;
                }
                target->table.set(e.key, e.value);
            }
            continue;
        }
        case Op::FormatValue: {
            Value spec = (in.arg & lang::kFormatHasSpec) ? s.back() : Value::empty();
            if (!spec.is_empty())
                s.pop_back();
            Value v = s.back();
            int conversion = in.arg & lang::kFormatConversionMask;
            std::string_view spec_text = spec.is_empty() ? std::string_view() : std::string_view(as<StrObject>(spec)->text);
            if (v.kind == ValueKind::Object && v.object->kind == ObjectKind::Instance) {
                const char* dunder = conversion == 2 || conversion == 3 ? "__repr__" : conversion == 1 ? "__str__" : "__format__";
                Value method = python_method(v, dunder);
                if (method.is_empty() && conversion == 0) {
                    dunder = "__str__";
                    method = python_method(v, "__str__");
                    if (method.is_empty())
                        method = python_method(v, "__repr__");
                    if (!method.is_empty() && !spec_text.empty()) {
                        fail(types.type_error, "unsupported format string passed to " + type_name(v) + ".__format__");
                        goto error;
                    }
                }
                if (method.is_empty() && conversion == 1)
                    method = python_method(v, "__repr__");
                if (!method.is_empty()) {
                    s.pop_back();
                    if (std::string_view(dunder) == "__format__") {
                        Value args[2] = {v, spec.is_empty() ? new_str("") : spec};
                        flow = runner.call_then(method, args, check_str_result, new_str("__format__"));
                    } else if (!spec_text.empty()) {
                        Value args[1] = {v};
                        flow = runner.call_then(method, args, format_result, spec);
                    } else {
                        Value args[1] = {v};
                        flow = runner.call_then(method, args, check_str_result, new_str(dunder));
                    }
                    goto after_call;
                }
            }
            std::string text;
            if (conversion == 2)
                text = repr(v);
            else if (conversion == 3)
                text = lang::ascii_escape(repr(v));
            else if (conversion == 1)
                text = str(v);
            if (!pending.is_empty())
                goto error;
            if (conversion != 0) {
                if (!spec_text.empty()) {
                    std::string formatted;
                    if (!format_value(new_str(text), spec_text, formatted))
                        goto error;
                    text = formatted;
                }
            } else if (!format_value(v, spec_text, text)) {
                goto error;
            }
            s.back() = new_str(text);
            continue;
        }
        case Op::UnpackSequence:
        case Op::UnpackEx: {
            Value v = s.back();
            s.pop_back();
            if (!python_method(v, "__iter__").is_empty() || as<GeneratorObject>(v)) {
                Value args[2] = {v, Value::from_bool(false)};
                flow = runner.call_then(prelude_function(*this, "_list_from_iterable"), args, rerun_instruction, Value());
                goto after_call;
            }
            std::vector<Value> items;
            if (auto* tuple = as<TupleObject>(v))
                items = tuple->items;
            else if (auto* list = as<ListObject>(v))
                items = list->items;
            else if (!collect(v, items)) {
                if (!pending.is_empty() && as<InstanceObject>(pending)->cls == types.type_error) {
                    pending = Value::empty();
                    fail(types.type_error, "cannot unpack non-iterable " + type_name(v) + " object");
                }
                goto error;
            }
            if (in.op == Op::UnpackEx) {
                size_t before = (size_t)(in.arg & 0xFF), after = (size_t)(in.arg >> 8);
                if (items.size() < before + after) {
                    fail(types.value_error, "not enough values to unpack (expected at least " + std::to_string(before + after) +
                                                ", got " + std::to_string(items.size()) + ")");
                    goto error;
                }
                for (size_t i = items.size(); i-- > items.size() - after;)
                    s.push_back(items[i]);
                s.push_back(new_list(std::vector<Value>(items.begin() + (ptrdiff_t)before, items.end() - (ptrdiff_t)after)));
                for (size_t i = before; i-- > 0;)
                    s.push_back(items[i]);
                continue;
            }
            if (items.size() != (size_t)in.arg) {
                if (items.size() > (size_t)in.arg)
                    fail(types.value_error, "too many values to unpack (expected " + std::to_string(in.arg) + ")");
                else
                    fail(types.value_error, "not enough values to unpack (expected " + std::to_string(in.arg) + ", got " +
                                                std::to_string(items.size()) + ")");
                goto error;
            }
            for (size_t i = items.size(); i-- > 0;)
                s.push_back(items[i]);
            continue;
        }
        case Op::Call:
        case Op::CallKw: {
            const Value* kwnames = nullptr;
            uint32_t kwcount = 0;
            Value names_tuple;
            if (in.op == Op::CallKw) {
                names_tuple = s.back();
                s.pop_back();
                auto* tuple = as<TupleObject>(names_tuple);
                kwnames = tuple->items.data();
                kwcount = (uint32_t)tuple->items.size();
            }
            size_t base = s.size() - (size_t)in.arg - 2;
            Value callee = s[base];
            if (s[base + 1].is_empty())
                if (auto* method = as<BoundMethodObject>(callee)) {
                    callee = method->function;
                    s[base + 1] = method->self;
                }
            if (as<GeneratorObject>(callee)) {
                fail(types.type_error, "'generator' object is not callable");
                goto error;
            }
            bool has_self = !s[base + 1].is_empty();
            const Value* args = s.data() + base + (has_self ? 1 : 2);
            uint32_t argc = (uint32_t)in.arg + (has_self ? 1 : 0);
            flow = runner.call(callee, args, argc, kwnames, kwcount, (uint32_t)in.arg + 2);
            goto after_call;
        }
        case Op::CallEx: {
            Value kwargs = (in.arg & 1) ? s.back() : Value::empty();
            if (in.arg & 1)
                s.pop_back();
            auto* positional = as<TupleObject>(s.back());
            Value callee = s[s.size() - 3], self = s[s.size() - 2];
            if (as<GeneratorObject>(callee)) {
                fail(types.type_error, "'generator' object is not callable");
                goto error;
            }
            std::vector<Value> args;
            if (!self.is_empty())
                args.push_back(self);
            args.insert(args.end(), positional->items.begin(), positional->items.end());
            std::vector<Value> kwnames;
            if (auto* dict = as<DictObject>(kwargs)) {
                for (const TableEntry& e : dict->table.entries) {
                    if (e.key.is_empty())
                        continue;
                    if (!as<StrObject>(e.key)) {
                        fail(types.type_error, "keywords must be strings");
                        goto error;
                    }
                    args.push_back(e.value);
                    kwnames.push_back(e.key);
                }
            }
            flow = runner.call(callee, args.data(), (uint32_t)args.size(), kwnames.data(), (uint32_t)kwnames.size(), 3);
            goto after_call;
        }
        case Op::MakeFunction: {
            auto* fn = heap.make<FunctionObject>();
            fn->code = as<CodeRefObject>(s.back())->code;
            s.pop_back();
            fn->module = f->module;
            fn->name = fn->code->source->name;
            fn->qualname = fn->code->source->qualname;
            fn->doc = fn->code->source->docstring ? new_str(*fn->code->source->docstring) : Value::none();
            if (in.arg & lang::kMakeClosure) {
                for (Value cell : as<TupleObject>(s.back())->items)
                    fn->closure.push_back(as<CellObject>(cell));
                s.pop_back();
            }
            if (in.arg & lang::kMakeKwDefaults) {
                fn->kw_defaults = as<DictObject>(s.back());
                s.pop_back();
            }
            if (in.arg & lang::kMakeDefaults) {
                fn->defaults = as<TupleObject>(s.back())->items;
                s.pop_back();
            }
            s.push_back(Value::from_object(fn));
            continue;
        }
        case Op::LoadBuildClass:
            s.push_back(*builtins->globals.find("__build_class__"));
            continue;
        case Op::LoadAssertionError:
            s.push_back(Value::from_object(types.assertion_error));
            continue;
        case Op::ReturnValue: {
            Value v = s.back();
            if (GeneratorObject* generator = f->generator) {
                // A generator's end is StopIteration(value) for whoever resumed it.
                generator->finished = true;
                generator->running = false;
                t.frames.pop_back();
                pending = make_stop_iteration(v);
                goto error;
            }
            t.frames.pop_back();
            flow = runner.deliver(v);
            goto after_call;
        }
        case Op::YieldValue: {
            Value v = s.back();
            s.pop_back();
            GeneratorObject* generator = f->generator;
            generator->yielded = in.arg == 1;
            generator->running = false;
            swap_handled_exception(t, *f);
            generator->frame = std::move(*f);
            t.frames.pop_back();
            flow = runner.deliver(v);
            goto after_call;
        }
        case Op::Raise: {
            if (in.arg == 0) {
                if (t.handled_exception.is_none()) {
                    fail(types.runtime_error, "No active exception to reraise");
                    goto error;
                }
                exception = t.handled_exception;
                goto reraise;
            }
            if (in.arg == 2) {
                Value cause = s.back();
                Value raised = s[s.size() - 2];
                s.resize(s.size() - 2);
                bool exception_class = as<ClassObject>(raised) && as<ClassObject>(raised)->is_subclass_of(types.base_exception);
                if (!exception_class && !is_instance(raised, types.base_exception)) {
                    fail(types.type_error, "exceptions must derive from BaseException");
                    goto error;
                }
                if (auto* cls = as<ClassObject>(cause); cls && cls->is_subclass_of(types.base_exception)) {
                    flow = runner.call_then(cause, {}, cause_ready, raised);
                    goto after_call;
                }
                if (!cause.is_none() && !is_instance(cause, types.base_exception)) {
                    fail(types.type_error, "exception causes must derive from BaseException");
                    goto error;
                }
                if (exception_class)
                    flow = runner.call_then(raised, {}, raise_caused, cause);
                else
                    flow = runner.native_result(raise_caused(*this, t, cause, raised));
                goto after_call;
            }
            Value v = s.back();
            s.pop_back();
            if (auto* cls = as<ClassObject>(v); cls && cls->is_subclass_of(types.base_exception)) {
                flow = runner.call_then(v, {}, raise_result, Value());
                goto after_call;
            }
            if (!is_instance(v, types.base_exception)) {
                fail(types.type_error, "exceptions must derive from BaseException");
                goto error;
            }
            pending = v;
            goto error;
        }
        case Op::SetupFinally:
            f->blocks.push_back({BlockKind::Handler, in.arg, (int32_t)s.size(), Value()});
            continue;
        case Op::PopBlock:
            f->blocks.pop_back();
            continue;
        case Op::PopExcept:
            t.handled_exception = f->blocks.back().previous_exception;
            f->blocks.pop_back();
            continue;
        case Op::Reraise:
            exception = s.back();
            s.pop_back();
            goto reraise;
        case Op::CheckExcMatch: {
            Value type = s.back();
            s.pop_back();
            std::vector<Value> candidates;
            if (auto* tuple = as<TupleObject>(type))
                candidates = tuple->items;
            else
                candidates.push_back(type);
            bool match = false;
            for (Value candidate : candidates) {
                auto* cls = as<ClassObject>(candidate);
                if (!cls || !cls->is_subclass_of(types.base_exception)) {
                    fail(types.type_error, "catching classes that do not inherit from BaseException is not allowed");
                    goto error;
                }
                match = match || is_instance(s.back(), cls);
            }
            s.push_back(Value::from_bool(match));
            continue;
        }
        case Op::BeforeWith:
        case Op::BeforeAsyncWith: {
            Value manager = s.back();
            s.pop_back();
            ClassObject* cls = type_of(manager);
            bool is_async = in.op == Op::BeforeAsyncWith;
            Value* enter = cls->lookup(is_async ? "__aenter__" : "__enter__");
            Value* exit = cls->lookup(is_async ? "__aexit__" : "__exit__");
            if (!enter || !exit) {
                fail(types.type_error, "'" + cls->name + "' object does not support the " + (is_async ? "asynchronous " : "") +
                                           "context manager protocol");
                goto error;
            }
            auto* bound_exit = heap.make<BoundMethodObject>();
            bound_exit->self = manager;
            bound_exit->function = *exit;
            f->locals[(size_t)in.arg] = Value::from_object(bound_exit);
            Value args[1] = {manager};
            flow = runner.call(*enter, args);
            goto after_call;
        }
        case Op::WithExcept: {
            Value raised = s.back();
            Value args[3] = {Value::from_object(type_of(raised)), raised, Value::none()};
            flow = runner.call(f->locals[(size_t)in.arg], args);
            goto after_call;
        }
        case Op::ImportName:
            flow = runner.import_module(names[in.arg]);
            goto after_call;
        case Op::ImportFrom: {
            auto* module = as<ModuleObject>(s.back());
            const std::string& name = as<StrObject>(names[in.arg])->text;
            Value* v = module->globals.find(name);
            if (!v) {
                auto submodule = modules.find(module->name + "." + name);
                if (submodule == modules.end()) {
                    fail(types.import_error, "cannot import name '" + name + "' from '" + module->name + "' (unknown location)");
                    goto error;
                }
                s.push_back(Value::from_object(submodule->second));
                continue;
            }
            s.push_back(*v);
            continue;
        }
        case Op::ImportStar: {
            auto* module = as<ModuleObject>(s.back());
            s.pop_back();
            for (const TableEntry& e : module->globals.entries)
                if (!e.key.is_empty() && as<StrObject>(e.key)->text[0] != '_')
                    f->module->globals.set(e.key, e.value);
            continue;
        }
        case Op::MatchSequence:
            s.back() = Value::from_bool(as<ListObject>(s.back()) || as<TupleObject>(s.back()) || as<RangeObject>(s.back()));
            continue;
        case Op::MatchMapping:
            s.back() = Value::from_bool(as<DictObject>(s.back()) != nullptr);
            continue;
        case Op::GetLen: {
            Value n = length(s.back());
            if (n.is_empty())
                goto error;
            s.back() = n;
            continue;
        }
        case Op::MatchClass: {
            Value attributes = match_class_attributes(*this, s[s.size() - 3], s[s.size() - 2], s.back(), in.arg);
            if (attributes.is_empty())
                goto error;
            s.resize(s.size() - 2);
            s.back() = attributes;
            continue;
        }
        }
    }
    goto stop;

after_call:
    if (flow == Flow::Raised)
        goto error;
    goto reload;

error:
    exception = pending;
    pending = Value::empty();
    runner.raise_here(exception, true);
    goto reload;

reraise:
    runner.raise_here(exception, false);
    goto reload;

stop:
    t.instructions += executed;
    heap.count_instructions(executed);
    RunResult result;
    result.executed = executed;
    if (t.state == ThreadState::Finished)
        result.reason = t.uncaught.is_none() ? StopReason::Finished : StopReason::Error;
    else if (t.state == ThreadState::Suspended)
        result.reason = StopReason::Suspended;
    return result;
}

// ---------------------------------------------------------------------------------------------
// 6. Resuming suspended threads, garbage collection
// ---------------------------------------------------------------------------------------------

void Interpreter::resume(Thread& thread, Value result)
{
    thread.state = ThreadState::Runnable;
    Runner runner{*this, thread};
    if (runner.deliver(result) == Flow::Raised) {
        Value exception = pending;
        pending = Value::empty();
        runner.raise_here(exception, true);
    }
}

void Interpreter::resume_with_exception(Thread& thread, Value exception)
{
    thread.state = ThreadState::Runnable;
    Runner{*this, thread}.raise_here(exception, true);
}

void Interpreter::collect_garbage()
{
    for (const auto& thread : threads) {
        for (const Frame& frame : thread->frames)
            heap.mark_frame(frame);
        heap.mark(thread->handled_exception);
        heap.mark(thread->result);
        heap.mark(thread->uncaught);
    }
    for (const auto& [name, module] : modules)
        heap.mark(module);
    heap.mark(builtins);
    heap.mark(prelude);
    // BuiltinTypes holds nothing but class pointers.
    static_assert(sizeof(BuiltinTypes) % sizeof(ClassObject*) == 0);
    for (ClassObject* const* cls = &types.object; cls < (ClassObject* const*)(&types + 1); cls++)
        heap.mark(*cls);
    for (const auto& code : codes) {
        for (Value v : code->constants) heap.mark(v);
        for (Value v : code->names) heap.mark(v);
    }
    for (Value v : pinned)
        heap.mark(v);
    heap.mark(pending);
    heap.trace();
    heap.sweep();
}

bool Interpreter::memory_exhausted()
{
    // Only live bytes count against the budget: collect first.
    collect_garbage();
    if (!heap.over_budget())
        return false;
    // Past it: MemoryError, with room for the handler to run (CPython's failed allocation takes
    // no memory, here it was made). A program that catches it and grows on gets it again at
    // each instruction once it is a quarter past the budget, so the process stays bounded.
    const size_t ceiling = heap.max_bytes + heap.max_bytes / 4;
    heap.collection_bytes = std::min(heap.bytes + heap.max_bytes / 16, ceiling);
    fail(types.memory_error, "");
    return true;
}

bool Interpreter::reserve(uint64_t bytes)
{
    if (bytes <= heap.max_bytes)
        return true;
    fail(types.memory_error, "");
    return false;
}

} // namespace python
