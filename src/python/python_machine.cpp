// Sections: the modules of a machine process | the host | a Python thread on the machine |
//           the run | mirrors
#include "python/python_machine.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>
#include "lang/compiler.h"
#include "python/embedded_sources.h"

namespace python {

// ---- The modules of a machine process ----------------------------------------------------------

void install_threading(Interpreter& vm, ModuleObject& module);
void install_machine_sys(Interpreter& vm, ModuleObject& module);
void install_time(Interpreter& vm, ModuleObject& module);
void install_asyncio(Interpreter& vm, ModuleObject& module);
void install_os(Interpreter& vm, ModuleObject& module);
void install_multiprocessing(Interpreter& vm, ModuleObject& module);
void install_logging(Interpreter& vm, ModuleObject& module);

namespace {

// What one thread's writes may hold before they are emitted (a line longer than this goes out in
// pieces, each a line without its newline): `print(x, end='')` forever must not grow one buffer.
constexpr size_t kMaxUnfinishedLine = 64 * 1024;

// Emits each complete line of `text` (keeping an unfinished last line in it), and with
// `final`, that last line too.
void emit_lines(Machine& machine, ThreadId thread, SimTime time, OutputStream stream, std::string& text, bool final) {
    if (text.empty())
        return;
    size_t start = 0;
    for (size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
        machine.emit_output(thread, time, stream, std::string_view(text).substr(start, end - start));
        start = end + 1;
    }
    text.erase(0, start);
    if (final && !text.empty()) {
        machine.emit_output(thread, time, stream, text, false);
        text.clear();
    }
}

// The Python class of a kernel error: a builtin, or one the threading module defines.
ClassObject* exception_class(Interpreter& vm, KernelError error) {
    const std::string name = kernel_error_exception(error);
    for (ModuleObject* module : {vm.builtins, vm.modules.count("threading") ? vm.modules["threading"] : nullptr}) {
        if (!module)
            continue;
        if (Value* found = module->globals.find(name))
            if (auto* cls = as<ClassObject>(*found))
                return cls;
    }
    return vm.types.runtime_error;
}

// SystemExit(code): the exit status it asks for, writing a non-integer code to stderr as CPython does.
int system_exit_status(Interpreter& vm, Value exception) {
    auto* instance = as<InstanceObject>(exception);
    Value* args = instance ? instance->attrs.find("args") : nullptr;
    auto* tuple = args ? as<TupleObject>(*args) : nullptr;
    if (!tuple || tuple->items.empty() || tuple->items[0].is_none())
        return 0;
    const Value code = tuple->items[0];
    if (code.is_integral())
        return static_cast<int>(code.as_integral());
    vm.host.write_stderr(vm.str(code) + "\n");
    return 1;
}

// A module's code as a function of no arguments that runs it in `module`'s namespace.
Value module_body(Interpreter& vm, const Code* code, ModuleObject* module) {
    auto* body = vm.heap.make<FunctionObject>();
    body->code = code;
    body->module = module;
    body->name = body->qualname = "<module>";
    return Value::from_object(body);
}

} // namespace

NativeResult ask_machine(Interpreter& vm, Thread& thread, Request request,
                                 NativeContinuation then, Value state) {
    PythonRun::of(vm).python_thread(vm, thread).set_request(std::move(request));
    return NativeResult::suspend(then, state);
}

bool seconds_argument(Interpreter& vm, Value v, const char* what, SimTime& out) {
    if (!v.is_number()) {
        vm.fail(vm.types.type_error, "'" + vm.type_name(v) + "' object cannot be interpreted as an integer");
        return false;
    }
    const double seconds = v.as_double();
    if (!(seconds >= 0)) {
        vm.fail(vm.types.value_error, std::string(what) + " must be non-negative");
        return false;
    }
    // Beyond ~292 years a wait is as good as forever.
    out = seconds >= 9.2e9 ? kNever : std::llround(seconds * 1e9);
    return true;
}

// ---- The host ----------------------------------------------------------------------------------

void ProcessHost::write_stdout(std::string_view text) {
    run_.write(OutputStream::Stdout, text);
}

void ProcessHost::write_stderr(std::string_view text) {
    run_.write(OutputStream::Stderr, text);
}

int64_t ProcessHost::now_ns() {
    return run_.machine().now();
}

uint64_t ProcessHost::random_u64() {
    return run_.machine().random().next_u64();
}

// ---- A Python thread on the machine ------------------------------------------------------------

void PythonThread::on_created(ThreadId self) {
    id_ = self;
    run_.process(vm_).machine_id = run_.machine().thread(self).process;
}

void PythonThread::on_exit() {
    thread_->frames.release();
    thread_->handled_exception = Value::none();
}

machine::RunResult PythonThread::run(int64_t budget, const KernelResult& resumed) {
    Thread& thread = *thread_;
    run_.share_memory(vm_);
    run_.refresh_mirrors(vm_, thread);
    if (thread.state == ThreadState::Suspended)
        deliver(resumed);
    machine::RunResult out;
    if (thread.state == ThreadState::Runnable) {
        run_.set_running(this);
        out.executed = static_cast<int64_t>(vm_.run(thread, static_cast<uint64_t>(std::min(budget, kPythonBatch))).executed);
        run_.set_running(nullptr);
        run_.publish_mirrors(vm_);
    }
    const Machine& machine = run_.machine();
    const SimTime end = machine.now() + out.executed * machine.config().bytecode_cost;
    switch (thread.state) {
    case ThreadState::Runnable: flush_writes(end, false); break;
    case ThreadState::Suspended:
        flush_writes(end, false);
        out.request = std::exchange(request_, Request{});
        break;
    case ThreadState::Finished:
        if (!reported_) {
            run_.forget_locals(vm_, thread);
            run_.set_running(this);
            report_uncaught();
            run_.set_running(nullptr);
            flush_writes(end, true);
            reported_ = true;
        }
        // The hooks run on this machine thread as a new batch: ask for nothing but the time.
        out.request = start_exit_hooks() ? Request::now() : run_.exit_request(vm_, id_);
        break;
    }
    return out;
}

void PythonThread::deliver(const KernelResult& resumed) {
    if (resumed.error == KernelError::None) {
        vm_.resume(*thread_, Value::from_int(resumed.value));
        return;
    }
    Value exception = vm_.make_exception(exception_class(vm_, resumed.error), kernel_error_message(resumed.error));
    vm_.resume_with_exception(*thread_, exception);
}

void PythonThread::buffer_write(OutputStream stream, std::string_view text) {
    std::string& pending = pending_[static_cast<int>(stream)];
    pending += text;
    // A batch that prints megabytes goes out as it prints, stamped with the batch's start: the
    // buffer stays small, and the trace's own caps bound the rest.
    if (pending.size() >= kMaxUnfinishedLine)
        emit_lines(run_.machine(), id_, run_.machine().now(), stream, pending, true);
}

void PythonThread::flush_writes(SimTime time, bool thread_done) {
    for (OutputStream stream : {OutputStream::Stdout, OutputStream::Stderr})
        emit_lines(run_.machine(), id_, time, stream, pending_[static_cast<int>(stream)], thread_done);
}

// As CPython: the main thread's uncaught exception decides the exit status; another thread's
// is printed as "Exception in thread NAME:" and its traceback; SystemExit in a thread is silent.
// An exception in the exit hooks is printed but leaves the exit status as the program set it.
void PythonThread::report_uncaught() {
    const Thread& thread = *thread_;
    const bool main = run_.machine().thread(id_).is_main;
    if (main && !exit_hooks_) {
        run_.main_finished(vm_, thread);
        return;
    }
    if (thread.uncaught.is_none() || vm_.is_instance(thread.uncaught, vm_.types.system_exit))
        return;
    const std::string heading = main ? "" : "Exception in thread " + run_.machine().thread(id_).name + ":\n";
    vm_.host.write_stderr(heading + vm_.format_uncaught(thread));
}

// CPython's threading._shutdown, when a main thread's code is done: first the exit hooks that
// threading._register_atexit collected (concurrent.futures shuts its pools down there, joining
// the workers), run by the main thread itself; then the wait for the non-daemon threads.
bool PythonThread::start_exit_hooks() {
    if (exit_hooks_ || !run_.machine().thread(id_).is_main)
        return false;
    exit_hooks_ = true;
    auto threading = vm_.modules.find("threading");
    if (threading == vm_.modules.end())
        return false;
    Value* hooks = threading->second->globals.find("_threading_atexits");
    Value* runner = threading->second->globals.find("_run_exit_hooks");
    auto* list = hooks ? as<ListObject>(*hooks) : nullptr;
    if (!list || list->items.empty() || !runner)
        return false;
    Thread& hook_thread = vm_.start_thread(*runner, {}, thread_->name);
    run_.rebind(vm_, hook_thread, *this);
    thread_ = &hook_thread;
    reported_ = false;
    return true;
}

// ---- The run -----------------------------------------------------------------------------------

PythonRun::PythonRun(const MachineConfig& config) : machine_(config) {
    const std::span<const ModuleDef> standard = standard_modules();
    modules_.assign(standard.begin(), standard.end());
    // After the standard modules: a name found in both is taken from here (import uses the last
    // row that matches).
    modules_.push_back({"sys", install_machine_sys, embedded_python_source("sys")});
    modules_.push_back({"time", install_time, embedded_python_source("time")});
    modules_.push_back({"threading", install_threading, embedded_python_source("threading")});
    modules_.push_back({"asyncio", install_asyncio, embedded_python_source("asyncio")});
    modules_.push_back({"os", install_os, embedded_python_source("os")});
    modules_.push_back({"multiprocessing", install_multiprocessing, embedded_python_source("multiprocessing")});
    modules_.push_back({"queue", nullptr, embedded_python_source("queue")});
    modules_.push_back({"logging", install_logging, embedded_python_source("logging")});
    modules_.push_back({"concurrent", nullptr, embedded_python_source("concurrent")});
    modules_.push_back({"concurrent.futures", nullptr, embedded_python_source("futures")});
}

std::unique_ptr<Interpreter> PythonRun::new_interpreter() {
    auto vm = std::make_unique<Interpreter>(host_, modules_);
    vm->heap.set_budget(machine_memory());
    return vm;
}

size_t PythonRun::machine_memory() const {
    return static_cast<size_t>(std::min<uint64_t>(machine_.config().max_memory, SIZE_MAX / 2));
}

void PythonRun::share_memory(Interpreter& vm) {
    if (processes_.size() == 1)
        return;
    size_t others = 0;
    for (PythonProcess& p : processes_) {
        if (p.vm.get() == &vm || p.released)
            continue;
        if (p.machine_id >= 0 && machine_.process(p.machine_id).exited)
            release(p);
        else
            others += p.vm->heap.bytes;
    }
    const size_t memory = machine_memory();
    const size_t room = others < memory ? memory - others : 0;
    if (room != vm.heap.max_bytes)
        vm.heap.set_budget(room);
}

// A killed thread's frames are still there (only a thread that returns drops them).
void PythonRun::release(PythonProcess& exited) {
    exited.released = true;
    exited.mirrors.clear();
    for (const std::unique_ptr<Thread>& thread : exited.vm->threads) {
        thread->frames.release();
        thread->handled_exception = Value::none();
    }
    exited.vm->collect_garbage();
}

bool PythonRun::process_limit_reached() const {
    return processes_.size() >= static_cast<size_t>(std::max(machine_.config().max_processes, 1));
}

std::optional<lang::SourceError> PythonRun::start(std::string_view source, std::string_view filename,
                                                  std::shared_ptr<const lang::CompiledModule> compiled) {
    PythonProcess process;
    process.vm = new_interpreter();
    LoadResult loaded = process.vm->load_main(source, filename, std::move(compiled));
    if (loaded.error)
        return loaded.error;
    source_ = source;
    filename_ = filename;
    Interpreter& vm = *process.vm;
    processes_.push_back(std::move(process));
    machine_.start_process("MainProcess", adopt(vm, *loaded.thread));
    return std::nullopt;
}

std::unique_ptr<PythonThread> PythonRun::start_child(Interpreter& parent, Pickled sent, bool daemon) {
    PythonProcess child;
    child.vm = new_interpreter();
    child.parent = static_cast<int>(&process(parent) - processes_.data());
    child.daemon = daemon;
    Interpreter& vm = *child.vm;
    // The program again, into the child's own text region (it compiled in the parent, so it
    // compiles here), as the module __mp_main__ that is also __main__.
    lang::CompileResult program = lang::compile_source(source_, filename_);
    vm.sources[filename_] = source_;
    vm.main_file = filename_;
    ModuleObject* main = vm.new_module("__mp_main__");
    vm.modules["__main__"] = vm.modules["__mp_main__"] = main;
    const Value run_main = module_body(vm, vm.load_compiled(std::move(program.module), false), main);
    // The child's bootstrap: import the modules the Process object names, then
    // multiprocessing._child_main(), which runs the program and then the Process.
    std::set<std::string> imports = {"multiprocessing"};
    pickled_modules(sent, imports);
    std::string bootstrap;
    for (const std::string& name : imports)
        bootstrap += "import " + name + "\n";
    bootstrap += "multiprocessing._child_main(_run_main)\n";
    ModuleObject* namespace_ = vm.new_module("__mp_bootstrap__");
    vm.set_attr(namespace_->globals, "_run_main", run_main);
    lang::CompileResult compiled = lang::compile_source(bootstrap, "<multiprocessing>");
    const Value body = module_body(vm, vm.load_compiled(std::move(compiled.module), true), namespace_);
    Thread& thread = vm.start_thread(body, {}, "MainThread");
    child.sent = std::move(sent);
    processes_.push_back(std::move(child));
    return adopt(vm, thread);
}

PythonProcess& PythonRun::process(const Interpreter& vm) {
    for (PythonProcess& p : processes_)
        if (p.vm.get() == &vm)
            return p;
    return processes_.front();
}

PythonProcess* PythonRun::process_with_pid(int64_t pid) {
    for (PythonProcess& p : processes_)
        if (p.machine_id >= 0 && this->pid(p) == pid)
            return &p;
    return nullptr;
}

PythonThread& PythonRun::python_thread(const Interpreter& vm, const Thread& thread) {
    return *process(vm).threads[thread.id];
}

Interpreter* PythonRun::interpreter(ProcessId id) {
    for (PythonProcess& p : processes_)
        if (p.machine_id == id)
            return p.vm.get();
    return nullptr;
}

const Thread* PythonRun::python_thread(ThreadId thread) const {
    // Through the TCB, not a search of every process: a snapshot asks for each of 100 000 threads.
    if (thread < 0 || static_cast<size_t>(thread) >= machine_.thread_count())
        return nullptr;
    const auto* program = dynamic_cast<const PythonThread*>(machine_.thread(thread).program.get());
    return program ? &program->python_thread() : nullptr;
}

std::unique_ptr<PythonThread> PythonRun::adopt(Interpreter& vm, Thread& thread) {
    auto program = std::make_unique<PythonThread>(*this, vm, thread);
    std::vector<PythonThread*>& threads = process(vm).threads;
    if (thread.id >= threads.size())
        threads.resize(thread.id + 1, nullptr);
    threads[thread.id] = program.get();
    return program;
}

void PythonRun::rebind(Interpreter& vm, Thread& thread, PythonThread& program) {
    std::vector<PythonThread*>& threads = process(vm).threads;
    if (thread.id >= threads.size())
        threads.resize(thread.id + 1, nullptr);
    threads[thread.id] = &program;
}

void PythonRun::write(OutputStream stream, std::string_view text) {
    if (running_) {
        running_->buffer_write(stream, text);
        return;
    }
    // Outside any thread's batch: the interpreter setting itself up.
    std::string lines(text);
    emit_lines(machine_, kNoThread, machine_.now(), stream, lines, true);
}

// A child's uncaught exception is printed under "Process NAME:", as CPython's child does.
void PythonRun::main_finished(Interpreter& vm, const Thread& thread) {
    PythonProcess& p = process(vm);
    int status = 0;
    if (vm.is_instance(thread.uncaught, vm.types.system_exit)) {
        status = system_exit_status(vm, thread.uncaught);
    } else if (!thread.uncaught.is_none()) {
        const std::string heading = p.parent < 0 ? "" : "Process " + machine_.process(p.machine_id).name + ":\n";
        vm.host.write_stderr(heading + vm.format_uncaught(thread));
        status = 1;
    }
    p.exit_code = status;
    if (&p == &processes_.front())
        exit_status_ = status;
}

Request PythonRun::exit_request(const Interpreter& vm, ThreadId thread) {
    if (!machine_.thread(thread).is_main)
        return Request::exit();
    const int self = static_cast<int>(&process(vm) - processes_.data());
    for (bool daemonic : {true, false})
        for (PythonProcess& child : processes_) {
            if (child.parent != self || child.daemon != daemonic || child.machine_id < 0 ||
                machine_.process(child.machine_id).exited)
                continue;
            if (!daemonic)
                return Request::join(machine_.process(child.machine_id).main_thread);
            child.signal = 15;  // SIGTERM
            return Request::end_process(child.machine_id);
        }
    return Request::exit();
}

// ---- Mirrors -------------------------------------------------------------------------------------

namespace {

constexpr std::string_view kParkedLocals = "_local__dicts";

// Sets an int or bool attribute without allocating once it exists (mirrors refresh often).
void set_mirrored(Interpreter& vm, Table& attrs, std::string_view name, Value value) {
    if (Value* slot = attrs.find(name))
        *slot = value;
    else
        vm.set_attr(attrs, name, value);
}

// The dict of parked per-thread attributes of a threading.local, or null if it is not one.
DictObject* parked_locals(InstanceObject& local) {
    Value* parked = local.attrs.find(kParkedLocals);
    return parked ? as<DictObject>(*parked) : nullptr;
}

// A fresh attribute table for a thread that has not used `local` yet.
void fresh_locals(Interpreter& vm, InstanceObject& local, DictObject* parked) {
    local.attrs = Table{};
    vm.set_attr(local.attrs, kParkedLocals, Value::from_object(parked));
}

// Parks thread `from`'s attributes of `local` and loads thread `to`'s.
void switch_local(Interpreter& vm, InstanceObject& local, DictObject* parked, uint32_t from, uint32_t to) {
    if (from != 0) {
        DictObject* out = vm.new_dict();
        std::swap(out->table, local.attrs);
        parked->table.set(Value::from_int(from), Value::from_object(out));
    }
    const Value key = Value::from_int(to);
    Value* in = parked->table.find(key);
    auto* own = in ? as<DictObject>(*in) : nullptr;
    if (!own) {
        fresh_locals(vm, local, parked);
        return;
    }
    std::swap(local.attrs, own->table);
    parked->table.remove(key);
}

// Whether `mirror` still names a live object of the kind it was registered as.
bool mirror_alive(Interpreter& vm, const Mirror& mirror) {
    if (vm.heap.find(mirror.object_id) != mirror.object || mirror.object->kind != ObjectKind::Instance)
        return false;
    if (mirror.kind == Mirror::Kind::Local)
        return parked_locals(*mirror.object) != nullptr;
    if (mirror.kind == Mirror::Kind::Shared) {
        Value* slot = mirror.object->attrs.find("_slot");
        return slot && slot->is_integral() && slot->as_integral() == mirror.slot;
    }
    Value* id = mirror.object->attrs.find("_id");
    return id && id->is_integral() && id->as_integral() == mirror.sync;
}

void refresh_sync_mirror(Interpreter& vm, const Mirror& mirror, const machine::SyncObject& sync) {
    Table& attrs = mirror.object->attrs;
    if (mirror.kind == Mirror::Kind::Semaphore) {
        set_mirrored(vm, attrs, "_value", Value::from_int(sync.count));
        return;
    }
    set_mirrored(vm, attrs, "n_waiting", Value::from_int(sync.broken ? 0 : sync.count));
    set_mirrored(vm, attrs, "broken", Value::from_bool(sync.broken));
}

} // namespace

void PythonRun::add_mirror(Interpreter& vm, Mirror mirror) {
    PythonProcess& p = process(vm);
    switch (mirror.kind) {
    case Mirror::Kind::Local: fresh_locals(vm, *mirror.object, vm.new_dict()); break;
    case Mirror::Kind::Shared:
        mirror.loaded = shared_slots_[static_cast<size_t>(mirror.slot)];
        set_mirrored(vm, mirror.object->attrs, "value", mirror.loaded);
        break;
    default: refresh_sync_mirror(vm, mirror, machine_.sync().object(mirror.sync)); break;
    }
    p.mirrors.push_back(mirror);
}

void PythonRun::refresh_mirrors(Interpreter& vm, const Thread& thread) {
    PythonProcess& p = process(vm);
    const uint32_t from = std::exchange(p.locals_thread, thread.id);
    size_t kept = 0;
    for (Mirror& mirror : p.mirrors) {
        if (!mirror_alive(vm, mirror))
            continue;  // collected (or no longer what it was): forget it
        switch (mirror.kind) {
        case Mirror::Kind::Local:
            if (from != thread.id)
                switch_local(vm, *mirror.object, parked_locals(*mirror.object), from, thread.id);
            break;
        case Mirror::Kind::Shared:
            mirror.loaded = shared_slots_[static_cast<size_t>(mirror.slot)];
            set_mirrored(vm, mirror.object->attrs, "value", mirror.loaded);
            break;
        default: refresh_sync_mirror(vm, mirror, machine_.sync().object(mirror.sync)); break;
        }
        p.mirrors[kept++] = mirror;
    }
    p.mirrors.resize(kept);
}

// A batch that assigned a Value's `value` (a number) writes it to the shared slot, converted
// to the Value's type as ctypes converts it.
void PythonRun::publish_mirrors(Interpreter& vm) {
    for (const Mirror& mirror : process(vm).mirrors) {
        if (mirror.kind != Mirror::Kind::Shared || !mirror_alive(vm, mirror))
            continue;
        Value* now = mirror.object->attrs.find("value");
        if (!now || !now->is_number())
            continue;
        const bool changed = now->kind != mirror.loaded.kind || (now->is_float() ? now->real != mirror.loaded.real
                                                                                 : now->as_integral() != mirror.loaded.as_integral());
        if (!changed)
            continue;
        shared_slots_[static_cast<size_t>(mirror.slot)] =
            mirror.integral ? Value::from_int(now->is_float() ? static_cast<int64_t>(now->real) : now->as_integral())
                            : Value::from_float(now->as_double());
    }
}

void PythonRun::forget_locals(Interpreter& vm, const Thread& thread) {
    PythonProcess& p = process(vm);
    for (const Mirror& mirror : p.mirrors) {
        if (mirror.kind != Mirror::Kind::Local || !mirror_alive(vm, mirror))
            continue;
        DictObject* parked = parked_locals(*mirror.object);
        parked->table.remove(Value::from_int(thread.id));
        if (p.locals_thread == thread.id)
            fresh_locals(vm, *mirror.object, parked);
    }
    if (p.locals_thread == thread.id)
        p.locals_thread = 0;
}

} // namespace python
