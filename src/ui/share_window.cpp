#include "ui/share_window.h"

#include <algorithm>
#include <cfloat>

#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "ui/strings.h"
#include "ui/test_hooks.h"

namespace ui {

namespace {
constexpr double kConfirmationSeconds = 2.5; // "Link copied" fades out over this
constexpr double kShareWindowSeconds = 12.0; // then the window closes, unless pointed at
} // namespace

void ShowShareWindow(bool* open, ShareWindowState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float margin = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f, viewport->WorkPos.y + margin),
                            ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 28, 0));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
    if (!ImGui::Begin(WindowTitle(Str::TitleShare), open, flags)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/Share");
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    const double age = ImGui::GetTime() - state.shared_at;
    const float fade = float(std::clamp(1.0 - age / kConfirmationSeconds, 0.0, 1.0));
    if (state.copy_refused) {
        ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.35f, 1), "%s", Tr(Str::ShareRefused));
    } else {
        ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.25f + 0.75f * fade);
        ImGui::TextColored(ImVec4(0.45f, 0.85f, 0.5f, 1), "%s", Tr(Str::ShareCopied));
        ImGui::PopStyleVar();
    }
    ImGui::TextDisabled("%s", Tr(Str::ShareWho));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputText("##link", &state.url, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    RecordItemRect("share/Link");
    const bool in_use = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) || ImGui::IsItemActive();
    if (in_use)
        state.shared_at = std::max(state.shared_at, ImGui::GetTime() - kConfirmationSeconds);
    else if (age > kShareWindowSeconds)
        *open = false;
    ImGui::End();
}

void ShowLinkProblemsWindow(bool* open, const LinkProblemsState& state) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos, ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(viewport->WorkSize.x, 0), ImVec2(viewport->WorkSize.x, FLT_MAX));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.42f, 0.16f, 0.1f, 0.97f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0.93f, 0.88f, 1));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    const bool visible = ImGui::Begin("Link problems", open, flags);
    ImGui::PopStyleColor(2);
    if (!visible) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/LinkProblems");
    // Above the tiled windows even after one of them is clicked: it is what the page says first.
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(state.nothing_usable
                               ? Tr(Str::LinkNothingUsable)
                               : Tr(Str::LinkPartlyWrong));
    for (const config::Problem& problem : state.problems) {
        ImGui::Bullet();
        ImGui::Text("%s: %s", problem.field.c_str(), ProblemText(problem).c_str());
    }
    ImGui::PopTextWrapPos();
    if (ImGui::Button(Tr(Str::LinkDismiss)))
        *open = false;
    RecordItemRect("banner/Dismiss");
    ImGui::End();
}

} // namespace ui
