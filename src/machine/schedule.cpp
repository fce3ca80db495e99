#include "machine/schedule.h"

#include <algorithm>
#include <charconv>

namespace machine {

std::string format_schedule(const Schedule& schedule) {
    std::string out;
    for (const ScheduleChoice& choice : schedule.choices) {
        if (!out.empty())
            out += ',';
        out += std::to_string(choice.step) + ":" + std::to_string(choice.thread);
    }
    return out;
}

std::optional<Schedule> parse_schedule(std::string_view text, std::string& error) {
    Schedule schedule;
    const auto number = [](std::string_view part, int64_t& out) {
        const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), out);
        return !part.empty() && ec == std::errc() && end == part.data() + part.size() && out >= 0;
    };
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = std::min(text.find(',', start), text.size());
        const std::string_view part = text.substr(start, end - start);
        const size_t colon = part.find(':');
        int64_t step = 0, thread = 0;
        if (colon == std::string_view::npos || !number(part.substr(0, colon), step) ||
            !number(part.substr(colon + 1), thread) || thread > INT32_MAX) {
            error = "'" + std::string(part) + "' is not STEP:THREAD (two whole numbers, such as 412:2)";
            return std::nullopt;
        }
        if (!schedule.choices.empty() && step <= schedule.choices.back().step) {
            error = "step " + std::to_string(step) + " comes after step " +
                    std::to_string(schedule.choices.back().step) + ": steps must ascend";
            return std::nullopt;
        }
        schedule.choices.push_back({step, static_cast<ThreadId>(thread)});
        start = end + 1;
        if (end + 1 == text.size()) {
            error = "the schedule ends with a comma";
            return std::nullopt;
        }
    }
    return schedule;
}

ThreadId ScheduleReplay::choose(const ChoicePoint& point) {
    const auto& choices = schedule_.choices;
    while (next_ < choices.size() && choices[next_].step < point.step)
        ++next_;  // a step that was no choice point of this run: missed
    if (next_ == choices.size() || choices[next_].step != point.step)
        return point.current;
    const ThreadId wanted = choices[next_++].thread;
    if (wanted == point.current || std::find(point.others.begin(), point.others.end(), wanted) != point.others.end()) {
        ++made_;
        return wanted;
    }
    return point.current;
}

size_t ScheduleReplay::missed() const {
    return schedule_.choices.size() - made_;
}

} // namespace machine
