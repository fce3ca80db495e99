# NotImplemented: operator methods hand over to the other operand's reflected method, and when
# every one declines, == falls back to identity and < or + raise TypeError naming both types.
import functools


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents < other.cents

    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __repr__(self):
        return f"Money({self.cents})"


class Coupon:
    def __eq__(self, other):
        if isinstance(other, Money):
            return other.cents == 0
        return NotImplemented

    def __gt__(self, other):
        return NotImplemented

    def __radd__(self, other):
        return "coupon applied to " + repr(other)


@functools.total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts if isinstance(other, Version) else NotImplemented

    def __lt__(self, other):
        return self.parts < other.parts if isinstance(other, Version) else NotImplemented

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


def attempt(label, f):
    try:
        print(label, "->", f())
    except TypeError as e:
        print(label, "-> TypeError:", e)


print(NotImplemented, type(NotImplemented).__name__, type(NotImplemented)() is NotImplemented)
print(Money(5) == Money(5), Money(5) == Money(6), Money(5) != Money(6))
print(Money(5) == 5, 5 == Money(5), Money(5) != 5, Money(5) == "5")
print(Money(0) == Coupon(), Coupon() == Money(0), Money(1) != Coupon())
c = Coupon()
print(c == c, c != c, c == Coupon(), Coupon() in [Coupon()], c in [Coupon(), c])
print(Money(5) + 2, Money(5) + Money(7), Money(5) + Coupon())
print(sum([Money(1), Money(2), Money(3)]))
wallet = Money(10)
wallet += 5
print(wallet)
print(sorted([Money(30), Money(10), Money(20)]), max(Money(3), Money(9)), min([Money(4), Money(2)]))
print(sorted([Version(1, 10), Version(1, 2), Version(0, 9)]), Version(1, 2) <= Version(1, 2), Version(2) > Version(1, 9))
attempt("Money < int", lambda: Money(1) < 1)
attempt("int < Money", lambda: 1 < Money(1))
attempt("Money > int", lambda: Money(1) > 1)
attempt("Money < Coupon", lambda: Money(1) < Coupon())
attempt("Coupon > Money", lambda: Coupon() > Money(1))
attempt("Version <= str", lambda: Version(1) <= "1")
attempt("Money + str", lambda: Money(1) + "x")
attempt("str + Money", lambda: "x" + Money(1))
attempt("1 + Money", lambda: 1 + Money(1))
attempt("Coupon + Coupon", lambda: Coupon() + Coupon())
attempt("Money - Money", lambda: Money(3) - Money(1))


def spend():
    w = Money(1)
    w += "lots"
    return w


attempt("Money += str", spend)
attempt("sorted mixed", lambda: sorted([Money(2), 1, Money(1)]))
attempt("sorted versions and str", lambda: sorted([Version(1), "2"]))
attempt("max mixed", lambda: max([Money(2), 7]))
