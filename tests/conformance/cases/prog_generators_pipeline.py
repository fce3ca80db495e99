# An ordinary program of the kind issue 14 lists, run unchanged.
import itertools
def numbers():
    n = 0
    while True:
        yield n
        n += 1
def evens(src):
    return (x for x in src if x % 2 == 0)
def squares(src):
    for x in src:
        yield x * x
print(list(itertools.islice(squares(evens(numbers())), 6)))
print(list(itertools.accumulate([1, 2, 3, 4], initial=10)))
print([(k, list(g)) for k, g in itertools.groupby("aaabccdd")])
print(list(itertools.pairwise([1, 4, 9, 16])), list(itertools.combinations("abc", 2)))
print(list(itertools.zip_longest([1, 2, 3], "ab", fillvalue="-")), list(itertools.product([0, 1], repeat=2)))
print(list(itertools.chain.from_iterable([[1], [2, 3]])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
