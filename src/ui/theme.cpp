#include "ui/theme.h"

#include <span>
#include <string>

#include "cjk_glyphs.h"
#include "config/deflate.h"
#include "ui_fonts.h"
#include "ui_glyph_ranges.h"

namespace ui {

namespace {
ImFont* g_code_font = nullptr; // owned by the font atlas; UI thread only
// The fonts inflated, kept for the atlas's lifetime (and its rebuilds); UI thread only.
std::string g_ui_font_data, g_code_font_data, g_cjk_font_data;
} // namespace

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

// A font compiled into the module deflated (generated/ui_fonts.h), inflated on first use into
// `inflated`, which outlives the atlas: the atlas reads it in place, never writing to it or
// freeing it. The build made the data, so it always inflates.
constexpr size_t kMaxFontBytes = 4 << 20;

static ImFont* AddEmbeddedFont(ImFontAtlas& fonts, std::string& inflated, std::span<const uint8_t> deflated,
                               float pixel_size, ImFontConfig config, const ImWchar* ranges) {
    if (inflated.empty()) {
        config::InflateResult font = config::inflate_raw(deflated, kMaxFontBytes);
        IM_ASSERT(font.error == config::InflateError::None);
        inflated = std::move(font.output);
    }
    config.FontDataOwnedByAtlas = false;
    return fonts.AddFontFromMemoryTTF(inflated.data(), int(inflated.size()), pixel_size, &config, ranges);
}

// The Chinese of the interface and the lessons, merged into the font added last; only the subset's
// own characters (cmake/web_app.cmake cuts it) are rasterised, so the atlas stays small.
static void MergeChinese(ImFontAtlas& fonts, float pixel_size) {
    ImFontConfig merge;
    merge.MergeMode = true;
    AddEmbeddedFont(fonts, g_cjk_font_data, kFont_cjk_subset_deflate, pixel_size, merge, kCjkGlyphRanges);
}

void BuildFonts(float pixel_size) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    // Debian's DejaVu, cut and compiled into the module by the build (cmake/web_app.cmake).
    ImFont* ui_font = AddEmbeddedFont(*io.Fonts, g_ui_font_data, kFont_DejaVuSans_deflate, pixel_size, {}, kGlyphRanges);
    MergeChinese(*io.Fonts, pixel_size);
    // The code font gets it too, for the Chinese the example programs print.
    g_code_font = AddEmbeddedFont(*io.Fonts, g_code_font_data, kFont_DejaVuSansMono_deflate, pixel_size, {},
                                  kGlyphRanges);
    MergeChinese(*io.Fonts, pixel_size);
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
