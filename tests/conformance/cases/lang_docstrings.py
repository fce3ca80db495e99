# Docstrings: a function's, a method's, a class's (seen by its instances, not inherited by a subclass), a module's, and the one functools.wraps copies onto a decorator's wrapper.
"""A module docstring."""
import functools
from enum import Enum
from dataclasses import dataclass


def timer(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        """The wrapper's own words."""
        return func(*args, **kwargs)
    return wrapper


@timer
def work(n):
    """Adds up to n.

    Slowly.
    """
    return sum(range(n))


def bare():
    return 1


class Account:
    """A bank account."""

    def deposit(self, amount):
        "Puts money in."
        return amount

    async def later(self):
        """Awaits."""

    def gen(self):
        """Yields."""
        yield 1


class Savings(Account):
    pass


class Color(Enum):
    """Colours."""
    RED = 1
    GREEN = 2


@dataclass
class Point:
    """A point."""
    x: int = 0


print(__doc__)
print(work.__doc__, work.__name__, work(5))
print(bare.__doc__, (lambda: 0).__doc__)
print(Account.__doc__, Account().__doc__, Savings.__doc__, Savings().__doc__)
print(Account.deposit.__doc__, Account().deposit.__doc__, Account.later.__doc__, Account.gen.__doc__)
print(Color.__doc__, list(Color), Point.__doc__, Point(3))
