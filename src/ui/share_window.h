// The two windows of sharing: the confirmation that a Share copied the link (with the link itself,
// selectable, for when the browser refuses the clipboard), and the banner that says which parts of
// an opened link were wrong. Text from a link is only ever drawn by ImGui, as text.
#pragma once
#include <string>
#include <vector>

#include "config/permalink.h"

namespace ui {

struct ShareWindowState {
    std::string url;       // the link the last Share made
    double shared_at = 0;  // ImGui::GetTime() then: "Link copied" fades from there
    bool copy_refused = false; // the browser did not let the link onto the clipboard
};
// At the top, in the middle; it closes itself a while after the Share unless the pointer is on it.
void ShowShareWindow(bool* open, ShareWindowState& state);

struct LinkProblemsState {
    std::vector<config::Problem> problems; // of the link opened last
    bool nothing_usable = false;           // the default lab opened instead
};
// A bar across the top of the page, above the other windows, until dismissed.
void ShowLinkProblemsWindow(bool* open, const LinkProblemsState& state);

} // namespace ui
