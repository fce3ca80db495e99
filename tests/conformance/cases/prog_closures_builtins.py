# An ordinary program of the kind issue 14 lists, run unchanged.
def outer():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
f = outer(); f(); f()
print(f(), f.__name__, f.__qualname__, callable(f))
print(list(map(lambda x: x ** 2, filter(lambda x: x % 2, range(10)))), any(x > 8 for x in range(10)), all([]))
print(sorted({3: "c", 1: "a"}.items()), dict(zip("ab", [1, 2])), list(enumerate("xy", start=1)))
print(divmod(17, 5), abs(-3.5), max("apple", "pear", key=len), min([], default=0), isinstance(True, int))
