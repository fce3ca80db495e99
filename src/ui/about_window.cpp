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
    ImGui::TextDisabled("Mouse and keyboard");
    Bullet("Drag a window by its title bar, resize it from its lower right corner or its edges; "
           "double-click the title bar to fold it.");
    Bullet("The wheel scrolls the window under the pointer; over the Timeline it zooms (Shift+wheel "
           "scrolls its lanes) and dragging pans.");
    Bullet("Ctrl+click a slider to type its value. In the editor: Ctrl+A, Ctrl+C, Ctrl+V, Ctrl+Z as usual.");
    Bullet("Space plays or pauses, Right arrow steps one instruction, Shift+Right arrow one slice, R "
           "resets, Ctrl+S shares the link.");
    ImGui::Spacing();
    ImGui::TextDisabled("Touch");
    Bullet("Tap is a click. A long press shows what hovering shows (a tooltip) and opens a context menu.");
    Bullet("One finger on a window's background scrolls it; a window moves by its title bar.");
    Bullet("On the Timeline one finger pans and two fingers pinch to zoom.");
    Bullet("Tapping the editor brings up the on-screen keyboard.");
    Bullet("On a narrow screen one window is shown at a time: the tabs at the top switch between them.");
}

} // namespace

void ShowUserGuideWindow(bool* open) {
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0), ImGuiCond_Appearing);
    if (ImGui::Begin("Using the interface", open)) {
        RecordWindowRect("window/UserGuide");
        ShowUserGuideText();
    }
    ImGui::End();
}

} // namespace ui
