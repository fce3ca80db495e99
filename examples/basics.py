# A tour of the Python subset Threadlab runs. `threadlab run examples/basics.py` prints exactly
# what `python3 examples/basics.py` prints.

# --- Numbers ------------------------------------------------------------------------------
print("ints:", 7 + 3, 7 - 10, 6 * 7, 7 / 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10, -2 ** 2)
print("floats:", 0.1 + 0.2, 1e16, 1.0, 2.5 * 4, 1 / 3, 3.0 // 2, -0.0, float("inf"))
print("mixed:", 1 + 2.0, True + True, 10 / 4, round(2.675, 2), round(3.5), round(4.5), abs(-3))
print("bits:", 6 & 3, 6 | 3, 6 ^ 3, ~5, 1 << 10, 1024 >> 3, hex(255), bin(5), oct(8))
print("divmod:", divmod(17, 5), divmod(-17, 5), pow(3, 4), pow(3, 4, 5))

# --- Strings ------------------------------------------------------------------------------
s = "Hello, Threadlab"
print(s.upper(), s.lower(), len(s), s[0], s[-1], s[7:], s[::-1], s[1:10:2])
print("split/join:", "a,b,,c".split(","), "  many   spaces here ".split(), "-".join(["x", "y", "z"]))
print("strip:", repr("  pad  ".strip()), repr("xxhixx".strip("x")), repr("  left".lstrip()))
print("find:", s.find("Thread"), s.find("zzz"), s.startswith("Hell"), s.endswith(("lab", "x")))
print("replace:", s.replace("l", "L"), s.replace("l", "L", 1), s.count("l"))
print("escapes:", repr("tab\there"), repr('quote\'s'), repr("new\nline"), "\u4e2d\u6587", len("中文"))
name, score = "Ada", 93.4567
print(f"{name:>6}|{name:<6}|{name:^7}|{score:.2f}|{score:8.1f}|{42:05d}|{1234567:,}|{name!r}|{score=:.1f}")
print("%-6s|%5d|%.3f|%x|%r|%%" % ("log", 42, 3.14159, 255, "q"))
print("{} + {} = {}".format(2, 3, 2 + 3), "{0}{1}{0}".format("ab", "-"), "{k}={v}".format(k="x", v=1))

# --- Containers -----------------------------------------------------------------------------
nums = [5, 3, 8, 1]
nums.append(7)
nums.extend([2, 9])
nums.insert(0, 4)
print("list:", nums, len(nums), nums.pop(), nums.pop(0), nums.index(8), 3 in nums, sorted(nums))
nums.sort(reverse=True)
print("sorted:", nums, sorted(["pear", "Fig", "apple"], key=str.lower), min(nums), max(nums), sum(nums))
print("slices:", nums[1:3], nums[:2], nums[-2:], nums[::2], [1, 2] + [3], [0] * 3)
t = (1, "two", 3.0)
print("tuple:", t, t[1], (1,), (), len(t), t.index("two"), t + (4,))
d = {"b": 2, "a": 1}
d["c"] = 3
print("dict:", d, d["a"], d.get("z", 0), list(d.keys()), list(d.values()), list(d.items()))
print("dict ops:", "a" in d, d.pop("b"), d, dict(x=1, y=2), {k: v * 10 for k, v in d.items()})
print("views:", d.keys(), d.values(), d.items())
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print("counts:", counts)

# --- Control flow -------------------------------------------------------------------------
for i in range(3):
    if i == 0:
        kind = "zero"
    elif i == 1:
        kind = "one"
    else:
        kind = "many"
    print(i, kind, end="; ")
print()
n = 10
while n > 0:
    n -= 3
    if n == 4:
        continue
    if n < 0:
        break
    print("n =", n)
else:
    print("while finished without break")
for i, ch in enumerate("abc", start=1):
    print(i, ch, sep=":", end=" ")
print()
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b, end=" | ")
print()
for x in range(10, 0, -4):
    print(x, end=" ")
print()
print("chains:", 1 < 2 < 3, 1 < 3 < 2, 1 == 1.0, "a" < "b" <= "b", not None, [] or "default", 0 and 1)
print("conditional:", "even" if 4 % 2 == 0 else "odd", [x * x for x in range(6) if x % 2 == 1])
print("nested comprehension:", [(x, y) for x in range(3) for y in range(x)])


# --- Functions ------------------------------------------------------------------------------
def describe(name, greeting="Hello", *rest, punctuation="!", **extra):
    return f"{greeting}, {name}{punctuation} rest={rest} extra={extra}"


print(describe("Ada"))
print(describe("Bob", "Hi", 1, 2, punctuation="?", mood="happy"))
args = ("Cy", "Hey")
opts = {"punctuation": "."}
print(describe(*args, **opts))
square = lambda v: v * v
print("lambda:", square(7), list(map(square, [1, 2, 3])), sorted([(2, "b"), (1, "z")], key=lambda p: p[1]))


def make_counter():
    count = 0

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


counter = make_counter()
counter()
counter(5)
print("closure:", counter())

total = 0


def add_to_total(amount):
    global total
    total += amount


add_to_total(5)
add_to_total(7)
print("global:", total)


def fib(k):
    return k if k < 2 else fib(k - 1) + fib(k - 2)


print("recursion:", [fib(k) for k in range(12)])


# --- Classes --------------------------------------------------------------------------------
class Account:
    bank = "Threadlab Savings"

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self

    def __str__(self):
        return f"{self.owner}: {self.balance}"

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"


class Savings(Account):
    def __init__(self, owner, balance, rate):
        super().__init__(owner, balance)
        self.rate = rate

    def add_interest(self):
        self.deposit(self.balance * self.rate)


class Checking(Account):
    def __init__(self, owner):
        Account.__init__(self, owner, 100)


acct = Savings("Ada", 1000, 0.05)
acct.add_interest()
print(acct, [acct], Account.bank, acct.bank, type(acct).__name__)
print(Checking("Bob").deposit(5), isinstance(acct, Account), isinstance(acct, Checking), issubclass(Savings, Account))
print("type:", type(1), type("s"), type(None), type(acct) is Savings, isinstance(True, int))


# --- Exceptions -------------------------------------------------------------------------------
class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
        self.needed = needed


def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount - balance)
    return balance - amount


for amount in (50, 500):
    try:
        print("left:", withdraw(100, amount))
    except InsufficientFunds as e:
        print("error:", e, e.needed, e.args)
    finally:
        print("checked", amount)

for bad in ["1 / 0", "[][1]", "{}['k']", "undefined", "int('x')", "None + 1", "'a'.nope"]:
    try:
        eval_result = {"1 / 0": lambda: 1 / 0, "[][1]": lambda: [][1], "{}['k']": lambda: {}["k"],
                       "undefined": lambda: undefined_name, "int('x')": lambda: int("x"),
                       "None + 1": lambda: None + 1, "'a'.nope": lambda: "a".nope}[bad]()
    except (ZeroDivisionError, IndexError, KeyError) as e:
        print(bad, "->", type(e).__name__, e)
    except Exception as e:
        print(bad, "->", type(e).__name__ + ":", e)

try:
    try:
        raise ValueError("inner")
    except ValueError:
        print("re-raising")
        raise
except ValueError as e:
    print("outer caught", repr(e))

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)


# --- Context managers -------------------------------------------------------------------------
class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self

    def __exit__(self, kind, value, traceback):
        print("close", self.name, "after", kind.__name__ if kind else "success")
        return kind is KeyError


with Resource("a") as r, Resource("b"):
    print("using", r.name)
with Resource("c"):
    raise KeyError("swallowed by __exit__")
print("after the with")

# --- Imports and the main guard -----------------------------------------------------------------
import math
from math import sqrt as root

print("math:", math.floor(2.7), math.ceil(2.1), root(16), round(math.pi, 4))
if __name__ == "__main__":
    print("running as the main program")
