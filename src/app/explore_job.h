// The schedule search of the Explore window, on its own thread so that the page never waits
// for it: the UI thread starts it, reads its progress and result each frame, and cancels it.
#pragma once
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "app/lab_session.h"
#include "config/config.h"
#include "explore/explore.h"
#include "ui/explore_model.h"

namespace app {

// How many threads the page's search runs its schedules on: one per core but the one the page
// itself draws on, at most 4. With the engine's thread, the search's own and the Real machine's
// probes they fit the prestarted pool (PTHREAD_POOL_SIZE, cmake/web_app.cmake); beyond it the pool
// grows, which is safe here because the search's thread, not the page's, waits for them.
int PageExploreWorkers(unsigned cores);

class ExploreJob {
public:
    ExploreJob() = default;
    ~ExploreJob();
    ExploreJob(const ExploreJob&) = delete;
    ExploreJob& operator=(const ExploreJob&) = delete;

    // Starts a search unless one runs (Cancel comes first).
    void start(std::string source, const machine::MachineConfig& config, const explore::ExploreOptions& options);
    void cancel();
    bool running() const;
    // The search as the window shows it: progress while it runs, the outcomes once it ends.
    void fill(ui::ExploreView& view);

private:
    struct Search {
        explore::ExploreProgress progress;
        std::mutex mutex;
        std::optional<explore::ExploreResult> result;  // set once when it ends
        int preemptions = 2;
        int workers = 1;
        int lab_cpus = 1;
        bool random = false;
        std::thread thread;
    };
    std::unique_ptr<Search> search_;
};

// "You are the scheduler": turns the window's requests (start, a pick, a click on a thread's
// lane in the timeline, undo, finish) into lab runs that wait at the next decision. The picks
// that switch threads become `config`'s schedule, so the run's link replays them.
void FollowScheduler(ui::SchedulerWindowState& state, config::LabConfig& config, LabSession& session,
                     const lab::LabSnapshot* snap, machine::ThreadId timeline_selected);
// The "scheduler" object of window.threadlab.state().
void AppendSchedulerJson(std::string& out, const ui::SchedulerWindowState& state, const lab::LabSnapshot* snap);

} // namespace app
