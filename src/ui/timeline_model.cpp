// The timeline's pure logic. Sections follow timeline_model.h: Slice kinds, Lanes, From the
// trace, Time axis, Draw lists, Hit testing, Ruler.
#include "ui/timeline_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "lab/capture.h"
#include "machine/sync.h"
#include "machine/thread_state.h"
#include "ui/threads_model.h"

namespace ui {

// ----------------------------------------------------------------------------------------------
// Slice kinds
// ----------------------------------------------------------------------------------------------

const KindText& GetSliceKindText(SliceKind kind) {
    static const KindText kTexts[] = {
        {"RUN", Str::SliceRunning, Str::SliceRunningExplain},
        {"RDY", Str::SliceReady, Str::SliceReadyExplain},
        {"GILW", Str::SliceGilWait, Str::SliceGilWaitExplain},
        {"SLP", Str::SliceSleeping, Str::SliceSleepingExplain},
        {"I/O", Str::SliceIo, Str::SliceIoExplain},
        {"LCK", Str::SliceLock, Str::SliceLockExplain},
        {"JOIN", Str::SliceJoin, Str::SliceJoinExplain},
        {"CPU", Str::SliceOnCpu, Str::SliceOnCpuExplain},
        {"GIL", Str::SliceGilHeld, Str::SliceGilHeldExplain},
    };
    static_assert(sizeof kTexts / sizeof kTexts[0] == size_t(SliceKind::Count));
    return kTexts[size_t(kind)];
}

const KindText& GetMarkerKindText(MarkerKind kind) {
    static const KindText kTexts[] = {
        {"ACQ", Str::MarkerAcquired, Str::MarkerAcquiredExplain},
        {"REL", Str::MarkerReleased, Str::MarkerReleasedExplain},
        {"OUT", Str::MarkerOutput, Str::MarkerOutputExplain},
        {"DROP", Str::MarkerDrop, Str::MarkerDropExplain},
    };
    static_assert(sizeof kTexts / sizeof kTexts[0] == size_t(MarkerKind::Count));
    return kTexts[size_t(kind)];
}

// ----------------------------------------------------------------------------------------------
// Lanes
// ----------------------------------------------------------------------------------------------

static SimTime ActiveDuration(const Slice& s) { return IsActiveKind(s.kind) ? s.end - s.start : 0; }

void SliceTrack::append(Slice slice) {
    if (slices.empty()) {
        slice.active_before = 0;
        slices.push_back(slice);
        note_significance(0);
        return;
    }
    const Slice& last = slices.back();
    // A stretch that ended as soon as it began (ready and dispatched at the same instant) shows
    // nothing: the new slice takes its place.
    if (last.start == last.end && last.start == slice.start) {
        slice.active_before = last.active_before;
        slices.back() = slice;
        note_significance(slices.size() - 1);
        return;
    }
    slice.active_before = last.active_before + ActiveDuration(last);
    slices.push_back(slice);
    note_significance(slices.size() - 1);
}

void SliceTrack::extend_last(SimTime end) {
    Slice& last = slices.back();
    last.end = std::max(end, last.start);
    note_significance(slices.size() - 1);
}

SimTime SliceTrack::active_time(size_t first, size_t count) const {
    if (count == 0)
        return 0;
    const Slice& last = slices[first + count - 1];
    return last.active_before + ActiveDuration(last) - slices[first].active_before;
}

SimTime SliceTrack::significance(size_t i) const {
    const Slice& s = slices[i];
    const SimTime gap = i > 0 ? s.start - slices[i - 1].end : 0;
    return std::max(s.end - s.start, gap);
}

// Block maxima only ever grow, so a replaced or extended last slice leaves them at least as
// large as the truth: a block is skipped only when nothing in it can be significant.
void SliceTrack::note_significance(size_t i) {
    const SimTime value = significance(i);
    for (int level = 0; level < kLevels; ++level) {
        const size_t block = i >> (kFanBits * (level + 1));
        std::vector<SimTime>& maxima = block_max[level];
        if (block == maxima.size())
            maxima.push_back(value);
        else
            maxima[block] = std::max(maxima[block], value);
    }
}

size_t SliceTrack::first_significant(size_t from, size_t to, SimTime threshold) const {
    size_t i = from;
    while (i < to) {
        // Climb to the largest block that starts at i and holds nothing significant.
        int skip_level = -1;
        while (skip_level + 1 < kLevels) {
            const int bits = kFanBits * (skip_level + 2);
            const size_t block = i >> bits;
            if ((i & ((size_t(1) << bits) - 1)) != 0 || block >= block_max[skip_level + 1].size() ||
                block_max[skip_level + 1][block] >= threshold)
                break;
            ++skip_level;
        }
        if (skip_level >= 0) {
            i += size_t(1) << (kFanBits * (skip_level + 1));
        } else {
            if (significance(i) >= threshold)
                return i;
            ++i;
        }
    }
    return to;
}

ptrdiff_t SliceTrack::find(SimTime t) const {
    const size_t i = slices.partition_point(0, [t](const Slice& s) { return s.end <= t; });
    if (i == slices.size() || slices[i].start > t)
        return -1;
    return ptrdiff_t(i);
}

// ----------------------------------------------------------------------------------------------
// From the trace
// ----------------------------------------------------------------------------------------------

namespace {

std::string DefaultLaneName(LaneKind kind, int32_t id) {
    switch (kind) {
    case LaneKind::Cpu: return "CPU " + std::to_string(id);
    case LaneKind::Gil: return "Process " + std::to_string(id);
    case LaneKind::Thread: return "Thread " + std::to_string(id);
    }
    return {};
}

int32_t NewLane(TimelineData& data, LaneKind kind, int32_t id) {
    TimelineLane lane;
    lane.kind = kind;
    lane.id = id;
    lane.process = kind == LaneKind::Gil ? id : -1;
    lane.name = DefaultLaneName(kind, id);
    data.lanes.push_back(std::move(lane));
    ++data.lane_changes;
    return int32_t(data.lanes.size() - 1);
}

// Where thread `id` is or would go in data.thread_lanes. New threads come last: looked at first.
template <typename Data>
auto ThreadLanePlace(Data& data, machine::ThreadId id) {
    auto& refs = data.thread_lanes;
    if (refs.empty() || refs.back().thread < id)
        return refs.end();
    return std::lower_bound(refs.begin(), refs.end(), id,
                            [](const ThreadLaneRef& ref, machine::ThreadId thread) { return ref.thread < thread; });
}

// The lane of CPU, process (GIL) or thread `id`, made on first use.
TimelineLane& LaneFor(TimelineData& data, LaneKind kind, int32_t id) {
    if (kind == LaneKind::Thread) {
        auto place = ThreadLanePlace(data, id);
        if (place == data.thread_lanes.end() || place->thread != id)
            place = data.thread_lanes.insert(place, {id, NewLane(data, kind, id)});
        return data.lanes[size_t(place->lane)];
    }
    std::vector<int32_t>& table = kind == LaneKind::Cpu ? data.cpu_lanes : data.gil_lanes;
    if (id >= int32_t(table.size()))
        table.resize(size_t(id) + 1, -1);
    if (table[size_t(id)] < 0)
        table[size_t(id)] = NewLane(data, kind, id);
    return data.lanes[size_t(table[size_t(id)])];
}

// Thread `id`'s lane if it has one: what only ends a stretch makes no lane for a thread whose
// lane was dropped.
TimelineLane* ExistingThreadLane(TimelineData& data, machine::ThreadId id) {
    const int32_t lane = ThreadLaneIndex(data, id);
    return lane < 0 ? nullptr : &data.lanes[size_t(lane)];
}

// Erase the dropped lanes from `lanes` in one pass, so dropping one costs O(1) amortised rather
// than moving every later lane, and renumber the indices into it.
void EraseDroppedLanes(TimelineData& data) {
    std::vector<int32_t> moved_to(data.lanes.size(), -1);
    size_t kept = 0;
    for (size_t i = 0; i < data.lanes.size(); ++i) {
        if (data.lanes[i].dropped)
            continue;
        moved_to[i] = int32_t(kept);
        if (kept != i)
            data.lanes[kept] = std::move(data.lanes[i]);
        ++kept;
    }
    data.lanes.resize(kept);
    for (std::vector<int32_t>* table : {&data.cpu_lanes, &data.gil_lanes})
        for (int32_t& lane : *table)
            if (lane >= 0)
                lane = moved_to[size_t(lane)];
    for (ThreadLaneRef& ref : data.thread_lanes)
        ref.lane = moved_to[size_t(ref.lane)];
    data.dropped_lanes = 0;
}

// The oldest kept finished thread's lane: emptied and forgotten now, erased with a batch.
void DropOldestFinishedLane(TimelineData& data) {
    const machine::ThreadId thread = data.finished_threads.front();
    data.finished_threads.pop_front();
    const auto place = ThreadLanePlace(data, thread);
    TimelineLane& lane = data.lanes[size_t(place->lane)];
    data.thread_lanes.erase(place);
    TimelineLane emptied;
    emptied.kind = lane.kind;
    emptied.id = lane.id;
    emptied.dropped = true;
    lane = std::move(emptied);
    ++data.threads_not_shown;
    ++data.lane_changes;
    if (++data.dropped_lanes >= lab::kMaxFinishedThreads)
        EraseDroppedLanes(data);
}

void CloseOpenSlice(TimelineLane& lane, SimTime t) {
    if (!lane.open)
        return;
    lane.slices.extend_last(t);
    lane.open = false;
}

void FinishThreadLane(TimelineData& data, machine::ThreadId thread, SimTime t) {
    TimelineLane* lane = ExistingThreadLane(data, thread);
    if (!lane)
        return;
    CloseOpenSlice(*lane, t);
    if (lane->finished)
        return;
    lane->finished = true;
    data.finished_threads.push_back(thread);
    if (data.finished_threads.size() > lab::kMaxFinishedThreads)
        DropOldestFinishedLane(data);
}

// End the thread's run (or the CPU's, the GIL's hold) with the engine's reason for ending it.
// The engine may record the stop just after what caused it (the thread's block, which already
// closed the run), so the slice is the open one or one of the last two, ended at this instant.
void EndSliceWithReason(TimelineLane& lane, SimTime t, SliceKind kind, uint8_t reason) {
    BlockList<Slice>& slices = lane.slices.slices;
    if (lane.open && slices.back().kind == kind) {
        slices.back().reason = reason;
        CloseOpenSlice(lane, t);
        return;
    }
    for (size_t back = 1; back <= 2 && back <= slices.size(); ++back) {
        Slice& s = slices[slices.size() - back];
        if (s.kind == kind && s.end == t) {
            s.reason = reason;
            return;
        }
    }
}

void OpenSlice(TimelineLane& lane, SimTime t, SliceKind kind, int32_t detail, int32_t other,
               uint8_t reason) {
    CloseOpenSlice(lane, t);
    Slice slice;
    slice.start = slice.end = t;
    slice.kind = kind;
    slice.detail = detail;
    slice.other = other >= INT16_MIN && other <= INT16_MAX ? int16_t(other) : int16_t(-1);
    slice.reason = reason;
    lane.slices.append(slice);
    lane.open = true;
}

void AddMarker(TimelineLane& lane, SimTime t, MarkerKind kind, int32_t detail) {
    lane.markers.markers.push_back({t, detail, kind});
}

SliceKind BlockedKind(machine::WaitKind wait) {
    switch (wait) {
    case machine::WaitKind::Sleep: return SliceKind::BlockedSleep;
    case machine::WaitKind::Io: return SliceKind::BlockedIo;
    case machine::WaitKind::Join:
    case machine::WaitKind::Children: return SliceKind::BlockedJoin;
    case machine::WaitKind::Gil: return SliceKind::WaitingForGil;
    default: return SliceKind::BlockedLock;
    }
}

} // namespace

void AddTraceEvent(TimelineData& data, const machine::TraceEvent& e) {
    using machine::TraceKind;
    const SimTime t = e.time;
    switch (e.kind) {
    case TraceKind::ProcessStart: LaneFor(data, LaneKind::Gil, e.object); break;
    case TraceKind::ProcessExit: CloseOpenSlice(LaneFor(data, LaneKind::Gil, e.object), t); break;
    case TraceKind::ThreadCreate: LaneFor(data, LaneKind::Thread, e.thread).process = e.object; break;
    case TraceKind::ThreadReady: {
        TimelineLane& lane = LaneFor(data, LaneKind::Thread, e.thread);
        // A released Lock or Semaphore goes straight to its first waiter: the waiter's wake-up is
        // the moment it acquires it (the trace records the acquire only when it did not block).
        if (lane.open && e.reason == uint8_t(machine::ReadyReason::Woke)) {
            const Slice& waiting = lane.slices.slices.back();
            const auto wait = machine::WaitKind(waiting.reason);
            if (waiting.kind == SliceKind::BlockedLock && (wait == machine::WaitKind::Lock || wait == machine::WaitKind::Semaphore))
                AddMarker(lane, t, MarkerKind::LockAcquired, waiting.detail);
        }
        OpenSlice(lane, t, SliceKind::Ready, -1, e.other, e.reason);
        break;
    }
    case TraceKind::ThreadRun:
        OpenSlice(LaneFor(data, LaneKind::Thread, e.thread), t, SliceKind::Running, e.cpu, e.other, 0);
        OpenSlice(LaneFor(data, LaneKind::Cpu, e.cpu), t, SliceKind::OnCpu, e.thread, -1, 0);
        break;
    case TraceKind::ThreadStop:
        if (TimelineLane* lane = ExistingThreadLane(data, e.thread))
            EndSliceWithReason(*lane, t, SliceKind::Running, e.reason);
        EndSliceWithReason(LaneFor(data, LaneKind::Cpu, e.cpu), t, SliceKind::OnCpu, e.reason);
        break;
    case TraceKind::ThreadBlock: {
        const SliceKind kind = BlockedKind(machine::WaitKind(e.reason));
        OpenSlice(LaneFor(data, LaneKind::Thread, e.thread), t, kind, e.object, e.other, e.reason);
        break;
    }
    case TraceKind::ThreadExit:
    case TraceKind::ThreadKill: FinishThreadLane(data, e.thread, t); break;
    case TraceKind::GilTake:
        OpenSlice(LaneFor(data, LaneKind::Gil, e.object), t, SliceKind::GilHeld, e.thread, e.other, 0);
        break;
    case TraceKind::GilRelease:
        EndSliceWithReason(LaneFor(data, LaneKind::Gil, e.object), t, SliceKind::GilHeld, e.reason);
        break;
    case TraceKind::GilDropRequest:
        AddMarker(LaneFor(data, LaneKind::Gil, e.object), t, MarkerKind::GilDropRequest, e.thread);
        break;
    case TraceKind::Sync: {
        const auto op = machine::SyncOp(e.reason);
        const bool failed = e.other > 0; // a KernelError: nothing changed hands
        if (op == machine::SyncOp::Acquire && e.value == 1)
            AddMarker(LaneFor(data, LaneKind::Thread, e.thread), t, MarkerKind::LockAcquired, e.object);
        else if (op == machine::SyncOp::Release && !failed)
            AddMarker(LaneFor(data, LaneKind::Thread, e.thread), t, MarkerKind::LockReleased, e.object);
        break;
    }
    case TraceKind::Output:
        AddMarker(LaneFor(data, LaneKind::Thread, e.thread), t, MarkerKind::Output, e.object);
        break;
    case TraceKind::RunEnd:
        for (TimelineLane& lane : data.lanes)
            CloseOpenSlice(lane, t);
        break;
    case TraceKind::MlfqDemote:
    case TraceKind::MlfqBoost: break;
    }
    data.end = std::max(data.end, t);
}

int32_t ThreadLaneIndex(const TimelineData& data, machine::ThreadId thread) {
    const auto place = ThreadLanePlace(data, thread);
    return place != data.thread_lanes.end() && place->thread == thread ? place->lane : -1;
}

void ExtendOpenSlices(TimelineData& data, SimTime now) {
    for (TimelineLane& lane : data.lanes)
        if (lane.open)
            lane.slices.extend_last(now);
    data.end = std::max(data.end, now);
}

void AddCpuLanes(TimelineData& data, int cpu_count) {
    for (int32_t cpu = 0; cpu < cpu_count; ++cpu)
        LaneFor(data, LaneKind::Cpu, cpu);
}

namespace {

// An output event's line, kept for its marker's tooltip.
void KeepOutputText(TimelineData& data, const machine::TraceEvent& e, uint64_t first_line,
                    const auto& line_text) {
    if (e.kind != machine::TraceKind::Output || e.object < 0)
        return;
    const uint64_t line = uint64_t(e.object);
    if (line >= data.output_text.size())
        data.output_text.resize(line + 1);
    if (line >= first_line)
        data.output_text[line] = line_text(line);
}

} // namespace

void SyncTimelineWithTrace(TimelineData& data, const machine::Trace& trace) {
    // Events ever recorded, and the global number of the oldest one the ring still holds.
    const uint64_t recorded = trace.stats().dropped_events + trace.size();
    const uint64_t oldest = recorded - trace.size();
    if (data.events_seen < oldest) {
        data.events_missed += oldest - data.events_seen;
        data.events_seen = oldest;
    }
    if (data.events_seen == recorded)
        return;
    AddCpuLanes(data, trace.cpu_count());
    for (uint64_t n = data.events_seen; n < recorded; ++n) {
        const machine::TraceEvent& e = trace.at(size_t(n - oldest));
        KeepOutputText(data, e, trace.output_first(), [&trace](uint64_t line) { return trace.output(line).text; });
        AddTraceEvent(data, e);
    }
    data.events_seen = recorded;
    for (TimelineLane& lane : data.lanes) {
        if (lane.dropped)
            continue;
        if (lane.kind == LaneKind::Thread && size_t(lane.id) < trace.thread_count()) {
            lane.name = trace.thread_name(lane.id);
            lane.process = trace.thread_process(lane.id);
        } else if (lane.kind == LaneKind::Gil && size_t(lane.id) < trace.process_count()) {
            lane.name = trace.process_name(lane.id);
        }
    }
    ExtendOpenSlices(data, trace.stats().end_time);
}

void SyncTimelineWithLab(TimelineData& data, const lab::LabSnapshot& snap) {
    if (snap.run_id != data.run_id) {
        data = TimelineData{};
        data.run_id = snap.run_id;
    }
    if (data.chunks_seen < snap.trace_chunks.size()) {
        AddCpuLanes(data, int(snap.cpus.size()));
        const uint64_t output_end = snap.output_first + snap.output.size();
        const auto line_text = [&snap, output_end](uint64_t line) {
            return line < output_end ? snap.output[size_t(line - snap.output_first)].text : std::string();
        };
        for (; data.chunks_seen < snap.trace_chunks.size(); ++data.chunks_seen)
            for (const machine::TraceEvent& e : *snap.trace_chunks[data.chunks_seen]) {
                KeepOutputText(data, e, snap.output_first, line_text);
                AddTraceEvent(data, e);
            }
        data.events_seen = snap.trace_events;
        for (TimelineLane& lane : data.lanes) {
            if (lane.dropped)
                continue;
            const lab::ThreadView* thread = lane.kind == LaneKind::Thread ? FindThread(snap, lane.id) : nullptr;
            if (thread) {  // a thread left out of this snapshot keeps the name an earlier one gave
                lane.name = thread->name;
                lane.process = thread->process;
            } else if (lane.kind == LaneKind::Gil && size_t(lane.id) < snap.processes.size()) {
                lane.name = snap.processes[size_t(lane.id)].name;
            }
        }
    }
    ExtendOpenSlices(data, snap.now);
    SyncScheduleMarks(data, snap.schedule_notes);
}

// ----------------------------------------------------------------------------------------------
// Counts
// ----------------------------------------------------------------------------------------------

const char* FormatCount(char* buf, size_t size, uint64_t count) {
    char digits[24];
    const int length = std::snprintf(digits, sizeof digits, "%llu", (unsigned long long)count);
    if (size == 0)
        return buf;
    size_t out = 0;
    for (int i = 0; i < length; ++i) {
        if (i > 0 && (length - i) % 3 == 0) {
            if (out + 1 >= size)
                break;
            buf[out++] = ' ';
        }
        if (out + 1 >= size)
            break;
        buf[out++] = digits[i];
    }
    buf[out] = '\0';
    return buf;
}

// ----------------------------------------------------------------------------------------------
// Schedule marks
// ----------------------------------------------------------------------------------------------

void SyncScheduleMarks(TimelineData& data, const std::shared_ptr<const lab::ScheduleNotes>& notes) {
    if (notes == data.schedule_notes && data.lane_changes == data.schedule_marks_lane_changes)
        return;
    data.schedule_notes = notes;
    data.schedule_marks.clear();
    data.schedule_marks_lane_changes = data.lane_changes;
    if (!notes)
        return;
    const auto mark = [&](int32_t thread, SimTime time, int32_t note, ScheduleMarkKind kind) {
        if (const int32_t lane = ThreadLaneIndex(data, thread); lane >= 0)
            data.schedule_marks.push_back({time, lane, note, kind});
    };
    const auto access = [](const lab::ScheduleAccessView& a) {
        return a.write ? ScheduleMarkKind::Write : ScheduleMarkKind::Read;
    };
    for (size_t i = 0; i < notes->size(); ++i) {
        const lab::ScheduleNoteView& n = (*notes)[i];
        mark(n.preempted, n.time, int32_t(i), ScheduleMarkKind::Preempted);
        mark(n.first.thread, n.first.time, int32_t(i), access(n.first));
        mark(n.second.thread, n.second.time, int32_t(i), access(n.second));
    }
    std::stable_sort(data.schedule_marks.begin(), data.schedule_marks.end(),
                     [](const ScheduleMark& a, const ScheduleMark& b) { return a.time < b.time; });
}

const char* ScheduleMarkName(ScheduleMarkKind kind) {
    switch (kind) {
    case ScheduleMarkKind::Preempted: return "Preempted";
    case ScheduleMarkKind::Read: return "Read";
    case ScheduleMarkKind::Write: return "Wrote";
    }
    return "?";
}

// ----------------------------------------------------------------------------------------------
// Time axis
// ----------------------------------------------------------------------------------------------

static double ClampZoom(double ns_per_px, double width_px) {
    const double width = std::max(width_px, 1.0);
    return std::clamp(ns_per_px, kMinVisibleSpanNs / width, kMaxVisibleSpanNs / width);
}

void ZoomAround(TimeAxis& axis, double x, double factor) {
    const double anchor = axis.x_to_time(x);
    axis.ns_per_px = ClampZoom(axis.ns_per_px * factor, axis.width_px);
    axis.start_ns = anchor - (x - axis.left_px) * axis.ns_per_px;
}

void PanByPixels(TimeAxis& axis, double dx) { axis.start_ns -= dx * axis.ns_per_px; }

void FitToRange(TimeAxis& axis, SimTime start, SimTime end) {
    constexpr double kMargin = 0.02; // of the span, on each side: the ends stay visible
    const double span = std::max(double(end - start), kMinVisibleSpanNs);
    axis.ns_per_px = ClampZoom(span * (1 + 2 * kMargin) / std::max(axis.width_px, 1.0), axis.width_px);
    axis.start_ns = double(start) - span * kMargin;
}

void ShowExactRange(TimeAxis& axis, SimTime start, SimTime end) {
    axis.ns_per_px = ClampZoom(double(end - start) / std::max(axis.width_px, 1.0), axis.width_px);
    axis.start_ns = double(start);
}

void ShowEndAt(TimeAxis& axis, double t) { axis.start_ns = t - axis.width_px * axis.ns_per_px; }

// ----------------------------------------------------------------------------------------------
// Draw lists
// ----------------------------------------------------------------------------------------------

// Screen x of time t, kept just outside the lanes so far-away times stay finite floats.
static float ClampedX(const TimeAxis& axis, double t) {
    const double x = axis.time_to_x(t);
    return float(std::clamp(x, axis.left_px - 2.0, axis.left_px + axis.width_px + 2.0));
}

void BuildSliceDrawList(const SliceTrack& track, const TimeAxis& axis, float min_px,
                        std::vector<SliceDrawItem>& out) {
    out.clear();
    const BlockList<Slice>& s = track.slices;
    const double view_start = axis.start_ns, view_end = axis.end_ns();
    // Slice times are whole nanoseconds: "narrower than min_ns" is "below its ceiling".
    const SimTime threshold = std::max<SimTime>(1, SimTime(std::ceil(double(min_px) * axis.ns_per_px)));
    size_t i = s.partition_point(0, [view_start](const Slice& x) { return double(x.end) <= view_start; });
    const size_t visible_end = s.partition_point(i, [view_end](const Slice& x) { return double(x.start) < view_end; });
    while (i < visible_end) {
        const size_t first = i;
        if (s[i].end - s[i].start < threshold)
            i = track.first_significant(i + 1, visible_end, threshold);
        else
            ++i;
        SliceDrawItem item;
        item.first = uint32_t(first);
        item.count = uint32_t(i - first);
        item.start = s[first].start;
        item.end = s[i - 1].end;
        const SimTime span = item.end - item.start;
        item.active_share = span > 0 ? float(double(track.active_time(first, item.count)) / double(span))
                                     : (IsActiveKind(s[first].kind) ? 1.0f : 0.0f);
        item.x0 = ClampedX(axis, double(item.start));
        item.x1 = std::max(ClampedX(axis, double(item.end)), item.x0 + min_px);
        out.push_back(item);
    }
}

void BuildMarkerDrawList(const MarkerTrack& track, const TimeAxis& axis, float merge_px,
                         std::vector<MarkerDrawItem>& out) {
    out.clear();
    const BlockList<Marker>& m = track.markers;
    const double merge_ns = double(merge_px) * axis.ns_per_px;
    const double view_end = axis.end_ns() + merge_ns;
    const auto first_at_or_after = [&](size_t from, double t) {
        return m.partition_point(from, [t](const Marker& x) { return double(x.time) < t; });
    };
    // A marker just left of the view still shows half its glyph.
    size_t i = first_at_or_after(0, axis.start_ns - merge_ns);
    while (i < m.size() && double(m[i].time) < view_end) {
        const size_t cluster_end = std::max(i + 1, first_at_or_after(i, double(m[i].time) + merge_ns));
        out.push_back({float(axis.time_to_x(double(m[i].time))), uint32_t(i), uint32_t(cluster_end - i)});
        i = cluster_end;
    }
}

// ----------------------------------------------------------------------------------------------
// Hit testing
// ----------------------------------------------------------------------------------------------

ptrdiff_t HitTestSlices(const std::vector<SliceDrawItem>& items, float x) {
    auto it = std::partition_point(items.begin(), items.end(),
                                   [x](const SliceDrawItem& item) { return item.x0 <= x; });
    if (it == items.begin())
        return -1;
    --it;
    return x < it->x1 ? it - items.begin() : -1;
}

ptrdiff_t HitTestMarkers(const std::vector<MarkerDrawItem>& items, float x, float radius_px) {
    auto it = std::partition_point(items.begin(), items.end(),
                                   [&](const MarkerDrawItem& item) { return item.x < x - radius_px; });
    ptrdiff_t nearest = -1;
    float nearest_distance = radius_px;
    for (; it != items.end() && it->x <= x + radius_px; ++it) {
        const float distance = std::fabs(it->x - x);
        if (nearest < 0 || distance < nearest_distance) {
            nearest_distance = distance;
            nearest = it - items.begin();
        }
    }
    return nearest;
}

// ----------------------------------------------------------------------------------------------
// Ruler
// ----------------------------------------------------------------------------------------------

SimTime ChooseTickStep(double ns_per_px, double min_px) {
    const double wanted = ns_per_px * min_px;
    constexpr SimTime kLargestDecade = SimTime(1'000'000'000'000'000'000);
    for (SimTime decade = 1; decade < kLargestDecade; decade *= 10)
        for (SimTime multiple : {1, 2, 5})
            if (double(decade * multiple) >= wanted)
                return decade * multiple;
    return kLargestDecade;
}

namespace {
struct TimeUnit {
    SimTime ns;
    const char* name;
};
constexpr TimeUnit kUnits[] = {{machine::kSecond, "s"}, {machine::kMillisecond, "ms"},
                               {machine::kMicrosecond, "\xC2\xB5s"}, {1, "ns"}};
} // namespace

const char* FormatTime(char* buf, size_t size, SimTime t, SimTime precision, SimTime reference) {
    if (t == 0) {
        std::snprintf(buf, size, "0");
        return buf;
    }
    const TimeUnit* unit = &kUnits[3];
    for (const TimeUnit& u : kUnits) {
        if (std::llabs(reference) >= u.ns) {
            unit = &u;
            break;
        }
    }
    int decimals = 0;
    for (SimTime digit = unit->ns; digit > std::max<SimTime>(precision, 1) && decimals < 9; digit /= 10)
        ++decimals;
    std::snprintf(buf, size, "%.*f %s", decimals, double(t) / double(unit->ns), unit->name);
    return buf;
}

const char* FormatDuration(char* buf, size_t size, SimTime d) {
    const TimeUnit* unit = &kUnits[3];
    for (const TimeUnit& u : kUnits) {
        if (std::llabs(d) >= u.ns) {
            unit = &u;
            break;
        }
    }
    std::snprintf(buf, size, "%.4g %s", double(d) / double(unit->ns), unit->name);
    return buf;
}

} // namespace ui
