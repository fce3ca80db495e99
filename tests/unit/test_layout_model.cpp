// The layouts by width: which one a width gets, and that each layout's tiles cover the screen
// without running off it or overlapping, so every window is seen whole at 1024x768 and above.
#include <doctest/doctest.h>

#include <string>

#include "ui/layout_model.h"

using namespace ui;

namespace {

bool Overlap(const Tile& a, const Tile& b) {
    constexpr float kEps = 1e-4f;
    return a.x0 + kEps < b.x1 && b.x0 + kEps < a.x1 && a.y0 + kEps < b.y1 && b.y0 + kEps < a.y1;
}

bool SameTile(const Tile& a, const Tile& b) {
    return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1;
}

void CheckTiles(Tile LabWindowPlace::*layout) {
    const auto places = LabWindowPlaces();
    float area = 0;
    for (size_t i = 0; i < places.size(); ++i) {
        const Tile& t = places[i].*layout;
        CHECK(t.x0 >= 0.0f);
        CHECK(t.y0 >= 0.0f);
        CHECK(t.x1 <= 1.0f);
        CHECK(t.y1 <= 1.0f);
        CHECK(t.x0 < t.x1);
        CHECK(t.y0 < t.y1);
        bool shares = false;
        for (size_t j = 0; j < i; ++j) {
            const Tile& other = places[j].*layout;
            // Output opens on demand in Address space's tile; no other two windows meet.
            if (SameTile(t, other)) {
                shares = true;
                CHECK(places[i].window == LabWindow::Output);
                continue;
            }
            CHECK_MESSAGE(!Overlap(t, other), Tr(places[i].title), " overlaps ", Tr(places[j].title));
        }
        if (!shares)
            area += (t.x1 - t.x0) * (t.y1 - t.y0);
    }
    CHECK(area == doctest::Approx(1.0f)); // the tiles fill the screen
}

} // namespace

TEST_CASE("layout: a phone is compact, a tablet medium, a desktop wide") {
    CHECK(ChooseLayout(390) == LayoutMode::Compact);
    CHECK(ChooseLayout(844) == LayoutMode::Compact); // the same phone turned
    CHECK(ChooseLayout(899.5) == LayoutMode::Compact);
    CHECK(ChooseLayout(900) == LayoutMode::Medium);
    CHECK(ChooseLayout(1024) == LayoutMode::Medium);
    CHECK(ChooseLayout(1399) == LayoutMode::Medium);
    CHECK(ChooseLayout(1400) == LayoutMode::Wide);
    CHECK(ChooseLayout(1920) == LayoutMode::Wide);
    CHECK(std::string(LayoutModeName(LayoutMode::Compact)) == "compact");
    CHECK(std::string(LayoutModeName(LayoutMode::Medium)) == "medium");
    CHECK(std::string(LayoutModeName(LayoutMode::Wide)) == "wide");
}

TEST_CASE("layout: the two columns and the wide tiling fill the screen without overlaps") {
    CheckTiles(&LabWindowPlace::medium);
    CheckTiles(&LabWindowPlace::wide);
}

TEST_CASE("layout: every lab window has one place, a tab and a View flag") {
    const auto places = LabWindowPlaces();
    for (LabWindow w : {LabWindow::Program, LabWindow::Code, LabWindow::Threads, LabWindow::AddressSpace,
                        LabWindow::Timeline, LabWindow::Output, LabWindow::Lesson}) {
        int rows = 0;
        for (const LabWindowPlace& place : places)
            rows += place.window == w;
        CHECK(rows == 1);
        CHECK(PlaceOf(w).window == w);
        CHECK(std::string(PlaceOf(w).tab_item) == std::string("tab/") + Tr(PlaceOf(w).title));
    }
    CHECK(std::string(Tr(places[0].title)) == "Program");
}

TEST_CASE("layout: the compact tab follows a window opened from the View menu, and stays otherwise") {
    UiState ui;
    const auto places = LabWindowPlaces();
    for (const LabWindowPlace& place : places)
        ui.*place.shown = false;
    ui.show_threads = true; // the tab's own window
    const int threads = 2;
    REQUIRE(places[threads].window == LabWindow::Threads);
    CHECK(ChooseCompactTab(ui, threads) == threads);
    ui.show_output = true;  // View > Output
    CHECK(places[size_t(ChooseCompactTab(ui, threads))].window == LabWindow::Output);
    ui.show_output = false;
    ui.show_threads = false; // closed with its X: the tab stays, nothing else to show
    CHECK(ChooseCompactTab(ui, threads) == threads);
    CHECK(ChooseCompactTab(ui, 99) == 0); // out of range (a window removed): the first tab
}
