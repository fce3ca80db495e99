// The lab's run on the engine's own pthread. The UI sends commands (load, play, pause, step)
// and reads the LabSnapshots the engine thread publishes; it never touches the machine. A slow
// frame never slows the simulation and a busy simulation never blocks a frame.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "config/baseline.h"
#include "lab/snapshot.h"
#include "machine/machine.h"
#include "lab/snapshot_channel.h"

namespace app {

struct LabCommand {
    enum class Kind : uint8_t {
        Load,            // compile `source` and prepare a new run with `config`; stays Ready.
                         // If it does not compile, an earlier good run carries on.
        Play,
        Pause,
        StepInstruction, // exactly one instruction on the machine
        StepSlice,       // until the next context switch, or one time slice
        RunTo,           // as fast as the engine goes until `until` (kNever: the run's end), then pause
        ExportTrace,     // the run's trace as Chrome Trace Event JSON, for take_trace_export()
    };
    Kind kind = Kind::Pause;
    std::string source;
    machine::MachineConfig config;
    machine::SimTime until = machine::kNever;
    std::optional<config::Baseline> baseline; // Load: measured once the run finishes
    machine::Schedule schedule;               // Load: the choices the run makes (a witness, a link's)
    // Load, "you are the scheduler": run on to the first decision after instruction
    // `choose_after` (-1: the first of the run) and wait there for the user's pick.
    bool choosing = false;
    int64_t choose_after = -1;
};

// Playing speed in simulated nanoseconds per real second.
inline constexpr double kMinSpeed = 1e3;   // slow motion: 1 µs a second, ~50 instructions
inline constexpr double kMaxSpeed = 1e10;  // 10 simulated seconds a second
inline constexpr double kDefaultSpeed = 2e8;

class LabSession {
public:
    LabSession();
    ~LabSession();
    LabSession(const LabSession&) = delete;
    LabSession& operator=(const LabSession&) = delete;

    void send(LabCommand command);
    void set_speed(double sim_ns_per_second);
    std::shared_ptr<const lab::LabSnapshot> latest() const { return channel_.latest(); }

    // The answer to the last ExportTrace, once (the CLI's --trace file of the run so far; empty
    // when there is no run); nullopt until the engine thread has written it.
    std::optional<std::string> take_trace_export();

    bool engine_alive() const { return alive_.load(std::memory_order_acquire); }
    // How many times the engine thread's loop has turned: it wakes at least every
    // kIdleWakeMs, so a live thread keeps counting.
    uint64_t heartbeats() const { return heartbeats_.load(std::memory_order_acquire); }

private:
    struct Run;
    void loop();
    void apply(const LabCommand& command, Run& run);
    void advance(Run& run, double real_seconds, double speed);
    void publish(Run& run);
    void measure_baseline(Run& run);
    void wait_for_decision(Run& run, const LabCommand& load);

    SnapshotChannel<lab::LabSnapshot> channel_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<LabCommand> commands_;
    std::optional<std::string> trace_export_;
    double speed_ = kDefaultSpeed;
    bool stopping_ = false;
    std::atomic<bool> alive_{false};
    std::atomic<uint64_t> heartbeats_{0};
    std::thread thread_; // last: starts once everything above exists
};

} // namespace app
