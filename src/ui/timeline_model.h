// The timeline's pure logic, free of ImGui and GL so the unit tests cover it natively and under
// node: the lanes it shows (an append-only index derived from the engine's trace), the time axis
// (time <-> pixel), the per-frame draw lists (culled to the screen, sub-pixel slices merged: the
// level of detail), hit testing, and the ruler's ticks.
//
// Index:
//   Slice kinds     what a stretch of a lane means: running, ready, blocked (and why), ...
//   Storage         BlockList: append-only storage that never moves what it holds
//   Lanes           SliceTrack, MarkerTrack, TimelineLane, TimelineData, ThreadLaneIndex
//   From the trace  AddTraceEvent, ExtendOpenSlices, SyncTimelineWithTrace / WithLab
//   Counts          FormatCount: "99 744"
//   Schedule marks  where the run's schedule preempted a thread, and the conflict that matters
//   Time axis       TimeAxis: the visible range and its mapping to pixels; zoom, pan, fit
//   Draw lists      BuildSliceDrawList, BuildMarkerDrawList: what one lane draws this frame
//   Hit testing     which drawn item lies under a pixel
//   Ruler           tick spacing and time labels
#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "lab/snapshot.h"
#include "machine/sim_time.h"
#include "machine/trace.h"
#include "ui/strings.h"

namespace ui {

using SimTime = machine::SimTime;

// ----------------------------------------------------------------------------------------------
// Slice kinds
// ----------------------------------------------------------------------------------------------

// What one stretch of a lane means. A thread lane covers the thread's life without gaps; its
// wait is two stretches: Blocked*/WaitingForGil until the event that wakes it, then Ready until
// it runs again, so the cost of contention is visible on its own.
enum class SliceKind : uint8_t {
    Running,       // thread lane, on a CPU. detail: the CPU; other: the CPU before (migration);
                   // reason: the machine::StopReason it left with
    Ready,         // thread lane, runnable, waiting for a CPU. other: who woke it;
                   // reason: the machine::ReadyReason
    WaitingForGil, // thread lane, blocked until its process's GIL is handed to it. detail: the
                   // process; other: the holder
    BlockedSleep,  // thread lane: in time.sleep() or a timed wait
    BlockedIo,     // thread lane: waiting for simulated I/O
    BlockedLock,   // thread lane: waiting on a lock, semaphore, event, condition, barrier or
                   // queue. detail: the sync object; other: its holder; reason: the machine::WaitKind
    BlockedJoin,   // thread lane: in join(). detail: the thread it waits for
    OnCpu,         // CPU lane: a thread runs here. detail: the thread; reason: machine::StopReason
    GilHeld,       // GIL lane: a thread holds it. detail: the thread; other: the holder before;
                   // reason: the machine::GilReleaseReason
    Count
};

// Short code and plain-words explanation of each kind, for labels, legends and tooltips.
struct KindText {
    const char* code;        // "RUN", "GILW", ...: fits inside a narrow slice
    Str name;                // "Running"
    Str explanation;         // one sentence a student understands
};
const KindText& GetSliceKindText(SliceKind kind);

// The stretches that count as doing work: merged runs report what share of their time was this.
inline bool IsActiveKind(SliceKind kind) {
    return kind == SliceKind::Running || kind == SliceKind::OnCpu || kind == SliceKind::GilHeld;
}

// Instants drawn as markers.
enum class MarkerKind : uint8_t {
    LockAcquired,   // thread lane. detail: the sync object
    LockReleased,   // thread lane. detail: the sync object
    Output,         // thread lane. detail: index into TimelineData::output_text
    GilDropRequest, // GIL lane. detail: the waiting thread that asked the holder to let go
    Count
};
const KindText& GetMarkerKindText(MarkerKind kind);

// ----------------------------------------------------------------------------------------------
// Storage
// ----------------------------------------------------------------------------------------------

// Append-only storage in blocks that never move what they hold: no copying a million slices
// when a vector would double (a visible hitch while a run is live). The blocks double from
// kFirstBlock elements up to kBlockSize, then stay there: a lane with a handful of slices (one of
// thousands of short-lived threads) holds a few hundred bytes rather than a whole large block,
// and a lane with millions has at most one partly filled block of slack.
template <typename T>
class BlockList {
public:
    static constexpr size_t kFirstBlock = 8;
    static constexpr size_t kBlockSize = 4096;

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const T& operator[](size_t i) const {
        const Place place = locate(i);
        return blocks_[place.block][place.offset];
    }
    T& operator[](size_t i) {
        const Place place = locate(i);
        return blocks_[place.block][place.offset];
    }
    const T& back() const { return (*this)[size_ - 1]; }
    T& back() { return (*this)[size_ - 1]; }

    void push_back(const T& value) {
        const Place place = locate(size_);
        if (place.block == blocks_.size())
            blocks_.push_back(std::make_unique<T[]>(block_capacity(place.block)));
        blocks_[place.block][place.offset] = value;
        ++size_;
    }

    // The first index in [from, size()) whose element fails `before` (which must hold for a
    // prefix of the elements and fail for the rest), or size().
    template <typename Pred>
    size_t partition_point(size_t from, Pred before) const {
        size_t lo = from, hi = size_;
        while (lo < hi) {
            const size_t mid = lo + (hi - lo) / 2;
            if (before((*this)[mid]))
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

private:
    // Blocks 0 .. kGrowingBlocks-1 hold kFirstBlock << block elements, kGrowingElements in all;
    // every later block holds kBlockSize.
    static constexpr size_t kGrowingBlocks = std::bit_width(kBlockSize / kFirstBlock) - 1;
    static constexpr size_t kGrowingElements = kBlockSize - kFirstBlock;
    static_assert(kFirstBlock << kGrowingBlocks == kBlockSize, "the blocks double up to kBlockSize");

    struct Place {
        size_t block, offset;
    };
    static Place locate(size_t i) {
        if (i < kGrowingElements) {
            const size_t block = std::bit_width(i / kFirstBlock + 1) - 1;
            return {block, i - kFirstBlock * ((size_t{1} << block) - 1)};
        }
        const size_t past = i - kGrowingElements;
        return {kGrowingBlocks + past / kBlockSize, past % kBlockSize};
    }
    static size_t block_capacity(size_t block) {
        return block < kGrowingBlocks ? kFirstBlock << block : kBlockSize;
    }

    std::vector<std::unique_ptr<T[]>> blocks_;
    size_t size_ = 0;
};

// ----------------------------------------------------------------------------------------------
// Lanes
// ----------------------------------------------------------------------------------------------

struct Slice { // 32 bytes
    SimTime start = 0, end = 0;
    SimTime active_before = 0; // total active time of the lane's earlier slices (see SliceTrack)
    int32_t detail = -1;       // see SliceKind
    int16_t other = -1;        // a related thread or CPU (see SliceKind); -1: none
    SliceKind kind = SliceKind::Running;
    uint8_t reason = 0;        // the engine's reason code (see SliceKind)
};

// A lane's slices in time order, never overlapping, so both starts and ends are sorted and a
// binary search finds the first one on screen. Append-only, except that the last slice may
// still be growing (the live edge: a thread that is running now).
//
// For the level of detail, each slice has a significance: the larger of its length and the gap
// before it. Slices narrower than a pixel merge into one run for exactly as long as both stay
// under a pixel, so a run ends at the first significant slice after its start. Maxima of the
// significance over blocks of 16, 256, 4096, ... slices find that slice in O(log n), however
// many slices the run swallows.
struct SliceTrack {
    static constexpr int kLevels = 5;   // block sizes 16^1 .. 16^5
    static constexpr int kFanBits = 4;  // 16 children per block

    BlockList<Slice> slices;
    // block_max[L][b]: at least the largest significance among slices [b, b + 1) * 16^(L+1).
    std::vector<SimTime> block_max[kLevels];

    // `slice` must start at or after the end of the last one. Sets its active_before: the
    // running total that lets a merged run of thousands of slices report its busy share in O(1).
    void append(Slice slice);
    // Move the last slice's end (it is still open): later, never before its start.
    void extend_last(SimTime end);
    // Active time (IsActiveKind) of slices [first, first + count).
    SimTime active_time(size_t first, size_t count) const;
    // Index of the slice covering time t, or -1.
    ptrdiff_t find(SimTime t) const;
    SimTime significance(size_t i) const;
    // The first index in [from, to) whose significance is at least `threshold`, or `to`.
    size_t first_significant(size_t from, size_t to, SimTime threshold) const;

private:
    void note_significance(size_t i);
};

struct Marker {
    SimTime time = 0;
    int32_t detail = -1; // see MarkerKind
    MarkerKind kind = MarkerKind::Output;
};

// Instants in time order (ties keep their order of arrival).
struct MarkerTrack {
    BlockList<Marker> markers;
};

enum class LaneKind : uint8_t { Cpu, Gil, Thread };

struct TimelineLane {
    LaneKind kind = LaneKind::Thread;
    int32_t id = 0;      // CPU number, process id (Gil) or thread id
    int32_t process = -1; // the process a Gil or Thread lane belongs to; CPUs: -1
    std::string name;    // "CPU 0", "GIL", "MainThread"
    SliceTrack slices;
    MarkerTrack markers;
    bool open = false;   // the last slice is still growing with the live edge
    bool finished = false; // a thread lane whose thread exited or was killed
    bool dropped = false;  // a finished thread's lane no longer shown: emptied, erased soon
};

// Where a thread's lane is in TimelineData::lanes.
struct ThreadLaneRef {
    machine::ThreadId thread = machine::kNoThread;
    int32_t lane = -1;
};

// A mark of the schedule the run follows (lab::ScheduleNoteView) on a thread's lane: the thread
// was preempted there, or made one of the two conflicting accesses that make a preemption matter.
enum class ScheduleMarkKind : uint8_t { Preempted, Read, Write };

struct ScheduleMark {
    SimTime time = 0;
    int32_t lane = -1;  // index into TimelineData::lanes
    int32_t note = -1;  // index into TimelineData::schedule_notes
    ScheduleMarkKind kind = ScheduleMarkKind::Preempted;
};

// Everything the timeline shows, derived from the engine's trace event by event. Lanes are kept
// in the order they appeared; the view decides the display order.
//
// A program may start and finish 100 000 threads one after another: only the lanes of threads
// still alive and of the newest lab::kMaxFinishedThreads finished ones are kept, as the Threads
// window lists them, and the older ones are counted in threads_not_shown. Dropping lanes moves
// the later ones to lower indices: a lane index held across a sync is good only while
// lane_changes stays the same.
struct TimelineData {
    std::vector<TimelineLane> lanes;
    // Lane index (into `lanes`) by CPU and by process (its GIL lane); -1 while none.
    std::vector<int32_t> cpu_lanes, gil_lanes;
    // The thread lanes kept, in thread id order (ThreadLaneIndex finds one).
    std::vector<ThreadLaneRef> thread_lanes;
    // The finished threads whose lanes are kept, oldest first.
    std::deque<machine::ThreadId> finished_threads;
    uint64_t threads_not_shown = 0; // finished threads whose lanes were dropped
    size_t dropped_lanes = 0;       // of those, lanes still in `lanes`, emptied, until a batch is erased
    uint64_t lane_changes = 0;      // grows whenever a lane is made or dropped
    std::vector<std::string> output_text; // what each Output marker's line said
    SimTime end = 0;             // the live edge: the latest time anything is known about
    uint64_t events_seen = 0;    // trace events consumed so far
    uint64_t events_missed = 0;  // events the trace dropped before they were consumed
    uint64_t run_id = 0;         // SyncTimelineWithLab: the run these lanes show
    size_t chunks_seen = 0;      // SyncTimelineWithLab: that run's trace chunks consumed so far
    // The preemptions of the run's schedule and their marks, in time order per lane (few: one
    // per preemption and two per conflict), made again when the notes change or lanes appear.
    std::shared_ptr<const lab::ScheduleNotes> schedule_notes;
    std::vector<ScheduleMark> schedule_marks;
    uint64_t schedule_marks_lane_changes = 0;  // lane_changes when the marks were made
};

// Index into data.lanes of thread `thread`'s lane, or -1 (never seen, or a finished thread whose
// lane was dropped).
int32_t ThreadLaneIndex(const TimelineData& data, machine::ThreadId thread);

// ----------------------------------------------------------------------------------------------
// From the trace
// ----------------------------------------------------------------------------------------------

// Apply one trace event, in the order the machine recorded them. Closes and opens slices, adds
// markers and lanes (named "CPU n", "GIL", "Thread n" until SyncTimelineWithTrace names them),
// and drops the oldest finished thread's lane past lab::kMaxFinishedThreads.
// Tolerates holes (events dropped before they were seen): a slice that was never opened is not
// closed, and a new one closes whatever is open; an event that only ends something on a thread
// without a lane (dropped already) makes none.
void AddTraceEvent(TimelineData& data, const machine::TraceEvent& event);
// Grow the slices that are still open (running threads, held GILs, ...) to `now`.
void ExtendOpenSlices(TimelineData& data, SimTime now);
// Give every CPU of the machine its lane, idle ones too: an idle CPU is part of the lesson
// (threads of one process with the GIL leave the others idle).
void AddCpuLanes(TimelineData& data, int cpu_count);
// Consume the events `trace` recorded since the last call, copy output lines and thread names,
// and extend open slices to its clock. Call on the thread that owns the trace.
void SyncTimelineWithTrace(TimelineData& data, const machine::Trace& trace);
// The same from the lab's snapshots, which carry the run's whole trace as shared chunks: take
// the chunks not seen yet; a snapshot of another run starts the lanes afresh.
void SyncTimelineWithLab(TimelineData& data, const lab::LabSnapshot& snap);

// ----------------------------------------------------------------------------------------------
// Counts
// ----------------------------------------------------------------------------------------------

// A count with its digits in groups of three, "99 744", in both languages: a number of threads
// read at a glance. Writes into buf (NUL-terminated, truncated to size) and returns it.
const char* FormatCount(char* buf, size_t size, uint64_t count);

// ----------------------------------------------------------------------------------------------
// Schedule marks
// ----------------------------------------------------------------------------------------------

// Makes the marks of `notes` on the thread lanes there are (SyncTimelineWithLab calls it).
void SyncScheduleMarks(TimelineData& data, const std::shared_ptr<const lab::ScheduleNotes>& notes);
// "Preempted", "Read", "Wrote".
const char* ScheduleMarkName(ScheduleMarkKind kind);

// ----------------------------------------------------------------------------------------------
// Time axis
// ----------------------------------------------------------------------------------------------

// Which span of simulated time the lanes show, and where on screen. Times are held as double
// nanoseconds: exact for any run shorter than about 100 days, and smooth when zooming in
// between two nanoseconds.
struct TimeAxis {
    double start_ns = 0;     // time at the left edge of the lanes
    double ns_per_px = 1000; // zoom: simulated nanoseconds per screen pixel
    double left_px = 0;      // screen x of the lanes' left edge
    double width_px = 1;     // width of the lanes on screen

    double end_ns() const { return start_ns + ns_per_px * width_px; }
    double time_to_x(double t) const { return left_px + (t - start_ns) / ns_per_px; }
    double x_to_time(double x) const { return start_ns + (x - left_px) * ns_per_px; }
};

// How far in and out the view may go: less than a few nanoseconds across the screen says
// nothing more, and nothing in the lab lasts a day.
constexpr double kMinVisibleSpanNs = 20.0;
constexpr double kMaxVisibleSpanNs = 86400.0 * 1e9;

// Zoom by `factor` (< 1 zooms in) keeping the time under screen x where it is.
void ZoomAround(TimeAxis& axis, double x, double factor);
// Move the view by a drag of dx pixels (dragging right shows earlier time).
void PanByPixels(TimeAxis& axis, double dx);
// Show [start, end] across the whole width, with a small margin on both sides.
void FitToRange(TimeAxis& axis, SimTime start, SimTime end);
// Show exactly [start, end] across the whole width (a shared link's zoom).
void ShowExactRange(TimeAxis& axis, SimTime start, SimTime end);
// Keep the zoom, and put time t at the right edge (following the live edge while playing).
void ShowEndAt(TimeAxis& axis, double t);

// ----------------------------------------------------------------------------------------------
// Draw lists
// ----------------------------------------------------------------------------------------------

// One rectangle a lane draws this frame: a single slice, or a run of slices merged because
// each was narrower than a pixel. x0/x1 are screen pixels, clamped to just outside the lanes.
struct SliceDrawItem {
    float x0 = 0, x1 = 0;
    uint32_t first = 0;         // index of the first slice in the track
    uint32_t count = 0;         // 1: one slice; more: a merged run
    float active_share = 0;     // share of the item's span that was active (0..1)
    SimTime start = 0, end = 0; // exact time span (the union of the merged slices)
};

// Fills `out` (cleared first, capacity kept) with the track's items visible on `axis`.
// Slices at least `min_px` wide stay separate; narrower neighbours closer than `min_px` merge
// into one run; an isolated narrow slice is widened to `min_px` so it stays visible. Costs
// O(items drawn * log slices), not O(slices): a zoomed-out lane of a million slices is cheap.
// A run is cut at the view's edges, so its count and busy share describe what is on screen.
void BuildSliceDrawList(const SliceTrack& track, const TimeAxis& axis, float min_px,
                        std::vector<SliceDrawItem>& out);

// One marker, or a cluster of markers closer together than the merge distance.
struct MarkerDrawItem {
    float x = 0; // where the cluster's first marker is
    uint32_t first = 0;
    uint32_t count = 0;
};

// Fills `out` with the visible markers; markers within `merge_px` of a cluster's first join it.
void BuildMarkerDrawList(const MarkerTrack& track, const TimeAxis& axis, float merge_px,
                         std::vector<MarkerDrawItem>& out);

// ----------------------------------------------------------------------------------------------
// Hit testing
// ----------------------------------------------------------------------------------------------

// Index of the item whose span contains screen x, or -1. Items are in x order.
ptrdiff_t HitTestSlices(const std::vector<SliceDrawItem>& items, float x);
// Index of the marker item nearest to x within `radius_px`, or -1.
ptrdiff_t HitTestMarkers(const std::vector<MarkerDrawItem>& items, float x, float radius_px);

// ----------------------------------------------------------------------------------------------
// Ruler
// ----------------------------------------------------------------------------------------------

// The smallest 1-2-5 step (in ns, at least 1) that keeps ticks at least `min_px` apart.
SimTime ChooseTickStep(double ns_per_px, double min_px);
// A time in the largest unit `reference` reaches, with as many decimals as `precision` (ns)
// needs: "0", "12.35 ms", "250 ns", "1.5 s". A ruler passes the visible range's extent as the
// reference so all its labels share one unit; a tooltip passes the time itself. Writes into buf
// (NUL-terminated, truncated to size) and returns it.
const char* FormatTime(char* buf, size_t size, SimTime t, SimTime precision, SimTime reference);
// A duration for tooltips, to four significant digits: "1.234 ms", "17 ns".
const char* FormatDuration(char* buf, size_t size, SimTime d);

} // namespace ui
