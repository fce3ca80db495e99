// A Python program on the simulated machine. Each simulated process is an Interpreter
// (its own heap, modules and threads) whose Host is a ProcessHost; each Python thread runs on
// the machine as a PythonThread.
//
// The modules that need the machine (threading, time, os, multiprocessing, ...) are installed
// only in these interpreters: their natives reach the machine through the host, ask it for what
// they wait for (PythonThread::set_request) and suspend; the machine's answer resumes them.
//
// multiprocessing starts a process spawn-like: the child is a new interpreter that runs the
// program again as __mp_main__ (so `if __name__ == "__main__":` is skipped), then receives the
// Process object its parent pickled at start() (python/pickled.h) and calls its run().
//
// Output: print() writes through the host in the middle of a batch, and the interpreter does
// not say at which instruction, so a thread's writes are stamped with the end of the batch
// they happened in. Batches of Python threads are capped at kPythonBatch instructions, which
// bounds that error (20 us at the default bytecode cost).
#pragma once
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "python/interpreter.h"
#include "machine/machine.h"
#include "python/pickled.h"
#include "lang/source.h"

namespace python {

// The machine's vocabulary, which the Python-on-the-machine code speaks throughout. The names
// that the runtime has too (Thread, ThreadState, RunResult, StopReason) stay qualified.
using machine::KernelError;
using machine::KernelResult;
using machine::kNever;
using machine::kNoSync;
using machine::kNoThread;
using machine::kSecond;
using machine::Machine;
using machine::MachineConfig;
using machine::OutputStream;
using machine::ProcessId;
using machine::Request;
using machine::RunStatus;
using machine::SimTime;
using machine::SyncId;
using machine::SyncKind;
using machine::SyncOp;
using machine::ThreadId;
using machine::ThreadProgram;

class PythonRun;

constexpr int64_t kPythonBatch = 1000;

// os.getpid(): machine process p is pid kFirstPid + p; os.getppid() of the first process is the
// shell that started it.
constexpr int64_t kFirstPid = 1000;
constexpr int64_t kShellPid = 999;

class ProcessHost final : public Host {
public:
    explicit ProcessHost(PythonRun& run) : run_(run) {}
    void write_stdout(std::string_view text) override;
    void write_stderr(std::string_view text) override;
    int64_t now_ns() override;
    uint64_t random_u64() override;
    PythonRun& run() { return run_; }

private:
    PythonRun& run_;
};

// One Python thread as the machine runs it.
class PythonThread final : public ThreadProgram {
public:
    PythonThread(PythonRun& run, Interpreter& vm, Thread& thread) : run_(run), vm_(vm), thread_(&thread) {}
    void on_created(ThreadId self) override;
    machine::RunResult run(int64_t budget, const KernelResult& resumed) override;
    // Frees the interpreter thread's frames and spare frames (their stacks and locals); its
    // result and uncaught exception stay for the outcome.
    void on_exit() override;

    // A native parks here the request it suspends for.
    void set_request(Request request) { request_ = std::move(request); }
    ThreadId id() const { return id_; }
    const Thread& python_thread() const { return *thread_; }
    // Text the thread wrote during the current batch, stamped and split into lines at its end.
    void buffer_write(OutputStream stream, std::string_view text);

private:
    void deliver(const KernelResult& resumed);
    void flush_writes(SimTime time, bool thread_done);
    void report_uncaught();
    bool start_exit_hooks();

    PythonRun& run_;
    Interpreter& vm_;
    Thread* thread_;            // a main thread's moves to its exit hooks once its code is done
    bool exit_hooks_ = false;   // a main thread: threading's exit hooks have been started
    ThreadId id_ = kNoThread;
    Request request_;
    bool reported_ = false;   // its end (uncaught exception, exit status) has been reported
    std::string pending_[2];  // per OutputStream: written this batch, or an unfinished line
};

// For natives of the machine modules: parks `request` for the machine and suspends the calling
// thread; the machine's answer (KernelResult::value as an int) is handed to `then`, and a
// KernelError is raised in the thread instead. `state` reaches `then` as its state.
NativeResult ask_machine(Interpreter& vm, Thread& thread, Request request,
                                 NativeContinuation then, Value state = {});

// Seconds as Python passes them (int or float) to nanoseconds; false (and a Python exception
// raised) for anything else or a negative value, which `what` names ("sleep length").
bool seconds_argument(Interpreter& vm, Value v, const char* what, SimTime& out);

// An object whose attributes the machine keeps current for the Python code that reads them:
// Python has no descriptors here, so before each batch of a thread of the process its mirrors
// are refreshed. A threading.local gets the running thread's own attributes (the others'
// are parked in its `_local__dicts`, keyed by thread); a Semaphore its `_value`; a Barrier its
// `n_waiting` and `broken`; a multiprocessing.Value its `value`, in every process that has it. The pointer is used only while the heap still holds it at its id.
struct Mirror {
    enum class Kind : uint8_t { Local, Semaphore, Barrier, Shared };
    Kind kind = Kind::Local;
    uint32_t object_id = 0;
    InstanceObject* object = nullptr;
    SyncId sync = kNoSync;  // Semaphore, Barrier
    // Shared: a multiprocessing.Value, whose `value` is loaded from shared slot `slot` before
    // each batch and written back after it when the batch changed it.
    int64_t slot = -1;
    bool integral = false;
    Value loaded;
};

// A Python process: its interpreter and the bookkeeping multiprocessing needs.
struct PythonProcess {
    std::unique_ptr<Interpreter> vm;
    std::vector<PythonThread*> threads;  // by Thread::id
    ProcessId machine_id = -1;           // set when the machine creates its main thread
    int parent = -1;                     // PythonRun index of the process that started it
    bool daemon = false;                 // a daemonic child is terminated when its parent exits
    int exit_code = 0;                   // set when its main thread ends
    int signal = 0;                      // ended by terminate()/kill(): exitcode is -signal
    Pickled sent;                // a child: the Process object its parent started
    std::vector<Mirror> mirrors;
    uint32_t locals_thread = 0;  // the Thread::id whose attributes the threading.locals hold
    bool released = false;       // exited, and its memory given back to the machine (share_memory)
};

class PythonRun {
public:
    explicit PythonRun(const MachineConfig& config);
    PythonRun(const PythonRun&) = delete;
    PythonRun& operator=(const PythonRun&) = delete;

    // Compiles `source` as the main program of a new process. Returns its syntax error, if any.
    // `compiled`: `source` compiled already (see Interpreter::load_main).
    std::optional<lang::SourceError> start(std::string_view source, std::string_view filename,
                                           std::shared_ptr<const lang::CompiledModule> compiled = nullptr);
    RunStatus run(SimTime until = kNever, int64_t max_instructions = INT64_MAX) {
        return machine_.run(until, max_instructions);
    }
    Machine& machine() { return machine_; }
    const Machine& machine() const { return machine_; }
    // For the lab's snapshots: the interpreter of a machine process (null if it has none), and
    // the Python thread behind a machine thread (null for threads that run no Python code).
    Interpreter* interpreter(ProcessId process);
    const Thread* python_thread(ThreadId thread) const;

    // What python3 would exit with: 0, 1 after an uncaught exception in the main thread, or
    // SystemExit's code.
    int exit_status() const { return exit_status_; }

    // For the machine modules' natives (the host of their interpreter is a ProcessHost).
    static PythonRun& of(Interpreter& vm) { return static_cast<ProcessHost&>(vm.host).run(); }
    PythonThread& python_thread(const Interpreter& vm, const Thread& thread);
    // The program of a thread just created in `vm`, for Request::spawn.
    std::unique_ptr<PythonThread> adopt(Interpreter& vm, Thread& thread);
    // `program` goes on running `thread` (its main thread's exit hooks).
    void rebind(Interpreter& vm, Thread& thread, PythonThread& program);

    // The thread whose batch is running (its writes are buffered), or null between batches.
    void set_running(PythonThread* thread) { running_ = thread; }
    void write(OutputStream stream, std::string_view text);
    void main_finished(Interpreter& vm, const Thread& thread);
    // What a thread whose code is done asks next. A main thread first does what CPython's exit
    // handler does for multiprocessing: terminate daemonic children, join the others.
    Request exit_request(const Interpreter& vm, ThreadId thread);

    // Mirrors (see Mirror): registered by the threading module, refreshed before each batch of
    // `thread`, and a finished thread's local attributes dropped.
    void add_mirror(Interpreter& vm, Mirror mirror);
    void refresh_mirrors(Interpreter& vm, const Thread& thread);
    void publish_mirrors(Interpreter& vm);
    void forget_locals(Interpreter& vm, const Thread& thread);

    // The machine's memory is shared by its processes: before a batch of a thread of `vm`, what
    // MachineConfig::max_memory leaves beside the heaps of the other live processes becomes
    // `vm`'s budget. A process that has exited gives its memory back, as an OS takes back a
    // dead process's pages: its threads' frames go, its garbage is collected, and its heap no
    // longer counts. What is read after the run (exit codes, uncaught exceptions) stays.
    void share_memory(Interpreter& vm);
    // Whether the run has started MachineConfig::max_processes processes (the first included).
    bool process_limit_reached() const;

    // multiprocessing: a new process started by `parent` (not yet on the machine) whose main
    // thread runs the program as __mp_main__, then sent.run(). Returns that thread's program,
    // for Request::spawn_process.
    std::unique_ptr<PythonThread> start_child(Interpreter& parent, Pickled sent, bool daemon);

    // multiprocessing's memory outside every process: channels of pickled values (its queues
    // and pipes) and shared slots (Value, Array), both bounded so a program cannot exhaust the
    // host. The machine's sync objects are shared by all processes already.
    static constexpr size_t kMaxChannelItems = 100000;
    static constexpr size_t kMaxSharedSlots = 1000000;
    std::vector<std::deque<Pickled>>& channels() { return channels_; }
    std::vector<Value>& shared_slots() { return shared_slots_; }
    PythonProcess& process(const Interpreter& vm);
    const std::vector<PythonProcess>& processes() const { return processes_; }
    // The process with os.getpid() `pid`, or null.
    PythonProcess* process_with_pid(int64_t pid);
    int64_t pid(const PythonProcess& p) const { return kFirstPid + p.machine_id; }

private:
    // A process's interpreter, its heap held to MachineConfig::max_memory.
    std::unique_ptr<Interpreter> new_interpreter();
    size_t machine_memory() const;
    void release(PythonProcess& exited);

    Machine machine_;
    ProcessHost host_{*this};  // the host of every process: they share the machine's streams
    std::vector<ModuleDef> modules_;
    std::string source_, filename_;  // the main program, which children run again
    std::vector<PythonProcess> processes_;
    std::vector<std::deque<Pickled>> channels_;
    std::vector<Value> shared_slots_;  // None, bool, int or float only
    PythonThread* running_ = nullptr;
    int exit_status_ = 0;
};

} // namespace python
