// The Program window: the program's source (an example or the user's own), the run controls
// (run, play/pause, step, reset, speed) and the machine's settings (CPUs, GIL, seed), and the
// program's output.
#pragma once
#include <cstdint>
#include <span>
#include <string>

#include "embedded_file.h"
#include "engine/lab_snapshot.h"

struct ProgramWindowState {
    std::string source;
    int example_index = 0;      // which example the source came from; -1 once edited
    int cpus = 4;
    bool gil = true;
    int seed = 1;
    float speed_log10 = 8.3f;   // simulated ns per real second, as a power of ten

    // What the user asked for this frame; the main loop turns these into LabCommands.
    bool load_requested = false; // compile and restart (Run, new example, new settings)
    bool play_after_load = false;
    bool play_requested = false;
    bool pause_requested = false;
    bool step_requested = false;
    bool step_slice_requested = false;
};

void ShowProgramWindow(bool* open, ProgramWindowState& state, std::span<const EmbeddedFile> examples,
                       const lab::LabSnapshot* snapshot);

const char* RunPhaseName(lab::RunPhase phase); // "ready", "playing", ...
