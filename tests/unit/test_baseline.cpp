// The speedup's baseline: which one-thread run the lab compares a run against.
#include <doctest/doctest.h>
#include "config/baseline.h"

using namespace config;

namespace {

LabConfig edited(const char* source, int cpus)
{
    LabConfig c;
    c.source = source;
    c.cpus = cpus;
    return c;
}

} // namespace

TEST_CASE("speedup baseline: a thread-count slider goes to 1 on the same machine")
{
    LabConfig c = edited("WORK = 100  # slider: 1..1000\nWORKERS = 4  # slider: 1..16\nprint(WORK // WORKERS)\n", 4);
    c.gil = false;
    c.sliders["WORK"] = 500;
    std::optional<Baseline> b = speedup_baseline(c);
    REQUIRE(b);
    CHECK(b->description == "WORKERS = 1");
    CHECK(b->source == "WORK = 500  # slider: 1..1000\nWORKERS = 1  # slider: 1..16\nprint(WORK // WORKERS)\n");
    CHECK(b->machine.cpus == 4);
    CHECK_FALSE(b->machine.gil);
}

TEST_CASE("speedup baseline: a set slider value counts, and 1 thread needs no baseline")
{
    LabConfig c = edited("THREADS = 4  # slider: 1..64\n", 8);
    c.sliders["THREADS"] = 1;
    CHECK_FALSE(speedup_baseline(c));
    c.sliders["THREADS"] = 2;
    REQUIRE(speedup_baseline(c));
    CHECK(speedup_baseline(c)->description == "THREADS = 1");
}

TEST_CASE("speedup baseline: without a thread-count slider, the same program on one CPU")
{
    LabConfig c = edited("N = 4  # slider: 1..8\nprint(N)\n", 4);
    c.sliders["N"] = 6;
    std::optional<Baseline> b = speedup_baseline(c);
    REQUIRE(b);
    CHECK(b->description == "1 CPU");
    CHECK(b->machine.cpus == 1);
    CHECK(b->source == "N = 6  # slider: 1..8\nprint(N)\n");
    c.cpus = 1;
    CHECK_FALSE(speedup_baseline(c));
}

TEST_CASE("speedup baseline: a TASKS slider that cannot reach 1 falls back to one CPU")
{
    LabConfig c = edited("TASKS = 4  # slider: 2..8\n", 2);
    REQUIRE(speedup_baseline(c));
    CHECK(speedup_baseline(c)->description == "1 CPU");
}

TEST_CASE("speedup baseline: the default lesson counts with THREADS")
{
    LabConfig c;
    c.cpus = 4;
    REQUIRE(speedup_baseline(c));
    CHECK(speedup_baseline(c)->description == "THREADS = 1");
}
