# An ordinary program of the kind issue 14 lists, run unchanged.
import asyncio
async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} done"
async def main():
    results = await asyncio.gather(fetch("a", 0.02), fetch("b", 0.01), fetch("c", 0.0))
    print(results)
    tasks = [asyncio.create_task(fetch(n, 0.01)) for n in "xyz"]
    for t in tasks:
        print(await t)
    async def agen():
        for i in range(3):
            yield i
            await asyncio.sleep(0)
    print([i async for i in agen()])
asyncio.run(main())
