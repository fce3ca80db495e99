#include "ui/threads_model.h"

#include <algorithm>

#include "ui/strings.h"

namespace ui {

const char* ThreadStateCode(machine::ThreadState state) {
    switch (state) {
    case machine::ThreadState::New: return "NEW";
    case machine::ThreadState::Ready: return "RDY";
    case machine::ThreadState::Running: return "RUN";
    case machine::ThreadState::Blocked: return "BLK";
    case machine::ThreadState::Terminated: return "END";
    }
    return "?";
}

// In the page's language (ui/strings.h): the rows follow ThreadState's order.
const char* ThreadStateExplanation(machine::ThreadState state) {
    return Tr(Str(size_t(Str::ExplainNew) + size_t(state)));
}

const char* WaitKindCode(machine::WaitKind wait) {
    switch (wait) {
    case machine::WaitKind::None: return "";
    case machine::WaitKind::Sleep: return "SLEEP";
    case machine::WaitKind::Io: return "IO";
    case machine::WaitKind::Join: return "JOIN";
    case machine::WaitKind::Gil: return "GIL";
    case machine::WaitKind::Lock: return "LOCK";
    case machine::WaitKind::Semaphore: return "SEM";
    case machine::WaitKind::Event: return "EVENT";
    case machine::WaitKind::Condition: return "COND";
    case machine::WaitKind::Barrier: return "BARRIER";
    case machine::WaitKind::Queue: return "QUEUE";
    case machine::WaitKind::Children: return "CHILDREN";
    }
    return "?";
}

// In WaitKind's order, like the states.
const char* WaitKindExplanation(machine::WaitKind wait) {
    return Tr(Str(size_t(Str::ExplainWaitNone) + size_t(wait)));
}

const lab::ThreadView* FindThread(const lab::LabSnapshot& snap, machine::ThreadId id) {
    // In id order, with old terminated threads left out (lab::LabSnapshot::threads); a stale
    // selection from a previous run finds nothing.
    auto found = std::lower_bound(snap.threads.begin(), snap.threads.end(), id,
                                  [](const lab::ThreadView& t, machine::ThreadId wanted) { return t.id < wanted; });
    return found != snap.threads.end() && found->id == id ? &*found : nullptr;
}

const lab::ProcessView* FindProcess(const lab::LabSnapshot& snap, int32_t id) {
    for (const lab::ProcessView& process : snap.processes)
        if (process.id == id)
            return &process;
    return nullptr;
}

} // namespace ui
