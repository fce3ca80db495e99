// Where the lab's windows are, by the screen's width (the layouts are in layout_model.h): one
// window under a tab bar on a phone, two columns on a tablet, the full tiling on a desktop.
// Turning a phone or resizing the page lays the windows out again; the run, the selection and
// the timeline's zoom are the windows' state and stay as they were.
#pragma once
#include <string>

#include "ui/layout_model.h"
#include "ui/ui.h"

namespace ui {

// Once a frame, after the main menu bar and before the windows: picks the layout for this width,
// and in the compact layout draws the tab bar and opens only the chosen tab's window (the
// desktop's set of open windows comes back when the page is wide again).
void BeginLayoutFrame(UiState& ui, double css_width, float dpr);
LayoutMode CurrentLayout();

// Call right before ImGui::Begin of that window: its place in the current layout. The compact
// layout holds the window over the whole area; the others place it when it appears and again
// whenever the layout or the page's size changes, and the user may move it in between.
void SetNextWindowDefaultPlace(LabWindow window);

// The layout's part of window.threadlab.state(): "layout":"compact","tab":"Threads",
void AppendLayoutStateJson(std::string& out);

} // namespace ui
