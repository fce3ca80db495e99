// The main menu bar: Threadlab / View / Help.
#include "imgui.h"
#include "ui/test_hooks.h"
#include "ui/ui.h"

namespace ui {

void ShowMainMenuBar(UiState& ui) {
    if (!ImGui::BeginMainMenuBar())
        return;
    if (ImGui::BeginMenu("Threadlab")) {
        if (ImGui::MenuItem("Share link", "Ctrl+S"))
            ui.share_requested = true;
        RecordItemRect("menu/Threadlab/Share");
        ImGui::MenuItem("About Threadlab", nullptr, &ui.show_about);
        ImGui::EndMenu();
    }
    RecordItemRect("menu/Threadlab");

    if (ImGui::BeginMenu("View")) {
        ImGui::MenuItem("Program", nullptr, &ui.show_program);
        ImGui::MenuItem("Timeline", nullptr, &ui.show_timeline);
        RecordItemRect("menu/View/Timeline");
        ImGui::MenuItem("Threads", nullptr, &ui.show_threads);
        RecordItemRect("menu/View/Threads");
        ImGui::MenuItem("Code", nullptr, &ui.show_code);
        RecordItemRect("menu/View/Code");
        ImGui::MenuItem("Address space", nullptr, &ui.show_address_space);
        RecordItemRect("menu/View/Address space");
        ImGui::MenuItem("Output", nullptr, &ui.show_output);
        RecordItemRect("menu/View/Output");
        ImGui::MenuItem("Run metrics", nullptr, &ui.show_run_metrics);
        RecordItemRect("menu/View/Run metrics");
        ImGui::MenuItem("Metrics / Debugger", nullptr, &ui.show_metrics);
        RecordItemRect("menu/View/Metrics");
        ImGui::Separator();
        if (ImGui::MenuItem("Dark theme", nullptr, ui.theme == Theme::Dark))
            ui.theme = Theme::Dark;
        if (ImGui::MenuItem("Light theme", nullptr, ui.theme == Theme::Light))
            ui.theme = Theme::Light;
        RecordItemRect("menu/View/Light theme");
        ImGui::Separator();
        if (ImGui::MenuItem("Larger text", nullptr, false, ui.font_size < kMaxFontSize))
            ui.font_size += 1.0f;
        if (ImGui::MenuItem("Smaller text", nullptr, false, ui.font_size > kMinFontSize))
            ui.font_size -= 1.0f;
        if (ImGui::MenuItem("Default text size", nullptr, false, ui.font_size != kDefaultFontSize))
            ui.font_size = kDefaultFontSize;
        ImGui::EndMenu();
    }
    RecordItemRect("menu/View");

    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Using the interface", nullptr, &ui.show_user_guide);
        ImGui::MenuItem("About", nullptr, &ui.show_about);
        RecordItemRect("menu/Help/About");
        ImGui::EndMenu();
    }
    RecordItemRect("menu/Help");
    ImGui::EndMainMenuBar();
}

} // namespace ui
