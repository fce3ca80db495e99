// Where each of the lab's windows opens the first time: one table for the whole screen, so the
// windows tile instead of piling up, from a laptop to a projector. The user moves them after.
#pragma once

namespace ui {

enum class LabWindow { Program, Code, Threads, AddressSpace, Output, Timeline };

// Call right before ImGui::Begin of that window (position and size, ImGuiCond_FirstUseEver).
void SetNextWindowDefaultPlace(LabWindow window);

} // namespace ui
