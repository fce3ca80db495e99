// "Did you mean: 'x'?": CPython 3.11 ends the report of an uncaught NameError or
// AttributeError with the closest existing name. The same rule runs here so that the last line
// of a report matches CPython's: a weighted edit distance (insert, delete and substitute cost 2;
// a change of letter case costs 1), a limit that grows with the lengths, the first closest
// candidate winning ties.
#include "python/builtins.h"
#include "python/interpreter.h"
#include <algorithm>

namespace python {

namespace {

constexpr size_t kMaxNameLength = 40;
constexpr size_t kMaxCandidates = 750;
constexpr size_t kEditCost = 2;
constexpr size_t kCaseCost = 1;

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

// The weighted edit distance of a and b, or limit + 1 when it is larger than limit.
size_t edit_distance(std::string_view a, std::string_view b, size_t limit)
{
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty())
        return (a.size() + b.size()) * kEditCost;
    if (a.size() > kMaxNameLength || b.size() > kMaxNameLength)
        return limit + 1;
    std::vector<size_t> previous(b.size() + 1), current(b.size() + 1);
    for (size_t j = 0; j <= b.size(); j++)
        previous[j] = j * kEditCost;
    for (size_t i = 1; i <= a.size(); i++) {
        current[0] = i * kEditCost;
        for (size_t j = 1; j <= b.size(); j++) {
            size_t substitute = a[i - 1] == b[j - 1] ? 0 : ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]) ? kCaseCost : kEditCost;
            current[j] = std::min({previous[j - 1] + substitute, previous[j] + kEditCost, current[j - 1] + kEditCost});
        }
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], limit + 1);
}

std::string closest(std::string_view name, const std::vector<std::string>& candidates)
{
    if (candidates.size() >= kMaxCandidates || name.size() > kMaxNameLength)
        return "";
    std::string best;
    size_t best_distance = SIZE_MAX;
    for (const std::string& candidate : candidates) {
        if (candidate == name)
            continue;
        size_t limit = (name.size() + candidate.size() + 3) * kEditCost / 6;
        if (!best.empty())
            limit = std::min(limit, best_distance - 1);
        size_t distance = edit_distance(name, candidate, limit);
        if (distance > limit)
            continue;
        if (best.empty() || distance < best_distance) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

void add_keys(const Table& table, std::vector<std::string>& out)
{
    for (const TableEntry& e : table.entries)
        if (auto* s = as<StrObject>(e.key))
            out.push_back(s->text);
}

// What dir(v) lists: v's own attributes, its class's (with bases), and object's dunders.
std::vector<std::string> dir_of(Interpreter& vm, Value v)
{
    static constexpr const char* kObjectDunders[] = {
        "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
        "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__",
        "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
    };
    std::vector<std::string> names;
    if (auto* module = as<ModuleObject>(v)) {
        add_keys(module->globals, names);
    } else {
        ClassObject* cls = as<ClassObject>(v) ? as<ClassObject>(v) : vm.type_of(v);
        if (auto* instance = as<InstanceObject>(v))
            add_keys(instance->attrs, names);
        for (ClassObject* c : cls->mro)
            add_keys(c->attrs, names);
        for (const char* dunder : kObjectDunders)
            names.push_back(dunder);
        if (!cls->is_builtin)
            for (const char* dunder : {"__dict__", "__module__", "__weakref__"})
                names.push_back(dunder);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

} // namespace

std::string name_suggestion(Interpreter& vm, Value exception)
{
    auto* instance = as<InstanceObject>(exception);
    if (!instance)
        return "";
    Value* name = instance->attrs.find("name");
    if (!name || !as<StrObject>(*name))
        return "";
    std::string_view wanted = as<StrObject>(*name)->text;
    if (instance->cls->is_subclass_of(vm.types.attribute_error)) {
        Value* object = instance->attrs.find("obj");
        return object ? closest(wanted, dir_of(vm, *object)) : "";
    }
    if (!instance->cls->is_subclass_of(vm.types.name_error) || instance->traceback.empty())
        return "";
    // Where the name was looked up: the innermost frame's locals, then its globals, then builtins.
    const TracebackEntry& innermost = instance->traceback.front();
    std::string found = closest(wanted, innermost.code->source->local_names);
    if (found.empty() && innermost.module) {
        std::vector<std::string> globals;
        add_keys(innermost.module->globals, globals);
        found = closest(wanted, globals);
    }
    if (found.empty()) {
        std::vector<std::string> builtins;
        add_keys(vm.builtins->globals, builtins);
        found = closest(wanted, builtins);
    }
    return found;
}

} // namespace python
