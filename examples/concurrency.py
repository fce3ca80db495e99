# Concurrency and parallelism: THREADS workers share the counting. On one CPU they take turns;
# on several CPUs they run at the same instant. A waiter that blocks costs the others nothing.
import threading
import time

THREADS = 4  # slider: 1..16
WORK = 200000  # in all, shared among the workers


def count_down(n):
    while n > 0:
        n -= 1


def wait_for_disk():
    time.sleep(0.001)  # blocked: off the CPU until the sleep ends


if __name__ == "__main__":
    start = time.perf_counter()
    waiter = threading.Thread(target=wait_for_disk, name="waiter")
    waiter.start()
    workers = [threading.Thread(target=count_down, args=(WORK // THREADS,)) for _ in range(THREADS)]
    for t in workers:
        t.start()
    for t in workers + [waiter]:
        t.join()
    print(f"{THREADS} workers took {time.perf_counter() - start:.3f} s")
