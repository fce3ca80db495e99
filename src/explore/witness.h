// A schedule replayed with its story told, and the choices of "you are the scheduler".
//
// WitnessReplay steers a run through a schedule (as machine::ScheduleReplay does) and notes each
// preemption it makes: who was preempted after which instruction, who ran, and the pair of
// conflicting accesses that makes it matter: after the preemption, another thread touches a
// global, an attribute, a container, a cell or a lock that the preempted thread touches once it
// runs again, one of the two writing it (the read of a stale counter before the write that
// would have kept it whole). The lab draws the notes on the timeline.
//
// next_decision finds where the user picks next in "you are the scheduler": the first choice
// point after a step where another thread could run and where it matters: the CPU picks a
// thread anyway, or the running thread's next step is in the program's own code and touches
// shared state (preempting it before a step that touches only its own frame gives the same
// runs as before the next one that does; inside a module such as threading it teaches nothing).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include "explore/footprint.h"
#include "explore/witness_words.h"
#include "machine/machine.h"
#include "machine/schedule.h"

namespace python {
class PythonRun;
}

namespace explore {

// One side of a conflict: a thread's step that touched the shared state.
struct AccessNote {
    machine::ThreadId thread = machine::kNoThread;
    bool write = false;
    machine::SimTime time = 0;
    uint64_t trace_event = 0;  // events the trace had recorded before the step: where the timeline puts it
    InstructionPlace at;       // LOAD_GLOBAL counter, line 9
};

struct PreemptionNote {
    int64_t step = 0;
    machine::SimTime time = 0;
    uint64_t trace_event = 0;
    machine::ThreadId preempted = machine::kNoThread;
    machine::ThreadId ran = machine::kNoThread;
    // The conflict that makes it matter: `first` by another thread while the preempted one
    // waited, `second` by the preempted one once it ran again; absent (thread kNoThread) when
    // none was seen.
    AccessNote first, second;
    // The same in words' parts: word_preemption() gives "Thread-2 (increment) was preempted after
    // LOAD_ATTR value, line 17, and Thread-1 (increment) ran", word_conflict() "Thread-1
    // (increment) read `counter` (LOAD_GLOBAL counter, line 9) before Thread-2 (increment) wrote
    // it (STORE_GLOBAL counter, line 9)".
    PreemptionParts parts;
    bool has_conflict() const { return second.thread != machine::kNoThread; }
};

class WitnessReplay final : public machine::ScheduleController {
public:
    WitnessReplay(const python::PythonRun& run, machine::Schedule schedule, std::string filename);
    machine::ThreadId choose(const machine::ChoicePoint& point) override;
    void on_request(machine::ThreadId thread, const machine::Request& request) override;
    const std::vector<PreemptionNote>& notes() const { return notes_; }
    // Grows whenever a note is added or its conflict found: a viewer copies the notes again then.
    uint64_t revision() const { return revision_; }

private:
    struct Open {  // a preemption whose conflict is still to be found
        size_t note = 0;
        struct Seen {
            AccessNote any, write;  // the first access of another thread, and its first write
        };
        std::unordered_map<uint64_t, Seen> others;
    };
    void look_at(machine::ThreadId thread, const std::vector<Access>& accesses, const machine::ChoicePoint* point);

    const python::PythonRun& run_;
    machine::ScheduleReplay replay_;
    std::string filename_;
    std::vector<PreemptionNote> notes_;
    std::vector<Open> open_;
    std::vector<Access> footprint_;
    uint64_t revision_ = 0;
};

// Where the user picks next: the thread that would run, and the others that could.
struct Decision {
    int64_t step = 0;
    machine::ThreadId current = machine::kNoThread;
    bool fresh = false;                      // a pick of another thread here preempts no one
    std::vector<machine::ThreadId> threads;  // every thread that may run here, ascending ids
    std::vector<InstructionPlace> next;      // what each of them executes next
};

// The first decision after step `after` (-1: from the start) of the run that follows `schedule`;
// nullopt when the run ends first (or runs `max_steps` instructions).
std::optional<Decision> next_decision(std::string_view source, std::string_view filename,
                                      const machine::MachineConfig& config, const machine::Schedule& schedule,
                                      int64_t after, int64_t max_steps);

} // namespace explore
