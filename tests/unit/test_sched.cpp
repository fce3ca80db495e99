// Scheduling policies on small job sets whose schedules are worked out by hand in the comments.
// Each job is the main thread of its own process (so no GIL is shared), every instruction costs
// 1 us, and context switches and thread creation are free unless a test says otherwise.
#include <doctest/doctest.h>

#include "machine/machine.h"
#include "machine/script_program.h"
#include "machine/trace.h"

using namespace machine;

namespace {

constexpr SimTime us = kMicrosecond;

MachineConfig job_config(Policy policy, SimTime slice = 10 * us) {
    MachineConfig c;
    c.cpus = 1;
    c.scheduler.policy = policy;
    c.scheduler.slice = slice;
    c.bytecode_cost = us;
    c.context_switch_cost = 0;
    c.thread_create_cost = 0;
    c.process_create_cost = 0;
    c.process_switch_cost = 0;
    return c;
}

ThreadId add_job(Machine& m, const char* name, int64_t burst_us, SimTime arrival = 0, int priority = 0) {
    auto job = script();
    job->compute(burst_us);
    return m.start_process(name, std::move(job), arrival, priority);
}

// The (time, thread) of every dispatch, to compare with a schedule drawn by hand.
std::vector<std::pair<SimTime, ThreadId>> dispatches(const Machine& m) {
    std::vector<std::pair<SimTime, ThreadId>> out;
    for (size_t i = 0; i < m.trace().size(); ++i)
        if (m.trace().at(i).kind == TraceKind::ThreadRun)
            out.emplace_back(m.trace().at(i).time / us, m.trace().at(i).thread);
    return out;
}

} // namespace

TEST_CASE("FIFO runs each job to completion in arrival order") {
    // A(30) B(20) C(10) all at 0:  A 0-30, B 30-50, C 50-60.
    Machine m(job_config(Policy::Fifo));
    const ThreadId a = add_job(m, "A", 30), b = add_job(m, "B", 20), c = add_job(m, "C", 10);
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(m.trace().stats().end_time == 60 * us);
    CHECK(m.thread(a).response_time() == 0);
    CHECK(m.thread(b).response_time() == 30 * us);
    CHECK(m.thread(c).response_time() == 50 * us);
    CHECK(m.thread(a).turnaround_time() == 30 * us);
    CHECK(m.thread(b).turnaround_time() == 50 * us);
    CHECK(m.thread(c).turnaround_time() == 60 * us);
    CHECK(m.trace().stats().context_switches == 3);
}

TEST_CASE("round robin with a 10 us slice interleaves and favours short jobs' turnaround") {
    // A(30) B(20) C(10) at 0, slice 10:
    //   A 0-10, B 10-20, C 20-30 (done), A 30-40, B 40-50 (done), A 50-60 (done).
    Machine m(job_config(Policy::RoundRobin));
    const ThreadId a = add_job(m, "A", 30), b = add_job(m, "B", 20), c = add_job(m, "C", 10);
    REQUIRE(m.run() == RunStatus::Finished);
    const std::vector<std::pair<SimTime, ThreadId>> expected = {{0, a}, {10, b}, {20, c}, {30, a}, {40, b}, {50, a}};
    CHECK(dispatches(m) == expected);
    CHECK(m.thread(a).response_time() == 0);
    CHECK(m.thread(b).response_time() == 10 * us);
    CHECK(m.thread(c).response_time() == 20 * us);
    CHECK(m.thread(a).turnaround_time() == 60 * us);
    CHECK(m.thread(b).turnaround_time() == 50 * us);
    CHECK(m.thread(c).turnaround_time() == 30 * us);
    CHECK(m.trace().stats().slice_expiries == 3);
}

TEST_CASE("round robin: a lone thread keeps its CPU at slice end, with no context switch") {
    Machine m(job_config(Policy::RoundRobin));
    add_job(m, "A", 95);
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(m.trace().stats().context_switches == 1);
    CHECK(m.trace().stats().end_time == 95 * us);
}

TEST_CASE("context switches cost time on the CPU and are counted") {
    // As the RR case, with 1 us per dispatch: 6 dispatches, so everything ends 6 us later.
    MachineConfig config = job_config(Policy::RoundRobin);
    config.context_switch_cost = us;
    Machine m(config);
    const ThreadId a = add_job(m, "A", 30), b = add_job(m, "B", 20), c = add_job(m, "C", 10);
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(m.trace().stats().context_switches == 6);
    CHECK(m.trace().stats().end_time == 66 * us);
    CHECK(m.thread(c).finished_at == 33 * us);  // A 1-11, B 12-22, C 23-33
    CHECK(m.thread(b).context_switches == 2);
    CHECK(m.thread(a).cpu_time == 30 * us);     // switches are the CPU's time, not the thread's
    CHECK(m.trace().stats().cpus[0].busy == 66 * us);
}

TEST_CASE("fixed priority preempts a running low-priority thread when a high one arrives") {
    // L (prio 1, 50) at 0; H (prio 10, 30) at 20:  L 0-20, H 20-50, L 50-80.
    Machine m(job_config(Policy::Priority));
    const ThreadId low = add_job(m, "L", 50, 0, 1);
    const ThreadId high = add_job(m, "H", 30, 20 * us, 10);
    REQUIRE(m.run() == RunStatus::Finished);
    const std::vector<std::pair<SimTime, ThreadId>> expected = {{0, low}, {20, high}, {50, low}};
    CHECK(dispatches(m) == expected);
    CHECK(m.thread(high).response_time() == 0);
    CHECK(m.thread(high).turnaround_time() == 30 * us);
    CHECK(m.thread(low).turnaround_time() == 80 * us);
    CHECK(m.trace().stats().preemptions == 1);
}

TEST_CASE("fixed priority: equal priorities share round-robin, lower waits for them") {
    // A, B (prio 5, 20 each), C (prio 0, 10), slice 10:  A 0-10, B 10-20, A 20-30, B 30-40, C 40-50.
    Machine m(job_config(Policy::Priority));
    const ThreadId a = add_job(m, "A", 20, 0, 5), b = add_job(m, "B", 20, 0, 5);
    const ThreadId c = add_job(m, "C", 10, 0, 0);
    REQUIRE(m.run() == RunStatus::Finished);
    const std::vector<std::pair<SimTime, ThreadId>> expected = {{0, a}, {10, b}, {20, a}, {30, b}, {40, c}};
    CHECK(dispatches(m) == expected);
    CHECK(m.thread(c).response_time() == 40 * us);
}

TEST_CASE("MLFQ demotes a CPU hog and lets a newcomer in at the top") {
    // Slice 10, quanta 10/20/40 for levels 0/1/2. A(100) at 0, B(15) at 25.
    //   A 0-10 (uses level 0's quantum: down to 1), 10-25 at level 1;
    //   B arrives at level 0 and preempts: B 25-35 (down to 1);
    //   A (front of level 1) 35-40 (its level-1 allotment of 20 is used up: down to 2);
    //   B 40-45 done; A 45-115 at level 2.
    Machine m(job_config(Policy::Mlfq));
    const ThreadId a = add_job(m, "A", 100);
    const ThreadId b = add_job(m, "B", 15, 25 * us);
    REQUIRE(m.run() == RunStatus::Finished);
    const std::vector<std::pair<SimTime, ThreadId>> expected = {{0, a}, {25, b}, {35, a}, {40, b}, {45, a}};
    CHECK(dispatches(m) == expected);
    std::vector<std::tuple<SimTime, ThreadId, int>> demotions;
    for (size_t i = 0; i < m.trace().size(); ++i) {
        const TraceEvent& e = m.trace().at(i);
        if (e.kind == TraceKind::MlfqDemote)
            demotions.emplace_back(e.time / us, e.thread, e.object);
    }
    const std::vector<std::tuple<SimTime, ThreadId, int>> expected_demotions = {{10, a, 1}, {35, b, 1}, {40, a, 2}};
    CHECK(demotions == expected_demotions);
    CHECK(m.thread(b).response_time() == 0);
    CHECK(m.thread(b).turnaround_time() == 20 * us);
    CHECK(m.thread(a).finished_at == 115 * us);
}

TEST_CASE("MLFQ boost brings a demoted thread back to the top level") {
    MachineConfig config = job_config(Policy::Mlfq);
    config.scheduler.mlfq_boost_period = 50 * us;
    Machine m(config);
    const ThreadId a = add_job(m, "A", 200);
    m.run(45 * us);
    CHECK(m.scheduler().level(a) == 2);  // 10 at level 0, 20 at level 1, then level 2
    m.run(55 * us);
    CHECK(m.scheduler().level(a) == 0);
}

TEST_CASE("blocked threads leave the run queue and come back when they wake") {
    // A: compute 5, sleep 20, compute 5. B: compute 30. RR slice 10.
    //   A 0-5 (sleeps until 25), B 5-15, B keeps the CPU at 15 (nothing else is ready) for a new
    //   slice ending at 25, when A has just woken: A 25-30, B 30-40.
    Machine m(job_config(Policy::RoundRobin));
    auto sleeper = script();
    sleeper->compute(5).sleep(20 * us).compute(5);
    const ThreadId a = m.start_process("A", std::move(sleeper));
    const ThreadId b = add_job(m, "B", 30);
    REQUIRE(m.run() == RunStatus::Finished);
    const std::vector<std::pair<SimTime, ThreadId>> expected = {{0, a}, {5, b}, {25, a}, {30, b}};
    CHECK(dispatches(m) == expected);
    CHECK(m.thread(a).finished_at == 30 * us);
    CHECK(m.thread(b).finished_at == 40 * us);
}

TEST_CASE("several CPUs run ready threads in parallel; a woken thread prefers its last CPU") {
    MachineConfig config = job_config(Policy::RoundRobin);
    config.cpus = 2;
    Machine m(config);
    auto sleeper = script();
    sleeper->compute(5).sleep(20 * us).compute(5);
    const ThreadId a = m.start_process("A", std::move(sleeper));
    const ThreadId b = add_job(m, "B", 40);
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(m.thread(a).finished_at == 30 * us);  // back on its idle CPU 0 at 25
    CHECK(m.thread(a).last_cpu == 0);
    CHECK(m.thread(b).finished_at == 40 * us);
    CHECK(m.trace().stats().migrations == 0);
}

TEST_CASE("scheduler queue operations stay O(1): 10000 ready threads") {
    Scheduler s({Policy::RoundRobin, 10 * us, 3, kSecond});
    for (ThreadId t = 0; t < 10000; ++t) {
        s.add_thread(t, 0);
        s.enqueue(t);
    }
    s.remove(5000);
    CHECK(s.pop_best() == 0);
    s.enqueue(0, true);
    CHECK(s.pop_best() == 0);
    int popped = 0;
    while (s.pop_best() != kNoThread)
        ++popped;
    CHECK(popped == 9998);
}

TEST_CASE("policy names round-trip") {
    for (Policy p : {Policy::RoundRobin, Policy::Fifo, Policy::Priority, Policy::Mlfq}) {
        Policy parsed = Policy::Fifo;
        CHECK(parse_policy(policy_name(p), parsed));
        CHECK(parsed == p);
    }
    Policy unused;
    CHECK_FALSE(parse_policy("lottery", unused));
}

TEST_CASE("on several CPUs every policy records its events in time order") {
    for (Policy policy : {Policy::RoundRobin, Policy::Fifo, Policy::Priority, Policy::Mlfq}) {
        MachineConfig config = job_config(policy);
        config.cpus = 2;
        config.sync_window = 7 * us;
        config.context_switch_cost = 1 * us;
        Machine m(config);
        for (int i = 0; i < 5; ++i) {
            auto job = script();
            job->compute(13 + 7 * i).sleep(3 * us).compute(40 - 5 * i).repeat(4);
            m.start_process("job", std::move(job), i * 2 * us, i % 3);
        }
        REQUIRE(m.run() == RunStatus::Finished);
        CAPTURE(policy_name(policy));
        for (size_t i = 1; i < m.trace().size(); ++i)
            CHECK(m.trace().at(i - 1).time <= m.trace().at(i).time);
    }
}
