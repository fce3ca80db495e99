# async for, async generators (asend, athrow, aclose), async comprehensions and await inside
# comprehensions, aiter/anext, running on the engine's asyncio.
import asyncio

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i
    print("ticker done")

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n

async def square(x):
    await asyncio.sleep(0)
    return x * x

async def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    finally:
        print("echo closing with", received)

async def main():
    async for i in ticker(3, 0.01):
        print("tick", i)
    else:
        print("loop else")
    async for n in Countdown(3):
        print("countdown", n)
        if n == 1:
            break
    print([x async for x in ticker(4, 0)])
    print({x: x * 2 async for x in Countdown(3)}, {x async for x in Countdown(2)})
    print([await square(x) for x in range(4)])
    print([y for x in [1, 2] async for y in ticker(x, 0)])
    evens = (x async for x in ticker(6, 0) if x % 2 == 0)
    print(type(evens).__name__, [x async for x in evens])
    gen = echo()
    print(type(gen).__name__, await gen.__anext__(), await gen.asend("a"), await gen.asend("b"))
    await gen.aclose()
    it = aiter(Countdown(2))
    print(await anext(it), await anext(it), await anext(it, "done"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    agen = ticker(5, 0)
    print(await agen.__anext__())
    try:
        await agen.athrow(ValueError("stop"))
    except ValueError as e:
        print("athrow raised", e)
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("finished after athrow")

    async def producer(q):
        for i in range(3):
            await q.put(i)
            yield i

    q = asyncio.Queue()
    async def consume():
        return [v async for v in producer(q)]
    got = await asyncio.gather(consume(), asyncio.sleep(0, "slept"))
    print(got, q.qsize())

asyncio.run(main())
