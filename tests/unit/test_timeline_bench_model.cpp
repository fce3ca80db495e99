// The timeline benchmark's synthetic trace: the size it claims, well-formed lanes, and the same
// trace for the same seed (it comes from the engine's seeded PRNG).
#include <doctest/doctest.h>

#include "ui/timeline_bench_model.h"

using namespace ui;

namespace {

size_t SliceCount(const TimelineData& data, LaneKind kind) {
    size_t count = 0;
    for (const TimelineLane& lane : data.lanes)
        if (lane.kind == kind)
            count += lane.slices.slices.size();
    return count;
}

SyntheticTraceSpec SmallSpec() {
    SyntheticTraceSpec spec;
    spec.cpu_slices = 40'000;
    return spec;
}

} // namespace

TEST_CASE("the synthetic trace has the CPU slices, threads and CPUs it was asked for") {
    TimelineData data;
    GenerateSyntheticTimeline(data, SmallSpec());
    CHECK(data.cpu_lanes.size() == 8);
    CHECK(data.thread_lanes.size() == 64);
    CHECK(data.gil_lanes.size() == 8);
    CHECK(SliceCount(data, LaneKind::Cpu) == 40'000);
    CHECK(SliceCount(data, LaneKind::Gil) == 40'000);
    // Each run is followed by a wait; waits for I/O end in a ready stretch too.
    CHECK(SliceCount(data, LaneKind::Thread) > 80'000);
    CHECK(data.end > 0);
}

TEST_CASE("every synthetic lane is in time order without overlaps, and shows every way of waiting") {
    TimelineData data;
    GenerateSyntheticTimeline(data, SmallSpec());
    bool saw[size_t(SliceKind::Count)] = {};
    for (const TimelineLane& lane : data.lanes) {
        const BlockList<Slice>& s = lane.slices.slices;
        for (size_t i = 0; i < s.size(); ++i) {
            saw[size_t(s[i].kind)] = true;
            REQUIRE(s[i].start <= s[i].end);
            if (i > 0)
                REQUIRE(s[i - 1].end <= s[i].start);
        }
    }
    for (SliceKind kind : {SliceKind::Running, SliceKind::Ready, SliceKind::WaitingForGil,
                           SliceKind::BlockedIo, SliceKind::OnCpu, SliceKind::GilHeld})
        CHECK(saw[size_t(kind)]);
}

TEST_CASE("the same seed gives the same synthetic trace; another seed a different one") {
    TimelineData a, b, c;
    GenerateSyntheticTimeline(a, SmallSpec());
    GenerateSyntheticTimeline(b, SmallSpec());
    SyntheticTraceSpec other = SmallSpec();
    other.seed = 2;
    GenerateSyntheticTimeline(c, other);
    CHECK(a.end == b.end);
    CHECK(a.end != c.end);
    const BlockList<Slice>& sa = a.lanes[size_t(ThreadLaneIndex(a, 5))].slices.slices;
    const BlockList<Slice>& sb = b.lanes[size_t(ThreadLaneIndex(b, 5))].slices.slices;
    REQUIRE(sa.size() == sb.size());
    for (size_t i = 0; i < sa.size(); ++i)
        REQUIRE((sa[i].start == sb[i].start && sa[i].end == sb[i].end && sa[i].kind == sb[i].kind));
}

TEST_CASE("the benchmark's phases run in order and record one time per measured frame") {
    TimelineBench bench;
    int frames = 0;
    while (bench.phase != BenchPhase::Done && frames < 10'000) {
        RecordBenchFrame(bench, 1.0f);
        ++frames;
    }
    CHECK(frames == kBenchWarmupFrames + kBenchBaselineFrames + kBenchFitFrames + kBenchPanZoomFrames);
    CHECK(bench.baseline_ms.size() == size_t(kBenchBaselineFrames));
    CHECK(bench.fit_ms.size() == size_t(kBenchFitFrames));
    CHECK(bench.pan_zoom_ms.size() == size_t(kBenchPanZoomFrames));
}

TEST_CASE("the benchmark camera dives from the whole run to microseconds and back") {
    TimelineBench bench;
    bench.phase = BenchPhase::PanZoom;
    TimeAxis axis;
    axis.width_px = 1000;
    const SimTime end = 3 * machine::kSecond;
    AimBenchCamera(bench, axis, end);
    CHECK(axis.end_ns() - axis.start_ns == doctest::Approx(double(end)));
    bench.frame = kBenchPanZoomFrames / 2;
    AimBenchCamera(bench, axis, end);
    CHECK(axis.end_ns() - axis.start_ns == doctest::Approx(20'000.0));
    CHECK((axis.start_ns + axis.end_ns()) / 2 == doctest::Approx(0.5 * double(end)));
}
