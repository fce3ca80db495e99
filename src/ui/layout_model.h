// How the lab's windows share the screen, by its width: a phone shows one window at a time under
// a tab bar, a tablet or a small laptop window two columns, a desktop the full tiling. Pure data
// and arithmetic (no ImGui), so the unit tests check every layout natively; layout.cpp applies it.
//
// A window joins the layouts by one row in kLabWindowPlaces (layout_model.cpp): its tab, the
// UiState flag that opens it, and its tile in the two-column and the wide layout.
#pragma once
#include <span>

#include "ui/strings.h"
#include "ui/ui.h"

namespace ui {

enum class LabWindow { Program, Code, Threads, AddressSpace, Timeline, Output, Lesson };

enum class LayoutMode { Compact, Medium, Wide };

// Widths in CSS pixels where the layout changes (a 900 px phone in landscape is still compact).
inline constexpr double kMediumFromCssWidth = 900;
inline constexpr double kWideFromCssWidth = 1400;
// The smallest touch target the compact layout draws, in CSS pixels (a fingertip's width).
inline constexpr float kTouchTargetCss = 44.0f;

LayoutMode ChooseLayout(double css_width);
const char* LayoutModeName(LayoutMode mode); // "compact", "medium", "wide"

// A window's tile as fractions of the area below the menu bar: x0, y0 top left, x1, y1 bottom right.
struct Tile {
    float x0, y0, x1, y1;
};

struct LabWindowPlace {
    LabWindow window;
    Str title;              // the tab's label: the window's own title
    const char* tab_item;   // the tab button's name in the test hook (a string literal)
    bool UiState::*shown;   // the View menu's flag for this window
    Tile medium, wide;
};

// In tab order.
std::span<const LabWindowPlace> LabWindowPlaces();
const LabWindowPlace& PlaceOf(LabWindow window);

// Which window the compact layout shows, given the flags as the last frame left them: a window
// someone opened this frame (View menu, a link) becomes the tab; otherwise the tab stays.
// Returns an index into LabWindowPlaces().
int ChooseCompactTab(const UiState& ui, int current_tab);

} // namespace ui
