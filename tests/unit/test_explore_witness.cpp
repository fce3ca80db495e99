// A witness replayed with its story (each preemption, and the pair of conflicting accesses that
// makes it matter), and the decisions of "you are the scheduler".
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "bench_program.h"
#include "explore/explore.h"
#include "explore/witness.h"
#include "lab/schedule_notes.h"
#include "python/python_machine.h"
#include "ui/timeline_model.h"

using namespace machine;

namespace {

const std::string kCounter2 = bench_program("counter2.py");
const std::string kCounter2Locked = bench_program("counter2_locked.py");

const explore::Outcome* failing(const explore::ExploreResult& r) {
    for (const explore::Outcome& o : r.outcomes)
        if (o.failing())
            return &o;
    return nullptr;
}

std::vector<explore::PreemptionNote> replay_notes(const std::string& source, const Schedule& schedule) {
    python::PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start(source, "test.py"));
    explore::WitnessReplay witness(run, schedule, "test.py");
    run.machine().set_controller(&witness);
    run.run(kNever, 1000000);
    run.machine().set_controller(nullptr);
    return witness.notes();
}

} // namespace

TEST_CASE("the lost update's witness: its preemption, and who read the counter before whom wrote it") {
    const explore::ExploreResult r = explore::explore(kCounter2, "test.py", MachineConfig{}, {});
    const explore::Outcome* lost = failing(r);
    REQUIRE(lost);
    const std::vector<explore::PreemptionNote> notes = replay_notes(kCounter2, lost->witness);
    REQUIRE(notes.size() == 1);
    const explore::PreemptionNote& n = notes[0];
    CHECK(explore::word_preemption(n.parts, explore::kWitnessEnglish) ==
          "Thread-1 (increment) was preempted after BINARY_OP, line 9, and MainThread ran");
    CHECK(n.step == lost->witness.choices[0].step);
    REQUIRE(n.has_conflict());
    CHECK(n.parts.object == "counter");
    CHECK(explore::word_conflict(n.parts, explore::kWitnessEnglish) ==
          "Thread-2 (increment) read `counter` (LOAD_GLOBAL counter, line 9) before "
          "Thread-1 (increment) wrote it (STORE_GLOBAL counter, line 9)");
    CHECK(n.first.thread == 2);
    CHECK(n.second.thread == 1);
    // In time and in the trace: the preemption, then the stale read, then the late write.
    CHECK(n.time <= n.first.time);
    CHECK(n.first.time <= n.second.time);
    CHECK(n.trace_event <= n.first.trace_event);
    CHECK(n.first.trace_event <= n.second.trace_event);
}

TEST_CASE("a preemption after which nothing shared is touched has no conflict to show") {
    // The locked counter: the other thread waits for the lock the preempted one holds.
    const explore::ExploreResult r = explore::explore(kCounter2Locked, "test.py", MachineConfig{}, {});
    for (const explore::Outcome& o : r.outcomes)
        for (const explore::PreemptionNote& n : replay_notes(kCounter2Locked, o.witness))
            if (n.has_conflict())
                CHECK(n.first.thread != n.second.thread);
    CHECK(replay_notes(kCounter2, Schedule{}).empty());
}

// The index of `thread` in a decision's list.
size_t index_of(const explore::Decision& d, ThreadId thread) {
    return size_t(std::find(d.threads.begin(), d.threads.end(), thread) - d.threads.begin());
}

TEST_CASE("you are the scheduler: the decisions are the program's shared steps, and two picks lose the update") {
    // The machine's own run of counter2 asks at each thread's load and store of the counter.
    std::vector<std::string> asked;
    int64_t after = -1;
    while (auto d = explore::next_decision(kCounter2, "test.py", MachineConfig{}, {}, after, 1000000)) {
        CHECK(d->step > after);
        REQUIRE(d->threads.size() == d->next.size());
        REQUIRE(index_of(*d, d->current) < d->threads.size());
        asked.push_back(explore::word_instruction(d->next[index_of(*d, d->current)], explore::kWitnessEnglish));
        after = d->step;
        REQUIRE(asked.size() < 20);
    }
    CHECK(asked == std::vector<std::string>{"LOAD_GLOBAL counter, line 9", "STORE_GLOBAL counter, line 9",
                                            "LOAD_GLOBAL counter, line 9", "STORE_GLOBAL counter, line 9"});

    // Pick MainThread when Thread-1 is about to store, then Thread-2 when it can run: the rest
    // as the machine decides loses the update.
    Schedule picks;
    std::optional<explore::Decision> d = explore::next_decision(kCounter2, "test.py", MachineConfig{}, picks, -1, 1000000);
    REQUIRE(d);
    d = explore::next_decision(kCounter2, "test.py", MachineConfig{}, picks, d->step, 1000000);
    REQUIRE(d);
    CHECK(explore::word_instruction(d->next[index_of(*d, d->current)], explore::kWitnessEnglish) == "STORE_GLOBAL counter, line 9");
    REQUIRE(index_of(*d, 0) < d->threads.size());
    picks.choices.push_back({d->step, 0});
    bool picked_second = false;
    for (int64_t at = d->step; auto next = explore::next_decision(kCounter2, "test.py", MachineConfig{}, picks, at, 1000000);
         at = next->step) {
        if (index_of(*next, 2) < next->threads.size() && next->current != 2) {
            picks.choices.push_back({next->step, 2});
            picked_second = true;
            break;
        }
    }
    REQUIRE(picked_second);
    const explore::Outcome lost = explore::run_schedule(kCounter2, "test.py", MachineConfig{}, picks, 1000000);
    CHECK(lost.failure == "AssertionError: lost an update: counter is 1");
}

TEST_CASE("the timeline marks the witness's preemption and both sides of its conflict on their threads' lanes") {
    const explore::ExploreResult r = explore::explore(kCounter2, "test.py", MachineConfig{}, {});
    const explore::Outcome* lost = failing(r);
    REQUIRE(lost);
    python::PythonRun run(MachineConfig{});
    REQUIRE_FALSE(run.start(kCounter2, "test.py"));
    explore::WitnessReplay witness(run, lost->witness, "test.py");
    run.machine().set_controller(&witness);
    run.run(kNever, 1000000);
    run.machine().set_controller(nullptr);

    ui::TimelineData data;
    ui::SyncTimelineWithTrace(data, run.machine().trace());
    const std::shared_ptr<const lab::ScheduleNotes> notes = lab::schedule_notes_view(witness);
    ui::SyncScheduleMarks(data, notes);
    REQUIRE(data.schedule_marks.size() == 3);
    const auto lane_thread = [&](const ui::ScheduleMark& m) { return data.lanes[size_t(m.lane)].id; };
    // In time order: Thread-1 cut off before its store, Thread-2's stale read, Thread-1's late write.
    CHECK(data.schedule_marks[0].kind == ui::ScheduleMarkKind::Preempted);
    CHECK(lane_thread(data.schedule_marks[0]) == 1);
    CHECK(data.schedule_marks[1].kind == ui::ScheduleMarkKind::Read);
    CHECK(lane_thread(data.schedule_marks[1]) == 2);
    CHECK(data.schedule_marks[2].kind == ui::ScheduleMarkKind::Write);
    CHECK(lane_thread(data.schedule_marks[2]) == 1);
    for (const ui::ScheduleMark& m : data.schedule_marks) {
        CHECK(m.note == 0);
        CHECK(m.time <= data.end);
    }
    // The same notes again change nothing; no notes, no marks.
    ui::SyncScheduleMarks(data, notes);
    CHECK(data.schedule_marks.size() == 3);
    ui::SyncScheduleMarks(data, nullptr);
    CHECK(data.schedule_marks.empty());
}

TEST_CASE("random mode's histogram: a bar per outcome, as long as its share of the schedules") {
    explore::ExploreOptions options;
    options.random_runs = 40;
    const explore::ExploreResult r = explore::explore(kCounter2, "test.py", MachineConfig{}, options);
    const std::string histogram = explore::outcome_histogram(r);
    CHECK(std::count(histogram.begin(), histogram.end(), '\n') == (long)r.outcomes.size());
    int64_t total = 0;
    for (const explore::Outcome& o : r.outcomes) {
        total += o.count;
        const std::string bar(size_t(double(o.count) / double(r.schedules) * 40 + 0.5), '#');
        CHECK(histogram.find(" " + bar + std::string(40 - bar.size(), ' ') + "  " + std::to_string(o.count) + " of 40: exit " +
                             std::to_string(o.exit)) != std::string::npos);
    }
    CHECK(total == 40);
}
