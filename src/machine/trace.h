// The trace: an append-only record of everything the machine did, the stats derived from it,
// its 64-bit hash, and its export as Chrome Trace Event JSON (which Perfetto opens).
//
// Memory is bounded: the trace keeps the newest `max_events` events (32 bytes each) and the
// newest output lines, at most `max_output_lines` of them and `max_output_bytes` of text (the
// newest line is kept whatever its length). Older detail is dropped once a ring is full,
// but the stats and the hash are computed as events arrive, so they always cover the whole run.
// Front ends that want every output line read them as they come (output_count() only grows).
//
// The hash is FNV-1a 64 over every event's fields, every output line and every name, in order:
// two runs are the same run exactly when their hashes match.
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>
#include "machine/sim_time.h"
#include "machine/thread_state.h"

namespace machine {

enum class TraceKind : uint8_t {
    ProcessStart,    // object: the process; thread: its main thread
    ProcessExit,     // object: the process
    ThreadCreate,    // object: its process; other: the creating thread (none for a main thread)
    ThreadReady,     // reason: ReadyReason; other: the thread whose action made it ready
    ThreadRun,       // cpu; other: the CPU it ran on before (a migration when different);
                     // value: when it starts executing, after the context switch
    ThreadStop,      // cpu; reason: StopReason
    ThreadBlock,     // reason: WaitKind; object: the sync object or joined thread;
                     // other: the thread it depends on, if one; value: deadline or kNever
    ThreadExit,
    ThreadKill,      // reason: the ThreadState it was in
    GilTake,         // object: the process; other: the previous holder
    GilRelease,      // object: the process; reason: GilReleaseReason
    GilDropRequest,  // thread: the waiter that set it; other: the holder; object: the process
    Sync,            // reason: SyncOp; object: the sync object; value: the result;
                     // other: the KernelError, if any
    MlfqDemote,      // object: the new level
    MlfqBoost,
    Output,          // object: the line's index among all output lines; reason: OutputStream
    RunEnd,          // reason: RunStatus
};
const char* trace_kind_name(TraceKind kind);

struct TraceEvent {  // 32 bytes
    SimTime time = 0;
    int64_t value = 0;
    ThreadId thread = kNoThread;
    int32_t object = -1;
    int32_t other = -1;
    int16_t cpu = kNoCpu;
    TraceKind kind = TraceKind::ThreadReady;
    uint8_t reason = 0;
};

enum class OutputStream : uint8_t { Stdout, Stderr };

struct OutputLine {
    SimTime time = 0;
    ThreadId thread = kNoThread;
    OutputStream stream = OutputStream::Stdout;
    bool newline = true;  // false for a last line the program left unterminated (or a very long one, in pieces)
    std::string text;     // without the newline
};

struct TraceLimits {
    size_t max_events = size_t{1} << 19;      // 16 MiB of events
    size_t max_output_lines = size_t{1} << 16;
    size_t max_output_bytes = size_t{16} << 20;
};

struct CpuStats {
    SimTime busy = 0;          // running threads or switching to them
    int64_t dispatches = 0;
};

struct TraceStats {
    SimTime end_time = 0;
    std::vector<CpuStats> cpus;
    int64_t context_switches = 0;  // every dispatch of a thread onto a CPU
    int64_t migrations = 0;        // dispatches onto another CPU than last time
    int64_t process_switches = 0;  // dispatches onto a CPU that last ran another process's thread
    int64_t slice_expiries = 0;
    int64_t preemptions = 0;
    int64_t gil_handoffs = 0;      // the GIL taken by another thread than its last holder
    int64_t gil_drop_requests = 0;
    int64_t threads_created = 0;
    int64_t output_lines = 0;
    uint64_t events = 0;
    uint64_t dropped_events = 0;

    double utilisation(CpuId cpu) const;  // busy share of the wall time, 0..1
};

class Trace {
public:
    Trace(int cpu_count, const TraceLimits& limits);

    void record(const TraceEvent& event);
    void add_output(SimTime time, ThreadId thread, std::string_view text, OutputStream stream = OutputStream::Stdout,
                    bool newline = true);
    void name_process(ProcessId process, std::string_view name);
    void name_thread(ThreadId thread, ProcessId process, std::string_view name);
    // The run ended at `end` (closes busy intervals of CPUs still running).
    void finish(SimTime end, uint8_t status);

    // Retained events, oldest first.
    size_t size() const { return count_; }
    const TraceEvent& at(size_t i) const { return ring_[(head_ + i) % ring_.size()]; }
    // Retained output lines: indices [output_first(), output_count()).
    uint64_t output_count() const { return output_total_; }
    uint64_t output_first() const { return output_total_ - output_ring_.size(); }
    const OutputLine& output(uint64_t index) const;

    const TraceStats& stats() const { return stats_; }
    uint64_t hash() const { return hash_; }
    int cpu_count() const { return static_cast<int>(stats_.cpus.size()); }
    const std::string& process_name(ProcessId process) const;
    const std::string& thread_name(ThreadId thread) const;
    ProcessId thread_process(ThreadId thread) const;
    size_t thread_count() const { return thread_names_.size(); }
    size_t process_count() const { return process_names_.size(); }

private:
    void hash_bytes(const void* data, size_t size);
    void hash_u64(uint64_t v);
    void update_stats(const TraceEvent& e);

    TraceLimits limits_;
    std::vector<TraceEvent> ring_;
    size_t head_ = 0;   // oldest retained event once the ring has wrapped
    size_t count_ = 0;
    std::deque<OutputLine> output_ring_;
    size_t output_ring_bytes_ = 0;  // text of the retained lines
    uint64_t output_total_ = 0;
    std::vector<std::string> process_names_;
    std::vector<std::string> thread_names_;
    std::vector<ProcessId> thread_processes_;
    std::vector<SimTime> cpu_busy_since_;  // kNever when idle
    std::vector<ProcessId> cpu_process_;   // of the thread each CPU ran last; -1 before any
    TraceStats stats_;
    uint64_t hash_ = 0xcbf29ce484222325ull;  // FNV-1a offset basis
};

// Chrome Trace Event JSON: a lane per CPU (which thread ran), per thread (running / ready /
// blocked on what) and per process's GIL (who held it), instants for output lines, GIL drop
// requests, lock operations and kills. Times are microseconds with nanosecond decimals.
std::string chrome_trace_json(const Trace& trace);
// `s` as a JSON string literal, quotes included, appended to `out`.
void append_json_string(std::string& out, std::string_view s);

} // namespace machine
