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
    if (view.random)
        out += " · random schedules (PCT): how often each outcome happens, not every schedule";
    else
        out += view.exhaustive ? " · every schedule of at most " + bound + " explored"
                               : " · stopped at the schedule limit: not every schedule of at most " + bound;
    if (view.seconds > 0) {
        char rate[64];
        std::snprintf(rate, sizeof rate, " (%.1f s, %.0f schedules/s)", view.seconds, (double)view.schedules / view.seconds);
        out += rate;
    }
    return out;
}

float ExploreRowShare(const ExploreView& view, const ExploreRow& row) {
    return view.schedules > 0 ? std::clamp((float)row.count / (float)view.schedules, 0.0f, 1.0f) : 0.0f;
}

std::string ExploreRowLabel(const ExploreRow& row) {
    if (row.failure == "deadlock")
        return "deadlock";
    return "exit " + std::to_string(row.exit) + ", " + (row.failure.empty() ? std::string("no failure") : row.failure);
}

int SchedulerPreemptions(const std::vector<SchedulerPick>& picks) {
    return (int)std::count_if(picks.begin(), picks.end(), [](const SchedulerPick& p) { return p.preempted; });
}

int SchedulerSwitches(const std::vector<SchedulerPick>& picks) {
    return (int)std::count_if(picks.begin(), picks.end(), [](const SchedulerPick& p) { return p.switched; });
}

std::string SchedulerGoalLabel(SchedulerGoal goal, const char* text) {
    switch (goal) {
    case SchedulerGoal::Failure: return "make the program fail (a failed assert, an uncaught exception)";
    case SchedulerGoal::Deadlock: return "make the threads wait forever (a deadlock)";
    case SchedulerGoal::Output: return std::string("make the output show \"") + text + "\"";
    case SchedulerGoal::Count: break;
    }
    return "";
}

bool SchedulerGoalReached(SchedulerGoal goal, const char* text, const lab::LabSnapshot& snap) {
    switch (goal) {
    case SchedulerGoal::Failure:
        if (snap.phase == lab::RunPhase::Deadlock)
            return true;
        return snap.phase == lab::RunPhase::Finished &&
               std::any_of(snap.output.begin(), snap.output.end(), [](const lab::OutputLineView& line) {
                   return line.is_stderr && (line.text.starts_with("Traceback") || line.text.starts_with("Exception in thread"));
               });
    case SchedulerGoal::Deadlock: return snap.phase == lab::RunPhase::Deadlock;
    case SchedulerGoal::Output:
        return text[0] != 0 && std::any_of(snap.output.begin(), snap.output.end(), [text](const lab::OutputLineView& line) {
                   return !line.is_stderr && line.text.find(text) != std::string::npos;
               });
    case SchedulerGoal::Count: break;
    }
    return false;
}

int32_t SchedulerThreadForKey(const lab::DecisionView& decision, int digit) {
    if (!decision.waiting || digit < 1 || (size_t)digit > decision.threads.size())
        return -1;
    return decision.threads[(size_t)digit - 1];
}

} // namespace ui
