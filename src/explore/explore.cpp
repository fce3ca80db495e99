// Sections: the recording controller | one run | the search | the report
// (what a step touches: footprint.h)
#include "explore/explore.h"

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include "explore/footprint.h"
#include "explore/witness.h"
#include "lang/bytecode.h"
#include "lang/compiler.h"
#include "python/interpreter.h"
#include "python/python_machine.h"

namespace explore {

namespace {

using machine::ChoicePoint;
using machine::Schedule;
using machine::ThreadId;
using machine::kNoThread;

// ---- The recording controller ------------------------------------------------------------------

// A choice point of a run where another thread could have run.
struct PointRecord {
    int64_t step = 0;
    ThreadId current = kNoThread;
    bool fresh = false;
    int preemptions_before = 0;   // preemptions the run had made before this point
    std::vector<ThreadId> others;
};

// A schedule the search should try: at point `point` of the run, thread `thread`.
struct Branch {
    int point = -1;
    ThreadId thread = kNoThread;
    bool operator<(const Branch& o) const { return point != o.point ? point < o.point : thread < o.thread; }
};

using VectorClock = std::vector<int32_t>;

int32_t component(const VectorClock& c, ThreadId t) {
    return static_cast<size_t>(t) < c.size() ? c[t] : 0;
}

void join_into(VectorClock& into, const VectorClock& from) {
    if (into.size() < from.size())
        into.resize(from.size(), 0);
    for (size_t i = 0; i < from.size(); ++i)
        into[i] = std::max(into[i], from[i]);
}

struct AccessRecord {
    ThreadId thread = kNoThread;
    int32_t local = 0;    // the thread's own clock component at the step
    int point = -1;       // its choice point (-1: nothing else could run there)
    int segment = -1;     // the point where the thread last got the CPU
    VectorClock clock;
};

struct KeyState {
    AccessRecord last_write;
    std::vector<AccessRecord> reads;  // since the last write, one per thread
};

enum class Steering : uint8_t { Replay, Pct };

struct PctPlan {
    std::vector<uint64_t> priority_seed;  // drawn per thread id on first sight
    std::vector<int64_t> change_steps;    // ascending
    uint64_t seed = 0;
};

class Recorder final : public machine::ScheduleController {
public:
    Recorder(const python::PythonRun& run, const Schedule& forced, bool track_conflicts)
        : run_(run), forced_(forced), track_(track_conflicts) {}

    void use_pct(uint64_t seed, std::vector<int64_t> change_steps) {
        steering_ = Steering::Pct;
        pct_.seed = seed;
        pct_.change_steps = std::move(change_steps);
    }

    ThreadId choose(const ChoicePoint& p) override {
        if (switched_ && p.step == switched_at_) {  // asked again right after its own switch
            switched_ = false;
            execute(p.current, switched_point_);
            return p.current;
        }
        switched_ = false;
        int index = -1;
        if (!p.others.empty()) {
            PointRecord record;
            record.step = p.step;
            record.current = p.current;
            record.fresh = p.fresh;
            record.preemptions_before = preemptions_;
            record.others.assign(p.others.begin(), p.others.end());
            points_.push_back(std::move(record));
            index = static_cast<int>(points_.size()) - 1;
            if (p.fresh)
                segment_of(p.current) = index;
        }
        const ThreadId chosen = steering_ == Steering::Replay ? replay(p) : pct(p);
        if (chosen != p.current) {
            realized_.choices.push_back({p.step, chosen});
            if (!p.fresh)
                ++preemptions_;
            switched_ = true;
            switched_at_ = p.step;
            switched_point_ = index;
            segment_of(chosen) = index;
            return chosen;
        }
        execute(p.current, index);
        return p.current;
    }

    void on_request(ThreadId thread, const machine::Request& request) override {
        if (!track_)
            return;
        switch (request.kind) {
        case machine::RequestKind::Sync: touch(thread, {sync_key(request.target), true, {}}); return;
        case machine::RequestKind::Join: joins_[thread] = request.target; return;
        case machine::RequestKind::Spawn: spawn_clocks_[thread].push_back(clock_of(thread)); return;
        default: return;
        }
    }

    // What the run recorded, taken once it has ended.
    std::vector<PointRecord> take_points() { return std::move(points_); }
    std::set<Branch> take_races() { return std::move(races_); }
    Schedule take_realized() { return std::move(realized_); }
    int preemptions() const { return preemptions_; }

private:
    ThreadId replay(const ChoicePoint& p) {
        const auto& choices = forced_.choices;
        while (next_forced_ < choices.size() && choices[next_forced_].step < p.step)
            ++next_forced_;
        if (next_forced_ < choices.size() && choices[next_forced_].step == p.step)
            return choices[next_forced_++].thread;
        return p.current;
    }

    // PCT: the runnable thread of highest priority runs; at each change step the running
    // thread's priority drops below every other.
    ThreadId pct(const ChoicePoint& p) {
        while (next_change_ < pct_.change_steps.size() && pct_.change_steps[next_change_] <= p.step) {
            ++next_change_;
            priority(p.current) = -static_cast<int64_t>(next_change_);
        }
        ThreadId best = p.current;
        for (ThreadId t : p.others)
            if (priority(t) > priority(best))
                best = t;
        return best;
    }

    int64_t& priority(ThreadId t) {
        if (static_cast<size_t>(t) >= priorities_.size()) {
            const size_t from = priorities_.size();
            priorities_.resize(t + 1);
            for (size_t i = from; i < priorities_.size(); ++i) {
                uint64_t state = pct_.seed ^ (i * 0x9e3779b97f4a7c15ULL);
                priorities_[i] = static_cast<int64_t>(machine::splitmix64_next(state) >> 2) + 1000;
            }
        }
        return priorities_[t];
    }

    int& segment_of(ThreadId t) {
        if (static_cast<size_t>(t) >= segments_.size())
            segments_.resize(t + 1, -1);
        return segments_[t];
    }

    VectorClock& clock_of(ThreadId t) {
        if (static_cast<size_t>(t) >= clocks_.size())
            clocks_.resize(t + 1);
        VectorClock& c = clocks_[t];
        if (c.empty()) {  // first sight: it starts after its creator's spawn request
            const ThreadId creator = run_.machine().thread(t).creator;
            auto found = spawn_clocks_.find(creator);
            if (found != spawn_clocks_.end() && !found->second.empty()) {
                c = found->second.front();
                found->second.pop_front();
            }
            if (c.size() <= static_cast<size_t>(t))
                c.resize(t + 1, 0);
        }
        return c;
    }

    // `thread` executes its next instruction; `point` is the choice point it runs at.
    void execute(ThreadId thread, int point) {
        if (!track_)
            return;
        VectorClock& clock = clock_of(thread);
        ++clock[thread];
        // While the program has one thread (most of a run's start: the imports), what it touches
        // can race with nothing, and every thread it starts later begins with this clock: its
        // steps need no records.
        if (run_.machine().thread_count() == 1)
            return;
        step_point_ = point;
        if (auto join = joins_.find(thread); join != joins_.end()) {
            const ThreadId target = join->second;
            joins_.erase(join);
            if (run_.machine().thread(target).state == machine::ThreadState::Terminated)
                join_into(clock_of(thread), clock_of(target));
        }
        next_step_footprint(run_.python_thread(thread), footprint_);
        for (const Access& a : footprint_)
            touch(thread, a);
    }

    // One access of the step `thread` is making: a race with every earlier conflicting access of
    // another thread that does not happen before it. All are judged against the thread's clock
    // before the access, so the races are found first and the clocks joined after.
    void touch(ThreadId thread, const Access& access) {
        KeyState& state = keys_[access.key];
        VectorClock& clock = clock_of(thread);
        const auto other = [&](const AccessRecord& earlier) {
            return earlier.thread != kNoThread && earlier.thread != thread;
        };
        const auto check = [&](const AccessRecord& earlier) {
            if (!other(earlier) || earlier.local <= component(clock, earlier.thread))
                return;
            if (earlier.point >= 0)
                races_.insert({earlier.point, thread});
            if (earlier.segment >= 0 && earlier.segment != earlier.point)
                races_.insert({earlier.segment, thread});
        };
        check(state.last_write);
        if (access.write)
            for (const AccessRecord& read : state.reads)
                check(read);
        if (other(state.last_write))
            join_into(clock, state.last_write.clock);
        if (access.write)
            for (const AccessRecord& read : state.reads)
                if (other(read))
                    join_into(clock, read.clock);
        // Recorded in place: a record's clock keeps its storage from one access to the next.
        const auto record = [&](AccessRecord& into) {
            into.thread = thread;
            into.local = component(clock, thread);
            into.point = step_point_;
            into.segment = segment_of(thread);
            into.clock = clock;
        };
        if (access.write) {
            record(state.last_write);
            state.reads.clear();
            return;
        }
        for (AccessRecord& read : state.reads)
            if (read.thread == thread) {
                record(read);
                return;
            }
        record(state.reads.emplace_back());
    }

    const python::PythonRun& run_;
    const Schedule& forced_;
    const bool track_;
    Steering steering_ = Steering::Replay;
    PctPlan pct_;
    size_t next_forced_ = 0;
    size_t next_change_ = 0;
    std::vector<int64_t> priorities_;
    std::vector<PointRecord> points_;
    std::vector<int> segments_;
    Schedule realized_;
    int preemptions_ = 0;
    bool switched_ = false;
    int64_t switched_at_ = -1;
    int switched_point_ = -1;
    int step_point_ = -1;
    std::vector<Access> footprint_;
    std::vector<VectorClock> clocks_;
    std::unordered_map<uint64_t, KeyState> keys_;
    std::map<ThreadId, ThreadId> joins_;
    std::map<ThreadId, std::deque<VectorClock>> spawn_clocks_;
    std::set<Branch> races_;
};

// ---- One run -----------------------------------------------------------------------------------

// The program as every run loads it: compiled once, however many schedules run it.
struct Program {
    std::string_view source, filename;
    std::shared_ptr<const lang::CompiledModule> compiled;
};

// Null with `error` set when the program does not compile.
Program compile_program(std::string_view source, std::string_view filename, std::optional<lang::SourceError>& error) {
    lang::CompileResult compiled = lang::compile_source(source, filename);
    error = compiled.error;
    return {source, filename, std::move(compiled.module)};
}

struct RunRecord {
    Outcome outcome;
    std::vector<PointRecord> points;
    std::set<Branch> races;
    int64_t instructions = 0;
};

machine::MachineConfig explorer_config(machine::MachineConfig config) {
    config.trace.max_events = 1024;  // the outcome needs the output, not the events
    // One CPU, whatever the config asks: its choices (which thread runs next, preemption at any
    // instruction) make every interleaving of bytecodes that more CPUs make, with the GIL (one
    // thread runs Python at a time) and without it (the machine executes one instruction at a
    // time). On more CPUs a started thread waits for its CPU's clock, so the choices at which it
    // could run instead are never offered, and a race there was explored as one schedule.
    config.cpus = kExplorerCpus;
    return config;
}

void fill_outcome(const python::PythonRun& run, machine::RunStatus status, Outcome& out) {
    const machine::Machine& m = run.machine();
    const machine::Trace& trace = m.trace();
    for (uint64_t i = trace.output_first(); i < trace.output_count(); ++i) {
        const machine::OutputLine& line = trace.output(i);
        out.output += line.text;
        if (line.newline)
            out.output += '\n';
    }
    out.exit = run.exit_status();
    switch (status) {
    case machine::RunStatus::Deadlock:
        out.failure = "deadlock";
        out.detail = m.describe_deadlock();
        out.exit = 3;
        return;
    case machine::RunStatus::TimeLimit:
        out.failure = "time limit";
        out.exit = 3;
        return;
    case machine::RunStatus::Paused:
        out.failure = "step limit";
        out.exit = 3;
        return;
    case machine::RunStatus::Finished: break;
    }
    for (size_t t = 0; t < m.thread_count(); ++t) {
        const python::Thread* thread = run.python_thread(static_cast<ThreadId>(t));
        if (thread && !thread->uncaught.is_none() && !thread->uncaught_text.empty() &&
            thread->uncaught_text.rfind("SystemExit", 0) != 0) {
            out.failure = thread->uncaught_text;
            return;
        }
    }
}

RunRecord run_once(const Program& program, const machine::MachineConfig& config, const Schedule& schedule, bool track,
                   int64_t max_steps, const std::vector<int64_t>* pct_changes = nullptr, uint64_t pct_seed = 0) {
    RunRecord record;
    python::PythonRun run(explorer_config(config));
    if (std::optional<lang::SourceError> error = run.start(program.source, program.filename, program.compiled)) {
        record.outcome.failure = error->message;
        record.outcome.exit = 1;
        return record;
    }
    Recorder recorder(run, schedule, track);
    if (pct_changes)
        recorder.use_pct(pct_seed, *pct_changes);
    run.machine().set_controller(&recorder);
    const machine::RunStatus status = run.run(machine::kNever, max_steps);
    run.machine().set_controller(nullptr);
    fill_outcome(run, status, record.outcome);
    record.outcome.count = 1;
    record.outcome.preemptions = recorder.preemptions();
    record.outcome.witness = recorder.take_realized();
    record.instructions = run.machine().instructions();
    record.points = recorder.take_points();
    record.races = recorder.take_races();
    return record;
}

// ---- The search --------------------------------------------------------------------------------

struct Pending {
    Schedule schedule;
    int preemptions = 0;
    int64_t order = 0;  // discovery order: ties of equal preemptions run first found first
};

struct PendingLater {
    bool operator()(const Pending& a, const Pending& b) const {
        return a.preemptions != b.preemptions ? a.preemptions > b.preemptions : a.order > b.order;
    }
};

// The schedule that follows `parent` up to point `at` and there runs `thread`.
Schedule branch_schedule(const Schedule& parent, const PointRecord& at, ThreadId thread) {
    Schedule child;
    for (const machine::ScheduleChoice& c : parent.choices)
        if (c.step < at.step)
            child.choices.push_back(c);
    if (thread != at.current)
        child.choices.push_back({at.step, thread});
    return child;
}

// The search's workers: the calling thread and workers - 1 threads, started once for the whole
// search and given each round's jobs. Not a thread per round: in the page, Emscripten starts each
// pthread from the browser's main thread between two frames, and a round would wait for that.
class WorkerPool {
public:
    explicit WorkerPool(int workers) {
        for (int w = 1; w < std::clamp(workers, 1, 64); ++w)
            threads_.emplace_back([this] { serve(); });
    }
    ~WorkerPool() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_all();
        for (std::thread& t : threads_)
            t.join();
    }
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // Runs job(0) .. job(jobs - 1), each once, and returns when all have ended.
    void run(size_t jobs, const std::function<void(size_t)>& job) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            job_ = &job;
            jobs_ = jobs;
            next_.store(0);
            busy_ = threads_.size();
            ++round_;
        }
        wake_.notify_all();
        work();
        std::unique_lock<std::mutex> lock(mutex_);
        done_.wait(lock, [this] { return busy_ == 0; });
    }

private:
    void work() {
        for (size_t i = next_++; i < jobs_; i = next_++)
            (*job_)(i);
    }
    void serve() {
        uint64_t seen = 0;
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            wake_.wait(lock, [&] { return stopping_ || round_ != seen; });
            if (stopping_)
                return;
            seen = round_;
            lock.unlock();
            work();
            lock.lock();
            if (--busy_ == 0)
                done_.notify_one();
        }
    }

    std::vector<std::thread> threads_;
    std::mutex mutex_;
    std::condition_variable wake_;  // a round, or the end
    std::condition_variable done_;  // every thread has finished the round
    const std::function<void(size_t)>* job_ = nullptr;
    size_t jobs_ = 0;
    std::atomic<size_t> next_{0};
    uint64_t round_ = 0;
    size_t busy_ = 0;
    bool stopping_ = false;
};

class Grouping {
public:
    void add(const Outcome& run) {
        const std::string key = run.failure + '\x1f' + std::to_string(run.exit) + '\x1f' + run.output;
        auto [it, added] = index_.emplace(key, outcomes_.size());
        if (added) {
            outcomes_.push_back(run);
            return;
        }
        Outcome& o = outcomes_[it->second];
        o.count += run.count;
        if (run.preemptions < o.preemptions) {
            o.preemptions = run.preemptions;
            o.witness = run.witness;
            o.detail = run.detail;
        }
    }
    std::vector<Outcome> take() { return std::move(outcomes_); }

private:
    std::unordered_map<std::string, size_t> index_;
    std::vector<Outcome> outcomes_;
};

constexpr size_t kBatch = 64;  // runs per round: fixed, so the result does not depend on workers

void systematic(const Program& program, const machine::MachineConfig& config, const ExploreOptions& options, ExploreProgress* progress, ExploreResult& result, Grouping& grouping) {
    std::priority_queue<Pending, std::vector<Pending>, PendingLater> pending;
    std::set<std::string> seen;
    WorkerPool pool(options.workers);
    int64_t order = 0;
    pending.push({Schedule{}, 0, order++});
    seen.insert("");
    while (!pending.empty()) {
        if (progress && progress->cancel.load()) {
            result.cancelled = true;
            return;
        }
        if (result.schedules >= options.max_schedules)
            return;
        std::vector<Pending> batch;
        while (!pending.empty() && batch.size() < kBatch &&
               result.schedules + static_cast<int64_t>(batch.size()) < options.max_schedules) {
            batch.push_back(pending.top());
            pending.pop();
        }
        std::vector<RunRecord> runs(batch.size());
        pool.run(batch.size(), [&](size_t i) {
            runs[i] = run_once(program, config, batch[i].schedule, options.reduce, options.max_steps);
        });
        for (size_t i = 0; i < batch.size(); ++i) {
            RunRecord& run = runs[i];
            const Schedule& parent = batch[i].schedule;
            grouping.add(run.outcome);
            ++result.schedules;
            const int64_t last = parent.choices.empty() ? -1 : parent.choices.back().step;
            const auto offer = [&](const PointRecord& at, ThreadId thread) {
                const int cost = at.preemptions_before + (at.fresh ? 0 : 1);
                if (cost > options.preemptions)
                    return false;
                Schedule child = branch_schedule(parent, at, thread);
                if (seen.insert(machine::format_schedule(child)).second)
                    pending.push({std::move(child), cost, order++});
                return true;
            };
            int64_t unreduced = 0, tried = 0;
            for (const PointRecord& at : run.points) {
                if (at.step <= last)
                    continue;
                for (ThreadId t : at.others) {
                    const int cost = at.preemptions_before + (at.fresh ? 0 : 1);
                    if (cost > options.preemptions)
                        continue;
                    ++unreduced;
                    if (!options.reduce)
                        offer(at, t);
                }
            }
            if (options.reduce) {
                for (const Branch& b : run.races) {
                    const PointRecord& at = run.points[b.point];
                    const bool can_run = std::find(at.others.begin(), at.others.end(), b.thread) != at.others.end();
                    if (can_run) {
                        tried += offer(at, b.thread) && at.step > last;
                        continue;
                    }
                    // The thread of the race could not run there: try every one that could.
                    for (ThreadId t : at.others)
                        tried += offer(at, t) && at.step > last;
                }
                result.pruned += std::max<int64_t>(0, unreduced - tried);
            }
        }
        if (progress) {
            progress->schedules.store(result.schedules);
            progress->planned.store(result.schedules + static_cast<int64_t>(pending.size()));
        }
    }
    result.exhaustive = true;
}

void random_mode(const Program& program, const machine::MachineConfig& config, const ExploreOptions& options, ExploreProgress* progress, ExploreResult& result, Grouping& grouping) {
    // The length of the default run sets where PCT's change points fall.
    const RunRecord probe = run_once(program, config, Schedule{}, false, options.max_steps);
    const int64_t length = std::max<int64_t>(probe.instructions, 1);
    if (progress)
        progress->planned.store(options.random_runs);
    WorkerPool pool(options.workers);
    for (int64_t start = 0; start < options.random_runs; start += kBatch) {
        if (progress && progress->cancel.load()) {
            result.cancelled = true;
            return;
        }
        const size_t count = static_cast<size_t>(std::min<int64_t>(kBatch, options.random_runs - start));
        std::vector<RunRecord> runs(count);
        pool.run(count, [&](size_t i) {
            uint64_t state = options.random_seed * 0x100000001b3ULL + static_cast<uint64_t>(start + i);
            const uint64_t seed = machine::splitmix64_next(state);
            std::vector<int64_t> changes;
            for (int d = 1; d < options.pct_depth; ++d)
                changes.push_back(static_cast<int64_t>(machine::splitmix64_next(state) % static_cast<uint64_t>(length)));
            std::sort(changes.begin(), changes.end());
            runs[i] = run_once(program, config, Schedule{}, false, options.max_steps, &changes, seed);
        });
        for (RunRecord& run : runs) {
            grouping.add(run.outcome);
            ++result.schedules;
        }
        if (progress)
            progress->schedules.store(result.schedules);
    }
}

std::vector<PreemptionParts> preemption_parts(const Program& program, const machine::MachineConfig& config,
                                          const Schedule& schedule, int64_t max_steps) {
    python::PythonRun run(explorer_config(config));
    if (run.start(program.source, program.filename, program.compiled))
        return {};
    WitnessReplay witness(run, schedule, std::string(program.filename));
    run.machine().set_controller(&witness);
    run.run(machine::kNever, max_steps);
    run.machine().set_controller(nullptr);
    std::vector<PreemptionParts> parts;
    for (const PreemptionNote& note : witness.notes())
        parts.push_back(note.parts);
    return parts;
}

} // namespace

int ExploreResult::failing() const {
    return static_cast<int>(std::count_if(outcomes.begin(), outcomes.end(), [](const Outcome& o) { return o.failing(); }));
}

ExploreResult explore(std::string_view source, std::string_view filename, const machine::MachineConfig& config,
                      const ExploreOptions& options, ExploreProgress* progress, Clock clock) {
    ExploreResult result;
    const double start = clock ? clock() : 0;
    std::optional<lang::SourceError> error;
    const Program program = compile_program(source, filename, error);
    if (error) {
        result.error = lang::format_source_error(*error, filename, source);
        return result;
    }
    Grouping grouping;
    if (options.random_runs > 0)
        random_mode(program, config, options, progress, result, grouping);
    else
        systematic(program, config, options, progress, result, grouping);
    result.outcomes = grouping.take();
    for (Outcome& o : result.outcomes)
        if (o.preemptions > 0)
            o.preempted = preemption_parts(program, config, o.witness, options.max_steps);
    if (clock)
        result.seconds = clock() - start;
    return result;
}

Outcome run_schedule(std::string_view source, std::string_view filename, const machine::MachineConfig& config,
                     const Schedule& schedule, int64_t max_steps) {
    std::optional<lang::SourceError> error;
    return run_once(compile_program(source, filename, error), config, schedule, false, max_steps).outcome;
}

std::vector<PreemptionParts> describe_preemptions(std::string_view source, std::string_view filename,
                                              const machine::MachineConfig& config, const Schedule& schedule,
                                              int64_t max_steps) {
    std::optional<lang::SourceError> error;
    return preemption_parts(compile_program(source, filename, error), config, schedule, max_steps);
}

// ---- The report --------------------------------------------------------------------------------

namespace {

std::string json_string(std::string_view text) {
    std::string out;
    machine::append_json_string(out, text);
    return out;
}

// The output on one line: its lines joined with " | ", cut at 120 characters.
std::string one_line(std::string_view text) {
    std::string out;
    for (char c : text)
        out += c == '\n' ? std::string(" | ") : std::string(1, c);
    while (out.size() >= 3 && out.compare(out.size() - 3, 3, " | ") == 0)
        out.resize(out.size() - 3);
    if (out.size() > 120)
        out = out.substr(0, 117) + "...";
    return out;
}

} // namespace

std::string describe_outcome(const Outcome& o) {
    std::string out = std::to_string(o.count) + (o.count == 1 ? " schedule: " : " schedules: ") + "exit " +
                      std::to_string(o.exit);
    out += o.failing() ? ", " + o.failure : ", no failure";
    out += ", witness " + std::to_string(o.preemptions) + (o.preemptions == 1 ? " preemption" : " preemptions");
    out += " [" + machine::format_schedule(o.witness) + "]";
    out += ", output: " + one_line(o.output);
    return out;
}

std::string result_json(const ExploreResult& r) {
    std::string out = "{\"schedules\": " + std::to_string(r.schedules) + ", \"exhaustive\": " +
                      (r.exhaustive ? "true" : "false") + ", \"pruned\": " + std::to_string(r.pruned) +
                      ", \"outcomes\": [";
    for (size_t i = 0; i < r.outcomes.size(); ++i) {
        const Outcome& o = r.outcomes[i];
        out += i ? ", " : "";
        out += "{\"output\": " + json_string(o.output) + ", \"exit\": " + std::to_string(o.exit) +
               ", \"failure\": " + (o.failing() ? json_string(o.failure) : std::string("null")) +
               ", \"count\": " + std::to_string(o.count) + ", \"preemptions\": " + std::to_string(o.preemptions) +
               ", \"schedule\": " + json_string(machine::format_schedule(o.witness));
        if (!o.detail.empty())
            out += ", \"detail\": " + json_string(o.detail);
        out += "}";
    }
    return out + "]}";
}

std::string outcome_histogram(const ExploreResult& r) {
    constexpr int kWidth = 40;
    std::string out;
    for (const Outcome& o : r.outcomes) {
        const double share = r.schedules > 0 ? static_cast<double>(o.count) / static_cast<double>(r.schedules) : 0;
        char percent[16];
        std::snprintf(percent, sizeof percent, "%5.1f%% ", share * 100);
        const int bar = static_cast<int>(share * kWidth + 0.5);
        out += percent + std::string(static_cast<size_t>(bar), '#') + std::string(static_cast<size_t>(kWidth - bar), ' ') +
               "  " + std::to_string(o.count) + " of " + std::to_string(r.schedules) + ": exit " + std::to_string(o.exit) +
               ", " + (o.failing() ? o.failure : "no failure") + "\n";
    }
    return out;
}

} // namespace explore
