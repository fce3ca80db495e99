# Generator functions: yield, send(), yield from, return values as StopIteration.value, throw()
# and close(), for-loops and next() over them.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


print(list(count(4)))
for x in count(3):
    print("x", x)

g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, e.args)
print(next(g, "default"))


def echo():
    total = 0
    while True:
        got = yield total
        if got is None:
            break
        total += got
    return total


e = echo()
print(e.send(None))
print(e.send(5))
print(e.send(7))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)


def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return x + y


def outer():
    result = yield from inner()
    print("outer result", result)
    yield from [10, 20]
    yield from (c * 2 for c in "ab")
    return result


o = outer()
print(next(o))
print(o.send(3))
print(o.send(4))
print(list(o))


def catcher():
    try:
        yield 1
    except ValueError as err:
        print("caught", err)
        yield 99
    finally:
        print("cleanup")


c = catcher()
print(next(c))
print(c.throw(ValueError("boom")))
c.close()
print("closed")


def deleg():
    yield from catcher()


d = deleg()
next(d)
print(d.throw(ValueError, ))
d.close()

g = count(3)
print(type(g).__name__, sum(g))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(10)])
h = (i for i in range(3))
print(h.send(None))


def bad():
    yield 1
    raise KeyError("k")


b = bad()
next(b)
try:
    next(b)
except KeyError as k:
    print("keyerror", k)
print(next(b, "finished"))
try:
    count(2).send(5)
except TypeError as t:
    print(t)
