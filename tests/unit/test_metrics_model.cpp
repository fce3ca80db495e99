// The Metrics window's figures.
#include <doctest/doctest.h>

#include <string>

#include "ui/metrics_model.h"

using namespace ui;

TEST_CASE("metrics: mean and busiest CPU, CPUs' worth of work, live threads") {
    lab::LabSnapshot snap;
    snap.cpus.resize(4);
    snap.cpus[0].utilisation = 1.0;
    snap.cpus[1].utilisation = 0.5;
    snap.cpus[2].utilisation = 0.5;
    snap.threads.resize(3);
    snap.threads[2].state = machine::ThreadState::Terminated;
    const MetricsFigures figures = ComputeMetrics(snap);
    CHECK(figures.cpus_worth == doctest::Approx(2.0));
    CHECK(figures.mean_utilisation == doctest::Approx(0.5));
    CHECK(figures.busiest_utilisation == doctest::Approx(1.0));
    CHECK(figures.threads_alive == 2);
    CHECK(ComputeMetrics(lab::LabSnapshot{}).mean_utilisation == 0.0);
}

TEST_CASE("speedup in words: faster, no faster, slower, or nothing without a baseline") {
    char buf[96];
    CHECK(std::string(FormatSpeedup(buf, sizeof buf, 0)).empty());
    CHECK(std::string(FormatSpeedup(buf, sizeof buf, 2.913)) == "2.91\xC3\x97 faster than one thread");
    CHECK(std::string(FormatSpeedup(buf, sizeof buf, 0.98)).find("no faster") != std::string::npos);
    CHECK(std::string(FormatSpeedup(buf, sizeof buf, 0.5)).find("slower") != std::string::npos);
}
