# Truth values of everyday objects decide if/while/and/or.
values = [0, 1, -1, 0.0, 0.5, "", " ", "0", [], [0], (), ((),), {}, {0: 0}, None, True, False]
for v in values:
    print("%-8r truthy" % (v,) if v else "%-8r falsy" % (v,))

class Job:
    def __init__(self, name):
        self.name = name

print(bool(Job("x")), "object instances are truthy")
queue = ["a", "b"]
rounds = 0
while queue:
    queue.pop()
    rounds += 1
print("drained in", rounds)
name = ""
print(name or "<unnamed>")
count = 0
print("none" if not count else count)
