# The bisect module: binary search in a sorted list, with CPython's results and errors.
def _bounds(a, lo, hi):
    if lo < 0:
        raise ValueError("lo must be non-negative")
    if hi is None:
        if not hasattr(a, "__len__"):
            raise TypeError("object of type '%s' has no len()" % type(a).__name__)
        return len(a)
    return hi


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    hi = _bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if (a[mid] if key is None else key(a[mid])) < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    hi = _bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < (a[mid] if key is None else key(a[mid])):
            hi = mid
        else:
            lo = mid + 1
    return lo


def insort_left(a, x, lo=0, hi=None, *, key=None):
    index = bisect_left(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(index, x)


def insort_right(a, x, lo=0, hi=None, *, key=None):
    index = bisect_right(a, x if key is None else key(x), lo, hi, key=key)
    a.insert(index, x)


bisect = bisect_right
insort = insort_right
