#include "ui/stack_model.h"

namespace ui {

std::vector<const lab::FrameView*> ShownFrames(const lab::ThreadView& thread, bool internals) {
    std::vector<const lab::FrameView*> shown;
    shown.reserve(thread.frames.size());
    for (const lab::FrameView& frame : thread.frames) {
        if (!internals || !frame.builtin) {
            shown.push_back(&frame);
            continue;
        }
        for (const lab::FrameView& inside : frame.internals)
            shown.push_back(&inside);
    }
    return shown;
}

SavedContext SavedContextOf(const lab::ThreadView& thread, bool internals) {
    const std::vector<const lab::FrameView*> shown = ShownFrames(thread, internals);
    if (shown.empty())
        return {};
    const lab::FrameView* top = shown.back();
    return {top, top->builtin ? lab::program_frame(thread) : top};
}

} // namespace ui
