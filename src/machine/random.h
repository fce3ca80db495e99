// The engine's one source of chance. Every random choice of a run (I/O latency draws, and any
// future jitter) comes from the single Random owned by the Machine, seeded from the run's seed,
// so that the same program + config + seed gives the same trace natively and under node.
// xoshiro256** (Blackman & Vigna) seeded through SplitMix64, as its authors recommend; both are
// integer-only, so every platform draws the same numbers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include "machine/sim_time.h"

namespace machine {

// One SplitMix64 step: used to spread a single seed over xoshiro's four words.
uint64_t splitmix64_next(uint64_t& state);

class Random {
public:
    explicit Random(uint64_t seed);

    uint64_t next_u64();
    // Uniform in [0, bound), without modulo bias. bound must be > 0.
    uint64_t below(uint64_t bound);
    // Uniform in (0, 1]: never 0, so that -log(u) is finite.
    double unit_open_zero();
    // Exponentially distributed with the given mean, rounded to whole nanoseconds.
    SimTime exponential(SimTime mean);

private:
    uint64_t s_[4];
};

// Natural logarithm from + - * / only: libm's log may differ in the last bit between glibc and
// Emscripten's musl, which would break bit-identical traces. x must be > 0.
double portable_log(double x);

// How long a simulated I/O operation takes: `--io-latency`.
struct LatencyDistribution {
    enum class Kind : uint8_t { Fixed, Uniform, Exponential };
    Kind kind = Kind::Fixed;
    SimTime a = 1 * kMillisecond;  // Fixed: the latency; Uniform: low end; Exponential: mean
    SimTime b = 0;                 // Uniform: high end (inclusive)

    SimTime sample(Random& random) const;
    std::string describe() const;  // the same text parse_latency accepts
};

// Durations as people write them: "250ns", "10us", "5ms", "1.5s"; a bare number is nanoseconds.
std::optional<SimTime> parse_duration(std::string_view text);
std::string format_duration(SimTime t);
// "2ms" (fixed), "uniform:1ms..9ms", "exp:2ms" (exponential with that mean).
std::optional<LatencyDistribution> parse_latency(std::string_view text);

} // namespace machine
