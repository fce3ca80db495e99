# asyncio as 3.11 delivers cancellation: gather(return_exceptions=True) of cancelled tasks, a
# second cancel() that keeps the first one's message, shield, the docs' queue of workers with
# task_done/join, Queue(maxsize) full and a put that times out, as_completed with a timeout.
import asyncio
async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item / 10)
        q.task_done()
        print(f"{name} slept {item}")
async def main():
    q = asyncio.Queue()
    for d in [5, 1, 3, 2, 4]:
        q.put_nowait(d)
    tasks = [asyncio.create_task(worker(f"worker-{i}", q)) for i in range(2)]
    await q.join()
    for t in tasks:
        t.cancel()
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print(res)
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timeout", repr(e))
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", repr(e), t.cancelled(), t.done())
    t2 = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    print(t2.cancel("why"), t2.cancel())
    try:
        await t2
    except asyncio.CancelledError as e:
        print("msg", e.args)
    async def sh():
        await asyncio.sleep(0.05)
        return "shielded"
    inner = asyncio.create_task(sh())
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", inner.cancelled())
    print(await inner)
    ev = asyncio.Event()
    async def setter():
        await asyncio.sleep(0.01); ev.set()
    asyncio.create_task(setter())
    print(await ev.wait())
    sem = asyncio.Semaphore(2)
    print(sem.locked())
    async with sem:
        print(sem.locked(), sem._value)
    print(asyncio.current_task().get_name(), len(asyncio.all_tasks()))
    f = asyncio.get_running_loop().create_future()
    f.cancel()
    print(f.cancelled())
    q2 = asyncio.Queue(1)
    await q2.put(1)
    try:
        q2.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    try:
        await asyncio.wait_for(q2.put(3), 0.01)
    except asyncio.TimeoutError:
        print("put timed out")
    for c in asyncio.as_completed([asyncio.sleep(0.02, "b"), asyncio.sleep(0.01, "a")], timeout=1):
        print(await c)
    try:
        for c in asyncio.as_completed([asyncio.sleep(1)], timeout=0.01):
            await c
    except TimeoutError:
        print("as_completed timeout")
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(1))], timeout=0.01)
    print(len(done), len(pending))
    for p in pending: p.cancel()
asyncio.run(main(), debug=True)
print(asyncio.run(asyncio.sleep(0, "x")))
