# CPU-bound work split across threads. With the GIL only one thread executes bytecode at a time,
# so more threads (and more CPUs) do not finish sooner; turn the GIL off to see the difference.
import threading
import time

THREADS = 4  # slider: 1..64
WORK = 200000  # slider: 1000..2000000


def count_down(n):
    while n > 0:
        n -= 1


if __name__ == "__main__":
    start = time.perf_counter()
    threads = [threading.Thread(target=count_down, args=(WORK // THREADS,)) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{THREADS} threads counted down {WORK} in total")
    print(f"took {time.perf_counter() - start:.3f} s")
