#include "cli/lab_link.h"
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>
#include "config/permalink.h"
#include "examples.h"

namespace cli {

namespace {

void warn(const std::string& text)
{
    fflush(stdout);
    fputs(("threadlab run: " + text + "\n").c_str(), stderr);
}

// The link's machine settings as flags: its keys are the run options' names without "--", with
// the same spellings, so each non-default field the link carries is one flag's text.
void take_link_settings(Options& options, const config::LabConfig& lab)
{
    std::string fragment = config::encode_fragment(lab);
    size_t start = 0;
    while (start < fragment.size()) {
        size_t end = std::min(fragment.find('&', start), fragment.size());
        std::string_view pair = std::string_view(fragment).substr(start, end - start);
        start = end + 1;
        size_t equals = pair.find('=');
        std::string flag = "--" + std::string(pair.substr(0, equals));
        for (const OptionDef& option : kOptions) {
            bool left_at_default = flag == option.flag && option.value_name && options.values.count(flag) &&
                                   options.get(flag) == option.default_value;
            if (left_at_default)
                options.values[flag] = std::string(pair.substr(equals + 1));
        }
    }
}

// --set NAME=VALUE: each names a slider of `source` and a value in its range, which goes into
// the lab's sliders (so --link carries it). False, with the reason, for anything else.
bool take_slider_settings(const Options& options, std::string_view source, config::LabConfig& lab, std::string& error)
{
    const std::vector<config::ProgramSlider> sliders = config::find_sliders(source);
    for (const std::string& setting : options.list("--set")) {
        const size_t equals = setting.find('=');
        const std::string name = setting.substr(0, equals);
        const auto slider = std::find_if(sliders.begin(), sliders.end(), [&](const config::ProgramSlider& s) { return s.name == name; });
        if (slider == sliders.end()) {
            std::string known;
            for (const config::ProgramSlider& s : sliders)
                known += (known.empty() ? "" : ", ") + s.name + " (" + std::to_string(s.min) + ".." + std::to_string(s.max) + ")";
            error = "--set " + setting + ": the program has no slider named '" + name + "'" +
                    (known.empty() ? " (it has none)" : "; its sliders: " + known);
            return false;
        }
        const std::string text = equals == std::string::npos ? "" : setting.substr(equals + 1);
        int64_t value = 0;
        const auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || status != std::errc() || end != text.data() + text.size()) {
            error = "--set " + setting + ": expected NAME=VALUE with a whole number";
            return false;
        }
        if (value < slider->min || value > slider->max) {
            error = "--set " + setting + ": " + name + " goes from " + std::to_string(slider->min) + " to " +
                    std::to_string(slider->max);
            return false;
        }
        lab.sliders[name] = value;
    }
    return true;
}

} // namespace

bool read_whole_file(const std::string& path, std::string& out)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return false;
    std::stringstream buffer;
    buffer << file.rdbuf();
    out = buffer.str();
    return true;
}

int load_run_program(Options& options, config::LabConfig& lab, std::string& source, std::string& path)
{
    const std::string& link = options.get("--config");
    bool from_link = !link.empty();
    if (from_link) {
        config::DecodeResult decoded = config::decode_fragment(link);
        for (const config::Problem& problem : decoded.problems)
            warn("warning: " + problem.message);
        if (!decoded.usable) {
            warn("nothing in the --config link is usable");
            return 2;
        }
        lab = decoded.config;
        take_link_settings(options, lab);
    }
    if (options.arguments.size() > 1 || (options.arguments.empty() && !from_link)) {
        warn("expected one FILE argument, or --config LINK (try: threadlab help run)");
        return 2;
    }
    if (options.arguments.size() == 1) {
        path = options.arguments[0];
        if (!read_whole_file(path, source)) {
            fputs(("threadlab: can't open file '" + path + "'\n").c_str(), stderr);
            return 2;
        }
        // A shipped example run from its file is that lesson, unedited: its link stays short.
        lab.source = source;
        for (const EmbeddedFile& file : kExampleFiles) {
            if (source == file.text) {
                lab.lesson = std::string(std::string_view(file.name).substr(0, std::string_view(file.name).size() - 3));
                lab.source.clear();
            }
        }
    } else {
        source = std::string(config::program_source(lab));
        path = lab.source.empty() ? lab.lesson + ".py" : "<link>";
    }
    std::string error;
    if (!take_slider_settings(options, source, lab, error)) {
        warn(error);
        return 2;
    }
    source = config::apply_sliders(source, lab.sliders);
    return 0;
}

std::string run_link(const config::LabConfig& lab, const machine::MachineConfig& machine)
{
    config::LabConfig run = lab;
    config::set_machine_settings(run, machine);
    return "#" + config::encode_fragment(run);
}

} // namespace cli
