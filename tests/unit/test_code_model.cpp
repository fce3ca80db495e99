// The Code window's logic: source lines, and where the thread markers stand.
#include <doctest/doctest.h>

#include <string_view>
#include <vector>

#include "ui/code_model.h"

using namespace ui;

namespace {

lab::ThreadView ThreadAt(machine::ThreadId id, int32_t process, uint32_t code, uint32_t ip, int line) {
    lab::ThreadView thread;
    thread.id = id;
    thread.process = process;
    thread.state = machine::ThreadState::Running;
    lab::FrameView module;
    module.function = "<module>";
    module.line = 99; // a caller's line must not get the marker
    thread.frames.push_back(module);
    lab::FrameView running;
    running.code = code;
    running.ip = ip;
    running.line = line;
    thread.frames.push_back(running);
    return thread;
}

} // namespace

TEST_CASE("source lines: newline and CRLF ends, a last line without newline, empty lines kept") {
    std::vector<std::string_view> lines;
    SplitSourceLines("a = 1\r\n\nprint(a)", lines);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "a = 1");
    CHECK(lines[1] == "");
    CHECK(lines[2] == "print(a)");
    SplitSourceLines("x\n", lines);
    CHECK(lines.size() == 1);
}

TEST_CASE("line markers: one per live thread at its running frame's line, side by side when shared") {
    lab::LabSnapshot snap;
    snap.threads.push_back(ThreadAt(0, 0, 0, 5, 10));
    snap.threads.push_back(ThreadAt(1, 0, 1, 3, 4));
    snap.threads.push_back(ThreadAt(2, 0, 1, 3, 4));
    snap.threads.push_back(ThreadAt(3, 0, 1, 7, 4));
    lab::ThreadView finished = ThreadAt(4, 0, 1, 7, 4);
    finished.state = machine::ThreadState::Terminated;
    snap.threads.push_back(finished);
    snap.threads.push_back(ThreadAt(5, 1, 1, 7, 4)); // another process
    lab::ThreadView unstarted;
    unstarted.id = 6;
    unstarted.state = machine::ThreadState::New;
    snap.threads.push_back(unstarted);

    std::vector<CodeMarker> markers;
    PlaceLineMarkers(snap, 0, markers);
    REQUIRE(markers.size() == 4);
    CHECK(markers[0].at == 4);
    CHECK(markers[0].thread == 1);
    CHECK(markers[0].frame == 1);
    CHECK(markers[1].thread == 2);
    CHECK(markers[2].thread == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(markers[size_t(i)].slot == i);
        CHECK(markers[size_t(i)].slots == 3);
    }
    CHECK(markers[3].at == 10);
    CHECK(markers[3].thread == 0);
    CHECK(markers[3].slot == 0);
    CHECK(markers[3].slots == 1);

    size_t first = 0, last = 0;
    MarkersAt(markers, 4, first, last);
    CHECK(first == 0);
    CHECK(last == 3);
    MarkersAt(markers, 5, first, last);
    CHECK(first == last);
}

TEST_CASE("instruction markers: only threads running that code object, at their instruction") {
    lab::LabSnapshot snap;
    snap.threads.push_back(ThreadAt(0, 0, 0, 5, 10));
    snap.threads.push_back(ThreadAt(1, 0, 1, 7, 4));
    snap.threads.push_back(ThreadAt(2, 0, 1, 3, 4));
    std::vector<CodeMarker> markers;
    PlaceInstructionMarkers(snap, 0, 1, markers);
    REQUIRE(markers.size() == 2);
    CHECK(markers[0].at == 3);
    CHECK(markers[0].thread == 2);
    CHECK(markers[1].at == 7);
    CHECK(markers[1].thread == 1);
    CHECK(markers[1].slots == 1);

    CHECK(CodeOfThread(snap, 0, 1) == 1);
    CHECK(CodeOfThread(snap, 1, 1) == 0); // not in that process
    CHECK(CodeOfThread(snap, 0, 17) == 0);
}

TEST_CASE("a frame's instruction is found by process, code object and index") {
    lab::LabSnapshot snap;
    snap.processes.resize(1);
    snap.processes[0].id = 0;
    snap.processes[0].codes.resize(2);
    snap.processes[0].codes[1].instructions.push_back({"LOAD_FAST n", 3, 4});
    const lab::Instruction* found = FindInstruction(snap, 0, 1, 0);
    REQUIRE(found != nullptr);
    CHECK(found->text == "LOAD_FAST n");
    CHECK(FindInstruction(snap, 0, 1, 1) == nullptr);
    CHECK(FindInstruction(snap, 0, 2, 0) == nullptr);
    CHECK(FindInstruction(snap, 1, 1, 0) == nullptr);
}
