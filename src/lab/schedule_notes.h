// The lab's plain copies of what the explorer says about the schedule a run follows: its
// preemptions with their conflicts, and the decision "you are the scheduler" waits on.
#pragma once
#include <memory>

#include "explore/witness.h"
#include "lab/snapshot.h"

namespace lab {

std::shared_ptr<const ScheduleNotes> schedule_notes_view(const explore::WitnessReplay& witness);
DecisionView decision_view(const explore::Decision& decision);

} // namespace lab
