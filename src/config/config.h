// LabConfig: everything that makes one run of the lab what it is — the lesson and its program
// (edited or not), the simulated machine's settings, the program's slider values, the seed, and
// where the viewer stands (time, selected thread, zoom, language). A permalink (permalink.h)
// carries exactly this; the engine gets its MachineConfig from it.
//
// The limits below are the ones the lab's controls offer and the permalink decoder enforces: one
// place, so that a link can never ask for what the sliders could not set.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "embedded_file.h"
#include "machine/machine.h"

namespace config {

using machine::SimTime;

enum class Language : uint8_t { English, Chinese };
const char* language_code(Language language);  // "en", "zh"
bool parse_language(std::string_view code, Language& out);

// The lesson the lab opens when a link names none.
inline constexpr std::string_view kDefaultLesson = "gil_cpu_bound";

struct Range {
    SimTime min;
    SimTime max;
    bool contains(SimTime value) const { return value >= min && value <= max; }
};
inline constexpr Range kCpusRange = {1, machine::kMaxCpus};
inline constexpr Range kSliceRange = {machine::kMicrosecond, 10 * machine::kSecond};
inline constexpr Range kSwitchIntervalRange = {machine::kMicrosecond, 10 * machine::kSecond};
inline constexpr Range kBytecodeCostRange = {1, machine::kMillisecond};
inline constexpr Range kContextSwitchCostRange = {0, 10 * machine::kMillisecond};
inline constexpr Range kIoLatencyRange = {0, 10 * machine::kSecond};
inline constexpr Range kMaxTimeRange = {machine::kMillisecond, 3600 * machine::kSecond};
inline constexpr Range kSelectedThreadRange = {0, 1000000};
inline constexpr Range kLessonStepRange = {0, 16};
// The machine's memory, in bytes, a process's live threads and a run's processes (see
// machine::MachineConfig).
inline constexpr Range kMaxMemoryRange = {SimTime{1} << 20, SimTime{4} << 30};
inline constexpr Range kMaxThreadsRange = {1, 100000};
inline constexpr Range kMaxProcessesRange = {1, 256};
// A schedule's choices (machine/schedule.h) that a link may carry: far more than a search
// produces or a person picks.
inline constexpr size_t kMaxScheduleChoices = 10000;
// An edited program, after decompression (the permalink's cap; the lessons are a few KiB).
inline constexpr size_t kMaxSourceBytes = 64 * 1024;

struct LabConfig {
    std::string lesson{kDefaultLesson};  // an example's name: its file name without ".py"
    std::string source;                  // the edited program; empty: the lesson's own text

    // The machine (see machine::MachineConfig; defaults are its defaults).
    // The lab opens on a few CPUs, so that turning the GIL off shows a speedup at once (the bare
    // machine's default is one CPU); a link leaves cpus out when it is this.
    int cpus = 4;
    machine::Policy policy = machine::SchedulerConfig{}.policy;
    SimTime slice = machine::SchedulerConfig{}.slice;
    bool gil = machine::MachineConfig{}.gil;
    SimTime switch_interval = machine::MachineConfig{}.switch_interval;
    SimTime bytecode_cost = machine::MachineConfig{}.bytecode_cost;
    SimTime context_switch_cost = machine::MachineConfig{}.context_switch_cost;
    machine::LatencyDistribution io_latency = machine::MachineConfig{}.io_latency;
    SimTime max_time = machine::MachineConfig{}.max_time;
    uint64_t seed = machine::MachineConfig{}.seed;
    uint64_t max_memory = machine::MachineConfig{}.max_memory;
    int max_threads = machine::MachineConfig{}.max_threads;
    int max_processes = machine::MachineConfig{}.max_processes;
    // The choices that differ from the machine's own (a witness of the explorer, or the picks
    // of "you are the scheduler"); empty: the machine decides alone.
    machine::Schedule schedule;

    // The program's sliders that are set: name as declared in the program -> value.
    std::map<std::string, int64_t> sliders;

    // Where the viewer stands.
    SimTime time = 0;              // the moment shown
    int selected_thread = -1;      // none
    Language language = Language::English;
    int step = 0;                  // the lesson's try-this step last applied (1-based); 0: none
    SimTime zoom_begin = 0;        // the timeline's visible range; both 0: the whole run
    SimTime zoom_end = 0;
};

bool operator==(const LabConfig& a, const LabConfig& b);

machine::MachineConfig to_machine_config(const LabConfig& config);
// The other way: the lab's settings of `machine` into `config` (the rest of config is kept).
void set_machine_settings(LabConfig& config, const machine::MachineConfig& machine);

// Memory sizes as the lab writes them: a whole number of KiB, MiB or GiB ("64MiB", "512KiB"),
// the largest unit that keeps it whole. parse_memory_size reads only that form.
std::string format_memory_size(uint64_t bytes);
std::optional<uint64_t> parse_memory_size(std::string_view text);

// Where `text` stops being UTF-8 a program may hold (a malformed or overlong sequence, a
// surrogate, a NUL byte): the offset of that byte, or npos when all of it is.
size_t first_invalid_utf8(std::string_view text);

// The shipped example named `lesson` ("race" for race.py), or null.
const EmbeddedFile* find_lesson(std::string_view lesson);
// The program the config runs: its edited source, else its lesson's text (empty if unknown).
std::string_view program_source(const LabConfig& config);

// --- Program sliders: a top-level `NAME = 4  # slider: 1..64` is a parameter of the program ----

struct ProgramSlider {
    std::string name;
    int64_t value = 0;  // as written in the program
    int64_t min = 0;
    int64_t max = 0;
    int line = 0;       // 1-based
};
// In source order. A line that looks like a slider but does not parse (min > max, the value
// outside its range, a number out of int64) is not a slider.
std::vector<ProgramSlider> find_sliders(std::string_view source);
// The source with each named slider's value written in place of the program's own (same lines,
// so error positions stay true). Names that are not sliders of the program are left out.
std::string apply_sliders(std::string_view source, const std::map<std::string, int64_t>& values);

} // namespace config
