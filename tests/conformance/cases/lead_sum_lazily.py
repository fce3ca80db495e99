# sum() over a generator or a user iterable takes one item at a time: the generator runs
# interleaved with the additions, a user-defined __add__ is called, and an error mid-way
# stops the sum where it happens.
def numbers(n):
    for i in range(n):
        print("yield", i)
        yield i

print(sum(numbers(3)))
print(sum(numbers(2), 10))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + (other.cents if isinstance(other, Money) else other))

    __radd__ = __add__


print(sum((Money(c) for c in (5, 10, 20)), Money(0)).cents)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(self.n, 0, -1))


print(sum(Countdown(4)))
print(sum(i * i for i in range(200_000)))
print(sum(x for x in [1, 2, "three"]))
