// The Code window's pure logic: the source split into lines, and where each thread's marker
// goes, in the source (its current line) and in the bytecode (its current instruction).
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "lab/snapshot.h"

namespace ui {

// One thread's marker at a line or an instruction. Several threads can stand on the same one:
// `slot` is its place among them (0 first, by thread id) so the window draws them side by side.
struct CodeMarker {
    int32_t at = 0;                       // the 1-based source line, or the instruction index
    machine::ThreadId thread = machine::kNoThread;
    int32_t frame = 0;                    // index into ThreadView::frames (the program's innermost)
    int32_t slot = 0;
    int32_t slots = 1;                    // how many markers share `at`
};

// `source`'s lines, without their line ends (\n or \r\n); a last line without a newline counts.
void SplitSourceLines(std::string_view source, std::vector<std::string_view>& lines);

// A marker per live thread of `process` at the line its running frame executes, sorted by line
// then thread. Threads without frames (not started, finished) have none.
void PlaceLineMarkers(const lab::LabSnapshot& snap, int32_t process, std::vector<CodeMarker>& out);

// A marker per thread of `process` whose running frame executes code object `code`, at its
// instruction, sorted by instruction then thread.
void PlaceInstructionMarkers(const lab::LabSnapshot& snap, int32_t process, uint32_t code,
                             std::vector<CodeMarker>& out);

// The code object the Code window shows for `thread`: its running frame's; 0 (the module) when
// the thread has no frames or is not in `process`.
uint32_t CodeOfThread(const lab::LabSnapshot& snap, int32_t process, machine::ThreadId thread);

// The markers in `markers` (sorted by `at`) that stand at `at`, as [first, last).
void MarkersAt(const std::vector<CodeMarker>& markers, int32_t at, size_t& first, size_t& last);

// Instruction `ip` of code object `code` in `process`, or null when any of them is out of range.
const lab::Instruction* FindInstruction(const lab::LabSnapshot& snap, int32_t process, uint32_t code,
                                        uint32_t ip);

} // namespace ui
