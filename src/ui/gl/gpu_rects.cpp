#include "ui/gl/gpu_rects.h"

#include <GLES3/gl3.h>
#include <cstddef>

#include "shaders.h"
#include "ui/gl/gl_program.h"

namespace ui::gl {

namespace {

// Point the instance attributes at rect `first` of the buffer: WebGL2 has no base instance.
void BindInstanceAttributes(uint32_t first) {
    const GLsizei stride = sizeof(GpuRect);
    const size_t base = size_t(first) * sizeof(GpuRect);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, stride, (const void*)(base + offsetof(GpuRect, x0)));
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, (const void*)(base + offsetof(GpuRect, color)));
    glVertexAttribIPointer(2, 1, GL_UNSIGNED_INT, stride, (const void*)(base + offsetof(GpuRect, style)));
}

void UploadFrame(GpuRectRenderer& r) {
    glBindBuffer(GL_ARRAY_BUFFER, r.instance_buffer);
    if (r.rects.size() > r.buffer_capacity) {
        r.buffer_capacity = r.rects.capacity();
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(r.buffer_capacity * sizeof(GpuRect)), nullptr, GL_STREAM_DRAW);
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, GLsizeiptr(r.rects.size() * sizeof(GpuRect)), r.rects.data());
    r.uploaded = true;
}

// Runs inside ImGui's OpenGL3 backend, with its state (blending on, scissor test on) in place.
void DrawBatch(const ImDrawList*, const ImDrawCmd* cmd) {
    const GpuRectBatch& batch = *static_cast<const GpuRectBatch*>(cmd->UserCallbackData);
    GpuRectRenderer& r = *batch.owner;
    if (batch.count == 0)
        return;
    if (!r.uploaded)
        UploadFrame(r);
    // The backend sets the scissor only for its own draw commands: apply this batch's clip.
    const ImDrawData* dd = ImGui::GetDrawData();
    const ImVec2 scale = dd->FramebufferScale;
    const float x0 = (cmd->ClipRect.x - dd->DisplayPos.x) * scale.x;
    const float y0 = (cmd->ClipRect.y - dd->DisplayPos.y) * scale.y;
    const float x1 = (cmd->ClipRect.z - dd->DisplayPos.x) * scale.x;
    const float y1 = (cmd->ClipRect.w - dd->DisplayPos.y) * scale.y;
    if (x1 <= x0 || y1 <= y0)
        return;
    const float framebuffer_height = dd->DisplaySize.y * scale.y;
    glScissor(int(x0), int(framebuffer_height - y1), int(x1 - x0), int(y1 - y0));

    glUseProgram(r.program);
    glUniform4f(r.u_view, dd->DisplayPos.x, dd->DisplayPos.y, dd->DisplaySize.x, dd->DisplaySize.y);
    glBindVertexArray(r.vertex_array);
    glBindBuffer(GL_ARRAY_BUFFER, r.instance_buffer);
    BindInstanceAttributes(batch.first);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, GLsizei(batch.count));
    glBindVertexArray(0);
}

} // namespace

bool CreateGpuRects(GpuRectRenderer& r) {
    r.program = BuildGlProgram("timeline_rects", kShader_timeline_rects_vert, kShader_timeline_rects_frag);
    if (!r.program)
        return false;
    r.u_view = glGetUniformLocation(r.program, "u_view");
    glGenVertexArrays(1, &r.vertex_array);
    glGenBuffers(1, &r.instance_buffer);
    glBindVertexArray(r.vertex_array);
    glBindBuffer(GL_ARRAY_BUFFER, r.instance_buffer);
    for (unsigned location = 0; location < 3; ++location) {
        glEnableVertexAttribArray(location);
        glVertexAttribDivisor(location, 1);
    }
    BindInstanceAttributes(0);
    glBindVertexArray(0);
    return true;
}

void DestroyGpuRects(GpuRectRenderer& r) {
    if (r.instance_buffer)
        glDeleteBuffers(1, &r.instance_buffer);
    if (r.vertex_array)
        glDeleteVertexArrays(1, &r.vertex_array);
    if (r.program)
        glDeleteProgram(r.program);
    r = {};
}

void BeginGpuRectsFrame(GpuRectRenderer& r) {
    r.rects.clear();
    r.batch_count = 0;
    r.uploaded = false;
}

bool BeginGpuRectBatch(GpuRectRenderer& r, ImDrawList* draw_list) {
    if (r.batch_count == GpuRectRenderer::kMaxBatches)
        return false;
    GpuRectBatch& batch = r.batches[r.batch_count++];
    batch = {&r, draw_list, uint32_t(r.rects.size()), 0};
    if (r.program) {
        draw_list->AddCallback(DrawBatch, &batch);
        draw_list->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
    }
    return true;
}

void EndGpuRectBatch(GpuRectRenderer& r) {
    GpuRectBatch& batch = r.batches[r.batch_count - 1];
    batch.count = uint32_t(r.rects.size()) - batch.first;
    if (r.program)
        return;
    for (uint32_t i = batch.first; i < batch.first + batch.count; ++i) {
        const GpuRect& rect = r.rects[i];
        batch.draw_list->AddRectFilled(ImVec2(rect.x0, rect.y0), ImVec2(rect.x1, rect.y1), rect.color);
    }
}

} // namespace ui::gl
