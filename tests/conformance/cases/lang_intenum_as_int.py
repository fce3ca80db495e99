# IntEnum and IntFlag members used where ints are: indexes, int(), %d, hex(), dict keys.
from enum import IntEnum, IntFlag, Enum
class Color(IntEnum):
    RED = 1
    GREEN = 2
    BLUE = 3
class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
x = Color.GREEN
print(list(range(x)), [10, 20, 30][x], int(x), '%d' % x, f'{x:d}', hex(x), x + 1, x * 2, x == 2)
print("abc"[Color.RED], [1, 2, 3][Color.RED:], bin(x), oct(x), float(x), x < 3, sorted([Color.BLUE, 1]))
print(Perm.R | Perm.W, int(Perm.R | Perm.W), (Perm.R | Perm.W) & Perm.R, Perm.R in (Perm.R | Perm.W))
print(format(x, "03d"), "{:>4}".format(int(x)), divmod(x, 2), x ** 2, -x, abs(x), round(x))
print(str(x), repr(x), f"{x}", "%s" % x, "%r" % x)
print(x.to_bytes(2, "big"), x.bit_length(), [0] * x, "ab" * x, chr(64 + x))
d = {2: "two"}
print(d[x], x in d, hash(x) == hash(2))
import operator
print(operator.index(x))
