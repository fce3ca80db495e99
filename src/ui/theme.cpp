#include "ui/theme.h"

#include "cjk_glyphs.h"
#include "ui_glyph_ranges.h"

namespace ui {

namespace {
ImFont* g_code_font = nullptr; // owned by the font atlas; UI thread only
}

void ApplyTheme(Theme theme, float scale, bool touch) {
    ImGuiStyle style;
    if (theme == Theme::Dark)
        ImGui::StyleColorsDark(&style);
    else
        ImGui::StyleColorsLight(&style);
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.ScrollbarRounding = 3.0f;
    if (touch) {
        style.FramePadding = ImVec2(8, 7);
        style.ItemSpacing = ImVec2(10, 8);
        style.ScrollbarSize = 22;
        style.GrabMinSize = 22;
        style.TouchExtraPadding = ImVec2(4, 4);
    }
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

// The characters the fonts were cut to at build time (THREADLAB_UI_GLYPH_RANGES in
// cmake/web_app.cmake): the atlas holds exactly those.
const ImWchar kGlyphRanges[] = {THREADLAB_UI_GLYPH_RANGES};

// The Chinese of the interface and the lessons, merged into the font added last; only the subset's
// own characters (cmake/web_app.cmake cuts it) are rasterised, so the atlas stays small.
static void MergeChinese(ImFontAtlas& fonts, float pixel_size) {
    ImFontConfig merge;
    merge.MergeMode = true;
    fonts.AddFontFromFileTTF("/fonts/cjk_subset.ttf", pixel_size, &merge, kCjkGlyphRanges);
}

void BuildFonts(float pixel_size) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // The fonts are embedded into the module at /fonts by the link step (Debian's DejaVu).
    ImFont* ui_font = io.Fonts->AddFontFromFileTTF("/fonts/DejaVuSans.ttf", pixel_size, nullptr, kGlyphRanges);
    if (!ui_font) {
        ImFontConfig config;
        config.SizePixels = pixel_size;
        ui_font = io.Fonts->AddFontDefault(&config);
    }
    MergeChinese(*io.Fonts, pixel_size);
    // The code font gets it too, for the Chinese the example programs print.
    g_code_font = io.Fonts->AddFontFromFileTTF("/fonts/DejaVuSansMono.ttf", pixel_size, nullptr, kGlyphRanges);
    if (g_code_font)
        MergeChinese(*io.Fonts, pixel_size);
    else
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
