#include "ui/touch_model.h"

#include <cmath>

namespace ui {

namespace {

TouchGestures::Finger* FindFinger(TouchGestures& g, int id) {
    for (int i = 0; i < g.finger_count; ++i)
        if (g.fingers[i].id == id)
            return &g.fingers[i];
    return nullptr;
}

void Enter(TouchGestures& g, TouchPhase phase) {
    g.phase = phase;
    g.phase_frames = 0;
}

float Span(const TouchGestures& g) {
    return std::hypot(g.fingers[1].x - g.fingers[0].x, g.fingers[1].y - g.fingers[0].y);
}

void StartPinch(TouchGestures& g) {
    g.pinch_distance = Span(g);
    g.pinch_x = (g.fingers[0].x + g.fingers[1].x) * 0.5f;
    g.pinch_y = (g.fingers[0].y + g.fingers[1].y) * 0.5f;
    Enter(g, TouchPhase::Pinch);
}

} // namespace

void TouchStarted(TouchGestures& g, int id, float x, float y, double now) {
    g.active = true;
    if (g.finger_count == 2 || FindFinger(g, id))
        return; // a third finger changes nothing
    g.fingers[g.finger_count++] = {id, x, y};
    if (g.finger_count == 1 && (g.phase == TouchPhase::Idle || g.phase == TouchPhase::Tap)) {
        g.start_x = x;
        g.start_y = y;
        g.start_time = now;
        Enter(g, TouchPhase::Pending);
    } else if (g.finger_count == 2 && g.phase != TouchPhase::Lifting) {
        StartPinch(g);
    }
}

void TouchMoved(TouchGestures& g, int id, float x, float y) {
    TouchGestures::Finger* finger = FindFinger(g, id);
    if (!finger)
        return;
    finger->x = x;
    finger->y = y;
    if (g.phase == TouchPhase::Pending && std::hypot(x - g.start_x, y - g.start_y) > g.slop_px)
        Enter(g, TouchPhase::Dragging);
}

void TouchEnded(TouchGestures& g, int id) {
    TouchGestures::Finger* finger = FindFinger(g, id);
    if (!finger)
        return;
    *finger = g.fingers[--g.finger_count];
    switch (g.phase) {
    case TouchPhase::Pending: Enter(g, TouchPhase::Tap); break;
    case TouchPhase::Dragging:
    case TouchPhase::Scrolling:
    case TouchPhase::LongPress:
        g.present = g.phase == TouchPhase::LongPress; // what the long press showed stays up
        Enter(g, TouchPhase::Idle);
        break;
    case TouchPhase::Pinch:
        Enter(g, g.finger_count ? TouchPhase::Lifting : TouchPhase::Idle);
        g.present = false;
        break;
    case TouchPhase::Lifting:
        if (g.finger_count == 0)
            Enter(g, TouchPhase::Idle);
        break;
    case TouchPhase::Idle:
    case TouchPhase::Tap: break;
    }
}

void ScrollInsteadOfDrag(TouchGestures& g) {
    if (g.phase != TouchPhase::Dragging || g.finger_count != 1)
        return;
    g.scroll_x = g.x;
    g.scroll_y = g.y;
    Enter(g, TouchPhase::Scrolling);
}

const char* TouchPhaseName(TouchPhase phase) {
    switch (phase) {
    case TouchPhase::Idle: return "idle";
    case TouchPhase::Pending: return "pending";
    case TouchPhase::Tap: return "tap";
    case TouchPhase::Dragging: return "dragging";
    case TouchPhase::Scrolling: return "scrolling";
    case TouchPhase::LongPress: return "longPress";
    case TouchPhase::Pinch: return "pinch";
    case TouchPhase::Lifting: return "lifting";
    }
    return "?";
}

void MouseTookOver(TouchGestures& g) {
    g = TouchGestures{.slop_px = g.slop_px};
}

TouchFrame NextTouchFrame(TouchGestures& g, double now) {
    if (g.phase == TouchPhase::Pending && now - g.start_time >= kLongPressSeconds)
        Enter(g, TouchPhase::LongPress);
    TouchFrame f;
    f.active = g.active;
    const int frame = g.phase_frames++;
    switch (g.phase) {
    case TouchPhase::Idle:
    case TouchPhase::Lifting: break;
    case TouchPhase::Pending:
        g.x = g.fingers[0].x;
        g.y = g.fingers[0].y;
        g.present = true;
        break;
    case TouchPhase::Tap:
        // Over the spot, pressed, released: Dear ImGui sees each in its own frame, as a mouse
        // click. Then the pointer leaves, so the tapped button shows no hover.
        g.x = g.start_x;
        g.y = g.start_y;
        g.present = true;
        f.left_down = frame == 1;
        if (frame >= 2) {
            Enter(g, TouchPhase::Idle);
            f.present = true;
            f.x = g.x;
            f.y = g.y;
            g.present = false;
            return f;
        }
        break;
    case TouchPhase::Dragging:
        // The press lands where the finger did; from the next frame the pointer follows it.
        g.x = frame == 0 ? g.start_x : g.fingers[0].x;
        g.y = frame == 0 ? g.start_y : g.fingers[0].y;
        g.present = true;
        f.left_down = true;
        break;
    case TouchPhase::Scrolling:
        g.x = g.fingers[0].x;
        g.y = g.fingers[0].y;
        g.present = true;
        f.scrolling = true;
        f.scroll_dx = g.x - g.scroll_x;
        f.scroll_dy = g.y - g.scroll_y;
        g.scroll_x = g.x;
        g.scroll_y = g.y;
        break;
    case TouchPhase::LongPress:
        g.x = g.fingers[0].x;
        g.y = g.fingers[0].y;
        g.present = true;
        f.right_down = frame == 0;
        break;
    case TouchPhase::Pinch: {
        const float distance = Span(g);
        const float cx = (g.fingers[0].x + g.fingers[1].x) * 0.5f;
        const float cy = (g.fingers[0].y + g.fingers[1].y) * 0.5f;
        f.pinching = true;
        f.pinch_scale = g.pinch_distance > 1.0f && distance > 1.0f ? distance / g.pinch_distance : 1.0f;
        f.pan_x = cx - g.pinch_x;
        f.pan_y = cy - g.pinch_y;
        g.pinch_distance = distance;
        g.pinch_x = g.x = cx;
        g.pinch_y = g.y = cy;
        g.present = true;
        break;
    }
    }
    f.present = g.present;
    f.x = g.x;
    f.y = g.y;
    return f;
}

} // namespace ui
