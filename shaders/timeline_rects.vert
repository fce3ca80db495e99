#version 300 es
// One instance per rectangle: the four corners of a triangle strip come from gl_VertexID, so
// the only buffer is the instances themselves (src/ui/gpu_rects.h, GpuRect).
layout(location = 0) in vec4 a_rect;   // x0, y0, x1, y1 in ImGui's pixel coordinates
layout(location = 1) in vec4 a_color;  // RGBA, 0..1
layout(location = 2) in uint a_style;  // GpuRectStyle bits
uniform vec4 u_view;                   // display origin (xy) and size (zw) in pixels
out vec4 v_color;
out vec2 v_local;                      // pixels from the rectangle's top-left corner
out vec2 v_size;                       // the rectangle's size in pixels
flat out uint v_style;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
    vec2 p = mix(a_rect.xy, a_rect.zw, corner);
    v_color = a_color;
    v_size = a_rect.zw - a_rect.xy;
    v_local = corner * v_size;
    v_style = a_style;
    vec2 ndc = (p - u_view.xy) / u_view.zw * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
}
