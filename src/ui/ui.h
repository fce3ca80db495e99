// The Threadlab user interface: plain state plus one Show…() function per window or bar.
// Panels read engine snapshots and the UiState below; they hold no engine logic.
#pragma once

namespace ui {

enum class Theme { Dark, Light };

struct UiState {
    bool show_program = true;     // source, Run/Stop, output
    bool show_lesson = true;      // the course's lessons (ui/lesson_window.h)
    bool show_about = false;
    bool show_metrics = false;    // Dear ImGui's own metrics/debugger window
    bool show_timeline = true;   // CPU, GIL and thread lanes over simulated time
    bool show_user_guide = false; // how to use the mouse and keyboard in an ImGui interface
    bool show_threads = true;    // the lab's panels (src/ui/lab_windows.h): threads and TCBs,
    bool show_code = true;       // source and bytecode with thread markers,
    bool show_address_space = true; // text/data/heap/stacks,
    bool show_output = false;     // timestamped output,
    bool show_run_metrics = false; // the run's figures
    bool show_real_machine = false; // this computer's real threads and fibers, measured
    bool show_explore = false;    // every outcome over the program's schedules
    bool show_scheduler = false;  // "you are the scheduler": pick who runs at each decision
    bool share_requested = false; // Threadlab > Share link, this frame
    bool download_trace_requested = false;   // Threadlab > Download trace, this frame
    bool download_program_requested = false; // Threadlab > Download program, this frame
    Theme theme = Theme::Dark;
    float font_size = 15.0f;      // in CSS pixels; multiplied by the device pixel ratio
};

// Font sizes the View menu steps between.
inline constexpr float kMinFontSize = 10.0f;
inline constexpr float kMaxFontSize = 28.0f;
inline constexpr float kDefaultFontSize = 15.0f;

struct BuildInfo {
    const char* version;
    const char* commit;
    const char* imgui_version;
};

void ShowMainMenuBar(UiState& ui);
void ShowAboutWindow(bool* open, const BuildInfo& build);
void ShowUserGuideWindow(bool* open);

} // namespace ui
