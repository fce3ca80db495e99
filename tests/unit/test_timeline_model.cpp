// The timeline's pure logic: what each lane draws at a given zoom (culling and level of detail),
// the time <-> pixel mapping behind zoom and pan, hit testing, and the ruler's labels.
#include <doctest/doctest.h>

#include <cmath>
#include <memory>
#include <string>
#include <utility>

#include "lab/capture.h"
#include "machine/machine.h"
#include "machine/random.h"
#include "machine/script_program.h"
#include "machine/sync.h"
#include "machine/thread_state.h"
#include "ui/timeline_model.h"

using namespace ui;

namespace {

// 1000 pixels starting at x = 100 that show [0, 100 us): 100 ns per pixel.
TimeAxis HundredNsPerPixel() {
    TimeAxis axis;
    axis.start_ns = 0;
    axis.ns_per_px = 100;
    axis.left_px = 100;
    axis.width_px = 1000;
    return axis;
}

void AddSlice(SliceTrack& track, SimTime start, SimTime end, SliceKind kind, int32_t detail) {
    Slice slice;
    slice.start = start;
    slice.end = end;
    slice.kind = kind;
    slice.detail = detail;
    track.append(slice);
}

void AddRunning(SliceTrack& track, SimTime start, SimTime end, int32_t cpu = 0) {
    AddSlice(track, start, end, SliceKind::Running, cpu);
}

void AddReady(SliceTrack& track, SimTime start, SimTime end) {
    AddSlice(track, start, end, SliceKind::Ready, -1);
}

} // namespace

TEST_CASE("a block list keeps every element in place across its growing blocks and past them") {
    // Thousands of thread lanes each hold a few slices: the first blocks are small, and the
    // indexing across the doubling blocks and into the full-size ones must still find each one.
    BlockList<Slice> list;
    const size_t count = 3 * BlockList<Slice>::kBlockSize + 5;
    for (size_t i = 0; i < count; ++i) {
        list.push_back(Slice{.start = SimTime(i), .end = SimTime(i + 1)});
        REQUIRE(list.back().start == SimTime(i));
    }
    CHECK(list.size() == count);
    bool all_in_place = true;
    for (size_t i = 0; i < count; ++i)
        all_in_place = all_in_place && list[i].start == SimTime(i) && list[i].end == SimTime(i + 1);
    CHECK(all_in_place);
    CHECK(list.partition_point(0, [](const Slice& s) { return s.start < 5000; }) == 5000);
}

TEST_CASE("slices narrower than a pixel merge into one run that covers exactly their union") {
    SliceTrack track;
    // 10 ns running, 10 ns ready, repeated from 1000 ns to 2000 ns: 100 slices in 10 pixels.
    for (SimTime t = 1000; t < 2000; t += 20) {
        AddRunning(track, t, t + 10);
        AddReady(track, t + 10, t + 20);
    }
    std::vector<SliceDrawItem> items;
    BuildSliceDrawList(track, HundredNsPerPixel(), 1.0f, items);
    REQUIRE(items.size() == 1);
    CHECK(items[0].first == 0);
    CHECK(items[0].count == 100);
    CHECK(items[0].start == 1000);
    CHECK(items[0].end == 2000);
    CHECK(items[0].x0 == doctest::Approx(110.0));
    CHECK(items[0].x1 == doctest::Approx(120.0));
    // Half of the run's time was spent running.
    CHECK(items[0].active_share == doctest::Approx(0.5));
}

TEST_CASE("a slice wider than a pixel stays separate between merged runs") {
    SliceTrack track;
    for (SimTime t = 0; t < 500; t += 10)
        AddRunning(track, t, t + 10, t / 10 % 2);
    AddReady(track, 500, 1000); // 5 pixels
    for (SimTime t = 1000; t < 1500; t += 10)
        AddRunning(track, t, t + 10, t / 10 % 2);
    std::vector<SliceDrawItem> items;
    BuildSliceDrawList(track, HundredNsPerPixel(), 1.0f, items);
    REQUIRE(items.size() == 3);
    CHECK(items[0].count == 50);
    CHECK(items[0].end == 500);
    CHECK(items[1].count == 1);
    CHECK(track.slices[items[1].first].kind == SliceKind::Ready);
    CHECK(items[1].x0 == doctest::Approx(105.0));
    CHECK(items[1].x1 == doctest::Approx(110.0));
    CHECK(items[1].active_share == 0.0f);
    CHECK(items[2].count == 50);
    CHECK(items[2].start == 1000);
    CHECK(items[2].end == 1500);
}

TEST_CASE("a gap wider than a pixel splits narrow slices into separate runs") {
    SliceTrack track;
    AddRunning(track, 0, 30);
    AddRunning(track, 40, 70);     // 10 ns gap: same pixel, same run
    AddRunning(track, 500, 530);   // 430 ns gap: a new run
    std::vector<SliceDrawItem> items;
    BuildSliceDrawList(track, HundredNsPerPixel(), 1.0f, items);
    REQUIRE(items.size() == 2);
    CHECK(items[0].count == 2);
    CHECK(items[0].end == 70);
    CHECK(items[0].active_share == doctest::Approx(60.0 / 70.0));
    CHECK(items[1].count == 1);
    CHECK(items[1].start == 500);
}

TEST_CASE("an isolated narrow slice is widened to the minimum width so it stays visible") {
    SliceTrack track;
    AddRunning(track, 5000, 5010); // a tenth of a pixel
    std::vector<SliceDrawItem> items;
    BuildSliceDrawList(track, HundredNsPerPixel(), 2.0f, items);
    REQUIRE(items.size() == 1);
    CHECK(items[0].x0 == doctest::Approx(150.0));
    CHECK(items[0].x1 == doctest::Approx(152.0));
}

TEST_CASE("culling drops slices outside the view and clamps the ones crossing its edges") {
    SliceTrack track;
    AddRunning(track, -5000, -1000);      // entirely before the view
    AddRunning(track, -1000, 2000);       // crosses the left edge
    AddRunning(track, 50'000, 60'000);    // inside
    AddRunning(track, 99'000, 500'000);   // crosses the right edge
    AddRunning(track, 500'000, 900'000);  // entirely after the view
    std::vector<SliceDrawItem> items;
    const TimeAxis axis = HundredNsPerPixel();
    BuildSliceDrawList(track, axis, 1.0f, items);
    REQUIRE(items.size() == 3);
    CHECK(items[0].first == 1);
    CHECK(items[0].x0 == doctest::Approx(axis.left_px - 2));
    CHECK(items[0].x1 == doctest::Approx(120.0));
    CHECK(items[1].first == 2);
    CHECK(items[2].first == 3);
    CHECK(items[2].x1 == doctest::Approx(axis.left_px + axis.width_px + 2));

    // Pan far to the right: only the last slice is left.
    TimeAxis later = axis;
    PanByPixels(later, -6000); // dragging left shows later time: [600 us, 700 us)
    BuildSliceDrawList(track, later, 1.0f, items);
    REQUIRE(items.size() == 1);
    CHECK(items[0].first == 4);
}

TEST_CASE("a zoomed-out lane of a million slices draws at most one item per pixel") {
    SliceTrack track;
    for (SimTime i = 0; i < 1'000'000; ++i)
        AddRunning(track, i * 100, i * 100 + 60 + i % 30, int32_t(i % 8));
    TimeAxis axis;
    axis.width_px = 1000;
    FitToRange(axis, 0, 100'000'000);
    std::vector<SliceDrawItem> items;
    BuildSliceDrawList(track, axis, 1.0f, items);
    // Gaps of 10..40 ns are far below a pixel (about 100 us here): it is all one busy run.
    REQUIRE(items.size() == 1);
    CHECK(items[0].count == 1'000'000);
    CHECK(items[0].active_share == doctest::Approx(0.745).epsilon(0.001));

    // Zoomed in so each slice is several pixels wide, every visible slice is its own item.
    ZoomAround(axis, 500, 1e-4); // about 10 ns per pixel
    BuildSliceDrawList(track, axis, 1.0f, items);
    REQUIRE(items.size() > 10);
    for (const SliceDrawItem& item : items)
        CHECK(item.count == 1);
}

TEST_CASE("the indexed level of detail merges exactly like a slice-by-slice merge") {
    // Random lanes (slices from 1 ns to 1 ms, gaps from none to long, and often exactly one
    // pixel or one nanosecond either side of it) at zooms from a tenth of a nanosecond to a
    // second per pixel, compared with the obvious linear merge.
    machine::Random random(7);
    const auto draw_length = [&random](SimTime scale) {
        if (random.below(2) == 0)
            return SimTime(random.below(uint64_t(scale)));
        constexpr SimTime kPixelWidths[] = {1, 3, 100, 5'000, 100'000};
        return kPixelWidths[random.below(5)] + SimTime(random.below(3)) - 1;
    };
    for (int lane = 0; lane < 4; ++lane) {
        SliceTrack track;
        SimTime t = 0;
        for (int i = 0; i < 20'000; ++i) {
            const SimTime scale = SimTime(1) << (random.below(5) * 5); // 1 ns .. 1 ms
            t += random.below(3) == 0 ? draw_length(scale) : 0;
            const SimTime length = std::max<SimTime>(1, draw_length(scale));
            AddRunning(track, t, t + length);
            t += length;
        }
        for (double ns_per_px : {0.1, 3.0, 100.0, 5'000.0, 1e5, 1e6, 1e9}) {
            TimeAxis axis;
            axis.width_px = 800;
            axis.ns_per_px = ns_per_px;
            axis.start_ns = double(t) * double(random.below(90)) / 100.0;
            std::vector<SliceDrawItem> items;
            BuildSliceDrawList(track, axis, 1.0f, items);

            const SimTime threshold = std::max<SimTime>(1, SimTime(std::ceil(ns_per_px)));
            std::vector<std::pair<size_t, size_t>> expected; // (first, count)
            const BlockList<Slice>& s = track.slices;
            for (size_t i = 0; i < s.size(); ++i) {
                if (double(s[i].end) <= axis.start_ns || double(s[i].start) >= axis.end_ns())
                    continue;
                const bool narrow = s[i].end - s[i].start < threshold;
                const bool joins = !expected.empty() && narrow && expected.back().first + expected.back().second == i &&
                                   s[expected.back().first].end - s[expected.back().first].start < threshold &&
                                   s[i].start - s[i - 1].end < threshold;
                if (joins)
                    ++expected.back().second;
                else
                    expected.push_back({i, 1});
            }
            REQUIRE(items.size() == expected.size());
            for (size_t k = 0; k < items.size(); ++k) {
                REQUIRE(items[k].first == expected[k].first);
                REQUIRE(items[k].count == expected[k].second);
            }
        }
    }
}

TEST_CASE("time and pixels map both ways, and zoom keeps the time under the mouse in place") {
    TimeAxis axis = HundredNsPerPixel();
    for (double t : {0.0, 123.0, 45'678.0, 99'999.0})
        CHECK(axis.x_to_time(axis.time_to_x(t)) == doctest::Approx(t));
    CHECK(axis.time_to_x(25'000) == doctest::Approx(350.0));

    const double mouse_x = 350.0;
    const double under_mouse = axis.x_to_time(mouse_x);
    ZoomAround(axis, mouse_x, 0.5);
    CHECK(axis.ns_per_px == doctest::Approx(50.0));
    CHECK(axis.x_to_time(mouse_x) == doctest::Approx(under_mouse));
    CHECK(axis.start_ns == doctest::Approx(12'500.0));
    CHECK(axis.end_ns() == doctest::Approx(62'500.0));

    ZoomAround(axis, mouse_x, 2.0);
    CHECK(axis.start_ns == doctest::Approx(0.0));
    CHECK(axis.ns_per_px == doctest::Approx(100.0));

    PanByPixels(axis, 250); // drag right: earlier time comes into view
    CHECK(axis.start_ns == doctest::Approx(-25'000.0));
    PanByPixels(axis, -250);
    CHECK(axis.start_ns == doctest::Approx(0.0));
}

TEST_CASE("zoom stops at a few nanoseconds across the view and at a day") {
    TimeAxis axis = HundredNsPerPixel();
    for (int i = 0; i < 100; ++i)
        ZoomAround(axis, 600, 0.1);
    CHECK(axis.end_ns() - axis.start_ns == doctest::Approx(kMinVisibleSpanNs));
    for (int i = 0; i < 100; ++i)
        ZoomAround(axis, 600, 10);
    CHECK(axis.end_ns() - axis.start_ns == doctest::Approx(kMaxVisibleSpanNs));
}

TEST_CASE("fit shows the whole range with a margin, and following puts the live edge at the right") {
    TimeAxis axis = HundredNsPerPixel();
    FitToRange(axis, 1'000'000, 2'000'000);
    CHECK(axis.start_ns < 1'000'000);
    CHECK(axis.start_ns > 950'000);
    CHECK(axis.end_ns() > 2'000'000);
    CHECK(axis.end_ns() < 2'050'000);
    const double zoom = axis.ns_per_px;
    ShowEndAt(axis, 5'000'000);
    CHECK(axis.end_ns() == doctest::Approx(5'000'000));
    CHECK(axis.ns_per_px == zoom);
}

TEST_CASE("hit testing finds the slice or merged run under a pixel, and nothing in gaps") {
    SliceTrack track;
    AddRunning(track, 0, 1000, 0);       // pixels 100..110
    AddReady(track, 1000, 3000);         // pixels 110..130
    AddRunning(track, 5000, 5010, 1);    // widened: pixels 150..151
    for (SimTime t = 8000; t < 9000; t += 10)
        AddRunning(track, t, t + 5, 2);  // merged run: pixels 180..~190
    std::vector<SliceDrawItem> items;
    BuildSliceDrawList(track, HundredNsPerPixel(), 1.0f, items);
    REQUIRE(items.size() == 4);

    CHECK(HitTestSlices(items, 105.0f) == 0);
    CHECK(HitTestSlices(items, 110.0f) == 1);
    CHECK(HitTestSlices(items, 129.5f) == 1);
    CHECK(HitTestSlices(items, 140.0f) == -1);
    CHECK(HitTestSlices(items, 150.5f) == 2);
    CHECK(HitTestSlices(items, 185.0f) == 3);
    CHECK(items[3].count == 100);
    CHECK(HitTestSlices(items, 50.0f) == -1);
    CHECK(HitTestSlices(items, 1000.0f) == -1);
    // The slice itself, found by time, for the tooltip of a single slice.
    CHECK(track.find(2999) == 1);
    CHECK(track.find(3000) == -1);
}

TEST_CASE("a growing last slice follows the live edge; a zero-length one gives way to the next") {
    SliceTrack track;
    AddReady(track, 0, 100);
    AddRunning(track, 100, 100);
    track.extend_last(400);
    CHECK(track.slices.back().end == 400);
    CHECK(track.active_time(0, 2) == 300);
    track.extend_last(50); // never before its start
    CHECK(track.slices.back().end == 100);
    AddReady(track, 100, 200); // the running slice lasted no time: nothing to show
    REQUIRE(track.slices.size() == 2);
    CHECK(track.slices[1].kind == SliceKind::Ready);
    CHECK(track.active_time(0, 2) == 0);
}

TEST_CASE("markers closer than the merge distance cluster, the nearest one is hit") {
    MarkerTrack track;
    track.markers.push_back({1000, 1, MarkerKind::LockAcquired});  // x = 110
    track.markers.push_back({1100, 1, MarkerKind::LockReleased});  // x = 111: same cluster
    track.markers.push_back({5000, 0, MarkerKind::Output});      // x = 150
    track.markers.push_back({200'000, 0, MarkerKind::Output});     // off screen
    std::vector<MarkerDrawItem> items;
    BuildMarkerDrawList(track, HundredNsPerPixel(), 4.0f, items);
    REQUIRE(items.size() == 2);
    CHECK(items[0].count == 2);
    CHECK(items[0].x == doctest::Approx(110.0));
    CHECK(items[1].first == 2);
    CHECK(HitTestMarkers(items, 148.0f, 4.0f) == 1);
    CHECK(HitTestMarkers(items, 112.0f, 4.0f) == 0);
    CHECK(HitTestMarkers(items, 130.0f, 4.0f) == -1);
}

TEST_CASE("ruler ticks step 1-2-5; times read in one short unit with the digits they need") {
    CHECK(ChooseTickStep(1000, 80) == 100'000);
    CHECK(ChooseTickStep(1000, 100) == 100'000);
    CHECK(ChooseTickStep(1000, 101) == 200'000);
    CHECK(ChooseTickStep(0.01, 80) == 1);
    char buf[32];
    // A ruler's labels share the unit its range reaches, with the decimals its step needs.
    CHECK(std::string(FormatTime(buf, sizeof buf, 0, 500, 2'000)) == "0");
    CHECK(std::string(FormatTime(buf, sizeof buf, 10'000'000, 5'000'000, 37'000'000)) == "10 ms");
    CHECK(std::string(FormatTime(buf, sizeof buf, 1'500'000, 500'000, 3'000'000)) == "1.5 ms");
    CHECK(std::string(FormatTime(buf, sizeof buf, 500'000, 500'000, 3'000'000)) == "0.5 ms");
    CHECK(std::string(FormatTime(buf, sizeof buf, 12'350'000'000, 50'000'000, 12'400'000'000)) == "12.35 s");
    CHECK(std::string(FormatTime(buf, sizeof buf, 250, 50, 900)) == "250 ns");
    CHECK(std::string(FormatTime(buf, sizeof buf, 2'500, 500, 9'000)) == "2.5 \xC2\xB5s");
    // A tooltip's moment, in its own largest unit, to the precision of a pixel.
    CHECK(std::string(FormatTime(buf, sizeof buf, 789'828'000, 1'000, 789'828'000)) == "789.828 ms");
    CHECK(std::string(FormatTime(buf, sizeof buf, 789'828'123, 1, 789'828'123)) == "789.828123 ms");
    CHECK(std::string(FormatTime(buf, sizeof buf, 740, 10, 740)) == "740 ns");
    CHECK(std::string(FormatDuration(buf, sizeof buf, 1'234'567)) == "1.235 ms");
    CHECK(std::string(FormatDuration(buf, sizeof buf, 17)) == "17 ns");
    CHECK(std::string(FormatDuration(buf, sizeof buf, 2'000'000'000)) == "2 s");
}

TEST_CASE("every slice and marker kind explains itself in plain words") {
    for (int k = 0; k < int(SliceKind::Count); ++k) {
        const KindText& text = GetSliceKindText(SliceKind(k));
        CHECK(std::string(text.code).size() <= 4);
        CHECK(std::string(Tr(text.explanation)).size() > 20);
    }
    CHECK(std::string(Tr(GetSliceKindText(SliceKind::WaitingForGil).name)) == "Waiting for the GIL");
    CHECK(std::string(GetMarkerKindText(MarkerKind::Output).code) == "OUT");
}

namespace {

machine::TraceEvent Event(SimTime time, machine::TraceKind kind, machine::ThreadId thread) {
    machine::TraceEvent e;
    e.time = time;
    e.kind = kind;
    e.thread = thread;
    return e;
}

machine::TraceEvent Run(SimTime time, machine::ThreadId thread, int cpu) {
    machine::TraceEvent e = Event(time, machine::TraceKind::ThreadRun, thread);
    e.cpu = int16_t(cpu);
    return e;
}

machine::TraceEvent Stop(SimTime time, machine::ThreadId thread, int cpu, machine::StopReason why) {
    machine::TraceEvent e = Event(time, machine::TraceKind::ThreadStop, thread);
    e.cpu = int16_t(cpu);
    e.reason = uint8_t(why);
    return e;
}

machine::TraceEvent Block(SimTime time, machine::ThreadId thread, machine::WaitKind on, int32_t object,
                      machine::ThreadId holder) {
    machine::TraceEvent e = Event(time, machine::TraceKind::ThreadBlock, thread);
    e.reason = uint8_t(on);
    e.object = object;
    e.other = holder;
    return e;
}

machine::TraceEvent Ready(SimTime time, machine::ThreadId thread, machine::ReadyReason why, machine::ThreadId waker) {
    machine::TraceEvent e = Event(time, machine::TraceKind::ThreadReady, thread);
    e.reason = uint8_t(why);
    e.other = waker;
    return e;
}

machine::TraceEvent Gil(SimTime time, machine::TraceKind take_or_release, machine::ThreadId thread) {
    machine::TraceEvent e = Event(time, take_or_release, thread);
    e.object = 0;
    return e;
}

// Two threads of one process on two CPUs: the main thread holds the GIL, thread 1 waits for it
// until the main thread goes to sleep.
std::vector<machine::TraceEvent> GilHandOverEvents() {
    using machine::TraceKind;
    std::vector<machine::TraceEvent> events;
    machine::TraceEvent start = Event(0, TraceKind::ProcessStart, 0);
    start.object = 0;
    events.push_back(start);
    for (machine::ThreadId t : {0, 1}) {
        machine::TraceEvent create = Event(t * 100, TraceKind::ThreadCreate, t);
        create.object = 0;
        events.push_back(create);
    }
    events.push_back(Ready(0, 0, machine::ReadyReason::Started, -1));
    events.push_back(Run(0, 0, 0));
    events.push_back(Gil(0, TraceKind::GilTake, 0));
    events.push_back(Ready(100, 1, machine::ReadyReason::Started, 0));
    events.push_back(Run(100, 1, 1));
    events.push_back(Stop(100, 1, 1, machine::StopReason::Blocked));
    events.push_back(Block(100, 1, machine::WaitKind::Gil, 0, 0));
    machine::TraceEvent acquire = Event(500, TraceKind::Sync, 0);
    acquire.reason = uint8_t(machine::SyncOp::Acquire);
    acquire.object = 3;
    acquire.value = 1;
    events.push_back(acquire);
    events.push_back(Block(600, 0, machine::WaitKind::Sleep, -1, -1));
    events.push_back(Stop(600, 0, 0, machine::StopReason::Blocked));
    machine::TraceEvent release = Gil(600, TraceKind::GilRelease, 0);
    release.reason = uint8_t(machine::GilReleaseReason::Blocking);
    events.push_back(release);
    machine::TraceEvent take = Gil(600, TraceKind::GilTake, 1);
    take.other = 0;
    events.push_back(take);
    events.push_back(Ready(600, 1, machine::ReadyReason::GilReleased, 0));
    events.push_back(Run(650, 1, 1));
    return events;
}

const Slice& SliceOf(const TimelineData& data, const std::vector<int32_t>& table, int32_t id, size_t i) {
    return data.lanes[size_t(table[size_t(id)])].slices.slices[i];
}

const TimelineLane& ThreadLane(const TimelineData& data, machine::ThreadId thread) {
    const int32_t lane = ThreadLaneIndex(data, thread);
    REQUIRE(lane >= 0);
    return data.lanes[size_t(lane)];
}

} // namespace

TEST_CASE("trace events become CPU, GIL and thread lanes; a wait shows as blocked, then ready") {
    TimelineData data;
    for (const machine::TraceEvent& e : GilHandOverEvents())
        AddTraceEvent(data, e);
    ExtendOpenSlices(data, 1000);
    CHECK(data.end == 1000);
    REQUIRE(data.cpu_lanes.size() == 2);
    REQUIRE(data.gil_lanes.size() == 1);
    REQUIRE(data.thread_lanes.size() == 2);

    // Thread 1: waited for the GIL from 100 to 600, then for a CPU until 650, then ran.
    const SliceTrack& t1 = ThreadLane(data, 1).slices;
    REQUIRE(t1.slices.size() == 3);
    CHECK(t1.slices[0].kind == SliceKind::WaitingForGil);
    CHECK(t1.slices[0].start == 100);
    CHECK(t1.slices[0].end == 600);
    CHECK(t1.slices[0].other == 0); // the holder it waited for
    CHECK(t1.slices[1].kind == SliceKind::Ready);
    CHECK(t1.slices[1].end == 650);
    CHECK(t1.slices[1].other == 0); // who woke it
    CHECK(t1.slices[1].reason == uint8_t(machine::ReadyReason::GilReleased));
    CHECK(t1.slices[2].kind == SliceKind::Running);
    CHECK(t1.slices[2].end == 1000); // still running: it grows with the live edge
    CHECK(ThreadLane(data, 1).process == 0);

    // The main thread ran until it went to sleep, with the reason it left the CPU.
    const Slice& main_run = ThreadLane(data, 0).slices.slices[0];
    CHECK(main_run.kind == SliceKind::Running);
    CHECK(main_run.end == 600);
    CHECK(main_run.reason == uint8_t(machine::StopReason::Blocked));
    CHECK(ThreadLane(data, 0).slices.slices[1].kind == SliceKind::BlockedSleep);

    // The GIL went from thread 0 to thread 1 at 600; CPU 0 ran thread 0 until then.
    CHECK(SliceOf(data, data.gil_lanes, 0, 0).detail == 0);
    CHECK(SliceOf(data, data.gil_lanes, 0, 0).end == 600);
    CHECK(SliceOf(data, data.gil_lanes, 0, 1).detail == 1);
    CHECK(SliceOf(data, data.gil_lanes, 0, 1).end == 1000);
    CHECK(SliceOf(data, data.cpu_lanes, 0, 0).detail == 0);
    CHECK(SliceOf(data, data.cpu_lanes, 0, 0).end == 600);

    // The lock the main thread took is a marker on its lane.
    const BlockList<Marker>& markers = ThreadLane(data, 0).markers.markers;
    REQUIRE(markers.size() == 1);
    CHECK(markers[0].kind == MarkerKind::LockAcquired);
    CHECK(markers[0].detail == 3);
    CHECK(markers[0].time == 500);
}

TEST_CASE("syncing with the trace takes only new events, names lanes and keeps output text") {
    machine::Trace trace(2, machine::TraceLimits{});
    trace.name_process(0, "MainProcess");
    trace.name_thread(0, 0, "MainThread");
    trace.name_thread(1, 0, "Worker-1");
    TimelineData data;
    const std::vector<machine::TraceEvent> events = GilHandOverEvents();
    for (size_t i = 0; i < 8; ++i)
        trace.record(events[i]);
    SyncTimelineWithTrace(data, trace);
    CHECK(data.events_seen == 8);
    for (size_t i = 8; i < events.size(); ++i)
        trace.record(events[i]);
    trace.add_output(700, 1, "Worker-1: done");
    SyncTimelineWithTrace(data, trace);
    CHECK(data.events_seen == events.size() + 1);
    CHECK(data.events_missed == 0);

    const TimelineLane& worker = ThreadLane(data, 1);
    CHECK(worker.name == "Worker-1");
    CHECK(data.lanes[size_t(data.gil_lanes[0])].name == "MainProcess");
    CHECK(worker.slices.slices.size() == 3); // nothing applied twice
    REQUIRE(worker.markers.markers.size() == 1);
    const Marker& output = worker.markers.markers[0];
    CHECK(output.kind == MarkerKind::Output);
    CHECK(data.output_text[size_t(output.detail)] == "Worker-1: done");
    CHECK(worker.slices.slices.back().end == 700); // open slices reach the trace's clock
}

TEST_CASE("events the trace dropped before a sync are counted as missed, not replayed") {
    machine::TraceLimits limits;
    limits.max_events = 4;
    machine::Trace trace(2, limits);
    TimelineData data;
    const std::vector<machine::TraceEvent> events = GilHandOverEvents();
    for (const machine::TraceEvent& e : events)
        trace.record(e);
    SyncTimelineWithTrace(data, trace);
    CHECK(data.events_missed == events.size() - 4);
    CHECK(data.events_seen == events.size());
    // The retained tail still builds its slices: the GIL hand-over and thread 1's run.
    const SliceTrack& t1 = ThreadLane(data, 1).slices;
    REQUIRE(t1.slices.size() == 2);
    CHECK(t1.slices[0].kind == SliceKind::Ready);
    CHECK(t1.slices[1].kind == SliceKind::Running);
}

namespace {

// A run of the real machine: one CPU, one process with the GIL, two workers that hold a lock
// across an I/O wait (so the other one blocks on it), compute, sleep and print.
std::unique_ptr<machine::Machine> ContendedRun() {
    machine::MachineConfig config;
    config.cpus = 1;
    auto machine = std::make_unique<machine::Machine>(config);
    const machine::SyncId lock = machine->create_sync(machine::SyncKind::Lock);
    const auto worker = [lock] {
        auto w = machine::script();
        w->acquire(lock).compute(1'000).io(300 * machine::kMicrosecond).release(lock).compute(3'000)
            .sleep(50 * machine::kMicrosecond).output("done");
        w->repeat(3);
        return std::unique_ptr<machine::ThreadProgram>(std::move(w));
    };
    auto main = machine::script();
    main->spawn("worker-1", worker).spawn("worker-2", worker).join_spawned(0).join_spawned(1).output("all done");
    machine->start_process("MainProcess", std::move(main));
    return machine;
}

} // namespace

TEST_CASE("a real machine run becomes consistent lanes, whether synced once or as it runs") {
    auto machine = ContendedRun();
    TimelineData live;
    for (SimTime until = 0; machine->run(until) == machine::RunStatus::Paused; until += 50 * machine::kMicrosecond)
        SyncTimelineWithTrace(live, machine->trace());
    SyncTimelineWithTrace(live, machine->trace());
    REQUIRE(machine->status() == machine::RunStatus::Finished);

    auto again = ContendedRun();
    again->run();
    TimelineData once;
    SyncTimelineWithTrace(once, again->trace());

    const machine::Trace& trace = machine->trace();
    CHECK(live.events_missed == 0);
    REQUIRE(live.lanes.size() == once.lanes.size());
    for (size_t l = 0; l < live.lanes.size(); ++l) {
        const BlockList<Slice>& a = live.lanes[l].slices.slices;
        const BlockList<Slice>& b = once.lanes[l].slices.slices;
        REQUIRE(a.size() == b.size());
        for (size_t i = 0; i < a.size(); ++i) {
            REQUIRE((a[i].start == b[i].start && a[i].end == b[i].end && a[i].kind == b[i].kind));
            if (i > 0)
                REQUIRE(a[i - 1].end <= a[i].start);
        }
    }
    // Each CPU lane is busy exactly as long as the trace's own statistics say.
    for (int c = 0; c < trace.cpu_count(); ++c) {
        const SliceTrack& cpu = live.lanes[size_t(live.cpu_lanes[size_t(c)])].slices;
        CHECK(cpu.active_time(0, cpu.slices.size()) == trace.stats().cpus[size_t(c)].busy);
    }
    // The workers fought over the lock: a wait shows as blocked until the release, then ready
    // until the CPU is free, then running. And the GIL went back and forth between them.
    bool blocked_then_ready_then_running = false;
    for (machine::ThreadId t : {1, 2}) {
        const TimelineLane& lane = ThreadLane(live, t);
        CHECK(lane.name == (t == 1 ? "worker-1" : "worker-2"));
        const BlockList<Slice>& s = lane.slices.slices;
        for (size_t i = 0; i + 2 < s.size(); ++i)
            if (s[i].kind == SliceKind::BlockedLock && s[i + 1].kind == SliceKind::Ready &&
                s[i + 2].kind == SliceKind::Running && s[i].end == s[i + 1].start && s[i + 1].end > s[i + 1].start)
                blocked_then_ready_then_running = true;
        CHECK(lane.markers.markers.size() == 9); // three acquires, three releases, three outputs
    }
    CHECK(blocked_then_ready_then_running);
    const BlockList<Slice>& gil = live.lanes[size_t(live.gil_lanes[0])].slices.slices;
    bool held_by[3] = {};
    for (size_t i = 0; i < gil.size(); ++i)
        held_by[gil[i].detail] = true;
    CHECK((held_by[0] && held_by[1] && held_by[2]));
    CHECK(live.end == trace.stats().end_time);
}

namespace {

// Threads started and joined one after another, while the first one sleeps through them all.
constexpr int kShortLivedThreads = 2000;
std::unique_ptr<machine::Machine> ThreadsFinishingRun() {
    machine::MachineConfig config;
    config.cpus = 2;
    auto machine = std::make_unique<machine::Machine>(config);
    auto main = machine::script();
    const auto thread = [](SimTime sleep, int64_t compute) {
        return [sleep, compute] {
            auto program = machine::script();
            program->sleep(sleep).compute(compute);
            return std::unique_ptr<machine::ThreadProgram>(std::move(program));
        };
    };
    main->spawn("sleeper", thread(machine::kSecond, 1));
    for (int i = 0; i < kShortLivedThreads; ++i)
        main->spawn("short", thread(0, 100)).join_spawned(size_t(i) + 1);
    main->join_spawned(0);
    machine->start_process("MainProcess", std::move(main));
    return machine;
}

} // namespace

TEST_CASE("only the lanes of live threads and of the newest finished ones are kept; the rest are counted") {
    auto machine = ThreadsFinishingRun();
    TimelineData data;
    bool dropped_while_the_sleeper_lived = false;
    for (SimTime until = 0; machine->run(until) == machine::RunStatus::Paused; until += 20 * machine::kMillisecond) {
        SyncTimelineWithTrace(data, machine->trace());
        // Threads 0 (main) and 1 (the sleeper) are the oldest, and alive: their lanes stay.
        if (machine->thread_count() > 2) {
            REQUIRE(ThreadLaneIndex(data, 0) >= 0);
            REQUIRE(ThreadLaneIndex(data, 1) >= 0);
        }
        CHECK(data.finished_threads.size() <= lab::kMaxFinishedThreads);
        CHECK(data.thread_lanes.size() <= data.finished_threads.size() + 3);
        CHECK(data.lanes.size() <= data.thread_lanes.size() + data.dropped_lanes + 3); // + 2 CPUs + the GIL
        CHECK(data.dropped_lanes < lab::kMaxFinishedThreads);
        dropped_while_the_sleeper_lived |= data.threads_not_shown > 0;
        for (const ThreadLaneRef& ref : data.thread_lanes)
            REQUIRE(data.lanes[size_t(ref.lane)].id == ref.thread); // indices renumbered right
    }
    SyncTimelineWithTrace(data, machine->trace());
    REQUIRE(machine->status() == machine::RunStatus::Finished);
    CHECK(dropped_while_the_sleeper_lived);
    CHECK(machine->trace().stats().dropped_events == 0);

    // Everyone finished: the newest 256 lanes are left, in thread order, named and drawn.
    const int threads = kShortLivedThreads + 2;
    CHECK(data.thread_lanes.size() == lab::kMaxFinishedThreads);
    CHECK(data.threads_not_shown == uint64_t(threads) - lab::kMaxFinishedThreads);
    CHECK(ThreadLaneIndex(data, 2) < 0);
    const TimelineLane& newest = ThreadLane(data, threads - 1);
    CHECK(newest.name == "short");
    CHECK(newest.finished);
    CHECK_FALSE(newest.open);
    CHECK(newest.slices.slices.size() >= 2); // ready, then running
    for (size_t i = 1; i < data.thread_lanes.size(); ++i)
        CHECK(data.thread_lanes[i - 1].thread < data.thread_lanes[i].thread);

    // A stop recorded after a dropped thread's exit makes no lane for it again.
    machine::TraceEvent stop = Stop(data.end, 2, 0, machine::StopReason::Exited);
    AddTraceEvent(data, stop);
    CHECK(ThreadLaneIndex(data, 2) < 0);
}

TEST_CASE("counts read in groups of three digits") {
    char buf[32];
    CHECK(std::string(FormatCount(buf, sizeof buf, 0)) == "0");
    CHECK(std::string(FormatCount(buf, sizeof buf, 999)) == "999");
    CHECK(std::string(FormatCount(buf, sizeof buf, 1000)) == "1 000");
    CHECK(std::string(FormatCount(buf, sizeof buf, 99744)) == "99 744");
    CHECK(std::string(FormatCount(buf, sizeof buf, UINT64_MAX)) == "18 446 744 073 709 551 615");
    CHECK(std::string(FormatCount(buf, 4, 99744)) == "99 "); // cut to the buffer, still a string
}

TEST_CASE("lab snapshots feed the timeline chunk by chunk; every CPU has a lane; a new run starts afresh") {
    const std::vector<machine::TraceEvent> events = GilHandOverEvents();
    auto first = std::make_shared<lab::TraceChunk>(events.begin(), events.begin() + 8);
    auto second = std::make_shared<lab::TraceChunk>(events.begin() + 8, events.end());
    lab::LabSnapshot snap;
    snap.run_id = 1;
    snap.cpus.resize(4);
    snap.threads.resize(2);
    snap.threads[0].id = 0;
    snap.threads[0].name = "MainThread";
    snap.threads[1].id = 1;
    snap.threads[1].name = "Worker-1";
    snap.processes.resize(1);
    snap.processes[0].name = "MainProcess";
    snap.trace_chunks = {first};
    snap.trace_events = first->size();
    snap.now = 100;

    TimelineData data;
    SyncTimelineWithLab(data, snap);
    CHECK(data.cpu_lanes.size() == 4); // CPUs 2 and 3 never ran anything, and still show
    CHECK(data.chunks_seen == 1);
    snap.trace_chunks.push_back(second); // the next snapshot shares the first chunk
    snap.trace_events += second->size();
    snap.now = 900;
    SyncTimelineWithLab(data, snap);
    SyncTimelineWithLab(data, snap); // the same snapshot again changes nothing
    const TimelineLane& worker = ThreadLane(data, 1);
    CHECK(worker.name == "Worker-1");
    CHECK(data.lanes[size_t(data.gil_lanes[0])].name == "MainProcess");
    CHECK(worker.slices.slices.size() == 3);
    CHECK(worker.slices.slices.back().end == 900);
    CHECK(data.events_seen == events.size());

    lab::LabSnapshot restarted;
    restarted.run_id = 2;
    SyncTimelineWithLab(data, restarted);
    CHECK(data.lanes.empty());
    CHECK(data.run_id == 2);
}

TEST_CASE("a link's zoom is shown exactly across the timeline's width") {
    TimeAxis axis;
    axis.width_px = 500;
    ShowExactRange(axis, 1 * machine::kMillisecond, 3 * machine::kMillisecond);
    CHECK(axis.start_ns == doctest::Approx(1e6));
    CHECK(axis.end_ns() == doctest::Approx(3e6));
}
