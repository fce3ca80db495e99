# for over range(): start, stop, step, negative steps and empty ranges.
for i in range(4):
    print("tick", i)
print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)))
print(list(range(5, 0, -1)), list(range(10, 0, -3)), list(range(3, 3)))
print(list(range(5, 1)), list(range(-3, 3)), len(range(0, 100, 7)))
print(range(3)[1], range(10, 0, -2)[-1], 4 in range(5), 5 in range(5))

total = 0
for i in range(1, 11):
    total += i * i
print("sum of squares", total)

for row in range(3):
    line = ""
    for col in range(row + 1):
        line += str(col)
    print(line)

last = None
for last in range(3):
    pass
print("loop variable after loop", last)
n = 0
for _ in range(0):
    n += 1
print("empty range ran", n, "times")
