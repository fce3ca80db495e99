// The Explore window's figures and labels (ui/explore_model.h).
#include <doctest/doctest.h>

#include "ui/explore_model.h"

using namespace ui;

TEST_CASE("the Explore window's summary, progress and outcome labels") {
    ExploreView view;
    view.running = true;
    view.schedules = 30;
    view.planned = 120;
    view.rows = {{"", 0, "counter 2\n", "", 20, 0, ""}, {"AssertionError: lost an update", 1, "", "", 10, 1, "826:0,878:2"}};
    CHECK(ExploreProgressFraction(view) == doctest::Approx(0.25));
    CHECK(ExploreSummary(view) == "30 schedules, 2 outcomes, 1 failing so far");

    view.running = false;
    view.finished = true;
    view.exhaustive = true;
    view.schedules = 93;
    CHECK(ExploreProgressFraction(view) == 1.0f);
    CHECK(ExploreSummary(view) == "93 schedules, 2 outcomes, 1 failing · every schedule of at most 2 preemptions explored");
    view.exhaustive = false;
    view.preemptions = 1;
    CHECK(ExploreSummary(view).find("not every schedule of at most 1 preemption") != std::string::npos);
    view.cancelled = true;
    CHECK(ExploreSummary(view) == "93 schedules, 2 outcomes, 1 failing · cancelled");

    CHECK(ExploreRowLabel(view.rows[0]) == "exit 0, no failure");
    CHECK(ExploreRowLabel(view.rows[1]) == "exit 1, AssertionError: lost an update");
    CHECK(ExploreRowLabel({"deadlock", 3}) == "deadlock");
    CHECK(ExploreSummary(ExploreView{.error = "x"}) == "the program does not compile");
}
