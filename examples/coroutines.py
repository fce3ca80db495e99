# Coroutines: tasks of one event loop on one thread. They switch only at await, and waiting on
# sleep costs no thread at all. THREADS = 1 does the same waiting with one thread per task, for
# contrast: as many stacks and TCBs, and the kernel switches between them.
import asyncio
import threading
import time

TASKS = 3  # slider: 1..1000
THREADS = 0  # slider: 0..1


async def fetch(index):
    print(f"task {index}: start")
    await asyncio.sleep(1.0)
    print(f"task {index}: done")
    return index * 10


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(*(fetch(i) for i in range(TASKS)))
    print(f"results {results} in {time.perf_counter() - start:.0f} s")


def fetch_in_thread(index, results):
    print(f"task {index}: start")
    time.sleep(1.0)
    print(f"task {index}: done")
    results[index] = index * 10


def main_with_threads():
    start = time.perf_counter()
    results = [None] * TASKS
    threads = [threading.Thread(target=fetch_in_thread, args=(i, results)) for i in range(TASKS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"results {results} in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    if THREADS:
        main_with_threads()
    else:
        asyncio.run(main())
