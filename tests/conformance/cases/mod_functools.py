# functools: reduce, partial, wraps, lru_cache and cache (called as functions here),
# total_ordering and cmp_to_key.
from functools import reduce, partial, wraps, lru_cache, cache, total_ordering, cmp_to_key
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10), reduce(max, [3], 0))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)

def power(base, exponent):
    return base ** exponent
square = partial(power, exponent=2)
two_to = partial(power, 2)
print(square(7), two_to(10), square.func is power, square.args, square.keywords, partial(two_to, 3)())

def timer(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    wrapper = wraps(func)(wrapper)
    return wrapper

def greet(name):
    return "hello " + name
greet = timer(greet)
print(greet("ada"), greet.__name__)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib = lru_cache(maxsize=None)(fib)
print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())

def slow_square(n):
    return n * n
small = lru_cache(maxsize=2)(slow_square)
for n in [1, 2, 1, 3, 2, 1]:
    small(n)
print(small.cache_info())
cached = cache(slow_square)
print(cached(4), cached(4), cached.cache_info().hits)
try:
    cached([1])
except TypeError as e:
    print("TypeError:", e)

class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __repr__(self):
        return "Version(" + str(self.major) + ", " + str(self.minor) + ")"
Version = total_ordering(Version)
a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= a, sorted([b, a]))

def compare_length(x, y):
    return len(x) - len(y)
print(sorted(["ccc", "a", "bb"], key=cmp_to_key(compare_length)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda x, y: y - x)))
