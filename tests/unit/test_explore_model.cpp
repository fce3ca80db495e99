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
    view.seconds = 0.5;
    view.workers = 3;
    CHECK(ExploreSummary(view).find("(0.5 s, 186 schedules/s, 3 workers)") != std::string::npos);
    view.workers = 1;
    CHECK(ExploreSummary(view).find("(0.5 s, 186 schedules/s, 1 worker)") != std::string::npos);
    view.cancelled = true;
    CHECK(ExploreSummary(view) == "93 schedules, 2 outcomes, 1 failing · cancelled");

    CHECK(ExploreRowLabel(view.rows[0]) == "exit 0, no failure");
    CHECK(ExploreRowLabel(view.rows[1]) == "exit 1, AssertionError: lost an update");
    CHECK(ExploreRowLabel({"deadlock", 3}) == "deadlock");
    CHECK(ExploreSummary(ExploreView{.error = "x"}) == "the program does not compile");
}

TEST_CASE("you are the scheduler: picks counted, digit keys, and the goal judged on the run") {
    const std::vector<SchedulerPick> picks = {{892, 1, false, false}, {895, 0, true, true}, {940, 2, true, false}};
    CHECK(SchedulerSwitches(picks) == 2);
    CHECK(SchedulerPreemptions(picks) == 1);

    lab::DecisionView d;
    d.waiting = true;
    d.threads = {0, 1, 2};
    CHECK(SchedulerThreadForKey(d, 1) == 0);
    CHECK(SchedulerThreadForKey(d, 3) == 2);
    CHECK(SchedulerThreadForKey(d, 4) == -1);
    d.waiting = false;
    CHECK(SchedulerThreadForKey(d, 1) == -1);

    lab::LabSnapshot snap;
    snap.phase = lab::RunPhase::Finished;
    snap.output = {{0, 0, false, "counter 1"},
                   {0, 0, true, "Traceback (most recent call last):"},
                   {0, 0, true, "AssertionError: lost an update: counter is 1"}};
    CHECK(SchedulerGoalReached(SchedulerGoal::Output, "counter 1", snap));
    CHECK_FALSE(SchedulerGoalReached(SchedulerGoal::Output, "counter 2", snap));
    CHECK_FALSE(SchedulerGoalReached(SchedulerGoal::Output, "", snap));
    CHECK(SchedulerGoalReached(SchedulerGoal::Failure, "", snap));
    CHECK_FALSE(SchedulerGoalReached(SchedulerGoal::Deadlock, "", snap));
    snap.output.resize(1);
    CHECK_FALSE(SchedulerGoalReached(SchedulerGoal::Failure, "", snap));
    snap.phase = lab::RunPhase::Deadlock;
    CHECK(SchedulerGoalReached(SchedulerGoal::Deadlock, "", snap));
    CHECK(SchedulerGoalReached(SchedulerGoal::Failure, "", snap));
    CHECK(SchedulerGoalLabel(SchedulerGoal::Output, "counter 1") == "make the output show \"counter 1\"");
    CHECK(SchedulerGoalLabel(SchedulerGoal::Deadlock, "") == "make the threads wait forever (a deadlock)");
}

TEST_CASE("random mode: its summary says what it is, and each row's histogram bar is its share") {
    ExploreView view;
    view.finished = true;
    view.random = true;
    view.schedules = 1000;
    view.rows = {{"", 0, "counter 6\n", "", 750, 0, ""}, {"AssertionError", 1, "", "", 250, 1, "1021:0"}};
    CHECK(ExploreSummary(view) ==
          "1000 schedules, 2 outcomes, 1 failing · random schedules (PCT): how often each outcome happens, not every schedule");
    CHECK(ExploreRowShare(view, view.rows[0]) == doctest::Approx(0.75));
    CHECK(ExploreRowShare(view, view.rows[1]) == doctest::Approx(0.25));
    CHECK(ExploreRowShare(ExploreView{}, view.rows[0]) == 0.0f);
}
