# asyncio's 3.11 additions: timeout().reschedule, Barrier (indexes, n_waiting, reset, abort,
# async with), BoundedSemaphore's over-release, ensure_future, run_in_executor and to_thread,
# a named task cancelled, and asyncio.Runner.
import asyncio
async def main():
    async with asyncio.timeout(10) as cm:
        cm.reschedule(asyncio.get_running_loop().time() + 0.01)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("cancelled inside")
            raise
    print("unreachable")
async def b():
    barrier = asyncio.Barrier(2)
    async def w(n):
        i = await barrier.wait()
        return n, i
    print(sorted(await asyncio.gather(w(1), w(2))))
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    async def blocked():
        try:
            await barrier.wait()
        except asyncio.BrokenBarrierError as e:
            print("BrokenBarrierError:", e)
    t = asyncio.create_task(blocked())
    await asyncio.sleep(0.01)
    print(barrier.n_waiting, repr(barrier).split(" [")[1])
    await barrier.reset()
    await t
    t = asyncio.create_task(blocked())
    await asyncio.sleep(0.01)
    await barrier.abort()
    await t
    print(barrier.broken, repr(barrier).split(" [")[1])
    async with asyncio.Barrier(1) as index:
        print("async with gives", index)
async def sem():
    s = asyncio.BoundedSemaphore(1)
    await s.acquire(); s.release()
    try:
        s.release()
    except ValueError as e:
        print(e)
    ev = asyncio.Event()
    print(ev.is_set()); ev.set(); ev.clear(); print(ev.is_set())
    t = asyncio.ensure_future(asyncio.sleep(0.01, "ef"))
    print(await t)
    print(await asyncio.wait_for(asyncio.sleep(0.01, "wf"), 1))
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, sum, [1, 2])
    print(await fut, await asyncio.to_thread(max, 3, 4))
    task = asyncio.create_task(asyncio.sleep(1), name="named")
    print(task.get_name())
    task.cancel()
    await asyncio.sleep(0)
    print(task.cancelled())
try:
    asyncio.run(main())
except TimeoutError:
    print("TimeoutError")
asyncio.run(b())
asyncio.run(sem())
with asyncio.Runner() as runner:
    print(runner.run(asyncio.sleep(0, "runner")))
