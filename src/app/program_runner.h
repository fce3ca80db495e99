// Runs one Python program at a time on the engine's thread and publishes what happened as
// immutable snapshots for the UI. Starting a new run, or stopping, cancels the one before at its
// next chunk boundary.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "app/engine_worker.h"
#include "engine/snapshot_channel.h"

enum class RunStatus { Idle, Running, Finished, Failed, Stopped };

struct ProgramRunSnapshot {
    RunStatus status = RunStatus::Idle;
    uint64_t run_id = 0;      // which Run press this belongs to
    std::string output;       // the program's stdout
    std::string error;        // traceback or compile error, as the CLI prints it on stderr
    int error_line = 0;       // where a compile error is (1-based line, 0 when none)
    int error_col = 0;        // 0-based column
    uint64_t instructions = 0;
};

class ProgramRunner {
public:
    explicit ProgramRunner(EngineWorker& engine) : engine_(engine) {}

    // Compile and run `source` on the engine thread; returns the new run's id.
    uint64_t run(std::string source);
    void stop();
    std::shared_ptr<const ProgramRunSnapshot> latest() const { return channel_.latest(); }

private:
    void execute(uint64_t run_id, const std::string& source);
    bool cancelled(uint64_t run_id) const { return current_run_.load() != run_id; }

    EngineWorker& engine_;
    SnapshotChannel<ProgramRunSnapshot> channel_;
    std::atomic<uint64_t> current_run_{0};
};
