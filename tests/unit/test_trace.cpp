// The trace: same program + config + seed gives the same hash, another seed another one; the
// Chrome JSON export is valid JSON with the lanes and events a user looks for; memory stays
// bounded while stats and hash keep covering the whole run. Also the seeded PRNG and the
// duration / latency parsers the options use.
#include <doctest/doctest.h>

#include <cctype>
#include <string>

#include "machine/machine.h"
#include "machine/random.h"
#include "machine/script_program.h"
#include "machine/trace.h"

using namespace machine;

namespace {

constexpr SimTime ms = kMillisecond;

// A small workload with locks, random-latency I/O, output and GIL hand-offs on 2 CPUs.
std::unique_ptr<Machine> busy_machine(uint64_t seed, TraceLimits limits = {}) {
    MachineConfig config;
    config.cpus = 2;
    config.seed = seed;
    config.io_latency = *parse_latency("exp:2ms");
    config.trace = limits;
    auto m = std::make_unique<Machine>(config);
    const SyncId lock = m->create_sync(SyncKind::Lock);
    auto main = script();
    for (int i = 0; i < 4; ++i) {
        main->spawn("worker-" + std::to_string(i), [lock, i] {
            auto w = script();
            w->compute(20'000 + 1000 * i).acquire(lock).compute(500).output("step").release(lock).io().repeat(6);
            return std::unique_ptr<ThreadProgram>(std::move(w));
        });
    }
    for (int i = 0; i < 4; ++i)
        main->join_spawned(i);
    m->start_process("main", std::move(main));
    REQUIRE(m->run() == RunStatus::Finished);
    return m;
}

// A strict JSON syntax check (RFC 8259), enough to know Perfetto's parser will accept it.
class JsonChecker {
public:
    explicit JsonChecker(const std::string& text) : s_(text) {}
    bool valid() {
        skip_space();
        if (!value())
            return false;
        skip_space();
        return i_ == s_.size();
    }

private:
    void skip_space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
            ++i_;
    }
    bool literal(const char* word) {
        const std::string w(word);
        if (s_.compare(i_, w.size(), w) != 0)
            return false;
        i_ += w.size();
        return true;
    }
    bool string() {
        if (s_[i_] != '"')
            return false;
        for (++i_; i_ < s_.size(); ++i_) {
            const unsigned char c = s_[i_];
            if (c == '"') {
                ++i_;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                ++i_;
                if (i_ >= s_.size())
                    return false;
                if (s_[i_] == 'u') {
                    for (int k = 0; k < 4; ++k)
                        if (++i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_])))
                            return false;
                } else if (std::string("\"\\/bfnrt").find(s_[i_]) == std::string::npos) {
                    return false;
                }
            }
        }
        return false;
    }
    bool number() {
        const size_t start = i_;
        if (s_[i_] == '-')
            ++i_;
        if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_])))
            return false;
        if (s_[i_] == '0')
            ++i_;
        else
            while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_])))
                ++i_;
        if (i_ < s_.size() && s_[i_] == '.') {
            ++i_;
            if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_])))
                return false;
            while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_])))
                ++i_;
        }
        return i_ > start;
    }
    bool value() {
        if (i_ >= s_.size())
            return false;
        switch (s_[i_]) {
        case '{': return container('}', true);
        case '[': return container(']', false);
        case '"': return string();
        case 't': return literal("true");
        case 'f': return literal("false");
        case 'n': return literal("null");
        default: return number();
        }
    }
    bool container(char close, bool object) {
        ++i_;
        skip_space();
        if (i_ < s_.size() && s_[i_] == close) {
            ++i_;
            return true;
        }
        while (true) {
            skip_space();
            if (object) {
                if (i_ >= s_.size() || !string())
                    return false;
                skip_space();
                if (i_ >= s_.size() || s_[i_++] != ':')
                    return false;
                skip_space();
            }
            if (!value())
                return false;
            skip_space();
            if (i_ >= s_.size())
                return false;
            const char c = s_[i_++];
            if (c == close)
                return true;
            if (c != ',')
                return false;
        }
    }

    const std::string& s_;
    size_t i_ = 0;
};

size_t count(const std::string& text, const std::string& needle) {
    size_t n = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE("the same program, config and seed give the same trace hash; another seed another") {
    const uint64_t first = busy_machine(7)->trace().hash();
    CHECK(busy_machine(7)->trace().hash() == first);
    CHECK(busy_machine(8)->trace().hash() != first);
}

TEST_CASE("the trace hash is pinned: natively and in WebAssembly, run after run") {
    // If this value changes, every shared permalink's hash changes: do it on purpose only.
    const std::unique_ptr<Machine> m = busy_machine(7);
    CAPTURE(m->trace().hash());
    CHECK(m->trace().stats().output_lines == 24);
    CHECK(m->trace().hash() == 7311398695388087308ull);
}

TEST_CASE("Chrome trace JSON is valid JSON with CPU, thread and GIL lanes, slices and output") {
    const std::unique_ptr<Machine> m = busy_machine(7);
    const std::string json = chrome_trace_json(m->trace());
    CHECK(JsonChecker(json).valid());
    CHECK(json.rfind("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[", 0) == 0);
    CHECK(count(json, "\"name\":\"thread_name\",\"args\":{\"name\":\"CPU 0\"}") == 1);
    CHECK(count(json, "\"name\":\"thread_name\",\"args\":{\"name\":\"CPU 1\"}") == 1);
    CHECK(count(json, "\"args\":{\"name\":\"GIL\"}") == 1);
    CHECK(count(json, "\"args\":{\"name\":\"worker-3\"}") == 1);
    // One CPU slice per dispatch, plus the thread lane's matching "running on CPU n" span.
    const int64_t switches = m->trace().stats().context_switches;
    CHECK(static_cast<int64_t>(count(json, "\"pid\":0,\"tid\":0,\"ts\"") + count(json, "\"pid\":0,\"tid\":1,\"ts\"")) ==
          switches);
    CHECK(static_cast<int64_t>(count(json, "\"name\":\"running on CPU")) == switches);
    CHECK(count(json, "\"name\":\"output\"") == 24);
    CHECK(count(json, "\"text\":\"step\"") == 24);
    CHECK(count(json, "\"name\":\"held by ") >= 1);
    CHECK(count(json, "\"name\":\"blocked: I/O\"") == 24);
    CHECK(count(json, "\"name\":\"acquire #0\"") == 24);
}

TEST_CASE("JSON strings are escaped") {
    Trace trace(1, {});
    trace.name_process(0, "p");
    trace.name_thread(0, 0, "quote\" back\\slash\nnew\x01line");
    trace.add_output(5, 0, "tab\there", OutputStream::Stderr);
    const std::string json = chrome_trace_json(trace);
    CHECK(JsonChecker(json).valid());
    CHECK(json.find("quote\\\" back\\\\slash\\nnew\\u0001line") != std::string::npos);
    CHECK(json.find("tab\\there") != std::string::npos);
    CHECK(json.find("\"ts\":0.005") != std::string::npos);  // 5 ns in microseconds
}

TEST_CASE("a capped trace keeps the newest events, but stats and hash cover the whole run") {
    const std::unique_ptr<Machine> full = busy_machine(7);
    TraceLimits small;
    small.max_events = 100;
    small.max_output_lines = 5;
    const std::unique_ptr<Machine> capped = busy_machine(7, small);
    const Trace& t = capped->trace();
    CHECK(t.size() == 100);
    CHECK(t.stats().events == full->trace().stats().events);
    CHECK(t.stats().dropped_events == t.stats().events - 100);
    CHECK(t.hash() == full->trace().hash());
    CHECK(t.stats().context_switches == full->trace().stats().context_switches);
    CHECK(t.stats().cpus[1].busy == full->trace().stats().cpus[1].busy);
    // The retained events are the last ones, in order.
    CHECK(t.at(99).kind == TraceKind::RunEnd);
    for (size_t i = 1; i < t.size(); ++i)
        CHECK(t.at(i - 1).time <= t.at(i).time);
    CHECK(t.output_count() == 24);
    CHECK(t.output_first() == 19);
    CHECK(t.output(23).text == "step");
    CHECK(JsonChecker(chrome_trace_json(t)).valid());
}

TEST_CASE("trace events are recorded in time order") {
    const std::unique_ptr<Machine> m = busy_machine(3);
    for (size_t i = 1; i < m->trace().size(); ++i)
        CHECK(m->trace().at(i - 1).time <= m->trace().at(i).time);
}

TEST_CASE("stats: utilisation is busy time over wall time") {
    const std::unique_ptr<Machine> m = busy_machine(7);
    const TraceStats& s = m->trace().stats();
    CHECK(s.utilisation(0) > 0.0);
    CHECK(s.utilisation(0) <= 1.0);
    CHECK(s.utilisation(0) == doctest::Approx(static_cast<double>(s.cpus[0].busy) / s.end_time));
}

TEST_CASE("xoshiro256** seeded by SplitMix64 gives the reference sequence") {
    // SplitMix64 from state 0: its published first output.
    uint64_t state = 0;
    CHECK(splitmix64_next(state) == 0xe220a8397b1dcdafull);
    Random a(42), b(42);
    for (int i = 0; i < 100; ++i)
        CHECK(a.next_u64() == b.next_u64());
    CHECK(Random(42).next_u64() != Random(43).next_u64());
    Random r(1);
    for (int i = 0; i < 1000; ++i) {
        CHECK(r.below(7) < 7);
        const double u = r.unit_open_zero();
        CHECK(u > 0.0);
        CHECK(u <= 1.0);
    }
}

TEST_CASE("portable_log agrees with the logarithm") {
    CHECK(portable_log(1.0) == 0.0);
    CHECK(portable_log(2.718281828459045) == doctest::Approx(1.0).epsilon(1e-15));
    CHECK(portable_log(1e-300) == doctest::Approx(-690.7755278982137).epsilon(1e-14));
    CHECK(portable_log(0.5) == doctest::Approx(-0.6931471805599453).epsilon(1e-15));
}

TEST_CASE("exponential I/O latency has the configured mean") {
    Random r(9);
    const LatencyDistribution d = *parse_latency("exp:2ms");
    SimTime total = 0;
    for (int i = 0; i < 20000; ++i)
        total += d.sample(r);
    CHECK(static_cast<double>(total) / 20000 == doctest::Approx(2e6).epsilon(0.03));
}

TEST_CASE("durations and latency distributions parse as people write them") {
    CHECK(parse_duration("5ms") == 5 * ms);
    CHECK(parse_duration("250ns") == 250);
    CHECK(parse_duration("10us") == 10'000);
    CHECK(parse_duration("1.5s") == 1'500'000'000);
    CHECK(parse_duration("0.25ms") == 250'000);
    CHECK(parse_duration("42") == 42);
    CHECK_FALSE(parse_duration("").has_value());
    CHECK_FALSE(parse_duration("ms").has_value());
    CHECK_FALSE(parse_duration("-5ms").has_value());
    CHECK_FALSE(parse_duration("1.5ns").has_value());
    CHECK_FALSE(parse_duration("5 ms").has_value());
    CHECK_FALSE(parse_duration("99999999999999999999s").has_value());
    CHECK(format_duration(5 * ms) == "5ms");
    CHECK(format_duration(1'500'000) == "1500us");
    CHECK(format_duration(0) == "0ns");

    const auto fixed = parse_latency("2ms");
    REQUIRE(fixed.has_value());
    CHECK(fixed->kind == LatencyDistribution::Kind::Fixed);
    CHECK(fixed->a == 2 * ms);
    const auto uniform = parse_latency("uniform:1ms..9ms");
    REQUIRE(uniform.has_value());
    CHECK(uniform->describe() == "uniform:1ms..9ms");
    Random r(5);
    for (int i = 0; i < 100; ++i) {
        const SimTime x = uniform->sample(r);
        CHECK(x >= 1 * ms);
        CHECK(x <= 9 * ms);
    }
    CHECK(parse_latency("exp:3ms")->describe() == "exp:3ms");
    CHECK_FALSE(parse_latency("uniform:9ms..1ms").has_value());
    CHECK_FALSE(parse_latency("normal:1ms").has_value());
}
