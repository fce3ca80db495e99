#include "machine/random.h"

#include <bit>

namespace machine {

uint64_t splitmix64_next(uint64_t& state) {
    state += 0x9E3779B97F4A7C15ull;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

Random::Random(uint64_t seed) {
    uint64_t state = seed;
    for (uint64_t& word : s_)
        word = splitmix64_next(state);
}

uint64_t Random::next_u64() {
    const uint64_t result = std::rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = std::rotl(s_[3], 45);
    return result;
}

uint64_t Random::below(uint64_t bound) {
    // Reject the top sliver of the range that would make some results one draw more likely.
    const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t x;
    do {
        x = next_u64();
    } while (x >= limit);
    return x % bound;
}

double Random::unit_open_zero() {
    // 53 random bits are exactly representable; +1 moves the range from [0,1) to (0,1].
    return static_cast<double>((next_u64() >> 11) + 1) * 0x1.0p-53;
}

SimTime Random::exponential(SimTime mean) {
    const double draw = -portable_log(unit_open_zero()) * static_cast<double>(mean);
    return static_cast<SimTime>(draw + 0.5);
}

double portable_log(double x) {
    // x = m * 2^e with m in [sqrt(1/2), sqrt(2)), then log m = 2 atanh(s), s = (m-1)/(m+1),
    // |s| < 0.172, so twelve terms of the odd series are below double precision.
    int exponent = 0;
    while (x >= 1.4142135623730951) {
        x *= 0.5;
        ++exponent;
    }
    while (x < 0.7071067811865476) {
        x *= 2.0;
        --exponent;
    }
    const double s = (x - 1.0) / (x + 1.0);
    const double s2 = s * s;
    double term = s;
    double sum = 0.0;
    for (int k = 1; k <= 25; k += 2) {
        sum += term / k;
        term *= s2;
    }
    return 2.0 * sum + exponent * 0.6931471805599453;
}

SimTime LatencyDistribution::sample(Random& random) const {
    switch (kind) {
    case Kind::Fixed: return a;
    case Kind::Uniform: return a + static_cast<SimTime>(random.below(static_cast<uint64_t>(b - a) + 1));
    case Kind::Exponential: return random.exponential(a);
    }
    return a;
}

std::string LatencyDistribution::describe() const {
    switch (kind) {
    case Kind::Fixed: return format_duration(a);
    case Kind::Uniform: return "uniform:" + format_duration(a) + ".." + format_duration(b);
    case Kind::Exponential: return "exp:" + format_duration(a);
    }
    return {};
}

std::optional<SimTime> parse_duration(std::string_view text) {
    struct Unit { std::string_view suffix; SimTime scale; };
    // Longest suffixes first so "ms" is not read as "s".
    constexpr Unit units[] = {{"ns", kNanosecond}, {"us", kMicrosecond}, {"ms", kMillisecond},
                              {"s", kSecond}};
    SimTime scale = kNanosecond;
    for (const Unit& unit : units) {
        if (text.size() > unit.suffix.size() && text.ends_with(unit.suffix)) {
            scale = unit.scale;
            text.remove_suffix(unit.suffix.size());
            break;
        }
    }
    // Integer and fraction digits are scaled separately so "1.5ms" is exact, with no doubles.
    SimTime whole = 0;
    SimTime fraction = 0;
    SimTime fraction_scale = scale;
    bool in_fraction = false;
    bool any_digit = false;
    for (char c : text) {
        if (c == '.' && !in_fraction) {
            in_fraction = true;
            continue;
        }
        if (c < '0' || c > '9')
            return std::nullopt;
        any_digit = true;
        const int digit = c - '0';
        if (!in_fraction) {
            if (whole > (kNever / scale - digit) / 10)
                return std::nullopt;
            whole = whole * 10 + digit;
        } else if (fraction_scale >= 10) {
            fraction_scale /= 10;
            fraction += digit * fraction_scale;
        } else if (digit != 0) {
            return std::nullopt;  // finer than a nanosecond
        }
    }
    if (!any_digit)
        return std::nullopt;
    return whole * scale + fraction;
}

std::string format_duration(SimTime t) {
    if (t != 0 && t % kSecond == 0)
        return std::to_string(t / kSecond) + "s";
    if (t != 0 && t % kMillisecond == 0)
        return std::to_string(t / kMillisecond) + "ms";
    if (t != 0 && t % kMicrosecond == 0)
        return std::to_string(t / kMicrosecond) + "us";
    return std::to_string(t) + "ns";
}

std::optional<LatencyDistribution> parse_latency(std::string_view text) {
    LatencyDistribution d;
    if (text.starts_with("uniform:")) {
        text.remove_prefix(8);
        const size_t dots = text.find("..");
        if (dots == std::string_view::npos)
            return std::nullopt;
        const auto low = parse_duration(text.substr(0, dots));
        const auto high = parse_duration(text.substr(dots + 2));
        if (!low || !high || *high < *low)
            return std::nullopt;
        d.kind = LatencyDistribution::Kind::Uniform;
        d.a = *low;
        d.b = *high;
        return d;
    }
    if (text.starts_with("exp:")) {
        const auto mean = parse_duration(text.substr(4));
        if (!mean)
            return std::nullopt;
        d.kind = LatencyDistribution::Kind::Exponential;
        d.a = *mean;
        return d;
    }
    const auto fixed = parse_duration(text);
    if (!fixed)
        return std::nullopt;
    d.a = *fixed;
    return d;
}

} // namespace machine
