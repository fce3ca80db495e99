// The canvas background grid, drawn with shaders/background.{vert,frag} before ImGui's windows.
#pragma once
#include "ui/theme.h"

namespace ui::gl {

struct BackgroundRenderer {
    unsigned program = 0;
    unsigned vertex_array = 0;
    int u_base = -1, u_line = -1, u_major = -1, u_spacing = -1;
};

// Compiles the shaders; returns false (and leaves the renderer empty) if WebGL refuses them.
bool CreateBackground(BackgroundRenderer& bg);
void DrawBackground(const BackgroundRenderer& bg, const BackgroundColors& colors, float spacing_px);
void DestroyBackground(BackgroundRenderer& bg);

} // namespace ui::gl
