// The str and bytes methods' substring search (python/text_search.h) finds what
// std::string_view's own find and rfind find, for needles short and long.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "python/text_search.h"

using python::find_text;
using python::rfind_text;

TEST_CASE("find_text and rfind_text agree with string_view on texts of two letters, from every position") {
    std::mt19937 random(7);
    for (int round = 0; round < 300; round++) {
        std::string text, needle;
        size_t text_size = random() % 200, needle_size = 28 + random() % 12;  // both sides of the plain-search cut
        for (size_t i = 0; i < text_size; i++)
            text += "ab"[random() % 2 == 0 || i % 7 == 0];
        for (size_t i = 0; i < needle_size; i++)
            needle += "ab"[random() % 5 == 0];
        // Plant the needle at times, so that there is something to find.
        if (round % 2 == 0 && text.size() > needle.size())
            text.replace(random() % (text.size() - needle.size()), needle.size(), needle);
        std::string_view view(text);
        CAPTURE(text);
        CAPTURE(needle);
        for (size_t from = 0; from <= text.size() + 1; from += 1 + random() % 5) {
            CHECK(find_text(text, needle, from) == view.find(needle, from));
            CHECK(rfind_text(text, needle, from) == view.rfind(needle, from));
        }
        CHECK(rfind_text(text, needle) == view.rfind(needle));
    }
}

TEST_CASE("a long needle that almost matches everywhere is found, or not, in one pass") {
    std::string text(10'000'000, 'a');
    std::string needle = std::string(100'000, 'a') + "b";
    CHECK(find_text(text, needle) == std::string_view::npos);
    CHECK(rfind_text(text, needle) == std::string_view::npos);
    text[5'000'000] = 'b';
    CHECK(find_text(text, needle) == 5'000'000 - 100'000);
    std::string reversed_needle = "b" + std::string(100'000, 'a');
    CHECK(rfind_text(text, reversed_needle) == 5'000'000);
}
