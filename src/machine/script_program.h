// Scripted thread programs, for the tests and the benchmark: a list of steps (compute N
// instructions, or make one kernel request), optionally repeated, then exit. They stand in for
// Python threads so the machine can be checked on schedules worked out by hand.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>
#include "machine/machine.h"

namespace machine {

class ScriptProgram : public ThreadProgram {
public:
    using Factory = std::function<std::unique_ptr<ThreadProgram>()>;

    ScriptProgram& compute(int64_t instructions);
    ScriptProgram& sleep(SimTime duration);
    ScriptProgram& io(SimTime duration = kIoFromConfig);
    ScriptProgram& acquire(SyncId lock, SimTime timeout = kNever);
    ScriptProgram& release(SyncId lock);
    ScriptProgram& wait(SyncId object, SimTime timeout = kNever);
    ScriptProgram& set(SyncId event);
    ScriptProgram& notify(SyncId object, int64_t count = 1);
    ScriptProgram& output(std::string line);
    ScriptProgram& yield();
    ScriptProgram& spawn(std::string name, Factory make, bool daemon = false, int priority = 0);
    ScriptProgram& spawn_process(std::string name, Factory make);  // joining it waits for the process
    ScriptProgram& join_spawned(size_t index, SimTime timeout = kNever);  // the index-th spawn of this script
    ScriptProgram& join(ThreadId thread, SimTime timeout = kNever);
    // Run the whole list `times` times (0: forever) before exiting.
    ScriptProgram& repeat(int64_t times);

    RunResult run(int64_t budget, const KernelResult& resumed) override;

    // What each request returned, in order; the ids of the threads this script spawned.
    const std::vector<KernelResult>& results() const { return results_; }
    const std::vector<ThreadId>& spawned() const { return spawned_; }

private:
    struct Step {
        int64_t instructions = 0;                      // a compute step when `request` is empty
        std::function<Request(ScriptProgram&)> request;
        bool is_spawn = false;
    };
    ScriptProgram& add(std::function<Request(ScriptProgram&)> request, bool is_spawn = false);

    std::vector<Step> steps_;
    int64_t repeat_ = 1;
    int64_t round_ = 0;
    size_t step_ = 0;
    int64_t remaining_ = -1;  // of the current compute step; -1 before it starts
    bool awaiting_result_ = false;
    bool awaiting_spawn_ = false;
    std::vector<KernelResult> results_;
    std::vector<ThreadId> spawned_;
};

// A ScriptProgram built in place: script(machine...) reads better in tests.
std::unique_ptr<ScriptProgram> script();

} // namespace machine
