// The GIL with CPython >= 3.2 semantics, seen from what a user measures: CPU-bound threads get
// no speedup from more CPUs (they pay the hand-offs), I/O-bound threads overlap their waits, and
// the drop request comes exactly one switch interval after a waiter started waiting.
#include <doctest/doctest.h>

#include "machine/machine.h"
#include "machine/script_program.h"

using namespace machine;

namespace {

constexpr SimTime ms = kMillisecond;
constexpr SimTime us = kMicrosecond;
constexpr int64_t kWork = 5'000'000;  // instructions: 100 ms at 20 ns each

MachineConfig gil_config(int cpus, bool gil) {
    MachineConfig c;
    c.cpus = cpus;
    c.gil = gil;
    c.bytecode_cost = 20;
    c.context_switch_cost = 2 * us;
    c.thread_create_cost = 50 * us;
    c.switch_interval = 5 * ms;
    return c;
}

ScriptProgram::Factory cpu_bound(int64_t instructions) {
    return [instructions] {
        auto p = script();
        p->compute(instructions);
        return std::unique_ptr<ThreadProgram>(std::move(p));
    };
}

// Main starts `threads` workers made by `worker`, then joins them all.
std::unique_ptr<ScriptProgram> start_and_join(int threads, const ScriptProgram::Factory& worker) {
    auto main = script();
    for (int i = 0; i < threads; ++i)
        main->spawn("worker-" + std::to_string(i), worker);
    for (int i = 0; i < threads; ++i)
        main->join_spawned(i);
    return main;
}

SimTime wall_time(const MachineConfig& config, std::unique_ptr<ThreadProgram> main) {
    Machine m(config);
    m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Finished);
    return m.trace().stats().end_time;
}

const TraceEvent* first_event(const Machine& m, TraceKind kind, ThreadId thread, size_t from = 0, int reason = -1) {
    for (size_t i = from; i < m.trace().size(); ++i) {
        const TraceEvent& e = m.trace().at(i);
        if (e.kind == kind && (thread == kNoThread || e.thread == thread) && (reason < 0 || e.reason == reason))
            return &e;
    }
    return nullptr;
}

} // namespace

TEST_CASE("two CPU-bound threads on 2 CPUs take as long as running sequentially with the GIL") {
    const SimTime sequential = wall_time(gil_config(2, true), cpu_bound(2 * kWork)());
    CHECK(sequential == 200 * ms + 2 * us);

    Machine m(gil_config(2, true));
    m.start_process("main", start_and_join(2, cpu_bound(kWork)));
    REQUIRE(m.run() == RunStatus::Finished);
    const TraceStats& stats = m.trace().stats();
    // All 200 ms of bytecode run one thread at a time; on top come the two thread creations
    // and a context switch per dispatch (each GIL hand-off wakes a thread onto a CPU).
    CHECK(stats.end_time >= sequential);
    CHECK(stats.end_time <= sequential + 2 * 50 * us + stats.context_switches * 2 * us);
    // A hand-off about every switch interval: ~200 ms / 5 ms.
    CHECK(stats.gil_drop_requests >= 35);
    CHECK(stats.gil_drop_requests <= 41);
    CHECK(stats.gil_handoffs >= stats.gil_drop_requests);
    // And the second CPU did almost nothing useful in parallel.
    CHECK(stats.cpus[0].busy + stats.cpus[1].busy < sequential + 5 * ms);
}

TEST_CASE("with the GIL off, two CPU-bound threads on 2 CPUs take half the time") {
    const SimTime sequential = wall_time(gil_config(2, false), cpu_bound(2 * kWork)());
    Machine m(gil_config(2, false));
    m.start_process("main", start_and_join(2, cpu_bound(kWork)));
    REQUIRE(m.run() == RunStatus::Finished);
    const SimTime parallel = m.trace().stats().end_time;
    CHECK(parallel >= sequential / 2);
    CHECK(parallel <= sequential / 2 + 200 * us);
    CHECK(m.trace().stats().gil_handoffs == 0);
}

TEST_CASE("the drop request comes one switch interval after the waiter blocked, and the holder yields at once") {
    Machine m(gil_config(2, true));
    m.start_process("main", start_and_join(2, cpu_bound(kWork)));
    REQUIRE(m.run() == RunStatus::Finished);
    const TraceEvent* request = first_event(m, TraceKind::GilDropRequest, kNoThread);
    REQUIRE(request != nullptr);
    const ThreadId waiter = request->thread;
    const ThreadId holder = request->other;
    const TraceEvent* waited = first_event(m, TraceKind::ThreadBlock, waiter, 0, static_cast<int>(WaitKind::Gil));
    REQUIRE(waited != nullptr);
    CHECK(request->time - waited->time == 5 * ms);

    // The holder releases at its next instruction boundary (the same instant)...
    const TraceEvent* released = first_event(m, TraceKind::GilRelease, holder, 0,
                                             static_cast<int>(GilReleaseReason::DropRequest));
    REQUIRE(released != nullptr);
    CHECK(released->time == request->time);
    // ... the waiter takes it once switched onto its CPU ...
    const TraceEvent* taken = nullptr;
    for (size_t i = 0; i < m.trace().size(); ++i) {
        const TraceEvent& e = m.trace().at(i);
        if (e.kind == TraceKind::GilTake && e.thread == waiter && e.time >= request->time) {
            taken = &e;
            break;
        }
    }
    REQUIRE(taken != nullptr);
    CHECK(taken->time == request->time + 2 * us);
    CHECK(taken->other == holder);
    // ... and the former holder must wait for the GIL again.
    bool holder_waits = false;
    for (size_t i = 0; i < m.trace().size(); ++i) {
        const TraceEvent& e = m.trace().at(i);
        if (e.kind == TraceKind::ThreadBlock && e.thread == holder && e.time == request->time &&
            e.reason == static_cast<uint8_t>(WaitKind::Gil))
            holder_waits = true;
    }
    CHECK(holder_waits);
}

TEST_CASE("a switch interval below a microsecond waits one, as CPython's does") {
    // sys.setswitchinterval(1e-7) keeps whole microseconds, 0: the waiter's timer, 0 ns ahead,
    // fired and re-armed itself at the same instant for ever.
    Machine m(gil_config(2, true));
    m.start_process("main", start_and_join(2, cpu_bound(10'000)));
    m.set_switch_interval(0, 0);
    REQUIRE(m.run(kNever, 1'000'000) == RunStatus::Finished);
    const TraceEvent* request = first_event(m, TraceKind::GilDropRequest, kNoThread);
    REQUIRE(request != nullptr);
    const TraceEvent* waited = first_event(m, TraceKind::ThreadBlock, request->thread, 0, static_cast<int>(WaitKind::Gil));
    REQUIRE(waited != nullptr);
    CHECK(request->time - waited->time == 1 * us);
}

TEST_CASE("a longer switch interval means fewer hand-offs") {
    MachineConfig config = gil_config(2, true);
    config.switch_interval = 20 * ms;
    Machine m(config);
    m.start_process("main", start_and_join(2, cpu_bound(kWork)));
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(m.trace().stats().gil_drop_requests >= 8);
    CHECK(m.trace().stats().gil_drop_requests <= 11);
}

TEST_CASE("I/O-bound threads overlap their waits under the GIL, even on one CPU") {
    // Each thread: 10 times (10 us of bytecode, then 10 ms of I/O). One after the other that is
    // 4 x 10 x 10.01 ms = 400.4 ms; the I/O waits release the GIL, so the threads overlap.
    const auto io_bound = [] {
        auto p = script();
        p->compute(500).io(10 * ms).repeat(10);
        return std::unique_ptr<ThreadProgram>(std::move(p));
    };
    for (int cpus : {1, 2}) {
        Machine m(gil_config(cpus, true));
        m.start_process("main", start_and_join(4, io_bound));
        REQUIRE(m.run() == RunStatus::Finished);
        CAPTURE(cpus);
        CHECK(m.trace().stats().end_time < 102 * ms);
        CHECK(m.trace().stats().end_time > 100 * ms);
    }
}

TEST_CASE("a thread preempted by the OS while holding the GIL keeps it: waiters cannot run") {
    // One CPU, RR slice 1 ms: when the holder's slice ends the other thread gets the CPU, asks
    // for the GIL, and blocks; the holder runs again. Only drop requests move the GIL.
    MachineConfig config = gil_config(1, true);
    config.scheduler.slice = 1 * ms;
    Machine m(config);
    m.start_process("main", start_and_join(2, cpu_bound(kWork)));
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(m.trace().stats().gil_handoffs >= 35);
    CHECK(m.trace().stats().end_time >= 200 * ms);
    CHECK(m.trace().stats().end_time < 202 * ms);
}

namespace {

// Logs (thread, budget) of every run call, to see how two CPUs' instructions interleave.
struct InterleaveLog {
    std::vector<std::pair<int, int64_t>> runs;
};

class LoggingProgram : public ThreadProgram {
public:
    LoggingProgram(InterleaveLog& log, int id, int64_t instructions) : log_(log), id_(id), left_(instructions) {}
    RunResult run(int64_t budget, const KernelResult&) override {
        RunResult r;
        if (left_ == 0) {
            r.request = Request::exit();
            return r;
        }
        r.executed = std::min(budget, left_);
        left_ -= r.executed;
        log_.runs.emplace_back(id_, r.executed);
        return r;
    }

private:
    InterleaveLog& log_;
    int id_;
    int64_t left_;
};

} // namespace

TEST_CASE("without the GIL, threads sharing memory on two CPUs interleave one instruction at a time") {
    InterleaveLog log;
    Machine m(gil_config(2, false));
    auto main = script();
    main->spawn("a", [&] { return std::make_unique<LoggingProgram>(log, 1, 5000); })
        .spawn("b", [&] { return std::make_unique<LoggingProgram>(log, 2, 100); })
        .join_spawned(0)
        .join_spawned(1);
    m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Finished);
    // "a" starts 50 us before "b" (b's creation cost) and runs alone in large batches; once "b"
    // runs too, the two alternate one instruction at a time until "b" is done.
    size_t first_b = 0;
    while (first_b < log.runs.size() && log.runs[first_b].first != 2)
        ++first_b;
    REQUIRE(first_b + 200 <= log.runs.size());
    CHECK(log.runs[0].second > 1);
    for (size_t i = first_b; i < first_b + 200; ++i) {
        CAPTURE(i);
        CHECK(log.runs[i].first == ((i - first_b) % 2 == 0 ? 2 : 1));
        CHECK(log.runs[i].second == 1);
    }
}

TEST_CASE("threads in separate processes on two CPUs run in large batches") {
    InterleaveLog log;
    Machine m(gil_config(2, false));
    m.start_process("a", std::make_unique<LoggingProgram>(log, 1, 1'000'000));
    m.start_process("b", std::make_unique<LoggingProgram>(log, 2, 1'000'000));
    REQUIRE(m.run() == RunStatus::Finished);
    // Each may run at most the sync window (1 us = 50 instructions) ahead of the other.
    CHECK(log.runs.size() < 2 * 1'000'000 / 40);
    CHECK(m.trace().stats().end_time == 20 * ms + 2 * us);
}

TEST_CASE("GIL state machine: interval expiry, drop for a switch, the dropper queues again only after the switch") {
    Gil gil;
    CHECK(gil.take(1).taken);
    CHECK_FALSE(gil.take(2).taken);
    gil.wait(2);
    const uint64_t seen = gil.switch_number();
    CHECK(gil.interval_expired(seen));         // 1 held it a whole interval: drop request
    CHECK_FALSE(gil.interval_expired(seen));   // already requested
    CHECK(gil.drop_request());
    CHECK(gil.drop_for_switch() == 2);         // 1 lets go and 2 is woken...
    CHECK(gil.holder() == kNoThread);
    CHECK_FALSE(gil.has_waiters());            // ... while 1 waits for the switch, not in the queue
    const Gil::TakeResult taken = gil.take(2);
    CHECK(taken.taken);
    CHECK_FALSE(gil.drop_request());
    CHECK(taken.now_waiting == std::vector<ThreadId>{1});
    gil.wait(1);
    CHECK(gil.switch_number() == seen + 1);
    CHECK_FALSE(gil.interval_expired(seen));   // a switch happened during that interval
    CHECK(gil.release() == 1);                 // blocking call: the first waiter is woken
}
