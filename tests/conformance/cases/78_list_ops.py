# List operators and aliasing: +, *, in, nested references and copies.
a = [1, 2]
b = a + [3]
a.append(99)
print(a, b, [0] * 4, [1, 2] * 2, [] * 5)
print(3 in b, 4 in b, [1] in [[1], [2]])

rows_shared = [[0] * 3] * 2
rows_shared[0][0] = 1
print(rows_shared)
rows_own = [[0] * 3 for _ in range(2)]
rows_own[0][0] = 1
print(rows_own)

shared = []
t1_view = shared
t2_view = shared
t1_view.append("from t1")
t2_view.append("from t2")
print(shared, len(shared), t1_view is t2_view)

snapshot = shared[:]
shared.pop()
print(snapshot, shared)

def add_item(items, item):
    items.append(item)

def rebind(items):
    items = ["rebound"]
    return items

log = []
add_item(log, "x")
print(log, rebind(log), log)
stack = []
for ch in "push":
    stack.append(ch)
popped = ""
while stack:
    popped += stack.pop()
print(popped)
print(len([[], [[]], [[], []]]), [[]] == [[]])
