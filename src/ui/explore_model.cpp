#include "ui/explore_model.h"

#include <algorithm>
#include <cstdio>

namespace ui {

float ExploreProgressFraction(const ExploreView& view) {
    if (view.finished)
        return 1.0f;
    if (view.planned <= 0)
        return 0.0f;
    return std::clamp((float)view.schedules / (float)view.planned, 0.0f, 1.0f);
}

std::string ExploreSummary(const ExploreView& view) {
    if (!view.error.empty())
        return "the program does not compile";
    const int failing = (int)std::count_if(view.rows.begin(), view.rows.end(),
                                           [](const ExploreRow& r) { return !r.failure.empty(); });
    std::string out = std::to_string(view.schedules) + (view.schedules == 1 ? " schedule, " : " schedules, ") +
                      std::to_string(view.rows.size()) + (view.rows.size() == 1 ? " outcome, " : " outcomes, ") +
                      std::to_string(failing) + " failing";
    if (view.running)
        return out + " so far";
    if (view.cancelled)
        return out + " · cancelled";
    if (!view.finished)
        return out;
    const std::string bound = std::to_string(view.preemptions) + (view.preemptions == 1 ? " preemption" : " preemptions");
    out += view.exhaustive ? " · every schedule of at most " + bound + " explored"
                           : " · stopped at the schedule limit: not every schedule of at most " + bound;
    if (view.seconds > 0) {
        char rate[64];
        std::snprintf(rate, sizeof rate, " (%.1f s, %.0f schedules/s)", view.seconds, (double)view.schedules / view.seconds);
        out += rate;
    }
    return out;
}

std::string ExploreRowLabel(const ExploreRow& row) {
    if (row.failure == "deadlock")
        return "deadlock";
    return "exit " + std::to_string(row.exit) + ", " + (row.failure.empty() ? std::string("no failure") : row.failure);
}

} // namespace ui
