# The itertools module, written in Python as generators: the infinite iterators (count, cycle,
# repeat), the terminating ones (accumulate, chain, compress, dropwhile, filterfalse, groupby,
# islice, pairwise, starmap, takewhile, tee, zip_longest) and the combinatoric ones (product,
# permutations, combinations, combinations_with_replacement), with CPython's results and errors.
def count(start=0, step=1):
    # The arguments are checked when count() is called, as CPython's are, not at the first next().
    for value in (start, step):
        if not isinstance(value, (int, float)):
            raise TypeError("a number is required")
    return _count(start, step)


def _count(n, step):
    while True:
        yield n
        n += step


def cycle(iterable):
    return _cycle(iter(iterable))


def _cycle(it):
    saved = []
    for item in it:
        yield item
        saved.append(item)
    while saved:
        for item in saved:
            yield item


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    for _ in range(times):
        yield obj


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        for first in it:
            total = first
            break
        else:
            return
    yield total
    for item in it:
        total = total + item if func is None else func(total, item)
        yield total


def _chain(iterables):
    for iterable in iterables:
        for item in iterable:
            yield item


class chain:
    def __init__(self, *iterables):
        self._it = _chain(iterables)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    def from_iterable(iterables):
        result = chain()
        result._it = _chain(iterables)
        return result


def compress(data, selectors):
    data, selectors = iter(data), iter(selectors)
    end = object()
    while True:
        item, keep = next(data, end), next(selectors, end)
        if item is end or keep is end:
            return
        if keep:
            yield item


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for item in it:
        if not predicate(item):
            yield item
            break
    for item in it:
        yield item


def filterfalse(predicate, iterable):
    for item in iterable:
        if not (bool(item) if predicate is None else predicate(item)):
            yield item


def takewhile(predicate, iterable):
    for item in iterable:
        if not predicate(item):
            return
        yield item


def _group(it, state, group_key, keyfunc, end, token):
    # state: the current item, its key, and the token of the group being walked; a group
    # whose token is no longer current (the caller moved to the next group) yields nothing.
    while state[0] is not end and state[1] == group_key and state[2] is token:
        yield state[0]
        if state[2] is not token:
            return
        state[0] = next(it, end)
        if state[0] is not end:
            state[1] = keyfunc(state[0])


def groupby(iterable, key=None):
    keyfunc = key if key is not None else (lambda x: x)
    it = iter(iterable)
    end = object()
    state = [next(it, end), None, None]
    if state[0] is end:
        return
    state[1] = keyfunc(state[0])
    while state[0] is not end:
        group_key = state[1]
        state[2] = object()
        yield group_key, _group(it, state, group_key, keyfunc, end, state[2])
        # Whatever the caller did not take of the group is skipped.
        state[2] = None
        while state[0] is not end and state[1] == group_key:
            state[0] = next(it, end)
            if state[0] is not end:
                state[1] = keyfunc(state[0])


def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = 0, args[0], 1
    elif len(args) in (2, 3):
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else 1
        start = 0 if start is None else start
        step = 1 if step is None else step
    else:
        raise TypeError("islice expected at most 4 arguments, got " + str(len(args) + 1))
    message = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize." if len(args) == 1 else "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
    for value in (start, stop):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ValueError(message)
    if not isinstance(step, int) or step <= 0:
        raise ValueError("Step for islice() must be a positive integer or None.")
    # Plain next() calls: enumerate() and zip() would read an infinite source to its end.
    it = iter(iterable)
    end = object()
    i = 0
    next_index = start
    while stop is None or i < stop:
        item = next(it, end)
        if item is end:
            return
        if i == next_index:
            yield item
            next_index += step
        i += 1


def pairwise(iterable):
    it = iter(iterable)
    end = object()
    previous = next(it, end)
    if previous is end:
        return
    for item in it:
        yield previous, item
        previous = item


def starmap(function, iterable):
    for args in iterable:
        yield function(*tuple(args))


def _tee_branch(buffers, index, source):
    buffer = buffers[index]
    end = object()
    while True:
        if not buffer:
            item = next(source, end)
            if item is end:
                return
            for other in buffers:
                other.append(item)
        yield buffer.pop(0)


def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    source = iter(iterable)
    buffers = [[] for _ in range(n)]
    return tuple(_tee_branch(buffers, i, source) for i in range(n))


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    end = object()
    if not iterators:
        return
    while True:
        row = []
        alive = 0
        for it in iterators:
            item = next(it, end)
            if item is end:
                row.append(fillvalue)
            else:
                alive += 1
                row.append(item)
        if not alive:
            return
        yield tuple(row)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    rows = [[]]
    for pool in pools:
        rows = [row + [item] for row in rows for item in pool]
    for row in rows:
        yield tuple(row)


def _arrangements(pool, r, prefix, remaining):
    if len(prefix) == r:
        yield tuple(pool[i] for i in prefix)
        return
    for k in range(len(remaining)):
        yield from _arrangements(pool, r, prefix + [remaining[k]], remaining[:k] + remaining[k + 1:])


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    yield from _arrangements(pool, r, [], list(range(n)))


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        i = r - 1
        while i >= 0 and indices[i] == i + n - r:
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r < 0:
        raise ValueError("r must be non-negative")
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        i = r - 1
        while i >= 0 and indices[i] == n - 1:
            i -= 1
        if i < 0:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
