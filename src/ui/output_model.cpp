#include "ui/output_model.h"

#include <cinttypes>
#include <cstdio>

namespace ui {

const char* FormatOutputTimestamp(char* buf, size_t size, machine::SimTime t) {
    const int64_t micros = t / machine::kMicrosecond;
    std::snprintf(buf, size, "%4" PRId64 ".%06" PRId64 " s", micros / 1000000, micros % 1000000);
    return buf;
}

void SelectOutputLine(const lab::OutputLineView& line, LabSelection& sel) {
    sel.thread = line.thread;
    sel.timeline_time = line.time;
}

bool OutputLineShown(const lab::OutputLineView& line, machine::ThreadId only_thread) {
    return only_thread == machine::kNoThread || line.thread == only_thread;
}

} // namespace ui
