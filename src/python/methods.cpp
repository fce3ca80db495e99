// Methods of the built-in types: str, list, dict, tuple, int, float, generator and coroutine.
// Each native receives self as args[0]. Sections:
//   1. str
//   2. list
//   3. dict
//   4. set and frozenset
//   5. tuple, int, float
//   6. generators and coroutines: send, throw, close
//   7. install_methods
#include "python/text_search.h"
#include "python/builtins.h"
#include "python/bigint.h"
#include "python/native.h"
#include "lang/utf8.h"
#include <algorithm>
#include <cmath>

namespace python {

namespace {

StrObject* self_str(CallArgs args) { return static_cast<StrObject*>(args[0].object); }
ListObject* self_list(CallArgs args) { return static_cast<ListObject*>(args[0].object); }
DictObject* self_dict(CallArgs args) { return static_cast<DictObject*>(args[0].object); }

// ---------------------------------------------------------------------------------------------
// 1. str
// ---------------------------------------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Code point index of a byte offset (str.find reports code points).
int64_t code_point_index(const StrObject* s, size_t byte)
{
    if (s->ascii)
        return (int64_t)byte;
    int64_t n = 0;
    for (size_t i = 0; i < byte && i < s->text.size(); i++)
        if (!lang::is_utf8_continuation(s->text[i]))
            n++;
    return n;
}

size_t byte_of_code_point(const StrObject* s, int64_t index)
{
    if (s->ascii)
        return (size_t)index;
    size_t at = 0;
    for (int64_t i = 0; i < index && at < s->text.size(); i++)
        lang::decode_utf8(s->text, at);
    return at;
}

// Clamps optional start/end arguments (code points, negatives from the end) to byte offsets.
bool byte_range(Interpreter& vm, const StrObject* s, CallArgs args, uint32_t first, size_t& begin, size_t& end)
{
    int64_t start = 0, stop = s->length;
    if (args.count > first && !args[first].is_none() && !int_argument(vm, args[first], start))
        return false;
    if (args.count > first + 1 && !args[first + 1].is_none() && !int_argument(vm, args[first + 1], stop))
        return false;
    auto clamp = [&](int64_t i) {
        if (i < 0)
            i += s->length;
        return std::clamp<int64_t>(i, 0, s->length);
    };
    start = clamp(start);
    stop = clamp(stop);
    begin = byte_of_code_point(s, start);
    end = std::max(begin, byte_of_code_point(s, stop));
    return true;
}

NativeResult str_find_impl(Interpreter& vm, CallArgs args, const char* name, bool reverse, bool raise_if_missing)
{
    if (!check_arity(vm, name, args, 2, 4))
        return NativeResult::raised();
    const StrObject* s = self_str(args);
    const StrObject* needle;
    if (!str_argument(vm, args[1], "must be str", needle)) {
        vm.pending = Value::empty();
        return vm.raise(vm.types.type_error, "must be str, not " + vm.type_name(args[1]));
    }
    size_t begin, end;
    if (!byte_range(vm, s, args, 2, begin, end))
        return NativeResult::raised();
    std::string_view window = std::string_view(s->text).substr(begin, end - begin);
    size_t found = reverse ? rfind_text(window, needle->text) : find_text(window, needle->text);
    if (found == std::string_view::npos) {
        if (raise_if_missing)
            return vm.raise(vm.types.value_error, "substring not found");
        return NativeResult::of(Value::from_int(-1));
    }
    return NativeResult::of(Value::from_int(code_point_index(s, begin + found)));
}

NativeResult str_find(Interpreter& vm, Thread&, Value, CallArgs args) { return str_find_impl(vm, args, "find", false, false); }
NativeResult str_rfind(Interpreter& vm, Thread&, Value, CallArgs args) { return str_find_impl(vm, args, "rfind", true, false); }
NativeResult str_index(Interpreter& vm, Thread&, Value, CallArgs args) { return str_find_impl(vm, args, "index", false, true); }
NativeResult str_rindex(Interpreter& vm, Thread&, Value, CallArgs args) { return str_find_impl(vm, args, "rindex", true, true); }

NativeResult str_count(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "count", args, 2, 4))
        return NativeResult::raised();
    const StrObject* s = self_str(args);
    const StrObject* needle;
    if (!str_argument(vm, args[1], "must be str", needle))
        return NativeResult::raised();
    size_t begin, end;
    if (!byte_range(vm, s, args, 2, begin, end))
        return NativeResult::raised();
    std::string_view window = std::string_view(s->text).substr(begin, end - begin);
    if (needle->text.empty())
        return NativeResult::of(Value::from_int(code_point_index(s, end) - code_point_index(s, begin) + 1));
    int64_t n = 0;
    for (size_t at = find_text(window, needle->text); at != std::string_view::npos; at = find_text(window, needle->text, at + needle->text.size()))
        n++;
    return NativeResult::of(Value::from_int(n));
}

NativeResult str_join(Interpreter& vm, Thread&, Value, CallArgs args)
{
    NativeResult retried;
    if (retry_with_lists(vm, *vm.types.str->attrs.find("join"), args, 2, retried))
        return retried;
    if (!check_arity(vm, "join", args, 2, 2))
        return NativeResult::raised();
    std::vector<Value> items;
    if (!vm.collect(args[1], items)) {
        vm.pending = Value::empty();
        return vm.raise(vm.types.type_error, "can only join an iterable");
    }
    const std::string& separator = self_str(args)->text;
    // The result's size first: one that cannot fit fails before it is made.
    uint64_t total = items.empty() ? 0 : (uint64_t)separator.size() * (items.size() - 1);
    for (size_t i = 0; i < items.size(); i++) {
        auto* item = as<StrObject>(items[i]);
        if (!item)
            return vm.raise(vm.types.type_error, "sequence item " + std::to_string(i) + ": expected str instance, " + vm.type_name(items[i]) + " found");
        total += item->text.size();
    }
    if (!vm.reserve(total))
        return NativeResult::raised();
    std::string out;
    out.reserve((size_t)total);
    for (size_t i = 0; i < items.size(); i++) {
        if (i)
            out += separator;
        out += as<StrObject>(items[i])->text;
    }
    return NativeResult::of(vm.new_str(out));
}

// split/rsplit: by a separator, or (sep=None) by runs of whitespace.
NativeResult split_impl(Interpreter& vm, CallArgs args, bool from_right)
{
    const char* name = from_right ? "rsplit" : "split";
    if (!check_keywords(vm, name, args, {"sep", "maxsplit"}))
        return NativeResult::raised();
    uint32_t positional = args.positional_count();
    if (positional > 3)
        return vm.raise(vm.types.type_error, std::string(name) + "() takes at most 2 arguments (" + std::to_string(positional - 1) + " given)");
    Value sep = positional > 1 ? args[1] : args.keyword("sep");
    Value maxsplit_value = positional > 2 ? args[2] : args.keyword("maxsplit");
    int64_t maxsplit = -1;
    if (!maxsplit_value.is_empty() && !int_argument(vm, maxsplit_value, maxsplit))
        return NativeResult::raised();
    const std::string& text = self_str(args)->text;
    std::vector<std::string> parts;
    if (sep.is_empty() || sep.is_none()) {
        std::vector<std::pair<size_t, size_t>> words;
        for (size_t i = 0; i < text.size();) {
            while (i < text.size() && is_space(text[i]))
                i++;
            if (i >= text.size())
                break;
            size_t start = i;
            while (i < text.size() && !is_space(text[i]))
                i++;
            words.push_back({start, i});
        }
        if (maxsplit < 0 || (size_t)maxsplit >= words.size()) {
            for (auto [a, b] : words)
                parts.push_back(text.substr(a, b - a));
        } else if (!from_right) {
            for (int64_t k = 0; k < maxsplit; k++)
                parts.push_back(text.substr(words[(size_t)k].first, words[(size_t)k].second - words[(size_t)k].first));
            std::string rest = text.substr(words[(size_t)maxsplit].first);
            size_t last = rest.find_last_not_of(" \t\n\r\f\v");
            parts.push_back(rest.substr(0, last + 1));
        } else {
            size_t keep = words.size() - (size_t)maxsplit;
            std::string rest = text.substr(0, words[keep - 1].second);
            size_t first = rest.find_first_not_of(" \t\n\r\f\v");
            parts.push_back(rest.substr(first));
            for (size_t k = keep; k < words.size(); k++)
                parts.push_back(text.substr(words[k].first, words[k].second - words[k].first));
        }
    } else {
        const StrObject* separator;
        if (!str_argument(vm, sep, "must be str or None", separator))
            return NativeResult::raised();
        const std::string& s = separator->text;
        if (s.empty())
            return vm.raise(vm.types.value_error, "empty separator");
        if (!from_right) {
            size_t start = 0;
            for (int64_t splits = 0; maxsplit < 0 || splits < maxsplit; splits++) {
                size_t at = find_text(text, s, start);
                if (at == std::string::npos)
                    break;
                parts.push_back(text.substr(start, at - start));
                start = at + s.size();
            }
            parts.push_back(text.substr(start));
        } else {
            size_t end = text.size();
            for (int64_t splits = 0; maxsplit < 0 || splits < maxsplit; splits++) {
                if (end < s.size())
                    break;
                size_t at = rfind_text(text, s, end - s.size());
                if (at == std::string::npos)
                    break;
                parts.push_back(text.substr(at + s.size(), end - at - s.size()));  // from the right
                end = at;
            }
            parts.push_back(text.substr(0, end));
            std::reverse(parts.begin(), parts.end());  // not inserted in front: that is quadratic
        }
    }
    std::vector<Value> values;
    for (const std::string& part : parts)
        values.push_back(vm.new_str(part));
    return NativeResult::of(vm.new_list(std::move(values)));
}

NativeResult str_split(Interpreter& vm, Thread&, Value, CallArgs args) { return split_impl(vm, args, false); }
NativeResult str_rsplit(Interpreter& vm, Thread&, Value, CallArgs args) { return split_impl(vm, args, true); }

NativeResult str_splitlines(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_keywords(vm, "splitlines", args, {"keepends"}))
        return NativeResult::raised();
    Value keep = args.positional_count() > 1 ? args[1] : args.keyword("keepends");
    bool keepends = !keep.is_empty() && vm.truthy(keep);
    const std::string& text = self_str(args)->text;
    std::vector<Value> lines;
    size_t start = 0;
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] != '\n' && text[i] != '\r')
            continue;
        size_t end = i;
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            i++;
        lines.push_back(vm.new_str(text.substr(start, (keepends ? i + 1 : end) - start)));
        start = i + 1;
    }
    if (start < text.size())
        lines.push_back(vm.new_str(text.substr(start)));
    return NativeResult::of(vm.new_list(std::move(lines)));
}

// strip/lstrip/rstrip: `which` 1 = left, 2 = right, 3 = both.
NativeResult strip_impl(Interpreter& vm, CallArgs args, const char* name, int which)
{
    if (!check_arity(vm, name, args, 1, 2))
        return NativeResult::raised();
    const std::string& text = self_str(args)->text;
    std::vector<uint32_t> chars;
    bool whitespace = args.count < 2 || args[1].is_none();
    if (!whitespace) {
        const StrObject* set;
        if (!str_argument(vm, args[1], (std::string(name) + " arg").c_str(), set)) {
            vm.pending = Value::empty();
            return vm.raise(vm.types.type_error, std::string(name) + " arg must be None or str");
        }
        for (size_t at = 0; at < set->text.size();)
            chars.push_back(lang::decode_utf8(set->text, at));
    }
    auto strippable = [&](uint32_t cp) {
        if (whitespace)
            return cp < 0x80 && is_space((char)cp);
        return std::find(chars.begin(), chars.end(), cp) != chars.end();
    };
    std::vector<std::pair<size_t, uint32_t>> cps;  // byte offset, code point
    for (size_t at = 0; at < text.size();) {
        size_t start = at;
        cps.push_back({start, lang::decode_utf8(text, at)});
    }
    size_t first = 0, last = cps.size();
    if (which & 1)
        while (first < last && strippable(cps[first].second))
            first++;
    if (which & 2)
        while (last > first && strippable(cps[last - 1].second))
            last--;
    size_t begin = first < cps.size() ? cps[first].first : text.size();
    size_t end = last < cps.size() ? cps[last].first : text.size();
    return NativeResult::of(vm.new_str(text.substr(begin, end - begin)));
}

NativeResult str_strip(Interpreter& vm, Thread&, Value, CallArgs args) { return strip_impl(vm, args, "strip", 3); }
NativeResult str_lstrip(Interpreter& vm, Thread&, Value, CallArgs args) { return strip_impl(vm, args, "lstrip", 1); }
NativeResult str_rstrip(Interpreter& vm, Thread&, Value, CallArgs args) { return strip_impl(vm, args, "rstrip", 2); }

// Case mapping for the alphabets a lesson may print: Latin (with Latin-1 and Latin Extended-A
// accents), Greek and Cyrillic. Other scripts have no case.
uint32_t upper_of(uint32_t cp)
{
    if (cp < 0x80) return (uint32_t)toupper((int)cp);
    if ((cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)) return cp - 0x20;
    if (cp == 0xFF) return 0x178;
    if (cp >= 0x100 && cp <= 0x17F) {
        bool odd_is_lower = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (cp == 0x131) return 'I';
        if (cp == 0x130 || cp == 0x138 || cp == 0x149 || cp == 0x178) return cp;
        return odd_is_lower ? ((cp & 1) == 0 ? cp - 1 : cp) : ((cp & 1) ? cp - 1 : cp);
    }
    if (cp >= 0x3B1 && cp <= 0x3C9) return cp == 0x3C2 ? 0x3A3 : cp - 0x20;
    if (cp >= 0x430 && cp <= 0x44F) return cp - 0x20;
    if (cp >= 0x450 && cp <= 0x45F) return cp - 0x50;
    return cp;
}

uint32_t lower_of(uint32_t cp)
{
    if (cp < 0x80) return (uint32_t)tolower((int)cp);
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 0x20;
    if (cp == 0x178) return 0xFF;
    if (cp >= 0x100 && cp <= 0x17F) {
        bool odd_is_lower = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (cp == 0x130) return 'i';
        if (cp == 0x131 || cp == 0x138 || cp == 0x149) return cp;
        return odd_is_lower ? ((cp & 1) ? cp + 1 : cp) : ((cp & 1) == 0 ? cp + 1 : cp);
    }
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
    return cp;
}

bool is_lower_cp(uint32_t cp) { return upper_of(cp) != cp || cp == 0xDF; }
bool is_upper_cp(uint32_t cp) { return lower_of(cp) != cp; }

// Appends the case-mapped code point (German sharp s upper-cases to "SS", as in Python).
void append_mapped(std::string& out, uint32_t cp, bool upper)
{
    if (upper && cp == 0xDF) {
        out += "SS";
        return;
    }
    lang::append_utf8(out, upper ? upper_of(cp) : lower_of(cp));
}

// Maps each character: mode 'u' upper, 'l' lower, 's' swap case, 'c' capitalize, 't' title.
NativeResult map_case(Interpreter& vm, CallArgs args, const char* name, char mode)
{
    if (!check_arity(vm, name, args, 1, 1))
        return NativeResult::raised();
    const std::string& text = self_str(args)->text;
    std::string out;
    bool previous_cased = false;
    bool first = true;
    for (size_t at = 0; at < text.size();) {
        uint32_t cp = lang::decode_utf8(text, at);
        bool cased = is_lower_cp(cp) || is_upper_cp(cp);
        bool upper;
        switch (mode) {
        case 'u': upper = true; break;
        case 'l': upper = false; break;
        case 's': upper = is_lower_cp(cp); break;
        case 'c': upper = first; break;
        default: upper = !previous_cased; break;
        }
        append_mapped(out, cp, upper);
        previous_cased = cased;
        first = false;
    }
    return NativeResult::of(vm.new_str(out));
}

NativeResult str_upper(Interpreter& vm, Thread&, Value, CallArgs args) { return map_case(vm, args, "upper", 'u'); }
NativeResult str_lower(Interpreter& vm, Thread&, Value, CallArgs args) { return map_case(vm, args, "lower", 'l'); }
NativeResult str_swapcase(Interpreter& vm, Thread&, Value, CallArgs args) { return map_case(vm, args, "swapcase", 's'); }
NativeResult str_capitalize(Interpreter& vm, Thread&, Value, CallArgs args) { return map_case(vm, args, "capitalize", 'c'); }
NativeResult str_title(Interpreter& vm, Thread&, Value, CallArgs args) { return map_case(vm, args, "title", 't'); }

NativeResult affix_impl(Interpreter& vm, CallArgs args, const char* name, bool at_start)
{
    if (!check_arity(vm, name, args, 2, 4))
        return NativeResult::raised();
    const StrObject* s = self_str(args);
    std::vector<Value> candidates;
    if (auto* tuple = as<TupleObject>(args[1]))
        candidates = tuple->items;
    else
        candidates.push_back(args[1]);
    size_t begin, end;
    if (!byte_range(vm, s, args, 2, begin, end))
        return NativeResult::raised();
    std::string_view window = std::string_view(s->text).substr(begin, end - begin);
    for (Value candidate : candidates) {
        auto* affix = as<StrObject>(candidate);
        if (!affix)
            return vm.raise(vm.types.type_error, std::string(name) + " first arg must be str or a tuple of str, not " + vm.type_name(candidate));
        if (window.size() >= affix->text.size() &&
            (at_start ? window.substr(0, affix->text.size()) : window.substr(window.size() - affix->text.size())) == affix->text)
            return NativeResult::of(Value::from_bool(true));
    }
    return NativeResult::of(Value::from_bool(false));
}

NativeResult str_startswith(Interpreter& vm, Thread&, Value, CallArgs args) { return affix_impl(vm, args, "startswith", true); }
NativeResult str_endswith(Interpreter& vm, Thread&, Value, CallArgs args) { return affix_impl(vm, args, "endswith", false); }

NativeResult str_replace(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "replace", args, 3, 4))
        return NativeResult::raised();
    const StrObject *old_text, *new_text;
    if (!str_argument(vm, args[1], "replace() argument 1", old_text) || !str_argument(vm, args[2], "replace() argument 2", new_text))
        return NativeResult::raised();
    int64_t count = -1;
    if (args.count == 4 && !int_argument(vm, args[3], count))
        return NativeResult::raised();
    const std::string& text = self_str(args)->text;
    std::string out;
    if (old_text->text.empty()) {
        // Inserts between every code point, as Python does.
        int64_t done = 0;
        size_t at = 0;
        while (at < text.size()) {
            if (count < 0 || done < count) {
                out += new_text->text;
                done++;
            }
            size_t start = at;
            lang::decode_utf8(text, at);
            out += text.substr(start, at - start);
            if (!vm.reserve(out.size()))  // the result grows inside one instruction
                return NativeResult::raised();
        }
        if (count < 0 || done < count)
            out += new_text->text;
        return NativeResult::of(vm.new_str(out));
    }
    size_t start = 0;
    for (int64_t done = 0; count < 0 || done < count; done++) {
        size_t at = find_text(text, old_text->text, start);
        if (at == std::string::npos)
            break;
        out += text.substr(start, at - start) + new_text->text;
        start = at + old_text->text.size();
        if (!vm.reserve(out.size()))
            return NativeResult::raised();
    }
    out += text.substr(start);
    return NativeResult::of(vm.new_str(out));
}

template <bool (*Test)(uint32_t)>
NativeResult test_chars(Interpreter& vm, CallArgs args, const char* name)
{
    if (!check_arity(vm, name, args, 1, 1))
        return NativeResult::raised();
    const std::string& text = self_str(args)->text;
    if (text.empty())
        return NativeResult::of(Value::from_bool(false));
    for (size_t at = 0; at < text.size();)
        if (!Test(lang::decode_utf8(text, at)))
            return NativeResult::of(Value::from_bool(false));
    return NativeResult::of(Value::from_bool(true));
}

bool digit_cp(uint32_t cp) { return cp >= '0' && cp <= '9'; }
bool alpha_cp(uint32_t cp) { return (cp < 0x80 && isalpha((int)cp)) || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp < 0x3000) || (cp >= 0x3040 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF); }
bool alnum_cp(uint32_t cp) { return digit_cp(cp) || alpha_cp(cp); }
bool space_cp(uint32_t cp) { return (cp < 0x80 && is_space((char)cp)) || cp == 0x1c || cp == 0x1d || cp == 0x1e || cp == 0x1f || cp == 0x85 || cp == 0xA0 || cp == 0x3000; }

NativeResult str_isdigit(Interpreter& vm, Thread&, Value, CallArgs args) { return test_chars<digit_cp>(vm, args, "isdigit"); }
NativeResult str_isalpha(Interpreter& vm, Thread&, Value, CallArgs args) { return test_chars<alpha_cp>(vm, args, "isalpha"); }
NativeResult str_isalnum(Interpreter& vm, Thread&, Value, CallArgs args) { return test_chars<alnum_cp>(vm, args, "isalnum"); }
NativeResult str_isspace(Interpreter& vm, Thread&, Value, CallArgs args) { return test_chars<space_cp>(vm, args, "isspace"); }

// isupper/islower: at least one cased character, and none of the other case.
NativeResult case_test(Interpreter& vm, CallArgs args, const char* name, bool upper)
{
    if (!check_arity(vm, name, args, 1, 1))
        return NativeResult::raised();
    bool cased = false;
    const std::string& text = self_str(args)->text;
    for (size_t at = 0; at < text.size();) {
        uint32_t cp = lang::decode_utf8(text, at);
        if (upper ? is_lower_cp(cp) : is_upper_cp(cp))
            return NativeResult::of(Value::from_bool(false));
        cased = cased || is_lower_cp(cp) || is_upper_cp(cp);
    }
    return NativeResult::of(Value::from_bool(cased));
}

NativeResult str_isupper(Interpreter& vm, Thread&, Value, CallArgs args) { return case_test(vm, args, "isupper", true); }
NativeResult str_islower(Interpreter& vm, Thread&, Value, CallArgs args) { return case_test(vm, args, "islower", false); }

NativeResult str_isidentifier(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "isidentifier", args, 1, 1))
        return NativeResult::raised();
    const std::string& text = self_str(args)->text;
    bool ok = !text.empty() && !isdigit((unsigned char)text[0]);
    for (char c : text)
        ok = ok && ((unsigned char)c >= 0x80 || isalnum((unsigned char)c) || c == '_');
    return NativeResult::of(Value::from_bool(ok));
}

// center/ljust/rjust: `align` '^', '<', '>'.
NativeResult justify(Interpreter& vm, CallArgs args, const char* name, char align)
{
    if (!check_arity(vm, name, args, 2, 3))
        return NativeResult::raised();
    int64_t width;
    if (!int_argument(vm, args[1], width))
        return NativeResult::raised();
    std::string fill = " ";
    if (args.count == 3) {
        auto* f = as<StrObject>(args[2]);
        if (!f || f->length != 1)
            return vm.raise(vm.types.type_error, "The fill character must be exactly one character long");
        fill = f->text;
    }
    const StrObject* s = self_str(args);
    if (width <= (int64_t)s->length)
        return NativeResult::of(args[0]);
    if (!vm.reserve((uint64_t)width > UINT64_MAX / 4 ? UINT64_MAX : (uint64_t)width * fill.size()))
        return NativeResult::raised();
    size_t missing = (size_t)width - s->length;
    auto repeat = [&](size_t n) {
        std::string out;
        for (size_t i = 0; i < n; i++)
            out += fill;
        return out;
    };
    if (align == '<')
        return NativeResult::of(vm.new_str(s->text + repeat(missing)));
    if (align == '>')
        return NativeResult::of(vm.new_str(repeat(missing) + s->text));
    // Where the odd fill character goes follows CPython: left = missing / 2 + (missing & width & 1).
    size_t left = missing / 2 + (missing & (size_t)width & 1);
    return NativeResult::of(vm.new_str(repeat(left) + s->text + repeat(missing - left)));
}

NativeResult str_center(Interpreter& vm, Thread&, Value, CallArgs args) { return justify(vm, args, "center", '^'); }
NativeResult str_ljust(Interpreter& vm, Thread&, Value, CallArgs args) { return justify(vm, args, "ljust", '<'); }
NativeResult str_rjust(Interpreter& vm, Thread&, Value, CallArgs args) { return justify(vm, args, "rjust", '>'); }

NativeResult str_zfill(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "zfill", args, 2, 2))
        return NativeResult::raised();
    int64_t width;
    if (!int_argument(vm, args[1], width))
        return NativeResult::raised();
    const StrObject* s = self_str(args);
    if (width <= (int64_t)s->length)
        return NativeResult::of(args[0]);
    if (!vm.reserve((uint64_t)width))
        return NativeResult::raised();
    std::string text = s->text;
    size_t sign = !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    text.insert(sign, (size_t)width - s->length, '0');
    return NativeResult::of(vm.new_str(text));
}

NativeResult partition_impl(Interpreter& vm, CallArgs args, const char* name, bool from_right)
{
    if (!check_arity(vm, name, args, 2, 2))
        return NativeResult::raised();
    const StrObject* separator;
    if (!str_argument(vm, args[1], "must be str", separator))
        return NativeResult::raised();
    if (separator->text.empty())
        return vm.raise(vm.types.value_error, "empty separator");
    const std::string& text = self_str(args)->text;
    size_t at = from_right ? rfind_text(text, separator->text) : find_text(text, separator->text);
    if (at == std::string::npos) {
        Value empty = vm.new_str("");
        return NativeResult::of(from_right ? vm.new_tuple({empty, empty, args[0]}) : vm.new_tuple({args[0], empty, empty}));
    }
    return NativeResult::of(vm.new_tuple({vm.new_str(text.substr(0, at)), args[1], vm.new_str(text.substr(at + separator->text.size()))}));
}

NativeResult str_partition(Interpreter& vm, Thread&, Value, CallArgs args) { return partition_impl(vm, args, "partition", false); }
NativeResult str_rpartition(Interpreter& vm, Thread&, Value, CallArgs args) { return partition_impl(vm, args, "rpartition", true); }

NativeResult affix_remove(Interpreter& vm, CallArgs args, const char* name, bool prefix)
{
    if (!check_arity(vm, name, args, 2, 2))
        return NativeResult::raised();
    const StrObject* affix;
    if (!str_argument(vm, args[1], (std::string(name) + "() argument").c_str(), affix))
        return NativeResult::raised();
    const std::string& text = self_str(args)->text;
    const std::string& a = affix->text;
    if (text.size() >= a.size() && (prefix ? text.compare(0, a.size(), a) == 0 : text.compare(text.size() - a.size(), a.size(), a) == 0))
        return NativeResult::of(vm.new_str(prefix ? text.substr(a.size()) : text.substr(0, text.size() - a.size())));
    return NativeResult::of(args[0]);
}

NativeResult str_removeprefix(Interpreter& vm, Thread&, Value, CallArgs args) { return affix_remove(vm, args, "removeprefix", true); }
NativeResult str_removesuffix(Interpreter& vm, Thread&, Value, CallArgs args) { return affix_remove(vm, args, "removesuffix", false); }

NativeResult str_format_method(Interpreter& vm, Thread&, Value, CallArgs args)
{
    uint32_t positional = args.positional_count();
    Value positional_args = vm.new_tuple(std::vector<Value>(args.values + 1, args.values + positional));
    DictObject* keywords = vm.new_dict();
    for (uint32_t k = 0; k < args.kwcount; k++)
        keywords->table.set(args.kwnames[k], args[positional + k]);
    if (format_args_need_python(vm, positional_args) || format_args_need_python(vm, Value::from_object(keywords)))
        return NativeResult::call(prelude_function(vm, "_format_slow"), {args[0], positional_args, Value::from_object(keywords)});
    Value out = vm.str_format(self_str(args)->text, args, 1);
    return out.is_empty() ? NativeResult::raised() : NativeResult::of(out);
}

// format_map(mapping): str.format with the dict's items as keyword arguments.
NativeResult str_format_map(Interpreter& vm, Thread& t, Value data, CallArgs args)
{
    if (!check_arity(vm, "format_map", args, 2, 2))
        return NativeResult::raised();
    auto* mapping = as<DictObject>(args[1]);
    if (!mapping)
        return vm.raise(vm.types.type_error, "format_map() argument must be a mapping, not " + vm.type_name(args[1]));
    std::vector<Value> values{args[0]};
    std::vector<Value> names;
    for (const TableEntry& e : mapping->table.entries) {
        if (e.key.is_empty() || !as<StrObject>(e.key))
            continue;
        values.push_back(e.value);
        names.push_back(e.key);
    }
    return str_format_method(vm, t, data, CallArgs{values.data(), (uint32_t)values.size(), names.data(), (uint32_t)names.size()});
}

// casefold: lower case, and the German sharp s folds to "ss" as Unicode's full folding says.
NativeResult str_casefold(Interpreter& vm, Thread&, Value, CallArgs args)
{
    NativeResult lowered = map_case(vm, args, "casefold", 'l');
    if (lowered.status != NativeStatus::Return)
        return lowered;
    const std::string& text = as<StrObject>(lowered.value)->text;
    if (text.find("\xC3\x9F") == std::string::npos)
        return lowered;
    std::string out;
    for (size_t at = 0; at < text.size();) {
        uint32_t cp = lang::decode_utf8(text, at);
        if (cp == 0xDF)
            out += "ss";
        else
            lang::append_utf8(out, cp);
    }
    return NativeResult::of(vm.new_str(out));
}

// expandtabs(tabsize=8): each tab becomes spaces up to the next multiple of tabsize; a newline
// or carriage return starts the column count again.
NativeResult str_expandtabs(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_keywords(vm, "expandtabs", args, {"tabsize"}))
        return NativeResult::raised();
    if (args.count > 2)
        return vm.raise(vm.types.type_error, "expandtabs() takes at most 1 argument (" + std::to_string(args.count - 1) + " given)");
    int64_t tabsize = 8;
    if (args.count == 2 && !int_argument(vm, args[1], tabsize))
        return NativeResult::raised();
    const std::string& text = self_str(args)->text;
    std::string out;
    int64_t column = 0;
    for (size_t at = 0; at < text.size();) {
        size_t start = at;
        uint32_t cp = lang::decode_utf8(text, at);
        if (cp == '\t') {
            if (tabsize > 0) {
                int64_t spaces = tabsize - column % tabsize;
                if (!vm.reserve(out.size() + (size_t)spaces))
                    return NativeResult::raised();
                out.append((size_t)spaces, ' ');
                column += spaces;
            }
            continue;
        }
        out.append(text, start, at - start);
        column = cp == '\n' || cp == '\r' ? 0 : column + 1;
    }
    return NativeResult::of(vm.new_str(out));
}

// istitle: upper case letters only after uncased characters, lower case only after cased
// ones, and at least one cased character.
NativeResult str_istitle(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "istitle", args, 1, 1))
        return NativeResult::raised();
    const std::string& text = self_str(args)->text;
    bool previous_cased = false, any_cased = false;
    for (size_t at = 0; at < text.size();) {
        uint32_t cp = lang::decode_utf8(text, at);
        if (is_upper_cp(cp)) {
            if (previous_cased)
                return NativeResult::of(Value::from_bool(false));
            previous_cased = any_cased = true;
        } else if (is_lower_cp(cp)) {
            if (!previous_cased)
                return NativeResult::of(Value::from_bool(false));
            previous_cased = any_cased = true;
        } else {
            previous_cased = false;
        }
    }
    return NativeResult::of(Value::from_bool(any_cased));
}

NativeResult str_isascii(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "isascii", args, 1, 1))
        return NativeResult::raised();
    return NativeResult::of(Value::from_bool(self_str(args)->ascii));
}

// isprintable: no control characters (C0, DEL, C1) nor the soft hyphen and line separators.
NativeResult str_isprintable(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "isprintable", args, 1, 1))
        return NativeResult::raised();
    const std::string& text = self_str(args)->text;
    for (size_t at = 0; at < text.size();) {
        uint32_t cp = lang::decode_utf8(text, at);
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xAD || cp == 0x2028 || cp == 0x2029)
            return NativeResult::of(Value::from_bool(false));
    }
    return NativeResult::of(Value::from_bool(true));
}

// The one code point of a str of length 1, or -1.
int64_t single_code_point(Value v)
{
    auto* s = as<StrObject>(v);
    if (!s || s->length != 1)
        return -1;
    size_t at = 0;
    return lang::decode_utf8(s->text, at);
}

// str.maketrans(mapping) or str.maketrans(from, to[, deleted]): a dict from code points to
// code points, strings or None, as translate() reads it.
NativeResult str_maketrans(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "maketrans", args, 1, 3))
        return NativeResult::raised();
    DictObject* table = vm.new_dict();
    if (args.count == 1) {
        auto* mapping = as<DictObject>(args[0]);
        if (!mapping)
            return vm.raise(vm.types.type_error, "if you give only one argument to maketrans it must be a dict");
        for (const TableEntry& e : mapping->table.entries) {
            if (e.key.is_empty())
                continue;
            if (as<StrObject>(e.key)) {
                int64_t cp = single_code_point(e.key);
                if (cp < 0)
                    return vm.raise(vm.types.value_error, "string keys in translate table must be of length 1");
                table->table.set(Value::from_int(cp), e.value);
            } else if (e.key.is_integral()) {
                table->table.set(Value::from_int(e.key.as_integral()), e.value);
            } else {
                return vm.raise(vm.types.type_error, "keys in translate table must be strings or integers");
            }
        }
        return NativeResult::of(Value::from_object(table));
    }
    for (uint32_t i = 0; i < args.count; i++)
        if (!as<StrObject>(args[i]))
            return vm.raise(vm.types.type_error, "maketrans() argument " + std::to_string(i + 1) + " must be str, not " + vm.type_name(args[i]));
    const StrObject* from = as<StrObject>(args[0]);
    const StrObject* to = as<StrObject>(args[1]);
    if (from->length != to->length)
        return vm.raise(vm.types.value_error, "the first two maketrans arguments must have equal length");
    for (size_t a = 0, b = 0; a < from->text.size();) {
        uint32_t key = lang::decode_utf8(from->text, a);
        uint32_t value = lang::decode_utf8(to->text, b);
        table->table.set(Value::from_int(key), Value::from_int(value));
    }
    if (args.count == 3) {
        const std::string& deleted = as<StrObject>(args[2])->text;
        for (size_t at = 0; at < deleted.size();)
            table->table.set(Value::from_int(lang::decode_utf8(deleted, at)), Value::none());
    }
    return NativeResult::of(Value::from_object(table));
}

// translate(table): each code point found in the dict becomes its value (a code point, a str,
// or nothing for None); the others stay.
NativeResult str_translate(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "translate", args, 2, 2))
        return NativeResult::raised();
    auto* table = as<DictObject>(args[1]);
    if (!table)
        return vm.raise(vm.types.type_error, "translate() needs a dict as its table here, not " + vm.type_name(args[1]));
    const std::string& text = self_str(args)->text;
    std::string out;
    for (size_t at = 0; at < text.size();) {
        size_t start = at;
        uint32_t cp = lang::decode_utf8(text, at);
        Value* mapped = table->table.find(Value::from_int(cp));
        if (!mapped) {
            out.append(text, start, at - start);
        } else if (mapped->is_integral()) {
            int64_t value = mapped->as_integral();
            if (value < 0 || value > 0x10FFFF)
                return vm.raise(vm.types.value_error, "character mapping must be in range(0x110000)");
            lang::append_utf8(out, (uint32_t)value);
        } else if (auto* s = as<StrObject>(*mapped)) {
            out += s->text;
            if (!vm.reserve(out.size()))  // a mapping to a long str grows the result fast
                return NativeResult::raised();
        } else if (!mapped->is_none()) {
            return vm.raise(vm.types.type_error, "character mapping must return integer, None or str");
        }
    }
    return NativeResult::of(vm.new_str(out));
}

// ---------------------------------------------------------------------------------------------
// 2. list
// ---------------------------------------------------------------------------------------------

NativeResult list_append(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "list.append", args, 2, 2))
        return NativeResult::raised();
    self_list(args)->items.push_back(args[1]);
    return NativeResult::of(Value::none());
}

NativeResult list_extend(Interpreter& vm, Thread&, Value, CallArgs args)
{
    NativeResult retried;
    if (retry_with_lists(vm, *vm.types.list->attrs.find("extend"), args, 2, retried))
        return retried;
    if (!check_arity(vm, "list.extend", args, 2, 2))
        return NativeResult::raised();
    std::vector<Value> items;
    if (!vm.collect(args[1], items))
        return NativeResult::raised();
    std::vector<Value>& target = self_list(args)->items;
    target.insert(target.end(), items.begin(), items.end());
    return NativeResult::of(Value::none());
}

NativeResult list_insert(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "insert", args, 3, 3))
        return NativeResult::raised();
    int64_t index;
    if (!int_argument(vm, args[1], index))
        return NativeResult::raised();
    std::vector<Value>& items = self_list(args)->items;
    int64_t n = (int64_t)items.size();
    if (index < 0)
        index = std::max<int64_t>(0, index + n);
    index = std::min(index, n);
    items.insert(items.begin() + index, args[2]);
    return NativeResult::of(Value::none());
}

NativeResult list_pop(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "pop", args, 1, 2))
        return NativeResult::raised();
    std::vector<Value>& items = self_list(args)->items;
    if (items.empty())
        return vm.raise(vm.types.index_error, "pop from empty list");
    int64_t index = -1;
    if (args.count == 2 && !int_argument(vm, args[1], index))
        return NativeResult::raised();
    if (index < 0)
        index += (int64_t)items.size();
    if (index < 0 || index >= (int64_t)items.size())
        return vm.raise(vm.types.index_error, "pop index out of range");
    Value v = items[(size_t)index];
    items.erase(items.begin() + index);
    return NativeResult::of(v);
}

// The index of the first element equal to `item`, -1 if none, -2 when comparing raised.
int64_t find_equal(Interpreter& vm, const std::vector<Value>& items, Value item, size_t from = 0, size_t to = SIZE_MAX)
{
    for (size_t i = from; i < items.size() && i < to; i++) {
        int e = vm.equals(items[i], item);
        if (e < 0)
            return -2;
        if (e == 1)
            return (int64_t)i;
    }
    return -1;
}

NativeResult list_remove(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "list.remove", args, 2, 2))
        return NativeResult::raised();
    std::vector<Value>& items = self_list(args)->items;
    int64_t at = find_equal(vm, items, args[1]);
    if (at == -2)
        return NativeResult::raised();
    if (at < 0)
        return vm.raise(vm.types.value_error, "list.remove(x): x not in list");
    items.erase(items.begin() + at);
    return NativeResult::of(Value::none());
}

NativeResult sequence_index(Interpreter& vm, CallArgs args, const std::vector<Value>& items, const char* kind)
{
    if (!check_arity(vm, "index", args, 2, 4))
        return NativeResult::raised();
    int64_t start = 0, stop = (int64_t)items.size();
    if (args.count > 2 && !int_argument(vm, args[2], start))
        return NativeResult::raised();
    if (args.count > 3 && !int_argument(vm, args[3], stop))
        return NativeResult::raised();
    int64_t n = (int64_t)items.size();
    if (start < 0) start = std::max<int64_t>(0, start + n);
    if (stop < 0) stop = std::max<int64_t>(0, stop + n);
    int64_t at = find_equal(vm, items, args[1], (size_t)start, (size_t)stop);
    if (at == -2)
        return NativeResult::raised();
    if (at < 0)
        return vm.raise(vm.types.value_error, std::string(kind) == "list" ? vm.repr(args[1]) + " is not in list" : "tuple.index(x): x not in tuple");
    return NativeResult::of(Value::from_int(at));
}

NativeResult sequence_count(Interpreter& vm, CallArgs args, const std::vector<Value>& items)
{
    if (!check_arity(vm, "count", args, 2, 2))
        return NativeResult::raised();
    int64_t n = 0;
    for (Value v : items) {
        int e = vm.equals(v, args[1]);
        if (e < 0)
            return NativeResult::raised();
        n += e;
    }
    return NativeResult::of(Value::from_int(n));
}

NativeResult list_index(Interpreter& vm, Thread&, Value, CallArgs args) { return sequence_index(vm, args, self_list(args)->items, "list"); }
NativeResult list_count(Interpreter& vm, Thread&, Value, CallArgs args) { return sequence_count(vm, args, self_list(args)->items); }

NativeResult list_reverse(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "reverse", args, 1, 1))
        return NativeResult::raised();
    std::reverse(self_list(args)->items.begin(), self_list(args)->items.end());
    return NativeResult::of(Value::none());
}

NativeResult list_clear(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "clear", args, 1, 1))
        return NativeResult::raised();
    self_list(args)->items.clear();
    return NativeResult::of(Value::none());
}

NativeResult list_copy(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "copy", args, 1, 1))
        return NativeResult::raised();
    return NativeResult::of(vm.new_list(self_list(args)->items));
}

NativeResult list_sort(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (args.positional_count() != 1)
        return vm.raise(vm.types.type_error, "sort() takes no positional arguments");
    if (!check_keywords(vm, "sort", args, {"key", "reverse"}))
        return NativeResult::raised();
    Value key = args.keyword("key");
    Value reverse = args.keyword("reverse");
    bool descending = !reverse.is_empty() && vm.truthy(reverse);
    if (!key.is_empty() && !key.is_none())
        return NativeResult::call(prelude_function(vm, "_sort_list_by_key"), {args[0], key, Value::from_bool(descending)});
    if (any_needs_python_compare(vm, self_list(args)->items))
        return NativeResult::call(prelude_function(vm, "_merge_sort"), {args[0], vm.new_list(self_list(args)->items), Value::from_bool(descending)});
    if (!sort_values(vm, self_list(args)->items, nullptr, descending))
        return NativeResult::raised();
    return NativeResult::of(Value::none());
}

// ---------------------------------------------------------------------------------------------
// 3. dict
// ---------------------------------------------------------------------------------------------

NativeResult dict_get(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "get", args, 2, 3))
        return NativeResult::raised();
    if (!is_hashable(args[1]))
        return vm.fail_unhashable(args[1]), NativeResult::raised();
    Value* v = self_dict(args)->table.find(args[1]);
    return NativeResult::of(v ? *v : args.count == 3 ? args[2] : Value::none());
}

NativeResult make_view(Interpreter& vm, CallArgs args, DictViewKind kind, const char* name)
{
    if (!check_arity(vm, name, args, 1, 1))
        return NativeResult::raised();
    auto* view = vm.heap.make<DictViewObject>();
    view->dict = self_dict(args);
    view->view = kind;
    return NativeResult::of(Value::from_object(view));
}

NativeResult dict_keys(Interpreter& vm, Thread&, Value, CallArgs args) { return make_view(vm, args, DictViewKind::Keys, "keys"); }
NativeResult dict_values(Interpreter& vm, Thread&, Value, CallArgs args) { return make_view(vm, args, DictViewKind::Values, "values"); }
NativeResult dict_items(Interpreter& vm, Thread&, Value, CallArgs args) { return make_view(vm, args, DictViewKind::Items, "items"); }

NativeResult key_error(Interpreter& vm, Value key)
{
    vm.pending = vm.make_exception(vm.types.key_error, "");
    vm.set_attr(as<InstanceObject>(vm.pending)->attrs, "args", vm.new_tuple({key}));
    return NativeResult::raised();
}

NativeResult dict_pop(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "pop", args, 2, 3))
        return NativeResult::raised();
    if (!is_hashable(args[1]))
        return vm.fail_unhashable(args[1]), NativeResult::raised();
    Table& table = self_dict(args)->table;
    Value* v = table.find(args[1]);
    if (!v) {
        if (args.count == 3)
            return NativeResult::of(args[2]);
        return key_error(vm, args[1]);
    }
    Value result = *v;
    table.remove(args[1]);
    return NativeResult::of(result);
}

NativeResult dict_popitem(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "popitem", args, 1, 1))
        return NativeResult::raised();
    Table& table = self_dict(args)->table;
    for (size_t i = table.entries.size(); i-- > 0;) {
        TableEntry e = table.entries[i];
        if (e.key.is_empty())
            continue;
        table.remove(e.key);
        return NativeResult::of(vm.new_tuple({e.key, e.value}));
    }
    return vm.raise(vm.types.key_error, "popitem(): dictionary is empty");
}

NativeResult dict_setdefault(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "setdefault", args, 2, 3))
        return NativeResult::raised();
    if (!is_hashable(args[1]))
        return vm.fail_unhashable(args[1]), NativeResult::raised();
    Table& table = self_dict(args)->table;
    if (Value* v = table.find(args[1]))
        return NativeResult::of(*v);
    Value fallback = args.count == 3 ? args[2] : Value::none();
    table.set(args[1], fallback);
    return NativeResult::of(fallback);
}

NativeResult dict_update(Interpreter& vm, Thread&, Value, CallArgs args)
{
    uint32_t positional = args.positional_count();
    if (positional > 2)
        return vm.raise(vm.types.type_error, "update expected at most 1 argument, got " + std::to_string(positional - 1));
    DictObject* dict = self_dict(args);
    if (positional == 2) {
        DictObject* source = as<DictObject>(args[1]);
        std::vector<Value> pairs;
        if (source) {
            for (const TableEntry& e : source->table.entries)
                if (!e.key.is_empty())
                    dict->table.set(e.key, e.value);
        } else {
            if (!vm.collect(args[1], pairs))
                return NativeResult::raised();
            for (size_t i = 0; i < pairs.size(); i++) {
                std::vector<Value> pair;
                if (!vm.collect(pairs[i], pair) || pair.size() != 2) {
                    vm.pending = Value::empty();
                    return vm.raise(vm.types.value_error, "dictionary update sequence element #" + std::to_string(i) + " has length " +
                                                              std::to_string(pair.size()) + "; 2 is required");
                }
                if (!is_hashable(pair[0]))
                    return vm.fail_unhashable(pair[0]), NativeResult::raised();
                dict->table.set(pair[0], pair[1]);
            }
        }
    }
    for (uint32_t k = 0; k < args.kwcount; k++)
        dict->table.set(args.kwnames[k], args[positional + k]);
    return NativeResult::of(Value::none());
}

NativeResult dict_clear(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "clear", args, 1, 1))
        return NativeResult::raised();
    self_dict(args)->table.clear();
    return NativeResult::of(Value::none());
}

NativeResult dict_copy(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "copy", args, 1, 1))
        return NativeResult::raised();
    DictObject* copy = vm.new_dict();
    copy->table = self_dict(args)->table;
    return NativeResult::of(Value::from_object(copy));
}

// dict.fromkeys(iterable, value=None), called on the class.
NativeResult dict_fromkeys(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "fromkeys", args, 1, 2))
        return NativeResult::raised();
    std::vector<Value> keys;
    if (!vm.collect(args[0], keys))
        return NativeResult::raised();
    DictObject* dict = vm.new_dict();
    for (Value key : keys) {
        if (!is_hashable(key))
            return vm.fail_unhashable(key), NativeResult::raised();
        dict->table.set(key, args.count == 2 ? args[1] : Value::none());
    }
    return NativeResult::of(Value::from_object(dict));
}

// ---------------------------------------------------------------------------------------------
// 4. set and frozenset
// ---------------------------------------------------------------------------------------------

SetObject* self_set(CallArgs args) { return static_cast<SetObject*>(args[0].object); }

bool check_mutable(Interpreter& vm, CallArgs args, const char* name)
{
    if (self_set(args)->frozen) {
        vm.fail(vm.types.attribute_error, std::string("'frozenset' object has no attribute '") + name + "'");
        return false;
    }
    return true;
}

bool hashable_key(Interpreter& vm, Value key)
{
    if (!is_hashable(key))
        vm.fail_unhashable(key);
    return is_hashable(key);
}

NativeResult set_add(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "set.add", args, 2, 2) || !check_mutable(vm, args, "add") || !hashable_key(vm, args[1]))
        return NativeResult::raised();
    self_set(args)->table.add(args[1]);
    return NativeResult::of(Value::none());
}

NativeResult set_remove(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "set.remove", args, 2, 2) || !check_mutable(vm, args, "remove") || !hashable_key(vm, args[1]))
        return NativeResult::raised();
    if (!self_set(args)->table.remove(args[1]))
        return key_error(vm, args[1]);
    return NativeResult::of(Value::none());
}

NativeResult set_discard(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "set.discard", args, 2, 2) || !check_mutable(vm, args, "discard") || !hashable_key(vm, args[1]))
        return NativeResult::raised();
    self_set(args)->table.remove(args[1]);
    return NativeResult::of(Value::none());
}

NativeResult set_pop(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "set.pop", args, 1, 1) || !check_mutable(vm, args, "pop"))
        return NativeResult::raised();
    Value key = self_set(args)->table.pop();
    if (key.is_empty())
        return vm.raise(vm.types.key_error, "pop from an empty set");
    return NativeResult::of(key);
}

NativeResult set_clear(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "set.clear", args, 1, 1) || !check_mutable(vm, args, "clear"))
        return NativeResult::raised();
    self_set(args)->table.clear();
    return NativeResult::of(Value::none());
}

NativeResult set_copy(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "set.copy", args, 1, 1))
        return NativeResult::raised();
    auto* copy = vm.heap.make<SetObject>();
    copy->frozen = self_set(args)->frozen;
    copy->table.merge(self_set(args)->table);
    return NativeResult::of(Value::from_object(copy));
}

// The argument as a set (itself when it is one), for the methods that accept any iterable.
SetObject* as_set_argument(Interpreter& vm, Value v)
{
    if (auto* set = as<SetObject>(v))
        return set;
    auto* converted = vm.heap.make<SetObject>();
    return fill_set(vm, converted, v) ? converted : nullptr;
}

// union/intersection/difference/symmetric_difference, and their _update forms (in place).
NativeResult set_combine(Interpreter& vm, CallArgs args, const char* name, lang::BinaryOp op, bool update)
{
    if (args.kwcount)
        return vm.raise(vm.types.type_error, std::string(name) + "() takes no keyword arguments");
    if (update && !check_mutable(vm, args, name))
        return NativeResult::raised();
    NativeResult retried;
    if (retry_with_lists(vm, *vm.type_of(args[0])->attrs.find(name), args, UINT32_MAX, retried))
        return retried;
    Value result = args[0];
    if (!update) {
        auto* copy = vm.heap.make<SetObject>();
        copy->frozen = self_set(args)->frozen;
        copy->table.merge(self_set(args)->table);
        result = Value::from_object(copy);
    }
    for (uint32_t i = 1; i < args.count; i++) {
        SetObject* other = as_set_argument(vm, args[i]);
        if (!other)
            return NativeResult::raised();
        Value combined = vm.set_operation(op, as<SetObject>(result), other, true);
        result = combined;
    }
    return NativeResult::of(update ? Value::none() : result);
}

NativeResult set_union(Interpreter& vm, Thread&, Value, CallArgs args) { return set_combine(vm, args, "union", lang::BinaryOp::BitOr, false); }
NativeResult set_update(Interpreter& vm, Thread&, Value, CallArgs args) { return set_combine(vm, args, "update", lang::BinaryOp::BitOr, true); }
NativeResult set_intersection(Interpreter& vm, Thread&, Value, CallArgs args) { return set_combine(vm, args, "intersection", lang::BinaryOp::BitAnd, false); }
NativeResult set_intersection_update(Interpreter& vm, Thread&, Value, CallArgs args) { return set_combine(vm, args, "intersection_update", lang::BinaryOp::BitAnd, true); }
NativeResult set_difference(Interpreter& vm, Thread&, Value, CallArgs args) { return set_combine(vm, args, "difference", lang::BinaryOp::Sub, false); }
NativeResult set_difference_update(Interpreter& vm, Thread&, Value, CallArgs args) { return set_combine(vm, args, "difference_update", lang::BinaryOp::Sub, true); }
NativeResult set_symmetric_difference(Interpreter& vm, Thread&, Value, CallArgs args) { return set_combine(vm, args, "symmetric_difference", lang::BinaryOp::BitXor, false); }
NativeResult set_symmetric_difference_update(Interpreter& vm, Thread&, Value, CallArgs args) { return set_combine(vm, args, "symmetric_difference_update", lang::BinaryOp::BitXor, true); }

// issubset/issuperset/isdisjoint
NativeResult set_relation(Interpreter& vm, CallArgs args, const char* name, int relation)
{
    if (!check_arity(vm, name, args, 2, 2))
        return NativeResult::raised();
    NativeResult retried;
    if (retry_with_lists(vm, *vm.type_of(args[0])->attrs.find(name), args, UINT32_MAX, retried))
        return retried;
    SetObject* other = as_set_argument(vm, args[1]);
    if (!other)
        return NativeResult::raised();
    const SetTable& a = self_set(args)->table;
    const SetTable& b = other->table;
    bool result = true;
    const SetTable& walk = relation == 1 ? b : a;
    const SetTable& against = relation == 1 ? a : b;
    for (const SetSlot& slot : walk.slots) {
        if (slot.key.is_empty())
            continue;
        bool inside = against.contains(slot.key);
        if (relation == 2 ? inside : !inside) {
            result = false;
            break;
        }
    }
    return NativeResult::of(Value::from_bool(result));
}

NativeResult set_issubset(Interpreter& vm, Thread&, Value, CallArgs args) { return set_relation(vm, args, "issubset", 0); }
NativeResult set_issuperset(Interpreter& vm, Thread&, Value, CallArgs args) { return set_relation(vm, args, "issuperset", 1); }
NativeResult set_isdisjoint(Interpreter& vm, Thread&, Value, CallArgs args) { return set_relation(vm, args, "isdisjoint", 2); }

// ---------------------------------------------------------------------------------------------
// 5. tuple, int, float
// ---------------------------------------------------------------------------------------------

NativeResult tuple_index(Interpreter& vm, Thread&, Value, CallArgs args) { return sequence_index(vm, args, as<TupleObject>(args[0])->items, "tuple"); }
NativeResult tuple_count(Interpreter& vm, Thread&, Value, CallArgs args) { return sequence_count(vm, args, as<TupleObject>(args[0])->items); }

NativeResult int_bit_length(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "bit_length", args, 1, 1))
        return NativeResult::raised();
    return NativeResult::of(Value::from_int(python::int_bit_length(args[0])));
}

NativeResult int_bit_count(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "bit_count", args, 1, 1))
        return NativeResult::raised();
    std::string bits = int_magnitude_digits(args[0], 2, false);
    return NativeResult::of(Value::from_int((int64_t)std::count(bits.begin(), bits.end(), '1')));
}

NativeResult float_is_integer(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "is_integer", args, 1, 1))
        return NativeResult::raised();
    double x = args[0].real;
    return NativeResult::of(Value::from_bool(std::isfinite(x) && x == std::floor(x)));
}

// The protocol dunders of the built-in containers (x.__len__(), hasattr(x, "__iter__")).
NativeResult dunder_len(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "__len__", args, 1, 1))
        return NativeResult::raised();
    Value n = vm.length(args[0]);
    return n.is_empty() ? NativeResult::raised() : NativeResult::of(n);
}

NativeResult dunder_iter(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "__iter__", args, 1, 1))
        return NativeResult::raised();
    Value it = vm.get_iter(args[0]);
    return it.is_empty() ? NativeResult::raised() : NativeResult::of(it);
}

NativeResult dunder_contains(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "__contains__", args, 2, 2))
        return NativeResult::raised();
    Value r = vm.contains(args[0], args[1]);
    return r.is_empty() ? NativeResult::raised() : NativeResult::of(r);
}

NativeResult dunder_getitem(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "__getitem__", args, 2, 2))
        return NativeResult::raised();
    Value r = vm.get_item(args[0], args[1]);
    return r.is_empty() ? NativeResult::raised() : NativeResult::of(r);
}

} // namespace

// Rearranges `items` so that the i-th is the one `order[i]` names.
static void apply_order(std::vector<Value>& items, const std::vector<size_t>& order)
{
    std::vector<Value> sorted;
    sorted.reserve(items.size());
    for (size_t i : order)
        sorted.push_back(items[i]);
    items = std::move(sorted);
}

bool sort_values(Interpreter& vm, std::vector<Value>& items, const std::vector<Value>* keys, bool descending)
{
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); i++)
        order[i] = i;
    const std::vector<Value>& by = keys ? *keys : items;
    // Small ints, the common case, order by their value without a trip through compare():
    // the same order, since compare() of two ints is their integer comparison.
    if (std::all_of(by.begin(), by.end(), [](Value v) { return v.kind == ValueKind::Int; })) {
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
            return descending ? by[b].integer < by[a].integer : by[a].integer < by[b].integer;
        });
        apply_order(items, order);
        return true;
    }
    bool failed = false;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (failed)
            return false;
        Value left = descending ? by[b] : by[a];
        Value right = descending ? by[a] : by[b];
        Value less = vm.compare(lang::CompareOp::Lt, left, right);
        if (less.is_empty()) {
            failed = true;
            return false;
        }
        return less.boolean;
    });
    if (failed)
        return false;
    apply_order(items, order);
    return true;
}

// ---------------------------------------------------------------------------------------------
// 6. generators and coroutines. Calling a generator object resumes it (see Runner::call).
// ---------------------------------------------------------------------------------------------

NativeResult generator_send(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "send", args, 2, 2))
        return NativeResult::raised();
    return NativeResult::call(args[0], {args[1]});
}

// Resumes the generator in `state` with `exception` raised where it waits.
NativeResult throw_into(Interpreter&, Thread&, Value state, Value exception)
{
    static_cast<GeneratorObject*>(state.object)->thrown = exception;
    return NativeResult::call(state, {});
}

// throw(type) or throw(instance): a class is instantiated first, through a call.
NativeResult generator_throw(Interpreter& vm, Thread& t, Value, CallArgs args)
{
    if (!check_arity(vm, "throw", args, 2, 2))
        return NativeResult::raised();
    Value exception = args[1];
    if (auto* cls = as<ClassObject>(exception); cls && cls->is_subclass_of(vm.types.base_exception))
        return NativeResult::call(exception, {}, throw_into, args[0]);
    if (!vm.is_instance(exception, vm.types.base_exception))
        return vm.raise(vm.types.type_error, "exceptions must be classes or instances deriving from BaseException, not " + vm.type_name(exception));
    return throw_into(vm, t, args[0], exception);
}

NativeResult close_ignored(Interpreter& vm, Thread&, Value, Value)
{
    return vm.raise(vm.types.runtime_error, "generator ignored GeneratorExit");
}

NativeResult close_ended(Interpreter& vm, Thread&, Value, Value exception)
{
    if (vm.is_instance(exception, vm.types.generator_exit) || vm.is_instance(exception, vm.types.stop_iteration))
        return NativeResult::of(Value::none());
    vm.pending = exception;
    return NativeResult::raised();
}

// close(): GeneratorExit where it waits; it must end (not yield again).
NativeResult generator_close(Interpreter& vm, Thread& t, Value, CallArgs args)
{
    if (!check_arity(vm, "close", args, 1, 1))
        return NativeResult::raised();
    auto* generator = static_cast<GeneratorObject*>(args[0].object);
    if (!generator->started || generator->finished) {
        generator->finished = true;
        return NativeResult::of(Value::none());
    }
    NativeResult r = throw_into(vm, t, args[0], vm.make_exception(vm.types.generator_exit, ""));
    r.then = close_ignored;
    r.recover = close_ended;
    return r;
}

// Async generators: each method returns an awaitable step (the prelude's _AsyncGenStep) that
// drives the generator; __aiter__ is the generator itself.
NativeResult async_step(Interpreter& vm, Value agen, Value sent, Value thrown, bool closing)
{
    return NativeResult::call(prelude_function(vm, "_AsyncGenStep"), {agen, sent, thrown, Value::from_bool(closing)});
}

NativeResult async_generator_aiter(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "__aiter__", args, 1, 1))
        return NativeResult::raised();
    return NativeResult::of(args[0]);
}

NativeResult async_generator_anext(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "__anext__", args, 1, 1))
        return NativeResult::raised();
    return async_step(vm, args[0], Value::none(), Value::none(), false);
}

NativeResult async_generator_asend(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "asend", args, 2, 2))
        return NativeResult::raised();
    return async_step(vm, args[0], args[1], Value::none(), false);
}

NativeResult async_generator_athrow(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "athrow", args, 2, 2))
        return NativeResult::raised();
    return async_step(vm, args[0], Value::none(), args[1], false);
}

NativeResult async_generator_aclose(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "aclose", args, 1, 1))
        return NativeResult::raised();
    auto* generator = static_cast<GeneratorObject*>(args[0].object);
    if (!generator->started || generator->finished) {
        generator->finished = true;
        return async_step(vm, args[0], Value::none(), Value::from_object(vm.types.stop_iteration), true);
    }
    return async_step(vm, args[0], Value::none(), Value::from_object(vm.types.generator_exit), true);
}

NativeResult async_yielded(Interpreter& vm, Thread&, Value, CallArgs args)
{
    auto* generator = args.count == 1 ? as<GeneratorObject>(args[0]) : nullptr;
    if (!generator)
        return vm.raise(vm.types.type_error, "_async_yielded() takes an async generator");
    return NativeResult::of(Value::from_bool(generator->yielded));
}

// ---------------------------------------------------------------------------------------------
// 7. install_methods
// ---------------------------------------------------------------------------------------------

void install_methods(Interpreter& vm)
{
    struct MethodDef {
        const char* name;
        NativeFunction function;
    };
    static constexpr MethodDef kStr[] = {
        {"find", str_find}, {"rfind", str_rfind}, {"index", str_index}, {"rindex", str_rindex}, {"count", str_count},
        {"join", str_join}, {"split", str_split}, {"rsplit", str_rsplit}, {"splitlines", str_splitlines},
        {"strip", str_strip}, {"lstrip", str_lstrip}, {"rstrip", str_rstrip}, {"upper", str_upper}, {"lower", str_lower},
        {"casefold", str_casefold}, {"swapcase", str_swapcase}, {"capitalize", str_capitalize}, {"title", str_title},
        {"startswith", str_startswith}, {"endswith", str_endswith}, {"replace", str_replace}, {"isdigit", str_isdigit},
        {"isdecimal", str_isdigit}, {"isnumeric", str_isdigit}, {"isalpha", str_isalpha}, {"isalnum", str_isalnum},
        {"isspace", str_isspace}, {"isupper", str_isupper}, {"islower", str_islower}, {"isidentifier", str_isidentifier},
        {"center", str_center}, {"ljust", str_ljust}, {"rjust", str_rjust}, {"zfill", str_zfill},
        {"partition", str_partition}, {"rpartition", str_rpartition}, {"removeprefix", str_removeprefix},
        {"removesuffix", str_removesuffix}, {"format", str_format_method}, {"format_map", str_format_map},
        {"expandtabs", str_expandtabs}, {"istitle", str_istitle}, {"isascii", str_isascii},
        {"isprintable", str_isprintable}, {"translate", str_translate},
    };
    static constexpr MethodDef kList[] = {
        {"append", list_append}, {"extend", list_extend}, {"insert", list_insert}, {"pop", list_pop},
        {"remove", list_remove}, {"index", list_index}, {"count", list_count}, {"sort", list_sort},
        {"reverse", list_reverse}, {"clear", list_clear}, {"copy", list_copy},
    };
    static constexpr MethodDef kDict[] = {
        {"get", dict_get}, {"keys", dict_keys}, {"values", dict_values}, {"items", dict_items}, {"pop", dict_pop},
        {"popitem", dict_popitem}, {"setdefault", dict_setdefault}, {"update", dict_update}, {"clear", dict_clear},
        {"copy", dict_copy}, {"fromkeys", dict_fromkeys},
    };
    static constexpr MethodDef kTuple[] = {{"index", tuple_index}, {"count", tuple_count}};
    static constexpr MethodDef kFrozenSet[] = {
        {"copy", set_copy}, {"union", set_union}, {"intersection", set_intersection}, {"difference", set_difference},
        {"symmetric_difference", set_symmetric_difference}, {"issubset", set_issubset}, {"issuperset", set_issuperset},
        {"isdisjoint", set_isdisjoint},
    };
    static constexpr MethodDef kSet[] = {
        {"add", set_add}, {"remove", set_remove}, {"discard", set_discard}, {"pop", set_pop}, {"clear", set_clear},
        {"update", set_update}, {"intersection_update", set_intersection_update}, {"difference_update", set_difference_update},
        {"symmetric_difference_update", set_symmetric_difference_update},
    };
    for (const MethodDef& m : kStr) vm.add_method(vm.types.str, m.name, m.function);
    NativeObject* maketrans = vm.new_native("maketrans", str_maketrans);
    maketrans->owner = vm.types.str;
    vm.set_attr(vm.types.str->attrs, "maketrans", new_staticmethod(vm, Value::from_object(maketrans)));
    for (const MethodDef& m : kList) vm.add_method(vm.types.list, m.name, m.function);
    for (const MethodDef& m : kDict) vm.add_method(vm.types.dict, m.name, m.function);
    for (const MethodDef& m : kTuple) vm.add_method(vm.types.tuple, m.name, m.function);
    for (const MethodDef& m : kFrozenSet) {
        vm.add_method(vm.types.set, m.name, m.function);
        vm.add_method(vm.types.frozenset, m.name, m.function);
    }
    for (const MethodDef& m : kSet) vm.add_method(vm.types.set, m.name, m.function);
    for (ClassObject* cls : {vm.types.str, vm.types.list, vm.types.tuple, vm.types.dict, vm.types.set, vm.types.frozenset, vm.types.range}) {
        vm.add_method(cls, "__len__", dunder_len);
        vm.add_method(cls, "__iter__", dunder_iter);
        vm.add_method(cls, "__contains__", dunder_contains);
        if (cls != vm.types.set && cls != vm.types.frozenset)
            vm.add_method(cls, "__getitem__", dunder_getitem);
    }
    for (ClassObject* cls : {vm.types.generator, vm.types.coroutine}) {
        vm.add_method(cls, "send", generator_send);
        vm.add_method(cls, "throw", generator_throw);
        vm.add_method(cls, "close", generator_close);
    }
    vm.add_method(vm.types.async_generator, "__aiter__", async_generator_aiter);
    vm.add_method(vm.types.async_generator, "__anext__", async_generator_anext);
    vm.add_method(vm.types.async_generator, "asend", async_generator_asend);
    vm.add_method(vm.types.async_generator, "athrow", async_generator_athrow);
    vm.add_method(vm.types.async_generator, "aclose", async_generator_aclose);
    vm.add_method(vm.types.int_type, "bit_length", int_bit_length);
    vm.add_method(vm.types.int_type, "bit_count", int_bit_count);
    vm.add_method(vm.types.float_type, "is_integer", float_is_integer);
}

void install_async_generator_natives(Interpreter& vm, ModuleObject& prelude)
{
    vm.add_native(prelude, "_resume", generator_send);
    vm.add_native(prelude, "_throw_into", generator_throw);
    vm.add_native(prelude, "_async_yielded", async_yielded);
}

} // namespace python
