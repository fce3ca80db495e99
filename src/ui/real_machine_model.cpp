#include "ui/real_machine_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/strings.h"

namespace ui {

int RealMachineMaxThreads(int cores) { return std::max(cores, 2); }

SpeedupRange MeasuredSpeedup(const real::SpeedupResult& result, int threads) {
    if (threads < 1 || size_t(threads) > result.seconds.size() || result.seconds.empty())
        return {};
    const double one = result.seconds.front().median;
    const real::Spread& these = result.seconds[size_t(threads - 1)];
    if (one <= 0 || these.min <= 0)
        return {};
    return {one / these.median, one / these.max, one / these.min};
}

SpeedupPlotScale ScaleSpeedupPlot(const real::SpeedupResult& result, int max_threads) {
    SpeedupPlotScale scale;
    scale.max_threads = std::max(max_threads, 1);
    double highest = scale.max_threads;
    for (int t = 1; t <= int(result.seconds.size()); ++t)
        highest = std::max(highest, MeasuredSpeedup(result, t).high);
    for (double s : result.simulated.gil)
        highest = std::max(highest, s);
    for (double s : result.simulated.free_threaded)
        highest = std::max(highest, s);
    scale.max_speedup = std::ceil(highest);
    return scale;
}

int64_t LiveLostUpdates(const real::ProbeStatus& status) {
    if (!status.racing || status.race_guard != real::RaceGuard::None)
        return 0;
    return std::max<int64_t>(0, status.race_additions - status.race_counter);
}

std::string ProbeStepText(const real::ProbeStep& step, config::Language language) {
    if (step.stage == real::ProbeStage::None)
        return "";
    const Str format = Str(size_t(Str::RealStepStarting) + size_t(step.stage) - size_t(real::ProbeStage::Starting));
    char text[160];
    std::snprintf(text, sizeof text, Tr(format, language), step.threads, step.run, step.runs);
    return text;
}

} // namespace ui
