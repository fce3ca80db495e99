// What a thread's next instruction touches of the state other threads can see, and that
// instruction in words. The search records it to find conflicting steps; the witness replay
// (witness.h) to say which pair of accesses makes a preemption matter.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>
#include "explore/witness_words.h"
#include "machine/sim_time.h"

namespace python {
struct Thread;
class PythonRun;
} // namespace python

namespace explore {

// A key names a piece of shared state: (object, attribute or global name), a container's items,
// a cell, a sync object, or the world (output and the shared random generator).
struct Access {
    uint64_t key = 0;
    bool write = false;
    std::string_view name;  // the global or attribute it names (the code's own string); empty: none
};

uint64_t sync_key(int32_t id);

// What the next instruction of `thread` will touch (empty: only its own frame).
void next_step_footprint(const python::Thread* thread, std::vector<Access>& out);

// An instruction of `thread` as CPython's dis spells it, with its line ("LOAD_GLOBAL counter",
// 9; its file when it is in a module's code rather than the program's `filename`).
// `next`: the one it executes next; otherwise the last one it executed.
InstructionPlace instruction_place(const python::PythonRun& run, machine::ThreadId thread, std::string_view filename,
                                   bool next);

} // namespace explore
