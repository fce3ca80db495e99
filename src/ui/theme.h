// Colours, sizes and fonts. Everything is scaled by the device pixel ratio because the canvas
// is drawn in physical pixels: that is what keeps text crisp on hi-DPI screens.
#pragma once
#include "imgui.h"
#include "ui/ui.h"

namespace ui {

struct BackgroundColors {
    ImVec4 base, line, major;
};

// Replace ImGui's style with the theme's, scaled by `scale` (the device pixel ratio). `touch`:
// sized for fingers (taller buttons and rows, wider scrollbars and grabs, a margin around each
// item that a touch still hits).
void ApplyTheme(Theme theme, float scale, bool touch);
// Rebuild the font atlas: the UI font and a monospace font for code, at `pixel_size` pixels.
// The caller re-uploads the atlas texture afterwards.
void BuildFonts(float pixel_size);
BackgroundColors GetBackgroundColors(Theme theme);

// The monospace font BuildFonts loaded (nullptr before), for source code and bytecode.
ImFont* GetCodeFont();

} // namespace ui
