// The Explore window and "you are the scheduler" (explore_model.h has their data).
#pragma once
#include "ui/explore_model.h"

namespace ui {

void ShowExploreWindow(bool* open, const ExploreView& view, ExploreWindowState& state);
// `snap`: the lab's run, which waits at its decision while the mode is on.
void ShowSchedulerWindow(bool* open, const lab::LabSnapshot* snap, SchedulerWindowState& state);

} // namespace ui
