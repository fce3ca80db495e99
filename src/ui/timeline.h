// The Timeline window: CPU lanes, each process's GIL lane and its thread lanes on the simulated
// clock, drawn from a TimelineData (src/ui/timeline_model.h) with GPU rectangles for the slices
// and ImGui for text, markers and input. Mouse wheel zooms around the pointer, dragging pans,
// a click selects a thread and places the cursor; it follows the live edge while a run plays.
#pragma once
#include <string>
#include <vector>

#include "ui/gl/gpu_rects.h"
#include "ui/timeline_model.h"
#include "ui/touch_model.h"

namespace ui {

// What is under the pointer (the test hook reports it; the tooltip shows it).
struct TimelineHover {
    int32_t lane = -1;        // index into TimelineData::lanes; -1: nothing hovered
    bool is_marker = false;
    SliceDrawItem slice;      // !is_marker: the slice (count 1) or merged run under the pointer
    MarkerDrawItem marker;    // is_marker: the marker or cluster under the pointer
    int32_t schedule_mark = -1; // index into TimelineData::schedule_marks: it is under the pointer
};

// One row of the lane list: a group header ("CPUs", "Process 0 · MainProcess") or a lane.
struct TimelineRow {
    int32_t lane = -1;        // index into TimelineData::lanes; -1: a header
    int32_t process = -1;     // header: the process it introduces (-1: the CPUs)
    float y = 0, height = 0;  // within the lane list, before scrolling
};

struct TimelineView {
    TimeAxis axis;
    bool follow_live = true;    // keep the live edge at the right while the run plays
    bool fit_requested = true;  // show the whole run on the next frame
    bool was_live = false;      // the run was playing last frame (its end is shown whole)
    bool scripted_camera = false; // the benchmark moves the view: no fit, no follow, no input
    machine::ThreadId selected_thread = machine::kNoThread;
    SimTime cursor = -1;        // the time last clicked; -1: none
    // A range to show exactly once the lanes' width is known (a shared link's zoom); equal: none.
    SimTime show_begin = 0, show_end = 0;
    TimelineHover hover;
    TouchFrame touch;           // this frame's fingers (the app sets it): two of them zoom and pan
    // Where the lanes were drawn last frame (screen pixels), for the test hook: the visible
    // area, and the screen y of the first row (it moves as the lanes scroll).
    float lanes_x0 = 0, lanes_y0 = 0, lanes_x1 = 0, lanes_y1 = 0;
    float rows_top = 0;

    // Reused every frame: nothing here allocates once grown.
    std::vector<TimelineRow> rows;
    uint64_t rows_run_id = 0, rows_lane_changes = 0; // the TimelineData lanes `rows` index
    std::vector<SliceDrawItem> slice_items;
    std::vector<MarkerDrawItem> marker_items;
    std::vector<float> schedule_mark_x, schedule_mark_y;  // where each schedule mark was drawn; NaN: off screen
    gl::GpuRectRenderer rects;
    bool rects_ready = false;   // CreateGpuRects was tried
};

// `live`: the run is still going, so following the live edge makes sense.
void ShowTimelineWindow(bool* open, TimelineView& view, const TimelineData& data, bool live);

// The timeline's part of window.threadlab.state(): visible range, lanes on screen, hover,
// selection. Appends a JSON object.
void AppendTimelineStateJson(std::string& out, const TimelineView& view, const TimelineData& data);

} // namespace ui
