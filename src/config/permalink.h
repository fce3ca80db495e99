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
#include <string>
#include <string_view>
#include <vector>
#include "config/config.h"

namespace config {

inline constexpr int kPermalinkVersion = 1;
// Longer input is refused whole: a program at its cap compresses far below this.
inline constexpr size_t kMaxLinkChars = 256 * 1024;

struct Problem {
    std::string field;    // "cpus", "src", a slider's key, or "link" for the whole input
    std::string message;  // "cpus=99: must be 1..64"
};

struct DecodeResult {
    LabConfig config;
    std::vector<Problem> problems;
    bool usable = true;  // false: nothing in the input could be used (the default lab opens)
};

std::string encode_fragment(const LabConfig& config);
// A whole URL, or its fragment with or without the '#'.
DecodeResult decode_fragment(std::string_view link);

} // namespace config
