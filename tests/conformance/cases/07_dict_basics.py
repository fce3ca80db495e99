# Dicts keep insertion order: a table of accounts by owner.
balances = {"alice": 100, "bob": 50}
print(balances, len(balances))
balances["carol"] = 75
balances["alice"] = balances["alice"] - 30
print(balances)
print(balances["bob"], balances.get("dave"), balances.get("dave", 0))
print("carol" in balances, "dave" in balances, "dave" not in balances)
del balances["bob"]
print(balances)
print(list(balances.keys()), list(balances.values()))
print(list(balances.items()))
removed = balances.pop("carol")
print(removed, balances)
balances.update({"erin": 10, "alice": 1})
print(balances)
empty = {}
print(empty, len(empty), {} == empty)
print({"a": 1, "b": 2} == {"b": 2, "a": 1})
by_tid = {1: "main", 2: "worker-1", (3, 4): "pair"}
print(by_tid[1], by_tid[(3, 4)])
nested = {"cpu0": {"busy": 3, "idle": 1}, "cpu1": {"busy": 0, "idle": 4}}
print(nested["cpu1"]["idle"], nested)
print(repr({"quote": "it's"}))
counts = {}
counts.setdefault("ready", 0)
counts["ready"] += 2
print(counts)
