# Generators suspended in except clauses, one delegating to another: each keeps its own
# exception (sys.exc_info, sys.exception) and the caller gets its own back at each yield.
import sys
def inner():
    try:
        raise KeyError("inner")
    except KeyError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
def outer():
    try:
        raise ValueError("outer")
    except ValueError:
        yield from inner()
        yield repr(sys.exc_info()[1])
g = outer()
try:
    raise TypeError("caller")
except TypeError:
    print(next(g), repr(sys.exc_info()[1]))
print(next(g), sys.exc_info()[1], sys.exception())
print(next(g), sys.exc_info()[1], sys.exception())
