#include "ui/share_model.h"

#include <algorithm>
#include <cmath>

namespace ui {

using machine::SimTime;

config::LabConfig ConfigToShare(const config::LabConfig& run, const ViewerPlace& place) {
    config::LabConfig shared = run;
    const config::LabConfig defaults;
    const lab::LabSnapshot* snap = place.snapshot;
    // Before the run starts (or when it does not compile) there is no moment to go back to: the
    // link then opens playing, as the lab does.
    const bool started = snap && snap->phase != lab::RunPhase::Ready && snap->phase != lab::RunPhase::Error;
    shared.time = started ? std::clamp<SimTime>(snap->now, 0, run.max_time) : defaults.time;
    shared.selected_thread = config::kSelectedThreadRange.contains(place.selected_thread)
                                 ? place.selected_thread
                                 : defaults.selected_thread;
    const SimTime begin = std::max<SimTime>(0, std::llround(place.visible_begin_ns));
    const SimTime end = std::min<SimTime>(run.max_time, std::llround(place.visible_end_ns));
    const bool range = started && begin < end;
    shared.zoom_begin = range ? begin : defaults.zoom_begin;
    shared.zoom_end = range ? end : defaults.zoom_end;
    return shared;
}

ReplayAction NextReplayAction(const LinkReplay& replay, const lab::LabSnapshot& snapshot) {
    switch (replay.step) {
    case LinkReplay::Step::Idle:
        return ReplayAction::Wait;
    case LinkReplay::Step::Loading:
        if (snapshot.run_id <= replay.run) {
            const bool refused = snapshot.sequence > replay.sequence && !snapshot.compile_error.empty();
            return refused ? ReplayAction::Abandon : ReplayAction::Wait;
        }
        return snapshot.phase == lab::RunPhase::Ready ? ReplayAction::Start : ReplayAction::RestoreView;
    case LinkReplay::Step::Replaying:
        if (snapshot.run_id != replay.run)
            return ReplayAction::Abandon;
        if (snapshot.phase == lab::RunPhase::Ready)
            return ReplayAction::Wait;
        if (snapshot.phase == lab::RunPhase::Playing && replay.config.time > 0)
            return ReplayAction::Wait;
        return ReplayAction::RestoreView;
    }
    return ReplayAction::Wait;
}

} // namespace ui
