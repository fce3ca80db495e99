# Ordinary program work: small objects, dict updates, f-strings and sorted() over 200 000 ints.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


N = 200_000
points = [Point(i % 1000 - 500, (i * 7) % 1000 - 500) for i in range(N)]
counts = {}
for p in points:
    key = p.norm1() % 97
    counts[key] = counts.get(key, 0) + 1
labels = [f"{p.x}:{p.y}" for p in points[:50_000]]
values = sorted((i * 7919) % N for i in range(N))
print(len(counts), max(counts.values()), labels[12345], values[0], values[-1], sum(values[::1000]))
