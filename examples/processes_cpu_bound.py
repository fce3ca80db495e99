# The CPU-bound work again, in processes: each has its own interpreter and its own GIL, so on
# several CPUs they really do run at the same time.
import multiprocessing
import time

WORKERS = 4  # slider: 1..16
WORK = 200000  # slider: 1000..2000000


def count_down(n):
    while n > 0:
        n -= 1


if __name__ == "__main__":
    start = time.perf_counter()
    processes = [multiprocessing.Process(target=count_down, args=(WORK // WORKERS,)) for _ in range(WORKERS)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print(f"{WORKERS} processes counted down {WORK} in total")
    print(f"took {time.perf_counter() - start:.3f} s")
