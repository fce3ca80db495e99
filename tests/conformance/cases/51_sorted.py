# sorted: a new list, by key, reversed, and stable for equal keys.
cpu_ms = [40, 12, 38, 7, 12]
print(sorted(cpu_ms), cpu_ms)
print(sorted(cpu_ms, reverse=True))
print(sorted(["worker-2", "main", "Worker-1", "io"]))
print(sorted("threadlab"), sorted((3, 1, 2)), sorted([]))
print(sorted({"b": 1, "a": 2, "c": 0}))

jobs = [("io", 2), ("cpu", 1), ("log", 2), ("net", 1), ("gc", 3)]
print(sorted(jobs, key=lambda j: j[1]))
print(sorted(jobs, key=lambda j: j[1], reverse=True))
print(sorted(jobs))

accounts = {"alice": 120, "bob": 40, "carol": 300, "dave": 40}
by_balance = sorted(accounts.items(), key=lambda kv: (-kv[1], kv[0]))
for name, balance in by_balance:
    print("%-6s %4d" % (name, balance))
print(sorted(accounts, key=lambda name: accounts[name]))
print(sorted(["bb", "a", "ccc", "dd"], key=len))
print(sorted([2.5, 1, -3, 0.0]))
print(sorted([[2, 1], [1, 9], [1, 2]]))
words = "the GIL lets one thread run at a time".split()
print(sorted(words, key=lambda w: w.lower()))
