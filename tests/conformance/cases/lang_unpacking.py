# Unpacking in list, tuple, set and dict displays and in calls (several * and **), with
# CPython's errors for what cannot be unpacked.
a = [1, 2, 3]
b = (4, 5)
print([*a, *b])
print((*a, 1))
print(*a, *b, sep="-")
s = {*a, *b, 3}
print(sorted(s))
d = {"x": 1}
e = {"y": 2, "x": 0}
print({**d, "k": 1})
print({**d, **e})
print({"x": 9, **d})
def f(*args, **kwargs):
    return args, kwargs
print(f(*a, *b, **d, **{"z": 3}))
print(f(0, *a, 7, *range(2), key="v", **d))
t = *a, *b
print(t)
first, *rest = [*"hello"]
print(first, rest)
print([*range(3), *"ab", *{"k": 1}])
def gen():
    yield 1
    yield 2
print([*gen(), *gen()], {*gen()})
class Bag:
    def __iter__(self):
        return iter([7, 8])
print([*Bag()], (*Bag(), 9), {*Bag()})
for x in *a, 10:
    print(x, end=" ")
print()
try:
    f(**d, **{"x": 2})
except TypeError as err:
    print(err)
try:
    f(*5)
except TypeError as err:
    print(err)
try:
    print(**5)
except TypeError as err:
    print(err)
try:
    [*5]
except TypeError as err:
    print(err)
try:
    {*5}
except TypeError as err:
    print(err)
try:
    {**5}
except TypeError as err:
    print(err)
try:
    {*[[1]]}
except TypeError as err:
    print(err)
