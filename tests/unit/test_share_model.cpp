// Sharing and opening links in the lab (ui/share_model.h): what Share captures of where the viewer
// stands, how an opened link's replay goes on, and that a run paused at a shared moment is the one
// that the link's replay to that moment reproduces.
#include <doctest/doctest.h>

#include "config/config.h"
#include "python/python_machine.h"
#include "ui/share_model.h"

using namespace ui;

namespace {

lab::LabSnapshot Snapshot(uint64_t run_id, lab::RunPhase phase, machine::SimTime now = 0) {
    lab::LabSnapshot snap;
    snap.run_id = run_id;
    snap.phase = phase;
    snap.now = now;
    return snap;
}

} // namespace

TEST_CASE("Share captures the moment shown, the selected thread and the visible range, within the run") {
    config::LabConfig run;
    run.lesson = "race";
    run.cpus = 3;
    run.max_time = 10 * machine::kSecond;
    const lab::LabSnapshot paused = Snapshot(4, lab::RunPhase::Paused, 1250 * machine::kMicrosecond);
    config::LabConfig shared = ConfigToShare(run, {&paused, 3, -40e3, 2.5e6});
    CHECK(shared.lesson == "race");
    CHECK(shared.cpus == 3);
    CHECK(shared.time == 1250 * machine::kMicrosecond);
    CHECK(shared.selected_thread == 3);
    CHECK(shared.zoom_begin == 0); // the fitted view's margin before 0 is not part of the run
    CHECK(shared.zoom_end == 2'500'000);
    CHECK(config::decode_fragment(config::encode_fragment(shared)).config == shared);

    // A view reaching past max-time is cut to it; no selection is -1.
    shared = ConfigToShare(run, {&paused, machine::kNoThread, 5e9, 20e9});
    CHECK(shared.selected_thread == -1);
    CHECK(shared.zoom_begin == 5 * machine::kSecond);
    CHECK(shared.zoom_end == 10 * machine::kSecond);

    // Before the run starts there is no moment and no range: the link opens playing.
    const lab::LabSnapshot ready = Snapshot(4, lab::RunPhase::Ready);
    shared = ConfigToShare(run, {&ready, machine::kNoThread, 0, 1e6});
    CHECK(shared.time == 0);
    CHECK(shared.zoom_begin == 0);
    CHECK(shared.zoom_end == 0);
    CHECK(ConfigToShare(run, {}).time == 0);
}

TEST_CASE("an opened link loads, replays to its moment, then puts its view back") {
    LinkReplay replay;
    replay.step = LinkReplay::Step::Loading;
    replay.run = 7; // shown when the link was opened
    replay.config.time = 2 * machine::kMillisecond;
    CHECK(NextReplayAction(replay, Snapshot(7, lab::RunPhase::Playing)) == ReplayAction::Wait);
    CHECK(NextReplayAction(replay, Snapshot(8, lab::RunPhase::Ready)) == ReplayAction::Start);
    replay.step = LinkReplay::Step::Replaying;
    replay.run = 8;
    CHECK(NextReplayAction(replay, Snapshot(8, lab::RunPhase::Ready)) == ReplayAction::Wait);
    CHECK(NextReplayAction(replay, Snapshot(8, lab::RunPhase::Playing)) == ReplayAction::Wait);
    CHECK(NextReplayAction(replay, Snapshot(8, lab::RunPhase::Paused, replay.config.time)) == ReplayAction::RestoreView);
    CHECK(NextReplayAction(replay, Snapshot(8, lab::RunPhase::Finished)) == ReplayAction::RestoreView);
    CHECK(NextReplayAction(replay, Snapshot(9, lab::RunPhase::Ready)) == ReplayAction::Abandon);

    // A link without a moment plays: its view is put back as soon as it does.
    replay.config.time = 0;
    CHECK(NextReplayAction(replay, Snapshot(8, lab::RunPhase::Playing)) == ReplayAction::RestoreView);
    // A program that does not compile has nothing to replay: the first run shows its error, a
    // later one goes on under the compile error.
    replay.step = LinkReplay::Step::Loading;
    replay.run = 8;
    replay.sequence = 30;
    CHECK(NextReplayAction(replay, Snapshot(9, lab::RunPhase::Error)) == ReplayAction::RestoreView);
    lab::LabSnapshot refused = Snapshot(8, lab::RunPhase::Playing);
    refused.sequence = 31;
    refused.compile_error = "SyntaxError";
    CHECK(NextReplayAction(replay, refused) == ReplayAction::Abandon);
    replay.step = LinkReplay::Step::Idle;
    CHECK(NextReplayAction(replay, Snapshot(10, lab::RunPhase::Ready)) == ReplayAction::Wait);
}

TEST_CASE("a run played in small steps and paused is the run a link replays to that moment in one go") {
    config::LabConfig c;
    c.lesson = "race";
    c.cpus = 2;
    c.seed = 9;
    const std::string source = config::apply_sliders(config::program_source(c), c.sliders);
    python::PythonRun played(config::to_machine_config(c));
    REQUIRE_FALSE(played.start(source, "program.py"));
    // The page plays a frame's worth of simulated time at a time, each with an instruction budget.
    machine::SimTime clock = 0;
    for (int frame = 0; frame < 40; ++frame) {
        clock += 37 * machine::kMicrosecond;
        played.run(clock, 100000);
    }
    const machine::SimTime moment = clock;
    python::PythonRun replayed(config::to_machine_config(c));
    REQUIRE_FALSE(replayed.start(source, "program.py"));
    replayed.run(moment);
    CHECK(replayed.machine().instructions() == played.machine().instructions());
    CHECK(replayed.machine().trace().hash() == played.machine().trace().hash());
}
