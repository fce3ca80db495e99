# Coroutines: tasks of one event loop on one thread. They switch only at await, and waiting on
# sleep costs no thread at all.
import asyncio
import time

TASKS = 3  # slider: 1..32


async def fetch(index):
    print(f"task {index}: start")
    await asyncio.sleep(1.0)
    print(f"task {index}: done")
    return index * 10


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(*(fetch(i) for i in range(TASKS)))
    print(f"results {results} in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    asyncio.run(main())
