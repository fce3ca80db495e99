// Index:
//   State       the current layout, the tab, the desktop's open windows while compact
//   Tab bar     the compact layout's big buttons, wrapped onto as many rows as they need
//   Frame       BeginLayoutFrame: choose, switch, draw the tabs
//   Places      SetNextWindowDefaultPlace
#include "ui/layout.h"

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "ui/test_hooks.h"

namespace ui {

namespace {

// ----------------------------------------------------------------------------------------------
// State
// ----------------------------------------------------------------------------------------------

constexpr int kMaxPlaces = 16;

struct LayoutState {
    LayoutMode mode = LayoutMode::Wide;
    bool chosen = false;     // a first layout was picked
    bool relayout = true;    // this frame, every window is put at its place
    ImVec2 display{0, 0};    // the size the windows were laid out for
    int tab = 0;             // the compact layout's window, an index into LabWindowPlaces()
    float area_top = 0;      // the top of the windows' area (below the menu bar and the tabs)
    bool desktop_shown[kMaxPlaces] = {}; // which windows were open before the page became compact
};
LayoutState g_layout; // UI thread only, like ImGui's context

void SaveDesktopWindows(const UiState& ui) {
    const auto places = LabWindowPlaces();
    for (size_t i = 0; i < places.size() && i < kMaxPlaces; ++i)
        g_layout.desktop_shown[i] = ui.*places[i].shown;
}

void RestoreDesktopWindows(UiState& ui) {
    const auto places = LabWindowPlaces();
    for (size_t i = 0; i < places.size() && i < kMaxPlaces; ++i)
        ui.*places[i].shown = g_layout.desktop_shown[i];
    // The tab that was on the phone's screen stays open on the wider one.
    ui.*places[size_t(g_layout.tab)].shown = true;
}

// ----------------------------------------------------------------------------------------------
// Tab bar
// ----------------------------------------------------------------------------------------------

// A full-width strip under the menu bar. Returns its height.
float ShowTabBar(UiState& ui, float top, float dpr) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float target = std::round(kTouchTargetCss * dpr);
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, top));
    ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, 0));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::Begin("##tabs", nullptr, flags);
    const auto places = LabWindowPlaces();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (size_t i = 0; i < places.size(); ++i) {
        const float width = ImGui::CalcTextSize(Tr(places[i].title)).x + style.FramePadding.x * 4;
        if (i > 0 && ImGui::GetItemRectMax().x + style.ItemSpacing.x + width <= right)
            ImGui::SameLine();
        const bool active = int(i) == g_layout.tab;
        if (active)
            ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[ImGuiCol_ButtonActive]);
        if (ImGui::Button(WindowTitle(places[i].title), ImVec2(width, target)))
            g_layout.tab = int(i);
        if (active)
            ImGui::PopStyleColor();
        RecordItemRect(places[i].tab_item);
    }
    const float height = ImGui::GetWindowSize().y;
    ImGui::End();
    ImGui::PopStyleVar();
    for (size_t i = 0; i < places.size(); ++i)
        ui.*places[i].shown = int(i) == g_layout.tab;
    return height;
}

} // namespace

// ----------------------------------------------------------------------------------------------
// Frame
// ----------------------------------------------------------------------------------------------

void BeginLayoutFrame(UiState& ui, double css_width, float dpr) {
    const LayoutMode mode = ChooseLayout(css_width);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const bool first = !g_layout.chosen;
    const bool changed = first || mode != g_layout.mode;
    if (mode == LayoutMode::Compact) {
        if (changed)
            SaveDesktopWindows(ui);
        else
            g_layout.tab = ChooseCompactTab(ui, g_layout.tab);
    } else if (changed && !first && g_layout.mode == LayoutMode::Compact) {
        RestoreDesktopWindows(ui);
    }
    g_layout.relayout = changed || viewport->Size.x != g_layout.display.x || viewport->Size.y != g_layout.display.y;
    g_layout.display = viewport->Size;
    g_layout.mode = mode;
    g_layout.chosen = true;

    // Below the menu bar by its height: on the first frame WorkPos does not know the bar yet.
    g_layout.area_top = viewport->Pos.y + ImGui::GetFrameHeight();
    if (mode == LayoutMode::Compact)
        g_layout.area_top += ShowTabBar(ui, g_layout.area_top, dpr);
}

LayoutMode CurrentLayout() { return g_layout.mode; }

void AppendLayoutStateJson(std::string& out) {
    out += "\"layout\":\"";
    out += LayoutModeName(g_layout.mode);
    out += "\",\"tab\":\"";
    // The tab by its English title, whatever the page's language: tests and links name it so.
    out += Tr(LabWindowPlaces()[size_t(g_layout.tab)].title, config::Language::English);
    out += "\",";
}

// ----------------------------------------------------------------------------------------------
// Places
// ----------------------------------------------------------------------------------------------

void SetNextWindowDefaultPlace(LabWindow window) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float top = g_layout.area_top;
    const float bottom = viewport->Pos.y + viewport->Size.y;
    if (g_layout.mode == LayoutMode::Compact) {
        // The tab's window is the screen: held there, so a stray drag cannot move it away.
        ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x, top), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(viewport->Size.x, bottom - top), ImGuiCond_Always);
        ImGui::SetNextWindowCollapsed(false, ImGuiCond_Always);
        return;
    }
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const ImVec2 area(viewport->Size.x - gap, bottom - top - gap);
    const LabWindowPlace& place = PlaceOf(window);
    const Tile& t = g_layout.mode == LayoutMode::Medium ? place.medium : place.wide;
    const ImGuiCond cond = g_layout.relayout ? ImGuiCond_Always : ImGuiCond_Appearing;
    ImGui::SetNextWindowPos(ImVec2(viewport->Pos.x + gap + area.x * t.x0, top + gap + area.y * t.y0), cond);
    ImGui::SetNextWindowSize(ImVec2(area.x * (t.x1 - t.x0) - gap, area.y * (t.y1 - t.y0) - gap), cond);
    ImGui::SetNextWindowCollapsed(false, cond);
}

} // namespace ui
