// The lab's configuration and its permalink: round trips for every lesson and for random configs,
// the readable form of the common settings, and one test per kind of bad link.
#include <doctest/doctest.h>
#include <string>
#include <vector>
#include "config/config.h"
#include "config/permalink.h"
#include "python/python_machine.h"
#include "machine/random.h"
#include "config/example_programs.h"

using namespace config;

namespace {

std::string lesson_name(const EmbeddedFile& file)
{
    std::string_view name = file.name;
    return std::string(name.substr(0, name.size() - 3));
}

// The first problem's message, or "" when the link decoded cleanly.
std::string first_problem(const DecodeResult& result)
{
    return result.problems.empty() ? "" : result.problems.front().message;
}

void check_round_trip(const LabConfig& config)
{
    std::string fragment = encode_fragment(config);
    INFO(fragment);
    DecodeResult decoded = decode_fragment(fragment);
    CHECK(decoded.problems.empty());
    CHECK(first_problem(decoded) == "");
    CHECK(decoded.usable);
    CHECK(decoded.config == config);
}

// A program "edited" the way a student would: a changed slider line and an added comment.
std::string edited(std::string_view text)
{
    return "# my version\n" + std::string(text) + "print('done')  # 完成\n";
}

LabConfig random_config(machine::Random& r)
{
    LabConfig c;
    const EmbeddedFile& file = config::example_programs()[r.below(config::example_programs().size())];
    c.lesson = lesson_name(file);
    if (r.below(3) == 0)
        c.source = edited(file.text);
    auto in = [&](Range range) { return range.min + SimTime(r.below(uint64_t(range.max - range.min) + 1)); };
    c.cpus = int(in(kCpusRange));
    c.policy = machine::Policy(r.below(4));
    c.slice = in(kSliceRange);
    c.gil = r.below(2) == 0;
    c.switch_interval = in(kSwitchIntervalRange);
    c.bytecode_cost = in(kBytecodeCostRange);
    c.context_switch_cost = in(kContextSwitchCostRange);
    c.io_latency.kind = machine::LatencyDistribution::Kind(r.below(3));
    c.io_latency.a = in(kIoLatencyRange);
    c.io_latency.b = c.io_latency.kind == machine::LatencyDistribution::Kind::Uniform ? c.io_latency.a + in({0, 1000000}) : 0;
    c.max_time = in(kMaxTimeRange);
    c.seed = r.next_u64();
    c.max_memory = uint64_t(in({kMaxMemoryRange.min >> 10, kMaxMemoryRange.max >> 10})) << 10;
    c.max_threads = int(in(kMaxThreadsRange));
    c.max_processes = int(in(kMaxProcessesRange));
    for (const ProgramSlider& slider : find_sliders(program_source(c)))
        if (r.below(2) == 0)
            c.sliders[slider.name] = slider.min + int64_t(r.below(uint64_t(slider.max - slider.min) + 1));
    c.time = in({0, c.max_time});
    c.selected_thread = r.below(2) ? -1 : int(in(kSelectedThreadRange));
    c.language = r.below(2) ? Language::Chinese : Language::English;
    if (r.below(2)) {
        c.zoom_begin = in({0, c.max_time - 1});
        c.zoom_end = in({c.zoom_begin + 1, c.max_time});
    }
    return c;
}

} // namespace

TEST_CASE("the default config is the lab with no fragment: MachineConfig's defaults on 4 CPUs")
{
    LabConfig defaults;
    CHECK(encode_fragment(defaults) == "v=1");
    CHECK(decode_fragment("").config == defaults);
    CHECK(decode_fragment("https://lab.example/threadlab/").problems.size() == 1);
    CHECK(find_lesson(defaults.lesson) != nullptr);
    machine::MachineConfig machine = to_machine_config(defaults);
    machine::MachineConfig reference;
    CHECK(machine.cpus == 4);
    CHECK(machine.gil == reference.gil);
    CHECK(machine.switch_interval == reference.switch_interval);
    CHECK(machine.seed == reference.seed);
}

TEST_CASE("the common settings read as written")
{
    LabConfig c;
    c.lesson = "gil_cpu_bound";
    c.cpus = 8;
    c.sliders["THREADS"] = 8;
    c.gil = false;
    c.seed = 42;
    c.time = 1250 * machine::kMillisecond;
    c.selected_thread = 3;
    c.language = Language::Chinese;
    CHECK(encode_fragment(c) == "v=1&cpus=8&gil=off&seed=42&threads=8&t=1250ms&sel=3&lang=zh");
    DecodeResult hand_written = decode_fragment("#v=1&lang=zh&t=1.25s&sel=3&threads=8&seed=42&gil=off&cpus=8");
    CHECK(first_problem(hand_written) == "");
    CHECK(hand_written.config == c);
    machine::MachineConfig machine = to_machine_config(c);
    CHECK(machine.cpus == 8);
    CHECK_FALSE(machine.gil);
    CHECK(machine.seed == 42);
}

TEST_CASE("every lesson round-trips, as shipped and edited")
{
    for (const EmbeddedFile& file : config::example_programs()) {
        INFO(std::string(file.name));
        LabConfig c;
        c.lesson = lesson_name(file);
        check_round_trip(c);
        c.source = edited(file.text);
        check_round_trip(c);
        for (const ProgramSlider& slider : find_sliders(file.text))
            c.sliders[slider.name] = slider.max;
        check_round_trip(c);
    }
}

TEST_CASE("1000 random configs round-trip")
{
    machine::Random random(20240607);
    for (int i = 0; i < 1000; i++)
        check_round_trip(random_config(random));
}

TEST_CASE("a link with a typical edited lesson stays under 2000 characters")
{
    for (const char* lesson : {"gil_cpu_bound", "race_with_lock", "producer_consumer"}) {
        LabConfig c;
        c.lesson = lesson;
        c.source = edited(find_lesson(lesson)->text);
        c.cpus = 4;
        c.seed = 42;
        c.time = 1250 * machine::kMillisecond;
        c.selected_thread = 3;
        std::string link = "https://threadlab.example/#" + encode_fragment(c);
        INFO(lesson, ": ", link.size(), " characters");
        CHECK(link.size() < 2000);
    }
}

TEST_CASE("a whole URL, a fragment with '#' and one without all decode alike")
{
    LabConfig expected;
    expected.cpus = 2;
    for (const char* link : {"https://x.example/lab/?a=b#v=1&cpus=2", "#v=1&cpus=2", "v=1&cpus=2", "  v=1&cpus=2\n",
                             "v%3D1&cpus=%32"})
        CHECK(decode_fragment(link).config == expected);
}

TEST_CASE("each bad field is named, left at its default, and the rest still opens")
{
    struct Case {
        const char* link;
        const char* problem;
    };
    const Case cases[] = {
        {"v=1&cpus=99&seed=7", "cpus=99: must be a whole number 1..64"},
        {"v=1&cpus=-1&seed=7", "cpus=-1: must be a whole number 1..64"},
        {"v=1&cpus=4x&seed=7", "cpus=4x: must be a whole number 1..64"},
        {"v=1&cpus=+4&seed=7", "cpus=+4: must be a whole number 1..64"},
        {"v=1&cpus=99999999999999999999999&seed=7", "cpus=99999999999999999999999: must be a whole number 1..64"},
        {"v=1&cpus=&seed=7", "cpus=: must be a whole number 1..64"},
        {"v=1&policy=lottery&seed=7", "policy=lottery: must be rr, fifo, priority or mlfq"},
        {"v=1&gil=maybe&seed=7", "gil=maybe: must be on or off"},
        {"v=1&slice=5parsecs&seed=7", "slice=5parsecs: must be a duration such as 250us, 5ms or 1.5s"},
        {"v=1&slice=0&seed=7", "slice=0: must be 1us..10s"},
        {"v=1&switch-interval=1h&seed=7", "switch-interval=1h: must be a duration such as 250us, 5ms or 1.5s"},
        {"v=1&io-latency=uniform:9ms..1ms&seed=7",
         "io-latency=uniform:9ms..1ms: must be a latency such as 2ms, uniform:1ms..9ms or exp:2ms"},
        {"v=1&lang=fr&seed=7", "lang=fr: must be en or zh"},
        {"v=1&lesson=nope&seed=7", "lesson=nope: no such lesson (there are: "},
        {"v=1&zoom=2ms..1ms&seed=7", "zoom=2ms..1ms: must be a time range such as 1ms..2.5ms (start before end)"},
        {"v=1&max-time=1s&t=2s&seed=7", "t=2s: must be within the run (max-time 1s)"},
        {"v=1&colour=red&seed=7", "colour=red: no such setting, and the program has no slider of that name"},
        {"v=1&threads=65&seed=7", "threads=65: must be a whole number 1..64"},
        {"v=1&THREADS=6&seed=7", "THREADS=6: no such setting"},
        {"v=1&cpus=2&cpus=3&seed=7", "cpus=3: cpus is given twice; the first (2) is used"},
        {"v=1&cpus&seed=7", "'cpus': not a key=value pair"},
        {"v=1&cpus=%4&seed=7", "'cpus=%4': not a key=value pair"},
        {"cpus=2&seed=7", "v: missing (read as version 1)"},
        {"v=2&seed=7", "v=2: made by a newer version of Threadlab"},
        {"v=one&seed=7", "v=one: unknown version"},
        {"v=1&src=!!!&seed=7", "src=!!!: the program blob is not base64url"},
        {"v=1&src=_w&seed=7", "src=_w: the compressed data has an invalid block type"},
        {"v=1&src=AQUAAAA&seed=7", "src=AQUAAAA: the compressed data has a corrupt stored block"},
    };
    for (const Case& c : cases) {
        INFO(std::string(c.link));
        DecodeResult result = decode_fragment(c.link);
        REQUIRE(result.problems.size() >= 1);
        CHECK(result.problems.front().message.starts_with(c.problem));
        CHECK(result.usable);
        CHECK(result.config.seed == 7);
    }
}

TEST_CASE("a program blob that is cut short, not UTF-8, or too large is refused")
{
    LabConfig c;
    c.source = edited(find_lesson("race")->text);
    std::string full = encode_fragment(c);
    std::string cut = full.substr(0, full.size() - 10);
    DecodeResult truncated = decode_fragment(cut);
    REQUIRE(truncated.problems.size() == 1);
    CHECK(truncated.problems[0].field == "src");
    CHECK(truncated.problems[0].message.find("cut short") != std::string::npos);
    CHECK(truncated.config.source.empty());
    CHECK_FALSE(truncated.usable);

    c.source = "print('\xff')\n";
    CHECK(first_problem(decode_fragment(encode_fragment(c))).ends_with("the program is not UTF-8 text"));
    c.source = "print('\xed\xa0\x80')\n";  // an encoded surrogate
    CHECK(first_problem(decode_fragment(encode_fragment(c))).ends_with("the program is not UTF-8 text"));
    c.source = std::string(kMaxSourceBytes + 1, '#');
    CHECK(first_problem(decode_fragment(encode_fragment(c))).ends_with("the program is larger than 64 KiB"));
    c.source = std::string(kMaxSourceBytes, '#');
    CHECK(decode_fragment(encode_fragment(c)).problems.empty());
}

TEST_CASE("a slider is checked against the program the link carries")
{
    LabConfig c;
    c.lesson = "race";
    c.source = "N = 3  # slider: 1..5\nprint(N)\n";
    c.sliders["N"] = 5;
    check_round_trip(c);
    std::string link = encode_fragment(c) + "&workers=2";  // race.py's slider, not this program's
    CHECK(first_problem(decode_fragment(link)).starts_with("workers=2: no such setting"));
    // A slider named like a setting keeps its own key.
    c.source = "SEED = 3  # slider: 0..9\n";
    c.sliders = {{"SEED", 4}};
    c.seed = 11;
    CHECK(encode_fragment(c).ends_with("&seed=11&slider-seed=4"));
    check_round_trip(c);
}

TEST_CASE("nothing usable: garbage opens the default lab and says so")
{
    for (const char* link : {"hello world", "v=1&&&zzz", "https://x.example/lab/", "#%%%", "v=9&cpus=0"}) {
        INFO(std::string(link));
        DecodeResult result = decode_fragment(link);
        CHECK_FALSE(result.usable);
        CHECK_FALSE(result.problems.empty());
        CHECK(result.config == LabConfig{});
    }
    CHECK(decode_fragment(std::string(kMaxLinkChars + 1, 'a')).problems.size() == 1);
}

TEST_CASE("find_sliders reads the slider lines of a program, and apply_sliders rewrites their values")
{
    std::string_view source = "import time\n"
                              "THREADS = 4  # slider: 1..64\n"
                              "WORK=-5 #slider: -10..10\r\n"
                              "    INDENTED = 1  # slider: 1..2\n"
                              "BROKEN = 99  # slider: 1..64\n"
                              "OTHER = 2  # a comment\n";
    std::vector<ProgramSlider> sliders = find_sliders(source);
    REQUIRE(sliders.size() == 2);
    CHECK(sliders[0].name == "THREADS");
    CHECK(sliders[0].value == 4);
    CHECK(sliders[0].max == 64);
    CHECK(sliders[0].line == 2);
    CHECK(sliders[1].name == "WORK");
    CHECK(sliders[1].value == -5);
    CHECK(sliders[1].min == -10);
    std::string applied = apply_sliders(source, {{"THREADS", 16}, {"WORK", 7}, {"OTHER", 1}});
    CHECK(applied == "import time\n"
                     "THREADS = 16  # slider: 1..64\n"
                     "WORK=7 #slider: -10..10\r\n"
                     "    INDENTED = 1  # slider: 1..2\n"
                     "BROKEN = 99  # slider: 1..64\n"
                     "OTHER = 2  # a comment\n");
    for (const EmbeddedFile& file : config::example_programs())
        for (const ProgramSlider& slider : find_sliders(file.text))
            CHECK(slider.value >= slider.min);
}

TEST_CASE("a config goes to the machine and back unchanged")
{
    machine::Random random(3);
    for (int i = 0; i < 100; i++) {
        LabConfig c = random_config(random);
        LabConfig back;
        back.lesson = c.lesson;
        back.source = c.source;
        back.sliders = c.sliders;
        back.time = c.time;
        back.selected_thread = c.selected_thread;
        back.language = c.language;
        back.zoom_begin = c.zoom_begin;
        back.zoom_end = c.zoom_end;
        set_machine_settings(back, to_machine_config(c));
        CHECK(back == c);
    }
}

namespace {

// The trace hash of the run a config describes, cut after `max_instructions` (the same cut on
// both sides of a comparison, so long programs stay quick).
uint64_t run_hash(const LabConfig& c, int64_t max_instructions)
{
    python::PythonRun run(to_machine_config(c));
    if (run.start(apply_sliders(program_source(c), c.sliders), "program.py"))
        return 0;
    run.run(machine::kNever, max_instructions);
    return run.machine().trace().hash();
}

} // namespace

TEST_CASE("a link runs the very run it was made from: the same trace hash, for every lesson and random configs")
{
    std::vector<LabConfig> configs;
    for (const EmbeddedFile& file : config::example_programs()) {
        LabConfig c;
        c.lesson = lesson_name(file);
        c.cpus = 3;
        c.seed = 42;
        for (const ProgramSlider& slider : find_sliders(file.text))
            c.sliders[slider.name] = slider.min;
        configs.push_back(c);
    }
    machine::Random random(7);
    for (int i = 0; i < 30; i++)
        configs.push_back(random_config(random));
    for (const LabConfig& original : configs) {
        const std::string fragment = encode_fragment(original);
        INFO(fragment);
        const DecodeResult opened = decode_fragment(fragment);
        REQUIRE(opened.usable);
        const uint64_t hash = run_hash(original, 200'000);
        CHECK(hash != 0);
        CHECK(run_hash(opened.config, 200'000) == hash);
    }
}
