# str.format: automatic, numbered and named fields with format specs.
print("{} {}".format("hello", "world"))
print("{0} {1} {0}".format("ping", "pong"))
print("{name} has {n} jobs".format(name="worker", n=3))
print("{0:>6}|{1:<6}|{2:^6}|".format("r", "l", "c"))
print("{:.3f} {:8.2f} {:+.1f}".format(3.14159, 2.5, 7))
print("{:05d} {:x} {:b} {:,}".format(42, 255, 5, 1000000))
print("{:>10}".format("right"), "{:-<10}".format("fill"))
print("{!r} {!s}".format("text", "text"))
print("{0[0]} {0[1]} {1[key]}".format(["a", "b"], {"key": "v"}))

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(3, 4)
print("({0.x}, {0.y})".format(p))
print("{{braces}} {}".format(1))
row = "{:<10}{:>8}{:>8}"
print(row.format("thread", "cpu", "wait"))
for name, cpu, wait in [("main", 12, 3), ("worker-1", 40, 17)]:
    print(row.format(name, cpu, wait))
template = "Thread {tid}: {msg}"
print(template.format(tid=1, msg="starting"))
print(template.format(msg="done", tid=2))
print("{:.1%}".format(0.256), "{:e}".format(0.00012))
