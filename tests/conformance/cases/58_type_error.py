# Mixing incompatible types, or calling with the wrong arguments, raises TypeError.
def record(name, amount):
    return name + ": " + str(amount)

tests = [
    lambda: "total: " + 5,
    lambda: 5 + "5",
    lambda: len(42),
    lambda: record("x"),
    lambda: record("x", 1, 2),
    lambda: record("x", amount=1, name="y"),
    lambda: None(),
    lambda: [1, 2] * "2",
    lambda: {}[[1]],
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)

print(record("ok", 1))
label = "count=" + len([1, 2, 3])
print(label)
