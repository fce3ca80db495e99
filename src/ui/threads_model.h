// The Threads / TCB window's words: a short code for every thread state and wait reason (what
// the table shows in a narrow column) and its meaning in plain words (what the tooltip says).
#pragma once
#include "engine/lab_snapshot.h"
#include "engine/thread_state.h"

const char* ThreadStateCode(sim::ThreadState state);        // "RUN", "BLK", ...
const char* ThreadStateExplanation(sim::ThreadState state); // a sentence
const char* WaitKindCode(sim::WaitKind wait);               // "LOCK", "GIL", ...; "" for None
const char* WaitKindExplanation(sim::WaitKind wait);        // a sentence

// The thread with `id` in the snapshot, or null.
const lab::ThreadView* FindThread(const lab::LabSnapshot& snap, sim::ThreadId id);
// The process with `id`, or null.
const lab::ProcessView* FindProcess(const lab::LabSnapshot& snap, int32_t id);
