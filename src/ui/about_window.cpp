// Help > About: what this is, which build it is, and what it is made with.
#include "imgui.h"
#include "ui/test_hooks.h"
#include "ui/ui.h"

namespace ui {

void ShowAboutWindow(bool* open, const BuildInfo& build) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::Begin("About Threadlab", open, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    RecordWindowRect("window/About");
    ImGui::Text("Threadlab %s", build.version);
    ImGui::TextDisabled("build %s", build.commit);
    ImGui::Separator();
    ImGui::TextUnformatted("A lab in which you see what a process, a thread, a coroutine");
    ImGui::TextUnformatted("and Python's GIL really do, on a simulated machine.");
    ImGui::Spacing();
    ImGui::Text("Dear ImGui %s, WebGL2, Emscripten (pthreads, Asyncify).", build.imgui_version);
    ImGui::End();
}

void ShowUserGuideWindow(bool* open) {
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
    if (ImGui::Begin("Using the interface", open)) {
        RecordWindowRect("window/UserGuide");
        ImGui::ShowUserGuide();
    }
    ImGui::End();
}

} // namespace ui
