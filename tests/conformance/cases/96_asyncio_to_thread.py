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
    # Which of the default executor's threads: CPython's worker marks itself idle just after it
    # hands back its result, so under load this call may start asyncio_1 instead of reusing _0.
    again = await asyncio.get_running_loop().run_in_executor(None, blocking, "again", 0.1)
    print(again.rsplit("_", 1)[0])
    try:
        await asyncio.to_thread(failing)
    except ValueError as error:
        print("raised", error)


asyncio.run(main())
