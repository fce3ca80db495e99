// Sections: setup | the run loop | threads and processes | CPUs and scheduling | the GIL |
//           requests and timers | the busy-CPU tournament tree | reports
#include "machine/machine.h"

#include <algorithm>
#include <bit>
#include <utility>

namespace machine {

namespace {

constexpr int64_t kMaxBatch = int64_t{1} << 30;

WaitKind wait_kind_for(SyncKind kind) {
    switch (kind) {
    case SyncKind::Lock:
    case SyncKind::RLock: return WaitKind::Lock;
    case SyncKind::Semaphore:
    case SyncKind::BoundedSemaphore: return WaitKind::Semaphore;
    case SyncKind::Event: return WaitKind::Event;
    case SyncKind::Condition: return WaitKind::Condition;
    case SyncKind::Barrier: return WaitKind::Barrier;
    case SyncKind::WaitQueue: return WaitKind::Queue;
    }
    return WaitKind::Lock;
}

SimTime saturating_add(SimTime a, SimTime b) {
    return b >= kNever - a ? kNever : a + b;
}

// "12.345 ms": milliseconds with microsecond decimals, from integer nanoseconds.
std::string millis(SimTime ns) {
    const SimTime us = ns / 1000;
    std::string frac = std::to_string(us % 1000);
    return std::to_string(us / 1000) + "." + std::string(3 - frac.size(), '0') + frac + " ms";
}

// At least one space after the text, however long it is.
std::string padded(std::string text, size_t width) {
    text.append(text.size() < width ? width - text.size() : 1, ' ');
    return text;
}

// What a thread called `name` takes of the run's thread table.
uint64_t thread_record_bytes(std::string_view name) { return kThreadRecordBytes + 3 * name.size(); }

} // namespace

const char* run_status_name(RunStatus status) {
    switch (status) {
    case RunStatus::Paused: return "paused";
    case RunStatus::Finished: return "finished";
    case RunStatus::Deadlock: return "deadlock";
    case RunStatus::TimeLimit: return "time limit";
    }
    return "?";
}

// ---- Setup -------------------------------------------------------------------------------------

Machine::Machine(const MachineConfig& config)
    : config_(config),
      scheduler_(config.scheduler),
      trace_(std::clamp(config.cpus, 1, kMaxCpus), config.trace),
      random_(config.seed) {
    config_.cpus = std::clamp(config_.cpus, 1, kMaxCpus);
    config_.bytecode_cost = std::max<SimTime>(config_.bytecode_cost, 1);
    config_.sync_window = std::max<SimTime>(config_.sync_window, 0);
    cpus_.resize(config_.cpus);
    while (leaves_ < config_.cpus)
        leaves_ *= 2;
    tree_.assign(2 * leaves_, kNoCpu);
    idle_mask_ = config_.cpus == 64 ? ~uint64_t{0} : (uint64_t{1} << config_.cpus) - 1;
}

ThreadId Machine::start_process(std::string name, std::unique_ptr<ThreadProgram> main, SimTime arrival,
                                int priority) {
    const ProcessId p = new_process(std::move(name));
    const ThreadId t = new_thread(p, "MainThread", std::move(main), false, priority, kNoThread);
    processes_[p].main_thread = t;
    threads_[t].is_main = true;
    record(TraceKind::ProcessStart, t, p);
    if (arrival > now_)
        push_timer(arrival, TimerKind::ThreadStart, t);
    else
        make_ready(t, ReadyReason::Started, kNoThread);
    return t;
}

SyncId Machine::create_sync(SyncKind kind, int64_t initial, SyncId lock) {
    return sync_.create(kind, initial, lock);
}

// ---- The run loop ------------------------------------------------------------------------------

RunStatus Machine::run(SimTime until, int64_t max_instructions) {
    int64_t budget = max_instructions;
    while (status_ == RunStatus::Paused) {
        const CpuId c = earliest_cpu();
        const SimTime cpu_time = c == kNoCpu ? kNever : cpus_[c].time;
        const SimTime timer_time = timers_.empty() ? kNever : timers_.top().time;
        if (c == kNoCpu && live_threads_ > 0 && blocked_forever_ == live_threads_) {
            end_run(RunStatus::Deadlock, now_);
            break;
        }
        const SimTime next = std::min(cpu_time, timer_time);
        if (next == kNever) {  // nothing alive (no process was started)
            end_run(RunStatus::Finished, now_);
            break;
        }
        if (next >= config_.max_time) {
            end_run(RunStatus::TimeLimit, config_.max_time);
            break;
        }
        if (next >= until || budget <= 0)
            return RunStatus::Paused;
        if (timer_time <= cpu_time) {
            const Timer timer = timers_.top();
            timers_.pop();
            now_ = timer.time;
            handle_timer(timer);
            continue;
        }
        step_cpu(c, timer_time, until, budget);
    }
    return status_;
}

// CPU c is the furthest behind, so what its last batch did can take effect now: the time its
// thread ran counts against its MLFQ allotment, and its request is handled. True when a
// request was handled (the thread may have left the CPU).
bool Machine::settle(CpuId c) {
    Cpu& cpu = cpus_[c];
    now_ = cpu.time;
    const ThreadId t = cpu.thread;
    if (cpu.uncharged > 0 && scheduler_.charge(t, std::exchange(cpu.uncharged, 0)))
        record(TraceKind::MlfqDemote, t, scheduler_.level(t), -1, 0, 0, c);
    if (cpu.pending.kind == RequestKind::None)
        return false;
    handle_request(c, std::exchange(cpu.pending, Request{}));
    return true;
}

void Machine::step_cpu(CpuId c, SimTime next_timer, SimTime until, int64_t& instruction_budget) {
    if (settle(c))
        return;
    const ThreadId t = cpus_[c].thread;
    if (cpus_[c].interrupt_at <= now_) {
        cpus_[c].interrupt_at = kNever;
        if (scheduler_.should_preempt(t)) {
            preempt(c, StopReason::Preempted, ReadyReason::Preempted, true);
            return;
        }
    }
    if (cpus_[c].slice_end <= now_) {
        if (scheduler_.switch_at_slice_end(t)) {
            preempt(c, StopReason::SliceExpired, ReadyReason::SliceExpired, false);
            return;
        }
        cpus_[c].slice_end = saturating_add(now_, scheduler_.slice_for(t));
    }
    const Process& p = processes_[threads_[t].process];
    if (p.gil_enabled) {
        if (!threads_[t].holds_gil && !take_gil(c))
            return;
        if (p.gil.drop_request() && p.gil.has_waiters()) {
            drop_gil_for_switch(c);
            return;
        }
    }

    if (controller_ && offer_choice(c))
        return;

    Cpu& cpu = cpus_[c];
    SimTime bound = std::min({next_timer, cpu.slice_end, cpu.interrupt_at, until, config_.max_time});
    const CpuId other = earliest_other(c);
    if (other != kNoCpu)
        bound = std::min(bound, saturating_add(cpus_[other].time, window_for(c)));
    const SimTime cost = config_.bytecode_cost;
    const SimTime span = bound - now_;
    // Lockstep CPUs ask for one instruction at a time: spare them the division.
    int64_t n = span <= cost ? 1 : bound == kNever ? kMaxBatch : (span + cost - 1) / cost;
    n = std::clamp<int64_t>(n, 1, std::min(kMaxBatch, std::max<int64_t>(instruction_budget, 1)));
    // Every instruction boundary is a choice point, except while the machine has its first thread
    // alone (a program's imports): no other thread exists to run instead, and the next one comes
    // with a request, which ends the batch.
    if (controller_ && threads_.size() > 1)
        n = 1;

    Thread& th = threads_[t];
    RunResult result = th.program->run(n, th.resume_with);
    th.resume_with = {};
    cpu.fresh = false;
    if (controller_ && result.request.kind != RequestKind::None)
        controller_->on_request(t, result.request);
    const SimTime ran = result.executed * cost;
    th.instructions += result.executed;
    th.cpu_time += ran;
    instructions_ += result.executed;
    instruction_budget -= result.executed;
    cpu.time += ran;
    cpu.uncharged += ran;
    if (result.request.kind != RequestKind::None)
        cpu.pending = std::move(result.request);
    update_cpu(c);
    // Still no CPU behind this one: settle at once rather than on its next turn.
    const CpuId behind_it = earliest_other(c);
    if (behind_it == kNoCpu || !behind(behind_it, c))
        settle(c);
}

// ---- Threads and processes ---------------------------------------------------------------------

ProcessId Machine::new_process(std::string name) {
    Process p;
    p.id = static_cast<ProcessId>(processes_.size());
    p.name = std::move(name);
    p.gil_enabled = config_.gil;
    p.switch_interval = config_.switch_interval;
    trace_.name_process(p.id, p.name);
    processes_.push_back(std::move(p));
    ++live_processes_;
    return static_cast<ProcessId>(processes_.size() - 1);
}

ThreadId Machine::new_thread(ProcessId process, std::string name, std::unique_ptr<ThreadProgram> program,
                             bool daemon, int priority, ThreadId creator) {
    // Charged for the name thread_limit_reached was asked about (a default one fits the record).
    thread_table_bytes_ += thread_record_bytes(name);
    Thread th;
    th.id = static_cast<ThreadId>(threads_.size());
    th.process = process;
    th.name = name.empty() ? "Thread-" + std::to_string(th.id) : std::move(name);
    th.daemon = daemon;
    th.priority = std::clamp(priority, kMinPriority, kMaxPriority);
    th.created_at = now_;
    th.creator = creator;
    th.program = std::move(program);
    trace_.name_thread(th.id, process, th.name);
    scheduler_.add_thread(th.id, th.priority);
    const ThreadId id = th.id;
    threads_.push_back(std::move(th));
    threads_[id].program->on_created(id);
    Process& p = processes_[process];
    ++p.live_threads;
    ++live_threads_;
    if (!daemon && creator != kNoThread && threads_[creator].process == process)
        ++p.live_non_daemon_others;
    record(TraceKind::ThreadCreate, id, process, creator);
    if (scheduler_.config().policy == Policy::Mlfq && !boost_armed_) {
        boost_armed_ = true;
        push_timer(saturating_add(now_, scheduler_.config().mlfq_boost_period), TimerKind::MlfqBoost, kNoThread);
    }
    return id;
}

void Machine::terminate(ThreadId t) {
    Thread& th = threads_[t];
    th.state = ThreadState::Terminated;
    th.finished_at = now_;
    record(TraceKind::ThreadExit, t);
    for (ThreadId joiner : th.joiners)
        wake(joiner, {KernelError::None, 1}, ReadyReason::Woke, t);
    // Nothing of a finished thread is needed to run on: threads started and finished one after
    // another should take no more memory than their TCBs.
    std::vector<ThreadId>().swap(threads_[t].joiners);
    if (threads_[t].program)
        threads_[t].program->on_exit();
    --processes_[threads_[t].process].live_threads;
    --live_threads_;
}

void Machine::end_process(ProcessId pid) {
    const ThreadId main = processes_[pid].main_thread;
    if (threads_[main].state == ThreadState::Blocked) {  // it was waiting for its non-daemon threads
        ++threads_[main].wait_token;
        --blocked_forever_;
        threads_[main].wait = WaitKind::None;
        terminate(main);
    }
    std::vector<CpuId> freed;
    for (ThreadId t = 0; t < static_cast<ThreadId>(threads_.size()); ++t)
        if (threads_[t].process == pid && threads_[t].state != ThreadState::Terminated)
            kill(t, freed);
    Process& p = processes_[pid];
    p.exited = true;
    p.main_waiting = false;
    record(TraceKind::ProcessExit, main, pid);
    if (--live_processes_ == 0) {
        end_run(RunStatus::Finished, now_);
        return;
    }
    for (CpuId c : freed)
        schedule_cpu(c);
}

void Machine::kill(ThreadId t, std::vector<CpuId>& freed) {
    Thread& th = threads_[t];
    const ThreadState was = th.state;
    Process& p = processes_[th.process];
    switch (was) {
    case ThreadState::Running: {
        const CpuId c = th.cpu;
        cpus_[c].time = now_;  // instructions it ran beyond the process's end never happened
        vacate_cpu(c, StopReason::Killed);
        freed.push_back(c);
        break;
    }
    case ThreadState::Ready: scheduler_.remove(t); break;
    case ThreadState::Blocked:
        sync_.forget(t);
        p.gil.forget(t);
        if (th.wait_deadline == kNever)
            --blocked_forever_;
        ++th.wait_token;
        break;
    case ThreadState::New:
    case ThreadState::Terminated: break;
    }
    if (th.holds_gil) {
        p.gil.release();
        th.holds_gil = false;
        record(TraceKind::GilRelease, t, th.process, -1, static_cast<uint8_t>(GilReleaseReason::Exited));
    }
    th.state = ThreadState::Terminated;
    th.wait = WaitKind::None;
    th.finished_at = now_;
    record(TraceKind::ThreadKill, t, -1, -1, static_cast<uint8_t>(was));
    --p.live_threads;
    --live_threads_;
}

void Machine::end_run(RunStatus status, SimTime time) {
    flush_output(kNever);
    now_ = time;
    if (status == RunStatus::Deadlock)
        build_deadlock_report();
    status_ = status;
    trace_.finish(time, static_cast<uint8_t>(status));
}

// ---- CPUs and scheduling -----------------------------------------------------------------------

SimTime Machine::window_for(CpuId c) const {
    const Process& p = processes_[threads_[cpus_[c].thread].process];
    return !p.gil_enabled && p.running > 1 ? 0 : config_.sync_window;
}

void Machine::dispatch(CpuId c, ThreadId t) {
    Cpu& cpu = cpus_[c];
    Thread& th = threads_[t];
    const SimTime start = std::max(now_, cpu.time);
    cpu.thread = t;
    const bool other_process = cpu.process >= 0 && cpu.process != th.process;
    cpu.time = start + config_.context_switch_cost + (other_process ? config_.process_switch_cost : 0);
    cpu.process = th.process;
    cpu.slice_end = saturating_add(cpu.time, scheduler_.slice_for(t));
    cpu.interrupt_at = kNever;
    cpu.fresh = true;
    idle_mask_ &= ~(uint64_t{1} << c);
    record(TraceKind::ThreadRun, t, -1, th.last_cpu, 0, cpu.time, c);
    th.state = ThreadState::Running;
    th.cpu = c;
    th.last_cpu = c;
    ++th.context_switches;
    if (th.first_run_at == kNever)
        th.first_run_at = cpu.time;
    ++processes_[th.process].running;
    update_cpu(c);
}

void Machine::schedule_cpu(CpuId c) {
    const ThreadId next = scheduler_.pop_best();
    if (next != kNoThread) {
        dispatch(c, next);
        return;
    }
    cpus_[c].thread = kNoThread;
    idle_mask_ |= uint64_t{1} << c;
    update_cpu(c);
}

// Takes the thread off CPU c (which is left without a thread; the caller schedules it).
void Machine::vacate_cpu(CpuId c, StopReason reason) {
    const ThreadId t = cpus_[c].thread;
    record(TraceKind::ThreadStop, t, -1, -1, static_cast<uint8_t>(reason), 0, c);
    threads_[t].cpu = kNoCpu;
    --processes_[threads_[t].process].running;
    cpus_[c].thread = kNoThread;
    cpus_[c].slice_end = kNever;
    cpus_[c].interrupt_at = kNever;
    cpus_[c].pending = {};
    cpus_[c].uncharged = 0;
    update_cpu(c);
}

void Machine::preempt(CpuId c, StopReason stop, ReadyReason ready, bool at_front) {
    const ThreadId t = cpus_[c].thread;
    vacate_cpu(c, stop);
    mark_ready(t, ready, kNoThread, at_front);
    schedule_cpu(c);
}

void Machine::mark_ready(ThreadId t, ReadyReason reason, ThreadId waker, bool at_front) {
    Thread& th = threads_[t];
    th.state = ThreadState::Ready;
    th.wait = WaitKind::None;
    th.wait_object = -1;
    th.wait_deadline = kNever;
    if (th.ready_at == kNever)
        th.ready_at = now_;
    record(TraceKind::ThreadReady, t, -1, waker, static_cast<uint8_t>(reason));
    scheduler_.enqueue(t, at_front);
}

// Ready threads take idle CPUs (their last CPU if it is idle, else the lowest idle one); with a
// preemptive policy the best ready thread may also displace the least important running one.
void Machine::place_ready() {
    while (scheduler_.has_ready() && idle_mask_ != 0) {
        const ThreadId t = scheduler_.pop_best();
        const CpuId last = threads_[t].last_cpu;
        const CpuId c = last != kNoCpu && (idle_mask_ >> last & 1) ? last : std::countr_zero(idle_mask_);
        dispatch(c, t);
    }
    if (!scheduler_.has_ready() || !scheduler_.preemptive())
        return;
    CpuId victim = kNoCpu;
    for (CpuId c = 0; c < cpu_count(); ++c) {
        const ThreadId running = cpus_[c].thread;
        if (running == kNoThread || cpus_[c].interrupt_at != kNever)
            continue;
        if (victim == kNoCpu || scheduler_.level(running) > scheduler_.level(cpus_[victim].thread))
            victim = c;
    }
    if (victim != kNoCpu && scheduler_.should_preempt(cpus_[victim].thread))
        cpus_[victim].interrupt_at = std::max(now_, cpus_[victim].time);
}

// The thread on CPU c holds what it needs and is about to execute: the controller hears of
// every step, and may let another thread run instead. Candidates are the threads that could execute at once in its place:
// ready ones (unless another thread holds their process's GIL) and the waiters of the GIL the
// current thread holds. True when the controller switched (CPU c has a new thread).
bool Machine::offer_choice(CpuId c) {
    const ThreadId t = cpus_[c].thread;
    const ProcessId pid = threads_[t].process;
    choice_others_.clear();
    for (const Thread& th : threads_) {
        if (th.id == t)
            continue;
        const Process& p = processes_[th.process];
        const ThreadId gil_holder = p.gil_enabled ? p.gil.holder() : kNoThread;
        const bool ready = th.state == ThreadState::Ready && (gil_holder == kNoThread || gil_holder == th.id || gil_holder == t);
        const bool gil_waiter = th.state == ThreadState::Blocked && th.wait == WaitKind::Gil && th.process == pid &&
                                gil_holder == t;
        if (ready || gil_waiter)
            choice_others_.push_back(th.id);
    }
    const ChoicePoint point{instructions_, c, t, cpus_[c].fresh, choice_others_};
    const ThreadId chosen = controller_->choose(point);
    if (chosen == t || std::find(choice_others_.begin(), choice_others_.end(), chosen) == choice_others_.end())
        return false;
    switch_to(c, chosen);
    return true;
}

// A schedule's choice: `next` takes CPU c (and the GIL, which the current thread gives up
// without waking a waiter) at once; the current thread goes to the back of the run queue.
void Machine::switch_to(CpuId c, ThreadId next) {
    const ThreadId t = cpus_[c].thread;
    Thread& th = threads_[t];
    if (th.holds_gil) {
        th.holds_gil = false;
        processes_[th.process].gil.give_up();
        record(TraceKind::GilRelease, t, th.process, -1, static_cast<uint8_t>(GilReleaseReason::Scheduled));
    }
    Thread& chosen = threads_[next];
    if (chosen.state == ThreadState::Blocked) {  // it waited for the GIL t just gave up
        processes_[chosen.process].gil.forget(next);
        ++chosen.wait_token;
        --blocked_forever_;  // GIL waits have no deadline
        mark_ready(next, ReadyReason::GilReleased, t, false);
    }
    scheduler_.remove(next);
    vacate_cpu(c, StopReason::Scheduled);
    mark_ready(t, ReadyReason::Preempted, kNoThread, false);
    dispatch(c, next);
}

void Machine::make_ready(ThreadId t, ReadyReason reason, ThreadId waker) {
    mark_ready(t, reason, waker, false);
    place_ready();
}

void Machine::block(CpuId c, WaitKind kind, int32_t object, ThreadId holder, SimTime deadline, StopReason reason) {
    const ThreadId t = cpus_[c].thread;
    vacate_cpu(c, reason);
    Thread& th = threads_[t];
    th.state = ThreadState::Blocked;
    th.wait = kind;
    th.wait_object = object;
    th.wait_deadline = deadline;
    if (deadline == kNever)
        ++blocked_forever_;
    else
        push_timer(deadline, TimerKind::Wake, t);
    record(TraceKind::ThreadBlock, t, object, holder, static_cast<uint8_t>(kind), deadline);
    schedule_cpu(c);
}

void Machine::wake(ThreadId t, const KernelResult& result, ReadyReason reason, ThreadId waker) {
    Thread& th = threads_[t];
    if (th.state != ThreadState::Blocked)
        return;
    ++th.wait_token;
    if (th.wait_deadline == kNever)
        --blocked_forever_;
    // Waiting for the GIL is no request of the program's: the result of its last request
    // (a lock it got, a barrier index) is still to be delivered.
    if (th.wait != WaitKind::Gil)
        th.resume_with = result;
    make_ready(t, reason, waker);
}

// A Condition waiter, notified or timed out, now queues for the lock: a new wait, with no timeout.
void Machine::move_wait(ThreadId t, SyncId object) {
    Thread& th = threads_[t];
    ++th.wait_token;
    if (th.wait_deadline != kNever)
        ++blocked_forever_;
    th.wait = wait_kind_for(sync_.object(object).kind);
    th.wait_object = object;
    th.wait_deadline = kNever;
    record(TraceKind::ThreadBlock, t, object, sync_.holder(object), static_cast<uint8_t>(th.wait), kNever);
}

// ---- The GIL -----------------------------------------------------------------------------------

// The thread on CPU c wants the GIL to execute bytecode. False when it had to block for it.
bool Machine::take_gil(CpuId c) {
    const ThreadId t = cpus_[c].thread;
    const ProcessId pid = threads_[t].process;
    Gil& gil = processes_[pid].gil;
    const ThreadId previous = gil.last_holder();
    Gil::TakeResult taken = gil.take(t);
    if (taken.taken) {
        threads_[t].holds_gil = true;
        record(TraceKind::GilTake, t, pid, previous, 0, 0, c);
        for (ThreadId w : taken.now_waiting)
            arm_gil_interval(w);
        return true;
    }
    gil.wait(t);
    const ThreadId holder = gil.holder();
    block(c, WaitKind::Gil, pid, holder, kNever, StopReason::Blocked);
    arm_gil_interval(t);
    return false;
}

void Machine::release_gil(ThreadId t, GilReleaseReason reason) {
    Thread& th = threads_[t];
    if (!th.holds_gil)
        return;
    th.holds_gil = false;
    const ThreadId next = processes_[th.process].gil.release();
    record(TraceKind::GilRelease, t, th.process, -1, static_cast<uint8_t>(reason));
    if (next != kNoThread)
        wake(next, {}, ReadyReason::GilReleased, t);
}

// The holder on CPU c obeys a drop request: it hands the GIL over and waits for it again.
void Machine::drop_gil_for_switch(CpuId c) {
    const ThreadId t = cpus_[c].thread;
    const ProcessId pid = threads_[t].process;
    threads_[t].holds_gil = false;
    const ThreadId next = processes_[pid].gil.drop_for_switch();
    record(TraceKind::GilRelease, t, pid, -1, static_cast<uint8_t>(GilReleaseReason::DropRequest));
    // Wake first, so the waiter can take an idle CPU before this one is rescheduled.
    wake(next, {}, ReadyReason::GilReleased, t);
    block(c, WaitKind::Gil, pid, kNoThread, kNever, StopReason::GilDropped);
}

// CPython's waiter loop: wait one switch interval; if the holder has not changed meanwhile, set
// the drop request. Repeats while the thread waits. CPython waits at least a microsecond, as
// here: sys.setswitchinterval(1e-7) keeps 0 (it reads back as 0.0), and a timer 0 ns ahead
// re-armed itself for ever at the same instant.
void Machine::arm_gil_interval(ThreadId t) {
    const Process& p = processes_[threads_[t].process];
    const SimTime interval = std::max(p.switch_interval, kMicrosecond);
    push_timer(saturating_add(now_, interval), TimerKind::GilInterval, t, p.gil.switch_number());
}

void Machine::set_switch_interval(ProcessId process, SimTime interval) {
    processes_[process].switch_interval = std::max<SimTime>(interval, 0);
}

// ---- Requests and timers -----------------------------------------------------------------------

void Machine::handle_request(CpuId c, Request&& r) {
    const ThreadId t = cpus_[c].thread;
    switch (r.kind) {
    case RequestKind::None: return;

    case RequestKind::Exit: {
        release_gil(t, GilReleaseReason::Exited);
        const ProcessId pid = threads_[t].process;
        if (threads_[t].is_main && processes_[pid].live_non_daemon_others > 0) {
            processes_[pid].main_waiting = true;
            block(c, WaitKind::Children, -1, kNoThread, kNever, StopReason::Exited);
            return;
        }
        vacate_cpu(c, StopReason::Exited);
        terminate(t);
        Process& p = processes_[pid];
        bool process_done = threads_[t].is_main;
        if (!threads_[t].is_main && !threads_[t].daemon) {
            --p.live_non_daemon_others;
            process_done = p.main_waiting && p.live_non_daemon_others == 0;
        }
        if (process_done) {
            end_process(pid);
            if (status_ != RunStatus::Paused)
                return;  // that was the last process
        }
        schedule_cpu(c);
        return;
    }

    case RequestKind::Yield:
        release_gil(t, GilReleaseReason::Blocking);
        preempt(c, StopReason::Yielded, ReadyReason::Yielded, false);
        return;

    case RequestKind::Sleep:
        if (r.duration <= 0) {
            release_gil(t, GilReleaseReason::Blocking);
            preempt(c, StopReason::Yielded, ReadyReason::Yielded, false);
            return;
        }
        release_gil(t, GilReleaseReason::Blocking);
        block(c, WaitKind::Sleep, -1, kNoThread, saturating_add(now_, r.duration), StopReason::Blocked);
        return;

    case RequestKind::Io: {
        const SimTime latency = r.duration == kIoFromConfig ? config_.io_latency.sample(random_) : std::max<SimTime>(r.duration, 0);
        release_gil(t, GilReleaseReason::Blocking);
        block(c, WaitKind::Io, -1, kNoThread, saturating_add(now_, latency), StopReason::Blocked);
        return;
    }

    case RequestKind::Now: threads_[t].resume_with = {KernelError::None, now_}; return;

    case RequestKind::Output: emit_output(t, now_, OutputStream::Stdout, r.text); return;

    case RequestKind::Spawn:
    case RequestKind::SpawnProcess: {
        ProcessId pid = threads_[t].process;
        const bool own_process = r.kind == RequestKind::SpawnProcess;
        if (!own_process && thread_limit_reached(pid, r.text)) {
            threads_[t].resume_with = {KernelError::ThreadLimit, kNoThread};
            return;
        }
        if (own_process)
            pid = new_process(std::move(r.text));
        const ThreadId child = new_thread(pid, own_process ? "MainThread" : std::move(r.text), std::move(r.program),
                                          own_process ? false : r.daemon, r.priority, t);
        if (own_process) {
            processes_[pid].main_thread = child;
            threads_[child].is_main = true;
            record(TraceKind::ProcessStart, child, pid);
        }
        // Creating the thread is work the creator's CPU does; the child is ready when it is done.
        Thread& creator = threads_[t];
        const SimTime cost = own_process ? config_.process_create_cost : config_.thread_create_cost;
        creator.cpu_time += cost;
        cpus_[c].time += cost;
        update_cpu(c);
        push_timer(cpus_[c].time, TimerKind::ThreadStart, child);
        creator.resume_with = {KernelError::None, child};
        return;
    }

    case RequestKind::Join: {
        const ThreadId target = r.target;
        if (target < 0 || target >= static_cast<ThreadId>(threads_.size())) {
            threads_[t].resume_with = {KernelError::WrongObject, 0};
            return;
        }
        if (target == t) {
            threads_[t].resume_with = {KernelError::JoinSelf, 0};
            return;
        }
        if (threads_[target].state == ThreadState::Terminated) {
            threads_[t].resume_with = {KernelError::None, 1};
            return;
        }
        if (r.duration <= 0) {
            threads_[t].resume_with = {KernelError::None, 0};
            return;
        }
        threads_[target].joiners.push_back(t);
        release_gil(t, GilReleaseReason::Blocking);
        block(c, WaitKind::Join, target, target, saturating_add(now_, r.duration), StopReason::Blocked);
        return;
    }

    case RequestKind::EndProcess: {
        const ProcessId target = r.target;
        if (target < 0 || target >= static_cast<ProcessId>(processes_.size()) || target == threads_[t].process) {
            threads_[t].resume_with = {KernelError::WrongObject, 0};
            return;
        }
        const bool running = !processes_[target].exited;
        if (running)
            end_process(target);
        threads_[t].resume_with = {KernelError::None, running ? 1 : 0};
        return;
    }

    case RequestKind::Sync: handle_sync(c, r); return;
    }
}

void Machine::handle_sync(CpuId c, const Request& r) {
    const ThreadId t = cpus_[c].thread;
    SyncEffects effects;
    const SyncOutcome out = sync_.apply(r.op, r.target, t, r.blocking, r.count, effects);
    record(TraceKind::Sync, t, r.target, static_cast<int32_t>(out.result.error), static_cast<uint8_t>(r.op),
           out.result.value, c);
    apply_sync_effects(effects, t);
    if (!out.blocked) {
        threads_[t].resume_with = out.result;
        return;
    }
    // Blocked: a timeout of zero means "try once", which the non-blocking path already did for
    // locks; for other waits it times out at once.
    const SimTime deadline = r.duration == kNever ? kNever : saturating_add(now_, std::max<SimTime>(r.duration, 0));
    const SyncId waited = sync_.waiting_on(t);
    release_gil(t, GilReleaseReason::Blocking);
    block(c, wait_kind_for(sync_.object(waited).kind), waited, sync_.holder(waited), deadline, StopReason::Blocked);
}

void Machine::apply_sync_effects(const SyncEffects& effects, ThreadId actor) {
    for (const SyncMove& m : effects.moves)
        move_wait(m.thread, m.object);
    for (const SyncWake& w : effects.wakes)
        wake(w.thread, w.result, ReadyReason::Woke, actor);
}

void Machine::push_timer(SimTime time, TimerKind kind, ThreadId thread, uint64_t switch_number) {
    const uint32_t token = thread == kNoThread ? 0 : threads_[thread].wait_token;
    timers_.push(Timer{time, timer_seq_++, kind, thread, token, switch_number});
}

void Machine::handle_timer(const Timer& timer) {
    switch (timer.kind) {
    case TimerKind::ThreadStart:
        if (threads_[timer.thread].state == ThreadState::New)
            make_ready(timer.thread, ReadyReason::Started, kNoThread);
        return;

    case TimerKind::MlfqBoost:
        boost_armed_ = false;
        if (live_threads_ == 0)
            return;
        scheduler_.boost();
        record(TraceKind::MlfqBoost, kNoThread);
        boost_armed_ = true;
        push_timer(saturating_add(now_, scheduler_.config().mlfq_boost_period), TimerKind::MlfqBoost, kNoThread);
        return;

    case TimerKind::GilInterval: {
        const Thread& th = threads_[timer.thread];
        if (th.state != ThreadState::Blocked || th.wait != WaitKind::Gil || th.wait_token != timer.token)
            return;
        Gil& gil = processes_[th.process].gil;
        if (gil.interval_expired(timer.switch_number)) {
            const ThreadId holder = gil.holder();
            record(TraceKind::GilDropRequest, timer.thread, th.process, holder);
            const CpuId hc = threads_[holder].cpu;
            if (hc != kNoCpu)
                cpus_[hc].interrupt_at = std::min(cpus_[hc].interrupt_at, std::max(now_, cpus_[hc].time));
        }
        arm_gil_interval(timer.thread);
        return;
    }

    case TimerKind::Wake: {
        Thread& th = threads_[timer.thread];
        if (th.state != ThreadState::Blocked || th.wait_token != timer.token)
            return;
        const ThreadId t = timer.thread;
        switch (th.wait) {
        case WaitKind::Sleep:
        case WaitKind::Io: wake(t, {}, ReadyReason::Woke, kNoThread); return;
        case WaitKind::Join: {
            auto& joiners = threads_[th.wait_object].joiners;
            joiners.erase(std::remove(joiners.begin(), joiners.end(), t), joiners.end());
            wake(t, {KernelError::None, 0}, ReadyReason::TimedOut, kNoThread);
            return;
        }
        default: {
            SyncEffects effects;
            const SyncOutcome out = sync_.time_out(t, effects);
            apply_sync_effects(effects, t);
            if (out.blocked)
                move_wait(t, sync_.waiting_on(t));
            else
                wake(t, out.result, ReadyReason::TimedOut, kNoThread);
            return;
        }
        }
    }
    }
}

// ---- The busy-CPU tournament tree --------------------------------------------------------------
// Each inner node holds the busy CPU furthest behind in its subtree, so the next CPU to advance
// is found in O(1) and updated in O(log CPUs).

bool Machine::behind(CpuId a, CpuId b) const {
    if (a == kNoCpu)
        return false;
    if (b == kNoCpu)
        return true;
    return cpus_[a].time != cpus_[b].time ? cpus_[a].time < cpus_[b].time : a < b;
}

void Machine::update_cpu(CpuId c) {
    int i = leaves_ + c;
    tree_[i] = cpus_[c].thread != kNoThread ? c : kNoCpu;
    for (i /= 2; i >= 1; i /= 2)
        tree_[i] = behind(tree_[2 * i], tree_[2 * i + 1]) ? tree_[2 * i] : tree_[2 * i + 1];
}

CpuId Machine::earliest_other(CpuId c) const {
    CpuId best = kNoCpu;
    for (int i = leaves_ + c; i > 1; i /= 2)
        if (behind(tree_[i ^ 1], best))
            best = tree_[i ^ 1];
    return best;
}

// ---- Reports -----------------------------------------------------------------------------------

void Machine::record(TraceKind kind, ThreadId thread, int32_t object, int32_t other, uint8_t reason, int64_t value,
                     CpuId cpu) {
    TraceEvent e;
    e.time = now_;
    e.value = value;
    e.thread = thread;
    e.object = object;
    e.other = other;
    e.cpu = static_cast<int16_t>(cpu);
    e.kind = kind;
    e.reason = reason;
    flush_output(e.time);
    trace_.record(e);
}

void Machine::emit_output(ThreadId thread, SimTime time, OutputStream stream, std::string_view line, bool newline) {
    pending_output_.push(PendingOutput{time, output_seq_++, thread, stream, newline, std::string(line)});
    flush_output(now_);
}

// Output at or before `up_to` can go into the trace: every CPU is at least at now(), and no
// event is ever recorded before now(), so nothing earlier can still arrive.
void Machine::flush_output(SimTime up_to) {
    while (!pending_output_.empty() && pending_output_.top().time <= up_to) {
        const PendingOutput& line = pending_output_.top();
        trace_.add_output(line.time, line.thread, line.text, line.stream, line.newline);
        pending_output_.pop();
    }
}

bool Machine::thread_limit_reached(ProcessId process, std::string_view name) const {
    return processes_[process].live_threads >= config_.max_threads ||
           thread_table_bytes_ + thread_record_bytes(name) > kThreadTableBytes;
}

WaitInfo Machine::blocked_on(ThreadId t) const {
    const Thread& th = threads_[t];
    WaitInfo info;
    info.thread = t;
    if (th.state != ThreadState::Blocked)
        return info;
    info.kind = th.wait;
    info.object = th.wait_object;
    switch (th.wait) {
    case WaitKind::Join: info.holder = th.wait_object; break;
    case WaitKind::Gil: info.holder = processes_[th.process].gil.holder(); break;
    case WaitKind::Lock: info.holder = sync_.holder(th.wait_object); break;
    default: break;
    }
    return info;
}

void Machine::build_deadlock_report() {
    deadlock_ = {};
    deadlock_.time = now_;
    for (ThreadId t = 0; t < static_cast<ThreadId>(threads_.size()); ++t)
        if (threads_[t].state != ThreadState::Terminated)
            deadlock_.waits.push_back(blocked_on(t));
    for (SyncId s = 0; s < static_cast<SyncId>(sync_.size()); ++s)
        if (sync_.holder(s) != kNoThread)
            deadlock_.held.emplace_back(sync_.holder(s), s);
    std::sort(deadlock_.held.begin(), deadlock_.held.end());

    // Follow "waits for a thing held by" edges from each thread; each thread has at most one
    // such edge, so a walk that meets its own path has found a cycle.
    std::vector<int> walk_of(threads_.size(), -1);
    for (ThreadId start = 0; start < static_cast<ThreadId>(threads_.size()) && deadlock_.cycle.empty(); ++start) {
        std::vector<ThreadId> path;
        for (ThreadId t = start; t != kNoThread; t = blocked_on(t).holder) {
            if (walk_of[t] == start) {
                const auto from = std::find(path.begin(), path.end(), t);
                deadlock_.cycle.assign(from, path.end());
                deadlock_.cycle.push_back(t);
                break;
            }
            if (walk_of[t] != -1)
                break;
            walk_of[t] = start;
            path.push_back(t);
        }
    }
}

std::string Machine::describe_stats() const {
    const TraceStats& s = trace_.stats();
    std::string out;
    out += "wall time         " + millis(s.end_time) + "\n";
    for (CpuId c = 0; c < cpu_count(); ++c) {
        const int tenths = static_cast<int>(s.utilisation(c) * 1000.0 + 0.5);
        out += padded("cpu " + std::to_string(c), 18) + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) +
               "% busy, " + std::to_string(s.cpus[c].dispatches) + " dispatches\n";
    }
    out += "context switches  " + std::to_string(s.context_switches) + " (" + std::to_string(s.migrations) +
           " migrations, " + std::to_string(s.preemptions) + " preemptions, " + std::to_string(s.slice_expiries) +
           " slice expiries)\n";
    out += "GIL hand-offs     " + std::to_string(s.gil_handoffs) + " (" + std::to_string(s.gil_drop_requests) +
           " drop requests)\n";
    out += "threads created   " + std::to_string(s.threads_created) + "\n";
    out += "instructions      " + std::to_string(instructions_) + "\n";
    out += "trace events      " + std::to_string(s.events) + " (" + std::to_string(s.dropped_events) + " dropped)\n";
    out += "output lines      " + std::to_string(trace_.output_count()) + " (" + std::to_string(trace_.output_first()) +
           " dropped: the lab keeps the newest " + std::to_string(config_.trace.max_output_lines) + " lines, " +
           std::to_string(config_.trace.max_output_bytes >> 20) + " MiB)\n";
    out += "thread                      state       cpu time       switches  response      turnaround\n";
    for (const Thread& th : threads_) {
        const auto time_or_dash = [](SimTime t, bool known) { return known ? millis(t) : std::string("-"); };
        out += padded(th.name + " (" + std::to_string(th.id) + ")", 28) + padded(thread_state_name(th.state), 12) +
               padded(millis(th.cpu_time), 15) + padded(std::to_string(th.context_switches), 10) +
               padded(time_or_dash(th.response_time(), th.first_run_at != kNever), 14) +
               time_or_dash(th.turnaround_time(), th.finished_at != kNever) + "\n";
    }
    return out;
}

std::string Machine::describe_deadlock() const {
    // With several processes every one has a MainThread: name the process too.
    const auto name = [&](ThreadId t) {
        return processes_.size() == 1 ? threads_[t].name
                                      : threads_[t].name + " (" + processes_[threads_[t].process].name + ")";
    };
    const auto object = [&](SyncId s) {
        return std::string(sync_kind_name(sync_.object(s).kind)) + "#" + std::to_string(s);
    };
    std::string out = "deadlock at " + millis(deadlock_.time) +
                      ": every thread is blocked and no timer can wake one\n";
    for (const WaitInfo& w : deadlock_.waits) {
        out += "  " + name(w.thread);
        std::string holds;
        for (const auto& [owner, s] : deadlock_.held)
            if (owner == w.thread)
                holds += (holds.empty() ? "" : ", ") + object(s);
        if (!holds.empty())
            out += " holds " + holds + ",";
        switch (w.kind) {
        case WaitKind::Join: out += " waits for " + name(w.object) + " to end"; break;
        case WaitKind::Children: out += " waits for the non-daemon threads to end"; break;
        case WaitKind::Gil: out += " waits for the GIL"; break;
        case WaitKind::Sleep:
        case WaitKind::Io:
        case WaitKind::None: out += std::string(" ") + wait_kind_name(w.kind); break;
        default: out += " waits for " + object(w.object); break;
        }
        if (w.holder != kNoThread && w.kind != WaitKind::Join)
            out += " held by " + name(w.holder);
        out += '\n';
    }
    if (!deadlock_.cycle.empty()) {
        out += "wait-for cycle: ";
        for (size_t i = 0; i < deadlock_.cycle.size(); ++i)
            out += (i ? " -> " : "") + name(deadlock_.cycle[i]);
        out += '\n';
    }
    return out;
}

} // namespace machine
