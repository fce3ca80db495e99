// The Threads / TCB window's words: a short code for every thread state and wait reason (what
// the table shows in a narrow column) and its meaning in plain words (what the tooltip says).
#pragma once
#include "lab/snapshot.h"
#include "machine/thread_state.h"

namespace ui {

const char* ThreadStateCode(machine::ThreadState state);        // "RUN", "BLK", ...
const char* ThreadStateExplanation(machine::ThreadState state); // a sentence
const char* WaitKindCode(machine::WaitKind wait);               // "LOCK", "GIL", ...; "" for None
const char* WaitKindExplanation(machine::WaitKind wait);        // a sentence

// The thread with `id` in the snapshot, or null.
const lab::ThreadView* FindThread(const lab::LabSnapshot& snap, machine::ThreadId id);
// The process with `id`, or null.
const lab::ProcessView* FindProcess(const lab::LabSnapshot& snap, int32_t id);

} // namespace ui
