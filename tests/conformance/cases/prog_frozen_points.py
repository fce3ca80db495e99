# An ordinary program of the kind issue 14 lists, run unchanged.
from dataclasses import dataclass, field, asdict, replace
@dataclass(frozen=True, order=True)
class Point:
    x: int
    y: int
visited = {Point(0, 0), Point(1, 0), Point(0, 0)}
print(len(visited), Point(1, 0) in visited, sorted(visited))
dist = {Point(0, 0): 0}
dist[Point(1, 1)] = 2
print(dist[Point(1, 1)], asdict(Point(3, 4)), replace(Point(1, 2), y=9))
@dataclass
class Inventory:
    items: dict = field(default_factory=dict)
    def add(self, name, n=1):
        self.items[name] = self.items.get(name, 0) + n
inv = Inventory()
inv.add("apple"); inv.add("apple", 2); inv.add("pear")
print(inv)
