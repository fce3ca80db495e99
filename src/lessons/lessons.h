// The course as lessons: each idea of it (a process, a thread, the GIL, a race, ...) with a text
// in English and Simplified Chinese, the program it runs, the settings it runs it with, a few
// "try this" steps that change one setting each, and predictions the student answers before
// the run shows the answer.
//
// A lesson's id is the name of the example it runs ("race" runs examples/race.py), so a
// permalink's lesson= opens both the program and its lesson, and step= the try-this step.
//
// A prediction's right answer is never written in the text: each choice is a range of one
// figure (Measure) that the run itself yields, so the answer follows the settings the student
// has made. The same measure() serves the lab (from its snapshot) and the claims' tests (from a
// run of the engine).
//
// Index:
//   Text            one string in both languages
//   Measures        the figures a run yields, and RunFacts they are read from
//   Lesson          steps, predictions, the lesson itself
//   Queries         the list, lookup, applying a step, judging an answer
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace lessons {

using config::Language;
using config::LabConfig;

// --- Text ---------------------------------------------------------------------------------------

struct Text {
    std::string_view en;
    std::string_view zh;
    std::string_view in(Language language) const { return language == Language::Chinese ? zh : en; }
};

// --- Measures -----------------------------------------------------------------------------------

enum class Measure : uint8_t {
    Speedup,        // the one-thread (or one-CPU) baseline's wall time over this run's
    WallSeconds,    // the run's simulated wall time
    Threads,        // threads the run created, its main threads included
    Processes,
    ContextSwitches,
    LinesWith,      // output lines that contain `line_with`
    FirstNumber,    // the number after `number_after` in the first line that contains `line_with`
    LastNumber,     // ... in the last such line
    LargestNumber,  // ... the largest over all such lines
    SecondsAtLine,  // simulated time of the first line that contains `line_with`
    LastLineHas,    // 1 when the last output line contains `line_with`, else 0
    Deadlocked,     // 1 when the run ended in a deadlock, else 0
};

// What a finished run shows, as the lab's snapshot and a test's engine run can both tell it.
struct OutputLine {
    double seconds = 0;  // simulated time it was written
    std::string text;    // stdout and stderr alike, without the newline
};
struct RunFacts {
    double speedup = 0;  // 0: no baseline run
    double wall_seconds = 0;
    int64_t threads = 0;
    int64_t processes = 0;
    int64_t context_switches = 0;
    bool deadlocked = false;
    std::vector<OutputLine> output;
};

// --- Lesson -------------------------------------------------------------------------------------

// One click: the lesson's settings with `change` over them, in the permalink's spelling
// ("cpus=4&gil=off", a program slider by its lower-case name: "io_share=100").
struct TryStep {
    Text label;  // the button: "4 CPUs"
    std::string_view change;
    Text look;   // what to look at, and where
};

// Right when low <= figure < high (the figure divided by the slider `per_slider` names, if any).
struct Choice {
    Text label;
    double low;
    double high;
};

struct Prediction {
    int step = 0;  // asked before the run of this try-this step (0: the lesson's own settings)
    Text question;
    Measure measure;
    std::string_view line_with = {};  // for the measures that read the output
    std::string_view number_after = {};
    std::string_view per_slider = {};  // compare figure / this slider's value ("WORKERS"), if set
    std::vector<Choice> choices;    // 2..4
    Text where;                     // where the run shows why
};

// A cost the lesson sets side by side: the simulated machine's figure for it, and the same
// kind of figure measured on the visitor's own machine (the Real machine window's probes),
// where there is one.
enum class SimulatedCost : uint8_t {
    None,           // the simulated machine has no such figure
    ThreadCreate,   // MachineConfig::thread_create_cost
    ProcessCreate,  // MachineConfig::process_create_cost
    ThreadSwitch,   // MachineConfig::context_switch_cost
    ProcessSwitch,  // the same plus MachineConfig::process_switch_cost
};
enum class RealCost : uint8_t {
    None,           // a web page cannot measure it (it starts no processes)
    ThreadCreate,   // creating and joining a real thread
    ThreadHandoff,  // a hand-off between two real threads (mutex and condition variable)
    FiberSwitch,    // a switch between two fibers (coroutines) of one thread
    FiberBytes,     // one fiber's stack and control block
    ThreadStack,    // one real thread's default stack
};
struct Cost {
    Text what;  // "create a thread"
    SimulatedCost simulated;
    RealCost real;
};

struct Lesson {
    std::string_view id;  // = its example's name
    Text title;
    std::vector<Text> paragraphs;
    std::string_view settings;  // over LabConfig's defaults, in the permalink's spelling
    std::vector<std::string_view> sliders;  // the program's sliders the lesson is about
    std::vector<TryStep> steps;             // 2..4
    std::vector<Prediction> predictions;    // at least one
    std::vector<Cost> costs = {};           // side by side in the window, if any
};

// --- Queries ------------------------------------------------------------------------------------

// All of them, in the course's order.
std::span<const Lesson> all();
const Lesson* find(std::string_view id);
// Its position in all(), or -1.
int index_of(std::string_view id);

// The config a lesson runs: its settings, then `step`'s change (1-based; 0: none), with the
// view's language kept from `current`. The problems of a wrong settings text are in `problems`.
LabConfig lesson_config(const Lesson& lesson, int step, const LabConfig& current,
                        std::vector<std::string>* problems = nullptr);

// The figure `prediction` asks about in `run`; none when the run has no such figure (the line
// it reads was not written).
std::optional<double> measure(const Prediction& prediction, const RunFacts& run);
// The value that figure is compared with the choices by (divided by the per_slider slider).
double compared_value(const Prediction& prediction, double figure, const LabConfig& config);
// The choice the figure falls in, or -1.
int right_choice(const Prediction& prediction, double figure, const LabConfig& config);

} // namespace lessons
