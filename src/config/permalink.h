// The permalink: a LabConfig as the fragment of the lab's URL, readable for the usual settings,
//   #v=1&lesson=race&cpus=4&gil=off&seed=42&workers=8&t=1250ms&sel=3&lang=zh
// and carrying an edited program compactly as src= (raw DEFLATE, then base64url).
//
// Encoding writes v=1 first, then only the fields that differ from LabConfig's defaults, in one
// fixed order (kFieldOrder in permalink.cpp); a program slider is written as its name in lower
// case. The values use the CLI's spellings (durations "5ms", latencies "uniform:1ms..9ms").
//
// Decoding is strict and total, since links get cut by chat apps, edited by hand and made by newer
// versions: every field is checked (form, range, known names); each wrong part becomes a Problem
// that names it, and is left at its default while the rest of the link still opens. It never reads
// out of bounds, runs in time linear in the input, and the program it yields is only text.
#pragma once
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>
#include "config/config.h"

namespace config {

inline constexpr int kPermalinkVersion = 1;
// Longer input is refused whole: a program at its cap compresses far below this.
inline constexpr size_t kMaxLinkChars = 256 * 1024;

// What is wrong with one part of a link, as a code and its parts, so that the page can word it in
// its own language; `message` is the English wording (problem_words_english), which the CLI prints.
enum class ProblemCode : uint8_t {
    NotAPair, GivenTwice, VersionMissing, NewerVersion, UnknownVersion, NotWholeNumber, NotDuration,
    OutOfRange, NotOnOff, NotPolicy, NotLatency, LatencyOutOfRange, NotMemorySize, NotSchedule,
    TooManyChoices, NotTimeRange, NotLanguage, NoSuchLesson, BlobNotBase64, ProgramTooLarge, BlobBroken,
    ProgramEmpty, ProgramNotUtf8, OutsideRun, UnknownKey, NoFragment, LinkTooLong,
    Count,
};

struct Problem {
    std::string field;    // "cpus", "src", a slider's key, or "link" for the whole input
    ProblemCode code = ProblemCode::NotAPair;
    std::string value;    // the part as given, made printable and cut short: "99"
    std::string detail;   // the code's figure: a range "1..64", the lessons' names, a count
    std::string limit;    // its second figure, where it has one: "more than 256"
    std::string message;  // "cpus=99: must be a whole number 1..64"
};

// Each code's English words, with {field}, {value}, {detail} and {limit} where the problem's parts
// go (the page's string table takes its English column from here).
inline constexpr const char* kProblemWordsEnglish[] = {
    "'{value}': not a key=value pair",
    "{field}={value}: {field} is given twice; the first ({detail}) is used",
    "v: missing (read as version {detail})",
    "{field}={value}: made by a newer version of Threadlab; only the settings this version knows are read",
    "{field}={value}: unknown version (read as version {detail})",
    "{field}={value}: must be a whole number {detail}",
    "{field}={value}: must be a duration such as 250us, 5ms or 1.5s",
    "{field}={value}: must be {detail}",
    "{field}={value}: must be on or off",
    "{field}={value}: must be rr, fifo, priority or mlfq",
    "{field}={value}: must be a latency such as 2ms, uniform:1ms..9ms or exp:2ms",
    "{field}={value}: its durations must be {detail}",
    "{field}={value}: must be a size such as 64MiB, 512KiB or 1GiB",
    "{field}={value}: must be a schedule such as 412:2,530:1 ({detail})",
    "{field}={value}: has {detail} choices, more than {limit}",
    "{field}={value}: must be a time range such as 1ms..2.5ms (start before end)",
    "{field}={value}: must be en or zh",
    "{field}={value}: no such lesson (there are: {detail})",
    "{field}={value}: the program blob is not base64url (the link may be cut short or changed)",
    "{field}={value}: the program is larger than {detail} KiB",
    "{field}={value}: {detail} (the link may be cut short or changed)",
    "{field}={value}: the program is empty",
    "{field}={value}: the program is not UTF-8 text",
    "{field}={value}: must be within the run (max-time {detail})",
    "{field}={value}: no such setting, and the program has no slider of that name",
    "the link has no '#' part: the default lab opens",
    "the link is {detail} characters long, more than {limit}: the default lab opens",
};
static_assert(std::size(kProblemWordsEnglish) == size_t(ProblemCode::Count), "English words for every code");

constexpr const char* problem_words_english(ProblemCode code) { return kProblemWordsEnglish[size_t(code)]; }
// `words` (a code's wording in some language) with the problem's parts put in.
std::string word_problem(std::string_view words, const Problem& problem);

struct DecodeResult {
    LabConfig config;
    std::vector<Problem> problems;
    bool usable = true;  // false: nothing in the input could be used (the default lab opens)
};

std::string encode_fragment(const LabConfig& config);
// A whole URL, or its fragment with or without the '#'.
DecodeResult decode_fragment(std::string_view link);

} // namespace config
