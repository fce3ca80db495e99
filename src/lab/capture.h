// Copies a running PythonRun into a LabSnapshot for the UI: the machine's tables (TCBs, CPUs,
// processes, output, stats) and each process's Python state (code objects, globals, the heap
// reachable from the program, every thread's frames). Runs on the engine's thread between two
// runs of the machine; the snapshot owns copies of everything it shows.
#pragma once
#include <memory>

#include "lab/snapshot.h"
#include "python/python_machine.h"

namespace lab {

// How much of the heap a snapshot lists: the objects nearest to the program's variables first.
constexpr size_t kMaxHeapObjects = 400;
// Longest repr a snapshot keeps for one value; longer ones end in an ellipsis.
constexpr size_t kMaxReprBytes = 96;
// The output a snapshot copies: the newest lines, each cut at a length that a window can draw
// (the run's own output keeps more; see machine::TraceLimits).
constexpr uint64_t kMaxOutputLines = 2000;
constexpr size_t kMaxOutputLineBytes = 2048;

// Terminated threads a snapshot lists (the newest): a program that starts 100 000 threads one
// after another would otherwise copy them all into every snapshot.
constexpr uint64_t kMaxFinishedThreads = 256;

// `previous` (a snapshot of the same run, or null) is compared against to mark what changed.
std::shared_ptr<LabSnapshot> capture(python::PythonRun& run, const LabSnapshot* previous);

} // namespace lab
