# itertools: the infinite, terminating and combinatoric iterators.
from itertools import (count, cycle, repeat, chain, islice, permutations, combinations,
                       combinations_with_replacement, product, accumulate, groupby, zip_longest,
                       starmap, takewhile, dropwhile, pairwise, tee, compress, filterfalse)
import operator

print(list(islice(count(10, 5), 4)), list(islice(cycle("ab"), 5)), list(repeat("x", 3)))
print(list(islice(count(1.5, 0.5), 3)))
print(list(chain([1, 2], (3,), "de")), list(chain.from_iterable([[1], [2, 3], []])))
print(list(islice(range(10), 2, 8, 3)), list(islice("abcdef", 3)), list(islice(range(5), 1, None)))
print(list(permutations("abc", 2)), len(list(permutations(range(5)))))
print(list(combinations(range(4), 2)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("ab", 2)))
print(list(product("ab", [0, 1])), list(product(range(2), repeat=3))[:3])
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=0)), list(accumulate([3, 1, 4, 1, 5], max)))
for key, group in groupby("aaabccdaa"):
    print(key, list(group))
print([(k, len(list(g))) for k, g in groupby(sorted([5, 1, 12, 15, 3, 11]), key=lambda n: n // 10)])
groups = [(k, g) for k, g in groupby("aabb")]
print([(k, list(g)) for k, g in groups])
print(list(zip_longest("abc", [1], fillvalue="-")), list(zip_longest()))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 5, 1])), list(pairwise("abcd")), list(pairwise([1])))
a, b = tee([1, 2, 3])
print(list(a), list(b))
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(filterfalse(lambda x: x % 2, range(6))))
for action in (lambda: list(islice([], -1)), lambda: list(permutations([1], -1)), lambda: list(islice([1], 0, 3, 0))):
    try:
        action()
    except Exception as e:
        print(type(e).__name__ + ":", e)
