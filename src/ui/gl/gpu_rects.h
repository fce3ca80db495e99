// Rectangles drawn by the GPU in one instanced draw call (shaders/timeline_rects.*), for views
// with far more rectangles than ImGui's draw lists carry cheaply (the timeline's slices).
// A batch sits in an ImDrawList as a callback, so it is drawn at the right depth among ImGui's
// windows and clipped to the clip rectangle that was current when the batch began.
//
// Per frame: BeginGpuRectsFrame, then for each batch BeginGpuRectBatch(draw_list), push rects,
// EndGpuRectBatch. Nothing allocates once the buffers have grown to the frame's needs.
#pragma once
#include <cstdint>
#include <vector>

#include "imgui.h"

namespace ui::gl {

enum GpuRectStyle : uint32_t {
    GpuRectStyle_Flat = 0,
    GpuRectStyle_Hatched = 1, // diagonal stripes: merged runs, waiting stretches
    GpuRectStyle_Edges = 2,   // darker left and right edges when at least 4 pixels wide
    GpuRectStyle_Shaded = 4,  // lighter at the top: reads as a solid bar
};

struct GpuRect { // one instance: 24 bytes
    float x0, y0, x1, y1; // ImGui pixel coordinates
    ImU32 color;          // as IM_COL32 packs it: R in the low byte
    uint32_t style;       // GpuRectStyle bits
};

struct GpuRectRenderer;

struct GpuRectBatch {
    GpuRectRenderer* owner = nullptr;
    ImDrawList* draw_list = nullptr;
    uint32_t first = 0, count = 0; // range in GpuRectRenderer::rects
};

struct GpuRectRenderer {
    static constexpr int kMaxBatches = 8;

    unsigned program = 0, vertex_array = 0, instance_buffer = 0;
    int u_view = -1;
    size_t buffer_capacity = 0;      // in rects
    std::vector<GpuRect> rects;      // this frame's rectangles, all batches
    GpuRectBatch batches[kMaxBatches];
    int batch_count = 0;
    bool uploaded = false;           // this frame's rects are in the GPU buffer
};

// Compiles the shaders; returns false if WebGL refuses them, and batches are then drawn as
// plain ImGui rectangles (slower, unshaded, but still correct).
bool CreateGpuRects(GpuRectRenderer& renderer);
void DestroyGpuRects(GpuRectRenderer& renderer);
void BeginGpuRectsFrame(GpuRectRenderer& renderer);
// Start a batch at this point of `draw_list`, clipped to its current clip rectangle. Returns
// false when the frame already has kMaxBatches batches: then push nothing and do not end it.
bool BeginGpuRectBatch(GpuRectRenderer& renderer, ImDrawList* draw_list);
inline void PushGpuRect(GpuRectRenderer& renderer, const GpuRect& rect) { renderer.rects.push_back(rect); }
void EndGpuRectBatch(GpuRectRenderer& renderer);

} // namespace ui::gl
