// Sections: value spellings · the fields, in link order · program blob · encode · decode
#include "config/permalink.h"
#include <optional>
#include <span>
#include "config/base64url.h"
#include "config/deflate.h"
#include "config/example_programs.h"
#include "config/words.h"

namespace config {

namespace {

// --- Value spellings -----------------------------------------------------------------------------

// Digits only: no sign, no spaces, no junk; nullopt on overflow.
std::optional<uint64_t> parse_unsigned(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        uint64_t digit = uint64_t(c - '0');
        if (value > (UINT64_MAX - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

std::optional<int64_t> parse_signed(std::string_view text)
{
    bool negative = text.starts_with('-');
    if (negative)
        text.remove_prefix(1);
    std::optional<uint64_t> magnitude = parse_unsigned(text);
    if (!magnitude || *magnitude > uint64_t(INT64_MAX))
        return std::nullopt;
    return negative ? -int64_t(*magnitude) : int64_t(*magnitude);
}

std::string range_text(Range range, bool durations)
{
    auto one = [&](SimTime v) { return durations ? machine::format_duration(v) : std::to_string(v); };
    return one(range.min) + ".." + one(range.max);
}

// What a reader found wrong with a value: the problem's code and figures.
struct Wrong {
    ProblemCode code;
    std::string detail = {};
    std::string limit = {};
};
using Verdict = std::optional<Wrong>;  // nullopt: accepted, and stored

Verdict read_number(std::string_view text, Range range, SimTime& out)
{
    std::optional<int64_t> value = parse_signed(text);
    if (!value || !range.contains(*value))
        return Wrong{ProblemCode::NotWholeNumber, range_text(range, false)};
    out = *value;
    return {};
}

// The same, into an int field.
Verdict read_int(std::string_view text, Range range, int& out)
{
    SimTime value = 0;
    Verdict error = read_number(text, range, value);
    if (!error)
        out = int(value);
    return error;
}

Verdict read_duration(std::string_view text, Range range, SimTime& out)
{
    std::optional<SimTime> value = machine::parse_duration(text);
    if (!value)
        return Wrong{ProblemCode::NotDuration};
    if (!range.contains(*value))
        return Wrong{ProblemCode::OutOfRange, range_text(range, true)};
    out = *value;
    return {};
}

Verdict read_switch(std::string_view text, bool& out)
{
    if (text != "on" && text != "off")
        return Wrong{ProblemCode::NotOnOff};
    out = text == "on";
    return {};
}

// A value as it may be shown in a message: printable ASCII, and not too long.
std::string shown(std::string_view value)
{
    constexpr size_t kShown = 40;
    std::string out;
    for (size_t i = 0; i < value.size() && i < kShown; i++)
        out.push_back(value[i] >= 0x20 && value[i] < 0x7f ? value[i] : '?');
    if (value.size() > kShown)
        out += "... (" + std::to_string(value.size()) + " characters)";
    return out;
}

// The key a program slider has in the link: its name in lower case.
std::string slider_key(std::string_view name)
{
    std::string key(name);
    for (char& c : key)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return key;
}

// --- The program blob: raw DEFLATE (or gzip, which browsers can also make), base64url ---------

std::string encode_source(std::string_view source)
{
    std::vector<uint8_t> compressed = deflate_raw(source);
    return base64url_encode(compressed);
}

Verdict read_source(std::string_view text, std::string& out)
{
    std::optional<std::vector<uint8_t>> bytes = base64url_decode(text);
    if (!bytes || bytes->empty())
        return Wrong{ProblemCode::BlobNotBase64};
    InflateResult inflated = is_gzip(*bytes) ? inflate_gzip(*bytes, kMaxSourceBytes)
                                             : inflate_raw(*bytes, kMaxSourceBytes);
    if (inflated.error == InflateError::TooLarge)
        return Wrong{ProblemCode::ProgramTooLarge, std::to_string(kMaxSourceBytes / 1024)};
    if (inflated.error != InflateError::None)
        return Wrong{ProblemCode::BlobBroken, std::string(inflate_error_text(inflated.error))};
    if (inflated.output.empty())
        return Wrong{ProblemCode::ProgramEmpty};
    if (first_invalid_utf8(inflated.output) != std::string_view::npos)
        return Wrong{ProblemCode::ProgramNotUtf8};
    out = std::move(inflated.output);
    return {};
}

// --- The fields, in link order ------------------------------------------------------------------
// `write` gives the value to put in the link, nothing when the config has the default; `read`
// stores a value from a link, or says what is wrong with it.

struct FieldDef {
    const char* key;
    std::optional<std::string> (*write)(const LabConfig& config, const LabConfig& defaults);
    Verdict (*read)(std::string_view text, LabConfig& config);
};

template <typename T>
std::optional<std::string> unless_default(const T& value, const T& fallback, std::string text)
{
    if (value == fallback)
        return std::nullopt;
    return text;
}

std::string lesson_names()
{
    std::string names;
    for (const EmbeddedFile& file : example_programs()) {
        std::string_view name = file.name;
        names += (names.empty() ? "" : ", ") + std::string(name.substr(0, name.size() - 3));
    }
    return names;
}

// The settings, then (in the link) the program's sliders, then the view.
const FieldDef kSettingFields[] = {
    {"lesson",
     [](const LabConfig& c, const LabConfig& d) { return unless_default(c.lesson, d.lesson, c.lesson); },
     [](std::string_view text, LabConfig& c) -> Verdict {
         if (!find_lesson(text))
             return Wrong{ProblemCode::NoSuchLesson, lesson_names()};
         c.lesson = std::string(text);
         return {};
     }},
    {"src",
     [](const LabConfig& c, const LabConfig&) -> std::optional<std::string> {
         if (c.source.empty())
             return std::nullopt;
         return encode_source(c.source);
     },
     [](std::string_view text, LabConfig& c) { return read_source(text, c.source); }},
    {"cpus",
     [](const LabConfig& c, const LabConfig& d) { return unless_default(c.cpus, d.cpus, std::to_string(c.cpus)); },
     [](std::string_view text, LabConfig& c) { return read_int(text, kCpusRange, c.cpus); }},
    {"policy",
     [](const LabConfig& c, const LabConfig& d) {
         return unless_default(c.policy, d.policy, std::string(machine::policy_name(c.policy)));
     },
     [](std::string_view text, LabConfig& c) -> Verdict {
         if (!machine::parse_policy(text, c.policy))
             return Wrong{ProblemCode::NotPolicy};
         return {};
     }},
    {"slice",
     [](const LabConfig& c, const LabConfig& d) { return unless_default(c.slice, d.slice, machine::format_duration(c.slice)); },
     [](std::string_view text, LabConfig& c) { return read_duration(text, kSliceRange, c.slice); }},
    {"gil",
     [](const LabConfig& c, const LabConfig& d) { return unless_default(c.gil, d.gil, std::string(c.gil ? "on" : "off")); },
     [](std::string_view text, LabConfig& c) { return read_switch(text, c.gil); }},
    {"switch-interval",
     [](const LabConfig& c, const LabConfig& d) {
         return unless_default(c.switch_interval, d.switch_interval, machine::format_duration(c.switch_interval));
     },
     [](std::string_view text, LabConfig& c) { return read_duration(text, kSwitchIntervalRange, c.switch_interval); }},
    {"bytecode-cost",
     [](const LabConfig& c, const LabConfig& d) {
         return unless_default(c.bytecode_cost, d.bytecode_cost, machine::format_duration(c.bytecode_cost));
     },
     [](std::string_view text, LabConfig& c) { return read_duration(text, kBytecodeCostRange, c.bytecode_cost); }},
    {"context-switch-cost",
     [](const LabConfig& c, const LabConfig& d) {
         return unless_default(c.context_switch_cost, d.context_switch_cost, machine::format_duration(c.context_switch_cost));
     },
     [](std::string_view text, LabConfig& c) {
         return read_duration(text, kContextSwitchCostRange, c.context_switch_cost);
     }},
    {"io-latency",
     [](const LabConfig& c, const LabConfig& d) {
         std::string text = c.io_latency.describe();
         return unless_default(text, d.io_latency.describe(), text);
     },
     [](std::string_view text, LabConfig& c) -> Verdict {
         std::optional<machine::LatencyDistribution> latency = machine::parse_latency(text);
         if (!latency)
             return Wrong{ProblemCode::NotLatency};
         bool uses_b = latency->kind == machine::LatencyDistribution::Kind::Uniform;
         if (!kIoLatencyRange.contains(latency->a) || (uses_b && !kIoLatencyRange.contains(latency->b)))
             return Wrong{ProblemCode::LatencyOutOfRange, range_text(kIoLatencyRange, true)};
         c.io_latency = *latency;
         return {};
     }},
    {"max-time",
     [](const LabConfig& c, const LabConfig& d) { return unless_default(c.max_time, d.max_time, machine::format_duration(c.max_time)); },
     [](std::string_view text, LabConfig& c) { return read_duration(text, kMaxTimeRange, c.max_time); }},
    {"max-memory",
     [](const LabConfig& c, const LabConfig& d) {
         return unless_default(c.max_memory, d.max_memory, format_memory_size(c.max_memory));
     },
     [](std::string_view text, LabConfig& c) -> Verdict {
         std::optional<uint64_t> bytes = parse_memory_size(text);
         const std::string range = format_memory_size(uint64_t(kMaxMemoryRange.min)) + ".." +
                                   format_memory_size(uint64_t(kMaxMemoryRange.max));
         if (!bytes)
             return Wrong{ProblemCode::NotMemorySize};
         if (!kMaxMemoryRange.contains(SimTime(*bytes)))
             return Wrong{ProblemCode::OutOfRange, range};
         c.max_memory = *bytes;
         return {};
     }},
    {"max-threads",
     [](const LabConfig& c, const LabConfig& d) { return unless_default(c.max_threads, d.max_threads, std::to_string(c.max_threads)); },
     [](std::string_view text, LabConfig& c) { return read_int(text, kMaxThreadsRange, c.max_threads); }},
    {"max-processes",
     [](const LabConfig& c, const LabConfig& d) {
         return unless_default(c.max_processes, d.max_processes, std::to_string(c.max_processes));
     },
     [](std::string_view text, LabConfig& c) { return read_int(text, kMaxProcessesRange, c.max_processes); }},
    {"seed",
     [](const LabConfig& c, const LabConfig& d) { return unless_default(c.seed, d.seed, std::to_string(c.seed)); },
     [](std::string_view text, LabConfig& c) -> Verdict {
         std::optional<uint64_t> seed = parse_unsigned(text);
         if (!seed)
             return Wrong{ProblemCode::NotWholeNumber, "0.." + std::to_string(UINT64_MAX)};
         c.seed = *seed;
         return {};
     }},
    {"schedule",
     [](const LabConfig& c, const LabConfig&) -> std::optional<std::string> {
         if (c.schedule.choices.empty())
             return std::nullopt;
         return machine::format_schedule(c.schedule);
     },
     [](std::string_view text, LabConfig& c) -> Verdict {
         std::string error;
         std::optional<machine::Schedule> schedule = machine::parse_schedule(text, error);
         if (!schedule)
             return Wrong{ProblemCode::NotSchedule, error};
         if (schedule->choices.size() > kMaxScheduleChoices)
             return Wrong{ProblemCode::TooManyChoices, std::to_string(schedule->choices.size()),
                          std::to_string(kMaxScheduleChoices)};
         c.schedule = std::move(*schedule);
         return {};
     }},
};

// The view's times are checked against max-time once every field is read.
const FieldDef kViewFields[] = {
    {"t",
     [](const LabConfig& c, const LabConfig& d) { return unless_default(c.time, d.time, machine::format_duration(c.time)); },
     [](std::string_view text, LabConfig& c) { return read_duration(text, {0, kMaxTimeRange.max}, c.time); }},
    {"sel",
     [](const LabConfig& c, const LabConfig& d) {
         return unless_default(c.selected_thread, d.selected_thread, std::to_string(c.selected_thread));
     },
     [](std::string_view text, LabConfig& c) { return read_int(text, kSelectedThreadRange, c.selected_thread); }},
    {"zoom",
     [](const LabConfig& c, const LabConfig& d) -> std::optional<std::string> {
         if (c.zoom_begin == d.zoom_begin && c.zoom_end == d.zoom_end)
             return std::nullopt;
         return machine::format_duration(c.zoom_begin) + ".." + machine::format_duration(c.zoom_end);
     },
     [](std::string_view text, LabConfig& c) -> Verdict {
         size_t dots = text.find("..");
         std::optional<SimTime> begin = machine::parse_duration(text.substr(0, dots));
         std::optional<SimTime> end =
             dots == std::string_view::npos ? std::nullopt : machine::parse_duration(text.substr(dots + 2));
         if (!begin || !end || *begin >= *end)
             return Wrong{ProblemCode::NotTimeRange};
         c.zoom_begin = *begin;
         c.zoom_end = *end;
         return {};
     }},
    {"step",
     [](const LabConfig& c, const LabConfig& d) { return unless_default(c.step, d.step, std::to_string(c.step)); },
     [](std::string_view text, LabConfig& c) { return read_int(text, kLessonStepRange, c.step); }},
    {"lang",
     [](const LabConfig& c, const LabConfig& d) {
         return unless_default(c.language, d.language, std::string(language_code(c.language)));
     },
     [](std::string_view text, LabConfig& c) -> Verdict {
         if (!parse_language(text, c.language))
             return Wrong{ProblemCode::NotLanguage};
         return {};
     }},
};

bool is_field_key(std::string_view key)
{
    if (key == "v")
        return true;
    for (const FieldDef& field : kSettingFields)
        if (key == field.key)
            return true;
    for (const FieldDef& field : kViewFields)
        if (key == field.key)
            return true;
    return false;
}

// A slider named like a field (CPUS, SEED) keeps its own key by a prefix.
std::string link_key_of_slider(std::string_view name)
{
    std::string key = slider_key(name);
    return is_field_key(key) ? "slider-" + key : key;
}

// --- Decoding: the input split into key=value pairs ---------------------------------------------

int hex_digit(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Chat apps and browsers may %-escape characters: undo that; nullopt for a broken escape.
std::optional<std::string> percent_decode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        if (text.size() - i < 3 || hex_digit(text[i + 1]) < 0 || hex_digit(text[i + 2]) < 0)
            return std::nullopt;
        out.push_back(char(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2])));
        i += 2;
    }
    return out;
}

std::string_view trimmed(std::string_view text)
{
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return text;
}

struct Pair {
    std::string key;
    std::string value;
    bool used = false;
};

struct Decoder {
    DecodeResult result;
    std::vector<Pair> pairs;  // in input order, each key once
    bool accepted_any = false;

    void problem(std::string field, std::string_view value, Wrong wrong)
    {
        Problem p{std::move(field), wrong.code, shown(value), std::move(wrong.detail), std::move(wrong.limit), {}};
        p.message = word_problem(problem_words_english(p.code), p);
        result.problems.push_back(std::move(p));
    }
    void wrong_value(const Pair& pair, Wrong wrong) { problem(pair.key, pair.value, std::move(wrong)); }

    void split(std::string_view fragment)
    {
        size_t start = 0;
        while (start <= fragment.size()) {
            size_t end = std::min(fragment.find('&', start), fragment.size());
            std::string_view part = fragment.substr(start, end - start);
            start = end + 1;
            if (part.empty())
                continue;
            size_t equals = part.find('=');
            std::optional<std::string> key = percent_decode(part.substr(0, equals));
            std::optional<std::string> value =
                percent_decode(equals == std::string_view::npos ? std::string_view() : part.substr(equals + 1));
            if (equals == std::string_view::npos || !key || !value || key->empty()) {
                problem("link", part, {ProblemCode::NotAPair});
                continue;
            }
            if (Pair* earlier = find(*key)) {
                problem(*key, *value, {ProblemCode::GivenTwice, shown(earlier->value)});
                continue;
            }
            pairs.push_back({std::move(*key), std::move(*value)});
        }
    }

    // Linear in the number of pairs; links hold a few dozen, and the input's length caps them.
    Pair* find(std::string_view key)
    {
        for (Pair& pair : pairs)
            if (pair.key == key)
                return &pair;
        return nullptr;
    }

    void version()
    {
        Pair* pair = find("v");
        if (!pair) {
            problem("v", "", {ProblemCode::VersionMissing, std::to_string(kPermalinkVersion)});
            return;
        }
        pair->used = true;
        std::optional<uint64_t> version = parse_unsigned(pair->value);
        if (version && *version == uint64_t(kPermalinkVersion))
            return;
        if (version && *version > uint64_t(kPermalinkVersion))
            wrong_value(*pair, {ProblemCode::NewerVersion});
        else
            wrong_value(*pair, {ProblemCode::UnknownVersion, std::to_string(kPermalinkVersion)});
    }

    void fields(std::span<const FieldDef> defs)
    {
        for (const FieldDef& field : defs) {
            Pair* pair = find(field.key);
            if (!pair)
                continue;
            pair->used = true;
            if (Verdict wrong = field.read(pair->value, result.config))
                wrong_value(*pair, std::move(*wrong));
            else
                accepted_any = true;
        }
    }

    // After lesson and src: the sliders are those of the program the config runs.
    void sliders()
    {
        std::vector<ProgramSlider> declared = find_sliders(program_source(result.config));
        for (const ProgramSlider& slider : declared) {
            Pair* pair = find(link_key_of_slider(slider.name));
            if (!pair || pair->used)
                continue;
            pair->used = true;
            std::optional<int64_t> value = parse_signed(pair->value);
            if (!value || *value < slider.min || *value > slider.max) {
                wrong_value(*pair, {ProblemCode::NotWholeNumber, std::to_string(slider.min) + ".." + std::to_string(slider.max)});
                continue;
            }
            result.config.sliders[slider.name] = *value;
            accepted_any = true;
        }
    }

    void view_within_run()
    {
        LabConfig& c = result.config;
        const LabConfig defaults;
        const Wrong outside{ProblemCode::OutsideRun, machine::format_duration(c.max_time)};
        if (c.time > c.max_time) {
            problem("t", machine::format_duration(c.time), outside);
            c.time = defaults.time;
        }
        if (c.zoom_end > c.max_time) {
            problem("zoom", machine::format_duration(c.zoom_begin) + ".." + machine::format_duration(c.zoom_end), outside);
            c.zoom_begin = defaults.zoom_begin;
            c.zoom_end = defaults.zoom_end;
        }
    }

    void unknown_keys()
    {
        for (const Pair& pair : pairs)
            if (!pair.used)
                problem(pair.key, pair.value, {ProblemCode::UnknownKey});
    }
};

} // namespace

// --- Wording -------------------------------------------------------------------------------------

std::string word_problem(std::string_view words, const Problem& problem)
{
    return fill_words(words, {{"{field}", problem.field}, {"{value}", problem.value}, {"{detail}", problem.detail},
                              {"{limit}", problem.limit}});
}

// --- Encode --------------------------------------------------------------------------------------

std::string encode_fragment(const LabConfig& config)
{
    const LabConfig defaults;
    std::string out = "v=" + std::to_string(kPermalinkVersion);
    auto add = [&](std::string_view key, const std::string& value) {
        out += '&';
        out += key;
        out += '=';
        out += value;
    };
    for (const FieldDef& field : kSettingFields)
        if (std::optional<std::string> value = field.write(config, defaults))
            add(field.key, *value);
    for (const auto& [name, value] : config.sliders)
        add(link_key_of_slider(name), std::to_string(value));
    for (const FieldDef& field : kViewFields)
        if (std::optional<std::string> value = field.write(config, defaults))
            add(field.key, *value);
    return out;
}

// --- Decode --------------------------------------------------------------------------------------

DecodeResult decode_fragment(std::string_view link)
{
    Decoder decoder;
    link = trimmed(link);
    size_t hash = link.find('#');
    if (hash != std::string_view::npos)
        link.remove_prefix(hash + 1);
    else if (link.find("://") != std::string_view::npos) {
        decoder.problem("link", "", {ProblemCode::NoFragment});
        decoder.result.usable = false;
        return decoder.result;
    }
    if (link.empty())
        return decoder.result;
    if (link.size() > kMaxLinkChars) {
        decoder.problem("link", "", {ProblemCode::LinkTooLong, std::to_string(link.size()), std::to_string(kMaxLinkChars)});
        decoder.result.usable = false;
        return decoder.result;
    }
    decoder.split(link);
    decoder.version();
    decoder.fields(kSettingFields);
    decoder.sliders();
    decoder.fields(kViewFields);
    decoder.view_within_run();
    decoder.unknown_keys();
    decoder.result.usable = decoder.accepted_any || decoder.result.problems.empty();
    return decoder.result;
}

} // namespace config
