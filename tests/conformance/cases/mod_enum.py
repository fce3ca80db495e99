# enum: members and their repr/str/name/value, iteration, lookup by name and value, aliases,
# auto, unique, IntEnum, StrEnum, Flag and IntFlag, and CPython's messages for what is refused.
from enum import Enum, IntEnum, auto, unique, Flag, IntFlag, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return self.name.lower()
print(Color.RED, repr(Color.RED), Color.CRIMSON, Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color['GREEN'], Color(3), Color.RED in Color)
print(f"{Color.RED}", format(Color.RED), "%s" % Color.RED, str(Color.BLUE))
print(Color, repr(Color), Color.__members__.keys() if False else list(Color.__members__))
print(Color.RED == 1, Color.RED == Color.CRIMSON, Color.RED is Color.CRIMSON, Color.RED != Color.GREEN)
print(type(Color.RED), isinstance(Color.RED, Color))
print({Color.RED: 'r'}[Color.CRIMSON], Color.RED.describe())
class N(IntEnum):
    ONE = 1
    TWO = 2
print(N.ONE, repr(N.ONE), N.ONE + 1, N.TWO > N.ONE, N.ONE == 1, f"{N.TWO}", sorted([N.TWO, N.ONE]), N(2))
class A(Enum):
    X = auto()
    Y = auto()
print(A.X.value, A.Y.value, repr(A.Y))
try:
    Color(5)
except ValueError as e:
    print(e)
try:
    Color['PURPLE']
except KeyError as e:
    print(repr(e))
try:
    @unique
    class D(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print(e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print(e)
try:
    Color.RED = 5
except AttributeError as e:
    print(e)
try:
    class E(Color):
        X = 9
except TypeError as e:
    print(e)
class P(Flag):
    R = auto()
    W = auto()
    X = auto()
print(P.R | P.W, repr(P.R | P.W), P.R in (P.R | P.W), P(3), bool(P.R & P.W), list(P))
class S(StrEnum):
    A = auto()
    B = 'bee'
print(S.A, repr(S.A), S.B == 'bee')
class Planet(Enum):
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value, Planet((5.976e+24, 6.37814e6)))
print(Color.RED.__class__.__name__, Color.__name__, N.ONE.name)
class P(Flag):
    R = auto()
    W = auto()
    X = auto()
print(P, repr(P(0)), str(P(0)), ~P.R, repr(~P.R), list(P.R|P.X), P.R|P.W|P.X)
class Q(IntFlag):
    R = 4
    W = 2
print(Q.R | Q.W, repr(Q.R|Q.W), Q.R | 1, repr(Q.R|1), Q.R + 1, str(Q.R), Q.R == 4)
try:
    print(Color.RED in Color)
except TypeError as e:
    print(e)
try:
    P(8)
except ValueError as e:
    print(e)
print(Color.__members__)
print(Color.RED.__class__, Color._member_names_)
class N2(IntEnum):
    A = 1
    B = 2
print(N2.A * 3, N2.A | 2, -N2.A, N2.B / 4, N2.A + N2.B, 2 ** N2.B, max(N2.A, 0), '%d' % N2.B, f'{N2.B:03d}', N2.A < 2)
print(Color.RED.value, Color(5 - 4).name, [c.name for c in reversed(Color)])
Color(7)
