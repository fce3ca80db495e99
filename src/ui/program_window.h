// The Program window: the program's source (an example or the user's own), Run/Stop, output.
#pragma once
#include <span>
#include <string>

#include "app/program_runner.h"
#include "embedded_file.h"

struct ProgramWindowState {
    std::string source;
    int example_index = 0;       // which example the source came from; -1 once edited
    bool run_requested = false;  // set by the window; the main loop starts the run
    bool stop_requested = false;
};

void ShowProgramWindow(bool* open, ProgramWindowState& state, std::span<const EmbeddedFile> examples,
                       const ProgramRunSnapshot* run);
