// The colours that mean something, in one place so they mean the same thing in every panel:
// each thread's own colour (its slices in the timeline, its marker in the code view, its row in
// the thread table), and the colour of each way of waiting.
#pragma once
#include "machine/sim_time.h"
#include "machine/thread_state.h"
#include "imgui.h"

namespace ui {

// Thread `thread`'s colour: stable for the whole run and across runs (it depends only on the
// id), and distinct from its neighbours' so adjacent threads never look alike.
ImU32 ThreadColor(machine::ThreadId thread);

// Runnable but not running: waiting for a CPU.
ImU32 ReadyColor();
// Blocked, by what it waits for: sleep, I/O, a lock or other sync object, the GIL, a join.
ImU32 WaitColor(machine::WaitKind wait);

// Errors only: tracebacks, a program that does not compile, a deadlock, the lab's own failures.
// Nothing else is red, so that red always means something went wrong.
ImVec4 ErrorColor();

// `color` with its alpha multiplied by `alpha` (0..1).
ImU32 WithAlpha(ImU32 color, float alpha);

} // namespace ui
