#include "ui/explore_model.h"

#include <algorithm>

#include "ui/strings.h"

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
        return Tr(Str::ExploreDoesNotCompile);
    const int failing = (int)std::count_if(view.rows.begin(), view.rows.end(),
                                           [](const ExploreRow& r) { return !r.failure.empty(); });
    std::string out = TrFormat(Str::ExploreCounts,
                               TrFormat(view.schedules == 1 ? Str::ExploreScheduleOne : Str::ExploreScheduleMany,
                                        (long long)view.schedules).c_str(),
                               TrFormat(view.rows.size() == 1 ? Str::ExploreOutcomeOne : Str::ExploreOutcomeMany,
                                        view.rows.size()).c_str(),
                               failing);
    if (view.running)
        return out + Tr(Str::ExploreSoFar);
    if (view.cancelled)
        return out + Tr(Str::ExploreCancelled);
    if (!view.finished)
        return out;
    const std::string bound =
        TrFormat(view.preemptions == 1 ? Str::ExplorePreemptionOne : Str::ExplorePreemptionMany, view.preemptions);
    if (view.random)
        out += Tr(Str::ExploreRandomDone);
    else
        out += TrFormat(view.exhaustive ? Str::ExploreExhaustive : Str::ExploreScheduleLimit, bound.c_str());
    if (view.seconds > 0)
        out += TrFormat(Str::ExploreRate, view.seconds, (double)view.schedules / view.seconds,
                        TrFormat(view.workers == 1 ? Str::ExploreWorkerOne : Str::ExploreWorkerMany, view.workers).c_str());
    return out;
}

float ExploreRowShare(const ExploreView& view, const ExploreRow& row) {
    return view.schedules > 0 ? std::clamp((float)row.count / (float)view.schedules, 0.0f, 1.0f) : 0.0f;
}

std::string ExploreRowLabel(const ExploreRow& row) {
    if (row.failure == "deadlock")
        return Tr(Str::ExploreDeadlock);
    return TrFormat(Str::ExploreExit, row.exit, row.failure.empty() ? Tr(Str::ExploreNoFailure) : row.failure.c_str());
}

int SchedulerPreemptions(const std::vector<SchedulerPick>& picks) {
    return (int)std::count_if(picks.begin(), picks.end(), [](const SchedulerPick& p) { return p.preempted; });
}

int SchedulerSwitches(const std::vector<SchedulerPick>& picks) {
    return (int)std::count_if(picks.begin(), picks.end(), [](const SchedulerPick& p) { return p.switched; });
}

std::string SchedulerGoalLabel(SchedulerGoal goal, const char* text) {
    switch (goal) {
    case SchedulerGoal::Failure: return Tr(Str::SchedulerAimFailure);
    case SchedulerGoal::Deadlock: return Tr(Str::SchedulerAimDeadlock);
    case SchedulerGoal::Output: return TrFormat(Str::SchedulerAimOutput, text);
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
