# asyncio as the documentation teaches it: the say_after examples (await, create_task,
# TaskGroup), timeout, as_completed, wait, shield, cancellation with a message, Condition and
# the three queues. Times are printed rounded, as the docs' "started at"/"finished at" lines.
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def sequential():
    start = time.monotonic()
    await say_after(1, "hello")
    await say_after(2, "world")
    print("sequential took", round(time.monotonic() - start))

async def with_tasks():
    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    start = time.monotonic()
    await task1
    await task2
    print("with tasks took", round(time.monotonic() - start))

async def with_task_group():
    start = time.monotonic()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(say_after(1, "hello"))
        tg.create_task(say_after(2, "world"))
    print("with a TaskGroup took", round(time.monotonic() - start))

asyncio.run(sequential())
asyncio.run(with_tasks())
asyncio.run(with_task_group(), debug=True)

async def fails(delay, message):
    await asyncio.sleep(delay)
    raise ValueError(message)

async def group_failure():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails(0.1, "first"))
            slow = tg.create_task(asyncio.sleep(5))
    except ExceptionGroup as eg:
        print("ExceptionGroup:", eg, [str(e) for e in eg.exceptions], "slow cancelled:", slow.cancelled())

async def timeouts():
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout: TimeoutError")
    async with asyncio.timeout(None) as cm:
        print("no deadline:", cm.when())
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.2) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at expired:", cm.expired())
    try:
        await asyncio.wait_for(asyncio.sleep(3), timeout=0.1)
    except TimeoutError:
        print("wait_for: TimeoutError")

async def value_after(delay, value):
    await asyncio.sleep(delay)
    return value

async def completion_order():
    aws = [value_after(0.3, "slow"), value_after(0.1, "fast"), value_after(0.2, "middle")]
    for next_done in asyncio.as_completed(aws):
        print("as_completed:", await next_done)
    tasks = [asyncio.create_task(value_after(d, d)) for d in (0.3, 0.1, 0.2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED:", [t.result() for t in done], len(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print("timeout 0.15:", len(done), len(pending))
    bad = asyncio.create_task(fails(0.05, "boom"))
    done, pending = await asyncio.wait(tasks + [bad], return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION:", len(done), len(pending), repr(bad.exception()))
    bare = value_after(0, 0)
    try:
        await asyncio.wait([bare])
    except TypeError as e:
        print("TypeError:", e)
    bare.close()

async def cancellation():
    async def worker():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("worker cancelled with", e.args)
            raise
    task = asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    task.cancel("stop now")
    try:
        await task
    except asyncio.CancelledError as e:
        print("awaiting it raises CancelledError", task.cancelled())
    inner = asyncio.create_task(value_after(0.2, "inner survived"))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.05)
    except TimeoutError:
        print("shielded wait timed out, inner cancelled:", inner.cancelled())
    print(await inner)

async def condition_and_queues():
    cond = asyncio.Condition()
    ready = []
    async def waiter(n):
        async with cond:
            await cond.wait_for(lambda: len(ready) > 0)
            print("waiter", n, "sees", ready)
    waiters = [asyncio.create_task(waiter(n)) for n in range(3)]
    await asyncio.sleep(0.1)
    async with cond:
        ready.append("go")
        cond.notify(2)
    await asyncio.sleep(0.1)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*waiters)
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a2")]:
        pq.put_nowait(item)
    print("priority:", [pq.get_nowait() for _ in range(4)])
    lq = asyncio.LifoQueue()
    for i in range(3):
        await lq.put(i)
    popped = []
    for _ in range(3):
        popped.append(await lq.get())
    print("lifo:", popped)
    bounded = asyncio.Queue(maxsize=2)
    async def producer():
        for i in range(5):
            await bounded.put(i)
            print("put", i, "size", bounded.qsize())
    async def consumer():
        for i in range(5):
            await asyncio.sleep(0.1)
            print("got", await bounded.get())
            bounded.task_done()
    await asyncio.gather(producer(), consumer())
    await bounded.join()
    print("queue joined, full:", bounded.full())

for coroutine in (group_failure, timeouts, completion_order, cancellation, condition_and_queues):
    asyncio.run(coroutine())

# The loop API: get_event_loop at module level, call_soon/call_later/call_at, run_forever/stop.
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop, loop.is_running(), loop.is_closed())
loop.call_soon(print, "call_soon runs first")
loop.call_later(0.2, print, "call_later after 0.2")
loop.call_at(loop.time() + 0.1, print, "call_at after 0.1")
loop.call_later(0.3, loop.stop)
loop.run_forever()
task = loop.create_task(value_after(0.1, "loop.create_task result"))
print(loop.run_until_complete(task))
future = loop.create_future()
future.add_done_callback(lambda f: print("done callback:", f.result()))
loop.call_later(0.1, future.set_result, 42)
print(loop.run_until_complete(future))
loop.close()
print(loop.is_closed())
try:
    loop.call_soon(print)
except RuntimeError as e:
    print("RuntimeError:", e)
bare = value_after(0, 1)
try:
    asyncio.get_event_loop().run_until_complete(bare)
except RuntimeError as e:
    print("RuntimeError:", e)
bare.close()
