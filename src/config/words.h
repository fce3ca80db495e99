// A sentence with named parts ("{field}={value}: must be on or off"): the lab's own messages are
// phrases in a table per language, and the parts (a key, a value, a thread's name) are put in
// after the phrase is chosen, so each language orders them as it needs.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

namespace config {

struct WordPart {
    std::string_view name;  // "{value}"
    std::string_view text;
};

// `phrase` with each part's name replaced by its text.
inline std::string fill_words(std::string_view phrase, std::initializer_list<WordPart> parts)
{
    std::string out;
    size_t i = 0;
    while (i < phrase.size()) {
        const WordPart* part = nullptr;
        for (const WordPart& p : parts)
            if (phrase.substr(i).starts_with(p.name))
                part = &p;
        if (part) {
            out += part->text;
            i += part->name.size();
        } else
            out.push_back(phrase[i++]);
    }
    return out;
}

} // namespace config
