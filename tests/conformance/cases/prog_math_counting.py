# An ordinary program of the kind issue 14 lists, run unchanged.
import math
print(math.comb(10, 3), math.comb(52, 5), math.comb(5, 7), math.perm(5, 2), math.perm(4), math.prod([1, 2, 3, 4]), math.prod([]))
print(math.comb(100, 50), math.prod(range(1, 21)) == math.factorial(20), math.prod([0.5, 4], start=2))
for bad in [(-1, 2), (5, -1), (5.0, 2)]:
    try:
        math.comb(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
