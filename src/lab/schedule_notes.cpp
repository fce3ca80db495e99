#include "lab/schedule_notes.h"

namespace lab {

namespace {

ScheduleAccessView access_view(const explore::AccessNote& a) {
    return {a.thread, a.write, a.time};
}

} // namespace

std::shared_ptr<const ScheduleNotes> schedule_notes_view(const explore::WitnessReplay& witness) {
    auto notes = std::make_shared<ScheduleNotes>();
    for (const explore::PreemptionNote& n : witness.notes())
        notes->push_back({n.time, n.preempted, n.ran, access_view(n.first), access_view(n.second), n.parts});
    return notes;
}

DecisionView decision_view(const explore::Decision& d) {
    return {true, d.step, d.current, d.fresh, {d.threads.begin(), d.threads.end()}, d.next};
}

} // namespace lab
