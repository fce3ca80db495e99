// The machine end to end with scripted threads: program end (daemon and non-daemon threads),
// join with timeout, Python's threading primitives as threads experience them, deadlock reports.
#include <doctest/doctest.h>

#include "machine/machine.h"
#include "machine/script_program.h"

using namespace machine;

namespace {

constexpr SimTime ms = kMillisecond;
constexpr SimTime us = kMicrosecond;

MachineConfig plain_config(int cpus = 1) {
    MachineConfig c;
    c.cpus = cpus;
    c.bytecode_cost = 20;
    c.context_switch_cost = 0;
    c.thread_create_cost = 0;
    c.process_create_cost = 0;
    c.process_switch_cost = 0;
    return c;
}

// Keeps a pointer to a script handed to the machine, to read its results after the run.
struct Scripted {
    std::unique_ptr<ScriptProgram> owned = script();
    ScriptProgram* view = owned.get();
    ScriptProgram* operator->() { return view; }
    std::unique_ptr<ThreadProgram> take() { return std::move(owned); }
};

ScriptProgram::Factory give(std::shared_ptr<Scripted> s) {
    return [s] { return s->take(); };
}

std::vector<std::string> output_lines(const Machine& m) {
    std::vector<std::string> lines;
    for (uint64_t i = m.trace().output_first(); i < m.trace().output_count(); ++i)
        lines.push_back(m.trace().output(i).text);
    return lines;
}

} // namespace

TEST_CASE("the program ends when main is done and non-daemon threads have finished") {
    Machine m(plain_config());
    auto worker = std::make_shared<Scripted>();
    (*worker)->sleep(50 * ms).output("worker done");
    auto main = script();
    main->spawn("worker", give(worker)).output("main done");
    const ThreadId main_id = m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(output_lines(m) == std::vector<std::string>{"main done", "worker done"});
    CHECK(m.trace().stats().end_time == 50 * ms);
    CHECK(m.thread(main_id).finished_at == 50 * ms);
    CHECK(m.thread(main_id).state == ThreadState::Terminated);
}

TEST_CASE("daemon threads are killed where they stand when the process ends") {
    Machine m(plain_config());
    auto ticker = std::make_shared<Scripted>();
    (*ticker)->compute(100).sleep(1 * ms).output("tick").repeat(0);
    auto main = script();
    main->spawn("ticker", give(ticker), /*daemon=*/true).sleep(10 * ms + 500 * us).output("bye");
    m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Finished);
    const std::vector<std::string> lines = output_lines(m);
    REQUIRE(!lines.empty());
    CHECK(lines.back() == "bye");
    CHECK(lines.size() == 11);  // ten ticks (each 1 ms + 2 us) fit in 10.5 ms
    CHECK(m.trace().stats().end_time == 10 * ms + 500 * us);
    int kills = 0;
    for (size_t i = 0; i < m.trace().size(); ++i) {
        const TraceEvent& e = m.trace().at(i);
        if (e.kind == TraceKind::ThreadKill) {
            ++kills;
            CHECK(e.reason == static_cast<uint8_t>(ThreadState::Blocked));  // it was sleeping
        }
    }
    CHECK(kills == 1);
}

TEST_CASE("join with a timeout returns early; a later join waits for the end") {
    Machine m(plain_config());
    auto sleeper = std::make_shared<Scripted>();
    (*sleeper)->sleep(100 * ms);
    Scripted main;
    main->spawn("sleeper", give(sleeper)).join_spawned(0, 10 * ms).join_spawned(0);
    m.start_process("main", main.take());
    REQUIRE(m.run() == RunStatus::Finished);
    REQUIRE(main->results().size() == 3);
    CHECK(main->results()[1].value == 0);  // timed out
    CHECK(main->results()[2].value == 1);  // joined
    CHECK(m.trace().stats().end_time == 100 * ms);
}

TEST_CASE("a thread joining itself gets RuntimeError") {
    Machine m(plain_config());
    Scripted main;
    main->join(0);
    m.start_process("main", main.take());
    REQUIRE(m.run() == RunStatus::Finished);
    REQUIRE(main->results().size() == 1);
    CHECK(main->results()[0].error == KernelError::JoinSelf);
    CHECK(std::string(kernel_error_exception(KernelError::JoinSelf)) == "RuntimeError");
}

TEST_CASE("a contended lock makes the second thread wait until the first releases it") {
    Machine m(plain_config(2));
    const SyncId lock = m.create_sync(SyncKind::Lock);
    auto first = std::make_shared<Scripted>();
    (*first)->acquire(lock).sleep(10 * ms).release(lock);
    auto second = std::make_shared<Scripted>();
    (*second)->sleep(1 * ms).acquire(lock).output("got it");
    auto main = script();
    main->spawn("first", give(first)).spawn("second", give(second));
    m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Finished);
    REQUIRE(m.trace().output_count() == 1);
    CHECK(m.trace().output(0).time == 10 * ms);
    // While it waited, the TCB said on what, and who held it.
    bool saw_block = false;
    for (size_t i = 0; i < m.trace().size(); ++i) {
        const TraceEvent& e = m.trace().at(i);
        if (e.kind == TraceKind::ThreadBlock && e.reason == static_cast<uint8_t>(WaitKind::Lock)) {
            saw_block = true;
            CHECK(e.object == lock);
            CHECK(m.thread(e.other).name == "first");
        }
    }
    CHECK(saw_block);
}

TEST_CASE("releasing an unlocked Lock is a RuntimeError, as in Python") {
    Machine m(plain_config());
    const SyncId lock = m.create_sync(SyncKind::Lock);
    Scripted main;
    main->release(lock);
    m.start_process("main", main.take());
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(main->results().at(0).error == KernelError::ReleaseUnlocked);
    CHECK(std::string(kernel_error_message(KernelError::ReleaseUnlocked)) == "release unlocked lock");
}

TEST_CASE("Condition: wait releases the lock, notify wakes the waiter, which gets the lock back") {
    Machine m(plain_config(2));
    const SyncId cond = m.create_sync(SyncKind::Condition);
    const SyncId lock = m.sync().object(cond).lock;
    auto consumer = std::make_shared<Scripted>();
    (*consumer)->acquire(lock).wait(cond).output("consumed").release(lock);
    auto producer = std::make_shared<Scripted>();
    (*producer)->sleep(5 * ms).acquire(lock).notify(cond).sleep(1 * ms).release(lock);
    auto main = script();
    main->spawn("consumer", give(consumer)).spawn("producer", give(producer));
    m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Finished);
    // Notified at 5 ms, but it only returns from wait() once the producer releases at 6 ms.
    REQUIRE(m.trace().output_count() == 1);
    CHECK(m.trace().output(0).time == 6 * ms);
    CHECK((*consumer)->results().at(1).value == 1);          // notified
    CHECK((*consumer)->results().at(3).error == KernelError::None);  // it held the lock again
}

TEST_CASE("Condition.wait with a timeout returns False and still re-acquires the lock") {
    Machine m(plain_config());
    const SyncId cond = m.create_sync(SyncKind::Condition);
    const SyncId lock = m.sync().object(cond).lock;
    Scripted main;
    main->acquire(lock).wait(cond, 3 * ms).release(lock);
    m.start_process("main", main.take());
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(main->results().at(1).value == 0);
    CHECK(main->results().at(2).error == KernelError::None);
    CHECK(m.trace().stats().end_time == 3 * ms);
}

TEST_CASE("a Semaphore(2) lets two of three threads in at once") {
    Machine m(plain_config(4));
    const SyncId sem = m.create_sync(SyncKind::Semaphore, 2);
    auto main = script();
    for (int i = 0; i < 3; ++i) {
        auto w = std::make_shared<Scripted>();
        (*w)->acquire(sem).sleep(10 * ms).release(sem);
        main->spawn("w" + std::to_string(i), give(w));
    }
    m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(m.trace().stats().end_time == 20 * ms);
}

TEST_CASE("a Barrier releases all parties when the last arrives; wait() returns arrival order") {
    Machine m(plain_config(2));
    const SyncId barrier = m.create_sync(SyncKind::Barrier, 3);
    std::vector<std::shared_ptr<Scripted>> parties;
    auto main = script();
    for (int i = 0; i < 3; ++i) {
        auto p = std::make_shared<Scripted>();
        (*p)->sleep((3 - i) * ms).wait(barrier).output("through " + std::to_string(i));
        parties.push_back(p);
        main->spawn("p" + std::to_string(i), give(p));
    }
    m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK((*parties[2])->results().at(1).value == 0);  // slept least: first to arrive
    CHECK((*parties[1])->results().at(1).value == 1);
    CHECK((*parties[0])->results().at(1).value == 2);
    for (uint64_t i = 0; i < m.trace().output_count(); ++i)
        CHECK(m.trace().output(i).time == 3 * ms);
}

TEST_CASE("Event.wait blocks until another thread sets it") {
    Machine m(plain_config());
    const SyncId event = m.create_sync(SyncKind::Event);
    auto waiter = std::make_shared<Scripted>();
    (*waiter)->wait(event).output("go");
    auto main = script();
    main->spawn("waiter", give(waiter)).sleep(7 * ms).set(event);
    m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Finished);
    REQUIRE(m.trace().output_count() == 1);
    CHECK(m.trace().output(0).time == 7 * ms);
    CHECK((*waiter)->results().at(0).value == 1);
}

TEST_CASE("deadlock: two threads taking two locks in opposite order; the report names the cycle") {
    Machine m(plain_config(2));
    const SyncId a = m.create_sync(SyncKind::Lock);
    const SyncId b = m.create_sync(SyncKind::Lock);
    auto one = std::make_shared<Scripted>();
    (*one)->acquire(a).sleep(1 * ms).acquire(b).release(b).release(a);
    auto two = std::make_shared<Scripted>();
    (*two)->acquire(b).sleep(1 * ms).acquire(a).release(a).release(b);
    auto main = script();
    main->spawn("one", give(one)).spawn("two", give(two)).join_spawned(0).join_spawned(1);
    m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Deadlock);

    const DeadlockReport& report = m.deadlock();
    CHECK(report.time == 1 * ms);
    REQUIRE(report.cycle.size() == 3);
    CHECK(report.cycle.front() == report.cycle.back());
    std::vector<std::string> names = {m.thread(report.cycle[0]).name, m.thread(report.cycle[1]).name};
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"one", "two"});
    CHECK(report.waits.size() == 3);
    const std::string text = m.describe_deadlock();
    CHECK(text.find("one holds Lock#0, waits for Lock#1 held by two") != std::string::npos);
    CHECK(text.find("two holds Lock#1, waits for Lock#0 held by one") != std::string::npos);
    CHECK(text.find("MainThread waits for one to end") != std::string::npos);
    CHECK(text.find("wait-for cycle: ") != std::string::npos);
}

TEST_CASE("a thread re-acquiring a plain Lock it holds deadlocks with itself") {
    Machine m(plain_config());
    const SyncId lock = m.create_sync(SyncKind::Lock);
    auto main = script();
    main->acquire(lock).acquire(lock);
    m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Deadlock);
    CHECK(m.deadlock().cycle == std::vector<ThreadId>{0, 0});
}

TEST_CASE("an RLock can be re-acquired by its holder") {
    Machine m(plain_config());
    const SyncId lock = m.create_sync(SyncKind::RLock);
    Scripted main;
    main->acquire(lock).acquire(lock).release(lock).release(lock).release(lock);
    m.start_process("main", main.take());
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(main->results().at(3).error == KernelError::None);
    CHECK(main->results().at(4).error == KernelError::ReleaseUnowned);
}

TEST_CASE("the time limit stops a program that never ends") {
    MachineConfig config = plain_config();
    config.max_time = 30 * ms;
    Machine m(config);
    auto spinner = script();
    spinner->compute(1000).repeat(0);
    m.start_process("main", std::move(spinner));
    CHECK(m.run() == RunStatus::TimeLimit);
    CHECK(m.trace().stats().end_time == 30 * ms);
    CHECK(m.trace().stats().cpus[0].busy == 30 * ms);
}

TEST_CASE("run() pauses at a given time and continues where it stopped") {
    Machine once(plain_config(2));
    Machine stepped(plain_config(2));
    for (Machine* m : {&once, &stepped}) {
        const SyncId lock = m->create_sync(SyncKind::Lock);
        auto main = script();
        for (int i = 0; i < 3; ++i) {
            auto w = std::make_shared<Scripted>();
            (*w)->compute(777).acquire(lock).compute(333).io(1 * ms).release(lock).repeat(5);
            main->spawn("w", give(w));
        }
        m->start_process("main", std::move(main));
    }
    REQUIRE(once.run() == RunStatus::Finished);
    SimTime t = 0;
    while (stepped.run(t, 1000) == RunStatus::Paused)
        t += 123 * us;
    CHECK(stepped.status() == RunStatus::Finished);
    CHECK(stepped.trace().hash() == once.trace().hash());
}

TEST_CASE("thread creation costs the creator's time and is counted") {
    MachineConfig config = plain_config();
    config.thread_create_cost = 50 * us;
    Machine m(config);
    auto main = script();
    for (int i = 0; i < 4; ++i)
        main->spawn("t", [] { return std::unique_ptr<ThreadProgram>(script()); });
    const ThreadId main_id = m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(m.trace().stats().threads_created == 5);  // main too
    CHECK(m.thread(main_id).cpu_time == 200 * us);
    CHECK(m.thread(1).ready_at == 50 * us);
}

TEST_CASE("multiprocessing: a child process has its own GIL, so two CPU-bound processes run in parallel") {
    MachineConfig config = plain_config(2);
    Machine m(config);
    auto child = std::make_shared<Scripted>();
    (*child)->compute(5'000'000);
    auto main = script();
    main->spawn_process("child", give(child)).compute(5'000'000).join_spawned(0);
    m.start_process("main", std::move(main));
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(m.process_count() == 2);
    CHECK(m.trace().stats().end_time < 101 * ms);
    CHECK(m.trace().stats().gil_handoffs == 0);
}

namespace {

// Prints in the middle of its batches, as the interpreter's print() does: at instruction k of a
// batch the time is the batch's start plus k instructions.
class MidBatchPrinter : public ThreadProgram {
public:
    MidBatchPrinter(Machine& m, ThreadId self, int64_t every, int64_t total)
        : m_(m), self_(self), every_(every), left_(total) {}
    RunResult run(int64_t budget, const KernelResult&) override {
        RunResult r;
        const SimTime start = m_.now();
        while (r.executed < budget && left_ > 0) {
            ++r.executed;
            --left_;
            if (left_ % every_ == 0)
                m_.emit_output(self_, start + r.executed * m_.config().bytecode_cost, OutputStream::Stdout, "line");
        }
        if (left_ == 0)
            r.request = Request::exit();
        return r;
    }

private:
    Machine& m_;
    ThreadId self_;
    int64_t every_;
    int64_t left_;
};

} // namespace

TEST_CASE("output written in the middle of batches on several CPUs enters the trace in time order") {
    MachineConfig config = plain_config(3);
    config.sync_window = 10 * us;  // batches of up to 500 instructions overlap across CPUs
    Machine m(config);
    for (int i = 0; i < 3; ++i) {
        const ThreadId self = static_cast<ThreadId>(m.thread_count());
        m.start_process("p" + std::to_string(i), std::make_unique<MidBatchPrinter>(m, self, 37 + 10 * i, 20'000));
    }
    REQUIRE(m.run() == RunStatus::Finished);
    REQUIRE(m.trace().output_count() > 1000);
    for (uint64_t i = 1; i < m.trace().output_count(); ++i)
        CHECK(m.trace().output(i - 1).time <= m.trace().output(i).time);
    for (size_t i = 1; i < m.trace().size(); ++i)
        CHECK(m.trace().at(i - 1).time <= m.trace().at(i).time);
}

TEST_CASE("requests from different CPUs take effect in time order, whichever CPU ran ahead") {
    // p0 reaches its acquire at 18 us, p1 at 10 us. With a 20 us sync window CPU 0 runs past
    // 18 us before CPU 1 has started; p1 must still get the lock first.
    MachineConfig config = plain_config(2);
    config.sync_window = 20 * us;
    Machine m(config);
    const SyncId lock = m.create_sync(SyncKind::Lock);
    auto p0 = script();
    p0->compute(900).acquire(lock).output("p0 has it").sleep(1 * ms).release(lock);
    auto p1 = script();
    p1->compute(500).acquire(lock).output("p1 has it").sleep(1 * ms).release(lock);
    m.start_process("p0", std::move(p0));
    m.start_process("p1", std::move(p1));
    REQUIRE(m.run() == RunStatus::Finished);
    CHECK(output_lines(m) == std::vector<std::string>{"p1 has it", "p0 has it"});
    CHECK(m.trace().output(0).time == 10 * us);
    CHECK(m.trace().output(1).time == 1 * ms + 10 * us);
}
