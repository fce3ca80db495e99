// A thread's stack and saved context as the Threads window and the Address space window show
// them: the program's own frames, with each call into the lab's built-in modules as one
// built-in frame (as CPython's C functions are), or, for the curious, the lab's own frames in
// its place.
#pragma once
#include <vector>

#include "lab/snapshot.h"

namespace ui {

// The frames to draw, bottom first: `thread`'s own, or with `internals` each built-in call's
// frames where the call is.
std::vector<const lab::FrameView*> ShownFrames(const lab::ThreadView& thread, bool internals);

// The TCB's saved context: the frame running now, and the frame whose instruction it executes.
// Inside a built-in call that is the program's frame under it, at the call (the `with` of a
// thread blocked on its lock), as a CPython frame under a C function is; with `internals`, both
// are the innermost of the lab's own frames.
struct SavedContext {
    const lab::FrameView* frame = nullptr;        // null: no frames
    const lab::FrameView* instruction = nullptr;  // its instruction is read in its own code
};
SavedContext SavedContextOf(const lab::ThreadView& thread, bool internals);

} // namespace ui
