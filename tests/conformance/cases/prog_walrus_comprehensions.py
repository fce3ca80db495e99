# An ordinary program of the kind issue 14 lists, run unchanged.
import math
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"{n} items")
print([y for x in data if (y := x * 2) > 6])
print({k: v for k, v in zip("abc", range(3))}, {x % 3 for x in range(10)})
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)], [x for row in matrix for x in row if x % 2])
print(*[1, 2], *"ab", sep=",")
first, *rest = "hello"
print(first, rest, {**{"a": 1}, "b": 2})
