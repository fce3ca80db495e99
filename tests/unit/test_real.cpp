// The real machine's probes (src/real/): fibers switch and interleave as a round-robin
// scheduler says, the measurements are real figures, and a locked or atomic counter loses
// nothing. Natively these run on the native fiber switch; under node on Asyncify fibers.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "real/fiber.h"
#include "real/probe_runner.h"
#include "real/probes.h"
#include "real/units.h"
#include "ui/real_machine_model.h"

TEST_CASE("fibers: three coroutines run to completion in round-robin order") {
    const real::FiberRunResult run =
        real::run_fibers({.fibers = 3, .yields_each = 4, .stack_bytes = real::kFiberStackBytes, .record_order = true});
    CHECK(run.finished == 3);
    REQUIRE(run.order.size() == 12);
    for (size_t i = 0; i < run.order.size(); ++i)
        CHECK(run.order[i] == int(i % 3));
    // Each fiber is resumed for each of its 4 yields and once more to end: in and out each time.
    CHECK(run.switches == 3 * 5 * 2);
}

TEST_CASE("fibers: 10 000 alive at once fit in 64 MB and all finish") {
    const real::FiberRunResult run = real::run_fibers({.fibers = 10'000, .yields_each = 3});
    CHECK(run.finished == 10'000);
    CHECK(run.switches == 10'000 * 4 * 2);
    CHECK(run.bytes >= 10'000 * real::kSmallFiberStackBytes);
    CHECK(run.bytes <= 64u * 1024 * 1024);
    CHECK(run.seconds > 0);
}

TEST_CASE("switch costs: the ping-pong, thread creation and a fiber switch measure something positive and finite") {
    const double handoff = real::measure_thread_handoff_ns(0.02);
    const double create = real::measure_thread_create_ns(0.02);
    const double fiber = real::measure_fiber_switch_ns(10'000);
    for (double ns : {handoff, create, fiber}) {
        CHECK(ns > 0);
        CHECK(std::isfinite(ns));
    }
    CHECK(real::default_thread_stack_bytes() > 0);
}

TEST_CASE("race: with a lock or an atomic add no update is lost, and every addition is counted") {
    real::RaceLive live;
    CHECK(real::run_race(4, 50'000, real::RaceGuard::Lock, live) == 0);
    CHECK(live.counter.load() == 200'000);
    CHECK(live.additions.load() == 200'000);
    CHECK(real::run_race(4, 50'000, real::RaceGuard::Atomic, live) == 0);
    CHECK(live.counter.load() == 200'000);
    // Unguarded, updates may be lost (how many is up to the machine), never invented.
    const int64_t lost = real::run_race(4, 50'000, real::RaceGuard::None, live);
    CHECK(lost >= 0);
    CHECK(live.counter.load() == 200'000 - lost);
}

TEST_CASE("speedup kernel: calibration gives work, and more threads share it") {
    const uint64_t iterations = real::calibrate_kernel(0.005);
    CHECK(iterations > 0);
    CHECK(real::time_kernel(1, iterations) > 0);
    CHECK(real::time_kernel(3, iterations) > 0);
}

TEST_CASE("spread: the median of odd and even counts, the range") {
    const real::Spread odd = real::spread_of({5, 1, 3});
    CHECK(odd.median == 3);
    CHECK(odd.min == 1);
    CHECK(odd.max == 5);
    CHECK(real::spread_of({4, 1, 2, 3}).median == doctest::Approx(2.5));
    CHECK(real::spread_of({}).median == 0);
}

TEST_CASE("probe runner: the switch-cost probe runs in the background and reports with its spread") {
    real::ProbeRunner runner;
    REQUIRE(runner.start({.probe = real::Probe::SwitchCost, .repeats = 3}));
    CHECK_FALSE(runner.start({.probe = real::Probe::Race})); // one request at a time
    runner.wait();
    const real::ProbeStatus status = runner.status();
    CHECK_FALSE(status.running);
    REQUIRE(status.report.has_switch_cost);
    const real::Spread& fiber = status.report.switch_cost.fiber_switch_ns;
    CHECK(fiber.min > 0);
    CHECK(fiber.min <= fiber.median);
    CHECK(fiber.median <= fiber.max);
    CHECK_FALSE(status.report.has_speedup);
    const std::string json = real::probe_report_json(status.report);
    CHECK(json.find("\"fiber_switch_ns\":") != std::string::npos);
    CHECK(json.find("\"thread_handoff_ns\":") != std::string::npos);
    CHECK(json.find("\"speedup\"") == std::string::npos);
}

TEST_CASE("probe report JSON: speedup by thread count, simulated curves, the race") {
    real::ProbeReport report;
    report.cores = 2;
    report.has_speedup = true;
    report.speedup.seconds = {{0.2, 0.19, 0.21}, {0.1, 0.1, 0.12}};
    report.speedup.speedup = {1.0, 2.0};
    report.speedup.simulated = {{1.0, 1.0}, {1.0, 1.98}};
    report.has_race = true;
    report.race = {2, 100, {7, 0, 9}, {}, {}};
    const std::string json = real::probe_report_json(report);
    CHECK(json.find("\"speedup\":{\"1\":1,\"2\":2}") != std::string::npos);
    CHECK(json.find("\"free_threaded\":{\"1\":1,\"2\":1.98}") != std::string::npos);
    CHECK(json.find("\"race\":{\"threads\":2,\"additions_each\":100,\"lost\":7,\"with_atomic_lost\":0,\"with_lock_lost\":0") !=
          std::string::npos);
    CHECK(json.front() == '{');
    CHECK(json.back() == '}');
}

TEST_CASE("units: durations and sizes in the unit that keeps them short") {
    char buf[32];
    CHECK(std::string(real::format_duration_ns(buf, sizeof buf, 14.2)) == "14 ns");
    CHECK(std::string(real::format_duration_ns(buf, sizeof buf, 3600)) == "3.6 \xC2\xB5s");
    CHECK(std::string(real::format_duration_ns(buf, sizeof buf, 22.2e6)) == "22.2 ms");
    CHECK(std::string(real::format_duration_ns(buf, sizeof buf, 1.5e9)) == "1.50 s");
    CHECK(std::string(real::format_bytes(buf, sizeof buf, 41.5e6)) == "41.5 MB");
    CHECK(std::string(real::format_bytes(buf, sizeof buf, 8.39e10)) == "83.9 GB");
}

TEST_CASE("real machine window: speedup ranges, the plot's reach, the thread counts, the live race") {
    real::SpeedupResult result;
    result.seconds = {{0.2, 0.19, 0.25}, {0.1, 0.08, 0.125}};
    const ui::SpeedupRange two = ui::MeasuredSpeedup(result, 2);
    CHECK(two.median == doctest::Approx(2.0));
    CHECK(two.low == doctest::Approx(1.6));
    CHECK(two.high == doctest::Approx(2.5));
    CHECK(ui::MeasuredSpeedup(result, 3).median == 0);
    CHECK(ui::MeasuredSpeedup(result, 0).median == 0);
    // The fastest 2-thread run (2.5x) lifts the plot above the ideal 2.
    CHECK(ui::ScaleSpeedupPlot(result, 2).max_speedup == 3);
    CHECK(ui::ScaleSpeedupPlot(real::SpeedupResult{}, 4).max_speedup == 4);
    CHECK(ui::RealMachineMaxThreads(1) == 2);
    CHECK(ui::RealMachineMaxThreads(8) == 8);
    real::ProbeStatus status;
    status.racing = true;
    status.race_additions = 1000;
    status.race_counter = 900;
    CHECK(ui::LiveLostUpdates(status) == 100);
    status.race_guard = real::RaceGuard::Lock; // counted in batches, the counter runs ahead
    CHECK(ui::LiveLostUpdates(status) == 0);
    status.race_guard = real::RaceGuard::None;
    status.race_counter = 1000;
    CHECK(ui::LiveLostUpdates(status) == 0);
}
