// Help > About: what this is, which build it is, and what it is made with.
#include "imgui.h"
#include "ui/strings.h"
#include "ui/test_hooks.h"
#include "ui/ui.h"

namespace ui {

void ShowAboutWindow(bool* open, const BuildInfo& build) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin(WindowTitle(Str::TitleAbout), open, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/About");
    ImGui::Text("Threadlab %s", build.version);
    ImGui::TextDisabled(Tr(Str::AboutBuild), build.commit);
    ImGui::Separator();
    ImGui::TextUnformatted(Tr(Str::AboutWhat1));
    ImGui::TextUnformatted(Tr(Str::AboutWhat2));
    ImGui::Spacing();
    ImGui::Text("Dear ImGui %s, WebGL2, Emscripten (pthreads).", build.imgui_version);
    ImGui::End();
}

namespace {

void Bullet(const char* text) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", text);
}

// How the interface answers the mouse, the keyboard and fingers.
void ShowUserGuideText() {
    ImGui::TextDisabled("%s", Tr(Str::GuideMouse));
    Bullet(Tr(Str::GuideWindows));
    Bullet(Tr(Str::GuideWheel));
    Bullet(Tr(Str::GuideSliders));
    Bullet(Tr(Str::GuideKeys));
    ImGui::Spacing();
    ImGui::TextDisabled("%s", Tr(Str::GuideTouch));
    Bullet(Tr(Str::GuideTap));
    Bullet(Tr(Str::GuideScroll));
    Bullet(Tr(Str::GuidePinch));
    Bullet(Tr(Str::GuideKeyboard));
    Bullet(Tr(Str::GuideNarrow));
}

} // namespace

void ShowUserGuideWindow(bool* open) {
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
    if (ImGui::Begin(WindowTitle(Str::TitleUserGuide), open)) {
        RecordWindowRect("window/UserGuide");
        ShowUserGuideText();
    }
    ImGui::End();
}

} // namespace ui
