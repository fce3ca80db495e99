#include "ui/output_model.h"

#include <algorithm>
#include <string_view>

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

OutputLook OutputLookReader::next(const lab::OutputLineView& line) {
    if (!line.is_stderr)
        return OutputLook::Stdout;
    const std::string_view text = line.text;
    auto in_report = std::find(reporting.begin(), reporting.end(), line.thread);
    const bool starts = text.starts_with("Traceback (most recent call last):") ||
                        text.starts_with("Exception in thread ") || text.starts_with("  File \"");
    if (in_report == reporting.end()) {
        if (!starts)
            return OutputLook::Stderr;
        reporting.push_back(line.thread);
        return OutputLook::Error;
    }
    // Indented lines, blank lines and the links of a chained exception stay in the report; the
    // first other line is the exception itself, which ends it.
    const bool continues = starts || text.empty() || text.starts_with(" ") || text.starts_with("During handling") ||
                           text.starts_with("The above exception");
    if (!continues)
        reporting.erase(in_report);
    return OutputLook::Error;
}

void ReadOutputLooks(const std::vector<lab::OutputLineView>& lines, std::vector<OutputLook>& looks) {
    looks.clear();
    OutputLookReader reader;
    for (const lab::OutputLineView& line : lines)
        looks.push_back(reader.next(line));
}

const char* OutputLookName(OutputLook look) {
    switch (look) {
    case OutputLook::Stdout: return "stdout";
    case OutputLook::Stderr: return "stderr";
    case OutputLook::Error: return "error";
    }
    return "";
}

} // namespace ui
