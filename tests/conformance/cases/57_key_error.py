# A missing dict key raises KeyError whose message is the repr of the key.
balances = {"alice": 100, "bob": 50}
try:
    balances["carol"]
except KeyError as e:
    print("KeyError:", e, e.args)
try:
    del balances["dave"]
except KeyError as e:
    print("del:", repr(e))
try:
    {1: "one"}[2]
except KeyError as e:
    print("int key:", e)
try:
    balances.pop("erin")
except KeyError as e:
    print("pop:", e)
print(balances.pop("erin", 0), balances.get("erin"))

def transfer(src, dst, amount):
    balances[src] -= amount
    balances[dst] += amount

transfer("alice", "bob", 10)
print(balances)
transfer("bob", "zoe", 5)
print("not reached")
