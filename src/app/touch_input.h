// Fingers and the on-screen keyboard on the page (web/index.html forwards their events here):
// touches become Dear ImGui's pointer through the gestures of ui/touch_model.h, and the editor
// brings up the phone's keyboard by focusing a hidden text field whose typing is forwarded.
#pragma once
#include <string>

#include "ui/touch_model.h"

struct GLFWwindow;

namespace app {

// After the GLFW backend's NewFrame and before ImGui::NewFrame: while fingers own the pointer,
// this frame's pointer and buttons replace the mouse's, and a key typed on the on-screen
// keyboard is pressed. Returns the frame's gestures (a pinch, for the timeline).
ui::TouchFrame ApplyTouchInput(GLFWwindow* window, float dpr);

// After the frame: a finger's drag that grabbed only a window's background scrolls that window
// from now on; the on-screen keyboard comes up while a text field is being edited with fingers,
// and goes when the editing ends.
void FinishTouchFrame();

// The fingers' part of window.threadlab.state(): "touch":{"active":true,"phase":"dragging"},
void AppendTouchStateJson(std::string& out);

} // namespace app
