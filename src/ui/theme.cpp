#include "ui/theme.h"

namespace ui {

namespace {
ImFont* g_code_font = nullptr; // owned by the font atlas; UI thread only
}

void ApplyTheme(Theme theme, float scale) {
    ImGuiStyle style;
    if (theme == Theme::Dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.ScrollbarRounding = 3.0f;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

// Latin with its supplements, Greek and Cyrillic, punctuation (… — “ ”), arrows, box drawing
// and geometric shapes: what lessons, programs and their output use, and DejaVu covers.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2000, 0x206F, 0x2190, 0x21FF,
    0x2200, 0x22FF, 0x2500, 0x25FF, 0,
};

void BuildFonts(float pixel_size) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // The fonts are embedded into the module at /fonts by the link step (Debian's DejaVu).
    ImFont* ui_font = io.Fonts->AddFontFromFileTTF("/fonts/DejaVuSans.ttf", pixel_size, nullptr, kGlyphRanges);
    g_code_font = io.Fonts->AddFontFromFileTTF("/fonts/DejaVuSansMono.ttf", pixel_size, nullptr, kGlyphRanges);
    if (!ui_font) {
        ImFontConfig config;
        config.SizePixels = pixel_size;
        ui_font = io.Fonts->AddFontDefault(&config);
    }
    if (!g_code_font)
        g_code_font = ui_font;
    io.FontDefault = ui_font;
    io.Fonts->Build();
}

ImFont* GetCodeFont() { return g_code_font; }

BackgroundColors GetBackgroundColors(Theme theme) {
    if (theme == Theme::Dark)
        return {ImVec4(0.075f, 0.08f, 0.095f, 1), ImVec4(0.105f, 0.11f, 0.13f, 1),
                ImVec4(0.135f, 0.14f, 0.165f, 1)};
    return {ImVec4(0.95f, 0.95f, 0.96f, 1), ImVec4(0.90f, 0.90f, 0.92f, 1),
            ImVec4(0.84f, 0.84f, 0.87f, 1)};
}

} // namespace ui
