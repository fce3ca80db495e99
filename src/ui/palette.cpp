#include "ui/palette.h"

#include <array>
#include <cmath>

namespace ui {

namespace {

ImU32 ComputeThreadColor(machine::ThreadId thread) {
    // Hues a golden-ratio turn apart never repeat and keep consecutive threads far apart; the
    // saturation and brightness steps separate the few ids whose hues land close together.
    const float hue = std::fmod(0.58f + 0.6180340f * float(thread), 1.0f);
    const float saturation = 0.50f + 0.12f * float(thread % 3);
    const float value = (thread / 3) % 2 == 0 ? 0.93f : 0.80f;
    float r, g, b;
    ImGui::ColorConvertHSVtoRGB(hue, saturation, value, r, g, b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, 1.0f));
}

} // namespace

ImU32 ThreadColor(machine::ThreadId thread) {
    if (thread < 0)
        return IM_COL32(140, 140, 140, 255);
    // The timeline asks for thousands of these a frame: the first threads' colours are a table.
    constexpr int kTabled = 256;
    static const auto kTable = [] {
        std::array<ImU32, kTabled> table{};
        for (int i = 0; i < kTabled; ++i)
            table[size_t(i)] = ComputeThreadColor(i);
        return table;
    }();
    return thread < kTabled ? kTable[size_t(thread)] : ComputeThreadColor(thread);
}

ImU32 ReadyColor() { return IM_COL32(148, 158, 178, 255); }

ImU32 WaitColor(machine::WaitKind wait) {
    switch (wait) {
    case machine::WaitKind::Sleep: return IM_COL32(126, 142, 168, 255);
    case machine::WaitKind::Io: return IM_COL32(58, 178, 164, 255);
    case machine::WaitKind::Gil: return IM_COL32(232, 162, 58, 255);
    case machine::WaitKind::Join:
    case machine::WaitKind::Children: return IM_COL32(166, 122, 224, 255);
    case machine::WaitKind::None: return IM_COL32(120, 120, 120, 255);
    default: return IM_COL32(226, 94, 88, 255); // a lock or other sync object
    }
}

ImU32 WithAlpha(ImU32 color, float alpha) {
    const float a = float((color >> IM_COL32_A_SHIFT) & 0xFF) * alpha;
    return (color & ~IM_COL32_A_MASK) | (ImU32(a + 0.5f) << IM_COL32_A_SHIFT);
}

ImVec4 ErrorColor() { return ImVec4(1.0f, 0.45f, 0.4f, 1); }

} // namespace ui
