# collections: deque with maxlen, Counter, defaultdict, OrderedDict, namedtuple,
# and the errors CPython raises.
from collections import deque, Counter, defaultdict, OrderedDict, namedtuple

d = deque([1, 2, 3], maxlen=4)
d.append(4)
d.append(5)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d.maxlen, 3 in d)
d.rotate(1)
print(d, d.pop(), d.popleft(), d)
d.extend([7, 8, 9])
d.extendleft("ab")
print(d, list(d)[::-1], d.count(7))
print(deque(range(5)), deque(), deque("xyz", maxlen=2))
for action in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2), lambda: deque(maxlen=-1)):
    try:
        action()
    except Exception as e:
        print(type(e).__name__ + ":", e)

words = "the quick brown fox jumps over the lazy dog the end".split()
c = Counter(words)
print(c)
print(c.most_common(2), c["the"], c["missing"], len(c), c.total())
c.update(["fox", "fox"])
c.subtract({"the": 2})
print(c.most_common(3))
print(Counter("abracadabra"), sorted(Counter("aab").elements()))
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3, b=1) - Counter(a=1, b=5))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2), Counter())
try:
    Counter([[1, 2], [3]])
except TypeError as e:
    print("TypeError:", e)

groups = defaultdict(list)
for word in words:
    groups[len(word)].append(word)
print(groups)
print(groups[3], groups.get(9), 9 in groups, sorted(groups))
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(counts, dict(counts.items()))
try:
    defaultdict(None)["x"]
except KeyError as e:
    print("KeyError:", e)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)

o = OrderedDict()
o["b"] = 1
o["a"] = 2
o["c"] = 3
o.move_to_end("b")
print(o, list(o), o.popitem(), o.popitem(last=False), o)
o["z"] = 0
o.move_to_end("z", last=False)
print(o, o == OrderedDict([("z", 0), ("c", 3)]), o == OrderedDict([("c", 3), ("z", 0)]), OrderedDict(x=1))

Point = namedtuple("Point", ["x", "y"])
p = Point(3, y=4)
print(p, p.x + p.y, p[0], len(p), list(p), p == (3, 4), p._asdict())
print(p._replace(x=10), Point._fields, Point._make([5, 6]), tuple(p))
x, y = p
print(x, y, Point.__name__)
Color = namedtuple("Color", "red green blue", defaults=[0])
print(Color(1, 2), Color._field_defaults)
for action in (lambda: Point(1), lambda: Point(1, 2, 3), lambda: namedtuple("Bad", ["_x"]), lambda: namedtuple("Bad", ["x", "x"])):
    try:
        action()
    except Exception as e:
        print(type(e).__name__ + ":", e)
