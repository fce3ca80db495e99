# enumerate and zip to walk several sequences in step.
names = ["main", "reader", "writer"]
for i, name in enumerate(names):
    print(i, name)
for tid, name in enumerate(names, 1):
    print("Thread %d: %s" % (tid, name))
print(list(enumerate("ab")), list(enumerate(["x"], start=10)))

cpus = [0, 1, 0]
states = ["running", "running", "ready", "blocked"]
for name, cpu, state in zip(names, cpus, states):
    print(name, cpu, state)
print(list(zip([1, 2, 3], "ab")))
print(list(zip()), list(zip([1, 2])))

keys = ["alice", "bob"]
amounts = [10, 20]
ledger = dict(zip(keys, amounts))
print(ledger)
for i, (k, a) in enumerate(zip(keys, amounts)):
    print(i, k, a)
a = [3, 1, 4, 1, 5]
diffs = [y - x for x, y in zip(a, a[1:])]
print(diffs)
for i, ch in enumerate("GIL"):
    print(i, ch, end="; ")
print()
