# The match statement: literal, capture, wildcard, value, sequence (with star), mapping (with
# **rest), class (positional through __match_args__ and keyword), | and as patterns, guards,
# and the TypeErrors of a class pattern that does not fit its class.
class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Color:
    RED = "red"
    GREEN = "green"


def describe(value):
    match value:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case "hello" | "hi" as greeting:
            return f"greeting {greeting}"
        case None:
            return "nothing"
        case True:
            return "true"
        case Color.RED:
            return "the color red"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long: {first}..{last} ({len(middle)} between)"
        case (a, b, *_):
            return f"starts {a}, {b}"
        case {"action": "move", "to": [x, y]}:
            return f"move to {x},{y}"
        case {"action": action, **rest}:
            return f"action {action} with {sorted(rest)}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=py):
            return f"on the y axis at {py}"
        case Point(px, py) if px == py:
            return f"diagonal {px}"
        case Point():
            return "some point"
        case int(n) if n > 100:
            return f"big int {n}"
        case str() as s:
            return f"other string {s!r}"
        case {}:
            return "a mapping"
        case _:
            return "something else"


for v in [0, 2, -1, 2.5, "hi", "hello", None, True, "red", [], [7], [1, 2, 3, 4, 5], (1, 2), (1, 2, 3),
          {"action": "move", "to": [3, 4]}, {"action": "jump", "height": 2, "speed": 1}, Point(0, 0),
          Point(0, 5), Point(3, 3), Point(1, 2), 500, 42, "text", {"k": 1}, 3.75, range(2)]:
    print(repr(v) if not isinstance(v, Point) else "Point", "->", describe(v))

command = "go north"
match command.split():
    case [verb, direction] if verb == "go":
        print("going", direction)
    case _:
        print("unknown")

match 1, 2:
    case x, y:
        print("tuple subject", x, y)

def nested(v):
    match v:
        case [Point(x=0) as p, {"n": int() | float() as n}]:
            return f"p.y={p.y} n={n}"
        case [(1 | 2) as small, *rest]:
            return f"small {small} rest {rest}"
    return "no match"

print(nested([Point(0, 9), {"n": 2.5}]))
print(nested([2, 3, 4]))
print(nested([5]))
m = 5
match m:
    case other:
        print("captured", other)
print(other)

class NoArgs:
    pass

try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print(e)
f = len
try:
    match 5:
        case f():
            pass
except TypeError as e:
    print(e)
try:
    match Point(1, 2):
        case Point(1, x=2):
            pass
except TypeError as e:
    print(e)
