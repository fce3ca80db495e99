# Unhashable keys and huge ints to str: the errors CPython raises, and an uncaught one's last line.
from collections import Counter
def attempt(label, f):
    try:
        f()
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("dict", lambda: {[1]: 2})
attempt("set", lambda: {[1, 2]})
attempt("setadd", lambda: set().add({}))
attempt("counter", lambda: Counter([[1], [2]]))
attempt("dictget", lambda: {}.get([1]))
attempt("in", lambda: [1] in {1: 2})
attempt("hash", lambda: hash([1]))
attempt("frozenset", lambda: frozenset([[1]]))
attempt("bigstr", lambda: str(10 ** 5000))
attempt("bigint", lambda: int("1" * 5000))
attempt("bigrepr", lambda: repr(-10 ** 5000))
attempt("bigf", lambda: f"{10 ** 5000}")
print(len(str(10 ** 4299)))
Counter({(1, 2): 1})
d = {}
d[[1, 2]] = 3
