# list, dict and tuple as constructors and converters.
print(list("abc"), list(range(4)), list((1, 2)), list())
print(list({"a": 1, "b": 2}), list({"a": 1}.items()))
print(tuple([1, 2]), tuple("hi"), tuple(), tuple(range(3)))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict())
print(dict({"k": 1}, extra=2))
print(dict(zip(["p", "q"], [3, 4])))

original = [1, 2, 3]
copy = list(original)
copy.append(4)
print(original, copy, copy is original)
settings = {"threads": 2}
snapshot = dict(settings)
settings["threads"] = 8
print(settings, snapshot)

pairs = [("alice", 3), ("bob", 1), ("alice", 5)]
latest = dict(pairs)
print(latest)
grouped = {}
for name, value in pairs:
    grouped[name] = grouped.get(name, []) + [value]
print(grouped)
print(tuple(grouped), list(grouped.values()))
frozen = tuple(sorted(grouped["alice"], reverse=True))
print(frozen, type(frozen).__name__)
print(list(list("ab")), dict(dict(a=1)))
