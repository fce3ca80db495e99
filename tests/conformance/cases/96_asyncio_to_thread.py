# asyncio.to_thread: a blocking call runs in a worker thread while the loop's tasks go on.
import asyncio
import threading
import time


def blocking(name, seconds):
    time.sleep(seconds)
    return name + " from " + threading.current_thread().name


def failing():
    raise ValueError("in a thread")


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        print("tick", i)


async def main():
    result, _ = await asyncio.gather(asyncio.to_thread(blocking, "slow", 0.35), ticker(3))
    print(result)
    # The worker marks itself idle just after it hands back its result; the pause lets it, so
    # that CPython reuses asyncio_0 here instead of (under load) starting asyncio_1.
    await asyncio.sleep(0.05)
    print(await asyncio.get_running_loop().run_in_executor(None, blocking, "again", 0.1))
    try:
        await asyncio.to_thread(failing)
    except ValueError as error:
        print("raised", error)


asyncio.run(main())
