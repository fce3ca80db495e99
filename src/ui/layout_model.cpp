#include "ui/layout_model.h"

namespace ui {

namespace {

// Medium, two columns:        Wide, today's tiling:
//   Program | Threads           Program | Code     | Threads
//           | Address space             |          | Address space / Output
//   Code    | Timeline                  | Timeline
// Output shares Address space's tile (it opens on demand, from View).
constexpr LabWindowPlace kLabWindowPlaces[] = {
    {LabWindow::Program, Str::TitleProgram, "tab/Program", &UiState::show_program,
     {0.00f, 0.00f, 0.42f, 0.40f}, {0.00f, 0.00f, 0.34f, 1.00f}},
    {LabWindow::Code, Str::TitleCode, "tab/Code", &UiState::show_code,
     {0.00f, 0.70f, 0.42f, 1.00f}, {0.34f, 0.00f, 0.67f, 0.55f}},
    {LabWindow::Threads, Str::TitleThreads, "tab/Threads", &UiState::show_threads,
     {0.42f, 0.00f, 1.00f, 0.30f}, {0.67f, 0.00f, 1.00f, 0.28f}},
    {LabWindow::AddressSpace, Str::TitleAddressSpace, "tab/Address space", &UiState::show_address_space,
     {0.42f, 0.30f, 1.00f, 0.56f}, {0.67f, 0.28f, 1.00f, 0.55f}},
    {LabWindow::Timeline, Str::TitleTimeline, "tab/Timeline", &UiState::show_timeline,
     {0.42f, 0.56f, 1.00f, 1.00f}, {0.34f, 0.55f, 0.72f, 1.00f}},
    {LabWindow::Output, Str::TitleOutput, "tab/Output", &UiState::show_output,
     {0.42f, 0.30f, 1.00f, 0.56f}, {0.67f, 0.28f, 1.00f, 0.55f}},
    {LabWindow::Lesson, Str::TitleLesson, "tab/Lesson", &UiState::show_lesson,
     {0.00f, 0.40f, 0.42f, 0.70f}, {0.72f, 0.55f, 1.00f, 1.00f}},
};

} // namespace

LayoutMode ChooseLayout(double css_width) {
    if (css_width < kMediumFromCssWidth)
        return LayoutMode::Compact;
    return css_width < kWideFromCssWidth ? LayoutMode::Medium : LayoutMode::Wide;
}

const char* LayoutModeName(LayoutMode mode) {
    switch (mode) {
    case LayoutMode::Compact: return "compact";
    case LayoutMode::Medium: return "medium";
    case LayoutMode::Wide: return "wide";
    }
    return "?";
}

std::span<const LabWindowPlace> LabWindowPlaces() { return kLabWindowPlaces; }

const LabWindowPlace& PlaceOf(LabWindow window) {
    for (const LabWindowPlace& place : kLabWindowPlaces)
        if (place.window == window)
            return place;
    return kLabWindowPlaces[0];
}

int ChooseCompactTab(const UiState& ui, int current_tab) {
    const std::span<const LabWindowPlace> places = LabWindowPlaces();
    for (int i = 0; i < int(places.size()); ++i)
        if (i != current_tab && ui.*places[size_t(i)].shown)
            return i;
    return current_tab >= 0 && current_tab < int(places.size()) ? current_tab : 0;
}

} // namespace ui
