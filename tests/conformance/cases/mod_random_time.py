# random and time: what does not depend on the generator's numbers (ranges, permutations,
# reseeding gives the same sequence), and calendar formatting of fixed times.
import random
import time

random.seed(12345)
first = [random.random() for _ in range(5)]
random.seed(12345)
print(first == [random.random() for _ in range(5)], all(0 <= x < 1 for x in first))
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(200)))
print(sorted(set(random.randint(1, 3) for _ in range(200))))
print(all(random.randrange(0, 10, 3) in (0, 3, 6, 9) for _ in range(100)))
print(all(2.5 <= random.uniform(2.5, 3.5) <= 3.5 for _ in range(100)))
items = list(range(10))
random.shuffle(items)
print(sorted(items) == list(range(10)))
picked = random.sample(range(100), 10)
print(len(picked), len(set(picked)), all(0 <= p < 100 for p in picked))
print(random.choice("abc") in "abc", len(random.choices([1, 2], k=5)))
print(all(random.expovariate(2.0) >= 0 for _ in range(100)))
g = random.Random(7)
h = random.Random(7)
print([g.random() for _ in range(3)] == [h.random() for _ in range(3)])
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.randrange(0)
except ValueError as e:
    print("ValueError:", e)

print(time.gmtime(0))
print(time.gmtime(1704110400.5))
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(951782400)))
print(time.strftime("%a %A %b %B %j %I %p %y %%", (2024, 2, 29, 13, 5, 9, 3, 60, 0)))
print(time.gmtime(86400 * 365).tm_year, time.gmtime(1e9).tm_yday, time.gmtime(-1).tm_year)
print(time.asctime(time.gmtime(1704110400)))
print(time.gmtime(-86400 * 366 * 3), time.gmtime(2**40).tm_year, time.strftime("%d/%m/%Y", time.gmtime(1709164800)))
try:
    time.gmtime(1e300)
except OverflowError as e:
    print("OverflowError:", e)
