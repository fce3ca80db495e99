// The Threads window's words and look-ups.
#include <doctest/doctest.h>

#include <cstring>
#include <set>
#include <string>

#include "ui/threads_model.h"

using namespace ui;

TEST_CASE("thread states and wait reasons: distinct short codes, each with an explanation") {
    std::set<std::string> codes;
    for (auto state : {machine::ThreadState::New, machine::ThreadState::Ready, machine::ThreadState::Running,
                       machine::ThreadState::Blocked, machine::ThreadState::Terminated}) {
        codes.insert(ThreadStateCode(state));
        CHECK(std::strlen(ThreadStateExplanation(state)) > 20);
    }
    CHECK(codes.size() == 5);

    codes.clear();
    for (int w = int(machine::WaitKind::Sleep); w <= int(machine::WaitKind::Children); ++w) {
        const auto wait = machine::WaitKind(w);
        codes.insert(WaitKindCode(wait));
        CHECK(std::strlen(WaitKindExplanation(wait)) > 20);
    }
    CHECK(codes.size() == size_t(machine::WaitKind::Children));
    CHECK(std::string(WaitKindCode(machine::WaitKind::None)).empty());
    CHECK(std::string(WaitKindCode(machine::WaitKind::Gil)) == "GIL");
}

TEST_CASE("a stale selection finds no thread") {
    lab::LabSnapshot snap;
    snap.threads.resize(2);
    snap.threads[0].id = 0;
    snap.threads[1].id = 1;
    snap.processes.resize(1);
    snap.processes[0].id = 0;
    CHECK(FindThread(snap, 1) == &snap.threads[1]);
    CHECK(FindThread(snap, 2) == nullptr);
    CHECK(FindThread(snap, machine::kNoThread) == nullptr);
    CHECK(FindProcess(snap, 0) == &snap.processes[0]);
    CHECK(FindProcess(snap, 3) == nullptr);
}
