#include "ui/metrics_model.h"

#include "ui/strings.h"

#include <algorithm>
#include <cstdio>

namespace ui {

MetricsFigures ComputeMetrics(const lab::LabSnapshot& snap) {
    MetricsFigures figures;
    for (const lab::CpuView& cpu : snap.cpus) {
        const double u = std::clamp(cpu.utilisation, 0.0, 1.0);
        figures.cpus_worth += u;
        figures.busiest_utilisation = std::max(figures.busiest_utilisation, u);
    }
    if (!snap.cpus.empty())
        figures.mean_utilisation = figures.cpus_worth / double(snap.cpus.size());
    for (const lab::ThreadView& thread : snap.threads)
        if (thread.state != machine::ThreadState::Terminated)
            ++figures.threads_alive;
    return figures;
}

const char* FormatSpeedup(char* buf, size_t size, double speedup) {
    // Within 5% of 1 is run-to-run noise in a lesson's terms: the point is "no faster".
    if (speedup <= 0)
        std::snprintf(buf, size, "%s", "");
    else if (speedup >= 1.05)
        std::snprintf(buf, size, Tr(Str::SpeedupFaster), speedup);
    else if (speedup > 0.95)
        std::snprintf(buf, size, Tr(Str::SpeedupNoFaster), speedup);
    else
        std::snprintf(buf, size, Tr(Str::SpeedupSlower), speedup);
    return buf;
}

} // namespace ui
