# Three dining philosophers, each taking the fork on the left, then the one on the right.
import threading

forks = [threading.Lock() for _ in range(3)]


def dine(i):
    left, right = forks[i], forks[(i + 1) % 3]
    with left:
        with right:
            print("philosopher", i, "ate")


philosophers = [threading.Thread(target=dine, args=(i,)) for i in range(3)]
for p in philosophers:
    p.start()
for p in philosophers:
    p.join()
