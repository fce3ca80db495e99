# async with: asyncio.Lock, Semaphore and a user-defined asynchronous context manager.
import asyncio

balance = 0


async def deposit(lock, name, amount):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.01)
        balance = current + amount
        print(name, "deposited", amount, "->", balance)


class Session:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("open", self.name)
        await asyncio.sleep(0.01)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError


async def limited(sem, i, active, peak):
    async with sem:
        active.append(i)
        peak.append(len(active))
        await asyncio.sleep(0.1)
        active.remove(i)
    return i


async def inside(name):
    async with Session(name) as s:
        if name == "early":
            return "returned from " + s.name
        if name == "swallowed":
            raise KeyError(name)
        if name == "escapes":
            raise ValueError(name)
        print("using", s.name)
    return "after " + name


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit(lock, "t" + str(i), 10 * (i + 1)) for i in range(4)))
    print("balance", balance, lock.locked())

    sem = asyncio.Semaphore(2)
    active, peak = [], []
    print(await asyncio.gather(*(limited(sem, i, active, peak) for i in range(5))), max(peak))

    for name in ["plain", "early", "swallowed"]:
        print(await inside(name))
    try:
        await inside("escapes")
    except ValueError as error:
        print("escaped", error)

    try:
        lock.release()
    except RuntimeError as error:
        print(error)
    bounded = asyncio.BoundedSemaphore(1)
    try:
        bounded.release()
    except ValueError as error:
        print(error)

    try:
        async with 5:
            pass
    except TypeError as error:
        print(error)


asyncio.run(main())
