// Gestures as Dear ImGui sees them, frame by frame: a tap is a click, a finger held still shows
// a hover and then right-clicks, a finger that moves drags, two fingers pinch.
#include <doctest/doctest.h>

#include <cmath>

#include "ui/touch_model.h"

using namespace ui;

namespace {

constexpr double kFrame = 1.0 / 60.0;

struct Player {
    TouchGestures g;
    double now = 10.0;
    TouchFrame frame() {
        now += kFrame;
        return NextTouchFrame(g, now);
    }
};

} // namespace

TEST_CASE("touch: a tap between two frames is a hover, a press and a release at that spot, then no pointer") {
    Player p;
    CHECK_FALSE(p.frame().active); // a mouse page until a finger comes
    TouchStarted(p.g, 7, 100, 200, p.now);
    TouchEnded(p.g, 7);
    TouchFrame hover = p.frame(), press = p.frame(), release = p.frame(), after = p.frame();
    CHECK(hover.active);
    CHECK(hover.present);
    CHECK_FALSE(hover.left_down);
    CHECK(press.left_down);
    CHECK(press.x == 100);
    CHECK(press.y == 200);
    CHECK_FALSE(release.left_down);
    CHECK(release.present);
    CHECK_FALSE(after.present); // the tapped button is not left hovered
    CHECK_FALSE(after.right_down);
}

TEST_CASE("touch: a finger held still hovers, then right-clicks once, and what it showed stays after") {
    Player p;
    TouchStarted(p.g, 1, 50, 60, p.now);
    TouchFrame first = p.frame();
    CHECK(first.present);
    CHECK_FALSE(first.left_down);
    CHECK_FALSE(first.right_down);
    int right_frames = 0, left_frames = 0;
    for (int i = 0; i < 60; ++i) {
        TouchMoved(p.g, 1, 52, 61); // a trembling finger is still still
        const TouchFrame f = p.frame();
        right_frames += f.right_down;
        left_frames += f.left_down;
    }
    CHECK(right_frames == 1);
    CHECK(left_frames == 0);
    TouchEnded(p.g, 1);
    for (int i = 0; i < 5; ++i) {
        const TouchFrame f = p.frame();
        CHECK(f.present);          // the tooltip stays readable
        CHECK_FALSE(f.left_down);  // and lifting the finger clicks nothing
    }
}

TEST_CASE("touch: a finger that moves presses where it landed and drags until lifted") {
    Player p;
    p.g.slop_px = 20;
    TouchStarted(p.g, 3, 100, 100, p.now);
    p.frame();
    TouchMoved(p.g, 3, 110, 100); // within the slop
    CHECK_FALSE(p.frame().left_down);
    TouchMoved(p.g, 3, 160, 120);
    TouchFrame press = p.frame();
    CHECK(press.left_down);
    CHECK(press.x == 100); // the press lands where the finger did
    TouchFrame drag = p.frame();
    CHECK(drag.left_down);
    CHECK(drag.x == 160);
    CHECK(drag.y == 120);
    TouchEnded(p.g, 3);
    TouchFrame up = p.frame();
    CHECK_FALSE(up.left_down);
    CHECK_FALSE(up.present);
}

TEST_CASE("touch: a drag that grabbed only a window's background scrolls it by the finger's moves") {
    Player p;
    TouchStarted(p.g, 5, 100, 300, p.now);
    TouchMoved(p.g, 5, 100, 260);
    CHECK(p.frame().left_down); // pressed where it landed; the app sees what it grabbed
    ScrollInsteadOfDrag(p.g);
    TouchMoved(p.g, 5, 100, 240);
    TouchFrame first = p.frame();
    CHECK_FALSE(first.left_down);
    CHECK(first.scrolling);
    CHECK(first.scroll_dy == doctest::Approx(-60.0)); // from the press at 300 to 240
    TouchMoved(p.g, 5, 110, 200);
    TouchFrame next = p.frame();
    CHECK(next.scroll_dx == doctest::Approx(10.0));
    CHECK(next.scroll_dy == doctest::Approx(-40.0));
    CHECK(p.frame().scroll_dy == 0.0f); // the finger rests
    TouchEnded(p.g, 5);
    TouchFrame up = p.frame();
    CHECK_FALSE(up.scrolling);
    CHECK_FALSE(up.present);
    CHECK_FALSE(up.left_down);
}

TEST_CASE("touch: two fingers pinch: scale and pan per frame around their centre, and the drag is let go") {
    Player p;
    TouchStarted(p.g, 1, 100, 100, p.now);
    TouchMoved(p.g, 1, 140, 100);
    CHECK(p.frame().left_down); // dragging
    TouchStarted(p.g, 2, 240, 100, p.now);
    TouchFrame start = p.frame();
    CHECK(start.pinching);
    CHECK_FALSE(start.left_down);
    CHECK(start.pinch_scale == doctest::Approx(1.0));
    CHECK(start.x == doctest::Approx(190));
    TouchMoved(p.g, 1, 90, 100);
    TouchMoved(p.g, 2, 290, 100); // 100 px apart -> 200 px apart, same centre
    TouchFrame spread = p.frame();
    CHECK(spread.pinch_scale == doctest::Approx(2.0));
    CHECK(spread.pan_x == doctest::Approx(0.0));
    TouchMoved(p.g, 1, 110, 130);
    TouchMoved(p.g, 2, 310, 130); // both moved right and down by 20, 30
    TouchFrame moved = p.frame();
    CHECK(moved.pinch_scale == doctest::Approx(1.0));
    CHECK(moved.pan_x == doctest::Approx(20.0));
    CHECK(moved.pan_y == doctest::Approx(30.0));
    TouchEnded(p.g, 2);
    TouchFrame lifting = p.frame();
    CHECK_FALSE(lifting.pinching);
    CHECK_FALSE(lifting.left_down); // the finger left behind does not start a drag
    TouchMoved(p.g, 1, 400, 400);
    CHECK_FALSE(p.frame().left_down);
    TouchEnded(p.g, 1);
    TouchStarted(p.g, 4, 10, 10, p.now);
    TouchEnded(p.g, 4);
    p.frame();
    CHECK(p.frame().left_down); // and the next tap is a click again
}

TEST_CASE("touch: a third finger and unknown fingers change nothing; a mouse takes the pointer back") {
    Player p;
    TouchStarted(p.g, 1, 0, 0, p.now);
    TouchStarted(p.g, 2, 100, 0, p.now);
    TouchStarted(p.g, 3, 500, 500, p.now);
    TouchMoved(p.g, 9, 1, 1);
    TouchEnded(p.g, 9);
    const TouchFrame f = p.frame();
    CHECK(f.pinching);
    CHECK(f.x == doctest::Approx(50));
    MouseTookOver(p.g);
    CHECK_FALSE(p.frame().active);
}
