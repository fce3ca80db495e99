#include "app/explore_job.h"

#include <chrono>

namespace app {

namespace {

double seconds_now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

ui::ExploreRow row_of(const explore::Outcome& o) {
    return {o.failure, o.exit, o.output, o.detail, o.count, o.preemptions, machine::format_schedule(o.witness), o.preempted};
}

} // namespace

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
        view = ui::ExploreView{.running = true, .preemptions = search_->preemptions};
        view.schedules = search_->progress.schedules.load();
        view.planned = search_->progress.planned.load();
        return;
    }
    if (view.finished)
        return;  // copied already
    const explore::ExploreResult& r = *search_->result;
    view = ui::ExploreView{.finished = true, .exhaustive = r.exhaustive, .cancelled = r.cancelled,
                           .schedules = r.schedules, .planned = r.schedules, .pruned = r.pruned,
                           .seconds = r.seconds, .preemptions = search_->preemptions, .error = r.error};
    for (const explore::Outcome& o : r.outcomes)
        view.rows.push_back(row_of(o));
}

} // namespace app
