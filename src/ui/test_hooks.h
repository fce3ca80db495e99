// Where named widgets were drawn in the last frame, so browser tests click what the app says is
// there (the Help menu, its About item, a window) instead of guessing pixel positions.
#pragma once
#include <string>

namespace ui {

// Remember the rectangle of the item ImGui drew last under `name` (a string literal).
void RecordItemRect(const char* name);
// Remember the current window's rectangle under `name` (a string literal); call inside Begin/End.
void RecordWindowRect(const char* name);
// Remember the tooltip shown this frame, if any, under "tooltip"; call once, after every window.
void RecordTooltipRect();
// Append the recorded rectangles as a JSON object {"name":[x0,y0,x1,y1],…}, in framebuffer
// pixels, keeping only those drawn in `frame` or the frame before.
void AppendItemRectsJson(std::string& out, int frame);
// Append the titles of the windows on screen, as drawn (the text before "###"), as a JSON
// array: what a person reads on the title bars, in the page's language.
void AppendWindowTitlesJson(std::string& out);
void SetTestHookFrame(int frame);

} // namespace ui
