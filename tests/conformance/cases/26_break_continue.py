# break leaves the innermost loop, continue skips to its next iteration.
for n in range(10):
    if n % 2 == 0:
        continue
    if n > 7:
        break
    print("odd", n)

jobs = ["ok", "ok", "skip", "ok", "stop", "ok"]
done = 0
for job in jobs:
    if job == "skip":
        continue
    if job == "stop":
        print("stop requested")
        break
    done += 1
print("done", done)

for row in range(3):
    for col in range(3):
        if col > row:
            break
        print(row, col)

i = 0
found = -1
while True:
    i += 1
    if i % 5 != 0:
        continue
    if i * i > 200:
        found = i
        break
print("first multiple of 5 with square over 200:", found)

count = 0
for ch in "a-b--c":
    if ch == "-":
        continue
    count += 1
print(count)
