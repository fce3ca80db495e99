// The Program window: the program's source (an example or the user's own), the run controls
// (run, play/pause, step, reset, speed) and the run's settings (config::LabConfig), and the
// program's output.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "config/config.h"
#include "embedded_file.h"
#include "lab/snapshot.h"
#include "ui/output_model.h"

namespace ui {

struct ProgramWindowState {
    // What the run is: lesson, edited source, machine settings, slider values, seed. The
    // permalink carries exactly this; a Load sends the program and machine it describes.
    config::LabConfig config;
    float speed_log10 = 8.3f;   // simulated ns per real second, as a power of ten; not part of a run

    // What the user asked for this frame; the main loop turns these into LabCommands.
    bool load_requested = false; // compile and restart (Run, new example, new settings)
    bool play_after_load = false;
    bool play_requested = false;
    bool pause_requested = false;
    bool step_requested = false;
    bool step_slice_requested = false;
    bool share_requested = false; // the toolbar's Share: the main loop makes the link
    // The editor shows the user's own kept edit of the lesson (app/drafts.h), not the link's:
    // the window offers the way back to the original until the program changes.
    bool draft_restored = false;

    // Kept between frames so that drawing allocates nothing while the program stays the same:
    // the editor's text, and the program's sliders with the text they were found in.
    std::string editor_text;
    std::string sliders_source;
    std::vector<config::ProgramSlider> sliders;
    // The output's looks (ui/output_model.h), read once per snapshot, and what was drawn.
    std::vector<OutputLook> output_looks;
    uint64_t looks_run = ~0ull, looks_sequence = ~0ull;
    DrawnOutput output_drawn;
};

void ShowProgramWindow(bool* open, ProgramWindowState& state, std::span<const EmbeddedFile> examples,
                       const lab::LabSnapshot* snapshot);

const char* RunPhaseName(lab::RunPhase phase); // "ready", "playing", ...

} // namespace ui
