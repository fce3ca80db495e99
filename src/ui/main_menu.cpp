// The main menu bar: Threadlab / View / Language / Help, in the page's language (ui/strings.h).
#include "imgui.h"
#include "ui/strings.h"
#include "ui/test_hooks.h"
#include "ui/ui.h"

namespace ui {

void ShowMainMenuBar(UiState& ui) {
    if (!ImGui::BeginMainMenuBar())
        return;
    if (ImGui::BeginMenu(Tr(Str::MenuThreadlab))) {
        if (ImGui::MenuItem(Tr(Str::MenuShareLink), "Ctrl+S"))
            ui.share_requested = true;
        RecordItemRect("menu/Threadlab/Share");
        // The run to take home: Perfetto (ui.perfetto.dev) and chrome://tracing open the trace.
        if (ImGui::MenuItem(Tr(Str::MenuDownloadTrace)))
            ui.download_trace_requested = true;
        RecordItemRect("menu/Threadlab/Download trace");
        if (ImGui::MenuItem(Tr(Str::MenuDownloadProgram)))
            ui.download_program_requested = true;
        RecordItemRect("menu/Threadlab/Download program");
        ImGui::MenuItem(Tr(Str::MenuAboutThreadlab), nullptr, &ui.show_about);
        ImGui::EndMenu();
    }
    RecordItemRect("menu/Threadlab");

    if (ImGui::BeginMenu(Tr(Str::MenuView))) {
        ImGui::MenuItem(Tr(Str::MenuProgram), nullptr, &ui.show_program);
        ImGui::MenuItem(Tr(Str::MenuLesson), nullptr, &ui.show_lesson);
        RecordItemRect("menu/View/Lesson");
        ImGui::MenuItem(Tr(Str::MenuTimeline), nullptr, &ui.show_timeline);
        RecordItemRect("menu/View/Timeline");
        ImGui::MenuItem(Tr(Str::MenuThreads), nullptr, &ui.show_threads);
        RecordItemRect("menu/View/Threads");
        ImGui::MenuItem(Tr(Str::MenuCode), nullptr, &ui.show_code);
        RecordItemRect("menu/View/Code");
        ImGui::MenuItem(Tr(Str::MenuAddressSpace), nullptr, &ui.show_address_space);
        RecordItemRect("menu/View/Address space");
        ImGui::MenuItem(Tr(Str::MenuOutput), nullptr, &ui.show_output);
        RecordItemRect("menu/View/Output");
        ImGui::MenuItem(Tr(Str::MenuRunMetrics), nullptr, &ui.show_run_metrics);
        RecordItemRect("menu/View/Run metrics");
        ImGui::MenuItem(Tr(Str::MenuRealMachine), nullptr, &ui.show_real_machine);
        RecordItemRect("menu/View/Real machine");
        ImGui::MenuItem(Tr(Str::MenuExploreSchedules), nullptr, &ui.show_explore);
        RecordItemRect("menu/View/Explore schedules");
        ImGui::MenuItem(Tr(Str::TitleScheduler), nullptr, &ui.show_scheduler);
        RecordItemRect("menu/View/You are the scheduler");
        ImGui::MenuItem(Tr(Str::MenuImGuiMetrics), nullptr, &ui.show_metrics);
        RecordItemRect("menu/View/Metrics");
        ImGui::Separator();
        if (ImGui::MenuItem(Tr(Str::MenuDarkTheme), nullptr, ui.theme == Theme::Dark))
            ui.theme = Theme::Dark;
        if (ImGui::MenuItem(Tr(Str::MenuLightTheme), nullptr, ui.theme == Theme::Light))
            ui.theme = Theme::Light;
        RecordItemRect("menu/View/Light theme");
        ImGui::Separator();
        if (ImGui::MenuItem(Tr(Str::MenuLargerText), nullptr, false, ui.font_size < kMaxFontSize))
            ui.font_size += 1.0f;
        if (ImGui::MenuItem(Tr(Str::MenuSmallerText), nullptr, false, ui.font_size > kMinFontSize))
            ui.font_size -= 1.0f;
        if (ImGui::MenuItem(Tr(Str::MenuDefaultTextSize), nullptr, false, ui.font_size != kDefaultFontSize))
            ui.font_size = kDefaultFontSize;
        ImGui::EndMenu();
    }
    RecordItemRect("menu/View");

    // Each language named in itself, so that either can find its own.
    if (ImGui::BeginMenu(Tr(Str::MenuLanguage))) {
        if (ImGui::MenuItem(Tr(Str::LanguageEnglish), nullptr, UiLanguage() == config::Language::English))
            SetUiLanguage(config::Language::English);
        RecordItemRect("menu/Language/English");
        if (ImGui::MenuItem(Tr(Str::LanguageChinese), nullptr, UiLanguage() == config::Language::Chinese))
            SetUiLanguage(config::Language::Chinese);
        RecordItemRect("menu/Language/Chinese");
        ImGui::EndMenu();
    }
    RecordItemRect("menu/Language");

    if (ImGui::BeginMenu(Tr(Str::MenuHelp))) {
        ImGui::MenuItem(Tr(Str::MenuUsingInterface), nullptr, &ui.show_user_guide);
        ImGui::MenuItem(Tr(Str::MenuAbout), nullptr, &ui.show_about);
        RecordItemRect("menu/Help/About");
        ImGui::EndMenu();
    }
    RecordItemRect("menu/Help");
    ImGui::EndMainMenuBar();
}

} // namespace ui
