// What the person picked, shared by the lab's windows so a click in one selects in all of them:
// a thread row, an output line or a marker selects a thread; a heap object is picked in the
// Address space window; an output line also asks the Timeline to show its moment.
#pragma once
#include <cstdint>

#include "lab/snapshot.h"
#include "machine/sim_time.h"

namespace ui {

struct LabSelection {
    machine::ThreadId thread = machine::kNoThread;
    uint32_t heap_object = lab::kNoObject;
    // A request, not a state: the Timeline scrolls to this time and sets it back to -1.
    machine::SimTime timeline_time = -1;
};

} // namespace ui
