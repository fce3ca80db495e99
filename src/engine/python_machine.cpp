// Sections: the modules of a machine process | the host | a Python thread on the machine |
//           the run
#include "engine/python_machine.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace sim {

// ---- The modules of a machine process ----------------------------------------------------------

void install_threading(engine::Interpreter& vm, engine::ModuleObject& module);
void install_time(engine::Interpreter& vm, engine::ModuleObject& module);
extern const char kTimeSource[];
extern const char* const kThreadingSource;
extern const char kQueueSource[];
void install_logging(engine::Interpreter& vm, engine::ModuleObject& module);
extern const char kLoggingSource[];
void install_futures(engine::Interpreter& vm, engine::ModuleObject& module);
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
engine::ClassObject* exception_class(engine::Interpreter& vm, KernelError error) {
    const std::string name = kernel_error_exception(error);
    for (engine::ModuleObject* module : {vm.builtins, vm.modules.count("threading") ? vm.modules["threading"] : nullptr}) {
        if (!module)
            continue;
        if (engine::Value* found = module->globals.find(name))
            if (auto* cls = engine::as<engine::ClassObject>(*found))
                return cls;
    }
    return vm.types.runtime_error;
}

// SystemExit(code): the exit status it asks for, writing a non-integer code to stderr as CPython does.
int system_exit_status(engine::Interpreter& vm, engine::Value exception) {
    auto* instance = engine::as<engine::InstanceObject>(exception);
    engine::Value* args = instance ? instance->attrs.find("args") : nullptr;
    auto* tuple = args ? engine::as<engine::TupleObject>(*args) : nullptr;
    if (!tuple || tuple->items.empty() || tuple->items[0].is_none())
        return 0;
    const engine::Value code = tuple->items[0];
    if (code.is_integral())
        return static_cast<int>(code.as_integral());
    vm.host.write_stderr(vm.str(code) + "\n");
    return 1;
}

} // namespace

engine::NativeResult ask_machine(engine::Interpreter& vm, engine::Thread& thread, Request request,
                                 engine::NativeContinuation then) {
    PythonRun::of(vm).python_thread(vm, thread).set_request(std::move(request));
    return engine::NativeResult::suspend(then);
}

bool seconds_argument(engine::Interpreter& vm, engine::Value v, const char* what, SimTime& out) {
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

RunResult PythonThread::run(int64_t budget, const KernelResult& resumed) {
    if (thread_.state == engine::ThreadState::Suspended)
        deliver(resumed);
    RunResult out;
    if (thread_.state == engine::ThreadState::Runnable) {
        run_.set_running(this);
        out.executed = static_cast<int64_t>(vm_.run(thread_, static_cast<uint64_t>(std::min(budget, kPythonBatch))).executed);
        run_.set_running(nullptr);
    }
    const Machine& machine = run_.machine();
    const SimTime end = machine.now() + out.executed * machine.config().bytecode_cost;
    switch (thread_.state) {
    case engine::ThreadState::Runnable: flush_writes(end, false); break;
    case engine::ThreadState::Suspended:
        flush_writes(end, false);
        out.request = std::exchange(request_, Request{});
        break;
    case engine::ThreadState::Finished:
        run_.set_running(this);
        report_uncaught();
        run_.set_running(nullptr);
        flush_writes(end, true);
        out.request = Request::exit();
        break;
    }
    return out;
}

void PythonThread::deliver(const KernelResult& resumed) {
    if (resumed.error == KernelError::None) {
        vm_.resume(thread_, engine::Value::from_int(resumed.value));
        return;
    }
    engine::Value exception = vm_.make_exception(exception_class(vm_, resumed.error), kernel_error_message(resumed.error));
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
    const std::span<const engine::ModuleDef> standard = engine::standard_modules();
    modules_.assign(standard.begin(), standard.end());
    // After the standard modules: a name found in both is taken from here (import uses the last
    // row that matches).
    modules_.push_back({"time", install_time, kTimeSource});
    modules_.push_back({"threading", install_threading, kThreadingSource});
    modules_.push_back({"queue", nullptr, kQueueSource});
    modules_.push_back({"logging", install_logging, kLoggingSource});
    modules_.push_back({"concurrent", nullptr, nullptr});
    modules_.push_back({"concurrent.futures", install_futures, kFuturesSource});
}

std::optional<lang::SourceError> PythonRun::start(std::string_view source, std::string_view filename) {
    Process process;
    process.host = std::make_unique<ProcessHost>(*this);
    process.vm = std::make_unique<engine::Interpreter>(*process.host, modules_);
    engine::LoadResult loaded = process.vm->load_main(source, filename);
    if (loaded.error)
        return loaded.error;
    engine::Interpreter& vm = *process.vm;
    processes_.push_back(std::move(process));
    machine_.start_process("MainProcess", adopt(vm, *loaded.thread));
    return std::nullopt;
}

PythonRun::Process& PythonRun::process_of(const engine::Interpreter& vm) {
    for (Process& p : processes_)
        if (p.vm.get() == &vm)
            return p;
    return processes_.front();
}

PythonThread& PythonRun::python_thread(const engine::Interpreter& vm, const engine::Thread& thread) {
    return *process_of(vm).threads[thread.id];
}

// processes_ grows in the order the machine numbers its processes, so a ProcessId indexes it.
engine::Interpreter* PythonRun::interpreter(ProcessId process) {
    return process >= 0 && static_cast<size_t>(process) < processes_.size() ? processes_[process].vm.get() : nullptr;
}

const engine::Thread* PythonRun::python_thread(ThreadId thread) const {
    for (const Process& p : processes_)
        for (const PythonThread* program : p.threads)
            if (program && program->id() == thread)
                return &program->python_thread();
    return nullptr;
}

std::unique_ptr<PythonThread> PythonRun::adopt(engine::Interpreter& vm, engine::Thread& thread) {
    auto program = std::make_unique<PythonThread>(*this, vm, thread);
    std::vector<PythonThread*>& threads = process_of(vm).threads;
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

void PythonRun::main_finished(engine::Interpreter& vm, const engine::Thread& thread) {
    int status = 0;
    if (vm.is_instance(thread.uncaught, vm.types.system_exit)) {
        status = system_exit_status(vm, thread.uncaught);
    } else if (!thread.uncaught.is_none()) {
        vm.host.write_stderr(vm.format_uncaught(thread));
        status = 1;
    }
    if (&vm == processes_.front().vm.get())
        exit_status_ = status;
}

} // namespace sim
