// The schedule explorer: schedules as text, replay in the machine, the outcome sets of small
// racy and locked programs, witness minimality, reduction against no reduction, and the same
// result whatever the number of workers.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <set>
#include <string>

#include "config/permalink.h"
#include "bench_program.h"
#include "explore/explore.h"
#include "python/python_machine.h"

using namespace machine;

namespace {

const std::string kCounter2 = bench_program("counter2.py");
const std::string kCounter2Locked = bench_program("counter2_locked.py");

// The main thread races one child: small enough to explore without the reduction.
const char* kMainAndChild = R"(import threading
x = 0
def f():
    global x
    x += 1
t = threading.Thread(target=f)
t.start()
x += 1
t.join()
print(x)
)";

const char* kTwoWriters = R"(import threading
log = []
def put(name):
    log.append(name)
a = threading.Thread(target=put, args=("a",))
b = threading.Thread(target=put, args=("b",))
a.start(); b.start(); a.join(); b.join()
print(log)
)";

const char* kCrossedLocks = R"(import threading
first, second = threading.Lock(), threading.Lock()
def one():
    with first:
        with second:
            pass
def two():
    with second:
        with first:
            pass
a = threading.Thread(target=one)
b = threading.Thread(target=two)
a.start(); b.start(); a.join(); b.join()
print("done")
)";

explore::ExploreResult search(const std::string& source, int preemptions, bool reduce = true, int workers = 1) {
    explore::ExploreOptions options;
    options.preemptions = preemptions;
    options.reduce = reduce;
    options.workers = workers;
    return explore::explore(source, "test.py", MachineConfig{}, options);
}

std::set<std::string> outcome_set(const explore::ExploreResult& r) {
    std::set<std::string> out;
    for (const explore::Outcome& o : r.outcomes)
        out.insert(std::to_string(o.exit) + "|" + o.failure + "|" + o.output);
    return out;
}

const explore::Outcome* failing(const explore::ExploreResult& r) {
    for (const explore::Outcome& o : r.outcomes)
        if (o.failing())
            return &o;
    return nullptr;
}

} // namespace

TEST_CASE("a schedule's text form round-trips, and malformed text is refused with its part named") {
    std::string error;
    std::optional<Schedule> s = parse_schedule("412:2,530:1", error);
    REQUIRE(s);
    CHECK(s->choices == std::vector<ScheduleChoice>{{412, 2}, {530, 1}});
    CHECK(format_schedule(*s) == "412:2,530:1");
    CHECK(parse_schedule("", error)->choices.empty());
    CHECK_FALSE(parse_schedule("412:2,400:1", error));
    CHECK(error.find("ascend") != std::string::npos);
    CHECK_FALSE(parse_schedule("412-2", error));
    CHECK(error.find("'412-2'") != std::string::npos);
    CHECK_FALSE(parse_schedule("412:2,", error));
    CHECK_FALSE(parse_schedule("-1:2", error));
}

TEST_CASE("the default schedule replays the machine's own run: the same trace hash") {
    const auto hash = [](bool with_replay) {
        python::PythonRun run(MachineConfig{});
        REQUIRE_FALSE(run.start(kCounter2, "test.py"));
        ScheduleReplay replay(Schedule{});
        if (with_replay)
            run.machine().set_controller(&replay);
        run.run();
        return std::make_pair(run.machine().trace().output_count(), run.exit_status());
    };
    CHECK(hash(true) == hash(false));
}

TEST_CASE("two threads doing counter += 1: exactly two outcomes, the lost update with one preemption") {
    explore::ExploreResult r = search(kCounter2, 2);
    CHECK(r.exhaustive);
    REQUIRE(r.outcomes.size() == 2);
    CHECK(r.failing() == 1);
    const explore::Outcome* lost = failing(r);
    REQUIRE(lost);
    CHECK(lost->failure == "AssertionError: lost an update: counter is 1");
    CHECK(lost->exit == 1);
    CHECK(lost->preemptions == 1);
    CHECK(r.pruned > 0);
    REQUIRE(lost->preempted.size() == 1);
    CHECK(explore::word_preemption(lost->preempted[0], explore::kWitnessEnglish) == "Thread-1 (increment) was preempted after BINARY_OP, line 9, and MainThread ran");

    SUBCASE("its witness replays to the same outcome, deterministically") {
        explore::Outcome again = explore::run_schedule(kCounter2, "test.py", MachineConfig{}, lost->witness, 1000000);
        CHECK(again.failure == lost->failure);
        CHECK(again.output == lost->output);
    }
    SUBCASE("with no preemption allowed the race stays hidden") {
        explore::ExploreResult none = search(kCounter2, 0);
        CHECK(none.exhaustive);
        CHECK(none.failing() == 0);
    }
}

TEST_CASE("on a machine of four CPUs, with the GIL and without, the lost update is found as on one") {
    explore::ExploreOptions options;
    const std::set<std::string> one = outcome_set(explore::explore(kCounter2, "test.py", MachineConfig{}, options));
    for (bool gil : {true, false}) {
        CAPTURE(gil);
        MachineConfig four;
        four.cpus = 4;
        four.gil = gil;
        explore::ExploreResult r = explore::explore(kCounter2, "test.py", four, options);
        CHECK(outcome_set(r) == one);
        const explore::Outcome* lost = failing(r);
        REQUIRE(lost);
        MachineConfig replayed = four;
        replayed.cpus = 1;
        CHECK(explore::run_schedule(kCounter2, "test.py", replayed, lost->witness, 1000000).failure == lost->failure);
    }
}

TEST_CASE("the locked counter: one outcome, no failure, the bounded space exhausted") {
    explore::ExploreResult r = search(kCounter2Locked, 2);
    CHECK(r.exhaustive);
    REQUIRE(r.outcomes.size() == 1);
    CHECK_FALSE(r.outcomes[0].failing());
}

TEST_CASE("crossed locks: the deadlock is found, with its wait-for cycle, at its fewest preemptions") {
    explore::ExploreResult r = search(kCrossedLocks, 1);
    CHECK(r.exhaustive);
    const explore::Outcome* dead = failing(r);
    REQUIRE(dead);
    CHECK(dead->failure == "deadlock");
    CHECK(dead->exit == 3);
    CHECK(dead->detail.find("wait-for cycle: Thread-1 (one) -> Thread-2 (two) -> Thread-1 (one)") != std::string::npos);
    CHECK(dead->preemptions == 1);
    CHECK(search(kCrossedLocks, 0).failing() == 0);
}

TEST_CASE("the reduction hides no outcome: reduced and unreduced searches find the same set") {
    for (const char* program : {kMainAndChild, kTwoWriters}) {
        CAPTURE(program);
        explore::ExploreResult reduced = search(program, 1, true);
        explore::ExploreResult full = search(program, 1, false);
        CHECK(reduced.exhaustive);
        CHECK(full.exhaustive);
        CHECK(outcome_set(reduced) == outcome_set(full));
        CHECK(outcome_set(full).size() >= 2);
        CHECK(reduced.schedules < full.schedules);
        // Witness minimality: the reduced search finds each outcome at the fewest preemptions.
        for (const explore::Outcome& o : reduced.outcomes)
            for (const explore::Outcome& f : full.outcomes)
                if (o.output == f.output && o.failure == f.failure)
                    CHECK(o.preemptions == f.preemptions);
    }
}

TEST_CASE("the same result with one worker and with four") {
    explore::ExploreResult one = search(kCounter2, 2, true, 1);
    explore::ExploreResult four = search(kCounter2, 2, true, 4);
    CHECK(explore::result_json(one) == explore::result_json(four));
}

TEST_CASE("random mode: every run counted, each outcome with a replayable witness") {
    explore::ExploreOptions options;
    options.random_runs = 40;
    options.workers = 2;
    explore::ExploreResult r = explore::explore(kCounter2, "test.py", MachineConfig{}, options);
    int64_t total = 0;
    for (const explore::Outcome& o : r.outcomes) {
        total += o.count;
        explore::Outcome again = explore::run_schedule(kCounter2, "test.py", MachineConfig{}, o.witness, 1000000);
        CHECK(again.output == o.output);
        CHECK(again.failure == o.failure);
    }
    CHECK(total == 40);
    CHECK(r.schedules == 40);
    CHECK_FALSE(r.exhaustive);
}

TEST_CASE("a program that does not compile is reported, and nothing runs") {
    explore::ExploreResult r = search("x = (\n", 2);
    CHECK_FALSE(r.error.empty());
    CHECK(r.schedules == 0);
}

TEST_CASE("the permalink carries a schedule, and refuses a malformed one by name") {
    config::LabConfig lab;
    lab.lesson = "race";
    lab.schedule.choices = {{826, 0}, {878, 2}};
    const std::string link = config::encode_fragment(lab);
    CHECK(link.find("&schedule=826:0,878:2") != std::string::npos);
    config::DecodeResult back = config::decode_fragment(link);
    CHECK(back.problems.empty());
    CHECK(back.config == lab);

    config::DecodeResult wrong = config::decode_fragment("#v=1&lesson=race&schedule=878:2,826:0");
    REQUIRE(wrong.problems.size() == 1);
    CHECK(wrong.problems[0].field == "schedule");
    CHECK(wrong.problems[0].message.find("steps must ascend") != std::string::npos);
    CHECK(wrong.config.schedule.choices.empty());
    CHECK(wrong.config.lesson == "race");
    CHECK(config::decode_fragment("#v=1&schedule=1:x").problems.size() == 1);
}
