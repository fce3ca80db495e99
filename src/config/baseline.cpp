#include "config/baseline.h"
#include <algorithm>

namespace config {

std::optional<Baseline> speedup_baseline(const LabConfig& config)
{
    const std::string_view source = program_source(config);
    std::map<std::string, int64_t> sliders = config.sliders;
    Baseline baseline;
    baseline.machine = to_machine_config(config);
    for (const ProgramSlider& slider : find_sliders(source)) {
        // A slider that cannot go down to 1 cannot make a one-thread run.
        if (std::find(std::begin(kThreadCountSliders), std::end(kThreadCountSliders), slider.name) == std::end(kThreadCountSliders) || slider.min > 1)
            continue;
        auto set = sliders.find(slider.name);
        const int64_t value = set != sliders.end() ? set->second : slider.value;
        if (value == 1)
            return std::nullopt;
        sliders[slider.name] = 1;
        baseline.source = apply_sliders(source, sliders);
        baseline.description = slider.name + " = 1";
        return baseline;
    }
    if (config.cpus == 1)
        return std::nullopt;
    baseline.source = apply_sliders(source, sliders);
    baseline.machine.cpus = 1;
    baseline.description = "1 CPU";
    return baseline;
}

} // namespace config
