// The Explore window (explore_model.h has its data).
#pragma once
#include "ui/explore_model.h"

namespace ui {

void ShowExploreWindow(bool* open, const ExploreView& view, ExploreWindowState& state);

} // namespace ui
