// The threading module on the simulated machine: natives over the machine's threads and kernel
// wait objects (machine/sync.h), and the Python classes built on them (Thread, Lock, RLock,
// Condition, Semaphore, BoundedSemaphore, Event, Barrier, Timer) with CPython's behaviour and
// error messages. As in CPython, Thread.start() waits until the new thread is running, and a
// thread's uncaught exception is printed by the thread itself ("Exception in thread ...").
//
// Its Python half is threading.py beside this file.
#include "python/native.h"
#include "python/python_machine.h"
#include "lang/source.h"

namespace python {

namespace {


// ---- Natives -----------------------------------------------------------------------------------

NativeResult answer_int(Interpreter&, Thread&, Value, Value result) {
    return NativeResult::of(result);
}

NativeResult answer_bool(Interpreter&, Thread&, Value, Value result) {
    return NativeResult::of(Value::from_bool(result.as_integral() != 0));
}

NativeResult answer_none(Interpreter&, Thread&, Value, Value) {
    return NativeResult::of(Value::none());
}

Machine& machine_of(Interpreter& vm) {
    return PythonRun::of(vm).machine();
}

ThreadId caller(Interpreter& vm, Thread& thread) {
    return PythonRun::of(vm).python_thread(vm, thread).id();
}

// A timeout in seconds; None (and -1, Lock.acquire's default) mean "wait forever".
bool timeout_argument(Interpreter& vm, Value v, SimTime& out) {
    out = kNever;
    if (v.is_none() || v.is_empty() || (v.is_integral() && v.as_integral() == -1))
        return true;
    if (v.is_number() && v.as_double() < 0) {
        vm.fail(vm.types.value_error, "timeout value must be a non-negative number");
        return false;
    }
    return seconds_argument(vm, v, "timeout value", out);
}

// The sync object a method's first argument names (an int the Python classes keep in _id).
bool sync_argument(Interpreter& vm, Value v, SyncId& out) {
    int64_t id = 0;
    if (!int_argument(vm, v, id))
        return false;
    if (!machine_of(vm).sync().valid(static_cast<SyncId>(id))) {
        vm.fail(vm.types.value_error, "no such synchronisation object");
        return false;
    }
    out = static_cast<SyncId>(id);
    return true;
}

// _start_new_thread(function, name, daemon) -> ident: a new thread calling function().
NativeResult start_new_thread(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    const StrObject* name = nullptr;
    if (!check_arity(vm, "_start_new_thread", args, 3, 3) || !str_argument(vm, args[1], "name", name))
        return NativeResult::raised();
    // Refused before the Python thread exists, which would otherwise stay behind unrun.
    const Machine& m = machine_of(vm);
    if (m.thread_limit_reached(m.thread(caller(vm, thread)).process, name->text))
        return vm.raise(vm.types.runtime_error, machine::kernel_error_message(KernelError::ThreadLimit));
    Thread& child = vm.start_thread(args[0], {}, name->text);
    std::unique_ptr<PythonThread> program = PythonRun::of(vm).adopt(vm, child);
    return ask_machine(vm, thread, Request::spawn(std::move(program), name->text, vm.truthy(args[2])), answer_int);
}

NativeResult get_ident(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    if (!check_arity(vm, "get_ident", args, 0, 0))
        return NativeResult::raised();
    return NativeResult::of(Value::from_int(caller(vm, thread)));
}

NativeResult main_ident(Interpreter& vm, Thread& thread, Value, CallArgs) {
    const Machine& m = machine_of(vm);
    return NativeResult::of(Value::from_int(m.process(m.thread(caller(vm, thread)).process).main_thread));
}

// _allocate(kind, initial, lock) -> id, kind numbered as SyncKind.
NativeResult allocate(Interpreter& vm, Thread&, Value, CallArgs args) {
    int64_t kind = 0, initial = 0, lock = 0;
    if (!check_arity(vm, "_allocate", args, 3, 3) || !int_argument(vm, args[0], kind) ||
        !int_argument(vm, args[1], initial) || !int_argument(vm, args[2], lock))
        return NativeResult::raised();
    if (kind < 0 || kind > static_cast<int64_t>(SyncKind::WaitQueue))
        return vm.raise(vm.types.value_error, "no such kind of synchronisation object");
    return NativeResult::of(
        Value::from_int(machine_of(vm).create_sync(static_cast<SyncKind>(kind), initial, static_cast<SyncId>(lock))));
}

// _acquire(id, blocking, timeout) -> bool
NativeResult acquire(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    SyncId id = kNoSync;
    SimTime timeout = kNever;
    if (!check_arity(vm, "acquire", args, 3, 3) || !sync_argument(vm, args[0], id))
        return NativeResult::raised();
    const bool blocking = vm.truthy(args[1]);
    const bool timeout_given = !(args[2].is_integral() && args[2].as_integral() == -1) && !args[2].is_none();
    if (!blocking && timeout_given)
        return vm.raise(vm.types.value_error, "can't specify a timeout for a non-blocking call");
    if (!timeout_argument(vm, args[2], timeout))
        return NativeResult::raised();
    return ask_machine(vm, thread, Request::sync(SyncOp::Acquire, id, timeout, blocking), answer_bool);
}

// _sync(op, id, count) -> None: the operations that never block (release, notify, set, ...).
NativeResult sync_operation(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    int64_t op = 0, count = 0;
    SyncId id = kNoSync;
    if (!check_arity(vm, "_sync", args, 3, 3) || !int_argument(vm, args[0], op) ||
        !sync_argument(vm, args[1], id) || !int_argument(vm, args[2], count))
        return NativeResult::raised();
    if (op < 0 || op > static_cast<int64_t>(SyncOp::Reset) || op == static_cast<int64_t>(SyncOp::Acquire) ||
        op == static_cast<int64_t>(SyncOp::Wait))
        return vm.raise(vm.types.value_error, "not a non-blocking operation");
    return ask_machine(vm, thread, Request::sync(static_cast<SyncOp>(op), id, kNever, true, count), answer_none);
}

// _wait(id, timeout) -> int: Event and Condition answer 1 or 0, Barrier the arrival index.
NativeResult wait(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    SyncId id = kNoSync;
    SimTime timeout = kNever;
    if (!check_arity(vm, "wait", args, 2, 2) || !sync_argument(vm, args[0], id) ||
        !timeout_argument(vm, args[1], timeout))
        return NativeResult::raised();
    return ask_machine(vm, thread, Request::sync(SyncOp::Wait, id, timeout), answer_int);
}

// _count(id) -> int: a lock's depth, a semaphore's value, an event's flag.
NativeResult count(Interpreter& vm, Thread&, Value, CallArgs args) {
    SyncId id = kNoSync;
    if (!check_arity(vm, "_count", args, 1, 1) || !sync_argument(vm, args[0], id))
        return NativeResult::raised();
    return NativeResult::of(Value::from_int(machine_of(vm).sync().object(id).count));
}

// _join(ident, timeout) -> None
NativeResult join(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    int64_t ident = 0;
    SimTime timeout = kNever;
    if (!check_arity(vm, "join", args, 2, 2) || !int_argument(vm, args[0], ident))
        return NativeResult::raised();
    // CPython treats a negative join timeout as zero.
    if (args[1].is_number() && args[1].as_double() < 0)
        timeout = 0;
    else if (!timeout_argument(vm, args[1], timeout))
        return NativeResult::raised();
    return ask_machine(vm, thread, Request::join(static_cast<ThreadId>(ident), timeout), answer_none);
}

// _mirror(obj, kind): the machine keeps obj's attributes current (see Mirror): kind 0 a
// threading.local, 1 a Semaphore (`_value`), 2 a Barrier (`n_waiting`, `broken`).
NativeResult mirror(Interpreter& vm, Thread&, Value, CallArgs args) {
    int64_t kind = 0;
    auto* instance = args.count == 2 ? as<InstanceObject>(args[0]) : nullptr;
    if (!check_arity(vm, "_mirror", args, 2, 2) || !int_argument(vm, args[1], kind))
        return NativeResult::raised();
    if (!instance || kind < 0 || kind > 2)
        return vm.raise(vm.types.type_error, "_mirror() needs an instance and a kind 0..2");
    Mirror m;
    m.kind = static_cast<Mirror::Kind>(kind);
    m.object_id = instance->id;
    m.object = instance;
    if (m.kind != Mirror::Kind::Local) {
        Value* id = instance->attrs.find("_id");
        if (!id || !sync_argument(vm, *id, m.sync))
            return NativeResult::raised();
    }
    PythonRun::of(vm).add_mirror(vm, m);
    return NativeResult::of(Value::none());
}

// _deprecated(message, warned): CPython's DeprecationWarning for the caller of a deprecated
// function, "file:line: DeprecationWarning: message" and the source line, once per place, and
// only for code in __main__ (the default warning filters).
NativeResult deprecated(Interpreter& vm, Thread& thread, Value, CallArgs args) {
    const StrObject* message = nullptr;
    auto* warned = args.count == 2 ? as<SetObject>(args[1]) : nullptr;
    if (!check_arity(vm, "_deprecated", args, 2, 2) || !str_argument(vm, args[0], "message", message))
        return NativeResult::raised();
    if (!warned)
        return vm.raise(vm.types.type_error, "_deprecated() needs the set of places warned");
    for (auto frame = thread.frames.rbegin(); frame != thread.frames.rend(); ++frame) {
        if (frame->is_native() || frame->code->hidden)
            continue;
        if (!frame->module || frame->module->name != "__main__")
            break;
        const std::string& file = frame->code->source->filename;
        const int line = frame->position().line;
        const std::string where = file + ":" + std::to_string(line) + ": ";
        const Value place = vm.new_str(where + message->text);
        if (warned->table.contains(place))
            break;
        warned->table.add(place);
        std::string text = where + "DeprecationWarning: " + message->text + "\n";
        auto source = vm.sources.find(file);
        if (source != vm.sources.end()) {
            std::string_view code = lang::source_line(source->second, line);
            const size_t start = code.find_first_not_of(" \t");
            if (start != std::string_view::npos)
                text += "  " + std::string(code.substr(start)) + "\n";
        }
        vm.host.write_stderr(text);
        break;
    }
    return NativeResult::of(Value::none());
}

// _format_exception(exc) -> str: its traceback and last line, as an uncaught one prints.
NativeResult format_exception(Interpreter& vm, Thread&, Value, CallArgs args) {
    if (!check_arity(vm, "_format_exception", args, 1, 1))
        return NativeResult::raised();
    if (!vm.is_instance(args[0], vm.types.base_exception))
        return vm.raise(vm.types.type_error, "_format_exception() needs an exception");
    Thread report;
    report.uncaught = args[0];
    report.uncaught_text = vm.exception_line(args[0]);
    return NativeResult::of(vm.new_str(vm.format_uncaught(report)));
}

// _write_stderr(text): what threading.excepthook prints with.
NativeResult write_stderr(Interpreter& vm, Thread&, Value, CallArgs args) {
    const StrObject* text = nullptr;
    if (!check_arity(vm, "_write_stderr", args, 1, 1) || !str_argument(vm, args[0], "text", text))
        return NativeResult::raised();
    vm.host.write_stderr(text->text);
    return NativeResult::of(Value::none());
}

} // namespace

void install_threading(Interpreter& vm, ModuleObject& module) {
    vm.add_native(module, "_mirror", mirror);
    vm.add_native(module, "_deprecated", deprecated);
    vm.add_native(module, "_format_exception", format_exception);
    vm.add_native(module, "_write_stderr", write_stderr);
    vm.add_native(module, "_start_new_thread", start_new_thread);
    vm.add_native(module, "get_ident", get_ident);
    vm.add_native(module, "_main_ident", main_ident);
    vm.add_native(module, "_allocate", allocate);
    vm.add_native(module, "_acquire", acquire);
    vm.add_native(module, "_sync", sync_operation);
    vm.add_native(module, "_wait", wait);
    vm.add_native(module, "_count", count);
    vm.add_native(module, "_join", join);
}

} // namespace python
