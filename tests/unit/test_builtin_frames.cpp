// The stacks show the program's own code: a call into the lab's built-in modules (written in the
// engine's Python, C functions in CPython) is one built-in frame over the program's frame at the
// call, and every frame's instruction is read in that frame's own code object.
#include <doctest/doctest.h>

#include <string>

#include "lab/capture.h"
#include "python/python_machine.h"
#include "ui/stack_model.h"

namespace {

using machine::RunStatus;

constexpr const char* kBlockedInWith = R"(import threading
import time

lock = threading.Lock()

def worker():
    with lock:
        print("in")

lock.acquire()
t = threading.Thread(target=worker)
t.start()
time.sleep(0.1)
lock.release()
t.join()
)";

constexpr const char* kBlockedInGet = R"(import queue
import threading

q = queue.Queue()

def consumer():
    item = q.get()
    print(item)

t = threading.Thread(target=consumer)
t.start()
import time
time.sleep(0.1)
q.put("done")
t.join()
)";

// Runs `source` until thread 1 is blocked on `wait`, and returns that moment's snapshot.
std::shared_ptr<lab::LabSnapshot> snapshot_when_blocked(const char* source, machine::WaitKind wait) {
    python::PythonRun run(machine::MachineConfig{});
    REQUIRE_FALSE(run.start(source, "test.py").has_value());
    std::shared_ptr<lab::LabSnapshot> snapshot;
    while (run.run(machine::kNever, 20) == RunStatus::Paused) {
        snapshot = lab::capture(run, snapshot.get());
        if (snapshot->threads.size() > 1 && snapshot->threads[1].state == machine::ThreadState::Blocked &&
            snapshot->threads[1].wait == wait)
            return snapshot;
    }
    FAIL("thread 1 never blocked");
    return snapshot;
}

// Every frame of the program's code names its code object, and its instruction is that code's.
void check_frames_resolve_in_their_own_code(const lab::LabSnapshot& snap) {
    for (const lab::ThreadView& thread : snap.threads) {
        const lab::ProcessView& process = snap.processes.at(size_t(thread.process));
        for (const lab::FrameView& frame : thread.frames) {
            CAPTURE(thread.name);
            CAPTURE(frame.function);
            if (frame.builtin) {
                CHECK(frame.code == lab::kNoCode);
                CHECK_FALSE(frame.internals.empty());
                for (const lab::FrameView& inside : frame.internals) {
                    CHECK(inside.code == lab::kNoCode);
                    CHECK(inside.filename.front() == '<');
                    CHECK_FALSE(inside.instruction.empty());
                }
                continue;
            }
            REQUIRE(frame.code < process.codes.size());
            const lab::CodeView& code = process.codes[frame.code];
            CHECK(code.name == frame.function);
            REQUIRE(frame.ip < code.instructions.size());
            CHECK(code.instructions[frame.ip].text == frame.instruction);
            CHECK(code.instructions[frame.ip].line == frame.line);
        }
    }
}

} // namespace

TEST_CASE("a thread blocked in `with lock:` shows its frame at the with line under one built-in Lock.acquire") {
    std::shared_ptr<lab::LabSnapshot> snap = snapshot_when_blocked(kBlockedInWith, machine::WaitKind::Lock);
    const lab::ThreadView& worker = snap->threads[1];
    REQUIRE(worker.frames.size() >= 2);
    const lab::FrameView& top = worker.frames.back();
    CHECK(top.builtin);
    CHECK(top.function == "Lock.acquire");
    CHECK(top.filename == "<threading>");
    // Beneath it, the student's own frame, at the `with`, executing the instruction that entered it.
    const lab::FrameView* own = lab::program_frame(worker);
    REQUIRE(own);
    CHECK(own == &worker.frames[worker.frames.size() - 2]);
    CHECK(own->function == "worker");
    CHECK(own->filename == "test.py");
    CHECK(own->line == 7);
    CHECK(own->instruction.find("WITH") != std::string::npos);
    // Only one built-in frame: the threading module's Thread machinery under worker() is one too.
    int builtins_on_top = 0;
    for (const lab::FrameView& frame : worker.frames)
        builtins_on_top += frame.builtin && &frame > own;
    CHECK(builtins_on_top == 1);
    // The lab's own frames behind it, for the curious: in <threading>, not in the program's code.
    REQUIRE_FALSE(top.internals.empty());
    CHECK(top.internals.front().function == "Lock.acquire");
    CHECK(top.internals.back().filename == "<threading>");
    check_frames_resolve_in_their_own_code(*snap);
}

TEST_CASE("a consumer blocked in q.get() shows one built-in Queue.get over its own frame") {
    std::shared_ptr<lab::LabSnapshot> snap = snapshot_when_blocked(kBlockedInGet, machine::WaitKind::Queue);
    const lab::ThreadView& consumer = snap->threads[1];
    REQUIRE_FALSE(consumer.frames.empty());
    CHECK(consumer.frames.back().builtin);
    CHECK(consumer.frames.back().function == "Queue.get");
    const lab::FrameView* own = lab::program_frame(consumer);
    REQUIRE(own);
    CHECK(own->function == "consumer");
    CHECK(own->line == 7);
    check_frames_resolve_in_their_own_code(*snap);
}

TEST_CASE("the TCB's saved context: the built-in call, and the program's instruction that made it") {
    std::shared_ptr<lab::LabSnapshot> snap = snapshot_when_blocked(kBlockedInWith, machine::WaitKind::Lock);
    const lab::ThreadView& worker = snap->threads[1];
    const ui::SavedContext own = ui::SavedContextOf(worker, false);
    REQUIRE(own.frame);
    REQUIRE(own.instruction);
    CHECK(own.frame->function == "Lock.acquire");
    CHECK(own.frame->builtin);
    CHECK(own.instruction->function == "worker");
    CHECK(own.instruction->instruction.find("WITH") != std::string::npos);
    // With the lab's internals shown: the innermost of them, and its own instruction.
    const ui::SavedContext inside = ui::SavedContextOf(worker, true);
    REQUIRE(inside.frame);
    CHECK_FALSE(inside.frame->builtin);
    CHECK(inside.frame == inside.instruction);
    CHECK(inside.frame->filename == "<threading>");
    CHECK(inside.frame->instruction != own.instruction->instruction);
    // The stacks as drawn: each built-in call, or its own frames in its place.
    const std::vector<const lab::FrameView*> shown = ui::ShownFrames(worker, false);
    CHECK(shown.size() == worker.frames.size());
    const std::vector<const lab::FrameView*> all = ui::ShownFrames(worker, true);
    CHECK(all.size() > shown.size());
    for (const lab::FrameView* frame : all)
        CHECK_FALSE(frame->builtin);
    // The main thread, in the program's module code: its saved context is its own frame.
    const ui::SavedContext main = ui::SavedContextOf(snap->threads[0], false);
    REQUIRE(main.frame);
    CHECK(main.frame->function == "<module>");
    CHECK(main.instruction == main.frame);
}
