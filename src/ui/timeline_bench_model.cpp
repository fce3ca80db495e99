#include "ui/timeline_bench_model.h"

#include <cmath>
#include <deque>
#include <string>

#include "machine/random.h"
#include "machine/sync.h"
#include "machine/thread_state.h"

namespace ui {

namespace {

machine::TraceEvent Event(SimTime time, machine::TraceKind kind, machine::ThreadId thread) {
    machine::TraceEvent e;
    e.time = time;
    e.kind = kind;
    e.thread = thread;
    return e;
}

machine::TraceEvent Event(SimTime time, machine::TraceKind kind, machine::ThreadId thread, int32_t object,
                      int32_t other, uint8_t reason) {
    machine::TraceEvent e = Event(time, kind, thread);
    e.object = object;
    e.other = other;
    e.reason = reason;
    return e;
}

struct SyntheticThread {
    machine::ThreadId id = 0;
    SimTime io_done = machine::kNever; // blocked on I/O until then
};

// One process pinned to one CPU: its threads take turns holding the GIL.
void GenerateProcess(TimelineData& data, const SyntheticTraceSpec& spec, machine::Random& random,
                     machine::ProcessId process, machine::ThreadId first_thread, int thread_count, int64_t runs) {
    using machine::TraceKind;
    const machine::CpuId cpu = process;
    auto add = [&data](const machine::TraceEvent& e) { AddTraceEvent(data, e); };
    add(Event(0, TraceKind::ProcessStart, first_thread, process, -1, 0));
    std::vector<SyntheticThread> threads(static_cast<size_t>(thread_count));
    std::deque<int> ready;
    for (int i = 0; i < thread_count; ++i) {
        threads[size_t(i)].id = first_thread + i;
        add(Event(0, TraceKind::ThreadCreate, first_thread + i, process, -1, 0));
        add(Event(0, TraceKind::ThreadReady, first_thread + i, -1, -1, uint8_t(machine::ReadyReason::Started)));
        ready.push_back(i);
    }
    SimTime t = 0;
    machine::ThreadId gil_holder = machine::kNoThread;
    for (int64_t run = 0; run < runs; ++run) {
        if (ready.empty()) {
            SimTime first_done = machine::kNever;
            for (const SyntheticThread& th : threads)
                first_done = std::min(first_done, th.io_done);
            t = std::max(t, first_done);
        }
        for (int i = 0; i < thread_count; ++i) {
            SyntheticThread& th = threads[size_t(i)];
            if (th.io_done <= t) {
                add(Event(th.io_done, TraceKind::ThreadReady, th.id, -1, -1, uint8_t(machine::ReadyReason::Woke)));
                th.io_done = machine::kNever;
                ready.push_back(i);
            }
        }
        const SyntheticThread& th = threads[size_t(ready.front())];
        const int index = ready.front();
        ready.pop_front();

        machine::TraceEvent dispatch = Event(t, TraceKind::ThreadRun, th.id);
        dispatch.cpu = int16_t(cpu);
        dispatch.other = cpu;
        add(dispatch);
        add(Event(t, TraceKind::GilTake, th.id, process, gil_holder, 0));
        gil_holder = th.id;
        const SimTime run_time = machine::kMicrosecond + random.exponential(spec.mean_run);
        if (random.below(8) == 0) { // a short critical section in the middle of the run
            machine::TraceEvent lock = Event(t + run_time / 3, TraceKind::Sync, th.id, process, 0,
                                         uint8_t(machine::SyncOp::Acquire));
            lock.value = 1;
            add(lock);
            lock.time = t + 2 * run_time / 3;
            lock.reason = uint8_t(machine::SyncOp::Release);
            lock.value = 0;
            add(lock);
        }
        if (random.below(64) == 0) {
            const int32_t line = int32_t(data.output_text.size());
            data.output_text.push_back("Thread " + std::to_string(th.id) + ": step " + std::to_string(run));
            add(Event(t + run_time / 2, TraceKind::Output, th.id, line, -1, 0));
        }
        t += run_time;

        machine::TraceEvent stop = Event(t, TraceKind::ThreadStop, th.id);
        stop.cpu = int16_t(cpu);
        const uint64_t what_next = random.below(10);
        if (what_next < 2) { // blocking I/O: the GIL is released for the others
            stop.reason = uint8_t(machine::StopReason::Blocked);
            add(Event(t, TraceKind::ThreadBlock, th.id, -1, -1, uint8_t(machine::WaitKind::Io)));
            threads[size_t(index)].io_done = t + machine::kMicrosecond + random.exponential(spec.mean_io);
        } else if (what_next < 3) {
            stop.reason = uint8_t(machine::StopReason::Yielded);
            add(Event(t, TraceKind::ThreadReady, th.id, -1, -1, uint8_t(machine::ReadyReason::Yielded)));
            ready.push_back(index);
        } else { // a drop request: the GIL goes to the next thread, this one waits to get it back
            stop.reason = uint8_t(machine::StopReason::GilDropped);
            add(Event(t, TraceKind::ThreadBlock, th.id, process, -1, uint8_t(machine::WaitKind::Gil)));
            ready.push_back(index);
        }
        add(stop);
        add(Event(t, TraceKind::GilRelease, th.id, process, -1, uint8_t(machine::GilReleaseReason::DropRequest)));
        t += machine::kMicrosecond / 2; // the context switch
    }
    for (const SyntheticThread& th : threads)
        add(Event(t, TraceKind::ThreadExit, th.id));
    add(Event(t, TraceKind::ProcessExit, first_thread, process, -1, 0));
}

} // namespace

void GenerateSyntheticTimeline(TimelineData& data, const SyntheticTraceSpec& spec) {
    machine::Random random(spec.seed);
    const int per_process = spec.threads / spec.cpus;
    for (machine::ProcessId p = 0; p < spec.cpus; ++p)
        GenerateProcess(data, spec, random, p, p * per_process, per_process, spec.cpu_slices / spec.cpus);
}

void RecordBenchFrame(TimelineBench& bench, float frame_ms) {
    struct PhaseStep {
        BenchPhase phase;
        int frames;
        std::vector<float>* times;
    };
    const PhaseStep steps[] = {
        {BenchPhase::Warmup, kBenchWarmupFrames, nullptr},
        {BenchPhase::Baseline, kBenchBaselineFrames, &bench.baseline_ms},
        {BenchPhase::Fit, kBenchFitFrames, &bench.fit_ms},
        {BenchPhase::PanZoom, kBenchPanZoomFrames, &bench.pan_zoom_ms},
    };
    for (const PhaseStep& step : steps) {
        if (step.phase != bench.phase)
            continue;
        if (step.times)
            step.times->push_back(frame_ms);
        if (++bench.frame == step.frames) {
            bench.phase = BenchPhase(int(bench.phase) + 1);
            bench.frame = 0;
        }
        return;
    }
}

bool BenchShowsTimeline(const TimelineBench& bench) {
    return bench.phase == BenchPhase::Fit || bench.phase == BenchPhase::PanZoom;
}

void AimBenchCamera(const TimelineBench& bench, TimeAxis& axis, SimTime trace_end) {
    if (bench.phase != BenchPhase::PanZoom) {
        FitToRange(axis, 0, trace_end);
        return;
    }
    // From the whole run down to 20 microseconds across the screen and back out, while the
    // centre swings to the first tenth of the run, back past the middle (fastest when deepest)
    // to the last tenth and home: every level of detail gets drawn, over every part of the run.
    constexpr double kPi = 3.14159265358979323846;
    const double progress = double(bench.frame) / double(kBenchPanZoomFrames);
    const double depth = 0.5 - 0.5 * std::cos(2 * kPi * progress);
    const double full = double(trace_end);
    const double span = full * std::pow(20'000.0 / full, depth);
    const double centre = full * (0.5 - 0.4 * std::sin(2 * kPi * progress));
    axis.ns_per_px = span / std::max(axis.width_px, 1.0);
    axis.start_ns = centre - span / 2;
}

} // namespace ui
