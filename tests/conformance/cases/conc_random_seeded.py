# random with a seed gives CPython's numbers: the Mersenne Twister seeded from ints, floats and
# strings, and the algorithms on top of it (randrange, choices, shuffle, sample, gauss, ...).
import random

for s in (0, 1, 7, 42, 12345, -3, 2**40 + 5, "hello", "", "héllo wörld", 3.5, 2.0, -0.1):
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(40), random.randint(1, 100), random.randrange(0, 1000, 7))

random.seed(7)
print(random.choice("abcdefg"), random.choices(range(10), k=5))
print(random.choices("abc", [1, 5, 2], k=6), random.choices("abc", cum_weights=[1, 2, 9], k=4))
deck = list(range(20))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 10), random.sample(range(1000), 8), random.sample("abcdef", 3))
print(random.uniform(2, 5), random.gauss(0, 1), random.gauss(0, 1), random.gauss(10, 2))
print(random.normalvariate(0, 1), random.expovariate(2.0), random.triangular(0, 10, 3))

r = random.Random(99)
state = r.getstate()
first = [r.random() for i in range(3)]
r.setstate(state)
print(first == [r.random() for i in range(3)])
print(random.getrandbits(63), random.getrandbits(0), random.getrandbits(33))
random.seed("hello", version=1)
print(random.random())
print([random.Random(i).randint(1, 6) for i in range(10)])
long_run = random.Random(5)
print([long_run.random() for i in range(700)][-1])

# A seeded producer/consumer's messages, as the tutorials print them.
random.seed(2024)
for i in range(5):
    print("produced", random.randint(1, 100), "after", round(random.uniform(0.1, 0.5), 3), "s")
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.randrange(5, 5)
except ValueError as e:
    print("ValueError:", e)
