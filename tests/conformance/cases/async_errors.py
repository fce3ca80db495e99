# The errors of async for and async generators as CPython reports them; the last one is not
# caught, so the traceback's last line is compared too.
import asyncio

class BadNext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 42

class NoNext:
    def __aiter__(self):
        return 5

async def boom():
    yield 1
    raise KeyError("inside the generator")

async def attempt(label, coroutine):
    try:
        print(label, "->", await coroutine)
    except Exception as e:
        print(label, "!", type(e).__name__ + ":", e)

async def loop_over(iterable):
    out = []
    async for x in iterable:
        out.append(x)
    return out

async def main():
    await attempt("list", loop_over([1, 2]))
    await attempt("bad next", loop_over(BadNext()))
    await attempt("no next", loop_over(NoNext()))
    await attempt("boom", loop_over(boom()))
    try:
        anext([1])
    except TypeError as e:
        print("anext:", e)
    try:
        aiter(3)
    except TypeError as e:
        print("aiter:", e)
    print(await loop_over(boom()))

asyncio.run(main())
