# Assignment expressions in conditions, comprehensions (binding in the enclosing scope), calls
# and subscripts; raise ... from ... with __cause__, __context__ and __suppress_context__.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"list has {n} items")

i = 0
while (chunk := data[i:i + 2]):
    print(chunk)
    i += 2

values = [y for x in data if (y := x * 2) > 6]
print(values, y)

def f():
    total = 0
    squares = [total := total + v for v in range(5)]
    return squares, total

print(f())
print([(last := k) for k in "abc"], last)
print((z := 10), z)
print(data[(k := 1)], k)

def g(items):
    if any((hit := v) > 5 for v in items):
        return hit
    return None
print(g(data), g([1, 2]))

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("lookup failed") from e
except ValueError as err:
    print(repr(err), repr(err.__cause__), repr(err.__context__), err.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("hidden") from None
except RuntimeError as err:
    print(err.__cause__, repr(err.__context__), err.__suppress_context__)

try:
    raise TypeError from ValueError
except TypeError as err:
    print(repr(err), repr(err.__cause__))

try:
    raise TypeError("x") from 5
except TypeError as err:
    print(err)

e = ValueError("fresh")
print(e.__cause__, e.__context__, e.__suppress_context__)
