// Sections: the witness replay | the next decision
#include "explore/witness.h"

#include <algorithm>
#include "python/interpreter.h"
#include "python/python_machine.h"

namespace explore {

using machine::ChoicePoint;
using machine::ThreadId;
using machine::kNoThread;

namespace {

// Keys remembered per open preemption: a thread that touches thousands of objects while the
// preempted one waits does not grow the replay without bound.
constexpr size_t kMaxKeysPerPreemption = 4096;

uint64_t events_recorded(const machine::Machine& m) {
    return m.trace().stats().dropped_events + m.trace().size();
}

} // namespace

// ---- The witness replay ------------------------------------------------------------------------

WitnessReplay::WitnessReplay(const python::PythonRun& run, machine::Schedule schedule, std::string filename)
    : run_(run), replay_(std::move(schedule)), filename_(std::move(filename)) {}

ThreadId WitnessReplay::choose(const ChoicePoint& p) {
    const ThreadId chosen = replay_.choose(p);
    if (chosen != p.current) {
        if (!p.fresh) {
            const machine::Machine& m = run_.machine();
            PreemptionNote note;
            note.step = p.step;
            note.time = m.now();
            note.trace_event = events_recorded(m);
            note.preempted = p.current;
            note.ran = chosen;
            note.parts.preempted = m.thread(p.current).name;
            note.parts.ran = m.thread(chosen).name;
            note.parts.after = instruction_place(run_, p.current, filename_, false);
            notes_.push_back(std::move(note));
            open_.push_back({notes_.size() - 1, {}});
            ++revision_;
        }
        return chosen;
    }
    if (!open_.empty()) {
        next_step_footprint(run_.python_thread(p.current), footprint_);
        look_at(p.current, footprint_, &p);
    }
    return chosen;
}

void WitnessReplay::on_request(ThreadId thread, const machine::Request& request) {
    if (open_.empty() || request.kind != machine::RequestKind::Sync)
        return;
    footprint_.assign(1, Access{sync_key(request.target), true, {}});
    look_at(thread, footprint_, nullptr);
}

// `thread` makes `accesses`: before its next instruction (`point` set) or in the request of the
// one it just executed (a lock operation).
void WitnessReplay::look_at(ThreadId thread, const std::vector<Access>& accesses, const ChoicePoint* point) {
    if (accesses.empty())
        return;
    const machine::Machine& m = run_.machine();
    const auto note_of = [&](const Access& a) {
        return AccessNote{thread, a.write, m.now(), events_recorded(m),
                          instruction_place(run_, thread, filename_, point != nullptr)};
    };
    for (size_t i = 0; i < open_.size();) {
        Open& open = open_[i];
        PreemptionNote& note = notes_[open.note];
        bool found = false;
        for (const Access& a : accesses) {
            if (thread != note.preempted) {
                auto seen = open.others.find(a.key);
                if (seen == open.others.end()) {
                    if (open.others.size() >= kMaxKeysPerPreemption)
                        continue;
                    seen = open.others.emplace(a.key, Open::Seen{}).first;
                }
                if (seen->second.any.thread == kNoThread)
                    seen->second.any = note_of(a);
                if (a.write && seen->second.write.thread == kNoThread)
                    seen->second.write = note_of(a);
                continue;
            }
            auto seen = open.others.find(a.key);
            if (seen == open.others.end())
                continue;
            // A write conflicts with the other's first access; a read only with its first write.
            const AccessNote& other = a.write ? seen->second.any : seen->second.write;
            if (other.thread == kNoThread)
                continue;
            note.first = other;
            note.second = note_of(a);
            note.parts.has_conflict = true;
            note.parts.first = {m.thread(other.thread).name, other.write, other.at};
            note.parts.second = {m.thread(thread).name, a.write, note.second.at};
            note.parts.object = std::string(a.name);
            note.parts.lock = a.name.empty() && !point;
            found = true;
            break;
        }
        if (found) {
            ++revision_;
            open_.erase(open_.begin() + static_cast<ptrdiff_t>(i));
        } else
            ++i;
    }
}

// ---- The next decision -------------------------------------------------------------------------

namespace {

class DecisionFinder final : public machine::ScheduleController {
public:
    DecisionFinder(const python::PythonRun& run, const machine::Schedule& schedule, int64_t after,
                   std::string_view filename)
        : run_(run), replay_(schedule), after_(after), filename_(filename) {}

    ThreadId choose(const ChoicePoint& p) override {
        const ThreadId chosen = replay_.choose(p);
        if (found || p.step <= after_ || p.others.empty() || chosen != p.current)
            return chosen;
        if (!p.fresh && !at_shared_step_of_program(p.current))
            return chosen;
        found = true;
        decision.step = p.step;
        decision.current = p.current;
        decision.fresh = p.fresh;
        decision.threads.assign(p.others.begin(), p.others.end());
        decision.threads.insert(std::lower_bound(decision.threads.begin(), decision.threads.end(), p.current), p.current);
        for (ThreadId t : decision.threads)
            decision.next.push_back(instruction_place(run_, t, filename_, true));
        return chosen;
    }

    bool found = false;
    Decision decision;

private:
    // The thread's next step is in the program's own code (not inside a module such as
    // threading) and touches shared state.
    bool at_shared_step_of_program(ThreadId thread) {
        const python::Thread* t = run_.python_thread(thread);
        if (!t || t->frames.empty() || t->frames.back().is_native() || !t->frames.back().code ||
            t->frames.back().code->source->filename != filename_)
            return false;
        next_step_footprint(t, footprint_);
        return !footprint_.empty();
    }

    const python::PythonRun& run_;
    machine::ScheduleReplay replay_;
    int64_t after_;
    std::string filename_;
    std::vector<Access> footprint_;
};

} // namespace

std::optional<Decision> next_decision(std::string_view source, std::string_view filename,
                                      const machine::MachineConfig& config, const machine::Schedule& schedule,
                                      int64_t after, int64_t max_steps) {
    machine::MachineConfig quiet = config;
    quiet.trace.max_events = 1024;  // the decision needs the threads, not the events
    python::PythonRun run(quiet);
    if (run.start(source, filename))
        return std::nullopt;
    DecisionFinder finder(run, schedule, after, filename);
    run.machine().set_controller(&finder);
    // In slices, so the search stops soon after the decision (what follows it is not needed).
    constexpr int64_t kSlice = 256;
    while (!finder.found && run.machine().instructions() < max_steps &&
           run.run(machine::kNever, kSlice) == machine::RunStatus::Paused) {
    }
    run.machine().set_controller(nullptr);
    if (!finder.found)
        return std::nullopt;
    return std::move(finder.decision);
}

} // namespace explore
