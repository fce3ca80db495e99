// The prelude: built-ins written in Python because they call Python code (a key function, a
// user-defined __str__ or __repr__). Natives hand over to these functions instead of running
// a nested interpreter, so every such call goes through frames like the rest of the program.
// Its frames are hidden from tracebacks, as CPython's built-ins are.
#include "engine/builtins.h"

namespace engine {

const char* const kPreludeSource = R"PY(
def _print_slow(args, sep, end):
    _write(sep.join([str(a) for a in args]) + end)


def _repr_slow(x):
    kind = type(x)
    if kind is list:
        return "[" + ", ".join([repr(e) for e in x]) + "]"
    if kind is tuple:
        if len(x) == 1:
            return "(" + repr(x[0]) + ",)"
        return "(" + ", ".join([repr(e) for e in x]) + ")"
    if kind is dict:
        return "{" + ", ".join([repr(k) + ": " + repr(v) for k, v in x.items()]) + "}"
    return repr(x)


def _sorted_by_key(iterable, key, reverse):
    items = list(iterable)
    _sort_by_keys(items, [key(x) for x in items], reverse)
    return items


def _sort_list_by_key(items, key, reverse):
    _sort_by_keys(items, [key(x) for x in items], reverse)


def _min_max_by_key(name, items, key, want_max, default, has_default):
    if not items:
        if has_default:
            return default
        raise ValueError(name + "() arg is an empty sequence")
    best = items[0]
    best_key = key(best)
    for item in items[1:]:
        k = key(item)
        if (k > best_key) if want_max else (k < best_key):
            best = item
            best_key = k
    return best


def _list_from_iterable(iterable, as_list):
    items = [x for x in iterable]
    return items if as_list else tuple(items)


def map(function, *iterables):
    if len(iterables) == 1:
        return [function(x) for x in iterables[0]]
    return [function(*args) for args in zip(*iterables)]


def filter(function, iterable):
    if function is None:
        return [x for x in iterable if x]
    return [x for x in iterable if function(x)]


def any(iterable):
    for x in iterable:
        if x:
            return True
    return False


def all(iterable):
    for x in iterable:
        if not x:
            return False
    return True
)PY";

} // namespace engine
