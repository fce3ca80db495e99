# Work that both computes and waits, split among THREADS workers. Each round spends IO_SHARE
# percent of its time waiting (time.sleep stands for I/O, and releases the GIL) and the rest
# counting (which needs the GIL). At 0 the GIL lets one worker count at a time, so more threads
# do not help; as the waiting share grows the waits overlap and the threads finish sooner.
import threading
import time

THREADS = 4  # slider: 1..16
IO_SHARE = 50  # slider: 0..100
ROUNDS = 40  # in all, shared among the workers
COUNT = 11000  # about 2 ms of counting on the lab's machine
ROUND_SECONDS = 0.002  # a round's waiting at IO_SHARE = 100


def worker():
    for _ in range(ROUNDS // THREADS):
        n = COUNT * (100 - IO_SHARE) // 100
        while n > 0:
            n -= 1
        time.sleep(ROUND_SECONDS * IO_SHARE / 100)


if __name__ == "__main__":
    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{THREADS} workers, {IO_SHARE}% waiting: took {time.perf_counter() - start:.3f} s")
