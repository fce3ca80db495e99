# Frozen dataclasses: hashable by their fields (dict keys, set members), assignment refused.
from dataclasses import dataclass, FrozenInstanceError, field
import dataclasses
@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, hash(p) == hash(Point(1, 2)))
d = {p: "a", Point(3): "b"}
print(d[Point(1, 2)], Point(3) in d, len({Point(1), Point(1), Point(2)}))
try:
    p.x = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    del p.y
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
@dataclass
class M:
    a: list = field(default_factory=list)
try:
    hash(M())
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad:
        a: list = []
except ValueError as e:
    print(e)
try:
    M(1, 2)
except TypeError as e:
    print(e)
p.x = 7
