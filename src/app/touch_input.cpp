// Index:
//   Page events   threadlab_touch, threadlab_key, threadlab_text: what web/index.html forwards
//   Frame         the gestures into ImGui's io; keys pressed one frame each
//   After frame   a drag on a window's background becomes a scroll; the hidden text field's focus
#include "app/touch_input.h"

#include <emscripten.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <deque>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_internal.h"

namespace {

struct TouchInput {
    ui::TouchGestures gestures;
    ImVec2 mouse_pos{-FLT_MAX, -FLT_MAX}; // where the GLFW backend put the mouse last frame
    std::deque<int> keys;                 // typed on the on-screen keyboard, GLFW key codes
    int key_down = -1;                    // the key held this frame
    bool keyboard_shown = false;
    ImGuiWindow* scrolled = nullptr;      // the window a finger scrolls (ImGui keeps windows for good)
};
TouchInput g_touch; // UI thread only: the page's events arrive between frames, on the main thread

// Bounded: a stuck page cannot queue keys without end.
constexpr size_t kMaxQueuedKeys = 256;

} // namespace

// ----------------------------------------------------------------------------------------------
// Page events
// ----------------------------------------------------------------------------------------------

// kind: 0 start, 1 move, 2 end or cancel; x, y in the canvas's drawing-buffer pixels.
extern "C" EMSCRIPTEN_KEEPALIVE void threadlab_touch(int kind, int id, float x, float y) {
    ui::TouchGestures& g = g_touch.gestures;
    if (kind == 0)
        ui::TouchStarted(g, id, x, y, emscripten_get_now() / 1000.0);
    else if (kind == 1)
        ui::TouchMoved(g, id, x, y);
    else
        ui::TouchEnded(g, id);
}

// A key the on-screen keyboard pressed that is not text (Backspace, Enter, arrows), as GLFW's code.
extern "C" EMSCRIPTEN_KEEPALIVE void threadlab_key(int glfw_key) {
    if (g_touch.keys.size() < kMaxQueuedKeys)
        g_touch.keys.push_back(glfw_key);
}

// Text the on-screen keyboard typed (or pasted into the hidden field), UTF-8.
extern "C" EMSCRIPTEN_KEEPALIVE void threadlab_text(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
}

EM_JS(void, tl_show_keyboard, (int show), {
    if (window.threadlabShell) window.threadlabShell.showKeyboard(show !== 0);
});

namespace app {

// ----------------------------------------------------------------------------------------------
// Frame
// ----------------------------------------------------------------------------------------------

// The innermost window under the finger that can scroll that way: a list inside a panel first.
static void ScrollWindowBy(ImGuiWindow* window, float dx, float dy) {
    for (ImGuiWindow* w = window; w; w = w->ParentWindow) {
        if (w->ScrollMax.y > 0 && dy != 0) {
            ImGui::SetScrollY(w, w->Scroll.y - dy);
            dy = 0;
        }
        if (w->ScrollMax.x > 0 && dx != 0) {
            ImGui::SetScrollX(w, w->Scroll.x - dx);
            dx = 0;
        }
    }
}

ui::TouchFrame ApplyTouchInput(GLFWwindow* window, float dpr) {
    ImGuiIO& io = ImGui::GetIO();
    ui::TouchGestures& g = g_touch.gestures;
    g.slop_px = ui::kTouchSlopCss * dpr;
    // The page stops touches before GLFW sees them, so GLFW's pointer moves only with a mouse.
    if (g.active && (io.MousePos.x != g_touch.mouse_pos.x || io.MousePos.y != g_touch.mouse_pos.y))
        ui::MouseTookOver(g);
    g_touch.mouse_pos = io.MousePos;
    const ui::TouchFrame frame = ui::NextTouchFrame(g, emscripten_get_now() / 1000.0);
    // Fingers move a window by its title bar only: elsewhere they scroll it.
    io.ConfigWindowsMoveFromTitleBarOnly = frame.active;
    if (frame.scrolling && g_touch.scrolled)
        ScrollWindowBy(g_touch.scrolled, frame.scroll_dx, frame.scroll_dy);
    if (frame.active) {
        io.MousePos = frame.present ? ImVec2(frame.x, frame.y) : ImVec2(-FLT_MAX, -FLT_MAX);
        io.MouseDown[ImGuiMouseButton_Left] = frame.left_down;
        io.MouseDown[ImGuiMouseButton_Right] = frame.right_down;
    }
    // Dear ImGui 1.86 samples keys once a frame: each key is down for one frame, then up.
    if (g_touch.key_down >= 0) {
        ImGui_ImplGlfw_KeyCallback(window, g_touch.key_down, 0, GLFW_RELEASE, 0);
        g_touch.key_down = -1;
    } else if (!g_touch.keys.empty()) {
        g_touch.key_down = g_touch.keys.front();
        g_touch.keys.pop_front();
        ImGui_ImplGlfw_KeyCallback(window, g_touch.key_down, 0, GLFW_PRESS, 0);
    }
    return frame;
}

// ----------------------------------------------------------------------------------------------
// After frame
// ----------------------------------------------------------------------------------------------

void FinishTouchFrame() {
    // A press on no widget makes Dear ImGui start moving the window under it (its MoveId
    // active), and, away from the title bar, it is not moved: that drag scrolls instead.
    ImGuiContext& ctx = *ImGui::GetCurrentContext();
    if (g_touch.gestures.phase == ui::TouchPhase::Dragging && ctx.ActiveId != 0 && ctx.ActiveIdWindow &&
        ctx.ActiveId == ctx.ActiveIdWindow->MoveId && !ctx.MovingWindow) {
        g_touch.scrolled = ctx.ActiveIdWindow;
        ImGui::ClearActiveID();
        ui::ScrollInsteadOfDrag(g_touch.gestures);
    }

    const bool show = g_touch.gestures.active && ImGui::GetIO().WantTextInput;
    if (show != g_touch.keyboard_shown)
        tl_show_keyboard(show ? 1 : 0);
    g_touch.keyboard_shown = show;
}

void AppendTouchStateJson(std::string& out) {
    out += "\"touch\":{\"active\":";
    out += g_touch.gestures.active ? "true" : "false";
    out += ",\"phase\":\"";
    out += ui::TouchPhaseName(g_touch.gestures.phase);
    out += "\"},";
}

} // namespace app
