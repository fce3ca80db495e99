# asyncio: gather (in order, return_exceptions), create_task, cancel, wait_for, wait, Queue, Event.
import asyncio
import time


async def worker(name, delay, log):
    log.append(name + " start")
    await asyncio.sleep(delay)
    log.append(name + " end")
    return name.upper()


async def failing(delay):
    await asyncio.sleep(delay)
    raise ValueError("bad " + str(delay))


async def forever():
    try:
        while True:
            await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print("forever: cancelled")
        raise


async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
        print("put", i)
    await queue.put(None)


async def consumer(queue):
    got = []
    while True:
        item = await queue.get()
        queue.task_done()
        if item is None:
            break
        await asyncio.sleep(0.1)
        got.append(item)
    return got


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    log = []
    results = await asyncio.gather(worker("a", 0.3, log), worker("b", 0.1, log), worker("c", 0.2, log))
    print(results, log)
    print("all three in about 0.3 s:", 0.3 <= loop.time() - start < 0.5)

    mixed = await asyncio.gather(failing(0.1), worker("d", 0.2, log), return_exceptions=True)
    print(mixed)
    try:
        await asyncio.gather(failing(0.2), worker("e", 0.1, log))
    except ValueError as error:
        print("gather raised", error)

    task = asyncio.create_task(worker("t", 0.5, log))
    print(task.done())
    await asyncio.sleep(0)
    print(log[-1])
    print(await task, task.done(), task.result())

    spinner = asyncio.create_task(forever())
    await asyncio.sleep(1.2)
    print(spinner.cancel())
    try:
        await spinner
    except asyncio.CancelledError:
        print("spinner cancelled", spinner.cancelled())

    try:
        await asyncio.wait_for(worker("slow", 5, log), timeout=0.5)
    except asyncio.TimeoutError:
        print("timed out")
    print(await asyncio.wait_for(worker("quick", 0.1, log), 1))

    queue = asyncio.Queue(maxsize=2)
    got, _ = await asyncio.gather(consumer(queue), producer(queue, 5))
    print("consumed", got, queue.empty(), queue.qsize())

    tasks = [asyncio.create_task(worker(n, d, log)) for n, d in [("x", 0.3), ("y", 0.1)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [t.result() for t in done])
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending))

    event = asyncio.Event()

    async def waiter():
        await event.wait()
        return "woken"

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0.1)
    print(event.is_set(), w.done())
    event.set()
    print(await w)
    print(await asyncio.sleep(0.1, result="slept"))
    print("total above 4 s:", loop.time() - start > 4)
    return "main done"


print(asyncio.run(main()))


async def boom():
    await asyncio.sleep(0.1)
    raise KeyError("lost")

try:
    asyncio.run(boom())
except KeyError as error:
    print("run raised", repr(error))


async def nested():
    return await asyncio.gather()

print(asyncio.run(nested()))
