# dataclasses: generated __init__/__repr__/__eq__, defaults and default_factory, order, frozen,
# __post_init__, inheritance, asdict/astuple/fields/replace, and CPython's errors; ends with an
# assignment to a frozen instance.
from dataclasses import dataclass, field, asdict, astuple, fields, replace, FrozenInstanceError, is_dataclass
from typing import List, ClassVar
@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0
p = Point(1, 2)
print(p, p == Point(1, 2), p == Point(1, 3), p != Point(2, 2), Point(5))
print(asdict(p), astuple(p), [f.name for f in fields(p)], replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(3))
print(Point.__match_args__, Point.y, Point.count, hasattr(Point, 'tags'))
for args in [(), (1, 2, [], 4)]:
    try:
        Point(*args)
    except TypeError as e:
        print(e)
try:
    Point(1, z=3)
except TypeError as e:
    print(e)
try:
    Point(1, x=3)
except TypeError as e:
    print(e)
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    def __post_init__(self):
        if self.major < 0:
            raise ValueError("negative")
v = Version(1, 2)
print(v, v < Version(1, 3), sorted([Version(2), Version(1, 5), Version(1)]), v >= Version(1, 2))
try:
    v.major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del v.minor
except FrozenInstanceError as e:
    print(e)
try:
    Version(-1)
except ValueError as e:
    print(e)
try:
    v < 3
except TypeError as e:
    print(e)
@dataclass
class Inventory:
    name: str
    items: dict = field(default_factory=dict)
    total: float = field(default=0.0, repr=False)
    ident: int = field(default=0, init=False, compare=False)
    def __post_init__(self):
        self.ident = len(self.name)
inv = Inventory("box")
inv.items["a"] = 1
print(inv, Inventory("box") == Inventory("box", {}), inv.ident)
@dataclass
class Child(Point):
    z: int = 5
print(Child(1, 2, ["a"], 3), [f.name for f in fields(Child)])
@dataclass
class Nest:
    p: Point
    ps: list
print(asdict(Nest(Point(1), [Point(2), (3, Point(4))])))
print(astuple(Nest(Point(1), [Point(2)])))
try:
    replace(inv, ident=3)
except ValueError as e:
    print(e)
try:
    fields(3)
except TypeError as e:
    print(e)
try:
    asdict(Point)
except TypeError as e:
    print(e)
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print(e)
try:
    @dataclass
    class Bad2:
        x: int = 0
        y: int
except TypeError as e:
    print(e)
try:
    @dataclass(order=True, eq=False)
    class Bad3:
        x: int
except ValueError as e:
    print(e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print(e)
try:
    {Point(1)}
except TypeError as e:
    print(e)
@dataclass(eq=False)
class Node:
    val: int
    next: 'Node' = None
n = Node(1, Node(2))
print(n, {n: 1}[n])
Version(9).minor = 1
