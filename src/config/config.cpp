#include "config/config.h"
#include <tuple>
#include "config/example_programs.h"

namespace config {

const char* language_code(Language language)
{
    return language == Language::Chinese ? "zh" : "en";
}

bool parse_language(std::string_view code, Language& out)
{
    if (code == "en")
        out = Language::English;
    else if (code == "zh")
        out = Language::Chinese;
    else
        return false;
    return true;
}

bool operator==(const LabConfig& a, const LabConfig& b)
{
    auto fields = [](const LabConfig& c) {
        return std::tie(c.lesson, c.source, c.cpus, c.policy, c.slice, c.gil, c.switch_interval, c.bytecode_cost,
                        c.context_switch_cost, c.io_latency.kind, c.io_latency.a, c.io_latency.b, c.max_time, c.seed,
                        c.max_memory, c.max_threads, c.max_processes, c.schedule, c.sliders, c.time, c.selected_thread, c.language, c.step, c.zoom_begin, c.zoom_end);
    };
    return fields(a) == fields(b);
}

machine::MachineConfig to_machine_config(const LabConfig& config)
{
    machine::MachineConfig machine;
    machine.cpus = config.cpus;
    machine.scheduler.policy = config.policy;
    machine.scheduler.slice = config.slice;
    machine.gil = config.gil;
    machine.switch_interval = config.switch_interval;
    machine.bytecode_cost = config.bytecode_cost;
    machine.context_switch_cost = config.context_switch_cost;
    machine.io_latency = config.io_latency;
    machine.max_time = config.max_time;
    machine.seed = config.seed;
    machine.max_memory = config.max_memory;
    machine.max_threads = config.max_threads;
    machine.max_processes = config.max_processes;
    return machine;
}

void set_machine_settings(LabConfig& config, const machine::MachineConfig& machine)
{
    config.cpus = machine.cpus;
    config.policy = machine.scheduler.policy;
    config.slice = machine.scheduler.slice;
    config.gil = machine.gil;
    config.switch_interval = machine.switch_interval;
    config.bytecode_cost = machine.bytecode_cost;
    config.context_switch_cost = machine.context_switch_cost;
    config.io_latency = machine.io_latency;
    config.max_time = machine.max_time;
    config.seed = machine.seed;
    config.max_memory = machine.max_memory;
    config.max_threads = machine.max_threads;
    config.max_processes = machine.max_processes;
}

namespace {
struct MemoryUnit {
    const char* name;
    uint64_t bytes;
};
constexpr MemoryUnit kMemoryUnits[] = {{"GiB", uint64_t{1} << 30}, {"MiB", uint64_t{1} << 20}, {"KiB", uint64_t{1} << 10}};
} // namespace

std::string format_memory_size(uint64_t bytes)
{
    for (const MemoryUnit& unit : kMemoryUnits)
        if (bytes % unit.bytes == 0 && bytes > 0)
            return std::to_string(bytes / unit.bytes) + unit.name;
    return std::to_string(bytes) + "B";
}

std::optional<uint64_t> parse_memory_size(std::string_view text)
{
    size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        digits++;
    if (digits == 0 || digits > 12)
        return std::nullopt;
    uint64_t count = 0;
    for (size_t i = 0; i < digits; i++)
        count = count * 10 + uint64_t(text[i] - '0');
    for (const MemoryUnit& unit : kMemoryUnits)
        if (text.substr(digits) == unit.name)
            return count * unit.bytes;
    return std::nullopt;
}

size_t first_invalid_utf8(std::string_view text)
{
    size_t i = 0;
    while (i < text.size()) {
        auto byte = [&](size_t k) { return uint8_t(text[k]); };
        uint8_t lead = byte(i);
        if (lead == 0)
            return i;
        if (lead < 0x80) {
            i++;
            continue;
        }
        int extra = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
        if (extra < 0 || text.size() - i <= size_t(extra))
            return i;
        uint32_t code = lead & (0x3f >> extra);
        for (int k = 1; k <= extra; k++) {
            if ((byte(i + k) & 0xc0) != 0x80)
                return i;
            code = code << 6 | (byte(i + k) & 0x3f);
        }
        constexpr uint32_t kSmallest[4] = {0, 0x80, 0x800, 0x10000};  // shorter forms are overlong
        if (code < kSmallest[extra] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
            return i;
        i += size_t(extra) + 1;
    }
    return std::string_view::npos;
}

const EmbeddedFile* find_lesson(std::string_view lesson)
{
    for (const EmbeddedFile& file : example_programs()) {
        std::string_view name = file.name;
        if (name.size() == lesson.size() + 3 && name.starts_with(lesson) && name.ends_with(".py"))
            return &file;
    }
    return nullptr;
}

std::string_view program_source(const LabConfig& config)
{
    if (!config.source.empty())
        return config.source;
    const EmbeddedFile* file = find_lesson(config.lesson);
    return file ? std::string_view(file->text) : std::string_view();
}

// --- Program sliders -----------------------------------------------------------------------------

namespace {

// A small cursor over one line, for the slider pattern only.
struct LineReader {
    std::string_view text;
    size_t at = 0;

    void skip_spaces()
    {
        while (at < text.size() && (text[at] == ' ' || text[at] == '\t'))
            at++;
    }
    bool take(std::string_view word)
    {
        if (text.substr(at, word.size()) != word)
            return false;
        at += word.size();
        return true;
    }
    bool identifier(std::string& out)
    {
        size_t start = at;
        auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
        while (at < text.size() && (letter(text[at]) || (at > start && text[at] >= '0' && text[at] <= '9')))
            at++;
        out = std::string(text.substr(start, at - start));
        return at > start;
    }
    bool integer(int64_t& out)
    {
        bool negative = take("-");
        size_t start = at;
        uint64_t magnitude = 0;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            uint64_t digit = uint64_t(text[at] - '0');
            if (magnitude > (uint64_t(INT64_MAX) - digit) / 10)
                return false;
            magnitude = magnitude * 10 + digit;
            at++;
        }
        out = negative ? -int64_t(magnitude) : int64_t(magnitude);
        return at > start;
    }
};

struct SliderLine {
    ProgramSlider slider;
    size_t value_begin = 0;  // the value's characters within the line
    size_t value_end = 0;
};

bool parse_slider_line(std::string_view line, SliderLine& out)
{
    LineReader r{line};
    if (!r.identifier(out.slider.name))
        return false;
    r.skip_spaces();
    if (!r.take("="))
        return false;
    r.skip_spaces();
    out.value_begin = r.at;
    if (!r.integer(out.slider.value))
        return false;
    out.value_end = r.at;
    r.skip_spaces();
    if (!r.take("#"))
        return false;
    r.skip_spaces();
    if (!r.take("slider:"))
        return false;
    r.skip_spaces();
    if (!r.integer(out.slider.min) || !r.take("..") || !r.integer(out.slider.max))
        return false;
    r.skip_spaces();
    const ProgramSlider& s = out.slider;
    return r.at == line.size() && s.min <= s.max && s.value >= s.min && s.value <= s.max;
}

// Calls visit(line, offset of the line, 1-based number) for each line, without its '\n' or '\r'.
template <typename Visit>
void for_each_line(std::string_view source, Visit visit)
{
    size_t start = 0;
    for (int number = 1; start < source.size(); number++) {
        size_t end = source.find('\n', start);
        if (end == std::string_view::npos)
            end = source.size();
        std::string_view line = source.substr(start, end - start);
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        visit(line, start, number);
        start = end + 1;
    }
}

} // namespace

std::vector<ProgramSlider> find_sliders(std::string_view source)
{
    std::vector<ProgramSlider> sliders;
    for_each_line(source, [&](std::string_view line, size_t, int number) {
        SliderLine parsed;
        if (parse_slider_line(line, parsed)) {
            parsed.slider.line = number;
            sliders.push_back(std::move(parsed.slider));
        }
    });
    return sliders;
}

std::string apply_sliders(std::string_view source, const std::map<std::string, int64_t>& values)
{
    std::string out;
    size_t copied = 0;
    for_each_line(source, [&](std::string_view line, size_t offset, int) {
        SliderLine parsed;
        if (!parse_slider_line(line, parsed))
            return;
        auto it = values.find(parsed.slider.name);
        if (it == values.end())
            return;
        out.append(source.substr(copied, offset + parsed.value_begin - copied));
        out += std::to_string(it->second);
        copied = offset + parsed.value_end;
    });
    out.append(source.substr(copied));
    return out;
}

} // namespace config
