# The prelude: built-ins written in Python because they call Python code (a key function, a
# user-defined __str__ or __repr__). Natives hand over to these functions instead of running
# a nested interpreter, so every such call goes through frames like the rest of the program.
# Its frames are hidden from tracebacks, as CPython's built-ins are.
def _class_ready(cls, named, keywords):
    # A new class: the __set_name__ written in Python of its attributes, then its bases'
    # __init_subclass__ with the class keywords (class_ready in descriptors.cpp does the
    # native ones itself).
    for value, name in named:
        type(value).__set_name__(value, cls, name)
    super(cls, cls).__init_subclass__(**keywords)


class NotImplementedType:
    # The type of NotImplemented, which operator methods return to hand over to the other
    # operand (the interpreter knows the one instance); calling the type gives that instance.
    __slots__ = ()

    def __new__(cls):
        return NotImplemented

    def __repr__(self):
        return "NotImplemented"

    def __reduce__(self):
        return "NotImplemented"


NotImplemented = object.__new__(NotImplementedType)


def _print_slow(args, sep, end, file):
    # Each piece is written as soon as it is made, so output before a failing __str__ stays.
    write = _write if file is None else file.write
    for i in range(len(args)):
        if i:
            write(sep)
        write(str(args[i]))
    write(end)


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


def _percent_slow(fmt, args):
    # "%" formatting when an argument has a user-defined __str__ or __repr__: each directive is
    # formatted on its own, %s and %r after str() or repr() ran through frames.
    mapping = args if type(args) is dict else None
    values = list(args) if type(args) is tuple else [args]
    out = []
    used = 0
    i = 0
    while i < len(fmt):
        if fmt[i] != "%":
            out.append(fmt[i])
            i += 1
            continue
        j = i + 1
        key = None
        if j < len(fmt) and fmt[j] == "(":
            close = fmt.index(")", j)
            key = fmt[j + 1:close]
            j = close + 1
        flags_start = j
        while j < len(fmt) and fmt[j] in "-+ #0123456789.":
            j += 1
        if j >= len(fmt):
            raise ValueError("incomplete format")
        kind = fmt[j]
        directive = "%" + fmt[flags_start:j + 1]
        i = j + 1
        if kind == "%":
            out.append("%")
            continue
        if key is not None:
            value = mapping[key]
        else:
            if used >= len(values):
                raise TypeError("not enough arguments for format string")
            value = values[used]
            used += 1
        if kind == "s":
            value = str(value)
        elif kind == "r" or kind == "a":
            value = repr(value)
            directive = directive[:-1] + "s"
        else:
            value = _int_or_itself(value)
        out.append(directive % (value,))
    if mapping is None and used < len(values):
        raise TypeError("not all arguments converted during string formatting")
    return "".join(out)


def _format_field(name, args, kwargs, counter):
    # The value a str.format field names: "", "0", "name", then .attr and [key] parts.
    end = len(name)
    for stop in ".[":
        at = name.find(stop)
        if at != -1 and at < end:
            end = at
    head = name[:end]
    if head == "" or head.isdigit():
        if head == "":
            if counter[1]:
                raise ValueError("cannot switch from manual field specification to automatic field numbering")
            counter[2] = True
            index = counter[0]
            counter[0] += 1
        else:
            if counter[2]:
                raise ValueError("cannot switch from automatic field numbering to manual field specification")
            counter[1] = True
            index = int(head)
        if index >= len(args):
            raise IndexError("Replacement index " + str(index) + " out of range for positional args tuple")
        value = args[index]
    else:
        value = kwargs[head]
    rest = name[end:]
    while rest:
        if rest[0] == ".":
            stop = len(rest)
            for c in ".[":
                at = rest.find(c, 1)
                if at != -1 and at < stop:
                    stop = at
            value = getattr(value, rest[1:stop])
            rest = rest[stop:]
        else:
            close = rest.index("]")
            key = rest[1:close]
            value = value[int(key)] if key.isdigit() else value[key]
            rest = rest[close + 1:]
    return value


def _format_slow(fmt, args, kwargs):
    # str.format when an argument has a user-defined __str__, __repr__ or __format__.
    out = []
    counter = [0, False, False]
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "}":
            if fmt[i + 1:i + 2] == "}":
                out.append("}")
                i += 2
                continue
            raise ValueError("Single '}' encountered in format string")
        if c != "{":
            out.append(c)
            i += 1
            continue
        if fmt[i + 1:i + 2] == "{":
            out.append("{")
            i += 2
            continue
        depth = 1
        j = i + 1
        while j < len(fmt) and depth:
            if fmt[j] == "{":
                depth += 1
            elif fmt[j] == "}":
                depth -= 1
            j += 1
        if depth:
            raise ValueError("Single '{' encountered in format string")
        field = fmt[i + 1:j - 1]
        i = j
        spec = ""
        colon = field.find(":")
        if colon != -1:
            spec = field[colon + 1:]
            field = field[:colon]
            if "{" in spec:
                spec = _format_slow(spec, args, kwargs)
        conversion = None
        bang = field.find("!")
        if bang != -1:
            conversion = field[bang + 1:]
            field = field[:bang]
        value = _format_field(field, args, kwargs, counter)
        if conversion == "r" or conversion == "a":
            value = repr(value)
        elif conversion == "s":
            value = str(value)
        out.append(format(value, spec))
    return "".join(out)


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
    # Natives walk built-in iterables only: user-defined ones become lists first; dict() takes
    # an object with keys() as a mapping, as CPython's does.
    if function is dict and hasattr(args[0], "keys"):
        return dict([(key, args[0][key]) for key in args[0].keys()], **kwargs)
    return function(*[[x for x in a] if c else a for a, c in zip(args, convert)], **kwargs)


def _call_until(function, sentinel):
    # iter(function, sentinel): a generator calling it until it returns the sentinel.
    if not callable(function):
        raise TypeError("iter(v, w): v must be callable")
    def calls():
        while True:
            value = function()
            if value == sentinel:
                return
            yield value
    return calls()


def _sum_lazily(iterable, total):
    # sum() of a generator or a user-defined iterable takes one item at a time, as CPython's
    # does: sum(i * i for i in range(5_000_000)) never holds five million ints.
    for x in iterable:
        total = total + x
    return total


def _list_from_iterable(iterable, as_list):
    items = [x for x in iterable]
    return items if as_list else tuple(items)


class _AsyncGenStep:
    # What an async generator's __anext__, asend, athrow and aclose return. Awaiting it runs
    # the generator to its next `yield`, passing what its own awaits yield on to the event
    # loop (and what the loop sends or throws back in to it), and gives the yielded value; the
    # generator's end is StopAsyncIteration. `closing`: aclose(), which wants the end.
    def __init__(self, agen, sent, thrown, closing):
        self.agen = agen
        self.sent = sent
        self.thrown = thrown
        self.closing = closing

    def __await__(self):
        agen = self.agen
        try:
            item = _resume(agen, self.sent) if self.thrown is None else _throw_into(agen, self.thrown)
            while not _async_yielded(agen):
                try:
                    sent = yield item
                except BaseException as error:
                    item = _throw_into(agen, error)
                else:
                    item = _resume(agen, sent)
        except StopIteration:
            if self.closing:
                return None
            raise StopAsyncIteration from None
        except GeneratorExit:
            if self.closing:
                return None
            raise
        if self.closing:
            raise RuntimeError("async generator ignored GeneratorExit")
        return item


def aiter(iterable):
    method = getattr(type(iterable), "__aiter__", None)
    if method is None:
        raise TypeError("'" + type(iterable).__name__ + "' object is not an async iterable")
    return method(iterable)


def anext(iterator, *default):
    method = getattr(type(iterator), "__anext__", None)
    if method is None:
        raise TypeError("'" + type(iterator).__name__ + "' object is not an async iterator")
    if not default:
        return method(iterator)
    return _anext_or_default(method(iterator), default[0])


async def _anext_or_default(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default


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
