// Fingers on the canvas turned into what Dear ImGui understands: a pointer and its buttons, plus
// a pinch for the timeline. Dear ImGui 1.86 knows only a mouse, so: a tap is a click, a finger
// held still is a hover (a tooltip) and after a moment a right click (a context menu), a finger
// that moves is a drag (or, over a window's background, scrolls it), two fingers are a pinch. Pure logic fed with times, so
// the unit tests play gestures frame by frame; the app feeds it the page's touch events.
#pragma once

namespace ui {

inline constexpr double kLongPressSeconds = 0.5;
inline constexpr float kTouchSlopCss = 10.0f; // a finger that moves less is still "still"

// What the pointer does in one frame, in the same pixels the touches came in.
struct TouchFrame {
    bool active = false;     // fingers own the pointer (until a mouse moves)
    bool present = false;    // the pointer is on the page (false: after a tap, nothing is hovered)
    float x = 0, y = 0;
    bool left_down = false;
    bool right_down = false;
    // Two fingers: the span between them grew by `pinch_scale` since the last frame (above 1:
    // spread apart, zoom in) around (x, y), which moved by (pan_x, pan_y).
    bool pinching = false;
    float pinch_scale = 1.0f;
    float pan_x = 0, pan_y = 0;
    // One finger scrolling a window: how far it moved since the last frame.
    bool scrolling = false;
    float scroll_dx = 0, scroll_dy = 0;
};

enum class TouchPhase {
    Idle,       // no finger
    Pending,    // one finger, still, not yet long: hovering
    Tap,        // lifted quickly: a click being played out over a few frames
    Dragging,   // one finger moved: the left button held
    Scrolling,  // one finger moved over a window's background: no button, the window scrolls
    LongPress,  // held still: a right click, then hovering until lifted
    Pinch,      // two fingers
    Lifting,    // a pinch ended: waiting for the last finger to go
};

struct TouchGestures {
    float slop_px = kTouchSlopCss; // the app scales it to physical pixels
    TouchPhase phase = TouchPhase::Idle;
    struct Finger {
        int id = -1;
        float x = 0, y = 0;
    };
    Finger fingers[2];
    int finger_count = 0;
    float start_x = 0, start_y = 0; // where the first finger landed
    double start_time = 0;
    int phase_frames = 0;           // frames played in the current phase
    float pinch_distance = 0, pinch_x = 0, pinch_y = 0; // last frame's span and centre
    float scroll_x = 0, scroll_y = 0; // Scrolling: the finger's last position
    bool active = false;
    bool present = false;
    float x = 0, y = 0;             // the pointer
};

void TouchStarted(TouchGestures& g, int id, float x, float y, double now);
void TouchMoved(TouchGestures& g, int id, float x, float y);
void TouchEnded(TouchGestures& g, int id); // lifted or cancelled
// The drag's press grabbed no widget, only the window under it: the finger scrolls it instead
// (the left button is let go). Only while Dragging.
void ScrollInsteadOfDrag(TouchGestures& g);
// A mouse moved: it owns the pointer again.
void MouseTookOver(TouchGestures& g);
const char* TouchPhaseName(TouchPhase phase); // "idle", "pending", ...
// Once per frame, before Dear ImGui's frame starts.
TouchFrame NextTouchFrame(TouchGestures& g, double now);

} // namespace ui
