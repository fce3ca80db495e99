// Sharing the lab as a link, and opening one: what a Share captures (the run's settings and where
// the viewer stands: the moment, the selected thread, the timeline's visible range), and when an
// opened link's replay has arrived so its view can be put back. Free of ImGui and of the page, so
// the unit tests cover it.
#pragma once
#include <cstdint>

#include "config/permalink.h"
#include "lab/snapshot.h"
#include "machine/sim_time.h"

namespace ui {

// Where the viewer stands when they press Share.
struct ViewerPlace {
    const lab::LabSnapshot* snapshot = nullptr; // the run as shown; null before the first one
    machine::ThreadId selected_thread = machine::kNoThread;
    double visible_begin_ns = 0;                 // the timeline's visible range; equal: none
    double visible_end_ns = 0;
};

// `run` (what the lab runs) with the viewer's place written into its view fields, each kept
// within what a link may carry (the moment and the range inside the run's max-time).
config::LabConfig ConfigToShare(const config::LabConfig& run, const ViewerPlace& place);

// Opening a link: its program loads, then runs on the engine's thread as fast as it goes to the
// link's moment and pauses there (or plays, for a link without one); once the snapshot shows it
// there, the link's selection and zoom are put back, so nothing the run's arrival resets (the
// timeline fits a new run) undoes them.
struct LinkReplay {
    enum class Step : uint8_t { Idle, Loading, Replaying };
    Step step = Step::Idle;
    uint64_t run = 0;         // Loading: the run shown before (the load is a later one);
                              // Replaying: the run being replayed
    uint64_t sequence = 0;    // Loading: the snapshot shown before
    config::LabConfig config; // the link's config, with the view to put back
};

enum class ReplayAction : uint8_t {
    Wait,
    Start,       // the link's run is loaded: send RunTo the moment (or Play), then Replaying
    RestoreView, // the run is at the moment (or ended, or does not compile): put the view back
    Abandon,     // another run replaced it (the user pressed Run), or the link's program does
                 // not compile and the run before goes on: leave the view alone
};
ReplayAction NextReplayAction(const LinkReplay& replay, const lab::LabSnapshot& snapshot);

} // namespace ui
