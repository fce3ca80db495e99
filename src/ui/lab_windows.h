// The lab's panels, each drawn from the latest LabSnapshot and sharing one LabSelection:
// Threads / TCB, Code, Address space, Output, Metrics. Each window's state below holds only
// what it keeps between frames (buffers it reuses, toggles).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "lab/snapshot.h"
#include "ui/address_space_model.h"
#include "ui/code_model.h"
#include "ui/lab_selection.h"
#include "ui/output_model.h"

namespace ui {

struct ThreadsWindowState {
    machine::ThreadId tcb_shown = machine::kNoThread; // whose TCB was drawn last frame (for the test hook)
    bool show_internals = false; // the lab's own frames inside built-in calls (ui/stack_model.h)
};

struct CodeWindowState {
    int32_t process = 0;
    uint32_t code = 0;           // the code object whose bytecode is shown
    bool follow_selection = true; // show the selected thread's current code object
    std::vector<std::string_view> lines; // into the snapshot's source; refilled every frame
    std::vector<CodeMarker> line_markers, instruction_markers;
};

struct AddressSpaceWindowState {
    int32_t process = 0;
    // The map's bands, laid out once per snapshot.
    std::vector<MemoryRegion> regions;
    uint64_t regions_run = ~0ull, regions_sequence = ~0ull;
    int32_t regions_process = -1;
    float regions_width = 0;                  // the map's width and language they were laid out for
    config::Language regions_language = config::Language::English;
    // What each band showed last frame, for window.threadlab.state(): its text ("" when the
    // legend names it), its width and the width that text needs, and whether the legend lists it.
    struct BandDrawn {
        std::string text;
        float band_width = 0, text_width = 0;
        bool in_legend = false;
    };
    std::vector<BandDrawn> bands_drawn;
};

struct OutputWindowState {
    bool only_selected = false; // show only the selected thread's lines
    bool follow = true;         // keep the newest line in view
    DrawnOutput drawn;
};

void ShowThreadsWindow(bool* open, const lab::LabSnapshot& snap, LabSelection& sel, ThreadsWindowState& state);
void ShowCodeWindow(bool* open, const lab::LabSnapshot& snap, LabSelection& sel, CodeWindowState& state);
void ShowAddressSpaceWindow(bool* open, const lab::LabSnapshot& snap, LabSelection& sel,
                            AddressSpaceWindowState& state);
void ShowOutputWindow(bool* open, const lab::LabSnapshot& snap, LabSelection& sel, OutputWindowState& state);
void ShowMetricsWindow(bool* open, const lab::LabSnapshot& snap);

// One line of program output, drawn alike in the Output and Program windows: red only for an
// error report, a marker before other stderr output (logging's), and remembered in `drawn`.
void DrawOutputText(std::string_view text, OutputLook look, DrawnOutput& drawn);

// A variable's value (flashing when it changed; a heap object is a link that selects it) and a
// thread's frames with their locals, running frame first: drawn alike in Threads and Address space
// (with `internals`, the lab's own frames inside each built-in call).
void ShowVariableValue(const lab::Variable& variable, LabSelection& sel);
void ShowStackFrames(const lab::ThreadView& thread, LabSelection& sel, bool internals = false);

// The panels' part of window.threadlab.state(): the selection and the TCB on screen. Appends
// a JSON object.
void AppendLabPanelsStateJson(std::string& out, const lab::LabSnapshot& snap, const LabSelection& sel,
                              const ThreadsWindowState& threads);

} // namespace ui
