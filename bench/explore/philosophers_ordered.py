# Three dining philosophers who take the lower-numbered fork first: no wait-for cycle.
import threading

forks = [threading.Lock() for _ in range(3)]


def dine(i):
    first, second = sorted([i, (i + 1) % 3])
    with forks[first]:
        with forks[second]:
            print("philosopher", i, "ate")


philosophers = [threading.Thread(target=dine, args=(i,)) for i in range(3)]
for p in philosophers:
    p.start()
for p in philosophers:
    p.join()
