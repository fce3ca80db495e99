#include "app/lab_session.h"

#include <algorithm>
#include <chrono>

#include "explore/witness.h"
#include "lab/capture.h"
#include "lab/schedule_notes.h"
#include "machine/trace.h"
#include "python/python_machine.h"
#include "lang/source.h"

namespace app {

namespace {

// While playing, the engine advances and publishes about this often.
constexpr auto kTick = std::chrono::milliseconds(16);
// When idle it still wakes this often (the heartbeat the page watches).
constexpr auto kIdleWake = std::chrono::milliseconds(100);
// Most instructions one tick may execute, so commands are answered within a frame or two
// even at full speed.
constexpr int64_t kInstructionsPerTick = 1'000'000;
// The speedup's baseline run is given up beyond this many instructions, or beyond this many
// times the measured run's wall time (no run on 64 CPUs is faster than that), so a long program
// does not keep the engine busy for a figure.
constexpr int64_t kBaselineMaxInstructions = 50'000'000;
constexpr machine::SimTime kBaselineMaxSlowdown = 100;
// A run's timeline stops growing past this many trace events, so a program left playing cannot
// use up the page's fixed memory: 32 MiB of events, and about as much again for the timeline's
// slices made from them. The run itself goes on.
constexpr uint64_t kMaxTimelineEvents = uint64_t{1} << 20;
constexpr const char* kProgramFile = "program.py";

lab::RunPhase phase_after(machine::RunStatus status, lab::RunPhase playing_or_paused) {
    switch (status) {
    case machine::RunStatus::Paused: return playing_or_paused;
    case machine::RunStatus::Finished: return lab::RunPhase::Finished;
    case machine::RunStatus::Deadlock: return lab::RunPhase::Deadlock;
    case machine::RunStatus::TimeLimit: return lab::RunPhase::TimeLimit;
    }
    return lab::RunPhase::Finished;
}

bool can_run(lab::RunPhase phase) {
    return phase == lab::RunPhase::Ready || phase == lab::RunPhase::Paused || phase == lab::RunPhase::Playing;
}

} // namespace

struct LabSession::Run {
    uint64_t id = 0;
    uint64_t sequence = 0;
    lab::RunPhase phase = lab::RunPhase::Ready;
    // RunTo: full speed until the clock reaches this time (kNever: the run's end); -1: none.
    machine::SimTime run_to = -1;
    // Where playing has brought the simulated clock. The machine's own clock stops at the last
    // event when every thread waits, so the play clock keeps the pace through idle stretches.
    machine::SimTime play_clock = 0;
    // Playing pauses when the machine reaches this many instructions (see lab::kRunBudgetInstructions).
    int64_t budget_end = lab::kRunBudgetInstructions;
    bool budget_paused = false;
    std::string error, compile_error;
    int error_line = 0, error_col = 0;
    // The schedule it follows, telling its preemptions; before python: the machine points at it.
    std::unique_ptr<explore::WitnessReplay> witness;
    uint64_t notes_revision = 0;
    std::shared_ptr<const lab::ScheduleNotes> notes;
    lab::DecisionView decision;  // "you are the scheduler": the pick the run waits for
    std::unique_ptr<python::PythonRun> python;
    // The speedup: the one-thread run to measure once this one finishes, then its result.
    std::optional<config::Baseline> baseline;
    std::unique_ptr<python::PythonRun> baseline_run;
    double speedup = 0;
    std::string baseline_description;
    std::shared_ptr<const lab::LabSnapshot> last;
    std::vector<std::shared_ptr<const lab::TraceChunk>> chunks;
    uint64_t events_copied = 0;
};

LabSession::LabSession() : thread_([this] { loop(); }) {}

LabSession::~LabSession() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void LabSession::send(LabCommand command) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        commands_.push_back(std::move(command));
    }
    wake_.notify_one();
}

void LabSession::set_speed(double sim_ns_per_second) {
    std::lock_guard<std::mutex> lock(mutex_);
    speed_ = std::clamp(sim_ns_per_second, kMinSpeed, kMaxSpeed);
}

std::optional<std::string> LabSession::take_trace_export() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::optional<std::string> json = std::move(trace_export_);
    trace_export_.reset();
    return json;
}

void LabSession::loop() {
    alive_.store(true, std::memory_order_release);
    Run run;
    std::vector<LabCommand> batch;
    auto last_tick = std::chrono::steady_clock::now();
    for (;;) {
        double speed;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            const bool busy = run.phase == lab::RunPhase::Playing || run.baseline;
            auto wait = busy ? kTick : std::chrono::milliseconds(kIdleWake);
            wake_.wait_for(lock, wait, [this] { return stopping_ || !commands_.empty(); });
            if (stopping_)
                break;
            batch.swap(commands_);
            speed = speed_;
        }
        heartbeats_.fetch_add(1, std::memory_order_acq_rel);
        const bool was_playing = run.phase == lab::RunPhase::Playing;
        // A Load replaces the run, so what came before the last one (a dragged slider sends one
        // a frame) would only be thrown away: start there.
        size_t first = 0;
        for (size_t i = 0; i < batch.size(); ++i)
            if (batch[i].kind == LabCommand::Kind::Load)
                first = i;
        for (size_t i = first; i < batch.size(); ++i)
            apply(batch[i], run);
        const auto now = std::chrono::steady_clock::now();
        if (run.phase == lab::RunPhase::Playing) {
            double real_seconds = was_playing ? std::chrono::duration<double>(now - last_tick).count() : 0.0;
            advance(run, std::min(real_seconds, 0.1), speed);
        }
        last_tick = now;
        const bool measuring = run.baseline.has_value();
        if (measuring && run.phase == lab::RunPhase::Finished)
            measure_baseline(run);
        if (!batch.empty() || was_playing || (measuring && !run.baseline))
            publish(run);
        batch.clear();
    }
    alive_.store(false, std::memory_order_release);
}

void LabSession::apply(const LabCommand& command, Run& run) {
    using Kind = LabCommand::Kind;
    switch (command.kind) {
    case Kind::Load: {
        auto python = std::make_unique<python::PythonRun>(command.config);
        if (auto error = python->start(command.source, kProgramFile)) {
            std::string text = lang::format_source_error(*error, kProgramFile, command.source);
            // A half-typed edit must not take the last good program off the screen.
            if (run.python && run.phase != lab::RunPhase::Error) {
                run.compile_error = std::move(text);
            } else {
                run = Run{.id = run.id + 1, .phase = lab::RunPhase::Error};
                run.error = std::move(text);
            }
            run.error_line = error->pos.line;
            run.error_col = error->pos.col;
            break;
        }
        run = Run{.id = run.id + 1};
        run.python = std::move(python);
        run.baseline = command.baseline;
        if (!command.schedule.choices.empty() || command.choosing) {
            run.witness = std::make_unique<explore::WitnessReplay>(*run.python, command.schedule, kProgramFile);
            run.python->machine().set_controller(run.witness.get());
        }
        if (command.choosing)
            wait_for_decision(run, command);
        break;
    }
    case Kind::Play:
    case Kind::RunTo:
        if (!can_run(run.phase))
            break;
        run.decision = {};
        if (run.budget_paused) {
            run.budget_end = run.python->machine().instructions() + lab::kRunBudgetInstructions;
            run.budget_paused = false;
        }
        run.phase = lab::RunPhase::Playing;
        if (command.kind == Kind::RunTo)
            run.run_to = command.until;
        break;
    case Kind::Pause:
        if (run.phase == lab::RunPhase::Playing)
            run.phase = lab::RunPhase::Paused;
        run.run_to = -1;
        break;
    case Kind::StepInstruction:
        run.decision = {};
        if (can_run(run.phase))
            run.phase = phase_after(run.python->run(machine::kNever, 1), lab::RunPhase::Paused);
        break;
    case Kind::StepSlice: {
        if (!can_run(run.phase))
            break;
        run.decision = {};
        // Until a CPU switches threads, or one time slice of simulated time has passed.
        const machine::Machine& machine = run.python->machine();
        const int64_t switches = machine.trace().stats().context_switches;
        const machine::SimTime until = machine.now() + machine.config().scheduler.slice;
        machine::RunStatus status = machine::RunStatus::Paused;
        while (status == machine::RunStatus::Paused && machine.now() < until &&
               machine.trace().stats().context_switches == switches)
            status = run.python->run(until, 64);
        run.phase = phase_after(status, lab::RunPhase::Paused);
        break;
    }
    case Kind::ExportTrace: {
        std::string json = run.python ? machine::chrome_trace_json(run.python->machine().trace()) : std::string();
        std::lock_guard<std::mutex> lock(mutex_);
        trace_export_ = std::move(json);
        break;
    }
    }
}

// "You are the scheduler": the run goes on exactly to the next decision (found by a run of its
// own, from the start: the machine cannot stop in the middle of a choice) and waits there; when
// no decision is left, it plays to its end as the machine decides.
void LabSession::wait_for_decision(Run& run, const LabCommand& load) {
    const std::optional<explore::Decision> decision = explore::next_decision(
        load.source, kProgramFile, load.config, load.schedule, load.choose_after, lab::kRunBudgetInstructions);
    if (!decision) {
        run.phase = lab::RunPhase::Playing;
        run.run_to = machine::kNever;
        return;
    }
    machine::RunStatus status = machine::RunStatus::Paused;
    const machine::Machine& machine = run.python->machine();
    while (status == machine::RunStatus::Paused && machine.instructions() < decision->step)
        status = run.python->run(machine::kNever, decision->step - machine.instructions());
    run.phase = phase_after(status, lab::RunPhase::Paused);
    run.play_clock = machine.now();
    if (run.phase == lab::RunPhase::Paused)
        run.decision = lab::decision_view(*decision);
}

void LabSession::advance(Run& run, double real_seconds, double speed) {
    machine::SimTime until = run.run_to;
    if (run.run_to < 0) {
        const auto step = static_cast<machine::SimTime>(speed * real_seconds);
        run.play_clock = std::max(run.play_clock, run.python->machine().now()) + std::max<machine::SimTime>(step, 1);
        until = run.play_clock;
    }
    const int64_t before = run.python->machine().instructions();
    const int64_t tick = std::min(kInstructionsPerTick, std::max<int64_t>(run.budget_end - before, 1));
    run.phase = phase_after(run.python->run(until, tick), lab::RunPhase::Playing);
    const bool budget_spent = run.python->machine().instructions() - before >= tick;
    if (run.phase == lab::RunPhase::Playing && run.python->machine().instructions() >= run.budget_end) {
        run.phase = lab::RunPhase::Paused;
        run.budget_paused = true;
        run.play_clock = run.python->machine().now();
        run.run_to = -1;
        return;
    }
    if (run.run_to >= 0) {
        // Arrived: paused at exactly that moment, as a link that names it shows it.
        if (run.phase == lab::RunPhase::Playing && !budget_spent) {
            run.phase = lab::RunPhase::Paused;
            run.play_clock = run.run_to;
        }
    } else if (budget_spent) {
        // The instruction budget ran out before `until`: the machine is behind, and playing goes
        // on from where it is (the engine is slower than the chosen speed).
        run.play_clock = run.python->machine().now();
    }
    if (run.phase != lab::RunPhase::Playing)
        run.run_to = -1;
}

void LabSession::publish(Run& run) {
    std::shared_ptr<lab::LabSnapshot> snapshot =
        run.python && run.phase != lab::RunPhase::Error ? lab::capture(*run.python, run.last.get())
                                                         : std::make_shared<lab::LabSnapshot>();
    if (run.python && run.phase != lab::RunPhase::Error) {
        // New trace events since the last snapshot become one more shared, immutable chunk.
        const machine::Trace& trace = run.python->machine().trace();
        const uint64_t recorded = trace.stats().dropped_events + trace.size();
        const uint64_t oldest = recorded - trace.size();
        const uint64_t end = std::min(recorded, kMaxTimelineEvents);
        if (end > run.events_copied) {
            auto chunk = std::make_shared<lab::TraceChunk>();
            for (uint64_t n = std::max(run.events_copied, oldest); n < end; ++n)
                chunk->push_back(trace.at(static_cast<size_t>(n - oldest)));
            run.chunks.push_back(std::move(chunk));
            run.events_copied = end;
        }
        if (run.phase == lab::RunPhase::Deadlock)
            run.error = run.python->machine().describe_deadlock();
    }
    if (run.phase == lab::RunPhase::Playing || run.phase == lab::RunPhase::Paused)
        snapshot->now = std::max(snapshot->now, run.play_clock);
    snapshot->run_id = run.id;
    snapshot->sequence = ++run.sequence;
    snapshot->phase = run.phase;
    snapshot->error = run.error;
    snapshot->compile_error = run.compile_error;
    snapshot->error_line = run.error_line;
    snapshot->error_col = run.error_col;
    snapshot->budget_paused = run.budget_paused;
    snapshot->budget_instructions = run.budget_end;
    snapshot->trace_chunks = run.chunks;
    snapshot->trace_events = run.events_copied;
    snapshot->trace_full = run.events_copied >= kMaxTimelineEvents;
    if (run.witness && (!run.notes || run.witness->revision() != run.notes_revision)) {
        run.notes = lab::schedule_notes_view(*run.witness);
        run.notes_revision = run.witness->revision();
    }
    snapshot->schedule_notes = run.notes;
    snapshot->decision = run.decision;
    if (run.speedup > 0) {
        snapshot->stats.speedup = run.speedup;
        snapshot->stats.baseline = run.baseline_description;
    }
    run.last = snapshot;
    channel_.publish(std::move(snapshot));
}

// Runs the finished run's baseline a tick's worth of instructions further; when it ends, the
// speedup is its wall time over the run's. A run that had one thread is its own baseline, and
// a baseline past its caps gives no figure.
void LabSession::measure_baseline(Run& run) {
    const machine::Machine& measured = run.python->machine();
    if (!run.baseline_run) {
        if (measured.thread_count() <= 1) {
            run.baseline.reset();
            return;
        }
        machine::MachineConfig config = run.baseline->machine;
        config.max_time = std::min(config.max_time, measured.now() * kBaselineMaxSlowdown + machine::kMillisecond);
        // Only its clock is read: a trace of its own would hold another 16 MiB of events in the
        // page's fixed memory while the measured run keeps its own.
        config.trace = {.max_events = 1, .max_output_lines = 1, .max_output_bytes = 0};
        run.baseline_run = std::make_unique<python::PythonRun>(config);
        if (run.baseline_run->start(run.baseline->source, kProgramFile)) {
            run.baseline.reset();
            run.baseline_run.reset();
            return;
        }
    }
    const machine::RunStatus status = run.baseline_run->run(machine::kNever, kInstructionsPerTick);
    const machine::Machine& baseline = run.baseline_run->machine();
    if (status == machine::RunStatus::Paused && baseline.instructions() < kBaselineMaxInstructions)
        return;
    if (status == machine::RunStatus::Finished && measured.now() > 0) {
        run.speedup = double(baseline.now()) / double(measured.now());
        run.baseline_description = run.baseline->description;
    }
    run.baseline.reset();
    run.baseline_run.reset();
}

} // namespace app
