// Schedules: the machine's scheduling choices, made from outside.
//
// Without a controller the machine decides alone (its run queue, the GIL's waiter queue, its
// timers): that is the default schedule. With one (Machine::set_controller) it stops before
// every instruction that a thread is about to execute while another thread could run instead,
// and asks the controller which one runs. Every such choice point is named by the machine's
// instruction count at that moment, which the same program, configuration and earlier choices
// reproduce exactly, natively and in WebAssembly.
//
// A Schedule is the list of choices that differ from the default: "before instruction 412, run
// thread 2". Its text form, used by `threadlab run --schedule` and the permalink, is
// "412:2,530:1" (ascending steps; the empty text is the default schedule).
//
// A choice at a point where the current thread has not executed since it got the CPU is free
// (the CPU was going to pick some thread anyway); any other choice of another thread preempts
// the current one, and counts as a preemption.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include "machine/sim_time.h"

namespace machine {

struct Request;

struct ScheduleChoice {
    int64_t step = 0;           // the machine's instruction count at the choice point
    ThreadId thread = kNoThread;  // the thread that runs there
    bool operator==(const ScheduleChoice&) const = default;
};

struct Schedule {
    std::vector<ScheduleChoice> choices;  // ascending steps
    bool operator==(const Schedule&) const = default;
};

std::string format_schedule(const Schedule& schedule);
// Strict: every choice "STEP:THREAD" with steps strictly ascending; nullopt (and `error` saying
// which part is wrong) otherwise.
std::optional<Schedule> parse_schedule(std::string_view text, std::string& error);

// Where the machine asks.
struct ChoicePoint {
    int64_t step = 0;                 // the machine's instruction count: before this instruction
    CpuId cpu = kNoCpu;
    ThreadId current = kNoThread;     // holds the CPU (and the GIL) and is about to execute
    bool fresh = false;               // current has not executed since it got the CPU: no preemption
    std::span<const ThreadId> others; // the threads that could run instead, ascending ids
};

class ScheduleController {
public:
    virtual ~ScheduleController() = default;
    // Called before every instruction a thread executes (`others` empty: nothing else could run
    // there, and this is no choice), and before each batch of instructions while the machine has
    // only its first thread. Returns point.current or one of point.others.
    virtual ThreadId choose(const ChoicePoint& point) = 0;
    // `thread` ended its last instruction with this request to the kernel (before the machine
    // handles it): lock operations, joins, spawns, for a controller that tracks what threads touch.
    virtual void on_request(ThreadId /*thread*/, const Request& /*request*/) {}
};

// Replays a schedule: at each of its steps, the thread it names (when that thread can run
// there), the default everywhere else.
class ScheduleReplay : public ScheduleController {
public:
    explicit ScheduleReplay(Schedule schedule) : schedule_(std::move(schedule)) {}
    ThreadId choose(const ChoicePoint& point) override;
    // Choices of the schedule that could not be made: their step was no choice point of this
    // run, or their thread could not run there (a schedule of another program or config).
    size_t missed() const;
    // How many of the schedule's choices the run has passed so far.
    size_t passed() const { return next_; }

private:
    Schedule schedule_;
    size_t next_ = 0;
    size_t made_ = 0;
};

} // namespace machine
