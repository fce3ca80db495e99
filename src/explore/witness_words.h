// The witness's story as parts, and its sentences: a preemption ("Thread-2 (increment) was
// preempted after LOAD_ATTR value, line 17, and Thread-1 (increment) ran") and the conflict that
// makes it matter ("... read `value` (...) before ... wrote it (...)"). The explorer records the
// parts; a sentence is worded from a phrase table, the English one here (what the CLI prints, and
// the page's string table's English column) or the page's in its language.
//
// Plain data and the wording only, no engine: the page's windows include it (tests/layers allows
// this header to ui/ as it allows config's inflater to python/).
#pragma once
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include "config/words.h"

namespace explore {

using config::fill_words;

// Where a thread stands: an instruction of its code, or a place that has none.
struct InstructionPlace {
    enum class Kind : uint8_t { Instruction, FirstInstruction, RuntimeCall };
    Kind kind = Kind::FirstInstruction;
    std::string op;    // "LOAD_ATTR value": the opcode as dis spells it, and its name argument
    int line = 0;      // 0: the code has no position for it
    std::string file;  // empty: the program's own file
};

// One side of a conflict, in words' parts.
struct AccessParts {
    std::string thread;  // "Thread-1 (increment)"
    bool write = false;
    InstructionPlace at;
};

struct PreemptionParts {
    std::string preempted, ran;  // the threads' names
    InstructionPlace after;      // the last instruction the preempted thread executed
    bool has_conflict = false;
    AccessParts first, second;   // see PreemptionNote
    std::string object;          // the global, attribute or name both touched; empty: unnamed
    bool lock = false;           // the unnamed object is a lock
};

// The phrases, in this order in every language's table; {name} marks where a part goes.
enum class WitnessPhrase : uint8_t {
    Instruction, AtLine, InFile, FirstInstruction, RuntimeCall, Preempted, ReadBeforeWrote,
    WroteBeforeRead, WroteBeforeWrote, NamedObject, SameObject, SameLock,
    Count,
};

inline constexpr const char* kWitnessEnglish[] = {
    "{op}",
    ", line {line}",
    ", in {file}",
    "its first instruction",
    "a call into the runtime",
    "{preempted} was preempted after {instruction}, and {ran} ran",
    "{first} read {object} ({first_at}) before {second} wrote it ({second_at})",
    "{first} wrote {object} ({first_at}) before {second} read it ({second_at})",
    "{first} wrote {object} ({first_at}) before {second} wrote it ({second_at})",
    "`{name}`",
    "the same object",
    "the same lock",
};
static_assert(std::size(kWitnessEnglish) == size_t(WitnessPhrase::Count), "English for every phrase");

using WitnessPhrases = std::span<const char* const>;  // WitnessPhrase::Count phrases, in order

inline const char* phrase(WitnessPhrases phrases, WitnessPhrase which) { return phrases[size_t(which)]; }

inline std::string word_instruction(const InstructionPlace& at, WitnessPhrases phrases)
{
    if (at.kind == InstructionPlace::Kind::FirstInstruction)
        return phrase(phrases, WitnessPhrase::FirstInstruction);
    if (at.kind == InstructionPlace::Kind::RuntimeCall)
        return phrase(phrases, WitnessPhrase::RuntimeCall);
    std::string text = fill_words(phrase(phrases, WitnessPhrase::Instruction), {{"{op}", at.op}});
    if (at.line > 0)
        text += fill_words(phrase(phrases, WitnessPhrase::AtLine), {{"{line}", std::to_string(at.line)}});
    if (!at.file.empty())
        text += fill_words(phrase(phrases, WitnessPhrase::InFile), {{"{file}", at.file}});
    return text;
}

inline std::string word_preemption(const PreemptionParts& p, WitnessPhrases phrases)
{
    return fill_words(phrase(phrases, WitnessPhrase::Preempted),
                      {{"{preempted}", p.preempted}, {"{instruction}", word_instruction(p.after, phrases)}, {"{ran}", p.ran}});
}

// "" when no conflict was seen.
inline std::string word_conflict(const PreemptionParts& p, WitnessPhrases phrases)
{
    if (!p.has_conflict)
        return {};
    const std::string object =
        !p.object.empty() ? fill_words(phrase(phrases, WitnessPhrase::NamedObject), {{"{name}", p.object}})
                          : phrase(phrases, p.lock ? WitnessPhrase::SameLock : WitnessPhrase::SameObject);
    // A read conflicts only with a write: the first and second can't both be reads.
    const WitnessPhrase sentence = !p.first.write ? WitnessPhrase::ReadBeforeWrote
                                   : p.second.write ? WitnessPhrase::WroteBeforeWrote
                                                    : WitnessPhrase::WroteBeforeRead;
    return fill_words(phrase(phrases, sentence),
                      {{"{first}", p.first.thread}, {"{object}", object}, {"{first_at}", word_instruction(p.first.at, phrases)},
                       {"{second}", p.second.thread}, {"{second_at}", word_instruction(p.second.at, phrases)}});
}

} // namespace explore
