// The prelude: built-ins written in Python because they call Python code (a key function, a
// user-defined __str__ or __repr__). Natives hand over to these functions instead of running
// a nested interpreter, so every such call goes through frames like the rest of the program.
// Its frames are hidden from tracebacks, as CPython's built-ins are.
#include "engine/builtins.h"

namespace engine {

const char kPreludeSource[] = R"PY(
def _print_slow(args, sep, end, file):
    text = sep.join([str(a) for a in args]) + end
    if file is None:
        _write(text)
    else:
        file.write(text)


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
    if kind is set or kind is frozenset:
        if not x:
            return kind.__name__ + "()"
        inner = "{" + ", ".join([repr(e) for e in x]) + "}"
        return inner if kind is set else "frozenset(" + inner + ")"
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
    best_key = best if key is None else key(best)
    for item in items[1:]:
        k = item if key is None else key(item)
        if (k > best_key) if want_max else (k < best_key):
            best = item
            best_key = k
    return best


def _merge_sort(items, keys, reverse):
    # A stable merge sort whose comparisons run user-defined __lt__ methods; with reverse,
    # equal items keep their order, as list.sort(reverse=True) does.
    order = list(range(len(items)))
    width = 1
    while width < len(order):
        merged = []
        for start in range(0, len(order), 2 * width):
            left = order[start:start + width]
            right = order[start + width:start + 2 * width]
            i = j = 0
            while i < len(left) and j < len(right):
                a, b = keys[left[i]], keys[right[j]]
                if (a < b) if reverse else (b < a):
                    merged.append(right[j])
                    j += 1
                else:
                    merged.append(left[i])
                    i += 1
            merged.extend(left[i:])
            merged.extend(right[j:])
        order = merged
        width *= 2
    items[:] = [items[i] for i in order]


def _sequence_equal(a, b):
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x is not y and not x == y:
            return False
    return True


def _compare_slow(op, a, b):
    # Comparisons of containers whose elements define __eq__ or __lt__ in Python.
    if op == "in" or op == "not in":
        found = False
        for x in (b.keys() if type(b) is dict else b):
            if x is a or x == a:
                found = True
                break
        return found if op == "in" else not found
    if type(a) is dict:
        equal = type(b) is dict and len(a) == len(b) and all([k in b and _sequence_equal([a[k]], [b[k]]) for k in a])
    else:
        equal = type(a) is type(b) and _sequence_equal(a, b)
    if op == "==":
        return equal
    if op == "!=":
        return not equal
    for x, y in zip(a, b):
        if x is not y and not x == y:
            if op == "<":
                return x < y
            if op == "<=":
                return x <= y
            if op == ">":
                return x > y
            return x >= y
    if op == "<":
        return len(a) < len(b)
    if op == "<=":
        return len(a) <= len(b)
    if op == ">":
        return len(a) > len(b)
    return len(a) >= len(b)


def _call_with_lists(function, args, kwargs, convert):
    # Natives walk built-in iterables only: user-defined ones become lists first.
    return function(*[[x for x in a] if c else a for a, c in zip(args, convert)], **kwargs)


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
