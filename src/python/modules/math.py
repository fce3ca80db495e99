# The math module's counting functions (perm, comb, prod), in Python over the natives of math.cpp:
# exact big ints and CPython's messages.
def _whole(value):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return value


def perm(n, k=None):
    n = _whole(n)
    if k is None:
        k = n
    k = _whole(k)
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    if k > n:
        return 0
    result = 1
    for factor in range(n - k + 1, n + 1):
        result *= factor
    return result


def comb(n, k):
    n, k = _whole(n), _whole(k)
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    if k > n:
        return 0
    k = min(k, n - k)
    result = 1
    for i in range(1, k + 1):
        result = result * (n - k + i) // i
    return result


def prod(iterable, *, start=1):
    result = start
    for item in iterable:
        result = result * item
    return result
