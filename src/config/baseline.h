// The one-thread run a lab run's speedup is measured against: the same program with its
// thread-count slider at 1 if it has one, else the same program on one CPU.
#pragma once
#include <optional>
#include <string>
#include "config/config.h"

namespace config {

// The slider names that count a program's threads (or workers, or tasks).
inline constexpr std::string_view kThreadCountSliders[] = {"THREADS", "WORKERS", "TASKS"};

struct Baseline {
    std::string source;          // the program, its sliders applied
    machine::MachineConfig machine;
    std::string description;     // what was made one, for the metrics: "THREADS = 1", "1 CPU"
};

// None when the config's run is already its own baseline: the thread-count slider at 1, or one
// CPU for a program without such a slider.
std::optional<Baseline> speedup_baseline(const LabConfig& config);

} // namespace config
