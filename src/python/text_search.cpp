#include "python/text_search.h"
#include <algorithm>
#include <vector>

namespace python {
namespace {

constexpr size_t kPlainSearchNeedle = 32;  // shorter needles: string_view's own search

// Knuth-Morris-Pratt over text(0..n) and needle(0..m), as functions of the index, so that the
// same code searches forwards and (through reversed indices) backwards: the first i >= from
// where the needle starts, or npos.
template <class Text, class Needle>
size_t kmp_search(size_t n, size_t m, Text text, Needle needle, size_t from)
{
    // border[j]: the length of the longest proper prefix of needle(0..j] that is also its suffix.
    std::vector<size_t> border(m, 0);
    for (size_t j = 1, k = 0; j < m; j++) {
        while (k > 0 && needle(j) != needle(k))
            k = border[k - 1];
        if (needle(j) == needle(k))
            k++;
        border[j] = k;
    }
    for (size_t i = from, k = 0; i < n; i++) {
        while (k > 0 && text(i) != needle(k))
            k = border[k - 1];
        if (text(i) == needle(k))
            k++;
        if (k == m)
            return i + 1 - m;
    }
    return std::string_view::npos;
}

} // namespace

size_t find_text(std::string_view text, std::string_view needle, size_t from)
{
    if (needle.size() < kPlainSearchNeedle || from > text.size() || text.size() - from < needle.size())
        return text.find(needle, from);
    return kmp_search(
        text.size(), needle.size(), [&](size_t i) { return text[i]; }, [&](size_t j) { return needle[j]; }, from);
}

size_t rfind_text(std::string_view text, std::string_view needle, size_t last_start)
{
    if (needle.size() < kPlainSearchNeedle || text.size() < needle.size())
        return text.rfind(needle, last_start);
    // Search text[0, end) backwards: reversed index r is text[end - 1 - r].
    const size_t m = needle.size();
    const size_t end = last_start >= text.size() - m ? text.size() : last_start + m;
    size_t r = kmp_search(
        end, m, [&](size_t i) { return text[end - 1 - i]; }, [&](size_t j) { return needle[m - 1 - j]; }, 0);
    return r == std::string_view::npos ? r : end - (r + m);
}

} // namespace python
