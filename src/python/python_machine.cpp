// Sections: the modules of a machine process | the host | a Python thread on the machine |
//           the run
#include "python/python_machine.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>
#include "lang/compiler.h"

namespace python {

// ---- The modules of a machine process ----------------------------------------------------------

void install_threading(Interpreter& vm, ModuleObject& module);
void install_time(Interpreter& vm, ModuleObject& module);
extern const char kTimeSource[];
extern const char* const kThreadingSource;
extern const char* const kAsyncioSource;
void install_os(Interpreter& vm, ModuleObject& module);
extern const char kOsSource[];
void install_multiprocessing(Interpreter& vm, ModuleObject& module);
extern const char kMultiprocessingSource[];
extern const char kQueueSource[];
void install_logging(Interpreter& vm, ModuleObject& module);
extern const char kLoggingSource[];
extern const char kFuturesSource[];

namespace {

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

machine::RunResult PythonThread::run(int64_t budget, const KernelResult& resumed) {
    if (thread_.state == ThreadState::Suspended)
        deliver(resumed);
    machine::RunResult out;
    if (thread_.state == ThreadState::Runnable) {
        run_.set_running(this);
        out.executed = static_cast<int64_t>(vm_.run(thread_, static_cast<uint64_t>(std::min(budget, kPythonBatch))).executed);
        run_.set_running(nullptr);
    }
    const Machine& machine = run_.machine();
    const SimTime end = machine.now() + out.executed * machine.config().bytecode_cost;
    switch (thread_.state) {
    case ThreadState::Runnable: flush_writes(end, false); break;
    case ThreadState::Suspended:
        flush_writes(end, false);
        out.request = std::exchange(request_, Request{});
        break;
    case ThreadState::Finished:
        if (!reported_) {
            run_.set_running(this);
            report_uncaught();
            run_.set_running(nullptr);
            flush_writes(end, true);
            reported_ = true;
        }
        out.request = run_.exit_request(vm_, id_);
        break;
    }
    return out;
}

void PythonThread::deliver(const KernelResult& resumed) {
    if (resumed.error == KernelError::None) {
        vm_.resume(thread_, Value::from_int(resumed.value));
        return;
    }
    Value exception = vm_.make_exception(exception_class(vm_, resumed.error), kernel_error_message(resumed.error));
    vm_.resume_with_exception(thread_, exception);
}

void PythonThread::buffer_write(OutputStream stream, std::string_view text) {
    pending_[static_cast<int>(stream)] += text;
}

void PythonThread::flush_writes(SimTime time, bool thread_done) {
    for (OutputStream stream : {OutputStream::Stdout, OutputStream::Stderr})
        emit_lines(run_.machine(), id_, time, stream, pending_[static_cast<int>(stream)], thread_done);
}

// As CPython: the main thread's uncaught exception decides the exit status; another thread's
// is printed as "Exception in thread NAME:" and its traceback; SystemExit in a thread is silent.
void PythonThread::report_uncaught() {
    if (run_.machine().thread(id_).is_main) {
        run_.main_finished(vm_, thread_);
        return;
    }
    if (thread_.uncaught.is_none() || vm_.is_instance(thread_.uncaught, vm_.types.system_exit))
        return;
    vm_.host.write_stderr("Exception in thread " + run_.machine().thread(id_).name + ":\n" + vm_.format_uncaught(thread_));
}

// ---- The run -----------------------------------------------------------------------------------

PythonRun::PythonRun(const MachineConfig& config) : machine_(config) {
    const std::span<const ModuleDef> standard = standard_modules();
    modules_.assign(standard.begin(), standard.end());
    // After the standard modules: a name found in both is taken from here (import uses the last
    // row that matches).
    modules_.push_back({"time", install_time, kTimeSource});
    modules_.push_back({"threading", install_threading, kThreadingSource});
    modules_.push_back({"asyncio", nullptr, kAsyncioSource});
    modules_.push_back({"os", install_os, kOsSource});
    modules_.push_back({"multiprocessing", install_multiprocessing, kMultiprocessingSource});
    modules_.push_back({"queue", nullptr, kQueueSource});
    modules_.push_back({"logging", install_logging, kLoggingSource});
    modules_.push_back({"concurrent", nullptr, nullptr});
    modules_.push_back({"concurrent.futures", nullptr, kFuturesSource});
}

std::optional<lang::SourceError> PythonRun::start(std::string_view source, std::string_view filename) {
    PythonProcess process;
    process.vm = std::make_unique<Interpreter>(host_, modules_);
    LoadResult loaded = process.vm->load_main(source, filename);
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
    child.vm = std::make_unique<Interpreter>(host_, modules_);
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
    for (const PythonProcess& p : processes_)
        for (const PythonThread* program : p.threads)
            if (program && program->id() == thread)
                return &program->python_thread();
    return nullptr;
}

std::unique_ptr<PythonThread> PythonRun::adopt(Interpreter& vm, Thread& thread) {
    auto program = std::make_unique<PythonThread>(*this, vm, thread);
    std::vector<PythonThread*>& threads = process(vm).threads;
    if (thread.id >= threads.size())
        threads.resize(thread.id + 1, nullptr);
    threads[thread.id] = program.get();
    return program;
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

} // namespace python
