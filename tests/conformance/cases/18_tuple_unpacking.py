# Assignment with unpacking: swaps, records, nested shapes and loop targets.
a, b = 1, 2
a, b = b, a
print(a, b)
x = y = z = 0
y += 1
print(x, y, z)

tid, name, cpu = (7, "worker", 0.25)
print(tid, name, cpu)
(first, second), third = [1, 2], 3
print(first, second, third)
left, right = "ab"
print(left, right)

def min_max(values):
    return min(values), max(values)

low, high = min_max([5, 3, 9, 1])
print(low, high)

events = [(1, "start", "T1"), (2, "block", "T2"), (4, "wake", "T2")]
for time, kind, thread in events:
    print(time, thread, kind)
for i, (t, kind, _) in enumerate(events):
    print(i, t, kind)

fib_a, fib_b = 0, 1
for _ in range(10):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(fib_a)
row = [0, 0, 0]
row[0], row[2] = 5, 6
print(row)
