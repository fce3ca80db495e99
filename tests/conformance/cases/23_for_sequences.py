# for over lists, tuples and strings.
threads = ["main", "worker-1", "worker-2"]
for name in threads:
    print("thread", name)

states = ("new", "ready", "running", "blocked", "terminated")
for state in states:
    print(state, len(state))

vowels = 0
for ch in "concurrency":
    if ch in "aeiou":
        vowels += 1
print("vowels", vowels)

for ch in "ab\tc":
    print(repr(ch))

matrix = [(1, 2), (3, 4)]
for pair in matrix:
    for value in pair:
        print(value, end=" ")
print()

letters = []
for ch in "GIL":
    letters.append(ch.lower())
print(letters)
for item in []:
    print("never")
mixed = [1, "two", (3,), [4]]
for item in mixed:
    print(type(item).__name__, item)
