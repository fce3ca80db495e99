# List comprehensions with conditions, nesting and captured variables.
squares = [n * n for n in range(8)]
print(squares)
evens = [n for n in squares if n % 2 == 0]
print(evens)
pairs = [(t, c) for t in range(3) for c in range(2) if t != c]
print(pairs)
words = "Thread one is running".split()
print([w.lower() for w in words if len(w) > 2])
print([ch for ch in "a1b2c3" if ch in "0123456789"])

accounts = {"alice": 120, "bob": 40, "carol": 300}
rich = [name for name, money in accounts.items() if money >= 100]
print(rich)

def scaled(values, factor):
    return [v * factor for v in values]

print(scaled([1, 2, 3], 10))
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
flat = [x for row in matrix for x in row]
print(flat, sum(flat))
n = 99
print([n for n in range(3)], n)
print([] == [x for x in []])
print([str(i) + ":" + s for i, s in enumerate(["a", "b"])])
