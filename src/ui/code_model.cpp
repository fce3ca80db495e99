#include "ui/code_model.h"

#include <algorithm>

#include "ui/threads_model.h"

namespace ui {

void SplitSourceLines(std::string_view source, std::vector<std::string_view>& lines) {
    lines.clear();
    size_t start = 0;
    while (start < source.size()) {
        size_t end = source.find('\n', start);
        if (end == std::string_view::npos)
            end = source.size();
        size_t text_end = end;
        if (text_end > start && source[text_end - 1] == '\r')
            --text_end;
        lines.push_back(source.substr(start, text_end - start));
        start = end + 1;
    }
}

namespace {

// Sorts the markers by position then thread, and numbers the ones sharing a position.
void AssignSlots(std::vector<CodeMarker>& markers) {
    std::sort(markers.begin(), markers.end(), [](const CodeMarker& a, const CodeMarker& b) {
        return a.at != b.at ? a.at < b.at : a.thread < b.thread;
    });
    size_t first = 0;
    while (first < markers.size()) {
        size_t last = first;
        while (last < markers.size() && markers[last].at == markers[first].at)
            ++last;
        for (size_t i = first; i < last; ++i) {
            markers[i].slot = int32_t(i - first);
            markers[i].slots = int32_t(last - first);
        }
        first = last;
    }
}

// The thread's frame in the program's code that a marker shows (under a built-in call it is
// in, the program's frame at that call), or null.
const lab::FrameView* MarkedFrame(const lab::ThreadView& thread, int32_t process) {
    if (thread.process != process || thread.state == machine::ThreadState::Terminated)
        return nullptr;
    return lab::program_frame(thread);
}

int32_t FrameIndex(const lab::ThreadView& thread, const lab::FrameView* frame) {
    return int32_t(frame - thread.frames.data());
}

} // namespace

void PlaceLineMarkers(const lab::LabSnapshot& snap, int32_t process, std::vector<CodeMarker>& out) {
    out.clear();
    for (const lab::ThreadView& thread : snap.threads) {
        const lab::FrameView* frame = MarkedFrame(thread, process);
        if (!frame)
            continue;
        CodeMarker marker;
        marker.at = frame->line;
        marker.thread = thread.id;
        marker.frame = FrameIndex(thread, frame);
        out.push_back(marker);
    }
    AssignSlots(out);
}

void PlaceInstructionMarkers(const lab::LabSnapshot& snap, int32_t process, uint32_t code,
                             std::vector<CodeMarker>& out) {
    out.clear();
    for (const lab::ThreadView& thread : snap.threads) {
        const lab::FrameView* frame = MarkedFrame(thread, process);
        if (!frame || frame->code != code)
            continue;
        CodeMarker marker;
        marker.at = int32_t(frame->ip);
        marker.thread = thread.id;
        marker.frame = FrameIndex(thread, frame);
        out.push_back(marker);
    }
    AssignSlots(out);
}

uint32_t CodeOfThread(const lab::LabSnapshot& snap, int32_t process, machine::ThreadId thread) {
    const lab::ThreadView* view = FindThread(snap, thread);
    const lab::FrameView* frame = view && view->process == process ? lab::program_frame(*view) : nullptr;
    return frame ? frame->code : 0;
}

void MarkersAt(const std::vector<CodeMarker>& markers, int32_t at, size_t& first, size_t& last) {
    const auto range = std::equal_range(markers.begin(), markers.end(), CodeMarker{at},
                                        [](const CodeMarker& a, const CodeMarker& b) { return a.at < b.at; });
    first = size_t(range.first - markers.begin());
    last = size_t(range.second - markers.begin());
}

const lab::Instruction* FindInstruction(const lab::LabSnapshot& snap, int32_t process, uint32_t code,
                                        uint32_t ip) {
    for (const lab::ProcessView& view : snap.processes) {
        if (view.id != process)
            continue;
        if (code >= view.codes.size() || ip >= view.codes[code].instructions.size())
            return nullptr;
        return &view.codes[code].instructions[ip];
    }
    return nullptr;
}

} // namespace ui
