// The Timeline window. The pure logic (zoom, culling, level of detail, hit testing) lives in
// timeline_model.cpp; this file decides how things look and what the mouse does.
//
// Index:
//   Look        colours and bar heights of slices, merged runs and markers
//   Rows        the lane list: CPUs, then each process's GIL and threads
//   Input       wheel zoom, drag pan, pinch zoom, click to select
//   Toolbar     Fit, Follow live, the visible range, the legend
//   Ruler       time ticks and labels above the lanes
//   Lanes       slices (GPU rectangles), labels and markers (ImGui), hover
//   Tooltip     what the hovered slice, run or marker means, in plain words
//   Window      ShowTimelineWindow
//   State JSON  AppendTimelineStateJson
#include "ui/layout.h"
#include "ui/timeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "lab/capture.h"
#include "machine/sync.h"
#include "machine/thread_state.h"
#include "imgui.h"
#include "ui/palette.h"
#include "ui/strings.h"
#include "ui/test_hooks.h"

namespace ui {

namespace {

// ----------------------------------------------------------------------------------------------
// Look
// ----------------------------------------------------------------------------------------------

struct SliceLook {
    ImU32 color;
    uint32_t style;
    float top, bottom; // the bar's extent as fractions of the row's height
};

// Running bars fill the row; waiting bars are a thinner band, so the eye finds work first.
constexpr float kBarTop = 0.12f, kBarBottom = 0.88f;
constexpr float kWaitTop = 0.34f, kWaitBottom = 0.66f;
// Merged runs on CPU and GIL lanes mix several threads' colours: a neutral tone.
constexpr ImU32 kBusyColor = IM_COL32(168, 176, 192, 255);

machine::ThreadId ThreadOf(const TimelineLane& lane, const Slice& s) {
    if (s.kind == SliceKind::OnCpu || s.kind == SliceKind::GilHeld)
        return s.detail;
    return lane.kind == LaneKind::Thread ? lane.id : machine::kNoThread;
}

SliceLook LookOfSlice(const TimelineLane& lane, const Slice& s) {
    switch (s.kind) {
    case SliceKind::Running:
    case SliceKind::OnCpu:
    case SliceKind::GilHeld:
        return {ThreadColor(ThreadOf(lane, s)), gl::GpuRectStyle_Shaded | gl::GpuRectStyle_Edges, kBarTop, kBarBottom};
    case SliceKind::Ready: return {WithAlpha(ReadyColor(), 0.8f), gl::GpuRectStyle_Flat, kWaitTop, kWaitBottom};
    case SliceKind::WaitingForGil:
        return {WaitColor(machine::WaitKind::Gil), gl::GpuRectStyle_Hatched, kWaitTop, kWaitBottom};
    default: // blocked: the engine's WaitKind is the slice's reason
        return {WithAlpha(WaitColor(machine::WaitKind(s.reason)), 0.9f), gl::GpuRectStyle_Flat, kWaitTop, kWaitBottom};
    }
}

// A run of slices too narrow to tell apart: hatched, as opaque as the share of it spent working.
SliceLook LookOfRun(const TimelineLane& lane, float active_share) {
    const ImU32 base = lane.kind == LaneKind::Thread ? ThreadColor(lane.id) : kBusyColor;
    return {WithAlpha(base, 0.3f + 0.7f * active_share), gl::GpuRectStyle_Hatched, kBarTop, kBarBottom};
}

ImU32 MarkerColor(MarkerKind kind) {
    switch (kind) {
    case MarkerKind::LockAcquired: return WaitColor(machine::WaitKind::Lock);
    case MarkerKind::LockReleased: return IM_COL32(120, 200, 120, 255);
    case MarkerKind::Output: return IM_COL32(235, 235, 235, 255);
    case MarkerKind::GilDropRequest: return WaitColor(machine::WaitKind::Gil);
    case MarkerKind::Count: break;
    }
    return IM_COL32_WHITE;
}

// The legend: what a student needs to read a thread lane.
struct LegendEntry {
    SliceKind kind;
    machine::WaitKind wait; // the colour of blocked kinds
};
constexpr LegendEntry kLegend[] = {
    {SliceKind::Running, machine::WaitKind::None},     {SliceKind::Ready, machine::WaitKind::None},
    {SliceKind::WaitingForGil, machine::WaitKind::Gil}, {SliceKind::BlockedSleep, machine::WaitKind::Sleep},
    {SliceKind::BlockedIo, machine::WaitKind::Io},      {SliceKind::BlockedLock, machine::WaitKind::Lock},
    {SliceKind::BlockedJoin, machine::WaitKind::Join},
};

ImU32 LegendColor(const LegendEntry& entry) {
    if (entry.kind == SliceKind::Running)
        return ThreadColor(0);
    if (entry.kind == SliceKind::Ready)
        return ReadyColor();
    return WaitColor(entry.wait);
}

// ----------------------------------------------------------------------------------------------
// Rows
// ----------------------------------------------------------------------------------------------

struct RowHeights {
    float header, cpu, gil, thread;
};

RowHeights RowHeightsFor(float font_size) {
    return {std::round(font_size * 1.45f), std::round(font_size * 1.7f), std::round(font_size * 1.3f),
            std::round(font_size * 1.7f)};
}

int32_t ProcessCount(const TimelineData& data) {
    int32_t count = int32_t(data.gil_lanes.size());
    for (const ThreadLaneRef& ref : data.thread_lanes)
        count = std::max(count, data.lanes[size_t(ref.lane)].process + 1);
    return count;
}

// CPUs first, then each process under its header: its GIL, then its threads by id. Threads whose
// process is not known yet come last under their own header (process -2).
void BuildRows(std::vector<TimelineRow>& rows, const TimelineData& data, const RowHeights& h) {
    rows.clear();
    float y = 0;
    const auto add = [&](int32_t lane, int32_t process, float height) {
        rows.push_back({lane, process, y, height});
        y += height;
    };
    if (!data.cpu_lanes.empty()) {
        add(-1, -1, h.header);
        for (int32_t lane : data.cpu_lanes)
            if (lane >= 0)
                add(lane, -1, h.cpu);
    }
    const int32_t processes = ProcessCount(data);
    for (int32_t p = -1; p < processes; ++p) {
        const bool has_gil = p >= 0 && p < int32_t(data.gil_lanes.size()) && data.gil_lanes[size_t(p)] >= 0;
        bool has_header = false;
        if (has_gil) {
            add(-1, p, h.header);
            add(data.gil_lanes[size_t(p)], p, h.gil);
            has_header = true;
        }
        for (const ThreadLaneRef& ref : data.thread_lanes) {
            const int32_t lane = ref.lane;
            if (data.lanes[size_t(lane)].process != p)
                continue;
            if (!has_header) {
                add(-1, p < 0 ? -2 : p, h.header);
                has_header = true;
            }
            add(lane, p, h.thread);
        }
    }
}

// Wide enough for the longest lane name (thread names like "Thread-1 (count_down)"), within reason:
// on a phone at most 40% of the window, the lanes are what matters.
float LabelColumnWidth(const TimelineData& data, float font_size, float window_width) {
    float widest = 0;
    for (const ThreadLaneRef& ref : data.thread_lanes)
        widest = std::max(widest, ImGui::CalcTextSize(data.lanes[size_t(ref.lane)].name.c_str()).x);
    const float chip_and_padding = font_size * 2.2f;
    const float wanted = std::clamp(widest + chip_and_padding, font_size * 8.0f, font_size * 16.0f);
    return std::round(std::min(wanted, window_width * 0.4f));
}

const char* HeaderText(char* buf, size_t size, const TimelineData& data, int32_t process) {
    if (process == -1)
        return Tr(Str::TimelineCpus);
    if (process == -2)
        return Tr(Str::TimelineThreads);
    static const std::string unnamed;
    const bool has_gil = process < int32_t(data.gil_lanes.size()) && data.gil_lanes[size_t(process)] >= 0;
    const std::string& name = has_gil ? data.lanes[size_t(data.gil_lanes[size_t(process)])].name : unnamed;
    if (name.empty() || name.rfind("Process ", 0) == 0)
        std::snprintf(buf, size, Tr(Str::TimelineProcess), process);
    else
        std::snprintf(buf, size, Tr(Str::TimelineProcessNamed), process, name.c_str());
    return buf;
}

const std::string& ThreadName(const TimelineData& data, machine::ThreadId thread) {
    static const std::string unknown = "?";
    const int32_t lane = ThreadLaneIndex(data, thread);
    return lane < 0 ? unknown : data.lanes[size_t(lane)].name;
}

// ----------------------------------------------------------------------------------------------
// Input
// ----------------------------------------------------------------------------------------------

constexpr double kWheelZoomStep = 0.8; // one wheel notch in: 80% of the span

// Wheel, drag and pinch over the ruler or the lanes. Returns the vertical drag, for scrolling lanes.
float HandleZoomAndPan(TimelineView& view, bool hovered, bool active) {
    const ImGuiIO& io = ImGui::GetIO();
    if (hovered && view.touch.pinching) {
        // The fingers' centre stays on the same moment while they spread (zoom in) or close.
        const TimeAxis& a = view.axis;
        const double x = std::clamp(double(io.MousePos.x), a.left_px, a.left_px + a.width_px);
        PanByPixels(view.axis, view.touch.pan_x);
        ZoomAround(view.axis, x, 1.0 / double(view.touch.pinch_scale));
        view.follow_live = false;
        return view.touch.pan_y;
    }
    if (hovered && io.MouseWheel != 0 && !io.KeyShift) {
        const TimeAxis& a = view.axis;
        const double x = std::clamp(double(io.MousePos.x), a.left_px, a.left_px + a.width_px);
        ZoomAround(view.axis, x, std::pow(kWheelZoomStep, double(io.MouseWheel)));
        view.follow_live = false;
    }
    if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left);
        ImGui::ResetMouseDragDelta(ImGuiMouseButton_Left);
        PanByPixels(view.axis, drag.x);
        view.follow_live = false;
        return drag.y;
    }
    return 0;
}

bool WasClick() {
    const ImGuiIO& io = ImGui::GetIO();
    return ImGui::IsItemDeactivated() &&
           io.MouseDragMaxDistanceSqr[0] < io.MouseDragThreshold * io.MouseDragThreshold;
}

// ----------------------------------------------------------------------------------------------
// Toolbar
// ----------------------------------------------------------------------------------------------

void ShowLegend() {
    const float chip = ImGui::GetFontSize() * 0.8f;
    for (const LegendEntry& entry : kLegend) {
        const KindText& text = GetSliceKindText(entry.kind);
        ImGui::SameLine();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float y = p.y + (ImGui::GetFrameHeight() - chip) / 2;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const bool thin = entry.kind != SliceKind::Running;
        const float inset = thin ? chip * 0.25f : 0.0f;
        dl->AddRectFilled(ImVec2(p.x, y + inset), ImVec2(p.x + chip, y + chip - inset), LegendColor(entry), 2.0f);
        ImGui::Dummy(ImVec2(chip, ImGui::GetFrameHeight()));
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(text.code);
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::Text("%s \xC2\xB7 %s", text.code, Tr(text.name));
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
            ImGui::TextDisabled("%s", Tr(text.explanation));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
}

void ShowToolbar(TimelineView& view, const TimelineData& data, bool live) {
    if (ImGui::Button(Tr(Str::TimelineFit)))
        view.fit_requested = true;
    RecordItemRect("timeline/fit");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(Str::TimelineFitTip));
    if (live) {
        ImGui::SameLine();
        ImGui::Checkbox(Tr(Str::CommonFollow), &view.follow_live);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", Tr(Str::TimelineFollowTip));
    }
    ImGui::SameLine();
    char span[32];
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled(Tr(Str::TimelineAcross), FormatDuration(span, sizeof span, SimTime(view.axis.end_ns() - view.axis.start_ns)));
    ShowLegend();
    if (data.threads_not_shown > 0) {
        char count[32];
        ImGui::TextDisabled(Tr(Str::TimelineNotShown), FormatCount(count, sizeof count, data.threads_not_shown));
        RecordItemRect("timeline/NotShown");
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(Tr(Str::TimelineNotShownTip), (unsigned long long)lab::kMaxFinishedThreads);
    }
}

// ----------------------------------------------------------------------------------------------
// Ruler
// ----------------------------------------------------------------------------------------------

// The tick steps for the current zoom: labelled major ticks and unlabelled minor ones.
struct Ticks {
    SimTime major, minor;
};

Ticks TicksFor(const TimeAxis& axis, float font_size) {
    const SimTime major = ChooseTickStep(axis.ns_per_px, font_size * 7.0);
    SimTime minor = major % 5 == 0 ? major / 5 : major / 2;
    return {major, std::max<SimTime>(minor, 1)};
}

void DrawRuler(ImDrawList* dl, const TimeAxis& axis, const Ticks& ticks, ImVec2 min, ImVec2 max,
               const TimelineView& view, const TimelineData& data) {
    const ImGuiStyle& style = ImGui::GetStyle();
    dl->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg));
    dl->AddLine(ImVec2(min.x, max.y - 1), ImVec2(max.x, max.y - 1), ImGui::GetColorU32(ImGuiCol_Border));
    dl->PushClipRect(min, max, true);
    const ImU32 tick_color = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const float height = max.y - min.y;
    // Every label in the unit the visible range reaches: "10 ms, 20 ms", not "0.01 s, 0.02 s".
    const SimTime reference = SimTime(std::max(std::fabs(axis.start_ns), std::fabs(axis.end_ns())));
    const SimTime first_minor = SimTime(std::floor(axis.start_ns / double(ticks.minor))) * ticks.minor;
    for (SimTime t = first_minor; double(t) <= axis.end_ns(); t += ticks.minor) {
        const float x = std::round(float(axis.time_to_x(double(t))));
        const bool major = t % ticks.major == 0;
        dl->AddLine(ImVec2(x, max.y - height * (major ? 0.45f : 0.2f)), ImVec2(x, max.y), tick_color);
        if (major) {
            char label[32];
            FormatTime(label, sizeof label, t, ticks.major, reference);
            dl->AddText(ImVec2(x + style.ItemInnerSpacing.x * 0.5f, min.y + 1), ImGui::GetColorU32(ImGuiCol_Text), label);
        }
    }
    // The live edge and the cursor, as small flags on the ruler.
    const float edge = float(axis.time_to_x(double(data.end)));
    dl->AddTriangleFilled(ImVec2(edge - 4, max.y - 7), ImVec2(edge + 4, max.y - 7), ImVec2(edge, max.y - 1),
                          ImGui::GetColorU32(ImGuiCol_TextDisabled));
    if (view.cursor >= 0) {
        const float x = float(axis.time_to_x(double(view.cursor)));
        dl->AddTriangleFilled(ImVec2(x - 5, min.y), ImVec2(x + 5, min.y), ImVec2(x, min.y + 8),
                              ImGui::GetColorU32(ImGuiCol_PlotLinesHovered));
    }
    dl->PopClipRect();
}

// ----------------------------------------------------------------------------------------------
// Lanes
// ----------------------------------------------------------------------------------------------

// What the lanes pass need for one frame.
struct LanePass {
    TimelineView& view;
    const TimelineData& data;
    ImDrawList* dl;
    bool gpu; // rects go to the GPU batch
    float lanes_x0, lanes_x1;
    float font_size;
    bool pointer_in_lanes;
    ImVec2 mouse;
};

void PushRect(LanePass& pass, float x0, float y0, float x1, float y1, ImU32 color, uint32_t style) {
    if (pass.gpu)
        PushGpuRect(pass.view.rects, {x0, y0, x1, y1, color, style});
}

// A label inside a bar, when it fits whole: the thread's name on CPU and GIL lanes and on its
// own running slices, the code of the way it waits on the thinner waiting bars.
void LabelInside(LanePass& pass, const TimelineLane& lane, const Slice& s, float x0, float x1, float y0, float y1) {
    const float pad = pass.font_size * 0.3f;
    const float left = std::max(x0, pass.lanes_x0) + pad;
    const float right = std::min(x1, pass.lanes_x1) - pad;
    if (right - left < pass.font_size * 1.5f)
        return;
    const char* text = GetSliceKindText(s.kind).code;
    if (s.kind == SliceKind::OnCpu || s.kind == SliceKind::GilHeld)
        text = ThreadName(pass.data, s.detail).c_str();
    else if (s.kind == SliceKind::Running)
        text = lane.name.c_str();
    const bool on_bar = IsActiveKind(s.kind);
    const float room = on_bar ? right - left : right - left - pass.font_size * 2.0f;
    if (ImGui::CalcTextSize(text).x > room)
        return;
    const ImU32 color = on_bar ? IM_COL32(18, 20, 26, 255) : ImGui::GetColorU32(ImGuiCol_Text, 0.85f);
    pass.dl->AddText(ImVec2(left, (y0 + y1 - pass.font_size) / 2), color, text);
}

void DrawMarkers(LanePass& pass, int32_t lane_index, float y0, float y1) {
    const TimelineLane& lane = pass.data.lanes[size_t(lane_index)];
    if (lane.markers.markers.empty())
        return;
    const float size = std::max(3.0f, pass.font_size * 0.28f);
    BuildMarkerDrawList(lane.markers, pass.view.axis, size * 1.5f, pass.view.marker_items);
    const std::vector<MarkerDrawItem>& items = pass.view.marker_items;
    for (const MarkerDrawItem& item : items) {
        if (item.x < pass.lanes_x0 - size || item.x > pass.lanes_x1 + size)
            continue;
        const Marker& m = lane.markers.markers[item.first];
        const ImU32 color = MarkerColor(m.kind);
        const bool at_bottom = m.kind == MarkerKind::Output;
        if (item.count > 1) { // too close to tell apart: a quiet tick, so dense lanes stay readable
            const float x = std::round(item.x);
            const float top = at_bottom ? y1 - size * 1.6f : y0 + 1;
            pass.dl->AddRectFilled(ImVec2(x, top), ImVec2(x + 1, top + size * 1.6f - 1), WithAlpha(color, 0.55f));
            continue;
        }
        const ImU32 outline = IM_COL32(10, 12, 16, 220);
        if (at_bottom) { // output: a diamond on the bottom edge
            const float cy = y1 - size - 1;
            const ImVec2 p[4] = {{item.x, cy - size}, {item.x + size, cy}, {item.x, cy + size}, {item.x - size, cy}};
            pass.dl->AddConvexPolyFilled(p, 4, color);
            pass.dl->AddPolyline(p, 4, outline, ImDrawFlags_Closed, 1.0f);
        } else { // a lock operation: a flag hanging from the top edge
            const float top = y0 + 1;
            pass.dl->AddTriangleFilled(ImVec2(item.x - size, top), ImVec2(item.x + size, top),
                                       ImVec2(item.x, top + size * 1.6f), color);
            pass.dl->AddTriangle(ImVec2(item.x - size, top), ImVec2(item.x + size, top),
                                 ImVec2(item.x, top + size * 1.6f), outline);
        }
    }
    if (pass.pointer_in_lanes && pass.mouse.y >= y0 && pass.mouse.y < y1) {
        const ptrdiff_t hit = HitTestMarkers(items, pass.mouse.x, size * 1.5f);
        if (hit >= 0) {
            pass.view.hover.lane = lane_index;
            pass.view.hover.is_marker = true;
            pass.view.hover.marker = items[size_t(hit)];
        }
    }
}

ImU32 ScheduleMarkColor(ScheduleMarkKind kind) {
    switch (kind) {
    case ScheduleMarkKind::Preempted: return IM_COL32(240, 70, 70, 255);
    case ScheduleMarkKind::Read: return IM_COL32(90, 170, 255, 255);
    case ScheduleMarkKind::Write: return IM_COL32(255, 160, 60, 255);
    }
    return IM_COL32(255, 255, 255, 255);
}

// The schedule's marks on a thread's lane: a red cut where it was preempted, and a lettered
// disc (R, W) at each of the two conflicting accesses that make a preemption matter. Drawn over
// the slices and markers, and hovered before them: they are what a replayed witness is about.
void DrawScheduleMarks(LanePass& pass, int32_t lane_index, float y0, float y1) {
    const std::vector<ScheduleMark>& marks = pass.data.schedule_marks;
    const float radius = std::max(4.0f, pass.font_size * 0.42f);
    const ImU32 outline = IM_COL32(10, 12, 16, 230);
    for (size_t i = 0; i < marks.size(); ++i) {
        const ScheduleMark& m = marks[i];
        if (m.lane != lane_index)
            continue;
        const float x = float(pass.view.axis.time_to_x(double(m.time)));
        if (x < pass.lanes_x0 - radius || x > pass.lanes_x1 + radius)
            continue;
        const ImU32 color = ScheduleMarkColor(m.kind);
        const float cy = (y0 + y1) / 2;
        if (m.kind == ScheduleMarkKind::Preempted) {
            pass.dl->AddRectFilled(ImVec2(x - 1.5f, y0 + 1), ImVec2(x + 1.5f, y1 - 1), color);
            const ImVec2 p[3] = {{x - radius, y1 - 1}, {x + radius, y1 - 1}, {x, y1 - 1 - radius * 1.4f}};
            pass.dl->AddTriangleFilled(p[0], p[1], p[2], color);
            pass.dl->AddTriangle(p[0], p[1], p[2], outline);
        } else {
            pass.dl->AddCircleFilled(ImVec2(x, cy), radius, color);
            pass.dl->AddCircle(ImVec2(x, cy), radius, outline);
            const char* letter = m.kind == ScheduleMarkKind::Read ? "R" : "W";
            const ImVec2 size = ImGui::CalcTextSize(letter);
            pass.dl->AddText(ImVec2(x - size.x / 2, cy - size.y / 2), IM_COL32(10, 12, 16, 255), letter);
        }
        pass.view.schedule_mark_x[i] = x;
        pass.view.schedule_mark_y[i] = cy;
        if (pass.pointer_in_lanes && pass.mouse.y >= y0 && pass.mouse.y < y1 && std::fabs(pass.mouse.x - x) <= radius * 1.5f) {
            pass.view.hover.lane = lane_index;
            pass.view.hover.schedule_mark = int32_t(i);
        }
    }
}

void DrawLaneSlices(LanePass& pass, int32_t lane_index, float y0, float y1) {
    TimelineView& view = pass.view;
    const TimelineLane& lane = pass.data.lanes[size_t(lane_index)];
    BuildSliceDrawList(lane.slices, view.axis, 1.0f, view.slice_items);
    const float height = y1 - y0;
    const bool dim_others = view.selected_thread >= 0 && lane.kind != LaneKind::Thread;
    for (const SliceDrawItem& item : view.slice_items) {
        const Slice& first = lane.slices.slices[item.first];
        SliceLook look = item.count == 1 ? LookOfSlice(lane, first) : LookOfRun(lane, item.active_share);
        if (dim_others && (item.count > 1 || ThreadOf(lane, first) != view.selected_thread))
            look.color = WithAlpha(look.color, 0.35f);
        const float top = std::round(y0 + height * look.top), bottom = std::round(y0 + height * look.bottom);
        PushRect(pass, item.x0, top, item.x1, bottom, look.color, look.style);
        if (item.count == 1) {
            LabelInside(pass, lane, first, item.x0, item.x1, top, bottom);
            // A thread that moved to another CPU: a notch where it landed.
            if (first.kind == SliceKind::Running && first.other >= 0 && first.other != first.detail)
                PushRect(pass, item.x0, top - 2, item.x0 + 2, bottom + 2, IM_COL32(255, 214, 90, 255), gl::GpuRectStyle_Flat);
        }
    }
    if (pass.pointer_in_lanes && pass.mouse.y >= y0 && pass.mouse.y < y1) {
        const ptrdiff_t hit = HitTestSlices(view.slice_items, pass.mouse.x);
        if (hit >= 0) {
            view.hover.lane = lane_index;
            view.hover.is_marker = false;
            view.hover.slice = view.slice_items[size_t(hit)];
        }
    }
}

void DrawRowLabel(LanePass& pass, const TimelineRow& row, float y0, float x0) {
    const TimelineData& data = pass.data;
    const float pad = pass.font_size * 0.5f;
    const float text_y = y0 + (row.height - pass.font_size) / 2;
    if (row.lane < 0) {
        char buf[160];
        pass.dl->AddText(ImVec2(x0 + pad * 0.6f, text_y), ImGui::GetColorU32(ImGuiCol_Text),
                         HeaderText(buf, sizeof buf, data, row.process));
        return;
    }
    const TimelineLane& lane = data.lanes[size_t(row.lane)];
    const bool selected = lane.kind == LaneKind::Thread && lane.id == pass.view.selected_thread;
    if (selected)
        pass.dl->AddRectFilled(ImVec2(x0, y0), ImVec2(pass.lanes_x0, y0 + row.height), ImGui::GetColorU32(ImGuiCol_Header));
    float x = x0 + pad * 1.6f;
    if (lane.kind == LaneKind::Thread) {
        const float chip = pass.font_size * 0.55f;
        const float cy = y0 + row.height / 2;
        pass.dl->AddRectFilled(ImVec2(x, cy - chip / 2), ImVec2(x + chip, cy + chip / 2), ThreadColor(lane.id), 2.0f);
        x += chip + pad * 0.6f;
    }
    const char* name = lane.kind == LaneKind::Gil ? "GIL" : lane.name.c_str();
    const ImVec4 clip(x0, y0, pass.lanes_x0 - pad * 0.5f, y0 + row.height);
    const ImU32 color = ImGui::GetColorU32(lane.kind == LaneKind::Thread ? ImGuiCol_Text : ImGuiCol_TextDisabled);
    pass.dl->AddText(nullptr, 0.0f, ImVec2(x, text_y), color, name, nullptr, 0.0f, &clip);
}

// ----------------------------------------------------------------------------------------------
// Tooltip
// ----------------------------------------------------------------------------------------------

// Times to the precision of one pixel at the current zoom.
SimTime PixelStep(const TimeAxis& axis) { return ChooseTickStep(axis.ns_per_px, 1.0); }

void TooltipTimes(const TimeAxis& axis, SimTime start, SimTime end) {
    char a[32], b[32], d[32];
    const SimTime step = PixelStep(axis);
    ImGui::TextDisabled(Tr(Str::TimelineSpan), FormatDuration(d, sizeof d, end - start),
                        FormatTime(a, sizeof a, start, step, start), FormatTime(b, sizeof b, end, step, end));
}

void TooltipExplanation(const char* text) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

void SliceDetails(const TimelineData& data, const TimelineLane& lane, const Slice& s) {
    switch (s.kind) {
    case SliceKind::Running:
        ImGui::Text(Tr(Str::TimelineOnCpu), s.detail);
        if (s.other >= 0 && s.other != s.detail)
            ImGui::Text(Tr(Str::TimelineMovedFrom), s.other);
        if (!lane.open || &s != &lane.slices.slices.back())
            ImGui::Text(Tr(Str::TimelineLeftCpu), StopReasonName(machine::StopReason(s.reason)));
        break;
    case SliceKind::OnCpu:
        ImGui::Text(Tr(Str::TimelineThread), ThreadName(data, s.detail).c_str());
        break;
    case SliceKind::GilHeld:
        ImGui::Text(Tr(Str::TimelineHeldBy), ThreadName(data, s.detail).c_str());
        if (s.other >= 0 && s.other != s.detail)
            ImGui::Text(Tr(Str::TimelineHandedBy), ThreadName(data, s.other).c_str());
        break;
    case SliceKind::Ready:
        ImGui::Text(Tr(Str::TimelineBecameReady), ReadyReasonName(machine::ReadyReason(s.reason)));
        if (s.other >= 0)
            ImGui::Text(Tr(Str::TimelineWokenBy), ThreadName(data, s.other).c_str());
        break;
    case SliceKind::WaitingForGil:
        if (s.other >= 0)
            ImGui::Text(Tr(Str::TimelineGilWasHeld), ThreadName(data, s.other).c_str());
        break;
    case SliceKind::BlockedJoin:
        if (s.detail >= 0)
            ImGui::Text(Tr(Str::TimelineWaitsFinish), ThreadName(data, s.detail).c_str());
        break;
    case SliceKind::BlockedLock:
        ImGui::Text(Tr(Str::TimelineWaitsOn), WaitName(machine::WaitKind(s.reason)), s.detail);
        if (s.other >= 0)
            ImGui::Text(Tr(Str::TimelineHeldBy), ThreadName(data, s.other).c_str());
        break;
    default: break;
    }
}

// A schedule mark's tooltip: the preemption in words, and the conflict that makes it matter.
void ShowScheduleMarkTooltip(const TimelineView& view, const TimelineData& data) {
    const ScheduleMark& m = data.schedule_marks[size_t(view.hover.schedule_mark)];
    const lab::ScheduleNoteView& note = (*data.schedule_notes)[size_t(m.note)];
    ImGui::BeginTooltip();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ScheduleMarkColor(m.kind)), "%s",
                       Tr(Str(size_t(Str::MarkPreempted) + size_t(m.kind))));
    char t[32];
    ImGui::SameLine();
    ImGui::TextDisabled(Tr(Str::TimelineAt), FormatTime(t, sizeof t, m.time, PixelStep(view.axis), m.time));
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(PreemptionText(note.parts).c_str());
    if (note.parts.has_conflict)
        ImGui::Text(Tr(Str::MarkItMatters), ConflictText(note.parts).c_str());
    else
        ImGui::TextDisabled("%s", Tr(Str::MarkNoConflict));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void ShowHoverTooltip(const TimelineView& view, const TimelineData& data) {
    const TimelineHover& hover = view.hover;
    if (hover.schedule_mark >= 0) {
        ShowScheduleMarkTooltip(view, data);
        return;
    }
    const TimelineLane& lane = data.lanes[size_t(hover.lane)];
    ImGui::BeginTooltip();
    if (hover.is_marker) {
        const Marker& m = lane.markers.markers[hover.marker.first];
        const KindText& text = GetMarkerKindText(m.kind);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(MarkerColor(m.kind)), "%s", text.code);
        ImGui::SameLine();
        ImGui::Text("%s", Tr(text.name));
        char t[32];
        ImGui::TextDisabled(Tr(Str::TimelineAt), FormatTime(t, sizeof t, m.time, PixelStep(view.axis), m.time));
        if (m.kind == MarkerKind::Output && m.detail >= 0 && size_t(m.detail) < data.output_text.size())
            ImGui::Text("\"%s\"", data.output_text[size_t(m.detail)].c_str());
        else if (m.kind == MarkerKind::GilDropRequest)
            ImGui::Text(Tr(Str::TimelineAskedBy), ThreadName(data, m.detail).c_str());
        else if (m.kind != MarkerKind::Output)
            ImGui::Text(Tr(Str::TimelineLock), m.detail);
        if (hover.marker.count > 1)
            ImGui::TextDisabled(Tr(Str::TimelineMoreHere), hover.marker.count - 1);
        TooltipExplanation(Tr(text.explanation));
        ImGui::EndTooltip();
        return;
    }
    const SliceDrawItem& item = hover.slice;
    if (item.count > 1) {
        ImGui::Text(Tr(Str::TimelineMerged), item.count);
        TooltipTimes(view.axis, item.start, item.end);
        ImGui::Text(Tr(lane.kind == LaneKind::Thread ? Str::TimelineRunningShare : Str::TimelineBusyShare),
                    double(item.active_share) * 100.0);
        ImGui::TextDisabled("%s", Tr(Str::TimelineZoomHint));
        ImGui::EndTooltip();
        return;
    }
    const Slice& s = lane.slices.slices[item.first];
    const KindText& text = GetSliceKindText(s.kind);
    const SliceLook look = LookOfSlice(lane, s);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(look.color | IM_COL32_A_MASK), "%s", text.code);
    ImGui::SameLine();
    ImGui::Text("%s \xC2\xB7 %s", Tr(text.name), lane.name.c_str()); // a GIL lane is named after its process
    TooltipTimes(view.axis, s.start, s.end);
    SliceDetails(data, lane, s);
    ImGui::Separator();
    TooltipExplanation(Tr(text.explanation));
    ImGui::EndTooltip();
}

const TimelineRow* RowOfLane(const std::vector<TimelineRow>& rows, int32_t lane) {
    for (const TimelineRow& row : rows)
        if (row.lane == lane)
            return &row;
    return nullptr;
}

// Who caused the hovered stretch: the thread that woke a ready thread, or that handed the GIL to
// its new holder. An arrow from that thread's lane to the woken one, at the moment it happened.
void DrawCauseArrow(const TimelineView& view, const TimelineData& data, ImDrawList* dl, float rows_top) {
    const TimelineHover& hover = view.hover;
    if (hover.lane < 0 || hover.is_marker || hover.slice.count != 1)
        return;
    const TimelineLane& lane = data.lanes[size_t(hover.lane)];
    const Slice& s = lane.slices.slices[hover.slice.first];
    machine::ThreadId cause = machine::kNoThread, woken = machine::kNoThread;
    if (s.kind == SliceKind::Ready && lane.kind == LaneKind::Thread) {
        cause = s.other;
        woken = lane.id;
    } else if (s.kind == SliceKind::GilHeld) {
        cause = s.other;
        woken = s.detail;
    }
    const auto thread_row = [&](machine::ThreadId t) {
        const int32_t lane = ThreadLaneIndex(data, t);
        return lane >= 0 ? RowOfLane(view.rows, lane) : nullptr;
    };
    const TimelineRow* from = thread_row(cause);
    const TimelineRow* to = thread_row(woken);
    if (!from || !to || from == to)
        return;
    const float x = std::round(float(view.axis.time_to_x(double(s.start))));
    const float y_from = rows_top + from->y + from->height / 2, y_to = rows_top + to->y + to->height / 2;
    const float head = ImGui::GetFontSize() * 0.4f;
    const float direction = y_to > y_from ? 1.0f : -1.0f;
    const ImU32 color = ThreadColor(cause);
    const ImU32 shadow = IM_COL32(0, 0, 0, 160);
    dl->AddLine(ImVec2(x, y_from), ImVec2(x, y_to - direction * head), shadow, 4.0f);
    dl->AddLine(ImVec2(x, y_from), ImVec2(x, y_to - direction * head), color, 2.0f);
    dl->AddCircleFilled(ImVec2(x, y_from), head * 0.45f, color);
    dl->AddTriangleFilled(ImVec2(x - head * 0.7f, y_to - direction * head), ImVec2(x + head * 0.7f, y_to - direction * head),
                          ImVec2(x, y_to), color);
}

// Click: select the thread under the pointer and put the cursor there.
void SelectUnderPointer(TimelineView& view, const TimelineData& data, const TimelineRow* row, bool in_lanes, double t) {
    if (in_lanes)
        view.cursor = SimTime(std::llround(t));
    if (!row || row->lane < 0) {
        view.selected_thread = machine::kNoThread;
        return;
    }
    const TimelineLane& lane = data.lanes[size_t(row->lane)];
    if (lane.kind == LaneKind::Thread) {
        view.selected_thread = lane.id;
    } else if (view.hover.lane == row->lane && !view.hover.is_marker && view.hover.slice.count == 1) {
        view.selected_thread = ThreadOf(lane, lane.slices.slices[view.hover.slice.first]);
    } else {
        view.selected_thread = machine::kNoThread;
    }
}

} // namespace

// ----------------------------------------------------------------------------------------------
// Window
// ----------------------------------------------------------------------------------------------

void ShowTimelineWindow(bool* open, TimelineView& view, const TimelineData& data, bool live) {
    if (!view.rects_ready) {
        CreateGpuRects(view.rects);
        view.rects_ready = true;
    }
    BeginGpuRectsFrame(view.rects);
    view.hover = {};
    view.rows.clear();

    SetNextWindowDefaultPlace(LabWindow::Timeline);
    if (!ImGui::Begin(WindowTitle(Str::TitleTimeline), open, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Timeline");
    ShowToolbar(view, data, live);

    const float font_size = ImGui::GetFontSize();
    const float full_width = ImGui::GetContentRegionAvail().x;
    const float label_width = LabelColumnWidth(data, font_size, full_width);
    const float ruler_height = std::round(font_size * 1.6f);
    const RowHeights heights = RowHeightsFor(font_size);
    BuildRows(view.rows, data, heights);
    view.rows_run_id = data.run_id;
    view.rows_lane_changes = data.lane_changes;
    const float total_height = view.rows.empty() ? 0.0f : view.rows.back().y + view.rows.back().height;

    if (view.rows.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("%s", Tr(Str::TimelineEmpty));
        ImGui::End();
        return;
    }

    // Ruler: its own row above the lanes, sharing their time axis.
    const ImVec2 ruler_min = ImGui::GetCursorScreenPos();
    const float scrollbar = ImGui::GetStyle().ScrollbarSize;
    ImGui::InvisibleButton("##ruler", ImVec2(full_width, ruler_height));
    RecordItemRect("timeline/ruler");
    const bool ruler_hovered = ImGui::IsItemHovered();
    const bool ruler_active = ImGui::IsItemActive();
    const bool ruler_clicked = WasClick();

    view.axis.left_px = ruler_min.x + label_width;
    view.axis.width_px = std::max(1.0f, full_width - label_width - scrollbar);
    if (!view.scripted_camera) {
        // A run followed to its end is then shown whole, unless the user took over the view.
        if (view.was_live && !live && view.follow_live)
            view.fit_requested = true;
        view.was_live = live;
        if (view.show_begin < view.show_end) {
            ShowExactRange(view.axis, view.show_begin, view.show_end);
            view.show_begin = view.show_end = 0;
            view.fit_requested = view.follow_live = false;
        } else if (view.fit_requested && data.end > 0) {
            FitToRange(view.axis, 0, live ? std::max<SimTime>(data.end, 10 * machine::kMillisecond) : data.end);
            view.fit_requested = false;
        } else if (view.follow_live && live) {
            ShowEndAt(view.axis, double(data.end));
            view.axis.start_ns = std::max(view.axis.start_ns, 0.0);
        }
        HandleZoomAndPan(view, ruler_hovered, ruler_active);
    }

    // Lanes: a child window that scrolls vertically; the wheel zooms instead of scrolling.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetColorU32(ImGuiCol_WindowBg));
    ImGui::BeginChild("##lanes", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_AlwaysVerticalScrollbar);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    const ImVec2 child_pos = ImGui::GetWindowPos();
    const ImVec2 child_size = ImGui::GetWindowSize();
    const float lanes_x0 = float(view.axis.left_px);
    const float lanes_x1 = float(view.axis.left_px + view.axis.width_px);
    const float visible_y0 = child_pos.y, visible_y1 = child_pos.y + child_size.y;

    // At least as tall as the area, so the wheel, a drag or a pinch below the last lane still counts.
    ImGui::InvisibleButton("##lanes", ImVec2(lanes_x1 - child_pos.x, std::max(total_height, child_size.y)));
    const bool lanes_hovered = ImGui::IsItemHovered();
    const bool lanes_active = ImGui::IsItemActive();
    const bool lanes_clicked = WasClick();
    const ImGuiIO& io = ImGui::GetIO();
    if (!view.scripted_camera) {
        const float drag_y = HandleZoomAndPan(view, lanes_hovered, lanes_active);
        float scroll = ImGui::GetScrollY() - drag_y;
        if (lanes_hovered && io.KeyShift)
            scroll -= io.MouseWheel * heights.thread * 3;
        ImGui::SetScrollY(std::clamp(scroll, 0.0f, ImGui::GetScrollMaxY()));
    }
    const float rows_top = child_pos.y - ImGui::GetScrollY();
    view.rows_top = rows_top;
    view.lanes_x0 = lanes_x0;
    view.lanes_y0 = visible_y0;
    view.lanes_x1 = lanes_x1;
    view.lanes_y1 = visible_y1;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(ImVec2(lanes_x0, visible_y0), ImVec2(lanes_x1, visible_y1), true);
    const bool gpu = BeginGpuRectBatch(view.rects, dl);
    dl->PopClipRect();

    view.schedule_mark_x.assign(data.schedule_marks.size(), NAN);
    view.schedule_mark_y.assign(data.schedule_marks.size(), NAN);
    LanePass pass{view, data, dl, gpu, lanes_x0, lanes_x1, font_size,
                  lanes_hovered && io.MousePos.x >= lanes_x0 && io.MousePos.x < lanes_x1, io.MousePos};

    // Grid lines at the ruler's major ticks, under everything else.
    const Ticks ticks = TicksFor(view.axis, font_size);
    const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.35f);
    for (SimTime t = SimTime(std::ceil(view.axis.start_ns / double(ticks.major))) * ticks.major;
         double(t) <= view.axis.end_ns(); t += ticks.major) {
        const float x = std::round(float(view.axis.time_to_x(double(t))));
        PushRect(pass, x, visible_y0, x + 1, visible_y1, grid, gl::GpuRectStyle_Flat);
    }

    const TimelineRow* pointer_row = nullptr;
    for (size_t i = 0; i < view.rows.size(); ++i) {
        const TimelineRow& row = view.rows[i];
        const float y0 = rows_top + row.y, y1 = y0 + row.height;
        if (io.MousePos.y >= y0 && io.MousePos.y < y1)
            pointer_row = &row;
        if (y1 < visible_y0 || y0 > visible_y1)
            continue;
        if (row.lane < 0) {
            dl->AddRectFilled(ImVec2(child_pos.x, y0), ImVec2(lanes_x1, y1), ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
        } else {
            const ImU32 band = ImGui::GetColorU32(i % 2 ? ImGuiCol_TableRowBgAlt : ImGuiCol_TableRowBg);
            PushRect(pass, lanes_x0, y0, lanes_x1, y1, band, gl::GpuRectStyle_Flat);
            DrawLaneSlices(pass, row.lane, y0, y1);
            DrawMarkers(pass, row.lane, y0, y1);
            DrawScheduleMarks(pass, row.lane, y0, y1);
        }
        DrawRowLabel(pass, row, y0, child_pos.x);
    }
    if (gpu)
        EndGpuRectBatch(view.rects);
    dl->AddLine(ImVec2(lanes_x0 - 1, visible_y0), ImVec2(lanes_x0 - 1, visible_y1), ImGui::GetColorU32(ImGuiCol_Border));

    // The cursor, the live edge and the hovered item's outline, over the lanes.
    dl->PushClipRect(ImVec2(lanes_x0, visible_y0), ImVec2(lanes_x1, visible_y1), true);
    const float edge_x = float(view.axis.time_to_x(double(data.end)));
    dl->AddLine(ImVec2(edge_x, visible_y0), ImVec2(edge_x, visible_y1), ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.6f));
    if (view.cursor >= 0) {
        const float x = float(view.axis.time_to_x(double(view.cursor)));
        dl->AddLine(ImVec2(x, visible_y0), ImVec2(x, visible_y1), ImGui::GetColorU32(ImGuiCol_PlotLinesHovered), 1.5f);
    }
    if (view.hover.lane >= 0 && pointer_row && !ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        const float y0 = rows_top + pointer_row->y, y1 = y0 + pointer_row->height;
        if (!view.hover.is_marker && view.hover.schedule_mark < 0)
            dl->AddRect(ImVec2(view.hover.slice.x0 - 1, y0 + 1), ImVec2(view.hover.slice.x1 + 1, y1 - 1),
                        ImGui::GetColorU32(ImGuiCol_Text, 0.85f), 2.0f, 0, 1.5f);
        DrawCauseArrow(view, data, dl, rows_top);
        ShowHoverTooltip(view, data);
    }
    dl->PopClipRect();
    if (lanes_clicked && !view.scripted_camera)
        SelectUnderPointer(view, data, pointer_row, io.MousePos.x >= lanes_x0, view.axis.x_to_time(io.MousePos.x));
    ImGui::EndChild();

    // The ruler last: it reads the axis as the lanes used it.
    DrawRuler(ImGui::GetWindowDrawList(), view.axis, ticks, ImVec2(float(view.axis.left_px), ruler_min.y),
              ImVec2(lanes_x1, ruler_min.y + ruler_height), view, data);
    if (ruler_clicked && !view.scripted_camera && io.MousePos.x >= lanes_x0)
        view.cursor = SimTime(std::llround(view.axis.x_to_time(io.MousePos.x)));
    ImGui::End();
}

// ----------------------------------------------------------------------------------------------
// State JSON
// ----------------------------------------------------------------------------------------------

namespace {

const char* LaneKindName(LaneKind kind) {
    switch (kind) {
    case LaneKind::Cpu: return "cpu";
    case LaneKind::Gil: return "gil";
    case LaneKind::Thread: return "thread";
    }
    return "?";
}

} // namespace

void AppendTimelineStateJson(std::string& out, const TimelineView& view, const TimelineData& data) {
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "{\"start\":%.3f,\"end\":%.3f,\"nsPerPx\":%.6g,\"traceEnd\":%lld,\"follow\":%s,"
                  "\"selectedThread\":%d,\"cursor\":%lld,\"threadsNotShown\":%llu,"
                  "\"area\":[%.1f,%.1f,%.1f,%.1f],\"lanes\":[",
                  view.axis.start_ns, view.axis.end_ns(), view.axis.ns_per_px, (long long)data.end,
                  view.follow_live ? "true" : "false", view.selected_thread, (long long)view.cursor,
                  (unsigned long long)data.threads_not_shown, view.lanes_x0, view.lanes_y0, view.lanes_x1,
                  view.lanes_y1);
    out += buf;
    // The rows and the hover index the lanes as they were when last drawn; a closed window's may
    // name lanes since dropped.
    const bool drawn_now = view.rows_run_id == data.run_id && view.rows_lane_changes == data.lane_changes;
    // Lanes on screen, with their vertical extent in screen pixels, so tests can point at one.
    bool first = true;
    for (const TimelineRow& row : view.rows) {
        const float y0 = view.rows_top + row.y;
        if (!drawn_now || row.lane < 0 || y0 + row.height <= view.lanes_y0 || y0 >= view.lanes_y1)
            continue;
        const TimelineLane& lane = data.lanes[size_t(row.lane)];
        out += first ? "" : ",";
        first = false;
        std::snprintf(buf, sizeof buf, "{\"kind\":\"%s\",\"id\":%d,\"y\":%.1f,\"height\":%.1f}",
                      LaneKindName(lane.kind), lane.id, y0, row.height);
        out += buf;
    }
    out += "],\"scheduleMarks\":[";
    // The schedule's marks on screen, where a test can point at them, with the words they show.
    first = true;
    for (size_t i = 0; i < data.schedule_marks.size() && i < view.schedule_mark_x.size(); ++i) {
        if (std::isnan(view.schedule_mark_x[i]))
            continue;
        const ScheduleMark& m = data.schedule_marks[i];
        std::snprintf(buf, sizeof buf, "%s{\"kind\":\"%s\",\"thread\":%d,\"time\":%lld,\"x\":%.1f,\"y\":%.1f,\"note\":%d}",
                      first ? "" : ",", ScheduleMarkName(m.kind), data.lanes[size_t(m.lane)].id, (long long)m.time,
                      view.schedule_mark_x[i], view.schedule_mark_y[i], m.note);
        out += buf;
        first = false;
    }
    out += "],\"scheduleNotes\":[";
    for (size_t i = 0; data.schedule_notes && i < data.schedule_notes->size(); ++i) {
        const lab::ScheduleNoteView& n = (*data.schedule_notes)[i];
        out += i ? ",{\"words\":" : "{\"words\":";
        machine::append_json_string(out, PreemptionText(n.parts));
        out += ",\"conflict\":";
        machine::append_json_string(out, ConflictText(n.parts));
        out += "}";
    }
    out += "],\"hover\":";
    if (view.hover.lane < 0 || !drawn_now) {
        out += "null}";
        return;
    }
    const TimelineLane& lane = data.lanes[size_t(view.hover.lane)];
    std::snprintf(buf, sizeof buf, "{\"laneKind\":\"%s\",\"laneId\":%d,", LaneKindName(lane.kind), lane.id);
    out += buf;
    if (view.hover.schedule_mark >= 0) {
        const ScheduleMark& m = data.schedule_marks[size_t(view.hover.schedule_mark)];
        std::snprintf(buf, sizeof buf, "\"scheduleMark\":\"%s\",\"note\":%d,\"time\":%lld}}", ScheduleMarkName(m.kind),
                      m.note, (long long)m.time);
    } else if (view.hover.is_marker) {
        const Marker& m = lane.markers.markers[view.hover.marker.first];
        std::snprintf(buf, sizeof buf, "\"marker\":\"%s\",\"count\":%u,\"time\":%lld}}",
                      GetMarkerKindText(m.kind).code, view.hover.marker.count, (long long)m.time);
    } else {
        const SliceDrawItem& item = view.hover.slice;
        const Slice& s = lane.slices.slices[item.first];
        std::snprintf(buf, sizeof buf, "\"kind\":\"%s\",\"count\":%u,\"start\":%lld,\"end\":%lld,\"thread\":%d}}",
                      item.count == 1 ? GetSliceKindText(s.kind).code : "MERGED", item.count,
                      (long long)item.start, (long long)item.end, ThreadOf(lane, s));
    }
    out += buf;
}

} // namespace ui
