// The simulated machine: processes with their GILs, OS threads and their control blocks, CPUs,
// the scheduler, kernel wait objects and the trace, driven as a discrete-event simulation on an
// int64 nanosecond clock.
//
// What runs on a thread is a ThreadProgram: "execute up to N instructions, then tell me what
// you want from the kernel". The interpreter's Python threads implement it; so do the scripted
// programs of the tests and the benchmark (machine/script_program.h).
//
// How time advances (exact, and fast):
// - Each CPU has its own clock: how far its thread has executed. Every instruction costs
//   `bytecode_cost`. Pending timers (sleep and I/O ends, timeouts, GIL intervals, thread starts)
//   sit in one queue ordered by (time, sequence number).
// - The machine always advances the CPU that is furthest behind (ties: lowest CPU id), in one
//   batch up to the next timer, its slice end, and at most `sync_window` ahead of every other
//   busy CPU. A request (lock, sleep, exit, ...) ends the batch; it is handled at exactly the
//   time its instruction ran, once no CPU is behind that time (until then it waits in its
//   CPU): the requests of all threads take effect in time order.
// - Threads of one process share memory; with the GIL off, two of them running at once advance
//   one instruction at a time, alternately (sync window 0), so that races interleave exactly at
//   instruction granularity. With the GIL on only one of them executes bytecode at a time.
// - A wake-up that must preempt a thread on another CPU takes effect at that CPU's next
//   instruction boundary, which is at most the sync window later.
//
// Program end: when a process's main thread is done it waits for the non-daemon threads; then
// the process ends and its daemon threads are killed where they stand. When every live thread
// is blocked and no timer can wake one, the run ends in a deadlock with a report of who holds
// and who waits for what, and the wait-for cycle.
#pragma once
#include <cstdint>
#include <memory>
#include <queue>
#include <string>
#include <string_view>
#include <vector>
#include "machine/gil.h"
#include "machine/random.h"
#include "machine/schedule.h"
#include "machine/scheduler.h"
#include "machine/sim_time.h"
#include "machine/sync.h"
#include "machine/thread_state.h"
#include "machine/trace.h"

namespace machine {

class ThreadProgram;

// --- What a thread asks of the kernel ------------------------------------------------------------

enum class RequestKind : uint8_t {
    None,          // the budget ran out: keep running
    Exit,          // the thread's code is done
    Yield,         // give the CPU (and GIL) up and stay ready: sleep(0)
    Sleep,         // for `duration`
    Io,            // an I/O operation taking `duration`, or kIoFromConfig: drawn from io_latency
    Now,           // result value: the current simulated time
    Output,        // `text`: one line of the program's output
    Spawn,         // a new thread of this process: program, text (name), daemon, priority;
                   // result value: its ThreadId
    SpawnProcess,  // a new process (own address space, own GIL) running program; text: its
                   // name; result value: its main ThreadId (join it to wait for the process)
    Join,          // wait for thread `target` to end, at most `duration` (kNever: no timeout);
                   // result value: 1 when it ended, 0 on timeout
    EndProcess,    // end process `target` now, its threads killed where they stand (SIGTERM);
                   // result value: 1 if it was still running
    Sync,          // `op` on sync object `target`: blocking, `duration` as timeout, `count`
};

constexpr SimTime kIoFromConfig = -1;

struct Request {
    RequestKind kind = RequestKind::None;
    SyncOp op = SyncOp::Acquire;
    bool blocking = true;
    bool daemon = false;
    int32_t priority = 0;
    int32_t target = -1;
    SimTime duration = kNever;
    int64_t count = 1;
    std::string text;
    std::unique_ptr<ThreadProgram> program;

    static Request exit() { return make(RequestKind::Exit); }
    static Request yield() { return make(RequestKind::Yield); }
    static Request sleep(SimTime d) { Request r = make(RequestKind::Sleep); r.duration = d; return r; }
    static Request io(SimTime d = kIoFromConfig) { Request r = make(RequestKind::Io); r.duration = d; return r; }
    static Request now() { return make(RequestKind::Now); }
    static Request output(std::string line) { Request r = make(RequestKind::Output); r.text = std::move(line); return r; }
    static Request join(ThreadId t, SimTime timeout = kNever) { Request r = make(RequestKind::Join); r.target = t; r.duration = timeout; return r; }
    static Request end_process(ProcessId p) { Request r = make(RequestKind::EndProcess); r.target = p; return r; }
    static Request sync(SyncOp op, SyncId id, SimTime timeout = kNever, bool blocking = true, int64_t count = 1) {
        Request r = make(RequestKind::Sync);
        r.op = op;
        r.target = id;
        r.duration = timeout;
        r.blocking = blocking;
        r.count = count;
        return r;
    }
    static Request spawn(std::unique_ptr<ThreadProgram> p, std::string name, bool daemon = false, int priority = 0) {
        Request r = make(RequestKind::Spawn);
        r.program = std::move(p);
        r.text = std::move(name);
        r.daemon = daemon;
        r.priority = priority;
        return r;
    }
    static Request spawn_process(std::unique_ptr<ThreadProgram> p, std::string name) {
        Request r = make(RequestKind::SpawnProcess);
        r.program = std::move(p);
        r.text = std::move(name);
        return r;
    }

private:
    static Request make(RequestKind kind) { Request r; r.kind = kind; return r; }
};

struct RunResult {
    int64_t executed = 0;  // instructions executed, the one that made the request included
    Request request;
};

class ThreadProgram {
public:
    virtual ~ThreadProgram() = default;
    // The machine created the thread that runs this program (before its first run).
    virtual void on_created(ThreadId /*self*/) {}
    // Execute at most `budget` (>= 1) instructions, and stop to make a request (or earlier,
    // at will). `resumed` is what this thread's previous request returned (zero, no error,
    // when the previous run made none).
    virtual RunResult run(int64_t budget, const KernelResult& resumed) = 0;
    // The thread has exited (or was killed) and never runs again. The program stays, for what
    // is read after the run (a script's results, a Python thread's uncaught exception), but may
    // free what only running needed: 100 000 threads started one after another would keep it all.
    virtual void on_exit() {}
};

// --- Configuration -------------------------------------------------------------------------------

constexpr uint64_t kDefaultMaxMemory = uint64_t{64} << 20;
constexpr int kDefaultMaxThreads = 2000;
constexpr int kDefaultMaxProcesses = 32;
// Every thread's TCB stays to the end of the run (the timeline, the Threads window and the
// explorer read finished threads too), with the interpreter's side of it: some 1 KiB a thread,
// natively and in WebAssembly, and its name kept three times. A run's threads may take
// kThreadTableBytes so; past it, starting one more fails as when the OS refuses one ("can't start
// new thread"). 64 MiB is some 60 000 threads started one after another: the page's 256 MiB
// holds two runs' tables (a run and its one-CPU baseline) beside the machines' memory.
constexpr uint64_t kThreadRecordBytes = 1024;
constexpr uint64_t kThreadTableBytes = uint64_t{64} << 20;

struct MachineConfig {
    int cpus = 1;                                    // 1..64
    SchedulerConfig scheduler;
    bool gil = true;                                 // false: free-threaded
    SimTime switch_interval = 5 * kMillisecond;      // CPython's sys.getswitchinterval() default
    SimTime bytecode_cost = 20;                      // ns per instruction
    SimTime context_switch_cost = 2 * kMicrosecond;  // each dispatch of a thread onto a CPU
    SimTime thread_create_cost = 50 * kMicrosecond;  // charged to the creating thread
    // A process is costlier: a new address space and a new interpreter to start (charged to the
    // creator instead of a thread's cost), and a switch between two processes' threads changes
    // the CPU's address space (page tables, caches), on top of the switch itself.
    SimTime process_create_cost = 1 * kMillisecond;
    SimTime process_switch_cost = 4 * kMicrosecond;
    LatencyDistribution io_latency;                  // for Request::io() without a duration
    SimTime max_time = 60 * kSecond;                 // the run stops there (TimeLimit)
    uint64_t seed = 1;
    SimTime sync_window = 1 * kMicrosecond;          // how far one CPU may run ahead of another
    TraceLimits trace;
    // What a program may take. The memory is the machine's: the heaps of all its live processes
    // together (past it, Python's MemoryError in the thread that allocates). A process may have
    // max_threads live threads, main included (past it, starting one more fails: "can't start
    // new thread", as past the run's thread table, kThreadTableBytes), and a run may start
    // max_processes processes in all, the first included (past it, Process.start() fails as a
    // full process table makes fork() fail). The defaults fit the page, whose WebAssembly memory
    // is 256 MiB for everything.
    uint64_t max_memory = kDefaultMaxMemory;
    int max_threads = kDefaultMaxThreads;
    int max_processes = kDefaultMaxProcesses;
};

constexpr int kMaxCpus = 64;

// --- The machine's tables (read by the UI and the tests) ----------------------------------------

struct Thread {  // the TCB
    ThreadId id = kNoThread;
    ProcessId process = 0;
    std::string name;
    ThreadState state = ThreadState::New;
    WaitKind wait = WaitKind::None;
    int32_t wait_object = -1;   // the sync object, joined thread, or process (GIL)
    SimTime wait_deadline = kNever;
    bool daemon = false;
    bool is_main = false;
    ThreadId creator = kNoThread;  // the thread that started it (none for a process's first)
    int priority = 0;
    bool holds_gil = false;
    CpuId cpu = kNoCpu;         // while running
    CpuId last_cpu = kNoCpu;
    SimTime cpu_time = 0;       // executing instructions and creating threads
    int64_t instructions = 0;
    int64_t context_switches = 0;
    SimTime created_at = 0;
    SimTime ready_at = kNever;      // first time ready (after its creation cost)
    SimTime first_run_at = kNever;  // first instruction
    SimTime finished_at = kNever;

    // Machine bookkeeping.
    uint32_t wait_token = 0;    // changes when a wait ends: timers of older waits are stale
    KernelResult resume_with;   // handed to the program at its next run
    std::vector<ThreadId> joiners;
    std::unique_ptr<ThreadProgram> program;

    SimTime response_time() const { return first_run_at - ready_at; }
    SimTime turnaround_time() const { return finished_at - ready_at; }
};

struct Process {
    ProcessId id = 0;
    std::string name;
    ThreadId main_thread = kNoThread;
    bool gil_enabled = true;
    Gil gil;
    SimTime switch_interval = 0;     // the GIL's; starts as the config's, sys.setswitchinterval sets it
    int live_threads = 0;
    int live_non_daemon_others = 0;  // non-daemon threads besides main: main's exit waits for them
    int running = 0;                 // threads on a CPU now
    bool main_waiting = false;
    bool exited = false;
};

struct Cpu {
    ThreadId thread = kNoThread;
    SimTime time = 0;               // local clock; when idle, when it went idle
    SimTime slice_end = kNever;
    SimTime interrupt_at = kNever;  // look at the scheduler / GIL again at this boundary
    // The end of its last batch, applied once no other CPU is behind it (Machine::settle): the
    // thread's request, and the run time not yet charged to it.
    Request pending;
    SimTime uncharged = 0;
    bool fresh = false;  // its thread has not executed since it got the CPU (schedule.h)
    ProcessId process = -1;  // whose address space it is in: the process it last ran a thread of
};

enum class RunStatus : uint8_t { Paused, Finished, Deadlock, TimeLimit };
const char* run_status_name(RunStatus status);

// What a thread waits for, and the one thread that could end the wait, if there is one.
struct WaitInfo {
    ThreadId thread = kNoThread;
    WaitKind kind = WaitKind::None;
    int32_t object = -1;
    ThreadId holder = kNoThread;
};

struct DeadlockReport {
    SimTime time = 0;
    std::vector<WaitInfo> waits;                 // every live thread
    std::vector<std::pair<ThreadId, SyncId>> held;  // locks held, by thread
    std::vector<ThreadId> cycle;                 // the wait-for cycle, first thread repeated at the end
};

// --- The machine ---------------------------------------------------------------------------------

class Machine {
public:
    explicit Machine(const MachineConfig& config);

    // A new process whose main thread runs `main`, ready at `arrival` (now, if earlier).
    // Returns the main thread.
    ThreadId start_process(std::string name, std::unique_ptr<ThreadProgram> main, SimTime arrival = 0,
                           int priority = 0);
    // Sync objects need no simulated time to create; see SyncTable::create.
    SyncId create_sync(SyncKind kind, int64_t initial = 0, SyncId lock = kNoSync);

    // Runs until the run ends, the clock reaches `until`, or at least `max_instructions` more
    // instructions have executed. Returns Paused in the last two cases.
    RunStatus run(SimTime until = kNever, int64_t max_instructions = INT64_MAX);

    RunStatus status() const { return status_; }
    SimTime now() const { return now_; }
    int64_t instructions() const { return instructions_; }
    const MachineConfig& config() const { return config_; }
    const Trace& trace() const { return trace_; }
    const SyncTable& sync() const { return sync_; }
    const Scheduler& scheduler() const { return scheduler_; }
    size_t thread_count() const { return threads_.size(); }
    const Thread& thread(ThreadId id) const { return threads_[id]; }
    size_t process_count() const { return processes_.size(); }
    const Process& process(ProcessId id) const { return processes_[id]; }
    int cpu_count() const { return static_cast<int>(cpus_.size()); }
    const Cpu& cpu(CpuId id) const { return cpus_[id]; }

    // A line of program output written at `time`, which may lie ahead of now(): a thread that
    // prints in the middle of its batch. Lines enter the trace in time order.
    void emit_output(ThreadId thread, SimTime time, OutputStream stream, std::string_view line, bool newline = true);
    // sys.setswitchinterval: the GIL switch interval of one process, from its next wait on.
    void set_switch_interval(ProcessId process, SimTime interval);
    // The run's one PRNG, for the program's own randomness (Python's `random`).
    Random& random() { return random_; }
    // From now on, ask `controller` at every scheduling choice (machine/schedule.h); null: the
    // machine decides alone. Threads then execute one instruction per batch.
    void set_controller(ScheduleController* controller) { controller_ = controller; }

    // Whether `process` may not start a thread called `name`: it has as many live threads as
    // MachineConfig::max_threads allows, or the run's thread table has no room for one more.
    bool thread_limit_reached(ProcessId process, std::string_view name) const;

    WaitInfo blocked_on(ThreadId thread) const;
    const DeadlockReport& deadlock() const { return deadlock_; }
    std::string describe_deadlock() const;
    // `--stats`: wall time, per-CPU utilisation, context switches, GIL hand-offs, per thread.
    std::string describe_stats() const;

private:
    enum class TimerKind : uint8_t { Wake, GilInterval, ThreadStart, MlfqBoost };
    struct Timer {
        SimTime time;
        uint64_t seq;
        TimerKind kind;
        ThreadId thread;
        uint32_t token;
        uint64_t switch_number;
    };
    struct TimerLater {
        bool operator()(const Timer& a, const Timer& b) const {
            return a.time != b.time ? a.time > b.time : a.seq > b.seq;
        }
    };
    struct PendingOutput {
        SimTime time;
        uint64_t seq;
        ThreadId thread;
        OutputStream stream;
        bool newline;
        std::string text;
    };
    struct OutputLater {
        bool operator()(const PendingOutput& a, const PendingOutput& b) const {
            return a.time != b.time ? a.time > b.time : a.seq > b.seq;
        }
    };

    // Section: threads and processes
    ThreadId new_thread(ProcessId process, std::string name, std::unique_ptr<ThreadProgram> program,
                        bool daemon, int priority, ThreadId creator);
    ProcessId new_process(std::string name);
    void terminate(ThreadId thread);
    void end_process(ProcessId process);
    void kill(ThreadId thread, std::vector<CpuId>& freed);
    void end_run(RunStatus status, SimTime time);
    // Section: CPUs and scheduling
    void step_cpu(CpuId c, SimTime next_timer, SimTime until, int64_t& instruction_budget);
    bool settle(CpuId c);
    void dispatch(CpuId c, ThreadId thread);
    void schedule_cpu(CpuId c);
    void vacate_cpu(CpuId c, StopReason reason);
    void preempt(CpuId c, StopReason stop, ReadyReason ready, bool at_front);
    void mark_ready(ThreadId thread, ReadyReason reason, ThreadId waker, bool at_front);
    void place_ready();
    void make_ready(ThreadId thread, ReadyReason reason, ThreadId waker);
    void block(CpuId c, WaitKind kind, int32_t object, ThreadId holder, SimTime deadline, StopReason reason);
    void wake(ThreadId thread, const KernelResult& result, ReadyReason reason, ThreadId waker);
    void move_wait(ThreadId thread, SyncId object);
    SimTime window_for(CpuId c) const;
    bool offer_choice(CpuId c);
    void switch_to(CpuId c, ThreadId next);
    // Section: the GIL
    bool take_gil(CpuId c);
    void release_gil(ThreadId thread, GilReleaseReason reason);
    void drop_gil_for_switch(CpuId c);
    void arm_gil_interval(ThreadId thread);
    // Section: requests and timers
    void handle_request(CpuId c, Request&& request);
    void handle_sync(CpuId c, const Request& request);
    void apply_sync_effects(const SyncEffects& effects, ThreadId actor);
    void handle_timer(const Timer& timer);
    void push_timer(SimTime time, TimerKind kind, ThreadId thread, uint64_t switch_number = 0);
    // Section: the busy-CPU tournament tree (which CPU is furthest behind)
    bool behind(CpuId a, CpuId b) const;
    void update_cpu(CpuId c);
    CpuId earliest_cpu() const { return tree_[1]; }
    CpuId earliest_other(CpuId c) const;
    // Section: reports
    void build_deadlock_report();
    void record(TraceKind kind, ThreadId thread, int32_t object = -1, int32_t other = -1,
                uint8_t reason = 0, int64_t value = 0, CpuId cpu = kNoCpu);
    void flush_output(SimTime up_to);

    MachineConfig config_;
    Scheduler scheduler_;
    SyncTable sync_;
    Trace trace_;
    Random random_;
    std::vector<Thread> threads_;
    std::vector<Process> processes_;
    std::vector<Cpu> cpus_;
    std::vector<CpuId> tree_;  // tournament tree over CPUs: leaves at [leaves_, 2*leaves_)
    int leaves_ = 1;
    uint64_t idle_mask_ = 0;   // bit c: CPU c has no thread
    std::priority_queue<Timer, std::vector<Timer>, TimerLater> timers_;
    uint64_t timer_seq_ = 0;
    // Output written ahead of now(), held until no event can come before it.
    std::priority_queue<PendingOutput, std::vector<PendingOutput>, OutputLater> pending_output_;
    uint64_t output_seq_ = 0;
    SimTime now_ = 0;
    int64_t instructions_ = 0;
    int live_threads_ = 0;
    uint64_t thread_table_bytes_ = 0;  // what every thread so far takes of the thread table
    int blocked_forever_ = 0;  // blocked with no timer that will wake them
    int live_processes_ = 0;
    bool boost_armed_ = false;
    RunStatus status_ = RunStatus::Paused;
    DeadlockReport deadlock_;
    ScheduleController* controller_ = nullptr;
    std::vector<ThreadId> choice_others_;  // offer_choice's candidates, kept to spare allocations
};

} // namespace machine
