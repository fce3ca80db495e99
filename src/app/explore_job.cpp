#include "app/explore_job.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "app/state_json.h"
#include "ui/strings.h"

namespace app {

namespace {

double seconds_now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

ui::ExploreRow row_of(const explore::Outcome& o) {
    return {o.failure, o.exit, o.output, o.detail, o.count, o.preemptions, machine::format_schedule(o.witness), o.preempted};
}

} // namespace

int PageExploreWorkers(unsigned cores) { return std::clamp((int)cores - 1, 1, 4); }

ExploreJob::~ExploreJob() {
    if (search_) {
        search_->progress.cancel.store(true);
        search_->thread.join();
    }
}

void ExploreJob::start(std::string source, const machine::MachineConfig& config, const explore::ExploreOptions& options) {
    if (running())
        return;
    if (search_)
        search_->thread.join();  // it has ended: returns at once
    search_ = std::make_unique<Search>();
    search_->preemptions = options.preemptions;
    search_->workers = options.workers;
    search_->lab_cpus = config.cpus;
    search_->random = options.random_runs > 0;
    Search* search = search_.get();
    search->thread = std::thread([search, source = std::move(source), config, options] {
        explore::ExploreResult result =
            explore::explore(source, "<program>", config, options, &search->progress, seconds_now);
        std::lock_guard<std::mutex> lock(search->mutex);
        search->result = std::move(result);
    });
}

void ExploreJob::cancel() {
    if (search_)
        search_->progress.cancel.store(true);
}

bool ExploreJob::running() const {
    if (!search_)
        return false;
    std::lock_guard<std::mutex> lock(search_->mutex);
    return !search_->result;
}

void ExploreJob::fill(ui::ExploreView& view) {
    if (!search_)
        return;
    std::lock_guard<std::mutex> lock(search_->mutex);
    view.preemptions = search_->preemptions;
    if (!search_->result) {
        view = ui::ExploreView{.running = true, .preemptions = search_->preemptions, .workers = search_->workers,
                               .lab_cpus = search_->lab_cpus, .random = search_->random};
        view.schedules = search_->progress.schedules.load();
        view.planned = search_->progress.planned.load();
        return;
    }
    if (view.finished)
        return;  // copied already
    const explore::ExploreResult& r = *search_->result;
    view = ui::ExploreView{.finished = true, .exhaustive = r.exhaustive, .cancelled = r.cancelled,
                           .schedules = r.schedules, .planned = r.schedules, .pruned = r.pruned,
                           .seconds = r.seconds, .preemptions = search_->preemptions, .workers = search_->workers,
                           .lab_cpus = search_->lab_cpus, .random = search_->random, .error = r.error};
    for (const explore::Outcome& o : r.outcomes)
        view.rows.push_back(row_of(o));
}

namespace {

// The lab's run follows the switching picks and waits at the first decision after the last pick.
void SendSchedulerRun(const ui::SchedulerWindowState& state, config::LabConfig& config, LabSession& session) {
    machine::Schedule schedule;
    for (const ui::SchedulerPick& pick : state.picks)
        if (pick.switched)
            schedule.choices.push_back({pick.step, pick.thread});
    config.schedule = schedule;
    config.cpus = 1;  // as the explorer's runs (explore.h): on more, a started thread is never a choice
    LabCommand load{LabCommand::Kind::Load, config::apply_sliders(config::program_source(config), config.sliders),
                    config::to_machine_config(config)};
    load.schedule = std::move(schedule);
    load.choosing = true;
    load.choose_after = state.picks.empty() ? -1 : state.picks.back().step;
    session.send(std::move(load));
}

} // namespace

void FollowScheduler(ui::SchedulerWindowState& state, config::LabConfig& config, LabSession& session,
                     const lab::LabSnapshot* snap, machine::ThreadId timeline_selected) {
    const bool waiting = state.active && snap && snap->decision.waiting;
    if (waiting && timeline_selected != state.timeline_selected && state.pick_requested < 0 &&
        std::count(snap->decision.threads.begin(), snap->decision.threads.end(), timeline_selected))
        state.pick_requested = timeline_selected;
    state.timeline_selected = timeline_selected;
    if (state.start_requested) {
        state.active = true;
        state.picks.clear();
        SendSchedulerRun(state, config, session);
    } else if (state.undo_requested && state.active && !state.picks.empty()) {
        state.picks.pop_back();
        SendSchedulerRun(state, config, session);
    } else if (state.pick_requested >= 0 && waiting) {
        const lab::DecisionView& d = snap->decision;
        const bool switched = state.pick_requested != d.current;
        state.picks.push_back({d.step, state.pick_requested, switched, switched && !d.fresh});
        SendSchedulerRun(state, config, session);
    } else if (state.finish_requested && waiting) {
        session.send({LabCommand::Kind::RunTo});
    }
    state.start_requested = state.undo_requested = state.finish_requested = false;
    state.pick_requested = -1;
}

void AppendSchedulerJson(std::string& out, const ui::SchedulerWindowState& state, const lab::LabSnapshot* snap) {
    const bool waiting = state.active && snap && snap->decision.waiting;
    const ui::SchedulerGoal goal = (ui::SchedulerGoal)state.goal;
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "\"scheduler\":{\"active\":%s,\"waiting\":%s,\"picks\":%zu,\"switches\":%d,\"preemptions\":%d,"
                  "\"goalReached\":%s,\"step\":%lld,\"current\":%d,\"threads\":[",
                  state.active ? "true" : "false", waiting ? "true" : "false", state.picks.size(),
                  ui::SchedulerSwitches(state.picks), ui::SchedulerPreemptions(state.picks),
                  state.active && snap && ui::SchedulerGoalReached(goal, state.goal_text, *snap) ? "true" : "false",
                  waiting ? (long long)snap->decision.step : -1LL, waiting ? snap->decision.current : -1);
    out += buf;
    for (size_t i = 0; waiting && i < snap->decision.threads.size(); ++i)
        out += (i ? "," : "") + std::to_string(snap->decision.threads[i]);
    out += "],\"next\":[";
    for (size_t i = 0; waiting && i < snap->decision.next.size(); ++i) {
        out += i ? "," : "";
        AppendJsonString(out, ui::InstructionText(snap->decision.next[i]));
    }
    out += "],\"goal\":";
    AppendJsonString(out, ui::SchedulerGoalLabel(goal, state.goal_text));
    out += "},";
}

} // namespace app
