#include "ui/layout.h"

#include "imgui.h"

namespace ui {

namespace {

struct Place {
    float x0, y0, x1, y1; // fractions of the area below the main menu bar
};

//  Program | Code        | Threads
//          |             | Address space / Output
//          | Timeline
constexpr Place kPlaces[] = {
    {0.00f, 0.00f, 0.34f, 1.00f}, // Program
    {0.34f, 0.00f, 0.67f, 0.55f}, // Code
    {0.67f, 0.00f, 1.00f, 0.28f}, // Threads
    {0.67f, 0.28f, 1.00f, 0.55f}, // Address space
    {0.67f, 0.28f, 1.00f, 0.55f}, // Output (shares the slot; opened on demand)
    {0.34f, 0.55f, 1.00f, 1.00f}, // Timeline
};

} // namespace

void SetNextWindowDefaultPlace(LabWindow window) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    // Below the menu bar by its height: on the first frame WorkPos does not know the bar yet.
    const float top = viewport->Pos.y + ImGui::GetFrameHeight();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 area(viewport->Size.x - gap, viewport->Pos.y + viewport->Size.y - top - gap);
    const Place& p = kPlaces[static_cast<int>(window)];
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + gap + area.x * p.x0, top + gap + area.y * p.y0), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(area.x * (p.x1 - p.x0) - gap, area.y * (p.y1 - p.y0) - gap), ImGuiCond_FirstUseEver);
}

} // namespace ui
