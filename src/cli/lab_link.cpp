#include "cli/lab_link.h"
#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include "config/permalink.h"
#include "config/example_programs.h"
#include "lessons/lessons.h"

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

int read_program_file(const std::string& path, std::string& out)
{
    const auto fail = [&](const std::string& why, int status) {
        fflush(stdout);
        fputs(("threadlab: " + why + "\n").c_str(), stderr);
        return status;
    };
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    if (error || !std::filesystem::exists(status))
        return fail("can't open file '" + path + "': " + (error ? error.message() : "No such file or directory"), 2);
    if (std::filesystem::is_directory(status))
        return fail("can't run '" + path + "': it is a directory (give the .py file to run)", 2);
    const uintmax_t size = std::filesystem::is_regular_file(status) ? std::filesystem::file_size(path, error) : 0;
    if (!error && size > kMaxProgramFileBytes)
        return fail("can't run '" + path + "': it is " + std::to_string(size >> 20) + " MiB, and a program may be up to " +
                        std::to_string(kMaxProgramFileBytes >> 20) + " MiB",
                    2);
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return fail("can't open file '" + path + "': " + std::strerror(errno), 2);
    std::stringstream buffer;
    buffer << file.rdbuf();
    out = buffer.str();
    if (out.size() > kMaxProgramFileBytes)  // a pipe or device that never ends
        return fail("can't run '" + path + "': a program may be up to " + std::to_string(kMaxProgramFileBytes >> 20) + " MiB", 2);
    const size_t bad = config::first_invalid_utf8(out);
    if (bad == std::string::npos)
        return 0;
    // CPython's words, with the column too.
    const size_t line_start = out.rfind('\n', bad == 0 ? 0 : bad - 1);
    const size_t line = 1 + size_t(std::count(out.begin(), out.begin() + std::ptrdiff_t(bad), '\n'));
    const size_t column = 1 + bad - (line_start == std::string::npos || bad == 0 ? 0 : line_start + 1);
    const std::string where = path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
    if (out[bad] == '\0')
        return fail(where + "SyntaxError: source code cannot contain null bytes", 1);
    char byte[8];
    std::snprintf(byte, sizeof byte, "\\x%02x", unsigned(uint8_t(out[bad])));
    return fail(where + "SyntaxError: Non-UTF-8 code starting with '" + byte + "' in file " + path + " on line " +
                    std::to_string(line) + ", but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                1);
}

// --lesson ID: the lesson's config, its machine settings written into `options` as --config's are
// (the lesson's CPUs too, which the CLI's default would otherwise replace). An exit status.
int take_lesson(Options& options, config::LabConfig& lab)
{
    const lessons::Lesson* lesson = lessons::find(options.get("--lesson"));
    if (!lesson) {
        std::string ids;
        for (const lessons::Lesson& l : lessons::all())
            ids += (ids.empty() ? "" : ", ") + std::string(l.id);
        warn("no lesson '" + options.get("--lesson") + "' (there are: " + ids + ")");
        return 2;
    }
    if (!options.get("--config").empty()) {
        warn("--lesson and --config both name a program: give one of them");
        return 2;
    }
    lab = lessons::lesson_config(*lesson, 0, config::LabConfig{});
    if (options.get("--cpus") == "1")
        options.values["--cpus"] = std::to_string(lab.cpus);
    take_link_settings(options, lab);
    return 0;
}

int load_run_program(Options& options, config::LabConfig& lab, std::string& source, std::string& path)
{
    const std::string& link = options.get("--config");
    bool from_link = !link.empty() || !options.get("--lesson").empty();
    if (!options.get("--lesson").empty()) {
        if (int status = take_lesson(options, lab))
            return status;
    } else if (from_link) {
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
        warn("expected one FILE argument, --config LINK or --lesson ID (try: threadlab help run)");
        return 2;
    }
    if (options.arguments.size() == 1) {
        path = options.arguments[0];
        if (int status = read_program_file(path, source))
            return status;
        // A shipped example run from its file is that lesson, unedited: its link stays short.
        lab.source = source;
        for (const EmbeddedFile& file : config::example_programs()) {
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
